// casview: how many entries expire in each of the next 12 months (UTC), for the page's
// timeline.
//
// Buckets: expired (now > not-after), months[0] = the rest of the current UTC calendar month,
// months[1..11] = the following calendar months, later (after months[11]), unknown (no end
// date). Month boundaries are 00:00:00.000Z on the 1st, whatever the viewer's time zone.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace casview {

struct MonthBucket {
    int year = 0;
    int month = 0;           // 1..12
    int64_t startMs = 0;     // 00:00:00.000Z on the 1st (months[0]: the month's start, not now)
    size_t count = 0;
};

struct ExpiryHistogram {
    int64_t nowMs = 0;
    int64_t endMs = 0;       // 00:00:00.000Z on the 1st of the month after months[11]
    size_t expired = 0;
    std::array<MonthBucket, 12> months{};
    size_t later = 0;
    size_t unknown = 0;
};

/// Empty buckets for the 12 UTC months starting with the one that holds nowMs.
ExpiryHistogram makeExpiryHistogram(int64_t nowMs);

/// Counts one entry by its not-after (inclusive, epoch ms).
void addToHistogram(ExpiryHistogram& histogram, std::optional<int64_t> notAfterMs);

}  // namespace casview
