// The inventory's search index: per entry a segment of case-folded search text and the pairs of
// hex digits of its fingerprints and serial number (inventory.hpp). It is built from the
// entries' records when a search or prepareSearch() needs it, not while rows are added.
#include <array>

#include "ascii_text.hpp"
#include "case_fold.hpp"
#include "inventory.hpp"
#include "punycode.hpp"
#include "response_parser.hpp"

namespace casview {
namespace {

// Search text bytes for ASCII: lower case, control characters (line breaks too) as spaces.
constexpr std::array<char, 128> kSearchAscii = [] {
    std::array<char, 128> t{};
    for (size_t c = 0; c < t.size(); ++c) {
        t[c] = c < 0x20 ? ' ' : c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
    }
    return t;
}();

// One search field: case-folded, control characters (line breaks too) as spaces,
// '\n'-terminated; its bytes counted when `counts` is given.
void appendSearchField(std::string& out, std::array<uint64_t, 256>* counts, std::string_view value) {
    if (value.empty()) return;
    const size_t start = out.size();
    out.resize(start + value.size() + 1);
    char* to = &out[start];
    size_t i = 0;
    for (; i < value.size() && static_cast<unsigned char>(value[i]) < 0x80; ++i) {
        to[i] = kSearchAscii[static_cast<unsigned char>(value[i])];
    }
    if (i == value.size()) {
        to[i] = '\n';
    } else {
        // Not all ASCII: Unicode simple case folding from the first other byte on.
        out.resize(start + i);
        appendFolded(out, value.substr(i));
        for (size_t k = start + i; k < out.size(); ++k) {
            if (static_cast<unsigned char>(out[k]) < 0x20) out[k] = ' ';
        }
        out.push_back('\n');
    }
    if (counts != nullptr) {
        const char* const text = out.data();
        for (size_t k = start; k < out.size(); ++k) ++(*counts)[static_cast<unsigned char>(text[k])];
    }
}

// The decimal digits of value, written backwards from `end`; returns where they start.
char* decimalDigits(char* end, int64_t value) {
    uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    do {
        *--end = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0) *--end = '-';
    return end;
}

// The record fields an entry's index reads, in one pass (indexEntry's texts, in this order).
enum IndexField : size_t {
    kName, kProductName, kCommonName, kInstanceId, kPartnerOrderId, kCertificateId, kOrderId, kAliyunOrderId,
    kFingerprint, kSha2, kSerialNo, kIndexFieldCount
};
constexpr size_t kFirstIdField = kCertificateId, kFirstHexField = kFingerprint;

const std::array<const RowFieldInfo*, kIndexFieldCount>& indexFields() {
    static const std::array<const RowFieldInfo*, kIndexFieldCount> fields = {
        findRowField("Name"), findRowField("ProductName"), findRowField("CommonName"), findRowField("InstanceId"),
        findRowField("PartnerOrderId"),
        findRowField("CertificateId"), findRowField("OrderId"), findRowField("AliyunOrderId"),
        findRowField("Fingerprint"), findRowField("Sha2"), findRowField("SerialNo"),
    };
    return fields;
}

// The hex fields in the order of indexFields().
const RowFieldInfo* const* hexFields() { return indexFields().data() + kFirstHexField; }
constexpr size_t kHexFieldCount = kIndexFieldCount - kFirstHexField;

}  // namespace

bool Inventory::prepareSearch(size_t maxEntries) const {
    std::lock_guard<std::mutex> lock(searchMutex_);
    size_t indexed = 0;
    for (; indexed < maxEntries && !reindex_.empty(); ++indexed) {
        indexEntry(reindex_.back());
        reindex_.pop_back();
    }
    for (; indexed < maxEntries && indexedPrefix_ < entries_.size(); ++indexed) indexEntry(indexedPrefix_++);
    return reindex_.empty() && indexedPrefix_ == entries_.size();
}

void Inventory::indexEntry(size_t i) const {
    std::array<std::string, kIndexFieldCount>& texts = indexTexts_;
    bool present[kIndexFieldCount];
    recordTexts(rowRecord(i), dictionary_, indexFields().data(), kIndexFieldCount, texts.data(), present);

    std::string& segment = indexSegment_;
    segment.clear();
    const auto field = [&](std::string_view value) { appendSearchField(segment, &searchByteCounts_, value); };
    field(texts[kName]);
    // The CommonName is usually one of the SANs (then it is already there).
    const std::string_view commonName = texts[kCommonName];
    bool commonNameIsSan = false;
    forEachListItem(sanList(i), [&](std::string_view san) {
        field(san);
        if (san.find("xn--") != std::string_view::npos) field(hostnameToUnicode(san));
        commonNameIsSan = commonNameIsSan || san == commonName;
    });
    if (!commonNameIsSan) field(commonName);
    field(texts[kInstanceId]);  // instanceId(i), without looking it up in the record again
    field(texts[kPartnerOrderId]);
    // The display name when no field above is it.
    if (!present[kName] && !present[kProductName]) field(displayName(i));
    for (size_t k = kFirstIdField; k < kFirstHexField; ++k) {
        // As the row reads the id (CertificateRow::integer): its decimal digits, canonical.
        if (const auto value = present[k] ? parseJsonInteger(texts[k]) : std::nullopt) {
            char digits[24];
            char* const end = digits + sizeof digits;
            const char* const begin = decimalDigits(end, *value);
            field(std::string_view(begin, static_cast<size_t>(end - begin)));
        }
    }
    segment.push_back('\n');  // never an empty segment
    ++searchByteCounts_['\n'];

    HexPairs pairs{};
    for (size_t k = kFirstHexField; k < kIndexFieldCount; ++k) addHexBigrams(pairs, texts[k]);
    TextPairs textPairs{};
    addTextPairs(textPairs, segment);
    if (hexBigrams_.size() <= i) {
        hexBigrams_.resize(i + 1);
        textPairs_.resize(i + 1);
        entrySegments_.resize(i + 1);
    }
    hexBigrams_[i] = pairs;
    textPairs_[i] = textPairs;
    entrySegments_[i] = static_cast<uint32_t>(segmentOwner_.size());
    segmentOwner_.push_back(static_cast<uint32_t>(i));
    segmentStart_.push_back(search_.append(segment));
}

void Inventory::appendHexSearchText(std::string& out, size_t i) const {
    bool present[kHexFieldCount];
    recordTexts(rowRecord(i), dictionary_, hexFields(), kHexFieldCount, hexScratch_.data(), present);
    for (size_t k = 0; k < kHexFieldCount; ++k) {
        if (present[k]) appendSearchField(out, nullptr, hexScratch_[k]);
    }
    out.push_back('\n');
}

void Inventory::addTextPairs(TextPairs& set, std::string_view text) {
    for (size_t k = 1; k < text.size(); ++k) {
        const unsigned pair = static_cast<unsigned char>(text[k - 1]) << 8 | static_cast<unsigned char>(text[k]);
        const unsigned bit = (pair * 0x9E3779B1u) >> 24;  // the top byte of a multiplicative hash
        set[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
}

void Inventory::addHexBigrams(HexPairs& set, std::string_view text) {
    // Pairs of the text as searched (appendSearchField: case-folded): hex digits in either
    // case. Folding maps no other character to a hex digit, and its control characters and
    // the field's end break pairs as any non-digit does.
    static constexpr std::array<uint8_t, 256> kValue = [] {  // 16: not a hex digit
        std::array<uint8_t, 256> v{};
        for (auto& x : v) x = 16;
        for (int c = 0; c < 10; ++c) v[static_cast<size_t>('0' + c)] = static_cast<uint8_t>(c);
        for (int c = 0; c < 6; ++c) {
            v[static_cast<size_t>('a' + c)] = static_cast<uint8_t>(10 + c);
            v[static_cast<size_t>('A' + c)] = static_cast<uint8_t>(10 + c);
        }
        return v;
    }();
    // Branch-free: a pair counts when neither byte is a non-digit (bit 4 of either value).
    unsigned previous = 16;
    for (const char c : text) {
        const unsigned value = kValue[static_cast<unsigned char>(c)];
        const unsigned pair = (previous << 4 | value) & 255;
        set[pair >> 6] |= static_cast<uint64_t>(((previous | value) & 16) == 0) << (pair & 63);
        previous = value;
    }
}

}  // namespace casview
