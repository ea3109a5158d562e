// casview: the certificate inventory, one list of unified rows from any mix of pages.
//
// Rows of ListUserCertificateOrder pages of every OrderType (docs/alibaba-api.md §3.4:
// certificates from CERT/UPLOAD, orders from CPACK/BUY) become entries with derived fields the
// page shows and queries use:
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
// Time is an input (setNow). Const methods may compute cached data (superseded flags, the
// search index) under an internal mutex; concurrent const calls are safe, mutations are not.
//
// The search index (folded texts, hex digit pairs) is not built while rows are added: adding a
// page stays a parse plus the derived fields. A text search builds what is missing first;
// prepareSearch() builds it ahead, in slices, e.g. while the page is idle.
//
// Storage (docs/performance.md: 100,000 rows in under 64 MB of WASM memory): per entry a fixed-size
// record of derived values, its texts (display name, primary domain, SANs, InstanceId) and the
// row itself as a compact record (row_record.hpp) in chunks that never move; row(i) decodes it.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "certificate_row.hpp"
#include "chunked_text.hpp"
#include "response_parser.hpp"
#include "row_record.hpp"
#include "text_table.hpp"

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
    CertificateRow row;
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

    size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    /// Changes whenever entries or derived fields change (for caches built over the inventory).
    uint64_t generation() const { return generation_; }
    /// Changes whenever entries change, but not when only the clock or the thresholds move (for
    /// caches of what does not depend on time: texts, names, dates).
    uint64_t contentGeneration() const { return contentGeneration_; }

    /// The row as it was added (decoded from its record: call it for one row, not in a loop).
    CertificateRow row(size_t i) const;
    EntryKind kind(size_t i) const { return entries_[i].kind; }
    std::string_view orderType(size_t i) const;
    std::string_view status(size_t i) const { return statuses_.names()[entries_[i].status]; }
    std::string_view resourceGroupId(size_t i) const { return facets_.names()[entries_[i].facets[kGroupFacet]]; }
    std::string_view site(size_t i) const { return sites_.names()[entries_[i].site]; }
    std::string_view displayName(size_t i) const { return entryText(i, 0); }
    std::string_view primaryDomain(size_t i) const { return entryText(i, 1); }
    /// Normalized SANs joined by ','.
    std::string_view sanList(size_t i) const { return entryText(i, 2); }
    /// The row's InstanceId (trimmed), "" when it has none.
    std::string_view instanceId(size_t i) const { return entryText(i, 3); }
    /// Issuer, else RootBrand (orders), trimmed; "" when neither.
    std::string_view issuer(size_t i) const;
    std::vector<std::string_view> sans(size_t i) const;
    size_t sanCount(size_t i) const;
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

    /// Distinct statuses and sites seen; index 0 is "" (none).
    const std::vector<std::string>& statusNames() const { return statuses_.names(); }
    const std::vector<std::string>& siteNames() const { return sites_.names(); }
    /// The distinct ResourceGroupIds (trimmed) of the entries, sorted; none for "".
    std::vector<std::string_view> resourceGroups() const;

    /// Builds the search index of up to maxEntries entries added or replaced since it was last
    /// complete; true when it is complete. A search does this itself: call it ahead of one
    /// (in idle time) so that the first search after many adds stays fast.
    bool prepareSearch(size_t maxEntries = SIZE_MAX) const;

