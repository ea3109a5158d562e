#include "certificate_row.hpp"

#include "ascii_text.hpp"
#include "json_reader.hpp"

namespace casview {
namespace {

constexpr RowFieldInfo text(std::string_view name, TextField f) {
    return {name, FieldType::Text, static_cast<uint8_t>(f)};
}
constexpr RowFieldInfo integer(std::string_view name, IntegerField f) {
    return {name, FieldType::Integer, static_cast<uint8_t>(f)};
}
constexpr RowFieldInfo flag(std::string_view name, FlagField f) {
    return {name, FieldType::Flag, static_cast<uint8_t>(f)};
}

}  // namespace

const std::array<RowFieldInfo, kTextFieldCount + kIntegerFieldCount + kFlagFieldCount> kRowFields = {{
    text("Algorithm", TextField::Algorithm),
    integer("AliyunOrderId", IntegerField::AliyunOrderId),
    integer("BuyDate", IntegerField::BuyDate),
    integer("CertEndTime", IntegerField::CertEndTime),
    integer("CertStartTime", IntegerField::CertStartTime),
    text("CertType", TextField::CertType),
    text("Domain", TextField::Domain),
    integer("DomainCount", IntegerField::DomainCount),
    text("DomainType", TextField::DomainType),
    integer("OrderId", IntegerField::OrderId),
    text("PartnerOrderId", TextField::PartnerOrderId),
    text("ProductCode", TextField::ProductCode),
    text("ProductName", TextField::ProductName),
    text("RootBrand", TextField::RootBrand),
    text("SourceType", TextField::SourceType),
    text("Status", TextField::Status),
    text("TrusteeStatus", TextField::TrusteeStatus),
    integer("WildDomainCount", IntegerField::WildDomainCount),
    integer("CertificateId", IntegerField::CertificateId),
    text("Name", TextField::Name),
    text("CommonName", TextField::CommonName),
    text("Fingerprint", TextField::Fingerprint),
    text("Sha2", TextField::Sha2),
    text("SerialNo", TextField::SerialNo),
    text("Issuer", TextField::Issuer),
    text("OrgName", TextField::OrgName),
    text("Province", TextField::Province),
    text("City", TextField::City),
    text("Country", TextField::Country),
    text("Sans", TextField::Sans),
    flag("Expired", FlagField::Expired),
    flag("Upload", FlagField::Upload),
    text("StartDate", TextField::StartDate),
    text("EndDate", TextField::EndDate),
    text("ResourceGroupId", TextField::ResourceGroupId),
    text("InstanceId", TextField::InstanceId),
}};

const RowFieldInfo* findRowField(std::string_view name) {
    // It runs for every member of every row: an open-addressing table keyed by the length and
    // three bytes of the name finds a documented name with one comparison, usually rejects
    // another one without any.
    constexpr size_t kSlots = 128;
    const auto slotOf = [](std::string_view n) {
        return (n.size() * 37 + static_cast<unsigned char>(n[0]) * 5 + static_cast<unsigned char>(n[n.size() / 2]) * 3 +
                static_cast<unsigned char>(n.back())) & (kSlots - 1);
    };
    struct Index {
        std::array<int8_t, kSlots> slots{};
        explicit Index(size_t (*slotOfName)(std::string_view)) {
            slots.fill(-1);
            for (size_t i = 0; i < kRowFields.size(); ++i) {
                size_t slot = slotOfName(kRowFields[i].name);
                while (slots[slot] >= 0) slot = (slot + 1) & (kSlots - 1);
                slots[slot] = static_cast<int8_t>(i);
            }
        }
    };
    static const Index index(+slotOf);
    if (name.empty()) return nullptr;
    for (size_t slot = slotOf(name);; slot = (slot + 1) & (kSlots - 1)) {
        const int8_t i = index.slots[slot];
        if (i < 0) return nullptr;
        const RowFieldInfo& field = kRowFields[static_cast<size_t>(i)];
        if (sameText(field.name, name)) return &field;
    }
}

size_t rowFieldIndex(TextField field) {
    static const std::array<uint8_t, kTextFieldCount> index = [] {
        std::array<uint8_t, kTextFieldCount> t{};
        for (size_t i = 0; i < kRowFields.size(); ++i) {
            if (kRowFields[i].type == FieldType::Text) t[kRowFields[i].index] = static_cast<uint8_t>(i);
        }
        return t;
    }();
    return index[static_cast<size_t>(field)];
}

std::optional<std::string_view> CertificateRow::text(TextField field) const {
    const Span span = texts_[static_cast<size_t>(field)];
    if (span.offset == kAbsent) return std::nullopt;
    return std::string_view(storage_).substr(span.offset, span.length);
}

std::optional<int64_t> CertificateRow::integer(IntegerField field) const {
    const auto i = static_cast<size_t>(field);
    if (!(integerPresent_ & (1u << i))) return std::nullopt;
    return integers_[i];
}

std::optional<bool> CertificateRow::flag(FlagField field) const {
    const auto i = static_cast<size_t>(field);
    if (!(flagPresent_ & (1u << i))) return std::nullopt;
    return (flagValue_ & (1u << i)) != 0;
}

std::string_view CertificateRow::rawJson() const {
    if (rawLength_ == 0) return "{}";
    return std::string_view(storage_).substr(0, rawLength_);
}

std::string_view CertificateRow::record() const {
    return std::string_view(storage_).substr(record_.offset, record_.length);
}

void CertificateRow::setRecord(std::string_view record) {
    if (storage_.size() + record.size() >= kAbsent) return;
    record_ = {static_cast<uint32_t>(storage_.size()), static_cast<uint32_t>(record.size())};
    storage_.append(record);
}

void CertificateRow::setRawJson(std::string_view json, size_t reserveExtra) {
    *this = CertificateRow();
    // Offsets are 32-bit: a row over 4 GB is not kept (it cannot come from a real page).
    if (json.size() >= kAbsent) return;
    storage_.reserve(json.size() + reserveExtra);
    storage_.assign(json);
    rawLength_ = static_cast<uint32_t>(json.size());
}

void CertificateRow::setText(TextField field, std::string_view value) {
    if (storage_.size() + value.size() >= kAbsent) return;
    texts_[static_cast<size_t>(field)] = {static_cast<uint32_t>(storage_.size()),
                                          static_cast<uint32_t>(value.size())};
    storage_.append(value);
}

void CertificateRow::setTextInRaw(TextField field, size_t offset, size_t length) {
    if (offset > rawLength_ || length > rawLength_ - offset) return;
    texts_[static_cast<size_t>(field)] = {static_cast<uint32_t>(offset), static_cast<uint32_t>(length)};
}

void CertificateRow::setInteger(IntegerField field, int64_t value) {
    const auto i = static_cast<size_t>(field);
    integers_[i] = value;
    integerPresent_ = static_cast<uint16_t>(integerPresent_ | (1u << i));
}

void CertificateRow::setFlag(FlagField field, bool value) {
    const auto i = static_cast<size_t>(field);
    flagPresent_ = static_cast<uint8_t>(flagPresent_ | (1u << i));
    flagValue_ = static_cast<uint8_t>(value ? flagValue_ | (1u << i) : flagValue_ & ~(1u << i));
}

void CertificateRow::clearText(TextField field) { texts_[static_cast<size_t>(field)] = Span{}; }

void CertificateRow::clearInteger(IntegerField field) {
    integerPresent_ = static_cast<uint16_t>(integerPresent_ & ~(1u << static_cast<size_t>(field)));
}

void CertificateRow::clearFlag(FlagField field) {
    flagPresent_ = static_cast<uint8_t>(flagPresent_ & ~(1u << static_cast<size_t>(field)));
}

std::vector<RawField> rawFields(const CertificateRow& row) {
    std::vector<RawField> fields;
    const std::string_view raw = row.rawJson();
    JsonReader reader(raw);
    if (!reader.enterObject()) return fields;
    std::string_view key;
    while (reader.nextMember(key)) {
        RawField field{std::string(key), {}};
        JsonType type;
        if (!reader.peek(type)) break;
        const size_t start = reader.offset();
        if (!reader.skipValue()) break;
        field.json = raw.substr(start, reader.offset() - start);
        fields.push_back(std::move(field));
    }
    return fields;
}

}  // namespace casview
