// The ListUserCertificateOrder builder: validation (nothing bad is signed) and the complete
// signed parameter set, checked against the vectors the official SDKs computed.
#include <catch2/catch.hpp>

#include "list_request.hpp"
#include "test_data.hpp"

using namespace casview;

namespace {

const Credentials kTestCredentials{"testid", "testsecret", ""};
const Attempt kPinned{1704110400000, "e2e0c0de-0000-4000-8000-000000000001"};  // 2024-01-01T12:00:00Z

CasError refusal(const ListUserCertificateOrderRequest& request) {
    const auto error = validate(request);
    REQUIRE(error.has_value());
    CHECK(error->code == "InvalidParameter");
    // And nothing gets signed either.
    CHECK_FALSE(signListUserCertificateOrder(request, kTestCredentials, HttpMethod::Post, kPinned).ok());
    return *error;
}

nlohmann::json vectorById(const std::string& id) {
    const auto file = test::readTestJson("vectors/signature-vectors.json");
    for (const auto& v : file.at("vectors")) {
        if (v.at("id") == id) return v;
    }
    throw std::runtime_error("no vector " + id);
}

}  // namespace

TEST_CASE("validation names the parameter", "[request]") {
    ListUserCertificateOrderRequest r;
    r.orderType = "cert";
    auto e = refusal(r);
    CHECK(e.param == "OrderType");
    CHECK(e.message == "OrderType must be one of CPACK, BUY, UPLOAD, CERT; got \"cert\"");

    r = {};
    r.status = "DONE";
    e = refusal(r);
    CHECK(e.param == "Status");
    CHECK(e.message.find("got \"DONE\"") != std::string::npos);

    r = {};
    r.currentPage = 0;
    e = refusal(r);
    CHECK(e.param == "CurrentPage");
    CHECK(e.message == "CurrentPage must be 1 or more; got 0");

    for (int64_t size : {0, -1, 101, 1000000}) {
        r = {};
        r.showSize = size;
        CHECK(refusal(r).param == "ShowSize");
    }
}

TEST_CASE("order-only statuses are refused for certificate order types", "[request]") {
    for (const char* status : {"PAYED", "CHECKING", "CHECKED_FAIL", "NOTACTIVATED", "REVOKED"}) {
        for (const char* orderType : {"CERT", "UPLOAD"}) {
            ListUserCertificateOrderRequest r;
            r.orderType = orderType;
            r.status = status;
            const auto e = refusal(r);
            CHECK(e.param == "Status");
            CHECK(e.message == std::string("Status ") + status +
                                   " applies only to orders (OrderType CPACK or BUY), not to "
                                   "OrderType " + orderType);
        }
        for (const char* orderType : {"CPACK", "BUY"}) {
            ListUserCertificateOrderRequest r;
            r.orderType = orderType;
            r.status = status;
            CHECK_FALSE(validate(r).has_value());
        }
        ListUserCertificateOrderRequest defaultType;  // no OrderType means CPACK
        defaultType.status = status;
        CHECK_FALSE(validate(defaultType).has_value());
    }
    for (const char* status : {"ISSUED", "WILLEXPIRED", "EXPIRED"}) {
        for (const char* orderType : {"CPACK", "BUY", "UPLOAD", "CERT"}) {
            ListUserCertificateOrderRequest r;
            r.orderType = orderType;
            r.status = status;
            CHECK_FALSE(validate(r).has_value());
        }
    }
}

TEST_CASE("boundaries that are accepted", "[request]") {
    ListUserCertificateOrderRequest r;
    r.currentPage = 1;
    r.showSize = 1;
    CHECK_FALSE(validate(r).has_value());
    r.currentPage = 9007199254740993;  // above 2^53: int64, never a double
    r.showSize = 100;
    CHECK_FALSE(validate(r).has_value());
    CHECK(operationParams(r).value().at("CurrentPage") == "9007199254740993");
}

TEST_CASE("credentials are required", "[request]") {
    ListUserCertificateOrderRequest r;
    auto missingId = signListUserCertificateOrder(r, {"", "s", ""}, HttpMethod::Get, kPinned);
    REQUIRE_FALSE(missingId.ok());
    CHECK(missingId.error().param == "accessKeyId");
    auto missingSecret = signListUserCertificateOrder(r, {"id", "", ""}, HttpMethod::Get, kPinned);
    REQUIRE_FALSE(missingSecret.ok());
    CHECK(missingSecret.error().param == "accessKeySecret");
    auto missingNonce = signListUserCertificateOrder(r, kTestCredentials, HttpMethod::Get,
                                                     {kPinned.timestampMs, ""});
    REQUIRE_FALSE(missingNonce.ok());
    CHECK(missingNonce.error().param == "SignatureNonce");
}

TEST_CASE("the signed set equals the SDK vectors", "[request][vectors]") {
    SECTION("cas-plain-get") {
        const auto v = vectorById("cas-plain-get");
        ListUserCertificateOrderRequest r;
        r.orderType = "CERT";
        r.currentPage = 1;
        r.showSize = 50;
        const auto s = signListUserCertificateOrder(
            r, kTestCredentials, HttpMethod::Get,
            {1704110400000, v.at("params").at("SignatureNonce").get<std::string>()});
        REQUIRE(s.ok());
        CHECK(s.value().signature.canonicalizedQuery == v.at("expectedCanonicalizedQuery"));
        CHECK(s.value().signature.signature == v.at("expectedSignature"));
        CHECK(s.value().params.at("Signature") == v.at("expectedSignature"));
        CHECK(s.value().params.count("SecurityToken") == 0);
    }
    SECTION("cas-all-params (POST)") {
        const auto v = vectorById("cas-all-params");
        const auto& p = v.at("params");
        ListUserCertificateOrderRequest r;
        r.orderType = p.at("OrderType").get<std::string>();
        r.status = p.at("Status").get<std::string>();
        r.keyword = p.at("Keyword").get<std::string>();
        r.currentPage = std::stoll(p.at("CurrentPage").get<std::string>());
        r.showSize = std::stoll(p.at("ShowSize").get<std::string>());
        r.resourceGroupId = p.at("ResourceGroupId").get<std::string>();
        const auto s = signListUserCertificateOrder(
            r, kTestCredentials, HttpMethod::Post,
            {1704110400000, p.at("SignatureNonce").get<std::string>()});
        REQUIRE(s.ok());
        CHECK(s.value().signature.stringToSign == v.at("expectedStringToSign"));
        CHECK(s.value().signature.signature == v.at("expectedSignature"));
        CHECK(s.value().params.size() == p.size() + 1);  // + Signature
    }
}

TEST_CASE("SecurityToken is sent and signed only when given", "[request]") {
    ListUserCertificateOrderRequest r;
    r.orderType = "UPLOAD";
    const auto s = signListUserCertificateOrder(r, {"testid", "testsecret", "CAIS+STS/tokenExample=="},
                                                HttpMethod::Post, kPinned);
    REQUIRE(s.ok());
    CHECK(s.value().params.at("SecurityToken") == "CAIS+STS/tokenExample==");
    CHECK(s.value().signature.canonicalizedQuery.find(
              "SecurityToken=CAIS%2BSTS%2FtokenExample%3D%3D") != std::string::npos);
}

TEST_CASE("empty optional strings are not sent", "[request]") {
    ListUserCertificateOrderRequest r;
    r.orderType = "";
    r.status = "";
    r.keyword = "";
    r.resourceGroupId = "";
    CHECK(operationParams(r).value().empty());
}
