// casview: the two seams between the client and the outside world, the network and time.
//
// The core never does I/O and never sleeps: it hands an HttpRequest to a Transport and
// continues in the callback; it asks a Scheduler to run something later (backoff, rate-limit
// waits, deferred results). The browser implements both over Emscripten (emscripten_fetch,
// emscripten timers); the native tests over a virtual clock (tests/transport_fake.hpp), so
// every delay the client takes can be asserted to the millisecond.
//
// Threading: there is none. Every callback runs on the one thread that calls the client
// (the browser's event loop), never inside send()/after() itself.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace casview {

/// One HTTP exchange as the client wants it sent (docs/architecture.md: POST with a form body
/// by default, GET with everything in the query when asked).
struct HttpRequest {
    std::string method;       // "GET" or "POST"
    std::string url;          // absolute; for GET it carries the query
    std::string contentType;  // "application/x-www-form-urlencoded" for POST, empty for GET
    std::string body;         // empty for GET
    int64_t timeoutMs = 0;    // the transport answers Timeout when no response came in time
};

/// A response that arrived, whatever its status: 4xx and 5xx are responses, not failures
/// (the service's errors come as 400/403/404/500/503 bodies; docs/alibaba-api.md §4.2 says
/// to classify by Code, not status). Only the headers the client
/// reads are carried; a browser sees them only when the proxy lists them in
/// Access-Control-Expose-Headers (docs/security.md). Absent headers are empty strings.
struct HttpResponse {
    int status = 0;
    std::string body;
    std::string date;        // "Date" (RFC 7231 IMF-fixdate): server time, for clock skew
    std::string retryAfter;  // "x-acs-retry-after": milliseconds to wait before retrying
    std::string requestId;   // "x-acs-request-id": the gateway's id, when the body has none
};

/// Why no response arrived.
enum class TransportFailure {
    None,          // a response arrived
    NetworkError,  // DNS, connection refused or reset, CORS refusal, offline: status 0
    Timeout,       // nothing (complete) within HttpRequest::timeoutMs
    Aborted,       // aborted by something other than Transport::cancel (page unload, …);
                   // the client reports it as a NetworkError: only its own cancel() is Aborted
};

struct TransportResult {
    TransportFailure failure = TransportFailure::None;
    HttpResponse response;  // meaningful only when failure == None

    bool ok() const { return failure == TransportFailure::None; }
    static TransportResult of(HttpResponse response) { return {TransportFailure::None, std::move(response)}; }
    static TransportResult failed(TransportFailure why) { return {why, {}}; }
};

/// An asynchronous HTTP client.
///
/// Contract, relied upon by CasClient:
/// - send() never calls `done` before it returns; `done` runs exactly once, later, unless
///   cancel() was called for the handle first.
/// - After cancel(handle) returns, `done` for that handle is never called. A transport whose
///   abort reports synchronously (emscripten_fetch_close calls onerror) may call it *during*
///   cancel(); the client ignores such a call.
/// - cancel() of an unknown or finished handle is a no-op.
/// - Handles are never 0 and never reused while the transport lives.
class Transport {
public:
    using Handle = uint64_t;
    using Callback = std::function<void(TransportResult)>;

    virtual ~Transport() = default;
    virtual Handle send(HttpRequest request, Callback done) = 0;
    virtual void cancel(Handle handle) = 0;
};

/// Runs functions later, on the same thread.
///
/// Contract: after() never runs `fn` before it returns; `fn` runs once, no earlier than
/// `delayMs` later (0 means "as soon as possible, but not now"), unless cancel() came first.
/// cancel() of an unknown or fired handle is a no-op. Handles are never 0.
class Scheduler {
public:
    using Handle = uint64_t;

    virtual ~Scheduler() = default;
    virtual Handle after(int64_t delayMs, std::function<void()> fn) = 0;
    virtual void cancel(Handle handle) = 0;
};

}  // namespace casview
