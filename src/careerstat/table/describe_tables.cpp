// Descriptive tables: Likert items and batteries, report grades, NPS, numeric answers.
#include "careerstat/table/builders.hpp"

#include "careerstat/stats/mean_ci.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace careerstat::table {

using codebook::Question;
using codebook::Variable;
using codebook::VarType;

namespace {

constexpr std::string_view k_box_note = "Top-2 and bottom-2 % are the shares of valid answers "
                                        "in the two highest and the two lowest codes.";

Cell num(double v) {
    if (!std::isfinite(v)) {
        return std::monostate{};
    }
    return v;
}

std::string level_label(const BuildOptions& o, const char* which) {
    return fmt::format("{:g}% {}", o.level * 100, tr(o.lang, which));
}

struct MeanStats {
    stats::Summary s;
    stats::Interval ci{std::nan(""), std::nan("")};
    bool no_spread = false; // two or more answers, all the same: no interval
};

MeanStats mean_stats(const Variable& v, const data::VariableCounts& c, const BuildOptions& o) {
    MeanStats m;
    m.s = stats::summarize(data::value_counts(v, c));
    if (c.valid_w > 0) {
        m.ci = stats::mean_ci(m.s, o.level, o.population);
        m.no_spread = m.s.cases >= 2 && m.s.se == 0 && std::isnan(m.ci.low);
    }
    return m;
}

// "No interval for grade: every answer is the same ..." for the variables that need it.
void add_no_spread_note(Table& t, const std::vector<std::string>& names, const BuildOptions& o) {
    if (names.empty()) {
        return;
    }
    std::string list;
    for (const std::string& n : names) {
        list += (list.empty() ? "" : ", ") + n;
    }
    t.footnotes.push_back(fmt::format(
        fmt::runtime(tr(o.lang, "No interval for {}: every answer is the same, so the data give "
                                "no spread to estimate it from.")),
        list));
}

// The sum of weights of the two highest (top) or two lowest (bottom) answer codes.
double box(const Variable& v, const data::VariableCounts& c, bool top) {
    std::vector<std::pair<double, double>> by_value; // value, weight
    for (std::size_t i = 0; i < v.choices.size(); ++i) {
        by_value.emplace_back(v.choices[i].value.value_or(static_cast<double>(i + 1)), c.valid[i]);
    }
    std::sort(by_value.begin(), by_value.end());
    double sum = 0;
    for (std::size_t k = 0; k < 2 && k < by_value.size(); ++k) {
        sum += top ? by_value[by_value.size() - 1 - k].second : by_value[k].second;
    }
    return sum;
}

// variable, label, n, mean, SD: how every descriptive table starts.
std::vector<Column> head_columns(const BuildOptions& o, const char* label_header) {
    return {
        {"variable", tr(o.lang, "Variable").data(), ColumnType::Text, -1, !o.codes},
        {"label", tr(o.lang, label_header).data(), ColumnType::Text},
        {"n", "n", ColumnType::Count},
        {"mean", tr(o.lang, "Mean").data(), ColumnType::Number},
        {"sd", tr(o.lang, "SD").data(), ColumnType::Number},
    };
}

// The interval of the mean, how every descriptive table but NPS ends.
void add_ci_columns(Table& t, const BuildOptions& o) {
    t.columns.push_back({"ci_low", level_label(o, "CI low"), ColumnType::Number});
    t.columns.push_back({"ci_high", level_label(o, "CI high"), ColumnType::Number});
}

Table likert_table(std::string id, std::string title, std::string subtitle,
                   const BuildOptions& o) {
    Table t;
    t.id = std::move(id);
    t.title = std::move(title);
    t.subtitle = std::move(subtitle);
    t.columns = head_columns(o, "Item");
    t.columns.push_back({"median", tr(o.lang, "Median").data(), ColumnType::Number});
    t.columns.push_back({"top2_pct", tr(o.lang, "Top-2 %").data(), ColumnType::Percent});
    t.columns.push_back({"bottom2_pct", tr(o.lang, "Bottom-2 %").data(), ColumnType::Percent});
    add_ci_columns(t, o);
    t.chart_n_column = 2;
    return t;
}

// Adds an item's row; the item's name goes to `no_spread` when it has no interval.
void add_likert_row(Table& t, const Variable& v, const data::VariableCounts& c,
                    const BuildOptions& o, std::vector<std::string>& no_spread) {
    const MeanStats m = mean_stats(v, c, o);
    if (m.no_spread) {
        no_spread.push_back(v.name);
    }
    const double w = c.valid_w;
    std::string label = v.label;
    if (v.reverse) {
        label += std::string(" ") + tr(o.lang, "(reverse-worded)").data();
    }
    std::vector<Cell> cells = {v.name, label, w, num(m.s.mean), num(m.s.sd), num(m.s.median),
                               w > 0 ? Cell{100 * box(v, c, true) / w} : Cell{},
                               w > 0 ? Cell{100 * box(v, c, false) / w} : Cell{},
                               num(m.ci.low), num(m.ci.high)};
    cells.resize(t.columns.size()); // distribution columns, when present, are filled after
    t.add_row(std::move(cells));
}

// Percent of valid answers per code, one column per code of `scale` (low to high), for the
// diverging bar chart of a battery.
void add_distribution_columns(Table& t, const Variable& scale) {
    t.chart = Chart::Diverging;
    t.chart_label_column = t.column_index("label");
    t.chart_value_column = t.columns.size();
    t.chart_value_count = scale.choices.size();
    for (const auto& c : scale.choices) {
        t.columns.push_back({"pct_" + c.code, c.label, ColumnType::Percent});
    }
    for (Row& r : t.rows) {
        r.cells.resize(t.columns.size());
    }
}

// Fills the distribution cells of the row just added for `v`, matched to `scale` by code.
void append_distribution(Table& t, const Variable& v, const Variable& scale,
                         const data::VariableCounts& c) {
    Row& row = t.rows.back();
    const std::size_t first = *t.chart_value_column;
    row.cells.resize(t.columns.size());
    for (std::size_t k = 0; k < scale.choices.size(); ++k) {
        for (std::size_t i = 0; i < v.choices.size(); ++i) {
            if (v.choices[i].code == scale.choices[k].code && c.valid_w > 0) {
                row.cells[first + k] = 100 * c.valid[i] / c.valid_w;
            }
        }
    }
}

Table grade_table(const BuildOptions& o) {
    Table t;
    t.id = "describe.grades";
    t.title = tr(o.lang, "Report grades (1-10)").data();
    t.columns = head_columns(o, "Question");
    t.columns.push_back({"median", tr(o.lang, "Median").data(), ColumnType::Number});
    t.columns.push_back({"pass_pct", tr(o.lang, "% 6 or higher").data(), ColumnType::Percent});
    add_ci_columns(t, o);
    return t;
}

Table nps_table(const BuildOptions& o) {
    Table t;
    t.id = "describe.nps";
    t.title = tr(o.lang, "Net Promoter Score (0-10)").data();
    t.columns = {
        {"variable", tr(o.lang, "Variable").data(), ColumnType::Text, -1, !o.codes},
        {"label", tr(o.lang, "Question").data(), ColumnType::Text},
        {"n", "n", ColumnType::Count},
        {"promoters_pct", tr(o.lang, "Promoters % (9-10)").data(), ColumnType::Percent},
        {"passives_pct", tr(o.lang, "Passives % (7-8)").data(), ColumnType::Percent},
        {"detractors_pct", tr(o.lang, "Detractors % (0-6)").data(), ColumnType::Percent},
        {"nps", "NPS", ColumnType::Number, 1},
        {"ci_low", level_label(o, "CI low"), ColumnType::Number, 1},
        {"ci_high", level_label(o, "CI high"), ColumnType::Number, 1},
    };
    // Detractors, passives and promoters as a diverging bar around the passives.
    t.chart = Chart::Diverging;
    t.chart_label_column = 1;
    t.chart_value_column = 3;
    t.chart_value_count = 3;
    t.chart_reversed = true;
    t.chart_n_column = 2;
    return t;
}

Table numeric_table(const BuildOptions& o) {
    Table t;
    t.id = "describe.numeric";
    t.title = tr(o.lang, "Numeric answers").data();
    t.columns = head_columns(o, "Question");
    for (const char* q : {"min", "q1", "median", "q3", "max"}) {
        const std::string name = q;
        const std::string label = name == "median" ? std::string(tr(o.lang, "Median"))
                                  : name == "min"  ? "Min"
                                  : name == "max"  ? "Max"
                                                   : std::string(1, 'Q') + name.substr(1);
        t.columns.push_back({name, label, ColumnType::Number});
    }
    add_ci_columns(t, o);
    return t;
}

} // namespace

