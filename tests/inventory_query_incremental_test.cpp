// A long-lived query engine (what the page keeps: it refines the previous search as the text
// grows, reuses the matches of the same text, counts text-only searches by class) must answer
// exactly what a fresh engine answers through its general path, whatever the keystrokes: random typing, erasing,
// jumps, other filters and clock moves in between, on the 200-row pages and on an inventory of
// many look-alike rows.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "civil_time.hpp"
#include "inventory_query.hpp"
#include "response_parser.hpp"
#include "row_builder.hpp"
#include "test_data.hpp"

using namespace casview;
using casview::test::certificate;
using casview::test::ms;
using casview::test::order;

namespace {

void checkCounts(const InventoryCounts& got, const InventoryCounts& fresh) {
    CHECK(got.total == fresh.total);
    CHECK(got.byExpiryState == fresh.byExpiryState);
    CHECK(got.byKind == fresh.byKind);
    CHECK(got.byStatus == fresh.byStatus);
    CHECK(got.superseded == fresh.superseded);
}

void checkSame(const QueryResult& got, const QueryResult& fresh) {
    CHECK(got.rows == fresh.rows);
    CHECK(got.matched == fresh.matched);
    checkCounts(got.matchedCounts, fresh.matchedCounts);
    checkCounts(got.allCounts, fresh.allCounts);
    CHECK(got.histogram.expired == fresh.histogram.expired);
    CHECK(got.histogram.later == fresh.histogram.later);
    CHECK(got.histogram.unknown == fresh.histogram.unknown);
    for (size_t m = 0; m < got.histogram.months.size(); ++m) CHECK(got.histogram.months[m].count == fresh.histogram.months[m].count);
}

// The answer of a fresh engine, through its general path: every expiry state allowed is no
// filter, but it is not "free text alone", which the engine counts by class.
QueryResult freshAnswer(const Inventory& inventory, InventoryQuery q) {
    if (q.expiryStates.empty()) {
        for (size_t s = 0; s < kExpiryStateCount; ++s) q.expiryStates.push_back(static_cast<ExpiryState>(s));
    }
    return queryInventory(inventory, q);
}

// Keystrokes over `alphabet`: mostly typing and erasing (as people do), sometimes a jump to
// another text, a pasted word, another filter, the timeline's query of the same text.
void typeRandomly(Inventory& inventory, uint32_t seed, const std::string& alphabet, const std::vector<std::string>& words,
                  size_t keystrokes) {
    std::mt19937 rng(seed);
    const auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
    InventoryQueryEngine engine(inventory);
    std::string text;
    for (size_t k = 0; k < keystrokes; ++k) {
        const size_t action = pick(20);
        if (action < 9) text.push_back(alphabet[pick(alphabet.size())]);
        else if (action < 15) { if (!text.empty()) text.pop_back(); }
        else if (action < 17) text += words[pick(words.size())];
        else if (action == 17) text = words[pick(words.size())].substr(0, 1 + pick(4));
        else if (action == 18) text.clear();
        if (pick(8) == 0) {
            // The clock moves (the page passes it with every query): from a millisecond to
            // weeks, now and then back; time-derived fields change, the texts do not.
            static constexpr int64_t kMoves[] = {1, 3600000, 86400000, 40 * 86400000LL, -3 * 86400000LL};
            inventory.setNow(inventory.nowMs() + kMoves[pick(sizeof kMoves / sizeof kMoves[0])]);
        }
        InventoryQuery q;
        q.text = text;
        q.limit = pick(4) == 0 ? kNoLimit : 1 + pick(40);
        q.offset = pick(4) == 0 ? pick(30) : 0;
        q.sortKey = pick(3) == 0 ? static_cast<SortKey>(pick(kSortKeyCount)) : SortKey::NotAfter;
        q.descending = pick(4) == 0;
        if (pick(6) == 0) q.hideSuperseded = true;
        if (pick(8) == 0) q.kind = pick(2) ? EntryKind::Certificate : EntryKind::Order;
        if (pick(8) == 0) q.expiryStates = {static_cast<ExpiryState>(pick(kExpiryStateCount))};
        INFO("seed " << seed << ", keystroke " << k << ": \"" << text << "\"");
        checkSame(engine.run(q), freshAnswer(inventory, q));
        if (pick(3) == 0) {  // the timeline: the same text, every row, a histogram
            InventoryQuery timeline;
            timeline.text = text;
            timeline.limit = 0;
            timeline.withHistogram = true;
            checkSame(engine.run(timeline), freshAnswer(inventory, timeline));
        }
    }
}

// The 100 certificates and 100 orders of the fixture pages.
void addFixturePages(Inventory& inventory) {
    for (const char* fixture : {"fixtures/pages/certificates-100.json", "fixtures/pages/orders-100.json"}) {
        auto page = parseListUserCertificateOrderResponse(200, casview::test::readTestFile(fixture));
        REQUIRE(page.ok());
        inventory.addPage(std::move(page).value());
    }
}

}  // namespace

