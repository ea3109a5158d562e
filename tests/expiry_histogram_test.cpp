#include <catch2/catch.hpp>

#include "expiry_histogram.hpp"
#include "row_builder.hpp"

using namespace casview;
using casview::test::ms;

TEST_CASE("months are UTC calendar months from the current one, across the year end", "[histogram]") {
    const ExpiryHistogram h = makeExpiryHistogram(ms("2024-11-20T23:30:00Z"));
    CHECK(h.months[0].year == 2024);
    CHECK(h.months[0].month == 11);
    CHECK(h.months[0].startMs == ms("2024-11-01T00:00:00Z"));
    CHECK(h.months[1].month == 12);
    CHECK(h.months[2].year == 2025);
    CHECK(h.months[2].month == 1);
    CHECK(h.months[11].year == 2025);
    CHECK(h.months[11].month == 10);
    CHECK(h.endMs == ms("2025-11-01T00:00:00Z"));
}

TEST_CASE("entries land in the bucket of their not-after", "[histogram]") {
    const int64_t now = ms("2024-02-10T08:00:00Z");
    ExpiryHistogram h = makeExpiryHistogram(now);
    addToHistogram(h, std::nullopt);                          // unknown
    addToHistogram(h, now - 1);                               // expired
    addToHistogram(h, now);                                   // still valid: this month
    addToHistogram(h, ms("2024-02-29T23:59:59Z", 999));       // leap day, this month
    addToHistogram(h, ms("2024-03-01T00:00:00Z"));            // next month
    addToHistogram(h, ms("2025-01-31T23:59:59Z", 999));       // the 12th month
    addToHistogram(h, ms("2025-02-01T00:00:00Z"));            // later
    addToHistogram(h, INT64_MAX);
    addToHistogram(h, INT64_MIN);
    CHECK(h.unknown == 1);
    CHECK(h.expired == 2);
    CHECK(h.months[0].count == 2);
    CHECK(h.months[1].count == 1);
    CHECK(h.months[11].count == 1);
    CHECK(h.later == 2);
    size_t total = h.unknown + h.expired + h.later;
    for (const MonthBucket& m : h.months) total += m.count;
    CHECK(total == 9);
}
