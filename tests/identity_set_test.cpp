#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <utility>

#include "identity_set.hpp"

using namespace casview;

TEST_CASE("IdentitySet agrees with std::set, certificates and orders apart", "[identity_set]") {
    IdentitySet set;
    std::set<std::pair<bool, int64_t>> truth;
    std::mt19937_64 random(20200407);
    const int64_t extremes[] = {0, 1, -1, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                                int64_t{1} << 62, -(int64_t{1} << 62)};
    for (int round = 0; round < 200000; ++round) {
        const bool isOrder = (random() & 1) != 0;
        // Mostly a small range (many repeats), sometimes anything, sometimes an extreme.
        const uint64_t pick = random() % 10;
        const int64_t id = pick < 7 ? static_cast<int64_t>(random() % 50000)
                           : pick < 9 ? static_cast<int64_t>(random())
                                      : extremes[random() % (sizeof extremes / sizeof extremes[0])];
        const bool isNew = truth.insert({isOrder, id}).second;
        REQUIRE(set.insert(RowIdentity{isOrder, id}) == isNew);
    }
    CHECK(set.size() == truth.size());
    // The same id as a certificate and as an order are two identities.
    IdentitySet two;
    CHECK(two.insert(RowIdentity{false, 7}));
    CHECK(two.insert(RowIdentity{true, 7}));
    CHECK_FALSE(two.insert(RowIdentity{true, 7}));
    two.reserve(1000);
    CHECK_FALSE(two.insert(RowIdentity{false, 7}));
    CHECK(two.size() == 2);
}
