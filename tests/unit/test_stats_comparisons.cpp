// Unit tests of the comparison statistics (stats/tests.hpp), each value computed by R
// 4.2 with the call named beside it (options(digits = 15)).
#include "careerstat/stats/tests.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace careerstat::stats;
using doctest::Approx;

TEST_CASE("stats::chi_square_test likelihood ratio and Cramer's V") {
    // R: t <- matrix(c(12, 5, 3, 9, 7, 14), nrow = 2); x <- chisq.test(t, correct = FALSE)
    const ChiSquare r = chi_square_test({{12, 3, 7}, {5, 9, 14}});
    CHECK(r.statistic == Approx(7.6052011713776411).epsilon(1e-12));
    CHECK(r.df == 2);
    CHECK(r.p_value == Approx(0.0223126703287742).epsilon(1e-10));
    // R: G2 <- 2 * sum(t * log(t / x$expected)); pchisq(G2, 2, lower.tail = FALSE)
    CHECK(r.likelihood_ratio == Approx(7.7662265073454133).epsilon(1e-12));
    CHECK(r.likelihood_ratio_p == Approx(0.0205866338980929).epsilon(1e-10));
    // R: sqrt(x$statistic / (sum(t) * (min(dim(t)) - 1)))
    CHECK(r.cramers_v == Approx(0.390005158206341).epsilon(1e-12));
    // R: sum(x$expected < 5); min(x$expected)
    CHECK(r.cells_below_5 == 0);
    CHECK(r.min_expected == Approx(5.28));
}

TEST_CASE("stats::fisher_exact_2x2") {
    // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value (Fisher's tea tasting)
    CHECK(fisher_exact_2x2(3, 1, 1, 3) == Approx(0.485714285714286).epsilon(1e-12));
    // R: fisher.test(matrix(c(10, 2, 3, 15), 2))$p.value; matrix() fills by column, so the
    // table is [[10, 3], [2, 15]]
    CHECK(fisher_exact_2x2(10, 3, 2, 15) == Approx(0.000536724119143437).epsilon(1e-10));
    // R: fisher.test(matrix(c(0, 5, 7, 2), 2))$p.value: [[0, 7], [5, 2]]
    CHECK(fisher_exact_2x2(0, 7, 5, 2) == Approx(0.020979020979021).epsilon(1e-10));
    CHECK(fisher_exact_2x2(0, 0, 0, 0) == 1);
    CHECK_THROWS_AS(fisher_exact_2x2(1.5, 1, 1, 1), std::invalid_argument);
}

TEST_CASE("stats::welch_t_test") {
    // R: a <- c(4,5,3,4,5,4,2,5); b <- c(3,2,4,2,3,1,2); t.test(a, b, var.equal = FALSE),
    // from their n, mean(a) 4, sd(a) 1.069044967649698, mean(b) 2.428571428571428,
    // sd(b) 0.975900072948533
    const TTest t = welch_t_test(8, 4.0, 1.069044967649698, 7, 2.428571428571428, 0.975900072948533);
    CHECK(t.t == Approx(2.9755097944025275).epsilon(1e-10));
    CHECK(t.df == Approx(12.9640102827763464).epsilon(1e-10));
    CHECK(t.p_value == Approx(0.0107604063707347).epsilon(1e-8));
    CHECK_THROWS_AS(welch_t_test(1, 1, 0, 5, 2, 1), std::invalid_argument);
}

TEST_CASE("stats::two_proportion_z_test") {
    // R: prop.test(c(30, 18), c(50, 45), correct = FALSE): X-squared 3.7898936170212765 (z^2),
    // p 0.0515629255642334
    const ZTest z = two_proportion_z_test(30, 50, 18, 45);
    CHECK(z.z * z.z == Approx(3.7898936170212765).epsilon(1e-12));
    CHECK(z.z > 0);
    CHECK(z.p_value == Approx(0.0515629255642334).epsilon(1e-10));
    CHECK(two_proportion_z_test(0, 10, 0, 12).p_value == 1);
}

TEST_CASE("stats::adjust_p_values") {
    const std::vector<double> p = {0.01, 0.04, 0.03, 0.005};
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "bonferroni" / "holm" / "BH")
    const auto bonf = adjust_p_values(p, Adjust::Bonferroni);
    const auto holm = adjust_p_values(p, Adjust::Holm);
    const auto bh = adjust_p_values(p, Adjust::BenjaminiHochberg);
    const std::vector<double> r_bonf = {0.04, 0.16, 0.12, 0.02};
    const std::vector<double> r_holm = {0.03, 0.06, 0.06, 0.02};
    const std::vector<double> r_bh = {0.02, 0.04, 0.04, 0.02};
    for (std::size_t i = 0; i < p.size(); ++i) {
        CHECK(bonf[i] == Approx(r_bonf[i]));
        CHECK(holm[i] == Approx(r_holm[i]));
        CHECK(bh[i] == Approx(r_bh[i]));
    }
    CHECK(adjust_p_values(p, Adjust::None) == p);
}

TEST_CASE("stats::one_way_anova and welch_anova") {
    // R: y <- c(4,5,3,4,5,4,2,5, 3,2,4,2,3,1,2, 5,5,4,5,3,4); g <- rep(c("a","b","c"), c(8,7,6));
    // oneway.test(y ~ g, var.equal = TRUE) and oneway.test(y ~ g), from the groups' n,
    // mean and sd (tapply(y, g, mean), tapply(y, g, sd))
    const std::vector<GroupSummary> groups = {{8, 4.0, 1.069044967649698},
                                              {7, 2.42857142857143, 0.975900072948533},
                                              {6, 4.33333333333333, 0.816496580927726}};
    const FTest a = one_way_anova(groups);
    CHECK(a.f == Approx(7.44134078212290451).epsilon(1e-10));
    CHECK(a.df1 == 2);
    CHECK(a.df2 == 18);
    CHECK(a.p_value == Approx(0.00441313796659751).epsilon(1e-8));
    const FTest w = welch_anova(groups);
    CHECK(w.f == Approx(7.58517813290116649).epsilon(1e-10));
    CHECK(w.df2 == Approx(11.91351632289466345).epsilon(1e-10));
    CHECK(w.p_value == Approx(0.00750582291336034).epsilon(1e-8));
    CHECK_THROWS_AS(one_way_anova({{8, 4, 1}}), std::invalid_argument);
}
