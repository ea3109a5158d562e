// Virtual time and a scriptable network for the client tests.
//
// FakeClock + FakeScheduler: time moves only when the test runs the scheduler, jumping to the
// next due event, so a listing that takes a minute of "real" time runs in microseconds and
// every delay is exact. FakeTransport delivers responses through the same scheduler after a
// per-request latency, so timers and responses interleave exactly as they would in a browser.
// What a request gets back is decided by a handler (a script); FakeCasServer is a handler that
// behaves like ListUserCertificateOrder over a data set, with switchable faults.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cas_client.hpp"
#include "civil_time.hpp"
#include "entropy.hpp"
#include "rpc_signer.hpp"
#include "transport.hpp"

namespace casview::test {

/// The client configuration the client and listAll tests share: test credentials, the
/// default endpoint, the demo proxy prefix.
inline ClientConfig testClientConfig() {
    ClientConfig config;
    config.credentials = {"testid", "testsecret", ""};
    config.proxy = "http://127.0.0.1:8787/";
    return config;
}

class FakeClock final : public Clock {
public:
    explicit FakeClock(int64_t startMs = 1704110400000) : nowMs_(startMs) {}  // 2024-01-01T12:00Z
    int64_t nowMs() override { return nowMs_; }
    void set(int64_t ms) { nowMs_ = ms; }
    void advance(int64_t ms) { nowMs_ += ms; }

private:
    int64_t nowMs_;
};

class FakeScheduler final : public Scheduler {
public:
    explicit FakeScheduler(FakeClock& clock) : clock_(clock) {}

    Handle after(int64_t delayMs, std::function<void()> fn) override {
        const Handle handle = ++lastHandle_;
        const int64_t due = clock_.nowMs() + (delayMs > 0 ? delayMs : 0);
        events_.emplace(Key{due, handle}, std::move(fn));
        dueOf_[handle] = due;
        delays.push_back(delayMs);
        return handle;
    }

    void cancel(Handle handle) override {
        const auto it = dueOf_.find(handle);
        if (it == dueOf_.end()) return;
        events_.erase(Key{it->second, handle});
        dueOf_.erase(it);
        ++cancelled;
    }

    /// Runs the earliest event, moving the clock forward to it. False when none is left.
    bool runNext() {
        if (events_.empty()) return false;
        auto it = events_.begin();
        const Key key = it->first;
        std::function<void()> fn = std::move(it->second);
        events_.erase(it);
        dueOf_.erase(key.second);
        if (key.first > clock_.nowMs()) clock_.set(key.first);
        fn();
        return true;
    }

    /// Runs events until none is left (or `maxEvents` ran: a guard against a livelock).
    size_t runUntilIdle(size_t maxEvents = 1000000) {
        size_t ran = 0;
        while (ran < maxEvents && runNext()) ++ran;
        return ran;
    }

    /// Runs every event due up to `untilMs`, then leaves the clock there.
    void runUntil(int64_t untilMs) {
        while (!events_.empty() && events_.begin()->first.first <= untilMs) runNext();
        if (clock_.nowMs() < untilMs) clock_.set(untilMs);
    }

    size_t pending() const { return events_.size(); }

    std::vector<int64_t> delays;  // every delay ever asked for, in order
    size_t cancelled = 0;

private:
    using Key = std::pair<int64_t, Handle>;  // due time, then creation order
    FakeClock& clock_;
    std::map<Key, std::function<void()>> events_;
    std::map<Handle, int64_t> dueOf_;
    Handle lastHandle_ = 0;
};

/// Decodes %XY (the wire form never carries '+').
inline std::string percentDecode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

/// "k=v&k=v" → map, decoded.
inline RpcParams decodeForm(std::string_view form) {
    RpcParams params;
    while (!form.empty()) {
        const size_t amp = form.find('&');
        const std::string_view pair = form.substr(0, amp);
        const size_t eq = pair.find('=');
        params[percentDecode(pair.substr(0, eq))] =
            eq == std::string_view::npos ? "" : percentDecode(pair.substr(eq + 1));
        form = amp == std::string_view::npos ? std::string_view{} : form.substr(amp + 1);
    }
    return params;
}

/// A request as it reached the fake network.
struct SentRequest {
    Transport::Handle handle = 0;
    int64_t sentAtMs = 0;
    HttpRequest request;
    RpcParams params;  // decoded from the body (POST) or the query (GET)
    bool cancelled = false;
    bool completed = false;

