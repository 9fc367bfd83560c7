#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/stats/reliability.hpp"
#include "careerstat/table/scales.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

namespace careerstat::table {

Eigen::MatrixXd covariance(const data::CoMoments& m, bool pairwise) {
    const auto k = static_cast<Eigen::Index>(m.size());
    Eigen::MatrixXd c(k, k);
    const data::MomentSums& l = m.listwise();
    for (Eigen::Index i = 0; i < k; ++i) {
        for (Eigen::Index j = i; j < k; ++j) {
            double v = 0;
            const auto ui = static_cast<std::size_t>(i);
            const auto uj = static_cast<std::size_t>(j);
            if (!pairwise) {
                v = l.c[ui * m.size() + uj] / l.divisor();
            } else if (i == j) {
                const data::MomentSums& s = m.single(ui);
                v = s.c[0] / s.divisor();
            } else {
                const data::PairSums& p = m.pair(ui, uj);
                v = p.c[1] / p.divisor();
            }
            c(i, j) = c(j, i) = v;
        }
    }
    return c;
}

std::vector<std::string> moment_footnotes(const BuildOptions& build) {
    BuildOptions notes = build;
    notes.population = 0;
    return common_footnotes(notes, false);
}

namespace {

Cell num(std::optional<double> v) {
    return v && std::isfinite(*v) ? Cell{*v} : Cell{};
}

} // namespace

ScaleResult scale_tables(const codebook::Codebook& cb, const codebook::Variable& score,
                         const data::CoMoments& moments, const BuildOptions& build,
                         const ScaleOptions& options) {
    const Lang lang = build.lang;
    const bool weighted = !build.weight_name.empty();
    const data::MomentSums& l = moments.listwise();
    const std::size_t k = moments.size();
    if (!options.pairwise && l.n < 2) {
        throw DataError(msgf("scale \"{}\": {:g} respondents answered all {} items; "
                             "alpha needs at least 2 (--pairwise uses every pair of "
                             "items instead)",
                             score.name, l.n, k));
    }
    const Eigen::MatrixXd cov = covariance(moments, options.pairwise);
    for (std::size_t i = 0; i < k; ++i) {
        if (!(cov(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) > 0) ||
            !std::isfinite(cov.sum())) {
            throw DataError(msgf("scale \"{}\": item {} has no variance{}, so the "
                                 "scale's reliability is not defined",
                                 score.name, cb.variables[moments.vars()[i]].name,
                                 options.pairwise ? msgf(" (or a pair of items has no "
                                                         "respondents in common)")
                                                  : msgf(" among those who answered every item")));
        }
    }
    // psych::alpha counts every row for pairwise intervals; listwise, the complete cases.
    const double n = options.pairwise ? moments.cases() : l.effective_n(weighted);
    const stats::Reliability rel = stats::reliability(cov, n, build.level);
    // Pairwise covariances from different respondents need not fit together (the matrix
    // can have a negative eigenvalue); then an item-total r can leave [-1, 1] and is not
    // shown.
    const bool consistent =
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(cov, Eigen::EigenvaluesOnly)
            .eigenvalues()
            .minCoeff() >= -1e-9 * cov.trace();
    const auto r_drop = [](const stats::ItemReliability& ir) {
        return std::abs(ir.r_drop) <= 1 + 1e-9 ? ir.r_drop : std::nan("");
    };

    ScaleResult out;
    Table t;
    t.id = "scale." + score.name;
    t.title = score.label;
    t.subtitle = fmt::format(fmt::runtime(tr(lang, "Reliability of the scale {} ({} items)")),
                             score.name, k);
    t.columns = {{"statistic", tr(lang, "Statistic").data(), ColumnType::Text, -1, true},
                 {"label", "", ColumnType::Text},
                 {"value", tr(lang, "Value").data(), ColumnType::Number, 3},
                 {"ci_low", tr(lang, "CI low").data(), ColumnType::Number, 3},
                 {"ci_high", tr(lang, "CI high").data(), ColumnType::Number, 3}};
    // A negative average covariance makes alpha and its relatives meaningless (ranking
    // items, whose rows sum to a constant, give alpha of -10^15): they are left out, and
    // the warning below names the items to check.
    const bool defined = rel.average_cov > 0;
    auto shown = [&](std::optional<double> v) { return defined ? num(v) : Cell{}; };
    t.add_row({"alpha", tr(lang, "Cronbach's alpha (Feldt interval)").data(), shown(rel.alpha),
               shown(rel.feldt_low), shown(rel.feldt_high)});
    t.add_row({"alpha_duhachek", tr(lang, "Cronbach's alpha (Duhachek interval)").data(),
               shown(rel.alpha), shown(rel.duhachek_low), shown(rel.duhachek_high)});
    t.add_row({"std_alpha", tr(lang, "Standardised alpha").data(), shown(rel.std_alpha), Cell{},
               Cell{}});
    t.add_row({"average_r", tr(lang, "Average inter-item correlation").data(), rel.average_r,
               Cell{}, Cell{}});
    t.add_row({"g6", tr(lang, "Guttman's lambda 6").data(), shown(rel.g6), Cell{}, Cell{}});
    t.add_row({"omega_total", tr(lang, "McDonald's omega total (one factor)").data(),
               shown(rel.omega_total), Cell{}, Cell{}});
    if (!consistent) {
        t.footnotes.emplace_back(tr(lang, "The pairwise covariances do not fit together (their "
                                          "matrix is not positive semi-definite): some pairs of "
                                          "items have few respondents in common; prefer listwise."));
    }
    if (!defined) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, "The items' average covariance is {}, not positive: the scale's "
                                  "reliability is not defined, so alpha, lambda 6 and omega are "
                                  "not shown.")),
            footnote_number(std::round(rel.average_cov * 1000) / 1000, lang)));
    }
    const double shown_n = options.pairwise ? moments.cases() : (weighted ? l.w : l.n);
    t.footnotes.push_back(fmt::format(
        fmt::runtime(tr(lang, options.pairwise
                                  ? "n = {}. Pairwise: each covariance over the respondents who "
                                    "answered both items (as psych::alpha); the intervals use "
                                    "every respondent."
                                  : "n = {}: the respondents who answered every item (listwise, "
                                    "as SPSS RELIABILITY).")),
        footnote_number(shown_n, lang)));
    t.footnotes.emplace_back(tr(lang, "Feldt interval: F distribution (Feldt, Woodruff & Salih "
                                      "1987); Duhachek: asymptotic normal (Duhachek & Iacobucci "
                                      "2004); omega from one minimum-residual factor."));
    if (weighted) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, "Weighted covariances; intervals use Kish's effective n ({})." )),
            footnote_number(std::round(n * 10) / 10, lang)));
    }
    std::vector<std::string> reversed;
    for (std::size_t v : moments.vars()) {
        if (cb.variables[v].reverse) {
            reversed.push_back(cb.variables[v].name);
        }
    }
    if (!reversed.empty()) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, "Reverse-worded items scored min + max - answer: {}.")),
            fmt::join(reversed, ", ")));
    }

    Table items;
    items.id = t.id + ".items";
    items.title = score.label;
    items.subtitle = fmt::format(fmt::runtime(tr(lang, "Items of the scale {}")), score.name);
    items.columns = {{"variable", tr(lang, "Variable").data(), ColumnType::Text, -1, true},
                     {"label", tr(lang, "Item").data(), ColumnType::Text},
                     {"n", "n", ColumnType::Count},
                     {"mean", tr(lang, "Mean").data(), ColumnType::Number, 2},
                     {"sd", tr(lang, "SD").data(), ColumnType::Number, 2},
                     {"r_drop", tr(lang, "Corrected item-total r").data(), ColumnType::Number, 3},
                     {"alpha_if_dropped", tr(lang, "Alpha if item dropped").data(), ColumnType::Number, 3},
                     {"loading", tr(lang, "Factor loading").data(), ColumnType::Number, 3}};
    std::vector<std::string> negative;
    for (std::size_t i = 0; i < k; ++i) {
        const codebook::Variable& v = cb.variables[moments.vars()[i]];
        const stats::ItemReliability& ir = rel.items[i];
        const data::MomentSums& s = options.pairwise ? moments.single(i) : l;
        const double mean = options.pairwise ? s.mean[0] : s.mean[i];
        const auto ii = static_cast<Eigen::Index>(i);
        std::string label = v.label;
        if (v.reverse) {
            label += " " + std::string(tr(lang, "(reverse-worded)"));
        }
        items.add_row({v.name, label, weighted ? s.w : s.n, mean, std::sqrt(cov(ii, ii)),
                       num(r_drop(ir)), defined ? num(ir.alpha_drop) : Cell{},
                       rel.loadings.empty() ? Cell{} : Cell{rel.loadings[i]}});
        if (r_drop(ir) < 0) {
            negative.push_back(v.name);
        }
    }
    items.footnotes.emplace_back(tr(lang, "Corrected item-total r: the item's correlation with "
                                          "the sum of the other items (psych's r.drop)."));
    if (negative.empty() && !defined) {
        for (std::size_t v : moments.vars()) {
            negative.push_back(cb.variables[v].name); // none stands out: check them all
        }
    }
    if (!negative.empty()) {
        const std::string w = fmt::format(
            fmt::runtime(tr(lang, "scale \"{}\": {} correlate(s) negatively with the other items "
                                  "(average covariance {}): check item coding; a reverse-worded "
                                  "item needs reverse = 1 in the codebook, and an item marked "
                                  "reverse by mistake needs it removed")),
            score.name, fmt::join(negative, ", "),
            footnote_number(std::round(rel.average_cov * 1000) / 1000, lang));
        out.warnings.push_back(w);
        t.footnotes.insert(t.footnotes.begin(), std::string(tr(lang, "Warning: ")) + w + ".");
    }
    const auto common = moment_footnotes(build);
    for (Table* x : {&t, &items}) {
        x->footnotes.insert(x->footnotes.end(), common.begin(), common.end());
    }
    out.tables.push_back(std::move(t));
    out.tables.push_back(std::move(items));
    return out;
}

} // namespace careerstat::table
