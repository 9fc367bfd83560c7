// Banner tables (SPSS Custom Tables' "compare column proportions / means"): each question's
// answers against the categories of one or more banner variables, with significance
// letters, overall tests, small-base flags and cell suppression (docs/comparisons.md).
#pragma once

#include "careerstat/data/cross_counts.hpp"
#include "careerstat/stats/tests.hpp"
#include "careerstat/table/builders.hpp"

#include <vector>

namespace careerstat::table {

struct BannerOptions {
    // One level (upper-case letters) or two (upper-case at the first, lower-case at the
    // second): --sig 0.05 or --sig 0.05,0.10.
    std::vector<double> sig = {0.05};
    stats::Adjust adjust = stats::Adjust::None; // within each row of each banner
    double min_base = 30;   // a column with a smaller base is flagged and not tested
    double hide_below = 10; // a column with a smaller base shows no percentages or means
    double suppress = 0;    // > 1: counts below this are suppressed, with secondary cells
    bool distribution = false; // Likert items as answer distributions rather than means
    // Fisher's exact test: exact up to this many tables, else Monte Carlo with this many
    // (R's fisher.test simulates 2000 by default).
    std::size_t fisher_max_tables = 200'000;
    std::size_t fisher_replicates = 2000;
};

// The symbol a suppressed value shows instead of its number.
inline constexpr std::string_view k_suppressed = "x";

// One table per question block of `cross` (a battery's items share one table of means),
// each followed by a table of its overall tests, in question order. `only` selects
// questions by index into cross.questions(); empty means all.
std::vector<Table> banner_tables(const codebook::Codebook& cb, const data::CrossCounts& cross,
                                 const BuildOptions& options, const BannerOptions& banner,
                                 const QuestionSubset& only = {});

// "A", "B", ..., "Z", "AA", "AB", ...: the letter of the k-th category of a banner.
std::string column_letter(std::size_t k);

// The letters one cell gets from pairwise tests: for every other column that is
// significantly lower at sig[0], its letter upper-case; at sig[1] only, lower-case.
// p[j] is the (adjusted) p-value of this column against column j, NaN when untested;
// higher[j] whether this column's value is the higher one.
std::string significance_letters(const std::vector<double>& p, const std::vector<bool>& higher,
                                 const std::vector<double>& sig);

} // namespace careerstat::table
