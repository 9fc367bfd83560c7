// --where conditions on respondents: `educ=2`, `bureau!=4`, `educ in 2,3` (codes or labels).
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace careerstat::data {

struct Condition {
    // What the variable's coded cells hold, and so what the condition compares.
    enum class Kind : std::uint8_t {
        Choice, // a single-choice or Likert answer: its choice index
        Option, // an option column of a multi-select: selected (1) or not (0)
        Mask,   // a one-column multi-select: any of the named options among the selected
        Number, // numbers (numeric, meta, id, date columns that hold numbers)
    };
    std::string text;         // as the user wrote it, for footnotes
    std::size_t variable = 0; // index into the codebook
    Kind kind = Kind::Choice;
    bool negate = false;
    std::vector<int> choices;  // accepted choice indexes (Choice), selected states (Option)
    std::uint64_t mask = 0;    // accepted options (Mask)
    std::vector<int> missing;  // accepted missing-code indexes
    std::vector<double> values; // accepted numbers (Number)
};

// Parses conditions; throws UsageError naming an unknown variable or code.
std::vector<Condition> parse_where(const std::vector<std::string>& expressions,
                                   const codebook::Codebook& codebook, bool decimal_comma);

bool matches(const Condition& condition, const Coded& coded);

} // namespace careerstat::data
