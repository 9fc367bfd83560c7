// Weighted co-moments of a few numeric variables (scale items, a driver analysis's outcome
// and predictors), accumulated in the single pass: the sums reliability, scale scores and
// regression need, never rows (DESIGN.md, CoMoments). Listwise always; pairwise, the joint
// value tables Spearman's rank correlation needs, and the listwise cases a bootstrap
// resamples, when asked.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/data/pass.hpp"

#include <cstddef>
#include <unordered_map>
#include <vector>

namespace careerstat::data {

// Sums of one set of cases, by West's (1979) weighted update: the sum of weights and of
// squared weights, the count, the weighted means and the co-moments
// C[i][j] = sum w (x_i - mean_i)(x_j - mean_j).
struct MomentSums {
    double w = 0;
    double w2 = 0;
    double n = 0;
    std::vector<double> mean;
    std::vector<double> c; // k x k, row-major
    // The covariance as R's cov (and cov.wt with its default unbiased method): C divided by
    // n - 1, or by W - sum(w^2)/W with weights.
    double divisor() const { return w - (w > 0 ? w2 / w : 0); }
    // The n intervals use: the cases, or with weights Kish's effective number (Σw)²/Σw².
    double effective_n(bool weighted) const { return weighted && w2 > 0 ? w * w / w2 : n; }
};

// One pair's sums over the cases that answered both (pairwise): as MomentSums with k = 2.
struct PairSums {
    double w = 0;
    double w2 = 0;
    double n = 0;
    double mean[2] = {0, 0};
    double c[3] = {0, 0, 0}; // C00, C01, C11
    double divisor() const { return w - (w > 0 ? w2 / w : 0); } // as MomentSums'
};

struct CoMomentsOptions {
    bool pairwise = false;
    bool ranks = false;      // joint values of variable 0 with each other, listwise
    bool keep_cases = false; // the listwise cases' values and weights (for a bootstrap)
};

class CoMoments : public Accumulator {
  public:
    // `vars`: codebook indexes of numeric variables (Likert items, grades, NPS, numbers, scale
    // scores). A valid Likert answer counts as its choice value, reversed items recoded.
    CoMoments(const codebook::Codebook& cb, std::vector<std::size_t> vars,
              CoMomentsOptions options = {});

    std::vector<std::size_t> variables() const override { return m_vars; }
    void add(const Case& c) override;

    std::size_t size() const { return m_vars.size(); }
    const std::vector<std::size_t>& vars() const { return m_vars; }
    // Every case that answered all variables.
    const MomentSums& listwise() const { return m_listwise; }
    // Variable i alone, over every case that answered it (the pairwise diagonal; kept only
    // with options.pairwise).
    const MomentSums& single(std::size_t i) const { return m_single[i]; }
    // Variables i < j, over every case that answered both.
    const PairSums& pair(std::size_t i, std::size_t j) const;
    // Cases seen (after --where), whether or not they answered.
    double cases() const { return m_cases; }

    // Listwise joint weights of (variable 0, variable j) per pair of values, j >= 1.
    struct PairHash {
        std::size_t operator()(const std::pair<double, double>& p) const noexcept;
    };
    using Joint = std::unordered_map<std::pair<double, double>, double, PairHash>;
    const Joint& joint(std::size_t j) const { return m_joint[j]; }

    // The listwise cases, row by row: size() values then the weight.
    const std::vector<double>& cases_kept() const { return m_kept; }

  private:
    const codebook::Codebook& m_cb;
    std::vector<std::size_t> m_vars;
    CoMomentsOptions m_options;
    std::vector<codebook::ItemScoring> m_scoring;
    MomentSums m_listwise;
    std::vector<MomentSums> m_single;
    std::vector<PairSums> m_pairs; // upper triangle, row-major
    std::vector<Joint> m_joint;
    std::vector<double> m_kept;
    std::vector<double> m_x;    // this case's values
    std::vector<char> m_valid;  // this case's answered flags
    std::vector<double> m_d;    // scratch: deviations from the old means
    double m_cases = 0;
};

// Adds a case with values x and weight w to s (West 1979): the one update every set uses.
void add_to(MomentSums& s, const double* x, double w, std::vector<double>& scratch);

} // namespace careerstat::data
