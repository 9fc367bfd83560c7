// Hypothesis tests: chi-square test of independence / homogeneity for an r x c table.
#pragma once

#include <vector>

namespace careerstat::stats {

struct ChiSquare {
    double statistic = 0;
    double df = 0;
    double p_value = 1;    // upper tail of the chi-square distribution (Boost.Math)
    double min_expected = 0; // smallest expected count, to warn when below 5
};

// Pearson chi-square on observed counts table[row][col]; rows or columns whose total is 0
// are dropped before the test. Throws std::invalid_argument for fewer than 2x2 remaining.
ChiSquare chi_square_test(const std::vector<std::vector<double>>& table);

} // namespace careerstat::stats
