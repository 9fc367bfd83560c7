// Unit tests of Fisher's exact test for r x c tables (stats/fisher.hpp), each value computed
// by R 4.2 with the call named beside it (options(digits = 15)). matrix(..., byrow = TRUE)
// lists the rows as they are written here.
#include "careerstat/stats/fisher.hpp"
#include "careerstat/stats/tests.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

using namespace careerstat::stats;
using doctest::Approx;

namespace {

using Counts = std::vector<std::vector<double>>;

const Counts k_2x3 = {{3, 1, 4}, {0, 5, 2}};
const Counts k_3x3 = {{2, 0, 3}, {1, 4, 1}, {3, 1, 0}};
// n = 290 and n = 293: far too many tables to enumerate (R's exact fisher.test did not
// finish in 15 minutes with workspace = 2e8).
const Counts k_4x5 = {
    {18, 12, 15, 10, 20}, {14, 16, 12, 18, 15}, {9, 17, 14, 20, 11}, {20, 13, 10, 12, 14}};
const Counts k_4x5_associated = {
    {22, 12, 15, 8, 20}, {14, 16, 12, 18, 15}, {6, 17, 14, 24, 11}, {20, 13, 10, 12, 14}};

// The Monte Carlo estimate lies within 4 standard errors sqrt(p(1-p)/B) of p.
void check_within_4_se(const FisherTest& f, double p) {
    const double se = std::sqrt(p * (1 - p) / static_cast<double>(f.replicates));
    CAPTURE(p);
    CAPTURE(se);
    CHECK(std::fabs(f.p_value - p) < 4 * se);
}

} // namespace

TEST_CASE("stats::fisher_exact_test exact r x c") {
    SUBCASE("2x3") {
        // R: fisher.test(matrix(c(3, 1, 4, 0, 5, 2), nrow = 2, byrow = TRUE))$p.value
        const FisherTest f = fisher_exact_test(k_2x3);
        CHECK(f.exact);
        CHECK(f.p_value == Approx(0.0410256410256411).epsilon(1e-6));
        CHECK(f.replicates == 0);
        CHECK(f.seed == 0);
        // R, counting the tables by brute force over the free cells x11 and x12:
        //   r <- c(8, 7); cc <- c(3, 6, 6); g <- expand.grid(a = 0:3, b = 0:6)
        //   sum(r[1] - g$a - g$b >= 0 & r[1] - g$a - g$b <= cc[3])   # 24
        CHECK(f.tables == 24);
    }
    SUBCASE("3x3") {
        // R: fisher.test(matrix(c(2, 0, 3, 1, 4, 1, 3, 1, 0), nrow = 3, byrow = TRUE))$p.value
        const FisherTest f = fisher_exact_test(k_3x3);
        CHECK(f.exact);
        CHECK(f.p_value == Approx(0.0848833705976563).epsilon(1e-6));
    }
    SUBCASE("3x4") {
        // R: fisher.test(matrix(c(1, 2, 0, 3, 2, 0, 3, 1, 0, 3, 1, 2), nrow = 3,
        //    byrow = TRUE))$p.value
        const FisherTest f = fisher_exact_test({{1, 2, 0, 3}, {2, 0, 3, 1}, {0, 3, 1, 2}});
        CHECK(f.exact);
        CHECK(f.p_value == Approx(0.189675870348137).epsilon(1e-6));
    }
    SUBCASE("4x4") {
        // R: fisher.test(matrix(c(3,0,1,2, 0,4,1,0, 1,1,3,2, 2,0,0,4), nrow = 4,
        //    byrow = TRUE))$p.value
        const FisherTest f =
            fisher_exact_test({{3, 0, 1, 2}, {0, 4, 1, 0}, {1, 1, 3, 2}, {2, 0, 0, 4}});
        CHECK(f.exact);
        CHECK(f.p_value == Approx(0.020581270807656).epsilon(1e-6));
    }
    SUBCASE("empty rows and columns are dropped, as R does") {
        // The 2x3 table above with an empty row and an empty column added.
        const FisherTest f = fisher_exact_test({{3, 0, 1, 4}, {0, 0, 0, 0}, {0, 0, 5, 2}});
        CHECK(f.exact);
        CHECK(f.p_value == Approx(0.0410256410256411).epsilon(1e-6));
        CHECK(f.tables == 24);
    }
    SUBCASE("counts within rounding of a whole number are accepted") {
        const FisherTest f = fisher_exact_test({{3.00000001, 1, 4}, {0, 4.99999999, 2}});
        CHECK(f.p_value == Approx(0.0410256410256411).epsilon(1e-6));
    }
}

