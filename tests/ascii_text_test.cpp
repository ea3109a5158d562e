#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ascii_text.hpp"

using namespace casview;

TEST_CASE("sameText is == for every length and every differing byte", "[ascii_text]") {
    for (size_t n = 0; n <= 40; ++n) {
        std::string a(n, 'x');
        for (size_t i = 0; i < n; ++i) a[i] = static_cast<char>('a' + i % 26);
        const std::string b = a;
        INFO("length " << n);
        CHECK(sameText(a, b));
        CHECK_FALSE(sameText(a, a + "y"));
        CHECK_FALSE(sameText(a + "y", a));
        for (size_t i = 0; i < n; ++i) {
            std::string c = b;
            c[i] = static_cast<char>(c[i] ^ 0x80);  // one byte differs, in its high bit only
            INFO("byte " << i);
            CHECK_FALSE(sameText(a, c));
            CHECK_FALSE(sameText(c, a));
        }
    }
    // Views into a longer text: only the viewed bytes count.
    const std::string text = "CertificateIdX";
    CHECK(sameText(std::string_view(text).substr(0, 13), "CertificateId"));
}

TEST_CASE("trimAscii drops ASCII whitespace at both ends only", "[ascii_text]") {
    CHECK(trimAscii("") == "");
    CHECK(trimAscii("abc") == "abc");
    CHECK(trimAscii(" \t\n\r\f\vabc d\v\f\r\n\t ") == "abc d");
    CHECK(trimAscii("\xC2\xA0" "abc") == "\xC2\xA0" "abc");  // no-break space is not ASCII
    const std::string spaces = "   ";
    const std::string_view trimmed = trimAscii(spaces);
    CHECK(trimmed.empty());
    CHECK(trimmed.data() == spaces.data() + spaces.size());  // still a view into the text
}

TEST_CASE("equalsIgnoringAsciiCase folds ASCII letters only", "[ascii_text]") {
    CHECK(equalsIgnoringAsciiCase("CPACK", "cpack"));
    CHECK(equalsIgnoringAsciiCase("TrUe", "tRuE"));
    CHECK(equalsIgnoringAsciiCase("", ""));
    CHECK_FALSE(equalsIgnoringAsciiCase("BUY", "BUYS"));
    CHECK_FALSE(equalsIgnoringAsciiCase("@", "`"));          // 0x40 and 0x60 are not letters
    CHECK_FALSE(equalsIgnoringAsciiCase("\xC3\x89", "\xC3\xA9"));  // É, é: not ASCII
}

TEST_CASE("forEachListItem gives the non-empty items as sent", "[ascii_text]") {
    std::vector<std::string> items;
    forEachListItem(",a.example.com,, b.example.com ,", [&](std::string_view item) { items.emplace_back(item); });
    CHECK(items == std::vector<std::string>{"a.example.com", " b.example.com "});
    items.clear();
    forEachListItem("", [&](std::string_view item) { items.emplace_back(item); });
    CHECK(items.empty());
}
