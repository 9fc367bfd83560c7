#include "careerstat/table/compare.hpp"

#include "careerstat/stats/difference.hpp"
#include "careerstat/stats/tests.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>
#include <tuple>

namespace careerstat::table {

namespace {

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

// Two populations: the difference of each share in points, Newcombe's hybrid-score
// interval for it and the pooled z-test (docs/comparisons.md). The bases follow from a
// row's count and share, so the test is on the counted cases (unweighted).
void add_difference(Table& out, const std::string& pct_name,
                    const std::vector<PopulationTable>& tables, Lang lang) {
    const std::string& a = tables[0].name;
    const std::string& b = tables[1].name;
    const std::size_t na = out.column_index("n_" + a), pa = out.column_index(pct_name + "_" + a);
    const std::size_t nb = out.column_index("n_" + b), pb = out.column_index(pct_name + "_" + b);
    auto base_of = [&](std::size_t n, std::size_t pct) {
        for (const Row& r : out.rows) {
            const double count = r.number(n), share = r.number(pct);
            if (r.kind == RowKind::Data && share > 0 && count > 0) {
                return count / (share / 100);
            }
        }
        return std::nan("");
    };
    const double base_a = base_of(na, pa), base_b = base_of(nb, pb);
    if (!(base_a > 0 && base_b > 0)) {
        return;
    }
    const std::string label = tables[0].label + " - " + tables[1].label;
    for (auto [name, head, type] : {std::tuple{"diff", "Δ", ColumnType::Number},
                                    std::tuple{"diff_low", "95% low", ColumnType::Number},
                                    std::tuple{"diff_high", "95% high", ColumnType::Number},
                                    std::tuple{"diff_p", "p", ColumnType::PValue}}) {
        Column col{name, head, type, type == ColumnType::Number ? 1 : -1};
        col.category = label;
        out.columns.push_back(std::move(col));
    }
    bool any = false;
    for (Row& r : out.rows) {
        const double p1 = r.number(pa) / 100, p2 = r.number(pb) / 100;
        if (r.kind != RowKind::Data || std::isnan(p1) || std::isnan(p2)) {
            r.cells.insert(r.cells.end(), 4, Cell{});
            continue;
        }
        const stats::DifferenceInterval d = stats::newcombe_difference(p1, base_a, p2, base_b, 0.95);
        const stats::ZTest z = stats::two_proportion_z_test(p1 * base_a, base_a, p2 * base_b, base_b);
        r.cells.push_back((p1 - p2) * 100);
        r.cells.push_back(d.lower * 100);
        r.cells.push_back(d.upper * 100);
        r.cells.push_back(z.p_value);
        any = true;
    }
    if (any) {
        out.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, "Δ: {} in percentage points, with Newcombe's hybrid-score 95% interval (Newcombe 1998, method 10); p: two-sided z-test of two proportions.")),
            label));
    }
}

Table frequencies_side_by_side(const std::vector<PopulationTable>& tables,
                               const std::string& population_header, Lang lang) {
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
            col.group = population_header;
            col.category = pt.label; // the population as a column group, as a banner
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
            Key k{r.kind, r.text(lc)};
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
                if (r.kind == k.kind && r.text(lc) == k.label) {
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
    if (tables.size() == 2) {
        add_difference(out, pct_name, tables, lang);
    }
    out.chart = Chart::Bars;
    out.chart_label_column = 0;
    out.chart_value_column = 2;
    // One bar per population: each contributes n, pct, ci_low and ci_high.
    out.chart_value_count = tables.size();
    out.chart_value_stride = 4;
    out.chart_bases.clear();
    for (const PopulationTable& pt : tables) {
        out.chart_bases.push_back(pt.table.chart_bases.empty() ? std::numeric_limits<double>::quiet_NaN()
                                                               : pt.table.chart_bases.front());
    }
    merge_footnotes(out, tables);
    return out;
}

// Two populations' means: Welch's t-test of each item both have, as a footnote.
void add_mean_differences(Table& out, const std::vector<PopulationTable>& tables, Lang lang) {
    const Table& ta = tables[0].table;
    const Table& tb = tables[1].table;
    const std::size_t l = ta.column_index("label"), n = ta.column_index("n"),
                      m = ta.column_index("mean"), sd = ta.column_index("sd");
    if (l == std::string::npos || n == std::string::npos || m == std::string::npos ||
        sd == std::string::npos) {
        return;
    }
    for (const Row& ra : ta.rows) {
        for (const Row& rb : tb.rows) {
            if (ra.kind != RowKind::Data || rb.kind != RowKind::Data ||
                ra.text(l) != rb.text(l)) {
                continue;
            }
            const double n1 = ra.number(n), n2 = rb.number(n);
            const double m1 = ra.number(m), m2 = rb.number(m);
            const double s1 = ra.number(sd), s2 = rb.number(sd);
            if (!(n1 >= 2 && n2 >= 2 && (s1 > 0 || s2 > 0))) {
                continue;
            }
            const stats::TTest t = stats::welch_t_test(n1, m1, s1, n2, m2, s2);
            out.footnotes.push_back(fmt::format(
                fmt::runtime(tr(lang, "{}: {} - {}: difference of means {:.2f} (Welch's t = {:.2f}, df = {:.1f}, p = {:.3f}).")),
                ra.text(l), tables[0].label, tables[1].label, m1 - m2, t.t, t.df,
                t.p_value));
        }
    }
}

Table rows_side_by_side(const std::vector<PopulationTable>& tables, const std::string& header,
                        Lang lang) {
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
    shift(out.chart_n_column);
    out.chart_group_column = 0;
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
    if (tables.size() == 2) {
        add_mean_differences(out, tables, lang);
    }
    return out;
}

} // namespace

Table side_by_side(const std::vector<PopulationTable>& tables, const std::string& population_header,
                   Lang lang) {
    if (tables.empty()) {
        throw std::logic_error("side_by_side: no tables");
    }
    if (tables.size() == 1) {
        return tables.front().table;
    }
    if (tables.front().table.id.rfind("freq.", 0) == 0) {
        return frequencies_side_by_side(tables, population_header, lang);
    }
    return rows_side_by_side(tables, population_header, lang);
}

} // namespace careerstat::table
