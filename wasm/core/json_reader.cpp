#include "json_reader.hpp"

#include <cstring>
#include <functional>

#include "utf8.hpp"

namespace casview {
namespace {

constexpr uint8_t kObject = 1, kArray = 2, kFirst = 4;

bool isWhitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The bytes of 8 (little-endian) that a string scan must look at one by one: '"', '\\', a
// control character or non-ASCII, each flagged by its high bit. Classic SWAR zero-byte tests:
// exact up to the first flagged byte (a borrow can only flag bytes above a flagged one), which
// is all the scan uses.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "attentionBytes: the first byte is the lowest");
uint64_t attentionBytes(uint64_t v) {
    constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto hasZero = [](uint64_t x) { return (x - ones) & ~x & highs; };
    const uint64_t quote = hasZero(v ^ (ones * '"'));
    const uint64_t backslash = hasZero(v ^ (ones * '\\'));
    const uint64_t control = (v - ones * 0x20) & ~v & highs;
    return quote | backslash | control | (v & highs);
}

}  // namespace

std::string_view describeJsonType(JsonType type) {
    switch (type) {
        case JsonType::Null: return "null";
        case JsonType::Boolean: return "a boolean";
        case JsonType::Number: return "a number";
        case JsonType::String: return "a string";
        case JsonType::Object: return "an object";
        case JsonType::Array: return "an array";
    }
    return "a value";
}

JsonReader::JsonReader(std::string_view text, JsonReaderOptions options)
    : text_(text), options_(options) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // byte order mark
}

bool JsonReader::fail(const char* reason) {
    if (!failed_) {
        failed_ = true;
        error_ = {pos_, reason, false};
    }
    return false;
}

bool JsonReader::failEnd() {
    if (!failed_) {
        failed_ = true;
        error_ = {text_.size(), "unexpected end of input", true};
    }
    return false;
}

void JsonReader::skipWhitespace() {
    while (pos_ < text_.size() && isWhitespace(text_[pos_])) ++pos_;
}

bool JsonReader::expect(char c, const char* reason) {
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    if (text_[pos_] != c) return fail(reason);
    ++pos_;
    return true;
}

bool JsonReader::push(uint8_t frame) {
    if (depth_ >= kMaxDepth) return fail("nesting too deep");
    frames_[depth_++] = frame | kFirst;
    ++pos_;
    return true;
}

bool JsonReader::isInInput(std::string_view view) const {
    const std::less_equal<const char*> le;
    return le(text_.data(), view.data()) && le(view.data() + view.size(), text_.data() + text_.size());
}

bool JsonReader::peek(JsonType& type) {
    if (failed_) return false;
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    switch (text_[pos_]) {
        case '{': type = JsonType::Object; return true;
        case '[': type = JsonType::Array; return true;
        case '"': type = JsonType::String; return true;
        case 't':
        case 'f': type = JsonType::Boolean; return true;
        case 'n': type = JsonType::Null; return true;
        default:
            if (text_[pos_] == '-' || isDigit(text_[pos_])) {
                type = JsonType::Number;
                return true;
            }
            return fail("invalid value");
    }
}

bool JsonReader::enterObject() {
    if (failed_) return false;
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    if (text_[pos_] != '{') return fail("expected an object");
    return push(kObject);
}

bool JsonReader::enterArray() {
    if (failed_) return false;
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    if (text_[pos_] != '[') return fail("expected an array");
    return push(kArray);
}

bool JsonReader::nextMember(std::string_view& key) {
    if (failed_) return false;
    if (depth_ == 0 || !(frames_[depth_ - 1] & kObject)) return fail("not inside an object");
    uint8_t& frame = frames_[depth_ - 1];
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    if (text_[pos_] == '}') {
        ++pos_;
        --depth_;
        return false;
    }
    if (frame & kFirst) {
        frame = static_cast<uint8_t>(frame & ~kFirst);
    } else {
        if (text_[pos_] != ',') return fail("expected ',' or '}'");
        ++pos_;
        skipWhitespace();
        if (pos_ >= text_.size()) return failEnd();
    }
    if (text_[pos_] != '"') return fail("expected a string key");
    if (!scanString(key, keyScratch_)) return false;
    return expect(':', "expected ':'");
}

bool JsonReader::nextMemberValue(std::string_view& key, JsonType& type, std::string_view& json, std::string_view& scalar) {
    if (!nextMember(key)) return false;
    if (!isInInput(key)) {
        // An escaped key lives in keyScratch_, which the keys inside an object or array value
        // (skipped below) would overwrite.
        memberKey_.assign(key);
        key = memberKey_;
    }
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    const size_t start = pos_;
    scalar = {};
    bool ok;
    switch (text_[pos_]) {
        case '"': type = JsonType::String; ok = scanString(scalar, scratch_); break;
        case 't': type = JsonType::Boolean; ok = scanLiteral("true"); break;
        case 'f': type = JsonType::Boolean; ok = scanLiteral("false"); break;
        case 'n': type = JsonType::Null; ok = scanLiteral("null"); break;
        case '{': type = JsonType::Object; ok = skipValue(); break;
        case '[': type = JsonType::Array; ok = skipValue(); break;
        default:
            if (text_[pos_] != '-' && !isDigit(text_[pos_])) return fail("invalid value");
            type = JsonType::Number;
            ok = scanNumber(scalar);
            break;
    }
    if (!ok) return false;
    json = text_.substr(start, pos_ - start);
    return true;
}

