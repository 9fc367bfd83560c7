#include "careerstat/data/tabulator.hpp"

#include "careerstat/data/columns.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/data/record_pipeline.hpp"
#include "careerstat/io/record_reader.hpp"

#include <cmath>
#include <fmt/format.h>

namespace careerstat::data {

using codebook::Question;

Tabulator::Tabulator(const codebook::Codebook& codebook, std::vector<Question> questions,
                     TabulateOptions options)
    : m_cb(codebook), m_questions(std::move(questions)), m_options(std::move(options)) {
    m_coders.reserve(codebook.variables.size());
    for (const auto& v : codebook.variables) {
        m_coders.emplace_back(v, m_options.decimal_comma);
    }
    m_vars.resize(codebook.variables.size());
    m_needed.assign(codebook.variables.size(), false);
    m_multi.resize(m_questions.size());
    for (std::size_t q = 0; q < m_questions.size(); ++q) {
        for (std::size_t v : m_questions[q].variables) {
            m_needed[v] = true;
        }
        if (m_questions[q].kind == Question::Kind::Multi) {
            m_multi_questions.push_back(q);
            const auto& first = codebook.variables[m_questions[q].variables[0]];
            const std::size_t options_n = first.is_multi_column() ? first.choices.size()
                                                                  : m_questions[q].variables.size();
            m_multi[q].selected.assign(options_n, 0.0);
            m_multi[q].selected_w2.assign(options_n, 0.0);
        }
    }
    for (std::size_t i = 0; i < codebook.variables.size(); ++i) {
        const auto& v = codebook.variables[i];
        m_vars[i].valid.assign(v.is_categorical() ? v.choices.size() : 0, 0.0);
        m_vars[i].weighted = m_options.weight.has_value();
        if (m_vars[i].weighted) {
            m_vars[i].valid_sums.assign(m_vars[i].valid.size(), stats::WeightSums{});
        }
        m_vars[i].missing.assign(v.missing.size(), 0.0);
    }
}

void Tabulator::run(io::RecordReader& reader) {
    bind(reader.header(), reader.name(), reader.header_line());
    for_each_record(reader, [this](std::span<const std::string_view> fields, long line) {
        add(fields, line);
    });
}

void Tabulator::bind(const std::vector<std::string>& header, const std::string& source,
                     long header_line) {
    m_source = source;
    auto column_of = [&](const std::string& name) {
        return find_column(header, name, source, header_line);
    };
    // Every variable a question, the filter or the weight needs must be in the export.
    m_bindings.clear();
    m_column.assign(m_cb.variables.size(), std::nullopt);
    m_coded.assign(m_cb.variables.size(), Coded{});
    auto need = [&](std::size_t v) {
        if (m_column[v]) {
            return;
        }
        m_column[v] = column_of(m_cb.variables[v].name);
        if (!m_column[v]) {
            throw DataError(place(source, header_line, m_cb.variables[v].name) +
                            m_cb.not_in_export(m_cb.variables[v]));
        }
    };
    for (std::size_t v = 0; v < m_needed.size(); ++v) {
        if (m_needed[v]) {
            need(v);
            m_bindings.push_back({v, *m_column[v]});
        }
    }
    for (const Condition& c : m_options.where) {
        need(c.variable);
    }
    if (m_options.weight) {
        need(*m_options.weight);
    }
}

void Tabulator::invalid(std::size_t v, std::string_view cell, long line) const {
    throw DataError(place(m_source, line, m_cb.variables[v].name) +
                    m_coders[v].explain_invalid(cell) +
                    "; `careerstat validate` lists every problem");
}

void Tabulator::add(std::span<const std::string_view> fields, long line) {
    std::vector<Coded>& coded = m_coded;
    m_rows += 1;
    auto code_at = [&](std::size_t v) -> const Coded& {
        const std::string_view cell = fields[*m_column[v]];
        coded[v] = m_coders[v].code(cell);
        if (coded[v].kind == Coded::Kind::Invalid) {
            invalid(v, cell, line);
        }
        return coded[v];
    };
    for (const Condition& c : m_options.where) {
        if (!matches(c, code_at(c.variable))) {
            return;
        }
    }
    double w = 1;
    if (m_options.weight) {
        const Coded& cw = code_at(*m_options.weight);
        if (cw.kind != Coded::Kind::Valid || !(cw.value > 0 && cw.value <= k_max_weight)) {
            throw DataError(place(m_source, line, m_cb.variables[*m_options.weight].name) +
                            "every respondent needs a positive weight of at most 10^15");
        }
        w = cw.value;
    }
    m_total_w += w;
    m_total_w2 += w * w;
    m_total_cases += 1;
    for (const Binding& b : m_bindings) {
        // The hot loop of a run: code_at's checks written out, the throw kept out of line.
        const std::string_view cell = fields[b.column];
        const Coded& c = coded[b.variable] = m_coders[b.variable].code(cell);
        if (c.kind == Coded::Kind::Invalid) [[unlikely]] {
            invalid(b.variable, cell, line);
        }
        VariableCounts& vc = m_vars[b.variable];
        switch (c.kind) {
        case Coded::Kind::Blank:
            vc.blank += w;
            break;
        case Coded::Kind::Missing:
            vc.missing[static_cast<std::size_t>(c.index)] += w;
            break;
        case Coded::Kind::Valid:
            vc.valid_w += w;
            vc.valid_w2 += w * w;
            vc.valid_cases += 1;
            if (!vc.valid.empty()) {
                // Categorical: the value distribution follows from the counts per code
                // (value_counts()), so no map lookup per cell.
                vc.valid[static_cast<std::size_t>(c.index)] += w;
                if (vc.weighted) {
                    vc.valid_sums[static_cast<std::size_t>(c.index)].add(w);
                }
            } else if (m_cb.variables[b.variable].is_numeric()) {
                // The range test comes first: casting a double outside int's range is
                // undefined behaviour (a numeric answer above 2^31).
                if (!vc.weighted && c.value >= 0.0 && c.value < VariableCounts::k_small &&
                    std::floor(c.value) == c.value) {
                    if (vc.small.empty()) {
                        vc.small.assign(VariableCounts::k_small, 0.0);
                    }
                    vc.small[static_cast<std::size_t>(c.value)] += 1;
                } else {
                    vc.values[c.value].add(w);
                }
            }
            break;
        case Coded::Kind::Invalid:
            break;
        }
    }
    for (const std::size_t q : m_multi_questions) {
        MultiCounts& mc = m_multi[q];
        const auto& vars = m_questions[q].variables;
        std::uint64_t any = 0;
        bool missing = false;
        if (m_cb.variables[vars[0]].is_multi_column()) {
            const Coded& c = coded[vars[0]];
            missing = c.kind == Coded::Kind::Missing;
            any = c.kind == Coded::Kind::Valid ? c.mask : 0;
            for (std::size_t o = 0; o < mc.selected.size(); ++o) {
                if ((any >> o) & 1U) {
                    mc.selected[o] += w;
                    mc.selected_w2[o] += w * w;
                    mc.mentions += w;
                }
            }
        } else {
            missing = true;
            for (std::size_t o = 0; o < vars.size(); ++o) {
                const Coded& c = coded[vars[o]];
                missing = missing && c.kind == Coded::Kind::Missing;
                if (c.kind == Coded::Kind::Valid && c.index == 1) {
                    mc.selected[o] += w;
                    mc.selected_w2[o] += w * w;
                    mc.mentions += w;
                    any = 1;
                }
            }
        }
        if (any != 0) {
            mc.base += w;
            mc.base_w2 += w * w;
            mc.base_cases += 1;
        } else if (missing) {
            mc.missing += w;
        }
    }
}

stats::WeightedValues value_counts(const codebook::Variable& v, const VariableCounts& c) {
    if (c.valid.empty()) {
        stats::WeightedValues out = c.values;
        for (std::size_t k = 0; k < c.small.size(); ++k) {
            if (c.small[k] > 0) {
                const double n = c.small[k];
                out[static_cast<double>(k)] = stats::WeightSums{n, n, n, 1.0, 1.0};
            }
        }
        return out;
    }
    stats::WeightedValues out;
    for (std::size_t i = 0; i < v.choices.size(); ++i) {
        if (!(c.valid[i] > 0)) {
            continue;
        }
        const stats::WeightSums s = c.weighted ? c.valid_sums[i]
                                               : stats::WeightSums{c.valid[i], c.valid[i],
                                                                   c.valid[i], 1.0, 1.0};
        stats::WeightSums& o = out[v.choices[i].value.value_or(static_cast<double>(i + 1))];
        // Two codes with the same value (rare) merge; their first case is taken from the
        // lower code.
        if (o.n == 0) {
            o = s;
        } else {
            o.w += s.w;
            o.w2 += s.w2;
            o.n += s.n;
            o.last = s.last;
        }
    }
    return out;
}

} // namespace careerstat::data
