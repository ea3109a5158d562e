#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "entry_json.hpp"
#include "response_parser.hpp"
#include "row_builder.hpp"
#include "row_record.hpp"
#include "test_data.hpp"

using namespace casview;
using casview::test::readTestFile;

namespace {

// Everything a row says: every member as sent (name and JSON text) and every typed field.
void checkSameRow(const CertificateRow& original, const CertificateRow& decoded) {
    const auto a = rawFields(original), b = rawFields(decoded);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].json == b[i].json);
    }
    for (size_t f = 0; f < kTextFieldCount; ++f) CHECK(original.text(static_cast<TextField>(f)) == decoded.text(static_cast<TextField>(f)));
    for (size_t f = 0; f < kIntegerFieldCount; ++f) CHECK(original.integer(static_cast<IntegerField>(f)) == decoded.integer(static_cast<IntegerField>(f)));
    for (size_t f = 0; f < kFlagFieldCount; ++f) CHECK(original.flag(static_cast<FlagField>(f)) == decoded.flag(static_cast<FlagField>(f)));
    std::string jsonA, jsonB;
    appendEntryJson(jsonA, original);
    appendEntryJson(jsonB, decoded);
    CHECK(jsonA == jsonB);
}

// What appendRowRecord says of the members it wrote is what a walk over the record reads.
void checkMembers(const RecordMembers& members, std::string_view record) {
    RecordMembers read;
    readRecordMembers(record, read);
    CHECK(members == read);
}

void checkRoundTrip(const CertificateRow& row, RecordDictionary& dictionary) {
    std::string record = "prefix";  // a record is read from where it starts
    RecordMembers members;
    appendRowRecord(record, row, dictionary, members);
    const std::string_view view = std::string_view(record).substr(6);
    INFO(row.rawJson());
    checkMembers(members, view);
    checkSameRow(row, rowFromRecord(view, dictionary));
    // Every documented field read from the record in one pass, as the row has it: texts as
    // they are, integers as the text the row's integer is read from.
    std::vector<const RowFieldInfo*> fields;
    for (const RowFieldInfo& field : kRowFields) fields.push_back(&field);
    std::vector<std::string> texts(fields.size());
    std::unique_ptr<bool[]> present(new bool[fields.size()]);
    recordTexts(view, dictionary, fields.data(), fields.size(), texts.data(), present.get());
    for (size_t k = 0; k < fields.size(); ++k) {
        INFO(fields[k]->name);
        if (fields[k]->type == FieldType::Text) {
            const auto expected = row.text(static_cast<TextField>(fields[k]->index));
            CHECK(present[k] == expected.has_value());
            if (expected) CHECK(texts[k] == *expected);
        } else if (fields[k]->type == FieldType::Integer) {
            const auto expected = row.integer(static_cast<IntegerField>(fields[k]->index));
            CHECK((present[k] ? parseJsonInteger(texts[k]) : std::nullopt) == expected);
        }
    }
}

// Pages whose rows cover every shape of value the parser and the records know.
const char* const kRowFixtures[] = {
    "fixtures/pages/certificates-100.json", "fixtures/pages/orders-100.json", "fixtures/pages/doc-sample.json",
    "fixtures/pages/escapes.json", "fixtures/pages/unknown-fields.json", "fixtures/pages/null-fields.json",
    "fixtures/pages/huge-numbers.json", "fixtures/pages/stringly-typed.json", "fixtures/pages/duplicate-keys.json",
    "fixtures/pages/wrong-types.json", "fixtures/pages/bom.json"};

template <class F>
void forEachFixtureRow(F check) {
    for (const char* fixture : kRowFixtures) {
        INFO(fixture);
        const std::string body = readTestFile(fixture);
        auto page = parseListUserCertificateOrderResponse(200, body, RowRecords::Write);
        REQUIRE(page.ok());
        // Without records asked for, the same rows, without them.
        auto plain = parseListUserCertificateOrderResponse(200, body);
        REQUIRE(plain.ok());
        REQUIRE(plain.value().rows.size() == page.value().rows.size());
        for (size_t r = 0; r < plain.value().rows.size(); ++r) {
            CHECK(plain.value().rows[r].record().empty());
            CHECK(plain.value().rows[r].rawJson() == page.value().rows[r].rawJson());
        }
        for (const CertificateRow& row : page.value().rows) check(row);
    }
}

}  // namespace

TEST_CASE("a row's record gives back every member and field", "[row_record]") {
    RecordDictionary dictionary;
    forEachFixtureRow([&](const CertificateRow& row) { checkRoundTrip(row, dictionary); });
}

