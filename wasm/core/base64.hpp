// casview: standard Base64 (RFC 4648 §4, '=' padded, no line breaks).
//
// Our own 20 lines instead of Crypto++'s Base64Encoder: that filter is configured through
// Crypto++'s AlgorithmParameters, which in a static WASM link drags in the big-integer code
// (integer.cpp) for nothing, and its filter machinery costs more than the HMAC itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace casview {

std::string base64Encode(const uint8_t* data, size_t size);

}  // namespace casview
