// Section numbers (§N) in test names refer to docs/alibaba-api.md.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "response_parser.hpp"
#include "utf8.hpp"
#include "test_data.hpp"

using namespace casview;
using casview::test::readTestFile;
using casview::test::readTestJson;

namespace {

CertificateOrderPage parsePage(const std::string& fixture, int status = 200) {
    auto outcome = parseListUserCertificateOrderResponse(status, readTestFile(fixture));
    if (!outcome) FAIL(fixture << ": " << outcome.error().code << ": " << outcome.error().message);
    return std::move(outcome).value();
}

}  // namespace

TEST_CASE("the doc's sample (§3.4) gives every one of the 36 fields, typed", "[response]") {
    const CertificateOrderPage page = parsePage("fixtures/pages/doc-sample.json");
    CHECK(page.requestId == "15C66C7B-671A-4297-9187-2C4477247A74");
    CHECK(page.totalCount == 1);
    CHECK(page.currentPage == 1);
    CHECK(page.showSize == 10);
    REQUIRE(page.rows.size() == 1);
    const CertificateRow& row = page.rows[0];
    CHECK(row.algorithm() == "RSA");
    CHECK(row.aliyunOrderId() == 234567);
    CHECK(row.buyDate() == 1634283958000);
    CHECK(row.certEndTime() == 1665819958000);
    CHECK(row.certStartTime() == 1665819958000);
    CHECK(row.certType() == "FREE");
    CHECK(row.domain() == "aliyundoc.com");
    CHECK(row.domainCount() == 1);
    CHECK(row.domainType() == "ONE");
    CHECK(row.orderId() == 2345687);
    CHECK(row.partnerOrderId() == "ca-123456");
    CHECK(row.productCode() == "bykj123456");
    CHECK(row.productName() == "CFCA");
    CHECK(row.rootBrand() == "CFCA");
    CHECK(row.sourceType() == "buy");
    CHECK(row.status() == "PAYED");
    CHECK(row.trusteeStatus() == "unTrustee");
    CHECK(row.wildDomainCount() == 0);
    CHECK(row.certificateId() == 896521);
    CHECK(row.name() == "cert-name");
    CHECK(row.commonName() == "aliyun.com");
    CHECK(row.fingerprint() == "CC6B3696E7C7CA715BD26E28E45FF3E3DF435C03");
    CHECK(row.sha2() == "56B4DED2243A81DD909D7C39824FFE4DDBD87F91BFA46CD333FF212FE0E7CB11");
    CHECK(row.serialNo() == "040a6e493cffdda6d744acf99b6576cf");
    CHECK(row.issuer() == "MyIssuer");
    CHECK(row.orgName() == "Alibaba Cloud");
    CHECK(row.province() == "Zhejiang");
    CHECK(row.city() == "Hangzhou");  // "Hangzhou\n" as sent: trimmed
    CHECK(row.country() == "CN");
    CHECK(row.sans() == "aliyun.com");
    CHECK(row.expired() == true);
    CHECK(row.upload() == false);
    CHECK(row.startDate() == "2021-11-16");
    CHECK(row.endDate() == "2022-11-17");
    CHECK(row.resourceGroupId() == "rg-ae******4wia");
    CHECK(row.instanceId() == "cas-instanceId");

    // The raw row is the object as sent, so the details view can show it all.
    CHECK(row.rawJson().substr(0, 1) == "{");
    CHECK(row.rawJson().find("\"City\": \"Hangzhou\\n\"") != std::string_view::npos);
    const auto raw = rawFields(row);
    REQUIRE(raw.size() == 36);
    for (size_t i = 0; i < raw.size(); ++i) CHECK(raw[i].name == kRowFields[i].name);
    CHECK(raw[27].json == "\"Hangzhou\\n\"");
    CHECK(raw[1].json == "234567");
    CHECK(raw[30].json == "true");
}

