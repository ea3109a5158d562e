#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "json_reader.hpp"

using namespace casview;

namespace {

bool nlohmannAccepts(const std::string& text) { return nlohmann::json::accept(text); }

}  // namespace

TEST_CASE("JsonReader accepts exactly what nlohmann/json accepts (strict mode)", "[json]") {
    const char* cases[] = {
        "{}", "[]", "0", "-0", "1.5e-3", "1E+2", "\"\"", "true", "false", "null", " \n{ \"a\" : [ 1 , 2 ] }\t",
        "{\"a\":{\"b\":{\"c\":[[],{}]}}}", "\"\\u00e9\\ud83d\\ude80\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "\xEF\xBB\xBF{}",
        "\"\xC3\xA9\xF0\x9F\x9A\x80\"", "[1,2,3]",
        // rejected
        "", " ", "{", "}", "[", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{a:1}", "{'a':1}",
        "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "tru", "nul", "truex", "[true false]",
        "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"a", "\"\t\"", "\"\x01\"", "{}{}", "{} x", "\"\xFF\"",
        "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\xEF\xBB{}",
        "[1]\x00",
    };
    for (const char* text : cases) {
        INFO(text);
        CHECK(isValidJson(text, {true}) == nlohmannAccepts(text));
    }
    const std::string withNul("[\"a\0b\"]", 7);
    CHECK_FALSE(isValidJson(withNul));
    CHECK_FALSE(nlohmannAccepts(withNul));
}

TEST_CASE("JsonReader hands out views into the input unless a string had escapes", "[json]") {
    const std::string text = R"({"plain":"abc","escaped":"a\nb","unicode":"证书"})";
    JsonReader reader(text);
    REQUIRE(reader.enterObject());
    std::string_view key, value;
    REQUIRE(reader.nextMember(key));
    CHECK(key == "plain");
    REQUIRE(reader.readString(value));
    CHECK(value == "abc");
    CHECK(reader.isInInput(value));
    REQUIRE(reader.nextMember(key));
    REQUIRE(reader.readString(value));
    CHECK(value == "a\nb");
    CHECK_FALSE(reader.isInInput(value));
    REQUIRE(reader.nextMember(key));
    REQUIRE(reader.readString(value));
    CHECK(value == "证书");
    CHECK(reader.isInInput(value));
    CHECK_FALSE(reader.nextMember(key));
    CHECK_FALSE(reader.failed());
    CHECK(reader.finish());
}

TEST_CASE("JsonReader replaces ill-formed UTF-8 and lone surrogates unless strict", "[json]") {
    const std::string text = "[\"caf\xE9!\", \"\\ud800x\", \"\\udc00\", \"\xF0\x9F\x9A\"]";
    JsonReader reader(text);
    REQUIRE(reader.enterArray());
    std::string_view value;
    std::vector<std::string> values;
    while (reader.nextElement()) {
        REQUIRE(reader.readString(value));
        values.emplace_back(value);
    }
    REQUIRE_FALSE(reader.failed());
    CHECK(values == std::vector<std::string>{"caf\xEF\xBF\xBD!", "\xEF\xBF\xBDx", "\xEF\xBF\xBD", "\xEF\xBF\xBD"});
    CHECK_FALSE(isValidJson(text, {true}));
}

TEST_CASE("JsonReader reports where and why, and whether the input was cut short", "[json]") {
    struct Case {
        const char* text;
        size_t offset;
        const char* reason;
        bool truncated;
    };
    for (const Case c : {Case{"{\"a\":1", 6, "unexpected end of input", true},
                         Case{"{\"a\":\"xy", 8, "unexpected end of input", true},
                         Case{"[tr", 3, "unexpected end of input", true},
                         Case{"[\"\\u00", 6, "unexpected end of input", true},
                         Case{"<html>", 0, "invalid value", false},
                         Case{"{\"a\" 1}", 5, "expected ':'", false},
                         Case{"[1 2]", 3, "expected ',' or ']'", false},
                         Case{"{\"a\":1 \"b\":2}", 7, "expected ',' or '}'", false},
                         Case{"[\"a\\qb\"]", 3, "invalid escape in string", false},
                         Case{"[1] [2]", 4, "unexpected characters after the JSON value", false},
                         Case{"[-x]", 2, "invalid number", false}}) {
        INFO(c.text);
        JsonReader reader(c.text);
        CHECK_FALSE((reader.skipValue() && reader.finish()));
        CHECK(reader.error().offset == c.offset);
        CHECK(std::string(reader.error().reason) == c.reason);
        CHECK(reader.error().truncated == c.truncated);
    }
}

TEST_CASE("JsonReader caps nesting at kMaxDepth without recursion", "[json]") {
    const size_t max = JsonReader::kMaxDepth;
    CHECK(isValidJson(std::string(max, '[') + std::string(max, ']')));
    const std::string tooDeep = std::string(max + 1, '[') + std::string(max + 1, ']');
    JsonReader reader(tooDeep);
    CHECK_FALSE(reader.skipValue());
    CHECK(std::string(reader.error().reason) == "nesting too deep");
    CHECK(reader.error().offset == max);
    CHECK_FALSE(isValidJson(std::string(1000000, '[')));
    CHECK_FALSE(isValidJson(std::string(1000000, '{')));
}

TEST_CASE("JsonReader reads numbers and literals as written", "[json]") {
    JsonReader reader("[ -12.50e+3 , true , false , null , 98987582437920968 ]");
    REQUIRE(reader.enterArray());
    std::string_view number;
    bool flag = false;
    REQUIRE(reader.nextElement());
    REQUIRE(reader.readNumber(number));
    CHECK(number == "-12.50e+3");
    REQUIRE(reader.nextElement());
    REQUIRE(reader.readBoolean(flag));
    CHECK(flag);
    REQUIRE(reader.nextElement());
    REQUIRE(reader.readBoolean(flag));
    CHECK_FALSE(flag);
    REQUIRE(reader.nextElement());
    REQUIRE(reader.readNull());
    REQUIRE(reader.nextElement());
    REQUIRE(reader.readNumber(number));
    CHECK(number == "98987582437920968");
    CHECK_FALSE(reader.nextElement());
    CHECK(reader.finish());
}

TEST_CASE("nextMemberValue keeps an escaped key while it skips a value with escaped keys", "[json]") {
    // Found by the fuzzer: the value's own keys used to overwrite the member's key.
    const std::string text = R"({"\u004eame":{"\u0061\u0062\u0063\u0064\u0065\u0066\u0067\u0068\u0069\u006a\u006b\u006c\u006d\u006e\u006f\u0070\u0071\u0072\u0073\u0074":1},"k\"2":[{"\u0078":"\u0079"}],"plain":"v"})";
    JsonReader reader(text);
    REQUIRE(reader.enterObject());
    std::string_view key, json, scalar;
    JsonType type;
    REQUIRE(reader.nextMemberValue(key, type, json, scalar));
    CHECK(key == "Name");
    CHECK(type == JsonType::Object);
    CHECK(json.front() == '{');
    REQUIRE(reader.nextMemberValue(key, type, json, scalar));
    CHECK(key == "k\"2");
    CHECK(type == JsonType::Array);
    REQUIRE(reader.nextMemberValue(key, type, json, scalar));
    CHECK(key == "plain");
    CHECK(scalar == "v");
    CHECK_FALSE(reader.nextMemberValue(key, type, json, scalar));
    CHECK(reader.finish());
}
