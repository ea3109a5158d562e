// casview: createInventory and its methods (web/casview/inventory.js). The rows stay here, in
// WASM; JS asks for the slice it shows (a query answers with at most `limit` rows as JSON).
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "boundary.hpp"
#include "civil_time.hpp"
#include "entry_json.hpp"
#include "id_map.hpp"
#include "inventory.hpp"
#include "inventory_export.hpp"
#include "inventory_query.hpp"
#include "inventory_registry.hpp"
#include "json_writer.hpp"
#include "response_parser.hpp"

using namespace casview;

namespace {

struct Box {
    explicit Box(ExpiryThresholds thresholds) : inventory(0, thresholds), engine(inventory) {}
    Inventory inventory;
    InventoryQueryEngine engine;  // keeps its sort orders between keystrokes
    QueryResult result;           // buffers reused by every query
};

IdMap<uint32_t, std::unique_ptr<Box>> g_inventories;
uint32_t g_nextInventory = 1;

Box* findBox(uint32_t id) {
    const auto found = g_inventories.find(id);
    return found == g_inventories.end() ? nullptr : found->second.get();
}

CasError malformed(const char* what) {
    return invalidParameter("query", std::string("malformed ") + what + " request");
}

std::vector<std::string> splitList(std::string_view list) {
    std::vector<std::string> out;
    while (!list.empty()) {
        const size_t comma = list.find(',');
        out.emplace_back(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return out;
}

std::optional<ExpiryState> parseExpiryState(std::string_view name) {
    for (uint8_t i = 0; i < kExpiryStateCount; ++i) {
        if (expiryStateName(static_cast<ExpiryState>(i)) == name) return static_cast<ExpiryState>(i);
    }
    return std::nullopt;
}

// The filter fields, in the order web/casview/inventory.js writes them:
// now, search, kinds, statuses, orderTypes, expiryStates, expiresWithinDays, notAfterFrom,
// notAfterTo, resourceGroup ('' = any, else '=' + id), sites, covers, hideSuperseded.
std::optional<InventoryQuery> readFilter(boundary::Request& request, int64_t& nowMs) {
    std::string_view f[13];
    for (auto& field : f) {
        const auto next = request.next();
        if (!next) return std::nullopt;
        field = *next;
    }
    InventoryQuery q;
    const auto now = boundary::parseInteger(f[0]);
    if (!now) return std::nullopt;
    nowMs = *now;
    q.text = std::string(f[1]);
    const auto kinds = splitList(f[2]);
    if (kinds.size() == 1) {
        if (kinds[0] == "certificate") q.kind = EntryKind::Certificate;
        else if (kinds[0] == "order") q.kind = EntryKind::Order;
        else return std::nullopt;
    }
    q.statuses = splitList(f[3]);
    q.orderTypes = splitList(f[4]);
    for (const std::string& name : splitList(f[5])) {
        const auto state = parseExpiryState(name);
        if (!state) return std::nullopt;
        q.expiryStates.push_back(*state);
    }
    if (!f[6].empty() && !(q.expiresWithinDays = boundary::parseInteger(f[6]))) return std::nullopt;
    if (!f[7].empty() && !(q.notAfterFromMs = boundary::parseInteger(f[7]))) return std::nullopt;
    if (!f[8].empty() && !(q.notAfterToMs = boundary::parseInteger(f[8]))) return std::nullopt;
    if (!f[9].empty()) {
        if (f[9][0] != '=') return std::nullopt;
        q.resourceGroupId = std::string(f[9].substr(1));
    }
    q.sites = splitList(f[10]);
    q.coversHost = std::string(f[11]);
    q.hideSuperseded = f[12] == "1";
    return q;
}

// Sorting and paging after the filter: sort key, descending, offset, limit ('' = all).
bool readOrder(boundary::Request& request, InventoryQuery& q) {
    const auto key = request.next(), descending = request.next(), offset = request.next(),
               limit = request.next();
    if (!limit) return false;
    const auto sortKey = parseSortKey(*key);
    const auto from = boundary::parseInteger(*offset);
    if (!sortKey || !from || *from < 0) return false;
    q.sortKey = *sortKey;
    q.descending = *descending == "1";
    q.offset = static_cast<size_t>(*from);
    if (!limit->empty()) {
        const auto count = boundary::parseInteger(*limit);
        if (!count || *count < 0) return false;
        q.limit = static_cast<size_t>(*count);
    }
    return true;
}

void appendCounts(std::string& out, const InventoryCounts& counts) {
    out += "{\"byStatus\":{";
    bool first = true;
    for (const auto& [status, count] : counts.byStatus) {
        if (!first) out.push_back(',');
        first = false;
        appendJsonString(out, status);
        out.push_back(':');
        appendJsonInteger(out, static_cast<int64_t>(count));
    }
    out += "},\"byExpiryState\":{";
    for (size_t i = 0; i < kExpiryStateCount; ++i) {
        if (i > 0) out.push_back(',');
        appendJsonString(out, expiryStateName(static_cast<ExpiryState>(i)));
        out.push_back(':');
        appendJsonInteger(out, static_cast<int64_t>(counts.byExpiryState[i]));
    }
    out += "},\"byKind\":{\"certificate\":";
    appendJsonInteger(out, static_cast<int64_t>(counts.byKind[0]));
    out += ",\"order\":";
    appendJsonInteger(out, static_cast<int64_t>(counts.byKind[1]));
    out += "},\"superseded\":";
    appendJsonInteger(out, static_cast<int64_t>(counts.superseded));
    out.push_back('}');
}

// Runs a query at the caller's "now" (days left and expiry states follow the clock).
const QueryResult& run(Box& box, const InventoryQuery& query, int64_t nowMs) {
    if (box.inventory.nowMs() != nowMs) box.inventory.setNow(nowMs);
    box.engine.run(query, box.result);
    return box.result;
}

}  // namespace

namespace casview {

bool addListedRows(uint32_t inventoryId, std::vector<CertificateRow> rows,
                   std::string_view orderType, std::string_view site) {
    Box* box = findBox(inventoryId);
    if (box == nullptr) return false;
    box->inventory.addRows(std::move(rows), PageOrigin{orderType, {}, site});
    return true;
}

}  // namespace casview

extern "C" {

EMSCRIPTEN_KEEPALIVE uint32_t casview_inventory_create(double criticalDays, double warningDays) {
    const uint32_t id = g_nextInventory++;
    ExpiryThresholds thresholds;
    thresholds.criticalDays = static_cast<int64_t>(criticalDays);
    thresholds.warningDays = static_cast<int64_t>(warningDays);
    g_inventories.emplace(id, std::make_unique<Box>(thresholds));
    return id;
}

EMSCRIPTEN_KEEPALIVE void casview_inventory_destroy(uint32_t id) { g_inventories.erase(id); }

EMSCRIPTEN_KEEPALIVE double casview_inventory_size(uint32_t id) {
    Box* box = findBox(id);
    return box == nullptr ? 0 : static_cast<double>(box->inventory.size());
}

/// Builds the search index of up to maxEntries entries (Inventory::prepareSearch); 1 when it is
/// complete (also for an unknown inventory: there is nothing to build).
EMSCRIPTEN_KEEPALIVE int casview_inventory_prepare_search(uint32_t id, double maxEntries) {
    Box* box = findBox(id);
    const size_t limit = maxEntries >= 4294967295.0 ? SIZE_MAX : static_cast<size_t>(maxEntries);
    return box == nullptr || box->inventory.prepareSearch(limit) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void casview_inventory_clear(uint32_t id) {
    if (Box* box = findBox(id)) box->inventory.clear();
}

/// Request: orderType, site, then a JSON array of entries (as listAll returns them), or a
/// whole ListUserCertificateOrder response body (a JSON object: the page as the service sent
/// it, which is how listAll's pages are parsed; scripts/bench measures this path).
/// Answer: 'S' + how many were new | 'E' error.
EMSCRIPTEN_KEEPALIVE void casview_inventory_add(uint32_t id, size_t size) {
    Box* box = findBox(id);
    if (box == nullptr) return boundary::answerError(malformed("unknown inventory"));
    boundary::Request request(size, /*holdsSecret=*/false);
    const auto orderType = request.next(), site = request.next();
    if (!site) return boundary::answerError(malformed("add"));
    const std::string_view rest = request.rest();
    const size_t first = rest.find_first_not_of(" \t\r\n");
    std::string wrapped;
    if (first == std::string_view::npos || rest[first] != '{') {
        // The entries are parsed exactly as a page from the service would be.
        wrapped.reserve(rest.size() + 24);
        wrapped.append("{\"CertificateOrderList\":").append(rest).push_back('}');
    }
    auto page = parseListUserCertificateOrderResponse(200, wrapped.empty() ? rest : std::string_view(wrapped),
                                                      RowRecords::Write);
    if (!page) {
        CasError error = page.error();
        error.code = "InvalidParameter";
        error.param = "entries";
        return boundary::answerError(error);
    }
    const size_t added = box->inventory.addPage(std::move(page).value(),
                                               PageOrigin{*orderType, {}, *site});
    boundary::answer({std::to_string(added)});
}

/// Request: filter fields, then order fields (see readFilter/readOrder).
/// Answer: 'S' {"total","matched","rows":[…],"counts":{…},"allCounts":{…}}
EMSCRIPTEN_KEEPALIVE void casview_inventory_query(uint32_t id, size_t size) {
    Box* box = findBox(id);
    if (box == nullptr) return boundary::answerError(malformed("unknown inventory"));
    boundary::Request request(size, /*holdsSecret=*/false);
    int64_t nowMs = 0;
    auto query = readFilter(request, nowMs);
    if (!query || !readOrder(request, *query)) return boundary::answerError(malformed("query"));
    const QueryResult& result = run(*box, *query, nowMs);
    std::string out = "{\"total\":";
    appendJsonInteger(out, static_cast<int64_t>(box->inventory.size()));
    out += ",\"matched\":";
    appendJsonInteger(out, static_cast<int64_t>(result.matched));
    out += ",\"rows\":[";
    for (size_t i = 0; i < result.rows.size(); ++i) {
        if (i > 0) out.push_back(',');
        appendInventoryRowJson(out, box->inventory, result.rows[i]);
    }
    out += "],\"counts\":";
    appendCounts(out, result.matchedCounts);
    out += ",\"allCounts\":";
    appendCounts(out, result.allCounts);
    out.push_back('}');
    boundary::answerText(std::move(out));
}

/// Request: the row id ("certificate:123"). Answer: 'S' + the entry as the API sent it, or
/// 'S' + "null".
EMSCRIPTEN_KEEPALIVE void casview_inventory_details(uint32_t id, size_t size) {
    Box* box = findBox(id);
    if (box == nullptr) return boundary::answerError(malformed("unknown inventory"));
    boundary::Request request(size, /*holdsSecret=*/false);
    const auto rowId = request.next();
    if (!rowId) return boundary::answerError(malformed("details"));
    const auto index = findInventoryRow(box->inventory, *rowId);
    std::string out;
    if (index) appendEntryJson(out, box->inventory.row(*index));
    else out = "null";
    boundary::answerText(std::move(out));
}

/// Request: nothing. Answer: 'S' + the distinct resource groups of the rows, as a JSON array.
EMSCRIPTEN_KEEPALIVE void casview_inventory_resource_groups(uint32_t id, size_t size) {
    Box* box = findBox(id);
    if (box == nullptr) return boundary::answerError(malformed("unknown inventory"));
    boundary::Request request(size, /*holdsSecret=*/false);
    std::string out = "[";
    for (const std::string_view group : box->inventory.resourceGroups()) {
        if (out.size() > 1) out.push_back(',');
        appendJsonString(out, group);
    }
    out.push_back(']');
    boundary::answerText(std::move(out));
}

/// Request: filter fields (readFilter). Answer: 'S' + the histogram of the matching entries.
EMSCRIPTEN_KEEPALIVE void casview_inventory_timeline(uint32_t id, size_t size) {
    Box* box = findBox(id);
    if (box == nullptr) return boundary::answerError(malformed("unknown inventory"));
    boundary::Request request(size, /*holdsSecret=*/false);
    int64_t nowMs = 0;
    auto query = readFilter(request, nowMs);
    if (!query) return boundary::answerError(malformed("timeline"));
    query->limit = 0;
    query->withHistogram = true;
    std::string out;
    appendHistogramJson(out, run(*box, *query, nowMs).histogram);
    boundary::answerText(std::move(out));
}

/// Request: format ("csv" | "json"), then filter and order fields. Answer: 'S' + the text.
EMSCRIPTEN_KEEPALIVE void casview_inventory_export(uint32_t id, size_t size) {
    Box* box = findBox(id);
    if (box == nullptr) return boundary::answerError(malformed("unknown inventory"));
    boundary::Request request(size, /*holdsSecret=*/false);
    const auto format = request.next();
    int64_t nowMs = 0;
    auto query = format ? readFilter(request, nowMs) : std::nullopt;
    if (!query || !readOrder(request, *query) || (*format != "csv" && *format != "json")) {
        return boundary::answerError(malformed("export"));
    }
    const QueryResult& result = run(*box, *query, nowMs);
    std::string out = *format == "csv" ? inventoryCsv(box->inventory, result.rows)
                                       : inventoryJson(box->inventory, result.rows);
    boundary::answerText(std::move(out));
}

}  // extern "C"
