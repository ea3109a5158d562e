// listAll: the Pager alone, then CasClient::listAll against the fake network in virtual time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cas_client.hpp"
#include "list_all.hpp"
#include "transport_fake.hpp"

using namespace casview;
using namespace casview::test;

namespace {

constexpr int64_t kT0 = 1704110400000;

struct World {
    explicit World(ClientConfig config = testClientConfig(), int64_t latencyMs = 200) {
        server.latencyMs = latencyMs;
        auto created = CasClient::create(std::move(config), {transport, scheduler, clock, random, &jitter, {}});
        REQUIRE(created.ok());
        client = std::move(created).value();
    }

    void fill(const std::string& status, int64_t firstId, int64_t count) {
        for (int64_t i = 0; i < count; ++i) {
            server.rows[status].push_back(certificateRow(firstId + i, "host" + std::to_string(firstId + i) + ".example.com"));
        }
    }

    CasClient::OperationId listAll(const ListAllQuery& query) {
        return client->listAll(
            query, [this](const ListProgress& p) { progress.push_back(p); },
            [this](Outcome<ListAllResult> r) { results.push_back(std::move(r)); });
    }

    std::vector<int64_t> ids(size_t result = 0) {
        std::vector<int64_t> out;
        for (const ListRow& row : results.at(result).value().entries) out.push_back(rowIdentity(row)->id);
        return out;
    }

    FakeClock clock;
    FakeScheduler scheduler{clock};
    FakeCasServer server{clock};
    FakeTransport transport{scheduler, clock, server.handler()};
    CountingRandom random{11};
    ConstantRandom jitter{0x00};
    std::unique_ptr<CasClient> client;
    std::vector<ListProgress> progress;
    std::vector<Outcome<ListAllResult>> results;
};

ListAllQuery certQuery(std::vector<std::string> statuses = {"ISSUED"}, int64_t showSize = 100) {
    ListAllQuery q;
    q.orderType = "CERT";
    q.statuses = std::move(statuses);
    q.showSize = showSize;
    return q;
}

std::vector<int64_t> range(int64_t first, int64_t count) {
    std::vector<int64_t> out;
    for (int64_t i = 0; i < count; ++i) out.push_back(first + i);
    return out;
}

// The most elements of sorted `times` inside any closed window [t, t + windowMs].
size_t maxInAnyWindow(std::vector<int64_t> times, int64_t windowMs) {
    std::sort(times.begin(), times.end());
    size_t best = 0, hi = 0;
    for (size_t lo = 0; lo < times.size(); ++lo) {
        while (hi < times.size() && times[hi] <= times[lo] + windowMs) ++hi;
        best = std::max(best, hi - lo);
    }
    return best;
}

ListPage pageOf(const std::vector<int64_t>& ids, int64_t total, int64_t showSize, bool orders = false) {
    nlohmann::json list = nlohmann::json::array();
    for (int64_t id : ids) list.push_back(orders ? orderRow(id, "o.example.com") : certificateRow(id, "c.example.com"));
    HttpResponse r;
    r.status = 200;
    r.body = nlohmann::json{{"RequestId", "R"}, {"TotalCount", total}, {"CurrentPage", 1},
                            {"ShowSize", showSize}, {"CertificateOrderList", list}}.dump();
    auto page = parseListPage(r);
    REQUIRE(page.ok());
    return std::move(page).value();
}

}  // namespace

// ---- Pager ----------------------------------------------------------------------------------

