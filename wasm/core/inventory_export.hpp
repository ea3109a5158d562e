// casview: inventory entries as the page and exports see them.
//
// One row shape for the JS API (index.d.ts InventoryRow), the JSON export and the CSV export:
// id, kind, site, name, domain, sans, issuer, status, orderType, notBefore, notAfter, daysLeft,
// expiryState, resourceGroupId, instanceId, entryId, superseded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expiry_histogram.hpp"
#include "inventory.hpp"

namespace casview {

/// The row's stable id: "<kind>:<CertificateId|OrderId>", else "<kind>:instance:<InstanceId>",
/// else "<kind>:#<position>"; prefixed with "<site>/" when the entry has a site.
std::string inventoryRowId(const Inventory& inventory, size_t index);

/// The entry with that id (linear: for a click, not for a loop).
std::optional<size_t> findInventoryRow(const Inventory& inventory, std::string_view id);

/// Appends entry `index` as a JSON object of the row shape above.
void appendInventoryRowJson(std::string& out, const Inventory& inventory, size_t index);

/// [{label:"expired", fromMs:null, toMs, count}, {label:"YYYY-MM", fromMs, toMs, count} × 12].
void appendHistogramJson(std::string& out, const ExpiryHistogram& histogram);

/// The rows as a JSON array of row objects.
std::string inventoryJson(const Inventory& inventory, const std::vector<uint32_t>& rows);

/// The rows as CSV (RFC 4180, CRLF) with a UTF-8 byte order mark, so spreadsheets read the
/// names right. A cell starting with = + - @ TAB or CR is prefixed with ' (it would otherwise
/// run as a formula: uploaded certificate names are user-controlled), except a plain number
/// such as days left "-12", which no spreadsheet runs.
std::string inventoryCsv(const Inventory& inventory, const std::vector<uint32_t>& rows);

/// The CSV cell for `text` (quoted and neutralised as above).
std::string csvCell(std::string_view text);

}  // namespace casview
