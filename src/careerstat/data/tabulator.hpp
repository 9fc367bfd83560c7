// The marginal counts the pass feeds: per code, per option, and exact value distributions.
// Memory grows with codes x questions, never with rows (DESIGN.md, "Why one pass").
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/stats/mean_ci.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::data {

// Weighted counts of one variable. With no weights every weight is 1.
struct VariableCounts {
    std::vector<double> valid;   // summed weight per choice (categorical) -- empty for numeric
    // Per choice, in weighted runs only: squared weights and the first and last case's
    // weight, for design-based intervals and survey's quantile rule (see w2_of()).
    std::vector<stats::WeightSums> valid_sums;
    std::vector<double> missing; // per missing code
    double blank = 0;
    stats::WeightedValues values; // valid numbers of numeric variables (see value_counts())
    // Unweighted runs count whole numbers 0..k_small-1 here rather than in `values`: a map
    // lookup per cell was the tabulator's largest cost on a million rows.
    static constexpr int k_small = 256;
    std::vector<double> small;
    double valid_w = 0;        // sum of weights of valid answers
    double valid_w2 = 0;       // sum of squared weights
    double valid_cases = 0;    // unweighted count of valid answers
    bool weighted = false;

    // Summed squared weight of choice i (its count when unweighted).
    double w2_of(std::size_t i) const { return weighted ? valid_sums[i].w2 : valid[i]; }
};

// A multi-select question: option columns, or one column holding several answers.
struct MultiCounts {
    std::vector<double> selected;    // per option
    std::vector<double> selected_w2; // per option: summed squared weights
    double base = 0;              // respondents with at least one option selected
    double base_w2 = 0;
    double base_cases = 0;
    double mentions = 0;
    double missing = 0;           // explicit missing codes in every option
};

// The valid answers as value -> cases: for numeric variables as counted, for categorical
// ones from the counts per code and the codes' numeric values.
stats::WeightedValues value_counts(const codebook::Variable& v, const VariableCounts& c);

// The marginal counts of a run's questions: an accumulator of the pass (data/pass.hpp).
class Tabulator final : public Accumulator {
  public:
    // `weighted`: the pass applies a weight, so per-code squared weights are kept too.
    Tabulator(const codebook::Codebook& codebook, std::vector<codebook::Question> questions,
              bool weighted);

    std::vector<std::size_t> variables() const override;
    void add(const Case& c) override;

    const std::vector<codebook::Question>& questions() const { return m_questions; }
    const VariableCounts& counts(std::size_t variable) const { return m_vars[variable]; }
    // For Question::Kind::Multi questions, by position in questions().
    const MultiCounts& multi(std::size_t question) const { return m_multi[question]; }
    double respondents() const { return m_total_w; } // weighted, after --where
    double respondent_cases() const { return m_total_cases; }
    double respondents_w2() const { return m_total_w2; }

  private:
    const codebook::Codebook& m_cb;
    std::vector<codebook::Question> m_questions;
    bool m_weighted;
    std::vector<VariableCounts> m_vars;
    std::vector<MultiCounts> m_multi;
    std::vector<std::size_t> m_multi_questions; // positions of multi-select questions
    std::vector<std::size_t> m_counted;         // variables counted on their own
    double m_total_w = 0;
    double m_total_w2 = 0;
    double m_total_cases = 0;
};

} // namespace careerstat::data
