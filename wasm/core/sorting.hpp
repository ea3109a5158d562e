// casview: the core's sorts, few and small in the WASM module.
//
// std::sort is instantiated once per comparator type (several KB of WASM each); these are
// instantiated once: a radix sort for integer keys (the default expiry order of 100,000 rows)
// and a merge sort of indices whose comparator is a function pointer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace casview {

/// Indices 0..n−1 in stable order of their keys (ascending, or descending), those without a
/// key (present[i] == 0) last, in index order: ties keep index order.
std::vector<uint32_t> sortIndicesByKey(const std::vector<int64_t>& keys, const std::vector<uint8_t>& present, bool descending);

/// Whether item a goes before item b (a strict weak order) for the context.
using IndexLess = bool (*)(const void* context, uint32_t a, uint32_t b);

/// Sorts items stably (a merge sort).
void stableSort(std::vector<uint32_t>& items, IndexLess less, const void* context);

/// Sorts a small array in place, stably (an insertion sort: for a handful of items).
template <class T, class Less>
void insertionSort(T* begin, T* end, Less less) {
    for (T* i = begin; i != end && i + 1 != end; ++i) {
        T item = static_cast<T&&>(i[1]);
        T* j = i + 1;
        for (; j != begin && less(item, j[-1]); --j) *j = static_cast<T&&>(j[-1]);
        *j = static_cast<T&&>(item);
    }
}

}  // namespace casview
