#include <catch2/catch.hpp>

#include <algorithm>

#include "inventory_query.hpp"
#include "row_builder.hpp"
#include "test_data.hpp"

using namespace casview;
using casview::test::certificate;
using casview::test::ms;
using casview::test::order;
using Rows = std::vector<uint32_t>;

namespace {

// now = 2024-03-15T12:00:00Z. Days left: 0 → 5, 1 → 351, 2 → 26, 3 → −74, 5 → 9, 6 → 47.
void fill(Inventory& inventory) {
    inventory.addRow(certificate(101, "api.example.com,www.example.com", "2024-01-01", "2024-03-20")
                         .name("Prod API").commonName("api.example.com").issuer("DigiCert Global G2")
                         .instanceId("cas-cn-aaa").resourceGroup("rg-prod").upload(false)
                         .text(TextField::Fingerprint, "CC6B3696E7C7CA715BD26E28E45FF3E3DF435C03")
                         .text(TextField::SerialNo, "040a6e493cffdda6d744acf99b6576cf"),
                     {"CERT", ""});
    inventory.addRow(certificate(102, "*.example.com,example.com", "2024-03-01", "2025-03-01")
                         .name("Wildcard").commonName("*.example.com").issuer("GeoTrust CN RSA CA G1")
                         .instanceId("cas-cn-bbb").resourceGroup("rg-prod").upload(false),
                     {"CERT", ""});
    inventory.addRow(certificate(103, "xn--bcher-kva.example,www.xn--bcher-kva.example", "2024-01-01", "2024-04-10")
                         .name("Ünïcödé cert").commonName("xn--bcher-kva.example").issuer("R11")
                         .instanceId("cas-upload-ccc").resourceGroup("rg-dev").upload(true),
                     {"UPLOAD", ""});
    inventory.addRow(certificate(104, "old.example.com", "2023-01-01", "2024-01-01").name("ΣΊΣΥΦΟΣ legacy").issuer("R11").upload(true),
                     {"UPLOAD", ""});
    inventory.addRow(order(201, "shop.example.com", "PAYED").text(TextField::ProductName, "Digicert DV SSL")
                         .text(TextField::RootBrand, "Digicert").text(TextField::SourceType, "cpack").instanceId("cas-ivauto-ddd"),
                     {"CPACK", ""});
    inventory.addRow(order(202, "*.example.net,api.example.net", "ISSUED").text(TextField::ProductName, "GeoTrust OV Mixed")
                         .text(TextField::RootBrand, "GeoTrust").text(TextField::SourceType, "buy").instanceId("cas-cn-eee")
                         .resourceGroup("rg-dev").integer(IntegerField::CertStartTime, ms("2023-03-25T00:00:00Z"))
                         .integer(IntegerField::CertEndTime, ms("2024-03-25T00:00:00Z")),
                     {"BUY", ""});
    inventory.addRow(certificate(105, "a.b.example.com", "2024-02-01", "2024-05-01").name("Сертификат прод")
                         .issuer("WoTrus DV Server CA").resourceGroup("rg-prod"),
                     {"CERT", ""});
    inventory.addRow(certificate(106, "", "", ""), {"CERT", ""});
}

struct Fixture {
    Inventory inventory{ms("2024-03-15T12:00:00Z")};
    InventoryQueryEngine engine{inventory};
    Fixture() { fill(inventory); }

    Rows rows(const InventoryQuery& query) { return engine.run(query).rows; }
    Rows sorted(InventoryQuery query) {
        Rows r = rows(query);
        std::sort(r.begin(), r.end());
        return r;
    }
    Rows search(const std::string& text) {
        InventoryQuery q;
        q.text = text;
        return sorted(q);
    }
};

}  // namespace

