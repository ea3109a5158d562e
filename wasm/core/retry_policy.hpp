// casview: when to retry a failed ListUserCertificateOrder call, and how long to wait.
//
// Rules (docs/alibaba-api.md §0.7, §4.3, §4.4):
// - Retry only what a retry can fix: the service's Throttling*, ServiceUnavailable,
//   InternalError and SignatureNonceUsed, and transport failures (NetworkError, Timeout, a
//   MalformedResponse the parser marks retryable). That classification is CasError::retryable,
//   set by the response parser for service errors and by the client for transport failures.
//   Signature, key, permission and parameter errors are never retried: another identical
//   attempt cannot succeed, and repeated bad signatures can lock a key.
// - Every retry is a new attempt, re-signed with a fresh nonce and timestamp (the caller's job).
// - Throttling answers may carry `x-acs-retry-after` (milliseconds; the emulator and
//   darabonba's ThrottlingError use it so): when present it is the delay, up to a cap.
// - Otherwise exponential backoff with "equal jitter": the n-th retry (n = 0, 1, …) waits
//   e/2 + uniform[0, e/2] with e = min(maxDelayMs, baseDelayMs · 2^n). The fixed half keeps a
//   throttled client from coming straight back; the random half spreads the parallel pages of
//   a listing that failed together.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "entropy.hpp"
#include "error.hpp"

namespace casview {

struct RetrySettings {
    int maxRetries = 4;               // attempts = 1 + maxRetries
    int64_t baseDelayMs = 250;
    int64_t maxDelayMs = 8000;
    int64_t maxRetryAfterMs = 60000;  // a larger x-acs-retry-after is clamped to this
};

/// Throttling, Throttling.User, Throttling.Api, …: the account's rate budget is spent.
bool isThrottling(const CasError& error);

/// `x-acs-retry-after` as milliseconds: ASCII digits only (an empty, negative, fractional or
/// otherwise malformed value is ignored, as if absent).
std::optional<int64_t> parseRetryAfterMs(std::string_view header);

class RetryPolicy {
public:
    explicit RetryPolicy(RetrySettings settings = {});

    const RetrySettings& settings() const { return settings_; }

    /// Whether this failure may be retried at all (ignores the retry budget).
    static bool isRetryable(const CasError& error);

    /// The delay before retry number `retriesDone` (0 for the first retry), drawing the jitter
    /// from `random`; nullopt when the error is not retryable or the budget is spent.
    /// `retryAfterHeader` is the response's x-acs-retry-after ("" when absent).
    std::optional<int64_t> delayBeforeRetry(const CasError& error, int retriesDone,
                                            std::string_view retryAfterHeader,
                                            RandomSource& random) const;

    /// The jittered exponential delay alone, in [e/2, e].
    int64_t backoffMs(int retriesDone, RandomSource& random) const;

private:
    RetrySettings settings_;
};

}  // namespace casview
