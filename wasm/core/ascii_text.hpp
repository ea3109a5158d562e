// casview: small text helpers the parser, the records and the inventory share. They run for
// every field of every row, so the common cases cost a few instructions.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace casview {

/// Space, tab, line feed, carriage return, form feed, vertical tab.
constexpr bool isAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// `s` without surrounding ASCII whitespace; an all-space `s` gives an empty view at its end
/// (still pointing into the same text).
inline std::string_view trimAscii(std::string_view s) {
    if (s.empty() || (!isAsciiSpace(s.front()) && !isAsciiSpace(s.back()))) return s;
    size_t first = 0, last = s.size();
    while (first < last && isAsciiSpace(s[first])) ++first;
    while (last > first && isAsciiSpace(s[last - 1])) --last;
    return s.substr(first, last - first);
}

/// a == b, for the short texts of rows (names, keys, statuses): whole words compared instead
/// of a call to memcmp, which WASM's libc does byte by byte.
inline bool sameText(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    const char *x = a.data(), *y = b.data();
    if (n >= 8) {
        for (size_t i = 0; i + 8 <= n; i += 8) {
            uint64_t u, v;
            std::memcpy(&u, x + i, 8);
            std::memcpy(&v, y + i, 8);
            if (u != v) return false;
        }
        uint64_t u, v;  // the last 8 bytes (overlapping what was compared)
        std::memcpy(&u, x + n - 8, 8);
        std::memcpy(&v, y + n - 8, 8);
        return u == v;
    }
    if (n >= 4) {
        uint32_t u, v, s, t;
        std::memcpy(&u, x, 4);
        std::memcpy(&v, y, 4);
        std::memcpy(&s, x + n - 4, 4);
        std::memcpy(&t, y + n - 4, 4);
        return u == v && s == t;
    }
    for (size_t i = 0; i < n; ++i) {
        if (x[i] != y[i]) return false;
    }
    return true;
}

/// a == b ignoring the case of ASCII letters (keywords: "true", "CPACK", …).
inline bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    for (size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

/// Calls f with each non-empty item of a comma-separated list, as sent (not trimmed).
template <class F>
void forEachListItem(std::string_view list, F f) {
    size_t start = 0;
    while (start <= list.size()) {
        const size_t comma = list.find(',', start);
        const std::string_view item = list.substr(start, comma == std::string_view::npos ? comma : comma - start);
        if (!item.empty()) f(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
}

}  // namespace casview
