// casview: the certificate inventory, one list of unified rows from any mix of pages.
//
// Rows of ListUserCertificateOrder pages of every OrderType (shared/reference/
// alibaba-rpc-cas.md §3.4: certificates from CERT/UPLOAD, orders from CPACK/BUY) become entries
// with derived fields the page shows and queries use:
//  - kind: from the request's OrderType (PageOrigin), else from the row's fields;
//  - identity, for de-duplication: site + kind + CertificateId (certificates) or OrderId
//    (orders), else site + kind + InstanceId; a row without any is never merged. Ids are only
//    unique within one site (China / international endpoint), hence the site. A row already
//    present replaces the earlier copy in place (the newer copy wins, the first position stays);
//  - display name: certificates Name → CommonName → first SAN → InstanceId → "Certificate #id";
//    orders ProductName → first domain → InstanceId → "Order #id";
//  - primary domain: CommonName (else the first SAN) / the first name of an order's Domain;
//  - SANs: the comma-separated Sans (else the CommonName) / an order's Domain, normalized for
//    matching (domain_match.hpp: trimmed, case-folded, trailing dot dropped, A-labels),
//    de-duplicated;
//  - not-before / not-after, epoch ms (both inclusive): orders CertStartTime / CertEndTime;
//    certificates StartDate / EndDate, whole UTC days, valid through the whole EndDate:
//    not-before = 00:00:00.000Z of StartDate, not-after = 23:59:59.999Z of EndDate (the
//    emulator and the console agree: a certificate is listed EXPIRED from the day after
//    EndDate). Each kind falls back to the other's fields when its own are absent;
//  - days left = ⌊(notAfter − now) / 86 400 000⌋: negative exactly when now > notAfter
//    (expired); for certificates this is EndDate minus today's UTC date, so it changes at
//    00:00 UTC only, wherever the user is;
//  - expiry state: expired (days left < 0), critical (≤ criticalDays), warning (≤ warningDays),
//    ok; unknown without an end date (expired when the row says Expired: true);
//  - status: the row's Status, else the Status of the request that listed it, else (for
//    certificates) ISSUED / WILLEXPIRED (≤ 30 days left, the console's window) / EXPIRED
//    from the dates;
//  - order type: CERT or UPLOAD (the row's Upload flag), CPACK or BUY (SourceType), else the
//    request's;
//  - superseded (certificates only): an older certificate whose every SAN is covered
//    (wildcard-aware) by one newer certificate that is valid now. "Newer" means a later
//    not-after (on a tie, a later not-before).
//
// Time is an input (setNow). Const methods may compute cached data (superseded flags) under an
// internal mutex; concurrent const calls are safe, mutations are not.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "certificate_row.hpp"
#include "response_parser.hpp"

namespace casview {

enum class EntryKind : uint8_t { Certificate, Order };
enum class ExpiryState : uint8_t { Expired, Critical, Warning, Ok, Unknown };
inline constexpr size_t kExpiryStateCount = 5;

/// "certificate" / "order".
std::string_view entryKindName(EntryKind kind);
/// "expired", "critical", "warning", "ok", "unknown".
std::string_view expiryStateName(ExpiryState state);

struct ExpiryThresholds {
    int64_t criticalDays = 7;
    int64_t warningDays = 30;
};

/// What the caller knows about the request a page answered; each may be empty.
struct PageOrigin {
    std::string_view orderType = {};  // CERT, UPLOAD, CPACK, BUY
    std::string_view status = {};     // the request's Status
    std::string_view site = {};       // which account/endpoint listed it (ids are unique per site)
};

inline constexpr int64_t kMsPerDay = 86400000;
/// Days before the end at which the console lists a certificate as WILLEXPIRED.
inline constexpr int64_t kWillExpireDays = 30;

/// ⌊(notAfterMs − nowMs) / day⌋ (see the header comment).
int64_t daysLeft(int64_t notAfterMs, int64_t nowMs);

/// Everything known about one entry, as views into the inventory (valid until it changes).
struct InventoryEntry {
    const CertificateRow* row = nullptr;
    EntryKind kind = EntryKind::Certificate;
    std::string_view orderType;
    std::string_view status;
    std::string_view displayName;
    std::string_view primaryDomain;
    std::vector<std::string_view> sans;
    std::optional<int64_t> notBeforeMs;
    std::optional<int64_t> notAfterMs;
    std::optional<int64_t> daysLeft;
    ExpiryState expiryState = ExpiryState::Unknown;
    bool superseded = false;
};

class Inventory {
public:
    explicit Inventory(int64_t nowMs = 0, ExpiryThresholds thresholds = {});
    Inventory(const Inventory&) = delete;
    Inventory& operator=(const Inventory&) = delete;

