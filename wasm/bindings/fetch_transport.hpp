// casview: Transport over Emscripten fetch (XMLHttpRequest underneath), for the browser.
#pragma once

#include <memory>

#include "id_map.hpp"
#include "transport.hpp"

namespace casview {

class FetchTransport final : public Transport {
public:
    FetchTransport();
    FetchTransport(const FetchTransport&) = delete;
    FetchTransport& operator=(const FetchTransport&) = delete;
    ~FetchTransport() override;

    Handle send(HttpRequest request, Callback done) override;
    void cancel(Handle handle) override;

    struct Exchange;  // one request in flight (defined in the .cpp)

    /// Completes an exchange (response, failure or timeout): called from fetch/timer callbacks.
    void finishExchange(Handle handle, TransportResult result);

private:
    /// Removes an exchange, stopping its timer and its XHR; nullptr when unknown.
    std::unique_ptr<Exchange> take(Handle handle);

    IdMap<Handle, std::unique_ptr<Exchange>> inFlight_;
    Handle nextHandle_ = 1;
};

}  // namespace casview
