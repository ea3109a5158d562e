#include "retry_policy.hpp"

#include <algorithm>

namespace casview {
namespace {

// A uniform integer in [0, bound] from 32 random bits (bound < 2^32; the bias is < 2^-32·bound).
int64_t uniformUpTo(RandomSource& random, int64_t bound) {
    if (bound <= 0) return 0;
    uint8_t bytes[4];
    random.fill(bytes, sizeof bytes);
    const uint64_t u = (uint64_t{bytes[0]} << 24) | (uint64_t{bytes[1]} << 16) |
                       (uint64_t{bytes[2]} << 8) | uint64_t{bytes[3]};
    return static_cast<int64_t>((u * (static_cast<uint64_t>(bound) + 1)) >> 32);
}

}  // namespace

bool isThrottling(const CasError& error) {
    return error.code.compare(0, 10, "Throttling") == 0;
}

std::optional<int64_t> parseRetryAfterMs(std::string_view header) {
    if (header.empty() || header.size() > 12) return std::nullopt;
    int64_t value = 0;
    for (const char c : header) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

RetryPolicy::RetryPolicy(RetrySettings settings) : settings_(settings) {
    settings_.maxRetries = std::max(settings_.maxRetries, 0);
    settings_.baseDelayMs = std::max<int64_t>(settings_.baseDelayMs, 1);
    settings_.maxDelayMs = std::max(settings_.maxDelayMs, settings_.baseDelayMs);
    settings_.maxRetryAfterMs = std::max<int64_t>(settings_.maxRetryAfterMs, 0);
}

bool RetryPolicy::isRetryable(const CasError& error) { return error.retryable; }

int64_t RetryPolicy::backoffMs(int retriesDone, RandomSource& random) const {
    int64_t ceiling = settings_.baseDelayMs;
    for (int i = 0; i < retriesDone && ceiling < settings_.maxDelayMs; ++i) ceiling *= 2;
    ceiling = std::min(ceiling, settings_.maxDelayMs);
    const int64_t half = ceiling / 2;
    return (ceiling - half) + uniformUpTo(random, half);
}

std::optional<int64_t> RetryPolicy::delayBeforeRetry(const CasError& error, int retriesDone,
                                                     std::string_view retryAfterHeader,
                                                     RandomSource& random) const {
    if (!isRetryable(error) || retriesDone >= settings_.maxRetries) return std::nullopt;
    if (const auto retryAfter = parseRetryAfterMs(retryAfterHeader)) {
        return std::min(*retryAfter, settings_.maxRetryAfterMs);
    }
    return backoffMs(retriesDone, random);
}

}  // namespace casview