TEST_CASE("pager: first pages, then the rest once TotalCount is known", "[list-all][pager]") {
    auto planned = Pager::plan(certQuery({"ISSUED", "EXPIRED", "ISSUED"}, 10));
    REQUIRE(planned.ok());
    Pager pager = std::move(planned).value();
    CHECK(pager.statuses() == std::vector<std::string>{"ISSUED", "EXPIRED"});  // repeat ignored
    const auto first = pager.firstPages();
    REQUIRE(first.size() == 2);
    CHECK(first[0].request.status == "ISSUED");
    CHECK(first[1].request.status == "EXPIRED");
    CHECK(first[0].request.currentPage == 1);
    CHECK(first[0].request.showSize == 10);
    CHECK(first[0].request.orderType == "CERT");
    CHECK(pager.progress().pagesTotal == 2);

    auto next = pager.accept({1, 1}, pageOf(range(500, 10), 25, 10));
    REQUIRE(next.ok());
    REQUIRE(next.value().size() == 2);
    CHECK(next.value()[0].key.status == 1);
    CHECK(next.value()[0].key.page == 2);
    CHECK(next.value()[1].request.currentPage == 3);
    CHECK(next.value()[1].request.status == "EXPIRED");
    CHECK(pager.progress().pagesTotal == 4);
    CHECK(pager.progress().pagesDone == 1);
    CHECK(pager.progress().totalCount == 25);
    CHECK(pager.progress().entriesLoaded == 10);
    CHECK_FALSE(pager.complete());

    // Keys out of range, or already taken, are ignored.
    CHECK(pager.accept({1, 1}, pageOf(range(900, 10), 25, 10)).value().empty());
    CHECK(pager.accept({1, 9}, pageOf(range(900, 10), 25, 10)).value().empty());
    CHECK(pager.accept({7, 1}, pageOf(range(900, 10), 25, 10)).value().empty());
    CHECK(pager.progress().pagesDone == 1);

    CHECK(pager.accept({1, 3}, pageOf(range(520, 5), 25, 10)).value().empty());
    CHECK(pager.accept({0, 1}, pageOf({}, 0, 10)).value().empty());  // nothing issued
    CHECK(pager.accept({1, 2}, pageOf(range(510, 10), 25, 10)).value().empty());
    REQUIRE(pager.complete());
    const ListAllResult result = pager.takeResult();
    CHECK(result.entries.size() == 25);
    CHECK(result.progress.pagesDone == 4);
    CHECK(result.progress.pagesTotal == 4);
    CHECK(rowIdentity(result.entries.front())->id == 500);
    CHECK(rowIdentity(result.entries.back())->id == 524);
}

TEST_CASE("pager: identities are CertificateId for certificates and OrderId for orders", "[list-all][pager]") {
    ListAllQuery q;
    q.orderType = "CPACK";
    auto pager = std::move(Pager::plan(q)).value();
    CHECK(pager.statuses() == std::vector<std::string>{""});
    REQUIRE(pager.accept({0, 1}, pageOf({7, 8, 7, 9}, 4, 100, true)).ok());
    const ListAllResult result = pager.takeResult();
    REQUIRE(result.entries.size() == 3);
    CHECK(result.duplicates == 1);
    CHECK(rowIdentity(result.entries[0])->isOrder);
    CHECK(rowIdentity(result.entries[2])->id == 9);
}

TEST_CASE("pager: the ShowSize the service echoes decides the pages", "[list-all][pager]") {
    auto pager = std::move(Pager::plan(certQuery({"ISSUED"}, 100))).value();
    auto next = pager.accept({0, 1}, pageOf(range(1, 50), 120, 50));  // asked 100, got 50
    REQUIRE(next.ok());
    CHECK(next.value().size() == 2);
    CHECK(pager.progress().pagesTotal == 3);
}

TEST_CASE("pager: an implausible TotalCount is refused", "[list-all][pager]") {
    auto pager = std::move(Pager::plan(certQuery({"ISSUED"}, 1))).value();
    auto next = pager.accept({0, 1}, pageOf({1}, kMaxPagesPerStatus + 1, 1));
    REQUIRE_FALSE(next.ok());
    CHECK(next.error().code == "MalformedResponse");
    auto huge = std::move(Pager::plan(certQuery({"ISSUED"}, 100))).value();
    CHECK_FALSE(huge.accept({0, 1}, pageOf({1}, INT64_MAX, 100)).ok());
    auto negative = std::move(Pager::plan(certQuery({"ISSUED"}, 100))).value();
    REQUIRE(negative.accept({0, 1}, pageOf({}, -5, 100)).ok());
    CHECK(negative.complete());
}

TEST_CASE("pager: the query is validated like every request it implies", "[list-all][pager][validation]") {
    struct Case {
        ListAllQuery query;
        const char* param;
    };
    std::vector<Case> cases;
    cases.push_back({certQuery({"ISSUED", "REVOKED"}), "Status"});  // REVOKED: orders only
    cases.push_back({certQuery({"ISSUED", "SOON"}), "Status"});
    cases.push_back({certQuery({"ISSUED"}, 0), "ShowSize"});
    cases.push_back({certQuery({"ISSUED"}, 101), "ShowSize"});
    ListAllQuery badType = certQuery();
    badType.orderType = "SSL";
    cases.push_back({badType, "OrderType"});
    for (const Case& c : cases) {
        INFO(c.param);
        const auto planned = Pager::plan(c.query);
        REQUIRE_FALSE(planned.ok());
        CHECK(planned.error().code == "InvalidParameter");
        CHECK(planned.error().param == c.param);
    }
    ListAllQuery orders;
    orders.orderType = "BUY";
    orders.statuses = {"REVOKED", "PAYED"};
    CHECK(Pager::plan(orders).ok());
    CHECK(Pager::plan(ListAllQuery{}).value().firstPages().at(0).request.showSize == kListAllPageSize);
}

