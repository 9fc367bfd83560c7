// Driver analysis on tests/data/scales/scales.csv (grade ~ rel + sat + sessions, listwise)
// against R 4.2: cor.test, cor(method = "spearman"), lm on scale()d variables, Johnson's
// (2000) relative weights computed in R from the formula, and a 20000-resample bootstrap
// in R; every value is printed by tests/reference/scales.R.
#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/data/comoments.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/stats/drivers.hpp"
#include "careerstat/table/scales.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace careerstat;
using doctest::Approx;

namespace {

const std::string k_dir = std::string(CAREERSTAT_TEST_DATA) + "/scales/";

double cell(const table::Table& t, std::size_t row, const std::string& column) {
    return t.rows.at(row).number(t.column_index(column));
}

table::DriverResult drivers(std::size_t bootstrap, bool weighted = false,
                            std::vector<std::string> names = {"grade", "rel", "sat", "sessions"}) {
    static codebook::Codebook cb = [] {
        codebook::Codebook c = codebook::Codebook::load(k_dir + "scales.codebook.csv");
        codebook::add_scale_scores(c);
        return c;
    }();
    std::vector<std::size_t> vars;
    for (const std::string& n : names) {
        vars.push_back(*cb.index_of(n));
    }
    data::CoMomentsOptions o;
    o.ranks = true;
    o.keep_cases = bootstrap > 0;
    data::CoMoments m(cb, vars, o);
    data::PassOptions po;
    table::BuildOptions b;
    if (weighted) {
        po.weight = cb.index_of("w");
        b.weight_name = "w";
    }
    data::Pass pass(cb, po);
    pass.add(m);
    auto reader = careerstat::io::RecordReader::open(k_dir + "scales.csv");
    pass.run(*reader);
    table::DriverOptions d;
    d.bootstrap = bootstrap;
    return table::driver_tables(cb, m, b, d);
}

} // namespace

TEST_CASE("drivers: correlations, regression and relative weights against R") {
    const table::DriverResult r = drivers(0);
    REQUIRE(r.tables.size() == 1);
    const table::Table& t = r.tables[0];
    REQUIRE(t.rows.size() == 3);
    // cor.test(x$grade, x[[v]]): estimate and conf.int; p.value
    const double pr[3][4] = {{0.5655066071, 0.3883945958, 0.7023260157, 1.247608972e-07},
                             {0.3699337475, 0.1560761913, 0.5506615805, 0.00108838256},
                             {-0.02583480817, -0.2513230169, 0.2023133043, 0.8258595962}};
    // cor(method = "spearman"); tanh(atanh(rho) -/+ qnorm(0.975) sqrt((1 + rho^2/2)/(n - 3)))
    const double sr[3][3] = {{0.5512406995, 0.3559590841, 0.7003935737},
                             {0.3332790637, 0.1087690915, 0.5254392174},
                             {-0.05343878814, -0.2771927165, 0.1758132377}};
    // coef(summary(lm(scale(grade) ~ scale(rel) + scale(sat) + scale(sessions)))), confint
    const double beta[3][4] = {{4.978407719e-01, 0.28408801685, 0.7115935269, 1.527040775e-05},
                               {1.593213452e-01, -0.05606526749, 0.3747079578, 1.446551836e-01},
                               {-6.467795636e-02, -0.25825655393, 0.1289006412, 5.074352342e-01}};
    // Johnson (2000) in R: raw weights and their percent of R-squared
    const double raw[3] = {0.2602999642, 0.0791648943, 0.002676672174};
    const double pct[3] = {76.07961643, 23.13805464, 0.7823289294};
    for (std::size_t j = 0; j < 3; ++j) {
        CAPTURE(j);
        CHECK(cell(t, j, "r") == Approx(pr[j][0]).epsilon(1e-9));
        CHECK(cell(t, j, "r_low") == Approx(pr[j][1]).epsilon(1e-9));
        CHECK(cell(t, j, "r_high") == Approx(pr[j][2]).epsilon(1e-9));
        CHECK(cell(t, j, "rho") == Approx(sr[j][0]).epsilon(1e-9));
        CHECK(cell(t, j, "rho_low") == Approx(sr[j][1]).epsilon(1e-9));
        CHECK(cell(t, j, "rho_high") == Approx(sr[j][2]).epsilon(1e-9));
        CHECK(cell(t, j, "beta") == Approx(beta[j][0]).epsilon(1e-9));
        CHECK(cell(t, j, "beta_low") == Approx(beta[j][1]).epsilon(1e-9));
        CHECK(cell(t, j, "beta_high") == Approx(beta[j][2]).epsilon(1e-9));
        CHECK(cell(t, j, "beta_p") == Approx(beta[j][3]).epsilon(1e-8));
        CHECK(cell(t, j, "weight") == Approx(raw[j]).epsilon(1e-9));
        CHECK(cell(t, j, "weight_pct") == Approx(pct[j]).epsilon(1e-9));
        CHECK(std::isnan(cell(t, j, "weight_low"))); // --bootstrap 0: no interval
    }
    // cor.test's p.value is the t test on n - 2 df.
    const stats::Correlation c = stats::pearson_correlation(pr[0][0], 75, 0.95);
    CHECK(c.p_value == Approx(pr[0][3]).epsilon(1e-6));
    // summary(fit)$r.squared and $adj.r.squared
    CHECK(t.footnotes[0] == "n = 75 (listwise: respondents who answered the outcome and every "
                            "predictor); R-squared = 0.342 (adjusted 0.314).");
    REQUIRE(r.top);
    CHECK(r.top->label == "De relatie met mijn adviseur was goed");
    CHECK(r.top->r2 == Approx(0.3421415306).epsilon(1e-9));
}

