#include "careerstat/table/trend_tables.hpp"

#include "careerstat/stats/difference.hpp"
#include "careerstat/stats/tests.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <optional>
#include <tuple>
#include <fmt/format.h>

namespace careerstat::table {

namespace {

Cell num(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }

std::string level_text(double level) { return fmt::format("{:g}%", level * 100); }

// A code that is a number is written as one (as frequency tables do).
Cell key_cell(const std::string& key) {
    if (const auto v = util::parse_number(key, false); v && fmt::format("{:g}", *v) == key) {
        return *v;
    }
    return key;
}

struct Change {
    double diff = std::nan("");
    double low = std::nan("");
    double high = std::nan("");
    double p = std::nan("");
};

// The change from `before` to `after`: percentage points for shares, units for means.
Change change(const TrendEstimate& after, const TrendEstimate& before, bool means, double level) {
    Change c;
    if (means) {
        if (!(after.cases >= 2 && before.cases >= 2) || !std::isfinite(after.se) ||
            !std::isfinite(before.se) || !(after.se > 0 || before.se > 0)) {
            return c;
        }
        const stats::MeanDifference d = stats::welch_mean_difference(
            after.value, after.se, after.cases, before.value, before.se, before.cases, level);
        return {d.difference, d.lower, d.upper, d.p_value};
    }
    if (!(after.n_eff > 0 && before.n_eff > 0) || !std::isfinite(after.value) ||
        !std::isfinite(before.value)) {
        return c;
    }
    const stats::DifferenceInterval d =
        stats::newcombe_difference(after.value, after.n_eff, before.value, before.n_eff, level);
    c.diff = 100 * d.difference;
    c.low = 100 * d.lower;
    c.high = 100 * d.upper;
    if (std::isfinite(after.n_eff) && std::isfinite(before.n_eff)) {
        c.p = stats::two_proportion_z_test(after.value * after.n_eff, after.n_eff,
                                           before.value * before.n_eff, before.n_eff)
                  .p_value;
    }
    return c;
}

const TrendEstimate* find_row(const TrendWave& w, const std::string& key) {
    for (const TrendEstimate& e : w.rows) {
        if (e.key == key) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

Table trend_table(const TrendQuestion& q, const TrendOptions& o) {
    Table t;
    t.id = q.id;
    t.title = q.title;
    t.subtitle = q.subtitle;
    const std::string lv = level_text(o.level);
    const std::string ci_low = fmt::format("{} {}", lv, tr(o.lang, "CI low"));
    const std::string ci_high = fmt::format("{} {}", lv, tr(o.lang, "CI high"));
    const int dec = q.means ? 2 : 1;
    t.columns.push_back({"variable", tr(o.lang, "Variable").data(), ColumnType::Text, -1, true});
    if (!q.means) {
        t.columns.push_back({"code", tr(o.lang, "Code").data(), ColumnType::Code, -1,
                             !o.codes || q.codes_are_variables});
    }
    t.columns.push_back({"label", tr(o.lang, q.means ? "Item" : "Answer").data(), ColumnType::Text});
    t.columns.push_back({"wave", tr(o.lang, "Wave").data(), ColumnType::Code});
    t.columns.push_back({"n", "n", ColumnType::Count});
    if (q.means) {
        t.columns.push_back({"mean", tr(o.lang, "Mean").data(), ColumnType::Number, 2});
        t.columns.push_back({"sd", tr(o.lang, "SD").data(), ColumnType::Number, 2});
        t.columns.push_back({"ci_low", ci_low, ColumnType::Number, 2});
        t.columns.push_back({"ci_high", ci_high, ColumnType::Number, 2});
    } else {
        t.columns.push_back({"base", tr(o.lang, "Base").data(), ColumnType::Count});
        t.columns.push_back({"pct", "%", ColumnType::Percent});
        t.columns.push_back({"ci_low", ci_low, ColumnType::Percent});
        t.columns.push_back({"ci_high", ci_high, ColumnType::Percent});
    }
    const std::size_t value_col = t.column_index(q.means ? "mean" : "pct");
    // No change columns when fewer than two waves are comparable; the first wave's only
    // from the third on.
    const auto present = std::count_if(q.waves.begin(), q.waves.end(),
                                       [](const TrendWave& w) { return w.present; });
    const bool with_prev = present >= 2;
    const bool with_first = with_prev && present >= 3;
    for (const auto& [prefix, words] : {std::pair{"diff_prev", "from the previous wave"},
                                        std::pair{"diff_first", "from the first wave"}}) {
        if ((std::string_view(prefix) == "diff_first" && !with_first) || !with_prev) {
            continue;
        }
        const std::string category(tr(o.lang, words));
        for (const auto& [suffix, head, type] :
             {std::tuple{"", std::string("Δ"), ColumnType::Number},
              std::tuple{"_low", fmt::format("{} {}", lv, tr(o.lang, "low")), ColumnType::Number},
              std::tuple{"_high", fmt::format("{} {}", lv, tr(o.lang, "high")), ColumnType::Number},
              std::tuple{"_p", std::string("p"), ColumnType::PValue}}) {
            Column c{std::string(prefix) + suffix, head, type, type == ColumnType::Number ? dec : -1};
            c.category = category;
            t.columns.push_back(std::move(c));
        }
    }

    // Rows: the newest wave's answers in its order, then answers only earlier waves had.
    std::vector<std::pair<std::string, std::string>> keys;
    for (auto w = q.waves.rbegin(); w != q.waves.rend(); ++w) {
        for (const TrendEstimate& e : w->rows) {
            if (std::none_of(keys.begin(), keys.end(), [&](const auto& k) { return k.first == e.key; })) {
                keys.emplace_back(e.key, e.label);
            }
        }
    }
    const std::size_t n_col = t.column_index("n");
    const std::size_t base_col = t.column_index("base");
    const std::size_t prev_col = t.column_index("diff_prev");
    const std::size_t first_col = t.column_index("diff_first");
    bool any_small = false;
    bool any_change = false;
    for (const auto& entry : keys) {
        const std::string& key = entry.first; // named: lambdas cannot capture bindings in clang 14
        const std::string& label = entry.second;
        // The previous and the first wave compared: a wave left out (drift) or without the
        // answer is skipped, so "previous" is the last wave that has it.
        std::optional<std::size_t> first_wave, prev_wave;
        for (std::size_t wi = 0; wi < q.waves.size(); ++wi) {
            const TrendWave& w = q.waves[wi];
            const TrendEstimate* e = w.present ? find_row(w, key) : nullptr;
            if (e == nullptr) {
                continue;
            }
            // Shares: the question's base in the wave; means: the item's cases.
            const bool small = (q.means ? e->cases : w.base_cases) < o.min_base;
            std::vector<Cell> cells;
            cells.push_back(q.codes_are_variables || q.means ? Cell{key} : Cell{q.variable});
            if (!q.means) {
                cells.push_back(key_cell(key));
            }
            cells.push_back(label);
            cells.push_back(static_cast<double>(w.year));
            cells.push_back(e->n);
            if (q.means) {
                cells.insert(cells.end(), {num(e->value), num(e->sd), num(e->low), num(e->high)});
            } else {
                const double s = 100.0;
                cells.insert(cells.end(), {w.base, num(s * e->value), num(s * e->low), num(s * e->high)});
            }
            cells.resize(t.columns.size());
            Row row;
            row.cells = std::move(cells);
            row.marks.assign(t.columns.size(), "");
            row.intervals.assign(t.columns.size(), {std::nan(""), std::nan("")});
            const double scale = q.means ? 1 : 100;
            row.intervals[value_col] = {scale * e->low, scale * e->high};
            if (small) {
                row.marks[q.means ? n_col : base_col] = "*";
                any_small = true;
            }
            // The changes, each with a wave that has the row and a base to test.
            const auto put = [&](std::size_t col, std::size_t other) {
                const TrendWave& b = q.waves[other];
                const TrendEstimate* be = b.present ? find_row(b, key) : nullptr;
                if (be == nullptr || small || (q.means ? be->cases : b.base_cases) < o.min_base) {
                    return;
                }
                const Change c = change(*e, *be, q.means, o.level);
                row.cells[col] = num(c.diff);
                row.cells[col + 1] = num(c.low);
                row.cells[col + 2] = num(c.high);
                row.cells[col + 3] = num(c.p);
                if (std::isfinite(c.low) && (c.low > 0 || c.high < 0)) {
                    row.marks[col] = c.low > 0 ? "▲" : "▼";
                }
                any_change = any_change || std::isfinite(c.diff);
            };
            if (with_prev && prev_wave) {
                put(prev_col, *prev_wave);
            }
            if (with_first && first_wave && prev_wave && *first_wave != *prev_wave) {
                put(first_col, *first_wave);
            }
            if (!first_wave) {
                first_wave = wi;
            }
            prev_wave = wi;
            t.rows.push_back(std::move(row));
        }
    }
    if (any_change) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(o.lang, q.means
                ? "Δ: the change of the mean from the previous (or the first) wave, with Welch's t-test (unequal variances) and its {} interval; ▲ ▼: a significant rise or fall (the interval excludes 0)."
                : "Δ: the change in percentage points from the previous (or the first) wave, with Newcombe's hybrid-score {} interval (Newcombe 1998, method 10) on each wave's effective n; p: two-sided z-test of two proportions; ▲ ▼: a significant rise or fall (the interval excludes 0).")),
            lv));
    }
    if (any_small) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "* Fewer than {:g} cases in this wave: its changes are not tested (min_base).")),
            o.min_base));
    }
    t.footnotes.insert(t.footnotes.end(), q.footnotes.begin(), q.footnotes.end());
    t.chart = Chart::Trend;
    t.chart_label_column = t.column_index("label");
    t.chart_value_column = value_col;
    t.chart_x_column = t.column_index("wave");
    if (const std::size_t n = t.column_index(q.means ? "n" : "base"); n != std::string::npos) {
        t.chart_n_column = n;
    }
    return t;
}

} // namespace careerstat::table