TEST_CASE("pager: pages asked for before TotalCount is known are held, then taken or dropped", "[list-all][pager]") {
    auto pager = std::move(Pager::plan(certQuery({"ISSUED", "EXPIRED"}, 10))).value();
    // Statuses in turn, each from page 2 on.
    std::vector<std::pair<size_t, int64_t>> asked;
    for (int i = 0; i < 6; ++i) {
        const auto next = pager.speculate();
        REQUIRE(next);
        CHECK(next->request.currentPage == next->key.page);
        CHECK(next->request.status == pager.statuses()[next->key.status]);
        asked.emplace_back(next->key.status, next->key.page);
    }
    CHECK(asked == std::vector<std::pair<size_t, int64_t>>{{0, 2}, {1, 2}, {0, 3}, {1, 3}, {0, 4}, {1, 4}});
    CHECK(pager.wants({0, 4}));
    CHECK_FALSE(pager.wants({0, 5}));  // never asked for

    // ISSUED pages 3 and 2 come before page 1: held, not counted.
    REQUIRE(pager.accept({0, 3}, pageOf(range(21, 5), 25, 10)).ok());
    REQUIRE(pager.accept({0, 2}, pageOf(range(11, 10), 25, 10)).ok());
    CHECK(pager.progress().pagesDone == 0);
    CHECK(pager.progress().entriesLoaded == 0);
    CHECK_FALSE(pager.wants({0, 2}));  // already here

    // Page 1: 25 rows, 3 pages, all asked for already; the held ones are taken with it.
    const auto next = pager.accept({0, 1}, pageOf(range(1, 10), 25, 10));
    REQUIRE(next.ok());
    CHECK(next.value().empty());
    CHECK(pager.progress().pagesDone == 3);
    CHECK(pager.progress().pagesTotal == 4);  // ISSUED's 3 and EXPIRED's page 1
    CHECK(pager.progress().entriesLoaded == 25);
    CHECK_FALSE(pager.wants({0, 4}));  // past the end now: its answer is not needed
    const auto another = pager.speculate();  // only EXPIRED's count is unknown now
    REQUIRE(another);
    CHECK(another->key.status == 1);
    CHECK(another->key.page == 5);

    // EXPIRED: page 3 (past the end) comes first and is dropped once page 1 tells 12 rows.
    REQUIRE(pager.accept({1, 3}, pageOf({}, 12, 10)).ok());
    const auto expired = pager.accept({1, 1}, pageOf(range(100, 10), 12, 10));
    REQUIRE(expired.ok());
    CHECK(expired.value().empty());  // page 2 was asked for already
    CHECK(pager.progress().pagesTotal == 5);
    CHECK(pager.progress().pagesDone == 4);
    CHECK(pager.progress().totalCount == 37);
    CHECK_FALSE(pager.speculate());  // every count is known
    REQUIRE(pager.accept({1, 2}, pageOf(range(110, 2), 12, 10)).ok());
    REQUIRE(pager.complete());
    std::vector<int64_t> ids;
    for (const ListRow& row : pager.takeResult().entries) ids.push_back(rowIdentity(row)->id);
    std::vector<int64_t> expected = range(1, 25);
    const auto more = range(100, 12);
    expected.insert(expected.end(), more.begin(), more.end());
    CHECK(ids == expected);
}

TEST_CASE("pager: page 1 asks only for the pages speculation has not", "[list-all][pager]") {
    auto pager = std::move(Pager::plan(certQuery({"ISSUED"}, 10))).value();
    REQUIRE(pager.speculate());  // page 2
    REQUIRE(pager.speculate());  // page 3
    const auto next = pager.accept({0, 1}, pageOf(range(1, 10), 55, 10));
    REQUIRE(next.ok());
    std::vector<int64_t> pages;
    for (const PageRequest& r : next.value()) pages.push_back(r.key.page);
    CHECK(pages == std::vector<int64_t>{4, 5, 6});
    CHECK(pager.wants({0, 2}));
    CHECK(pager.wants({0, 6}));
    CHECK_FALSE(pager.wants({0, 7}));
}