    const std::string& param(const std::string& name) const {
        static const std::string kEmpty;
        const auto it = params.find(name);
        return it == params.end() ? kEmpty : it->second;
    }
};

/// What the script does with one request.
struct Reply {
    int64_t latencyMs = 0;
    bool hang = false;  // never answers; the transport times out after HttpRequest::timeoutMs
    TransportResult result;

    static Reply response(int status, std::string body, int64_t latencyMs = 0) {
        Reply r;
        r.latencyMs = latencyMs;
        r.result.response.status = status;
        r.result.response.body = std::move(body);
        return r;
    }
    static Reply failure(TransportFailure why, int64_t latencyMs = 0) {
        Reply r;
        r.latencyMs = latencyMs;
        r.result = TransportResult::failed(why);
        return r;
    }
    static Reply hanging() {
        Reply r;
        r.hang = true;
        return r;
    }
};

/// Bodies that something between the client and the service (a corporate proxy, a captive
/// portal, a failing load balancer, a cut connection) may send with HTTP 200 instead of the API's
/// answer; the client must treat every one as a transient fault.
struct MiddleboxBody {
    const char* name;
    const char* body;
    const char* shows;  // what the error's excerpt of the body must show ("" for none)
};

inline const std::vector<MiddleboxBody>& middleboxBodies() {
    static const std::vector<MiddleboxBody> bodies{
        {"HTML", "<html><body>502 Bad Gateway</body></html>", "<html><body>502 Bad Gateway"},
        {"empty", "", ""},
        {"truncated", R"({"RequestId":"X","TotalCount":2000,"CurrentPage":1,"Sh)", "TotalCount"},
        {"not an object", "[1,2,3]", "[1,2,3]"},
        {"no RequestId", R"({"TotalCount":3,"CurrentPage":1,"ShowSize":50,"CertificateOrderList":[]})", "CertificateOrderList"},
    };
    return bodies;
}

class FakeTransport final : public Transport {
public:
    using Handler = std::function<Reply(const SentRequest&)>;

    FakeTransport(FakeScheduler& scheduler, FakeClock& clock, Handler handler = {})
        : scheduler_(scheduler), clock_(clock), handler_(std::move(handler)) {}

    void setHandler(Handler handler) { handler_ = std::move(handler); }

    Handle send(HttpRequest request, Callback done) override {
        SentRequest sent;
        sent.handle = ++lastHandle_;
        sent.sentAtMs = clock_.nowMs();
        if (request.method == "GET") {
            const size_t q = request.url.find('?');
            if (q != std::string::npos) sent.params = decodeForm(std::string_view(request.url).substr(q + 1));
        } else {
            sent.params = decodeForm(request.body);
        }
        sent.request = std::move(request);
        const size_t index = sent_.size();
        sent_.push_back(std::move(sent));
        ++inFlight_;
        maxInFlight = std::max(maxInFlight, inFlight_);

        Reply reply = handler_ ? handler_(sent_[index]) : Reply::failure(TransportFailure::NetworkError);
        int64_t delay = reply.latencyMs;
        if (reply.hang) {
            if (sent_[index].request.timeoutMs <= 0) {
                timers_[sent_[index].handle] = 0;  // truly never
                return sent_[index].handle;
            }
            delay = sent_[index].request.timeoutMs;
            reply.result = TransportResult::failed(TransportFailure::Timeout);
        } else if (sent_[index].request.timeoutMs > 0 && delay > sent_[index].request.timeoutMs) {
            delay = sent_[index].request.timeoutMs;
            reply.result = TransportResult::failed(TransportFailure::Timeout);
        }
        const Handle handle = sent_[index].handle;
        timers_[handle] = scheduler_.after(
            delay, [this, index, handle, result = std::move(reply.result), done = std::move(done)]() mutable {
                timers_.erase(handle);
                sent_[index].completed = true;
                --inFlight_;
                done(std::move(result));
            });
        return handle;
    }