    /// Adds a page's rows in API order; returns how many were new (the rest replaced copies).
    size_t addPage(CertificateOrderPage page, const PageOrigin& origin = {});
    size_t addRows(std::vector<CertificateRow> rows, const PageOrigin& origin = {});
    /// True when the row is new, false when it replaced an entry with the same identity.
    bool addRow(CertificateRow row, const PageOrigin& origin = {});
    void clear();

    /// Moves the clock: days left, expiry states, date-derived statuses, superseded flags. A
    /// move that changes none of them (within the same day of every entry, no validity start
    /// or end crossed) keeps the generation, so caches over the inventory stay valid: the page
    /// passes the wall clock with every query.
    void setNow(int64_t nowMs);
    void setThresholds(ExpiryThresholds thresholds);
    int64_t nowMs() const { return nowMs_; }
    const ExpiryThresholds& thresholds() const { return thresholds_; }

    size_t size() const { return rows_.size(); }
    bool empty() const { return rows_.empty(); }
    /// Changes whenever entries or derived fields change (for caches built over the inventory).
    uint64_t generation() const { return generation_; }

    const CertificateRow& row(size_t i) const { return rows_[i]; }
    EntryKind kind(size_t i) const { return entries_[i].kind; }
    std::string_view orderType(size_t i) const;
    std::string_view status(size_t i) const { return statuses_.names()[entries_[i].status]; }
    std::string_view resourceGroupId(size_t i) const { return groups_.names()[entries_[i].resourceGroup]; }
    std::string_view site(size_t i) const { return sites_.names()[entries_[i].site]; }
    std::string_view displayName(size_t i) const { return textOf(entries_[i].displayName); }
    std::string_view primaryDomain(size_t i) const { return textOf(entries_[i].primaryDomain); }
    /// Normalized SANs joined by ','.
    std::string_view sanList(size_t i) const { return textOf(entries_[i].sans); }
    std::vector<std::string_view> sans(size_t i) const;
    size_t sanCount(size_t i) const { return entries_[i].sanCount; }
    std::optional<int64_t> notBeforeMs(size_t i) const;
    std::optional<int64_t> notAfterMs(size_t i) const;
    std::optional<int64_t> daysLeft(size_t i) const;
    ExpiryState expiryState(size_t i) const { return entries_[i].expiry; }
    bool superseded(size_t i) const;
    /// The CertificateId of a certificate, the OrderId of an order.
    std::optional<int64_t> id(size_t i) const;
    InventoryEntry entry(size_t i) const;

    std::optional<size_t> findCertificate(int64_t certificateId, std::string_view site = {}) const;
    std::optional<size_t> findOrder(int64_t orderId, std::string_view site = {}) const;

    /// Distinct statuses and resource groups seen; index 0 is "" (none).
    const std::vector<std::string>& statusNames() const { return statuses_.names(); }
    const std::vector<std::string>& resourceGroupNames() const { return groups_.names(); }
    const std::vector<std::string>& siteNames() const { return sites_.names(); }

private:
    friend class InventoryQueryEngine;

    /// Distinct strings ↔ small ids (0 = ""). Rows repeat a few values (statuses, issuers, …),
    /// so a direct-mapped cache of recent ids answers most lookups without hashing a copy.
    class Interner {
    public:
        uint32_t intern(std::string_view value);
        const std::vector<std::string>& names() const { return names_; }
        void clear();

    private:
        std::vector<std::string> names_{""};
        std::unordered_map<std::string, uint32_t> ids_{{"", 0}};
        std::array<uint32_t, 64> recent_{};
    };

