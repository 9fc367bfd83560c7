// Puts the same question's tables from several populations side by side in one table.
#pragma once

#include "careerstat/i18n.hpp"
#include "careerstat/table/table.hpp"

#include <string>
#include <vector>

namespace careerstat::table {

struct PopulationTable {
    std::string name;  // machine name, suffix of the columns: n_clients
    std::string label; // shown: "Ex-cliënten"
    Table table;
};

// Frequency tables (single or multi-select) become one table with a label column and, per
// population, n, percent and its interval; rows are matched by answer label. Descriptive
// tables get a population column and their rows one after another. Footnotes shared by
// every population are kept once; others are prefixed with the population's label.
// Two populations also get a test of each difference: shares get Newcombe's interval and a
// z-test (columns diff, diff_low, diff_high, diff_p), means Welch's t (a footnote per item).
Table side_by_side(const std::vector<PopulationTable>& tables,
                   const std::string& population_header = "Population", Lang lang = Lang::En);

} // namespace careerstat::table
