// The brute-force attacker and helpers that tests/unit/test_suppress*.cpp share: every
// table of whole numbers that agrees with the published values and in which every suppressed
// value is at least 1, enumerated directly (independent of stats/suppress.cpp).
#pragma once

#include "careerstat/stats/suppress.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace careerstat::test_suppress {

using namespace careerstat::stats;

using Table = std::vector<std::vector<double>>;
using Flags = std::vector<std::vector<bool>>;

// A pattern from a list of suppressed interior cells, nothing else suppressed.
inline Suppression pattern(std::size_t rows, std::size_t columns,
                    const std::vector<std::pair<std::size_t, std::size_t>>& cells) {
    Suppression s;
    s.cell.assign(rows, std::vector<bool>(columns, false));
    s.row_total.assign(rows, false);
    s.column_total.assign(columns, false);
    for (const auto& [r, c] : cells) {
        s.cell[r][c] = true;
    }
    return s;
}

inline std::size_t suppressed_count(const Suppression& s) {
    std::size_t n = s.grand_total ? 1 : 0;
    for (const auto& row : s.cell) {
        n += static_cast<std::size_t>(std::count(row.begin(), row.end(), true));
    }
    n += static_cast<std::size_t>(std::count(s.row_total.begin(), s.row_total.end(), true));
    n += static_cast<std::size_t>(std::count(s.column_total.begin(), s.column_total.end(), true));
    return n;
}

// Smallest and largest value of each suppressed cell over all feasible tables; the grid is
// (rows + 1) x (columns + 1) with the column totals in the last row, the row totals in the
// last column and the grand total in the corner.
struct Feasible {
    std::size_t solutions = 0;
    std::vector<std::vector<long long>> low;
    std::vector<std::vector<long long>> high;
};

// Enumerates every assignment of whole numbers >= 1 to the suppressed interior cells under
// which each published total (row, column or grand) is still the sum it claims; a
// suppressed total is then the sum of its cells, so it is >= 1 too (a line with no suppressed
// cell keeps its true, non-zero total). That is every solution of the additivity equations
// that the reader's knowledge allows: the suppressed totals are free variables defined by one
// equation each. A cell under no published total is capped at the true grand total + 1: a
// subset of the solutions, so two values found in it are two feasible values, and it holds
// every table one step of +-1 along a cycle away from the true one. The search prunes only
// what cannot be completed: under a published total a cell leaves at least 1 for each later
// unknown there, and no more than those can still take. Cells under more published totals go
// first: those choices are narrow, and the loose ones last are forced or free, not dead ends.
class Enumerator {
  public:
    Enumerator(const Table& table, const Suppression& s)
        : m_rows(table.size()), m_columns(table.front().size()) {
        const std::size_t lines = m_rows + m_columns + 1;
        m_published.assign(lines, true);
        for (std::size_t r = 0; r < m_rows; ++r) {
            m_published[r] = !s.row_total[r];
        }
        for (std::size_t c = 0; c < m_columns; ++c) {
            m_published[m_rows + c] = !s.column_total[c];
        }
        m_published[lines - 1] = !s.grand_total;
        m_left.assign(lines, 0);
        m_sum.assign(lines, 0);
        m_open.assign(lines, 0);
        m_members.assign(lines, {});
        for (std::size_t r = 0; r < m_rows; ++r) {
            for (std::size_t c = 0; c < m_columns; ++c) {
                const auto count = static_cast<long long>(table[r][c]);
                const Lines of{r, m_rows + c, lines - 1};
                m_cap += count;
                for (const std::size_t line : of) {
                    // Published totals are the true sums; the published cells come off.
                    (s.cell[r][c] ? m_left : m_sum)[line] += count;
                }
                if (s.cell[r][c]) {
                    m_unknowns.push_back(of);
                }
            }
        }
        const auto published_lines = [&](const Lines& of) {
            return std::count_if(of.begin(), of.end(),
                                 [&](std::size_t line) { return m_published[line]; });
        };
        std::stable_sort(m_unknowns.begin(), m_unknowns.end(),
                         [&](const Lines& a, const Lines& b) {
                             return published_lines(a) > published_lines(b);
                         });
        for (std::size_t v = 0; v < m_unknowns.size(); ++v) {
            for (const std::size_t line : m_unknowns[v]) {
                ++m_open[line];
                m_members[line].push_back(v);
            }
        }
        m_values.assign(m_unknowns.size(), 0);
        m_result.low.assign(m_rows + 1, std::vector<long long>(m_columns + 1, LLONG_MAX));
        m_result.high.assign(m_rows + 1, std::vector<long long>(m_columns + 1, LLONG_MIN));
    }

    Feasible run() {
        descend(0);
        return m_result;
    }

  private:
    using Lines = std::array<std::size_t, 3>; // row, m_rows + column, the grand total

    // The most unknown u can still take under its published totals other than `skip`, when
    // every other open unknown there takes 1.
    long long room(std::size_t u, std::size_t skip) const {
        long long most = m_cap;
        for (const std::size_t line : m_unknowns[u]) {
            if (m_published[line] && line != skip) {
                most = std::min(most, m_left[line] - (m_open[line] - 1));
            }
        }
        return most;
    }

