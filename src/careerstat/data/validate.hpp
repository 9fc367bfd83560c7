// Checks an export against its codebook and lists every problem with file:line and column.
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <functional>
#include <string>

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::data {

struct Problem {
    std::string file;
    long line = 0;
    std::string column;
    std::string message;

    std::string to_string() const; // "file:line: column "x": message"
};

struct ValidateSummary {
    std::size_t problems = 0;
    std::size_t rows = 0;
};

// Streams the export once; calls `report` for each problem as it is found, so memory stays
// small (duplicate ids are found from 12 bytes kept per row and reported at the end).
ValidateSummary validate(io::RecordReader& reader, const codebook::Codebook& codebook,
                         const std::function<void(const Problem&)>& report);

// Date check used by validate: YYYY-MM-DD[ HH:MM[:SS]], DD-MM-YYYY, DD/MM/YYYY.
bool is_valid_date(std::string_view s);

} // namespace careerstat::data
