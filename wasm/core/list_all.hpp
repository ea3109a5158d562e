// casview: listing every page of a query (and of several statuses), merged and de-duplicated.
//
// The rules it implements (docs/js-api.md, listAll):
// - Every page of a query: the first page of each status tells TotalCount; the remaining
//   pages are then known and can all be requested at once (the client's rate limiter paces
//   them). Pages are counted with the ShowSize the service echoes, so a service that clamps the
//   page size is still paged correctly.
// - Speculation: while a status's first page is in flight, its next pages may be asked for
//   already (speculate()), so the wait for TotalCount does not idle the rate budget. Listing is
//   a read, so a page past the end costs one request and nothing else: a page that arrives
//   before page 1 is held until page 1 tells how many pages there are, then taken (in page
//   order) or dropped; wants() tells the client which requests still matter.
// - Several statuses (`Status` given as an array in JS) are listed one after the other in the
//   result, each exactly as a single-status listing would be.
// - Merged in API order (status order, then page order, then row order) and de-duplicated by
//   identity (CertificateId for certificates, OrderId for orders; the first occurrence in API
//   order is kept): rows shift between pages when the account changes during a listing, and a
//   certificate can appear under two statuses.
// - Progress after each page: {pagesDone, pagesTotal, entriesLoaded, totalCount}. pagesTotal
//   and totalCount grow as first pages arrive; entriesLoaded counts distinct entries.
//
// - Delivery (ListAllDelivery): each page's rows can also go to a sink as the page arrives
//   (arrival order, before de-duplication), e.g. into an inventory the page shows while the
//   listing runs; a listing that does not keep its entries then holds no row at all.
//
// Pure: the Pager is a state machine fed with pages. CasClient::listAll drives it; tests can
// drive it directly. Memory is O(pages + rows), O(pages + distinct ids) without entries.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "identity_set.hpp"
#include "list_page.hpp"
#include "list_request.hpp"
#include "outcome.hpp"

namespace casview {

/// Page size of a listing when the query names none: the largest the client accepts, so a
/// listing needs as few requests (and as little of the 10/s budget) as possible.
inline constexpr int64_t kListAllPageSize = 100;

/// Refuse a TotalCount that would need more pages than this per status (1,000,000 rows at
/// 100 a page): a corrupt or hostile body must not make the client queue a billion requests.
inline constexpr int64_t kMaxPagesPerStatus = 10000;

struct ListAllQuery {
    std::optional<std::string> orderType;
    /// Listed in this order; repeats are ignored. Empty: one listing without Status (the
    /// service's default set: valid certificates for CERT/UPLOAD, all orders for CPACK/BUY).
    std::vector<std::string> statuses;
    std::optional<std::string> keyword;
    std::optional<std::string> resourceGroupId;
    std::optional<int64_t> showSize;  // page size, 1..100; default kListAllPageSize
};

struct ListProgress {
    int64_t pagesDone = 0;
    int64_t pagesTotal = 0;
    int64_t entriesLoaded = 0;  // distinct entries so far
    int64_t totalCount = 0;     // sum of the TotalCount of every status whose first page came
};

/// What a listing does with the rows of each page as it arrives.
struct ListAllDelivery {
    /// Given each accepted page's rows (a copy when keepEntries), in arrival order.
    std::function<void(std::vector<ListRow> rows)> onPageRows;
    /// False: the result has no entries (the rows went to onPageRows only).
    bool keepEntries = true;
    /// The rows go where their compact records are kept (an inventory): the parser writes
    /// them in its pass instead of the inventory reading each row's JSON again.
    bool rowRecords = false;
};

struct ListAllResult {
    std::vector<ListRow> entries;  // API order, de-duplicated; none when !keepEntries
    ListProgress progress;         // the final progress
    int64_t duplicates = 0;        // rows dropped as repeats of an earlier entry
};

/// A page of the listing: which status (index into Pager::statuses()) and which page (1-based).
struct PageKey {
    size_t status = 0;
    int64_t page = 1;
};

struct PageRequest {
    PageKey key;
    ListUserCertificateOrderRequest request;
};

class Pager {
public:
    /// Validates the query as every request it implies would be validated (OrderType, each
    /// Status against the OrderType, ShowSize): InvalidParameter, before anything is sent.
    static Outcome<Pager> plan(const ListAllQuery& query, ListAllDelivery delivery = {});

    /// The distinct statuses in listing order ("" when none was given).
    const std::vector<std::string>& statuses() const { return statuses_; }

    /// The first page of every status: what to request first.
    std::vector<PageRequest> firstPages() const;

    /// The next page of a status whose page count is not known yet (its first page has not
    /// come), taking statuses in turn; none when every status's count is known.
    std::optional<PageRequest> speculate();

    /// Whether the answer to `key` is still needed: its status's page count is unknown and the
    /// page was asked for, or the page is within the count and not taken yet.
    bool wants(PageKey key) const;

    /// Takes one successful page. Returns the pages to request next (after a status's first
    /// page: those of its pages 2..n not asked for yet; otherwise none), or MalformedResponse
    /// for a TotalCount beyond kMaxPagesPerStatus. A page other than the first that comes
    /// before the first is held (it counts in progress once the first has come, if within the
    /// count). A key that is out of range, not wanted or already taken is ignored.
    Outcome<std::vector<PageRequest>> accept(PageKey key, ListPage page);

    const ListProgress& progress() const { return progress_; }
    const ListAllDelivery& delivery() const { return delivery_; }

    /// Every page of every status has been taken.
    bool complete() const { return progress_.pagesDone == progress_.pagesTotal; }

    /// The merged listing; call once, when complete().
    ListAllResult takeResult();

private:
    struct StatusListing {
        std::optional<int64_t> pages;               // known once page 1 came
        int64_t requested = 1;                      // pages 1..requested have been asked for
        std::vector<std::pair<int64_t, ListPage>> early;  // pages that came before page 1
        std::vector<std::vector<ListRow>> rows;     // by page - 1
        std::vector<bool> received;                 // by page - 1
    };

    PageRequest requestFor(size_t status, int64_t page) const;
    void take(StatusListing& listing, int64_t page, ListPage& answer);

    ListUserCertificateOrderRequest base_;
    int64_t showSize_ = kListAllPageSize;
    std::vector<std::string> statuses_;
    std::vector<StatusListing> listings_;
    IdentitySet seen_;
    ListProgress progress_;
    ListAllDelivery delivery_;
    size_t speculateNext_ = 0;  // the status speculate() looks at first
};

}  // namespace casview
