// Section numbers (§N) in test names refer to docs/alibaba-api.md.
#include <catch2/catch.hpp>

#include "redaction.hpp"

using namespace casview;

TEST_CASE("maskAccessKeyId keeps only the key type of a real-length id", "[redaction]") {
    CHECK(maskAccessKeyId("LTAI5tQ8xExampleKey1") == "LTAI****");
    CHECK(maskAccessKeyId("STS.NUgYrLnoC37mZZCNnAbez2KZv") == "STS.****");
    CHECK(maskAccessKeyId("testid") == "****");
    CHECK(maskAccessKeyId("") == "****");
    CHECK(maskAccessKeyId("LTAI****") == "LTAI****");  // idempotent
    CHECK(maskAccessKeyId("****") == "****");
    // Found by the fuzzer: a value that only ends like a masked one is still masked.
    CHECK(maskAccessKeyId("LTAI5A1B2C3D4-0000-4000-8000-00000000****") == "LTAI****");
    CHECK(maskAccessKeyId("LTAI5tQ8xE****") == "LTAI****");
    // Found by the fuzzer: the kept prefix ends on a character boundary (U+FFFD is 3 bytes).
    CHECK(maskAccessKeyId("LT\xEF\xBF\xBD\xEF\xBF\xBD" "6CurrentPage") == "LT****");
    CHECK(maskAccessKeyId("证书证书证书证书") == "证****");
}

TEST_CASE("redactCredentials masks the key id in the server's string-to-sign echo (§4.1)", "[redaction]") {
    // SignatureDoesNotMatch, signature 1.0: the canonical query is percent-encoded once more.
    CHECK(redactCredentials("Specified signature is not matched with our calculation. server string to sign "
                            "is:POST&%2F&AccessKeyId%3DLTAI5tQ8xExampleKey1%26Action%3DListUserCertificateOrder"
                            "%26Format%3DJSON") ==
          "Specified signature is not matched with our calculation. server string to sign "
          "is:POST&%2F&AccessKeyId%3DLTAI****%26Action%3DListUserCertificateOrder%26Format%3DJSON");
    // The key id last, at the end of the message.
    CHECK(redactCredentials("string to sign is:GET&%2F&Version%3D2020-04-07%26AccessKeyId%3DLTAI5tQ8xExampleKey1") ==
          "string to sign is:GET&%2F&Version%3D2020-04-07%26AccessKeyId%3DLTAI****");
    // Encoded twice (an echo inside a URL) and with lower-case hex.
    CHECK(redactCredentials("q=AccessKeyId%253DLTAI5tQ8xExampleKey1%2526Action%253DX") ==
          "q=AccessKeyId%253DLTAI****%2526Action%253DX");
    CHECK(redactCredentials("accesskeyid%3dLTAI5tQ8xExampleKey1%26x") == "accesskeyid%3dLTAI****%26x");
    // A plain query string and a URL.
    CHECK(redactCredentials("https://cas.aliyuncs.com/?AccessKeyId=LTAI5tQ8xExampleKey1&Action=X") ==
          "https://cas.aliyuncs.com/?AccessKeyId=LTAI****&Action=X");
    // JSON, also escaped inside a JSON string, and "name: value".
    CHECK(redactCredentials(R"({"AccessKeyId": "LTAI5tQ8xExampleKey1", "x": 1})") ==
          R"({"AccessKeyId": "LTAI****", "x": 1})");
    CHECK(redactCredentials(R"("{\"AccessKeyId\":\"LTAI5tQ8xExampleKey1\"}")") == R"("{\"AccessKeyId\":\"LTAI****\"}")");
    CHECK(redactCredentials("AccessKeyId: LTAI5tQ8xExampleKey1 is disabled") == "AccessKeyId: LTAI**** is disabled");
}

TEST_CASE("redactCredentials masks STS key ids and the whole SecurityToken", "[redaction]") {
    CHECK(redactCredentials("GET&%2F&AccessKeyId%3DSTS.NUgYrLnoC37mZZCNnAbez2KZv%26Action%3DX%26SecurityToken%3D"
                            "CAIS%252BSTS%252FtokenExample%253D%253D%26SignatureMethod%3DHMAC-SHA1") ==
          "GET&%2F&AccessKeyId%3DSTS.****%26Action%3DX%26SecurityToken%3D****%26SignatureMethod%3DHMAC-SHA1");
    CHECK(redactCredentials("?SecurityToken=CAIS%2BSTS%2FtokenExample%3D%3D&Signature=abc") ==
          "?SecurityToken=****&Signature=abc");
}

TEST_CASE("redactCredentials leaves other text alone", "[redaction]") {
    for (const char* text : {"", "Specified access key is not found.", "AccessKeyId is required",
                             "The AccessKeyId", "AccessKeyId=", "SecurityToken%3D%26", "accessory keys",
                             "Specified signature is not matched with our calculation."}) {
        INFO(text);
        CHECK(redactCredentials(text) == text);
    }
    const std::string once = redactCredentials("AccessKeyId=LTAI5tQ8xExampleKey1&SecurityToken=abc");
    CHECK(redactCredentials(once) == once);
    CHECK(redactCredentials("{\"RequestId\":\"AccessKeyId=LTAI5A1B2C3D4-0000-4000-8000-00000000****\"}") ==
          "{\"RequestId\":\"AccessKeyId=LTAI****\"}");
}
