#include "careerstat/table/compare.hpp"

#include <algorithm>
#include <stdexcept>

namespace careerstat::table {

namespace {

std::string text_of(const Cell& c) {
    if (const auto* s = std::get_if<std::string>(&c)) {
        return *s;
    }
    return {};
}

void merge_footnotes(Table& out, const std::vector<PopulationTable>& tables) {
    for (std::size_t i = 0; i < tables.size(); ++i) {
        for (const std::string& f : tables[i].table.footnotes) {
            const bool shared = std::all_of(tables.begin(), tables.end(), [&](const auto& t) {
                return std::find(t.table.footnotes.begin(), t.table.footnotes.end(), f) !=
                       t.table.footnotes.end();
            });
            const std::string note = shared ? f : tables[i].label + ": " + f;
            if (std::find(out.footnotes.begin(), out.footnotes.end(), note) == out.footnotes.end()) {
                out.footnotes.push_back(note);
            }
        }
    }
}

Table frequencies_side_by_side(const std::vector<PopulationTable>& tables) {
    const Table& first = tables.front().table;
    const bool single = first.column_index("valid_pct") != std::string::npos;
    const std::string pct_name = single ? "valid_pct" : "pct";
    Table out;
    out.id = first.id;
    out.title = first.title;
    out.subtitle = first.subtitle;
    out.section = first.section;
    out.columns.push_back({"label", first.columns[first.column_index("label")].label,
                           ColumnType::Text});
    for (const PopulationTable& pt : tables) {
        const Table& t = pt.table;
        for (const std::string name : {"n", pct_name.c_str(), "ci_low", "ci_high"}) {
            const std::size_t c = t.column_index(name);
            if (c == std::string::npos) {
                throw std::logic_error("side_by_side: table " + t.id + " has no " + name);
            }
            Column col = t.columns[c];
            col.name = name + "_" + pt.name;
            col.label = col.label + " " + pt.label;
            out.columns.push_back(col);
        }
    }
    // Rows matched by kind and label, in the order they first appear; totals last.
    struct Key {
        RowKind kind;
        std::string label;
    };
    std::vector<Key> keys;
    for (const PopulationTable& pt : tables) {
        const std::size_t lc = pt.table.column_index("label");
        for (const Row& r : pt.table.rows) {
            Key k{r.kind, text_of(r.cells[lc])};
            if (std::none_of(keys.begin(), keys.end(), [&](const Key& e) {
                    return e.kind == k.kind && e.label == k.label;
                })) {
                keys.push_back(k);
            }
        }
    }
    std::stable_partition(keys.begin(), keys.end(),
                          [](const Key& k) { return k.kind != RowKind::Total; });
    for (const Key& k : keys) {
        std::vector<Cell> cells = {k.label};
        for (const PopulationTable& pt : tables) {
            const Table& t = pt.table;
            const std::size_t lc = t.column_index("label");
            const Row* match = nullptr;
            for (const Row& r : t.rows) {
                if (r.kind == k.kind && text_of(r.cells[lc]) == k.label) {
                    match = &r;
                    break;
                }
            }
            for (const std::string name : {"n", pct_name.c_str(), "ci_low", "ci_high"}) {
                cells.push_back(match != nullptr ? match->cells[t.column_index(name)] : Cell{});
            }
        }
        out.add_row(std::move(cells), k.kind);
    }
    out.chart = Chart::Bars;
    out.chart_label_column = 0;
    out.chart_value_column = 2;
    // One bar per population: each contributes n, pct, ci_low and ci_high.
    out.chart_value_count = tables.size();
    out.chart_value_stride = 4;
    merge_footnotes(out, tables);
    return out;
}

Table rows_side_by_side(const std::vector<PopulationTable>& tables, const std::string& header) {
    const Table& first = tables.front().table;
    Table out = first;
    out.rows.clear();
    out.footnotes.clear();
    out.columns.insert(out.columns.begin(), Column{"population", header, ColumnType::Text});
    auto shift = [](std::optional<std::size_t>& c) {
        if (c) {
            ++*c;
        }
    };
    shift(out.chart_label_column);
    shift(out.chart_value_column);
    for (const PopulationTable& pt : tables) {
        if (pt.table.columns.size() + 1 != out.columns.size()) {
            throw std::logic_error("side_by_side: tables of " + first.id + " differ in columns");
        }
        for (const Row& r : pt.table.rows) {
            std::vector<Cell> cells = {pt.label};
            cells.insert(cells.end(), r.cells.begin(), r.cells.end());
            out.add_row(std::move(cells), r.kind);
        }
    }
    merge_footnotes(out, tables);
    return out;
}

} // namespace

Table side_by_side(const std::vector<PopulationTable>& tables, const std::string& population_header) {
    if (tables.empty()) {
        throw std::logic_error("side_by_side: no tables");
    }
    if (tables.size() == 1) {
        return tables.front().table;
    }
    if (tables.front().table.id.rfind("freq.", 0) == 0) {
        return frequencies_side_by_side(tables);
    }
    return rows_side_by_side(tables, population_header);
}

} // namespace careerstat::table
