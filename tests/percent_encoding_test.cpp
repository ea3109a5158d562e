// The encoding table of docs/alibaba-api.md §1.2, plus every ASCII byte.
#include <catch2/catch.hpp>

#include <string>

#include "percent_encoding.hpp"

using casview::percentEncode;

TEST_CASE("percent-encoding table of the RPC signature", "[encoding]") {
    CHECK(percentEncode(" ") == "%20");
    CHECK(percentEncode("*") == "%2A");
    CHECK(percentEncode("~") == "~");
    CHECK(percentEncode("/") == "%2F");
    CHECK(percentEncode("+") == "%2B");
    CHECK(percentEncode("=") == "%3D");
    CHECK(percentEncode("&") == "%26");
    CHECK(percentEncode("%") == "%25");
    CHECK(percentEncode(":") == "%3A");
    CHECK(percentEncode("!") == "%21");
    CHECK(percentEncode("'") == "%27");
    CHECK(percentEncode("(") == "%28");
    CHECK(percentEncode(")") == "%29");
    CHECK(percentEncode("\n") == "%0A");
    CHECK(percentEncode("\xC3\xA9") == "%C3%A9");             // é
    CHECK(percentEncode("\"") == "%22");
    CHECK(percentEncode("\xE6\xB5\x8B") == "%E6%B5%8B");     // 测
    CHECK(percentEncode("\xF0\x9F\x98\x80") == "%F0%9F%98%80");  // U+1F600
    CHECK(percentEncode("") == "");
    CHECK(percentEncode(std::string("a\0b", 3)) == "a%00b");
    CHECK(percentEncode("2016-02-23T12:46:24Z") == "2016-02-23T12%3A46%3A24Z");
}

TEST_CASE("only A-Z a-z 0-9 - _ . ~ stay literal", "[encoding]") {
    for (int byte = 0; byte < 256; ++byte) {
        const char c = static_cast<char>(byte);
        const bool literal = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
        const std::string encoded = percentEncode(std::string(1, c));
        INFO("byte " << byte);
        if (literal) {
            CHECK(encoded == std::string(1, c));
        } else {
            static const char* hex = "0123456789ABCDEF";
            CHECK(encoded == std::string{'%', hex[byte >> 4], hex[byte & 15]});
        }
    }
}