TEST_CASE("certificate rows: ids beyond 2^53 stay exact, Unicode and hostile names stay text", "[response]") {
    const CertificateOrderPage page = parsePage("fixtures/pages/certificates.json");
    REQUIRE(page.rows.size() == 3);
    CHECK(page.rows[0].certificateId() == 12345678);
    CHECK(page.rows[0].sans() == "www.example.com,example.com");
    CHECK(page.rows[0].orgName() == "");  // present but empty
    CHECK(page.rows[1].certificateId() == 9007199254740993);  // 2^53 + 1
    CHECK(page.rows[1].name() == "证书-生产环境 🚀");
    CHECK(page.rows[1].upload() == true);
    CHECK(page.rows[2].certificateId() == 9223372036854775807);
    CHECK(page.rows[2].name() == "<img src=x onerror=alert(1)>");
    CHECK_FALSE(page.rows[2].orgName().has_value());
    CHECK_FALSE(page.rows[2].orderId().has_value());
}

TEST_CASE("order rows (CPACK/BUY)", "[response]") {
    const CertificateOrderPage page = parsePage("fixtures/pages/orders.json");
    REQUIRE(page.rows.size() == 3);
    const CertificateRow& paid = page.rows[0];
    CHECK(paid.orderId() == 1000000807);
    CHECK(paid.status() == "PAYED");
    CHECK_FALSE(paid.certEndTime().has_value());
    CHECK(paid.partnerOrderId() == "");
    const CertificateRow& issued = page.rows[1];
    CHECK(issued.orderId() == 98987582437920968);  // the doc's own example of an id beyond 2^53
    CHECK(issued.certEndTime() == 1735689599000);
    CHECK(issued.domain() == "*.example.net,www.example.net,api.example.net");
    CHECK(issued.wildDomainCount() == 1);
    CHECK(page.rows[2].orderId() == 9223372036854775806);
    CHECK_FALSE(issued.certificateId().has_value());
}

TEST_CASE("the 100-row pages parse completely", "[response]") {
    const CertificateOrderPage certs = parsePage("fixtures/pages/certificates-100.json");
    CHECK(certs.rows.size() == 100);
    CHECK(certs.totalCount == 100);
    for (const CertificateRow& row : certs.rows) {
        CHECK(row.certificateId().has_value());
        CHECK(row.endDate().has_value());
    }
    const CertificateOrderPage orders = parsePage("fixtures/pages/orders-100.json");
    CHECK(orders.rows.size() == 100);
    for (const CertificateRow& row : orders.rows) CHECK(row.orderId().has_value());
    // Ids beyond 2^53 as the emulator writes them.
    CHECK(orders.rows[1].orderId() == 98987582438728252);
}

TEST_CASE("empty, absent and null lists; a page past the last one", "[response]") {
    for (const char* fixture : {"fixtures/pages/empty-list.json", "fixtures/pages/absent-list.json",
                                "fixtures/pages/null-list.json", "fixtures/pages/past-last-page.json"}) {
        INFO(fixture);
        const CertificateOrderPage page = parsePage(fixture);
        CHECK(page.rows.empty());
        CHECK(page.requestId.has_value());
    }
    CHECK(parsePage("fixtures/pages/past-last-page.json").totalCount == 120);
}

TEST_CASE("numbers and booleans sent as strings, padded strings", "[response]") {
    const CertificateOrderPage page = parsePage("fixtures/pages/stringly-typed.json");
    CHECK(page.requestId == "5A5A5A5A-0000-4000-8000-000000000005");
    CHECK(page.totalCount == 2);
    CHECK(page.currentPage == 1);
    CHECK(page.showSize == 50);
    REQUIRE(page.rows.size() == 2);
    const CertificateRow& cert = page.rows[0];
    CHECK(cert.certificateId() == 9007199254740993);
    CHECK(cert.expired() == false);
    CHECK(cert.upload() == true);
    CHECK(cert.startDate() == "2024-01-01");
    CHECK(cert.endDate() == "2024-12-31");
    CHECK(cert.name() == "spaced name");
    CHECK(cert.commonName() == "api.example.com");
    CHECK(cert.sans() == "api.example.com, www.example.com ,api.example.com");
    const CertificateRow& order = page.rows[1];
    CHECK(order.orderId() == 98987582437920968);
    CHECK(order.buyDate() == 1634283958000);
    CHECK(order.certEndTime() == 1665819958000);
    CHECK(order.certStartTime() == 1665819958000);
    CHECK(order.domainCount() == 2);
    CHECK(order.wildDomainCount() == 0);
    CHECK(order.aliyunOrderId() == 234567);
    CHECK(order.expired() == true);
    CHECK(order.upload() == false);
}

