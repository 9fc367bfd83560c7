// Unit tests of small-cell suppression (stats/suppress.hpp). The expectations are worked by
// hand (in the comments) or come from an independent brute force: every table of whole
// numbers that agrees with the published values and in which every suppressed value is at
// least 1 (zeros are published, so a reader knows that), enumerated directly.
#include "careerstat/stats/suppress.hpp"

#include <doctest/doctest.h>

#include <algorithm>
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

// Enumerates every assignment of whole numbers >= 1 to the suppressed interior cells, row by
// row, under which each published margin is still the sum it claims; a suppressed margin is
// then the sum of its cells, so it is >= 1 too (a row with no suppressed cell keeps its true,
// non-zero total). That is every solution of the additivity equations that the reader's
// knowledge allows: the suppressed margins are free variables defined by one equation each.
// A cell is bounded by the residuals of its published row total, column total and grand
// total, and by the true grand total + 1 when none is published: a subset of the solutions,
// so two values found in it are two feasible values, and it holds every table one step of
// +-1 along a cycle away from the true one. The last unknown of a row or column with a
// published total is forced, which keeps the search small.
class Enumerator {
  public:
    Enumerator(const Table& table, const Suppression& s)
        : m_rows(table.size()), m_columns(table.front().size()), m_s(s) {
        m_row_left.assign(m_rows, 0);
        m_column_left.assign(m_columns, 0);
        m_row_sum.assign(m_rows, 0);
        m_column_sum.assign(m_columns, 0);
        for (std::size_t r = 0; r < m_rows; ++r) {
            for (std::size_t c = 0; c < m_columns; ++c) {
                const auto count = static_cast<long long>(table[r][c]);
                m_cap += count;
                if (s.cell[r][c]) {
                    m_unknowns.emplace_back(r, c);
                    // Published totals are the true sums; the published cells come off.
                    m_row_left[r] += count;
                    m_column_left[c] += count;
                    m_total_left += count;
                } else {
                    m_row_sum[r] += count;
                    m_column_sum[c] += count;
                    m_total_sum += count;
                }
            }
        }
        for (std::size_t v = 0; v < m_unknowns.size(); ++v) {
            const auto [r, c] = m_unknowns[v];
            bool last_in_row = true;
            bool last_in_column = true;
            for (std::size_t u = v + 1; u < m_unknowns.size(); ++u) {
                last_in_row = last_in_row && m_unknowns[u].first != r;
                last_in_column = last_in_column && m_unknowns[u].second != c;
            }
            m_last_in_row.push_back(last_in_row);
            m_last_in_column.push_back(last_in_column);
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
    void descend(std::size_t v) {
        if (v == m_unknowns.size()) {
            record();
            return;
        }
        const auto [r, c] = m_unknowns[v];
        long long low = 1;
        long long high = m_cap;
        const auto bound = [&](bool published, bool forced, long long left) {
            if (published) {
                high = std::min(high, left);
                if (forced) {
                    low = std::max(low, left);
                }
            }
        };
        bound(!m_s.row_total[r], m_last_in_row[v], m_row_left[r]);
        bound(!m_s.column_total[c], m_last_in_column[v], m_column_left[c]);
        bound(!m_s.grand_total, v + 1 == m_unknowns.size(), m_total_left);
        for (long long x = low; x <= high; ++x) {
            m_values[v] = x;
            m_row_left[r] -= x;
            m_column_left[c] -= x;
            m_total_left -= x;
            m_row_sum[r] += x;
            m_column_sum[c] += x;
            m_total_sum += x;
            descend(v + 1);
            m_row_left[r] += x;
            m_column_left[c] += x;
            m_total_left += x;
            m_row_sum[r] -= x;
            m_column_sum[c] -= x;
            m_total_sum -= x;
        }
    }

    void record() {
        for (std::size_t r = 0; r < m_rows; ++r) {
            if (!m_s.row_total[r] && m_row_left[r] != 0) {
                return;
            }
        }
        for (std::size_t c = 0; c < m_columns; ++c) {
            if (!m_s.column_total[c] && m_column_left[c] != 0) {
                return;
            }
        }
        if (!m_s.grand_total && m_total_left != 0) {
            return;
        }
        ++m_result.solutions;
        const auto note = [&](std::size_t r, std::size_t c, long long x) {
            m_result.low[r][c] = std::min(m_result.low[r][c], x);
            m_result.high[r][c] = std::max(m_result.high[r][c], x);
        };
        for (std::size_t v = 0; v < m_unknowns.size(); ++v) {
            note(m_unknowns[v].first, m_unknowns[v].second, m_values[v]);
        }
        for (std::size_t r = 0; r < m_rows; ++r) {
            note(r, m_columns, m_row_sum[r]);
        }
        for (std::size_t c = 0; c < m_columns; ++c) {
            note(m_rows, c, m_column_sum[c]);
        }
        note(m_rows, m_columns, m_total_sum);
    }

    std::size_t m_rows;
    std::size_t m_columns;
    const Suppression& m_s;
    long long m_cap = 1; // the true grand total + 1
    std::vector<std::pair<std::size_t, std::size_t>> m_unknowns;
    std::vector<bool> m_last_in_row;
    std::vector<bool> m_last_in_column;
    std::vector<long long> m_values;
    std::vector<long long> m_row_left;
    std::vector<long long> m_column_left;
    long long m_total_left = 0;
    std::vector<long long> m_row_sum;
    std::vector<long long> m_column_sum;
    long long m_total_sum = 0;
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
    // 25 21 | 46    k = 5: small are the two 1s and the row total 1. Freeing them only
    // linearly suppresses the row total 18 and leaves a cycle 1, 1, 18, 1 on which one 1 must
    // fall whenever the other rises: 21 - 19 says the two 1s make 2, and each is >= 1, so each
    // is 1 (and so are the row totals 1 and 18). A cycle that frees them must either move
    // a 1 only upwards or run through counts >= 2 that can give.
    const Table t = {{0, 1}, {8, 19}, {17, 1}};
    const Suppression s = check_protected(t, 5);
    CHECK(s.primary == 3);
    CHECK_FALSE(s.cell[0][0]);
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
