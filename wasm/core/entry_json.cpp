#include "entry_json.hpp"

#include "json_writer.hpp"

namespace casview {

void appendEntryJson(std::string& out, const CertificateRow& row) {
    out.push_back('{');
    bool first = true;
    const auto member = [&](std::string_view name) {
        if (!first) out.push_back(',');
        first = false;
        appendJsonString(out, name);
        out.push_back(':');
    };
    for (const RawField& field : rawFields(row)) {
        const RowFieldInfo* info = findRowField(field.name);
        if (info == nullptr) {  // undocumented: exactly as sent
            member(field.name);
            out.append(field.json);
            continue;
        }
        // A documented field the parser could not read as its type (null, 1e400, an object)
        // is absent, as the contract says, rather than passed on to be misread by JS.
        switch (info->type) {
            case FieldType::Integer:
                if (const auto value = row.integer(static_cast<IntegerField>(info->index))) {
                    member(field.name);
                    appendJsonInteger(out, *value);
                }
                break;
            case FieldType::Flag:
                if (const auto value = row.flag(static_cast<FlagField>(info->index))) {
                    member(field.name);
                    out += *value ? "true" : "false";
                }
                break;
            case FieldType::Text:
                if (row.text(static_cast<TextField>(info->index))) {
                    member(field.name);
                    out.append(field.json);  // the string exactly as sent (untrimmed)
                }
                break;
        }
    }
    out.push_back('}');
}

void appendPageJson(std::string& out, const CertificateOrderPage& page) {
    out += "{\"RequestId\":";
    appendJsonString(out, page.requestId.value_or(""));
    out += ",\"CurrentPage\":";
    appendJsonInteger(out, page.currentPage.value_or(0));
    out += ",\"ShowSize\":";
    appendJsonInteger(out, page.showSize.value_or(0));
    out += ",\"TotalCount\":";
    appendJsonInteger(out, page.totalCount.value_or(0));
    out += ",\"CertificateOrderList\":[";
    for (size_t i = 0; i < page.rows.size(); ++i) {
        if (i > 0) out.push_back(',');
        appendEntryJson(out, page.rows[i]);
    }
    out += "]}";
}

}  // namespace casview
