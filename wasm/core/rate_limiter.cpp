#include "rate_limiter.hpp"

#include <algorithm>

namespace casview {

RateLimiter::RateLimiter(int requestsPerSecond, int64_t windowMs)
    : starts_(static_cast<size_t>(std::max(requestsPerSecond, 1)), 0),
      windowMs_(std::max<int64_t>(windowMs, 1)) {}

int64_t RateLimiter::nextStartMs(int64_t nowMs) const {
    int64_t at = nowMs;
    if (holdMs_ > 0) {
        // Clamped to one hold from now: a clock stepping back must not stretch it.
        at = std::max(at, std::min(holdSetMs_ + holdMs_, nowMs + holdMs_));
    }
    if (recorded_ == starts_.size()) {
        // The oldest of the last `limit` starts must leave the window first.
        const int64_t oldest = starts_[next_];
        at = std::max(at, std::min(oldest + windowMs_, nowMs + windowMs_));
    }
    return at;
}

bool RateLimiter::tryAcquire(int64_t nowMs) {
    if (nextStartMs(nowMs) > nowMs) return false;
    starts_[next_] = nowMs;
    next_ = (next_ + 1) % starts_.size();
    if (recorded_ < starts_.size()) ++recorded_;
    return true;
}

void RateLimiter::holdFor(int64_t nowMs, int64_t durationMs) {
    if (durationMs <= 0) return;
    if (holdMs_ > 0 && holdSetMs_ + holdMs_ >= nowMs + durationMs) return;
    holdSetMs_ = nowMs;
    holdMs_ = durationMs;
}

}  // namespace casview
