#include <catch2/catch.hpp>

#include "case_fold.hpp"

using namespace casview;

TEST_CASE("foldCase: simple case folding across scripts", "[fold]") {
    struct Pair {
        char32_t from, to;
    };
    for (const Pair p : {Pair{U'A', U'a'}, Pair{U'z', U'z'}, Pair{0xC9, 0xE9} /* É */, Pair{0xDE, 0xFE},
                         Pair{0xB5, 0x3BC} /* µ → μ */, Pair{0x178, 0xFF} /* Ÿ */, Pair{0x17F, U's'} /* ſ */,
                         Pair{0x3A3, 0x3C3} /* Σ */, Pair{0x3C2, 0x3C3} /* final ς */, Pair{0x3D0, 0x3B2},
                         Pair{0x416, 0x436} /* Ж */, Pair{0x401, 0x451} /* Ё */, Pair{0x531, 0x561} /* Ա */,
                         Pair{0x10A0, 0x2D00} /* Georgian */, Pair{0x1C90, 0x10D0} /* Mtavruli */,
                         Pair{0xAB70, 0x13A0} /* Cherokee folds to upper */, Pair{0x1E9E, 0xDF} /* ẞ → ß */,
                         Pair{0x1F88, 0x1F80}, Pair{0x212A, U'k'} /* Kelvin */, Pair{0x212B, 0xE5} /* Ångström */,
                         Pair{0xFF21, 0xFF41} /* Ａ */, Pair{0x10400, 0x10428} /* Deseret */,
                         Pair{0x1E900, 0x1E922} /* Adlam */, Pair{0x130, 0x130} /* İ: no simple folding */,
                         Pair{0xDF, 0xDF} /* ß */, Pair{0x8BC1, 0x8BC1} /* 证 */, Pair{0x1F680, 0x1F680}}) {
        INFO(std::hex << static_cast<uint32_t>(p.from));
        CHECK(foldCase(p.from) == p.to);
    }
}

TEST_CASE("foldCase on UTF-8 text", "[fold]") {
    CHECK(foldCase("Example.COM") == "example.com");
    CHECK(foldCase("ÜNÏCÖDÉ Cert") == "ünïcödé cert");
    CHECK(foldCase("ΣΊΣΥΦΟΣ") == "σίσυφοσ");
    CHECK(foldCase("ПРОД-Сертификат") == "прод-сертификат");
    CHECK(foldCase("证书-生产环境 🚀") == "证书-生产环境 🚀");
    CHECK(foldCase("ＡＢＣ") == "ａｂｃ");
    CHECK(foldCase("bad\xFF") == "bad\xEF\xBF\xBD");
    CHECK(foldCase("") == "");
}
