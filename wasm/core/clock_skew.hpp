// casview: correcting the signing clock from the server's.
//
// Rule (docs/alibaba-api.md §1.7, §4.3): the Timestamp of a request must be
// within 15 minutes of server time, otherwise the gateway answers InvalidTimeStamp.Expired.
// A browser's clock can be off by more (a laptop with a wrong time zone setting, a VM resumed
// from sleep). Every response carries the server's time in its `Date` header (RFC 7231, seconds
// precision), so on that error the client learns offset = server time − local time, re-signs
// the refused call once with local time + offset, and keeps the offset for later calls.
//
// The estimate is good to about a second plus the response's latency: far inside ±15 minutes.
// A browser shows `Date` to a cross-origin script only if the proxy exposes it (docs/security.md);
// without it nothing is learnt and the error is reported as is.
#pragma once

#include <cstdint>
#include <string_view>

#include "error.hpp"

namespace casview {

/// The gateway's "your clock is off" error.
bool isTimestampExpired(const CasError& error);

class ClockSkew {
public:
    /// Server time − local time, in ms; 0 until something was learnt.
    int64_t offsetMs() const { return offsetMs_; }
    bool learnt() const { return learnt_; }

    /// The time to sign with: the local clock corrected by the offset.
    int64_t correctedMs(int64_t localNowMs) const { return localNowMs + offsetMs_; }

    /// Adopts the offset that the `Date` header of a response received at local time
    /// `localNowMs` implies. Returns false, and keeps the old offset, when the header is
    /// absent or not an IMF-fixdate.
    bool learnFrom(std::string_view dateHeader, int64_t localNowMs);

    /// The client's rule in one place: when `error` is InvalidTimeStamp.Expired and the
    /// response's Date is usable, learn the offset and return true (re-sign the call, once:
    /// the caller keeps that count). Any other error, or no usable Date: false.
    bool correctOnExpired(const CasError& error, std::string_view dateHeader,
                          int64_t localNowMs);

private:
    int64_t offsetMs_ = 0;
    bool learnt_ = false;
};

}  // namespace casview
