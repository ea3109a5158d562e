// casview: the Inventory's superseded flags (see inventory.hpp), apart from adding and deriving.
#include <algorithm>
#include <string>
#include <vector>

#include "domain_match.hpp"
#include "inventory.hpp"
#include "sorting.hpp"

namespace casview {

// --- superseded -----------------------------------------------------------------------------
//
// A certificate a is superseded when a certificate b that is valid now and newer (a later
// not-after; on a tie a later not-before) covers every name of a: for each name x of a, b has
// x or the wildcard that covers x. Certificates share their sets of names (renewals, common
// shapes), so the work is per distinct set: T(S), the newest valid certificate covering set S;
// then a is superseded exactly when T(S(a)) is newer than a.
//
// T(S) looks only at sets that hold names covering two of S's names (a pair index over the
// names of sets with a valid member), or one name for a set of one. Sets of more than
// kMaxPairedNames names are not put in the pair index but looked up by each of their names.
// Every list holds its sets newest first, so a scan ends at the first candidate that covers S
// (none after it is newer) or that is not newer than the best so far: with few distinct names
// (thousands of certificates renewing the same domains) the lists are long, and a full scan
// of each cost most of the time.

namespace {

struct Newness {
    int64_t notAfter = INT64_MIN;
    int64_t notBefore = INT64_MIN;
    bool valid = false;  // false: no such certificate
    bool operator>(const Newness& o) const {
        if (!valid || !o.valid) return valid && !o.valid;
        if (notAfter != o.notAfter) return notAfter > o.notAfter;
        return notBefore > o.notBefore;
    }
};

constexpr size_t kMaxPairedNames = 48;
constexpr uint32_t kNoName = UINT32_MAX;

// Lists of set ids by a 64-bit key, in one array (built by counting, then filling).
class KeyedLists {
public:
    void count(uint64_t key) { ++countOf(key); }
    void seal() {
        uint32_t total = 0;
        for (size_t k = 0; k < keys_.size(); ++k) {
            const uint32_t n = counts_[k];
            counts_[k] = total;  // now the start
            total += n;
        }
        items_.assign(total, 0);
        fill_ = counts_;
    }
    void add(uint64_t key, uint32_t value) {
        const size_t k = slotOf(key);
        items_[fill_[k]++] = value;
    }
    /// The list of `key` (empty when none).
    std::pair<const uint32_t*, const uint32_t*> list(uint64_t key) const {
        if (keys_.empty()) return {nullptr, nullptr};
        const size_t mask = keys_.size() - 1;
        for (size_t slot = mix64(key) & mask;; slot = (slot + 1) & mask) {
            if (!used_[slot]) return {nullptr, nullptr};
            if (keys_[slot] == key) return {items_.data() + counts_[slot], items_.data() + fill_[slot]};
        }
    }

private:
    static uint64_t mix64(uint64_t x) {
        x ^= x >> 31;
        x *= 0x7FB5D329728EA185ull;
        x ^= x >> 27;
        return x;
    }
    uint32_t& countOf(uint64_t key) {
        if (keys_.empty() || (distinct_ + 1) * 2 > keys_.size()) grow();
        const size_t mask = keys_.size() - 1;
        size_t slot = mix64(key) & mask;
        while (used_[slot] && keys_[slot] != key) slot = (slot + 1) & mask;
        if (!used_[slot]) {
            used_[slot] = 1;
            keys_[slot] = key;
            ++distinct_;
        }
        return counts_[slot];
    }
    size_t slotOf(uint64_t key) const {
        const size_t mask = keys_.size() - 1;
        size_t slot = mix64(key) & mask;
        while (keys_[slot] != key) slot = (slot + 1) & mask;
        return slot;
    }
    void grow() {
        const size_t size = std::max<size_t>(64, keys_.size() * 2);
        std::vector<uint64_t> keys(size);
        std::vector<uint32_t> counts(size, 0);
        std::vector<uint8_t> used(size, 0);
        for (size_t k = 0; k < keys_.size(); ++k) {
            if (!used_[k]) continue;
            size_t slot = mix64(keys_[k]) & (size - 1);
            while (used[slot]) slot = (slot + 1) & (size - 1);
            used[slot] = 1;
            keys[slot] = keys_[k];
            counts[slot] = counts_[k];
        }
        keys_ = std::move(keys);
        counts_ = std::move(counts);
        used_ = std::move(used);
    }

