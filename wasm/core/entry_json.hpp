// casview: pages and rows back to JSON, in the API's own shape, for the JS API.
//
// docs/js-api.md: listUserCertificateOrder returns the page "in the API's own shape" (the
// documented PascalCase names and types), and integers above Number.MAX_SAFE_INTEGER come out
// as decimal strings. So undocumented members and documented texts are written as sent (their
// raw JSON); documented integers and booleans from their typed values (numbers sent as strings
// become numbers; ids beyond 2^53 become strings); a documented field that is null or not
// readable as its type is left out ("absent fields are absent").
#pragma once

#include <string>

#include "certificate_row.hpp"
#include "response_parser.hpp"

namespace casview {

/// Appends one row as a JSON object.
void appendEntryJson(std::string& out, const CertificateRow& row);

/// Appends {RequestId, CurrentPage, ShowSize, TotalCount, CertificateOrderList}; absent page
/// fields are written as "" / 0 so the JS shape is always complete.
void appendPageJson(std::string& out, const CertificateOrderPage& page);

}  // namespace casview