// ---- CasClient::listAll ---------------------------------------------------------------------

TEST_CASE("listAll: every page, in API order, with progress after each", "[list-all]") {
    World w;
    w.fill("ISSUED", 1, 1234);
    w.listAll(certQuery());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    CHECK(w.ids() == range(1, 1234));
    CHECK(w.results[0].value().duplicates == 0);
    CHECK(w.transport.sent().size() == 13);
    REQUIRE(w.progress.size() == 13);
    CHECK(w.progress[0].pagesDone == 1);
    CHECK(w.progress[0].pagesTotal == 13);
    CHECK(w.progress[0].totalCount == 1234);
    CHECK(w.progress[0].entriesLoaded == 100);
    for (size_t i = 0; i < w.progress.size(); ++i) CHECK(w.progress[i].pagesDone == static_cast<int64_t>(i) + 1);
    CHECK(w.progress.back().pagesTotal == 13);
    CHECK(w.progress.back().entriesLoaded == 1234);
    CHECK(w.server.signatureFailures.empty());
    // Pages 2..13 went out right after page 1 came back, as fast as the limiter allowed.
    std::set<std::string> pages;
    for (const auto& s : w.transport.sent()) pages.insert(s.param("CurrentPage"));
    CHECK(pages.size() == 13);
    CHECK(w.client->pendingOperations() == 0);
}

TEST_CASE("listAll: pipelined at the limit under 200 ms latency, never above it", "[list-all][rate-limiter]") {
    World w(testClientConfig(), 200);
    w.fill("ISSUED", 1, 6000);
    w.listAll(certQuery({"ISSUED"}, 10));  // 600 pages
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    CHECK(w.results[0].value().entries.size() == 6000);
    std::vector<int64_t> sends;
    for (const auto& s : w.transport.sent()) sends.push_back(s.sentAtMs);
    REQUIRE(sends.size() == 600);
    CHECK(maxInAnyWindow(sends, 1000) <= 10);
    CHECK(maxInAnyWindow(sends, 1049) <= 10);
    // Sustained rate from the second request on (the first waits for TotalCount).
    const double seconds = static_cast<double>(sends.back() - sends[1]) / 1000.0;
    const double rate = 599.0 / seconds;
    INFO("sustained " << rate << " requests/s");
    CHECK(rate >= 9.5);
    CHECK(w.transport.maxInFlight >= 2);  // pipelined, not one at a time
}

TEST_CASE("listAll: high latency does not slow the listing down", "[list-all][rate-limiter]") {
    World w(testClientConfig(), 3000);
    w.fill("ISSUED", 1, 1000);
    w.listAll(certQuery({"ISSUED"}, 10));  // 100 pages, 3 s each
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    // Sustained once TotalCount is known (the first burst went out while page 1 was away).
    const auto& sent = w.transport.sent();
    REQUIRE(sent.size() == 100);
    size_t known = 0;  // the first request sent after page 1 came back
    while (sent[known].sentAtMs < kT0 + 3000) ++known;
    REQUIRE(known >= 2);
    const double seconds = static_cast<double>(sent.back().sentAtMs - sent[known].sentAtMs) / 1000.0;
    CHECK(static_cast<double>(99 - known) / seconds >= 9.5);
    CHECK(w.transport.maxInFlight >= 30);
}

TEST_CASE("listAll: pages arriving out of order still merge in API order", "[list-all]") {
    World w;
    w.fill("ISSUED", 1, 500);
    // Page 1 answers first; after it, later pages answer sooner.
    w.server.latencyFor = [](const SentRequest& s) {
        const int64_t page = std::stoll(s.param("CurrentPage"));
        return page == 1 ? 100 : 2000 - 300 * page;
    };
    w.listAll(certQuery());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    CHECK(w.ids() == range(1, 500));
    std::vector<int64_t> order;  // progress pagesDone still counts 1..5
    for (const auto& p : w.progress) order.push_back(p.pagesDone);
    CHECK(order == std::vector<int64_t>{1, 2, 3, 4, 5});
}

