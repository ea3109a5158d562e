// casview: a signed request as bytes on the wire.
//
// GET puts every parameter in the query of `<proxy><endpoint>/`; POST sends them as an
// application/x-www-form-urlencoded body (as @alicloud/pop-core does). Values use the signing
// encoder, so the Signature goes out as %2B / %2F / %3D and no '+' can be read as a space.
#pragma once

#include <string>
#include <string_view>

#include "list_request.hpp"
#include "outcome.hpp"

namespace casview {

struct WireRequest {
    std::string method;       // "GET" or "POST"
    std::string url;
    std::string contentType;  // empty for GET
    std::string body;         // empty for GET
};

/// "k=v&k=v" with names and values percent-encoded (the order does not matter to the service).
std::string encodeWireParams(const RpcParams& params);

/// `proxy + endpoint + "/"` (the cors-anywhere convention). The endpoint must be an absolute
/// http(s) URL of a host with no path, query or fragment; a trailing "/" is tolerated. The
/// proxy is empty (call the endpoint directly) or an http(s) URL prefix ending in "/".
Outcome<std::string> requestUrl(std::string_view proxy, std::string_view endpoint);

WireRequest toWire(const SignedRequest& request, const std::string& url);

}  // namespace casview
