#include "identity_set.hpp"

#include "hashing.hpp"

namespace casview {
namespace {

size_t slotOf(int64_t id, uint8_t kind, size_t mask) {
    return static_cast<size_t>(mixBits(static_cast<uint64_t>(id) ^ (uint64_t{kind} << 62))) & mask;
}

}  // namespace

bool IdentitySet::insert(RowIdentity identity) {
    if ((count_ + 1) * 4 > kind_.size() * 3) rehash(kind_.empty() ? 64 : kind_.size() * 2);  // load ≤ 3/4
    const uint8_t kind = identity.isOrder ? 2 : 1;
    const size_t mask = kind_.size() - 1;
    for (size_t slot = slotOf(identity.id, kind, mask);; slot = (slot + 1) & mask) {
        if (kind_[slot] == 0) {
            kind_[slot] = kind;
            ids_[slot] = identity.id;
            ++count_;
            return true;
        }
        if (kind_[slot] == kind && ids_[slot] == identity.id) return false;
    }
}

void IdentitySet::reserve(size_t count) {
    size_t slots = 64;
    while (slots * 3 < count * 4) slots *= 2;
    if (slots > kind_.size()) rehash(slots);
}

void IdentitySet::rehash(size_t slots) {
    std::vector<int64_t> ids(slots, 0);
    std::vector<uint8_t> kinds(slots, 0);
    const size_t mask = slots - 1;
    for (size_t old = 0; old < kind_.size(); ++old) {
        if (kind_[old] == 0) continue;
        size_t slot = slotOf(ids_[old], kind_[old], mask);
        while (kinds[slot] != 0) slot = (slot + 1) & mask;
        kinds[slot] = kind_[old];
        ids[slot] = ids_[old];
    }
    ids_ = std::move(ids);
    kind_ = std::move(kinds);
}

}  // namespace casview
