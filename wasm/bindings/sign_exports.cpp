// casview: the one file that binds the core to JS. web/casview/*.js turns what is exported
// here into the public API. No C++ exception or abort is meant to cross into JS: every failure
// comes back as data.
//
// Hot calls do not go through embind's per-string marshalling (which cost more than the
// signature itself): JS encodes one request into `input` with TextEncoder.encodeInto, C++
// answers into `output`, and JS decodes that once. Fields are separated by NUL bytes.
#include <emscripten/emscripten.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "rpc_signer.hpp"

namespace {

using namespace casview;

std::string g_input;
std::string g_output;

// Splits off the text up to the next NUL; false when there is none.
bool nextField(std::string_view& rest, std::string_view& field) {
    const size_t end = rest.find('\0');
    if (end == std::string_view::npos) return false;
    field = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return true;
}

void answer(char status, std::initializer_list<std::string_view> fields) {
    size_t size = 1;
    for (std::string_view field : fields) size += field.size() + 1;
    g_output.resize(size);
    char* cursor = g_output.data();
    *cursor++ = status;
    for (std::string_view field : fields) {
        std::memcpy(cursor, field.data(), field.size());
        cursor += field.size();
        *cursor++ = '\0';
    }
}

void answerError(const CasError& error) {
    answer('E', {error.code, error.param, error.message});
}

}  // namespace

extern "C" {

/// A buffer of `size` bytes for the next call's request (reused between calls).
EMSCRIPTEN_KEEPALIVE char* casview_input(size_t size) {
    g_input.resize(size);
    return g_input.data();
}

EMSCRIPTEN_KEEPALIVE const char* casview_output() { return g_output.data(); }
EMSCRIPTEN_KEEPALIVE size_t casview_output_size() { return g_output.size(); }

/// Request: method \0 secret \0 (name \0 value \0)*   (the first `size` bytes of the input)
/// Answer:  'S' canonicalizedQuery \0 stringToSign \0 signature \0
///        | 'E' code \0 param \0 message \0
EMSCRIPTEN_KEEPALIVE void casview_sign(size_t size) {
    std::string_view rest(g_input.data(), size < g_input.size() ? size : g_input.size());
    std::string_view methodText, secret;
    if (!nextField(rest, methodText) || !nextField(rest, secret)) {
        return answerError(invalidParameter("params", "malformed signing request"));
    }
    const auto method = parseMethod(methodText);
    if (!method) return answerError(method.error());
    std::vector<ParamView> params;
    params.reserve(24);
    std::string_view name, value;
    while (nextField(rest, name)) {
        if (!nextField(rest, value)) {
            return answerError(invalidParameter("params", "malformed signing request"));
        }
        params.emplace_back(name, value);
    }
    const auto signature = signRpc(method.value(), params, secret);
    if (!signature) return answerError(signature.error());
    const RpcSignature& s = signature.value();
    answer('S', {s.canonicalizedQuery, s.stringToSign, s.signature});
}

}  // extern "C"
