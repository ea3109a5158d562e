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
    static std::vector<ParamView> params;  // views into this request only; kept for its capacity
    params.clear();
    while (const auto name = request.next()) {
        const auto value = request.next();
        if (!value) return boundary::answerError(invalidParameter("params", "malformed signing request"));
        params.emplace_back(*name, *value);
    }
    // The answer is written in place: no temporary strings for the three fields.
    if (const auto error = appendRpcSignature(boundary::beginAnswer(), method.value(), params, *secret)) {
        return boundary::answerError(*error);
    }
}

}  // extern "C"
