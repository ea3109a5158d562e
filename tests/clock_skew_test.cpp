#include <catch2/catch.hpp>

#include "clock_skew.hpp"

using namespace casview;

namespace {

CasError codeOnly(const std::string& code) {
    CasError e;
    e.code = code;
    e.httpStatus = 400;
    return e;
}

}  // namespace

TEST_CASE("skew: the offset comes from the Date header", "[skew]") {
    ClockSkew skew;
    CHECK(skew.offsetMs() == 0);
    CHECK_FALSE(skew.learnt());
    const int64_t local = 1704110400000;  // 2024-01-01T12:00:00Z
    CHECK(skew.correctedMs(local) == local);
    // The server says 12:20:00: our clock is 20 minutes behind.
    REQUIRE(skew.learnFrom("Mon, 01 Jan 2024 12:20:00 GMT", local));
    CHECK(skew.learnt());
    CHECK(skew.offsetMs() == 20 * 60000);
    CHECK(skew.correctedMs(local + 5000) == local + 5000 + 20 * 60000);
    // Ahead is as good as behind; a later reading replaces the earlier one.
    REQUIRE(skew.learnFrom("Mon, 01 Jan 2024 11:40:00 GMT", local));
    CHECK(skew.offsetMs() == -20 * 60000);
}

TEST_CASE("skew: no usable Date, nothing learnt", "[skew]") {
    ClockSkew skew;
    REQUIRE(skew.learnFrom("Mon, 01 Jan 2024 12:20:00 GMT", 1704110400000));
    for (const char* bad : {"", "2024-01-01T12:20:00Z", "Mon, 01 Jan 2024 12:20:00 UTC"}) {
        INFO(bad);
        CHECK_FALSE(skew.learnFrom(bad, 0));
        CHECK(skew.offsetMs() == 20 * 60000);
    }
}

TEST_CASE("skew: only InvalidTimeStamp.Expired triggers a correction", "[skew]") {
    const std::string date = "Mon, 01 Jan 2024 12:20:00 GMT";
    const int64_t local = 1704110400000;
    ClockSkew skew;
    for (const char* code : {"InvalidTimeStamp.Format", "SignatureDoesNotMatch", "Throttling.User",
                             "InvalidTimeStamp", ""}) {
        INFO(code);
        CHECK_FALSE(skew.correctOnExpired(codeOnly(code), date, local));
        CHECK_FALSE(skew.learnt());
    }
    CHECK_FALSE(skew.correctOnExpired(codeOnly("InvalidTimeStamp.Expired"), "", local));
    CHECK(skew.correctOnExpired(codeOnly("InvalidTimeStamp.Expired"), date, local));
    CHECK(skew.offsetMs() == 20 * 60000);
    CHECK(isTimestampExpired(codeOnly("InvalidTimeStamp.Expired")));
}
