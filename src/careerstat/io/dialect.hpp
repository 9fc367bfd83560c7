// The dialect of a CSV export (delimiter, encoding, decimal mark; header rows are the
// platform layer's, platform/) and
// the sniffer that guesses it from a sample; explicit options always win (STYLE.md 8).
#pragma once

#include "careerstat/io/encoding.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace careerstat::io {

struct Dialect {
    char delimiter = ',';
    char quote = '"';
    Encoding encoding = Encoding::Utf8;
    bool bom = false;
    // Numbers may use a decimal comma ("7,5") when the delimiter is not a comma.
    bool decimal_comma = false;
};

struct ReaderOptions {
    std::optional<char> delimiter;
    std::optional<Encoding> encoding;
    // Bytes asked of the block reader at a time. Only tests change it: reading every
    // fixture with blocks of 1 to 64 bytes puts every byte on a block boundary.
    std::size_t block_size = std::size_t{1} << 20;
    // The sheet of an .xlsx workbook to read (--sheet); empty: the first.
    std::string sheet;
};

inline constexpr char k_candidate_delimiters[] = {',', ';', '\t', '|'};

// Guesses the dialect from the first bytes of a file. `complete` says the sample is the
// whole file (so its last record is not cut off). Throws DataError for binary or UTF-16
// input, naming `name`.
Dialect sniff(std::string_view sample, bool complete, const ReaderOptions& options,
              const std::string& name);

// "," ";" "tab" "\t" "|" or any single character; nullopt when not one character.
std::optional<char> parse_delimiter(std::string_view text);
std::string delimiter_name(char delimiter);

} // namespace careerstat::io
