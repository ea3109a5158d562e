#include "row_record.hpp"

#include <array>
#include <limits>

#include "civil_time.hpp"
#include "json_reader.hpp"
#include "json_writer.hpp"
#include "response_parser.hpp"

namespace casview {
namespace {

// Member names: 0..35 the documented fields (kRowFields order), kOtherName + length + bytes.
constexpr uint8_t kOtherName = 0xFE, kEnd = 0xFF;

enum Tag : uint8_t {
    kRaw = 0,     // length + JSON text as sent
    kString,      // length + bytes of a string without escapes
    kHexUpper,    // nibble count + packed nibbles: [0-9A-F]+
    kHexLower,    // nibble count + packed nibbles: [0-9a-f]+
    kInteger,     // zigzag varint of a canonical integer
    kTrue,
    kFalse,
    kNull,
    kDictionary,  // id of a dictionary text (a string without escapes)
    kEmpty,       // ""
    kDate,        // zigzag varint of the days of a "yyyy-MM-dd" string
};

constexpr size_t kMinHexLength = 16;

std::string_view trimAscii(std::string_view s) {
    constexpr std::string_view kSpace = " \t\n\r\f\v";
    const size_t first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

// Categorical documented fields: few distinct values, so their texts go to the dictionary.
bool isCategorical(size_t field) {
    static const std::array<bool, kRowFields.size()> table = [] {
        std::array<bool, kRowFields.size()> t{};
        for (size_t i = 0; i < kRowFields.size(); ++i) {
            const RowFieldInfo& f = kRowFields[i];
            if (f.type != FieldType::Text) continue;
            switch (static_cast<TextField>(f.index)) {
                case TextField::Algorithm: case TextField::CertType: case TextField::DomainType:
                case TextField::ProductCode: case TextField::ProductName: case TextField::RootBrand:
                case TextField::SourceType: case TextField::Status: case TextField::TrusteeStatus:
                case TextField::Issuer: case TextField::OrgName: case TextField::Province:
                case TextField::City: case TextField::Country: case TextField::ResourceGroupId:
                    t[i] = true;
                    break;
                default:
                    break;
            }
        }
        return t;
    }();
    return field < table.size() && table[field];
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// kHexUpper / kHexLower when the text is hex digits of one letter case, else kRaw (none).
Tag hexTag(std::string_view text) {
    if (text.size() < kMinHexLength) return kRaw;
    bool upper = false, lower = false;
    for (const char c : text) {
        if (c >= 'A' && c <= 'F') upper = true;
        else if (c >= 'a' && c <= 'f') lower = true;
        else if (c < '0' || c > '9') return kRaw;
    }
    if (upper && lower) return kRaw;
    return lower ? kHexLower : kHexUpper;
}

// The canonical decimal integer of text (-?(0|[1-9][0-9]*), within int64, not "-0").
bool canonicalInteger(std::string_view text, int64_t& value) {
    size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
    if (i == text.size() || text.size() - i > 19) return false;
    if (text[i] == '0' && text.size() - i > 1) return false;
    uint64_t magnitude = 0;
    for (size_t k = i; k < text.size(); ++k) {
        if (text[k] < '0' || text[k] > '9') return false;
        magnitude = magnitude * 10 + static_cast<uint64_t>(text[k] - '0');
    }
    const bool negative = i == 1;
    if (negative && magnitude == 0) return false;
    constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (magnitude > kMax + (negative ? 1 : 0)) return false;
    value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
    return true;
}

void appendBytes(std::string& out, std::string_view bytes) {
    appendVarint(out, bytes.size());
    out.append(bytes);
}

// A string value without escapes, its bytes as sent.
void appendPlainString(std::string& out, std::string_view text, size_t field, RecordDictionary& dictionary) {
    if (text.empty()) {
        out.push_back(static_cast<char>(kEmpty));
        return;
    }
    if (isCategorical(field)) {
        out.push_back(static_cast<char>(kDictionary));
        appendVarint(out, dictionary.intern(text));
        return;
    }
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        if (const auto days = parseDate(text)) {
            out.push_back(static_cast<char>(kDate));
            appendVarint(out, zigzag(*days));
            return;
        }
    }
    const Tag hex = hexTag(text);
    if (hex != kRaw) {
        out.push_back(static_cast<char>(hex));
        appendVarint(out, text.size());
        const size_t start = out.size();
        out.resize(start + (text.size() + 1) / 2);
        char* to = &out[start];
        for (size_t i = 0; i < text.size(); i += 2) {
            const int hi = hexDigit(text[i]);
            const int lo = i + 1 < text.size() ? hexDigit(text[i + 1]) : 0;
            *to++ = static_cast<char>(hi << 4 | lo);
        }
        return;
    }
    out.push_back(static_cast<char>(kString));
    appendBytes(out, text);
}

void appendName(std::string& out, std::string_view name, const RowFieldInfo* info) {
    if (info != nullptr) {
        out.push_back(static_cast<char>(info - kRowFields.data()));
    } else {
        out.push_back(static_cast<char>(kOtherName));
        appendBytes(out, name);
    }
}

// Members from the raw JSON; false (nothing appended) when it is not a readable object.
bool appendRawMembers(std::string& out, std::string_view raw, RecordDictionary& dictionary) {
    JsonReader reader(raw);
    if (!reader.enterObject()) return false;
    const size_t start = out.size();
    std::string_view key;
    std::string name;
    while (reader.nextMember(key)) {
        const RowFieldInfo* info = findRowField(key);
        appendName(out, key, info);
        const size_t field = info != nullptr ? static_cast<size_t>(info - kRowFields.data()) : SIZE_MAX;
        JsonType type;
        if (!reader.peek(type)) break;
        const size_t valueStart = reader.offset();
        bool done = false;
        switch (type) {
            case JsonType::String: {
                std::string_view value;
                if (!reader.readString(value)) break;
                if (reader.isInInput(value)) {
                    appendPlainString(out, value, field, dictionary);
                    done = true;
                }
                break;
            }
            case JsonType::Number: {
                std::string_view text;
                int64_t value;
                if (reader.readNumber(text) && canonicalInteger(text, value)) {
                    out.push_back(static_cast<char>(kInteger));
                    appendVarint(out, zigzag(value));
                    done = true;
                }
                break;
            }
            case JsonType::Boolean: {
                bool value;
                if (!reader.readBoolean(value)) break;
                out.push_back(static_cast<char>(value ? kTrue : kFalse));
                done = true;
                break;
            }
            case JsonType::Null:
                if (!reader.readNull()) break;
                out.push_back(static_cast<char>(kNull));
                done = true;
                break;
            default:
                reader.skipValue();
                break;
        }
        if (reader.failed()) break;
        if (!done) {
            out.push_back(static_cast<char>(kRaw));
            appendBytes(out, raw.substr(valueStart, reader.offset() - valueStart));
        }
    }
    if (reader.failed()) {
        out.resize(start);
        return false;
    }
    return out.size() > start;
}

// Members from the typed fields of a row built in code, in the documented order.
void appendTypedMembers(std::string& out, const CertificateRow& row, RecordDictionary& dictionary) {
    std::string json;
    for (size_t f = 0; f < kRowFields.size(); ++f) {
        const RowFieldInfo& info = kRowFields[f];
        switch (info.type) {
            case FieldType::Text:
                if (const auto text = row.text(static_cast<TextField>(info.index))) {
                    out.push_back(static_cast<char>(f));
                    json.clear();
                    appendJsonString(json, *text);
                    if (json.size() == text->size() + 2) {
                        appendPlainString(out, *text, f, dictionary);
                    } else {
                        out.push_back(static_cast<char>(kRaw));
                        appendBytes(out, json);
                    }
                }
                break;
            case FieldType::Integer:
                if (const auto value = row.integer(static_cast<IntegerField>(info.index))) {
                    out.push_back(static_cast<char>(f));
                    out.push_back(static_cast<char>(kInteger));
                    appendVarint(out, zigzag(*value));
                }
                break;
            case FieldType::Flag:
                if (const auto value = row.flag(static_cast<FlagField>(info.index))) {
                    out.push_back(static_cast<char>(f));
                    out.push_back(static_cast<char>(*value ? kTrue : kFalse));
                }
                break;
        }
    }
}

// Walks a record's members: onMember(fieldIndex or SIZE_MAX, name, tag, payload start).
// Returns false on a malformed record.
class RecordCursor {
public:
    explicit RecordCursor(std::string_view record) : data_(record) {}

    bool next() {
        if (pos_ >= data_.size()) return false;
        const auto nameByte = static_cast<uint8_t>(data_[pos_++]);
        if (nameByte == kEnd) return false;
        if (nameByte == kOtherName) {
            const size_t length = static_cast<size_t>(readVarint(data_, pos_));
            name_ = data_.substr(std::min(pos_, data_.size()), length);
            pos_ += length;
            field_ = SIZE_MAX;
        } else {
            field_ = nameByte;
            name_ = nameByte < kRowFields.size() ? kRowFields[nameByte].name : std::string_view();
        }
        if (pos_ >= data_.size()) return false;
        tag_ = static_cast<Tag>(data_[pos_++]);
        switch (tag_) {
            case kRaw:
            case kString: {
                const size_t length = static_cast<size_t>(readVarint(data_, pos_));
                bytes_ = data_.substr(std::min(pos_, data_.size()), length);
                pos_ += length;
                break;
            }
            case kHexUpper:
            case kHexLower: {
                digits_ = static_cast<size_t>(readVarint(data_, pos_));
                bytes_ = data_.substr(std::min(pos_, data_.size()), (digits_ + 1) / 2);
                pos_ += (digits_ + 1) / 2;
                break;
            }
            case kInteger:
            case kDictionary:
            case kDate:
                number_ = readVarint(data_, pos_);
                break;
            default:
                break;
        }
        return pos_ <= data_.size();
    }

    size_t field() const { return field_; }
    /// The bytes of a string without escapes (kString), else "".
    std::string_view plainString() const { return tag_ == kString ? bytes_ : std::string_view(); }
    std::string_view name() const { return name_; }
    Tag tag() const { return tag_; }

    /// Appends the value's JSON text.
    void appendJson(std::string& out, const RecordDictionary& dictionary) const {
        switch (tag_) {
            case kRaw: out.append(bytes_); break;
            case kString: out.push_back('"'); out.append(bytes_); out.push_back('"'); break;
            case kHexUpper:
            case kHexLower: out.push_back('"'); appendHex(out); out.push_back('"'); break;
            case kInteger: out += std::to_string(unzigzag(number_)); break;
            case kTrue: out += "true"; break;
            case kFalse: out += "false"; break;
            case kNull: out += "null"; break;
            case kDictionary: out.push_back('"'); out.append(dictionary.text(static_cast<uint32_t>(number_))); out.push_back('"'); break;
            case kEmpty: out += "\"\""; break;
            case kDate: {
                const CivilDate d = civilFromDays(unzigzag(number_));
                char text[12];
                const auto put = [&](size_t at, int value, size_t width) {
                    for (size_t k = width; k-- > 0; value /= 10) text[at + k] = static_cast<char>('0' + value % 10);
                };
                text[0] = '"';
                put(1, d.year, 4);
                text[5] = '-';
                put(6, d.month, 2);
                text[8] = '-';
                put(9, d.day, 2);
                text[11] = '"';
                out.append(text, sizeof text);
                break;
            }
        }
    }

    /// Appends the text a row's text field holds for this value; false when it holds none.
    bool appendText(std::string& out, const RecordDictionary& dictionary) const {
        switch (tag_) {
            case kString: out.append(trimAscii(bytes_)); return true;
            case kDictionary: out.append(trimAscii(dictionary.text(static_cast<uint32_t>(number_)))); return true;
            case kEmpty: return true;
            case kHexUpper:
            case kHexLower: appendHex(out); return true;
            case kInteger:
            case kTrue:
            case kFalse:
            case kDate: {
                std::string json;
                appendJson(json, dictionary);
                out.append(tag_ == kDate ? std::string_view(json).substr(1, 10) : std::string_view(json));
                return true;
            }
            case kNull: return false;
            case kRaw: {
                JsonReader reader(bytes_);
                JsonType type;
                if (!reader.peek(type)) return false;
                if (type == JsonType::String) {
                    std::string_view value;
                    if (!reader.readString(value)) return false;
                    out.append(trimAscii(value));
                    return true;
                }
                if (type == JsonType::Number || type == JsonType::Boolean) {
                    out.append(bytes_);
                    return true;
                }
                return false;
            }
        }
        return false;
    }

private:
    void appendHex(std::string& out) const {
        const char* digits = tag_ == kHexLower ? "0123456789abcdef" : "0123456789ABCDEF";
        for (size_t i = 0; i < digits_; ++i) {
            const auto byte = static_cast<uint8_t>(i / 2 < bytes_.size() ? bytes_[i / 2] : 0);
            out.push_back(digits[i % 2 == 0 ? byte >> 4 : byte & 15]);
        }
    }

    std::string_view data_;
    size_t pos_ = 0;
    size_t field_ = SIZE_MAX;
    std::string_view name_;
    Tag tag_ = kRaw;
    std::string_view bytes_;
    size_t digits_ = 0;
    uint64_t number_ = 0;
};

}  // namespace

void appendVarint(std::string& out, uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

uint64_t readVarint(std::string_view data, size_t& pos) {
    uint64_t value = 0;
    for (unsigned shift = 0; pos < data.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<uint8_t>(data[pos++]);
        value |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if (byte < 0x80) return value;
    }
    return value;
}

uint32_t RecordDictionary::intern(std::string_view text) {
    if (slots_.empty() || texts_.size() * 2 >= slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    for (size_t slot = std::hash<std::string_view>()(text) & mask;; slot = (slot + 1) & mask) {
        const uint32_t entry = slots_[slot];
        if (entry == 0) {
            texts_.emplace_back(text);
            slots_[slot] = static_cast<uint32_t>(texts_.size());
            return static_cast<uint32_t>(texts_.size() - 1);
        }
        if (texts_[entry - 1] == text) return entry - 1;
    }
}

void RecordDictionary::grow() {
    std::vector<uint32_t> slots(std::max<size_t>(64, slots_.size() * 2), 0);
    const size_t mask = slots.size() - 1;
    for (size_t id = 0; id < texts_.size(); ++id) {
        size_t slot = std::hash<std::string_view>()(texts_[id]) & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = static_cast<uint32_t>(id + 1);
    }
    slots_ = std::move(slots);
}

void RecordDictionary::clear() {
    texts_.clear();
    slots_.clear();
}

void appendRowRecord(std::string& out, const CertificateRow& row, RecordDictionary& dictionary) {
    if (!appendRawMembers(out, row.rawJson(), dictionary)) appendTypedMembers(out, row, dictionary);
    out.push_back(static_cast<char>(kEnd));
}

std::string rowRecordJson(std::string_view record, const RecordDictionary& dictionary) {
    std::string out = "{";
    RecordCursor cursor(record);
    while (cursor.next()) {
        if (out.size() > 1) out.push_back(',');
        if (cursor.field() == SIZE_MAX) {
            appendJsonString(out, cursor.name());
        } else {
            out.push_back('"');
            out.append(cursor.name());
            out.push_back('"');
        }
        out.push_back(':');
        cursor.appendJson(out, dictionary);
    }
    out.push_back('}');
    return out;
}

CertificateRow rowFromRecord(std::string_view record, const RecordDictionary& dictionary) {
    const std::string body = "{\"CertificateOrderList\":[" + rowRecordJson(record, dictionary) + "]}";
    auto page = parseListUserCertificateOrderResponse(200, body);
    if (!page || page.value().rows.size() != 1) return CertificateRow();
    return std::move(page.value().rows[0]);
}

void recordStrings(std::string_view record, std::vector<std::string_view>& strings) {
    strings.clear();
    RecordCursor cursor(record);
    while (cursor.next()) strings.push_back(cursor.tag() == kString ? cursor.plainString() : std::string_view());
}

void recordTexts(std::string_view record, const RecordDictionary& dictionary, const TextField* fields, size_t count,
                 std::string* texts, bool* present) {
    for (size_t k = 0; k < count; ++k) {
        texts[k].clear();
        present[k] = false;
    }
    RecordCursor cursor(record);
    while (cursor.next()) {
        if (cursor.field() >= kRowFields.size()) continue;
        const RowFieldInfo& info = kRowFields[cursor.field()];
        if (info.type != FieldType::Text) continue;
        for (size_t k = 0; k < count; ++k) {
            if (static_cast<TextField>(info.index) != fields[k]) continue;
            texts[k].clear();  // the last occurrence wins
            present[k] = cursor.appendText(texts[k], dictionary);
            if (!present[k]) texts[k].clear();
        }
    }
}

int findRecordString(std::string_view record, std::string_view text) {
    RecordCursor cursor(record);
    for (int index = 0; cursor.next(); ++index) {
        if (cursor.tag() == kString && cursor.plainString() == text) return index;
    }
    return -1;
}

std::string_view recordString(std::string_view record, size_t index) {
    RecordCursor cursor(record);
    for (size_t k = 0; cursor.next(); ++k) {
        if (k == index) return cursor.plainString();
    }
    return {};
}

bool appendRecordText(std::string& out, std::string_view record, const RecordDictionary& dictionary, TextField field) {
    // The last occurrence wins; remember where the text of each occurrence started.
    const size_t start = out.size();
    bool present = false;
    RecordCursor cursor(record);
    while (cursor.next()) {
        if (cursor.field() >= kRowFields.size()) continue;
        const RowFieldInfo& info = kRowFields[cursor.field()];
        if (info.type != FieldType::Text || static_cast<TextField>(info.index) != field) continue;
        out.resize(start);
        present = cursor.appendText(out, dictionary);
        if (!present) out.resize(start);
    }
    return present;
}

}  // namespace casview
