// Section numbers (§N) in test names refer to docs/alibaba-api.md.
#include <catch2/catch.hpp>

#include "service_error.hpp"

using namespace casview;

TEST_CASE("classifyErrorCode follows §4.3", "[error]") {
    for (const char* code : {"Throttling", "Throttling.User", "Throttling.Api", "Throttling.Whatever",
                             "ServiceUnavailable", "InternalError", "SignatureNonceUsed"}) {
        INFO(code);
        CHECK(classifyErrorCode(code) == CodeRetry::Retryable);
    }
    for (const char* code : {"SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId.NotFound",
                             "InvalidAccessKeyId.Inactive", "InvalidTimeStamp.Format", "InvalidTimeStamp.Expired",
                             "MissingParameter", "MissingSecurityToken", "InvalidParameter",
                             "InvalidParameter.Format", "Forbidden.RAM", "NoPermission",
                             "InvalidSecurityToken.Expired", "InvalidApi.NotFound", "UnsupportedHTTPMethod",
                             "InvalidSignatureMethod", "AccessDenied"}) {
        INFO(code);
        CHECK(classifyErrorCode(code) == CodeRetry::Permanent);
    }
    for (const char* code : {"", "ThrottlingUser", "User.Throttling", "Backend.Overloaded", "InternalErrorX"}) {
        INFO(code);
        CHECK(classifyErrorCode(code) == CodeRetry::Unknown);
    }
}

TEST_CASE("serviceError: Code decides, the HTTP status only for unknown codes", "[error]") {
    ServiceErrorBody body{"Throttling.User", "Request was denied due to user flow control.", "R2", "cas.aliyuncs.com", ""};
    CasError e = serviceError(body, 400);
    CHECK(e.code == "Throttling.User");
    CHECK(e.message == "Request was denied due to user flow control.");
    CHECK(e.requestId == "R2");
    CHECK(e.hostId == "cas.aliyuncs.com");
    CHECK(e.httpStatus == 400);
    CHECK(e.retryable);
    CHECK(e.param.empty());

    CHECK_FALSE(serviceError({"InvalidParameter", "m", "", "", ""}, 503).retryable);
    CHECK(serviceError({"Backend.Overloaded", "m", "", "", ""}, 503).retryable);
    CHECK_FALSE(serviceError({"Backend.Overloaded", "m", "", "", ""}, 400).retryable);
    CHECK(serviceError({"NoMessage", "", "", "", ""}, 400).message == "NoMessage");
}

TEST_CASE("serviceError redacts and bounds what the server sent", "[error]") {
    ServiceErrorBody body;
    body.code = "SignatureDoesNotMatch";
    body.message = "server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tQ8xExampleKey1%26Action%3DX";
    body.recommend = "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&AccessKeyId=LTAI5tQ8xExampleKey1";
    const CasError e = serviceError(body, 400);
    CHECK(e.message == "server string to sign is:POST&%2F&AccessKeyId%3DLTAI****%26Action%3DX");
    CHECK(e.recommend == "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&AccessKeyId=LTAI****");
    CHECK_FALSE(e.retryable);

    body.message = std::string(10000, 'x');
    CHECK(serviceError(body, 400).message == std::string(kMaxMessageBytes, 'x') + "…");
    body.message = std::string(kMaxMessageBytes - 1, 'x') + "证";  // never cut inside a character
    CHECK(serviceError(body, 400).message == std::string(kMaxMessageBytes - 1, 'x') + "…");
}

TEST_CASE("isRetryableHttpStatus and isSuccessCode", "[error]") {
    for (const int status : {408, 429, 500, 502, 503, 504}) CHECK(isRetryableHttpStatus(status));
    for (const int status : {0, 200, 400, 401, 403, 404, 501, 505}) CHECK_FALSE(isRetryableHttpStatus(status));
    for (const char* code : {"200", "OK", "Success", "success"}) CHECK(isSuccessCode(code));
    for (const char* code : {"", "ok", "SUCCESS", "Throttling"}) CHECK_FALSE(isSuccessCode(code));
}

TEST_CASE("bodyExcerpt is short, redacted and safe to show", "[error]") {
    CHECK(bodyExcerpt("") == "");
    CHECK(bodyExcerpt("\xEF\xBB\xBF \r\n\t<html>") == "<html>");
    CHECK(bodyExcerpt("a\nb\r\tc\x01\x1B\x7F\"\\") == "a\\nb\\r\\tc\\x01\\x1B\\x7F\\\"\\\\");
    CHECK(bodyExcerpt(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(bodyExcerpt("bad \xFF\xC3 ok") == "bad \\xFF\\xC3 ok");
    CHECK(bodyExcerpt("rtl \xE2\x80\xAE evil \xC2\x85") == "rtl \\u202E evil \\u0085");
    CHECK(bodyExcerpt("证书 ok") == "证书 ok");
    CHECK(bodyExcerpt(std::string(500, 'x'), 10) == "xxxxxxxxxx…");
    CHECK(bodyExcerpt("abcdefgh证", 10) == "abcdefgh…");
    // A key id at the cut is masked whole, not shown in part.
    CHECK(bodyExcerpt("GET /?AccessKeyId=LTAI5tQ8xExampleKey1&Action=X", 22) == "GET /?AccessKeyId=LTAI…");
    CHECK(bodyExcerpt("GET /?AccessKeyId=LTAI5tQ8xExampleKey1&Action=X", 30) == "GET /?AccessKeyId=LTAI****&Act…");
}

TEST_CASE("malformedResponse names the status, the problem and the body's start; always retryable", "[error]") {
    CasError e = malformedResponse("the response body is empty", "", 200);
    CHECK(e.code == "MalformedResponse");
    CHECK(e.message == "HTTP 200: the response body is empty");
    CHECK(e.httpStatus == 200);
    CHECK(e.retryable);
    e = malformedResponse("not JSON", "<html>", 0);
    CHECK(e.message == "not JSON; body starts with: \"<html>\"");
    CHECK(e.retryable);
}
