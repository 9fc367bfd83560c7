#include "careerstat/data/sav_writer.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/codebook/dictionary.hpp"
#include "careerstat/io/sav_source.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <fmt/format.h>
#include <readstat.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

namespace careerstat::data {

namespace {

// A valid SPSS variable name, unique without regard to case: letters, digits and _ . $ # @,
// starting with a letter, at most 64 bytes, not ending in '.', not a reserved word.
std::string spss_name(std::string_view wanted, std::set<std::string>& taken) {
    std::string name;
    for (const char ch : wanted) {
        const auto c = static_cast<unsigned char>(ch);
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '_' || c == '.' || c == '$' || c == '#' || c == '@';
        name += ok ? ch : '_';
    }
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
        name = "v" + name;
    }
    while (name.back() == '.') {
        name.back() = '_';
    }
    static const std::set<std::string> reserved = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
                                                   "LT",  "NE",  "NOT", "OR", "TO", "WITH"};
    const auto upper = [](std::string s) {
        for (char& c : s) {
            c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
        return s;
    };
    if (reserved.count(upper(name))) {
        name += "_";
    }
    std::string out = name.substr(0, 64);
    for (int k = 2; taken.count(upper(out)) > 0; ++k) {
        const std::string suffix = fmt::format("_{}", k);
        out = name.substr(0, 64 - suffix.size()) + suffix;
    }
    taken.insert(upper(out));
    return out;
}

// The numbers the choices and missing codes are written as: a numeric code keeps its value;
// the others ("A1", "NA", "*") are numbered on from the largest numeric code, in codebook
// order. Returns whether any code was numbered.
bool number_codes(const codebook::Variable& v, std::vector<double>& choices, std::vector<double>& missing) {
    double next = 0;
    for (const auto* list : {&v.choices, &v.missing}) {
        for (const codebook::Choice& c : *list) {
            if (c.value) {
                next = std::max(next, std::floor(*c.value));
            }
        }
    }
    bool numbered = false;
    const auto assign = [&](const std::vector<codebook::Choice>& list, std::vector<double>& out) {
        for (const codebook::Choice& c : list) {
            if (c.value) {
                out.push_back(*c.value);
            } else {
                out.push_back(++next);
                numbered = true;
            }
        }
    };
    assign(v.choices, choices);
    assign(v.missing, missing);
    return numbered;
}

// SPSS keeps three user-missing values, or a range and one value. The range may not hold a
// valid value: `valid(lo, hi)` says whether one lies in [lo, hi].
struct MissingSpec {
    std::vector<double> values;
    std::optional<std::pair<double, double>> range;
};
template <class Valid>
std::optional<MissingSpec> missing_spec(std::vector<double> m, const Valid& valid) {
    std::sort(m.begin(), m.end());
    m.erase(std::unique(m.begin(), m.end()), m.end());
    if (m.size() <= 3) {
        return MissingSpec{m, std::nullopt};
    }
    // One value apart (the lowest or the highest), the rest as a range.
    for (const bool low_apart : {false, true}) {
        const double apart = low_apart ? m.front() : m.back();
        const double lo = low_apart ? m[1] : m.front();
        const double hi = low_apart ? m.back() : m[m.size() - 2];
        if (!valid(lo, hi)) {
            return MissingSpec{{apart}, std::pair{lo, hi}};
        }
    }
    return std::nullopt;
}

ssize_t write_bytes(const void* data, size_t len, void* ctx) {
    auto* out = static_cast<std::ostream*>(ctx);
    out->write(static_cast<const char*>(data), static_cast<std::streamsize>(len));
    return *out ? static_cast<ssize_t>(len) : -1;
}

void check(readstat_error_t e, const std::string& what) {
    if (e != READSTAT_OK) {
        throw DataError(
            msgf("cannot write the .sav file ({}): {}", what, readstat_error_message(e)));
    }
}

} // namespace

