#include <catch2/catch.hpp>

#include "domain_match.hpp"

using namespace casview;

TEST_CASE("a wildcard SAN covers exactly one leftmost label, as TLS does", "[domain]") {
    CHECK(sanCoversHost("*.example.com", "a.example.com"));
    CHECK(sanCoversHost("*.example.com", "api.example.com"));
    CHECK_FALSE(sanCoversHost("*.example.com", "a.b.example.com"));
    CHECK_FALSE(sanCoversHost("*.example.com", "example.com"));
    CHECK_FALSE(sanCoversHost("*.example.com", ".example.com"));
    CHECK_FALSE(sanCoversHost("*.example.com", "aexample.com"));
    CHECK_FALSE(sanCoversHost("*.example.com", "a.example.com.evil"));
    CHECK_FALSE(sanCoversHost("*.example.com", "*.example.com.cn"));
    CHECK(sanCoversHost("*.example.com", "*.example.com"));  // the wildcard itself
    CHECK_FALSE(sanCoversHost("*.com", "*.example.com"));   // a wildcard "host" only matches itself
    CHECK_FALSE(sanCoversHost("f*.example.com", "foo.example.com"));  // partial wildcards: literal
    CHECK(sanCoversHost("f*.example.com", "f*.example.com"));
    CHECK_FALSE(sanCoversHost("*", "com"));
    CHECK(sanCoversHost("api.example.com", "api.example.com"));
    CHECK_FALSE(sanCoversHost("api.example.com", "www.example.com"));
    CHECK(sanCoversHost("10.0.0.1", "10.0.0.1"));
}

TEST_CASE("names normalize: case, trailing dot, whitespace, IDN", "[domain]") {
    CHECK(normalizeHostname(" API.Example.COM. ") == "api.example.com");
    CHECK(normalizeHostname("*.Example.com") == "*.example.com");
    CHECK(normalizeHostname("Bücher.Example.") == "xn--bcher-kva.example");
    CHECK(normalizeHostname("XN--BCHER-KVA.example") == "xn--bcher-kva.example");
    CHECK(normalizeHostname("测试.中国") == "xn--0zwm56d.xn--fiqs8s");
    CHECK(normalizeHostname("") == "");
    CHECK(normalizeHostname(".") == "");
    CHECK(sanCoversHost(normalizeHostname("*.EXAMPLE.com"), normalizeHostname("Api.Example.Com.")));
    CHECK(sanCoversHost(normalizeHostname("*.xn--bcher-kva.example"), normalizeHostname("www.bücher.example")));
}

TEST_CASE("SAN lists split, trim, normalize and de-duplicate", "[domain]") {
    CHECK(splitSanList("api.example.com, www.example.com ,API.example.com") ==
          std::vector<std::string>{"api.example.com", "www.example.com"});
    CHECK(splitSanList("*.example.org,example.org,") == std::vector<std::string>{"*.example.org", "example.org"});
    CHECK(splitSanList("").empty());
    CHECK(splitSanList(" , ,").empty());
}

TEST_CASE("coverage of a whole name set, and the wildcard that would cover a host", "[domain]") {
    using Names = std::vector<std::string_view>;
    CHECK(sansCoverAll(Names{"*.example.com", "example.com"}, Names{"www.example.com", "example.com"}));
    CHECK(sansCoverAll(Names{"*.example.com"}, Names{"www.example.com", "api.example.com"}));
    CHECK_FALSE(sansCoverAll(Names{"*.example.com"}, Names{"www.example.com", "example.com"}));
    CHECK_FALSE(sansCoverAll(Names{"www.example.com", "api.example.com"}, Names{"*.example.com"}));
    CHECK(sansCoverAll(Names{"*.example.com"}, Names{"*.example.com"}));
    CHECK(sansCoverAll(Names{"a.example.com"}, Names{}));
    CHECK(coveringWildcard("a.example.com") == "*.example.com");
    CHECK(coveringWildcard("a.b.example.com") == "*.b.example.com");
    CHECK(coveringWildcard("example.com") == "*.com");
    CHECK(coveringWildcard("localhost") == "");
    CHECK(coveringWildcard("*.example.com") == "");
    CHECK(coveringWildcard("") == "");
}
