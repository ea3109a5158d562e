#include "cas_client.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "wire_request.hpp"

namespace casview {
namespace {

constexpr int64_t kMaxTimeoutMs = 600000;
constexpr int kMaxRetries = 10;
constexpr int kMaxRequestsPerSecond = 1000;

CasError abortedError() {
    CasError e;
    e.code = kAbortedCode;
    e.message = "the operation was cancelled";
    return e;
}

CasError transportError(TransportFailure failure, int64_t timeoutMs) {
    CasError e;
    switch (failure) {
        case TransportFailure::Timeout:
            e.code = "Timeout";
            e.message = "no response within " + std::to_string(timeoutMs) + " ms";
            e.retryable = true;
            break;
        case TransportFailure::Aborted:  // not by cancel(): only cancel() reports Aborted
        case TransportFailure::NetworkError:
        case TransportFailure::None:
            e.code = "NetworkError";
            e.message = "the request got no HTTP response (offline, DNS, connection refused, "
                        "or the proxy refused CORS)";
            e.retryable = true;
            break;
    }
    return e;
}

}  // namespace

Outcome<std::unique_ptr<CasClient>> CasClient::create(ClientConfig config,
                                                      ClientServices services) {
    if (auto error = validate(config.credentials)) return *error;
    auto url = requestUrl(config.proxy, config.endpoint);
    if (!url) return url.error();
    if (config.timeoutMs < 1 || config.timeoutMs > kMaxTimeoutMs) {
        return invalidParameter("timeoutMs", "timeoutMs must be between 1 and " +
                                                 std::to_string(kMaxTimeoutMs) + "; got " +
                                                 std::to_string(config.timeoutMs));
    }
    if (config.maxRetries < 0 || config.maxRetries > kMaxRetries) {
        return invalidParameter("maxRetries", "maxRetries must be between 0 and " +
                                                  std::to_string(kMaxRetries) + "; got " +
                                                  std::to_string(config.maxRetries));
    }
    if (config.requestsPerSecond < 1 || config.requestsPerSecond > kMaxRequestsPerSecond) {
        return invalidParameter("requestsPerSecond",
                                "requestsPerSecond must be between 1 and " +
                                    std::to_string(kMaxRequestsPerSecond) + "; got " +
                                    std::to_string(config.requestsPerSecond));
    }
    return std::unique_ptr<CasClient>(
        new CasClient(std::move(config), services, std::move(url).value()));
}

CasClient::CasClient(ClientConfig config, ClientServices services, std::string url)
    : config_(std::move(config)),
      services_(services),
      url_(std::move(url)),
      limiter_(config_.requestsPerSecond),
      retry_(RetrySettings{config_.maxRetries}) {}

CasClient::~CasClient() {
    // No callbacks: forget everything first, then stop what is still running.
    IdMap<uint64_t, Call> calls = std::move(calls_);
    IdMap<OperationId, Operation> operations = std::move(operations_);
    calls_.clear();
    operations_.clear();
    for (auto& [id, call] : calls) {
        if (call.transport != 0) services_.transport.cancel(call.transport);
        if (call.timer != 0) services_.scheduler.cancel(call.timer);
    }
    for (auto& [id, op] : operations) {
        if (op.deferred != 0) services_.scheduler.cancel(op.deferred);
    }
    if (pumpTimer_ != 0) services_.scheduler.cancel(pumpTimer_);
}

// ---- operations ---------------------------------------------------------------------------

CasClient::OperationId CasClient::newOperation(Operation op) {
    const OperationId id = ++lastOperation_;
    operations_.emplace(id, std::move(op));
    return id;
}

CasClient::OperationId CasClient::failLater(Operation op, CasError error) {
    const OperationId id = newOperation(std::move(op));
    operations_.find(id)->second.deferred =
        services_.scheduler.after(0, [this, id, error = std::move(error)]() mutable {
            const auto it = operations_.find(id);
            if (it == operations_.end()) return;
            it->second.deferred = 0;
            failOperation(id, std::move(error));
        });
    return id;
}

CasClient::OperationId CasClient::listUserCertificateOrder(
    const ListUserCertificateOrderRequest& request, PageCallback done) {
    Operation op;
    op.pageDone = std::move(done);
    if (auto error = validate(request)) return failLater(std::move(op), std::move(*error));
    const OperationId id = newOperation(std::move(op));
    startCall(id, request, PageKey{});
    return id;
}

CasClient::OperationId CasClient::listAll(const ListAllQuery& query, ProgressCallback onProgress,
                                          ListCallback done, ListAllDelivery delivery) {
    Operation op;
    op.listDone = std::move(done);
    op.progress = std::move(onProgress);
    auto pager = Pager::plan(query, std::move(delivery));
    if (!pager) return failLater(std::move(op), pager.error());
    op.pager.emplace(std::move(pager).value());
    const std::vector<PageRequest> first = op.pager->firstPages();
    const OperationId id = newOperation(std::move(op));
    // Every first page queued before the pump: they go before any speculative page.
    for (const PageRequest& page : first) ready_.push_back(newCall(id, page.request, page.key));
    pump();
    return id;
}

bool CasClient::cancel(OperationId operation) {
    if (operations_.find(operation) == operations_.end()) return false;
    failOperation(operation, abortedError());
    return true;
}

void CasClient::failOperation(OperationId operation, CasError error) {
    const auto it = operations_.find(operation);
    if (it == operations_.end()) return;
    Operation op = std::move(it->second);
    operations_.erase(it);
    if (op.deferred != 0) services_.scheduler.cancel(op.deferred);
    dropCallsOf(operation);
    // Last: the callback may start or cancel other operations.
    if (op.pageDone) {
        op.pageDone(std::move(error));
    } else if (op.listDone) {
        op.listDone(std::move(error));
    }
}

void CasClient::dropCallsOf(OperationId operation) { dropCalls(operation, nullptr); }

void CasClient::dropUnwantedCalls(OperationId operation) {
    const auto op = operations_.find(operation);
    if (op != operations_.end() && op->second.pager) dropCalls(operation, &*op->second.pager);
}

void CasClient::dropCalls(OperationId operation, const Pager* keepWanted) {
    std::vector<Call> dropped;
    for (auto it = calls_.begin(); it != calls_.end();) {
        if (it->second.operation == operation &&
            (keepWanted == nullptr || !keepWanted->wants(it->second.key))) {
            dropped.push_back(std::move(it->second));
            it = calls_.erase(it);
        } else {
            ++it;
        }
    }
    // Erased before cancelling: an abort that reports synchronously finds no call and is ignored.
    // Their ids stay in ready_ and are skipped there, unless nothing else waits: then the queue
    // and its timer go too.
    bool anyQueued = false;
    for (const auto& entry : calls_) anyQueued = anyQueued || entry.second.state == Call::State::Queued;
    if (!anyQueued) {
        ready_.clear();
        if (pumpTimer_ != 0) services_.scheduler.cancel(pumpTimer_);
        pumpTimer_ = 0;
    }
    for (const Call& call : dropped) {
        if (call.transport != 0) services_.transport.cancel(call.transport);
        if (call.timer != 0) services_.scheduler.cancel(call.timer);
    }
}

// ---- calls: queue, send, answer -----------------------------------------------------------

uint64_t CasClient::newCall(OperationId operation, ListUserCertificateOrderRequest request,
                            PageKey key) {
    const uint64_t id = ++lastCall_;
    Call call;
    call.operation = operation;
    call.key = key;
    call.request = std::move(request);
    calls_.emplace(id, std::move(call));
    return id;
}

void CasClient::startCall(OperationId operation, ListUserCertificateOrderRequest request,
                          PageKey key) {
    ready_.push_back(newCall(operation, std::move(request), key));
    pump();
}

void CasClient::pump() {
    if (pumping_) {
        pumpAgain_ = true;  // a callback re-entered: the running loop goes round again
        return;
    }
    pumping_ = true;
    do {
        pumpAgain_ = false;
        const int64_t now = services_.clock.nowMs();
        while (!ready_.empty()) {
            const uint64_t id = ready_.front();
            const auto it = calls_.find(id);
            if (it == calls_.end() || it->second.state != Call::State::Queued) {
                ready_.pop_front();  // finished or cancelled meanwhile
                continue;
            }
            if (!limiter_.tryAcquire(now)) break;
            ready_.pop_front();
            sendAttempt(id);
        }
        if (ready_.empty()) speculate(now);
        armPump(now);
    } while (pumpAgain_);
    pumping_ = false;
}

void CasClient::speculate(int64_t nowMs) {
    // With page 1, at most 6 requests at once: what a browser sends at once to one HTTP/1.1 host
    // (the proxy); more would wait in its queue and reach the service later than the limiter
    // counted them, bunching arrivals into a throttle. The wait for TotalCount idles less than
    // one window, so this is enough to keep the window full, and a wrong secret or a one-page
    // listing costs at most 6 requests.
    constexpr int kMaxSpeculative = 5;
    const int cap = std::min(config_.requestsPerSecond - 1, kMaxSpeculative);
    std::vector<OperationId> listings;
    for (const auto& [id, op] : operations_) {
        if (op.pager && op.speculated < cap) listings.push_back(id);
    }
    // Ids first: a send can fail its operation at once, and erasing moves the map's elements.
    for (const OperationId id : listings) {
        for (;;) {
            const auto it = operations_.find(id);
            if (it == operations_.end() || it->second.speculated >= cap) break;
            if (limiter_.nextStartMs(nowMs) > nowMs) return;
            std::optional<PageRequest> page = it->second.pager->speculate();
            if (!page) break;
            ++it->second.speculated;
            const uint64_t call = newCall(id, std::move(page->request), page->key);
            limiter_.tryAcquire(nowMs);
            sendAttempt(call);
        }
    }
}

void CasClient::armPump(int64_t nowMs) {
    if (ready_.empty()) return;
    const int64_t at = limiter_.nextStartMs(nowMs);
    if (pumpTimer_ != 0) {
        if (pumpAtMs_ <= at) return;
        services_.scheduler.cancel(pumpTimer_);
    }
    pumpAtMs_ = at;
    pumpTimer_ = services_.scheduler.after(at - nowMs, [this] {
        pumpTimer_ = 0;
        pump();
    });
}

void CasClient::sendAttempt(uint64_t callId) {
    const auto found = calls_.find(callId);
    if (found == calls_.end()) return;
    Call& call = found->second;
    const Attempt attempt{skew_.correctedMs(services_.clock.nowMs()),
                          makeNonce(services_.random)};
    auto signedRequest =
        signListUserCertificateOrder(call.request, config_.credentials, config_.method, attempt);
    if (!signedRequest) {
        finishCall(callId, signedRequest.error());
        return;
    }
    WireRequest wire = toWire(signedRequest.value(), url_);
    HttpRequest http;
    http.method = std::move(wire.method);
    http.url = std::move(wire.url);
    http.contentType = std::move(wire.contentType);
    http.body = std::move(wire.body);
    http.timeoutMs = config_.timeoutMs;

    call.state = Call::State::InFlight;
    const uint32_t attemptNo = ++call.attempt;
    const Transport::Handle handle = services_.transport.send(
        std::move(http), [this, callId, attemptNo](TransportResult result) {
            onResult(callId, attemptNo, std::move(result));
        });
    // Looked up again: a transport that broke the contract and answered inside send() must not
    // leave a handle behind on a finished call.
    const auto it = calls_.find(callId);
    if (it != calls_.end() && it->second.attempt == attemptNo &&
        it->second.state == Call::State::InFlight) {
        it->second.transport = handle;
    }
}

void CasClient::onResult(uint64_t callId, uint32_t attempt, TransportResult result) {
    const auto it = calls_.find(callId);
    if (it == calls_.end() || it->second.attempt != attempt ||
        it->second.state != Call::State::InFlight) {
        return;  // cancelled, or an answer to an attempt already given up on
    }
    Call& call = it->second;
    call.transport = 0;
    const int64_t now = services_.clock.nowMs();

    if (result.ok()) {
        const auto op = operations_.find(call.operation);
        const bool toStore = op != operations_.end() && op->second.pager && op->second.pager->delivery().rowRecords;
        Outcome<ListPage> page = parseListPage(result.response, toStore ? RowRecords::Write : RowRecords::Skip);
        if (page) {
            finishCall(callId, std::move(page));
            return;
        }
        CasError error = page.error();
        if (error.requestId.empty()) error.requestId = result.response.requestId;
        if (error.httpStatus == 0) error.httpStatus = result.response.status;

        // Clock skew: re-sign once with the server's time, before any retry logic.
        if (!call.skewCorrected && skew_.correctOnExpired(error, result.response.date, now)) {
            call.skewCorrected = true;
            requeue(callId);
            return;
        }
        const auto delay = retry_.delayBeforeRetry(
            error, call.retries, result.response.retryAfter,
            services_.jitter != nullptr ? *services_.jitter : services_.random);
        if (!delay) {
            finishCall(callId, std::move(error));
            return;
        }
        if (isThrottling(error)) limiter_.holdFor(now, *delay);
        retryLater(callId, *delay, error);
        return;
    }

    CasError error = transportError(result.failure, config_.timeoutMs);
    const auto delay = retry_.delayBeforeRetry(
        error, call.retries, "", services_.jitter != nullptr ? *services_.jitter : services_.random);
    if (!delay) {
        finishCall(callId, std::move(error));
        return;
    }
    retryLater(callId, *delay, error);
}

void CasClient::retryLater(uint64_t callId, int64_t delayMs, const CasError& cause) {
    const auto found = calls_.find(callId);
    if (found == calls_.end()) return;
    ++found->second.retries;
    if (services_.onRetry) {
        const Call& call = found->second;
        services_.onRetry({call.operation, cause.code, call.retries, delayMs});
    }
    // Looked up again: the notice reaches JS, which may cancel the operation (its calls go).
    const auto still = calls_.find(callId);
    if (still == calls_.end()) return;
    Call& call = still->second;
    call.state = Call::State::Waiting;
    call.timer = services_.scheduler.after(delayMs, [this, callId] {
        const auto waiting = calls_.find(callId);
        if (waiting == calls_.end()) return;
        waiting->second.timer = 0;
        requeue(callId);
    });
}

void CasClient::requeue(uint64_t callId) {
    const auto found = calls_.find(callId);
    if (found == calls_.end()) return;
    found->second.state = Call::State::Queued;
    ready_.push_front(callId);  // older work than anything queued since: first in line
    pump();
}

void CasClient::finishCall(uint64_t callId, Outcome<ListPage> outcome) {
    const auto it = calls_.find(callId);
    if (it == calls_.end()) return;
    const OperationId operation = it->second.operation;
    const PageKey key = it->second.key;
    calls_.erase(it);

    const auto op = operations_.find(operation);
    if (op == operations_.end()) return;
    if (op->second.pager) {
        onListPage(operation, key, std::move(outcome));
        return;
    }
    PageCallback done = std::move(op->second.pageDone);
    operations_.erase(op);
    if (done) done(std::move(outcome));
}

void CasClient::onListPage(OperationId operation, PageKey key, Outcome<ListPage> outcome) {
    if (!outcome) {
        failOperation(operation, outcome.error());
        return;
    }
    const auto found = operations_.find(operation);
    if (found == operations_.end()) return;
    Operation& op = found->second;
    const int64_t pagesBefore = op.pager->progress().pagesDone;
    auto next = op.pager->accept(key, std::move(outcome).value());
    if (!next) {
        failOperation(operation, next.error());
        return;
    }
    dropUnwantedCalls(operation);
    const ListProgress progress = op.pager->progress();
    const bool complete = op.pager->complete();
    ProgressCallback onProgress = op.progress;  // a copy: the callback may end the operation
    // All queued before the pump, so that no speculative page of another status cuts in.
    for (PageRequest& page : next.value()) ready_.push_back(newCall(operation, std::move(page.request), page.key));
    if (!next.value().empty()) pump();
    if (operations_.count(operation) == 0) return;  // failed while sending
    if (progress.pagesDone == pagesBefore) return;  // held until page 1, or not needed
    if (onProgress) onProgress(progress);
    if (!complete) return;

    const auto it = operations_.find(operation);
    if (it == operations_.end()) return;  // cancelled from the progress callback
    ListAllResult result = it->second.pager->takeResult();
    ListCallback done = std::move(it->second.listDone);
    operations_.erase(it);
    if (done) done(std::move(result));
}

}  // namespace casview
