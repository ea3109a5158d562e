#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>

#include "sorting.hpp"

using namespace casview;

TEST_CASE("integer keys sort like a stable sort, missing last, either direction", "[sorting]") {
    std::mt19937_64 random(7);
    for (const size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{17}, size_t{1000}}) {
        std::vector<int64_t> keys(n);
        std::vector<uint8_t> present(n);
        for (size_t i = 0; i < n; ++i) {
            // Few distinct values (ties), both signs, the extremes.
            const int64_t pool[] = {INT64_MIN, -5, -1, 0, 1, 3, 1'700'000'000'000, INT64_MAX};
            keys[i] = pool[random() % 8];
            present[i] = random() % 5 != 0;
        }
        for (const bool descending : {false, true}) {
            std::vector<uint32_t> expected(n);
            std::iota(expected.begin(), expected.end(), 0u);
            std::stable_sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) {
                if (present[a] != present[b]) return present[a] > present[b];
                if (!present[a]) return false;
                return descending ? keys[a] > keys[b] : keys[a] < keys[b];
            });
            CHECK(sortIndicesByKey(keys, present, descending) == expected);
        }
    }
}

TEST_CASE("the merge sort is stable and agrees with std::stable_sort", "[sorting]") {
    std::mt19937 random(11);
    for (const size_t n : {size_t{0}, size_t{1}, size_t{15}, size_t{16}, size_t{17}, size_t{33}, size_t{1000}, size_t{4099}}) {
        std::vector<int> values(n);
        for (int& v : values) v = static_cast<int>(random() % 50);
        std::vector<uint32_t> items(n), expected(n);
        std::iota(items.begin(), items.end(), 0u);
        std::iota(expected.begin(), expected.end(), 0u);
        std::stable_sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) { return values[a] < values[b]; });
        stableSort(items, [](const void* context, uint32_t a, uint32_t b) {
            const auto& v = *static_cast<const std::vector<int>*>(context);
            return v[a] < v[b];
        }, &values);
        CHECK(items == expected);
    }
    std::vector<std::pair<int, int>> pairs = {{3, 0}, {1, 1}, {3, 2}, {2, 3}, {1, 4}};
    insertionSort(pairs.data(), pairs.data() + pairs.size(), [](const auto& a, const auto& b) { return a.first < b.first; });
    CHECK(pairs == std::vector<std::pair<int, int>>{{1, 1}, {1, 4}, {2, 3}, {3, 0}, {3, 2}});
}
