// Turns one cell of an export into a small code, driven by the codebook: a choice index,
// a number, a missing-code index, blank, or "not valid" -- never a string kept per row.
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::data {

struct Coded {
    enum class Kind : std::uint8_t { Valid, Missing, Blank, Invalid };
    Kind kind = Kind::Blank;
    int index = 0;           // choice index (categorical), missing-code index (Missing),
                             // 1 selected / 0 not (option column)
    double value = 0;        // the number (numeric types and Likert codes)
    std::uint64_t mask = 0;  // selected options of a one-column multi-select cell
};

class Coder {
  public:
    Coder(const codebook::Variable& variable, bool decimal_comma);

    Coded code(std::string_view cell) const;
    // Why a cell was not valid, for messages: "code 7 is not in the codebook (1-4)".
    std::string explain_invalid(std::string_view cell) const;
    const codebook::Variable& variable() const { return *m_var; }

  private:
    int find_choice(std::string_view cell) const; // -1 if none
    int find_missing(std::string_view cell) const;
    Coded code_option(std::string_view cell) const;
    Coded code_multi_column(std::string_view cell) const;
    Coded code_number(std::string_view cell) const;

    const codebook::Variable* m_var;
    bool m_decimal_comma;
    // Small integer codes (0..k_direct-1) map straight to a choice index.
    static constexpr int k_direct = 128;
    std::array<std::int16_t, k_direct> m_direct{};
    std::vector<std::string> m_folded_labels;
};

} // namespace careerstat::data
