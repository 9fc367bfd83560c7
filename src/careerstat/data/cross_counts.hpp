// Joint counts of questions by banner variables, the accumulator behind banner tables
// (`crosstab`, `freq --by`, the report's breakdowns): per question row and banner column
// the summed weight, squared weight and cases; per column the base; for numbers and Likert
// items the weighted moments. Memory grows with rows x columns, never with respondents.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/pass.hpp"

#include <limits>
#include <string>
#include <vector>

namespace careerstat::data {

// A variable whose categories become the columns of a banner table.
struct Banner {
    enum class Kind {
        Choice,  // a single-choice or Likert variable: one column per choice
        Options, // a multi-select of option columns: one column per option (overlapping)
        Mask,    // a one-column multi-select: one column per option (overlapping)
        Bands,   // a numeric variable cut into bands: one column per band
    };
    struct Band {
        double low = -std::numeric_limits<double>::infinity(); // inclusive
        double high = std::numeric_limits<double>::infinity(); // inclusive
        std::string label;                                     // "18-29", "65-"
    };
    Kind kind = Kind::Choice;
    std::string name;  // the variable or group, as the user named it
    std::string label; // the question, for the column group's header
    std::vector<std::size_t> variables; // codebook variables (option columns for Options)
    std::vector<std::string> categories; // column labels, in order
    std::vector<Band> bands;              // Bands only
    // Whether a respondent can fall in several columns (multi-select banners).
    bool overlapping() const { return kind == Kind::Options || kind == Kind::Mask; }
};

// Builds a banner from `--by NAME` or `--by NAME:18-29,30-44,45-` (bands of a numeric
// variable). Throws UsageError for an unknown name, a free-text or id variable, bands on a
// categorical variable, or bands that do not parse or overlap.
Banner make_banner(const codebook::Codebook& codebook, const std::string& spec,
                   bool decimal_comma);

// Summed weights of one cell.
struct CellSums {
    double w = 0;
    double w2 = 0;
    double n = 0; // cases, unweighted
    void add(double weight) {
        w += weight;
        w2 += weight * weight;
        n += 1;
    }
};

// Weighted mean and sum of squared deviations, updated one case at a time (West 1979), so
// that large values lose no precision as sums of squares would.
struct Moments {
    double n = 0;  // cases
    double w = 0;  // summed weight
    double w2 = 0; // summed squared weight
    double mean = 0;
    double m2 = 0; // sum of w (x - mean)^2
    void add(double x, double weight) {
        n += 1;
        w += weight;
        w2 += weight * weight;
        const double delta = x - mean;
        mean += delta * weight / w;
        m2 += weight * delta * (x - mean);
    }
};

// One block of a banner table: a categorical variable's choices, a multi-select's options,
// or a number's moments, against every column.
struct CrossBlock {
    enum class Kind { Choices, Options, Numbers };
    Kind kind = Kind::Choices;
    std::size_t question = 0;  // index into the questions given to CrossCounts
    std::size_t variable = 0;  // the codebook variable (first option column for Options)
    std::size_t rows = 0;      // choices or options; 0 for Numbers
    std::vector<CellSums> cells; // rows x columns, row-major
    std::vector<CellSums> base;  // per column: respondents with a valid answer
    std::vector<Moments> moments; // per column (Numbers, and Likert items' values)
    const CellSums& cell(std::size_t row, std::size_t column) const {
        return cells[row * base.size() + column];
    }
};

class CrossCounts final : public Accumulator {
  public:
    // Column 0 is the total; then each banner's categories in order. Throws UsageError for a
    // banner given twice or a question that is one of the banners (its own diagonal).
    CrossCounts(const codebook::Codebook& codebook, std::vector<codebook::Question> questions,
                std::vector<Banner> banners);

    std::vector<std::size_t> variables() const override;
    void add(const Case& c) override;

    const std::vector<codebook::Question>& questions() const { return m_questions; }
    const std::vector<Banner>& banners() const { return m_banners; }
    const std::vector<CrossBlock>& blocks() const { return m_blocks; }
    std::size_t columns() const { return m_columns; }
    // The first column of banner b.
    std::size_t first_column(std::size_t banner) const { return m_first[banner]; }
    // Respondents per column (whatever they answered), weighted and not.
    const std::vector<CellSums>& respondents() const { return m_respondents; }
    // Per banner: respondents in no column of it (no valid answer, no option chosen, or a
    // number outside every band), who count in Total only.
    const std::vector<CellSums>& outside() const { return m_outside; }

  private:
    const codebook::Codebook& m_cb;
    std::vector<codebook::Question> m_questions;
    std::vector<Banner> m_banners;
    std::vector<CrossBlock> m_blocks;
    std::vector<std::size_t> m_first;
    std::size_t m_columns = 1;
    std::vector<CellSums> m_respondents;
    std::vector<CellSums> m_outside;
    std::vector<std::size_t> m_active; // this case's columns
};

} // namespace careerstat::data
