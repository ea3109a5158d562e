#include "inventory.hpp"

#include <algorithm>
#include <limits>

#include "ascii_text.hpp"
#include "case_fold.hpp"
#include "civil_time.hpp"
#include "domain_match.hpp"
#include "hashing.hpp"
#include "punycode.hpp"
#include "sorting.hpp"

namespace casview {
namespace {

constexpr std::array<std::string_view, 5> kOrderTypeNames = {"", "CERT", "UPLOAD", "CPACK", "BUY"};
constexpr uint8_t kCert = 1, kUpload = 2, kCpack = 3, kBuy = 4;

// Searched through the facet dictionary (few distinct values), not the per-row text. The last
// one is the resource group (Inventory::kGroupFacet).
constexpr std::array<TextField, 6> kFacetFields = {TextField::Issuer, TextField::RootBrand, TextField::ProductName,
                                                   TextField::ProductCode, TextField::OrgName, TextField::ResourceGroupId};

uint8_t orderTypeIndex(std::string_view name) {
    for (uint8_t i = 1; i < kOrderTypeNames.size(); ++i) {
        if (equalsIgnoringAsciiCase(name, kOrderTypeNames[i])) return i;
    }
    return 0;
}

std::string_view nonEmpty(const std::optional<std::string_view>& value) { return value ? *value : std::string_view(); }

// The first non-empty item of a comma-separated list, trimmed.
std::string_view firstListItem(std::string_view list) {
    size_t start = 0;
    for (;;) {
        const size_t comma = list.find(',', start);
        const std::string_view item = trimAscii(list.substr(start, comma == std::string_view::npos ? comma : comma - start));
        if (!item.empty() || comma == std::string_view::npos) return item;
        start = comma + 1;
    }
}

int64_t floorDiv(int64_t a, int64_t b) {
    const int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// `requested`: the index of the request's OrderType (orderTypeIndex), 0 when unknown.
EntryKind kindOf(const CertificateRow& row, uint8_t requested) {
    if (requested == kCert || requested == kUpload) return EntryKind::Certificate;
    if (requested == kCpack || requested == kBuy) return EntryKind::Order;
    // No (known) request: the fields tell (docs/alibaba-api.md §3.4: which shape sends which).
    if (row.certificateId()) return EntryKind::Certificate;
    if (row.orderId() || row.sourceType() || row.certEndTime() || row.domain() || row.productName()) {
        return EntryKind::Order;
    }
    return EntryKind::Certificate;
}

}  // namespace

std::string_view entryKindName(EntryKind kind) { return kind == EntryKind::Certificate ? "certificate" : "order"; }

std::string_view expiryStateName(ExpiryState state) {
    switch (state) {
        case ExpiryState::Expired: return "expired";
        case ExpiryState::Critical: return "critical";
        case ExpiryState::Warning: return "warning";
        case ExpiryState::Ok: return "ok";
        case ExpiryState::Unknown: return "unknown";
    }
    return "unknown";
}

int64_t daysLeft(int64_t notAfterMs, int64_t nowMs) {
    int64_t difference;
    if (__builtin_sub_overflow(notAfterMs, nowMs, &difference)) {
        difference = notAfterMs < nowMs ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
    }
    return floorDiv(difference, kMsPerDay);
}

Inventory::Inventory(int64_t nowMs, ExpiryThresholds thresholds) : nowMs_(nowMs), thresholds_(thresholds) {}

void Inventory::changed(bool content) {
    ++generation_;
    if (content) ++contentGeneration_;
    std::lock_guard<std::mutex> lock(supersededMutex_);
    supersededStale_ = true;
}

void Inventory::clear() {
    nowFrom_ = INT64_MIN;
    nowUntil_ = INT64_MAX;
    entries_.clear();
    records_.clear();
    dictionary_.clear();
    identities_.clear();
    identityCount_ = 0;
    search_.clear();
    segmentStart_.clear();
    segmentOwner_.clear();
    searchByteCounts_.fill(0);
    hexBigrams_.clear();
    textPairs_.clear();
    entrySegments_.clear();
    indexedPrefix_ = 0;
    reindex_.clear();
    facets_.clear();
    facetFolded_.assign(1, "");
    facetOfText_.clear();
    statusOfText_.clear();
    statuses_.clear();
    sites_.clear();
    sanNames_.clear();
    sanSetNames_.clear();
    sanSetStart_.assign(1, 0);
    sanSetSlots_.clear();
    changed(/*content=*/true);
}

// --- identity -------------------------------------------------------------------------------

uint64_t Inventory::identityHash(uint32_t site, EntryKind kind, bool hasId, int64_t id, std::string_view instanceId) {
    const uint64_t base = (uint64_t{site} << 1 | (kind == EntryKind::Certificate ? 0 : 1)) * 0x9E3779B97F4A7C15ull;
    return hasId ? mixBits(base ^ static_cast<uint64_t>(id)) : mixBits(base ^ hashText(instanceId) ^ 0x5bd1e995);
}

uint64_t Inventory::identityHash(size_t i) const {
    const EntryData& d = entries_[i];
    return identityHash(d.site, d.kind, d.hasId, d.id, d.hasId ? std::string_view() : instanceId(i));
}

std::optional<size_t> Inventory::findIdentity(uint32_t site, EntryKind kind, bool hasId, int64_t id,
                                              std::string_view instance) const {
    if (identities_.empty()) return std::nullopt;
    const size_t mask = identities_.size() - 1;
    for (size_t slot = identityHash(site, kind, hasId, id, instance) & mask;; slot = (slot + 1) & mask) {
        const uint32_t entry = identities_[slot];
        if (entry == 0) return std::nullopt;
        const EntryData& d = entries_[entry - 1];
        if (d.site == site && d.kind == kind && d.hasId == hasId &&
            (hasId ? d.id == id : instanceId(entry - 1) == instance)) {
            return entry - 1;
        }
    }
}

void Inventory::growIdentityTable() {
    std::vector<uint32_t> slots(std::max<size_t>(64, identities_.size() * 2), 0);
    const size_t mask = slots.size() - 1;
    for (const uint32_t entry : identities_) {
        if (entry == 0) continue;
        size_t slot = identityHash(entry - 1) & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = entry;
    }
    identities_ = std::move(slots);
}

// --- adding ---------------------------------------------------------------------------------

size_t Inventory::addPage(CertificateOrderPage page, const PageOrigin& origin) {
    return addRows(std::move(page.rows), origin);
}

size_t Inventory::addRows(std::vector<CertificateRow> rows, const PageOrigin& origin) {
    size_t added = 0;
    for (const CertificateRow& row : rows) added += insertRow(row, origin) ? 1 : 0;
    if (!rows.empty()) changed(/*content=*/true);
    return added;
}

bool Inventory::addRow(CertificateRow row, const PageOrigin& origin) {
    const bool isNew = insertRow(row, origin);
    changed(/*content=*/true);
    return isNew;
}

bool Inventory::insertRow(const CertificateRow& row, const PageOrigin& origin) {
    // The new version is derived at the end first; if it has the identity of an existing
    // entry, it then replaces that one in place (the first position stays).
    const size_t i = entries_.size();
    entries_.emplace_back();
    EntryData& d = entries_.back();
    const uint8_t requested = orderTypeIndex(origin.orderType);
    d.kind = kindOf(row, requested);
    d.site = sites_.intern(origin.site);
    const std::optional<int64_t> id = d.kind == EntryKind::Certificate ? row.certificateId() : row.orderId();
    d.hasId = id.has_value();
    d.id = id.value_or(0);
    d.expiredFlag = row.expired() == true;

    std::string& rowRecord = scratchRecord_;  // buffers kept for their capacity
    rowRecord.clear();
    appendRowRecord(rowRecord, row, dictionary_, members_);
    derive(i, row, origin, requested);
    // The entry's texts, each as a reference to a member of the row's record holding exactly
    // that string (the usual case: Name, CommonName, Sans, InstanceId), else literally after
    // the references.
    std::string& record = scratchEntry_;
    record.clear();
    const std::vector<std::string_view>& strings = members_.strings;
    std::array<bool, 4> literal{};
    for (size_t k = 0; k < texts_.size(); ++k) {
        const std::string& text = texts_[k];
        size_t member = 0;
        while (member < strings.size() && (text.empty() || !sameText(strings[member], text))) ++member;
        if (text.empty()) {
            appendVarint(record, 0);
        } else if (member < strings.size()) {
            appendVarint(record, 2 * (static_cast<uint64_t>(member) + 1));
        } else {
            appendVarint(record, 2 * text.size() + 1);
            literal[k] = true;
        }
    }
    for (size_t k = 0; k < texts_.size(); ++k) {
        if (literal[k]) record += texts_[k];
    }
    record += rowRecord;
    entries_[i].record = records_.append(record);

    // texts_ still hold what entry i's record says (reading the record back costs a walk).
    size_t target = i;
    if (entries_[i].hasId || !texts_[3].empty()) {
        const EntryData& e = entries_[i];
        if (const auto existing = findIdentity(e.site, e.kind, e.hasId, e.id, e.hasId ? std::string_view() : texts_[3])) {
            target = *existing;
        } else {
            if ((identityCount_ + 1) * 5 > identities_.size() * 4) growIdentityTable();  // load ≤ 4/5
            const size_t mask = identities_.size() - 1;
            size_t slot = identityHash(e.site, e.kind, e.hasId, e.id, e.hasId ? std::string_view() : texts_[3]) & mask;
            while (identities_[slot] != 0) slot = (slot + 1) & mask;
            identities_[slot] = static_cast<uint32_t>(i + 1);
            ++identityCount_;
        }
    }
    const bool isNew = target == i;
    if (!isNew) {
        entries_[target] = entries_[i];
        entries_.pop_back();
        // An indexed entry's old text must no longer match: index the new version again.
        if (target < indexedPrefix_ && entrySegments_[target] != kNoSegment) {
            segmentOwner_[entrySegments_[target]] = kDeadSegment;
            entrySegments_[target] = kNoSegment;
            reindex_.push_back(static_cast<uint32_t>(target));
        }
    }
    narrowNowWindow(target);
    return isNew;
}

void Inventory::derive(size_t i, const CertificateRow& row, const PageOrigin& origin, uint8_t requested) {
    EntryData& d = entries_[i];
    const bool isCertificate = d.kind == EntryKind::Certificate;

    if (isCertificate) {
        if (row.upload()) d.orderType = *row.upload() ? kUpload : kCert;
        else d.orderType = requested == kUpload ? kUpload : kCert;
    } else {
        const std::string_view source = nonEmpty(row.sourceType());
        d.orderType = equalsIgnoringAsciiCase(source, "CPACK") ? kCpack
                      : equalsIgnoringAsciiCase(source, "BUY") ? kBuy
                      : (requested == kCpack || requested == kBuy) ? requested : 0;
    }

    // Texts the record keeps in the dictionary are interned once per distinct text, not per row.
    const auto fromDictionary = [&](TextField field) { return members_.dictionaryIds[rowFieldIndex(field)]; };
    if (const uint32_t status = fromDictionary(TextField::Status) ? statusOfText(fromDictionary(TextField::Status) - 1)
                                                                  : statuses_.intern(nonEmpty(row.status()))) {
        d.status = status;
    } else if (!origin.status.empty()) {
        d.status = statuses_.intern(trimAscii(origin.status));
    } else {
        d.statusFromDates = isCertificate;
    }

    // Validity: certificates in whole UTC days (StartDate 00:00:00.000 .. EndDate 23:59:59.999),
    // orders in epoch ms; each falls back to the other's fields.
    const auto dayOf = [&](TextField field) -> std::optional<int64_t> {
        const int64_t days = members_.days[rowFieldIndex(field)];  // as the record wrote it
        return days != RecordMembers::kNoDate ? std::optional<int64_t>(days) : parseDate(nonEmpty(row.text(field)));
    };
    std::optional<int64_t> dayBefore, dayAfter;
    if (const auto start = dayOf(TextField::StartDate)) dayBefore = *start * kMsPerDay;
    if (const auto end = dayOf(TextField::EndDate)) dayAfter = (*end + 1) * kMsPerDay - 1;
    const std::optional<int64_t> msBefore = row.certStartTime(), msAfter = row.certEndTime();
    const std::optional<int64_t> notBefore = isCertificate ? (dayBefore ? dayBefore : msBefore) : (msBefore ? msBefore : dayBefore);
    const std::optional<int64_t> notAfter = isCertificate ? (dayAfter ? dayAfter : msAfter) : (msAfter ? msAfter : dayAfter);
    d.hasNotBefore = notBefore.has_value();
    d.notBeforeMs = notBefore.value_or(0);
    d.hasNotAfter = notAfter.has_value();
    d.notAfterMs = notAfter.value_or(0);

    // SANs, normalized and de-duplicated, joined by ','.
    const std::string_view sanSource = isCertificate
        ? (!nonEmpty(row.sans()).empty() ? *row.sans() : nonEmpty(row.commonName()))
        : nonEmpty(row.domain());
    std::string& sans = texts_[2];
    sans.clear();
    uint32_t sanCount = 0;
    forEachListItem(sanSource, [&](std::string_view item) {
        const size_t before = sans.size();
        if (before > 0) sans.push_back(',');
        const size_t at = sans.size();
        appendNormalizedHostname(sans, item);
        const std::string_view name(sans.data() + at, sans.size() - at);
        bool keep = !name.empty();
        forEachListItem(std::string_view(sans.data(), before), [&](std::string_view seen) { keep = keep && seen != name; });
        if (keep) ++sanCount;
        else sans.resize(before);
    });

    const std::string_view firstSan = firstListItem(sanSource);
    std::string& name = texts_[0];
    std::string_view primaryDomain;
    if (isCertificate) {
        name.assign(!nonEmpty(row.name()).empty() ? *row.name()
                    : !nonEmpty(row.commonName()).empty() ? *row.commonName()
                    : !firstSan.empty() ? firstSan : nonEmpty(row.instanceId()));
        if (name.empty()) {
            name = "Certificate";
            if (d.hasId) name.append(" #").append(std::to_string(d.id));
        }
        primaryDomain = !nonEmpty(row.commonName()).empty() ? *row.commonName() : firstSan;
    } else {
        name.assign(!nonEmpty(row.productName()).empty() ? *row.productName()
                    : !firstSan.empty() ? firstSan : nonEmpty(row.instanceId()));
        if (name.empty()) {
            name = "Order";
            if (d.hasId) name.append(" #").append(std::to_string(d.id));
        }
        primaryDomain = firstSan;
    }
    texts_[1].assign(primaryDomain);
    texts_[3].assign(nonEmpty(row.instanceId()));

    for (size_t f = 0; f < kFacetFields.size(); ++f) {
        const uint32_t text = fromDictionary(kFacetFields[f]);
        d.facets[f] = text ? facetOfText(text - 1) : internFacet(nonEmpty(row.text(kFacetFields[f])));
    }
    d.sanSet = isCertificate && sanCount > 0 ? sanSetOf(sans) : 0;
    deriveTime(i);
}

uint32_t Inventory::internFacet(std::string_view value) {
    const uint32_t facet = facets_.intern(trimAscii(value));
    if (facet == facetFolded_.size()) facetFolded_.push_back(foldCase(facets_.names()[facet]));
    return facet;
}

uint32_t Inventory::facetOfText(uint32_t dictionaryId) {
    if (dictionaryId >= facetOfText_.size()) facetOfText_.resize(dictionaryId + 1, kNotYet);
    if (facetOfText_[dictionaryId] == kNotYet) facetOfText_[dictionaryId] = internFacet(dictionary_.text(dictionaryId));
    return facetOfText_[dictionaryId];
}

uint32_t Inventory::statusOfText(uint32_t dictionaryId) {
    if (dictionaryId >= statusOfText_.size()) statusOfText_.resize(dictionaryId + 1, kNotYet);
    if (statusOfText_[dictionaryId] == kNotYet) statusOfText_[dictionaryId] = statuses_.intern(trimAscii(dictionary_.text(dictionaryId)));
    return statusOfText_[dictionaryId];
}

uint32_t Inventory::sanSetOf(std::string_view sanList) {
    // The names' ids, sorted; then the set's id (+1), added if new. Name views must outlive the
    // table: look the names up in a temporary first, intern only views into records_ (below).
    std::vector<uint32_t>& ids = sanIdsScratch_;
    std::vector<std::string_view>& missing = sanMissingScratch_;
    ids.clear();
    missing.clear();
    forEachListItem(sanList, [&](std::string_view san) {
        if (const auto id = sanNames_.find(san)) ids.push_back(*id);
        else missing.push_back(san);
    });
    if (!missing.empty()) {
        // New names: keep them in records_, whose chunks never move, and refer to that copy.
        std::string joined;
        for (const std::string_view san : missing) joined.append(san);
        std::string_view stored = records_.from(records_.append(joined)).substr(0, joined.size());
        for (const std::string_view san : missing) {
            ids.push_back(sanNames_.intern(stored.substr(0, san.size())));
            stored.remove_prefix(san.size());
        }
    }
    if (ids.size() <= 32) insertionSort(ids.data(), ids.data() + ids.size(), [](uint32_t a, uint32_t b) { return a < b; });
    else stableSort(ids, [](const void*, uint32_t a, uint32_t b) { return a < b; }, nullptr);
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    const auto setHash = [&](const uint32_t* names, size_t count) {
        uint64_t h = count;
        for (size_t k = 0; k < count; ++k) h = mixBits(h * 31 + names[k]);
        return h;
    };
    const size_t sets = sanSetStart_.size() - 1;
    if (sanSetSlots_.empty() || (sets + 1) * 2 > sanSetSlots_.size()) {
        std::vector<uint32_t> slots(std::max<size_t>(64, sanSetSlots_.size() * 2), 0);
        const size_t mask = slots.size() - 1;
        for (size_t s = 0; s < sets; ++s) {
            size_t slot = setHash(&sanSetNames_[sanSetStart_[s]], sanSetStart_[s + 1] - sanSetStart_[s]) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = static_cast<uint32_t>(s + 1);
        }
        sanSetSlots_ = std::move(slots);
    }
    const size_t mask = sanSetSlots_.size() - 1;
    for (size_t slot = setHash(ids.data(), ids.size()) & mask;; slot = (slot + 1) & mask) {
        const uint32_t entry = sanSetSlots_[slot];
        if (entry == 0) {
            sanSetNames_.insert(sanSetNames_.end(), ids.begin(), ids.end());
            sanSetStart_.push_back(static_cast<uint32_t>(sanSetNames_.size()));
            sanSetSlots_[slot] = static_cast<uint32_t>(sanSetStart_.size() - 1);
            return sanSetSlots_[slot];
        }
        const size_t s = entry - 1;
        if (sanSetStart_[s + 1] - sanSetStart_[s] == ids.size() &&
            std::equal(ids.begin(), ids.end(), sanSetNames_.begin() + static_cast<std::ptrdiff_t>(sanSetStart_[s]))) {
            return entry;
        }
    }
}

void Inventory::deriveTime(size_t i) {
    EntryData& d = entries_[i];
    if (d.hasNotAfter) {
        const int64_t days = casview::daysLeft(d.notAfterMs, nowMs_);
        d.expiry = days < 0                          ? ExpiryState::Expired
                   : days <= thresholds_.criticalDays ? ExpiryState::Critical
                   : days <= thresholds_.warningDays  ? ExpiryState::Warning
                                                      : ExpiryState::Ok;
    } else {
        d.expiry = d.expiredFlag ? ExpiryState::Expired : ExpiryState::Unknown;
    }
    if (d.statusFromDates) {
        std::string_view derived;
        if (d.expiry == ExpiryState::Expired) derived = "EXPIRED";
        else if (d.hasNotAfter) derived = casview::daysLeft(d.notAfterMs, nowMs_) < kWillExpireDays ? "WILLEXPIRED" : "ISSUED";
        d.status = statuses_.intern(derived);
    }
}

void Inventory::setNow(int64_t nowMs) {
    if (nowMs >= nowFrom_ && nowMs < nowUntil_) {
        nowMs_ = nowMs;  // no entry's days left, state or validity changes
        return;
    }
    nowMs_ = nowMs;
    nowFrom_ = INT64_MIN;
    nowUntil_ = INT64_MAX;
    for (size_t i = 0; i < entries_.size(); ++i) {
        deriveTime(i);
        narrowNowWindow(i);
    }
    changed(/*content=*/false);
}

void Inventory::setThresholds(ExpiryThresholds thresholds) {
    thresholds_ = thresholds;
    nowFrom_ = nowUntil_ = nowMs_;  // an empty window: re-derive everything
    setNow(nowMs_);
}

void Inventory::narrowNowWindow(size_t i) {
    const EntryData& d = entries_[i];
    int64_t from = INT64_MIN, until = INT64_MAX;
    if (d.hasNotAfter) {
        // days left = ⌊(A − t) / day⌋ stays d for t in [A − (d+1)·day + 1, A − d·day + 1); the
        // expiry state, a date-derived status and validity (t ≤ A) follow days left. At the
        // ends of int64 (saturated days left) only the current instant is known to be safe.
        const int64_t days = casview::daysLeft(d.notAfterMs, nowMs_);
        int64_t dayOffset;
        if (__builtin_mul_overflow(days, kMsPerDay, &dayOffset) ||
            __builtin_sub_overflow(d.notAfterMs, dayOffset, &until) || __builtin_add_overflow(until, 1, &until) ||
            __builtin_sub_overflow(until, kMsPerDay, &from) || nowMs_ < from || nowMs_ >= until) {
            from = nowMs_;
            until = nowMs_ == INT64_MAX ? INT64_MAX : nowMs_ + 1;
        }
    }
    if (d.kind == EntryKind::Certificate && d.hasNotBefore) {  // validity starts at notBefore
        if (nowMs_ < d.notBeforeMs) until = std::min(until, d.notBeforeMs);
        else from = std::max(from, d.notBeforeMs);
    }
    nowFrom_ = std::max(nowFrom_, from);
    nowUntil_ = std::min(nowUntil_, until);
}

// --- reading --------------------------------------------------------------------------------

// A stored entry: four text descriptors (0: empty; 2m + 2: member m of the row's record;
// 2n + 1: n literal bytes), the literal bytes in order, then the row's record.
std::string_view Inventory::entryText(size_t i, size_t k) const {
    const std::string_view data = records_.from(entries_[i].record);
    size_t pos = 0, literalOffset = 0;
    uint64_t descriptor = 0;
    std::array<uint64_t, 4> descriptors{};
    for (size_t t = 0; t < descriptors.size(); ++t) descriptors[t] = readVarint(data, pos);
    for (size_t t = 0; t < k; ++t) {
        if (descriptors[t] % 2 == 1) literalOffset += static_cast<size_t>(descriptors[t] / 2);
    }
    descriptor = descriptors[k];
    if (descriptor == 0) return {};
    if (descriptor % 2 == 1) return data.substr(std::min(data.size(), pos + literalOffset), static_cast<size_t>(descriptor / 2));
    return recordString(rowRecord(i), static_cast<size_t>(descriptor / 2 - 1));
}

std::string_view Inventory::rowRecord(size_t i) const {
    const std::string_view data = records_.from(entries_[i].record);
    size_t pos = 0, literals = 0;
    for (size_t t = 0; t < 4; ++t) {
        const uint64_t descriptor = readVarint(data, pos);
        if (descriptor % 2 == 1) literals += static_cast<size_t>(descriptor / 2);
    }
    return data.substr(std::min(data.size(), pos + literals));
}

CertificateRow Inventory::row(size_t i) const { return rowFromRecord(rowRecord(i), dictionary_); }

std::string_view Inventory::issuer(size_t i) const {
    const auto& names = facets_.names();
    const std::string_view issuer = names[entries_[i].facets[0]];
    return !issuer.empty() ? issuer : names[entries_[i].facets[1]];
}

std::vector<std::string_view> Inventory::resourceGroups() const {
    // Facet ids of live entries (a replaced entry's old value is not among them).
    std::vector<uint8_t> used(facets_.names().size(), 0);
    for (size_t i = 0; i < entries_.size(); ++i) used[entries_[i].facets[kGroupFacet]] = 1;
    std::vector<std::string_view> groups;
    for (size_t id = 1; id < used.size(); ++id) {
        if (used[id]) groups.push_back(facets_.names()[id]);
    }
    // Few distinct groups: an insertion sort (std::sort would add ~2 KB to the module).
    insertionSort(groups.data(), groups.data() + groups.size(), [](std::string_view a, std::string_view b) { return a < b; });
    return groups;
}

std::string_view Inventory::orderType(size_t i) const { return kOrderTypeNames[entries_[i].orderType]; }

std::vector<std::string_view> Inventory::sans(size_t i) const {
    std::vector<std::string_view> out;
    out.reserve(sanCount(i));
    forEachListItem(sanList(i), [&](std::string_view san) { out.push_back(san); });
    return out;
}

size_t Inventory::sanCount(size_t i) const {
    const std::string_view list = sanList(i);
    return list.empty() ? 0 : static_cast<size_t>(std::count(list.begin(), list.end(), ',')) + 1;
}

std::optional<int64_t> Inventory::notBeforeMs(size_t i) const {
    return entries_[i].hasNotBefore ? std::optional<int64_t>(entries_[i].notBeforeMs) : std::nullopt;
}

std::optional<int64_t> Inventory::notAfterMs(size_t i) const {
    return entries_[i].hasNotAfter ? std::optional<int64_t>(entries_[i].notAfterMs) : std::nullopt;
}

std::optional<int64_t> Inventory::daysLeft(size_t i) const {
    return entries_[i].hasNotAfter ? std::optional<int64_t>(casview::daysLeft(entries_[i].notAfterMs, nowMs_)) : std::nullopt;
}

std::optional<int64_t> Inventory::id(size_t i) const {
    return entries_[i].hasId ? std::optional<int64_t>(entries_[i].id) : std::nullopt;
}

bool Inventory::superseded(size_t i) const { return supersededFlags()[i] != 0; }

InventoryEntry Inventory::entry(size_t i) const {
    InventoryEntry e;
    e.row = row(i);
    e.kind = kind(i);
    e.orderType = orderType(i);
    e.status = status(i);
    e.displayName = displayName(i);
    e.primaryDomain = primaryDomain(i);
    e.sans = sans(i);
    e.notBeforeMs = notBeforeMs(i);
    e.notAfterMs = notAfterMs(i);
    e.daysLeft = daysLeft(i);
    e.expiryState = expiryState(i);
    e.superseded = superseded(i);
    return e;
}

std::optional<size_t> Inventory::findCertificate(int64_t certificateId, std::string_view site) const {
    const auto& names = sites_.names();
    const auto s = std::find(names.begin(), names.end(), site);
    if (s == names.end()) return std::nullopt;
    return findIdentity(static_cast<uint32_t>(s - names.begin()), EntryKind::Certificate, true, certificateId, {});
}

std::optional<size_t> Inventory::findOrder(int64_t orderId, std::string_view site) const {
    const auto& names = sites_.names();
    const auto s = std::find(names.begin(), names.end(), site);
    if (s == names.end()) return std::nullopt;
    return findIdentity(static_cast<uint32_t>(s - names.begin()), EntryKind::Order, true, orderId, {});
}

const std::vector<uint8_t>& Inventory::supersededFlags() const {
    std::lock_guard<std::mutex> lock(supersededMutex_);
    if (supersededStale_ || superseded_.size() != entries_.size()) {
        computeSuperseded();
        supersededStale_ = false;
    }
    return superseded_;
}

}  // namespace casview
