// The search index is built from the entries' records when a search or prepareSearch() needs it
// (inventory_search_index.cpp), not while rows are added: these tests check that it finds what
// the rows say, whenever and in however many slices it is built, and forgets replaced text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "inventory_query.hpp"
#include "response_parser.hpp"
#include "row_builder.hpp"
#include "test_data.hpp"

using namespace casview;
using casview::test::certificate;
using Rows = std::vector<uint32_t>;

namespace {

Rows search(const Inventory& inventory, const std::string& text) {
    InventoryQueryEngine engine(inventory);
    InventoryQuery query;
    query.text = text;
    Rows rows = engine.run(query).rows;
    std::sort(rows.begin(), rows.end());
    return rows;
}

size_t addBody(Inventory& inventory, const std::string& list) {
    auto page = parseListUserCertificateOrderResponse(200, R"({"CertificateOrderList":)" + list + "}", RowRecords::Write);
    REQUIRE(page);
    return inventory.addPage(std::move(page).value(), {"CERT", ""});
}

}  // namespace

TEST_CASE("the search index is built on demand, or ahead in slices", "[inventory][search]") {
    Inventory inventory;
    for (int64_t id = 1; id <= 10; ++id) {
        inventory.addRow(certificate(id, "host" + std::to_string(id) + ".example.com", "2024-01-01", "2025-01-01")
                             .name("cert-" + std::to_string(id)),
                         {"CERT", ""});
    }
    SECTION("a search builds it") {
        CHECK(search(inventory, "host7.") == Rows{6});
        CHECK(inventory.prepareSearch(0));  // nothing left
    }
    SECTION("prepareSearch builds a slice at a time; a search finishes it") {
        CHECK_FALSE(inventory.prepareSearch(0));
        CHECK_FALSE(inventory.prepareSearch(4));
        CHECK(search(inventory, "cert-1") == Rows{0, 9});  // cert-1, cert-10
        CHECK(inventory.prepareSearch(1));
    }
    SECTION("in slices to the end") {
        size_t slices = 1;
        while (!inventory.prepareSearch(3)) ++slices;
        CHECK(slices == 4);
        CHECK(search(inventory, "host10") == Rows{9});
        inventory.addRow(certificate(11, "late.example.com", "", "").build(), {"CERT", ""});
        CHECK_FALSE(inventory.prepareSearch(0));
        CHECK(search(inventory, "late") == Rows{10});
    }
    SECTION("clear forgets it") {
        CHECK(search(inventory, "host3.") == Rows{2});
        inventory.clear();
        CHECK(inventory.prepareSearch(0));
        inventory.addRow(certificate(3, "other.example.com", "", "").build(), {"CERT", ""});
        CHECK(search(inventory, "host3") == Rows{});
        CHECK(search(inventory, "other") == Rows{0});
    }
}

TEST_CASE("a replaced entry is found by its new text only, indexed or not", "[inventory][search]") {
    Inventory inventory;
    inventory.addRow(certificate(1, "alpha.example.com", "", "").name("first"), {"CERT", ""});
    inventory.addRow(certificate(2, "beta.example.com", "", "").name("second"), {"CERT", ""});
    const bool indexedBefore = GENERATE(false, true);
    if (indexedBefore) CHECK(search(inventory, "alpha") == Rows{0});
    // Certificate 1 again, renamed and with another SAN: it keeps position 0.
    CHECK_FALSE(inventory.addRow(certificate(1, "gamma.example.com", "", "").name("renamed"), {"CERT", ""}));
    CHECK(search(inventory, "alpha") == Rows{});
    CHECK(search(inventory, "first") == Rows{});
    CHECK(search(inventory, "gamma") == Rows{0});
    CHECK(search(inventory, "renamed") == Rows{0});
    CHECK(search(inventory, "example.com") == Rows{0, 1});
    // Replaced twice before the next search.
    inventory.addRow(certificate(1, "delta.example.com", "", "").build(), {"CERT", ""});
    inventory.addRow(certificate(1, "epsilon.example.com", "", "").build(), {"CERT", ""});
    CHECK(search(inventory, "delta") == Rows{});
    CHECK(search(inventory, "epsilon") == Rows{0});
    CHECK(search(inventory, "gamma") == Rows{});
}

TEST_CASE("the index reads each field as the row does, however the JSON sent it", "[inventory][search]") {
    Inventory inventory;
    // Escaped strings, numbers and padded strings for ids, a number for a name, duplicate members
    // (the last one counts), non-ASCII text, an unknown member, hex in either case.
    addBody(inventory, R"([
        {"CertificateId":" 77 ","Name":"caf\u00e9 \"prod\"","Sans":"a.example.com","InstanceId":"cas-\u0041bc",
         "Fingerprint":"ab12CD34ef56AB78cd90ef12ab34cd56ef78ab90","Extra":{"Name":"hidden"}},
        {"CertificateId":78,"Name":12345,"CommonName":"b.example.com","SerialNo":"00FF00ff00FF00ff"},
        {"CertificateId":79,"Name":"old name","Name":"  ÜBER  ","Sans":"c.example.com,d.example.com",
         "CommonName":"x.example.com","PartnerOrderId":"P-9"},
        {"CertificateId":"1.5","Sans":"","InstanceId":"cas-only"}
    ])");
    REQUIRE(inventory.size() == 4);
    CHECK(search(inventory, "café \"prod\"") == Rows{0});
    CHECK(search(inventory, "cas-abc") == Rows{0});
    CHECK(search(inventory, "77") == Rows{0});       // " 77 " read as the id 77
    CHECK(search(inventory, "hidden") == Rows{});   // an unknown member is not searched
    CHECK(search(inventory, "ab12cd34") == Rows{0}); // hex in any case
    CHECK(search(inventory, "12345") == Rows{1});
    CHECK(search(inventory, "ff00ff00") == Rows{1});
    CHECK(search(inventory, "über") == Rows{2});
    CHECK(search(inventory, "old") == Rows{});      // the earlier Name
    CHECK(search(inventory, "x.example") == Rows{2});  // a CommonName that is not a SAN
    CHECK(search(inventory, "p-9") == Rows{2});
    CHECK(search(inventory, "cas-only") == Rows{3});   // display name = InstanceId
    CHECK(search(inventory, "1.5") == Rows{});        // not an id: not searched as one
}

TEST_CASE("typing finds a term wherever it stands in a row's text, first and last letters included", "[inventory][search]") {
    // Each text's pairs of letters are unique to it, so a search that refines the previous one
    // (one more letter) must find them through the rows' pair sets (textPairs_) alone.
    Inventory inventory;
    inventory.addRow(certificate(1, "mid.example.com", "", "").name("qz-first").instanceId("vw-last-jx"), {"CERT", ""});
    inventory.addRow(certificate(2, "kq.example.com", "", "").name("other"), {"CERT", ""});
    inventory.addRow(certificate(3, "plain.example.com", "", "").name("third"), {"CERT", ""});
    InventoryQueryEngine engine(inventory);
    const auto typed = [&](const std::string& text) {
        Rows rows;
        for (size_t n = 1; n <= text.size(); ++n) {  // one key at a time: each search refines the last
            InventoryQuery query;
            query.text = text.substr(0, n);
            rows = engine.run(query).rows;
        }
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    CHECK(typed("qz") == Rows{0});       // the first two letters of the row's text
    CHECK(typed("jx") == Rows{0});       // the last two of its InstanceId
    CHECK(typed("kq.") == Rows{1});      // the first of a SAN
    CHECK(typed("t-jx") == Rows{0});
    CHECK(typed("rd") == Rows{2});
    CHECK(typed("qx") == Rows{});
}
