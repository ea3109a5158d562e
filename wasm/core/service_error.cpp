#include "service_error.hpp"

#include <array>

#include "redaction.hpp"
#include "utf8.hpp"

namespace casview {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

void appendHexEscape(std::string& out, const char* prefix, uint32_t value, int digits) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += prefix;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 0xF]);
}

// Bounded, and never ends inside a UTF-8 sequence.
std::string bounded(std::string text, size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::string out(utf8::truncate(text, maxBytes));
    out += "…";
    return out;
}

}  // namespace

CodeRetry classifyErrorCode(std::string_view code) {
    if (code == "Throttling" || startsWith(code, "Throttling.") || code == "ServiceUnavailable" ||
        code == "InternalError" || code == "SignatureNonceUsed") {
        return CodeRetry::Retryable;
    }
    static constexpr std::array<std::string_view, 8> kPermanentPrefixes = {
        "Signature", "IncompleteSignature", "Invalid", "Missing",
        "Forbidden", "NoPermission", "Unsupported", "AccessDenied"};
    for (const std::string_view prefix : kPermanentPrefixes) {
        if (startsWith(code, prefix)) return CodeRetry::Permanent;
    }
    return CodeRetry::Unknown;
}

bool isRetryableHttpStatus(int httpStatus) {
    switch (httpStatus) {
        case 408: case 429: case 500: case 502: case 503: case 504: return true;
        default: return false;
    }
}

bool isSuccessCode(std::string_view code) {
    return code == "200" || code == "OK" || code == "Success" || code == "success";
}

CasError serviceError(const ServiceErrorBody& body, int httpStatus) {
    CasError error;
    error.code = bounded(body.code, 128);
    error.message = bounded(redactCredentials(body.message.empty() ? body.code : body.message), kMaxMessageBytes);
    error.requestId = bounded(body.requestId, 128);
    error.hostId = bounded(body.hostId, 256);
    error.recommend = bounded(redactCredentials(body.recommend), kMaxMessageBytes);
    error.httpStatus = httpStatus;
    switch (classifyErrorCode(body.code)) {
        case CodeRetry::Retryable: error.retryable = true; break;
        case CodeRetry::Permanent: error.retryable = false; break;
        case CodeRetry::Unknown: error.retryable = isRetryableHttpStatus(httpStatus); break;
    }
    return error;
}

std::string bodyExcerpt(std::string_view body, size_t maxBytes) {
    if (startsWith(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
    while (!body.empty() && (body.front() == ' ' || body.front() == '\n' || body.front() == '\r' ||
                             body.front() == '\t')) {
        body.remove_prefix(1);
    }
    // Redact a window larger than what is shown, so a key ID cut at the edge is masked whole.
    const std::string_view window = utf8::truncate(body, maxBytes * 4 + 256);
    const std::string redacted = redactCredentials(window);
    const std::string_view shown = utf8::truncate(redacted, maxBytes);
    const bool cut = shown.size() < redacted.size() || window.size() < body.size();

    std::string out;
    out.reserve(shown.size() + 16);
    for (size_t i = 0; i < shown.size();) {
        const unsigned char c = static_cast<unsigned char>(shown[i]);
        if (c < 0x80) {
            switch (c) {
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                default:
                    if (c < 0x20 || c == 0x7F) appendHexEscape(out, "\\x", c, 2);
                    else out.push_back(static_cast<char>(c));
            }
            ++i;
            continue;
        }
        const utf8::Decoded d = utf8::decode(shown, i);
        if (!d.valid) {
            for (size_t k = 0; k < d.length; ++k) {
                appendHexEscape(out, "\\x", static_cast<unsigned char>(shown[i + k]), 2);
            }
        } else if ((d.codePoint >= 0x80 && d.codePoint <= 0x9F) ||      // C1 controls
                   (d.codePoint >= 0x202A && d.codePoint <= 0x202E) ||  // bidi embeddings/overrides
                   (d.codePoint >= 0x2066 && d.codePoint <= 0x2069) ||  // bidi isolates
                   d.codePoint == 0x2028 || d.codePoint == 0x2029 || d.codePoint == 0xFEFF) {
            appendHexEscape(out, "\\u", d.codePoint, 4);
        } else {
            out.append(shown, i, d.length);
        }
        i += d.length;
    }
    if (cut) out += "…";
    return out;
}

CasError malformedResponse(std::string_view what, std::string_view body, int httpStatus) {
    CasError error;
    error.code = std::string(kMalformedResponse);
    if (httpStatus != 0) error.message = "HTTP " + std::to_string(httpStatus) + ": ";
    error.message += what;
    const std::string excerpt = bodyExcerpt(body);
    if (!excerpt.empty()) error.message += "; body starts with: \"" + excerpt + "\"";
    error.httpStatus = httpStatus;
    error.retryable = true;
    return error;
}

}  // namespace casview
