// CasClient, one page at a time, against the fake network in virtual time.
#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cas_client.hpp"
#include "transport_fake.hpp"

using namespace casview;
using namespace casview::test;

namespace {

// The client, its fake world, and the data the server holds: 120 issued certificates.
struct World {
    explicit World(ClientConfig config = testClientConfig(), int64_t latencyMs = 100) {
        server.latencyMs = latencyMs;
        for (int64_t i = 1; i <= 120; ++i) {
            server.rows["ISSUED"].push_back(certificateRow(1000 + i, "site" + std::to_string(i) + ".example.com"));
        }
        server.rows[""] = server.rows["ISSUED"];
        auto created = CasClient::create(std::move(config), {transport, scheduler, clock, random, &jitter,
                                                              [this](const RetryNotice& n) { notices.push_back(n); }});
        REQUIRE(created.ok());
        client = std::move(created).value();
    }

    // Starts one page request; the result lands in `results`.
    CasClient::OperationId page(ListUserCertificateOrderRequest request) {
        return client->listUserCertificateOrder(
            request, [this](Outcome<ListPage> outcome) { results.push_back(std::move(outcome)); });
    }

    FakeClock clock;
    FakeScheduler scheduler{clock};
    FakeCasServer server{clock};
    FakeTransport transport{scheduler, clock, server.handler()};
    CountingRandom random{7};
    ConstantRandom jitter{0x00};  // every backoff at its lower bound: e/2
    std::unique_ptr<CasClient> client;
    std::vector<Outcome<ListPage>> results;
    std::vector<RetryNotice> notices;  // every retry the client announced
};

ListUserCertificateOrderRequest certPage(int64_t page = 1, int64_t size = 50) {
    ListUserCertificateOrderRequest r;
    r.orderType = "CERT";
    r.status = "ISSUED";
    r.currentPage = page;
    r.showSize = size;
    return r;
}

Reply serviceFailure(int status, const std::string& code, std::string retryAfter = "") {
    Reply r = Reply::response(status, errorBody(code, "injected " + code), 100);
    r.result.response.retryAfter = std::move(retryAfter);
    return r;
}

std::vector<int64_t> sendTimes(const FakeTransport& transport) {
    std::vector<int64_t> out;
    for (const auto& s : transport.sent()) out.push_back(s.sentAtMs - 1704110400000);
    return out;
}

}  // namespace

TEST_CASE("client: one page, POSTed as a signed form to proxy + endpoint + /", "[client]") {
    World w;
    w.page(certPage(2, 50));
    CHECK(w.results.empty());  // never from inside the call
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    ListPage& page = w.results[0].value();
    CHECK(pageTotalCount(page) == 120);
    CHECK(pageShowSize(page) == 50);
    REQUIRE(pageRows(page).size() == 50);
    CHECK(rowIdentity(pageRows(page)[0])->id == 1051);
    CHECK(rowIdentity(pageRows(page)[49])->id == 1100);

    REQUIRE(w.transport.sent().size() == 1);
    const SentRequest& s = w.transport.sent()[0];
    CHECK(s.request.method == "POST");
    CHECK(s.request.url == "http://127.0.0.1:8787/https://cas.aliyuncs.com/");
    CHECK(s.request.contentType == "application/x-www-form-urlencoded");
    CHECK(s.request.timeoutMs == 15000);
    CHECK(s.param("Action") == "ListUserCertificateOrder");
    CHECK(s.param("Version") == "2020-04-07");
    CHECK(s.param("OrderType") == "CERT");
    CHECK(s.param("Status") == "ISSUED");
    CHECK(s.param("CurrentPage") == "2");
    CHECK(s.param("ShowSize") == "50");
    CHECK(s.param("Timestamp") == "2024-01-01T12:00:00Z");
    CHECK(w.server.signatureFailures.empty());
    CHECK(w.client->pendingOperations() == 0);
}

TEST_CASE("client: GET puts the signed parameters in the query", "[client]") {
    ClientConfig config = testClientConfig();
    config.method = HttpMethod::Get;
    config.proxy = "";
    config.endpoint = "https://cas.ap-southeast-1.aliyuncs.com";
    config.timeoutMs = 5000;
    World w(config);
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    CHECK(w.results[0].ok());
    const SentRequest& s = w.transport.sent().at(0);
    CHECK(s.request.method == "GET");
    CHECK(s.request.url.rfind("https://cas.ap-southeast-1.aliyuncs.com/?", 0) == 0);
    CHECK(s.request.body.empty());
    CHECK(s.request.timeoutMs == 5000);
    CHECK(s.param("Signature").size() == 28);
    CHECK(w.server.signatureFailures.empty());
}