TEST_CASE("drivers: bootstrap percentile intervals of the relative weights") {
    // R with 20000 resamples (scales.R); ours with 2000 differ by Monte Carlo error only.
    const table::DriverResult r = drivers(2000);
    const table::Table& t = r.tables[0];
    const double pct_low[3] = {50.73519454, 5.140918662, 0.1319911393};
    const double pct_high[3] = {91.68773117, 44.85646554, 19.42352128};
    const double raw_low[3] = {0.123550097, 0.0126731994, 0.000446056176};
    const double raw_high[3] = {0.4062576369, 0.1938144791, 0.06391903101};
    for (std::size_t j = 0; j < 3; ++j) {
        CAPTURE(j);
        CHECK(std::abs(cell(t, j, "weight_pct_low") - pct_low[j]) < 3);
        CHECK(std::abs(cell(t, j, "weight_pct_high") - pct_high[j]) < 3);
        CHECK(std::abs(cell(t, j, "weight_low") - raw_low[j]) < 0.02);
        CHECK(std::abs(cell(t, j, "weight_high") - raw_high[j]) < 0.02);
    }
    // A fixed seed: the same intervals every run.
    const table::DriverResult again = drivers(2000);
    CHECK(cell(again.tables[0], 0, "weight_pct_low") == cell(t, 0, "weight_pct_low"));
}

TEST_CASE("drivers: weighted correlations and coefficients as R's cov.wt") {
    const table::DriverResult r = drivers(0, true);
    const table::Table& t = r.tables[0];
    // cov.wt(x, wt = w / sum(w), cor = TRUE)$cor[1, ]; solve(Rxx, rxy)
    CHECK(cell(t, 0, "r") == Approx(0.5368923720).epsilon(1e-9));
    CHECK(cell(t, 1, "r") == Approx(0.4116100252).epsilon(1e-9));
    CHECK(cell(t, 2, "r") == Approx(-0.1072671071).epsilon(1e-9));
    CHECK(cell(t, 0, "beta") == Approx(0.4342679555).epsilon(1e-9));
    CHECK(cell(t, 1, "beta") == Approx(0.2397731953).epsilon(1e-9));
    CHECK(cell(t, 2, "beta") == Approx(-0.1306038322).epsilon(1e-9));
    // Intervals on Kish's effective n: sum(w)^2 / sum(w^2) = 64.13105925.
    const stats::Correlation c = stats::pearson_correlation(0.5368923720, 64.13105925, 0.95);
    CHECK(cell(t, 0, "r_low") == Approx(c.low).epsilon(1e-9));
}

TEST_CASE("drivers: collinear predictors and too few cases are one clear line") {
    // s5 and s5r = 6 - s5: perfectly collinear.
    CHECK_THROWS_WITH_AS(drivers(0, false, {"grade", "s5", "s5r"}),
                         "drivers of \"grade\": the predictors are collinear (one is a linear "
                         "combination of the others); leave one out",
                         DataError);
}

TEST_CASE("drivers: the resampler's engine is the standard's mt19937_64") {
    // [rand.predef]: the 10000th output of a default-constructed mt19937_64.
    std::mt19937_64 e;
    e.discard(9999);
    CHECK(e() == 9981545732273789042ULL);
    stats::Resampler a(7);
    stats::Resampler b(7);
    for (int i = 0; i < 100; ++i) {
        const std::size_t x = a.index(75);
        CHECK(x < 75);
        CHECK(x == b.index(75));
    }
}

TEST_CASE("drivers: quantile type 7 as R's quantile()") {
    // quantile(c(1, 2, 4, 8), c(0.025, 0.5, 0.975)) = 1.075, 3, 7.7
    const std::vector<double> v{1, 2, 4, 8};
    CHECK(stats::quantile_type7(v, 0.025) == Approx(1.075));
    CHECK(stats::quantile_type7(v, 0.5) == Approx(3));
    CHECK(stats::quantile_type7(v, 0.975) == Approx(7.7));
}
