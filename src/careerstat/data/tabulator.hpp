// One streaming pass over an export's records feeding every accumulator a run needs:
// counts per code, per option, and exact value distributions. Memory grows with codes x
// questions, never with rows (DESIGN.md, "Why one pass").
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"
#include "careerstat/data/filter.hpp"
#include "careerstat/stats/mean_ci.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::io {
class RecordReader;
}

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

struct TabulateOptions {
    std::optional<std::size_t> weight; // codebook index of the weight variable
    std::vector<Condition> where;
    bool decimal_comma = false;
};

class Tabulator {
  public:
    Tabulator(const codebook::Codebook& codebook, std::vector<codebook::Question> questions,
              TabulateOptions options);

    // Reads every record of `reader`, checks columns and field counts; throws DataError
    // naming file, line and column for a ragged row or a value not in the codebook.
    void run(io::RecordReader& reader);

    // The same in two steps, for a caller that feeds several consumers from one pass:
    // bind() finds the needed columns in the header (DataError when one is missing);
    // add() counts one record whose field count the caller has checked.
    void bind(const std::vector<std::string>& header, const std::string& source,
              long header_line);
    void add(std::span<const std::string_view> fields, long line);

    const std::vector<codebook::Question>& questions() const { return m_questions; }
    const VariableCounts& counts(std::size_t variable) const { return m_vars[variable]; }
    // For Question::Kind::Multi questions, by position in questions().
    const MultiCounts& multi(std::size_t question) const { return m_multi[question]; }
    double respondents() const { return m_total_w; } // weighted, after --where
    double respondent_cases() const { return m_total_cases; }
    double respondents_w2() const { return m_total_w2; }
    double rows_read() const { return m_rows; }

  private:
    struct Binding {
        std::size_t variable;
        std::size_t column;
    };

    [[noreturn, gnu::cold]] void invalid(std::size_t variable, std::string_view cell,
                                         long line) const;

    const codebook::Codebook& m_cb;
    std::vector<codebook::Question> m_questions;
    TabulateOptions m_options;
    std::vector<Coder> m_coders; // one per codebook variable
    std::vector<VariableCounts> m_vars;
    std::vector<MultiCounts> m_multi;
    std::vector<std::size_t> m_multi_questions; // positions of multi-select questions
    std::vector<bool> m_needed;
    std::vector<Binding> m_bindings;
    std::vector<std::optional<std::size_t>> m_column; // per codebook variable
    std::vector<Coded> m_coded;                        // per codebook variable, this row
    std::string m_source;
    double m_total_w = 0;
    double m_total_w2 = 0;
    double m_total_cases = 0;
    double m_rows = 0;
};

} // namespace careerstat::data
