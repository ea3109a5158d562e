// casview: the parse step of the client, in one place.
//
// The client needs four things from a ListUserCertificateOrder response: the typed page (or a
// classified CasError with `retryable`), its TotalCount and ShowSize (to plan the remaining
// pages), its rows, and each row's identity (CertificateId for certificates, OrderId for orders;
// docs/alibaba-api.md §3.4) to de-duplicate a listing. Everything the client
// and the pager know about the response parser (response_parser.hpp) goes through this header.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "certificate_row.hpp"
#include "outcome.hpp"
#include "response_parser.hpp"
#include "service_error.hpp"
#include "transport.hpp"

namespace casview {

using ListPage = CertificateOrderPage;
using ListRow = CertificateRow;

/// A row's identity within a listing: certificates by CertificateId, orders by OrderId
/// (the two id spaces are kept apart).
struct RowIdentity {
    bool isOrder;
    int64_t id;
    bool operator==(const RowIdentity& o) const { return isOrder == o.isOrder && id == o.id; }
};

/// (status, body) → typed page, or a classified CasError: a service error by Code, anything
/// that is not a well-formed page MalformedResponse (always retryable). What came over the
/// wire must also carry a RequestId, as every answer of the API does: a page without one came
/// from something else (a middlebox, a cache) and is not trusted as the service's word. The
/// headers are the client's business, not the parser's.
inline Outcome<ListPage> parseListPage(const HttpResponse& response, RowRecords records = RowRecords::Skip) {
    Outcome<ListPage> page = parseListUserCertificateOrderResponse(response.status, response.body, records);
    if (page && (!page.value().requestId || page.value().requestId->empty())) {
        return malformedResponse("the page carries no RequestId, so it is not an answer of the API",
                                 response.body, response.status);
    }
    return page;
}

/// 0 when the page carried none.
inline int64_t pageTotalCount(const ListPage& page) { return page.totalCount.value_or(0); }
inline int64_t pageShowSize(const ListPage& page) { return page.showSize.value_or(0); }
inline std::vector<ListRow>& pageRows(ListPage& page) { return page.rows; }

/// nullopt for a row that carries no id (kept, never merged with another).
inline std::optional<RowIdentity> rowIdentity(const ListRow& row) {
    if (const auto id = row.certificateId()) return RowIdentity{false, *id};
    if (const auto id = row.orderId()) return RowIdentity{true, *id};
    return std::nullopt;
}

}  // namespace casview