    struct Span {
        uint32_t offset = 0;
        uint32_t length = 0;
    };
    struct EntryData {
        EntryKind kind = EntryKind::Certificate;
        uint8_t orderType = 0;       // index into kOrderTypeNames
        bool statusFromDates = false;
        ExpiryState expiry = ExpiryState::Unknown;
        bool hasNotBefore = false;
        bool hasNotAfter = false;
        uint32_t status = 0;         // id in statuses_
        uint32_t resourceGroup = 0;  // id in groups_
        uint32_t site = 0;           // id in sites_
        uint32_t segment = 0;        // search segment of this entry
        std::array<uint32_t, 6> facets{};  // kFacetFields values: ids in facets_ / facetFolded_
        uint32_t sanCount = 0;
        Span displayName, primaryDomain, sans;
        int64_t notBeforeMs = 0;
        int64_t notAfterMs = 0;
        int64_t daysLeft = 0;
    };
    struct IdKey {
        uint32_t site;
        uint8_t kind;
        int64_t id;
        bool operator==(const IdKey& o) const { return site == o.site && kind == o.kind && id == o.id; }
    };
    struct IdKeyHash {
        size_t operator()(const IdKey& k) const {
            return std::hash<int64_t>()(k.id) ^ (static_cast<size_t>(k.site) * size_t{0x9E3779B9} + k.kind);
        }
    };

    std::string_view textOf(Span span) const { return std::string_view(text_).substr(span.offset, span.length); }
    Span appendText(std::string_view text);
    void derive(size_t i, const PageOrigin& origin);
    void deriveTime(size_t i);
    void appendSearchSegment(size_t i);
    /// Adds the adjacent pairs of lower-case hex digits in text to a 256-bit set.
    static void addHexBigrams(std::array<uint64_t, 4>& set, std::string_view text);
    /// Narrows [nowFrom_, nowUntil_) to the clock values at which entry i's time-derived
    /// fields stay what they are at nowMs_.
    void narrowNowWindow(size_t i);
    void computeSuperseded() const;
    /// The superseded flag of every entry, computed first if stale.
    const std::vector<uint8_t>& supersededFlags() const;
    void changed();

    int64_t nowMs_;
    // Every time-derived field is the same for any clock value in [nowFrom_, nowUntil_).
    int64_t nowFrom_ = INT64_MIN;
    int64_t nowUntil_ = INT64_MAX;
    ExpiryThresholds thresholds_;
    uint64_t generation_ = 1;

    std::vector<CertificateRow> rows_;
    std::vector<EntryData> entries_;
    std::string text_;  // display names, primary domains, normalized SAN lists

    // Case-folded search text. Each entry version appends one segment ('\n'-terminated) to both
    // arenas; a replaced entry's old segment is marked dead.
    std::string search_;     // names, domains (A- and U-labels), ids, issuer, brand, …
    std::string hexSearch_;  // fingerprint, SHA-256, serial number
    std::vector<uint32_t> segmentStart_, hexSegmentStart_;
    std::vector<uint32_t> segmentOwner_;  // entry index, or kDeadSegment
    std::array<uint64_t, 256> searchByteCounts_{};  // to pick a term's rarest byte
    // Per segment, the hex digit pairs its hex text contains (256 bits): a hex term's pairs
    // must all be there, which rules out ~99 % of rows before any string search.
    std::vector<std::array<uint64_t, 4>> hexBigrams_;
    // Fields with few distinct values (issuer, brand, product, organization, resource group)
    // are searched once per distinct value, not once per row: entries hold value ids.
    Interner facets_;                        // trimmed values as sent
    std::vector<std::string> facetFolded_{""};  // the same, case-folded, by id
    static constexpr uint32_t kDeadSegment = UINT32_MAX;

    Interner statuses_;
    Interner groups_;
    Interner sites_;

    std::unordered_map<IdKey, uint32_t, IdKeyHash> byId_;
    std::unordered_map<std::string, uint32_t> byInstanceId_;

    mutable std::mutex supersededMutex_;
    mutable bool supersededStale_ = false;
    mutable std::vector<uint8_t> superseded_;
};

}  // namespace casview
