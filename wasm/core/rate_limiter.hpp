// casview: the client-side rate limiter.
//
// Rule (docs/alibaba-api.md §3.2): ListUserCertificateOrder allows 10 calls per
// second per account; calls above it fail with Throttling.User. The service counts requests as
// they *arrive*, so the limiter allows at most `limit` request starts in every window of
// `windowMs` (sliding, not aligned to seconds), and the window is a little longer than a second
// (default 1050 ms) so that network jitter cannot squeeze `limit + 1` arrivals into one of the
// service's seconds (docs/performance.md: listings at ≥ 0.95 × the limit with zero throttling).
//
// It bounds starts, not requests in flight: with 200 ms latency two or three requests overlap,
// with 3 s latency thirty do, and a listing still runs at `limit` per window rather than at
// 1/latency (pipelining). Memory is one timestamp per allowed start (a ring of `limit`).
//
// Pure: time is an argument. A wall clock that steps backwards cannot stall it for longer than
// one window (or one hold).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace casview {

class RateLimiter {
public:
    static constexpr int kDefaultRequestsPerSecond = 10;
    static constexpr int64_t kDefaultWindowMs = 1050;

    /// `requestsPerSecond` < 1 is treated as 1; `windowMs` < 1 as 1.
    explicit RateLimiter(int requestsPerSecond = kDefaultRequestsPerSecond,
                         int64_t windowMs = kDefaultWindowMs);

    int limit() const { return static_cast<int>(starts_.size()); }
    int64_t windowMs() const { return windowMs_; }

    /// The earliest time ≥ nowMs at which one more request may start.
    int64_t nextStartMs(int64_t nowMs) const;

    /// Records a start at nowMs if one is allowed now; returns whether it was.
    bool tryAcquire(int64_t nowMs);

    /// No start for `durationMs` from nowMs: the service throttled us anyway (another client
    /// shares the account's budget), so every queued request waits, not only the refused one.
    /// A later, shorter hold does not shorten an earlier one.
    void holdFor(int64_t nowMs, int64_t durationMs);

private:
    std::vector<int64_t> starts_;  // ring of the last `limit` start times, oldest at next_
    size_t next_ = 0;
    size_t recorded_ = 0;
    int64_t windowMs_;
    int64_t holdSetMs_ = 0;
    int64_t holdMs_ = 0;
};

}  // namespace casview