TEST_CASE("the fixture's derived fields", "[query]") {
    Fixture f;
    const Inventory& inv = f.inventory;
    REQUIRE(inv.size() == 8);
    CHECK(inv.daysLeft(0) == 5);
    CHECK(inv.daysLeft(1) == 351);
    CHECK(inv.daysLeft(2) == 26);
    CHECK(inv.daysLeft(3) == -74);
    CHECK(inv.daysLeft(5) == 9);
    CHECK(inv.daysLeft(6) == 47);
    CHECK(inv.displayName(7) == "Certificate #106");
    CHECK(inv.superseded(0));   // api/www.example.com, renewed as *.example.com
    CHECK(inv.superseded(3));   // expired old.example.com, covered by *.example.com
    CHECK_FALSE(inv.superseded(6));  // a.b.example.com is two labels below
}

TEST_CASE("free-text search: every field, case-folded in any script, IDN both ways", "[query][search]") {
    Fixture f;
    CHECK(f.search("api") == Rows{0, 5});
    CHECK(f.search("PROD") == Rows{0, 1, 6});  // "Prod API" and the resource group rg-prod
    CHECK(f.search("ÜNÏCÖDÉ") == Rows{2});
    CHECK(f.search("bücher") == Rows{2});       // U-label of xn--bcher-kva.example
    CHECK(f.search("XN--BCHER") == Rows{2});
    CHECK(f.search("ΣΊΣΥΦΟΣ") == Rows{3});
    CHECK(f.search("σίσυφος") == Rows{3});      // final sigma folds like σ
    CHECK(f.search("ПРОД") == Rows{6});
    CHECK(f.search("cc:6b:36") == Rows{0});     // fingerprint, colon form
    CHECK(f.search("CC6B3696E7") == Rows{0});
    CHECK(f.search("040A6E49") == Rows{0});     // serial number
    CHECK(f.search("r11") == Rows{2, 3});       // issuer
    CHECK(f.search("digicert") == Rows{0, 4});  // issuer, brand, product
    CHECK(f.search("202") == Rows{5});          // OrderId
    CHECK(f.search("cas-upload") == Rows{2});   // InstanceId
    CHECK(f.search("rg-dev") == Rows{2, 5});
    CHECK(f.search("example.com api") == Rows{0});  // every term must match
    CHECK(f.search("api   example.net") == Rows{5});
    CHECK(f.search("api\xE3\x80\x80" "example.net") == Rows{5});  // ideographic space
    CHECK(f.search("zzz").empty());
    CHECK(f.search("api zzz").empty());
    CHECK(f.search(" \t ") == Rows{0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(f.search("") == Rows{0, 1, 2, 3, 4, 5, 6, 7});
}

TEST_CASE("typing refines the previous search and gives exactly what a fresh search gives", "[query][search]") {
    Fixture f;
    for (const std::string text : {"api.example.com www", "digicert dv", "cc:6b:36:96:e7", "CC6B3696E7C7CA", "ünï cöd",
                                   "rg-prod api", "cert #106", "σίσυφοσ leg", "xn--bcher-kva.example"}) {
        for (size_t length = 1; length <= text.size(); ++length) {
            InventoryQuery typed;
            typed.text = text.substr(0, length);
            INFO("typed \"" << typed.text << "\"");
            CHECK(f.rows(typed) == queryInventory(f.inventory, typed).rows);
        }
    }
    // Gaining the hex fields is not a refinement: "cc6b3" (5 digits) → "cc6b36" (6 digits).
    InventoryQuery q;
    q.text = "cc6b3";
    CHECK(f.rows(q).empty());
    q.text = "cc6b36";
    CHECK(f.rows(q) == Rows{0});
}

TEST_CASE("filters: kind, status, order type, expiry state, days, resource group, superseded", "[query]") {
    Fixture f;
    InventoryQuery q;
    q.kind = EntryKind::Order;
    CHECK(f.sorted(q) == Rows{4, 5});

    q = {};
    q.statuses = {"issued"};
    CHECK(f.sorted(q) == Rows{1, 5, 6});
    q.statuses = {"EXPIRED", "PAYED"};
    CHECK(f.sorted(q) == Rows{3, 4});
    q.statuses = {"NOSUCH"};
    CHECK(f.sorted(q).empty());

    q = {};
    q.orderTypes = {"UPLOAD"};
    CHECK(f.sorted(q) == Rows{2, 3});
    q.orderTypes = {"cpack", "buy"};
    CHECK(f.sorted(q) == Rows{4, 5});

    q = {};
    q.expiryStates = {ExpiryState::Critical, ExpiryState::Warning};
    CHECK(f.sorted(q) == Rows{0, 2, 5});
    q.expiryStates = {ExpiryState::Unknown};
    CHECK(f.sorted(q) == Rows{4, 7});

    q = {};
    q.expiresWithinDays = 9;
    CHECK(f.sorted(q) == Rows{0, 5});
    q.expiresWithinDays = 8;
    CHECK(f.sorted(q) == Rows{0});
    q.expiresWithinDays = 26;
    CHECK(f.sorted(q) == Rows{0, 2, 5});
    q.expiresWithinDays = 0;
    CHECK(f.sorted(q).empty());  // nothing expires today; the expired one is not "expiring"
    q.expiresWithinDays = -1;
    CHECK(f.sorted(q).empty());

    q = {};
    q.resourceGroupId = "rg-dev";
    CHECK(f.sorted(q) == Rows{2, 5});
    q.resourceGroupId = "";
    CHECK(f.sorted(q) == Rows{3, 4, 7});
    q.resourceGroupId = "rg-none";
    CHECK(f.sorted(q).empty());

    q = {};
    q.hideSuperseded = true;
    CHECK(f.sorted(q) == Rows{1, 2, 4, 5, 6, 7});

    // A timeline bucket: not-after in [from, to); no end date never matches a bound.
    q = {};
    q.notAfterFromMs = ms("2024-03-01T00:00:00Z");
    q.notAfterToMs = ms("2024-04-01T00:00:00Z");
    CHECK(f.sorted(q) == Rows{0, 5});
    q.notAfterToMs = ms("2024-03-25T00:00:00Z");  // 5 ends exactly there: excluded
    CHECK(f.sorted(q) == Rows{0});
    q.notAfterFromMs.reset();
    q.notAfterToMs = f.inventory.nowMs();          // the "expired" bucket
    CHECK(f.sorted(q) == Rows{3});
    q.notAfterToMs.reset();
    q.notAfterFromMs = ms("2024-05-01T23:59:59Z", 999);
    CHECK(f.sorted(q) == Rows{1, 6});

    q = {};
    q.sites = {""};
    CHECK(f.sorted(q).size() == 8);
    q.sites = {"cas.aliyuncs.com"};
    CHECK(f.sorted(q).empty());

    q = {};
    q.text = "example";
    q.kind = EntryKind::Certificate;
    q.hideSuperseded = true;
    q.sortKey = SortKey::Name;
    CHECK(f.rows(q) == Rows{1, 2, 6});
}

TEST_CASE("coverage: which entries cover a host, as TLS decides", "[query][domain]") {
    Fixture f;
    const auto covering = [&](const std::string& host) {
        InventoryQuery q;
        q.coversHost = host;
        return f.sorted(q);
    };
    CHECK(covering("api.example.com") == Rows{0, 1});   // exact, and *.example.com
    CHECK(covering(" API.Example.COM. ") == Rows{0, 1});
    CHECK(covering("a.example.com") == Rows{1});
    CHECK(covering("a.b.example.com") == Rows{6});       // not *.example.com: two labels
    CHECK(covering("example.com") == Rows{1});           // the exact SAN, not the wildcard
    CHECK(covering("*.example.com") == Rows{1});
    CHECK(covering("www.bücher.example") == Rows{2});
    CHECK(covering("api.example.net") == Rows{5});
    CHECK(covering("x.example.net") == Rows{5});
    CHECK(covering("nothing.example.org").empty());
    CHECK(covering(" . ").empty());
}

TEST_CASE("every sort key, both directions: stable, missing values last", "[query][sort]") {
    Fixture f;
    struct Case {
        SortKey key;
        Rows ascending;
        Rows descending;
    };
    const Case cases[] = {
        {SortKey::NotAfter, {3, 0, 5, 2, 6, 1, 4, 7}, {1, 6, 2, 5, 0, 3, 4, 7}},
        {SortKey::NotBefore, {3, 5, 0, 2, 6, 1, 4, 7}, {1, 6, 0, 2, 5, 3, 4, 7}},
        {SortKey::Name, {7, 4, 5, 0, 1, 2, 3, 6}, {6, 3, 2, 1, 0, 5, 4, 7}},
        {SortKey::Domain, {1, 5, 6, 0, 3, 4, 2, 7}, {2, 4, 3, 0, 6, 5, 1, 7}},
        {SortKey::Kind, {0, 1, 2, 3, 6, 7, 4, 5}, {4, 5, 0, 1, 2, 3, 6, 7}},
        {SortKey::Status, {3, 1, 5, 6, 4, 0, 2, 7}, {0, 2, 4, 1, 5, 6, 3, 7}},
        {SortKey::OrderType, {5, 0, 1, 6, 7, 4, 2, 3}, {2, 3, 4, 0, 1, 6, 7, 5}},
        {SortKey::ExpiryState, {3, 0, 2, 5, 1, 6, 4, 7}, {1, 6, 2, 5, 0, 3, 4, 7}},
        {SortKey::Issuer, {4, 0, 5, 1, 2, 3, 6, 7}, {6, 2, 3, 1, 5, 0, 4, 7}},
        {SortKey::InstanceId, {0, 1, 5, 4, 2, 3, 6, 7}, {2, 4, 5, 1, 0, 3, 6, 7}},
        {SortKey::Id, {0, 1, 2, 3, 6, 7, 4, 5}, {5, 4, 7, 6, 3, 2, 1, 0}},
        {SortKey::ResourceGroup, {2, 5, 0, 1, 6, 3, 4, 7}, {0, 1, 6, 2, 5, 3, 4, 7}},
        {SortKey::SanCount, {7, 3, 4, 6, 0, 1, 2, 5}, {0, 1, 2, 5, 3, 4, 6, 7}},
        {SortKey::Superseded, {1, 2, 4, 5, 6, 7, 0, 3}, {0, 3, 1, 2, 4, 5, 6, 7}},
        {SortKey::ApiOrder, {0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}},
        {SortKey::Site, {0, 1, 2, 3, 4, 5, 6, 7}, {0, 1, 2, 3, 4, 5, 6, 7}},  // no sites: API order
    };
    static_assert(sizeof(cases) / sizeof(cases[0]) == kSortKeyCount, "every sort key is tested");
    for (const Case& c : cases) {
        INFO(sortKeyName(c.key));
        CHECK(parseSortKey(sortKeyName(c.key)) == c.key);
        InventoryQuery q;
        q.sortKey = c.key;
        CHECK(f.rows(q) == c.ascending);
        q.descending = true;
        CHECK(f.rows(q) == c.descending);
    }
    CHECK_FALSE(parseSortKey("daysLeft").has_value());
    InventoryQuery byDefault;
    CHECK(f.rows(byDefault) == Rows{3, 0, 5, 2, 6, 1, 4, 7});  // soonest expiry first
}

TEST_CASE("paging: offset and limit over the sorted matches", "[query]") {
    Fixture f;
    InventoryQuery q;
    q.offset = 2;
    q.limit = 3;
    QueryResult r = f.engine.run(q);
    CHECK(r.rows == Rows{5, 2, 6});
    CHECK(r.matched == 8);
    q.offset = 7;
    q.limit = 10;
    CHECK(f.rows(q) == Rows{7});
    q.offset = 8;
    CHECK(f.rows(q).empty());
    q.offset = 1000;
    CHECK(f.rows(q).empty());
    q.offset = 0;
    q.limit = 0;
    r = f.engine.run(q);
    CHECK(r.rows.empty());
    CHECK(r.matched == 8);
    // Pages of a filtered, sorted list concatenate to the whole list.
    InventoryQuery whole;
    whole.sortKey = SortKey::Name;
    whole.kind = EntryKind::Certificate;
    const Rows all = f.rows(whole);
    Rows joined;
    for (size_t offset = 0; offset < all.size(); offset += 4) {
        InventoryQuery page = whole;
        page.offset = offset;
        page.limit = 4;
        const Rows part = f.rows(page);
        joined.insert(joined.end(), part.begin(), part.end());
    }
    CHECK(joined == all);
}

TEST_CASE("counts by status, expiry state and kind, over the matches and over everything", "[query]") {
    Fixture f;
    InventoryQuery q;
    q.kind = EntryKind::Order;
    const QueryResult r = f.engine.run(q);
    CHECK(r.matchedCounts.total == 2);
    CHECK(r.matchedCounts.byKind == std::array<size_t, 2>{0, 2});
    CHECK(r.matchedCounts.byExpiryState == std::array<size_t, 5>{0, 0, 1, 0, 1});
    CHECK(r.matchedCounts.byStatus == std::vector<std::pair<std::string, size_t>>{{"ISSUED", 1}, {"PAYED", 1}});
    CHECK(r.matchedCounts.superseded == 0);

    const InventoryCounts& all = r.allCounts;
    CHECK(all.total == 8);
    CHECK(all.byKind == std::array<size_t, 2>{6, 2});
    CHECK(all.byExpiryState == std::array<size_t, 5>{1, 1, 2, 2, 2});  // expired critical warning ok unknown
    CHECK(all.byStatus == std::vector<std::pair<std::string, size_t>>{
                              {"", 1}, {"EXPIRED", 1}, {"ISSUED", 3}, {"PAYED", 1}, {"WILLEXPIRED", 2}});
    CHECK(all.superseded == 2);
}

TEST_CASE("the histogram of the matches: expired, 12 UTC months, later, unknown", "[query][histogram]") {
    Fixture f;
    InventoryQuery q;
    q.withHistogram = true;
    const QueryResult r = f.engine.run(q);
    const ExpiryHistogram& h = r.histogram;
    CHECK(h.expired == 1);
    CHECK(h.months[0].year == 2024);
    CHECK(h.months[0].month == 3);
    CHECK(h.months[0].count == 2);  // 03-20, 03-25
    CHECK(h.months[1].count == 1);  // 04-10
    CHECK(h.months[2].count == 1);  // 05-01
    CHECK(h.months[11].year == 2025);
    CHECK(h.months[11].month == 2);
    CHECK(h.later == 1);            // 2025-03-01
    CHECK(h.unknown == 2);
    q.kind = EntryKind::Order;
    const QueryResult orders = f.engine.run(q);
    CHECK(orders.histogram.months[0].count == 1);
    CHECK(orders.histogram.unknown == 1);
    CHECK(orders.histogram.expired == 0);
}

TEST_CASE("the engine notices changes to the inventory", "[query]") {
    Fixture f;
    InventoryQuery q;
    CHECK(f.rows(q).front() == 3);
    q.sortKey = SortKey::Name;
    CHECK(f.rows(q).front() == 7);
    f.inventory.addRow(certificate(107, "soon.example.com", "2023-01-01", "2023-06-01").name("aardvark"), {"CERT", ""});
    CHECK(f.rows(q).front() == 8);
    q.sortKey = SortKey::NotAfter;
    CHECK(f.rows(q) == Rows{8, 3, 0, 5, 2, 6, 1, 4, 7});
    f.inventory.setNow(ms("2024-03-21T00:00:00Z"));
    InventoryQuery critical;
    critical.expiryStates = {ExpiryState::Critical};
    CHECK(f.rows(critical) == Rows{5});
    CHECK(queryInventory(f.inventory, critical).rows == Rows{5});
}
