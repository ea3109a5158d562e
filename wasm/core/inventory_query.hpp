// casview: filter, search, sort and page the inventory, fast enough for every keystroke.
//
// Free-text search: the text is case-folded (case_fold.hpp) and split at whitespace; every term
// must occur as a substring of one of an entry's fields: Name, CommonName, every SAN (as A-label
// and, for IDNs, as U-label: "bücher" finds xn--bcher-kva.example), InstanceId, Issuer,
// RootBrand, ProductName, ProductCode, OrgName, ResourceGroupId, PartnerOrderId, the ids in
// decimal; a term of at least 6 hex digits (colons ignored, so "CC:6B:36" works) also in
// Fingerprint, Sha2 and SerialNo (shorter ones would match nearly every row there). At most 32
// terms count. A text that extends the previous one (typing) only re-checks the previous
// matches, and erasing a character goes back to the matches of the text before it.
//
// Filters (all optional, all must hold): kind; Status in a set; order type in a set; expiry
// state in a set; expires within N days (0 ≤ days left ≤ N: expired entries are not
// "expiring"); not-after in [notAfterFromMs, notAfterToMs) (a timeline bucket; entries
// without an end date never match a bound); resource group; site in a set; superseded hidden;
// coverage: entries with a SAN that covers a host as TLS does (domain_match.hpp).
//
// Sorting is stable (ties keep API order) on any SortKey, ascending or descending; entries
// without a value for the key (no end date, no name, …) come last either way. Text keys
// compare case-folded, by code point. Default: soonest expiry first.
//
// The engine caches a full ordering per sort key and reuses its buffers, so a query is one
// linear pass (plus the text scan) with no allocation once warm.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expiry_histogram.hpp"
#include "inventory.hpp"

namespace casview {

enum class SortKey : uint8_t {
    NotAfter,  // expiry (= days left)
    NotBefore,
    Name,      // display name
    Domain,    // primary domain
    Kind,
    Status,
    OrderType,
    ExpiryState,
    Issuer,    // Issuer, else RootBrand
    InstanceId,
    Id,        // CertificateId / OrderId
    ResourceGroup,
    SanCount,
    Superseded,
    ApiOrder,  // the order entries were first added
    Site,
};
inline constexpr size_t kSortKeyCount = 16;

/// "notAfter", "notBefore", "name", "domain", "kind", "status", "orderType", "expiryState",
/// "issuer", "instanceId", "id", "resourceGroup", "sanCount", "superseded", "apiOrder", "site".
std::string_view sortKeyName(SortKey key);
std::optional<SortKey> parseSortKey(std::string_view name);

inline constexpr size_t kNoLimit = SIZE_MAX;

struct InventoryQuery {
    std::string text;
    std::optional<EntryKind> kind;
    std::vector<std::string> statuses;         // any of (case-insensitive); empty: all
    std::vector<std::string> orderTypes;       // CERT, UPLOAD, CPACK, BUY; empty: all
    std::vector<ExpiryState> expiryStates;     // empty: all
    std::optional<int64_t> expiresWithinDays;
    std::optional<int64_t> notAfterFromMs;     // inclusive
    std::optional<int64_t> notAfterToMs;       // exclusive
    std::optional<std::string> resourceGroupId;  // "" selects entries without one
    std::vector<std::string> sites;            // any of (exact; "" = no site); empty: all
    bool hideSuperseded = false;
    std::string coversHost;                    // "" = no coverage filter
    SortKey sortKey = SortKey::NotAfter;
    bool descending = false;
    size_t offset = 0;
    size_t limit = kNoLimit;
    bool withHistogram = false;                // fill QueryResult::histogram (matched entries)
};

struct InventoryCounts {
    size_t total = 0;
    std::array<size_t, kExpiryStateCount> byExpiryState{};  // indexed by ExpiryState
    std::array<size_t, 2> byKind{};                          // indexed by EntryKind
    std::vector<std::pair<std::string, size_t>> byStatus;   // by name ("" = none), non-zero only
    size_t superseded = 0;
};

struct QueryResult {
    std::vector<uint32_t> rows;   // entry indices of the page [offset, offset + limit), sorted
    size_t matched = 0;           // entries that pass every filter
    InventoryCounts matchedCounts;
    InventoryCounts allCounts;
    ExpiryHistogram histogram;    // of matched entries, when asked
};

class InventoryQueryEngine {
public:
    explicit InventoryQueryEngine(const Inventory& inventory);

    /// Runs a query; `result`'s buffers are reused.
    void run(const InventoryQuery& query, QueryResult& result);
    QueryResult run(const InventoryQuery& query);

private:
    void refreshIfChanged();
    const std::vector<uint32_t>& orderFor(SortKey key, bool descending);
    std::optional<int64_t> intKeyOf(SortKey key, size_t i) const;
    std::string_view textKeyOf(SortKey key, size_t i) const;
    bool searchText(std::string_view text);
    /// Builds the entries' count classes if stale; false when there are too many classes.
    bool countClassesReady();

    const Inventory& inventory_;
    uint64_t generation_ = 0;
    uint64_t contentGeneration_ = 0;  // orders by time-free keys and search matches keep across clock moves
    std::array<std::vector<uint32_t>, kSortKeyCount * 2> orders_;
    std::array<bool, kSortKeyCount * 2> orderReady_{};
    InventoryCounts allCounts_;
    bool allCountsReady_ = false;
    // What the counts tell apart (status, expiry state, kind, superseded): each entry's
    // combination as a class id, for counting the matches of a text search one byte a row.
    struct CountClass {
        uint32_t status;
        uint8_t expiry, kind, superseded;
    };
    std::vector<CountClass> classes_;
    std::vector<uint8_t> countClass_;
    bool classesReady_ = false;
    bool classesUsable_ = false;  // false: more classes than a byte tells apart
    std::vector<size_t> classCounts_;

    // Per-query scratch, kept for its capacity.
    std::vector<uint8_t> termHits_;  // per entry: how many terms (in order) it contains
    std::vector<uint8_t> facetHits_; // per facet value: contains the current term
    uint8_t termCount_ = 0;
    // The previous search, to refine it when the text is extended.
    std::string lastFolded_;
    uint64_t lastGeneration_ = 0;  // the inventory's content generation it was made in
    size_t lastTermCount_ = 0;
    bool lastTermSearchedHex_ = false;
    // The searches on the way to the previous text, each a prefix of the next (what erasing
    // goes back to): their matches as bits.
    struct PastSearch {
        std::string folded;
        std::vector<uint64_t> matches;
        uint8_t termCount;
        bool lastTermSearchedHex;
    };
    static constexpr size_t kMaxPath = 64;
    std::vector<PastSearch> path_;
    std::vector<uint8_t> selected_;
    std::vector<size_t> statusCounts_;
    std::vector<uint8_t> statusAllowed_;
    std::vector<uint8_t> siteAllowed_;
    std::string folded_;
    std::string hexTerm_;
};

/// A one-off query (an engine built for it; keep an engine to query repeatedly).
QueryResult queryInventory(const Inventory& inventory, const InventoryQuery& query);

}  // namespace casview
