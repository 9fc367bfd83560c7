// Reliability of a scale from its items' covariance matrix: Cronbach's alpha raw and
// standardised with the Feldt and Duhachek intervals, Guttman's lambda 6, the average
// inter-item correlation, McDonald's omega total of one factor, and per item the corrected
// item-total correlation and alpha if the item is dropped, as psych::alpha and psych::omega
// (R) compute them. Formulas and sources: docs/scales.md.
#pragma once

#include <Eigen/Dense>

#include <cstddef>
#include <optional>
#include <vector>

namespace careerstat::stats {

struct ItemReliability {
    double r_drop = 0;  // correlation of the item with the sum of the others (psych r.drop)
    double r_total = 0; // standardised item-total correlation (psych std.r)
    // Of the scale without this item (psych alpha.drop); empty with two items.
    std::optional<double> alpha_drop;
    std::optional<double> std_alpha_drop;
    std::optional<double> average_r_drop;
};

struct Reliability {
    std::size_t k = 0;
    double n = 0;         // cases for the intervals
    double alpha = 0;     // raw: k/(k-1) (1 - tr C / sum C)
    double std_alpha = 0; // from the correlations: k r / (1 + (k-1) r)
    double average_r = 0; // mean off-diagonal correlation
    double average_cov = 0;
    std::optional<double> g6; // Guttman's lambda 6 from squared multiple correlations
    double feldt_low = 0, feldt_high = 0;       // Feldt, Woodruff & Salih (1987)
    double ase = 0;                              // Duhachek & Iacobucci (2004)
    double duhachek_low = 0, duhachek_high = 0;
    std::optional<double> omega_total; // one-factor minres (psych::omega, nfactors = 1)
    std::vector<double> loadings;      // of that factor; empty when it failed
    std::vector<ItemReliability> items;
};

// `cov`: the items' covariance matrix (reversed items already recoded), k >= 2, every
// variance positive. `n`: the number of cases (listwise, or every row for pairwise as
// psych::alpha counts them). `level`: of the intervals.
Reliability reliability(const Eigen::MatrixXd& cov, double n, double level);

// Squared multiple correlations 1 - 1/diag(R^-1); empty when R is singular.
std::optional<Eigen::VectorXd> squared_multiple_correlations(const Eigen::MatrixXd& r);

// The loadings of one factor fitted by minimum residuals (unweighted least squares) to the
// correlation matrix r, by iterated principal axes from the squared multiple correlations,
// communalities kept at most 0.995 as psych's fa keeps uniquenesses at least 0.005. Empty
// when it does not converge.
std::optional<Eigen::VectorXd> one_factor_minres(const Eigen::MatrixXd& r);

// A covariance matrix scaled to correlations (R's cov2cor).
Eigen::MatrixXd cov_to_cor(const Eigen::MatrixXd& cov);

} // namespace careerstat::stats
