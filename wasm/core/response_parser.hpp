// casview: a ListUserCertificateOrder response (CAS API 2020-04-07) → a typed page or a CasError.
//
// docs/alibaba-api.md §3.4 (page and row fields) and §4 (errors). What real
// services and proxies send is tolerated: missing or null fields, numbers and booleans sent as
// strings ("123", "true"), an absent, null or empty list, surrounding whitespace in strings
// (the doc's sample has "Hangzhou\n"; texts are trimmed, rawJson() keeps them), unknown
// members (kept in the row's raw JSON), duplicate members (the last one wins, as in
// JSON.parse), a leading byte order mark. A member of the wrong type (an object where a number
// belongs, an integer beyond int64, 1.5 for an id) reads as absent.
//
// Classification, in this order (every MalformedResponse is retryable, whatever the status:
// such a body comes from something between the client and the service):
//  1. Not JSON, cut short or empty → MalformedResponse.
//  2. JSON but not an object → MalformedResponse.
//  3. A Code other than 200/OK/Success/success → a service error (service_error.hpp), whatever
//     the HTTP status and even next to a list, as the official pop-core SDK decides.
//  4. A non-2xx status without such a Code → MalformedResponse.
//  5. A list that is not an array of objects (e.g. the doc example's JSON-encoded string) →
//     MalformedResponse.
//  6. Neither CertificateOrderList nor TotalCount (e.g. {} at HTTP 200), or no list although
//     TotalCount says this page has rows → MalformedResponse: never a silent empty page.
//  7. Otherwise the page. httpStatus 0 (no HTTP exchange, e.g. a test) counts as 2xx.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "certificate_row.hpp"
#include "outcome.hpp"
#include "row_parser.hpp"

namespace casview {

struct CertificateOrderPage {
    std::optional<std::string> requestId;
    std::optional<int64_t> totalCount;
    std::optional<int64_t> currentPage;
    std::optional<int64_t> showSize;
    std::vector<CertificateRow> rows;  // CertificateOrderList, in the order sent
};

/// Parses one response body (see the rules above). Never throws; any input gives a page or a
/// CasError.
Outcome<CertificateOrderPage> parseListUserCertificateOrderResponse(int httpStatus, std::string_view body,
                                                                    RowRecords records = RowRecords::Skip);

}  // namespace casview