    void cancel(Handle handle) override {
        const auto it = timers_.find(handle);
        if (it == timers_.end()) return;
        if (it->second != 0) scheduler_.cancel(it->second);
        timers_.erase(it);
        sent_[handle - 1].cancelled = true;  // handles are 1, 2, … in send order
        --inFlight_;
        ++cancels;
    }

    const std::vector<SentRequest>& sent() const { return sent_; }
    size_t inFlight() const { return inFlight_; }

    size_t maxInFlight = 0;
    size_t cancels = 0;

private:
    FakeScheduler& scheduler_;
    FakeClock& clock_;
    Handler handler_;
    std::vector<SentRequest> sent_;
    std::map<Handle, Scheduler::Handle> timers_;  // requests still pending
    size_t inFlight_ = 0;
    Handle lastHandle_ = 0;
};

/// RFC 7231 IMF-fixdate, for the Date header of fake responses.
inline std::string httpDate(int64_t epochMs) {
    static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int64_t day = epochDayOfMs(epochMs);
    const int64_t second = (epochMs - day * 86400000) / 1000;
    const CivilDate d = civilFromDays(day);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                  kDays[((day % 7) + 7) % 7], d.day, kMonths[d.month - 1], d.year,
                  static_cast<int>(second / 3600), static_cast<int>(second / 60 % 60),
                  static_cast<int>(second % 60));
    return buf;
}

/// The service's error body (docs/alibaba-api.md §4.1).
inline std::string errorBody(const std::string& code, const std::string& message,
                             const std::string& requestId = "5E2B4A1C-0000-4000-8000-00000000E001") {
    return nlohmann::json{{"RequestId", requestId},
                          {"HostId", "cas.aliyuncs.com"},
                          {"Code", code},
                          {"Message", message},
                          {"Recommend", "https://api.aliyun.com/troubleshoot?q=" + code +
                                            "&product=cas&requestId=" + requestId}}
        .dump();
}

/// A certificate row (OrderType CERT/UPLOAD) as the API returns it (docs/alibaba-api.md §3.4).
inline nlohmann::json certificateRow(int64_t id, const std::string& domain) {
    return {{"CertificateId", id},        {"Name", "cert-" + std::to_string(id)},
            {"CommonName", domain},       {"Sans", domain + ",www." + domain},
            {"Issuer", "DigiCert"},       {"StartDate", "2024-01-01"},
            {"EndDate", "2025-01-01"},    {"Expired", false},
            {"Upload", false},            {"InstanceId", "cas-cert-" + std::to_string(id)},
            {"ResourceGroupId", "rg-acfm000001"}};
}

/// An order row (OrderType CPACK/BUY).
inline nlohmann::json orderRow(int64_t id, const std::string& domain) {
    return {{"OrderId", id},          {"InstanceId", "cas-" + std::to_string(id)},
            {"Domain", domain},       {"CertType", "DV"},
            {"Status", "ISSUED"},     {"ProductName", "DigiCert DV"},
            {"CertStartTime", int64_t{1704067200000}}, {"CertEndTime", int64_t{1735689600000}},
            {"SourceType", "buy"}};
}

/// ListUserCertificateOrder over in-memory rows: Status → rows (the key "" is the listing
/// without a Status). Pages by CurrentPage/ShowSize like the service, answers with real body
/// shapes, checks the ±15 min Timestamp window against its own clock, stamps `Date`, and
/// can be told to fail the next requests (`inject`).
class FakeCasServer {
public:
    FakeCasServer(FakeClock& clock, int64_t latency = 0) : latencyMs(latency), clock_(clock) {}

    std::map<std::string, std::vector<nlohmann::json>> rows;
    int64_t latencyMs;
    int64_t serverAheadMs = 0;       // server clock − client clock
    std::string secret = "testsecret";
    std::deque<Reply> injected;      // replies for the next requests, before anything else
    std::function<std::optional<Reply>(const SentRequest&)> fault;  // consulted after injected
    std::vector<std::string> signatureFailures;  // nonces of requests whose signature was wrong

