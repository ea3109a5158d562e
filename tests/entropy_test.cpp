#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <unordered_set>

#include "entropy.hpp"

using namespace casview;

namespace {

// A deterministic source: byte i of the stream is (seed + i) mod 256.
class CountingRandom final : public RandomSource {
public:
    explicit CountingRandom(uint8_t seed) : next_(seed) {}
    void fill(uint8_t* out, size_t size) override {
        for (size_t i = 0; i < size; ++i) out[i] = next_++;
    }

private:
    uint8_t next_;
};

}  // namespace

TEST_CASE("nonce is a version-4 UUID built from the injected source", "[nonce]") {
    CountingRandom random(0);
    // bytes 00..0f with the version nibble (byte 6) and the variant bits (byte 8) forced.
    CHECK(makeNonce(random) == "00010203-0405-4607-8809-0a0b0c0d0e0f");
    CountingRandom high(0xF0);
    CHECK(makeNonce(high) == "f0f1f2f3-f4f5-46f7-b8f9-fafbfcfdfeff");
}

TEST_CASE("system nonces: UUID v4 shape and no repeat in 100,000 draws", "[nonce]") {
    SystemRandom random;
    const std::regex uuidV4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::unordered_set<std::string> seen;
    seen.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        std::string nonce = makeNonce(random);
        if (i < 1000) REQUIRE(std::regex_match(nonce, uuidV4));
        seen.insert(std::move(nonce));
    }
    CHECK(seen.size() == 100000);
}

TEST_CASE("SystemRandom fills buffers larger than one getentropy call", "[nonce]") {
    SystemRandom random;
    std::string buffer(1000, '\0');
    random.fill(reinterpret_cast<uint8_t*>(buffer.data()), buffer.size());
    // 1000 zero bytes from a working CSPRNG has probability 2^-8000.
    CHECK(buffer.find_first_not_of('\0', 744) != std::string::npos);
}

TEST_CASE("SystemClock is the wall clock in epoch milliseconds", "[clock]") {
    SystemClock clock;
    const int64_t now = clock.nowMs();
    CHECK(now > 1704067200000);  // after 2024-01-01: a clock in seconds or a monotonic one fails
    CHECK(now < 4102444800000);  // before 2100-01-01
    CHECK(clock.nowMs() >= now);
}
