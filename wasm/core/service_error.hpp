// casview: errors that come back from the service, or instead of it.
//
// A gateway error body is {RequestId, HostId, Code, Message, Recommend}
// (docs/alibaba-api.md §4.1). Clients branch on Code, not on the HTTP status,
// which varies (§4.2). Whether a retry (with a fresh nonce and timestamp) can help, §4.3–§4.4:
//   retryable   Throttling and Throttling.*, ServiceUnavailable, InternalError,
//               SignatureNonceUsed (a retry is re-signed with a new nonce);
//   permanent   signature, AccessKey, STS token, permission, parameter, timestamp, API and
//               protocol errors: codes starting with Signature, IncompleteSignature, Invalid,
//               Missing, Forbidden, NoPermission, Unsupported, AccessDenied;
//   other codes retryable only with HTTP 500, 502, 503 or 504.
// A body that is not a usable answer (not JSON, cut short, wrong shape, empty) is the client's
// own code MalformedResponse, with a short, safe excerpt of the body. It is always retryable:
// such a body comes from something between the client and the service (a corporate proxy, a
// captive portal, a load balancer in trouble, a cut connection), whatever HTTP status it came
// with, and a listing is a read, so asking again is safe; the retry budget bounds the cost.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "error.hpp"

namespace casview {

inline constexpr std::string_view kMalformedResponse = "MalformedResponse";

/// The gateway's error body; empty strings for members that were absent.
struct ServiceErrorBody {
    std::string code;
    std::string message;
    std::string requestId;
    std::string hostId;
    std::string recommend;
};

/// Retry classification of a service Code (§4.3), independent of the HTTP status.
enum class CodeRetry { Retryable, Permanent, Unknown };
CodeRetry classifyErrorCode(std::string_view code);

/// Statuses worth a retry when the body gives no code: 408, 429, 500, 502, 503, 504 (a
/// gateway or proxy that timed out, was overloaded or restarted).
bool isRetryableHttpStatus(int httpStatus);

/// Codes that mean success in the official pop-core SDK's check: 200, OK, Success, success.
bool isSuccessCode(std::string_view code);

/// The CasError for a service error body: retryable per classifyErrorCode (Unknown: by
/// status); message and recommend redacted (redaction.hpp) and bounded to kMaxMessageBytes.
CasError serviceError(const ServiceErrorBody& body, int httpStatus);

/// MalformedResponse, retryable: "HTTP <status>: <what>; body starts with: "<excerpt>"" (the
/// status part only when httpStatus ≠ 0, the excerpt only when the body is not blank).
CasError malformedResponse(std::string_view what, std::string_view body, int httpStatus);

/// At most maxBytes of the body's start, leading whitespace and byte order mark skipped,
/// credentials redacted, never cutting a UTF-8 sequence; control characters, ill-formed bytes,
/// quotes, backslashes and bidirectional overrides escaped (\n, \", \\, \x1B, \u202E); "…" when
/// cut. Safe to show as text.
std::string bodyExcerpt(std::string_view body, size_t maxBytes = 120);

inline constexpr size_t kMaxMessageBytes = 2048;

}  // namespace casview
