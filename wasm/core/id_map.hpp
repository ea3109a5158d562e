// casview: a map from ids handed out in increasing order (operations, calls, timers, requests,
// clients, inventories) to their state: a vector sorted by id, searched by bisection.
//
// It replaces std::unordered_map for these few-hundred-entry tables: the hash table code of
// six instantiations cost the module ~2 KB gzip of its 100 KB budget. Like a vector, and unlike
// std::unordered_map, inserting or erasing moves elements: hold no reference or iterator into
// it across a call that may add or remove an entry (values that must stay put, e.g. ones whose
// address is handed to a callback, are held by unique_ptr).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace casview {

template <class Id, class Value>
class IdMap {
public:
    using Entry = std::pair<Id, Value>;
    using iterator = typename std::vector<Entry>::iterator;
    using const_iterator = typename std::vector<Entry>::const_iterator;

    iterator begin() { return entries_.begin(); }
    iterator end() { return entries_.end(); }
    const_iterator begin() const { return entries_.begin(); }
    const_iterator end() const { return entries_.end(); }
    size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    void clear() { entries_.clear(); }

    iterator find(Id id) {
        const iterator at = lowerBound(id);
        return at != entries_.end() && at->first == id ? at : entries_.end();
    }
    const_iterator find(Id id) const { return const_cast<IdMap*>(this)->find(id); }
    size_t count(Id id) const { return find(id) != end() ? 1 : 0; }

    /// Adds `value` under `id` unless the id is there; new ids usually come last (appended).
    std::pair<iterator, bool> emplace(Id id, Value value) {
        iterator at = entries_.empty() || entries_.back().first < id ? entries_.end() : lowerBound(id);
        if (at != entries_.end() && at->first == id) return {at, false};
        at = entries_.insert(at, Entry(id, std::move(value)));
        return {at, true};
    }

    iterator erase(iterator at) { return entries_.erase(at); }
    size_t erase(Id id) {
        const iterator at = find(id);
        if (at == entries_.end()) return 0;
        entries_.erase(at);
        return 1;
    }

private:
    iterator lowerBound(Id id) {
        return std::lower_bound(entries_.begin(), entries_.end(), id,
                                [](const Entry& entry, Id key) { return entry.first < key; });
    }

    std::vector<Entry> entries_;
};

}  // namespace casview
