// Unit tests of small-cell suppression (stats/suppress.hpp). The expectations are worked by
// hand (in the comments) or come from an independent brute force: every table of whole
// numbers that agrees with the published values and in which every suppressed value is at
// least 1 (zeros are published, so a reader knows that), enumerated directly.
#include "careerstat/stats/suppress.hpp"
#include "suppress_attack.hpp"

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

using namespace careerstat::test_suppress;

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

