#include "sorting.hpp"

#include <array>

namespace casview {

std::vector<uint32_t> sortIndicesByKey(const std::vector<int64_t>& keys, const std::vector<uint8_t>& present, bool descending) {
    const size_t n = keys.size();
    // Keys as unsigned numbers in the wanted order (the sign bit flipped; all bits for
    // descending), sorted least significant byte first: every pass is stable. Only indices
    // move (4 bytes each): the first query of a 100,000-row inventory needs little memory.
    const auto keyOf = [&](uint32_t i) {
        const uint64_t key = static_cast<uint64_t>(keys[i]) ^ (uint64_t{1} << 63);
        return descending ? ~key : key;
    };
    std::vector<uint32_t> order, scratch;
    order.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (present[i]) order.push_back(static_cast<uint32_t>(i));
    }
    const size_t sorted = order.size();
    scratch.resize(sorted);
    for (unsigned shift = 0; shift < 64; shift += 8) {
        std::array<size_t, 257> start{};
        for (size_t k = 0; k < sorted; ++k) ++start[((keyOf(order[k]) >> shift) & 0xFF) + 1];
        bool oneBucket = false;
        for (size_t b = 1; b <= 256; ++b) {
            if (start[b] == sorted) oneBucket = true;
            start[b] += start[b - 1];
        }
        if (oneBucket) continue;  // every key has the same byte here
        for (size_t k = 0; k < sorted; ++k) scratch[start[(keyOf(order[k]) >> shift) & 0xFF]++] = order[k];
        order.swap(scratch);
    }
    scratch = {};
    for (size_t i = 0; i < n; ++i) {
        if (!present[i]) order.push_back(static_cast<uint32_t>(i));
    }
    return order;
}

void stableSort(std::vector<uint32_t>& items, IndexLess less, const void* context) {
    const size_t n = items.size();
    const auto before = [&](uint32_t a, uint32_t b) { return less(context, a, b); };
    constexpr size_t kRun = 16;
    for (size_t start = 0; start < n; start += kRun) {
        uint32_t* const begin = items.data() + start;
        insertionSort(begin, begin + (n - start < kRun ? n - start : kRun), before);
    }
    std::vector<uint32_t> buffer(n);
    for (size_t width = kRun; width < n; width *= 2) {
        for (size_t left = 0; left < n; left += 2 * width) {
            const size_t mid = left + width < n ? left + width : n;
            const size_t right = left + 2 * width < n ? left + 2 * width : n;
            size_t a = left, b = mid, out = left;
            while (a < mid && b < right) buffer[out++] = before(items[b], items[a]) ? items[b++] : items[a++];
            while (a < mid) buffer[out++] = items[a++];
            while (b < right) buffer[out++] = items[b++];
        }
        items.swap(buffer);
    }
}

}  // namespace casview