TEST_CASE("stats::fisher_exact_test 2x2 agrees with fisher_exact_2x2") {
    // The 2x2 values are R's, see test_stats_comparisons.cpp:
    // fisher.test(matrix(c(3, 1, 1, 3), 2)), (c(10, 2, 3, 15), 2), (c(0, 5, 7, 2), 2).
    const double r_p[] = {0.485714285714286, 0.000536724119143437, 0.020979020979021};
    const Counts tables[] = {{{3, 1}, {1, 3}}, {{10, 3}, {2, 15}}, {{0, 7}, {5, 2}}};
    for (std::size_t i = 0; i < 3; ++i) {
        const Counts& t = tables[i];
        const FisherTest f = fisher_exact_test(t);
        CHECK(f.exact);
        CHECK(f.p_value ==
              Approx(fisher_exact_2x2(t[0][0], t[0][1], t[1][0], t[1][1])).epsilon(1e-10));
        CHECK(f.p_value == Approx(r_p[i]).epsilon(1e-10));
    }
}

TEST_CASE("stats::fisher_exact_test Monte Carlo") {
    SUBCASE("4x5, n = 290") {
        // R: set.seed(1); fisher.test(t, simulate.p.value = TRUE, B = 2e6)$p.value with
        // t <- matrix(c(18,12,15,10,20, 14,16,12,18,15, 9,17,14,20,11, 20,13,10,12,14),
        // nrow = 4, byrow = TRUE): 0.299374850312575 (its own SE is 0.0003).
        const FisherTest f = fisher_exact_test(k_4x5, 10000, 20151124);
        CHECK_FALSE(f.exact);
        CHECK(f.replicates == 10000);
        CHECK(f.seed == 20151124);
        CHECK(f.tables == 0);
        check_within_4_se(f, 0.299374850312575);
    }
    SUBCASE("4x5 with an association, n = 293") {
        // R: as above with t <- matrix(c(22,12,15,8,20, 14,16,12,18,15, 6,17,14,24,11,
        // 20,13,10,12,14), nrow = 4, byrow = TRUE): 0.0141444929277535 (SE 0.00008).
        const FisherTest f = fisher_exact_test(k_4x5_associated, 20000, 7);
        CHECK_FALSE(f.exact);
        check_within_4_se(f, 0.0141444929277535);
    }
    SUBCASE("a small table forced to Monte Carlo agrees with its exact p") {
        // R: fisher.test(matrix(c(2, 0, 3, 1, 4, 1, 3, 1, 0), nrow = 3, byrow = TRUE))$p.value
        const FisherTest f = fisher_exact_test(k_3x3, 20000, 11, 0);
        CHECK_FALSE(f.exact);
        check_within_4_se(f, 0.0848833705976563);
    }
    SUBCASE("max_tables is the largest number of tables enumerated") {
        CHECK(fisher_exact_test(k_2x3, 100, 1, 24).exact); // the 2x3 table has 24
        CHECK_FALSE(fisher_exact_test(k_2x3, 100, 1, 23).exact);
    }
    SUBCASE("the same seed gives the same p") {
        const FisherTest a = fisher_exact_test(k_4x5, 2000, 42);
        const FisherTest b = fisher_exact_test(k_4x5, 2000, 42);
        CHECK(a.p_value == b.p_value);
        // p = (1 + k) / (B + 1) for a whole k.
        const double k = a.p_value * 2001 - 1;
        CHECK(k == Approx(std::round(k)));
    }
    SUBCASE("a table with every simulated table as likely: p = 1") {
        // Margins all 1: every table is a permutation matrix with the same probability, so R
        // gives (1 + B)/(B + 1) = 1: fisher.test(diag(4), simulate.p.value = TRUE)$p.value
        const FisherTest f =
            fisher_exact_test({{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, 500, 3, 0);
        CHECK(f.p_value == 1);
    }
}

TEST_CASE("stats::fisher_exact_test input validation") {
    CHECK_THROWS_WITH(fisher_exact_test({{1, 2}, {3, -1}}),
                      "Fisher's exact test: counts must be whole numbers >= 0, got -1 in row 2, "
                      "column 2");
    CHECK_THROWS_WITH(fisher_exact_test({{1.5, 2}, {3, 1}}),
                      "Fisher's exact test: counts must be whole numbers >= 0, got 1.5 in row 1, "
                      "column 1");
    CHECK_THROWS_AS(fisher_exact_test({{std::nan(""), 2}, {3, 1}}), std::invalid_argument);
    CHECK_THROWS_WITH(fisher_exact_test({{1, 2}, {3}}),
                      "Fisher's exact test: rows of different lengths");
    CHECK_THROWS_WITH(fisher_exact_test({}), "Fisher's exact test: the table is empty");
    CHECK_THROWS_WITH(fisher_exact_test({{1, 2, 3}, {0, 0, 0}}),
                      "Fisher's exact test: needs at least 2 non-empty rows and 2 non-empty "
                      "columns, got 1 x 3");
    CHECK_THROWS_WITH(fisher_exact_test({{0, 4}, {0, 3}}),
                      "Fisher's exact test: needs at least 2 non-empty rows and 2 non-empty "
                      "columns, got 2 x 1");
    CHECK_THROWS_WITH(fisher_exact_test(k_2x3, 0),
                      "Fisher's exact test: replicates must be at least 1");
}
