#include "careerstat/data/response.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/data/record_pipeline.hpp"
#include "careerstat/data/columns.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <cmath>
#include <fmt/format.h>

namespace careerstat::data {

using codebook::Question;

namespace {

struct RuleColumn {
    CompletionRule rule;
    const char* name;
};
constexpr RuleColumn k_rules[] = {
    {CompletionRule::SubmitDate, "submitdate"},
    {CompletionRule::Finished, "finished"},
    {CompletionRule::Progress, "progress"},
    {CompletionRule::LastPage, "lastpage"},
};

} // namespace

bool is_dont_know(std::string_view label) {
    const std::string f = util::fold(label);
    return f.find("weet niet") != std::string::npos || f.find("know") != std::string::npos ||
           f == "dk" || f.find("geen idee") != std::string::npos ||
           f.find("no opinion") != std::string::npos || f.find("geen mening") != std::string::npos;
}

ResponseCounter::ResponseCounter(const codebook::Codebook& codebook, CompletionOptions options)
    : m_cb(codebook), m_options(options) {
    m_out.complete_at = options.complete_at;
    for (const Question& q : m_cb.questions()) {
        if (q.kind == Question::Kind::Other) {
            continue;
        }
        if (q.kind == Question::Kind::Multi) {
            m_items.push_back({q.variables, true});
            m_out.items.push_back({q.name, q.label});
            continue;
        }
        for (std::size_t v : q.variables) {
            m_items.push_back({{v}, false});
            m_out.items.push_back({m_cb.variables[v].name, m_cb.variables[v].label});
        }
    }
    m_state.assign(m_items.size(), 0);
}

void ResponseCounter::bind(const std::vector<std::string>& header, const std::string& source,
                           long header_line, bool decimal_comma) {
    m_out.source = source;
    m_decimal_comma = decimal_comma;
    auto column_of = [&](const std::string& name) {
        return find_column(header, name, source, header_line);
    };
    // The platform's rule first; else the first meta column the codebook declares and the
    // export has.
    if (m_options.rule) {
        m_out.rule = *m_options.rule;
        for (const std::string& name : m_options.rule_columns) {
            if (const auto c = column_of(name)) {
                m_form_columns.push_back(*c);
                m_out.rule_variable += (m_out.rule_variable.empty() ? "" : ", ") + name;
            }
        }
        if (m_out.rule == CompletionRule::EveryRow) {
            m_every_row = true;
        } else if (m_out.rule == CompletionRule::RedcapForms) {
            if (m_form_columns.empty()) {
                m_out.rule = CompletionRule::Share;
            }
        } else if (!m_form_columns.empty()) {
            m_rule_column = m_form_columns.front();
            m_form_columns.clear();
        } else {
            m_out.rule = CompletionRule::Share;
        }
    }
    for (const RuleColumn& rc : k_rules) {
        if (m_options.rule) {
            break;
        }
        for (const auto& v : m_cb.variables) {
            if (v.type == codebook::VarType::Meta && util::fold(v.name) == rc.name) {
                if (auto c = column_of(v.name)) {
                    m_rule_column = c;
                    m_out.rule = rc.rule;
                    m_out.rule_variable = v.name;
                    m_out.last_page = v.max.value_or(0);
                    break;
                }
            }
        }
        if (m_rule_column) {
            break;
        }
    }
    m_column.assign(m_cb.variables.size(), 0);
    for (const Item& it : m_items) {
        for (std::size_t v : it.variables) {
            const auto c = column_of(m_cb.variables[v].name);
            if (!c) {
                throw DataError(place(source, header_line, m_cb.variables[v].name) +
                                m_cb.not_in_export(m_cb.variables[v]));
            }
            m_column[v] = *c;
        }
    }
    m_coders.clear();
    m_coders.reserve(m_cb.variables.size());
    for (const auto& v : m_cb.variables) {
        m_coders.emplace_back(v, decimal_comma);
    }
}

std::optional<bool> ResponseCounter::add(std::span<const std::string_view> fields, long line) {
    m_out.returned += 1;
    // Each item's state: 0 blank, 1 answered, 2 don't know, 3 other missing.
    std::size_t answered = 0;
    std::optional<std::size_t> last;
    const bool items = m_count_items || (!m_every_row && m_form_columns.empty() && !m_rule_column);
    for (std::size_t i = 0; items && i < m_items.size(); ++i) {
        int s = 0;
        bool all_missing = true;
        for (std::size_t v : m_items[i].variables) {
            const std::string_view cell = fields[m_column[v]];
            const Coded c = m_coders[v].code(cell);
            if (c.kind == Coded::Kind::Invalid) {
                throw DataError(place(m_out.source, line, m_cb.variables[v].name) +
                                m_coders[v].explain_invalid(cell) +
                                msgf("; `careerstat validate` lists every problem"));
            }
            // An option column counts when selected; a one-column multi-select cell when it
            // holds any answer (its codes are in the mask, not the index).
            const bool selected =
                m_items[i].multi && m_cb.variables[v].is_option_column()
                    ? c.kind == Coded::Kind::Valid && c.index == 1
                    : c.kind == Coded::Kind::Valid;
            if (selected) {
                s = 1;
            } else if (c.kind == Coded::Kind::Missing && s == 0 && !m_items[i].multi) {
                s = is_dont_know(m_cb.variables[v].missing[static_cast<std::size_t>(c.index)].label)
                        ? 2
                        : 3;
            }
            all_missing = all_missing && c.kind == Coded::Kind::Missing;
        }
        if (m_items[i].multi && s == 0 && all_missing) {
            s = 3;
        }
        m_state[i] = s;
        if (s != 0) {
            last = i;
            ++answered;
        }
    }
    if (last) {
        for (std::size_t i = 0; i <= *last; ++i) {
            ItemCounts& ic = m_out.items[i];
            ic.shown += 1;
            (m_state[i] == 1   ? ic.answered
             : m_state[i] == 2 ? ic.dont_know
             : m_state[i] == 3 ? ic.other_missing
                               : ic.blank) += 1;
        }
    }
    if (m_every_row) {
        m_out.complete += 1;
        return true;
    }
    if (!m_form_columns.empty()) {
        // Complete when every form status given is 2; a row of a repeating instrument or
        // an event leaves the other forms' status blank.
        bool any = false;
        bool all = true;
        for (std::size_t c : m_form_columns) {
            const std::string_view cell = util::trim(fields[c]);
            if (!cell.empty()) {
                any = true;
                all = all && cell == "2";
            }
        }
        const bool complete = any && all;
        m_out.complete += complete ? 1 : 0;
        return complete;
    }
    if (!m_rule_column) {
        const bool complete = !m_items.empty() && static_cast<double>(answered) >=
                                                      m_options.complete_at *
                                                          static_cast<double>(m_items.size());
        m_out.complete += complete ? 1 : 0;
        return complete;
    }
    const std::string_view cell = util::trim(fields[*m_rule_column]);
    const auto number = util::parse_number(cell, m_decimal_comma);
    bool complete = false;
    switch (m_out.rule) {
    case CompletionRule::SubmitDate:
        complete = !cell.empty();
        break;
    case CompletionRule::Finished: {
        const std::string f = util::fold(cell);
        complete = f == "1" || f == "true";
        break;
    }
    case CompletionRule::Progress:
        complete = number && *number >= 100;
        break;
    case CompletionRule::LastPage:
        m_last_pages[number ? *number : -1] += 1;
        if (m_out.last_page <= 0) {
            return std::nullopt; // known only once every return has been seen
        }
        complete = number && *number >= m_out.last_page;
        break;
    case CompletionRule::Share:
    case CompletionRule::RedcapForms:
    case CompletionRule::EveryRow:
        break;
    }
    m_out.complete += complete ? 1 : 0;
    return complete;
}

ResponseCounts ResponseCounter::finish() {
    if (m_out.rule == CompletionRule::LastPage && m_rule_column) {
        if (m_out.last_page <= 0 && !m_last_pages.empty()) {
            m_out.last_page = m_last_pages.rbegin()->first; // the furthest page reached
        }
        m_out.complete = 0;
        for (const auto& [page, n] : m_last_pages) {
            m_out.complete += page >= m_out.last_page ? n : 0;
        }
    }
    m_out.partial = m_out.returned - m_out.complete;
    return m_out;
}

ResponseCounts count_responses(io::RecordReader& reader, const codebook::Codebook& cb,
                               const CompletionOptions& options) {
    ResponseCounter counter(cb, options);
    counter.bind(reader.header(), reader.name(), reader.header_line(),
                 reader.dialect().decimal_comma);
    for_each_record(reader, [&counter](std::span<const std::string_view> fields, long line) {
        counter.add(fields, line);
    });
    ResponseCounts out = counter.finish();
    out.skipped_empty = reader.skipped_empty();
    out.excluded = reader.excluded();
    return out;
}

} // namespace careerstat::data
