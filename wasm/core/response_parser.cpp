#include "response_parser.hpp"

#include <array>
#include <limits>

#include "ascii_text.hpp"
#include "json_reader.hpp"
#include "row_record.hpp"
#include "service_error.hpp"
#include "utf8.hpp"

namespace casview {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool equalsIgnoreCase(std::string_view a, std::string_view lowerB) {
    if (a.size() != lowerB.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        if (c != lowerB[i]) return false;
    }
    return true;
}

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

// A flag sent as text: true/false (any case), 1/0; else absent.
std::optional<bool> flagOf(std::string_view text) {
    if (equalsIgnoreCase(text, "true") || text == "1") return true;
    if (equalsIgnoreCase(text, "false") || text == "0") return false;
    return std::nullopt;
}

std::string toString(const std::optional<std::string_view>& text) {
    return text ? std::string(*text) : std::string();
}

// One row object; the reader is at its '{'.
class RowParser {
public:
    explicit RowParser(RowRecords records) : writeRecords_(records == RowRecords::Write) {}

    bool parse(JsonReader& reader, CertificateRow& row) {
        const std::string_view input = reader.input();
        const size_t start = reader.offset();
        extra_.clear();
        texts_.fill(Pending{});
        integers_.fill(std::nullopt);
        flags_.fill(std::nullopt);
        if (!reader.enterObject()) return false;

        // One pass: the typed fields and the row's record (row_record.hpp) as each member is read.
        record_.clear();
        RowRecordWriter record(record_, nullptr);
        std::string_view key;
        JsonType type;
        std::string_view json, string;  // the value as sent; a string's text, a number's text
        while (reader.nextMemberValue(key, type, json, string)) {
            const RowFieldInfo* field = findRowField(key);
            if (writeRecords_) record.name(key, field);
            const bool plain = type == JsonType::String && reader.isInInput(string);
            if (writeRecords_) record.value(type, json, string, plain);
            if (!field) continue;
            // A scalar as text: strings trimmed, numbers and booleans as written.
            std::optional<std::string_view> text;
            if (type == JsonType::String) text = trimAscii(string);
            else if (type == JsonType::Number || type == JsonType::Boolean) text = json;
            switch (field->type) {
                case FieldType::Text: {
                    Pending& pending = texts_[field->index];
                    if (!text) {
                        pending = Pending{};
                    } else if (type != JsonType::String || plain) {
                        pending = {Where::Raw, static_cast<size_t>(text->data() - input.data()) - start, text->size()};
                    } else {
                        pending = {Where::Extra, extra_.size(), text->size()};
                        extra_.append(*text);
                    }
                    break;
                }
                case FieldType::Integer:
                    integers_[field->index] = type == JsonType::String || type == JsonType::Number
                        ? parseJsonInteger(*text) : std::nullopt;
                    break;
                case FieldType::Flag:
                    flags_[field->index] = type == JsonType::Boolean ? std::optional<bool>(json[0] == 't')
                                           : type == JsonType::String || type == JsonType::Number ? flagOf(*text)
                                                                                                  : std::nullopt;
                    break;
            }
        }
        if (writeRecords_) record.finish();
        if (reader.failed()) return false;

        row.setRawJson(input.substr(start, reader.offset() - start), extra_.size() + record_.size());
        for (size_t i = 0; i < kTextFieldCount; ++i) {
            const Pending& p = texts_[i];
            const auto field = static_cast<TextField>(i);
            if (p.where == Where::Raw) row.setTextInRaw(field, p.offset, p.length);
            if (p.where == Where::Extra) row.setText(field, std::string_view(extra_).substr(p.offset, p.length));
        }
        for (size_t i = 0; i < kIntegerFieldCount; ++i) {
            if (integers_[i]) row.setInteger(static_cast<IntegerField>(i), *integers_[i]);
        }
        for (size_t i = 0; i < kFlagFieldCount; ++i) {
            if (flags_[i]) row.setFlag(static_cast<FlagField>(i), *flags_[i]);
        }
        if (writeRecords_) row.setRecord(record_);
        return true;
    }

private:
    enum class Where : uint8_t { Absent, Raw, Extra };
    struct Pending {
        Where where = Where::Absent;
        size_t offset = 0;
        size_t length = 0;
    };
    std::array<Pending, kTextFieldCount> texts_{};
    std::array<std::optional<int64_t>, kIntegerFieldCount> integers_{};
    std::array<std::optional<bool>, kFlagFieldCount> flags_{};
    std::string extra_;   // texts that had escapes, decoded
    const bool writeRecords_;
    std::string record_;  // the row's record, kept for its capacity
};

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

std::optional<int64_t> parseJsonInteger(std::string_view s) {
    const size_t n = s.size();
    size_t i = 0;
    bool negative = false;
    if (i < n && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    const size_t intStart = i;
    while (i < n && isDigit(s[i])) ++i;
    const size_t intLength = i - intStart;
    if (intLength == 0) return std::nullopt;
    size_t fracStart = i, fracLength = 0;
    if (i < n && s[i] == '.') {
        fracStart = ++i;
        while (i < n && isDigit(s[i])) ++i;
        fracLength = i - fracStart;
        if (fracLength == 0) return std::nullopt;
    }
    int64_t exponent = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) negativeExponent = s[i++] == '-';
        const size_t expStart = i;
        for (; i < n && isDigit(s[i]); ++i) {
            if (exponent < 1000000000) exponent = exponent * 10 + (s[i] - '0');  // clamped
        }
        if (i == expStart) return std::nullopt;
        if (negativeExponent) exponent = -exponent;
    }
    if (i != n) return std::nullopt;

