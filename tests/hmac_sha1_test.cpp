// HMAC-SHA1 known answers: the seven test cases of RFC 2202 §3. Digests are the RFC's hex
// values; the Base64 forms were computed with Python's hmac module, not with casview.
#include <catch2/catch.hpp>

#include <string>

#include "hmac_sha1.hpp"

using casview::hmacSha1Base64;

TEST_CASE("RFC 2202 HMAC-SHA1 test cases", "[hmac]") {
    struct Case {
        std::string key;
        std::string data;
        const char* hexDigest;  // RFC 2202, for the reader
        const char* base64;
    };
    const Case cases[] = {
        {std::string(20, '\x0b'), "Hi There", "b617318655057264e28bc0b6fb378c8ef146be00",
         "thcxhlUFcmTii8C2+zeMjvFGvgA="},
        {"Jefe", "what do ya want for nothing?", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
         "7/zfauXrL6LSdBbV8YTfnCWafHk="},
        {std::string(20, '\xaa'), std::string(50, '\xdd'),
         "125d7342b9ac11cd91a39af48aa17b4f63f175d3", "El1zQrmsEc2Ro5r0iqF7T2PxddM="},
        {"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15"
         "\x16\x17\x18\x19",
         std::string(50, '\xcd'), "4c9007f4026250c6bc8414f9bf50c86c2d7235da",
         "TJAH9AJiUMa8hBT5v1DIbC1yNdo="},
        {std::string(20, '\x0c'), "Test With Truncation",
         "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04", "TBoDQktV4H/n8nvh1Yu5MkqaWgQ="},
        {std::string(80, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
         "aa4ae5e15272d00e95705637ce8a3b55ed402112", "qkrl4VJy0A6VcFY3zoo7Ve1AIRI="},
        {std::string(80, '\xaa'),
         "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data",
         "e8e99d0f45237d786d6bbaa7965c7808bbff1a91", "6OmdD0UjfXhta7qnllx4CLv/GpE="},
    };
    for (const Case& c : cases) {
        INFO("RFC 2202 digest " << c.hexDigest);
        CHECK(hmacSha1Base64(c.key, c.data) == c.base64);
    }
}

TEST_CASE("HMAC-SHA1 output is always 28 Base64 characters", "[hmac]") {
    CHECK(hmacSha1Base64("", "") == "+9sdGxiqbAgyS31ktx+3Y3BpDh0=");  // Python: hmac(b'', b'')
    CHECK(hmacSha1Base64("k", std::string(10000, 'x')).size() == 28);
}
