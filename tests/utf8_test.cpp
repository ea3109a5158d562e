#include <catch2/catch.hpp>

#include "utf8.hpp"

using namespace casview;

TEST_CASE("utf8::decode accepts exactly the well-formed sequences of Unicode Table 3-7", "[utf8]") {
    CHECK(utf8::decode("A", 0).codePoint == U'A');
    CHECK(utf8::decode("\xC3\xA9", 0).codePoint == 0xE9);
    CHECK(utf8::decode("\xE8\xAF\x81", 0).codePoint == 0x8BC1);
    CHECK(utf8::decode("\xF0\x9F\x9A\x80", 0).codePoint == 0x1F680);
    CHECK(utf8::decode("\xF4\x8F\xBF\xBF", 0).codePoint == 0x10FFFF);
    struct Bad {
        const char* bytes;
        size_t maximalSubpart;
    };
    for (const Bad bad : {Bad{"\x80", 1}, Bad{"\xC0\xAF", 1}, Bad{"\xC1\xBF", 1}, Bad{"\xE0\x80\x80", 1},
                          Bad{"\xED\xA0\x80", 1}, Bad{"\xF0\x80\x80\x80", 1}, Bad{"\xF4\x90\x80\x80", 1},
                          Bad{"\xF5\x80", 1}, Bad{"\xFF", 1}, Bad{"\xE8\xAF", 2}, Bad{"\xE8\xAFx", 2},
                          Bad{"\xF0\x9F\x9A", 3}, Bad{"\xC3", 1}}) {
        INFO(bad.bytes);
        const utf8::Decoded d = utf8::decode(bad.bytes, 0);
        CHECK_FALSE(d.valid);
        CHECK(d.codePoint == utf8::kReplacement);
        CHECK(d.length == bad.maximalSubpart);
    }
}

TEST_CASE("utf8::append encodes scalars and replaces what is not one", "[utf8]") {
    std::string out;
    for (const char32_t cp : {U'a', char32_t{0xE9}, char32_t{0x8BC1}, char32_t{0x1F680}}) utf8::append(out, cp);
    CHECK(out == "a\xC3\xA9\xE8\xAF\x81\xF0\x9F\x9A\x80");
    out.clear();
    utf8::append(out, 0xD800);
    utf8::append(out, 0x110000);
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(utf8::isValid(out));
    CHECK_FALSE(utf8::isValid("ok\xFF"));
}

TEST_CASE("utf8::truncate never cuts a sequence", "[utf8]") {
    const std::string text = "ab\xE8\xAF\x81" "cd";  // a, b, 证, c, d
    CHECK(utf8::truncate(text, 100) == text);
    CHECK(utf8::truncate(text, 2) == "ab");
    CHECK(utf8::truncate(text, 3) == "ab");
    CHECK(utf8::truncate(text, 4) == "ab");
    CHECK(utf8::truncate(text, 5) == "ab\xE8\xAF\x81");
    CHECK(utf8::truncate(std::string(10, '\x80'), 5).size() == 2);  // ill-formed: cut anyway
}