bool JsonReader::nextElement() {
    if (failed_) return false;
    if (depth_ == 0 || !(frames_[depth_ - 1] & kArray)) return fail("not inside an array");
    uint8_t& frame = frames_[depth_ - 1];
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    if (text_[pos_] == ']') {
        ++pos_;
        --depth_;
        return false;
    }
    if (frame & kFirst) {
        frame = static_cast<uint8_t>(frame & ~kFirst);
        return true;
    }
    if (text_[pos_] != ',') return fail("expected ',' or ']'");
    ++pos_;
    return true;
}

bool JsonReader::readString(std::string_view& value) {
    if (failed_) return false;
    skipWhitespace();
    if (pos_ >= text_.size()) return failEnd();
    if (text_[pos_] != '"') return fail("expected a string");
    return scanString(value, scratch_);
}

bool JsonReader::readNumber(std::string_view& text) {
    if (failed_) return false;
    skipWhitespace();
    return scanNumber(text);
}

bool JsonReader::readBoolean(bool& value) {
    if (failed_) return false;
    skipWhitespace();
    if (pos_ < text_.size() && text_[pos_] == 't') {
        value = true;
        return scanLiteral("true");
    }
    value = false;
    return scanLiteral("false");
}

bool JsonReader::readNull() {
    if (failed_) return false;
    skipWhitespace();
    return scanLiteral("null");
}

bool JsonReader::readHex4(size_t at, char32_t& value) const {
    if (at + 4 > text_.size()) return false;
    value = 0;
    for (size_t i = at; i < at + 4; ++i) {
        const int h = hexValue(text_[i]);
        if (h < 0) return false;
        value = (value << 4) | static_cast<char32_t>(h);
    }
    return true;
}