SavWriter::SavWriter(const codebook::Codebook& cb, bool decimal_comma) : m_cb(cb) {
    std::set<std::string> taken;
    for (std::size_t i = 0; i < cb.variables.size(); ++i) {
        const codebook::Variable& v = cb.variables[i];
        m_coders.emplace_back(v, decimal_comma);
        m_choice_values.emplace_back();
        m_missing_values.emplace_back();
        const bool numbered = number_codes(v, m_choice_values.back(), m_missing_values.back());
        if (v.is_derived()) {
            continue;
        }
        SavColumn c;
        c.variable = i;
        c.label = v.label;
        if (v.is_option_column()) {
            c.kind = SavColumn::Kind::Option;
            const auto first = std::find_if(cb.variables.begin(), cb.variables.end(), [&](const auto& w) {
                return w.group == v.group && !w.question.empty();
            });
            if (first != cb.variables.end()) {
                c.label = first->question + ": " + v.label;
            }
            c.name = spss_name(v.name, taken);
            m_columns.push_back(c);
        } else if (v.is_multi_column()) {
            // One dichotomy variable per answer of a column holding several.
            for (std::size_t k = 0; k < v.choices.size() && k < 64; ++k) {
                SavColumn m = c;
                m.kind = SavColumn::Kind::MultiCode;
                m.choice = k;
                m.label = v.label + ": " + v.choices[k].label;
                m.name = spss_name(v.name + "_" + v.choices[k].code, taken);
                m_columns.push_back(m);
            }
        } else {
            c.kind = v.is_categorical() ? SavColumn::Kind::Categorical
                     : v.is_numeric()   ? SavColumn::Kind::Number
                                        : SavColumn::Kind::String;
            c.name = spss_name(v.name, taken);
            m_columns.push_back(c);
            if (c.kind == SavColumn::Kind::Categorical && numbered) {
                m_notes.push_back(msgf("{}: codes that are not numbers are numbered on from "
                                       "the largest numeric code (value labels say which)",
                                       v.name));
            }
        }
        if (m_columns.back().name != v.name && m_columns.back().kind != SavColumn::Kind::MultiCode) {
            m_notes.push_back(msgf("{} is named {} (an SPSS name)", v.name, m_columns.back().name));
        }
    }
}

SavWriter::~SavWriter() {
    if (m_writer != nullptr) {
        readstat_writer_free(m_writer);
    }
}

void SavWriter::bind(const std::vector<std::string>& header, const std::string& source,
                     long header_line) {
    m_source = source;
    for (SavColumn& c : m_columns) {
        const codebook::Variable& v = m_cb.variables[c.variable];
        const auto it = std::find(header.begin(), header.end(), v.name);
        if (it == header.end()) {
            throw DataError(msgf("{}:{}: column \"{}\" {}", source, header_line, v.name,
                                 m_cb.not_in_export(v)));
        }
        c.column = static_cast<std::size_t>(it - header.begin());
    }
}

void SavWriter::measure(std::span<const std::string_view> fields, long line) {
    ++m_rows;
    for (SavColumn& c : m_columns) {
        const std::string_view cell = fields[c.column];
        if (c.kind == SavColumn::Kind::String) {
            c.width = std::clamp(cell.size(), c.width, std::size_t{32767});
            continue;
        }
        const Coded coded = m_coders[c.variable].code(cell);
        if (coded.kind == Coded::Kind::Invalid) {
            throw DataError(msgf("{}:{}: column \"{}\": {}; `careerstat validate` lists every "
                                 "problem",
                                 m_source, line, m_cb.variables[c.variable].name,
                                 m_coders[c.variable].explain_invalid(cell)));
        }
    }
}

