#include "text_table.hpp"

#include <algorithm>
#include <utility>

#include "ascii_text.hpp"
#include "hashing.hpp"

namespace casview {
namespace {

size_t hashOf(std::string_view text) { return static_cast<size_t>(hashText(text)); }

}  // namespace

template <class Text>
uint32_t TextTable<Text>::intern(std::string_view text) {
    if (slots_.empty() || texts_.size() * 2 >= slots_.size()) grow();  // load ≤ 1/2
    const size_t mask = slots_.size() - 1;
    for (size_t slot = hashOf(text) & mask;; slot = (slot + 1) & mask) {
        const uint32_t entry = slots_[slot];
        if (entry == 0) {
            texts_.emplace_back(text);
            slots_[slot] = static_cast<uint32_t>(texts_.size());
            return static_cast<uint32_t>(texts_.size() - 1);
        }
        if (sameText(texts_[entry - 1], text)) return entry - 1;
    }
}

template <class Text>
std::optional<uint32_t> TextTable<Text>::find(std::string_view text) const {
    if (slots_.empty()) return std::nullopt;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = hashOf(text) & mask;; slot = (slot + 1) & mask) {
        const uint32_t entry = slots_[slot];
        if (entry == 0) return std::nullopt;
        if (sameText(texts_[entry - 1], text)) return entry - 1;
    }
}

template <class Text>
void TextTable<Text>::clear() {
    texts_.clear();
    slots_.clear();
}

template <class Text>
void TextTable<Text>::grow() {
    std::vector<uint32_t> slots(std::max<size_t>(64, slots_.size() * 2), 0);
    const size_t mask = slots.size() - 1;
    for (size_t id = 0; id < texts_.size(); ++id) {
        size_t slot = hashOf(texts_[id]) & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = static_cast<uint32_t>(id + 1);
    }
    slots_ = std::move(slots);
}

template class TextTable<std::string>;
template class TextTable<std::string_view>;

}  // namespace casview
