#include "rpc_signer.hpp"

#include "hmac_sha1.hpp"
#include "percent_encoding.hpp"

namespace casview {

std::string_view methodName(HttpMethod method) {
    return method == HttpMethod::Get ? "GET" : "POST";
}

Outcome<HttpMethod> parseMethod(std::string_view name) {
    if (name == "GET") return HttpMethod::Get;
    if (name == "POST") return HttpMethod::Post;
    return invalidParameter("method", "method must be \"GET\" or \"POST\", got \"" +
                                          std::string(name) + "\"");
}

std::string canonicalizedQuery(const RpcParams& params) {
    std::string out;
    size_t estimate = 0;
    for (const auto& [name, value] : params) estimate += name.size() + value.size() * 2 + 2;
    out.reserve(estimate);
    for (const auto& [name, value] : params) {
        if (!out.empty()) out.push_back('&');
        appendPercentEncoded(out, name);
        out.push_back('=');
        appendPercentEncoded(out, value);
    }
    return out;
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
    if (params.count("Signature") != 0) {
        return invalidParameter("Signature", "Signature is the output of signing; leave it out "
                                             "of the parameters to sign");
    }
    RpcSignature result;
    result.canonicalizedQuery = canonicalizedQuery(params);
    result.stringToSign = stringToSign(method, result.canonicalizedQuery);
    result.signature = signatureOf(accessKeySecret, result.stringToSign);
    return result;
}

}  // namespace casview