void SavWriter::begin(std::ostream& out, const std::string& file_label, bool compressed) {
    m_out = &out;
    m_writer = readstat_writer_init();
    check(readstat_set_data_writer(m_writer, write_bytes), "its start");
    for (const SavColumn& c : m_columns) {
        const codebook::Variable& v = m_cb.variables[c.variable];
        const bool text = c.kind == SavColumn::Kind::String;
        readstat_variable_t* rv = readstat_add_variable(
            m_writer, c.name.c_str(), text ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE, text ? c.width : 0);
        // SPSS keeps 255 bytes of a variable label and 120 of a value label.
        io::DictionaryVariable& written = m_dictionary.variables.emplace_back();
        written.name = c.name;
        if (!c.label.empty()) {
            written.label = util::cut_utf8(c.label, 255);
            readstat_variable_set_label(rv, written.label.c_str());
        }
        readstat_label_set_t* labels = nullptr;
        const auto add_label = [&](double value, const std::string& label) {
            if (labels == nullptr) {
                labels = readstat_add_label_set(m_writer, READSTAT_TYPE_DOUBLE,
                                                ("labels_" + c.name).c_str());
            }
            const std::string cut = util::cut_utf8(label, 120);
            readstat_label_double_value(labels, value, cut.c_str());
            written.labels.push_back({io::format_cell_number(value), cut});
        };
        switch (c.kind) {
        case SavColumn::Kind::Categorical: {
            const std::vector<double>& cv = m_choice_values[c.variable];
            for (std::size_t k = 0; k < v.choices.size(); ++k) {
                add_label(cv[k], v.choices[k].label);
            }
            for (std::size_t k = 0; k < v.missing.size(); ++k) {
                add_label(m_missing_values[c.variable][k], v.missing[k].label);
            }
            set_missing(rv, c, m_missing_values[c.variable], [&](double lo, double hi) {
                return std::any_of(cv.begin(), cv.end(), [&](double x) { return x >= lo && x <= hi; });
            });
        }
            readstat_variable_set_measure(rv, v.type == codebook::VarType::Likert ? READSTAT_MEASURE_ORDINAL
                                                                                   : READSTAT_MEASURE_NOMINAL);
            break;
        case SavColumn::Kind::Option:
        case SavColumn::Kind::MultiCode:
            add_label(1, "Gekozen / selected");
            add_label(0, "Niet gekozen / not selected");
            readstat_variable_set_measure(rv, READSTAT_MEASURE_NOMINAL);
            break;
        case SavColumn::Kind::Number: {
            std::vector<double> mv;
            for (const codebook::Choice& ch : v.missing) {
                if (ch.value) {
                    add_label(*ch.value, ch.label);
                    mv.push_back(*ch.value);
                }
            }
            // A range is safe only outside the variable's own range (1..10), when it has one.
            set_missing(rv, c, mv, [&](double lo, double hi) {
                return !(v.min && v.max && (hi < *v.min || lo > *v.max));
            });
            readstat_variable_set_measure(rv, READSTAT_MEASURE_SCALE);
        }
            break;
        case SavColumn::Kind::String:
            readstat_variable_set_measure(rv, READSTAT_MEASURE_NOMINAL);
            break;
        }
        if (labels != nullptr) {
            readstat_variable_set_label_set(rv, labels);
        }
        m_variables.push_back(rv);
    }
    if (const auto w = m_cb.weight_variable()) {
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            if (m_columns[k].variable == *w && m_columns[k].kind == SavColumn::Kind::Number) {
                check(readstat_writer_set_fweight_variable(
                          m_writer, static_cast<readstat_variable_t*>(m_variables[k])),
                      "the weight");
            }
        }
    }
    // The codebook of the file's own variables, for careerstat to read it back with the
    // types, groups and questions SPSS has no place for (docs/formats.md).
    std::ostringstream csv;
    sav_codebook().write_csv(csv);
    for (const std::string& line :
         codebook::codebook_documents(csv.str(), codebook::dictionary_fingerprint(m_dictionary))) {
        readstat_add_note(m_writer, line.c_str());
    }
    if (!file_label.empty()) {
        check(readstat_writer_set_file_label(m_writer, util::cut_utf8(file_label, 64).c_str()), "its label");
    }
    check(readstat_writer_set_compression(m_writer, compressed ? READSTAT_COMPRESS_BINARY : READSTAT_COMPRESS_ROWS),
          "its compression");
    check(readstat_begin_writing_sav(m_writer, m_out, m_rows), "its dictionary");
    check(readstat_validate_metadata(m_writer), "its dictionary");
    for (void* rv : m_variables) {
        check(readstat_validate_variable(m_writer, static_cast<readstat_variable_t*>(rv)),
              readstat_variable_get_name(static_cast<readstat_variable_t*>(rv)));
    }
}

codebook::Codebook SavWriter::sav_codebook() const {
    codebook::Codebook out;
    out.source = m_cb.source;
    const auto renumber = [](std::vector<codebook::Choice>& list, const std::vector<double>& values) {
        for (std::size_t k = 0; k < list.size() && k < values.size(); ++k) {
            list[k].code = io::format_cell_number(values[k]);
            list[k].value = values[k];
        }
    };
    for (const SavColumn& c : m_columns) {
        const codebook::Variable& v = m_cb.variables[c.variable];
        codebook::Variable w = v;
        w.name = c.name;
        switch (c.kind) {
        case SavColumn::Kind::Categorical:
            renumber(w.choices, m_choice_values[c.variable]);
            renumber(w.missing, m_missing_values[c.variable]);
            break;
        case SavColumn::Kind::Option:
            // Written as 1 (selected) and 0; a missing code as no answer.
            w.choices.clear();
            w.missing.clear();
            w.selected.reset();
            w.selected_given = false;
            break;
        case SavColumn::Kind::MultiCode:
            w = codebook::Variable{};
            w.name = c.name;
            w.type = codebook::VarType::Multi;
            w.label = v.choices[c.choice].label;
            w.group = v.name;
            w.question = c.choice == 0 ? v.label : "";
            break;
        case SavColumn::Kind::Number:
            // Only the numeric missing codes are written as themselves.
            w.missing.erase(std::remove_if(w.missing.begin(), w.missing.end(),
                                           [](const codebook::Choice& ch) { return !ch.value; }),
                            w.missing.end());
            for (codebook::Choice& ch : w.missing) {
                ch.code = io::format_cell_number(*ch.value);
            }
            break;
        case SavColumn::Kind::String:
            break;
        }
        out.variables.push_back(std::move(w));
    }
    return out;
}

