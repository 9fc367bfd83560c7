// Unit tests of small-cell suppression (stats/suppress.hpp). The expectations are worked by
// hand (in the comments) or come from an independent brute force: every table of whole
// numbers that agrees with the published values and in which every suppressed value is at
// least 1 (zeros are published, so a reader knows that), enumerated directly.
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

using namespace careerstat::stats;

namespace {

using Table = std::vector<std::vector<double>>;
using Flags = std::vector<std::vector<bool>>;

// A pattern from a list of suppressed interior cells, nothing else suppressed.
Suppression pattern(std::size_t rows, std::size_t columns,
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

std::size_t suppressed_count(const Suppression& s) {
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
std::vector<std::vector<long long>> with_margins(const Table& table) {
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

Flags grid_flags(const Suppression& s) {
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
Suppression check_protected(const Table& table, double k) {
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

} // namespace

TEST_CASE("stats::suppress_small_cells 2x2 with one small cell") {
    //  2 10 | 12
    //  8 20 | 28
    // 10 30 | 40    k = 5: only the 2 is small. The cheapest cycle through it is the other
    // three interior cells (10 + 8 + 20 = 38); through margins it costs at least 48
    // (row totals 12 and 28, then the 8).
    const Table t = {{2, 10}, {8, 20}};
    const Suppression s = check_protected(t, 5);
    CHECK(s.primary == 1);
    CHECK(s.secondary == 3);
    CHECK(s.cell == Flags{{true, true}, {true, true}});
    CHECK(s.row_total == std::vector<bool>{false, false});
    CHECK(s.column_total == std::vector<bool>{false, false});
    CHECK_FALSE(s.grand_total);
}

TEST_CASE("stats::suppress_small_cells 2x2 with a small row total") {
    //  1  2 |  3
    //  9 20 | 29
    // 10 22 | 32    k = 5: 1, 2 and the row total 3 are small. The 1 follows from its column
    // (10 - 9); the cheapest cycle through it adds 9 and 20 (29, against 22 + 10 = 32 by the
    // column totals). The row total 3 still follows from 32 - 29, and the cheapest cycle
    // through it adds the row total 29. Column totals and the grand total stay published.
    const Table t = {{1, 2}, {9, 20}};
    const Suppression s = check_protected(t, 5);
    CHECK(s.primary == 3);
    CHECK(s.secondary == 3);
    CHECK(s.cell == Flags{{true, true}, {true, true}});
    CHECK(s.row_total == std::vector<bool>{true, true});
    CHECK(s.column_total == std::vector<bool>{false, false});
    CHECK_FALSE(s.grand_total);
}

TEST_CASE("stats::suppress_small_cells two 1s that make 2 in a column are not pinned") {
    //  0  1 |  1
    //  8 19 | 27
    // 17  1 | 18
    // 25 21 | 46    k = 5: small are the two 1s and the row total 1. Linear protection alone
    // adds the row total 18 and leaves the cycle 1, 1, 18, 1, on which one 1 falls whenever
    // the other rises: 21 - 19 says the two 1s make 2, each is >= 1, so each is 1 (and so are
    // the row totals 1 and 18). Instead the top 1 rises with its row total 1 against counts
    // that can fall: 19 and the row total 27 (46; through 8, 17 and 18 it costs 62, through
    // the column total 21 and the grand total 67). The bottom 1 then rises with its row total
    // 18 against 19 and 27 (18; through 8 and 17 it costs 25).
    const Table t = {{0, 1}, {8, 19}, {17, 1}};
    const Suppression s = check_protected(t, 5);
    CHECK(s.primary == 3);
    CHECK(s.secondary == 3);
    CHECK(s.cell == Flags{{false, true}, {false, true}, {false, true}});
    CHECK(s.row_total == std::vector<bool>{true, true, true});
    CHECK(s.column_total == std::vector<bool>{false, false});
    CHECK_FALSE(s.grand_total);
}

TEST_CASE("stats::suppress_small_cells a lone 1 is freed by raising its margins") {
    // 0 0 | 0
    // 0 1 | 1
    // 0 1 | 1    k = 5: the 1, its row and column totals and the grand total are all small
    // and can all be 2 at once; none can be 0. The brute force needs its cap of 1 + 1 here.
    const Suppression s = check_protected({{0, 0}, {0, 1}}, 5);
    CHECK(s.primary == 4);
    CHECK(s.secondary == 0);
    CHECK(s.cell == Flags{{false, false}, {false, true}});
}

TEST_CASE("stats::suppress_small_cells 4x4 tables withstand a brute-force attack") {
    SUBCASE("zeros are published, k = 5") {
        // 12  3  0  9 | 24
        //  7 15  8  0 | 30
        //  0  6 11  4 | 21
        // 10  0  2 14 | 26
        // 29 24 21 27 | 101   small: 3, 4, 2
        const Suppression s =
            check_protected({{12, 3, 0, 9}, {7, 15, 8, 0}, {0, 6, 11, 4}, {10, 0, 2, 14}}, 5);
        CHECK(s.primary == 3);
        CHECK_FALSE(s.cell[0][2]);
        CHECK_FALSE(s.cell[1][3]);
    }
    SUBCASE("a whole row is small, k = 5") {
        // 20 11  9 14 | 54
        //  1  2  0  1 |  4
        // 13  8 16 10 | 47
        //  9 12  7 18 | 46
        // 43 33 32 43 | 151   small: 1, 2, 1 and the row total 4
        const Suppression s = check_protected(
            {{20, 11, 9, 14}, {1, 2, 0, 1}, {13, 8, 16, 10}, {9, 12, 7, 18}}, 5);
        CHECK(s.primary == 4);
        CHECK(s.row_total[1]);
        CHECK_FALSE(s.cell[1][2]);
    }
    SUBCASE("a cell's row total is small too, k = 10") {
        // 25 14 31 12 | 82
        //  3  0  5  0 |  8
        // 18 22  6 27 | 73
        // 11 19 24 15 | 69
        // 57 55 66 54 | 232   small: 3, 5, 6 and the row total 8
        const Suppression s = check_protected(
            {{25, 14, 31, 12}, {3, 0, 5, 0}, {18, 22, 6, 27}, {11, 19, 24, 15}}, 10);
        CHECK(s.primary == 4);
        CHECK(s.row_total[1]);
    }
    SUBCASE("half the cells are small, k = 10") {
        //  4 12  3 20 | 39
        // 15  2 18  7 | 42
        //  9 30  1 11 | 51
        // 22  6 14  5 | 47
        // 50 50 36 43 | 179   small: 4, 3, 2, 7, 9, 1, 6, 5
        const Suppression s = check_protected(
            {{4, 12, 3, 20}, {15, 2, 18, 7}, {9, 30, 1, 11}, {22, 6, 14, 5}}, 10);
        CHECK(s.primary == 8);
    }
    SUBCASE("two small column totals, k = 5") {
        //  2  0 15 11 | 28
        //  1  0  9  6 | 16
        //  0  3 12  8 | 23
        //  0  0  7 10 | 17
        //  3  3 43 35 | 84    small: 2, 1, 3 and the column totals 3 and 3
        const Suppression s =
            check_protected({{2, 0, 15, 11}, {1, 0, 9, 6}, {0, 3, 12, 8}, {0, 0, 7, 10}}, 5);
        CHECK(s.primary == 5);
        CHECK(s.column_total[0]);
        CHECK(s.column_total[1]);
    }
}

TEST_CASE("stats::suppress_small_cells random tables withstand a brute-force attack") {
    // Fixed seed, and the engine's raw output: std::uniform_int_distribution differs between
    // standard libraries, std::mt19937 does not.
    std::mt19937 engine(20240611);
    const auto draw = [&](std::uint32_t n) { return static_cast<double>(engine() % n); };
    for (int trial = 0; trial < 1000; ++trial) {
        const std::size_t rows = 2 + engine() % 3;
        const std::size_t columns = 2 + engine() % 3;
        Table t(rows, std::vector<double>(columns, 0));
        for (auto& row : t) {
            for (double& count : row) {
                // About a third zeros or small counts, the rest up to 24.
                count = engine() % 3 == 0 ? draw(5) : draw(25);
            }
        }
        INFO("trial " << trial);
        check_protected(t, 5);
    }
}

TEST_CASE("stats::suppress_small_cells with nothing to suppress") {
    const Table large = {{12, 0, 9}, {7, 15, 0}, {5, 6, 11}};
    const Suppression none = suppress_small_cells(large, 5);
    CHECK(suppressed_count(none) == 0);
    CHECK(none.primary == 0);
    CHECK(none.secondary == 0);
    CHECK(none.cell.size() == 3);
    CHECK(none.row_total.size() == 3);
    CHECK(none.column_total.size() == 3);

    const Table small = {{1, 2}, {3, 0}};
    CHECK(suppressed_count(suppress_small_cells(small, 1)) == 0);
    CHECK(suppressed_count(suppress_small_cells(small, 0)) == 0);
    CHECK(suppressed_count(suppress_small_cells(small, -3)) == 0);
    // k = 2: only the 1 is small (margins 3, 3, 4, 2, 6).
    CHECK(suppress_small_cells(small, 2).primary == 1);
    CHECK(suppressed_count(suppress_small_cells({{0, 0}, {0, 0}}, 5)) == 0);
}

TEST_CASE("stats::suppress_small_cells rejects bad tables") {
    CHECK_THROWS_AS(suppress_small_cells({}, 5), std::invalid_argument);
    CHECK_THROWS_AS(suppress_small_cells({{}}, 5), std::invalid_argument);
    CHECK_THROWS_AS(suppress_small_cells({{1, 2}, {3}}, 5), std::invalid_argument);
    CHECK_THROWS_AS(suppress_small_cells({{1, -2}}, 5), std::invalid_argument);
    CHECK_THROWS_AS(suppress_small_cells({{1, 2.5}}, 5), std::invalid_argument);
    CHECK_THROWS_AS(suppress_small_cells({{1, 2}}, std::numeric_limits<double>::quiet_NaN()),
                    std::invalid_argument);
    CHECK_THROWS_AS(determined_cells({{1, 2}}, pattern(2, 2, {})), std::invalid_argument);
}

TEST_CASE("stats::suppress determined_cells") {
    //  2 10 | 12
    //  8 20 | 28
    // 10 30 | 40
    const Table t = {{2, 10}, {8, 20}};
    SUBCASE("one suppressed cell is determined, and the brute force agrees") {
        // 12 - 10 = 2 from its row.
        const Suppression s = pattern(2, 2, {{0, 0}});
        const Suppression d = determined_cells(t, s);
        CHECK(d.cell == Flags{{true, false}, {false, false}});
        CHECK(d.row_total == std::vector<bool>{false, false});
        CHECK(d.column_total == std::vector<bool>{false, false});
        CHECK_FALSE(d.grand_total);
        // The brute force would fail a table suppressed this way.
        const Feasible feasible = Enumerator(t, s).run();
        CHECK(feasible.solutions == 1);
        CHECK(feasible.low[0][0] == 2);
        CHECK(feasible.high[0][0] == 2);
    }
    SUBCASE("two cells of one row are both determined") {
        const Suppression d = determined_cells(t, pattern(2, 2, {{0, 0}, {0, 1}}));
        CHECK(d.cell == Flags{{true, true}, {false, false}});
    }
    SUBCASE("a rectangle of cells is not") {
        const Suppression d = determined_cells(t, pattern(2, 2, {{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
        CHECK(d.cell == Flags{{false, false}, {false, false}});
    }
    SUBCASE("a cycle through the margins is not, a cell hanging off it is") {
        // 2, its row total 12, its column total 10 and the grand total 40 form a cycle; 10
        // (row 0, column 1) is also suppressed but its column is otherwise published.
        Suppression s = pattern(2, 2, {{0, 0}, {0, 1}});
        s.row_total[0] = true;
        s.column_total[0] = true;
        s.grand_total = true;
        const Suppression d = determined_cells(t, s);
        CHECK(d.cell == Flags{{false, true}, {false, false}});
        CHECK(d.row_total == std::vector<bool>{false, false});
        CHECK(d.column_total == std::vector<bool>{false, false});
        CHECK_FALSE(d.grand_total);
        const Feasible feasible = Enumerator(t, s).run();
        CHECK(feasible.low[0][1] == 10);
        CHECK(feasible.high[0][1] == 10);
        CHECK(feasible.low[0][0] < feasible.high[0][0]);
    }
    SUBCASE("a single suppressed margin is determined") {
        Suppression s = pattern(2, 2, {});
        s.row_total[1] = true;
        CHECK(determined_cells(t, s).row_total == std::vector<bool>{false, true});
    }
}

TEST_CASE("stats::suppress pinned_cells") {
    //  0  1 |  1
    //  8 19 | 27
    // 17  1 | 18
    // 25 21 | 46
    const Table t = {{0, 1}, {8, 19}, {17, 1}};
    SUBCASE("a cycle on which a 1 must fall pins it, and the brute force agrees") {
        // The pattern linear protection alone gives (the case of the two 1s above): the two
        // 1s, the row totals 1 and 18. Every value is on the cycle 1, 1, 18, 1, so none is
        // determined, but each way round lowers one of the 1s.
        Suppression s = pattern(3, 2, {{0, 1}, {2, 1}});
        s.row_total[0] = true;
        s.row_total[2] = true;
        const Suppression d = determined_cells(t, s);
        CHECK(d.cell == Flags{{false, false}, {false, false}, {false, false}});
        CHECK(d.row_total == std::vector<bool>{false, false, false});
        const Suppression p = pinned_cells(t, s);
        CHECK(p.cell == Flags{{false, true}, {false, false}, {false, true}});
        CHECK(p.row_total == std::vector<bool>{true, false, true});
        CHECK(p.column_total == std::vector<bool>{false, false});
        CHECK_FALSE(p.grand_total);
        const Feasible feasible = Enumerator(t, s).run();
        CHECK(feasible.solutions == 1);
        CHECK(feasible.low[2][2] == 18);
        CHECK(feasible.high[2][2] == 18);
    }
    SUBCASE("adding the 19 and the row total 27 frees them all") {
        // 1 -> 2 in the corner takes 19 -> 18 and 27 -> 26; the row total 1 -> 2 keeps 46.
        Suppression s = pattern(3, 2, {{0, 1}, {1, 1}, {2, 1}});
        s.row_total = {true, true, true};
        const Suppression p = pinned_cells(t, s);
        CHECK(p.cell == Flags{{false, false}, {false, false}, {false, false}});
        CHECK(p.row_total == std::vector<bool>{false, false, false});
    }
    SUBCASE("a determined value is pinned") {
        const Suppression p = pinned_cells(t, pattern(3, 2, {{1, 0}}));
        CHECK(p.cell == Flags{{false, false}, {true, false}, {false, false}});
    }
    SUBCASE("a 2 may fall to 1 where rising would take a 1 to 0") {
        //  2 10 | 12
        //  1 20 | 21    The rectangle of the four cells: raising the 2 lowers the 1, but
        //  3 30 | 33    lowering it raises the 1, 10 and lowers the 20.
        const Table u = {{2, 10}, {1, 20}};
        const Suppression rectangle = pattern(2, 2, {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        const Suppression p = pinned_cells(u, rectangle);
        CHECK(p.cell == Flags{{false, false}, {false, false}});
        const Feasible feasible = Enumerator(u, rectangle).run();
        CHECK(feasible.low[0][0] == 1);
        CHECK(feasible.high[0][0] == 2);
        // With a 1 in its place both ways lower a 1, and the whole rectangle is pinned.
        const Table v = {{1, 10}, {1, 20}};
        CHECK(pinned_cells(v, rectangle).cell == Flags{{true, true}, {true, true}});
        CHECK(Enumerator(v, rectangle).run().solutions == 1);
    }
    SUBCASE("bad input") {
        CHECK_THROWS_AS(pinned_cells(t, pattern(2, 2, {})), std::invalid_argument);
        CHECK_THROWS_AS(pinned_cells(t, pattern(3, 2, {{0, 0}})), std::invalid_argument);
        CHECK_THROWS_AS(pinned_cells({{1, -1}}, pattern(1, 2, {})), std::invalid_argument);
    }
}

TEST_CASE("stats::suppress pinned_cells agrees with the brute force on random patterns") {
    // Any pattern of non-zero cells, not only those suppress_small_cells makes: a value the
    // brute force sees take two values must not be called pinned, and the other way round.
    std::mt19937 engine(7);
    std::size_t pinned = 0;
    std::size_t movable = 0;
    for (int trial = 0; trial < 1000; ++trial) {
        const std::size_t rows = 1 + engine() % 3;
        const std::size_t columns = 1 + engine() % 3;
        Table t(rows, std::vector<double>(columns, 0));
        for (auto& row : t) {
            for (double& count : row) {
                count = engine() % 3 == 0 ? 0 : static_cast<double>(1 + engine() % 6);
            }
        }
        const auto g = with_margins(t);
        Suppression s = pattern(rows, columns, {});
        for (std::size_t r = 0; r <= rows; ++r) {
            for (std::size_t c = 0; c <= columns; ++c) {
                if (g[r][c] == 0 || engine() % 2 == 0) {
                    continue;
                }
                if (r < rows && c < columns) {
                    s.cell[r][c] = true;
                } else if (r < rows) {
                    s.row_total[r] = true;
                } else if (c < columns) {
                    s.column_total[c] = true;
                } else {
                    s.grand_total = true;
                }
            }
        }
        const Feasible feasible = Enumerator(t, s).run();
        const Flags p = grid_flags(pinned_cells(t, s));
        const Flags f = grid_flags(s);
        for (std::size_t r = 0; r <= rows; ++r) {
            for (std::size_t c = 0; c <= columns; ++c) {
                if (f[r][c]) {
                    INFO("trial " << trial << ", grid cell (" << r << ", " << c << ")");
                    CHECK(p[r][c] == (feasible.low[r][c] == feasible.high[r][c]));
                    (p[r][c] ? pinned : movable) += 1;
                }
            }
        }
    }
    // Both answers occur often enough for the agreement to mean something.
    CHECK(pinned > 1000);
    CHECK(movable > 500);
}
