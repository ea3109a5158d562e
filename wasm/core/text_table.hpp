// casview: distinct texts ↔ dense ids (0, 1, …) in an open-addressing table of ids: 8 bytes a
// text instead of a hash node. TextTable<std::string> keeps its own copies (the records'
// dictionary, the inventory's interners); TextTable<std::string_view> refers to texts the
// caller keeps alive and in place (the inventory's SAN names, in chunks that never move).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casview {

template <class Text>
class TextTable {
public:
    /// The id of `text`, added if new.
    uint32_t intern(std::string_view text);
    std::optional<uint32_t> find(std::string_view text) const;
    /// The text of `id`; "" for an unknown id.
    std::string_view text(uint32_t id) const { return id < texts_.size() ? std::string_view(texts_[id]) : std::string_view(); }
    /// Every text, by id.
    const std::vector<Text>& texts() const { return texts_; }
    size_t size() const { return texts_.size(); }
    void clear();

private:
    void grow();

    std::vector<Text> texts_;
    std::vector<uint32_t> slots_;  // id + 1, 0 = empty
};

// The two kinds there are, compiled once (text_table.cpp).
extern template class TextTable<std::string>;
extern template class TextTable<std::string_view>;

}  // namespace casview
