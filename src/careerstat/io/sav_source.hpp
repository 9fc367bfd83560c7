// An SPSS (.sav, .zsav) or Stata (.dta) file as an export, read with ReadStat
// (libreadstat-dev): the variables are the header, each case a record, and the file's
// dictionary (labels, value labels, missing values, measure levels, the weight, multiple
// response sets) is kept for codebook/dictionary.cpp (docs/formats.md).
#pragma once

#include "careerstat/io/record_source.hpp"

#include <memory>
#include <string>

namespace careerstat::io {

// Opens `path` (an SPSS system file or a Stata file, by its first bytes). Throws DataError
// for a file ReadStat cannot read.
std::unique_ptr<RecordSource> open_statistics_file(const std::string& path);

} // namespace careerstat::io
