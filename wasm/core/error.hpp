// casview: the one error type of the core.
//
// Mirrors the service's error body {RequestId, HostId, Code, Message, Recommend} plus
// what the client adds (the offending parameter, the HTTP status, whether a retry can help),
// so the JS layer can turn it into CasError without losing anything.
#pragma once

#include <string>

namespace casview {

struct CasError {
    std::string code;       // service Code, or the client's own (InvalidParameter, …)
    std::string message;    // human-readable; never holds a secret or an unredacted key id
    std::string param;      // for InvalidParameter: the parameter's name
    std::string requestId;
    std::string hostId;
    std::string recommend;
    int httpStatus = 0;     // 0 when no HTTP exchange happened
    bool retryable = false;
};

/// A client-side validation failure naming the parameter.
inline CasError invalidParameter(std::string param, std::string message) {
    CasError e;
    e.code = "InvalidParameter";
    e.param = std::move(param);
    e.message = std::move(message);
    return e;
}

}  // namespace casview
