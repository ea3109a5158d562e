#include "row_record.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "ascii_text.hpp"
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

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

// Categorical documented fields: few distinct values, so their texts go to the dictionary.
// (Built before main: a function-local static would test its guard on every member.)
const std::array<bool, kRowFields.size()> kCategorical = [] {
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

bool isCategorical(size_t field) { return field < kCategorical.size() && kCategorical[field]; }

char* putVarint(char* to, uint64_t value) {
    while (value >= 0x80) {
        *to++ = static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    *to++ = static_cast<char>(value);
    return to;
}

constexpr size_t kMaxVarint = 10;

// Per byte: a hex digit's value, | 0x10 for a-f, | 0x20 for A-F; 0x80 for any other byte.
constexpr std::array<uint8_t, 256> kHexNibble = [] {
    std::array<uint8_t, 256> t{};
    for (auto& v : t) v = 0x80;
    for (int c = 0; c < 10; ++c) t[static_cast<size_t>('0' + c)] = static_cast<uint8_t>(c);
    for (int c = 0; c < 6; ++c) {
        t[static_cast<size_t>('a' + c)] = static_cast<uint8_t>(0x10 | (10 + c));
        t[static_cast<size_t>('A' + c)] = static_cast<uint8_t>(0x20 | (10 + c));
    }
    return t;
}();

// Writes kHexUpper / kHexLower, the digit count and the packed digits when text is at least
// kMinHexLength hex digits of one letter case; else writes nothing and returns false.
bool writeHex(char*& to, std::string_view text) {
    if (text.size() < kMinHexLength) return false;
    char* const tag = to;
    char* at = putVarint(to + 1, text.size());
    unsigned seen = 0;
    for (size_t i = 0; i < text.size() && !(seen & 0x80); i += 2) {
        const unsigned hi = kHexNibble[static_cast<unsigned char>(text[i])];
        const unsigned lo = i + 1 < text.size() ? kHexNibble[static_cast<unsigned char>(text[i + 1])] : 0;
        seen |= hi | lo;
        *at++ = static_cast<char>((hi & 15) << 4 | (lo & 15));
    }
    if ((seen & 0x80) || (seen & 0x30) == 0x30) return false;
    *tag = static_cast<char>(seen & 0x10 ? kHexLower : kHexUpper);
    to = at;
    return true;
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

// Members from the raw JSON; false (nothing appended) when it is not a readable object.
bool appendRawMembers(std::string& out, std::string_view raw, RecordDictionary& dictionary) {
    JsonReader reader(raw);
    if (!reader.enterObject()) return false;
    const size_t start = out.size();
    RowRecordWriter writer(out, &dictionary);
    std::string_view key;
    size_t members = 0;
    JsonType type;
    std::string_view json, string;
    while (reader.nextMemberValue(key, type, json, string)) {
        ++members;
        writer.member(key, findRowField(key), type, json, string, reader.isInInput(string));
    }
    if (reader.failed() || members == 0) {
        out.resize(start);
        return false;
    }
    writer.finish();
    return true;
}

// Members from the typed fields of a row built in code, in the documented order.
void appendTypedMembers(std::string& out, const CertificateRow& row, RecordDictionary& dictionary) {
    RowRecordWriter writer(out, &dictionary);
    std::string json;
    for (size_t f = 0; f < kRowFields.size(); ++f) {
        const RowFieldInfo& info = kRowFields[f];
        json.clear();
        switch (info.type) {
            case FieldType::Text:
                if (const auto text = row.text(static_cast<TextField>(info.index))) {
                    appendJsonString(json, *text);
                    writer.member(info.name, &info, JsonType::String, json, *text, json.size() == text->size() + 2);
                }
                break;
            case FieldType::Integer:
                if (const auto value = row.integer(static_cast<IntegerField>(info.index))) {
                    json = std::to_string(*value);
                    writer.member(info.name, &info, JsonType::Number, json, json, false);
                }
                break;
            case FieldType::Flag:
                if (const auto value = row.flag(static_cast<FlagField>(info.index))) {
                    writer.member(info.name, &info, JsonType::Boolean, *value ? "true" : "false", {}, false);
                }
                break;
        }
    }
    writer.finish();
}

// A record written without a dictionary, its categorical strings as dictionary ids; runs of
// other members are copied as they are. `members` views `record`.
void appendInternedRecord(std::string& out, std::string_view record, RecordDictionary& dictionary, RecordMembers& members) {
    // Written through a pointer into room for the worst case, trimmed at the end: a string of
    // at least 2 bytes (tag, length) becomes a tag and an id of at most 5 bytes.
    const size_t start = out.size();
    out.resize(start + 3 * record.size());
    char* to = &out[start];
    const auto copy = [&](size_t from, size_t until) {
        std::memcpy(to, record.data() + from, until - from);
        to += until - from;
    };
    size_t pos = 0, copied = 0;
    while (pos < record.size()) {
        const auto nameByte = static_cast<uint8_t>(record[pos++]);
        if (nameByte == kEnd) break;
        if (nameByte == kOtherName) pos += static_cast<size_t>(readVarint(record, pos));
        if (pos >= record.size()) break;
        const size_t tagAt = pos;
        const auto tag = static_cast<Tag>(record[pos++]);
        std::string_view string;
        uint32_t dictionaryId = 0;
        int64_t days = RecordMembers::kNoDate;
        switch (tag) {
            case kRaw:
            case kString: {
                const size_t length = static_cast<size_t>(readVarint(record, pos));
                if (tag == kString && isCategorical(nameByte) && pos + length <= record.size()) {
                    copy(copied, tagAt);
                    *to++ = static_cast<char>(kDictionary);
                    const uint32_t id = dictionary.intern(record.substr(pos, length));
                    to = putVarint(to, id);
                    dictionaryId = id + 1;
                    copied = pos + length;
                } else if (tag == kString) {
                    string = record.substr(std::min(pos, record.size()), length);
                }
                pos += length;
                break;
            }
            case kHexUpper:
            case kHexLower: pos += (static_cast<size_t>(readVarint(record, pos)) + 1) / 2; break;
            case kDate: days = unzigzag(readVarint(record, pos)); break;
            case kInteger:
            case kDictionary: readVarint(record, pos); break;
            default: break;
        }
        members.strings.push_back(string);
        if (nameByte < members.dictionaryIds.size()) {
            members.dictionaryIds[nameByte] = dictionaryId;
            members.days[nameByte] = days;
        }
    }
    copy(std::min(copied, record.size()), record.size());
    out.resize(static_cast<size_t>(to - out.data()));
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
    uint32_t dictionaryId() const { return static_cast<uint32_t>(number_); }
    int64_t days() const { return unzigzag(number_); }
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
        const size_t start = out.size();
        out.resize(start + digits_);
        char* to = &out[start];
        for (size_t i = 0; i < digits_; ++i) {
            const auto byte = static_cast<uint8_t>(i / 2 < bytes_.size() ? bytes_[i / 2] : 0);
            to[i] = digits[i % 2 == 0 ? byte >> 4 : byte & 15];
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

RowRecordWriter::RowRecordWriter(std::string& out, RecordDictionary* dictionary)
    : out_(out), dictionary_(dictionary), used_(out.size()), data_(out.data()), size_(out.size()) {}

char* RowRecordWriter::reserve(size_t bytes) {
    // One resize now and then, then writes through a pointer (push_back is an out-of-line call
    // in WASM, and this runs for every member of every row).
    if (size_ - used_ < bytes) {
        out_.resize(std::max(size_ * 2, used_ + bytes + 512));
        data_ = out_.data();
        size_ = out_.size();
    }
    return data_ + used_;
}

void RowRecordWriter::member(std::string_view key, const RowFieldInfo* info, JsonType type, std::string_view json,
                             std::string_view string, bool plain) {
    char* to = reserve(2 + 2 * kMaxVarint + key.size() + std::max(json.size(), string.size()));
    size_t field = SIZE_MAX;
    if (info != nullptr) {
        field = static_cast<size_t>(info - kRowFields.data());
        *to++ = static_cast<char>(field);
    } else {
        *to++ = static_cast<char>(kOtherName);
        to = putVarint(to, key.size());
        std::memcpy(to, key.data(), key.size());
        to += key.size();
    }
    const auto tag = [&](Tag t) { *to++ = static_cast<char>(t); };
    const auto bytes = [&](Tag t, std::string_view b) {
        tag(t);
        to = putVarint(to, b.size());
        std::memcpy(to, b.data(), b.size());
        to += b.size();
    };
    int64_t integer;
    switch (type) {
        case JsonType::String:
            if (!plain) {
                bytes(kRaw, json);
            } else if (string.empty()) {
                tag(kEmpty);
            } else if (isCategorical(field)) {
                if (dictionary_ == nullptr) {
                    bytes(kString, string);
                } else {
                    tag(kDictionary);
                    to = putVarint(to, dictionary_->intern(string));
                }
            } else if (const auto days = string.size() == 10 && string[4] == '-' && string[7] == '-'
                                             ? parseDate(string) : std::nullopt) {
                tag(kDate);
                to = putVarint(to, zigzag(*days));
            } else if (writeHex(to, string)) {
            } else {
                bytes(kString, string);
            }
            break;
        case JsonType::Number:
            if (canonicalInteger(json, integer)) {
                tag(kInteger);
                to = putVarint(to, zigzag(integer));
            } else {
                bytes(kRaw, json);
            }
            break;
        case JsonType::Boolean: tag(!json.empty() && json[0] == 't' ? kTrue : kFalse); break;
        case JsonType::Null: tag(kNull); break;
        default: bytes(kRaw, json); break;
    }
    used_ = static_cast<size_t>(to - data_);
}

void RowRecordWriter::finish() {
    *reserve(1) = static_cast<char>(kEnd);
    out_.resize(used_ + 1);
}

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

void appendRowRecord(std::string& out, const CertificateRow& row, RecordDictionary& dictionary, RecordMembers& members) {
    members.strings.clear();
    members.dictionaryIds.fill(0);
    members.days.fill(RecordMembers::kNoDate);
    if (!row.record().empty()) return appendInternedRecord(out, row.record(), dictionary, members);
    // A row without the parser's record (built in code): written with the dictionary, then read.
    const size_t start = out.size();
    if (!appendRawMembers(out, row.rawJson(), dictionary)) appendTypedMembers(out, row, dictionary);
    readRecordMembers(std::string_view(out).substr(start), members);
}

void readRecordMembers(std::string_view record, RecordMembers& members) {
    members.strings.clear();
    members.dictionaryIds.fill(0);
    members.days.fill(RecordMembers::kNoDate);
    RecordCursor cursor(record);
    while (cursor.next()) {
        members.strings.push_back(cursor.plainString());
        if (cursor.field() < members.dictionaryIds.size()) {
            members.dictionaryIds[cursor.field()] = cursor.tag() == kDictionary ? cursor.dictionaryId() + 1 : 0;
            members.days[cursor.field()] = cursor.tag() == kDate ? cursor.days() : RecordMembers::kNoDate;
        }
    }
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

void recordTexts(std::string_view record, const RecordDictionary& dictionary, const RowFieldInfo* const* fields,
                 size_t count, std::string* texts, bool* present) {
    for (size_t k = 0; k < count; ++k) {
        texts[k].clear();
        present[k] = false;
    }
    std::array<size_t, kRowFields.size()> slot;  // per documented field: its k, or SIZE_MAX
    slot.fill(SIZE_MAX);
    for (size_t k = 0; k < count; ++k) slot[static_cast<size_t>(fields[k] - kRowFields.data())] = k;
    RecordCursor cursor(record);
    while (cursor.next()) {
        if (cursor.field() >= kRowFields.size() || slot[cursor.field()] == SIZE_MAX) continue;
        const size_t k = slot[cursor.field()];
        texts[k].clear();  // the last occurrence wins
        present[k] = cursor.appendText(texts[k], dictionary);
        if (!present[k]) texts[k].clear();
    }
}

std::string_view recordString(std::string_view record, size_t index) {
    RecordCursor cursor(record);
    for (size_t k = 0; cursor.next(); ++k) {
        if (k == index) return cursor.plainString();
    }
    return {};
}

}  // namespace casview
