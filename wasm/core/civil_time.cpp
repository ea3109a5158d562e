#include "civil_time.hpp"

namespace casview {
namespace {

bool isLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int64_t year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> digits(std::string_view text, size_t pos, size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = pos; i < pos + width; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

void appendPadded(std::string& out, int64_t value, int width) {
    char buf[24];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (int i = n; i < width; ++i) out.push_back('0');
    while (n > 0) out.push_back(buf[--n]);
}

std::optional<CivilDate> readDate(std::string_view text) {
    const auto y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (!y || !m || !d || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (*m < 1 || *m > 12 || *d < 1 || *d > daysInMonth(*y, *m)) return std::nullopt;
    return CivilDate{*y, *m, *d};
}

// Index of `name` (3 letters at `pos`) in `names`, or -1.
template <size_t N>
int indexOfName(std::string_view text, size_t pos, const std::string_view (&names)[N]) {
    const std::string_view name = text.substr(pos, 3);
    for (size_t i = 0; i < N; ++i) {
        if (names[i] == name) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

int64_t daysFromCivil(CivilDate date) {
    const int64_t y = static_cast<int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t mp = (date.month + 9) % 12;  // March = 0
    const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int64_t days) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t doe = days - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

int64_t epochDayOfMs(int64_t epochMs) {
    constexpr int64_t kMsPerDay = 86400000;
    return epochMs >= 0 ? epochMs / kMsPerDay : -((-epochMs + kMsPerDay - 1) / kMsPerDay);
}

std::string formatTimestamp(int64_t epochMs) {
    const int64_t day = epochDayOfMs(epochMs);
    const int64_t secondOfDay = (epochMs - day * 86400000) / 1000;
    const CivilDate date = civilFromDays(day);
    std::string out;
    out.reserve(20);
    appendPadded(out, date.year, 4);
    out.push_back('-');
    appendPadded(out, date.month, 2);
    out.push_back('-');
    appendPadded(out, date.day, 2);
    out.push_back('T');
    appendPadded(out, secondOfDay / 3600, 2);
    out.push_back(':');
    appendPadded(out, secondOfDay / 60 % 60, 2);
    out.push_back(':');
    appendPadded(out, secondOfDay % 60, 2);
    out.push_back('Z');
    return out;
}

std::optional<int64_t> parseTimestamp(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z') {
        return std::nullopt;
    }
    const auto date = readDate(text);
    const auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
    if (!date || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
    return (daysFromCivil(*date) * 86400 + *h * 3600 + *mi * 60 + *s) * 1000;
}

std::optional<int64_t> parseDate(std::string_view text) {
    if (text.size() != 10) return std::nullopt;
    const auto date = readDate(text);
    if (!date) return std::nullopt;
    return daysFromCivil(*date);
}

std::optional<int64_t> parseHttpDate(std::string_view text) {
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    //  0123456789012345678901234567 8
    static constexpr std::string_view kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
        text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
        return std::nullopt;
    }
    if (indexOfName(text, 0, kDays) < 0) return std::nullopt;
    const int month = indexOfName(text, 8, kMonths) + 1;
    const auto d = digits(text, 5, 2), y = digits(text, 12, 4);
    const auto h = digits(text, 17, 2), mi = digits(text, 20, 2), s = digits(text, 23, 2);
    if (month < 1 || !d || !y || !h || !mi || !s) return std::nullopt;
    if (*d < 1 || *d > daysInMonth(*y, month) || *h > 23 || *mi > 59 || *s > 60) {
        return std::nullopt;
    }
    return (daysFromCivil(CivilDate{*y, month, *d}) * 86400 + *h * 3600 + *mi * 60 + *s) * 1000;
}

}  // namespace casview
