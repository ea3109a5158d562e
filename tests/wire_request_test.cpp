#include <catch2/catch.hpp>

#include "wire_request.hpp"

using namespace casview;

namespace {

SignedRequest pinnedRequest(HttpMethod method) {
    ListUserCertificateOrderRequest r;
    r.orderType = "CERT";
    r.keyword = "a b+c*";
    return signListUserCertificateOrder(r, {"testid", "testsecret", ""}, method,
                                        {1704110400000, "n-1"})
        .value();
}

}  // namespace

TEST_CASE("GET puts every parameter, Signature encoded, in the query", "[wire]") {
    const SignedRequest s = pinnedRequest(HttpMethod::Get);
    const WireRequest w = toWire(s, "http://127.0.0.1:8787/https://cas.aliyuncs.com/");
    CHECK(w.method == "GET");
    CHECK(w.body.empty());
    CHECK(w.contentType.empty());
    const std::string prefix = "http://127.0.0.1:8787/https://cas.aliyuncs.com/?";
    REQUIRE(w.url.substr(0, prefix.size()) == prefix);
    CHECK(w.url.find("Keyword=a%20b%2Bc%2A") != std::string::npos);
    CHECK(w.url.find("Timestamp=2024-01-01T12%3A00%3A00Z") != std::string::npos);
    const std::string sig = s.params.at("Signature");
    std::string encodedSig;
    for (char c : sig) {
        encodedSig += c == '+' ? "%2B" : c == '/' ? "%2F" : c == '=' ? "%3D" : std::string(1, c);
    }
    CHECK(w.url.find("&Signature=" + encodedSig + "&") != std::string::npos);
}

TEST_CASE("POST sends a form body to the bare URL", "[wire]") {
    const SignedRequest s = pinnedRequest(HttpMethod::Post);
    const WireRequest w = toWire(s, "https://cas.aliyuncs.com/");
    CHECK(w.method == "POST");
    CHECK(w.url == "https://cas.aliyuncs.com/");
    CHECK(w.contentType == "application/x-www-form-urlencoded");
    CHECK(w.body == encodeWireParams(s.params));
    CHECK(w.body.find("Action=ListUserCertificateOrder&") != std::string::npos);
    CHECK(w.body.find('+') == std::string::npos);
    CHECK(w.body.find(' ') == std::string::npos);
}

TEST_CASE("request URL follows the cors-anywhere convention", "[wire]") {
    CHECK(requestUrl("http://127.0.0.1:8787/", "https://cas.aliyuncs.com").value() ==
          "http://127.0.0.1:8787/https://cas.aliyuncs.com/");
    CHECK(requestUrl("", "https://cas.ap-southeast-1.aliyuncs.com/").value() ==
          "https://cas.ap-southeast-1.aliyuncs.com/");
    CHECK(requestUrl("https://portal.example/proxy/", "http://127.0.0.1:8788").value() ==
          "https://portal.example/proxy/http://127.0.0.1:8788/");
    for (const char* bad : {"", "cas.aliyuncs.com", "ftp://cas.aliyuncs.com",
                            "https://cas.aliyuncs.com/path", "https://cas.aliyuncs.com?x=1",
                            "https://user@cas.aliyuncs.com", "https://"}) {
        INFO(bad);
        const auto url = requestUrl("", bad);
        REQUIRE_FALSE(url.ok());
        CHECK(url.error().param == "endpoint");
    }
    for (const char* bad : {"http://127.0.0.1:8787", "127.0.0.1:8787/", "javascript:/"}) {
        INFO(bad);
        const auto url = requestUrl(bad, "https://cas.aliyuncs.com");
        REQUIRE_FALSE(url.ok());
        CHECK(url.error().param == "proxy");
    }
}
