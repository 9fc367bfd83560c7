// Unit tests of the checks behind suppression: determined_cells and pinned_cells, against
// the brute force of suppress_attack.hpp.
#include "careerstat/stats/suppress.hpp"
#include "suppress_attack.hpp"

#include <doctest/doctest.h>

#include <random>
#include <vector>

using namespace careerstat::stats;
using namespace careerstat::test_suppress;

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
