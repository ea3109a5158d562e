// casview: the percent-encoding of Alibaba RPC signature 1.0.
//
// Rule (docs/alibaba-api.md §1.2): UTF-8 bytes; A-Z a-z 0-9 - _ . ~ stay literal;
// every other byte becomes %XY in uppercase hex. So a space is %20 (never +), * is %2A and
// ~ stays ~ (never %7E). The same encoder serves the canonical query, the string-to-sign and
// the wire form.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace casview {

/// Percent-encodes `text` (taken as UTF-8 bytes) by the RPC rule above.
std::string percentEncode(std::string_view text);

/// Appends percentEncode(text) to `out` (no temporary string on the signing hot path).
void appendPercentEncoded(std::string& out, std::string_view text);

/// The length of percentEncode(text).
size_t percentEncodedSize(std::string_view text);

/// An encoded byte takes at most this many characters ("%XY").
inline constexpr size_t kMaxEncodedPerByte = 3;

/// Writes percentEncode(text) at `out`, which must have room for
/// text.size() * kMaxEncodedPerByte characters; returns the end of what was written.
char* writePercentEncoded(char* out, std::string_view text);

}  // namespace casview