TEST_CASE("client: STS token is sent and signed", "[client]") {
    ClientConfig config = testClientConfig();
    config.credentials.securityToken = "CAIS+STS/tokenExample==";
    World w(config);
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    CHECK(w.results[0].ok());
    CHECK(w.transport.sent().at(0).param("SecurityToken") == "CAIS+STS/tokenExample==");
    CHECK(w.server.signatureFailures.empty());
}

TEST_CASE("client: bad input is refused with zero requests, later, through the callback",
          "[client][validation]") {
    struct Case {
        const char* param;
        ListUserCertificateOrderRequest request;
    };
    std::vector<Case> cases;
    {
        ListUserCertificateOrderRequest r;
        r.orderType = "SSL";
        cases.push_back({"OrderType", r});
    }
    {
        ListUserCertificateOrderRequest r = certPage();
        r.status = "REVOKED";  // orders only
        cases.push_back({"Status", r});
    }
    {
        ListUserCertificateOrderRequest r = certPage();
        r.status = "issued";
        cases.push_back({"Status", r});
    }
    cases.push_back({"CurrentPage", certPage(0)});
    cases.push_back({"ShowSize", certPage(1, 0)});
    cases.push_back({"ShowSize", certPage(1, 101)});
    for (const Case& c : cases) {
        INFO(c.param);
        World w;
        w.page(c.request);
        CHECK(w.results.empty());
        w.scheduler.runUntilIdle();
        REQUIRE(w.results.size() == 1);
        REQUIRE_FALSE(w.results[0].ok());
        CHECK(w.results[0].error().code == "InvalidParameter");
        CHECK(w.results[0].error().param == c.param);
        CHECK(w.transport.sent().empty());
    }
}

TEST_CASE("client: the configuration is checked when the client is created", "[client][validation]") {
    FakeClock clock;
    FakeScheduler scheduler(clock);
    FakeTransport transport(scheduler, clock);
    CountingRandom random;
    const ClientServices services{transport, scheduler, clock, random, nullptr, {}};
    auto check = [&](ClientConfig config, const std::string& param) {
        INFO(param);
        const auto created = CasClient::create(std::move(config), services);
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().code == "InvalidParameter");
        CHECK(created.error().param == param);
    };
    ClientConfig c = testClientConfig();
    c.credentials.accessKeyId = "";
    check(c, "accessKeyId");
    c = testClientConfig();
    c.credentials.accessKeySecret = "";
    check(c, "accessKeySecret");
    c = testClientConfig();
    c.endpoint = "cas.aliyuncs.com";
    check(c, "endpoint");
    c = testClientConfig();
    c.proxy = "http://127.0.0.1:8787";
    check(c, "proxy");
    c = testClientConfig();
    c.timeoutMs = 0;
    check(c, "timeoutMs");
    c = testClientConfig();
    c.maxRetries = -1;
    check(c, "maxRetries");
    c = testClientConfig();
    c.maxRetries = 11;
    check(c, "maxRetries");
    c = testClientConfig();
    c.requestsPerSecond = 0;
    check(c, "requestsPerSecond");
    CHECK(transport.sent().empty());
    CHECK(CasClient::create(testClientConfig(), services).ok());
}

TEST_CASE("client: retry schedule, exact, each attempt re-signed with a new nonce", "[client][retry]") {
    World w;
    for (int i = 0; i < 4; ++i) w.server.injected.push_back(serviceFailure(503, "ServiceUnavailable"));
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    // 100 ms latency; backoffs at their lower bound: 125, 250, 500, 1000.
    CHECK(sendTimes(w.transport) == std::vector<int64_t>{0, 225, 575, 1175, 2275});
    std::set<std::string> nonces, signatures;
    for (const auto& s : w.transport.sent()) {
        nonces.insert(s.param("SignatureNonce"));
        signatures.insert(s.param("Signature"));
    }
    CHECK(nonces.size() == 5);
    CHECK(signatures.size() == 5);
    CHECK(w.transport.sent()[4].param("Timestamp") == "2024-01-01T12:00:02Z");
    CHECK(w.server.signatureFailures.empty());  // the last, real answer checked the signature
}

