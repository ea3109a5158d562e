// casview: the one embind file. Raw functions carry a leading underscore; web/casview/index.js
// turns them into the public API. No C++ exception or abort is meant to cross into JS: every
// failure comes back as data ({error: {code, message, param}}).
#include <emscripten/bind.h>

#include <string>
#include <string_view>

#include "rpc_signer.hpp"

namespace {

using namespace casview;

struct SignResult {
    std::string canonicalizedQuery;
    std::string stringToSign;
    std::string signature;
    std::string errorCode;  // empty on success
    std::string errorParam;
    std::string errorMessage;
};

SignResult fromError(const CasError& error) {
    SignResult result;
    result.errorCode = error.code;
    result.errorParam = error.param;
    result.errorMessage = error.message;
    return result;
}

// `packed` is name\0value\0name\0value… : one string crosses the boundary instead of one
// embind call per parameter. The wrapper refuses NUL inside names and values.
SignResult signRpcPacked(const std::string& method, const std::string& packed,
                         const std::string& secret) {
    const auto parsedMethod = parseMethod(method);
    if (!parsedMethod) return fromError(parsedMethod.error());
    RpcParams params;
    std::string_view rest(packed);
    while (!rest.empty()) {
        const size_t nameEnd = rest.find('\0');
        const size_t valueEnd = rest.find('\0', nameEnd + 1);
        if (nameEnd == std::string_view::npos || valueEnd == std::string_view::npos) {
            return fromError(invalidParameter("params", "malformed packed parameters"));
        }
        params.insert_or_assign(std::string(rest.substr(0, nameEnd)),
                                std::string(rest.substr(nameEnd + 1, valueEnd - nameEnd - 1)));
        rest.remove_prefix(valueEnd + 1);
    }
    auto signature = signRpc(parsedMethod.value(), params, secret);
    if (!signature) return fromError(signature.error());
    SignResult result;
    result.canonicalizedQuery = std::move(signature.value().canonicalizedQuery);
    result.stringToSign = std::move(signature.value().stringToSign);
    result.signature = std::move(signature.value().signature);
    return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(casview) {
    using namespace emscripten;
    value_object<SignResult>("SignResult")
        .field("canonicalizedQuery", &SignResult::canonicalizedQuery)
        .field("stringToSign", &SignResult::stringToSign)
        .field("signature", &SignResult::signature)
        .field("errorCode", &SignResult::errorCode)
        .field("errorParam", &SignResult::errorParam)
        .field("errorMessage", &SignResult::errorMessage);
    function("_signRpc", &signRpcPacked);
}
