#include <catch2/catch.hpp>

#include "inventory.hpp"
#include "row_builder.hpp"
#include "test_data.hpp"

using namespace casview;
using casview::test::certificate;
using casview::test::ms;
using casview::test::order;
using casview::test::readTestFile;

namespace {

CertificateOrderPage pageOf(const std::string& fixture) {
    auto outcome = parseListUserCertificateOrderResponse(200, readTestFile(fixture));
    REQUIRE(outcome.ok());
    return std::move(outcome).value();
}

CertificateOrderPage pageOfRows(std::vector<CertificateRow> rows) {
    CertificateOrderPage page;
    page.rows = std::move(rows);
    return page;
}

const int64_t kNow = ms("2024-03-15T12:00:00Z");

}  // namespace

TEST_CASE("pages of both shapes merge into one list, de-duplicated by kind and id", "[inventory]") {
    Inventory inventory(kNow);
    CHECK(inventory.addPage(pageOf("fixtures/pages/certificates.json"), {"CERT", ""}) == 3);
    CHECK(inventory.addPage(pageOf("fixtures/pages/orders.json"), {"CPACK", ""}) == 3);
    REQUIRE(inventory.size() == 6);
    CHECK(inventory.kind(0) == EntryKind::Certificate);
    CHECK(inventory.kind(3) == EntryKind::Order);

    // The same pages again (a listing re-run, overlapping pages): nothing new.
    CHECK(inventory.addPage(pageOf("fixtures/pages/certificates.json"), {"CERT", ""}) == 0);
    CHECK(inventory.addPage(pageOf("fixtures/pages/orders.json"), {"BUY", ""}) == 0);
    CHECK(inventory.size() == 6);
    CHECK(inventory.findCertificate(9007199254740993) == 1u);
    CHECK(inventory.findOrder(98987582437920968) == 4u);
    CHECK_FALSE(inventory.findOrder(12345678).has_value());  // a certificate id is not an order id
}

TEST_CASE("an overlapping page replaces the older copy in place; ids are per kind", "[inventory]") {
    Inventory inventory(kNow);
    CHECK(inventory.addPage(pageOfRows({certificate(1, "a.example.com", "2024-01-01", "2024-12-31").name("first"),
                                        certificate(2, "b.example.com", "2024-01-01", "2024-12-31").name("second")})) == 2);
    // Page 2 starts with row 2 again (a row moved between pages), renamed meanwhile.
    CHECK(inventory.addPage(pageOfRows({certificate(2, "b.example.com", "2024-01-01", "2025-06-30").name("second, renewed"),
                                        certificate(3, "c.example.com", "2024-01-01", "2024-12-31").name("third")})) == 1);
    REQUIRE(inventory.size() == 3);
    CHECK(inventory.displayName(0) == "first");
    CHECK(inventory.displayName(1) == "second, renewed");
    CHECK(inventory.notAfterMs(1) == ms("2025-06-30T23:59:59Z", 999));
    CHECK(inventory.displayName(2) == "third");

    // An order with the same number is another entry.
    CHECK(inventory.addRow(order(2, "b.example.com", "PAYED"), {"CPACK", ""}));
    CHECK(inventory.size() == 4);

    // Without an id: InstanceId; without either: never merged.
    CertificateRow byInstance = casview::test::RowBuilder().name("x").instanceId("cas-upload-1");
    CHECK(inventory.addRow(byInstance, {"UPLOAD", ""}));
    CHECK_FALSE(inventory.addRow(byInstance, {"UPLOAD", ""}));
    CertificateRow anonymous = casview::test::RowBuilder().name("anonymous");
    CHECK(inventory.addRow(anonymous, {"CERT", ""}));
    CHECK(inventory.addRow(anonymous, {"CERT", ""}));
    CHECK(inventory.size() == 7);
}

