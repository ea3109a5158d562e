// casview: credentials out of error messages.
//
// SignatureDoesNotMatch and IncompleteSignature messages echo the server's string-to-sign
// (docs/alibaba-api.md §4.1), e.g.
//   "…server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tQ8…%26Action%3D…"
// which names the AccessKey ID and, with STS credentials, the SecurityToken. Proxy error pages
// may echo the request URL ("…?AccessKeyId=LTAI…&Signature=…"). Nothing of either may reach a
// CasError, a log or the page (docs/security.md), so every message and excerpt goes through here.
#pragma once

#include <string>
#include <string_view>

namespace casview {

/// "LTAI5tQ8xExampleKey1" → "LTAI****": the first four characters (the key type, the same for
/// every key) of an ID of 12 or more characters; "****" for anything shorter. Idempotent.
std::string maskAccessKeyId(std::string_view accessKeyId);

/// Masks the value of every AccessKeyId (maskAccessKeyId) and SecurityToken ("****") in text.
/// Names match case-insensitively and wherever they appear, followed by '=', a percent-encoded
/// '=' at any depth ("%3D", "%253D", …), a JSON `":"` or ':'. A value runs until '&' (plain or
/// percent-encoded at any depth), a quote, whitespace or one of `<>,;)]}`.
std::string redactCredentials(std::string_view text);

}  // namespace casview
