// casview: a row of CertificateOrderList kept compactly, as the inventory stores 100,000 of them
// (docs/performance.md: the WASM heap for 100,000 rows stays under 64 MB; a generated
// certificate is ~570 bytes of JSON, about a third of that as a record).
//
// A record is the row's members in the order sent, each a name and a value:
//  - names: one byte for the 36 documented names, else the name itself;
//  - values: strings without escapes as their bytes; hex strings (fingerprints, serial numbers)
//    as packed nibbles plus their letter case; "yyyy-MM-dd" dates as a day number; canonical
//    integers as varints; true/false/null as a tag; repeated texts of categorical fields
//    (issuer, organization, resource group, product, status, …) as an id into a dictionary;
//    anything else (escaped strings, other numbers, objects, arrays) as its JSON text.
// Decoding gives the row's JSON object back member by member: the same names and values as
// sent (whitespace between tokens is not kept), which the response parser reads into the same
// row. Rows built in code (no raw JSON) are recorded from their typed fields.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "certificate_row.hpp"
#include "json_reader.hpp"
#include "text_table.hpp"

namespace casview {

/// Distinct texts of categorical fields ↔ small ids, shared by the records of one inventory.
using RecordDictionary = TextTable<std::string>;

/// Writes a record member by member, as a JSON reader meets the members: the response parser
/// writes each row's record while it reads the row (one pass over the JSON, not two).
/// Without a dictionary, categorical texts stay strings: appendInternedRecord() turns them into
/// dictionary ids later.
class RowRecordWriter {
public:
    RowRecordWriter(std::string& out, RecordDictionary* dictionary);
    /// The next member: its name (unescaped) and documented field (findRowField, or null); its
    /// value's type and JSON text as sent, and for a string the decoded text and whether that
    /// text is the bytes as sent (no escape; JsonReader::isInInput).
    void member(std::string_view key, const RowFieldInfo* info, JsonType type, std::string_view json,
                std::string_view string, bool plain);
    /// Ends the record; `out` then holds it after what it held before.
    void finish();

private:
    char* reserve(size_t bytes);
    std::string& out_;
    RecordDictionary* dictionary_;
    size_t used_;
    // out_'s bytes and size, kept here: reading them from the string costs a branch each time.
    char* data_;
    size_t size_;
};

/// What appendRowRecord saw of the members it wrote, so that its caller (the inventory, for
/// every row it adds) derives from them without another walk over the record.
struct RecordMembers {
    /// Per member, in order: its bytes when the record keeps it as a string without escapes
    /// (what recordString gives), else "". Views into the row's record, or into the record
    /// appended when the row had none.
    std::vector<std::string_view> strings;
    /// Per documented field (kRowFields index), from its last occurrence: the dictionary id + 1
    /// of its text when the record keeps it in the dictionary, else 0 (absent, empty, or sent
    /// another way: the row's field tells).
    std::array<uint32_t, kTextFieldCount + kIntegerFieldCount + kFlagFieldCount> dictionaryIds{};
    /// Per documented field, from its last occurrence: the day number (civil_time.hpp) of a
    /// "yyyy-MM-dd" string the record keeps as a date, else kNoDate (the row's field tells).
    static constexpr int64_t kNoDate = INT64_MIN;
    std::array<int64_t, kTextFieldCount + kIntegerFieldCount + kFlagFieldCount> days{};
};

/// The same members: strings by their bytes, not where they are.
inline bool operator==(const RecordMembers& a, const RecordMembers& b) {
    return a.strings == b.strings && a.dictionaryIds == b.dictionaryIds && a.days == b.days;
}

/// Appends the record of `row` to `out`: the record the parser wrote (CertificateRow::record())
/// with its categorical texts interned, else one written from the row's raw JSON or fields.
/// `members` then describes it.
void appendRowRecord(std::string& out, const CertificateRow& row, RecordDictionary& dictionary, RecordMembers& members);
/// The members of a record as appendRowRecord describes them (strings view `record`).
void readRecordMembers(std::string_view record, RecordMembers& members);

/// The row's JSON object from its record (the bytes from where appendRowRecord started).
std::string rowRecordJson(std::string_view record, const RecordDictionary& dictionary);

/// The row read back from its record (as the response parser reads the JSON of rowRecordJson).
CertificateRow rowFromRecord(std::string_view record, const RecordDictionary& dictionary);

/// Several documented fields (distinct kRowFields entries) in one pass over the record: texts[k]
/// is field k's text as the row has it (trimmed of ASCII whitespace, escapes decoded, hex in the
/// case sent; an integer's or a flag's as sent: "123", "true"), present[k] whether it has one.
/// The last occurrence counts, as in the parser.
void recordTexts(std::string_view record, const RecordDictionary& dictionary, const RowFieldInfo* const* fields,
                 size_t count, std::string* texts, bool* present);

/// The bytes of member `index` when it is a string without escapes, else "".
std::string_view recordString(std::string_view record, size_t index);

// Variable-length integers (LEB128) for records and other compact stores.
void appendVarint(std::string& out, uint64_t value);
/// Reads a varint at data[pos], advancing pos; 0 past the end.
uint64_t readVarint(std::string_view data, size_t& pos);

}  // namespace casview
