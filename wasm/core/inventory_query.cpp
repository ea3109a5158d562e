#include "inventory_query.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "case_fold.hpp"
#include "domain_match.hpp"
#include "sorting.hpp"

namespace casview {
namespace {

constexpr std::array<std::string_view, kSortKeyCount> kSortKeyNames = {
    "notAfter", "notBefore", "name", "domain", "kind", "status", "orderType", "expiryState",
    "issuer", "instanceId", "id", "resourceGroup", "sanCount", "superseded", "apiOrder", "site"};

constexpr size_t kMaxTerms = 32;

constexpr size_t kMinHexTermDigits = 6;

// A term also looked for in the hex fields: ≥ 6 hex digits, colons allowed between them.
bool searchesHex(std::string_view term) {
    size_t digits = 0;
    for (const char c : term) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) ++digits;
        else if (c != ':') return false;
    }
    return digits >= kMinHexTermDigits;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// Whether text contains term, looking for the term's byte at `rare` (its rarest) with memchr.
bool containsTerm(std::string_view text, std::string_view term, size_t rare) {
    const size_t length = term.size();
    if (text.size() < length) return false;
    const char* p = text.data() + rare;
    const char* const last = text.data() + (text.size() - length) + rare;  // the last place it may be
    while (p <= last) {
        p = static_cast<const char*>(std::memchr(p, term[rare], static_cast<size_t>(last - p) + 1));
        if (!p) return false;
        // The last byte first: a near miss ("example.org" for "example.c") costs no memcmp.
        if (p[length - 1 - rare] == term[length - 1] && std::memcmp(p - rare, term.data(), length) == 0) return true;
        ++p;
    }
    return false;
}

// The index of term's rarest byte in the arena.
size_t rarestByte(const std::array<uint64_t, 256>& counts, std::string_view term) {
    size_t rare = 0;
    for (size_t k = 1; k < term.size(); ++k) {
        if (counts[static_cast<unsigned char>(term[k])] < counts[static_cast<unsigned char>(term[rare])]) rare = k;
    }
    return rare;
}

// Calls onHit(segment) once for every segment of the arena that contains term. Looks for the
// term's rarest byte (by the arena's own byte counts) with memchr and checks around it.
// `starts` are the positions of the arena's segments (chunk << bits | offset, one chunk), the
// first of them segment number `firstSegment`.
template <class OnHit>
void scanArena(std::string_view arena, const uint32_t* startsBegin, const uint32_t* startsEnd, size_t firstSegment,
               const std::array<uint64_t, 256>& counts, std::string_view term, OnHit onHit) {
    const size_t n = arena.size(), length = term.size();
    const size_t segments = static_cast<size_t>(startsEnd - startsBegin);
    if (length == 0 || n < length || segments == 0) return;
    const auto start = [&](size_t k) { return ChunkedText::offsetOf(startsBegin[k]); };
    const size_t rare = rarestByte(counts, term);
    const char* const base = arena.data();
    size_t pos = 0, segment = 0;
    while (pos + length <= n) {
        const void* found = std::memchr(base + pos + rare, term[rare], n - length - pos + 1);
        if (!found) return;
        const size_t candidate = static_cast<size_t>(static_cast<const char*>(found) - base) - rare;
        if (base[candidate + length - 1] != term[length - 1] || std::memcmp(base + candidate, term.data(), length) != 0) {
            pos = candidate + 1;
            continue;
        }
        // The hit's segment: usually the current one or just after it.
        size_t probe = 0;
        while (probe < 4 && segment + 1 < segments && start(segment + 1) <= candidate) ++segment, ++probe;
        if (segment + 1 < segments && start(segment + 1) <= candidate) {
            size_t low = segment + 1, high = segments;  // the last segment starting at or before candidate
            while (high - low > 1) {
                const size_t mid = low + (high - low) / 2;
                if (start(mid) <= candidate) low = mid;
                else high = mid;
            }
            segment = low;
        }
        onHit(firstSegment + segment);
        pos = segment + 1 < segments ? start(segment + 1) : n;  // one hit per segment is enough
    }
}

bool hasAllPairs(const std::array<uint64_t, 4>& set, const std::array<uint64_t, 4>& wanted) {
    return (set[0] & wanted[0]) == wanted[0] && (set[1] & wanted[1]) == wanted[1] && (set[2] & wanted[2]) == wanted[2] &&
           (set[3] & wanted[3]) == wanted[3];
}

// The bytes of search segment s: up to the next segment, or to the end of its chunk.
std::string_view segmentText(const ChunkedText& arena, const std::vector<uint32_t>& starts, size_t s) {
    const std::string_view rest = arena.from(starts[s]);
    if (s + 1 < starts.size() && ChunkedText::chunkOf(starts[s + 1]) == ChunkedText::chunkOf(starts[s])) {
        return rest.substr(0, starts[s + 1] - starts[s]);
    }
    return rest;
}

}  // namespace