TEST_CASE("the record the parser writes while reading a row is the one its raw JSON gives", "[row_record]") {
    // Two readings of one row give the writer what it needs: the parser's single pass
    // (categorical texts inline, interned on the way into a store) and a second reading of the
    // row's JSON text alone. (The round trip above checks the format itself against the JSON.)
    RecordDictionary dictionary;
    forEachFixtureRow([&](const CertificateRow& row) {
        INFO(row.rawJson());
        REQUIRE_FALSE(row.record().empty());
        CertificateRow rawOnly;
        rawOnly.setRawJson(row.rawJson());
        REQUIRE(rawOnly.record().empty());
        std::string fromRaw, fromParse;
        RecordMembers rawMembers, parseMembers;
        appendRowRecord(fromRaw, rawOnly, dictionary, rawMembers);
        appendRowRecord(fromParse, row, dictionary, parseMembers);
        CHECK(fromParse == fromRaw);
        checkMembers(parseMembers, fromParse);
        checkMembers(rawMembers, fromRaw);
    });
}

TEST_CASE("values that records pack compactly come back exactly", "[row_record]") {
    RecordDictionary dictionary;
    const std::string body = R"({"CertificateOrderList":[
        {"Fingerprint":"0123456789ABCDEF0123456789ABCDEF01234567","SerialNo":"0123456789abcdef0123456789abcdef0",
         "Sha2":"0123456789abcdef0123456789ABCDEF","Extra":"deadbeefdeadbeefdeadbeef",
         "Domain":"0123456789abcde","PartnerOrderId":"0123456789abcdef0123g","Algorithm":"1234567890123456",
         "StartDate":"2024-02-29","EndDate":"2024-2-29","Country":"  CN ","Issuer":"","City":"\u00fcber",
         "CertificateId":-9223372036854775808,"OrderId":9223372036854775807,"DomainCount":-0,"BuyDate":1e3,
         "AliyunOrderId":"123","Expired":true,"Upload":null,"Nested":{"a":[1, 2, {"b":"c"}]},
         "CertType":"DV","Name":"x","Name":"y","\u0041bc":1,"":"empty name"},
        {}]})";
    auto page = parseListUserCertificateOrderResponse(200, body);
    REQUIRE(page.ok());
    for (const CertificateRow& row : page.value().rows) checkRoundTrip(row, dictionary);
}

TEST_CASE("rows built in code are recorded from their typed fields", "[row_record]") {
    RecordDictionary dictionary;
    const CertificateRow row = casview::test::certificate(7, "a.example.com,b.example.com", "2024-01-01", "2024-12-31")
                                   .name("quote \" and\ttab")
                                   .issuer("DigiCert")
                                   .upload(true)
                                   .build();
    std::string record;
    RecordMembers members;
    appendRowRecord(record, row, dictionary, members);
    checkMembers(members, record);
    CHECK(members.dictionaryIds[rowFieldIndex(TextField::Issuer)] == *dictionary.find("DigiCert") + 1);
    CHECK(members.dictionaryIds[rowFieldIndex(TextField::Name)] == 0);
    CHECK(members.days[rowFieldIndex(TextField::StartDate)] == daysFromCivil({2024, 1, 1}));
    CHECK(members.days[rowFieldIndex(TextField::Name)] == RecordMembers::kNoDate);
    const CertificateRow decoded = rowFromRecord(record, dictionary);
    CHECK(decoded.certificateId() == 7);
    CHECK(decoded.sans() == "a.example.com,b.example.com");
    CHECK(decoded.startDate() == "2024-01-01");
    CHECK(decoded.name() == "quote \" and\ttab");
    CHECK(decoded.issuer() == "DigiCert");
    CHECK(decoded.upload() == true);
    CHECK_FALSE(decoded.orderId().has_value());
}

TEST_CASE("a record is smaller than the row's JSON", "[row_record]") {
    RecordDictionary dictionary;
    auto page = parseListUserCertificateOrderResponse(200, readTestFile("fixtures/pages/certificates-100.json"));
    REQUIRE(page.ok());
    size_t json = 0, records = 0;
    for (const CertificateRow& row : page.value().rows) {
        std::string record;
        RecordMembers members;
        appendRowRecord(record, row, dictionary, members);
        json += row.rawJson().size();
        records += record.size();
    }
    CHECK(records * 2 < json);
}

TEST_CASE("varints", "[row_record]") {
    for (const uint64_t value : {uint64_t{0}, uint64_t{1}, uint64_t{127}, uint64_t{128}, uint64_t{300}, UINT64_MAX}) {
        std::string out;
        appendVarint(out, value);
        size_t pos = 0;
        CHECK(readVarint(out, pos) == value);
        CHECK(pos == out.size());
    }
}
