#include "inventory_export.hpp"

#include "civil_time.hpp"

#include "json_writer.hpp"

namespace casview {
namespace {

std::string_view issuerOf(const Inventory& inventory, size_t i) { return inventory.issuer(i); }

void appendOptionalInteger(std::string& out, std::optional<int64_t> ms) {
    if (ms) appendJsonInteger(out, *ms);
    else out += "null";
}

bool isPlainNumber(std::string_view text) {
    size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
    if (i == text.size()) return false;
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
}

std::string isoOrEmpty(std::optional<int64_t> ms) { return ms ? formatTimestamp(*ms) : ""; }

}  // namespace

std::string inventoryRowId(const Inventory& inventory, size_t index) {
    std::string id;
    const std::string_view site = inventory.site(index);
    if (!site.empty()) id.append(site).push_back('/');
    id += entryKindName(inventory.kind(index));
    id.push_back(':');
    if (const auto numeric = inventory.id(index)) {
        id += std::to_string(*numeric);
    } else if (const std::string_view instance = inventory.instanceId(index); !instance.empty()) {
        id.append("instance:").append(instance);
    } else {
        id.append("#").append(std::to_string(index));
    }
    return id;
}

std::optional<size_t> findInventoryRow(const Inventory& inventory, std::string_view id) {
    for (size_t i = 0; i < inventory.size(); ++i) {
        if (inventoryRowId(inventory, i) == id) return i;
    }
    return std::nullopt;
}

void appendInventoryRowJson(std::string& out, const Inventory& inventory, size_t i) {
    out += "{\"id\":";
    appendJsonString(out, inventoryRowId(inventory, i));
    out += ",\"kind\":";
    appendJsonString(out, entryKindName(inventory.kind(i)));
    out += ",\"site\":";
    appendJsonString(out, inventory.site(i));
    out += ",\"name\":";
    appendJsonString(out, inventory.displayName(i));
    out += ",\"domain\":";
    appendJsonString(out, inventory.primaryDomain(i));
    out += ",\"sans\":[";
    bool first = true;
    for (std::string_view san : inventory.sans(i)) {
        if (!first) out.push_back(',');
        first = false;
        appendJsonString(out, san);
    }
    out += "],\"issuer\":";
    appendJsonString(out, issuerOf(inventory, i));
    out += ",\"status\":";
    appendJsonString(out, inventory.status(i));
    out += ",\"orderType\":";
    appendJsonString(out, inventory.orderType(i));
    out += ",\"notBefore\":";
    appendOptionalInteger(out, inventory.notBeforeMs(i));
    out += ",\"notAfter\":";
    appendOptionalInteger(out, inventory.notAfterMs(i));
    out += ",\"daysLeft\":";
    appendOptionalInteger(out, inventory.daysLeft(i));
    out += ",\"expiryState\":";
    appendJsonString(out, expiryStateName(inventory.expiryState(i)));
    out += ",\"resourceGroupId\":";
    appendJsonString(out, inventory.resourceGroupId(i));
    out += ",\"instanceId\":";
    appendJsonString(out, inventory.instanceId(i));
    out += ",\"entryId\":";
    appendOptionalInteger(out, inventory.id(i));
    out += ",\"superseded\":";
    out += inventory.superseded(i) ? "true" : "false";
    out.push_back('}');
}

void appendHistogramJson(std::string& out, const ExpiryHistogram& histogram) {
    out += "[{\"label\":\"expired\",\"fromMs\":null,\"toMs\":";
    appendJsonInteger(out, histogram.nowMs);
    out += ",\"count\":";
    appendJsonInteger(out, static_cast<int64_t>(histogram.expired));
    out.push_back('}');
    for (size_t m = 0; m < histogram.months.size(); ++m) {
        const MonthBucket& bucket = histogram.months[m];
        const int64_t to = m + 1 < histogram.months.size() ? histogram.months[m + 1].startMs
                                                           : histogram.endMs;
        // "yyyy-MM" (no snprintf: it would pull printf's ~6 KB into the WASM module).
        const auto digits = [](int value, size_t width) {
            std::string text(width, '0');
            for (size_t k = width; k-- > 0 && value > 0; value /= 10) text[k] = static_cast<char>('0' + value % 10);
            return text;
        };
        out += ",{\"label\":";
        appendJsonString(out, digits(bucket.year, 4) + "-" + digits(bucket.month, 2));
        out += ",\"fromMs\":";
        // The current month starts now for this purpose: what expired earlier in it is "expired".
        appendJsonInteger(out, m == 0 ? histogram.nowMs : bucket.startMs);
        out += ",\"toMs\":";
        appendJsonInteger(out, to);
        out += ",\"count\":";
        appendJsonInteger(out, static_cast<int64_t>(bucket.count));
        out.push_back('}');
    }
    out.push_back(']');
}

std::string inventoryJson(const Inventory& inventory, const std::vector<uint32_t>& rows) {
    std::string out = "[";
    for (size_t k = 0; k < rows.size(); ++k) {
        if (k > 0) out += ",\n";
        appendInventoryRowJson(out, inventory, rows[k]);
    }
    out += "]\n";
    return out;
}

std::string csvCell(std::string_view text) {
    std::string cell;
    const bool formula = !text.empty() &&
                         (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r') &&
                         !isPlainNumber(text);
    if (formula) cell.push_back('\'');
    cell.append(text);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string inventoryCsv(const Inventory& inventory, const std::vector<uint32_t>& rows) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM
    out += "Kind,Site,Name,Domain,SANs,Issuer,Status,Order type,Not before,Not after,Days left,"
           "Expiry,Resource group,Instance ID,ID,Superseded\r\n";
    for (const uint32_t i : rows) {
        std::string sans;
        for (std::string_view san : inventory.sans(i)) {
            if (!sans.empty()) sans.push_back(' ');
            sans.append(san);
        }
        const auto days = inventory.daysLeft(i);
        const auto id = inventory.id(i);
        const std::string cells[] = {
            std::string(entryKindName(inventory.kind(i))), std::string(inventory.site(i)),
            std::string(inventory.displayName(i)), std::string(inventory.primaryDomain(i)), sans,
            std::string(issuerOf(inventory, i)), std::string(inventory.status(i)),
            std::string(inventory.orderType(i)), isoOrEmpty(inventory.notBeforeMs(i)),
            isoOrEmpty(inventory.notAfterMs(i)), days ? std::to_string(*days) : "",
            std::string(expiryStateName(inventory.expiryState(i))),
            std::string(inventory.resourceGroupId(i)),
            std::string(inventory.instanceId(i)), id ? std::to_string(*id) : "",
            inventory.superseded(i) ? "yes" : "no"};
        bool first = true;
        for (const std::string& cell : cells) {
            if (!first) out.push_back(',');
            first = false;
            out += csvCell(cell);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace casview