TEST_CASE("resource groups: the distinct values of the entries now there, sorted", "[inventory]") {
    Inventory inventory(kNow);
    CHECK(inventory.resourceGroups().empty());
    inventory.addRow(certificate(1, "a.example.com", "2024-01-01", "2024-12-31").resourceGroup("rg-b"), {"CERT", ""});
    inventory.addRow(certificate(2, "b.example.com", "2024-01-01", "2024-12-31").resourceGroup(" rg-a "), {"CERT", ""});
    inventory.addRow(certificate(3, "c.example.com", "2024-01-01", "2024-12-31").resourceGroup("rg-b"), {"CERT", ""});
    inventory.addRow(certificate(4, "d.example.com", "2024-01-01", "2024-12-31"), {"CERT", ""});
    CHECK(inventory.resourceGroups() == std::vector<std::string_view>{"rg-a", "rg-b"});
    // Certificate 2 moved to another group: its old one is gone with it.
    inventory.addRow(certificate(2, "b.example.com", "2024-01-01", "2024-12-31").resourceGroup("rg-c"), {"CERT", ""});
    CHECK(inventory.resourceGroups() == std::vector<std::string_view>{"rg-b", "rg-c"});
    inventory.clear();
    CHECK(inventory.resourceGroups().empty());
}

TEST_CASE("derived fields of a certificate", "[inventory]") {
    Inventory inventory(kNow);
    inventory.addPage(pageOf("fixtures/pages/certificates.json"), {"CERT", "ISSUED"});
    const InventoryEntry www = inventory.entry(0);
    CHECK(www.kind == EntryKind::Certificate);
    CHECK(www.orderType == "CERT");
    CHECK(www.status == "ISSUED");  // the request's Status
    CHECK(www.displayName == "cert-www");
    CHECK(www.primaryDomain == "www.example.com");
    CHECK(www.sans == std::vector<std::string_view>{"www.example.com", "example.com"});
    CHECK(www.notBeforeMs == ms("2023-06-18T00:00:00Z"));
    CHECK(www.notAfterMs == ms("2024-06-17T23:59:59Z", 999));
    CHECK(www.daysLeft == 94);  // 2024-03-15 → 2024-06-17
    CHECK(www.expiryState == ExpiryState::Ok);
    CHECK(www.row.certificateId() == 12345678);

    const InventoryEntry upload = inventory.entry(1);
    CHECK(upload.orderType == "UPLOAD");  // Upload: true
    CHECK(upload.sans == std::vector<std::string_view>{"*.example.org", "example.org"});
    CHECK(upload.daysLeft == -73);
    CHECK(upload.expiryState == ExpiryState::Expired);

    const InventoryEntry idn = inventory.entry(2);
    CHECK(idn.displayName == "<img src=x onerror=alert(1)>");
    CHECK(idn.primaryDomain == "xn--bcher-kva.example");
    CHECK(inventory.resourceGroupId(2) == "rg-acfm29a29699e61");
}

TEST_CASE("derived fields of an order", "[inventory]") {
    Inventory inventory(kNow);
    inventory.addPage(pageOf("fixtures/pages/orders.json"));  // no origin: kind from the fields
    REQUIRE(inventory.size() == 3);
    const InventoryEntry paid = inventory.entry(0);
    CHECK(paid.kind == EntryKind::Order);
    CHECK(paid.orderType == "CPACK");
    CHECK(paid.status == "PAYED");
    CHECK(paid.displayName == "Digicert DV SSL");
    CHECK(paid.primaryDomain == "static.example.com");
    CHECK_FALSE(paid.notAfterMs.has_value());
    CHECK_FALSE(paid.daysLeft.has_value());
    CHECK(paid.expiryState == ExpiryState::Unknown);
    CHECK_FALSE(paid.superseded);

    const InventoryEntry issued = inventory.entry(1);
    CHECK(issued.orderType == "BUY");
    CHECK(issued.sans == std::vector<std::string_view>{"*.example.net", "www.example.net", "api.example.net"});
    CHECK(issued.primaryDomain == "*.example.net");
    CHECK(issued.notBeforeMs == 1704067200000);
    CHECK(issued.notAfterMs == 1735689599000);
    CHECK(issued.expiryState == ExpiryState::Ok);
    CHECK(inventory.id(1) == 98987582437920968);
}