std::string_view sortKeyName(SortKey key) { return kSortKeyNames[static_cast<size_t>(key)]; }

std::optional<SortKey> parseSortKey(std::string_view name) {
    for (size_t i = 0; i < kSortKeyNames.size(); ++i) {
        if (kSortKeyNames[i] == name) return static_cast<SortKey>(i);
    }
    return std::nullopt;
}

InventoryQueryEngine::InventoryQueryEngine(const Inventory& inventory) : inventory_(inventory) {}

void InventoryQueryEngine::refreshIfChanged() {
    if (generation_ == inventory_.generation()) return;
    generation_ = inventory_.generation();
    allCountsReady_ = false;
    classesReady_ = false;
    if (contentGeneration_ != inventory_.contentGeneration()) {
        contentGeneration_ = inventory_.contentGeneration();
        orderReady_.fill(false);
        return;
    }
    // Only the clock (or the thresholds) moved: with many orders, whose ends are to the
    // millisecond, that happens every few seconds; only what derives from time is stale.
    for (const SortKey key : {SortKey::Status, SortKey::ExpiryState, SortKey::Superseded}) {
        orderReady_[static_cast<size_t>(key) * 2] = orderReady_[static_cast<size_t>(key) * 2 + 1] = false;
    }
}

namespace {

// One sort for every key: the keys are computed first (a switch per key), then integer keys go
// through a radix sort and texts through one merge sort; entries without a value go last in
// both directions, ties keep API order (the index).
struct TextKeys {
    std::string_view all;                 // every folded text, one after the other
    std::vector<uint32_t> offset, length;
    bool descending;
};

bool textKeyLess(const void* context, uint32_t a, uint32_t b) {
    const auto& keys = *static_cast<const TextKeys*>(context);
    const bool missingA = keys.length[a] == 0, missingB = keys.length[b] == 0;
    if (missingA != missingB) return missingB;
    const int c = keys.all.substr(keys.offset[a], keys.length[a]).compare(keys.all.substr(keys.offset[b], keys.length[b]));
    return keys.descending ? c > 0 : c < 0;
}

bool isTextKey(SortKey key) {
    switch (key) {
        case SortKey::Name:
        case SortKey::Domain:
        case SortKey::Status:
        case SortKey::OrderType:
        case SortKey::Issuer:
        case SortKey::InstanceId:
        case SortKey::ResourceGroup:
        case SortKey::Site:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::optional<int64_t> InventoryQueryEngine::intKeyOf(SortKey key, size_t i) const {
    const Inventory::EntryData& d = inventory_.entries_[i];
    const auto present = [](bool has, int64_t value) { return has ? std::optional<int64_t>(value) : std::nullopt; };
    switch (key) {
        case SortKey::NotAfter: return present(d.hasNotAfter, d.notAfterMs);
        case SortKey::NotBefore: return present(d.hasNotBefore, d.notBeforeMs);
        case SortKey::Kind: return static_cast<int64_t>(d.kind);
        case SortKey::ExpiryState: return present(d.expiry != ExpiryState::Unknown, static_cast<int64_t>(d.expiry));
        case SortKey::Id: return inventory_.id(i);
        case SortKey::SanCount: return static_cast<int64_t>(inventory_.sanCount(i));
        case SortKey::Superseded: return static_cast<int64_t>(inventory_.superseded(i));
        default: return std::nullopt;
    }
}

std::string_view InventoryQueryEngine::textKeyOf(SortKey key, size_t i) const {
    const Inventory& inv = inventory_;
    switch (key) {
        case SortKey::Name: return inv.displayName(i);
        case SortKey::Domain: return inv.primaryDomain(i);
        case SortKey::Status: return inv.status(i);
        case SortKey::OrderType: return inv.orderType(i);
        case SortKey::Issuer: return inv.issuer(i);
        case SortKey::InstanceId: return inv.instanceId(i);
        case SortKey::ResourceGroup: return inv.resourceGroupId(i);
        case SortKey::Site: return inv.site(i);
        default: return {};
    }
}

const std::vector<uint32_t>& InventoryQueryEngine::orderFor(SortKey key, bool descending) {
    const size_t slot = static_cast<size_t>(key) * 2 + (descending ? 1 : 0);
    std::vector<uint32_t>& order = orders_[slot];
    if (orderReady_[slot]) return order;
    orderReady_[slot] = true;

    const size_t n = inventory_.entries_.size();
    order.resize(n);
    if (key == SortKey::ApiOrder) {
        std::iota(order.begin(), order.end(), 0u);
        if (descending) std::reverse(order.begin(), order.end());
        return order;
    }
    if (key == SortKey::Superseded) inventory_.supersededFlags();  // computed once, not per row

    if (isTextKey(key)) {
        std::string folded;
        TextKeys keys{{}, std::vector<uint32_t>(n), std::vector<uint32_t>(n), descending};
        for (size_t i = 0; i < n; ++i) {
            keys.offset[i] = static_cast<uint32_t>(folded.size());
            appendFolded(folded, textKeyOf(key, i));
            keys.length[i] = static_cast<uint32_t>(folded.size() - keys.offset[i]);
        }
        keys.all = folded;
        std::iota(order.begin(), order.end(), 0u);
        stableSort(order, textKeyLess, &keys);
    } else {
        std::vector<int64_t> keys(n);
        std::vector<uint8_t> present(n);
        for (size_t i = 0; i < n; ++i) {
            const std::optional<int64_t> k = intKeyOf(key, i);
            keys[i] = k.value_or(0);
            present[i] = k.has_value();
        }
        order = sortIndicesByKey(keys, present, descending);
    }
    return order;
}

bool InventoryQueryEngine::searchText(std::string_view text) {
    folded_.clear();
    appendFolded(folded_, text);
    // U+3000 (ideographic space, typed with CJK input methods) separates terms too.
    for (size_t p = folded_.find("\xE3\x80\x80"); p != std::string::npos; p = folded_.find("\xE3\x80\x80", p)) {
        folded_.replace(p, 3, " ");
    }
    std::array<std::string_view, kMaxTerms> terms;
    size_t termCount = 0;
    const std::string_view all(folded_);
    for (size_t pos = 0; pos < all.size() && termCount < kMaxTerms;) {
        while (pos < all.size() && isSpace(all[pos])) ++pos;
        size_t end = pos;
        while (end < all.size() && !isSpace(all[end])) ++end;
        if (end > pos) terms[termCount++] = all.substr(pos, end - pos);
        pos = end;
    }
    if (termCount == 0) {
        lastFolded_.clear();
        return false;
    }

    const Inventory& inv = inventory_;
    inv.prepareSearch();  // the index of entries added since the last search
    const auto hexTermOf = [&](std::string_view term) -> std::string_view {
        hexTerm_.clear();
        for (const char c : term) {
            if (c != ':') hexTerm_.push_back(c);
        }
        return hexTerm_;
    };

    // A hex term (in hexTerm_, its pairs in `pairs`) in entry e's Fingerprint, Sha2 or SerialNo.
    std::string hexText;
    const auto hexMatches = [&](size_t e, const Inventory::HexPairs& pairs) {
        if (!hasAllPairs(inv.hexBigrams_[e], pairs)) return false;
        hexText.clear();
        inv.appendHexSearchText(hexText, e);
        return hexText.find(hexTerm_) != std::string::npos;
    };

    // Facet values (issuer, brand, …) that contain a term; false when none does.
    const auto matchFacets = [&](std::string_view term) {
        facetHits_.assign(inv.facetFolded_.size(), 0);
        bool any = false;
        for (size_t f = 1; f < inv.facetFolded_.size(); ++f) {
            if (inv.facetFolded_[f].find(term) != std::string::npos) facetHits_[f] = 1, any = true;
        }
        return any;
    };
    const auto facetsMatch = [&](size_t e) {
        for (const uint32_t f : inv.entries_[e].facets) {
            if (facetHits_[f]) return true;
        }
        return false;
    };

    // The same text again (the timeline asks right after the table): the same matches.
    const bool sameInventory = lastGeneration_ == contentGeneration_ && termHits_.size() == inv.size();
    if (sameInventory && !lastFolded_.empty() && all == lastFolded_) return true;
    // Erasing goes back along the texts typed since the search began: their matches are kept.
    if (!sameInventory) path_.clear();
    while (!path_.empty() && all.substr(0, path_.back().folded.size()) != path_.back().folded) path_.pop_back();
    if (!path_.empty() && path_.back().folded == all) {
        const PastSearch& past = path_.back();
        termHits_.resize(inv.size());
        for (size_t e = 0; e < termHits_.size(); ++e) {
            termHits_[e] = (past.matches[e >> 6] >> (e & 63)) & 1 ? past.termCount : 0;
        }
        termCount_ = past.termCount;
        lastFolded_.assign(all);
        lastTermCount_ = past.termCount;
        lastTermSearchedHex_ = past.lastTermSearchedHex;
        return true;
    }
    // Typing extends the previous text: every new match was a match before (each old term is
    // part of a new one), unless the extended term now also searches the hex fields. Checking
    // the previous matches' own text costs what the arena scan costs per row, so refining is
    // never slower than scanning and much faster once a keystroke has ruled rows out.
    const bool refine = sameInventory && !lastFolded_.empty() &&
                        all.substr(0, lastFolded_.size()) == lastFolded_ && termCount >= lastTermCount_ &&
                        (lastTermSearchedHex_ || !searchesHex(terms[lastTermCount_ - 1]));
    if (refine) {
        // Re-check the changed and added terms, one term at a time, on the previous matches.
        constexpr uint8_t kOut = 0xFF;  // not a candidate (level may be 0)
        auto level = static_cast<uint8_t>(lastTermCount_ - 1);
        for (uint8_t& hits : termHits_) hits = hits == lastTermCount_ ? level : kOut;
        for (size_t t = lastTermCount_ - 1; t < termCount; ++t, ++level) {
            const bool anyFacet = matchFacets(terms[t]);
            const bool hex = searchesHex(terms[t]);
            Inventory::HexPairs pairs{};
            if (hex) Inventory::addHexBigrams(pairs, hexTermOf(terms[t]));
            const size_t rare = rarestByte(inv.searchByteCounts_, terms[t]);
            Inventory::TextPairs termPairs{};
            Inventory::addTextPairs(termPairs, terms[t]);
            for (size_t e = 0; e < termHits_.size(); ++e) {
                if (termHits_[e] != level) continue;
                const bool inText = hasAllPairs(inv.textPairs_[e], termPairs) &&
                                    containsTerm(segmentText(inv.search_, inv.segmentStart_, inv.entrySegments_[e]), terms[t], rare);
                const bool ok = inText || (anyFacet && facetsMatch(e)) || (hex && hexMatches(e, pairs));
                termHits_[e] = ok ? static_cast<uint8_t>(level + 1) : kOut;
            }
        }
    } else {
        termHits_.assign(inv.size(), 0);
        for (size_t t = 0; t < termCount; ++t) {
            const auto level = static_cast<uint8_t>(t);
            size_t advanced = 0;
            const auto onHit = [&](size_t segment) {
                const uint32_t owner = inv.segmentOwner_[segment];
                if (owner == Inventory::kDeadSegment || termHits_[owner] != level) return;
                termHits_[owner] = static_cast<uint8_t>(level + 1);
                ++advanced;
            };
            const std::vector<uint32_t>& starts = inv.segmentStart_;
            for (size_t c = 0; c < inv.search_.chunkCount(); ++c) {
                // The segments of chunk c: positions from c << bits up to the next chunk.
                const auto first = std::lower_bound(starts.begin(), starts.end(), static_cast<uint32_t>(c << ChunkedText::kChunkBits));
                const auto last = std::lower_bound(first, starts.end(), static_cast<uint32_t>((c + 1) << ChunkedText::kChunkBits));
                scanArena(inv.search_.chunk(c), starts.data() + (first - starts.begin()), starts.data() + (last - starts.begin()),
                          static_cast<size_t>(first - starts.begin()), inv.searchByteCounts_, terms[t], onHit);
            }
            if (searchesHex(terms[t])) {
                Inventory::HexPairs pairs{};
                Inventory::addHexBigrams(pairs, hexTermOf(terms[t]));
                for (size_t e = 0; e < termHits_.size(); ++e) {
                    if (termHits_[e] == level && hexMatches(e, pairs)) {
                        termHits_[e] = static_cast<uint8_t>(level + 1);
                        ++advanced;
                    }
                }
            }
            if (matchFacets(terms[t])) {
                for (size_t e = 0; e < termHits_.size(); ++e) {
                    if (termHits_[e] == level && facetsMatch(e)) {
                        termHits_[e] = static_cast<uint8_t>(level + 1);
                        ++advanced;
                    }
                }
            }
            if (advanced == 0) break;  // no entry has every term so far: none will have all
        }
    }
    termCount_ = static_cast<uint8_t>(termCount);
    lastFolded_.assign(all);
    lastGeneration_ = contentGeneration_;
    lastTermCount_ = termCount;
    lastTermSearchedHex_ = searchesHex(terms[termCount - 1]);
    if (path_.size() < kMaxPath) {
        PastSearch past{std::string(all), std::vector<uint64_t>((termHits_.size() + 63) / 64, 0), termCount_, lastTermSearchedHex_};
        for (size_t e = 0; e < termHits_.size(); ++e) {
            if (termHits_[e] == termCount_) past.matches[e >> 6] |= uint64_t{1} << (e & 63);
        }
        path_.push_back(std::move(past));
    }
    return true;
}

void InventoryQueryEngine::run(const InventoryQuery& query, QueryResult& result) {
    refreshIfChanged();
    const Inventory& inv = inventory_;
    const auto& entries = inv.entries_;
    const size_t n = entries.size();
    const std::vector<uint8_t>& superseded = inv.supersededFlags();
    const int64_t now = inv.nowMs();

    const bool filterText = searchText(query.text);

    statusAllowed_.assign(inv.statuses_.names().size(), query.statuses.empty() ? 1 : 0);
    for (size_t s = 0; s < inv.statuses_.names().size(); ++s) {
        for (const std::string& wanted : query.statuses) {
            if (equalsIgnoreAsciiCase(inv.statuses_.names()[s], wanted)) statusAllowed_[s] = 1;
        }
    }
    std::array<uint8_t, 5> orderTypeAllowed{};
    orderTypeAllowed.fill(query.orderTypes.empty() ? 1 : 0);
    static constexpr std::array<std::string_view, 5> kOrderTypes = {"", "CERT", "UPLOAD", "CPACK", "BUY"};
    for (const std::string& wanted : query.orderTypes) {
        for (size_t t = 1; t < kOrderTypes.size(); ++t) {
            if (equalsIgnoreAsciiCase(kOrderTypes[t], wanted)) orderTypeAllowed[t] = 1;
        }
    }
    const auto& siteNames = inv.sites_.names();
    siteAllowed_.assign(siteNames.size(), query.sites.empty() ? 1 : 0);
    for (const std::string& wanted : query.sites) {
        const auto it = std::find(siteNames.begin(), siteNames.end(), wanted);
        if (it != siteNames.end()) siteAllowed_[static_cast<size_t>(it - siteNames.begin())] = 1;
    }
    uint8_t expiryAllowed = query.expiryStates.empty() ? 0x1F : 0;
    for (const ExpiryState s : query.expiryStates) expiryAllowed = static_cast<uint8_t>(expiryAllowed | (1u << static_cast<unsigned>(s)));
    std::optional<uint32_t> group;
    bool groupMissing = false;
    if (query.resourceGroupId) {
        const auto& names = inv.facets_.names();
        const auto it = std::find(names.begin(), names.end(), *query.resourceGroupId);
        if (it == names.end()) groupMissing = true;
        else group = static_cast<uint32_t>(it - names.begin());
    }
    const std::string host = query.coversHost.empty() ? std::string() : normalizeHostname(query.coversHost);
    const std::string wildcard = coveringWildcard(host);
    const bool filterCoverage = !query.coversHost.empty();
    // No filter at all (the page's first paint, an emptied search box): every entry matches,
    // the counts are those of the whole inventory, and the rows come straight from the order.
    const bool onlyText = !query.kind && query.statuses.empty() && query.orderTypes.empty() &&
                          query.expiryStates.empty() && !query.expiresWithinDays && !query.notAfterFromMs &&
                          !query.notAfterToMs && !query.resourceGroupId && query.sites.empty() &&
                          !query.hideSuperseded && !filterCoverage && !query.withHistogram;
    const bool noFilter = onlyText && !filterText;
    // Free text alone (every keystroke in Search): the matches are the entries with every term,
    // counted by their count class, one byte each, instead of reading each entry.
    const bool byClass = onlyText && filterText && countClassesReady();

    if (!noFilter && !byClass) selected_.assign(n, 0);
    statusCounts_.assign(inv.statuses_.names().size(), 0);
    InventoryCounts& counts = result.matchedCounts;
    counts.total = 0;
    counts.byExpiryState.fill(0);
    counts.byKind.fill(0);
    counts.superseded = 0;
    if (query.withHistogram) result.histogram = makeExpiryHistogram(inv.nowMs());

    if (byClass) {
        classCounts_.assign(classes_.size(), 0);
        const uint8_t* const hits = termHits_.data();
        const uint8_t* const classOf = countClass_.data();
        const uint8_t all = termCount_;
        for (size_t i = 0; i < n; ++i) {
            if (hits[i] == all) ++classCounts_[classOf[i]];
        }
        for (size_t c = 0; c < classes_.size(); ++c) {
            const size_t k = classCounts_[c];
            const CountClass& cls = classes_[c];
            counts.total += k;
            counts.byExpiryState[cls.expiry] += k;
            counts.byKind[cls.kind] += k;
            statusCounts_[cls.status] += k;
            counts.superseded += cls.superseded ? k : 0;
        }
    } else if (!noFilter && !groupMissing && !(filterCoverage && host.empty())) {
        for (size_t i = 0; i < n; ++i) {
            const Inventory::EntryData& d = entries[i];
            if (filterText && termHits_[i] != termCount_) continue;
            if (query.kind && d.kind != *query.kind) continue;
            if (!statusAllowed_[d.status]) continue;
            if (!orderTypeAllowed[d.orderType]) continue;
            if (!(expiryAllowed & (1u << static_cast<unsigned>(d.expiry)))) continue;
            if (query.expiresWithinDays &&
                !(d.hasNotAfter && daysLeft(d.notAfterMs, now) >= 0 && daysLeft(d.notAfterMs, now) <= *query.expiresWithinDays)) {
                continue;
            }
            if ((query.notAfterFromMs || query.notAfterToMs) &&
                !(d.hasNotAfter && (!query.notAfterFromMs || d.notAfterMs >= *query.notAfterFromMs) &&
                  (!query.notAfterToMs || d.notAfterMs < *query.notAfterToMs))) {
                continue;
            }
            if (group && d.facets[Inventory::kGroupFacet] != *group) continue;
            if (!siteAllowed_[d.site]) continue;
            if (query.hideSuperseded && superseded[i]) continue;
            if (filterCoverage) {
                bool covers = false;
                const std::string_view list = inv.sanList(i);
                for (size_t start = 0; start <= list.size() && !covers;) {
                    const size_t comma = std::min(list.find(',', start), list.size());
                    const std::string_view san = list.substr(start, comma - start);
                    covers = san == host || (!wildcard.empty() && san == wildcard);
                    start = comma + 1;
                }
                if (!covers) continue;
            }
            selected_[i] = 1;
            ++counts.total;
            ++counts.byExpiryState[static_cast<size_t>(d.expiry)];
            ++counts.byKind[static_cast<size_t>(d.kind)];
            ++statusCounts_[d.status];
            counts.superseded += superseded[i];
            if (query.withHistogram) {
                addToHistogram(result.histogram, d.hasNotAfter ? std::optional<int64_t>(d.notAfterMs) : std::nullopt);
            }
        }
    }
    counts.byStatus.clear();
    for (size_t s = 0; s < statusCounts_.size(); ++s) {
        if (statusCounts_[s] > 0) counts.byStatus.emplace_back(inv.statuses_.names()[s], statusCounts_[s]);
    }
    insertionSort(counts.byStatus.data(), counts.byStatus.data() + counts.byStatus.size(),
                  [](const auto& a, const auto& b) { return a < b; });
    result.matched = counts.total;

    if (!allCountsReady_) {
        InventoryCounts& all = allCounts_;
        all = InventoryCounts{};
        std::vector<size_t> byStatus(inv.statuses_.names().size(), 0);
        for (size_t i = 0; i < n; ++i) {
            ++all.total;
            ++all.byExpiryState[static_cast<size_t>(entries[i].expiry)];
            ++all.byKind[static_cast<size_t>(entries[i].kind)];
            ++byStatus[entries[i].status];
            all.superseded += superseded[i];
        }
        for (size_t s = 0; s < byStatus.size(); ++s) {
            if (byStatus[s] > 0) all.byStatus.emplace_back(inv.statuses_.names()[s], byStatus[s]);
        }
        insertionSort(all.byStatus.data(), all.byStatus.data() + all.byStatus.size(),
                      [](const auto& a, const auto& b) { return a < b; });
        allCountsReady_ = true;
    }
    result.allCounts = allCounts_;
    if (noFilter) {
        counts = allCounts_;
        result.matched = n;
    }

    result.rows.clear();
    if (query.offset >= result.matched || query.limit == 0) return;
    const size_t want = std::min(query.limit, result.matched - query.offset);
    size_t skip = query.offset;
    const auto take = [&](uint32_t i) {
        if (!noFilter && !(byClass ? termHits_[i] == termCount_ : selected_[i] != 0)) return false;
        if (skip > 0) {
            --skip;
            return false;
        }
        result.rows.push_back(i);
        return result.rows.size() == want;
    };
    if (query.sortKey == SortKey::ApiOrder && !query.descending) {
        for (uint32_t i = 0; i < n && !take(i); ++i) {
        }
    } else {
        for (const uint32_t i : orderFor(query.sortKey, query.descending)) {
            if (take(i)) break;
        }
    }
}

bool InventoryQueryEngine::countClassesReady() {
    if (classesReady_) return classesUsable_;
    classesReady_ = true;
    classesUsable_ = false;
    const Inventory& inv = inventory_;
    const std::vector<uint8_t>& superseded = inv.supersededFlags();
    const size_t n = inv.entries_.size();
    classes_.clear();
    countClass_.resize(n);
    // Class ids by (status, expiry state, kind, superseded): 20 slots per status.
    std::vector<uint16_t> idOf(inv.statuses_.names().size() * 20, 0);  // id + 1
    for (size_t i = 0; i < n; ++i) {
        const Inventory::EntryData& d = inv.entries_[i];
        const auto expiry = static_cast<uint8_t>(d.expiry);
        const auto kind = static_cast<uint8_t>(d.kind);
        uint16_t& id = idOf[d.status * 20 + expiry * 4 + kind * 2 + superseded[i]];
        if (id == 0) {
            if (classes_.size() == 256) return false;  // more than a byte can tell apart
            classes_.push_back({d.status, expiry, kind, superseded[i]});
            id = static_cast<uint16_t>(classes_.size());
        }
        countClass_[i] = static_cast<uint8_t>(id - 1);
    }
    classesUsable_ = true;
    return true;
}

QueryResult InventoryQueryEngine::run(const InventoryQuery& query) {
    QueryResult result;
    run(query, result);
    return result;
}

QueryResult queryInventory(const Inventory& inventory, const InventoryQuery& query) {
    InventoryQueryEngine engine(inventory);
    return engine.run(query);
}

}  // namespace casview
