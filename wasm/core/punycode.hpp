// casview: Punycode (RFC 3492) and the two hostname forms of IDNA.
//
// Certificates name internationalized domains by their A-labels ("xn--bcher-kva.example");
// people type U-labels ("bücher.example"). Converting between the two lets a search for
// either find the certificate. This is only the label encoding: no IDNA mapping or validation
// (UTS #46: NFC, width mapping, bidi and contextual rules); callers case-fold first.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casview {

/// Decodes the part of an A-label after "xn--" ("bcher-kva" → "bücher"); nullopt when it is
/// not valid Punycode or decodes to a code point that is not a Unicode scalar value.
std::optional<std::string> punycodeDecode(std::string_view encoded);

/// Encodes a UTF-8 label ("bücher" → "bcher-kva"); nullopt on ill-formed UTF-8 or overflow.
std::optional<std::string> punycodeEncode(std::string_view label);

/// Every "xn--" label decoded ("www.xn--bcher-kva.example" → "www.bücher.example"); labels that
/// do not decode are kept as they are.
std::string hostnameToUnicode(std::string_view hostname);

/// Every label that is not ASCII encoded with the "xn--" prefix ("bücher.example" →
/// "xn--bcher-kva.example"); labels that cannot be encoded are kept as they are.
std::string hostnameToAscii(std::string_view hostname);

}  // namespace casview
