// Small-cell disclosure control for crosstabs: primary and secondary (complementary) cell
// suppression, so that no suppressed count can be derived from the published ones.
#pragma once

#include <cstddef>
#include <vector>

namespace careerstat::stats {

// A table of unweighted counts: interior[r][c] with published row totals (sum over c), column
// totals (sum over r) and the grand total. Every value is a non-negative whole number.
struct Suppression {
    std::vector<std::vector<bool>> cell; // interior, true = suppressed
    std::vector<bool> row_total;         // per row
    std::vector<bool> column_total;      // per column
    bool grand_total = false;
    std::size_t primary = 0;   // cells suppressed because their count is below k
    std::size_t secondary = 0; // cells suppressed so that no suppressed one is pinned down
};

// Primary suppression: every cell (interior and margins) whose count is at least 1 and below
// k. Zeros are published: a zero identifies nobody. So a reader knows that every suppressed
// value is at least 1. Secondary: while some suppressed value is pinned down, that is, takes
// only one value over all tables of whole numbers that fit the published values and the
// table's additivity (rows sum to row totals, columns to column totals, totals to the grand
// total) and in which every suppressed value is >= 1, suppress the cheapest set of
// unsuppressed non-zero cells that frees it (least total count, then fewest margins, then
// fewest cells). Result: each suppressed value has at least two feasible values, to a reader
// who knows the bound (docs/comparisons.md). k <= 1 suppresses nothing. Throws
// std::invalid_argument for an empty or ragged table, a negative, fractional or non-finite
// count, or a NaN k.
// `also` (same shape) names cells that must be suppressed whatever their count, such as a
// margin another table hides: two banners share the Total column, so a row total one banner
// hides must be protected in the other too, or it would be its published cells' sum. Its
// zero cells stay published. Counted as secondary.
Suppression suppress_small_cells(const std::vector<std::vector<double>>& interior, double k,
                                 const Suppression* also = nullptr);

// Which suppressed values (same shape as Suppression) are uniquely determined by the published
// ones through the linear constraints alone, ignoring that they are >= 1. It depends only on
// the pattern; interior gives the shape. primary and secondary are left 0. A determined value
// is also pinned (below); a pinned one need not be determined. Throws std::invalid_argument
// when s does not have the shape of interior.
Suppression determined_cells(const std::vector<std::vector<double>>& interior,
                             const Suppression& s);

// Which suppressed values are pinned down to a reader who also knows that every suppressed
// value is >= 1: the check suppress_small_cells iterates on. It depends on the counts; primary
// and secondary are left 0. Throws std::invalid_argument for a bad table (as
// suppress_small_cells), when s does not have its shape, or when s suppresses a zero (then the
// reader's bound would be false).
Suppression pinned_cells(const std::vector<std::vector<double>>& interior,
                         const Suppression& s);

} // namespace careerstat::stats
