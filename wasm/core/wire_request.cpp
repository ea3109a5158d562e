#include "wire_request.hpp"

#include "percent_encoding.hpp"

namespace casview {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::string_view afterScheme(std::string_view url) {
    if (startsWith(url, "https://")) return url.substr(8);
    if (startsWith(url, "http://")) return url.substr(7);
    return {};
}

}  // namespace

std::string encodeWireParams(const RpcParams& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out.push_back('&');
        appendPercentEncoded(out, name);
        out.push_back('=');
        appendPercentEncoded(out, value);
    }
    return out;
}

Outcome<std::string> requestUrl(std::string_view proxy, std::string_view endpoint) {
    if (!endpoint.empty() && endpoint.back() == '/') endpoint.remove_suffix(1);
    const std::string_view host = afterScheme(endpoint);
    if (host.empty() || host.find_first_of("/?#@ \\") != std::string_view::npos) {
        return invalidParameter("endpoint", "endpoint must be an http(s) URL of a host, such as "
                                            "https://cas.aliyuncs.com; got \"" +
                                                std::string(endpoint) + "\"");
    }
    if (!proxy.empty() && (afterScheme(proxy).empty() || proxy.back() != '/')) {
        return invalidParameter("proxy", "proxy must be empty or an http(s) URL prefix ending in "
                                         "\"/\", such as http://127.0.0.1:8787/; got \"" +
                                             std::string(proxy) + "\"");
    }
    std::string url;
    url.reserve(proxy.size() + endpoint.size() + 1);
    url.append(proxy).append(endpoint).push_back('/');
    return url;
}

WireRequest toWire(const SignedRequest& request, const std::string& url) {
    WireRequest wire;
    wire.method = std::string(methodName(request.method));
    if (request.method == HttpMethod::Get) {
        wire.url = url + "?" + encodeWireParams(request.params);
    } else {
        wire.url = url;
        wire.contentType = "application/x-www-form-urlencoded";
        wire.body = encodeWireParams(request.params);
    }
    return wire;
}

}  // namespace casview
