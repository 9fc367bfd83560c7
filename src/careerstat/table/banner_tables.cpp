// Banner tables from CrossCounts: layout, pairwise letters, overall tests, small bases and
// suppression. Formulas and sources: docs/comparisons.md.
#include "careerstat/table/banner.hpp"
#include "careerstat/table/banner_builder.hpp"

#include "careerstat/stats/fisher.hpp"
#include "careerstat/stats/suppress.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

namespace careerstat::table {

using codebook::Question;

namespace banner_detail {

std::vector<BannerColumn> banner_columns(const codebook::Codebook& cb, const CrossCounts& cross,
                                         Lang lang) {
    std::vector<BannerColumn> out;
    out.push_back({0, std::string::npos, "total", std::string(tr(lang, "Total")), ""});
    for (std::size_t b = 0; b < cross.banners().size(); ++b) {
        const data::Banner& banner = cross.banners()[b];
        for (std::size_t k = 0; k < banner.categories.size(); ++k) {
            std::string code = std::to_string(k + 1);
            if (banner.kind == data::Banner::Kind::Choice) {
                code = cb.variables[banner.variables[0]].choices[k].code;
            } else if (banner.kind == data::Banner::Kind::Options) {
                code = cb.variables[banner.variables[k]].name;
            }
            out.push_back({cross.first_column(b) + k, b, banner.name + "." + code,
                           banner.categories[k], column_letter(k)});
        }
    }
    return out;
}


namespace {

template <typename Test>
std::vector<std::string> row_marks(const std::vector<BannerColumn>& cols,
                                   const std::vector<bool>& testable, const BannerOptions& o,
                                   Test test) {
    std::vector<std::string> marks(cols.size());
    for (std::size_t start = 1; start < cols.size();) {
        std::size_t end = start;
        while (end < cols.size() && cols[end].banner == cols[start].banner) {
            ++end;
        }
        // Every pair of tested columns in this banner, adjusted together.
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        std::vector<double> p;
        std::vector<bool> first_higher;
        for (std::size_t i = start; i < end; ++i) {
            for (std::size_t j = i + 1; j < end; ++j) {
                if (!testable[i] || !testable[j]) {
                    continue;
                }
                const auto [pv, higher] = test(i, j);
                if (std::isnan(pv)) {
                    continue;
                }
                pairs.emplace_back(i, j);
                p.push_back(pv);
                first_higher.push_back(higher);
            }
        }
        const std::vector<double> adjusted = stats::adjust_p_values(p, o.adjust);
        for (std::size_t i = start; i < end; ++i) {
            std::vector<double> pi(end - start, k_nan);
            std::vector<bool> hi(end - start, false);
            for (std::size_t k = 0; k < pairs.size(); ++k) {
                if (pairs[k].first == i) {
                    pi[pairs[k].second - start] = adjusted[k];
                    hi[pairs[k].second - start] = first_higher[k];
                } else if (pairs[k].second == i) {
                    pi[pairs[k].first - start] = adjusted[k];
                    hi[pairs[k].first - start] = !first_higher[k];
                }
            }
            marks[i] = significance_letters(pi, hi, o.sig);
        }
        start = end;
    }
    return marks;
}


} // namespace

std::vector<std::string> Builder::notes(bool proportions, bool tested, bool starred) const {
    std::vector<std::string> out;
    const std::string sig =
        bo.sig.size() > 1
            ? fmt::format(fmt::runtime(tr(o.lang, "upper case p < {}, lower case p < {}")),
                          footnote_number(bo.sig[0], o.lang), footnote_number(bo.sig[1], o.lang))
            : "p < " + footnote_number(bo.sig[0], o.lang);
    if (tested) {
        const std::string_view adjust =
            bo.adjust == stats::Adjust::Bonferroni          ? ", Bonferroni-adjusted within each row"
            : bo.adjust == stats::Adjust::Holm              ? ", Holm-adjusted within each row"
            : bo.adjust == stats::Adjust::BenjaminiHochberg ? ", Benjamini-Hochberg-adjusted within each row"
                                                            : "";
        out.push_back(fmt::format(
            fmt::runtime(tr(o.lang, proportions
                                        ? "A letter marks a column whose share is significantly lower than this one's (two-sided z-test of column proportions, {}{})."
                                        : "A letter marks a column whose mean is significantly lower than this one's (two-sided Welch's t-test, {}{}).")),
            sig, tr(o.lang, adjust)));
    }
    if (starred) {
        out.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "* Base below {}: not tested; below {}: no percentages or means.")),
            footnote_number(bo.min_base, o.lang), footnote_number(bo.hide_below, o.lang)));
    }
    out.push_back(std::string(tr(o.lang, "Bases count valid answers: missing codes and blanks are left out.")));
    for (std::size_t k = 0; k < cross.banners().size(); ++k) {
        const data::Banner& b = cross.banners()[k];
        if (cross.outside()[k].n > 0) {
            out.push_back(fmt::format(
                fmt::runtime(tr(o.lang, "{}: respondents in Total only (no answer, or outside every band): {}.")),
                b.label, footnote_number(cross.outside()[k].n, o.lang)));
        }
        if (b.overlapping()) {
            out.push_back(fmt::format(
                fmt::runtime(tr(o.lang, "{}: a respondent can be in several of its columns; they overlap, and tests treat them as independent.")),
                b.label));
        }
    }
    if (weighted) {
        out.push_back(std::string(tr(o.lang, "Tests use effective bases (Kish's (sum w)^2 / sum w^2).")));
    }
    BuildOptions plain = o; // no intervals here, so no finite population correction
    plain.population = 0;
    for (std::string& n : common_footnotes(plain, false)) {
        out.push_back(std::move(n));
    }
    return out;
}

