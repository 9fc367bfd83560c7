// Fisher's exact test of independence for an r x c table of counts, exact or Monte Carlo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace careerstat::stats {

struct FisherTest {
    double p_value = 1;
    bool exact = true;          // false: Monte Carlo estimate
    std::size_t replicates = 0; // Monte Carlo tables drawn (0 when exact)
    std::uint64_t seed = 0;     // the fixed seed used (0 when exact)
    std::size_t tables = 0;     // exact: number of tables enumerated
};

// Two-sided, as R's fisher.test: P = sum of the probabilities of every table with the
// observed margins that is no more likely than the observed one (relative tolerance 1e-7).
// Counts table[row][col] must be whole numbers >= 0 (within 1e-7; they are rounded).
// Rows and columns whose total is 0 are dropped first; fewer than 2x2 remaining, ragged
// rows, negative, non-whole or non-finite counts, or replicates == 0 throw
// std::invalid_argument.
//
// Exact by enumerating every table with the margins while their number is at most
// `max_tables` (0 forces Monte Carlo). Beyond that, Monte Carlo as R's
// fisher.test(simulate.p.value = TRUE, B = replicates): `replicates` tables drawn by
// Patefield's algorithm (AS 159, as R's r2dtable) from std::mt19937_64 seeded with `seed`,
// and p = (1 + #{simulated tables no more likely than the observed}) / (replicates + 1).
// The same input and seed give the same p, whichever the standard library.
FisherTest fisher_exact_test(const std::vector<std::vector<double>>& counts,
                             std::size_t replicates = 10000, std::uint64_t seed = 20151124,
                             std::size_t max_tables = 2'000'000);

} // namespace careerstat::stats
