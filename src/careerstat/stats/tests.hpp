// Hypothesis tests: chi-square test of independence / homogeneity for an r x c table.
#pragma once

#include <cstddef>
#include <vector>

namespace careerstat::stats {

struct ChiSquare {
    double statistic = 0;
    double df = 0;
    double p_value = 1;    // upper tail of the chi-square distribution (Boost.Math)
    double min_expected = 0; // smallest expected count, to warn when below 5
    std::size_t cells_below_5 = 0; // cells whose expected count is below 5
    double likelihood_ratio = 0;   // G^2 = 2 sum O ln(O/E), on the same df
    double likelihood_ratio_p = 1;
    double cramers_v = 0;          // sqrt(X^2 / (n (min(r, c) - 1)))
};

// Pearson chi-square on observed counts table[row][col]; rows or columns whose total is 0
// are dropped before the test. Throws std::invalid_argument for fewer than 2x2 remaining.
ChiSquare chi_square_test(const std::vector<std::vector<double>>& table);

// Fisher's exact test of a 2x2 table [[a, b], [c, d]], two-sided as R's fisher.test: the
// sum of the probabilities of every table with the same margins that is no more likely
// than the observed one (hypergeometric, Boost.Math).
double fisher_exact_2x2(double a, double b, double c, double d);

struct TTest {
    double t = 0;
    double df = 0;
    double p_value = 1; // two-sided
};
// Welch's t-test of two means from their n, mean and SD (R: t.test(var.equal = FALSE)).
TTest welch_t_test(double n1, double mean1, double sd1, double n2, double mean2, double sd2);

// mean1 - mean2 of two independent samples from each mean's standard error and number of
// cases: Welch's t, the Welch-Satterthwaite df from se^4 / (cases - 1), and the interval
// difference -+ t(level, df) * sqrt(se1^2 + se2^2). With se = sd / sqrt(n) this is R's
// t.test(x, y, var.equal = FALSE) (statistic, parameter, p.value, conf.int); with survey
// standard errors (weights, a finite population correction) the same test on them. Throws
// std::invalid_argument below 2 cases in a sample or when both standard errors are 0.
struct MeanDifference {
    double difference = 0;
    double lower = 0;
    double upper = 0;
    double t = 0;
    double df = 0;
    double p_value = 1; // two-sided
};
MeanDifference welch_mean_difference(double mean1, double se1, double cases1, double mean2,
                                     double se2, double cases2, double level);

struct ZTest {
    double z = 0;
    double p_value = 1; // two-sided
};
// Two proportions x1/n1 and x2/n2 with the pooled variance, as R's prop.test(correct =
// FALSE) (whose X-squared is z^2) and SPSS's column-proportion tests without correction.
ZTest two_proportion_z_test(double x1, double n1, double x2, double n2);

struct FTest {
    double f = 0;
    double df1 = 0;
    double df2 = 0;
    double p_value = 1;
};
// One group's summary for a comparison of means.
struct GroupSummary {
    double n = 0;
    double mean = 0;
    double sd = 0;
};
// One-way ANOVA (equal variances) and Welch's ANOVA of k >= 2 groups from their summaries,
// as R's oneway.test(var.equal = TRUE) and oneway.test().
FTest one_way_anova(const std::vector<GroupSummary>& groups);
FTest welch_anova(const std::vector<GroupSummary>& groups);

enum class Adjust { None, Bonferroni, Holm, BenjaminiHochberg };
// p-values adjusted for multiple comparisons, in the input's order, as R's p.adjust.
std::vector<double> adjust_p_values(const std::vector<double>& p, Adjust method);

} // namespace careerstat::stats