    // value = digits × 10^(exponent − fracLength), digits = integer part then fraction part.
    const size_t total = intLength + fracLength;
    const auto digit = [&](size_t k) { return k < intLength ? s[intStart + k] : s[fracStart + k - intLength]; };
    size_t first = 0;
    while (first < total && digit(first) == '0') ++first;
    if (first == total) return 0;
    size_t last = total;
    while (digit(last - 1) == '0') --last;
    const int64_t scale = exponent - static_cast<int64_t>(fracLength) + static_cast<int64_t>(total - last);
    if (scale < 0) return std::nullopt;  // has a fractional part
    const size_t significant = last - first;
    if (significant + static_cast<uint64_t>(scale) > 19) return std::nullopt;

    uint64_t magnitude = 0;
    for (size_t k = first; k < last; ++k) magnitude = magnitude * 10 + static_cast<uint64_t>(digit(k) - '0');
    for (int64_t k = 0; k < scale; ++k) {
        if (magnitude > std::numeric_limits<uint64_t>::max() / 10) return std::nullopt;
        magnitude *= 10;
    }
    constexpr uint64_t kMaxPositive = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (!negative) {
        if (magnitude > kMaxPositive) return std::nullopt;
        return static_cast<int64_t>(magnitude);
    }
    if (magnitude > kMaxPositive + 1) return std::nullopt;
    if (magnitude == kMaxPositive + 1) return std::numeric_limits<int64_t>::min();
    return -static_cast<int64_t>(magnitude);
}

Outcome<CertificateOrderPage> parseListUserCertificateOrderResponse(int httpStatus, std::string_view body,
                                                                    RowRecords records) {
    const bool success = httpStatus == 0 || (httpStatus >= 200 && httpStatus < 300);
    const bool statusRetryable = isRetryableHttpStatus(httpStatus);

    JsonReader reader(body);
    JsonType top;
    if (!reader.peek(top)) {
        // Before the first value, only a blank body (whitespace, a byte order mark) ends early.
        if (reader.error().truncated) {
            return malformedResponse("the response body is empty", body, httpStatus, statusRetryable);
        }
        return malformedResponse(syntaxProblem(reader.error()), body, httpStatus, statusRetryable);
    }
    if (top != JsonType::Object) {
        if (!reader.skipValue() || !reader.finish()) {
            return malformedResponse(syntaxProblem(reader.error()), body, httpStatus,
                                     reader.error().truncated || statusRetryable);
        }
        return malformedResponse("the response body is " + std::string(describeJsonType(top)) + ", not a JSON object",
                                 body, httpStatus, statusRetryable);
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
        return malformedResponse(syntaxProblem(reader.error()), body, httpStatus,
                                 reader.error().truncated || statusRetryable);
    }

    errorBody.requestId = page.requestId.value_or("");
    const auto malformed = [&](const std::string& what, bool retryable) {
        CasError error = malformedResponse(what, body, httpStatus, retryable);
        error.requestId = std::string(utf8::truncate(errorBody.requestId, 128));  // never half a character
        error.hostId = std::string(utf8::truncate(errorBody.hostId, 256));
        return error;
    };
    if (!errorBody.code.empty() && !isSuccessCode(errorBody.code)) return serviceError(errorBody, httpStatus);
    if (!success) return malformed("no error Code in a failed response", statusRetryable);
    if (!shapeProblem.empty()) return malformed(shapeProblem, false);
    if (!listPresent && !page.totalCount) {
        return malformed("neither a certificate list nor an error (no CertificateOrderList, TotalCount or Code)", false);
    }
    if (!listPresent && pageShouldHaveRows(page)) {
        return malformed("CertificateOrderList is missing but TotalCount is " + std::to_string(*page.totalCount), false);
    }
    return page;
}

}  // namespace casview
