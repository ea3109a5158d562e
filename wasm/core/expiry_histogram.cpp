#include "expiry_histogram.hpp"

#include "civil_time.hpp"

namespace casview {

ExpiryHistogram makeExpiryHistogram(int64_t nowMs) {
    ExpiryHistogram histogram;
    histogram.nowMs = nowMs;
    const CivilDate today = civilFromDays(epochDayOfMs(nowMs));
    int year = today.year, month = today.month;
    const auto startOf = [](int y, int m) { return daysFromCivil(CivilDate{y, m, 1}) * 86400000; };
    for (MonthBucket& bucket : histogram.months) {
        bucket.year = year;
        bucket.month = month;
        bucket.startMs = startOf(year, month);
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    histogram.endMs = startOf(year, month);
    return histogram;
}

void addToHistogram(ExpiryHistogram& histogram, std::optional<int64_t> notAfterMs) {
    if (!notAfterMs) {
        ++histogram.unknown;
    } else if (*notAfterMs < histogram.nowMs) {
        ++histogram.expired;
    } else if (*notAfterMs >= histogram.endMs) {
        ++histogram.later;
    } else {
        size_t m = histogram.months.size() - 1;
        while (m > 0 && *notAfterMs < histogram.months[m].startMs) --m;
        ++histogram.months[m].count;
    }
}

}  // namespace casview
