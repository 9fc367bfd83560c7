// What ReadStat 1.1.8 does not give of an SPSS system file: its multiple response sets
// (extension records 7 and 19, the "$-records") and the short names they use (record 13
// maps them to the long names). Read from the dictionary records only, with every length
// checked against the file, so a damaged file gives notes, never a crash (the format is
// PSPP's "System File Format" appendix, pspp-dev.info).
#pragma once

#include "careerstat/io/record_source.hpp"

#include <cstdint>
#include <istream>
#include <string>
#include <utility>
#include <vector>

namespace careerstat::io {

struct SavRecords {
    std::vector<DictionarySet> sets; // variables by short name, lower case as written
    std::vector<std::pair<std::string, std::string>> long_names; // short -> long
    std::string encoding;            // the character encoding record (subtype 20), if any
    std::vector<std::string> notes;  // what could not be read
    // For reading the cases without ReadStat (io/sav_source.cpp): the header's compression
    // (0 none, 1 bytecode, 2 zlib) and bias, the byte order, each 8-byte element's variable
    // record type (0 numeric, > 0 a string's width, -1 a string's continuation), whether
    // very long strings (subtype 14) split variables, and where the cases begin.
    bool complete = false; // the dictionary was read to its end record
    std::int32_t compression = 0;
    double bias = 100;
    bool swap = false;
    std::vector<std::int32_t> elements;
    bool very_long_strings = false;
    std::uint64_t data_offset = 0;
};

// Reads the dictionary of the system file `in` (from its first byte) up to its end record.
SavRecords read_sav_records(std::istream& in);
SavRecords read_sav_records(const std::string& path);

// One multiple response set record's text (subtype 7 or 19) as sets; a set that cannot be
// parsed becomes a note.
void parse_mr_sets(std::string_view text, SavRecords& out);

} // namespace careerstat::io