private:
    friend class InventoryQueryEngine;

    /// Distinct strings ↔ small ids (0 = ""): statuses, sites, facet values.
    class Interner {
    public:
        Interner() { ids_.intern(""); }
        uint32_t intern(std::string_view value) { return value.empty() ? 0 : ids_.intern(value); }
        const std::vector<std::string>& names() const { return ids_.texts(); }
        void clear() {
            ids_.clear();
            ids_.intern("");
        }

    private:
        TextTable<std::string> ids_;
    };

    /// SAN names of certificates (views into records_, whose chunks never move) ↔ ids.
    using NameTable = TextTable<std::string_view>;

    // Facets: fields with few distinct values, searched once per distinct value (not once per
    // row) and kept as ids: Issuer, RootBrand, ProductName, ProductCode, OrgName, resource group.
    static constexpr size_t kFacetCount = 6;
    static constexpr size_t kGroupFacet = 5;

    struct EntryData {
        int64_t notBeforeMs = 0;
        int64_t notAfterMs = 0;
        int64_t id = 0;              // CertificateId / OrderId when hasId
        uint32_t record = 0;         // position in records_: texts, then the row's record
        uint32_t status = 0;         // id in statuses_
        uint32_t site = 0;           // id in sites_
        uint32_t sanSet = 0;         // certificates: id of its set of SAN names (+1; 0 = none)
        std::array<uint32_t, kFacetCount> facets{};  // ids in facets_ / facetFolded_
        EntryKind kind = EntryKind::Certificate;
        uint8_t orderType = 0;       // index into kOrderTypeNames
        ExpiryState expiry = ExpiryState::Unknown;
        // Flags as bits (72 bytes an entry; a bit-field has no default initializer in C++17:
        // entries are value-initialized, so they start false).
        bool statusFromDates : 1;
        bool hasNotBefore : 1;
        bool hasNotAfter : 1;
        bool hasId : 1;
        bool expiredFlag : 1;        // the row says Expired: true (counts when no end date)
    };

    /// addRow without the new generation (addRows makes one for all its rows).
    bool insertRow(const CertificateRow& row, const PageOrigin& origin);
    /// Text k of entry i (0 display name, 1 primary domain, 2 SAN list, 3 InstanceId).
    std::string_view entryText(size_t i, size_t k) const;
    /// The row's record (after the entry's texts).
    std::string_view rowRecord(size_t i) const;
    /// Derives entry i's fields and texts_ (display name, primary domain, SAN list, InstanceId).
    void derive(size_t i, const CertificateRow& row, const PageOrigin& origin, uint8_t requestedOrderType);
    void deriveTime(size_t i);
    /// Indexes entry i for search: its segment of search_ and its hex pairs, from its record
    /// (inventory_search_index.cpp; the caller holds searchMutex_).
    void indexEntry(size_t i) const;
    /// Adds the adjacent pairs of hex digits in the folded text to a 256-bit set.
    using HexPairs = std::array<uint64_t, 4>;
    static void addHexBigrams(HexPairs& set, std::string_view text);
    /// Adds the adjacent byte pairs of a (folded) text to a 256-bit set, hashed: a text that
    /// contains a term has every pair of the term (not the other way round).
    using TextPairs = std::array<uint64_t, 4>;
    static void addTextPairs(TextPairs& set, std::string_view text);
    /// The folded hex search text of entry i (Fingerprint, Sha2, SerialNo, '\n'-terminated).
    void appendHexSearchText(std::string& out, size_t i) const;
    uint32_t sanSetOf(std::string_view sanList);
    /// The facet id of a text (trimmed), added if new.
    uint32_t internFacet(std::string_view value);
    /// The facet / status id of a dictionary text, trimmed (cached per dictionary id).
    uint32_t facetOfText(uint32_t dictionaryId);
    uint32_t statusOfText(uint32_t dictionaryId);
    void computeSuperseded() const;
    /// The superseded flag of every entry, computed first if stale.
    const std::vector<uint8_t>& supersededFlags() const;
    /// Narrows [nowFrom_, nowUntil_) to the clock values at which entry i's time-derived
    /// fields stay what they are at nowMs_.
    void narrowNowWindow(size_t i);
    /// A new generation; `content`: the entries changed, not only time-derived fields.
    void changed(bool content);

    // Identity index: entry indices (+1; 0 = empty) in an open-addressing table, keyed by
    // site + kind + id, else site + kind + InstanceId.
    static uint64_t identityHash(uint32_t site, EntryKind kind, bool hasId, int64_t id, std::string_view instanceId);
    uint64_t identityHash(size_t i) const;
    /// The entry with this identity, if any.
    std::optional<size_t> findIdentity(uint32_t site, EntryKind kind, bool hasId, int64_t id, std::string_view instanceId) const;
    void growIdentityTable();

    int64_t nowMs_;
    // Every time-derived field is the same for any clock value in [nowFrom_, nowUntil_).
    int64_t nowFrom_ = INT64_MIN;
    int64_t nowUntil_ = INT64_MAX;
    ExpiryThresholds thresholds_;
    uint64_t generation_ = 1;
    uint64_t contentGeneration_ = 1;

    ChunkedVector<EntryData> entries_;
    ChunkedText records_;          // per entry: its four texts, then the row's record
    RecordDictionary dictionary_;  // categorical texts of the records
    std::vector<uint32_t> identities_;
    size_t identityCount_ = 0;

    // The search index (built by prepareSearch(), under searchMutex_). Case-folded search
    // text: each indexed entry version appends one segment ('\n'-terminated); a replaced
    // entry's old segment is marked dead. Segments never span chunks.
    mutable std::mutex searchMutex_;
    mutable ChunkedText search_;  // names, domains (A- and U-labels), ids, brand, …
    mutable std::vector<uint32_t> segmentStart_;  // position in search_
    mutable std::vector<uint32_t> segmentOwner_;  // entry index, or kDeadSegment
    mutable std::array<uint64_t, 256> searchByteCounts_{};  // to pick a term's rarest byte
    mutable ChunkedVector<uint32_t> entrySegments_;  // per indexed entry: its segment, or kNoSegment
    // Per entry, the hex digit pairs of its Fingerprint, Sha2 and SerialNo (256 bits): a hex
    // term's pairs must all be there, which rules out ~99 % of rows before its record is read.
    mutable ChunkedVector<HexPairs> hexBigrams_;
    // Per entry, the byte pairs of its search segment (addTextPairs, ~1 bit in 4 set): while
    // typing refines a search, a row whose segment lacks a pair of the term is not read (the
    // keys that rule out most of 100,000 rows, e.g. "d" → "di").
    mutable ChunkedVector<TextPairs> textPairs_;
    // Entries [0, indexedPrefix_) have been indexed; reindex_ holds those of them replaced
    // since (their old segment dead, entrySegments_[e] kNoSegment).
    mutable size_t indexedPrefix_ = 0;
    mutable std::vector<uint32_t> reindex_;
    mutable std::array<std::string, 11> indexTexts_;  // indexEntry's scratch: field texts, segment
    mutable std::string indexSegment_;
    Interner facets_;                           // trimmed values as sent
    std::vector<std::string> facetFolded_{""};  // the same, case-folded, by id
    static constexpr uint32_t kDeadSegment = UINT32_MAX;  // in segmentOwner_
    static constexpr uint32_t kNoSegment = UINT32_MAX;    // in entrySegments_

    Interner statuses_;
    Interner sites_;
    // Per dictionary id: its facet / status id, or kNotYet.
    static constexpr uint32_t kNotYet = UINT32_MAX;
    std::vector<uint32_t> facetOfText_;
    std::vector<uint32_t> statusOfText_;

    // Certificates' SAN names and their distinct sets (superseded flags): sets as sorted name
    // ids, set k at sanSetNames_[sanSetStart_[k] .. sanSetStart_[k + 1]).
    NameTable sanNames_;
    std::vector<uint32_t> sanSetNames_;
    std::vector<uint32_t> sanSetStart_{0};
    std::vector<uint32_t> sanSetSlots_;  // open addressing: set id + 1

    // Scratch of addRow, kept for its capacity (no allocation per row once warm).
    RecordMembers members_;
    std::string scratchRecord_, scratchEntry_;
    std::array<std::string, 4> texts_;  // derive(): display name, primary domain, SAN list, InstanceId
    std::vector<uint32_t> sanIdsScratch_;
    std::vector<std::string_view> sanMissingScratch_;
    mutable std::array<std::string, 3> hexScratch_;  // appendHexSearchText's field texts

    mutable std::mutex supersededMutex_;
    mutable bool supersededStale_ = false;
    mutable std::vector<uint8_t> superseded_;
};

}  // namespace casview
