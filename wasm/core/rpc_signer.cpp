#include "rpc_signer.hpp"

#include <algorithm>
#include <cstring>

#include "hmac_sha1.hpp"
#include "percent_encoding.hpp"
#include "sorting.hpp"

namespace casview {
namespace {

// One implementation for owned (map) and borrowed (view) parameters; both arrive sorted.
template <class SortedPairs>
std::string canonicalize(const SortedPairs& params) {
    // The exact size first, then one write through a pointer (see appendPercentEncoded).
    size_t size = params.empty() ? 0 : params.size() * 2 - 1;  // '=' each, '&' between
    for (const auto& [name, value] : params) size += percentEncodedSize(name) + percentEncodedSize(value);
    std::string out(size + 2, '\0');  // +2: writePercentEncoded writes 3 characters a byte
    char* cursor = out.data();
    for (const auto& [name, value] : params) {
        if (cursor != out.data()) *cursor++ = '&';
        cursor = writePercentEncoded(cursor, name);
        *cursor++ = '=';
        cursor = writePercentEncoded(cursor, value);
    }
    out.resize(size);
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
    out.reserve(out.size() + 5 + canonicalized.size() * 5 / 4);
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

namespace {

// Sorts borrowed parameters by name (byte order) and refuses Signature or a name given twice.
std::optional<CasError> sortAndCheck(std::vector<ParamView>& params) {
    // string_view's operator< compares char_traits<char>, i.e. as unsigned bytes. Names mostly
    // differ in their first byte: compared first, it spares a call to memcmp (byte by byte in WASM).
    const auto byName = [](const ParamView& a, const ParamView& b) {
        if (!a.first.empty() && !b.first.empty() && a.first[0] != b.first[0]) {
            return static_cast<unsigned char>(a.first[0]) < static_cast<unsigned char>(b.first[0]);
        }
        return a.first < b.first;
    };
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
    return std::nullopt;
}

}  // namespace

Outcome<RpcSignature> signRpc(HttpMethod method, std::vector<ParamView>& params,
                              std::string_view accessKeySecret) {
    if (auto error = sortAndCheck(params)) return *error;
    return signCanonical(method, canonicalize(params), accessKeySecret);
}

std::optional<CasError> appendRpcSignature(std::string& out, HttpMethod method, std::vector<ParamView>& params,
                                           std::string_view accessKeySecret) {
    if (auto error = sortAndCheck(params)) return error;
    // Each part is written in place into room for the worst case (3 characters a byte), then
    // trimmed: one pass over the bytes instead of sizing them first.
    // canonicalizedQuery \0
    size_t bytes = params.size() * 2;  // '=' each, '&' between
    for (const auto& [name, value] : params) bytes += name.size() + value.size();
    const size_t canonicalStart = out.size();
    out.resize(canonicalStart + 3 * bytes + 1);
    char* cursor = out.data() + canonicalStart;
    for (size_t i = 0; i < params.size(); ++i) {
        if (i > 0) *cursor++ = '&';
        cursor = writePercentEncoded(cursor, params[i].first);
        *cursor++ = '=';
        cursor = writePercentEncoded(cursor, params[i].second);
    }
    const size_t canonicalSize = static_cast<size_t>(cursor - (out.data() + canonicalStart));
    *cursor = '\0';
    // stringToSign \0 after it, encoded from the canonical query in the same buffer.
    const std::string_view prefix = method == HttpMethod::Get ? "GET&%2F&" : "POST&%2F&";
    const size_t toSignStart = canonicalStart + canonicalSize + 1;
    out.resize(toSignStart + prefix.size() + 3 * canonicalSize + 1);
    std::memcpy(out.data() + toSignStart, prefix.data(), prefix.size());
    cursor = writePercentEncoded(out.data() + toSignStart + prefix.size(),
                                 std::string_view(out.data() + canonicalStart, canonicalSize));
    const size_t toSignSize = static_cast<size_t>(cursor - (out.data() + toSignStart));
    out.resize(toSignStart + toSignSize + 1);
    out.back() = '\0';
    // signature \0
    out += signatureOf(accessKeySecret, std::string_view(out).substr(toSignStart, toSignSize));
    out.push_back('\0');
    return std::nullopt;
}

}  // namespace casview
