#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include "id_map.hpp"

using namespace casview;

TEST_CASE("IdMap behaves as a map from ids, in id order", "[id_map]") {
    IdMap<uint64_t, std::string> map;
    std::map<uint64_t, std::string> truth;
    std::mt19937_64 random(7);
    uint64_t next = 1;
    for (int step = 0; step < 20000; ++step) {
        const uint64_t pick = random() % 10;
        if (pick < 5) {  // mostly a new, larger id (as handed out), sometimes any id
            const uint64_t id = pick < 4 ? next++ : random() % (next + 5);
            const bool fresh = truth.emplace(id, std::to_string(id)).second;
            const auto [at, inserted] = map.emplace(id, std::to_string(id));
            REQUIRE(inserted == fresh);
            REQUIRE(at->first == id);
        } else if (pick < 8) {
            const uint64_t id = random() % (next + 5);
            REQUIRE(map.erase(id) == truth.erase(id));
        } else {
            const uint64_t id = random() % (next + 5);
            const auto found = map.find(id);
            REQUIRE((found != map.end()) == (truth.count(id) == 1));
            if (found != map.end()) REQUIRE(found->second == truth[id]);
            REQUIRE(map.count(id) == truth.count(id));
        }
        REQUIRE(map.size() == truth.size());
    }
    // Iteration is in id order; erase(iterator) gives the next one.
    auto expected = truth.begin();
    for (auto it = map.begin(); it != map.end();) {
        REQUIRE(it->first == expected->first);
        ++expected;
        it = it->first % 2 == 0 ? map.erase(it) : it + 1;
    }
    for (const auto& [id, value] : map) CHECK(id % 2 == 1);
    map.clear();
    CHECK(map.empty());
}
