// casview: a set of row identities (list_page.hpp) in two flat arrays. A listing keeps one for
// its whole run (to count distinct entries); a node per identity would scatter 100,000 small
// blocks through the heap the inventory grows in, and keep it from reusing the space.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "list_page.hpp"

namespace casview {

class IdentitySet {
public:
    /// True when `identity` was not in the set yet.
    bool insert(RowIdentity identity);
    size_t size() const { return count_; }
    /// Room for `count` identities without growing.
    void reserve(size_t count);

private:
    void rehash(size_t slots);
    // Open addressing: kind_[slot] 0 = empty, 1 = certificate, 2 = order; ids_[slot] its id.
    std::vector<int64_t> ids_;
    std::vector<uint8_t> kind_;
    size_t count_ = 0;
};

}  // namespace casview
