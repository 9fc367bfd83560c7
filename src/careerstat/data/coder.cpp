#include "careerstat/data/coder.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/io/sav_source.hpp"

#include "careerstat/codebook/vocabulary.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace careerstat::data {

using codebook::VarType;

Coder::Coder(const codebook::Variable& variable, bool decimal_comma)
    : m_var(&variable), m_decimal_comma(decimal_comma) {
    m_direct.fill(-1);
    for (std::size_t i = 0; i < variable.choices.size(); ++i) {
        const auto& c = variable.choices[i];
        if (auto n = util::parse_integer(c.code); n && *n >= 0 && *n < k_direct &&
                                                   std::to_string(*n) == c.code) {
            m_direct[static_cast<std::size_t>(*n)] = static_cast<std::int16_t>(i);
        }
        m_folded_labels.push_back(util::fold(c.label));
    }
    for (std::size_t n = 0; n < m_direct.size(); ++n) {
        if (m_direct[n] >= 0) {
            const auto& c = variable.choices[static_cast<std::size_t>(m_direct[n])];
            m_direct_value[n] = c.value.value_or(m_direct[n] + 1);
        }
    }
    // Which inline fast path code() may take: never one that would skip a missing code.
    if (variable.is_option_column() && variable.choices.empty()) {
        m_fast = Fast::Option;
        for (const auto& m : variable.missing) {
            m_option_missing_1char = m_option_missing_1char || m.code.size() == 1;
        }
    } else if (variable.is_categorical()) {
        m_fast = Fast::Direct; // answer codes and missing codes never overlap (codebook)
    }
    m_direct_missing.fill(-1);
    m_direct_zero = m_direct[0] >= 0;
    if (m_fast == Fast::Direct) {
        bool numeric_label = false;
        for (const auto* list : {&variable.choices, &variable.missing}) {
            for (const auto& c : *list) {
                numeric_label = numeric_label || util::parse_number(c.label, false).has_value();
            }
        }
        for (std::size_t i = variable.missing.size(); i-- > 0;) {
            const std::string& code = variable.missing[i].code;
            if (auto n = util::parse_integer(code); !numeric_label && n && *n >= 0 &&
                                                    *n < k_direct && std::to_string(*n) == code &&
                                                    m_direct[static_cast<std::size_t>(*n)] < 0) {
                m_direct_missing[static_cast<std::size_t>(*n)] = static_cast<std::int16_t>(i);
            }
        }
    }
    // Numeric types, and the others code_slow() reads a number from (meta, id, date, text).
    if (!variable.is_categorical() && !variable.is_option_column() && !variable.is_multi_column()) {
        m_numeric_direct = true;
        for (std::size_t i = 0; i < variable.missing.size(); ++i) {
            const auto& m = variable.missing[i];
            // A label is matched as text too (find_missing): one that reads as a number
            // keeps the printed path, as does a code like "99.0" or " 99".
            if (util::parse_number(m.label, false)) {
                m_numeric_direct = false;
            }
            const auto v = util::parse_number(m.code, false);
            if (v && io::format_cell_number(*v) == m.code) {
                m_missing_values.emplace_back(*v, static_cast<int>(i));
            } else if (v) {
                m_numeric_direct = false;
            }
        }
    }
}

Coded Coder::code_numeric_value(double x) const {
    Coded out;
    for (const auto& [value, index] : m_missing_values) {
        if (value == x) {
            out.kind = Coded::Kind::Missing;
            out.index = index;
            return out;
        }
    }
    if (!m_var->is_numeric()) {
        out.kind = Coded::Kind::Valid;
        out.value = x + 0.0;
        return out;
    }
    if ((m_var->min && x < *m_var->min) || (m_var->max && x > *m_var->max) ||
        (m_var->type == VarType::Weight && !(x > 0 && x <= k_max_weight))) {
        out.kind = Coded::Kind::Invalid;
        return out;
    }
    out.kind = Coded::Kind::Valid;
    out.value = x + 0.0; // -0 reads back from its text "0" as +0
    return out;
}

