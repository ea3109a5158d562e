// The only file that includes Crypto++. HMAC (RFC 2104) is written out here over Crypto++'s
// SHA-1 block function, on buffers we own: the HMAC<SHA1> class pulls in Crypto++'s
// transformation and buffering classes (~10 KB of WASM, virtual calls on every block), and a
// StringSource → HashFilter → Base64Encoder pipeline costs several times the HMAC itself in
// WASM (the signing figure in the README's Performance section).
#include "hmac_sha1.hpp"

#include <cryptopp/sha.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "base64.hpp"

namespace casview {
namespace {

using Word = CryptoPP::word32;
constexpr size_t kBlock = 64, kDigest = 20;

// SHA-1 (FIPS 180-4 padding) over Crypto++'s block function.
class Sha1 {
public:
    Sha1() { CryptoPP::SHA1::InitState(state_.data()); }

    void update(const uint8_t* data, size_t size) {
        length_ += size;
        if (used_ > 0) {
            const size_t take = std::min(size, kBlock - used_);
            std::memcpy(buffer_.data() + used_, data, take);
            used_ += take;
            data += take;
            size -= take;
            if (used_ < kBlock) return;
            block(buffer_.data());
            used_ = 0;
        }
        for (; size >= kBlock; data += kBlock, size -= kBlock) block(data);
        std::memcpy(buffer_.data(), data, size);
        used_ = size;
    }

    std::array<uint8_t, kDigest> final() {
        const uint64_t bits = length_ * 8;
        const uint8_t one = 0x80;
        update(&one, 1);
        static const std::array<uint8_t, kBlock> zeros{};
        update(zeros.data(), (kBlock + 56 - used_) % kBlock);
        std::array<uint8_t, 8> size;
        for (size_t i = 0; i < 8; ++i) size[i] = static_cast<uint8_t>(bits >> (56 - 8 * i));
        update(size.data(), size.size());
        std::array<uint8_t, kDigest> digest;
        for (size_t i = 0; i < kDigest; ++i) digest[i] = static_cast<uint8_t>(state_[i / 4] >> (24 - 8 * (i % 4)));
        return digest;
    }

private:
    void block(const uint8_t* data) {
        std::array<Word, kBlock / 4> words;
        for (size_t i = 0; i < words.size(); ++i) {
            words[i] = Word{data[4 * i]} << 24 | Word{data[4 * i + 1]} << 16 | Word{data[4 * i + 2]} << 8 | data[4 * i + 3];
        }
        CryptoPP::SHA1::Transform(state_.data(), words.data());
    }

    std::array<Word, 5> state_;
    std::array<uint8_t, kBlock> buffer_{};
    size_t used_ = 0;
    uint64_t length_ = 0;
};

}  // namespace

std::string hmacSha1Base64(std::string_view key, std::string_view message) {
    std::array<uint8_t, kBlock> pad{};
    if (key.size() > kBlock) {
        Sha1 keyHash;
        keyHash.update(reinterpret_cast<const uint8_t*>(key.data()), key.size());
        const auto digest = keyHash.final();
        std::memcpy(pad.data(), digest.data(), digest.size());
    } else if (!key.empty()) {
        std::memcpy(pad.data(), key.data(), key.size());
    }
    for (uint8_t& b : pad) b ^= 0x36;
    Sha1 inner;
    inner.update(pad.data(), pad.size());
    inner.update(reinterpret_cast<const uint8_t*>(message.data()), message.size());
    const auto innerDigest = inner.final();
    for (uint8_t& b : pad) b ^= 0x36 ^ 0x5C;
    Sha1 outer;
    outer.update(pad.data(), pad.size());
    outer.update(innerDigest.data(), innerDigest.size());
    const auto digest = outer.final();
    // The key-derived pad stays on the stack only until here; wipe it like the request buffers.
    volatile uint8_t* wipe = pad.data();
    for (size_t i = 0; i < pad.size(); ++i) wipe[i] = 0;
    return base64Encode(digest.data(), digest.size());
}

}  // namespace casview
