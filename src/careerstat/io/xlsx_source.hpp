// An Excel .xlsx workbook as an export: one sheet's rows as records, read streaming from the
// zip (libzip) through an XML parser (expat), so memory stays flat in rows. Shared and inline
// strings, numbers, booleans, dates (1900 and 1904 systems) and empty cells are given as the
// CSV export of the same sheet would give them (docs/formats.md).
#pragma once

#include "careerstat/io/record_source.hpp"

#include <memory>
#include <string>

namespace careerstat::io {

// Opens `path`'s sheet named `sheet` (empty: the first sheet). Throws DataError for a file
// that is not an xlsx workbook, and UsageError naming the sheets when `sheet` is not one.
std::unique_ptr<RecordSource> open_workbook(const std::string& path, const std::string& sheet);

} // namespace careerstat::io
