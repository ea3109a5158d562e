#include "list_all.hpp"

#include <algorithm>
#include <utility>

namespace casview {

Outcome<Pager> Pager::plan(const ListAllQuery& query, ListAllDelivery delivery) {
    Pager pager;
    pager.delivery_ = std::move(delivery);
    pager.base_.orderType = query.orderType;
    pager.base_.keyword = query.keyword;
    pager.base_.resourceGroupId = query.resourceGroupId;
    pager.showSize_ = query.showSize.value_or(kListAllPageSize);
    pager.base_.showSize = pager.showSize_;
    pager.base_.currentPage = 1;

    if (query.statuses.empty()) {
        pager.statuses_.emplace_back();
    } else {
        for (const std::string& status : query.statuses) {
            if (std::find(pager.statuses_.begin(), pager.statuses_.end(), status) ==
                pager.statuses_.end()) {
                pager.statuses_.push_back(status);
            }
        }
    }
    for (const std::string& status : pager.statuses_) {
        ListUserCertificateOrderRequest request = pager.base_;
        request.status = status;
        if (auto error = validate(request)) return *error;
    }
    pager.listings_.resize(pager.statuses_.size());
    pager.progress_.pagesTotal = static_cast<int64_t>(pager.statuses_.size());
    return pager;
}

PageRequest Pager::requestFor(size_t status, int64_t page) const {
    PageRequest out{PageKey{status, page}, base_};
    out.request.status = statuses_[status];
    out.request.currentPage = page;
    return out;
}

std::vector<PageRequest> Pager::firstPages() const {
    std::vector<PageRequest> out;
    out.reserve(statuses_.size());
    for (size_t s = 0; s < statuses_.size(); ++s) {
        if (!listings_[s].pages) out.push_back(requestFor(s, 1));
    }
    return out;
}

std::optional<PageRequest> Pager::speculate() {
    for (size_t tried = 0; tried < listings_.size(); ++tried) {
        const size_t s = (speculateNext_ + tried) % listings_.size();
        StatusListing& listing = listings_[s];
        if (listing.pages || listing.requested >= kMaxPagesPerStatus) continue;
        speculateNext_ = (s + 1) % listings_.size();
        return requestFor(s, ++listing.requested);
    }
    return std::nullopt;
}

bool Pager::wants(PageKey key) const {
    if (key.status >= listings_.size() || key.page < 1) return false;
    const StatusListing& listing = listings_[key.status];
    if (!listing.pages) {
        const auto held = [&key](const auto& early) { return early.first == key.page; };
        return key.page <= listing.requested &&
               std::none_of(listing.early.begin(), listing.early.end(), held);
    }
    return key.page <= *listing.pages && !listing.received[static_cast<size_t>(key.page - 1)];
}

Outcome<std::vector<PageRequest>> Pager::accept(PageKey key, ListPage page) {
    std::vector<PageRequest> next;
    if (!wants(key)) return next;
    StatusListing& listing = listings_[key.status];
    if (!listing.pages && key.page != 1) {
        listing.early.emplace_back(key.page, std::move(page));
        return next;
    }
    if (!listing.pages) {
        // The service's ShowSize is what it paged by; fall back to ours if it echoed none.
        const int64_t size = pageShowSize(page) > 0 ? pageShowSize(page) : showSize_;
        const int64_t total = std::max<int64_t>(pageTotalCount(page), 0);
        const int64_t pages = std::max<int64_t>(total / size + (total % size != 0 ? 1 : 0), 1);
        if (pages > kMaxPagesPerStatus) {
            CasError e;
            e.code = "MalformedResponse";
            e.message = "TotalCount " + std::to_string(total) + " at ShowSize " +
                        std::to_string(size) + " would need " + std::to_string(pages) +
                        " pages; refusing more than " + std::to_string(kMaxPagesPerStatus);
            e.httpStatus = 200;
            return e;
        }
        listing.pages = pages;
        listing.rows.resize(static_cast<size_t>(pages));
        listing.received.assign(static_cast<size_t>(pages), false);
        progress_.pagesTotal += pages - 1;
        progress_.totalCount += total;
        const int64_t asked = listing.requested;
        for (int64_t p = asked + 1; p <= pages; ++p) next.push_back(requestFor(key.status, p));
        listing.requested = std::max(asked, pages);
        take(listing, 1, page);
        // Pages asked for on speculation: those within the count are taken in page order (the
        // ShowSize they were asked with is the one page 1 was), the rest are past the end.
        // At most a handful are held (one window of requests), so a scan per page is enough.
        std::vector<std::pair<int64_t, ListPage>> early = std::move(listing.early);
        listing.early.clear();
        for (int64_t number = 2; number <= std::min(pages, asked); ++number) {
            for (auto& held : early) {
                if (held.first == number) take(listing, number, held.second);
            }
        }
        return next;
    }
    take(listing, key.page, page);
    return next;
}

void Pager::take(StatusListing& listing, int64_t page, ListPage& answer) {
    const size_t index = static_cast<size_t>(page - 1);
    listing.received[index] = true;
    std::vector<ListRow>& rows = pageRows(answer);
    for (const ListRow& row : rows) {
        const auto id = rowIdentity(row);
        if (!id || seen_.insert(*id)) ++progress_.entriesLoaded;
    }
    if (!delivery_.keepEntries) {
        if (delivery_.onPageRows) delivery_.onPageRows(std::move(rows));
    } else {
        if (delivery_.onPageRows) delivery_.onPageRows(rows);  // a copy
        listing.rows[index] = std::move(rows);
    }
    ++progress_.pagesDone;
}

ListAllResult Pager::takeResult() {
    ListAllResult result;
    result.progress = progress_;
    if (!delivery_.keepEntries) return result;  // the rows went to onPageRows only
    result.entries.reserve(static_cast<size_t>(progress_.entriesLoaded));
    IdentitySet kept;
    kept.reserve(seen_.size());
    for (StatusListing& listing : listings_) {
        for (std::vector<ListRow>& rows : listing.rows) {
            for (ListRow& row : rows) {
                const auto id = rowIdentity(row);
                if (!id || kept.insert(*id)) {
                    result.entries.push_back(std::move(row));
                } else {
                    ++result.duplicates;
                }
            }
            rows = {};
        }
    }
    return result;
}

}  // namespace casview
