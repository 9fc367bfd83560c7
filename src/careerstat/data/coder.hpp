// Turns one cell of an export into a small code, driven by the codebook: a choice index,
// a number, a missing-code index, blank, or "not valid" -- never a string kept per row.
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::data {

// The largest weight a weight column may hold: a weight counts the people a respondent
// stands for, and below this bound sums of weights and of their squares cannot overflow.
inline constexpr double k_max_weight = 1e15;

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

    // Inline fast paths for the cells a million-row export is made of (a one- or two-digit
    // code, a Y/blank option cell); everything else goes through code_slow().
    Coded code(std::string_view cell) const {
        if (!cell.empty() && static_cast<unsigned char>(cell.front()) > ' ' &&
            static_cast<unsigned char>(cell.back()) > ' ') {
            if (m_fast == Fast::Option && cell.size() == 1) {
                Coded out;
                out.kind = Coded::Kind::Valid;
                out.index = (cell[0] == '0' || cell[0] == 'N' || cell[0] == 'n') ? 0 : 1;
                if (out.index == 0 || !m_option_missing_1char) {
                    return out;
                }
            } else if (m_fast == Fast::Direct && cell.size() <= 2 && cell[0] >= '1' &&
                       cell[0] <= '9' && (cell.size() == 1 || (cell[1] >= '0' && cell[1] <= '9'))) {
                const int n = cell.size() == 1 ? cell[0] - '0' : (cell[0] - '0') * 10 + cell[1] - '0';
                const int i = m_direct[static_cast<std::size_t>(n)];
                if (i >= 0) {
                    Coded out;
                    out.kind = Coded::Kind::Valid;
                    out.index = i;
                    out.value = m_direct_value[static_cast<std::size_t>(n)];
                    return out;
                }
            }
        } else if (cell.empty()) {
            return Coded{};
        }
        return code_slow(cell);
    }
    // A statistics file's number (io::TypedCell): exactly what code() gives for its text
    // (io::format_cell_number), without printing the small codes the fast paths know.
    Coded code_value(double x) const {
        Coded out;
        code_value_into(x, out);
        return out;
    }
    // The same, written member by member into `out`: a Coded built on the stack and copied
    // whole was read back before its parts' stores had landed (a store-forwarding stall that
    // took half the time of coding a .sav's cells).
    void code_value_into(double x, Coded& out) const {
        if (x == std::trunc(x) && x >= 0 && x <= 99) {
            const int n = static_cast<int>(x);
            if (m_fast == Fast::Option && n <= 9 && (n == 0 || !m_option_missing_1char)) {
                out.kind = Coded::Kind::Valid;
                out.index = n == 0 ? 0 : 1;
                out.value = 0;
                out.mask = 0;
                return;
            }
            if (m_fast == Fast::Direct) {
                const int i = m_direct[static_cast<std::size_t>(n)];
                if (i >= 0 && (n >= 1 || m_direct_zero)) {
                    out.kind = Coded::Kind::Valid;
                    out.index = i;
                    out.value = m_direct_value[static_cast<std::size_t>(n)];
                    out.mask = 0;
                    return;
                }
                if (const int m = m_direct_missing[static_cast<std::size_t>(n)]; m >= 0) {
                    out.kind = Coded::Kind::Missing;
                    out.index = m;
                    out.value = 0;
                    out.mask = 0;
                    return;
                }
            }
        }
        if (m_numeric_direct && std::isfinite(x)) {
            out = code_numeric_value(x);
            return;
        }
        out = code_printed(x);
    }
    Coded code_printed(double x) const; // code() of the number's text
    Coded code_slow(std::string_view cell) const;
    // Why a cell was not valid, for messages: "code 7 is not in the codebook (1-4)".
    std::string explain_invalid(std::string_view cell) const;
    const codebook::Variable& variable() const { return *m_var; }

  private:
    int find_choice(std::string_view cell) const;
    int other_choice() const; // the "*" choice (any other answer), or -1
    int find_missing(std::string_view cell) const;
    Coded code_option(std::string_view cell) const;
    Coded code_multi_column(std::string_view cell) const;
    Coded code_number(std::string_view cell) const;
    Coded code_numeric_value(double x) const; // code_number() of the number's own text

    enum class Fast { None, Option, Direct };

    const codebook::Variable* m_var;
    bool m_decimal_comma;
    Fast m_fast = Fast::None;
    bool m_option_missing_1char = false; // a one-character missing code on an option column
    std::array<double, 128> m_direct_value{};
    // Small integer codes (0..k_direct-1) map straight to a choice index.
    static constexpr int k_direct = 128;
    std::array<std::int16_t, k_direct> m_direct{};
    // Small integer missing codes, for code_value(): set only when no answer or missing
    // label reads as a number (code() matches labels too, and a label "9" would come first).
    std::array<std::int16_t, k_direct> m_direct_missing{};
    bool m_direct_zero = false; // the code "0" is a choice (code() finds it past its fast path)
    std::vector<std::string> m_folded_labels;
    // A numeric variable whose missing codes a printed number can only match by value
    // (each code a number printed as format_cell_number prints it, no label that reads
    // as a number): code_value() then compares numbers and never prints.
    bool m_numeric_direct = false;
    std::vector<std::pair<double, int>> m_missing_values;
};

} // namespace careerstat::data
