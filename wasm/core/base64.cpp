#include "base64.hpp"

namespace casview {

std::string base64Encode(const uint8_t* data, size_t size) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((size + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        const uint32_t n = uint32_t{data[i]} << 16 | uint32_t{data[i + 1]} << 8 | data[i + 2];
        out += {kAlphabet[n >> 18], kAlphabet[n >> 12 & 63], kAlphabet[n >> 6 & 63],
                kAlphabet[n & 63]};
    }
    if (size - i == 1) {
        const uint32_t n = uint32_t{data[i]} << 16;
        out += {kAlphabet[n >> 18], kAlphabet[n >> 12 & 63], '=', '='};
    } else if (size - i == 2) {
        const uint32_t n = uint32_t{data[i]} << 16 | uint32_t{data[i + 1]} << 8;
        out += {kAlphabet[n >> 18], kAlphabet[n >> 12 & 63], kAlphabet[n >> 6 & 63], '='};
    }
    return out;
}

}  // namespace casview
