// casview: Outcome<T>, a value or a CasError.
//
// The core does not throw: the WASM build runs with -fno-exceptions, and errors must reach JS
// as data (code, message, …), never as an abort.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "error.hpp"

namespace casview {

template <class T>
class Outcome {
public:
    Outcome(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Outcome(CasError error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { assert(ok()); return *std::get_if<0>(&state_); }
    T& value() & { assert(ok()); return *std::get_if<0>(&state_); }
    T&& value() && { assert(ok()); return std::move(*std::get_if<0>(&state_)); }
    const CasError& error() const { assert(!ok()); return *std::get_if<1>(&state_); }

private:
    std::variant<T, CasError> state_;
};

}  // namespace casview
