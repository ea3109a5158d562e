// Emscripten fetch, with two things it does not do by itself in 3.1.6:
// - Timeouts are our own timer, so a timeout is told apart from a network error (XHR's
//   ontimeout reaches the same onerror with status 0).
// - Cancelling aborts the XMLHttpRequest (casview_fetch_abort, fetch_abort.js) before
//   emscripten_fetch_close: close alone only forgets the XHR, which then still completes and
//   writes into the freed fetch structure.
#include "fetch_transport.hpp"

#include <emscripten/eventloop.h>
#include <emscripten/fetch.h>

#include <cctype>
#include <cstring>
#include <string>
#include <string_view>

extern "C" void casview_fetch_abort(uint32_t fetchId);  // fetch_abort.js

namespace casview {

struct FetchTransport::Exchange {
    FetchTransport* owner = nullptr;
    Handle handle = 0;
    HttpRequest request;  // keeps the body alive while the XHR starts
    Callback done;
    emscripten_fetch_t* fetch = nullptr;
    long timer = 0;
};

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

// The raw header block ("name: value\r\n…") as XHR's getAllResponseHeaders gives it; only
// the headers the proxy exposes through CORS are in it.
void readHeaders(emscripten_fetch_t* fetch, HttpResponse& response) {
    const size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return;
    std::string block(length + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, block.data(), block.size());
    std::string_view rest(block.c_str());
    while (!rest.empty()) {
        const size_t lineEnd = rest.find('\n');
        const std::string_view line = rest.substr(0, lineEnd);
        rest = lineEnd == std::string_view::npos ? std::string_view() : rest.substr(lineEnd + 1);
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = trim(line.substr(0, colon));
        const std::string value(trim(line.substr(colon + 1)));
        if (equalsIgnoreCase(name, "date")) response.date = value;
        else if (equalsIgnoreCase(name, "x-acs-retry-after")) response.retryAfter = value;
        else if (equalsIgnoreCase(name, "x-acs-request-id")) response.requestId = value;
    }
}

void onFetchDone(emscripten_fetch_t* fetch) {
    auto* exchange = static_cast<FetchTransport::Exchange*>(fetch->userData);
    if (exchange == nullptr || exchange->fetch != fetch) return;  // cancelled: ignore
    // Status 0: no HTTP response (connection refused, DNS, CORS refusal, offline).
    if (fetch->status == 0 || fetch->status == static_cast<unsigned short>(-1)) {
        exchange->owner->finishExchange(exchange->handle,
                                        TransportResult::failed(TransportFailure::NetworkError));
        return;
    }
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data != nullptr && fetch->numBytes > 0) {
        response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    }
    readHeaders(fetch, response);
    exchange->owner->finishExchange(exchange->handle, TransportResult::of(std::move(response)));
}

void onTimeout(void* userData) {
    auto* exchange = static_cast<FetchTransport::Exchange*>(userData);
    exchange->timer = 0;
    exchange->owner->finishExchange(exchange->handle,
                                    TransportResult::failed(TransportFailure::Timeout));
}

// Stops the XHR and frees the fetch; no callback of it runs afterwards.
void closeFetch(emscripten_fetch_t* fetch) {
    if (fetch == nullptr) return;
    fetch->userData = nullptr;
    casview_fetch_abort(fetch->id);
    emscripten_fetch_close(fetch);
}

}  // namespace

FetchTransport::FetchTransport() = default;

FetchTransport::~FetchTransport() {
    for (auto& [handle, exchange] : inFlight_) {
        if (exchange->timer != 0) emscripten_clear_timeout(exchange->timer);
        closeFetch(exchange->fetch);
    }
}

Transport::Handle FetchTransport::send(HttpRequest request, Callback done) {
    const Handle handle = nextHandle_++;
    auto exchange = std::make_unique<Exchange>();
    exchange->owner = this;
    exchange->handle = handle;
    exchange->request = std::move(request);
    exchange->done = std::move(done);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, exchange->request.method.c_str(),
                 sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = onFetchDone;  // 2xx
    attr.onerror = onFetchDone;    // any other status, or no response
    attr.userData = exchange.get();
    // A form Content-Type is CORS-safelisted: POST needs no preflight; no other header is set.
    const char* headers[] = {"Content-Type", exchange->request.contentType.c_str(), nullptr};
    if (!exchange->request.contentType.empty()) attr.requestHeaders = headers;
    if (!exchange->request.body.empty()) {
        attr.requestData = exchange->request.body.data();
        attr.requestDataSize = exchange->request.body.size();
    }
    Exchange* raw = exchange.get();
    inFlight_.emplace(handle, std::move(exchange));
    raw->fetch = emscripten_fetch(&attr, raw->request.url.c_str());
    if (raw->request.timeoutMs > 0) {
        raw->timer = emscripten_set_timeout(onTimeout, static_cast<double>(raw->request.timeoutMs), raw);
    }
    return handle;
}

std::unique_ptr<FetchTransport::Exchange> FetchTransport::take(Handle handle) {
    const auto found = inFlight_.find(handle);
    if (found == inFlight_.end()) return nullptr;
    std::unique_ptr<Exchange> exchange = std::move(found->second);
    inFlight_.erase(found);
    if (exchange->timer != 0) emscripten_clear_timeout(exchange->timer);
    closeFetch(exchange->fetch);
    return exchange;
}

void FetchTransport::cancel(Handle handle) { take(handle); }

void FetchTransport::finishExchange(Handle handle, TransportResult result) {
    // `done` runs after the exchange is gone: it may send the next request through us.
    if (const auto exchange = take(handle)) exchange->done(std::move(result));
}

}  // namespace casview
