#include "case_fold.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "utf8.hpp"

namespace casview {
namespace {

struct FoldRange {
    char32_t first;
    char32_t last;
    int32_t delta;
    uint32_t stride;
};

constexpr FoldRange kFoldRanges[] = {
#include "case_fold_table.inc"
};

}  // namespace

char32_t foldCase(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    // The last range starting at or before cp.
    const auto it = std::upper_bound(std::begin(kFoldRanges), std::end(kFoldRanges), cp,
                                     [](char32_t c, const FoldRange& r) { return c < r.first; });
    if (it == std::begin(kFoldRanges)) return cp;
    const FoldRange& range = *std::prev(it);
    if (cp > range.last || (cp - range.first) % range.stride != 0) return cp;
    return static_cast<char32_t>(static_cast<int32_t>(cp) + range.delta);
}

void appendFolded(std::string& out, std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            // A run of ASCII, lower-cased in one write.
            size_t end = i + 1;
            while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) ++end;
            const size_t start = out.size();
            out.resize(start + (end - i));
            char* to = &out[start];
            for (; i < end; ++i, ++to) {
                const char c = text[i];
                *to = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
            }
            continue;
        }
        const utf8::Decoded d = utf8::decode(text, i);
        utf8::append(out, d.valid ? foldCase(d.codePoint) : utf8::kReplacement);
        i += d.length;
    }
}

std::string foldCase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    appendFolded(out, text);
    return out;
}

}  // namespace casview
