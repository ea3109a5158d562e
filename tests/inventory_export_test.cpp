// The row shape the JS API, the JSON export and the CSV export share; row ids; CSV safety.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "inventory_export.hpp"
#include "inventory_query.hpp"
#include "row_builder.hpp"

using namespace casview;
using namespace casview::test;
using nlohmann::json;

namespace {

struct Sites {
    Inventory inventory{ms("2024-03-15T12:00:00Z")};
    Sites() {
        inventory.addRow(certificate(7, "b.example.com", "2024-01-01", "2024-03-20").name("=HYPERLINK(\"x\")"),
                         {"CERT", {}, "intl"});
        inventory.addRow(certificate(7, "a.example.com,*.a.example.com", "2024-01-01", "2025-01-01"),
                         {"CERT", {}, "cn"});
        inventory.addRow(order(9007199254740993, "o.example.com", "CHECKING").instanceId("cas-1"),
                         {"CPACK", {}, "cn"});
        inventory.addRow(certificate(8, "c.example.com", "2023-01-01", "2024-01-01").name("-1+2, \"quoted\"\nline"),
                         {"UPLOAD", {}, ""});
    }
};

}  // namespace

TEST_CASE("the same id on two sites is two entries, with site-qualified row ids", "[export]") {
    Sites s;
    REQUIRE(s.inventory.size() == 4);
    CHECK(inventoryRowId(s.inventory, 0) == "intl/certificate:7");
    CHECK(inventoryRowId(s.inventory, 1) == "cn/certificate:7");
    CHECK(inventoryRowId(s.inventory, 2) == "cn/order:9007199254740993");
    CHECK(inventoryRowId(s.inventory, 3) == "certificate:8");
    for (size_t i = 0; i < s.inventory.size(); ++i) {
        CHECK(findInventoryRow(s.inventory, inventoryRowId(s.inventory, i)) == i);
    }
    CHECK_FALSE(findInventoryRow(s.inventory, "certificate:7").has_value());
}

TEST_CASE("site is a sort key", "[export][sort]") {
    Sites s;
    InventoryQuery q;
    q.sortKey = SortKey::Site;
    CHECK(queryInventory(s.inventory, q).rows == std::vector<uint32_t>{1, 2, 0, 3});  // cn, cn, intl, none last
    q.descending = true;
    CHECK(queryInventory(s.inventory, q).rows == std::vector<uint32_t>{0, 1, 2, 3});
}

TEST_CASE("row JSON: the documented shape, exact ids, text as text", "[export]") {
    Sites s;
    std::string out;
    appendInventoryRowJson(out, s.inventory, 2);
    const json order = json::parse(out);
    CHECK(order["id"] == "cn/order:9007199254740993");
    CHECK(order["kind"] == "order");
    CHECK(order["site"] == "cn");
    CHECK(order["entryId"] == "9007199254740993");  // beyond 2^53: a string
    CHECK(order["status"] == "CHECKING");
    CHECK(order["orderType"] == "CPACK");
    CHECK(order["instanceId"] == "cas-1");
    CHECK(order["notAfter"].is_null());
    CHECK(order["daysLeft"].is_null());
    CHECK(order["expiryState"] == "unknown");
    out.clear();
    appendInventoryRowJson(out, s.inventory, 0);
    const json cert = json::parse(out);
    CHECK(cert["name"] == "=HYPERLINK(\"x\")");
    CHECK(cert["notAfter"] == ms("2024-03-20T23:59:59Z", 999));
    CHECK(cert["daysLeft"] == 5);
    CHECK(cert["expiryState"] == "critical");
    CHECK(cert["sans"] == json::array({"b.example.com"}));
    CHECK(cert["entryId"] == 7);
    CHECK(cert.size() == 17);
}

TEST_CASE("CSV cells: formulas neutralised, plain numbers kept, quoting per RFC 4180", "[export][csv]") {
    CHECK(csvCell("=1+2") == "'=1+2");
    CHECK(csvCell("+1") == "'+1");
    CHECK(csvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvCell("\tx") == "'\tx");
    CHECK(csvCell("\rx") == "\"'\rx\"");
    CHECK(csvCell("-1+2") == "'-1+2");
    CHECK(csvCell("-") == "'-");
    CHECK(csvCell("-12") == "-12");
    CHECK(csvCell("12") == "12");
    CHECK(csvCell("a,b") == "\"a,b\"");
    CHECK(csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvCell("two\nlines") == "\"two\nlines\"");
    CHECK(csvCell("") == "");
}

TEST_CASE("CSV export: BOM, header, one CRLF line per row, hostile names neutralised", "[export][csv]") {
    Sites s;
    const std::string csv = inventoryCsv(s.inventory, {0, 3});
    REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
    CHECK(csv.find("Kind,Site,Name,Domain,SANs,Issuer,Status,Order type,Not before,Not after,Days left,"
                   "Expiry,Resource group,Instance ID,ID,Superseded\r\n") == 3);
    CHECK(csv.find("certificate,intl,\"'=HYPERLINK(\"\"x\"\")\",b.example.com,b.example.com,,WILLEXPIRED,CERT,"
                   "2024-01-01T00:00:00Z,2024-03-20T23:59:59Z,5,critical,,,7,no\r\n") != std::string::npos);
    CHECK(csv.find("\"'-1+2, \"\"quoted\"\"\nline\"") != std::string::npos);
    CHECK(csv.find(",-74,expired,") != std::string::npos);  // days left: a plain negative number
}

TEST_CASE("JSON export is an array of rows; histogram JSON has expired then 12 months", "[export]") {
    Sites s;
    const json rows = json::parse(inventoryJson(s.inventory, {1, 2}));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["id"] == "cn/certificate:7");
    InventoryQuery q;
    q.withHistogram = true;
    const QueryResult r = queryInventory(s.inventory, q);
    std::string out;
    appendHistogramJson(out, r.histogram);
    const json buckets = json::parse(out);
    REQUIRE(buckets.size() == 13);
    CHECK(buckets[0]["label"] == "expired");
    CHECK(buckets[0]["count"] == 1);
    CHECK(buckets[1]["label"] == "2024-03");
    CHECK(buckets[1]["fromMs"] == ms("2024-03-15T12:00:00Z"));
    CHECK(buckets[1]["toMs"] == ms("2024-04-01T00:00:00Z"));
    CHECK(buckets[1]["count"] == 1);
    CHECK(buckets[12]["label"] == "2025-02");
    CHECK(buckets[11]["count"] == 1);  // 2025-01-01 23:59:59.999
}
