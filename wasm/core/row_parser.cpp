#include "row_parser.hpp"

#include <limits>

#include "ascii_text.hpp"
#include "row_record.hpp"

namespace casview {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A flag sent as text: true/false (any case), 1/0; else absent.
std::optional<bool> flagOf(std::string_view text) {
    if (equalsIgnoringAsciiCase(text, "true") || text == "1") return true;
    if (equalsIgnoringAsciiCase(text, "false") || text == "0") return false;
    return std::nullopt;
}

}  // namespace

RowParser::RowParser(RowRecords records) : writeRecords_(records == RowRecords::Write) {}

// Never inlined: link-time optimization would otherwise fold it into the page's parser, which
// is built for size (-Oz), and build the hottest loop of a listing for size too.
__attribute__((noinline)) bool RowParser::parse(JsonReader& reader, CertificateRow& row) {
    const std::string_view input = reader.input();
    const size_t start = reader.offset();
    extra_.clear();
    texts_.fill(Pending{});
    integers_.fill(std::nullopt);
    flags_.fill(std::nullopt);
    if (!reader.enterObject()) return false;

    // One pass: the typed fields and the row's record (row_record.hpp) as each member is read.
    record_.clear();
    RowRecordWriter record(record_, nullptr);
    std::string_view key;
    JsonType type;
    std::string_view json, string;  // the value as sent; a string's text, a number's text
    while (reader.nextMemberValue(key, type, json, string)) {
        const RowFieldInfo* field = findRowField(key);
        const bool plain = type == JsonType::String && reader.isInInput(string);
        if (writeRecords_) record.member(key, field, type, json, string, plain);
        if (!field) continue;
        // A scalar as text: strings trimmed, numbers and booleans as written.
        std::optional<std::string_view> text;
        if (type == JsonType::String) text = trimAscii(string);
        else if (type == JsonType::Number || type == JsonType::Boolean) text = json;
        switch (field->type) {
            case FieldType::Text: {
                Pending& pending = texts_[field->index];
                if (!text) {
                    pending = Pending{};
                } else if (type != JsonType::String || plain) {
                    pending = {Where::Raw, static_cast<size_t>(text->data() - input.data()) - start, text->size()};
                } else {
                    pending = {Where::Extra, extra_.size(), text->size()};
                    extra_.append(*text);
                }
                break;
            }
            case FieldType::Integer:
                integers_[field->index] = type == JsonType::String || type == JsonType::Number
                    ? parseJsonInteger(*text) : std::nullopt;
                break;
            case FieldType::Flag:
                flags_[field->index] = type == JsonType::Boolean ? std::optional<bool>(json[0] == 't')
                                       : type == JsonType::String || type == JsonType::Number ? flagOf(*text)
                                                                                              : std::nullopt;
                break;
        }
    }
    if (writeRecords_) record.finish();
    if (reader.failed()) return false;

    row.setRawJson(input.substr(start, reader.offset() - start), extra_.size() + record_.size());
    for (size_t i = 0; i < kTextFieldCount; ++i) {
        const Pending& p = texts_[i];
        const auto field = static_cast<TextField>(i);
        if (p.where == Where::Raw) row.setTextInRaw(field, p.offset, p.length);
        if (p.where == Where::Extra) row.setText(field, std::string_view(extra_).substr(p.offset, p.length));
    }
    for (size_t i = 0; i < kIntegerFieldCount; ++i) {
        if (integers_[i]) row.setInteger(static_cast<IntegerField>(i), *integers_[i]);
    }
    for (size_t i = 0; i < kFlagFieldCount; ++i) {
        if (flags_[i]) row.setFlag(static_cast<FlagField>(i), *flags_[i]);
    }
    if (writeRecords_) row.setRecord(record_);
    return true;
}

std::optional<int64_t> parseJsonInteger(std::string_view s) {
    // The usual case (ids, counts, epoch ms): up to 18 digits, nothing else; always in int64.
    if (!s.empty() && s.size() <= 18) {
        uint64_t value = 0;
        size_t i = 0;
        for (; i < s.size() && isDigit(s[i]); ++i) value = value * 10 + static_cast<uint64_t>(s[i] - '0');
        if (i == s.size()) return static_cast<int64_t>(value);
    }
    const size_t n = s.size();
    size_t i = 0;
    bool negative = false;
    if (i < n && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    const size_t intStart = i;
    while (i < n && isDigit(s[i])) ++i;
    const size_t intLength = i - intStart;
    if (intLength == 0) return std::nullopt;
    size_t fracStart = i, fracLength = 0;
    if (i < n && s[i] == '.') {
        fracStart = ++i;
        while (i < n && isDigit(s[i])) ++i;
        fracLength = i - fracStart;
        if (fracLength == 0) return std::nullopt;
    }
    int64_t exponent = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) negativeExponent = s[i++] == '-';
        const size_t expStart = i;
        for (; i < n && isDigit(s[i]); ++i) {
            if (exponent < 1000000000) exponent = exponent * 10 + (s[i] - '0');  // clamped
        }
        if (i == expStart) return std::nullopt;
        if (negativeExponent) exponent = -exponent;
    }
    if (i != n) return std::nullopt;

    // value = digits × 10^(exponent − fracLength), digits = integer part then fraction part.
    const size_t total = intLength + fracLength;
    const auto digit = [&](size_t k) { return k < intLength ? s[intStart + k] : s[fracStart + k - intLength]; };
    size_t first = 0;
    while (first < total && digit(first) == '0') ++first;
    if (first == total) return 0;
    size_t last = total;
    while (digit(last - 1) == '0') --last;
    const int64_t scale = exponent - static_cast<int64_t>(fracLength) + static_cast<int64_t>(total - last);
    if (scale < 0) return std::nullopt;  // has a fractional part
    const size_t significant = last - first;
    if (significant + static_cast<uint64_t>(scale) > 19) return std::nullopt;

    uint64_t magnitude = 0;
    for (size_t k = first; k < last; ++k) magnitude = magnitude * 10 + static_cast<uint64_t>(digit(k) - '0');
    for (int64_t k = 0; k < scale; ++k) {
        if (magnitude > std::numeric_limits<uint64_t>::max() / 10) return std::nullopt;
        magnitude *= 10;
    }
    constexpr uint64_t kMaxPositive = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (!negative) {
        if (magnitude > kMaxPositive) return std::nullopt;
        return static_cast<int64_t>(magnitude);
    }
    if (magnitude > kMaxPositive + 1) return std::nullopt;
    if (magnitude == kMaxPositive + 1) return std::numeric_limits<int64_t>::min();
    return -static_cast<int64_t>(magnitude);
}

}  // namespace casview