TEST_CASE("display name and primary domain fall back in order", "[inventory]") {
    Inventory inventory(kNow);
    using casview::test::RowBuilder;
    inventory.addRow(RowBuilder().integer(IntegerField::CertificateId, 1).commonName("cn.example.com").sans("x.example.com"), {"CERT", ""});
    inventory.addRow(RowBuilder().integer(IntegerField::CertificateId, 2).sans(" , first.example.com, second.example.com"), {"CERT", ""});
    inventory.addRow(RowBuilder().integer(IntegerField::CertificateId, 3).instanceId("cas-cn-77"), {"CERT", ""});
    inventory.addRow(RowBuilder().integer(IntegerField::CertificateId, 4).name(""), {"CERT", ""});
    inventory.addRow(RowBuilder().integer(IntegerField::OrderId, 5).text(TextField::Domain, "a.example.com,b.example.com"), {"BUY", ""});
    inventory.addRow(RowBuilder().integer(IntegerField::OrderId, 6), {"BUY", ""});
    inventory.addRow(RowBuilder().commonName("only.example.com"), {"CERT", ""});
    CHECK(inventory.displayName(0) == "cn.example.com");
    CHECK(inventory.primaryDomain(0) == "cn.example.com");
    CHECK(inventory.displayName(1) == "first.example.com");
    CHECK(inventory.primaryDomain(1) == "first.example.com");
    CHECK(inventory.sanCount(1) == 2);
    CHECK(inventory.displayName(2) == "cas-cn-77");
    CHECK(inventory.primaryDomain(2) == "");
    CHECK(inventory.displayName(3) == "Certificate #4");
    CHECK(inventory.displayName(4) == "a.example.com");
    CHECK(inventory.primaryDomain(4) == "a.example.com");
    CHECK(inventory.displayName(5) == "Order #6");
    CHECK(inventory.sans(6) == std::vector<std::string_view>{"only.example.com"});  // CommonName when no Sans
    CHECK(inventory.orderType(4) == "BUY");
}

TEST_CASE("days left at UTC day boundaries, whatever the viewer's time zone", "[inventory][time]") {
    // A certificate valid through EndDate 2024-03-10 (UTC).
    const CertificateRow row = certificate(1, "a.example.com", "2024-01-01", "2024-03-10");
    struct Case {
        int64_t now;
        int64_t daysLeft;
        ExpiryState state;
    };
    for (const Case c : {Case{ms("2024-03-09T00:00:00Z"), 1, ExpiryState::Critical},
                         Case{ms("2024-03-09T15:59:59Z", 999), 1, ExpiryState::Critical},  // 23:59:59.999 in Beijing
                         Case{ms("2024-03-09T16:00:00Z"), 1, ExpiryState::Critical},        // midnight in Beijing
                         Case{ms("2024-03-09T23:59:59Z", 999), 1, ExpiryState::Critical},
                         Case{ms("2024-03-10T00:00:00Z"), 0, ExpiryState::Critical},
                         Case{ms("2024-03-10T11:00:00Z"), 0, ExpiryState::Critical},        // past midnight in Kiribati (UTC+14)
                         Case{ms("2024-03-10T23:59:59Z", 999), 0, ExpiryState::Critical},   // the last valid ms
                         Case{ms("2024-03-11T00:00:00Z"), -1, ExpiryState::Expired},
                         Case{ms("2024-03-11T23:59:59Z", 999), -1, ExpiryState::Expired},
                         Case{ms("2024-03-12T00:00:00Z"), -2, ExpiryState::Expired},
                         Case{ms("2024-02-09T00:00:00Z"), 30, ExpiryState::Warning},
                         Case{ms("2024-02-08T23:59:59Z"), 31, ExpiryState::Ok},
                         Case{ms("2024-03-03T00:00:00Z"), 7, ExpiryState::Critical},
                         Case{ms("2024-03-02T23:59:59Z", 999), 8, ExpiryState::Warning}}) {
        Inventory inventory(c.now);
        inventory.addRow(row, {"CERT", ""});
        INFO(formatTimestamp(c.now));
        CHECK(inventory.daysLeft(0) == c.daysLeft);
        CHECK(inventory.expiryState(0) == c.state);
    }
}

