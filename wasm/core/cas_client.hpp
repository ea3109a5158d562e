// casview: the ListUserCertificateOrder client: one page, or a whole listing.
//
// What it does with every call (docs/js-api.md, docs/alibaba-api.md §0):
// - Validates first: bad input (OrderType, Status for the OrderType, CurrentPage, ShowSize)
//   is refused with InvalidParameter, delivered through the callback later (never from inside
//   the call), and nothing is sent.
// - Every attempt, retries included, is signed afresh: a new nonce (RandomSource) and the
//   current time (Clock, corrected by the learnt clock offset), sent through the Transport to
//   `proxy + endpoint + "/"`, POST with a form body by default or GET, with a per-request
//   timeout.
// - Pacing: every attempt of every call waits for the shared RateLimiter (10 starts per
//   1050 ms by default), so parallel pages and retries together stay under the account's
//   limit; requests are not serialised, so high latency does not slow a listing down. While a
//   listing waits for a first page (TotalCount), the budget that would idle goes to its next
//   pages (Pager::speculate), at most 5 of them; answers no longer wanted once the count is
//   known are dropped.
// - Failures: InvalidTimeStamp.Expired → learn the offset from `Date`, re-sign once
//   (ClockSkew). Retryable errors → backoff or x-acs-retry-after (RetryPolicy); a throttling
//   answer also holds the whole limiter for that delay. Anything else is reported.
// - Cancellation: cancel(id) aborts the call's in-flight requests (Transport::cancel), stops
//   its timers, reports `Aborted` once, and never calls back for it again.
//
// Single-threaded and re-entrant: callbacks may start or cancel operations. Destroying the
// client drops every pending operation without calling back (cancel first to be told).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "clock_skew.hpp"
#include "entropy.hpp"
#include "id_map.hpp"
#include "list_all.hpp"
#include "list_page.hpp"
#include "list_request.hpp"
#include "outcome.hpp"
#include "rate_limiter.hpp"
#include "retry_policy.hpp"
#include "rpc_signer.hpp"
#include "transport.hpp"

namespace casview {

/// The code of the error an operation reports when it is cancelled (JS: an AbortError).
inline constexpr const char* kAbortedCode = "Aborted";

/// createClient's options (docs/js-api.md).
struct ClientConfig {
    Credentials credentials;                        // accessKeyId, accessKeySecret, securityToken
    std::string endpoint = "https://cas.aliyuncs.com";
    std::string proxy;                              // "" = call the endpoint directly
    HttpMethod method = HttpMethod::Post;
    int64_t timeoutMs = 15000;                      // per request (attempt)
    int maxRetries = 4;                             // per call; 0..10
    int requestsPerSecond = RateLimiter::kDefaultRequestsPerSecond;  // 1..1000
};

/// A retry the client is about to wait for (the page tells the user "throttled, retrying").
struct RetryNotice {
    uint64_t operation = 0;
    std::string code;     // the error being retried (Throttling.User, ServiceUnavailable, Timeout…)
    int attempt = 0;      // 1 for the first retry
    int64_t delayMs = 0;  // the wait before it
};

/// What the client gets from its host. All must outlive the client.
struct ClientServices {
    Transport& transport;
    Scheduler& scheduler;
    Clock& clock;                   // wall clock, UTC ms (the signed Timestamp comes from it)
    RandomSource& random;           // nonces; and backoff jitter unless `jitter` is given
    RandomSource* jitter = nullptr;
    std::function<void(const RetryNotice&)> onRetry;  // optional
};

class CasClient {
public:
    using OperationId = uint64_t;  // never 0
    using PageCallback = std::function<void(Outcome<ListPage>)>;
    using ListCallback = std::function<void(Outcome<ListAllResult>)>;
    using ProgressCallback = std::function<void(const ListProgress&)>;

    /// Checks the configuration (credentials present, endpoint and proxy well-formed, numbers in
    /// range): InvalidParameter naming the option otherwise.
    static Outcome<std::unique_ptr<CasClient>> create(ClientConfig config, ClientServices services);

