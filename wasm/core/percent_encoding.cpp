#include "percent_encoding.hpp"

#include <array>

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

}  // namespace

char* writePercentEncoded(char* out, std::string_view text) {
    for (char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (kUnreserved[byte]) {
            *out++ = ch;
        } else {
            out[0] = '%';
            out[1] = kHex[byte >> 4];
            out[2] = kHex[byte & 0x0F];
            out += 3;
        }
    }
    return out;
}

void appendPercentEncoded(std::string& out, std::string_view text) {
    // Grow once to the worst case and write through a pointer: per-character push_back is an
    // out-of-line libc++ call in the WASM build and dominated the signing time.
    const size_t start = out.size();
    out.resize(start + text.size() * kMaxEncodedPerByte);
    char* end = writePercentEncoded(out.data() + start, text);
    out.resize(static_cast<size_t>(end - out.data()));
}

std::string percentEncode(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 2 + 8);
    appendPercentEncoded(out, text);
    return out;
}

}  // namespace casview
