// Rows built in code for inventory tests (the parser's tests cover rows built from JSON).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "certificate_row.hpp"
#include "civil_time.hpp"

namespace casview::test {

class RowBuilder {
public:
    RowBuilder& text(TextField field, std::string_view value) {
        row_.setText(field, value);
        return *this;
    }
    RowBuilder& integer(IntegerField field, int64_t value) {
        row_.setInteger(field, value);
        return *this;
    }
    RowBuilder& flag(FlagField field, bool value) {
        row_.setFlag(field, value);
        return *this;
    }
    RowBuilder& name(std::string_view v) { return text(TextField::Name, v); }
    RowBuilder& commonName(std::string_view v) { return text(TextField::CommonName, v); }
    RowBuilder& sans(std::string_view v) { return text(TextField::Sans, v); }
    RowBuilder& status(std::string_view v) { return text(TextField::Status, v); }
    RowBuilder& instanceId(std::string_view v) { return text(TextField::InstanceId, v); }
    RowBuilder& issuer(std::string_view v) { return text(TextField::Issuer, v); }
    RowBuilder& resourceGroup(std::string_view v) { return text(TextField::ResourceGroupId, v); }
    RowBuilder& upload(bool v) { return flag(FlagField::Upload, v); }
    operator CertificateRow() const { return row_; }  // NOLINT: builder converts implicitly
    CertificateRow build() const { return row_; }

private:
    CertificateRow row_;
};

/// A certificate row (CERT/UPLOAD shape) valid from StartDate through EndDate.
inline RowBuilder certificate(int64_t id, std::string_view sans, std::string_view startDate, std::string_view endDate) {
    RowBuilder b;
    b.integer(IntegerField::CertificateId, id).sans(sans).text(TextField::StartDate, startDate).text(TextField::EndDate, endDate);
    return b;
}

/// An order row (CPACK/BUY shape).
inline RowBuilder order(int64_t id, std::string_view domain, std::string_view status) {
    RowBuilder b;
    b.integer(IntegerField::OrderId, id).text(TextField::Domain, domain).status(status);
    return b;
}

/// Epoch ms of "yyyy-MM-ddTHH:mm:ssZ" plus extra milliseconds.
inline int64_t ms(std::string_view timestamp, int64_t extraMs = 0) { return parseTimestamp(timestamp).value() + extraMs; }

}  // namespace casview::test
