// casview: Alibaba Cloud RPC signature 1.0, stage by stage.
//
// docs/alibaba-api.md §1:
//   canonicalizedQuery = sorted (byte order) "enc(k)=enc(v)" pairs joined by "&"
//   stringToSign       = METHOD + "&" + enc("/") + "&" + enc(canonicalizedQuery)
//   signature          = Base64(HMAC-SHA1(key = secret + "&", stringToSign))
// Each stage is its own function so tests can tell which one broke.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "outcome.hpp"

namespace casview {

/// Request parameters by name. std::map<std::string> orders keys by unsigned byte value,
/// which is exactly the SDKs' sort (uppercase < '_' < lowercase; "Tag.10" < "Tag.2").
using RpcParams = std::map<std::string, std::string>;

/// A parameter borrowed from a buffer the caller owns (the JS boundary signs without copying).
using ParamView = std::pair<std::string_view, std::string_view>;

enum class HttpMethod { Get, Post };

/// "GET" / "POST".
std::string_view methodName(HttpMethod method);

/// Parses "GET"/"POST" (exact, uppercase: the method is part of what is signed).
Outcome<HttpMethod> parseMethod(std::string_view name);

/// Stage 1. Every parameter present is signed, empty values included ("Keyword=").
/// The caller leaves "Signature" out.
std::string canonicalizedQuery(const RpcParams& params);

/// Stage 1 over views already sorted by name in byte order, names unique.
std::string canonicalizedQuery(const std::vector<ParamView>& sortedParams);

/// Stage 2.
std::string stringToSign(HttpMethod method, std::string_view canonicalizedQuery);

/// Stage 3. The secret is used verbatim (no encoding) with "&" appended.
std::string signatureOf(std::string_view accessKeySecret, std::string_view stringToSign);

struct RpcSignature {
    std::string canonicalizedQuery;
    std::string stringToSign;
    std::string signature;  // Base64, not yet percent-encoded for the wire
};

/// All three stages. Refuses a params set that already holds "Signature" (it is never signed).
Outcome<RpcSignature> signRpc(HttpMethod method, const RpcParams& params,
                              std::string_view accessKeySecret);

/// The same over borrowed parameters in any order; sorts them in place and refuses a name
/// given twice (a map cannot hold it, and the service would see only one).
Outcome<RpcSignature> signRpc(HttpMethod method, std::vector<ParamView>& params,
                              std::string_view accessKeySecret);

/// The same, appended to `out` as canonicalizedQuery \0 stringToSign \0 signature \0 with no
/// temporary strings (the signing export writes its answer this way); an error leaves `out`
/// as it was.
std::optional<CasError> appendRpcSignature(std::string& out, HttpMethod method, std::vector<ParamView>& params,
                                           std::string_view accessKeySecret);

}  // namespace casview