TEST_CASE("days left of an order: whole 24-hour periods to CertEndTime", "[inventory][time]") {
    const int64_t end = ms("2024-03-10T12:00:00Z");
    CertificateRow row = order(1, "a.example.com", "ISSUED").integer(IntegerField::CertEndTime, end);
    Inventory inventory(end - kMsPerDay);
    inventory.addRow(row, {"BUY", ""});
    CHECK(inventory.daysLeft(0) == 1);
    inventory.setNow(end - kMsPerDay + 1);
    CHECK(inventory.daysLeft(0) == 0);
    inventory.setNow(end);
    CHECK(inventory.daysLeft(0) == 0);
    CHECK(inventory.expiryState(0) == ExpiryState::Critical);
    inventory.setNow(end + 1);
    CHECK(inventory.daysLeft(0) == -1);
    CHECK(inventory.expiryState(0) == ExpiryState::Expired);
    inventory.setNow(end + kMsPerDay);
    CHECK(inventory.daysLeft(0) == -1);
    inventory.setNow(end + kMsPerDay + 1);
    CHECK(inventory.daysLeft(0) == -2);
    inventory.setNow(end + 400 * kMsPerDay);
    CHECK(inventory.daysLeft(0) == -400);

    CHECK(daysLeft(INT64_MIN, 1) == INT64_MIN / kMsPerDay - 1);  // saturates, never overflows
    CHECK(daysLeft(INT64_MAX, -1) == INT64_MAX / kMsPerDay);
}

TEST_CASE("a clock move that changes no derived field keeps the generation", "[inventory][time]") {
    // The page queries with the wall clock every time: caches (sort orders, superseded flags,
    // counts) must survive until a day boundary of some entry or a validity start is crossed.
    const int64_t orderEnd = ms("2024-03-10T12:00:00Z");
    Inventory inventory(ms("2024-03-01T08:00:00Z"));
    inventory.addRow(certificate(1, "a.example.com", "2024-03-02", "2024-03-15"), {"CERT", ""});
    inventory.addRow(order(2, "b.example.com", "ISSUED").integer(IntegerField::CertEndTime, orderEnd), {"BUY", ""});
    const uint64_t before = inventory.generation();
    inventory.setNow(ms("2024-03-01T12:00:00Z"));  // exactly 9 days before the order's end
    CHECK(inventory.generation() == before);
    CHECK(inventory.nowMs() == ms("2024-03-01T12:00:00Z"));
    CHECK(inventory.daysLeft(1) == 9);
    inventory.setNow(ms("2024-03-01T12:00:00Z", 1));
    CHECK(inventory.generation() != before);
    CHECK(inventory.daysLeft(1) == 8);
    CHECK(inventory.daysLeft(0) == 14);

    const uint64_t afternoon = inventory.generation();
    inventory.setNow(ms("2024-03-01T23:59:59Z", 999));  // the certificate starts on 2024-03-02
    CHECK(inventory.generation() == afternoon);
    inventory.setNow(ms("2024-03-02T00:00:00Z"));
    CHECK(inventory.generation() != afternoon);
    CHECK(inventory.daysLeft(0) == 13);

    inventory.setNow(ms("2024-03-01T08:00:00Z"));  // back in time re-derives too
    CHECK(inventory.daysLeft(0) == 14);
    CHECK(inventory.daysLeft(1) == 9);
    const uint64_t morning = inventory.generation();
    inventory.setThresholds(ExpiryThresholds{20, 40});  // always re-derives
    CHECK(inventory.generation() != morning);
    CHECK(inventory.expiryState(0) == ExpiryState::Critical);
}