TEST_CASE("listAll: each page's rows are delivered as the page arrives, kept or not", "[list-all]") {
    for (const bool keep : {true, false}) {
        INFO("keepEntries " << keep);
        World w;
        w.fill("ISSUED", 1, 500);
        w.server.latencyFor = [](const SentRequest& s) {
            const int64_t page = std::stoll(s.param("CurrentPage"));
            return page == 1 ? 100 : 2000 - 300 * page;
        };
        std::vector<std::vector<int64_t>> delivered;  // ids per delivery
        std::vector<int64_t> pagesDoneAtDelivery;
        ListAllDelivery delivery;
        delivery.keepEntries = keep;
        delivery.rowRecords = !keep;  // rows bound for an inventory come with their records
        delivery.onPageRows = [&](std::vector<ListRow> rows) {
            std::vector<int64_t> ids;
            for (const ListRow& row : rows) {
                ids.push_back(rowIdentity(row)->id);
                CHECK(row.record().empty() == keep);
            }
            delivered.push_back(ids);
            pagesDoneAtDelivery.push_back(static_cast<int64_t>(w.progress.size()));
        };
        w.client->listAll(certQuery(), [&](const ListProgress& p) { w.progress.push_back(p); },
                          [&](Outcome<ListAllResult> r) { w.results.push_back(std::move(r)); }, delivery);
        w.scheduler.runUntilIdle();
        REQUIRE(w.results.size() == 1);
        REQUIRE(w.results[0].ok());
        // Page 1 first (it tells TotalCount), then the others as they answer: 5, 4, 3, 2.
        REQUIRE(delivered.size() == 5);
        CHECK(delivered[0] == range(1, 100));
        CHECK(delivered[1] == range(401, 100));
        CHECK(delivered[4] == range(101, 100));
        // Before the progress of its page: a consumer sees the rows when it hears of the page.
        CHECK(pagesDoneAtDelivery == std::vector<int64_t>{0, 1, 2, 3, 4});
        CHECK(w.progress.back().entriesLoaded == 500);
        if (keep) CHECK(w.ids() == range(1, 500));
        else CHECK(w.results[0].value().entries.capacity() == 0);  // not even room reserved
    }
}

TEST_CASE("listAll: rows repeated across pages and statuses are kept once, first place wins", "[list-all]") {
    World w;
    // ISSUED: 1..150 with 100 repeated at the top of page 2 (the list shifted between pages).
    w.fill("ISSUED", 1, 100);
    w.fill("ISSUED", 100, 51);
    // WILLEXPIRED: 200..229, and 5 again (a certificate that changed status meanwhile).
    w.fill("WILLEXPIRED", 200, 30);
    w.server.rows["WILLEXPIRED"].push_back(certificateRow(5, "host5.example.com"));
    w.listAll(certQuery({"ISSUED", "WILLEXPIRED", "EXPIRED"}));
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    std::vector<int64_t> expected = range(1, 150);
    const auto more = range(200, 30);
    expected.insert(expected.end(), more.begin(), more.end());
    CHECK(w.ids() == expected);
    CHECK(w.results[0].value().duplicates == 2);
    const ListProgress& last = w.progress.back();
    CHECK(last.totalCount == 151 + 31 + 0);
    CHECK(last.entriesLoaded == 180);
    CHECK(last.pagesDone == 2 + 1 + 1);
    CHECK(last.pagesTotal == 4);
    // Each status was asked for by name, page 1 first.
    std::set<std::string> statuses;
    for (size_t i = 0; i < 3; ++i) {
        CHECK(w.transport.sent()[i].param("CurrentPage") == "1");
        statuses.insert(w.transport.sent()[i].param("Status"));
    }
    CHECK(statuses == std::set<std::string>{"ISSUED", "WILLEXPIRED", "EXPIRED"});
}

