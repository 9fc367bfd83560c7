#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/stats/drivers.hpp"
#include "careerstat/stats/reliability.hpp"
#include "careerstat/table/scales.hpp"

#include <fmt/format.h>

#include <cmath>

namespace careerstat::table {

namespace {

Cell num(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }

} // namespace

bool is_driver_variable(const codebook::Variable& v) {
    using codebook::VarType;
    return v.is_derived() || v.type == VarType::Likert || v.type == VarType::Grade ||
           v.type == VarType::Nps || v.type == VarType::Numeric;
}

DriverResult driver_tables(const codebook::Codebook& cb, const data::CoMoments& moments,
                           const BuildOptions& build, const DriverOptions& options) {
    const Lang lang = build.lang;
    const bool weighted = !build.weight_name.empty();
    const data::MomentSums& l = moments.listwise();
    const std::size_t k = moments.size();
    const std::size_t p = k - 1;
    const codebook::Variable& outcome = cb.variables[moments.vars()[0]];
    const double n = l.effective_n(weighted);
    if (!(l.n > static_cast<double>(p) + 2)) {
        throw DataError(msgf("drivers of \"{}\": {:g} respondents answered the outcome "
                             "and all {} predictors; a regression on {} predictors needs "
                             "at least {}",
                             outcome.name, l.n, p, p, p + 3));
    }
    const Eigen::MatrixXd cov = covariance(moments, false);
    for (std::size_t i = 0; i < k; ++i) {
        const auto ii = static_cast<Eigen::Index>(i);
        if (!(cov(ii, ii) > 0)) {
            throw DataError(msgf("drivers of \"{}\": {} has the same value for every "
                                 "respondent in the analysis, so nothing can go with it",
                                 outcome.name, cb.variables[moments.vars()[i]].name));
        }
    }
    const Eigen::MatrixXd r = stats::cov_to_cor(cov);
    const auto reg = stats::standardized_regression(r, n, build.level);
    const auto rw = stats::relative_weights(r);
    if (!reg || !rw) {
        throw DataError(msgf("drivers of \"{}\": the predictors are collinear (one is a "
                             "linear combination of the others); leave one out",
                             outcome.name));
    }
    std::optional<stats::BootstrapIntervals> boot;
    if (options.bootstrap > 0) {
        boot = stats::bootstrap_relative_weights(moments.cases_kept(), p, options.bootstrap,
                                                 build.level, options.seed);
    }

    Table t;
    t.id = "drivers." + outcome.name;
    t.title = outcome.label;
    t.subtitle = fmt::format(fmt::runtime(tr(lang, "What goes with {}: {} predictors")),
                             outcome.name, p);
    auto col = [](std::string name, std::string_view label, ColumnType type, int decimals = -1) {
        return Column{std::move(name), std::string(label), type, decimals};
    };
    t.columns = {col("variable", tr(lang, "Variable"), ColumnType::Text),
                 col("label", tr(lang, "Predictor"), ColumnType::Text),
                 col("mean", tr(lang, "Mean"), ColumnType::Number, 2),
                 col("performance", tr(lang, "Performance (% of range)"), ColumnType::Percent),
                 col("r", "r", ColumnType::Number, 3),
                 col("r_low", tr(lang, "r low"), ColumnType::Number, 3),
                 col("r_high", tr(lang, "r high"), ColumnType::Number, 3),
                 col("rho", tr(lang, "Spearman rho"), ColumnType::Number, 3),
                 col("rho_low", tr(lang, "rho low"), ColumnType::Number, 3),
                 col("rho_high", tr(lang, "rho high"), ColumnType::Number, 3),
                 col("beta", tr(lang, "beta"), ColumnType::Number, 3),
                 col("beta_low", tr(lang, "beta low"), ColumnType::Number, 3),
                 col("beta_high", tr(lang, "beta high"), ColumnType::Number, 3),
                 col("beta_p", "p", ColumnType::PValue),
                 col("weight", tr(lang, "Relative weight"), ColumnType::Number, 3),
                 col("weight_low", tr(lang, "weight low"), ColumnType::Number, 3),
                 col("weight_high", tr(lang, "weight high"), ColumnType::Number, 3),
                 col("weight_pct", tr(lang, "% of R-squared"), ColumnType::Percent),
                 col("weight_pct_low", tr(lang, "% low"), ColumnType::Percent),
                 col("weight_pct_high", tr(lang, "% high"), ColumnType::Percent)};
    t.columns[0].machine_only = true;
    std::optional<TopDriver> top;
    for (std::size_t j = 0; j < p; ++j) {
        const codebook::Variable& v = cb.variables[moments.vars()[j + 1]];
        const auto jj = static_cast<Eigen::Index>(j + 1);
        const stats::Correlation pr = stats::pearson_correlation(r(0, jj), n, build.level);
        std::vector<stats::JointValue> joint;
        for (const auto& [xy, w] : moments.joint(j + 1)) {
            joint.push_back({xy.first, xy.second, w});
        }
        const double rho = stats::spearman_from_joint(joint);
        const stats::Correlation sr = stats::spearman_interval(rho, n, build.level);
        const double mean = l.mean[j + 1];
        const codebook::ItemRange range =
            v.type == codebook::VarType::Likert
                ? codebook::item_range(v)
                : codebook::ItemRange{v.min.value_or(NAN), v.max.value_or(NAN)};
        const double perf = (mean - range.min) / (range.max - range.min) * 100;
        Row row;
        row.cells = {v.name, v.label, mean, num(perf), pr.r, pr.low, pr.high, sr.r, num(sr.low),
                     num(sr.high), reg->beta[j], reg->low[j], reg->high[j], reg->p_value[j],
                     rw->raw[j], boot ? num(boot->raw_low[j]) : Cell{},
                     boot ? num(boot->raw_high[j]) : Cell{}, rw->pct[j],
                     boot ? num(boot->pct_low[j]) : Cell{}, boot ? num(boot->pct_high[j]) : Cell{}};
        if (boot) {
            row.intervals.assign(t.columns.size(), {NAN, NAN});
            row.intervals[t.column_index("weight_pct")] = {boot->pct_low[j], boot->pct_high[j]};
        }
        t.rows.push_back(std::move(row));
        if (!top || rw->pct[j] > top->pct) {
            top = TopDriver{v.label, outcome.label, pr.r, rw->pct[j], rw->r2, l.n};
        }
    }
    t.footnotes.push_back(fmt::format(
        fmt::runtime(tr(lang, "n = {} (listwise: respondents who answered the outcome and every "
                              "predictor); R-squared = {} (adjusted {}).")),
        footnote_number(weighted ? l.w : l.n, lang),
        footnote_number(std::round(reg->r2 * 1000) / 1000, lang),
        footnote_number(std::round(reg->adj_r2 * 1000) / 1000, lang)));
    t.footnotes.emplace_back(tr(lang, "r: Pearson, with the Fisher-z interval (as R's cor.test); "
                                      "rho: Spearman, Fisher-z interval with the Bonett-Wright "
                                      "variance; beta: standardised regression coefficient (lm on "
                                      "standardised variables) with its t interval."));
    if (boot) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, "Relative weights (Johnson 2000) sum to R-squared; percentile "
                                  "intervals from {} bootstrap resamples (seed {}).")),
            boot->replicates, options.seed));
    } else {
        t.footnotes.emplace_back(tr(lang, "Relative weights (Johnson 2000) sum to R-squared; "
                                          "no intervals (no bootstrap resamples were asked for)."));
    }
    t.footnotes.emplace_back(tr(lang, "Performance: the predictor's mean as a percentage of its "
                                      "answer range (0 = all lowest, 100 = all highest)."));
    if (weighted) {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, "Weighted moments; intervals use Kish's effective n ({}).")),
            footnote_number(std::round(n * 10) / 10, lang)));
    }
    const auto common = moment_footnotes(build);
    t.footnotes.insert(t.footnotes.end(), common.begin(), common.end());
    t.chart = Chart::Quadrant;
    t.chart_label_column = t.column_index("label");
    t.chart_value_column = t.column_index("weight_pct");
    t.chart_y_column = t.column_index("performance");
    t.chart_bases = {l.n};
    DriverResult out;
    out.tables.push_back(std::move(t));
    out.top = top;
    return out;
}

} // namespace careerstat::table
