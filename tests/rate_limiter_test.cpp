#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "rate_limiter.hpp"

using namespace casview;

namespace {

// The most starts inside any closed window [t, t + windowMs]. The maximum is reached by a
// window that opens at a start, so checking those is checking every window.
size_t maxInAnyWindow(const std::vector<int64_t>& sortedStarts, int64_t windowMs) {
    size_t best = 0;
    size_t hi = 0;
    for (size_t lo = 0; lo < sortedStarts.size(); ++lo) {
        hi = std::max(hi, lo);
        while (hi < sortedStarts.size() && sortedStarts[hi] <= sortedStarts[lo] + windowMs) ++hi;
        best = std::max(best, hi - lo);
    }
    return best;
}

// Starts `count` requests as early as the limiter lets them, with a demand that never runs dry.
std::vector<int64_t> greedyStarts(RateLimiter& limiter, size_t count, int64_t t0 = 0) {
    std::vector<int64_t> starts;
    int64_t now = t0;
    while (starts.size() < count) {
        if (limiter.tryAcquire(now)) {
            starts.push_back(now);
        } else {
            const int64_t next = limiter.nextStartMs(now);
            REQUIRE(next > now);
            now = next;
        }
    }
    return starts;
}

}  // namespace

TEST_CASE("limiter: `limit` starts, then the oldest must leave the window", "[rate-limiter]") {
    RateLimiter limiter;  // 10 per 1050 ms
    CHECK(limiter.limit() == 10);
    CHECK(limiter.windowMs() == 1050);
    for (int i = 0; i < 10; ++i) REQUIRE(limiter.tryAcquire(i * 10));
    CHECK_FALSE(limiter.tryAcquire(100));
    CHECK(limiter.nextStartMs(100) == 1050);
    CHECK_FALSE(limiter.tryAcquire(1049));
    CHECK(limiter.tryAcquire(1050));
    CHECK(limiter.nextStartMs(1050) == 1060);  // the second-oldest start was at 10
    CHECK(limiter.tryAcquire(1060));
    CHECK(limiter.nextStartMs(1060) == 1070);
    CHECK(limiter.nextStartMs(5000) == 5000);  // an idle limiter lets the next one through now
}

TEST_CASE("limiter: never more than the limit in any 1-s window over a long run",
          "[rate-limiter]") {
    const int rps = GENERATE(1, 3, 10, 25);
    RateLimiter limiter(rps);
    // Greedy demand, then irregular demand (a request now and then, bursts), then greedy again.
    std::vector<int64_t> starts = greedyStarts(limiter, 1500);
    int64_t now = starts.back();
    uint32_t lcg = 12345;
    for (int i = 0; i < 3000; ++i) {
        lcg = lcg * 1664525u + 1013904223u;
        now += (lcg >> 8) % 180;  // arrivals 0..179 ms apart: sometimes above, sometimes below the limit
        const int burst = 1 + static_cast<int>((lcg >> 4) % 3);
        for (int b = 0; b < burst; ++b) {
            if (limiter.tryAcquire(now)) {
                starts.push_back(now);
            } else {
                now = limiter.nextStartMs(now);
                REQUIRE(limiter.tryAcquire(now));
                starts.push_back(now);
            }
        }
    }
    const std::vector<int64_t> more = greedyStarts(limiter, 1500, now);
    starts.insert(starts.end(), more.begin(), more.end());
    REQUIRE(std::is_sorted(starts.begin(), starts.end()));
    INFO("requests per second: " << rps << ", starts: " << starts.size());
    CHECK(maxInAnyWindow(starts, 1000) <= static_cast<size_t>(rps));
    // And with the margin: never more than the limit in any 1050 ms either.
    CHECK(maxInAnyWindow(starts, 1049) <= static_cast<size_t>(rps));
}

TEST_CASE("limiter: a greedy run sustains the limit less the margin", "[rate-limiter]") {
    RateLimiter limiter;
    const std::vector<int64_t> starts = greedyStarts(limiter, 2001);
    const double seconds = static_cast<double>(starts.back() - starts.front()) / 1000.0;
    const double rate = 2000.0 / seconds;
    INFO("rate " << rate);
    CHECK(rate >= 9.5);
    CHECK(rate <= 10.0);
    CHECK(starts.back() == 200 * 1050);  // bursts of 10 every 1050 ms
}

TEST_CASE("limiter: holds delay every start, and do not shrink", "[rate-limiter]") {
    RateLimiter limiter;
    REQUIRE(limiter.tryAcquire(0));
    limiter.holdFor(100, 1000);
    CHECK(limiter.nextStartMs(100) == 1100);
    CHECK_FALSE(limiter.tryAcquire(1099));
    limiter.holdFor(200, 300);  // shorter: ignored
    CHECK(limiter.nextStartMs(200) == 1100);
    limiter.holdFor(300, 2000);  // longer: extends
    CHECK(limiter.nextStartMs(300) == 2300);
    CHECK(limiter.tryAcquire(2300));
    limiter.holdFor(2400, 0);
    limiter.holdFor(2400, -5);
    CHECK(limiter.nextStartMs(2400) == 2400);
}

TEST_CASE("limiter: a clock stepping back stalls it for at most one window", "[rate-limiter]") {
    RateLimiter limiter(2);
    const int64_t hour = 3600000;
    REQUIRE(limiter.tryAcquire(hour));
    REQUIRE(limiter.tryAcquire(hour));
    // The wall clock jumps back an hour: the recorded starts are "in the future".
    CHECK(limiter.nextStartMs(0) == 1050);
    limiter.holdFor(hour, 5000);
    CHECK(limiter.nextStartMs(0) == 5000);
}

TEST_CASE("limiter: degenerate settings are clamped, not trusted", "[rate-limiter]") {
    RateLimiter zero(0, 0);
    CHECK(zero.limit() == 1);
    CHECK(zero.windowMs() == 1);
    CHECK(zero.tryAcquire(0));
    CHECK_FALSE(zero.tryAcquire(0));
    CHECK(zero.tryAcquire(1));
}
