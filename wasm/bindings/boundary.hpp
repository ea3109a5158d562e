// casview: the byte buffers shared with JS (web/casview/boundary.js).
//
// Hot calls do not go through embind's per-string marshalling, which cost more than the
// signature itself: JS encodes a request into the input buffer with TextEncoder.encodeInto,
// C++ answers into the output buffer (or in a notification, for asynchronous results), and JS
// decodes that once. Fields are NUL-terminated UTF-8 strings.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"

namespace casview::boundary {

/// The request JS wrote: its first `size` bytes of the input buffer, read field by field.
class Request {
public:
    /// `holdsSecret` false: the request cannot carry an AccessKey secret (inventory data), so
    /// its bytes need no wiping.
    explicit Request(size_t size, bool holdsSecret = true);
    /// Wipes the request bytes: they may hold an AccessKey secret.
    ~Request();
    Request(const Request&) = delete;
    Request& operator=(const Request&) = delete;

    /// The next field; nullopt when the request has no more fields.
    std::optional<std::string_view> next();
    /// The rest, unsplit (a JSON document at the end of a request).
    std::string_view rest() const { return rest_; }

private:
    std::string_view all_;
    std::string_view rest_;
    bool holdsSecret_;
};

/// Writes 'S' + fields as the answer to the current call.
void answer(std::initializer_list<std::string_view> fields);
/// Starts a successful answer ('S') and returns the buffer to append its fields to.
std::string& beginAnswer();
/// Writes 'S' + one large text (JSON) as the answer, without a copy of the text.
void answerText(std::string&& text);
/// Writes 'E' + the error's fields (errorFields) as the answer.
void answerError(const CasError& error);

/// code, param, message, requestId, hostId, recommend, httpStatus, retryable ("1"/"0").
std::string errorFields(const CasError& error);

/// Strict decimal integer ("" and anything else than [-]digits within int64 → nullopt).
std::optional<int64_t> parseInteger(std::string_view text);

/// Calls Module.casviewNotify(target, operation, kind, text) in JS (asynchronous results).
enum class Notice : int { Page = 1, List = 2, Progress = 3, Error = 4, Retry = 5 };
void notify(uint32_t target, uint64_t operation, Notice kind, std::string_view text);

}  // namespace casview::boundary
