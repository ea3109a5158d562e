#include "redaction.hpp"

#include <array>

#include "utf8.hpp"

namespace casview {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithIgnoreCase(std::string_view text, size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
        if (lower(text[at + i]) != word[i]) return false;
    }
    return true;
}

// Length of "%" ("25")* hex at `at` (percent-encoding applied any number of times), else 0.
size_t percentEncoded(std::string_view text, size_t at, std::string_view hex) {
    if (at >= text.size() || text[at] != '%') return 0;
    size_t i = at + 1;
    while (startsWithIgnoreCase(text, i, "25") && !startsWithIgnoreCase(text, i, hex)) i += 2;
    return startsWithIgnoreCase(text, i, hex) ? i + hex.size() - at : 0;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of the separator between a parameter name and its value, or 0 if none is there.
size_t separatorLength(std::string_view text, size_t at) {
    if (at >= text.size()) return 0;
    if (text[at] == '=') return 1;
    if (const size_t n = percentEncoded(text, at, "3d")) return n;
    size_t i = at;
    if (startsWithIgnoreCase(text, i, "\\\"")) i += 2;  // a JSON key inside a JSON string
    else if (text[i] == '"') i += 1;
    while (i < text.size() && isSpace(text[i])) ++i;
    if (i >= text.size() || text[i] != ':') return 0;
    ++i;
    while (i < text.size() && isSpace(text[i])) ++i;
    if (startsWithIgnoreCase(text, i, "\\\"")) i += 2;
    else if (i < text.size() && text[i] == '"') i += 1;
    return i - at;
}

size_t valueLength(std::string_view text, size_t at) {
    static constexpr std::string_view kStops = "&\"'\\<>,;)]} \t\r\n";
    size_t i = at;
    while (i < text.size() && kStops.find(text[i]) == std::string_view::npos &&
           percentEncoded(text, i, "26") == 0) {
        ++i;
    }
    return i - at;
}

}  // namespace

std::string maskAccessKeyId(std::string_view id) {
    // Already masked: exactly what this function returns, nothing that merely ends in "****".
    if (id == "****" || (id.size() == 8 && id.substr(4) == "****")) return std::string(id);
    if (id.size() < 12) return "****";
    // Four bytes of a real id are four ASCII characters; never cut a UTF-8 sequence in two.
    return std::string(utf8::truncate(id, 4)) + "****";
}

std::string redactCredentials(std::string_view text) {
    struct Secret {
        std::string_view name;  // lower case
        bool isKeyId;
    };
    static constexpr std::array<Secret, 2> kSecrets = {{{"accesskeyid", true}, {"securitytoken", false}}};

    std::string out;
    out.reserve(text.size());
    size_t copied = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = lower(text[i]);
        if (c != 'a' && c != 's') continue;
        for (const Secret& secret : kSecrets) {
            if (!startsWithIgnoreCase(text, i, secret.name)) continue;
            const size_t valueStart = i + secret.name.size() + separatorLength(text, i + secret.name.size());
            if (valueStart == i + secret.name.size()) continue;
            const size_t length = valueLength(text, valueStart);
            if (length == 0) continue;
            const std::string_view value = text.substr(valueStart, length);
            out.append(text, copied, valueStart - copied);
            out += secret.isKeyId ? maskAccessKeyId(value) : std::string("****");
            copied = valueStart + length;
            i = copied - 1;
            break;
        }
    }
    out.append(text, copied, std::string_view::npos);
    return out;
}

}  // namespace casview
