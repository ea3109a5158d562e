#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "hashing.hpp"

using namespace casview;

TEST_CASE("hashText: equal texts hash alike, and the low bits spread", "[hashing]") {
    // Views of the same bytes at other addresses (and across the 8-byte steps) hash alike.
    const std::string a = "rg-acfm6103671aee4", b = "xx" + a;
    CHECK(hashText(a) == hashText(std::string_view(b).substr(2)));
    // Every prefix of a text (lengths 0..40) and every one-byte change lands somewhere else,
    // and 4,096 ids like a listing's spread over the 64 slots of a small table.
    std::set<uint64_t> hashes;
    const std::string text = "DigiCert Global G2 TLS RSA SHA256 2020 CA1";
    for (size_t n = 0; n <= 40; ++n) hashes.insert(hashText(std::string_view(text).substr(0, n)));
    for (size_t i = 0; i < text.size(); ++i) {
        std::string changed = text;
        changed[i] = static_cast<char>(changed[i] ^ 1);
        hashes.insert(hashText(changed));
    }
    CHECK(hashes.size() == 41 + text.size());
    std::array<size_t, 64> slots{};
    for (int id = 0; id < 4096; ++id) ++slots[hashText("cas-cn-" + std::to_string(1000 + id)) & 63];
    CHECK(*std::min_element(slots.begin(), slots.end()) > 32);  // 64 on average
    CHECK(*std::max_element(slots.begin(), slots.end()) < 100);
}

TEST_CASE("mixBits spreads sequential ids over the low bits", "[hashing]") {
    // Ids as a listing has them (consecutive, or apart by a stride): the tables take the low bits.
    for (const uint64_t stride : {uint64_t{1}, uint64_t{64}, uint64_t{1} << 32}) {
        std::array<size_t, 64> slots{};
        for (uint64_t k = 0; k < 4096; ++k) ++slots[mixBits(10000000 + k * stride) & 63];
        INFO("stride " << stride);
        CHECK(*std::min_element(slots.begin(), slots.end()) > 32);  // 64 on average
        CHECK(*std::max_element(slots.begin(), slots.end()) < 100);
    }
}
