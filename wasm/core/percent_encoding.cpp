#include "percent_encoding.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace casview {
namespace {

constexpr std::array<bool, 256> makeUnreserved() {
    std::array<bool, 256> table{};
    for (unsigned char c = 'A'; c <= 'Z'; ++c) table[c] = true;
    for (unsigned char c = 'a'; c <= 'z'; ++c) table[c] = true;
    for (unsigned char c = '0'; c <= '9'; ++c) table[c] = true;
    table[static_cast<unsigned char>('-')] = table[static_cast<unsigned char>('_')] = true;
    table[static_cast<unsigned char>('.')] = table[static_cast<unsigned char>('~')] = true;
    return table;
}

constexpr std::array<bool, 256> kUnreserved = makeUnreserved();
constexpr char kHex[] = "0123456789ABCDEF";  // uppercase: the server canonicalizes this way

// Every byte's encoding as 3 characters (an unreserved byte is itself, then 2 unused) and its
// length: a branch-free loop writes 3 characters per byte and advances by the length.
struct Encodings {
    std::array<std::array<char, 3>, 256> text{};
    std::array<uint8_t, 256> length{};
};
constexpr Encodings makeEncodings() {
    Encodings e{};
    for (size_t b = 0; b < 256; ++b) {
        if (kUnreserved[b]) {
            e.text[b] = {static_cast<char>(b), 0, 0};
            e.length[b] = 1;
        } else {
            e.text[b] = {'%', kHex[b >> 4], kHex[b & 0x0F]};
            e.length[b] = 3;
        }
    }
    return e;
}
constexpr Encodings kEncodings = makeEncodings();

}  // namespace

char* writePercentEncoded(char* out, std::string_view text) {
    // Writes 3 characters for every byte (within the 3×-per-byte room the caller has).
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        std::memcpy(out, kEncodings.text[byte].data(), 3);
        out += kEncodings.length[byte];
    }
    return out;
}

size_t percentEncodedSize(std::string_view text) {
    size_t size = 0;
    for (const char ch : text) size += kEncodings.length[static_cast<unsigned char>(ch)];
    return size;
}

void appendPercentEncoded(std::string& out, std::string_view text) {
    // Grow once to the exact size (+2: the last byte's 3-character write) and write through a
    // pointer: per-character appends, or growing to the 3× worst case, cost more than encoding.
    const size_t start = out.size(), size = percentEncodedSize(text);
    out.resize(start + size + 2);
    writePercentEncoded(out.data() + start, text);
    out.resize(start + size);
}

std::string percentEncode(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 2 + 8);
    appendPercentEncoded(out, text);
    return out;
}

}  // namespace casview
