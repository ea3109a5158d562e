#include "json_writer.hpp"

#include "utf8.hpp"

namespace casview {

void appendJsonString(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    size_t runStart = 0;  // copy plain runs in one append
    size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\' && byte < 0x80) {
            ++i;
            continue;
        }
        if (byte >= 0x80) {
            const utf8::Decoded decoded = utf8::decode(text, i);
            if (decoded.valid) {
                i += decoded.length;
                continue;
            }
            out.append(text.substr(runStart, i - runStart));
            utf8::append(out, utf8::kReplacement);
            i += decoded.length;
            runStart = i;
            continue;
        }
        out.append(text.substr(runStart, i - runStart));
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: out += {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 15]};
        }
        ++i;
        runStart = i;
    }
    out.append(text.substr(runStart));
    out.push_back('"');
}

void appendJsonInteger(std::string& out, int64_t value) {
    const bool safe = value >= -kMaxSafeInteger && value <= kMaxSafeInteger;
    if (!safe) out.push_back('"');
    out += std::to_string(value);
    if (!safe) out.push_back('"');
}

}  // namespace casview