TEST_CASE("client: after maxRetries the last error is reported", "[client][retry]") {
    ClientConfig config = testClientConfig();
    config.maxRetries = 2;
    World w(config);
    for (int i = 0; i < 5; ++i) w.server.injected.push_back(serviceFailure(500, "InternalError"));
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    const CasError& e = w.results[0].error();
    CHECK(e.code == "InternalError");
    CHECK(e.httpStatus == 500);
    CHECK(e.retryable);
    CHECK(e.requestId == "5E2B4A1C-0000-4000-8000-00000000E001");
    CHECK(w.transport.sent().size() == 3);
}

TEST_CASE("client: x-acs-retry-after is honoured, and holds every queued request", "[client][retry]") {
    World w;
    w.server.injected.push_back(serviceFailure(400, "Throttling.User", "1000"));
    w.page(certPage(1));
    w.scheduler.runUntil(1704110400000 + 150);  // the throttling answer came at +100
    w.page(certPage(2));                        // queued behind the hold
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 2);
    CHECK(w.results[0].ok());
    CHECK(w.results[1].ok());
    // The retry goes out exactly 1000 ms after the answer; the other request waits as long.
    CHECK(sendTimes(w.transport) == std::vector<int64_t>{0, 1100, 1100});
}

TEST_CASE("client: non-retryable errors are reported after exactly one request", "[client][retry]") {
    const auto [status, code] = GENERATE(table<int, std::string>({
        {400, "SignatureDoesNotMatch"},
        {400, "IncompleteSignature"},
        {404, "InvalidAccessKeyId.NotFound"},
        {400, "InvalidAccessKeyId.Inactive"},
        {403, "Forbidden.RAM"},
        {403, "NoPermission"},
        {400, "InvalidParameter"},
        {400, "MissingParameter"},
        {400, "InvalidSecurityToken.Expired"},
        {400, "InvalidTimeStamp.Format"},
    }));
    INFO(code);
    World w;
    w.server.injected.push_back(serviceFailure(status, code, "10"));
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    CHECK(w.results[0].error().code == code);
    CHECK(w.results[0].error().httpStatus == status);
    CHECK_FALSE(w.results[0].error().retryable);
    CHECK(w.transport.sent().size() == 1);
}

TEST_CASE("client: a wrong secret is SignatureDoesNotMatch after one request", "[client][retry]") {
    ClientConfig config = testClientConfig();
    config.credentials.accessKeySecret = "not-the-secret";
    World w(config);
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    CHECK(w.results[0].error().code == "SignatureDoesNotMatch");
    CHECK(w.transport.sent().size() == 1);
    for (const auto& s : w.transport.sent()) {
        CHECK(s.request.body.find("not-the-secret") == std::string::npos);
        CHECK(s.request.url.find("not-the-secret") == std::string::npos);
    }
}

TEST_CASE("client: transport failures are retried; Timeout comes from the transport", "[client][retry]") {
    World w;
    w.server.injected.push_back(Reply::failure(TransportFailure::NetworkError, 30));
    w.server.injected.push_back(Reply::hanging());
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    CHECK(w.results[0].ok());
    // NetworkError at 30, +125 backoff; the hang times out after 15000, +250 backoff.
    CHECK(sendTimes(w.transport) == std::vector<int64_t>{0, 155, 15405});
}

TEST_CASE("client: every attempt timing out ends in Timeout", "[client][retry]") {
    ClientConfig config = testClientConfig();
    config.timeoutMs = 1000;
    config.maxRetries = 1;
    World w(config);
    w.server.injected.push_back(Reply::hanging());
    w.server.injected.push_back(Reply::hanging());
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    CHECK(w.results[0].error().code == "Timeout");
    CHECK(w.results[0].error().retryable);
    CHECK(sendTimes(w.transport) == std::vector<int64_t>{0, 1125});
}

TEST_CASE("client: an HTML error page from a proxy is retried", "[client][retry]") {
    World w;
    w.server.injected.push_back(Reply::response(502, "<html><body>502 Bad Gateway</body></html>", 100));
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    CHECK(w.results[0].ok());
    CHECK(w.transport.sent().size() == 2);
}