Table Builder::distribution(const CrossBlock& block, const std::string& id,
                            const std::string& title) {
    const Question& q = cross.questions()[block.question];
    const codebook::Variable& v = cb.variables[block.variable];
    Table t;
    t.id = id;
    t.title = title;
    t.subtitle = by_subtitle();
    t.columns.push_back({"answer", std::string(tr(o.lang, "Answer")), ColumnType::Text});
    add_columns(t, {{"n", ColumnType::Count}, {"pct", ColumnType::Percent}}, {"n", "%"});
    const std::size_t stride = 2;
    BuildOptions plain = o;
    plain.population = 0;
    std::vector<bool> testable(cols.size()), shown(cols.size());
    for (std::size_t c = 0; c < cols.size(); ++c) {
        const CellSums& base = block.base[cols[c].index];
        shown[c] = base.n >= bo.hide_below && base.n > 0;
        testable[c] = c > 0 && base.n >= bo.min_base && shown[c];
    }
    auto label_of = [&](std::size_t r) {
        if (block.kind == CrossBlock::Kind::Options) {
            if (v.is_multi_column()) {
                return v.choices[r].label.empty() ? v.choices[r].code : v.choices[r].label;
            }
            const codebook::Variable& ov = cb.variables[q.variables[r]];
            return ov.label.empty() ? ov.name : ov.label;
        }
        return v.choices[r].label.empty() ? v.choices[r].code : v.choices[r].label;
    };
    for (std::size_t r = 0; r < block.rows; ++r) {
        Row row;
        row.cells.push_back(label_of(r));
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const CellSums& cell = block.cell(r, cols[c].index);
            const CellSums& base = block.base[cols[c].index];
            row.cells.push_back(cell.w);
            row.cells.push_back(shown[c] ? num(cell.w / base.w * 100) : Cell{});
        }
        const std::vector<std::string> letters =
            row_marks(cols, testable, bo, [&](std::size_t i, std::size_t j) {
                const CellSums& bi = block.base[cols[i].index];
                const CellSums& bj = block.base[cols[j].index];
                const double ni = effective_n(bi), nj = effective_n(bj);
                const double pi = block.cell(r, cols[i].index).w / bi.w;
                const double pj = block.cell(r, cols[j].index).w / bj.w;
                const stats::ZTest z = stats::two_proportion_z_test(pi * ni, ni, pj * nj, nj);
                return std::pair{z.z == 0 && z.p_value == 1 && pi == pj ? k_nan : z.p_value,
                                 pi > pj};
            });
        row.marks.assign(t.columns.size(), "");
        row.intervals.assign(t.columns.size(), {k_nan, k_nan});
        for (std::size_t c = 0; c < cols.size(); ++c) {
            row.marks[1 + c * stride + 1] = letters[c];
            const CellSums& cell = block.cell(r, cols[c].index);
            const CellSums& base = block.base[cols[c].index];
            if (shown[c]) {
                // The share's interval as freq computes it, on the column's design-based
                // effective base; no finite population correction for a subgroup.
                const stats::Interval ci = share_interval(
                    cell.w / base.w, design_base(base.n, base.w, base.w2, plain), cell.w2, plain);
                row.intervals[1 + c * stride + 1] = {ci.low * 100, ci.high * 100};
            }
        }
        t.rows.push_back(std::move(row));
    }
    // HTML: grouped bars of Total and the first banner's categories, with whiskers.
    t.chart = Chart::Bars;
    t.chart_label_column = 0;
    t.chart_value_column = 2;
    t.chart_value_stride = stride;
    t.chart_value_count = cross.banners().empty()
                              ? 1
                              : 1 + cross.banners().front().categories.size();
    for (std::size_t c = 0; c < t.chart_value_count && c < cols.size(); ++c) {
        t.chart_bases.push_back(block.base[cols[c].index].w);
    }
    bool starred = false;
    Row base_row;
    base_row.kind = RowKind::Total;
    base_row.cells.push_back(std::string(tr(o.lang, "Base")));
    base_row.marks.assign(t.columns.size(), "");
    for (std::size_t c = 0; c < cols.size(); ++c) {
        const CellSums& base = block.base[cols[c].index];
        base_row.cells.push_back(base.w);
        base_row.cells.push_back(Cell{});
        if (c > 0 && base.n < std::max(bo.min_base, bo.hide_below)) {
            base_row.marks[1 + c * stride] = "*";
            starred = true;
        }
    }
    t.rows.push_back(base_row);
    if (weighted) {
        Row unweighted;
        unweighted.kind = RowKind::Total;
        unweighted.cells.push_back(std::string(tr(o.lang, "Unweighted base")));
        for (std::size_t c = 0; c < cols.size(); ++c) {
            unweighted.cells.push_back(block.base[cols[c].index].n);
            unweighted.cells.push_back(Cell{});
        }
        t.rows.push_back(std::move(unweighted));
    }
    // Suppression, banner by banner: the categories are the interior, the total column the
    // row margins, the base row the column margins.
    if (bo.suppress > 1) {
        // Each banner's categories against the shared Total column: a row total one banner
        // hides is hidden in every banner and protected there too, so the rounds repeat
        // until no banner hides a new one (the hidden totals only grow).
        // Respondents outside a banner (no answer to it) make the Total column more than the
        // sum of its categories: they are one more column, never published, so that the
        // row totals are the Total column's real counts.
        struct Part {
            std::size_t start, end;
            bool outside = false; // an extra last interior column of the respondents outside
            std::vector<std::vector<double>> interior;
            stats::Suppression s;
        };
        std::vector<Part> parts;
        for (std::size_t start = 1; start < cols.size();) {
            std::size_t end = start;
            while (end < cols.size() && cols[end].banner == cols[start].banner) {
                ++end;
            }
            const bool exclusive = !cross.banners()[cols[start].banner].overlapping();
            Part part{start, end, false,
                      std::vector<std::vector<double>>(block.rows,
                                                       std::vector<double>(end - start, 0.0)),
                      {}};
            std::vector<double> outside(block.rows, 0.0);
            for (std::size_t r = 0; r < block.rows; ++r) {
                double sum = 0;
                for (std::size_t c = start; c < end; ++c) {
                    part.interior[r][c - start] = block.cell(r, cols[c].index).n;
                    sum += part.interior[r][c - start];
                }
                outside[r] = std::max(0.0, block.cell(r, 0).n - sum);
                part.outside = part.outside || (exclusive && outside[r] > 0);
            }
            if (part.outside) {
                for (std::size_t r = 0; r < block.rows; ++r) {
                    part.interior[r].push_back(outside[r]);
                }
            }
            parts.push_back(std::move(part));
            start = end;
        }
        std::vector<bool> total_hidden(block.rows, false);
        bool grand_hidden = false;
        for (bool changed = true; changed;) {
            changed = false;
            for (Part& part : parts) {
                const std::size_t width = part.interior.front().size();
                stats::Suppression shared;
                shared.cell.assign(block.rows, std::vector<bool>(width, part.outside));
                shared.row_total = total_hidden;
                shared.column_total.assign(width, false);
                if (part.outside) {
                    for (std::size_t r = 0; r < block.rows; ++r) {
                        shared.cell[r].assign(width, false);
                        shared.cell[r].back() = true; // the respondents outside: never shown
                    }
                    // Their total is not forced: Total's base minus the categories' gives it.
                }
                shared.grand_total = grand_hidden;
                part.s = stats::suppress_small_cells(part.interior, bo.suppress, &shared);
                for (std::size_t r = 0; r < block.rows; ++r) {
                    changed = changed || (part.s.row_total[r] && !total_hidden[r]);
                    total_hidden[r] = total_hidden[r] || part.s.row_total[r];
                }
                changed = changed || (part.s.grand_total && !grand_hidden);
                grand_hidden = grand_hidden || part.s.grand_total;
            }
        }
        auto hide = [&](Row& row, std::size_t c, bool percent_too) {
            row.cells[1 + c * stride] = Cell{};
            row.marks[1 + c * stride] = std::string(k_suppressed);
            if (percent_too) {
                row.cells[1 + c * stride + 1] = Cell{};
                row.marks[1 + c * stride + 1] = std::string(k_suppressed);
                row.intervals[1 + c * stride + 1] = {k_nan, k_nan};
            }
        };
        for (const Part& part : parts) {
            for (std::size_t r = 0; r < block.rows; ++r) {
                for (std::size_t c = part.start; c < part.end; ++c) {
                    if (part.s.cell[r][c - part.start]) {
                        hide(t.rows[r], c, true);
                    }
                }
            }
            for (std::size_t c = part.start; c < part.end; ++c) {
                if (part.s.column_total[c - part.start]) {
                    // The base hidden, the column's shares would give its counts away.
                    hide(t.rows[block.rows], c, false);
                    for (std::size_t r = 0; r < block.rows; ++r) {
                        hide(t.rows[r], c, true);
                    }
                }
            }
        }
        for (std::size_t r = 0; r < block.rows; ++r) {
            if (total_hidden[r]) {
                hide(t.rows[r], 0, true);
            }
        }
        if (grand_hidden) {
            hide(t.rows[block.rows], 0, false);
        }
        // The model's margins are sums; a multi-select's base and an overlapping banner's
        // Total are not. Any count still shown that is itself below K is hidden now, and a
        // hidden base hides its column's shares.
        for (std::size_t r = 0; r <= block.rows; ++r) {
            for (std::size_t c = 0; c < cols.size(); ++c) {
                const double n = r < block.rows ? block.cell(r, cols[c].index).n
                                                : block.base[cols[c].index].n;
                if (n >= 1 && n < bo.suppress && t.rows[r].mark(1 + c * stride) != k_suppressed) {
                    hide(t.rows[r], c, r < block.rows);
                }
            }
        }
        for (std::size_t c = 0; c < cols.size(); ++c) {
            if (t.rows[block.rows].mark(1 + c * stride) == k_suppressed) {
                for (std::size_t r = 0; r < block.rows; ++r) {
                    hide(t.rows[r], c, true);
                }
            }
        }
        // What the table shows: hidden counts below K (primary) and the others.
        std::size_t primary = 0, secondary = 0;
        for (std::size_t r = 0; r <= block.rows; ++r) {
            for (std::size_t c = 0; c < cols.size(); ++c) {
                if (t.rows[r].mark(1 + c * stride) == k_suppressed) {
                    const double n = r < block.rows ? block.cell(r, cols[c].index).n
                                                    : block.base[cols[c].index].n;
                    (n >= 1 && n < bo.suppress ? primary : secondary) += 1;
                }
            }
        }
        if (weighted && (primary > 0 || grand_hidden)) {
            // Unweighted bases would give hidden bases away.
            t.rows.pop_back();
        }
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "{}: left out; counts below {}: {}; cells that would give one away: {}.")),
            k_suppressed, footnote_number(bo.suppress, o.lang), primary, secondary));
    }
    const bool any_test = std::count(testable.begin(), testable.end(), true) >= 2;
    for (std::string& n : notes(true, any_test, starred)) {
        t.footnotes.push_back(std::move(n));
    }
    // Machine formats name each row by its variable and code, as freq's tables do, so a
    // script never has to recognise a (translated) label. Last, so that the columns above
    // keep their places; people's formats leave them out.
    t.columns.push_back({"variable", std::string(tr(o.lang, "Variable")), ColumnType::Text, -1, true});
    t.columns.push_back({"code", std::string(tr(o.lang, "Code")), ColumnType::Code, -1, true});
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        Row& row = t.rows[r];
        std::string variable = v.name;
        std::string code;
        if (r < block.rows) {
            if (block.kind == CrossBlock::Kind::Options && !v.is_multi_column()) {
                variable = q.name; // the group; the option is its own column
                code = cb.variables[q.variables[r]].name;
            } else {
                code = v.choices[r].code;
            }
        } else if (block.kind == CrossBlock::Kind::Options && !v.is_multi_column()) {
            variable = q.name;
        }
        row.cells.emplace_back(std::move(variable));
        row.cells.emplace_back(std::move(code));
        if (!row.marks.empty()) {
            row.marks.resize(t.columns.size());
        }
        if (!row.intervals.empty()) {
            row.intervals.resize(t.columns.size(), {k_nan, k_nan});
        }
    }
    return t;
}

