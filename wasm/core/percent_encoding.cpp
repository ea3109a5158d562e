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

void appendPercentEncoded(std::string& out, std::string_view text) {
    for (char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (kUnreserved[byte]) {
            out.push_back(ch);
        } else {
            const char escaped[3] = {'%', kHex[byte >> 4], kHex[byte & 0x0F]};
            out.append(escaped, 3);
        }
    }
}

std::string percentEncode(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 2 + 8);
    appendPercentEncoded(out, text);
    return out;
}

}  // namespace casview
