#include "boundary.hpp"

#include <emscripten/emscripten.h>

#include <string.h>  // explicit_bzero

#include <charconv>

// Asynchronous results reach JS through the one handler the wrapper installs (core.js).
EM_JS(void, casview_notify_js, (uint32_t target, double operation, int kind, const char* text, size_t size), {
    Module["casviewNotify"](target, operation, kind, text, size);
});

namespace casview::boundary {
namespace {

std::string g_input;
std::string g_output;

}  // namespace

Request::Request(size_t size, bool holdsSecret)
    : all_(g_input.data(), size < g_input.size() ? size : g_input.size()), rest_(all_), holdsSecret_(holdsSecret) {}

Request::~Request() {
    // explicit_bzero: the stores must happen although nothing reads the buffer afterwards.
    if (holdsSecret_) explicit_bzero(g_input.data(), all_.size());
}

std::optional<std::string_view> Request::next() {
    const size_t end = rest_.find('\0');
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view field = rest_.substr(0, end);
    rest_.remove_prefix(end + 1);
    return field;
}

void answer(std::initializer_list<std::string_view> fields) {
    size_t size = 1;
    for (std::string_view field : fields) size += field.size() + 1;
    g_output.resize(size);
    char* cursor = g_output.data();
    *cursor++ = 'S';
    for (std::string_view field : fields) {
        field.copy(cursor, field.size());
        cursor += field.size();
        *cursor++ = '\0';
    }
}

std::string& beginAnswer() {
    g_output.assign(1, 'S');
    return g_output;
}

void answerText(std::string&& text) {
    g_output = std::move(text);
    g_output.insert(g_output.begin(), 'S');
    g_output.push_back('\0');
}

std::string errorFields(const CasError& error) {
    std::string out;
    for (std::string_view field : {std::string_view(error.code), std::string_view(error.param),
                                   std::string_view(error.message), std::string_view(error.requestId),
                                   std::string_view(error.hostId), std::string_view(error.recommend)}) {
        out.append(field).push_back('\0');
    }
    out.append(std::to_string(error.httpStatus)).push_back('\0');
    out.append(error.retryable ? "1" : "0").push_back('\0');
    return out;
}

void answerError(const CasError& error) {
    g_output = 'E' + errorFields(error);
}

std::optional<int64_t> parseInteger(std::string_view text) {
    int64_t value = 0;
    const char* end = text.data() + text.size();
    if (text.empty()) return std::nullopt;
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

void notify(uint32_t target, uint64_t operation, Notice kind, std::string_view text) {
    casview_notify_js(target, static_cast<double>(operation), static_cast<int>(kind), text.data(),
                      text.size());
}

}  // namespace casview::boundary

extern "C" {

/// A buffer of `size` bytes for the next call's request (reused between calls).
EMSCRIPTEN_KEEPALIVE char* casview_input(size_t size) {
    casview::boundary::g_input.resize(size);
    return casview::boundary::g_input.data();
}

EMSCRIPTEN_KEEPALIVE const char* casview_output() { return casview::boundary::g_output.data(); }
EMSCRIPTEN_KEEPALIVE size_t casview_output_size() { return casview::boundary::g_output.size(); }

}  // extern "C"