    FakeTransport::Handler handler() {
        return [this](const SentRequest& s) { return handle(s); };
    }

    Reply handle(const SentRequest& s) {
        ++requests;
        if (!injected.empty()) {
            Reply r = std::move(injected.front());
            injected.pop_front();
            if (r.latencyMs == 0) r.latencyMs = latencyMs;
            return r;
        }
        if (fault) {
            if (auto r = fault(s)) return *r;
        }
        const int64_t serverNow = clock_.nowMs() + serverAheadMs;
        // Signature: recompute from what arrived.
        RpcParams signedParams = s.params;
        signedParams.erase("Signature");
        const auto method = s.request.method == "GET" ? HttpMethod::Get : HttpMethod::Post;
        const auto expected = signRpc(method, signedParams, secret);
        if (!expected.ok() || expected.value().signature != s.param("Signature")) {
            signatureFailures.push_back(s.param("SignatureNonce"));
            return withDate(Reply::response(400, errorBody("SignatureDoesNotMatch",
                                                           "Specified signature is not matched "
                                                           "with our calculation."), latencyMs), serverNow);
        }
        const auto ts = parseTimestamp(s.param("Timestamp"));
        if (!ts || *ts < serverNow - 15 * 60000 || *ts > serverNow + 15 * 60000) {
            return withDate(Reply::response(400, errorBody("InvalidTimeStamp.Expired",
                                                           "Specified time stamp or date value is expired."),
                                            latencyMs), serverNow);
        }
        const std::string status = s.param("Status");
        const auto& list = rows[status];
        const int64_t page = s.param("CurrentPage").empty() ? 1 : std::stoll(s.param("CurrentPage"));
        int64_t size = s.param("ShowSize").empty() ? 50 : std::stoll(s.param("ShowSize"));
        size = std::min(size, maxShowSize);  // a service may page by less than asked
        nlohmann::json items = nlohmann::json::array();
        for (int64_t i = (page - 1) * size; i < page * size && i < static_cast<int64_t>(list.size()); ++i) {
            items.push_back(list[static_cast<size_t>(i)]);
        }
        nlohmann::json body{{"RequestId", "REQ-" + std::to_string(requests)},
                            {"TotalCount", totalOverride ? *totalOverride : static_cast<int64_t>(list.size())},
                            {"CurrentPage", page},
                            {"ShowSize", size},
                            {"CertificateOrderList", items}};
        return withDate(Reply::response(200, body.dump(), latencyFor ? latencyFor(s) : latencyMs),
                        serverNow);
    }

    std::optional<int64_t> totalOverride;
    int64_t maxShowSize = 100;
    std::function<int64_t(const SentRequest&)> latencyFor;  // per-request latency of pages
    size_t requests = 0;

private:
    static Reply withDate(Reply r, int64_t serverNow) {
        r.result.response.date = httpDate(serverNow);
        return r;
    }
    FakeClock& clock_;
};

/// A random source that repeats one byte: jitter draws become exact (0x00 → the lower bound,
/// 0xFF → the upper bound of each backoff interval).
class ConstantRandom final : public RandomSource {
public:
    explicit ConstantRandom(uint8_t byte) : byte_(byte) {}
    void fill(uint8_t* out, size_t size) override {
        for (size_t i = 0; i < size; ++i) out[i] = byte_;
    }

private:
    uint8_t byte_;
};

/// Deterministic, never-repeating bytes (a counter): distinct nonces, reproducible runs.
class CountingRandom final : public RandomSource {
public:
    explicit CountingRandom(uint64_t seed = 1) : state_(seed) {}
    void fill(uint8_t* out, size_t size) override {
        for (size_t i = 0; i < size; ++i) {
            // splitmix64: cheap, full-period, no visible pattern in the nonces.
            if (i % 8 == 0) {
                uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
                word_ = z ^ (z >> 31);
            }
            out[i] = static_cast<uint8_t>(word_ >> (8 * (i % 8)));
        }
    }

private:
    uint64_t state_;
    uint64_t word_ = 0;
};

}  // namespace casview::test
