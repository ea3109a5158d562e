#include "inventory.hpp"

#include <algorithm>
#include <limits>

#include "case_fold.hpp"
#include "civil_time.hpp"
#include "domain_match.hpp"
#include "punycode.hpp"

namespace casview {
namespace {

constexpr std::array<std::string_view, 5> kOrderTypeNames = {"", "CERT", "UPLOAD", "CPACK", "BUY"};
constexpr uint8_t kCert = 1, kUpload = 2, kCpack = 3, kBuy = 4;

// Searched through the facet dictionary (few distinct values), not the per-row text.
constexpr std::array<TextField, 6> kFacetFields = {TextField::Issuer, TextField::RootBrand, TextField::ProductName,
                                                   TextField::ProductCode, TextField::OrgName, TextField::ResourceGroupId};

bool equalsIgnoreCase(std::string_view a, std::string_view upper) {
    if (a.size() != upper.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const char c = a[i] >= 'a' && a[i] <= 'z' ? static_cast<char>(a[i] - 'a' + 'A') : a[i];
        if (c != upper[i]) return false;
    }
    return true;
}

uint8_t orderTypeIndex(std::string_view name) {
    for (uint8_t i = 1; i < kOrderTypeNames.size(); ++i) {
        if (equalsIgnoreCase(name, kOrderTypeNames[i])) return i;
    }
    return 0;
}

std::string_view nonEmpty(const std::optional<std::string_view>& value) { return value ? *value : std::string_view(); }

std::string_view trim(std::string_view s) {
    constexpr std::string_view kSpace = " \t\n\r\f\v";
    const size_t first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// The first non-empty item of a comma-separated list, trimmed.
std::string_view firstListItem(std::string_view list) {
    size_t start = 0;
    for (;;) {
        const size_t comma = list.find(',', start);
        const std::string_view item = trim(list.substr(start, comma == std::string_view::npos ? comma : comma - start));
        if (!item.empty() || comma == std::string_view::npos) return item;
        start = comma + 1;
    }
}

template <class F>
void forEachListItem(std::string_view list, F f) {
    size_t start = 0;
    while (start <= list.size()) {
        const size_t comma = list.find(',', start);
        const std::string_view item = list.substr(start, comma == std::string_view::npos ? comma : comma - start);
        if (!item.empty()) f(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
}

int64_t floorDiv(int64_t a, int64_t b) {
    const int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// One search field: case-folded, control characters (line breaks too) as spaces,
// '\n'-terminated; its bytes counted.
void appendSearchField(std::string& out, std::array<uint64_t, 256>& counts, std::string_view value) {
    if (value.empty()) return;
    const size_t start = out.size();
    appendFolded(out, value);
    for (size_t k = start; k < out.size(); ++k) {
        if (static_cast<unsigned char>(out[k]) < 0x20) out[k] = ' ';
        ++counts[static_cast<unsigned char>(out[k])];
    }
    out.push_back('\n');
    ++counts['\n'];
}

EntryKind kindOf(const CertificateRow& row, const PageOrigin& origin) {
    const uint8_t requested = orderTypeIndex(origin.orderType);
    if (requested == kCert || requested == kUpload) return EntryKind::Certificate;
    if (requested == kCpack || requested == kBuy) return EntryKind::Order;
    // No (known) request: the fields tell (§3.4 lists which shape sends which).
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

void Inventory::changed() {
    ++generation_;
    std::lock_guard<std::mutex> lock(supersededMutex_);
    supersededStale_ = true;
}

void Inventory::clear() {
    nowFrom_ = INT64_MIN;
    nowUntil_ = INT64_MAX;
    rows_.clear();
    entries_.clear();
    text_.clear();
    search_.clear();
    hexSearch_.clear();
    segmentStart_.clear();
    hexSegmentStart_.clear();
    segmentOwner_.clear();
    searchByteCounts_.fill(0);
    hexBigrams_.clear();
    facets_.clear();
    facetFolded_.assign(1, "");
    statuses_.clear();
    groups_.clear();
    sites_.clear();
    byId_.clear();
    byInstanceId_.clear();
    changed();
}

Inventory::Span Inventory::appendText(std::string_view text) {
    if (text_.size() + text.size() >= std::numeric_limits<uint32_t>::max()) return {};
    const Span span{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text.size())};
    text_.append(text);
    return span;
}

uint32_t Inventory::Interner::intern(std::string_view value) {
    if (value.empty()) return 0;
    uint32_t& recent = recent_[std::hash<std::string_view>()(value) & (recent_.size() - 1)];
    if (names_[recent] == value) return recent;
    std::string key(value);
    const auto [it, inserted] = ids_.try_emplace(key, static_cast<uint32_t>(names_.size()));
    if (inserted) names_.push_back(std::move(key));
    recent = it->second;
    return it->second;
}

void Inventory::Interner::clear() {
    names_.assign(1, "");
    ids_ = {{"", 0}};
    recent_.fill(0);
}

size_t Inventory::addPage(CertificateOrderPage page, const PageOrigin& origin) {
    return addRows(std::move(page.rows), origin);
}

size_t Inventory::addRows(std::vector<CertificateRow> rows, const PageOrigin& origin) {
    size_t added = 0;
    // No reserve(size() + rows.size()) here: page by page it would defeat geometric growth.
    for (CertificateRow& row : rows) added += addRow(std::move(row), origin) ? 1 : 0;
    return added;
}

bool Inventory::addRow(CertificateRow row, const PageOrigin& origin) {
    const EntryKind kind = kindOf(row, origin);
    const auto kindTag = static_cast<uint8_t>(kind == EntryKind::Certificate ? 0 : 1);
    const uint32_t site = sites_.intern(origin.site);
    const std::optional<int64_t> id = kind == EntryKind::Certificate ? row.certificateId() : row.orderId();
    const std::string_view instanceId = nonEmpty(row.instanceId());

    // Identity: site + kind + id, else site + kind + InstanceId, else none (never merged).
    uint32_t* slot = nullptr;
    bool isNew = true;
    const auto index = static_cast<uint32_t>(rows_.size());
    if (id) {
        const auto [it, inserted] = byId_.try_emplace(IdKey{site, kindTag, *id}, index);
        slot = &it->second;
        isNew = inserted;
    } else if (!instanceId.empty()) {
        std::string key = std::to_string(site);
        key.push_back(static_cast<char>('a' + kindTag));
        key.append(instanceId);
        const auto [it, inserted] = byInstanceId_.try_emplace(std::move(key), index);
        slot = &it->second;
        isNew = inserted;
    }

    size_t i;
    if (isNew) {
        i = rows_.size();
        rows_.push_back(std::move(row));
        entries_.emplace_back();
    } else {
        i = *slot;
        rows_[i] = std::move(row);
        const uint32_t oldSegment = entries_[i].segment;
        entries_[i] = EntryData{};
        segmentOwner_[oldSegment] = kDeadSegment;
    }
    entries_[i].kind = kind;
    entries_[i].site = site;
    derive(i, origin);
    narrowNowWindow(i);
    changed();
    return isNew;
}

void Inventory::derive(size_t i, const PageOrigin& origin) {
    const CertificateRow& row = rows_[i];
    EntryData& d = entries_[i];
    const bool isCertificate = d.kind == EntryKind::Certificate;
    const uint8_t requested = orderTypeIndex(origin.orderType);

    if (isCertificate) {
        if (row.upload()) d.orderType = *row.upload() ? kUpload : kCert;
        else d.orderType = requested == kUpload ? kUpload : kCert;
    } else {
        const std::string_view source = nonEmpty(row.sourceType());
        d.orderType = equalsIgnoreCase(source, "CPACK") ? kCpack
                      : equalsIgnoreCase(source, "BUY") ? kBuy
                      : (requested == kCpack || requested == kBuy) ? requested : 0;
    }

    if (!nonEmpty(row.status()).empty()) {
        d.status = statuses_.intern(*row.status());
    } else if (!origin.status.empty()) {
        d.status = statuses_.intern(trim(origin.status));
    } else {
        d.statusFromDates = isCertificate;
    }
    d.resourceGroup = groups_.intern(nonEmpty(row.resourceGroupId()));

    // Validity: certificates in whole UTC days (StartDate 00:00:00.000 .. EndDate 23:59:59.999),
    // orders in epoch ms; each falls back to the other's fields.
    std::optional<int64_t> dayBefore, dayAfter;
    if (const auto start = parseDate(nonEmpty(row.startDate()))) dayBefore = *start * kMsPerDay;
    if (const auto end = parseDate(nonEmpty(row.endDate()))) dayAfter = (*end + 1) * kMsPerDay - 1;
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
    const size_t sansStart = text_.size();
    uint32_t sanCount = 0;
    forEachListItem(sanSource, [&](std::string_view item) {
        const std::string name = normalizeHostname(item);
        if (name.empty()) return;
        const std::string_view done = std::string_view(text_).substr(sansStart);
        bool duplicate = false;
        forEachListItem(done, [&](std::string_view seen) { duplicate = duplicate || seen == name; });
        if (duplicate) return;
        if (sanCount > 0) text_.push_back(',');
        text_ += name;
        ++sanCount;
    });
    d.sans = {static_cast<uint32_t>(sansStart), static_cast<uint32_t>(text_.size() - sansStart)};
    d.sanCount = sanCount;

    const std::string_view firstSan = firstListItem(sanSource);
    const std::optional<int64_t> id = isCertificate ? row.certificateId() : row.orderId();
    std::string name;
    if (isCertificate) {
        name = std::string(!nonEmpty(row.name()).empty() ? *row.name()
                           : !nonEmpty(row.commonName()).empty() ? *row.commonName()
                           : !firstSan.empty() ? firstSan : nonEmpty(row.instanceId()));
        if (name.empty()) name = id ? "Certificate #" + std::to_string(*id) : "Certificate";
        d.primaryDomain = appendText(!nonEmpty(row.commonName()).empty() ? *row.commonName() : firstSan);
    } else {
        name = std::string(!nonEmpty(row.productName()).empty() ? *row.productName()
                           : !firstSan.empty() ? firstSan : nonEmpty(row.instanceId()));
        if (name.empty()) name = id ? "Order #" + std::to_string(*id) : "Order";
        d.primaryDomain = appendText(firstSan);
    }
    d.displayName = appendText(name);

    deriveTime(i);
    appendSearchSegment(i);
}

void Inventory::deriveTime(size_t i) {
    EntryData& d = entries_[i];
    const std::optional<bool> expiredFlag = rows_[i].expired();
    if (d.hasNotAfter) {
        d.daysLeft = casview::daysLeft(d.notAfterMs, nowMs_);
        d.expiry = d.daysLeft < 0                          ? ExpiryState::Expired
                   : d.daysLeft <= thresholds_.criticalDays ? ExpiryState::Critical
                   : d.daysLeft <= thresholds_.warningDays  ? ExpiryState::Warning
                                                            : ExpiryState::Ok;
    } else {
        d.daysLeft = 0;
        d.expiry = expiredFlag == true ? ExpiryState::Expired : ExpiryState::Unknown;
    }
    if (d.statusFromDates) {
        std::string_view derived;
        if (d.expiry == ExpiryState::Expired) derived = "EXPIRED";
        else if (d.hasNotAfter) derived = d.daysLeft < kWillExpireDays ? "WILLEXPIRED" : "ISSUED";
        d.status = statuses_.intern(derived);
    }
}

void Inventory::appendSearchSegment(size_t i) {
    const CertificateRow& row = rows_[i];
    EntryData& d = entries_[i];
    d.segment = static_cast<uint32_t>(segmentOwner_.size());
    segmentOwner_.push_back(static_cast<uint32_t>(i));
    segmentStart_.push_back(static_cast<uint32_t>(search_.size()));
    hexSegmentStart_.push_back(static_cast<uint32_t>(hexSearch_.size()));

    const auto field = [&](std::string_view value) { appendSearchField(search_, searchByteCounts_, value); };
    field(nonEmpty(row.name()));
    // The CommonName is usually one of the SANs (then it is already there).
    const std::string_view commonName = nonEmpty(row.commonName());
    bool commonNameIsSan = false;
    forEachListItem(textOf(d.sans), [&](std::string_view san) {
        field(san);
        if (san.find("xn--") != std::string_view::npos) field(hostnameToUnicode(san));
        commonNameIsSan = commonNameIsSan || san == commonName;
    });
    if (!commonNameIsSan) field(commonName);
    field(nonEmpty(row.instanceId()));
    field(nonEmpty(row.partnerOrderId()));
    for (size_t f = 0; f < kFacetFields.size(); ++f) {
        const uint32_t id = facets_.intern(trim(nonEmpty(row.text(kFacetFields[f]))));
        if (id == facetFolded_.size()) facetFolded_.push_back(foldCase(facets_.names()[id]));
        d.facets[f] = id;
    }
    if (d.displayName.length > 0 && !row.name() && !row.productName()) field(textOf(d.displayName));
    for (const IntegerField integerField : {IntegerField::CertificateId, IntegerField::OrderId, IntegerField::AliyunOrderId}) {
        if (const auto value = row.integer(integerField)) field(std::to_string(*value));
    }
    search_.push_back('\n');  // never an empty segment
    ++searchByteCounts_['\n'];

    std::array<uint64_t, 256> unused{};
    const size_t hexStart = hexSearch_.size();
    for (const TextField textField : {TextField::Fingerprint, TextField::Sha2, TextField::SerialNo}) {
        appendSearchField(hexSearch_, unused, nonEmpty(row.text(textField)));
    }
    hexSearch_.push_back('\n');
    std::array<uint64_t, 4> bigrams{};
    addHexBigrams(bigrams, std::string_view(hexSearch_).substr(hexStart));
    hexBigrams_.push_back(bigrams);
}

void Inventory::addHexBigrams(std::array<uint64_t, 4>& set, std::string_view text) {
    const auto value = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    for (size_t k = 0; k + 1 < text.size(); ++k) {
        const int hi = value(text[k]), lo = value(text[k + 1]);
        if (hi < 0 || lo < 0) continue;
        const auto pair = static_cast<unsigned>(hi * 16 + lo);
        set[pair >> 6] |= uint64_t{1} << (pair & 63);
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
    changed();
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
        int64_t dayOffset;
        if (__builtin_mul_overflow(d.daysLeft, kMsPerDay, &dayOffset) ||
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

std::string_view Inventory::orderType(size_t i) const { return kOrderTypeNames[entries_[i].orderType]; }

std::vector<std::string_view> Inventory::sans(size_t i) const {
    std::vector<std::string_view> out;
    out.reserve(entries_[i].sanCount);
    forEachListItem(sanList(i), [&](std::string_view san) { out.push_back(san); });
    return out;
}

std::optional<int64_t> Inventory::notBeforeMs(size_t i) const {
    return entries_[i].hasNotBefore ? std::optional<int64_t>(entries_[i].notBeforeMs) : std::nullopt;
}

std::optional<int64_t> Inventory::notAfterMs(size_t i) const {
    return entries_[i].hasNotAfter ? std::optional<int64_t>(entries_[i].notAfterMs) : std::nullopt;
}

std::optional<int64_t> Inventory::daysLeft(size_t i) const {
    return entries_[i].hasNotAfter ? std::optional<int64_t>(entries_[i].daysLeft) : std::nullopt;
}

std::optional<int64_t> Inventory::id(size_t i) const {
    return entries_[i].kind == EntryKind::Certificate ? rows_[i].certificateId() : rows_[i].orderId();
}

bool Inventory::superseded(size_t i) const { return supersededFlags()[i] != 0; }

InventoryEntry Inventory::entry(size_t i) const {
    InventoryEntry e;
    e.row = &rows_[i];
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
    const auto it = byId_.find(IdKey{static_cast<uint32_t>(s - names.begin()), 0, certificateId});
    return it == byId_.end() ? std::nullopt : std::optional<size_t>(it->second);
}

std::optional<size_t> Inventory::findOrder(int64_t orderId, std::string_view site) const {
    const auto& names = sites_.names();
    const auto s = std::find(names.begin(), names.end(), site);
    if (s == names.end()) return std::nullopt;
    const auto it = byId_.find(IdKey{static_cast<uint32_t>(s - names.begin()), 1, orderId});
    return it == byId_.end() ? std::nullopt : std::optional<size_t>(it->second);
}

const std::vector<uint8_t>& Inventory::supersededFlags() const {
    std::lock_guard<std::mutex> lock(supersededMutex_);
    if (supersededStale_ || superseded_.size() != entries_.size()) {
        computeSuperseded();
        supersededStale_ = false;
    }
    return superseded_;
}

void Inventory::computeSuperseded() const {
    const size_t n = entries_.size();
    superseded_.assign(n, 0);
    const auto validNow = [&](const EntryData& d) {
        return d.kind == EntryKind::Certificate && d.hasNotAfter && nowMs_ <= d.notAfterMs &&
               (!d.hasNotBefore || d.notBeforeMs <= nowMs_);
    };
    // Newer: a later not-after; on a tie, a later not-before.
    const auto newer = [&](uint32_t b, uint32_t a) {
        const EntryData& x = entries_[b];
        const EntryData& y = entries_[a];
        if (x.notAfterMs != y.notAfterMs) return x.notAfterMs > y.notAfterMs;
        const int64_t xb = x.hasNotBefore ? x.notBeforeMs : std::numeric_limits<int64_t>::min();
        const int64_t yb = y.hasNotBefore ? y.notBeforeMs : std::numeric_limits<int64_t>::min();
        return xb > yb;
    };

    // Every SAN → the certificates valid now that carry it, newest first.
    std::unordered_map<std::string_view, std::vector<uint32_t>> holders;
    for (uint32_t b = 0; b < n; ++b) {
        if (!validNow(entries_[b])) continue;
        forEachListItem(textOf(entries_[b].sans), [&](std::string_view san) { holders[san].push_back(b); });
    }
    for (auto& [san, list] : holders) {
        std::stable_sort(list.begin(), list.end(), [&](uint32_t x, uint32_t y) { return newer(x, y); });
    }
    static const std::vector<uint32_t> kNone;
    const auto holdersOf = [&](std::string_view san) -> const std::vector<uint32_t>& {
        const auto it = holders.find(san);
        return it == holders.end() ? kNone : it->second;
    };

    std::vector<std::string_view> names;
    std::string wildcard, bestWildcard;
    for (uint32_t a = 0; a < n; ++a) {
        const EntryData& d = entries_[a];
        if (d.kind != EntryKind::Certificate || !d.hasNotAfter || d.sanCount == 0) continue;
        names.clear();
        forEachListItem(textOf(d.sans), [&](std::string_view san) { names.push_back(san); });

        // A covering certificate must cover every name, so look only among those that cover
        // the name with the fewest candidates (exact holders + holders of its wildcard).
        size_t best = SIZE_MAX;
        std::string_view bestName;
        for (const std::string_view name : names) {
            wildcard = coveringWildcard(name);
            const size_t count = holdersOf(name).size() + (wildcard.empty() ? 0 : holdersOf(wildcard).size());
            if (count < best) {
                best = count;
                bestName = name;
                bestWildcard = wildcard;
            }
        }
        if (best == 0) continue;

        const auto coversAll = [&](uint32_t b) {
            const std::string_view list = textOf(entries_[b].sans);
            return std::all_of(names.begin(), names.end(), [&](std::string_view name) {
                bool covered = false;
                forEachListItem(list, [&](std::string_view san) { covered = covered || sanCoversHost(san, name); });
                return covered;
            });
        };
        for (const std::vector<uint32_t>* list : {&holdersOf(bestName), bestWildcard.empty() ? &kNone : &holdersOf(bestWildcard)}) {
            for (const uint32_t b : *list) {
                if (!newer(b, a)) break;  // newest first: nothing newer follows
                if (coversAll(b)) {
                    superseded_[a] = 1;
                    break;
                }
            }
            if (superseded_[a]) break;
        }
    }
}

}  // namespace casview
