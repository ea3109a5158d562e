// casview: signRpcRequest's export (web/casview/sign.js).
#include <emscripten/emscripten.h>

#include <vector>

#include "boundary.hpp"
#include "rpc_signer.hpp"

using namespace casview;

extern "C" {

/// Request: method \0 secret \0 (name \0 value \0)*
/// Answer:  'S' canonicalizedQuery \0 stringToSign \0 signature \0  |  'E' error fields
EMSCRIPTEN_KEEPALIVE void casview_sign(size_t size) {
    boundary::Request request(size);
    const auto methodText = request.next();
    const auto secret = request.next();
    if (!methodText || !secret) {
        return boundary::answerError(invalidParameter("params", "malformed signing request"));
    }
    const auto method = parseMethod(*methodText);
    if (!method) return boundary::answerError(method.error());
    std::vector<ParamView> params;
    params.reserve(24);
    while (const auto name = request.next()) {
        const auto value = request.next();
        if (!value) return boundary::answerError(invalidParameter("params", "malformed signing request"));
        params.emplace_back(*name, *value);
    }
    const auto signature = signRpc(method.value(), params, *secret);
    if (!signature) return boundary::answerError(signature.error());
    const RpcSignature& s = signature.value();
    boundary::answer({s.canonicalizedQuery, s.stringToSign, s.signature});
}

}  // extern "C"