TEST_CASE("null fields are absent, wrong types read as absent, unknown members are kept raw", "[response]") {
    const CertificateOrderPage nulls = parsePage("fixtures/pages/null-fields.json");
    CHECK_FALSE(nulls.requestId.has_value());
    CHECK_FALSE(nulls.currentPage.has_value());
    REQUIRE(nulls.rows.size() == 1);
    for (const RowFieldInfo& field : kRowFields) {
        INFO(field.name);
        switch (field.type) {
            case FieldType::Text: CHECK_FALSE(nulls.rows[0].text(static_cast<TextField>(field.index))); break;
            case FieldType::Integer: CHECK_FALSE(nulls.rows[0].integer(static_cast<IntegerField>(field.index))); break;
            case FieldType::Flag: CHECK_FALSE(nulls.rows[0].flag(static_cast<FlagField>(field.index))); break;
        }
    }

    const CertificateOrderPage wrong = parsePage("fixtures/pages/wrong-types.json", 0);
    CHECK_FALSE(wrong.requestId.has_value());
    CHECK_FALSE(wrong.totalCount.has_value());
    CHECK_FALSE(wrong.currentPage.has_value());
    CHECK_FALSE(wrong.showSize.has_value());  // 1.5
    REQUIRE(wrong.rows.size() == 1);
    const CertificateRow& row = wrong.rows[0];
    CHECK_FALSE(row.certificateId().has_value());  // 12.5
    CHECK_FALSE(row.orderId().has_value());
    CHECK_FALSE(row.buyDate().has_value());
    CHECK_FALSE(row.certEndTime().has_value());     // "soon"
    CHECK_FALSE(row.domainCount().has_value());     // true
    CHECK_FALSE(row.name().has_value());            // an object
    CHECK_FALSE(row.commonName().has_value());      // an array
    CHECK(row.sans() == "12345");                   // a number reads as its text
    CHECK_FALSE(row.expired().has_value());         // "maybe"
    CHECK_FALSE(row.upload().has_value());          // 2
    CHECK(row.issuer() == "false");
    CHECK(row.instanceId() == "-7");

    const CertificateOrderPage unknown = parsePage("fixtures/pages/unknown-fields.json");
    REQUIRE(unknown.rows.size() == 1);
    CHECK(unknown.rows[0].certificateId() == 77);
    CHECK(unknown.rows[0].name() == "tagged");
    const auto raw = rawFields(unknown.rows[0]);
    REQUIRE(raw.size() == 6);
    CHECK(raw[1].name == "NewField");
    CHECK(raw[2].json == R"([{"Key":"env","Value":"prod"}])");
    CHECK(raw[4].json == R"({"a":{"b":{"c":[]}}})");
}

TEST_CASE("integers beyond int64 or with a fraction are absent, exact ones in any notation read", "[response]") {
    const CertificateOrderPage page = parsePage("fixtures/pages/huge-numbers.json");
    CHECK(page.totalCount == 100);
    CHECK(page.currentPage == 1);
    CHECK(page.showSize == 50);
    REQUIRE(page.rows.size() == 2);
    const CertificateRow& a = page.rows[0];
    CHECK(a.certificateId() == INT64_MAX);
    CHECK(a.orderId() == INT64_MIN);
    CHECK_FALSE(a.aliyunOrderId().has_value());  // 2^63
    CHECK_FALSE(a.buyDate().has_value());        // 1e400
    CHECK_FALSE(a.certEndTime().has_value());    // 30 digits
    CHECK(a.certStartTime() == 0);               // -0
    CHECK(a.domainCount() == 0);
    CHECK_FALSE(a.wildDomainCount().has_value());  // −2^63 − 1
    const CertificateRow& b = page.rows[1];
    CHECK(b.certificateId() == 98987582437920968);
    CHECK(b.orderId() == 9007199254740993);
    CHECK(b.aliyunOrderId() == 9007199254740993);  // 900719925474099.3e1
    CHECK_FALSE(b.buyDate().has_value());          // 1.0000000000000000000001
    CHECK(b.certEndTime() == 1735689599000);       // 17356895990000000000e-7
    CHECK(b.domainCount() == 1);
}

