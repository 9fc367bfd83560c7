#include "careerstat/data/pass.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/data/columns.hpp"
#include "careerstat/data/record_pipeline.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/io/sav_source.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace careerstat::data {

Pass::Pass(const codebook::Codebook& codebook, PassOptions options)
    : m_cb(codebook), m_options(std::move(options)) {
    m_coders.reserve(codebook.variables.size());
    m_scoring.resize(codebook.variables.size());
    for (std::size_t i = 0; i < codebook.variables.size(); ++i) {
        const auto& v = codebook.variables[i];
        m_coders.emplace_back(v, m_options.decimal_comma);
        m_scoring[i] = codebook::item_scoring(v);
    }
}

void Pass::add(Accumulator& accumulator) { m_accumulators.push_back(&accumulator); }

void Pass::run(io::RecordReader& reader) {
    bind(reader.header(), reader.name(), reader.header_line());
    if (reader.can_read_typed()) {
        // A .sav or .dta: numbers coded as numbers, never printed and parsed.
        const std::size_t width = reader.header().size();
        std::vector<std::size_t> columns;
        for (const auto& c : m_column) {
            if (c) {
                columns.push_back(*c);
            }
        }
        reader.keep_only(columns);
        while (reader.next_typed()) {
            if (reader.typed_fields().size() != width) {
                throw DataError(
                    place(reader.name(), reader.line()) +
                    msgf("{} fields, but the header has {}", reader.typed_fields().size(), width));
            }
            feed_typed(reader.typed_fields(), reader.line());
        }
        return;
    }
    for_each_record(reader, [this](std::span<const std::string_view> fields, long line) {
        feed(fields, line);
    });
}

void Pass::bind(const std::vector<std::string>& header, const std::string& source,
                long header_line) {
    m_source = source;
    m_column.assign(m_cb.variables.size(), std::nullopt);
    m_coded.assign(m_cb.variables.size(), Coded{});
    m_bindings.clear();
    m_derived.clear();
    // Every variable an accumulator, the filter or the weight needs must be in the export.
    auto need = [&](std::size_t v) {
        if (m_column[v]) {
            return false;
        }
        if (m_cb.variables[v].is_derived()) {
            throw UsageError(msgf("\"{}\" is a scale score (the mean of its items): "
                                  "--where and weights take a variable of the export",
                                  m_cb.variables[v].name));
        }
        m_column[v] = find_column(header, m_cb.variables[v].name, source, header_line);
        if (!m_column[v]) {
            throw DataError(place(source, header_line, m_cb.variables[v].name) +
                            m_cb.not_in_export(m_cb.variables[v]));
        }
        return true;
    };
    // The filter's and the weight's variables are coded before the rest (a case --where
    // drops costs no more coding), so they are not bound a second time.
    for (const Condition& c : m_options.where) {
        need(c.variable);
    }
    if (m_options.weight) {
        need(*m_options.weight);
    }
    std::vector<std::size_t> wanted;
    for (const Accumulator* a : m_accumulators) {
        const std::vector<std::size_t> vs = a->variables();
        wanted.insert(wanted.end(), vs.begin(), vs.end());
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    for (std::size_t v : wanted) {
        if (m_cb.variables[v].is_derived()) {
            // A scale score is computed from its items, which are coded first.
            for (std::size_t item : m_cb.variables[v].items) {
                if (need(item)) {
                    m_bindings.push_back({item, *m_column[item]});
                }
            }
            m_derived.push_back(v);
        } else if (need(v)) {
            m_bindings.push_back({v, *m_column[v]});
        }
    }
    // An item bound earlier for the weight or a filter is coded there, every record.
    for (std::size_t v : m_derived) {
        for (std::size_t item : m_cb.variables[v].items) {
            if (std::none_of(m_bindings.begin(), m_bindings.end(),
                             [&](const Binding& b) { return b.variable == item; })) {
                m_bindings.push_back({item, *m_column[item]});
            }
        }
    }
}

void Pass::score(std::size_t v) {
    const codebook::Variable& var = m_cb.variables[v];
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t item : var.items) {
        const Coded& c = m_coded[item];
        if (c.kind == Coded::Kind::Valid) {
            sum += m_scoring[item](c.value);
            ++n;
        }
    }
    Coded& out = m_coded[v];
    out = Coded{};
    if (n >= var.min_items && n > 0) {
        out.kind = Coded::Kind::Valid;
        out.value = sum / static_cast<double>(n);
    }
}

