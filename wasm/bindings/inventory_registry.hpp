// casview: the inventories JS created (inventory_exports.cpp), reachable from the client
// exports so listAll can add its rows inside WASM (no second trip through JS).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "certificate_row.hpp"

namespace casview {

/// Adds listed rows to inventory `inventoryId` (0: none); false when there is no such inventory.
bool addListedRows(uint32_t inventoryId, std::vector<CertificateRow> rows,
                   std::string_view orderType, std::string_view site);

}  // namespace casview
