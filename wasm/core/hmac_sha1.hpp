// casview: HMAC-SHA1 + Base64, the only place that knows about Crypto++.
#pragma once

#include <string>
#include <string_view>

namespace casview {

/// Base64 (standard alphabet, '=' padded, no line breaks) of HMAC-SHA1(key, message), RFC 2104.
/// Always 28 characters.
std::string hmacSha1Base64(std::string_view key, std::string_view message);

}  // namespace casview
