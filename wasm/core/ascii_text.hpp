// casview: small ASCII text helpers the parser, the records and the inventory share. They run
// for every field of every row, so the common case (nothing to trim) costs two compares.
#pragma once

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

}  // namespace casview
