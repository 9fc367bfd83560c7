// The overall tests under each banner table: chi-square, likelihood ratio, Cramer's V,
// Fisher's exact test, ANOVA and Welch's ANOVA (docs/comparisons.md).
#include "careerstat/table/banner_builder.hpp"

#include "careerstat/stats/fisher.hpp"

#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

namespace careerstat::table::banner_detail {

Table Builder::tests_for(const std::vector<const CrossBlock*>& blocks, const Table& shown) const {
    Table t;
    t.id = shown.id + ".tests";
    t.title = shown.title;
    t.subtitle = std::string(tr(o.lang, "Overall tests"));
    t.columns = {{"by", std::string(tr(o.lang, "By")), ColumnType::Text},
                 {"item", std::string(tr(o.lang, "Item")), ColumnType::Text},
                 {"test", std::string(tr(o.lang, "Test")), ColumnType::Text},
                 {"statistic", std::string(tr(o.lang, "Statistic")), ColumnType::Number},
                 {"df", "df", ColumnType::Number, 0},
                 {"df2", "df2", ColumnType::Number, 2},
                 {"p", "p", ColumnType::PValue},
                 {"note", std::string(tr(o.lang, "Note")), ColumnType::Text}};
    std::vector<std::string> fisher_notes;
    for (std::size_t b = 0; b < cross.banners().size(); ++b) {
        const data::Banner& banner = cross.banners()[b];
        if (banner.overlapping()) {
            continue;
        }
        const std::size_t first = cross.first_column(b);
        for (const CrossBlock* block : blocks) {
            const codebook::Variable& v = cb.variables[block->variable];
            const std::string item = blocks.size() > 1 ? (v.label.empty() ? v.name : v.label) : "";
            auto add = [&](std::string test, double stat, double df, double df2, double p,
                           std::string note) {
                t.add_row({banner.label, item, std::move(test), num(stat), num(df), num(df2),
                           num(p), std::move(note)});
            };
            const bool as_means = !block->moments.empty() &&
                                  (block->kind == CrossBlock::Kind::Numbers || !bo.distribution);
            if (as_means) {
                std::vector<stats::GroupSummary> groups;
                bool sd_ok = true;
                for (std::size_t k = 0; k < banner.categories.size(); ++k) {
                    const Moments& m = block->moments[first + k];
                    if (m.n >= bo.min_base && m.n >= 2 && effective_n(m) >= 2) {
                        groups.push_back({effective_n(m), m.mean, sd_of(m)});
                        sd_ok = sd_ok && sd_of(m) > 0;
                    }
                }
                if (groups.size() < 2 || !sd_ok) {
                    continue;
                }
                const stats::FTest f = stats::one_way_anova(groups);
                const stats::FTest wf = stats::welch_anova(groups);
                add(std::string(tr(o.lang, "One-way ANOVA")), f.f, f.df1, f.df2, f.p_value, "");
                add(std::string(tr(o.lang, "Welch's ANOVA")), wf.f, wf.df1, wf.df2, wf.p_value, "");
                continue;
            }
            if (block->kind != CrossBlock::Kind::Choices) {
                continue; // a multi-select's options overlap: no test of independence
            }
            // Columns with a base of at least min_base, counts scaled to effective bases.
            std::vector<std::vector<double>> counts(block->rows);
            std::vector<std::vector<double>> raw(block->rows);
            for (std::size_t k = 0; k < banner.categories.size(); ++k) {
                const CellSums& base = block->base[first + k];
                if (!(base.n >= bo.min_base) || !(base.n > 0)) {
                    continue;
                }
                const double scale = effective_n(base) / base.w;
                for (std::size_t r = 0; r < block->rows; ++r) {
                    counts[r].push_back(block->cell(r, first + k).w * scale);
                    raw[r].push_back(block->cell(r, first + k).n);
                }
            }
            stats::ChiSquare x;
            try {
                x = stats::chi_square_test(counts);
            } catch (const std::invalid_argument&) {
                continue; // fewer than 2 x 2 answered cells
            }
            add(std::string(tr(o.lang, "Pearson chi-square")), x.statistic, x.df, k_nan, x.p_value,
                fmt::format(fmt::runtime(tr(o.lang, "cells expected below 5: {}; minimum expected {}")),
                            x.cells_below_5, footnote_number(std::round(x.min_expected * 10) / 10, o.lang)));
            add(std::string(tr(o.lang, "Likelihood ratio")), x.likelihood_ratio, x.df, k_nan,
                x.likelihood_ratio_p, "");
            add(std::string(tr(o.lang, "Cramer's V")), x.cramers_v, k_nan, k_nan, k_nan, "");
            if (!weighted) {
                const stats::FisherTest f = stats::fisher_exact_test(
                    raw, bo.fisher_replicates, 20151124, bo.fisher_max_tables);
                add(std::string(tr(o.lang, "Fisher's exact test")), k_nan, k_nan, k_nan, f.p_value,
                    f.exact ? std::string(tr(o.lang, "exact"))
                            : fmt::format(fmt::runtime(tr(o.lang, "Monte Carlo, {} tables, seed {}")),
                                          f.replicates, f.seed));
            }
        }
    }
    if (blocks.size() == 1) { // one item: its name is the table's title
        t.columns.erase(t.columns.begin() + 1);
        for (Row& row : t.rows) {
            row.cells.erase(row.cells.begin() + 1);
        }
    }
    if (weighted) {
        t.footnotes.push_back(std::string(tr(o.lang, "Counts scaled to effective bases; Fisher's exact test needs unweighted counts and is left out.")));
    }
    t.footnotes.push_back(fmt::format(
        fmt::runtime(tr(o.lang, "Columns with a base below {} take no part; banners whose columns overlap get no overall test.")),
        footnote_number(bo.min_base, o.lang)));
    return t;
}


} // namespace careerstat::table::banner_detail
