#include "rpc_signer.hpp"

#include <algorithm>

#include "hmac_sha1.hpp"
#include "percent_encoding.hpp"
#include "sorting.hpp"

namespace casview {
namespace {

// One implementation for owned (map) and borrowed (view) parameters; both arrive sorted.
template <class SortedPairs>
std::string canonicalize(const SortedPairs& params) {
    size_t worstCase = 0;
    for (const auto& [name, value] : params) {
        worstCase += (name.size() + value.size()) * kMaxEncodedPerByte + 2;
    }
    std::string out(worstCase, '\0');
    char* cursor = out.data();
    for (const auto& [name, value] : params) {
        if (cursor != out.data()) *cursor++ = '&';
        cursor = writePercentEncoded(cursor, name);
        *cursor++ = '=';
        cursor = writePercentEncoded(cursor, value);
    }
    out.resize(static_cast<size_t>(cursor - out.data()));
    return out;
}

CasError signatureGiven() {
    return invalidParameter("Signature", "Signature is the output of signing; leave it out "
                                         "of the parameters to sign");
}

RpcSignature signCanonical(HttpMethod method, std::string canonical,
                           std::string_view accessKeySecret) {
    RpcSignature result;
    result.canonicalizedQuery = std::move(canonical);
    result.stringToSign = stringToSign(method, result.canonicalizedQuery);
    result.signature = signatureOf(accessKeySecret, result.stringToSign);
    return result;
}

}  // namespace

std::string_view methodName(HttpMethod method) {
    return method == HttpMethod::Get ? "GET" : "POST";
}

Outcome<HttpMethod> parseMethod(std::string_view name) {
    if (name == "GET") return HttpMethod::Get;
    if (name == "POST") return HttpMethod::Post;
    return invalidParameter("method", "method must be \"GET\" or \"POST\", got \"" +
                                          std::string(name) + "\"");
}

std::string canonicalizedQuery(const RpcParams& params) { return canonicalize(params); }

std::string canonicalizedQuery(const std::vector<ParamView>& sortedParams) {
    return canonicalize(sortedParams);
}

std::string stringToSign(HttpMethod method, std::string_view canonicalized) {
    std::string out(methodName(method));
    out.reserve(out.size() + 5 + canonicalized.size() * 3 / 2);
    out += "&%2F&";  // percentEncode("/"): the RPC path is always "/"
    appendPercentEncoded(out, canonicalized);
    return out;
}

std::string signatureOf(std::string_view accessKeySecret, std::string_view toSign) {
    std::string key;
    key.reserve(accessKeySecret.size() + 1);
    key.append(accessKeySecret).push_back('&');
    return hmacSha1Base64(key, toSign);
}

Outcome<RpcSignature> signRpc(HttpMethod method, const RpcParams& params,
                              std::string_view accessKeySecret) {
    if (params.count("Signature") != 0) return signatureGiven();
    return signCanonical(method, canonicalize(params), accessKeySecret);
}

Outcome<RpcSignature> signRpc(HttpMethod method, std::vector<ParamView>& params,
                              std::string_view accessKeySecret) {
    // string_view's operator< compares char_traits<char>, i.e. as unsigned bytes.
    const auto byName = [](const ParamView& a, const ParamView& b) { return a.first < b.first; };
    if (params.size() <= 32) {
        insertionSort(params.data(), params.data() + params.size(), byName);
    } else {
        std::vector<uint32_t> order(params.size());
        for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        stableSort(order, [](const void* context, uint32_t a, uint32_t b) {
            const auto& all = *static_cast<const std::vector<ParamView>*>(context);
            return all[a].first < all[b].first;
        }, &params);
        std::vector<ParamView> sorted;
        sorted.reserve(params.size());
        for (const uint32_t i : order) sorted.push_back(params[i]);
        params.swap(sorted);
    }
    for (size_t i = 0; i < params.size(); ++i) {
        if (params[i].first == "Signature") return signatureGiven();
        if (i > 0 && params[i].first == params[i - 1].first) {
            return invalidParameter(std::string(params[i].first),
                                    "parameter " + std::string(params[i].first) +
                                        " is given twice");
        }
    }
    return signCanonical(method, canonicalize(params), accessKeySecret);
}

}  // namespace casview
