// casview: bytes and fixed-size items appended in chunks that never move.
//
// For the inventory's large arrays (records, search text, per-entry data): growing one
// std::string or std::vector doubles its capacity and copies it, so a 30 MB text can briefly
// need 90 MB and keeps up to half of its capacity unused; chunks grow by a fixed step and views
// into them stay valid while more is appended.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace casview {

class ChunkedText {
public:
    /// Positions are chunk << kChunkBits | offset; one append never spans two chunks.
    static constexpr unsigned kChunkBits = 16;
    static constexpr size_t kChunkSize = size_t{1} << kChunkBits;

    /// Appends `bytes` in one piece; returns their position.
    uint32_t append(std::string_view bytes) {
        if (chunks_.empty() || used_.back() + bytes.size() > capacity_.back()) {
            const size_t size = bytes.size() > kChunkSize ? bytes.size() : kChunkSize;
            chunks_.push_back(std::unique_ptr<char[]>(new char[size]));  // not zeroed: written before read
            capacity_.push_back(size);
            used_.push_back(0);
        }
        const size_t chunk = chunks_.size() - 1;
        const size_t offset = used_.back();
        if (!bytes.empty()) std::memcpy(chunks_.back().get() + offset, bytes.data(), bytes.size());
        used_.back() += bytes.size();
        return static_cast<uint32_t>(chunk << kChunkBits | offset);
    }

    /// The bytes from `position` to the end of its chunk.
    std::string_view from(uint32_t position) const {
        const size_t chunk = position >> kChunkBits, offset = position & (kChunkSize - 1);
        return std::string_view(chunks_[chunk].get() + offset, used_[chunk] - offset);
    }

    size_t chunkCount() const { return chunks_.size(); }
    /// Everything appended to chunk `c`.
    std::string_view chunk(size_t c) const { return std::string_view(chunks_[c].get(), used_[c]); }
    static size_t chunkOf(uint32_t position) { return position >> kChunkBits; }
    static size_t offsetOf(uint32_t position) { return position & (kChunkSize - 1); }

    size_t size() const {
        size_t total = 0;
        for (const size_t u : used_) total += u;
        return total;
    }
    void clear() {
        chunks_.clear();
        capacity_.clear();
        used_.clear();
    }

private:
    std::vector<std::unique_ptr<char[]>> chunks_;
    std::vector<size_t> capacity_;
    std::vector<size_t> used_;
};

/// A vector of T in blocks (the first of 256 items, the others of 2^kBlockBits): no
/// reallocation, at most one block unused, and a small inventory stays small.
template <class T, unsigned kBlockBits = 12>
class ChunkedVector {
public:
    static constexpr size_t kFirst = 256;
    static constexpr size_t kBlock = size_t{1} << kBlockBits;

    T& operator[](size_t i) { return i < kFirst ? blocks_[0][i] : blocks_[1 + ((i - kFirst) >> kBlockBits)][(i - kFirst) & (kBlock - 1)]; }
    const T& operator[](size_t i) const {
        return i < kFirst ? blocks_[0][i] : blocks_[1 + ((i - kFirst) >> kBlockBits)][(i - kFirst) & (kBlock - 1)];
    }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T& back() { return (*this)[size_ - 1]; }

    T& emplace_back() {
        if (size_ == capacity_) {
            const size_t block = blocks_.empty() ? kFirst : kBlock;
            blocks_.push_back(std::make_unique<T[]>(block));
            capacity_ += block;
        }
        T& item = (*this)[size_++];
        item = T{};
        return item;
    }
    void push_back(const T& value) { emplace_back() = value; }
    void pop_back() { --size_; }
    /// Grows (value-initialized items) or shrinks to n items.
    void resize(size_t n) {
        while (size_ < n) emplace_back();
        size_ = n;
    }
    void clear() {
        blocks_.clear();
        size_ = capacity_ = 0;
    }

private:
    std::vector<std::unique_ptr<T[]>> blocks_;
    size_t size_ = 0;
    size_t capacity_ = 0;
};

}  // namespace casview
