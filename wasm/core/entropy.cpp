#include "entropy.hpp"

#include <unistd.h>  // getentropy (glibc ≥ 2.25, Emscripten)

#include <chrono>
#include <cstdlib>

namespace casview {

int64_t SystemClock::nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void SystemRandom::fill(uint8_t* out, size_t size) {
    // getentropy serves at most 256 bytes per call.
    while (size > 0) {
        const size_t chunk = size < 256 ? size : 256;
        if (getentropy(out, chunk) != 0) {
            // No entropy means no safe nonce: stopping beats signing with a predictable one.
            std::abort();
        }
        out += chunk;
        size -= chunk;
    }
}

std::string makeNonce(RandomSource& random) {
    uint8_t bytes[16];
    random.fill(bytes, sizeof bytes);
    bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[bytes[i] >> 4]);
        out.push_back(kHex[bytes[i] & 0x0F]);
    }
    return out;
}

}  // namespace casview