TEST_CASE("typing over the 200-row pages matches fresh searches, keystroke by keystroke", "[query][search]") {
    Inventory inventory(ms("2024-01-01T12:00:00Z"));
    addFixturePages(inventory);
    InventoryQueryEngine engine(inventory);
    for (const std::string text : {"www.example.com", "digicert ov", "cas-cn-e6", "example.org ecc", "xn--", "测试",
                                   "rg-acfm6 issued", "98987582438", "ff30dd25975ef4d1", "<img"}) {
        for (size_t length = 1; length <= text.size(); ++length) {
            InventoryQuery q;
            q.text = text.substr(0, length);
            INFO("typed \"" << q.text << "\"");
            CHECK(engine.run(q).rows == queryInventory(inventory, q).rows);
        }
    }
}

TEST_CASE("a long-lived engine answers what a fresh one does, keystroke by keystroke (200-row pages)", "[query][search]") {
    Inventory inventory(ms("2024-01-01T12:00:00Z"));
    addFixturePages(inventory);
    const std::vector<std::string> words = {"www.example.com", "digicert", "cas-cn-e6", "example.org", "xn--", "测试",
                                            "rg-acfm6", "issued", "98987582438", "ff30dd25975ef4d1", " ", "<img", "ecc"};
    for (uint32_t seed = 1; seed <= 12; ++seed) typeRandomly(inventory, seed, "abcdeilmnoprstwx.-*: 0123456789", words, 150);
}

TEST_CASE("a long-lived engine answers what a fresh one does, keystroke by keystroke (look-alike rows)", "[query][search]") {
    // Few names, many rows: most rows match the first keystrokes, as at 100,000 rows.
    const char* bases[] = {"example.com", "example.org", "example.net", "shop-example.cn", "xn--bcher-kva.example"};
    const char* subs[] = {"www.", "api.", "", "*.", "cdn."};
    const char* statuses[] = {"ISSUED", "PAYED", "CHECKING", "EXPIRED"};
    std::mt19937 rng(7);
    const auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
    constexpr int64_t kDay0 = 19800;
    Inventory inventory(kDay0 * kMsPerDay + 43200000);
    for (size_t i = 0; i < 1500; ++i) {
        std::string sans = std::string(subs[pick(5)]) + bases[pick(5)];
        if (pick(3) == 0) sans += std::string(",") + subs[pick(5)] + bases[pick(5)];
        const CivilDate end = civilFromDays(kDay0 - 60 + static_cast<int64_t>(pick(500)));
        const CivilDate start = civilFromDays(kDay0 - 400 + static_cast<int64_t>(pick(300)));
        char endText[16], startText[16];
        std::snprintf(endText, sizeof endText, "%04d-%02d-%02d", end.year, end.month, end.day);
        std::snprintf(startText, sizeof startText, "%04d-%02d-%02d", start.year, start.month, start.day);
        if (pick(5) == 0) {
            inventory.addRow(order(static_cast<int64_t>(90000 + i), sans, statuses[pick(4)])
                                 .text(TextField::ProductName, pick(2) ? "Digicert DV SSL" : "GeoTrust OV"),
                             {"CPACK", ""});
        } else {
            inventory.addRow(certificate(static_cast<int64_t>(10000 + i), sans, startText, endText)
                                 .name(pick(2) ? "cert-" + std::to_string(pick(1000)) : "")
                                 .issuer(pick(2) ? "DigiCert Global G2" : "R11")
                                 .resourceGroup(pick(2) ? "rg-prod" : "rg-dev"),
                             {"CERT", ""});
        }
    }
    const std::vector<std::string> words = {"example.com", "cert-1", "*.example", "digicert", "api.", "rg-", " www", "bücher"};
    for (uint32_t seed = 1; seed <= 12; ++seed) typeRandomly(inventory, seed, "acdeilmnoprstwx.-*1", words, 150);
}

TEST_CASE("a long-lived engine answers what a fresh one does when the counts have too many classes", "[query][search]") {
    // 80 statuses x 5 expiry states: more combinations than the engine's one-byte count classes.
    std::mt19937 rng(11);
    const auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
    Inventory inventory(ms("2024-03-15T12:00:00Z"));
    for (size_t i = 0; i < 1200; ++i) {
        const int64_t end = ms("2024-03-15T12:00:00Z") + (static_cast<int64_t>(pick(80)) - 20) * kMsPerDay;
        inventory.addRow(order(static_cast<int64_t>(70000 + i), std::string(pick(2) ? "www." : "api.") + "example.com",
                               "STATUS_" + std::to_string(i % 80))
                             .integer(IntegerField::CertEndTime, end),
                         {"BUY", ""});
    }
    typeRandomly(inventory, 5, "acdeilmopstuwx._1", {"example.com", "status_1", "www."}, 120);
}