std::vector<Table> describe_tables(const codebook::Codebook& cb, const data::Tabulator& tab,
                                   const BuildOptions& o, const QuestionSubset& only) {
    std::vector<Table> out;
    Table items = likert_table("describe.likert", tr(o.lang, "Likert items").data(), "", o);
    Table grades = grade_table(o);
    Table nps = nps_table(o);
    Table numeric = numeric_table(o);
    Table scales = numeric_table(o);
    scales.id = "describe.scales";
    scales.title = tr(o.lang, "Scale scores").data();
    std::vector<std::string> scale_rules; // "outcome: 4 of 7"
    std::optional<std::size_t> items_scale; // codebook index of the Likert items' scale
    // Variables without an interval because every answer is the same, per shared table.
    std::vector<std::string> items_flat;
    std::vector<std::string> grades_flat;
    std::vector<std::string> numeric_flat;
    std::vector<std::string> scales_flat;
    for (std::size_t qi = 0; qi < tab.questions().size(); ++qi) {
        if (!only.empty() && std::find(only.begin(), only.end(), qi) == only.end()) {
            continue;
        }
        const Question& q = tab.questions()[qi];
        if (q.kind == Question::Kind::Battery) {
            Table t = likert_table("describe." + q.name, q.label, q.name, o);
            const Variable& first = cb.variables[q.variables[0]];
            if (o.likert_distribution) {
                add_distribution_columns(t, first);
            }
            std::vector<std::string> flat;
            for (std::size_t v : q.variables) {
                add_likert_row(t, cb.variables[v], tab.counts(v), o, flat);
                if (o.likert_distribution) {
                    append_distribution(t, cb.variables[v], first, tab.counts(v));
                }
            }
            t.footnotes.emplace_back(tr(o.lang, k_box_note));
            add_no_spread_note(t, flat, o);
            out.push_back(std::move(t));
            continue;
        }
        for (std::size_t vi : q.variables) {
            const Variable& v = cb.variables[vi];
            const data::VariableCounts& c = tab.counts(vi);
            if (v.type == VarType::Likert) {
                if (o.likert_distribution && !items_scale) {
                    items_scale = vi; // the first item's answer scale heads the columns
                    add_distribution_columns(items, v);
                }
                add_likert_row(items, v, c, o, items_flat);
                if (o.likert_distribution) {
                    append_distribution(items, v, cb.variables[*items_scale], c);
                }
            } else if (v.type == VarType::Grade) {
                const MeanStats m = mean_stats(v, c, o);
                if (m.no_spread) {
                    grades_flat.push_back(v.name);
                }
                double pass = 0;
                for (const auto& [value, w] : data::value_counts(v, c)) {
                    pass += value >= 6 ? w.w : 0;
                }
                grades.add_row({v.name, v.label, c.valid_w, num(m.s.mean), num(m.s.sd),
                                num(m.s.median),
                                c.valid_w > 0 ? Cell{100 * pass / c.valid_w} : Cell{},
                                num(m.ci.low), num(m.ci.high)});
            } else if (v.type == VarType::Nps) {
                // Promoters, passives, detractors: summed and squared weights.
                double sums[3] = {0, 0, 0};
                double squares[3] = {0, 0, 0};
                for (const auto& [value, w] : data::value_counts(v, c)) {
                    const int g = value >= 9 ? 0 : value >= 7 ? 1 : 2;
                    sums[g] += w.w;
                    squares[g] += w.w2;
                }
                const double pro = sums[0];
                const double pas = sums[1];
                const double det = sums[2];
                if (c.valid_w > 0) {
                    // The score s = +1/0/-1 has mean m = p - d and per-case variance
                    // p + d - m^2 (stats/design.hpp: the design-based effective n).
                    const double p = pro / c.valid_w;
                    const double d = det / c.valid_w;
                    const double m = p - d;
                    const double dev2 = squares[0] * (1 - m) * (1 - m) + squares[1] * m * m +
                                        squares[2] * (1 + m) * (1 + m);
                    const double n_eff = stats::design_effective_n(
                        design_base(c.valid_cases, c.valid_w, c.valid_w2, o), p + d - m * m, dev2);
                    const stats::Nps s = stats::net_promoter_score(pro, pas, det, n_eff, o.level);
                    nps.add_row({v.name, v.label, c.valid_w, s.promoters_pct, s.passives_pct,
                                 s.detractors_pct, s.score, num(s.ci.low), num(s.ci.high)});
                } else {
                    nps.add_row({v.name, v.label, 0.0, Cell{}, Cell{}, Cell{}, Cell{}, Cell{},
                                 Cell{}});
                }
            } else if (v.type == VarType::Numeric) {
                const MeanStats m = mean_stats(v, c, o);
                if (m.no_spread) {
                    (v.is_derived() ? scales_flat : numeric_flat).push_back(v.name);
                }
                if (v.is_derived()) {
                    scale_rules.push_back(fmt::format("{}: {} {} {}", v.name, v.min_items,
                                                      tr(o.lang, "of"), v.items.size()));
                }
                (v.is_derived() ? scales : numeric).add_row({v.name, v.label, c.valid_w, num(m.s.mean), num(m.s.sd),
                                 num(m.s.min), num(m.s.q1), num(m.s.median), num(m.s.q3),
                                 num(m.s.max), num(m.ci.low), num(m.ci.high)});
            }
        }
    }
    items.footnotes.emplace_back(tr(o.lang, k_box_note));
    grades.footnotes.emplace_back(tr(o.lang, "A grade of 6 or higher is a pass mark."));
    nps.footnotes.emplace_back(tr(
        o.lang, "NPS = % promoters (9-10) minus % detractors (0-6); adjusted Wald interval (Rocks "
                "2016)."));
    add_no_spread_note(items, items_flat, o);
    add_no_spread_note(grades, grades_flat, o);
    add_no_spread_note(numeric, numeric_flat, o);
    if (!scale_rules.empty()) {
        scales.footnotes.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "A scale score is the mean of a respondent's answered items "
                                    "(reverse-worded ones recoded), given when at least so many "
                                    "are answered: {}. Reliability: careerstat scale.")),
            fmt::join(scale_rules, "; ")));
    }
    add_no_spread_note(scales, scales_flat, o);
    for (Table* t : {&items, &grades, &nps, &numeric, &scales}) {
        if (!t->rows.empty()) {
            out.push_back(std::move(*t));
        }
    }
    const auto common = common_footnotes(o, false);
    for (Table& t : out) {
        if (t.id != "describe.nps") {
            t.footnotes.emplace_back(fmt::format(
                fmt::runtime(tr(o.lang, "Interval for the mean from Student's t.")), ""));
        }
        t.footnotes.insert(t.footnotes.end(), common.begin(), common.end());
    }
    make_ids_unique(out);
    return out;
}

} // namespace careerstat::table
