#include "clock_skew.hpp"

#include "civil_time.hpp"

namespace casview {

bool isTimestampExpired(const CasError& error) { return error.code == "InvalidTimeStamp.Expired"; }

bool ClockSkew::learnFrom(std::string_view dateHeader, int64_t localNowMs) {
    const auto serverMs = parseHttpDate(dateHeader);
    if (!serverMs) return false;
    offsetMs_ = *serverMs - localNowMs;
    learnt_ = true;
    return true;
}

bool ClockSkew::correctOnExpired(const CasError& error, std::string_view dateHeader,
                                 int64_t localNowMs) {
    return isTimestampExpired(error) && learnFrom(dateHeader, localNowMs);
}

}  // namespace casview
