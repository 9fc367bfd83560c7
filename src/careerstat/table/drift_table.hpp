// The table of `careerstat drift`: one row per change between two waves' codebooks.
#pragma once

#include "careerstat/codebook/drift.hpp"
#include "careerstat/i18n.hpp"
#include "careerstat/table/table.hpp"

#include <string>
#include <vector>

namespace careerstat::table {

Table drift_table(const std::vector<codebook::Drift>& changes, const std::string& before,
                  const std::string& after, Lang lang);

} // namespace careerstat::table
