#include "response_parser.hpp"

#include <array>
#include <limits>

#include "ascii_text.hpp"
#include "json_reader.hpp"
#include "row_parser.hpp"
#include "service_error.hpp"
#include "utf8.hpp"

namespace casview {
namespace {

// A scalar as text: strings trimmed, numbers and booleans as written. Null, objects and arrays
// are absent. The view points into the input unless the string had escapes.
bool readText(JsonReader& reader, std::optional<std::string_view>& out) {
    out.reset();
    JsonType type;
    if (!reader.peek(type)) return false;
    const size_t start = reader.offset();
    switch (type) {
        case JsonType::String: {
            std::string_view value;
            if (!reader.readString(value)) return false;
            out = trimAscii(value);
            return true;
        }
        case JsonType::Number:
        case JsonType::Boolean:
            if (!reader.skipValue()) return false;
            out = reader.input().substr(start, reader.offset() - start);
            return true;
        default:
            return reader.skipValue();
    }
}

bool readInteger(JsonReader& reader, std::optional<int64_t>& out) {
    out.reset();
    JsonType type;
    if (!reader.peek(type)) return false;
    std::string_view text;
    if (type == JsonType::Number) {
        if (!reader.readNumber(text)) return false;
    } else if (type == JsonType::String) {
        if (!reader.readString(text)) return false;
        text = trimAscii(text);
    } else {
        return reader.skipValue();
    }
    out = parseJsonInteger(text);
    return true;
}

std::string toString(const std::optional<std::string_view>& text) {
    return text ? std::string(*text) : std::string();
}

std::string syntaxProblem(const JsonSyntaxError& error) {
    const std::string where = " at byte " + std::to_string(error.offset);
    if (error.truncated) return "the response body is cut short (unexpected end of input" + where + ")";
    return "the response body is not valid JSON (" + std::string(error.reason) + where + ")";
}

// Whether a page with this TotalCount must hold rows (it is not past the last page).
bool pageShouldHaveRows(const CertificateOrderPage& page) {
    if (!page.totalCount || *page.totalCount <= 0) return false;
    if (!page.currentPage || !page.showSize || *page.currentPage < 1 || *page.showSize < 1) return true;
    const int64_t pages = (*page.totalCount - 1) / *page.showSize + 1;
    return *page.currentPage <= pages;
}

}  // namespace

Outcome<CertificateOrderPage> parseListUserCertificateOrderResponse(int httpStatus, std::string_view body,
                                                                    RowRecords records) {
    const bool success = httpStatus == 0 || (httpStatus >= 200 && httpStatus < 300);

    JsonReader reader(body);
    JsonType top;
    if (!reader.peek(top)) {
        // Before the first value, only a blank body (whitespace, a byte order mark) ends early.
        if (reader.error().truncated) {
            return malformedResponse("the response body is empty", body, httpStatus);
        }
        return malformedResponse(syntaxProblem(reader.error()), body, httpStatus);
    }
    if (top != JsonType::Object) {
        if (!reader.skipValue() || !reader.finish()) {
            return malformedResponse(syntaxProblem(reader.error()), body, httpStatus);
        }
        return malformedResponse("the response body is " + std::string(describeJsonType(top)) + ", not a JSON object",
                                 body, httpStatus);
    }

    CertificateOrderPage page;
    ServiceErrorBody errorBody;
    bool listPresent = false;
    std::string shapeProblem;
    RowParser rowParser(records);

    reader.enterObject();
    std::string_view key;
    while (reader.nextMember(key)) {
        std::optional<std::string_view> text;
        if (key == "CertificateOrderList") {
            JsonType type;
            if (!reader.peek(type)) break;
            if (type == JsonType::Null) {
                listPresent = false;
                page.rows.clear();
                reader.skipValue();
                continue;
            }
            if (type != JsonType::Array) {
                shapeProblem = "CertificateOrderList is " + std::string(describeJsonType(type)) + ", not an array";
                reader.skipValue();
                continue;
            }
            listPresent = true;
            page.rows.clear();
            page.rows.reserve(100);  // a page's most (ShowSize ≤ 100): rows are not moved as it grows
            reader.enterArray();
            for (size_t index = 0; reader.nextElement(); ++index) {
                if (!reader.peek(type)) break;
                if (type != JsonType::Object) {
                    if (shapeProblem.empty()) {
                        shapeProblem = "CertificateOrderList[" + std::to_string(index) + "] is " +
                                       std::string(describeJsonType(type)) + ", not an object";
                    }
                    if (!reader.skipValue()) break;
                    continue;
                }
                page.rows.emplace_back();
                if (!rowParser.parse(reader, page.rows.back())) break;
            }
        } else if (key == "RequestId") {
            if (readText(reader, text)) page.requestId = text ? std::optional<std::string>(*text) : std::nullopt;
        } else if (key == "TotalCount") {
            readInteger(reader, page.totalCount);
        } else if (key == "CurrentPage") {
            readInteger(reader, page.currentPage);
        } else if (key == "ShowSize") {
            readInteger(reader, page.showSize);
        } else if (key == "Code") {
            if (readText(reader, text)) errorBody.code = toString(text);
        } else if (key == "Message") {
            if (readText(reader, text)) errorBody.message = toString(text);
        } else if (key == "HostId") {
            if (readText(reader, text)) errorBody.hostId = toString(text);
        } else if (key == "Recommend") {
            if (readText(reader, text)) errorBody.recommend = toString(text);
        } else {
            reader.skipValue();
        }
    }
    if (!reader.finish()) {
        return malformedResponse(syntaxProblem(reader.error()), body, httpStatus);
    }

    errorBody.requestId = page.requestId.value_or("");
    const auto malformed = [&](const std::string& what) {
        CasError error = malformedResponse(what, body, httpStatus);
        error.requestId = std::string(utf8::truncate(errorBody.requestId, 128));  // never half a character
        error.hostId = std::string(utf8::truncate(errorBody.hostId, 256));
        return error;
    };
    if (!errorBody.code.empty() && !isSuccessCode(errorBody.code)) return serviceError(errorBody, httpStatus);
    if (!success) return malformed("no error Code in a failed response");
    if (!shapeProblem.empty()) return malformed(shapeProblem);
    if (!listPresent && !page.totalCount) {
        return malformed("neither a certificate list nor an error (no CertificateOrderList, TotalCount or Code)");
    }
    if (!listPresent && pageShouldHaveRows(page)) {
        return malformed("CertificateOrderList is missing but TotalCount is " + std::to_string(*page.totalCount));
    }
    return page;
}

}  // namespace casview