TEST_CASE("listAll: multi-status progress grows as first pages arrive", "[list-all]") {
    World w;
    w.fill("ISSUED", 1, 250);
    w.fill("EXPIRED", 1000, 120);
    // EXPIRED's first page answers before ISSUED's.
    w.server.latencyFor = [](const SentRequest& s) { return s.param("Status") == "EXPIRED" ? 100 : 500; };
    w.listAll(certQuery({"ISSUED", "EXPIRED"}));
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    REQUIRE(w.progress.size() == 5);
    CHECK(w.progress[0].pagesDone == 1);
    CHECK(w.progress[0].pagesTotal == 3);   // EXPIRED: 2 pages; ISSUED: still 1 (unknown)
    CHECK(w.progress[0].totalCount == 120);
    CHECK(w.progress[0].entriesLoaded == 100);
    CHECK(w.progress[4].pagesTotal == 5);
    CHECK(w.progress[4].totalCount == 370);
    std::vector<int64_t> expected = range(1, 250);
    const auto expired = range(1000, 120);
    expected.insert(expected.end(), expired.begin(), expired.end());
    CHECK(w.ids() == expected);  // ISSUED first: the order of the query, not of arrival
}

TEST_CASE("listAll: no Status, an empty account, a clamped page size", "[list-all]") {
    SECTION("empty") {
        World w;
        w.listAll(certQuery({}));
        w.scheduler.runUntilIdle();
        REQUIRE(w.results.size() == 1);
        REQUIRE(w.results[0].ok());
        CHECK(w.results[0].value().entries.empty());
        CHECK(w.transport.sent().size() <= 6);  // page 1, and pages asked for on speculation
        CHECK(w.transport.sent()[0].param("CurrentPage") == "1");
        for (const auto& sent : w.transport.sent()) CHECK(sent.params.count("Status") == 0);
        REQUIRE(w.progress.size() == 1);
        CHECK(w.progress[0].pagesDone == 1);
        CHECK(w.progress[0].pagesTotal == 1);
        CHECK(w.progress[0].totalCount == 0);
    }
    SECTION("the service pages by 50 although 100 was asked") {
        World w;
        w.server.maxShowSize = 50;
        w.fill("ISSUED", 1, 260);
        w.listAll(certQuery());
        w.scheduler.runUntilIdle();
        REQUIRE(w.results.size() == 1);
        REQUIRE(w.results[0].ok());
        CHECK(w.ids() == range(1, 260));
        std::set<int64_t> pages;
        for (const auto& sent : w.transport.sent()) pages.insert(std::stoll(sent.param("CurrentPage")));
        for (int64_t p = 1; p <= 6; ++p) CHECK(pages.count(p) == 1);
        CHECK(pages.size() == w.transport.sent().size());  // none asked for twice
    }
}

TEST_CASE("listAll: bad input is refused with zero requests", "[list-all][validation]") {
    World w;
    w.fill("ISSUED", 1, 10);
    w.listAll(certQuery({"ISSUED", "PAYED"}));
    CHECK(w.results.empty());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    CHECK(w.results[0].error().code == "InvalidParameter");
    CHECK(w.results[0].error().param == "Status");
    CHECK(w.transport.sent().empty());
    CHECK(w.progress.empty());
}

TEST_CASE("listAll: a failure that survives retries fails the listing once, and stops it", "[list-all]") {
    World w;
    w.fill("ISSUED", 1, 3000);
    // Page 7 is refused for good; everything else is slow, so much is in flight then.
    w.server.fault = [](const SentRequest& s) -> std::optional<Reply> {
        if (s.param("CurrentPage") == "7") return Reply::response(403, errorBody("Forbidden.RAM", "no"), 100);
        return std::nullopt;
    };
    w.server.latencyFor = [](const SentRequest&) { return 1500; };
    w.listAll(certQuery({"ISSUED"}, 100));  // 30 pages
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    CHECK(w.results[0].error().code == "Forbidden.RAM");
    CHECK(w.transport.cancels > 0);            // the in-flight ones were aborted
    CHECK(w.transport.sent().size() < 30);     // the queued ones never went out
    const size_t progressAtFailure = w.progress.size();
    w.scheduler.runUntilIdle();
    CHECK(w.progress.size() == progressAtFailure);
    CHECK(w.transport.inFlight() == 0);
    CHECK(w.scheduler.pending() == 0);
}