TEST_CASE("expiry thresholds are configurable; no end date is unknown", "[inventory][time]") {
    Inventory inventory(ms("2024-03-01T00:00:00Z"), ExpiryThresholds{14, 60});
    inventory.addRow(certificate(1, "a.example.com", "2024-01-01", "2024-03-15"), {"CERT", ""});  // 14 days
    inventory.addRow(certificate(2, "b.example.com", "2024-01-01", "2024-03-16"), {"CERT", ""});  // 15
    inventory.addRow(certificate(3, "c.example.com", "2024-01-01", "2024-04-30"), {"CERT", ""});  // 60
    inventory.addRow(certificate(4, "d.example.com", "2024-01-01", "2024-05-01"), {"CERT", ""});  // 61
    inventory.addRow(certificate(5, "e.example.com", "", "not a date"), {"CERT", ""});
    inventory.addRow(certificate(6, "f.example.com", "", "").flag(FlagField::Expired, true), {"CERT", ""});
    CHECK(inventory.expiryState(0) == ExpiryState::Critical);
    CHECK(inventory.expiryState(1) == ExpiryState::Warning);
    CHECK(inventory.expiryState(2) == ExpiryState::Warning);
    CHECK(inventory.expiryState(3) == ExpiryState::Ok);
    CHECK(inventory.expiryState(4) == ExpiryState::Unknown);
    CHECK_FALSE(inventory.daysLeft(4).has_value());
    CHECK(inventory.expiryState(5) == ExpiryState::Expired);
    CHECK(inventory.status(5) == "EXPIRED");
    inventory.setThresholds({7, 30});
    CHECK(inventory.expiryState(0) == ExpiryState::Warning);
    CHECK(inventory.expiryState(2) == ExpiryState::Ok);
}

TEST_CASE("a certificate's status: the row's, the request's, else from its dates", "[inventory][time]") {
    Inventory inventory(ms("2024-03-01T00:00:00Z"));
    inventory.addRow(certificate(1, "a.example.com", "2024-01-01", "2024-03-30"));  // 29 days left
    inventory.addRow(certificate(2, "b.example.com", "2024-01-01", "2024-03-31"));  // 30 days left
    inventory.addRow(certificate(3, "c.example.com", "2024-01-01", "2024-03-31"), {"CERT", "WILLEXPIRED"});
    inventory.addRow(certificate(4, "d.example.com", "2024-01-01", "2024-03-31").status("REVOKED"), {"CERT", "ISSUED"});
    CHECK(inventory.status(0) == "WILLEXPIRED");
    CHECK(inventory.status(1) == "ISSUED");
    CHECK(inventory.status(2) == "WILLEXPIRED");
    CHECK(inventory.status(3) == "REVOKED");
    inventory.setNow(ms("2024-04-01T00:00:00Z"));
    CHECK(inventory.status(0) == "EXPIRED");
    CHECK(inventory.status(1) == "EXPIRED");
    CHECK(inventory.status(2) == "WILLEXPIRED");  // what the service said when it listed it
    CHECK(inventory.expiryState(2) == ExpiryState::Expired);
}

TEST_CASE("superseded: an older certificate covered by a newer valid one", "[inventory]") {
    const int64_t now = ms("2024-03-15T12:00:00Z");
    Inventory inventory(now);
    inventory.addRows({
        certificate(1, "a.example.com,b.example.com", "2023-03-01", "2024-03-31"),   // covered by 2
        certificate(2, "*.example.com,example.com", "2024-03-01", "2025-03-31"),     // the renewal
        certificate(3, "a.example.com,c.example.org", "2023-03-01", "2024-03-31"),   // c.example.org not covered
        certificate(4, "x.b.example.com", "2023-03-01", "2024-03-31"),               // two labels below
        certificate(5, "*.example.com", "2023-03-01", "2024-03-20"),                 // covered by 2 (same wildcard)
        certificate(6, "old.example.net", "2022-01-01", "2023-01-01"),               // expired, covered by 7
        certificate(7, "old.example.net", "2024-01-01", "2024-12-31"),
        certificate(8, "future.example.net", "2023-01-01", "2024-04-01"),            // 9 is not valid yet
        certificate(9, "future.example.net", "2024-06-01", "2025-06-01"),
        certificate(10, "twin.example.net", "2024-01-01", "2024-12-31"),             // a tie is not newer
        certificate(11, "TWIN.example.net.", "2024-01-01", "2024-12-31"),
        certificate(12, "gone.example.net", "2023-01-01", "2023-06-01"),             // 13 expired too
        certificate(13, "gone.example.net", "2023-05-01", "2024-01-01"),
        certificate(14, "example.com", "2023-01-01", "2024-06-01"),                  // covered by 2's exact SAN
    }, {"CERT", ""});
    inventory.addRow(order(15, "a.example.com", "ISSUED").integer(IntegerField::CertEndTime, ms("2024-04-01T00:00:00Z")),
                     {"CPACK", ""});
    //                                  1      2      3      4      5     6     7      8
    const std::vector<bool> expected = {true,  false, false, false, true, true, false, false,
                                        false, false, false, false, false, true, false};
    //                                  9      10     11     12     13     14    15 (order)
    REQUIRE(inventory.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO("entry " << i << " (id " << *inventory.id(i) << ")");
        CHECK(inventory.superseded(i) == expected[i]);
    }
    CHECK(inventory.entry(0).superseded);

    // When the renewal itself expires, nothing it covered is superseded any more.
    inventory.setNow(ms("2025-04-01T00:00:00Z"));
    CHECK_FALSE(inventory.superseded(0));
    CHECK_FALSE(inventory.superseded(4));
    // And when 9 becomes valid, it supersedes 8.
    inventory.setNow(ms("2024-06-01T00:00:00Z"));
    CHECK(inventory.superseded(7));
}

