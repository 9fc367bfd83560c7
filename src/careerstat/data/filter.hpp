// --where conditions on respondents: `educ=2`, `bureau!=4`, `educ in 2,3` (codes or labels).
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"

#include <string>
#include <vector>

namespace careerstat::data {

struct Condition {
    std::string text;         // as the user wrote it, for footnotes
    std::size_t variable = 0; // index into the codebook
    bool negate = false;
    std::vector<int> choices;  // accepted choice indexes (categorical)
    std::vector<int> missing;  // accepted missing-code indexes
    std::vector<double> values; // accepted numbers (numeric variables)
};

// Parses conditions; throws UsageError naming an unknown variable or code.
std::vector<Condition> parse_where(const std::vector<std::string>& expressions,
                                   const codebook::Codebook& codebook, bool decimal_comma);

bool matches(const Condition& condition, const Coded& coded);

} // namespace careerstat::data