    std::vector<uint64_t> keys_;
    std::vector<uint32_t> counts_, fill_;
    std::vector<uint8_t> used_;
    std::vector<uint32_t> items_;
    size_t distinct_ = 0;
};

uint64_t pairKey(uint32_t a, uint32_t b) { return a < b ? uint64_t{a} << 32 | b : uint64_t{b} << 32 | a; }

}  // namespace

void Inventory::computeSuperseded() const {
    const size_t n = entries_.size();
    superseded_.assign(n, 0);
    const size_t sets = sanSetStart_.size() - 1;
    if (sets == 0) return;
    const auto namesOf = [&](size_t s) {
        return std::make_pair(sanSetNames_.data() + sanSetStart_[s], sanSetNames_.data() + sanSetStart_[s + 1]);
    };
    const auto newness = [](const EntryData& d) {
        return Newness{d.notAfterMs, d.hasNotBefore ? d.notBeforeMs : INT64_MIN, true};
    };

    // The newest certificate valid now of each set (its entry index: 4 bytes, not a Newness);
    // which sets any certificate could be.
    constexpr uint32_t kNone = UINT32_MAX;
    const auto newnessOf = [&](uint32_t e) { return e == kNone ? Newness{} : newness(entries_[e]); };
    std::vector<uint32_t> best(sets, kNone);
    std::vector<uint8_t> wanted(sets, 0);
    for (size_t i = 0; i < n; ++i) {
        const EntryData& d = entries_[i];
        if (d.kind != EntryKind::Certificate || d.sanSet == 0 || !d.hasNotAfter) continue;
        const size_t s = d.sanSet - 1;
        wanted[s] = 1;
        if (nowMs_ <= d.notAfterMs && (!d.hasNotBefore || d.notBeforeMs <= nowMs_) && newness(d) > newnessOf(best[s])) {
            best[s] = static_cast<uint32_t>(i);
        }
    }

    // The wildcard that covers each name, when some certificate has it.
    std::vector<uint32_t> wildcard(sanNames_.size(), kNoName);
    for (size_t x = 0; x < sanNames_.size(); ++x) {
        const std::string w = coveringWildcard(sanNames_.text(static_cast<uint32_t>(x)));
        if (!w.empty()) wildcard[x] = sanNames_.find(w).value_or(kNoName);
    }

    // Sets with a valid certificate, newest first (ties in set order), and each set's rank in
    // that order: equally new sets share one, a newer set has a smaller one, a set without a
    // valid certificate has kNone (older than any). Candidates compare by rank, which spares
    // the scans below a random read of the entries per candidate.
    std::vector<uint32_t> valid;
    for (size_t s = 0; s < sets; ++s) {
        if (best[s] != kNone) valid.push_back(static_cast<uint32_t>(s));
    }
    std::vector<uint32_t> rank(sets, kNone);
    {
        std::vector<Newness> keys(valid.size());
        std::vector<uint32_t> order(valid.size());
        for (size_t k = 0; k < valid.size(); ++k) {
            keys[k] = newness(entries_[best[valid[k]]]);
            order[k] = static_cast<uint32_t>(k);
        }
        stableSort(order, [](const void* context, uint32_t a, uint32_t b) {
            const auto& newnessOfSet = *static_cast<const std::vector<Newness>*>(context);
            return newnessOfSet[a] > newnessOfSet[b];
        }, &keys);
        uint32_t r = 0;
        for (size_t k = 0; k < order.size(); ++k) {
            const uint32_t position = order[k];
            if (k > 0 && keys[order[k - 1]] > keys[position]) ++r;
            rank[valid[position]] = r;
        }
        for (uint32_t& k : order) k = valid[k];  // the sets themselves, newest first
        valid.swap(order);
    }

    // Those sets, by each name (all of them) and by each pair of names: every list newest first.
    KeyedLists single, pairs;
    const auto each = [&](auto f) {
        for (const uint32_t s : valid) {
            const auto [begin, end] = namesOf(s);
            const size_t count = static_cast<size_t>(end - begin);
            for (const uint32_t* a = begin; a != end; ++a) {
                f(single, uint64_t{*a}, s);
                if (count > kMaxPairedNames) continue;
                for (const uint32_t* b = a + 1; b != end; ++b) f(pairs, pairKey(*a, *b), s);
            }
        }
    };
    each([](KeyedLists& lists, uint64_t key, size_t) { lists.count(key); });
    single.seal();
    pairs.seal();
    each([](KeyedLists& lists, uint64_t key, size_t s) { lists.add(key, static_cast<uint32_t>(s)); });
    std::vector<uint32_t> bigSets;  // newest first too
    for (const uint32_t s : valid) {
        if (sanSetStart_[s + 1] - sanSetStart_[s] > kMaxPairedNames) bigSets.push_back(s);
    }

    const auto covers = [&](size_t b, const uint32_t* begin, const uint32_t* end) {
        const auto [bBegin, bEnd] = namesOf(b);
        for (const uint32_t* x = begin; x != end; ++x) {
            if (!std::binary_search(bBegin, bEnd, *x) &&
                (wildcard[*x] == kNoName || !std::binary_search(bBegin, bEnd, wildcard[*x]))) {
                return false;
            }
        }
        return true;
    };
    const auto listSize = [](const std::pair<const uint32_t*, const uint32_t*>& list) {
        return static_cast<size_t>(list.second - list.first);
    };
    const auto singleCount = [&](uint32_t x) {
        return listSize(single.list(x)) + (wildcard[x] == kNoName ? 0 : listSize(single.list(wildcard[x])));
    };

    std::vector<uint32_t> newest(sets, kNone);  // T(S) of each wanted set, as an entry index
    for (size_t s = 0; s < sets; ++s) {
        if (!wanted[s]) continue;
        const uint32_t* const begin = namesOf(s).first;
        const uint32_t* const end = namesOf(s).second;
        uint32_t tEntry = best[s];  // a set covers itself: only newer candidates need a check
        uint32_t tRank = rank[s];
        // A list, newest first: its first covering candidate is the newest one in it.
        const auto consider = [&](const uint32_t* first, const uint32_t* last, bool check) {
            for (const uint32_t* b = first; b != last && rank[*b] < tRank; ++b) {
                if (!check || covers(*b, begin, end)) {
                    tRank = rank[*b], tEntry = best[*b];
                    return;
                }
            }
        };
        const auto considerList = [&](const std::pair<const uint32_t*, const uint32_t*>& list, bool check) {
            consider(list.first, list.second, check);
        };
        // The two names with the fewest sets covering them.
        uint32_t x1 = *begin, x2 = kNoName;
        size_t c1 = SIZE_MAX, c2 = SIZE_MAX;
        for (const uint32_t* x = begin; x != end; ++x) {
            const size_t c = singleCount(*x);
            if (c < c1) {
                x2 = x1, c2 = c1;
                x1 = *x, c1 = c;
            } else if (c < c2) {
                x2 = *x, c2 = c;
            }
        }
        if (end - begin == 1) {
            // Every set holding the name or its wildcard covers it.
            considerList(single.list(x1), false);
            if (wildcard[x1] != kNoName) considerList(single.list(wildcard[x1]), false);
        } else {
            for (const uint32_t k1 : {x1, wildcard[x1]}) {
                if (k1 == kNoName) continue;
                for (const uint32_t k2 : {x2, wildcard[x2]}) {
                    if (k2 == kNoName) continue;
                    considerList(k1 == k2 ? single.list(k1) : pairs.list(pairKey(k1, k2)), true);
                }
            }
            consider(bigSets.data(), bigSets.data() + bigSets.size(), true);
        }
        newest[s] = tEntry;
    }

    for (size_t i = 0; i < n; ++i) {
        const EntryData& d = entries_[i];
        if (d.kind != EntryKind::Certificate || d.sanSet == 0 || !d.hasNotAfter) continue;
        superseded_[i] = newnessOf(newest[d.sanSet - 1]) > newness(d) ? 1 : 0;
    }
}

}  // namespace casview
