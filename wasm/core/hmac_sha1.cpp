// The only file that includes Crypto++. HMAC<SHA1> is called directly on buffers we own:
// a StringSource → HashFilter → Base64Encoder pipeline costs several times the HMAC itself
// in WASM (see the performance issue).
#include "hmac_sha1.hpp"

#include <cryptopp/hmac.h>
#include <cryptopp/sha.h>

#include "base64.hpp"

namespace casview {

std::string hmacSha1Base64(std::string_view key, std::string_view message) {
    using CryptoPP::byte;
    CryptoPP::HMAC<CryptoPP::SHA1> mac(reinterpret_cast<const byte*>(key.data()), key.size());
    mac.Update(reinterpret_cast<const byte*>(message.data()), message.size());
    byte digest[CryptoPP::SHA1::DIGESTSIZE];
    mac.Final(digest);
    return base64Encode(digest, sizeof digest);
}

}  // namespace casview
