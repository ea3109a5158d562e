// Every vector of tests/vectors/signature-vectors.json (computed by the official SDKs), checked
// stage by stage so a failure names the stage: canonicalized query, string-to-sign, signature.
#include <catch2/catch.hpp>

#include "rpc_signer.hpp"
#include "test_data.hpp"

using namespace casview;

namespace {

RpcParams paramsOf(const nlohmann::json& vector) {
    RpcParams params;
    for (const auto& [name, value] : vector.at("params").items()) {
        params[name] = value.get<std::string>();
    }
    return params;
}

HttpMethod methodOf(const nlohmann::json& vector) {
    return parseMethod(vector.at("method").get<std::string>()).value();
}

}  // namespace

TEST_CASE("signature vectors from the official SDKs, stage by stage", "[signer][vectors]") {
    const auto file = test::readTestJson("vectors/signature-vectors.json");
    const auto& vectors = file.at("vectors");
    REQUIRE(vectors.size() >= 12);  // the file holds 12; fewer means it was damaged

    for (const auto& vector : vectors) {
        const std::string id = vector.at("id").get<std::string>();
        const RpcParams params = paramsOf(vector);
        const std::string secret = vector.at("secret").get<std::string>();

        SECTION(id + ": canonicalized query") {
            CHECK(canonicalizedQuery(params) ==
                  vector.at("expectedCanonicalizedQuery").get<std::string>());
        }
        SECTION(id + ": string-to-sign from the expected canonical query") {
            CHECK(stringToSign(methodOf(vector),
                               vector.at("expectedCanonicalizedQuery").get<std::string>()) ==
                  vector.at("expectedStringToSign").get<std::string>());
        }
        SECTION(id + ": signature from the expected string-to-sign") {
            CHECK(signatureOf(secret, vector.at("expectedStringToSign").get<std::string>()) ==
                  vector.at("expectedSignature").get<std::string>());
        }
        SECTION(id + ": end to end") {
            const auto signed_ = signRpc(methodOf(vector), params, secret);
            REQUIRE(signed_.ok());
            CHECK(signed_.value().stringToSign ==
                  vector.at("expectedStringToSign").get<std::string>());
            CHECK(signed_.value().signature == vector.at("expectedSignature").get<std::string>());
        }
    }
}

TEST_CASE("the official CAS SDK's captured requests re-sign to the captured signature",
          "[signer][vectors]") {
    const auto captures = test::readTestJson("vectors/sdk-wire-captures.json");
    const std::string secret = captures.at("pinned").at("secret").get<std::string>();
    int checked = 0;
    for (const char* name : {"cas20200407_v2_rpc_signature", "cas20200407_v2_rpc_sts"}) {
        for (const auto& request : captures.at(name).at("requests")) {
            RpcParams params;
            for (const auto& [key, value] : request.at("decodedQuery").items()) {
                params[key] = value.get<std::string>();
            }
            const std::string sent = params.at("Signature");
            params.erase("Signature");
            const auto signed_ = signRpc(parseMethod(request.at("method").get<std::string>()).value(),
                                         params, secret);
            REQUIRE(signed_.ok());
            CHECK(signed_.value().signature == sent);
            CHECK(signed_.value().stringToSign ==
                  captures.at(name).at("crossCheck").at("stringToSign").get<std::string>());
            ++checked;
        }
    }
    CHECK(checked == 2);
}

