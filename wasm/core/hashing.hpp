// casview: the hashing of the open-addressing tables (text tables, identities, SAN sets).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace casview {

/// Mixes every bit of x into the low bits (MurmurHash3's 64-bit finaliser): the tables take a
/// hash's low bits as the slot.
inline uint64_t mixBits(uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ull;
    return x ^ (x >> 33);
}

/// A hash of a text for open-addressing tables: eight bytes a step (std::hash takes four, and
/// these tables hash every categorical text of every row), mixed so that the low bits count.
inline uint64_t hashText(std::string_view s) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = n * kMul;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    for (size_t i = 0; i < n; ++i) tail |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return mixBits(h ^ tail);
}

}  // namespace casview
