// casview: injected time and randomness.
//
// The signer never reads a clock or a random source itself: callers pass them in, so every
// signature is reproducible in tests and the client can correct its clock for skew.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace casview {

class Clock {
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC.
    virtual int64_t nowMs() = 0;
};

/// The system's wall clock (std::chrono::system_clock: Date.now() under Emscripten).
class SystemClock final : public Clock {
public:
    int64_t nowMs() override;
};

class RandomSource {
public:
    virtual ~RandomSource() = default;
    /// Fills `out` with `size` random bytes.
    virtual void fill(uint8_t* out, size_t size) = 0;
};

/// The operating system's cryptographic source through getentropy(): the kernel's CSPRNG
/// natively, crypto.getRandomValues() in the browser (Emscripten's getentropy), so no
/// <emscripten/...> include is needed here.
class SystemRandom final : public RandomSource {
public:
    void fill(uint8_t* out, size_t size) override;
};

/// A random (version 4, RFC 4122 variant) UUID in lowercase, e.g.
/// "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf": the nonce form the API documentation recommends.
std::string makeNonce(RandomSource& random);

}  // namespace casview