TEST_CASE("client: a 200 whose body is not the API's answer is retried, and announced", "[client][retry]") {
    const size_t kind = GENERATE(range<size_t>(0, 5));
    const MiddleboxBody& bad = middleboxBodies()[kind];
    INFO(bad.name);
    World w;
    w.server.injected.push_back(Reply::response(200, bad.body, 100));
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    CHECK(pageRows(w.results[0].value()).size() == 50);
    CHECK(w.transport.sent().size() == 2);
    REQUIRE(w.notices.size() == 1);
    CHECK(w.notices[0].code == "MalformedResponse");
    CHECK(w.notices[0].attempt == 1);
    CHECK(w.notices[0].delayMs == 125);  // the first backoff, as for a 5xx
}

TEST_CASE("client: a body that stays unusable surfaces as MalformedResponse after maxRetries", "[client][retry]") {
    const size_t kind = GENERATE(range<size_t>(0, 5));
    const MiddleboxBody& bad = middleboxBodies()[kind];
    INFO(bad.name);
    ClientConfig config = testClientConfig();
    config.maxRetries = 3;
    World w(config);
    w.server.fault = [&](const SentRequest&) -> std::optional<Reply> { return Reply::response(200, bad.body, 100); };
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE_FALSE(w.results[0].ok());
    const CasError& e = w.results[0].error();
    CHECK(e.code == "MalformedResponse");
    CHECK(e.httpStatus == 200);
    CHECK(e.retryable);
    CHECK(e.message.rfind("HTTP 200: ", 0) == 0);
    const std::string shows = bad.shows;
    if (shows.empty()) {
        CHECK(e.message.find("body starts with") == std::string::npos);
    } else {
        const size_t excerpt = e.message.find("body starts with: ");
        REQUIRE(excerpt != std::string::npos);
        CHECK(e.message.find(shows, excerpt) != std::string::npos);
    }
    CHECK(w.transport.sent().size() == 4);  // the first attempt and 3 retries
}

TEST_CASE("client: clock skew is corrected once from Date, then remembered", "[client][skew]") {
    World w;
    w.server.serverAheadMs = 20 * 60000;
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    REQUIRE(w.results[0].ok());
    REQUIRE(w.transport.sent().size() == 2);  // refused, then re-signed with the server's time
    CHECK(w.transport.sent()[0].param("Timestamp") == "2024-01-01T12:00:00Z");
    CHECK(w.transport.sent()[1].param("Timestamp") == "2024-01-01T12:20:00Z");
    CHECK(w.transport.sent()[0].param("SignatureNonce") != w.transport.sent()[1].param("SignatureNonce"));
    // The Date of the refusal (12:20:00 server time) arrived at 12:00:00.100 local.
    CHECK(w.client->clockOffsetMs() == 20 * 60000 - 100);

    w.page(certPage(2));
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 2);
    CHECK(w.results[1].ok());
    CHECK(w.transport.sent().size() == 3);  // the next call goes through at once
}

TEST_CASE("client: skew correction happens once per call, and needs a Date", "[client][skew]") {
    SECTION("the server keeps refusing: two requests, then the error") {
        World w;
        w.server.serverAheadMs = 20 * 60000;
        // The server's Date lies: it claims to be on our clock.
        w.server.fault = [&](const SentRequest&) -> std::optional<Reply> {
            Reply r = serviceFailure(400, "InvalidTimeStamp.Expired");
            r.result.response.date = httpDate(w.clock.nowMs());
            return r;
        };
        w.page(certPage());
        w.scheduler.runUntilIdle();
        REQUIRE(w.results.size() == 1);
        REQUIRE_FALSE(w.results[0].ok());
        CHECK(w.results[0].error().code == "InvalidTimeStamp.Expired");
        CHECK(w.transport.sent().size() == 2);
    }
    SECTION("no Date header (not exposed by the proxy): one request, the error") {
        World w;
        w.server.injected.push_back(serviceFailure(400, "InvalidTimeStamp.Expired"));
        w.page(certPage());
        w.scheduler.runUntilIdle();
        REQUIRE(w.results.size() == 1);
        REQUIRE_FALSE(w.results[0].ok());
        CHECK(w.results[0].error().code == "InvalidTimeStamp.Expired");
        CHECK(w.transport.sent().size() == 1);
        CHECK(w.client->clockOffsetMs() == 0);
    }
}

TEST_CASE("client: the skew re-sign does not use up a retry", "[client][skew]") {
    ClientConfig config = testClientConfig();
    config.maxRetries = 1;
    World w(config);
    w.server.serverAheadMs = -20 * 60000;  // server behind
    w.server.injected.push_back(serviceFailure(503, "ServiceUnavailable"));
    w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    CHECK(w.results[0].ok());
    CHECK(w.transport.sent().size() == 3);  // 503, retry → Expired, re-sign → page
}