TEST_CASE("listAll: cancel mid-listing aborts in-flight requests and goes silent", "[list-all][cancel]") {
    World w;
    w.fill("ISSUED", 1, 5000);
    const auto id = w.listAll(certQuery({"ISSUED"}, 50));  // 100 pages
    w.scheduler.runUntil(kT0 + 2200);  // bursts of 10 at 0 (page 1 and speculation), 1050, 2100
    const size_t sentBefore = w.transport.sent().size();
    const size_t inFlightBefore = w.transport.inFlight();
    REQUIRE(sentBefore > 10);
    REQUIRE(inFlightBefore > 0);
    REQUIRE(w.progress.size() > 1);
    const size_t progressBefore = w.progress.size();

    CHECK(w.client->cancel(id));
    REQUIRE(w.results.size() == 1);
    CHECK(w.results[0].error().code == "Aborted");
    CHECK(w.transport.cancels == inFlightBefore);
    CHECK(w.transport.inFlight() == 0);
    CHECK(w.scheduler.pending() == 0);  // no timers left: the limiter's wake-up is gone too

    w.scheduler.runUntilIdle();
    w.scheduler.runUntil(kT0 + 60000);
    CHECK(w.transport.sent().size() == sentBefore);  // nothing new went out
    CHECK(w.results.size() == 1);                     // Aborted once, nothing after
    CHECK(w.progress.size() == progressBefore);
    CHECK_FALSE(w.client->cancel(id));
}

TEST_CASE("listAll: cancel from inside the progress callback", "[list-all][cancel]") {
    World w;
    w.fill("ISSUED", 1, 1000);
    CasClient::OperationId id = 0;
    std::vector<std::string> log;
    id = w.client->listAll(
        certQuery({"ISSUED"}, 100),
        [&](const ListProgress& p) {
            log.push_back("progress " + std::to_string(p.pagesDone));
            if (p.pagesDone == 3) w.client->cancel(id);
        },
        [&](Outcome<ListAllResult> r) { log.push_back(r.ok() ? "done" : r.error().code); });
    w.scheduler.runUntilIdle();
    CHECK(log == std::vector<std::string>{"progress 1", "progress 2", "progress 3", "Aborted"});
    CHECK(w.transport.inFlight() == 0);
}

TEST_CASE("listAll: two listings at once share the limit and stay separate", "[list-all][rate-limiter]") {
    World w;
    w.fill("ISSUED", 1, 700);
    w.fill("EXPIRED", 5000, 300);
    w.listAll(certQuery({"ISSUED"}, 20));
    w.listAll(certQuery({"EXPIRED"}, 20));
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 2);
    REQUIRE(w.results[0].ok());
    REQUIRE(w.results[1].ok());
    std::vector<int64_t> sends;
    for (const auto& s : w.transport.sent()) sends.push_back(s.sentAtMs);
    CHECK(sends.size() == 35 + 15);
    CHECK(maxInAnyWindow(sends, 1000) <= 10);
    const auto a = w.ids(0), b = w.ids(1);
    CHECK((a.size() == 700 || a.size() == 300));
    CHECK(a.size() + b.size() == 1000);
}

TEST_CASE("listAll: one listing holds the limit from its first request", "[list-all][rate-limiter]") {
    const int64_t latency = GENERATE(20, 200, 500);
    INFO("latency " << latency << " ms");
    World w(testClientConfig(), latency);
    w.fill("ISSUED", 1, 4150);
    w.listAll(certQuery({"ISSUED"}, 100));  // 42 pages
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    CHECK(w.ids() == range(1, 4150));
    CHECK(w.progress.back().pagesDone == 42);
    CHECK(w.progress.back().totalCount == 4150);
    std::vector<int64_t> sends;
    std::set<std::string> pages;
    for (const auto& s : w.transport.sent()) {
        sends.push_back(s.sentAtMs);
        pages.insert(s.param("CurrentPage"));
    }
    CHECK(sends.size() == 42);  // speculation asked for nothing past the end here
    CHECK(pages.size() == 42);
    CHECK(maxInAnyWindow(sends, 1000) <= 10);
    const double rate = 41.0 / (static_cast<double>(sends.back() - sends.front()) / 1000.0);
    INFO("first to last request " << rate << " requests/s");
    CHECK(rate >= 9.5);
}

TEST_CASE("listAll: pages past the end cost a request and nothing else", "[list-all]") {
    World w;
    w.fill("ISSUED", 1, 30);
    // Every page after the first is slow: the listing must not wait for them.
    w.server.latencyFor = [](const SentRequest& s) { return s.param("CurrentPage") == "1" ? 200 : 5000; };
    w.listAll(certQuery({"ISSUED"}, 100));
    w.scheduler.runUntil(kT0 + 300);
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    CHECK(w.ids() == range(1, 30));
    REQUIRE(w.progress.size() == 1);
    CHECK(w.progress[0].pagesDone == 1);
    CHECK(w.progress[0].pagesTotal == 1);
    CHECK(w.progress[0].totalCount == 30);
    CHECK(w.progress[0].entriesLoaded == 30);
    const size_t sent = w.transport.sent().size();
    CHECK(sent > 1);
    CHECK(sent <= 6);  // page 1 and at most 5 on speculation
    CHECK(w.transport.cancels == sent - 1);
    CHECK(w.transport.inFlight() == 0);
    CHECK(w.scheduler.pending() == 0);
    CHECK(w.client->pendingOperations() == 0);
}

