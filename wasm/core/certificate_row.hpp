// casview: one entry of CertificateOrderList, typed (ListUserCertificateOrder, CAS 2020-04-07).
//
// The 36 documented fields of docs/alibaba-api.md §3.4, all optional: 18 sent
// for orders (OrderType CPACK/BUY), 17 for certificates (CERT/UPLOAD), InstanceId for both.
// Integers are int64 and exact beyond 2^53 (they never pass through a double).
//
// The row also keeps its JSON object exactly as sent (rawJson()), so a details view can show
// every field, undocumented ones included. Texts without escapes are views into that raw text,
// so a row costs one allocation.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casview {

enum class TextField : uint8_t {
    // CPACK/BUY
    Algorithm, CertType, Domain, DomainType, PartnerOrderId, ProductCode, ProductName, RootBrand,
    SourceType, Status, TrusteeStatus,
    // CERT/UPLOAD
    Name, CommonName, Fingerprint, Sha2, SerialNo, Issuer, OrgName, Province, City, Country, Sans,
    StartDate, EndDate, ResourceGroupId,
    // both
    InstanceId,
};
inline constexpr size_t kTextFieldCount = 26;

enum class IntegerField : uint8_t {
    AliyunOrderId, BuyDate, CertEndTime, CertStartTime, DomainCount, OrderId, WildDomainCount,  // CPACK/BUY
    CertificateId,                                                                             // CERT/UPLOAD
};
inline constexpr size_t kIntegerFieldCount = 8;

enum class FlagField : uint8_t { Expired, Upload };  // CERT/UPLOAD
inline constexpr size_t kFlagFieldCount = 2;

enum class FieldType : uint8_t { Text, Integer, Flag };

struct RowFieldInfo {
    std::string_view name;  // as in the JSON (PascalCase)
    FieldType type;
    uint8_t index;          // the TextField / IntegerField / FlagField value
};

/// The 36 documented fields, in the order of the §3.4 table.
extern const std::array<RowFieldInfo, kTextFieldCount + kIntegerFieldCount + kFlagFieldCount> kRowFields;

/// The documented field with this exact JSON name, or nullptr.
const RowFieldInfo* findRowField(std::string_view name);
/// The index in kRowFields of a text field.
size_t rowFieldIndex(TextField field);

/// A member of the raw row: its name (unescaped) and its value's JSON text as sent.
struct RawField {
    std::string name;
    std::string_view json;
};

class CertificateRow {
public:
    std::optional<std::string_view> text(TextField field) const;
    std::optional<int64_t> integer(IntegerField field) const;
    std::optional<bool> flag(FlagField field) const;

    /// The row's JSON object exactly as the service sent it ("{}" for a row built in code).
    std::string_view rawJson() const;
    /// The row's compact record (row_record.hpp) as the response parser wrote it while reading
    /// the row, categorical texts inline; "" for a row built in code.
    std::string_view record() const;

    // Named accessors (§3.4). Texts are trimmed of surrounding ASCII whitespace.
    std::optional<std::string_view> algorithm() const { return text(TextField::Algorithm); }
    std::optional<int64_t> aliyunOrderId() const { return integer(IntegerField::AliyunOrderId); }
    std::optional<int64_t> buyDate() const { return integer(IntegerField::BuyDate); }
    std::optional<int64_t> certEndTime() const { return integer(IntegerField::CertEndTime); }
    std::optional<int64_t> certStartTime() const { return integer(IntegerField::CertStartTime); }
    std::optional<std::string_view> certType() const { return text(TextField::CertType); }
    std::optional<std::string_view> domain() const { return text(TextField::Domain); }
    std::optional<int64_t> domainCount() const { return integer(IntegerField::DomainCount); }
    std::optional<std::string_view> domainType() const { return text(TextField::DomainType); }
    std::optional<int64_t> orderId() const { return integer(IntegerField::OrderId); }
    std::optional<std::string_view> partnerOrderId() const { return text(TextField::PartnerOrderId); }
    std::optional<std::string_view> productCode() const { return text(TextField::ProductCode); }
    std::optional<std::string_view> productName() const { return text(TextField::ProductName); }
    std::optional<std::string_view> rootBrand() const { return text(TextField::RootBrand); }
    std::optional<std::string_view> sourceType() const { return text(TextField::SourceType); }
    std::optional<std::string_view> status() const { return text(TextField::Status); }
    std::optional<std::string_view> trusteeStatus() const { return text(TextField::TrusteeStatus); }
    std::optional<int64_t> wildDomainCount() const { return integer(IntegerField::WildDomainCount); }
    std::optional<int64_t> certificateId() const { return integer(IntegerField::CertificateId); }
    std::optional<std::string_view> name() const { return text(TextField::Name); }
    std::optional<std::string_view> commonName() const { return text(TextField::CommonName); }
    std::optional<std::string_view> fingerprint() const { return text(TextField::Fingerprint); }
    std::optional<std::string_view> sha2() const { return text(TextField::Sha2); }
    std::optional<std::string_view> serialNo() const { return text(TextField::SerialNo); }
    std::optional<std::string_view> issuer() const { return text(TextField::Issuer); }
    std::optional<std::string_view> orgName() const { return text(TextField::OrgName); }
    std::optional<std::string_view> province() const { return text(TextField::Province); }
    std::optional<std::string_view> city() const { return text(TextField::City); }
    std::optional<std::string_view> country() const { return text(TextField::Country); }
    std::optional<std::string_view> sans() const { return text(TextField::Sans); }
    std::optional<bool> expired() const { return flag(FlagField::Expired); }
    std::optional<bool> upload() const { return flag(FlagField::Upload); }
    std::optional<std::string_view> startDate() const { return text(TextField::StartDate); }
    std::optional<std::string_view> endDate() const { return text(TextField::EndDate); }
    std::optional<std::string_view> resourceGroupId() const { return text(TextField::ResourceGroupId); }
    std::optional<std::string_view> instanceId() const { return text(TextField::InstanceId); }

    // Building (the response parser; tests). Set the raw JSON first: it resets every field.
    void setRawJson(std::string_view json, size_t reserveExtra = 0);
    void setText(TextField field, std::string_view value);  // copied
    /// A text that is the bytes [offset, offset + length) of rawJson() (no copy). Out-of-range
    /// spans are ignored.
    void setTextInRaw(TextField field, size_t offset, size_t length);
    void setInteger(IntegerField field, int64_t value);
    /// Keeps the row's record (after setRawJson: it resets it).
    void setRecord(std::string_view record);
    void setFlag(FlagField field, bool value);
    void clearText(TextField field);
    void clearInteger(IntegerField field);
    void clearFlag(FlagField field);

private:
    struct Span {
        uint32_t offset = kAbsent;
        uint32_t length = 0;
    };
    static constexpr uint32_t kAbsent = UINT32_MAX;

    std::string storage_;  // the raw JSON, then copied texts
    uint32_t rawLength_ = 0;
    Span record_{0, 0};  // in storage_
    std::array<Span, kTextFieldCount> texts_{};
    std::array<int64_t, kIntegerFieldCount> integers_{};
    uint16_t integerPresent_ = 0;
    uint8_t flagPresent_ = 0;
    uint8_t flagValue_ = 0;
};

/// Every member of the row's raw JSON, in the order sent (duplicates included).
std::vector<RawField> rawFields(const CertificateRow& row);

}  // namespace casview
