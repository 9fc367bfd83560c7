#include "careerstat/data/tabulator.hpp"


#include <cmath>

namespace careerstat::data {

using codebook::Question;

Tabulator::Tabulator(const codebook::Codebook& codebook, std::vector<Question> questions,
                     bool weighted)
    : m_cb(codebook), m_questions(std::move(questions)), m_weighted(weighted) {
    m_vars.resize(codebook.variables.size());
    std::vector<bool> needed(codebook.variables.size(), false);
    m_multi.resize(m_questions.size());
    for (std::size_t q = 0; q < m_questions.size(); ++q) {
        for (std::size_t v : m_questions[q].variables) {
            needed[v] = true;
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
        m_vars[i].weighted = m_weighted;
        if (m_vars[i].weighted) {
            m_vars[i].valid_sums.assign(m_vars[i].valid.size(), stats::WeightSums{});
        }
        m_vars[i].missing.assign(v.missing.size(), 0.0);
        if (needed[i]) {
            m_counted.push_back(i);
        }
    }
}

std::vector<std::size_t> Tabulator::variables() const { return m_counted; }

void Tabulator::add(const Case& cs) {
    const std::span<const Coded> coded = cs.coded;
    const double w = cs.w;
    m_total_w += w;
    m_total_w2 += w * w;
    m_total_cases += 1;
    for (const std::size_t v : m_counted) {
        // The hot loop of a run.
        const Coded& c = coded[v];
        VariableCounts& vc = m_vars[v];
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
            } else if (m_cb.variables[v].is_numeric()) {
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
