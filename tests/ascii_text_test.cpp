#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <set>
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

TEST_CASE("hashText: equal texts hash alike, and the low bits spread", "[ascii_text]") {
    // Views of the same bytes at other addresses (and across the 8-byte steps) hash alike.
    const std::string a = "rg-acfm6103671aee4", b = "xx" + a;
    CHECK(hashText(a) == hashText(std::string_view(b).substr(2)));
    // Every prefix of a text (lengths 0..40) and every one-byte change lands somewhere else,
    // and 4,096 ids like a listing's spread over the 64 slots of a small table.
    std::set<uint64_t> hashes;
    const std::string text = "DigiCert Global G2 TLS RSA SHA256 2020 CA1";
    for (size_t n = 0; n <= 40; ++n) hashes.insert(hashText(std::string_view(text).substr(0, n)));
    for (size_t i = 0; i < text.size(); ++i) {
        std::string changed = text;
        changed[i] = static_cast<char>(changed[i] ^ 1);
        hashes.insert(hashText(changed));
    }
    CHECK(hashes.size() == 41 + text.size());
    std::array<size_t, 64> slots{};
    for (int id = 0; id < 4096; ++id) ++slots[hashText("cas-cn-" + std::to_string(1000 + id)) & 63];
    CHECK(*std::min_element(slots.begin(), slots.end()) > 32);  // 64 on average
    CHECK(*std::max_element(slots.begin(), slots.end()) < 100);
}

TEST_CASE("forEachListItem gives the non-empty items as sent", "[ascii_text]") {
    std::vector<std::string> items;
    forEachListItem(",a.example.com,, b.example.com ,", [&](std::string_view item) { items.emplace_back(item); });
    CHECK(items == std::vector<std::string>{"a.example.com", " b.example.com "});
    items.clear();
    forEachListItem("", [&](std::string_view item) { items.emplace_back(item); });
    CHECK(items.empty());
}