void Pass::invalid(std::size_t v, std::string_view cell, long line) const {
    throw DataError(place(m_source, line, m_cb.variables[v].name) +
                    m_coders[v].explain_invalid(cell) +
                    msgf("; `careerstat validate` lists every problem"));
}

const Coded& Pass::code_at(std::size_t v, std::span<const std::string_view> fields, long line) {
    const std::string_view cell = fields[*m_column[v]];
    m_coded[v] = m_coders[v].code(cell);
    if (m_coded[v].kind == Coded::Kind::Invalid) {
        invalid(v, cell, line);
    }
    return m_coded[v];
}

const Coded& Pass::code_typed(std::size_t v, const io::TypedCell& cell, long line) {
    if (cell.is_number) {
        m_coders[v].code_value_into(cell.number, m_coded[v]);
    } else {
        m_coded[v] = m_coders[v].code(cell.text);
    }
    if (m_coded[v].kind == Coded::Kind::Invalid) {
        invalid(v, cell.is_number ? io::format_cell_number(cell.number) : std::string(cell.text), line);
    }
    return m_coded[v];
}

void Pass::feed_typed(std::span<const io::TypedCell> cells, long line) {
    m_rows += 1;
    for (const Condition& c : m_options.where) {
        if (!matches(c, code_typed(c.variable, cells[*m_column[c.variable]], line))) {
            return;
        }
    }
    double w = 1;
    if (m_options.weight) {
        const Coded& cw = code_typed(*m_options.weight, cells[*m_column[*m_options.weight]], line);
        if (cw.kind != Coded::Kind::Valid || !(cw.value > 0 && cw.value <= k_max_weight)) {
            throw DataError(place(m_source, line, m_cb.variables[*m_options.weight].name) +
                            msgf("every respondent needs a positive weight of at most 10^15"));
        }
        w = cw.value;
    }
    for (const Binding& b : m_bindings) {
        code_typed(b.variable, cells[b.column], line);
    }
    finish_case(w, line);
}

void Pass::finish_case(double w, long line) {
    m_cases += 1;
    for (std::size_t v : m_derived) {
        score(v);
    }
    const Case c{m_coded, w, line};
    for (Accumulator* a : m_accumulators) {
        a->add(c);
    }
}

void Pass::feed(std::span<const std::string_view> fields, long line) {
    m_rows += 1;
    for (const Condition& c : m_options.where) {
        if (!matches(c, code_at(c.variable, fields, line))) {
            return;
        }
    }
    double w = 1;
    if (m_options.weight) {
        const Coded& cw = code_at(*m_options.weight, fields, line);
        if (cw.kind != Coded::Kind::Valid || !(cw.value > 0 && cw.value <= k_max_weight)) {
            throw DataError(place(m_source, line, m_cb.variables[*m_options.weight].name) +
                            msgf("every respondent needs a positive weight of at most 10^15"));
        }
        w = cw.value;
    }
    for (const Binding& b : m_bindings) {
        // The hot loop of a run: code_at's checks written out, the throw kept out of line.
        const std::string_view cell = fields[b.column];
        const Coded& c = m_coded[b.variable] = m_coders[b.variable].code(cell);
        if (c.kind == Coded::Kind::Invalid) [[unlikely]] {
            invalid(b.variable, cell, line);
        }
    }
    finish_case(w, line);
}

} // namespace careerstat::data
