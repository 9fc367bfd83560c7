// Driver analysis from a correlation matrix: Pearson and Spearman correlations with
// Fisher-z intervals, standardised regression coefficients as lm() on scaled variables
// gives them, and Johnson's (2000) relative weights, with a percentile bootstrap.
// Formulas and sources: docs/scales.md.
#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace careerstat::stats {

struct Correlation {
    double r = 0;
    double low = 0;
    double high = 0;
    double p_value = 1; // Pearson: cor.test's t on n - 2 df
};

// Pearson's r with cor.test's interval: tanh(atanh r -/+ z / sqrt(n - 3)).
Correlation pearson_correlation(double r, double n, double level);
// Spearman's rho with the Fisher-z interval of Bonett & Wright (2000): the variance of
// atanh(rho) is (1 + rho^2 / 2) / (n - 3).
Correlation spearman_interval(double rho, double n, double level);

// Weighted joint values of two variables: {x, y, weight}.
struct JointValue {
    double x = 0;
    double y = 0;
    double w = 0;
};
// Spearman's rho as the (weighted) Pearson correlation of mid-ranks, ties sharing their
// average rank (R: cor(x, y, method = "spearman")).
double spearman_from_joint(const std::vector<JointValue>& joint);

struct Regression {
    std::vector<double> beta; // standardised coefficients, one per predictor
    std::vector<double> se;
    std::vector<double> low;
    std::vector<double> high;
    std::vector<double> p_value;
    double r2 = 0;
    double adj_r2 = 0;
    double df = 0; // n - p - 1
};

// R: the correlation matrix with the outcome first, then the p predictors. n: the cases.
// Empty when the predictors' correlation matrix is singular (a predictor is a linear
// combination of the others) or n <= p + 1.
std::optional<Regression> standardized_regression(const Eigen::MatrixXd& r, double n,
                                                  double level);

struct RelativeWeights {
    std::vector<double> raw; // sum to R-squared
    std::vector<double> pct; // raw / R-squared x 100
    double r2 = 0;
};
// Johnson's (2000) relative weights, from the same matrix; empty when singular.
std::optional<RelativeWeights> relative_weights(const Eigen::MatrixXd& r);

// Uniform indexes for resampling: std::mt19937_64 (its output is fixed by the standard) and
// a rejection-sampled modulo instead of std::uniform_int_distribution (whose algorithm each standard
// library chooses), so a seed gives the same resamples on every platform.
class Resampler {
  public:
    explicit Resampler(std::uint64_t seed) : m_engine(seed) {}
    std::size_t index(std::size_t n);

  private:
    std::mt19937_64 m_engine;
};

struct BootstrapIntervals {
    std::vector<double> raw_low, raw_high; // per predictor
    std::vector<double> pct_low, pct_high;
    std::size_t replicates = 0; // that gave weights (a singular resample is skipped)
};

// Percentile intervals (R's quantile type 7) of the relative weights over `replicates`
// resamples of the cases. `cases`: row by row, the outcome, the p predictors, the weight.
BootstrapIntervals bootstrap_relative_weights(const std::vector<double>& cases, std::size_t p,
                                              std::size_t replicates, double level,
                                              std::uint64_t seed);

// R's quantile(x, prob, type = 7) of sorted values.
double quantile_type7(const std::vector<double>& sorted, double prob);

} // namespace careerstat::stats