    void descend(std::size_t v) {
        if (v == m_unknowns.size()) {
            record();
            return;
        }
        long long low = 1;
        long long high = m_cap;
        for (const std::size_t line : m_unknowns[v]) {
            if (m_published[line]) {
                long long later = 0;
                for (const std::size_t u : m_members[line]) {
                    later += u > v ? room(u, line) : 0;
                }
                high = std::min(high, m_left[line] - (m_open[line] - 1));
                low = std::max(low, m_left[line] - later);
            }
        }
        for (long long x = low; x <= high; ++x) {
            m_values[v] = x;
            for (const std::size_t line : m_unknowns[v]) {
                m_left[line] -= x;
                m_sum[line] += x;
                --m_open[line];
            }
            descend(v + 1);
            for (const std::size_t line : m_unknowns[v]) {
                m_left[line] += x;
                m_sum[line] -= x;
                ++m_open[line];
            }
        }
    }

    void record() {
        for (std::size_t line = 0; line < m_left.size(); ++line) {
            if (m_published[line] && m_left[line] != 0) {
                return;
            }
        }
        ++m_result.solutions;
        const auto note = [&](std::size_t r, std::size_t c, long long x) {
            m_result.low[r][c] = std::min(m_result.low[r][c], x);
            m_result.high[r][c] = std::max(m_result.high[r][c], x);
        };
        for (std::size_t v = 0; v < m_unknowns.size(); ++v) {
            note(m_unknowns[v][0], m_unknowns[v][1] - m_rows, m_values[v]);
        }
        for (std::size_t r = 0; r < m_rows; ++r) {
            note(r, m_columns, m_sum[r]);
        }
        for (std::size_t c = 0; c < m_columns; ++c) {
            note(m_rows, c, m_sum[m_rows + c]);
        }
        note(m_rows, m_columns, m_sum[m_rows + m_columns]);
    }

    std::size_t m_rows;
    std::size_t m_columns;
    long long m_cap = 1; // the true grand total + 1
    std::vector<bool> m_published;  // per line: rows, then columns, then the grand total
    std::vector<long long> m_left;  // per line: its published total less the cells fixed so far
    std::vector<long long> m_sum;   // per line: the sum of the cells fixed so far
    std::vector<long long> m_open;  // per line: unknowns not fixed yet
    std::vector<std::vector<std::size_t>> m_members; // per line: its unknowns
    std::vector<Lines> m_unknowns;
    std::vector<long long> m_values;
    Feasible m_result;
};

// The table with its margins, as the Enumerator's grid.
inline std::vector<std::vector<long long>> with_margins(const Table& table) {
    const std::size_t rows = table.size();
    const std::size_t columns = table.front().size();
    std::vector<std::vector<long long>> g(rows + 1, std::vector<long long>(columns + 1, 0));
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            const auto count = static_cast<long long>(table[r][c]);
            g[r][c] = count;
            g[r][columns] += count;
            g[rows][c] += count;
            g[rows][columns] += count;
        }
    }
    return g;
}

inline Flags grid_flags(const Suppression& s) {
    const std::size_t rows = s.cell.size();
    const std::size_t columns = s.column_total.size();
    Flags f(rows + 1, std::vector<bool>(columns + 1, false));
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            f[r][c] = s.cell[r][c];
        }
        f[r][columns] = s.row_total[r];
    }
    for (std::size_t c = 0; c < columns; ++c) {
        f[rows][c] = s.column_total[c];
    }
    f[rows][columns] = s.grand_total;
    return f;
}

// Suppresses `table` and checks the result against the rule and the brute force: primary
// cells are exactly the counts in [1, k), zeros are published, secondary cells are counts of
// at least k, and every suppressed value has at least two feasible values even to a reader
// who knows that every suppressed value is at least 1.
inline Suppression check_protected(const Table& table, double k) {
    const Suppression s = suppress_small_cells(table, k);
    const auto g = with_margins(table);
    const Flags f = grid_flags(s);
    std::size_t small = 0;
    std::size_t large = 0;
    for (std::size_t r = 0; r < g.size(); ++r) {
        for (std::size_t c = 0; c < g[r].size(); ++c) {
            const bool is_small = g[r][c] >= 1 && static_cast<double>(g[r][c]) < k;
            small += is_small ? 1 : 0;
            large += f[r][c] && !is_small ? 1 : 0;
            CHECK((!is_small || f[r][c]));
            CHECK((g[r][c] != 0 || !f[r][c]));
        }
    }
    CHECK(s.primary == small);
    CHECK(s.secondary == large);

    const Feasible feasible = Enumerator(table, s).run();
    CHECK(feasible.solutions >= (s.primary > 0 ? 2U : 1U));
    for (std::size_t r = 0; r < g.size(); ++r) {
        for (std::size_t c = 0; c < g[r].size(); ++c) {
            if (f[r][c]) {
                INFO("grid cell (" << r << ", " << c << ") = " << g[r][c]);
                CHECK(feasible.low[r][c] <= g[r][c]);
                CHECK(feasible.high[r][c] >= g[r][c]);
                CHECK(feasible.low[r][c] < feasible.high[r][c]);
            }
        }
    }
    return s;
}

} // namespace careerstat::test_suppress