int Coder::find_choice(std::string_view cell) const {
    if (cell.size() <= 3 && cell[0] >= '0' && cell[0] <= '9') {
        int n = 0;
        bool digits = true;
        for (char c : cell) {
            digits = digits && c >= '0' && c <= '9';
            n = n * 10 + (c - '0');
        }
        if (digits && n < k_direct && m_direct[static_cast<std::size_t>(n)] >= 0 &&
            (cell.size() == 1 || cell[0] != '0')) {
            return m_direct[static_cast<std::size_t>(n)];
        }
    }
    const auto& choices = m_var->choices;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].code == cell) {
            return static_cast<int>(i);
        }
    }
    for (std::size_t i = 0; i < m_folded_labels.size(); ++i) {
        if (m_folded_labels[i].size() == cell.size() && util::iequals(m_folded_labels[i], cell)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int Coder::other_choice() const {
    // "*" is any other answer: Google Forms writes an "Other" option's free text as the answer.
    const auto& choices = m_var->choices;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].code == "*") {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int Coder::find_missing(std::string_view cell) const {
    const auto& missing = m_var->missing;
    for (std::size_t i = 0; i < missing.size(); ++i) {
        if (missing[i].code == cell || util::iequals(missing[i].label, cell)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Coded Coder::code_slow(std::string_view cell) const {
    cell = util::trim(cell);
    Coded out;
    if (cell.empty()) {
        return out; // Blank
    }
    // Categorical: the answer codes first (the codebook keeps them apart from the missing
    // codes), because they are by far the common case.
    if (m_var->is_categorical()) {
        if (const int i = find_choice(cell); i >= 0) {
            out.kind = Coded::Kind::Valid;
            out.index = i;
            out.value = m_var->choices[static_cast<std::size_t>(i)].value.value_or(i + 1);
            return out;
        }
    }
    if (!m_var->missing.empty()) {
        if (const int m = find_missing(cell); m >= 0) {
            out.kind = Coded::Kind::Missing;
            out.index = m;
            return out;
        }
    }
    if (m_var->is_option_column()) {
        return code_option(cell);
    }
    if (m_var->is_multi_column()) {
        return code_multi_column(cell);
    }
    if (m_var->is_categorical()) {
        if (const int i = other_choice(); i >= 0) {
            out.kind = Coded::Kind::Valid;
            out.index = i;
            out.value = i + 1;
            return out;
        }
        out.kind = Coded::Kind::Invalid; // neither an answer code nor a missing code
        return out;
    }
    if (m_var->is_numeric()) {
        return code_number(cell);
    }
    // Other types (meta, id, date, text): numbers are kept so --where can test them
    // ("lastpage=5", "Finished=1").
    out.kind = Coded::Kind::Valid;
    out.value = util::parse_number(cell, m_decimal_comma).value_or(std::nan(""));
    return out;
}

Coded Coder::code_printed(double x) const {
    std::array<char, 400> buf{};
    const std::string_view text = io::format_cell_number(x, buf);
    if (m_decimal_comma) {
        // The number's text as this export's cells write it (--decimal-comma), not 7.5
        // read as seventy-five.
        std::replace(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(text.size()), '.', ',');
    }
    return code(text);
}

Coded Coder::code_option(std::string_view cell) const {
    Coded out;
    out.kind = Coded::Kind::Valid;
    if (!m_var->choices.empty()) {
        const int i = find_choice(cell);
        if (i < 0) {
            out.kind = Coded::Kind::Invalid;
        }
        out.index = m_var->selected && i == static_cast<int>(*m_var->selected) ? 1 : 0;
        return out;
    }
    out.index = codebook::means_not_selected(cell) ? 0 : 1;
    return out;
}

Coded Coder::code_multi_column(std::string_view cell) const {
    Coded out;
    out.kind = Coded::Kind::Valid;
    const char sep = m_var->separator.empty() ? ',' : m_var->separator[0];
    for (std::string_view part : util::split_answers(cell, sep)) {
        part = util::trim(part);
        if (part.empty()) {
            continue;
        }
        int i = find_choice(part);
        if (i < 0) {
            i = other_choice();
        }
        if (i < 0 || i >= 64) {
            out.kind = Coded::Kind::Invalid;
            return out;
        }
        out.mask |= std::uint64_t{1} << i;
    }
    if (out.mask == 0) {
        out.kind = Coded::Kind::Blank;
    }
    return out;
}

Coded Coder::code_number(std::string_view cell) const {
    Coded out;
    auto v = util::parse_number(cell, m_decimal_comma);
    if (!v) {
        // Labelled end points ("10=Zeer waarschijnlijk") may be written as their label.
        const int i = find_choice(cell);
        if (i >= 0) {
            v = m_var->choices[static_cast<std::size_t>(i)].value;
        }
    }
    if (!v || (m_var->min && *v < *m_var->min) || (m_var->max && *v > *m_var->max) ||
        (m_var->type == VarType::Weight && !(*v > 0 && *v <= k_max_weight))) {
        out.kind = Coded::Kind::Invalid;
        return out;
    }
    out.kind = Coded::Kind::Valid;
    out.value = *v;
    return out;
}

std::string Coder::explain_invalid(std::string_view cell) const {
    cell = util::trim(cell);
    const auto& v = *m_var;
    if (v.is_numeric()) {
        if (!util::parse_number(cell, m_decimal_comma)) {
            if (v.type == VarType::Weight) {
                return msgf("\"{}\" is not a weight (a positive number)", cell);
            }
            return msgf("\"{}\" is not a number", cell);
        }
        if (v.type == VarType::Weight) {
            return *util::parse_number(cell, m_decimal_comma) > 0
                       ? msgf("weight {} is above 10^15: a weight counts people, so "
                              "this is not a survey weight (is it the right column?)",
                              cell)
                       : msgf("weight {} is not positive", cell);
        }
        return msgf("{} is outside the range {}..{}", cell, *v.min, *v.max);
    }
    // List codes for a code-like cell, labels for a label-like one (Google Forms exports).
    const bool numeric_cell = util::parse_number(cell, m_decimal_comma).has_value();
    std::string codes;
    for (const auto* list : {&v.choices, &v.missing}) {
        for (const auto& c : *list) {
            codes += (codes.empty() ? "" : ", ") + (numeric_cell ? c.code : c.label);
        }
    }
    if (v.is_option_column()) {
        return msgf("\"{}\" is not one of the option codes ({})", cell, codes);
    }
    if (v.is_multi_column()) {
        const char sep = v.separator.empty() ? ',' : v.separator[0];
        for (std::string_view part : util::split_answers(cell, sep)) {
            part = util::trim(part);
            if (!part.empty() && find_choice(part) < 0 && other_choice() < 0) {
                return msgf("\"{}\" in \"{}\" is not an answer in the codebook ({}; "
                            "answers are separated by \"{}\")",
                            part, cell, codes, v.separator);
            }
        }
    }
    return msgf("code \"{}\" is not in the codebook ({})", cell, codes);
}

} // namespace careerstat::data
