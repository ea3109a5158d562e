// casview: which certificate names cover which host, as a TLS client decides.
//
// RFC 6125 §6.4 as browsers apply it (and the CA/Browser Forum Baseline Requirements allow):
// a SAN matches a host exactly, or a SAN "*.rest" matches a host with exactly one more,
// non-empty leftmost label: "*.example.com" covers "a.example.com", not "a.b.example.com" nor
// "example.com". Only a whole leftmost "*" label is a wildcard ("f*.example.com" matches only
// itself). Names compare case-insensitively, a trailing dot is ignored, and U-labels compare
// equal to their A-labels ("bücher.example" is "xn--bcher-kva.example").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casview {

/// The form names are compared in: trimmed, one trailing dot removed, case-folded, non-ASCII
/// labels Punycode-encoded ("Bücher.Example." → "xn--bcher-kva.example").
std::string normalizeHostname(std::string_view name);
/// normalizeHostname(name), appended to `out` (no allocation for an ASCII name).
void appendNormalizedHostname(std::string& out, std::string_view name);

/// Whether a SAN covers a host; both already normalized. A wildcard "host" ("*.example.com",
/// e.g. the name of a wildcard certificate being looked for) is covered only by itself.
bool sanCoversHost(std::string_view san, std::string_view host);

/// The comma-separated Sans of a row (or the Domain of an order) as normalized names, in order,
/// empty entries dropped and duplicates removed.
std::vector<std::string> splitSanList(std::string_view commaSeparated);

/// Whether every name in `names` is covered by one of `sans` (all normalized).
bool sansCoverAll(const std::vector<std::string_view>& sans, const std::vector<std::string_view>& names);

/// "*.example.com" for "a.example.com": the wildcard SAN that would cover a host, or "" when
/// none can (a single-label host, a wildcard).
std::string coveringWildcard(std::string_view host);

}  // namespace casview
