// Tables of scale reliability (careerstat scale) and driver analysis (careerstat drivers),
// from the co-moments one pass kept, with the stats layer's reliability and regression.
#pragma once

#include "careerstat/data/comoments.hpp"
#include "careerstat/table/builders.hpp"

#include <Eigen/Dense>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace careerstat::table {

struct ScaleOptions {
    bool pairwise = false; // psych::alpha's default; listwise (SPSS) otherwise
};

struct ScaleResult {
    std::vector<Table> tables; // scale.<name>, scale.<name>.items
    // "check item coding" warnings: items that correlate negatively with the rest.
    std::vector<std::string> warnings;
};

// `score`: the scale's derived variable (codebook/scale_scores.hpp); `moments`: over its
// items in codebook order, pairwise when options.pairwise. Throws DataError when fewer
// than two cases answered every item, or an item has no variance.
ScaleResult scale_tables(const codebook::Codebook& cb, const codebook::Variable& score,
                         const data::CoMoments& moments, const BuildOptions& build,
                         const ScaleOptions& options);

struct DriverOptions {
    std::size_t bootstrap = 1000; // resamples for the relative weights' intervals; 0: none
    std::uint64_t seed = 20151124;
};

// Whether a variable can be a driver analysis's outcome or predictor: a number (Likert
// item, grade, NPS, numeric answer or scale score). The one list the CLI and the report use.
bool is_driver_variable(const codebook::Variable& v);

// The strongest driver, for a finding: its label, Pearson r and share of R-squared.
struct TopDriver {
    std::string label;
    std::string outcome_label;
    double r = 0;
    double pct = 0;
    double r2 = 0;
    double n = 0;
};

struct DriverResult {
    std::vector<Table> tables; // drivers.<outcome>
    std::optional<TopDriver> top;
};

// `moments`: the outcome first, then the predictors, listwise, with ranks, and with the
// cases kept when options.bootstrap > 0. Throws DataError when the predictors are
// collinear or there are too few cases.
DriverResult driver_tables(const codebook::Codebook& cb, const data::CoMoments& moments,
                           const BuildOptions& build, const DriverOptions& options);

// The notes every scale and driver table shares: weights and filters as every table says
// them, but no finite population correction, which these statistics do not apply (a
// report's `invited` sets it for its other tables).
std::vector<std::string> moment_footnotes(const BuildOptions& build);

// The covariance matrix of the co-moments, listwise or pairwise (R: cov(use = ...)).
Eigen::MatrixXd covariance(const data::CoMoments& m, bool pairwise);

} // namespace careerstat::table
