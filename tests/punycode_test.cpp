#include <catch2/catch.hpp>

#include "punycode.hpp"

using namespace casview;

TEST_CASE("Punycode round-trips RFC 3492 §7.1 and IDN examples", "[punycode]") {
    struct Vector {
        const char* unicode;
        const char* encoded;
    };
    for (const Vector v : {Vector{"bücher", "bcher-kva"}, Vector{"münchen", "mnchen-3ya"}, Vector{"ü", "tda"},
                           Vector{"例子", "fsqu00a"}, Vector{"测试", "0zwm56d"}, Vector{"中国", "fiqs8s"},
                           Vector{"他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"},
                           Vector{"3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"},
                           Vector{"Pročprostěnemluvíčesky", "Proprostnemluvesky-uyb24dma41a"},
                           Vector{"abc", "abc-"}}) {
        INFO(v.unicode);
        CHECK(punycodeEncode(v.unicode) == v.encoded);
        CHECK(punycodeDecode(v.encoded) == v.unicode);
    }
    CHECK(punycodeDecode("EGBPDAJ6BU4BXFGEHFVWXN").has_value());  // digits are case-insensitive
}

TEST_CASE("Punycode refuses what is not Punycode", "[punycode]") {
    for (const char* bad : {"bcher-kv!", "99999999999999", "zzzzzzzzzzzzz", "b\xC3\xBC-kva", "kva-", "a-9"}) {
        INFO(bad);
        const auto decoded = punycodeDecode(bad);
        if (decoded) CHECK(punycodeEncode(*decoded).has_value());  // whatever decodes is a real label
    }
    CHECK_FALSE(punycodeDecode("bcher-kv!").has_value());
    CHECK_FALSE(punycodeDecode("99999999999999").has_value());
    CHECK_FALSE(punycodeEncode("bad\xFF").has_value());
}

TEST_CASE("hostnames convert label by label", "[punycode]") {
    CHECK(hostnameToAscii("测试.中国") == "xn--0zwm56d.xn--fiqs8s");
    CHECK(hostnameToAscii("www.bücher.example") == "www.xn--bcher-kva.example");
    CHECK(hostnameToAscii("plain.example.com") == "plain.example.com");
    CHECK(hostnameToUnicode("xn--fsqu00a.xn--55qx5d") == "例子.公司");
    // Basic code points keep their case (RFC 3492 §5 "mixed-case annotation"); callers fold first.
    CHECK(hostnameToUnicode("WWW.XN--BCHER-KVA.example") == "WWW.BüCHER.example");
    CHECK(hostnameToUnicode("xn--!!.example") == "xn--!!.example");  // kept when it does not decode
    CHECK(hostnameToUnicode("") == "");
    CHECK(hostnameToUnicode("a..b.") == "a..b.");
}
