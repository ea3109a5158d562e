#include "punycode.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "utf8.hpp"

namespace casview {
namespace {

// RFC 3492 §5 parameters.
constexpr uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700, kInitialBias = 72,
                   kInitialN = 128;
constexpr uint32_t kMaxCodePoint = 0x10FFFF;
constexpr size_t kMaxLabelCodePoints = 256;  // DNS labels are ≤ 63 octets; bound the work

uint32_t adapt(uint32_t delta, uint32_t numPoints, bool firstTime) {
    delta = firstTime ? delta / kDamp : delta / 2;
    delta += delta / numPoints;
    uint32_t k = 0;
    while (delta > ((kBase - kTMin) * kTMax) / 2) {
        delta /= kBase - kTMin;
        k += kBase;
    }
    return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

int digitValue(char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '0' && c <= '9') return c - '0' + 26;
    return -1;
}

char digitChar(uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

bool startsWithAcePrefix(std::string_view label) {
    return label.size() > 4 && (label[0] == 'x' || label[0] == 'X') && (label[1] == 'n' || label[1] == 'N') &&
           label[2] == '-' && label[3] == '-';
}

template <class Convert>
std::string mapLabels(std::string_view hostname, Convert convert) {
    std::string out;
    out.reserve(hostname.size() + 8);
    size_t start = 0;
    for (;;) {
        const size_t dot = hostname.find('.', start);
        const std::string_view label = hostname.substr(start, dot == std::string_view::npos ? dot : dot - start);
        const std::optional<std::string> converted = convert(label);
        if (converted) out += *converted;
        else out.append(label);
        if (dot == std::string_view::npos) break;
        out.push_back('.');
        start = dot + 1;
    }
    return out;
}

}  // namespace

std::optional<std::string> punycodeDecode(std::string_view input) {
    std::vector<char32_t> output;
    const size_t delimiter = input.rfind('-');
    size_t in = 0;
    if (delimiter != std::string_view::npos) {
        for (size_t j = 0; j < delimiter; ++j) {
            const unsigned char c = static_cast<unsigned char>(input[j]);
            if (c >= 0x80) return std::nullopt;
            output.push_back(c);
        }
        in = delimiter + 1;
    }
    uint32_t n = kInitialN, i = 0, bias = kInitialBias;
    while (in < input.size()) {
        const uint32_t oldI = i;
        uint32_t w = 1;
        for (uint32_t k = kBase;; k += kBase) {
            if (in >= input.size()) return std::nullopt;
            const int digit = digitValue(input[in++]);
            if (digit < 0) return std::nullopt;
            const auto d = static_cast<uint32_t>(digit);
            if (d > (UINT32_MAX - i) / w) return std::nullopt;
            i += d * w;
            const uint32_t t = k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
            if (d < t) break;
            if (w > UINT32_MAX / (kBase - t)) return std::nullopt;
            w *= kBase - t;
        }
        const auto count = static_cast<uint32_t>(output.size() + 1);
        bias = adapt(i - oldI, count, oldI == 0);
        if (i / count > kMaxCodePoint - n) return std::nullopt;
        n += i / count;
        i %= count;
        if (n > kMaxCodePoint || (n >= 0xD800 && n <= 0xDFFF) || output.size() >= kMaxLabelCodePoints) {
            return std::nullopt;
        }
        output.insert(output.begin() + static_cast<std::ptrdiff_t>(i), n);
        ++i;
    }
    std::string utf8Text;
    for (const char32_t cp : output) utf8::append(utf8Text, cp);
    return utf8Text;
}

std::optional<std::string> punycodeEncode(std::string_view label) {
    std::vector<char32_t> input;
    for (size_t pos = 0; pos < label.size();) {
        const utf8::Decoded d = utf8::decode(label, pos);
        if (!d.valid) return std::nullopt;
        input.push_back(d.codePoint);
        pos += d.length;
    }
    if (input.size() > kMaxLabelCodePoints) return std::nullopt;
    std::string output;
    for (const char32_t cp : input) {
        if (cp < 0x80) output.push_back(static_cast<char>(cp));
    }
    const auto basic = static_cast<uint32_t>(output.size());
    uint32_t handled = basic;
    if (basic > 0) output.push_back('-');
    uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
    while (handled < input.size()) {
        uint32_t m = UINT32_MAX;
        for (const char32_t cp : input) {
            if (cp >= n && cp < m) m = cp;
        }
        if (m - n > (UINT32_MAX - delta) / (handled + 1)) return std::nullopt;
        delta += (m - n) * (handled + 1);
        n = m;
        for (const char32_t cp : input) {
            if (cp < n && ++delta == 0) return std::nullopt;
            if (cp != n) continue;
            uint32_t q = delta;
            for (uint32_t k = kBase;; k += kBase) {
                const uint32_t t = k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
                if (q < t) break;
                output.push_back(digitChar(t + (q - t) % (kBase - t)));
                q = (q - t) / (kBase - t);
            }
            output.push_back(digitChar(q));
            bias = adapt(delta, handled + 1, handled == basic);
            delta = 0;
            ++handled;
        }
        ++delta;
        ++n;
    }
    return output;
}

std::string hostnameToUnicode(std::string_view hostname) {
    return mapLabels(hostname, [](std::string_view label) -> std::optional<std::string> {
        if (!startsWithAcePrefix(label)) return std::nullopt;
        return punycodeDecode(label.substr(4));
    });
}

std::string hostnameToAscii(std::string_view hostname) {
    return mapLabels(hostname, [](std::string_view label) -> std::optional<std::string> {
        bool ascii = true;
        for (const char c : label) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (ascii) return std::nullopt;
        const std::optional<std::string> encoded = punycodeEncode(label);
        if (!encoded) return std::nullopt;
        return "xn--" + *encoded;
    });
}

}  // namespace casview
