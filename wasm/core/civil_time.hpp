// casview: UTC calendar arithmetic and the timestamp formats the API uses.
//
// No <ctime>: gmtime/timegm depend on the C library's time zone state, which differs between
// the native and the WASM build. These are pure functions of integers (H. Hinnant's
// days-from-civil algorithm), valid for every date the API can carry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casview {

struct CivilDate {
    int year;
    int month;  // 1..12
    int day;    // 1..31
};

/// Days since 1970-01-01 for a proleptic Gregorian date (negative before 1970).
int64_t daysFromCivil(CivilDate date);
CivilDate civilFromDays(int64_t days);

/// Floor division of epoch milliseconds into whole UTC days (correct for negative values).
int64_t epochDayOfMs(int64_t epochMs);

/// "yyyy-MM-ddTHH:mm:ssZ" in UTC, seconds precision (milliseconds are dropped, not rounded),
/// as the RPC Timestamp parameter requires.
std::string formatTimestamp(int64_t epochMs);

/// Strict inverse of formatTimestamp: exactly "yyyy-MM-ddTHH:mm:ssZ", a real date and time.
/// Returns epoch milliseconds.
std::optional<int64_t> parseTimestamp(std::string_view text);

/// Strict "yyyy-MM-dd" (the StartDate/EndDate of certificate rows). Returns days since epoch.
std::optional<int64_t> parseDate(std::string_view text);

/// Strict RFC 7231 §7.1.1.1 IMF-fixdate, the form of the HTTP `Date` header every current server
/// sends: "Sun, 06 Nov 1994 08:49:37 GMT" (29 characters, English day and month names, GMT).
/// The day name must be one of the seven but is not checked against the date. Second 60 (a
/// leap second) is accepted and lands on the next minute. The obsolete RFC 850 and asctime
/// forms are not accepted. Returns epoch milliseconds (whole seconds).
std::optional<int64_t> parseHttpDate(std::string_view text);

}  // namespace casview
