// casview: writing JSON text for JS (JSON.parse on the other side of the WASM boundary).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace casview {

/// Largest integer a JS number holds exactly (Number.MAX_SAFE_INTEGER).
inline constexpr int64_t kMaxSafeInteger = 9007199254740991;

/// Appends `text` as a JSON string (RFC 8259 §7): quotes, backslashes and control characters
/// escaped; ill-formed UTF-8 replaced with U+FFFD, so JSON.parse always accepts the output.
void appendJsonString(std::string& out, std::string_view text);

/// Appends an integer the way docs/js-api.md promises JS callers: a number when JS holds it
/// exactly, else its decimal digits as a string (ids beyond 2^53 are never rounded).
void appendJsonInteger(std::string& out, int64_t value);

}  // namespace casview