    CasClient(const CasClient&) = delete;
    CasClient& operator=(const CasClient&) = delete;
    ~CasClient();

    /// One page, exactly as the API returns it. `done` is called exactly once (unless the
    /// client is destroyed first), never before this returns.
    OperationId listUserCertificateOrder(const ListUserCertificateOrderRequest& request,
                                         PageCallback done);

    /// Every page of `query` (of every status listed), merged and de-duplicated in API order.
    /// `onProgress` (may be empty) after each page; `done` exactly once, after the last progress.
    /// The first failure that survives its retries fails the whole listing (the other requests
    /// are cancelled). `delivery`: rows of each page as it arrives, and whether to keep entries.
    OperationId listAll(const ListAllQuery& query, ProgressCallback onProgress, ListCallback done,
                        ListAllDelivery delivery = {});

    /// Aborts an operation: its `done` gets `Aborted` now (inside this call), and nothing after.
    /// False (and nothing happens) when the operation already finished or is unknown.
    bool cancel(OperationId operation);

    /// Server time − local time as learnt from InvalidTimeStamp.Expired (0 until then).
    int64_t clockOffsetMs() const { return skew_.offsetMs(); }

    /// Operations that have not called back yet.
    size_t pendingOperations() const { return operations_.size(); }

private:
    /// One page request, through all its attempts.
    struct Call {
        enum class State { Queued, InFlight, Waiting };
        OperationId operation = 0;
        PageKey key;
        ListUserCertificateOrderRequest request;
        State state = State::Queued;
        uint32_t attempt = 0;  // bumped per send: a late answer to an earlier attempt is ignored
        int retries = 0;
        bool skewCorrected = false;
        Transport::Handle transport = 0;
        Scheduler::Handle timer = 0;
    };

    struct Operation {
        PageCallback pageDone;          // listUserCertificateOrder
        ListCallback listDone;          // listAll
        ProgressCallback progress;      // listAll
        std::optional<Pager> pager;     // listAll
        Scheduler::Handle deferred = 0; // a validation error waiting to be delivered
        int speculated = 0;             // listAll: pages asked for before their count was known
    };

    CasClient(ClientConfig config, ClientServices services, std::string url);

    OperationId newOperation(Operation op);
    OperationId failLater(Operation op, CasError error);
    uint64_t newCall(OperationId operation, ListUserCertificateOrderRequest request, PageKey key);
    void startCall(OperationId operation, ListUserCertificateOrderRequest request, PageKey key);
    void pump();
    void speculate(int64_t nowMs);
    void dropUnwantedCalls(OperationId operation);
    void armPump(int64_t nowMs);
    void sendAttempt(uint64_t callId);
    void onResult(uint64_t callId, uint32_t attempt, TransportResult result);
    void retryLater(uint64_t callId, int64_t delayMs, const CasError& cause);
    void requeue(uint64_t callId);
    void finishCall(uint64_t callId, Outcome<ListPage> outcome);
    void onListPage(OperationId operation, PageKey key, Outcome<ListPage> outcome);
    void dropCallsOf(OperationId operation);
    /// The operation's calls, or (keepWanted given) those whose answer it no longer wants.
    void dropCalls(OperationId operation, const Pager* keepWanted);
    void failOperation(OperationId operation, CasError error);

    ClientConfig config_;
    ClientServices services_;
    std::string url_;
    RateLimiter limiter_;
    RetryPolicy retry_;
    ClockSkew skew_;

    IdMap<OperationId, Operation> operations_;
    IdMap<uint64_t, Call> calls_;
    std::deque<uint64_t> ready_;  // calls waiting for the limiter (ids of finished calls are skipped)
    Scheduler::Handle pumpTimer_ = 0;
    int64_t pumpAtMs_ = 0;
    bool pumping_ = false;
    bool pumpAgain_ = false;
    OperationId lastOperation_ = 0;
    uint64_t lastCall_ = 0;
};

}  // namespace casview
