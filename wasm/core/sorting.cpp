#include "sorting.hpp"

#include <array>

namespace casview {

std::vector<uint32_t> sortIndicesByKey(const std::vector<int64_t>& keys, const std::vector<uint8_t>& present, bool descending) {
    const size_t n = keys.size();
    // Keys as unsigned numbers in the wanted order (the sign bit flipped; all bits for
    // descending), sorted least significant byte first: every pass is stable.
    struct Item {
        uint64_t key;
        uint32_t index;
    };
    std::vector<Item> items, scratch;
    items.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (!present[i]) continue;
        uint64_t key = static_cast<uint64_t>(keys[i]) ^ (uint64_t{1} << 63);
        if (descending) key = ~key;
        items.push_back({key, static_cast<uint32_t>(i)});
    }
    scratch.resize(items.size());
    for (unsigned shift = 0; shift < 64; shift += 8) {
        std::array<size_t, 257> start{};
        for (const Item& item : items) ++start[((item.key >> shift) & 0xFF) + 1];
        bool oneBucket = false;
        for (size_t b = 1; b <= 256; ++b) {
            if (start[b] == items.size()) oneBucket = true;
            start[b] += start[b - 1];
        }
        if (oneBucket) continue;  // every key has the same byte here
        for (const Item& item : items) scratch[start[(item.key >> shift) & 0xFF]++] = item;
        items.swap(scratch);
    }
    std::vector<uint32_t> order;
    order.reserve(n);
    for (const Item& item : items) order.push_back(item.index);
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