template <class Valid>
void SavWriter::set_missing(void* variable, const SavColumn& c, const std::vector<double>& values,
                            const Valid& valid) {
    auto* rv = static_cast<readstat_variable_t*>(variable);
    const std::optional<MissingSpec> spec = missing_spec(values, valid);
    if (!spec) {
        const codebook::Variable& v = m_cb.variables[c.variable];
        throw DataError(msgf("{}:{}: column \"missing\": {} has {} missing codes, but an SPSS "
                             "file keeps three, or a range and one, that hold no valid "
                             "answer; merge some in the codebook (docs/output.md)",
                             m_cb.source, v.line, v.name, values.size()));
    }
    io::DictionaryVariable& written = m_dictionary.variables.back();
    if (spec->range) {
        check(readstat_variable_add_missing_double_range(rv, spec->range->first, spec->range->second), c.name);
        written.missing_ranges.push_back({spec->range->first, spec->range->second});
    }
    for (const double x : spec->values) {
        check(readstat_variable_add_missing_double_value(rv, x), c.name);
        written.missing.push_back(io::format_cell_number(x));
    }
}

double SavWriter::value_of(const SavColumn& c, const Coded& coded) const {
    const codebook::Variable& v = m_cb.variables[c.variable];
    switch (c.kind) {
    case SavColumn::Kind::Categorical:
        if (coded.kind == Coded::Kind::Valid) {
            return m_choice_values[c.variable][static_cast<std::size_t>(coded.index)];
        }
        if (coded.kind == Coded::Kind::Missing) {
            return m_missing_values[c.variable][static_cast<std::size_t>(coded.index)];
        }
        return std::nan("");
    case SavColumn::Kind::Option:
        // A blank option cell is "not selected", as careerstat counts it.
        return coded.kind == Coded::Kind::Valid ? coded.index : coded.kind == Coded::Kind::Blank ? 0 : std::nan("");
    case SavColumn::Kind::MultiCode:
        return coded.kind == Coded::Kind::Valid ? static_cast<double>((coded.mask >> c.choice) & 1U)
               : coded.kind == Coded::Kind::Blank ? 0
                                                  : std::nan("");
    case SavColumn::Kind::Number:
        if (coded.kind == Coded::Kind::Valid) {
            return coded.value;
        }
        if (coded.kind == Coded::Kind::Missing && v.missing[static_cast<std::size_t>(coded.index)].value) {
            return *v.missing[static_cast<std::size_t>(coded.index)].value;
        }
        return std::nan("");
    case SavColumn::Kind::String:
        break;
    }
    return std::nan("");
}

void SavWriter::write(std::span<const std::string_view> fields, long line) {
    if (++m_written > m_rows) {
        throw DataError(msgf("{}:{}: the export changed while it was converted", m_source, line));
    }
    check(readstat_begin_row(m_writer), "a row");
    for (std::size_t k = 0; k < m_columns.size(); ++k) {
        const SavColumn& c = m_columns[k];
        auto* rv = static_cast<readstat_variable_t*>(m_variables[k]);
        const std::string_view cell = fields[c.column];
        if (c.kind == SavColumn::Kind::String) {
            const std::string s = util::cut_utf8(cell, c.width);
            check(readstat_insert_string_value(m_writer, rv, s.c_str()), c.name);
            continue;
        }
        const double x = value_of(c, m_coders[c.variable].code(cell));
        check(std::isnan(x) ? readstat_insert_missing_value(m_writer, rv)
                            : readstat_insert_double_value(m_writer, rv, x),
              c.name);
    }
    check(readstat_end_row(m_writer), "a row");
}

void SavWriter::end() {
    if (m_written != m_rows) {
        throw DataError(msgf("{}: the export changed while it was converted", m_source));
    }
    check(readstat_end_writing(m_writer), "its end");
}

} // namespace careerstat::data