bool JsonReader::scanString(std::string_view& out, std::string& scratch) {
    const char* const data = text_.data();
    const size_t n = text_.size();
    const size_t start = pos_ + 1;  // after the opening quote
    size_t i = start;
    const auto byteAt = [&](size_t at) { return static_cast<unsigned char>(data[at]); };
    const auto endOfInput = [&]() {
        pos_ = n;
        return failEnd();
    };
    const auto failAt = [&](size_t at, const char* reason) {
        pos_ = at;
        return fail(reason);
    };

    // Fast path: no escapes and well-formed UTF-8, so the value is a view into the input.
    for (;;) {
        while (i + 8 <= n) {
            uint64_t chunk;
            std::memcpy(&chunk, data + i, 8);
            const uint64_t attention = attentionBytes(chunk);
            if (attention != 0) {
                // Straight to the first byte that needs a look (usually the closing quote).
                i += static_cast<size_t>(__builtin_ctzll(attention)) / 8;
                break;
            }
            i += 8;
        }
        if (i >= n) return endOfInput();
        const unsigned char c = byteAt(i);
        if (c == '"') {
            out = text_.substr(start, i - start);
            pos_ = i + 1;
            return true;
        }
        if (c == '\\') break;
        if (c < 0x20) return failAt(i, "control character in string");
        if (c < 0x80) {
            ++i;
            continue;
        }
        const utf8::Decoded d = utf8::decode(text_, i);
        if (!d.valid) {
            if (i + d.length >= n) return endOfInput();
            if (options_.strictUnicode) return failAt(i, "invalid UTF-8 in string");
            break;
        }
        i += d.length;
    }

    // Slow path: decode escapes and replace ill-formed UTF-8 into scratch.
    scratch.assign(data + start, i - start);
    for (;;) {
        if (i >= n) return endOfInput();
        const unsigned char c = byteAt(i);
        if (c == '"') {
            out = scratch;
            pos_ = i + 1;
            return true;
        }
        if (c < 0x20) return failAt(i, "control character in string");
        if (c >= 0x80) {
            const utf8::Decoded d = utf8::decode(text_, i);
            if (!d.valid) {
                if (i + d.length >= n) return endOfInput();
                if (options_.strictUnicode) return failAt(i, "invalid UTF-8 in string");
                utf8::append(scratch, utf8::kReplacement);
            } else {
                scratch.append(data + i, d.length);
            }
            i += d.length;
            continue;
        }
        if (c != '\\') {
            scratch.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        if (i + 1 >= n) return endOfInput();
        const char escape = data[i + 1];
        const char* simple = nullptr;
        switch (escape) {
            case '"': simple = "\""; break;
            case '\\': simple = "\\"; break;
            case '/': simple = "/"; break;
            case 'b': simple = "\b"; break;
            case 'f': simple = "\f"; break;
            case 'n': simple = "\n"; break;
            case 'r': simple = "\r"; break;
            case 't': simple = "\t"; break;
            case 'u': break;
            default: return failAt(i, "invalid escape in string");
        }
        if (simple) {
            scratch.push_back(*simple);
            i += 2;
            continue;
        }
        char32_t cp;
        if (!readHex4(i + 2, cp)) {
            // Hex digits up to the end of the input: cut short, not wrong.
            size_t k = i + 2;
            while (k < n && hexValue(data[k]) >= 0) ++k;
            return k == n ? endOfInput() : failAt(i, "invalid \\u escape");
        }
        i += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low;
            if (i + 6 <= n && data[i] == '\\' && data[i + 1] == 'u' && readHex4(i + 2, low) &&
                low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            } else if (options_.strictUnicode) {
                return i + 6 > n && (i == n || data[i] == '\\') ? endOfInput()
                                                                : failAt(i - 6, "lone surrogate in \\u escape");
            } else {
                cp = utf8::kReplacement;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            if (options_.strictUnicode) return failAt(i - 6, "lone surrogate in \\u escape");
            cp = utf8::kReplacement;
        }
        utf8::append(scratch, cp);
    }
}

bool JsonReader::scanNumber(std::string_view& out) {
    const size_t n = text_.size();
    const size_t start = pos_;
    size_t i = pos_;
    const auto digitsFrom = [&](size_t at) {
        size_t k = at;
        while (k < n && isDigit(text_[k])) ++k;
        return k;
    };
    const auto bad = [&](size_t at) {
        pos_ = at;
        return at >= n ? failEnd() : fail("invalid number");
    };
    if (i < n && text_[i] == '-') ++i;
    if (i >= n || !isDigit(text_[i])) return bad(i);
    i = text_[i] == '0' ? i + 1 : digitsFrom(i);
    if (i < n && text_[i] == '.') {
        ++i;
        if (i >= n || !isDigit(text_[i])) return bad(i);
        i = digitsFrom(i);
    }
    if (i < n && (text_[i] == 'e' || text_[i] == 'E')) {
        ++i;
        if (i < n && (text_[i] == '+' || text_[i] == '-')) ++i;
        if (i >= n || !isDigit(text_[i])) return bad(i);
        i = digitsFrom(i);
    }
    out = text_.substr(start, i - start);
    pos_ = i;
    return true;
}

bool JsonReader::scanLiteral(std::string_view literal) {
    const std::string_view rest = text_.substr(pos_);
    if (rest.substr(0, literal.size()) == literal) {
        pos_ += literal.size();
        return true;
    }
    // A prefix of the literal that runs into the end of the input was cut short.
    if (rest.size() < literal.size() && literal.substr(0, rest.size()) == rest) return failEnd();
    return fail("invalid literal");
}

bool JsonReader::skipScalar() {
    std::string_view ignored;
    switch (text_[pos_]) {
        case '"': return scanString(ignored, scratch_);
        case 't': return scanLiteral("true");
        case 'f': return scanLiteral("false");
        case 'n': return scanLiteral("null");
        default:
            if (text_[pos_] == '-' || isDigit(text_[pos_])) return scanNumber(ignored);
            return fail("invalid value");
    }
}

bool JsonReader::skipValue() {
    if (failed_) return false;
    const size_t base = depth_;
    for (;;) {
        // A value starts here.
        skipWhitespace();
        if (pos_ >= text_.size()) return failEnd();
        const char c = text_[pos_];
        if (c == '{' || c == '[') {
            if (!push(c == '{' ? kObject : kArray)) return false;
        } else if (!skipScalar()) {
            return false;
        }
        // Close what is complete until a container wants another value (or we are done).
        for (;;) {
            if (depth_ == base) return true;
            uint8_t& frame = frames_[depth_ - 1];
            const bool isObject = frame & kObject;
            skipWhitespace();
            if (pos_ >= text_.size()) return failEnd();
            const char next = text_[pos_];
            if (next == (isObject ? '}' : ']')) {
                ++pos_;
                --depth_;
                continue;
            }
            if (frame & kFirst) {
                frame = static_cast<uint8_t>(frame & ~kFirst);
            } else if (next != ',') {
                return fail(isObject ? "expected ',' or '}'" : "expected ',' or ']'");
            } else {
                ++pos_;
            }
            if (isObject) {
                skipWhitespace();
                if (pos_ >= text_.size()) return failEnd();
                if (text_[pos_] != '"') return fail("expected a string key");
                std::string_view key;
                if (!scanString(key, keyScratch_) || !expect(':', "expected ':'")) return false;
            }
            break;
        }
    }
}

bool JsonReader::finish() {
    if (failed_) return false;
    if (depth_ != 0) return fail("document not finished");
    skipWhitespace();
    if (pos_ != text_.size()) return fail("unexpected characters after the JSON value");
    return true;
}

bool isValidJson(std::string_view text, JsonReaderOptions options) {
    JsonReader reader(text, options);
    return reader.skipValue() && reader.finish();
}

}  // namespace casview
