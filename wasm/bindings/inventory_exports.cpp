// casview: createInventory and its methods (web/casview/inventory.js). The rows stay here,
// in WASM; JS asks for the slice it shows.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "boundary.hpp"
#include "inventory.hpp"
#include "inventory_registry.hpp"

using namespace casview;

namespace {

std::unordered_map<uint32_t, std::unique_ptr<Inventory>> g_inventories;
uint32_t g_nextInventory = 1;

Inventory* findInventory(uint32_t id) {
    const auto found = g_inventories.find(id);
    return found == g_inventories.end() ? nullptr : found->second.get();
}

}  // namespace

namespace casview {

bool addListedRows(uint32_t inventoryId, std::vector<CertificateRow> rows,
                   std::string_view orderType, std::string_view site) {
    Inventory* inventory = findInventory(inventoryId);
    if (inventory == nullptr) return false;
    (void)site;
    inventory->addRows(std::move(rows), PageOrigin{orderType, {}});
    return true;
}

}  // namespace casview

extern "C" {

EMSCRIPTEN_KEEPALIVE uint32_t casview_inventory_create(double criticalDays, double warningDays) {
    const uint32_t id = g_nextInventory++;
    ExpiryThresholds thresholds;
    thresholds.criticalDays = static_cast<int64_t>(criticalDays);
    thresholds.warningDays = static_cast<int64_t>(warningDays);
    g_inventories.emplace(id, std::make_unique<Inventory>(0, thresholds));
    return id;
}

EMSCRIPTEN_KEEPALIVE void casview_inventory_destroy(uint32_t id) { g_inventories.erase(id); }

EMSCRIPTEN_KEEPALIVE double casview_inventory_size(uint32_t id) {
    Inventory* inventory = findInventory(id);
    return inventory == nullptr ? 0 : static_cast<double>(inventory->size());
}

}  // extern "C"
