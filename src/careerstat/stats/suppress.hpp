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
    std::size_t secondary = 0; // cells suppressed so that no primary one can be recovered
};

// Primary suppression: every cell (interior and margins) whose count is at least 1 and below
// k. Zeros are published: a zero identifies nobody, and a zero that is never suppressed keeps
// every suppressed value >= 1, which the guarantee below needs. Secondary: while some
// suppressed value is uniquely determined by the published values and the table's additivity
// (rows sum to row totals, columns to column totals, totals to the grand total), suppress the
// cheapest set of unsuppressed non-zero cells that closes a cycle of suppressed cells through
// it (least total count, then fewest margins, then fewest cells). Result: no suppressed value
// is determined, and each has at least two feasible non-negative integer values
// (docs/comparisons.md). k <= 1 suppresses nothing. Throws std::invalid_argument for an empty
// or ragged table, a negative, fractional or non-finite count, or a NaN k.
Suppression suppress_small_cells(const std::vector<std::vector<double>>& interior, double k);

// Which suppressed values (same shape as Suppression) are uniquely determined by the published
// ones through the linear constraints alone: the check suppress_small_cells iterates on. It
// depends only on the pattern; interior gives the shape. primary and secondary are left 0.
// Throws std::invalid_argument when s does not have the shape of interior.
Suppression determined_cells(const std::vector<std::vector<double>>& interior,
                             const Suppression& s);

} // namespace careerstat::stats
