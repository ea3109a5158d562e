// Pages back to JSON for the JS API: the API's shape, ids beyond 2^53 as strings, texts as sent.
// The output is read back with nlohmann/json (an independent parser), as JSON.parse would.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "entry_json.hpp"
#include "json_writer.hpp"
#include "test_data.hpp"

using namespace casview;
using nlohmann::json;

namespace {

json pageJson(const std::string& fixture) {
    const auto page = parseListUserCertificateOrderResponse(200, test::readTestFile(fixture));
    REQUIRE(page.ok());
    std::string out;
    appendPageJson(out, page.value());
    return json::parse(out);  // throws (fails the test) on invalid output
}

}  // namespace

TEST_CASE("JSON strings are escaped and always valid UTF-8", "[json]") {
    std::string out;
    appendJsonString(out, std::string("a\"b\\c\n\t\x01\x1f/\xE6\xB5\x8B", 13));
    CHECK(out == "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f/\xE6\xB5\x8B\"");
    out.clear();
    appendJsonString(out, "ok\xC3(\xFF!");  // ill-formed sequences
    CHECK(out == "\"ok\xEF\xBF\xBD(\xEF\xBF\xBD!\"");
    CHECK(json::parse(out).get<std::string>() == "ok\xEF\xBF\xBD(\xEF\xBF\xBD!");
    out.clear();
    appendJsonString(out, std::string("\0", 1));
    CHECK(out == "\"\\u0000\"");
}

TEST_CASE("integers beyond Number.MAX_SAFE_INTEGER become strings", "[json]") {
    std::string out;
    appendJsonInteger(out, 9007199254740991);
    out += ',';
    appendJsonInteger(out, 9007199254740992);
    out += ',';
    appendJsonInteger(out, -9007199254740991);
    out += ',';
    appendJsonInteger(out, -9007199254740992);
    CHECK(out == "9007199254740991,\"9007199254740992\",-9007199254740991,\"-9007199254740992\"");
}

TEST_CASE("a page keeps the API's shape and exact ids", "[json]") {
    const json page = pageJson("fixtures/pages/huge-numbers.json");
    CHECK(page["TotalCount"] == 100);
    CHECK(page["CurrentPage"] == 1);
    CHECK(page["ShowSize"] == 50);
    const json& rows = page["CertificateOrderList"];
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["CertificateId"] == "9223372036854775807");
    CHECK(rows[0]["OrderId"] == "-9223372036854775808");
    CHECK(rows[1]["CertificateId"] == "98987582437920968");
    CHECK(rows[1]["OrderId"] == "9007199254740993");
    CHECK(rows[1]["DomainCount"] == 1);
    CHECK_FALSE(rows[0].contains("BuyDate"));      // 1e400: not an int64, so absent
    CHECK_FALSE(rows[0].contains("CertEndTime"));  // 30 digits
}

TEST_CASE("numbers and booleans sent as strings come out typed; texts as sent", "[json]") {
    const json page = pageJson("fixtures/pages/stringly-typed.json");
    const json& rows = page["CertificateOrderList"];
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["CertificateId"] == "9007199254740993");
    CHECK(rows[0]["Expired"] == false);
    CHECK(rows[0]["Upload"] == true);
    CHECK(rows[0]["Name"] == "  spaced name  ");        // exactly as the API returned it
    CHECK(rows[0]["CommonName"] == "api.example.com\n");
    CHECK(rows[1]["OrderId"] == "98987582437920968");
    CHECK(rows[1]["BuyDate"] == 1634283958000);
    CHECK(rows[1]["DomainCount"] == 2);
    CHECK(rows[1]["AliyunOrderId"] == 234567);
}

TEST_CASE("every documented page round-trips through JSON", "[json]") {
    for (const char* fixture : {"fixtures/pages/certificates.json", "fixtures/pages/orders.json",
                                "fixtures/pages/doc-sample.json", "fixtures/pages/unknown-fields.json",
                                "fixtures/pages/empty-list.json"}) {
        INFO(fixture);
        const json original = json::parse(test::readTestFile(fixture));
        const json written = pageJson(fixture);
        const json& list = original.contains("CertificateOrderList") &&
                                   original["CertificateOrderList"].is_array()
                               ? original["CertificateOrderList"]
                               : json::array();
        REQUIRE(written["CertificateOrderList"].size() == list.size());
        for (size_t i = 0; i < list.size(); ++i) {
            for (const auto& [name, value] : list[i].items()) {
                INFO(name);
                if (value.is_null()) {
                    CHECK_FALSE(written["CertificateOrderList"][i].contains(name));
                    continue;
                }
                if (value.is_number_integer() && value.get<int64_t>() > kMaxSafeInteger) continue;
                CHECK(written["CertificateOrderList"][i][name] == value);
            }
        }
    }
}