Table Builder::means(const std::vector<const CrossBlock*>& blocks, const std::string& id,
                     const std::string& title) {
    Table t;
    t.id = id;
    t.title = title;
    t.subtitle = by_subtitle();
    t.columns.push_back({"item", std::string(tr(o.lang, "Item")), ColumnType::Text});
    add_columns(t, {{"mean", ColumnType::Number}, {"sd", ColumnType::Number}, {"n", ColumnType::Count}},
                {std::string(tr(o.lang, "Mean")), std::string(tr(o.lang, "SD")), "n"});
    const std::size_t stride = 3;
    bool any_test = false;
    bool starred = false;
    std::size_t suppressed = 0;
    std::vector<std::string> row_variables;
    for (const CrossBlock* block : blocks) {
        const codebook::Variable& v = cb.variables[block->variable];
        Row row;
        row.cells.push_back(v.label.empty() ? v.name : v.label);
        row.marks.assign(t.columns.size(), "");
        std::vector<bool> testable(cols.size()), shown(cols.size()), hidden(cols.size(), false);
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const Moments& m = block->moments[cols[c].index];
            shown[c] = m.n >= bo.hide_below && m.n > 0;
            testable[c] = c > 0 && m.n >= bo.min_base && m.n >= 2 && effective_n(m) >= 2 &&
                          shown[c];
            hidden[c] = bo.suppress > 1 && m.n > 0 && m.n < bo.suppress;
        }
        // A banner with one hidden mean would give it away through the total's mean: the
        // smallest other column of that banner is hidden too.
        for (std::size_t start = 1; bo.suppress > 1 && start < cols.size();) {
            std::size_t end = start;
            while (end < cols.size() && cols[end].banner == cols[start].banner) {
                ++end;
            }
            if (std::count(hidden.begin() + static_cast<long>(start),
                           hidden.begin() + static_cast<long>(end), true) == 1) {
                std::size_t pick = std::string::npos;
                for (std::size_t c = start; c < end; ++c) {
                    const double n = block->moments[cols[c].index].n;
                    if (!hidden[c] && n > 0 &&
                        (pick == std::string::npos || n < block->moments[cols[pick].index].n)) {
                        pick = c;
                    }
                }
                if (pick != std::string::npos) {
                    hidden[pick] = true;
                } else {
                    hidden[0] = true;
                }
            }
            start = end;
        }
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const Moments& m = block->moments[cols[c].index];
            row.cells.push_back(shown[c] ? num(m.mean) : Cell{});
            row.cells.push_back(shown[c] ? num(sd_of(m)) : Cell{});
            row.cells.push_back(m.w);
            if (hidden[c]) {
                ++suppressed;
                for (std::size_t s = 0; s < stride; ++s) {
                    row.cells[1 + c * stride + s] = Cell{};
                    row.marks[1 + c * stride + s] = std::string(k_suppressed);
                }
            } else if (c > 0 && m.n < std::max(bo.min_base, bo.hide_below)) {
                row.marks[1 + c * stride + 2] = "*";
                starred = true;
            }
        }
        const std::vector<std::string> letters =
            row_marks(cols, testable, bo, [&](std::size_t i, std::size_t j) {
                const Moments& a = block->moments[cols[i].index];
                const Moments& b = block->moments[cols[j].index];
                const double sa = sd_of(a), sb = sd_of(b);
                if (!(sa > 0 || sb > 0)) {
                    return std::pair{k_nan, false};
                }
                const stats::TTest tt = stats::welch_t_test(effective_n(a), a.mean, sa,
                                                            effective_n(b), b.mean, sb);
                return std::pair{tt.p_value, a.mean > b.mean};
            });
        for (std::size_t c = 0; c < cols.size(); ++c) {
            if (!hidden[c]) {
                row.marks[1 + c * stride] = letters[c];
            }
        }
        any_test = any_test || std::count(testable.begin(), testable.end(), true) >= 2;
        row_variables.push_back(v.name);
        t.rows.push_back(std::move(row));
    }
    // Each row's variable for machine formats, as the distribution tables carry it.
    t.columns.push_back({"variable", std::string(tr(o.lang, "Variable")), ColumnType::Text, -1, true});
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        t.rows[r].cells.emplace_back(r < row_variables.size() ? row_variables[r] : std::string());
        if (!t.rows[r].marks.empty()) {
            t.rows[r].marks.resize(t.columns.size());
        }
        if (!t.rows[r].intervals.empty()) {
            t.rows[r].intervals.resize(t.columns.size(), {k_nan, k_nan});
        }
    }
    if (bo.suppress > 1) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "{}: left out, fewer than {} respondents or a column that would give such a mean away; columns: {}.")),
            k_suppressed, footnote_number(bo.suppress, o.lang), suppressed));
    }
    for (std::string& n : notes(false, any_test, starred)) {
        t.footnotes.push_back(std::move(n));
    }
    return t;
}

