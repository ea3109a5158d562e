#include <catch2/catch.hpp>

#include "civil_time.hpp"

using namespace casview;

TEST_CASE("Timestamp is UTC yyyy-MM-ddTHH:mm:ssZ with milliseconds dropped", "[time]") {
    CHECK(formatTimestamp(0) == "1970-01-01T00:00:00Z");
    CHECK(formatTimestamp(1704110400000) == "2024-01-01T12:00:00Z");
    CHECK(formatTimestamp(1704110400999) == "2024-01-01T12:00:00Z");  // truncated, not rounded
    CHECK(formatTimestamp(1456231584000) == "2016-02-23T12:46:24Z");  // the doc's example
    CHECK(formatTimestamp(951782400000) == "2000-02-29T00:00:00Z");   // leap day
    CHECK(formatTimestamp(4107542399000) == "2100-02-28T23:59:59Z");  // 2100 is not leap
    CHECK(formatTimestamp(-1) == "1969-12-31T23:59:59Z");
    CHECK(formatTimestamp(253402300799000) == "9999-12-31T23:59:59Z");
}

TEST_CASE("parseTimestamp is the strict inverse of formatTimestamp", "[time]") {
    CHECK(parseTimestamp("2024-01-01T12:00:00Z") == 1704110400000);
    CHECK(parseTimestamp("2000-02-29T23:59:59Z") == 951868799000);
    for (const char* bad : {"2024-01-01T12:00:00", "2024-01-01 12:00:00Z", "2024-1-01T12:00:00Z",
                            "2024-01-01T12:00:00.000Z", "2024-02-30T00:00:00Z",
                            "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
                            "2024-01-01T24:00:00Z", "2024-01-01T12:60:00Z", "", "x"}) {
        INFO(bad);
        CHECK_FALSE(parseTimestamp(bad).has_value());
    }
    for (int64_t ms = -86400000LL * 800; ms < 86400000LL * 40000; ms += 86400000LL * 37 + 3601000) {
        CHECK(parseTimestamp(formatTimestamp(ms)) == ms / 1000 * 1000 - (ms % 1000 < 0 ? 1000 : 0));
    }
}

TEST_CASE("dates and epoch days", "[time]") {
    CHECK(parseDate("1970-01-01") == 0);
    CHECK(parseDate("2021-11-16") == 18947);
    CHECK(parseDate("1969-12-31") == -1);
    CHECK_FALSE(parseDate("2021-11-31").has_value());
    CHECK_FALSE(parseDate("2021-11-16 ").has_value());
    CHECK_FALSE(parseDate("21-11-16").has_value());
    CHECK(epochDayOfMs(0) == 0);
    CHECK(epochDayOfMs(86399999) == 0);
    CHECK(epochDayOfMs(86400000) == 1);
    CHECK(epochDayOfMs(-1) == -1);
    CHECK(epochDayOfMs(-86400000) == -1);
    CHECK(epochDayOfMs(-86400001) == -2);
    for (int64_t day = -800000; day < 800000; day += 997) {
        CHECK(daysFromCivil(civilFromDays(day)) == day);
    }
}

TEST_CASE("HTTP Date header: RFC 7231 IMF-fixdate", "[time][http-date]") {
    // RFC 7231 §7.1.1.1's own example.
    CHECK(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777000);
    CHECK(parseHttpDate("Thu, 01 Jan 1970 00:00:00 GMT") == 0);
    CHECK(parseHttpDate("Mon, 01 Jan 2024 12:20:00 GMT") == 1704111600000);
    CHECK(parseHttpDate("Thu, 29 Feb 2024 23:59:59 GMT") == 1709251199000);
    // A leap second lands on the next minute; the day name is not checked against the date.
    CHECK(parseHttpDate("Sat, 31 Dec 2016 23:59:60 GMT") == 1483228800000);
    CHECK(parseHttpDate("Mon, 06 Nov 1994 08:49:37 GMT") == 784111777000);
    for (const char* bad : {"", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
                            "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
                            "Sun, 06 nov 1994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
                            "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 29 Feb 2023 08:49:37 GMT",
                            "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                            "Sun, 06 Nov 1994 08:60:37 GMT", "Sun, 06 Nov 1994 08:49:61 GMT",
                            "Sun, 06 Nov 1994 08:49:37 GMT ", " Sun, 06 Nov 1994 08:49:37 GMT",
                            "Sun, 06 Nov 1994 08:49:3x GMT", "Sun,_06 Nov 1994 08:49:37 GMT"}) {
        INFO(bad);
        CHECK_FALSE(parseHttpDate(bad).has_value());
    }
}
