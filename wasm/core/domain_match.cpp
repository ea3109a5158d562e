#include "domain_match.hpp"

#include <algorithm>

#include "ascii_text.hpp"
#include "case_fold.hpp"
#include "punycode.hpp"

namespace casview {
namespace {

bool isAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

void appendNormalizedHostname(std::string& out, std::string_view name) {
    name = trimAscii(name);
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (isAscii(name)) {
        // The usual case (every row's SANs): case folding is ASCII lower-casing, in place.
        const size_t at = out.size();
        out.resize(at + name.size());
        char* to = &out[at];
        for (const char c : name) *to++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
        return;
    }
    const std::string folded = foldCase(name);
    out += isAscii(folded) ? folded : hostnameToAscii(folded);
}

std::string normalizeHostname(std::string_view name) {
    std::string out;
    appendNormalizedHostname(out, name);
    return out;
}

bool sanCoversHost(std::string_view san, std::string_view host) {
    if (san == host) return true;
    if (san.size() < 3 || san[0] != '*' || san[1] != '.') return false;
    if (!host.empty() && host[0] == '*') return false;
    const std::string_view parent = san.substr(1);  // ".example.com"
    if (host.size() <= parent.size() || host.substr(host.size() - parent.size()) != parent) return false;
    const std::string_view label = host.substr(0, host.size() - parent.size());
    return !label.empty() && label.find('.') == std::string_view::npos;
}

std::vector<std::string> splitSanList(std::string_view text) {
    std::vector<std::string> names;
    size_t start = 0;
    for (;;) {
        const size_t comma = text.find(',', start);
        std::string name = normalizeHostname(text.substr(start, comma == std::string_view::npos ? comma : comma - start));
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return names;
}

bool sansCoverAll(const std::vector<std::string_view>& sans, const std::vector<std::string_view>& names) {
    return std::all_of(names.begin(), names.end(), [&](std::string_view name) {
        return std::any_of(sans.begin(), sans.end(), [&](std::string_view san) { return sanCoversHost(san, name); });
    });
}

std::string coveringWildcard(std::string_view host) {
    if (host.empty() || host[0] == '*') return {};
    const size_t dot = host.find('.');
    if (dot == 0 || dot == std::string_view::npos || dot + 1 >= host.size()) return {};
    return "*" + std::string(host.substr(dot));
}

}  // namespace casview