// The overall tests of a block against each banner whose columns do not overlap.
} // namespace banner_detail

using namespace banner_detail;


std::vector<Table> banner_tables(const codebook::Codebook& cb, const data::CrossCounts& cross,
                                 const BuildOptions& options, const BannerOptions& banner,
                                 const QuestionSubset& only) {
    Builder b{cb, cross, options, banner, banner_columns(cb, cross, options.lang),
              !options.weight_name.empty()};
    std::vector<Table> out;
    const auto& questions = cross.questions();
    for (std::size_t q = 0; q < questions.size(); ++q) {
        if (!only.empty() && std::find(only.begin(), only.end(), q) == only.end()) {
            continue;
        }
        std::vector<const CrossBlock*> blocks;
        for (const CrossBlock& block : cross.blocks()) {
            if (block.question == q) {
                blocks.push_back(&block);
            }
        }
        if (blocks.empty()) {
            continue;
        }
        const Question& question = questions[q];
        const std::string title = question.label.empty() ? question.name : question.label;
        const std::string id = "crosstab." + question.name;
        const bool means = !blocks.front()->moments.empty() &&
                           (blocks.front()->kind == CrossBlock::Kind::Numbers || !banner.distribution);
        if (means) {
            out.push_back(b.means(blocks, id, title));
            out.push_back(b.tests_for(blocks, out.back()));
        } else {
            for (const CrossBlock* block : blocks) {
                const codebook::Variable& v = cb.variables[block->variable];
                const bool item = blocks.size() > 1;
                out.push_back(b.distribution(*block, item ? id + "." + v.name : id,
                                             item ? title + ": " + (v.label.empty() ? v.name : v.label)
                                                  : title));
                out.push_back(b.tests_for({block}, out.back()));
            }
        }
        if (out.back().rows.empty()) {
            out.pop_back(); // no test applied
        }
    }
    return out;
}

} // namespace careerstat::table