TEST_CASE("listAll: pages past the end that answer first change nothing", "[list-all]") {
    World w;
    w.fill("ISSUED", 1, 150);
    // Page 1 is the slowest: every speculative page is here before it.
    w.server.latencyFor = [](const SentRequest& s) { return s.param("CurrentPage") == "1" ? 900 : 100; };
    w.listAll(certQuery({"ISSUED"}, 100));
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    CHECK(w.ids() == range(1, 150));
    CHECK(w.results[0].value().duplicates == 0);
    REQUIRE(w.progress.size() == 1);  // page 1 and the held page 2 together
    CHECK(w.progress[0].pagesDone == 2);
    CHECK(w.progress[0].pagesTotal == 2);
    CHECK(w.progress[0].entriesLoaded == 150);
    CHECK(w.progress[0].totalCount == 150);
}

TEST_CASE("listAll: a wrong secret fails at the first answer, nothing retried", "[list-all]") {
    World w;
    w.fill("ISSUED", 1, 3000);
    w.server.secret = "not-the-client-secret";
    w.listAll(certQuery({"ISSUED"}, 100));
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    CHECK(w.results[0].error().code == "SignatureDoesNotMatch");
    const auto& sent = w.transport.sent();
    CHECK(sent.size() <= 6);
    std::set<std::string> pages;
    for (const auto& s : sent) {
        pages.insert(s.param("CurrentPage"));
        CHECK(s.sentAtMs == kT0);  // all in the first burst, before the first answer
    }
    CHECK(pages.size() == sent.size());  // no page asked for twice
    CHECK(w.progress.empty());
    CHECK(w.transport.inFlight() == 0);
}

TEST_CASE("listAll: complete and duplicate-free through 20% injected faults", "[list-all][retry]") {
    const uint64_t seed = GENERATE(1, 2, 3, 4, 5);
    ClientConfig config = testClientConfig();
    config.timeoutMs = 3000;
    World w(config);
    w.fill("ISSUED", 1, 2000);
    w.fill("EXPIRED", 3000, 500);
    uint64_t state = seed * 0x9E3779B97F4A7C15ull;
    size_t faults = 0;
    w.server.fault = [&](const SentRequest&) -> std::optional<Reply> {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        const uint32_t r = static_cast<uint32_t>(state >> 33);
        if (r % 100 >= 20) return std::nullopt;
        ++faults;
        const auto& bodies = middleboxBodies();
        const uint32_t kind = (r / 100) % static_cast<uint32_t>(5 + bodies.size());
        switch (kind) {
            case 0: return Reply::response(503, errorBody("ServiceUnavailable", "busy"), 150);
            case 1: {
                Reply t = Reply::response(400, errorBody("Throttling.User", "flow control"), 150);
                t.result.response.retryAfter = "1000";
                return t;
            }
            case 2: return Reply::response(502, "<html><body>502 Bad Gateway</body></html>", 150);
            case 3: return Reply::hanging();
            case 4: return Reply::failure(TransportFailure::NetworkError, 20);
            default: return Reply::response(200, bodies[kind - 5].body, 150);  // every middlebox body
        }
    };
    w.listAll(certQuery({"ISSUED", "EXPIRED"}, 50));
    w.scheduler.runUntilIdle();
    INFO("seed " << seed << ", faults " << faults);
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    std::vector<int64_t> expected = range(1, 2000);
    const auto expired = range(3000, 500);
    expected.insert(expected.end(), expired.begin(), expired.end());
    CHECK(w.ids() == expected);
    CHECK(w.results[0].value().duplicates == 0);
    CHECK(faults > 0);
    std::vector<int64_t> sends;
    for (const auto& s : w.transport.sent()) sends.push_back(s.sentAtMs);
    CHECK(maxInAnyWindow(sends, 1000) <= 10);
}
