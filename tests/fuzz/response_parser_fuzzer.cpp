// libFuzzer target: any bytes, as the body of a ListUserCertificateOrder response.
//
// Beyond "no crash, no leak, no hang" (ASan + UBSan, scripts/fuzz), it checks what the parser
// promises, and aborts when a promise breaks:
//  - JSON syntax agrees with nlohmann/json (strict Unicode mode): a document nlohmann accepts
//    is accepted, and one rejected is rejected; except nesting deeper than
//    JsonReader::kMaxDepth (refused on purpose), numbers beyond double's range (nlohmann
//    refuses them, RFC 8259 allows them; the reader keeps their text), and a NUL byte between
//    tokens, where nlohmann stops reading as if the input ended (RFC 8259 has no such rule:
//    the reader refuses the body, and nlohmann's verdict is about the part before the NUL);
//  - a page never comes from invalid JSON; its texts are well-formed UTF-8 and its raw rows
//    JSON objects; the record the parser wrote for a row in its one pass is the one its raw
//    JSON gives on a second reading;
//  - an error has a code, a bounded message, well-formed UTF-8 in every field, and no
//    unmasked AccessKeyId;
//  - the rows go through the inventory and a query without breaking their invariants, and a
//    refined search (one more keystroke) equals a fresh one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "inventory.hpp"
#include "inventory_query.hpp"
#include "json_reader.hpp"
#include "response_parser.hpp"
#include "row_record.hpp"
#include "service_error.hpp"
#include "utf8.hpp"

using namespace casview;

namespace {

void require(bool condition) {
    if (!condition) __builtin_trap();
}

// Numbers nlohmann/json refuses although the grammar allows them: an exponent, or so many
// digits that a double overflows.
bool mayHoldOutOfRangeNumber(std::string_view body) {
    size_t digits = 0;
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c >= '0' && c <= '9') {
            if (++digits > 300) return true;
        } else {
            if ((c == 'e' || c == 'E') && digits > 0) return true;
            if (c != '.') digits = 0;
        }
    }
    return false;
}

bool nestsTooDeep(std::string_view body) {
    JsonReader reader(body, {true});
    reader.skipValue();
    return reader.failed() && std::string_view(reader.error().reason) == "nesting too deep";
}

void checkSyntaxAgainstOracle(std::string_view body) {
    const bool ours = isValidJson(body, {true});
    const bool oracle = nlohmann::json::accept(body.data(), body.data() + body.size());
    if (ours == oracle) return;
    if (!oracle) {
        require(mayHoldOutOfRangeNumber(body));
        return;
    }
    const size_t nul = body.find('\0');
    if (nul != std::string_view::npos) {
        const std::string_view before = body.substr(0, nul);
        require(isValidJson(before, {true}) || nestsTooDeep(before));
        return;
    }
    require(nestsTooDeep(body));  // we refuse only what nests too deep
}

void checkError(const CasError& error, std::string_view body) {
    require(!error.code.empty());
    require(error.message.size() <= kMaxMessageBytes + 600);
    for (const std::string* text : {&error.code, &error.message, &error.requestId, &error.hostId, &error.recommend}) {
        require(utf8::isValid(*text));
    }
    // The masked form keeps 4 characters ("LTAI****"); the key's fifth character never shows.
    for (const char* leak : {"AccessKeyId%3DLTAI5", "AccessKeyId=LTAI5", "AccessKeyId%253DLTAI5", "AccessKeyId\":\"LTAI5"}) {
        require(error.message.find(leak) == std::string::npos);
        require(error.recommend.find(leak) == std::string::npos);
    }
    if (error.code == kMalformedResponse) {
        for (const char c : error.message) require(static_cast<unsigned char>(c) >= 0x20);
    }
    (void)body;
}

void checkPage(const CertificateOrderPage& page, std::string_view body, uint8_t seed) {
    require(isValidJson(body));
    RecordDictionary dictionary;
    for (const CertificateRow& row : page.rows) {
        const std::string_view raw = row.rawJson();
        require(raw.size() >= 2 && raw.front() == '{' && raw.back() == '}');
        for (const RowFieldInfo& field : kRowFields) {
            if (field.type != FieldType::Text) continue;
            if (const auto text = row.text(static_cast<TextField>(field.index))) require(utf8::isValid(*text));
        }
        (void)rawFields(row);
        CertificateRow rawOnly;
        rawOnly.setRawJson(raw);
        std::string fromParse, fromRaw;
        RecordMembers members, read;
        appendRowRecord(fromParse, row, dictionary, members);
        appendRowRecord(fromRaw, rawOnly, dictionary, read);
        require(fromParse == fromRaw);
        // What the transcoding walk says of the members is what a reading of the record gives.
        readRecordMembers(fromParse, read);
        require(members == read);
    }

    static constexpr const char* kOrderTypes[] = {"", "CERT", "UPLOAD", "CPACK", "BUY"};
    const int64_t now = 1710504000000 + static_cast<int64_t>(seed) * 86400000LL * 37;
    Inventory inventory(now, ExpiryThresholds{seed % 10, 30});
    inventory.addPage(page, {kOrderTypes[seed % 5], seed & 8 ? "ISSUED" : "", seed & 16 ? "site" : ""});
    inventory.addPage(page, {kOrderTypes[(seed / 5) % 5], "", ""});  // overlapping: de-duplicated or appended
    for (size_t i = 0; i < inventory.size(); ++i) {
        const InventoryEntry entry = inventory.entry(i);
        require(utf8::isValid(entry.displayName));
        require(entry.sans.size() == inventory.sanCount(i));
        require(entry.daysLeft.has_value() == entry.notAfterMs.has_value());
    }
    InventoryQuery query;
    query.text = std::string(body.substr(body.size() / 2, seed % 12));
    query.coversHost = inventory.empty() ? "" : std::string(inventory.primaryDomain(0));
    query.sortKey = static_cast<SortKey>(seed % kSortKeyCount);
    query.descending = seed & 32;
    query.limit = 5;
    query.withHistogram = true;
    InventoryQueryEngine engine(inventory);
    const QueryResult result = engine.run(query);
    require(result.rows.size() <= 5 && result.matched <= inventory.size());
    for (const uint32_t i : result.rows) require(i < inventory.size());
    query.text += body.empty() ? 'x' : body[0];  // a keystroke: the engine refines its last search
    require(engine.run(query).rows == queryInventory(inventory, query).rows);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    checkSyntaxAgainstOracle(body);
    const uint8_t seed = size > 0 ? data[size - 1] : 0;
    static constexpr int kStatuses[] = {200, 0, 400, 403, 404, 500, 502, 503, 504, 429, 204};
    for (const int status : {200, kStatuses[seed % (sizeof(kStatuses) / sizeof(kStatuses[0]))]}) {
        const auto outcome = parseListUserCertificateOrderResponse(status, body, RowRecords::Write);
        if (outcome.ok()) checkPage(outcome.value(), body, seed);
        else checkError(outcome.error(), body);
    }
    return 0;
}
