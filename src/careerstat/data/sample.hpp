// The sample file: one row per invitee with an AAPOR final disposition code, optionally a
// subgroup column (bureau) for response per subgroup.
#pragma once

#include "careerstat/stats/aapor.hpp"

#include <string>
#include <utility>
#include <vector>

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::data {

struct SampleCounts {
    std::string source;
    std::string disposition_column;
    std::string by_column;
    double rows = 0;
    stats::Dispositions total;
    // Per subgroup value in order of first appearance (only with a by column).
    std::vector<std::pair<std::string, stats::Dispositions>> groups;
};

// The disposition column is the first named disposition, dispositie, aapor or status
// (any case) unless `disposition_column` names one. Throws DataError naming file, line and
// column for a code that is not an AAPOR disposition, UsageError for a missing column.
SampleCounts read_sample(io::RecordReader& reader, const std::string& disposition_column,
                         const std::string& by_column);

} // namespace careerstat::data
