// An SPSS (.sav, .zsav) or Stata (.dta) file as an export, read with ReadStat
// (libreadstat-dev): the variables are the header, each case a record, and the file's
// dictionary (labels, value labels, missing values, measure levels, the weight, multiple
// response sets) is kept for codebook/dictionary.cpp (docs/formats.md).
#pragma once

#include "careerstat/io/record_source.hpp"

#include <memory>
#include <span>
#include <string>

namespace careerstat::io {

// Who decodes a .sav's cases: careerstat (the default, for uncompressed and
// bytecode-compressed files whose text is UTF-8 and has no very long strings), or always
// ReadStat, which the tests compare it with. The dictionary is always ReadStat's.
enum class SavCases { Own, ReadStat };

// Opens `path` (an SPSS system file or a Stata file, by its first bytes). Throws DataError
// for a file ReadStat cannot read.
std::unique_ptr<RecordSource> open_statistics_file(const std::string& path,
                                                   SavCases cases = SavCases::Own);

// A number as a cell of the file's records: an integer as one ("3"), else the shortest plain
// decimal that reads back as the same double ("2.5", "0.1").
std::string format_cell_number(double x);
// The same into `buf` (at least 400 bytes: the longest plain double), without allocating.
std::string_view format_cell_number(double x, std::span<char> buf);
// Seconds since 1970-01-01 as ISO text: "2015-03-01", "2015-03-01 10:04:05" or "10:04:05"
// for a Date, DateTime or Time form, rounded to the second.
// Beyond 10^16 seconds either way the number itself is printed.
std::string format_seconds_as_date(double seconds, DictionaryVariable::Form form);
void append_seconds_as_date(std::string& out, double seconds, DictionaryVariable::Form form);

} // namespace careerstat::io
