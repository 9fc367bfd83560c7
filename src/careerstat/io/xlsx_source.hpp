// An Excel .xlsx workbook as an export: one sheet's rows as records, read streaming from the
// zip (libzip) through an XML parser (expat), so memory stays flat in rows. Shared and inline
// strings, numbers, booleans, dates (1900 and 1904 systems) and empty cells are given as the
// CSV export of the same sheet would give them (docs/formats.md).
#pragma once

#include "careerstat/io/record_source.hpp"

#include <memory>
#include <string>

namespace careerstat::io {

// How the sheet's XML is parsed: careerstat's own scanner (the default, 2-3x faster on a
// large sheet) or expat, which the tests compare it with.
enum class XmlEngine { Fast, Expat };

// Opens `path`'s sheet named `sheet` (empty: the first sheet). Throws DataError for a file
// that is not an xlsx workbook, and UsageError naming the sheets when `sheet` is not one.
std::unique_ptr<RecordSource> open_workbook(const std::string& path, const std::string& sheet,
                                            XmlEngine engine = XmlEngine::Fast);

} // namespace careerstat::io