TEST_CASE("client: cancel aborts the request, reports Aborted once, then silence", "[client][cancel]") {
    SECTION("in flight") {
        World w;
        const auto id = w.page(certPage());
        w.scheduler.runUntil(1704110400000 + 50);
        REQUIRE(w.transport.inFlight() == 1);
        CHECK(w.client->cancel(id));
        REQUIRE(w.results.size() == 1);  // inside cancel()
        CHECK(w.results[0].error().code == "Aborted");
        CHECK(w.transport.cancels == 1);
        CHECK(w.transport.sent()[0].cancelled);
        CHECK_FALSE(w.client->cancel(id));
        w.scheduler.runUntilIdle();
        CHECK(w.results.size() == 1);
        CHECK(w.transport.sent().size() == 1);
    }
    SECTION("waiting for a backoff") {
        World w;
        w.server.injected.push_back(serviceFailure(503, "ServiceUnavailable"));
        const auto id = w.page(certPage());
        w.scheduler.runUntil(1704110400000 + 150);  // answer at 100, retry due at 225
        REQUIRE(w.scheduler.pending() == 1);
        CHECK(w.client->cancel(id));
        CHECK(w.scheduler.pending() == 0);
        w.scheduler.runUntilIdle();
        CHECK(w.results.size() == 1);
        CHECK(w.transport.sent().size() == 1);
    }
    SECTION("waiting for the rate limiter") {
        World w;
        std::vector<CasClient::OperationId> ids;
        for (int i = 1; i <= 12; ++i) ids.push_back(w.page(certPage(i % 3 + 1)));
        CHECK(w.transport.sent().size() == 10);
        CHECK(w.client->cancel(ids[10]));
        CHECK(w.client->cancel(ids[11]));
        w.scheduler.runUntilIdle();
        CHECK(w.transport.sent().size() == 10);
        REQUIRE(w.results.size() == 12);
        CHECK(w.results[0].error().code == "Aborted");
        CHECK(w.results[1].error().code == "Aborted");
    }
    SECTION("a refusal still waiting to be delivered") {
        World w;
        const auto id = w.page(certPage(0));
        CHECK(w.client->cancel(id));
        REQUIRE(w.results.size() == 1);
        CHECK(w.results[0].error().code == "Aborted");
        w.scheduler.runUntilIdle();
        CHECK(w.results.size() == 1);
        CHECK(w.transport.sent().empty());
    }
}

TEST_CASE("client: callbacks may start and cancel operations", "[client]") {
    World w;
    std::vector<std::string> log;
    CasClient::OperationId second = 0;
    w.client->listUserCertificateOrder(certPage(1), [&](Outcome<ListPage> first) {
        log.push_back(first.ok() ? "first ok" : "first failed");
        second = w.client->listUserCertificateOrder(certPage(2), [&](Outcome<ListPage> p) {
            log.push_back(p.ok() ? "second ok" : "second " + p.error().code);
        });
        w.client->listUserCertificateOrder(certPage(3), [&](Outcome<ListPage> p) {
            log.push_back(p.ok() ? "third ok" : "third failed");
            w.client->cancel(second);  // already finished: nothing happens
        });
    });
    w.scheduler.runUntilIdle();
    CHECK(log == std::vector<std::string>{"first ok", "second ok", "third ok"});
    CHECK(w.client->pendingOperations() == 0);
}

TEST_CASE("client: destroying the client stops everything silently", "[client][cancel]") {
    World w;
    w.server.injected.push_back(serviceFailure(503, "ServiceUnavailable"));
    w.page(certPage(1));
    for (int i = 0; i < 12; ++i) w.page(certPage(2));
    w.scheduler.runUntil(1704110400000 + 150);  // 9 done, 1 waiting for its retry, 3 queued
    REQUIRE(w.results.size() == 9);
    REQUIRE(w.scheduler.pending() == 2);         // the backoff and the limiter's wake-up
    w.client.reset();
    w.scheduler.runUntilIdle();
    CHECK(w.results.size() == 9);
    CHECK(w.transport.inFlight() == 0);
    CHECK(w.scheduler.pending() == 0);
}

