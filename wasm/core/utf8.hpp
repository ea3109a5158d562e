// casview: UTF-8 decoding and encoding, as the Unicode Standard defines well-formed sequences.
//
// Everything the API sends is UTF-8 (RFC 8259 §8.1), but a proxy page or a hostile body may not
// be. Ill-formed input is never an error here: it is replaced with U+FFFD one "maximal subpart"
// at a time (Unicode §3.9, the same replacement a browser's TextDecoder makes), so what reaches
// the page is always well-formed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace casview::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
    char32_t codePoint;  // kReplacement when !valid
    size_t length;       // bytes consumed, ≥ 1 (for ill-formed input: the maximal subpart)
    bool valid;
};

/// Decodes the sequence starting at text[pos] (pos < text.size()). Table 3-7 of the Unicode
/// Standard: no overlongs, no surrogates, nothing above U+10FFFF.
Decoded decode(std::string_view text, size_t pos);

/// Appends the UTF-8 encoding of a scalar value; surrogates and values above U+10FFFF become
/// U+FFFD.
void append(std::string& out, char32_t codePoint);

/// True when the whole text is well-formed UTF-8.
bool isValid(std::string_view text);

/// The longest prefix of text, at most maxBytes long, that does not cut a UTF-8 sequence.
std::string_view truncate(std::string_view text, size_t maxBytes);

}  // namespace casview::utf8
