// casview: a strict, allocation-light JSON pull reader (RFC 8259), the core's only JSON parser.
//
// Why not nlohmann/json here: its SAX parser alone takes ~3.6× JSON.parse's time on a 100-row
// page in WebAssembly (lexer copies every byte into a token buffer), and the design budget is
// 2×. This reader scans strings 8 bytes at a time, hands out views into the input when a string
// has no escapes, and never recurses (nesting is capped at kMaxDepth), so no input can exhaust
// the stack. nlohmann/json stays the oracle: the fuzzer and the tests check that both accept
// exactly the same documents (in strict mode).
//
// Deliberate leniencies (off in strict mode): ill-formed UTF-8 and lone surrogate escapes in
// strings become U+FFFD, as a browser's response.json() would make them. A leading UTF-8 byte
// order mark is skipped, as response.json() and nlohmann/json do.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace casview {

enum class JsonType : uint8_t { Null, Boolean, Number, String, Object, Array };

/// Name of a JSON type for messages ("an array", "a string", …).
std::string_view describeJsonType(JsonType type);

/// Where and why a text is not JSON. `reason` is a fixed phrase, never input text.
struct JsonSyntaxError {
    size_t offset = 0;
    const char* reason = "";
    bool truncated = false;  // the input ended inside a value: it was cut short
};

struct JsonReaderOptions {
    /// Reject ill-formed UTF-8 and lone surrogate escapes (as RFC 8259 §8.1–8.2 and
    /// nlohmann/json do) instead of replacing them with U+FFFD.
    bool strictUnicode = false;
};

/// Reads one JSON document. Every method returns false on a syntax error (then failed() is
/// true and error() says where); the reader does not throw.
///
/// Views returned by readString()/nextMember() point into the input when the string had no
/// escape (check with isInInput()); otherwise into a buffer that the next read overwrites.
class JsonReader {
public:
    static constexpr size_t kMaxDepth = 512;

    explicit JsonReader(std::string_view text, JsonReaderOptions options = {});

    /// Type of the next value (skips whitespace; offset() is then the value's first byte).
    bool peek(JsonType& type);

    bool enterObject();
    /// The next member's key (its ':' consumed); false once the object is closed or on error.
    bool nextMember(std::string_view& key);
    /// nextMember() and the member's value in one call (the parser's per-member path): its type,
    /// its JSON text as sent, and for a string its text (a view into the input when it had no
    /// escape), for a number its text. Objects and arrays are skipped (and validated).
    bool nextMemberValue(std::string_view& key, JsonType& type, std::string_view& json, std::string_view& scalar);
    bool enterArray();
    /// True when another element follows; false once the array is closed or on error.
    bool nextElement();

    bool readString(std::string_view& value);
    /// The number's text exactly as written (validated against the JSON grammar).
    bool readNumber(std::string_view& text);
    bool readBoolean(bool& value);
    bool readNull();
    /// Skips (and validates) one value of any type.
    bool skipValue();
    /// True when only whitespace remains after the document.
    bool finish();

    size_t offset() const { return pos_; }
    bool failed() const { return failed_; }
    const JsonSyntaxError& error() const { return error_; }
    bool isInInput(std::string_view view) const;
    std::string_view input() const { return text_; }

private:
    bool fail(const char* reason);
    bool failEnd();
    void skipWhitespace();
    bool expect(char c, const char* reason);
    bool push(uint8_t frame);
    bool scanString(std::string_view& out, std::string& scratch);
    bool scanNumber(std::string_view& out);
    bool scanLiteral(std::string_view literal);
    bool skipScalar();
    bool readHex4(size_t at, char32_t& value) const;

    std::string_view text_;
    JsonReaderOptions options_;
    size_t pos_ = 0;
    bool failed_ = false;
    JsonSyntaxError error_;
    std::array<uint8_t, kMaxDepth> frames_{};  // kObject/kArray | kFirst per open container
    size_t depth_ = 0;
    std::string scratch_;
    std::string keyScratch_;
    std::string memberKey_;  // nextMemberValue's escaped key, kept while its value is skipped
};

/// True when text is exactly one JSON document (whitespace around it allowed).
bool isValidJson(std::string_view text, JsonReaderOptions options = {});

}  // namespace casview