TEST_CASE("parseJsonInteger is exact", "[response]") {
    CHECK(parseJsonInteger("0") == 0);
    CHECK(parseJsonInteger("-0") == 0);
    CHECK(parseJsonInteger("+42") == 42);
    CHECK(parseJsonInteger("9007199254740993") == 9007199254740993);
    CHECK(parseJsonInteger("9223372036854775807") == INT64_MAX);
    CHECK(parseJsonInteger("-9223372036854775808") == INT64_MIN);
    CHECK(parseJsonInteger("0009") == 9);
    CHECK(parseJsonInteger("1e18") == 1000000000000000000);
    CHECK(parseJsonInteger("9.223372036854775807e18") == INT64_MAX);
    CHECK(parseJsonInteger("1500e-2") == 15);
    CHECK(parseJsonInteger("0.0e99999999999999") == 0);
    for (const char* bad : {"", "-", "+", "1.", ".5", "1e", "1.5", "15e-1x", "9223372036854775808",
                            "-9223372036854775809", "1e19", "1e999999999999", "abc", " 1", "1 ", "0x10",
                            "1.0000000000000000000001", "NaN"}) {
        INFO(bad);
        CHECK_FALSE(parseJsonInteger(bad).has_value());
    }
}

TEST_CASE("byte order mark, escapes, duplicate members, ill-formed UTF-8", "[response]") {
    const CertificateOrderPage bom = parsePage("fixtures/pages/bom.json");
    REQUIRE(bom.rows.size() == 1);
    CHECK(bom.rows[0].name() == "bom");

    const CertificateOrderPage escapes = parsePage("fixtures/pages/escapes.json");
    CHECK(escapes.requestId == "ESC-0000");
    REQUIRE(escapes.rows.size() == 1);
    const CertificateRow& row = escapes.rows[0];
    CHECK(row.certificateId() == 42);  // "\u0043ertificateId"
    CHECK(row.name() == "quote \" backslash \\ slash / tab\t nl");
    CHECK(row.commonName() == "bücher.example");
    CHECK(row.issuer() == "emoji 🚀 end");
    CHECK(row.orgName() == "证书");
    CHECK(row.city() == "lone \xEF\xBF\xBD surrogate");
    CHECK(row.country() == "CN");

    const CertificateOrderPage dup = parsePage("fixtures/pages/duplicate-keys.json");
    CHECK(dup.requestId == "D0000000-0000-4000-8000-000000000009");
    REQUIRE(dup.rows.size() == 1);
    CHECK(dup.rows[0].name() == "new");
    CHECK(dup.rows[0].certificateId() == 2);
    CHECK_FALSE(dup.rows[0].expired().has_value());

    const CertificateOrderPage utf8 = parsePage("fixtures/hostile/invalid-utf8.bin");
    REQUIRE(utf8.rows.size() == 1);
    CHECK(utf8.rows[0].name() == "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD end");
    CHECK(utf8.rows[0].city() == "oké");
}

TEST_CASE("every gateway error code becomes a classified, redacted CasError", "[response][error]") {
    const nlohmann::json expected = readTestJson("fixtures/errors/expected.json");
    REQUIRE(expected.size() >= 25);
    for (const auto& [stem, want] : expected.items()) {
        INFO(stem);
        const int status = want["status"].get<int>();
        const auto outcome = parseListUserCertificateOrderResponse(status, readTestFile("fixtures/errors/" + stem + ".json"));
        REQUIRE_FALSE(outcome.ok());
        const CasError& e = outcome.error();
        CHECK(e.code == want["code"].get<std::string>());
        CHECK(e.message == want["message"].get<std::string>());
        CHECK(e.requestId == want["requestId"].get<std::string>());
        CHECK(e.hostId == want["hostId"].get<std::string>());
        CHECK(e.recommend == want["recommend"].get<std::string>());
        CHECK(e.httpStatus == status);
        CHECK(e.retryable == want["retryable"].get<bool>());
        CHECK(e.message.find("ExampleKey1") == std::string::npos);
        CHECK(e.message.find("tokenExample") == std::string::npos);
    }
}