TEST_CASE("the 100-row pages build an inventory with every derived field", "[inventory]") {
    Inventory inventory(ms("2024-01-01T12:00:00Z"));
    inventory.addPage(pageOf("fixtures/pages/certificates-100.json"), {"CERT", ""});
    inventory.addPage(pageOf("fixtures/pages/orders-100.json"), {"CPACK", ""});
    REQUIRE(inventory.size() == 200);
    size_t expiring = 0, withDates = 0;
    for (size_t i = 0; i < inventory.size(); ++i) {
        const InventoryEntry e = inventory.entry(i);
        CHECK_FALSE(e.displayName.empty());
        if (e.kind == EntryKind::Certificate) {
            CHECK(e.notAfterMs.has_value());
            CHECK(e.sans.size() >= 1);
        }
        withDates += e.notAfterMs ? 1 : 0;
        expiring += e.expiryState == ExpiryState::Critical ? 1 : 0;
    }
    CHECK(withDates > 100);
    CHECK(expiring > 0);
    // The generator's lifetimes cycle expired / ≤ 7 days / ≤ 30 days / later for certificates.
    CHECK(inventory.expiryState(0) == ExpiryState::Expired);
    CHECK(inventory.expiryState(1) == ExpiryState::Critical);
    CHECK(inventory.expiryState(2) == ExpiryState::Warning);
    CHECK(inventory.expiryState(3) == ExpiryState::Ok);
}

TEST_CASE("ids are unique per site: the same id on two sites is two entries", "[inventory]") {
    Inventory inventory(kNow);
    const CertificateRow cn = certificate(1, "a.example.com", "2024-01-01", "2024-12-31").name("China site");
    const CertificateRow intl = certificate(1, "a.example.com", "2024-01-01", "2024-12-31").name("international");
    CHECK(inventory.addRow(cn, {"CERT", "", "cas.aliyuncs.com"}));
    CHECK(inventory.addRow(intl, {"CERT", "", "cas.ap-southeast-1.aliyuncs.com"}));
    CHECK_FALSE(inventory.addRow(cn, {"CERT", "", "cas.aliyuncs.com"}));
    CHECK(inventory.addRow(cn));  // no site: a third namespace
    REQUIRE(inventory.size() == 3);
    CHECK(inventory.site(0) == "cas.aliyuncs.com");
    CHECK(inventory.site(1) == "cas.ap-southeast-1.aliyuncs.com");
    CHECK(inventory.site(2) == "");
    CHECK(inventory.findCertificate(1, "cas.ap-southeast-1.aliyuncs.com") == 1u);
    CHECK(inventory.findCertificate(1) == 2u);
    CHECK_FALSE(inventory.findCertificate(1, "elsewhere").has_value());
    CHECK(inventory.siteNames() == std::vector<std::string>{"", "cas.aliyuncs.com", "cas.ap-southeast-1.aliyuncs.com"});
}