TEST_CASE("the HMAC key is the secret verbatim plus '&'", "[signer]") {
    // Alibaba's long-standing known answer (C++ and Java SDK tests): secret "testsecret",
    // DescribeRegions string-to-sign.
    const std::string toSign =
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod"
        "%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion"
        "%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";
    CHECK(signatureOf("testsecret", toSign) == "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    // A secret full of characters that percent-encoding would change is still used verbatim:
    // key "S3cr3t+/=&~&" (value from Python's hmac module).
    CHECK(signatureOf("S3cr3t+/=&~", "GET&%2F&A%3Db") == "7F5bxbnqw34Jm68+hL1adWayv5I=");
}

TEST_CASE("string-to-sign uses the method, %2F and the encoded query", "[signer]") {
    CHECK(stringToSign(HttpMethod::Get, "A=1&B=x%20y") == "GET&%2F&A%3D1%26B%3Dx%2520y");
    CHECK(stringToSign(HttpMethod::Post, "") == "POST&%2F&");
}

TEST_CASE("canonicalized query sorts names by byte value", "[signer]") {
    const RpcParams params = {{"b", "2"},       {"B", "1"},        {"_", "3"},
                              {"Tag.2.Key", "x"}, {"Tag.10.Key", "y"}, {"Tag.1.Key", "z"}};
    CHECK(canonicalizedQuery(params) == "B=1&Tag.1.Key=z&Tag.10.Key=y&Tag.2.Key=x&_=3&b=2");
    CHECK(canonicalizedQuery(RpcParams{{"Keyword", ""}}) == "Keyword=");
    CHECK(canonicalizedQuery(RpcParams{}).empty());
}

TEST_CASE("methods are exact and the Signature parameter is refused", "[signer]") {
    CHECK(parseMethod("GET").value() == HttpMethod::Get);
    CHECK(parseMethod("POST").value() == HttpMethod::Post);
    const auto lower = parseMethod("get");
    REQUIRE_FALSE(lower.ok());
    CHECK(lower.error().code == "InvalidParameter");
    CHECK(lower.error().param == "method");

    const auto withSignature = signRpc(HttpMethod::Get, {{"Signature", "x"}}, "s");
    REQUIRE_FALSE(withSignature.ok());
    CHECK(withSignature.error().param == "Signature");
}

TEST_CASE("borrowed parameters in any order sign like the map", "[signer][vectors]") {
    const auto file = test::readTestJson("vectors/signature-vectors.json");
    for (const auto& vector : file.at("vectors")) {
        const RpcParams owned = paramsOf(vector);
        std::vector<ParamView> views(owned.rbegin(), owned.rend());  // reverse order
        const auto signed_ = signRpc(methodOf(vector), views,
                                     vector.at("secret").get<std::string>());
        REQUIRE(signed_.ok());
        CHECK(signed_.value().canonicalizedQuery ==
              vector.at("expectedCanonicalizedQuery").get<std::string>());
        CHECK(signed_.value().signature == vector.at("expectedSignature").get<std::string>());
    }
}

TEST_CASE("borrowed parameters: a name given twice or a Signature is refused", "[signer]") {
    std::vector<ParamView> twice = {{"A", "1"}, {"B", "2"}, {"A", "3"}};
    const auto duplicate = signRpc(HttpMethod::Get, twice, "s");
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().param == "A");
    CHECK(duplicate.error().message == "parameter A is given twice");

    std::vector<ParamView> withSignature = {{"Signature", "x"}, {"A", "1"}};
    const auto refused = signRpc(HttpMethod::Get, withSignature, "s");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().param == "Signature");
}

TEST_CASE("appendRpcSignature writes the three stages in place, as signRpc computes them", "[signer]") {
    const std::vector<std::pair<std::string, std::string>> owned = {
        {"Version", "2020-04-07"}, {"Action", "ListUserCertificateOrder"}, {"Keyword", "*.example.com 测试 ~a+b"},
        {"AccessKeyId", "testid"}, {"Empty", ""}, {"Tag.10", "x"}, {"Tag.2", "y&z=1"}};
    for (const HttpMethod method : {HttpMethod::Get, HttpMethod::Post}) {
        std::vector<casview::ParamView> a, b;
        for (const auto& [name, value] : owned) a.emplace_back(name, value), b.emplace_back(name, value);
        const auto expected = casview::signRpc(method, a, "testsecret");
        REQUIRE(expected.ok());
        std::string out = "S";
        REQUIRE_FALSE(casview::appendRpcSignature(out, method, b, "testsecret").has_value());
        const auto& s = expected.value();
        CHECK(out == "S" + s.canonicalizedQuery + '\0' + s.stringToSign + '\0' + s.signature + '\0');
    }
    std::vector<casview::ParamView> none;
    std::string empty;
    REQUIRE_FALSE(casview::appendRpcSignature(empty, HttpMethod::Get, none, "k").has_value());
    CHECK(empty.substr(0, 10) == std::string("\0GET&%2F&\0", 10));
    std::vector<casview::ParamView> twice = {{"A", "1"}, {"A", "2"}};
    std::string untouched = "S";
    const auto error = casview::appendRpcSignature(untouched, HttpMethod::Get, twice, "k");
    REQUIRE(error.has_value());
    CHECK(error->code == "InvalidParameter");
    CHECK(untouched == "S");
}
