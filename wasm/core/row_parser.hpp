// casview: one row of CertificateOrderList (a JSON object) → a typed CertificateRow, and, for
// rows on their way into an inventory, the row's compact record (row_record.hpp) in the same
// pass. The hot half of the response parser (response_parser.hpp holds the page's rules): it
// runs for every member of every row, so it is built for speed, the page around it for size.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "certificate_row.hpp"
#include "json_reader.hpp"

namespace casview {

/// Whether the parser also writes each row's compact record (row_record.hpp, CertificateRow::
/// record()) in its one pass: for rows on their way into an inventory, which keeps records.
enum class RowRecords : uint8_t { Skip, Write };

class RowParser {
public:
    explicit RowParser(RowRecords records);
    /// Reads the object the reader is at into `row` (texts trimmed, numbers and booleans sent
    /// as strings accepted, the last of duplicate members counts; see response_parser.hpp).
    /// False when the JSON is not well formed (the reader tells why).
    bool parse(JsonReader& reader, CertificateRow& row);

private:
    enum class Where : uint8_t { Absent, Raw, Extra };
    struct Pending {
        Where where = Where::Absent;
        size_t offset = 0;
        size_t length = 0;
    };
    std::array<Pending, kTextFieldCount> texts_{};
    std::array<std::optional<int64_t>, kIntegerFieldCount> integers_{};
    std::array<std::optional<bool>, kFlagFieldCount> flags_{};
    std::string extra_;   // texts that had escapes, decoded
    const bool writeRecords_;
    std::string record_;  // the row's record, kept for its capacity
};

/// The exact int64 value of a JSON number ("-12", "1.5e3", "15.0", "1e2") or of such a number
/// sent as a string (a leading '+' allowed). nullopt when it is not an integer, not in int64 or
/// not a number. Exact: no double is involved, so ids beyond 2^53 survive.
std::optional<int64_t> parseJsonInteger(std::string_view text);

}  // namespace casview
