#include <catch2/catch.hpp>

#include "retry_policy.hpp"
#include "transport_fake.hpp"

using namespace casview;
using casview::test::ConstantRandom;

namespace {

CasError serviceError(const std::string& code, bool retryable) {
    CasError e;
    e.code = code;
    e.retryable = retryable;
    e.httpStatus = 400;
    return e;
}

}  // namespace

TEST_CASE("backoff: exponential with equal jitter, exact for a fixed source", "[retry]") {
    RetryPolicy policy;  // base 250, cap 8000, 4 retries
    ConstantRandom low(0x00), high(0xFF);
    // The n-th retry waits in [e/2, e], e = min(8000, 250 · 2^n).
    const std::vector<int64_t> lower = {125, 250, 500, 1000, 2000, 4000, 4000, 4000};
    const std::vector<int64_t> upper = {250, 500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int n = 0; n < 8; ++n) {
        INFO("retry " << n);
        CHECK(policy.backoffMs(n, low) == lower[static_cast<size_t>(n)]);
        CHECK(policy.backoffMs(n, high) == upper[static_cast<size_t>(n)]);
    }
    ConstantRandom mid(0x80);  // 0x80808080 / 2^32 ≈ 0.50196
    CHECK(policy.backoffMs(0, mid) == 125 + 63);    // 125 + floor(0.50196 · 126)
    CHECK(policy.backoffMs(3, mid) == 1000 + 502);  // 1000 + floor(0.50196 · 1001)
}

TEST_CASE("backoff: the schedule of one call, retry by retry", "[retry]") {
    RetryPolicy policy;
    ConstantRandom low(0x00);
    const CasError throttled = serviceError("Throttling.User", true);
    std::vector<int64_t> schedule;
    for (int n = 0;; ++n) {
        const auto delay = policy.delayBeforeRetry(throttled, n, "", low);
        if (!delay) break;
        schedule.push_back(*delay);
    }
    CHECK(schedule == std::vector<int64_t>{125, 250, 500, 1000});  // maxRetries = 4
    RetryPolicy none(RetrySettings{0});
    CHECK_FALSE(none.delayBeforeRetry(throttled, 0, "", low).has_value());
}

TEST_CASE("x-acs-retry-after is the delay when present (ms), clamped", "[retry]") {
    RetryPolicy policy;
    ConstantRandom low(0x00);
    const CasError throttled = serviceError("Throttling.User", true);
    CHECK(policy.delayBeforeRetry(throttled, 0, "1000", low) == 1000);
    CHECK(policy.delayBeforeRetry(throttled, 3, "40", low) == 40);
    CHECK(policy.delayBeforeRetry(throttled, 0, "0", low) == 0);
    CHECK(policy.delayBeforeRetry(throttled, 0, "999999999", low) == 60000);
    // Malformed values are ignored: the backoff applies.
    for (const char* bad : {"", "-5", "1.5", "10 ", "abc", "1e3", "9999999999999"}) {
        INFO(bad);
        CHECK(policy.delayBeforeRetry(throttled, 0, bad, low) == 125);
    }
    // The budget still applies.
    CHECK_FALSE(policy.delayBeforeRetry(throttled, 4, "1000", low).has_value());
}

TEST_CASE("only retryable failures are retried", "[retry]") {
    RetryPolicy policy;
    ConstantRandom low(0x00);
    for (const char* code : {"Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable",
                             "InternalError", "SignatureNonceUsed", "NetworkError", "Timeout",
                             "MalformedResponse"}) {
        INFO(code);
        CHECK(policy.delayBeforeRetry(serviceError(code, true), 0, "", low).has_value());
    }
    for (const char* code : {"SignatureDoesNotMatch", "IncompleteSignature",
                             "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive",
                             "Forbidden.RAM", "NoPermission", "InvalidParameter",
                             "MissingParameter", "InvalidTimeStamp.Expired", "Aborted",
                             "MalformedResponse"}) {
        INFO(code);
        CHECK_FALSE(policy.delayBeforeRetry(serviceError(code, false), 0, "1000", low).has_value());
    }
}

TEST_CASE("throttling codes are recognised by prefix", "[retry]") {
    CHECK(isThrottling(serviceError("Throttling", true)));
    CHECK(isThrottling(serviceError("Throttling.User", true)));
    CHECK_FALSE(isThrottling(serviceError("ServiceUnavailable", true)));
    CHECK_FALSE(isThrottling(serviceError("Throttlin", true)));
    CHECK(parseRetryAfterMs("250") == 250);
    CHECK_FALSE(parseRetryAfterMs("").has_value());
}

TEST_CASE("degenerate retry settings are clamped", "[retry]") {
    RetryPolicy policy(RetrySettings{-3, 0, -1, -1});
    CHECK(policy.settings().maxRetries == 0);
    CHECK(policy.settings().baseDelayMs == 1);
    CHECK(policy.settings().maxDelayMs == 1);
    CHECK(policy.settings().maxRetryAfterMs == 0);
}