TEST_CASE("hostile bodies become MalformedResponse (or the status's error), never a page", "[response][error]") {
    const nlohmann::json cases = readTestJson("fixtures/hostile/expected.json");
    REQUIRE(cases.size() >= 25);
    for (const auto& want : cases) {
        const std::string file = want["file"].get<std::string>();
        const int status = want["status"].get<int>();
        INFO(file << " at HTTP " << status);
        const auto outcome = parseListUserCertificateOrderResponse(status, readTestFile("fixtures/" + file));
        REQUIRE_FALSE(outcome.ok());
        CHECK(outcome.error().code == want["code"].get<std::string>());
        CHECK(outcome.error().message == want["message"].get<std::string>());
        CHECK(outcome.error().retryable == want["retryable"].get<bool>());
        CHECK(outcome.error().httpStatus == status);
        if (want.contains("requestId")) CHECK(outcome.error().requestId == want["requestId"].get<std::string>());
        CHECK(outcome.error().message.find("ExampleKey1") == std::string::npos);
    }
}

TEST_CASE("every prefix of a page is cut short, never a page", "[response][error]") {
    const std::string body = readTestFile("fixtures/pages/certificates.json");
    const std::string trimmed = body.substr(0, body.find_last_not_of(" \n") + 1);
    for (size_t length = 1; length < trimmed.size(); ++length) {
        INFO(length);
        const auto outcome = parseListUserCertificateOrderResponse(200, trimmed.substr(0, length));
        REQUIRE_FALSE(outcome.ok());
        CHECK(outcome.error().code == "MalformedResponse");
        const bool endsInNumber = trimmed[length - 1] >= '0' && trimmed[length - 1] <= '9';
        if (!endsInNumber) CHECK(outcome.error().retryable);
    }
}

TEST_CASE("a key id made to look masked is masked anyway (found by the fuzzer)", "[response][error][redaction]") {
    const auto outcome =
        parseListUserCertificateOrderResponse(503, readTestFile("fixtures/hostile/fuzz-masked-looking-key.json"));
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().message.find("\"RequestId\\\":\\\"AccessKeyId=LTAI****\\\"") != std::string::npos);
    CHECK(outcome.error().message.find("LTAI5A1B2C3D4") == std::string::npos);
}

TEST_CASE("masking a key id never cuts a character in two (found by the fuzzer)", "[response][error][redaction]") {
    const auto outcome =
        parseListUserCertificateOrderResponse(400, readTestFile("fixtures/hostile/fuzz-key-id-cut-in-a-character.json"));
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().code == "IncompleteSignature");
    // The mutated echo lost a %26: the value runs from "LT" + two U+FFFD to the next %26.
    CHECK(outcome.error().message.find("is:POST&%2F&AccessKeyId%3DLT****%26Format%3DJSON%26") != std::string::npos);
    CHECK(utf8::isValid(outcome.error().message));
}

TEST_CASE("ids copied into a MalformedResponse are bounded without cutting a character", "[response][error]") {
    std::string requestId(127, 'r');
    requestId += "证";  // bytes 127..129: cut at 128 it would be half a character
    const auto outcome = parseListUserCertificateOrderResponse(200, "{\"RequestId\":\"" + requestId + "\"}");
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().requestId == std::string(127, 'r'));
}

TEST_CASE("findRowField knows exactly the 36 documented names", "[response]") {
    // The reference's names, written out here rather than taken from kRowFields.
    const std::vector<std::string> documented = {
        "Algorithm", "AliyunOrderId", "BuyDate", "CertEndTime", "CertStartTime", "CertType", "Domain", "DomainCount",
        "DomainType", "OrderId", "PartnerOrderId", "ProductCode", "ProductName", "RootBrand", "SourceType", "Status",
        "TrusteeStatus", "WildDomainCount", "CertificateId", "Name", "CommonName", "Fingerprint", "Sha2", "SerialNo",
        "Issuer", "OrgName", "Province", "City", "Country", "Sans", "Expired", "Upload", "StartDate", "EndDate",
        "ResourceGroupId", "InstanceId"};
    REQUIRE(documented.size() == 36);
    for (const std::string& name : documented) {
        INFO(name);
        const RowFieldInfo* field = findRowField(name);
        REQUIRE(field != nullptr);
        CHECK(field->name == name);
        // Near misses are not documented names.
        std::string lower = name;
        lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
        CHECK(findRowField(lower) == nullptr);
        CHECK(findRowField(name + "s") == nullptr);
        CHECK(findRowField(name.substr(0, name.size() - 1)) == nullptr);
        CHECK(findRowField(" " + name) == nullptr);
    }
    for (const char* other : {"", "a", "RequestId", "TotalCount", "Code", "Message", "CertificateOrderList", "Sha1"}) {
        CHECK(findRowField(other) == nullptr);
    }
}