TEST_CASE("client: concurrent pages share the rate limit", "[client][rate-limiter]") {
    World w;
    for (int i = 0; i < 35; ++i) w.page(certPage(i % 3 + 1));
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 35);
    for (const auto& r : w.results) CHECK(r.ok());
    // 10 at once, then 10 per 1050 ms.
    const std::vector<int64_t> times = sendTimes(w.transport);
    CHECK(times[9] == 0);
    CHECK(times[10] == 1050);
    CHECK(times[19] == 1050);
    CHECK(times[20] == 2100);
    CHECK(times[34] == 3150);
}

namespace {

// Like emscripten_fetch_close on a fetch in progress: the abort is reported from inside cancel().
class AbortReportingTransport final : public Transport {
public:
    Handle send(HttpRequest, Callback done) override {
        pending_[++last_] = std::move(done);
        return last_;
    }
    void cancel(Handle handle) override {
        const auto it = pending_.find(handle);
        if (it == pending_.end()) return;
        Callback done = std::move(it->second);
        pending_.erase(it);
        done(TransportResult::failed(TransportFailure::Aborted));
        ++cancels;
    }
    void answerAll(int status, const std::string& body) {
        auto pending = std::move(pending_);
        pending_.clear();
        for (auto& [handle, done] : pending) {
            HttpResponse r;
            r.status = status;
            r.body = body;
            done(TransportResult::of(std::move(r)));
        }
    }
    size_t cancels = 0;

private:
    std::map<Handle, Callback> pending_;
    Handle last_ = 0;
};

}  // namespace

TEST_CASE("client: an abort reported from inside Transport::cancel is ignored", "[client][cancel]") {
    FakeClock clock;
    FakeScheduler scheduler(clock);
    AbortReportingTransport transport;
    CountingRandom random;
    auto client = std::move(CasClient::create(testClientConfig(), {transport, scheduler, clock, random, nullptr, {}})).value();
    std::vector<std::string> log;
    const auto id = client->listUserCertificateOrder(certPage(), [&](Outcome<ListPage> p) {
        log.push_back(p.ok() ? "ok" : p.error().code);
    });
    const auto other = client->listUserCertificateOrder(certPage(2), [&](Outcome<ListPage> p) {
        log.push_back(p.ok() ? "other ok" : "other " + p.error().code);
    });
    CHECK(client->cancel(id));
    CHECK(transport.cancels == 1);
    CHECK(log == std::vector<std::string>{"Aborted"});
    transport.answerAll(200, R"({"RequestId":"R","TotalCount":0,"CurrentPage":2,"ShowSize":50,"CertificateOrderList":[]})");
    scheduler.runUntilIdle();
    CHECK(log == std::vector<std::string>{"Aborted", "other ok"});
    (void)other;
}

TEST_CASE("client: empty callbacks are allowed (nothing to call, nothing thrown)", "[client]") {
    World w;
    w.client->listUserCertificateOrder(certPage(), {});
    w.client->listUserCertificateOrder(certPage(0), {});
    ListAllQuery all;
    all.orderType = "CERT";
    all.statuses = {"ISSUED"};
    w.client->listAll(all, {}, {});
    const auto cancelled = w.client->listAll(all, {}, {});
    CHECK(w.client->cancel(cancelled));
    w.scheduler.runUntilIdle();
    CHECK(w.client->pendingOperations() == 0);
    // The cancelled listing's first page was aborted in flight; nothing is left running.
    CHECK(w.transport.cancels >= 1);
    CHECK(w.transport.inFlight() == 0);
    CHECK(w.scheduler.pending() == 0);
}

TEST_CASE("client: every retry is announced to the host before its wait", "[client][retry]") {
    World w;
    w.server.injected.push_back(serviceFailure(400, "Throttling.User", "700"));
    w.server.injected.push_back(serviceFailure(503, "ServiceUnavailable"));
    const auto op = w.page(certPage());
    w.scheduler.runUntilIdle();
    REQUIRE(w.results.size() == 1);
    CHECK(w.results[0].ok());
    REQUIRE(w.notices.size() == 2);
    CHECK(w.notices[0].operation == op);
    CHECK(w.notices[0].code == "Throttling.User");
    CHECK(w.notices[0].attempt == 1);
    CHECK(w.notices[0].delayMs == 700);  // x-acs-retry-after
    CHECK(w.notices[1].code == "ServiceUnavailable");
    CHECK(w.notices[1].attempt == 2);
    CHECK(w.notices[1].delayMs == 250);  // backoff 2: e = 500, lower bound e/2
}
