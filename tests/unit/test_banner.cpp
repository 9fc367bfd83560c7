// Banner tables end to end on tests/data/banner/groups.csv: column letters and overall
// tests against R 4.2 and against the SPSS-style column-proportion tests worked by hand in
// tests/data/banner/EXPECTED.md.
#include "careerstat/data/cross_counts.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/report/findings.hpp"
#include "careerstat/table/banner.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace careerstat;
using careerstat::io::RecordReader;

namespace {

const std::string k_dir = std::string(CAREERSTAT_TEST_DATA) + "/banner/";

std::vector<table::Table> banner_run(const table::BannerOptions& options,
                                     const std::vector<std::string>& names) {
    static const codebook::Codebook cb = codebook::Codebook::load(k_dir + "groups.codebook.csv");
    auto reader = RecordReader::open(k_dir + "groups.csv");
    data::CrossCounts cross(cb, cb.select(names), {data::make_banner(cb, "team", false)});
    data::Pass pass(cb, {});
    pass.add(cross);
    pass.run(*reader);
    return table::banner_tables(cb, cross, table::BuildOptions{}, options);
}

double number(const table::Table& t, std::size_t row, const std::string& column) {
    return std::get<double>(t.rows.at(row).cells.at(t.column_index(column)));
}

const std::string& mark(const table::Table& t, std::size_t row, const std::string& column) {
    return t.rows.at(row).mark(t.column_index(column));
}

} // namespace

TEST_CASE("banner: column letters of proportions, SPSS style") {
    // Yes: Alpha 30/50, Beta 15/50, Gamma 20/40. prop.test(correct = FALSE) p-values:
    // Alpha-Beta 0.002568831527, Alpha-Gamma 0.3427817111, Beta-Gamma 0.05311618772.
    table::BannerOptions o;
    o.sig = {0.05, 0.10};
    const auto tables = banner_run(o, {"answer"});
    REQUIRE(tables.size() == 2);
    const table::Table& t = tables[0];
    CHECK(t.columns[t.column_index("team.1.pct")].letter == "A");
    CHECK(t.columns[t.column_index("team.3.pct")].category == "Gamma");
    CHECK(number(t, 0, "team.1.pct") == doctest::Approx(60.0));
    CHECK(mark(t, 0, "team.1.pct") == "B");  // Alpha above Beta at p < 0.05
    CHECK(mark(t, 0, "team.2.pct").empty());
    CHECK(mark(t, 0, "team.3.pct") == "b");  // Gamma above Beta at p < 0.10 only
    CHECK(mark(t, 1, "team.2.pct") == "Ac"); // No: Beta above Alpha, and Gamma at 0.10
    CHECK(mark(t, 0, "total.pct").empty());  // the total is not tested
    // Each share's Wilson interval, drawn as a whisker: prop.test(30, 50, correct =
    // FALSE)$conf.int = 0.4618143775, 0.7239161027.
    const auto ci = t.rows[0].interval(t.column_index("team.1.pct"));
    REQUIRE(ci.has_value());
    CHECK((*ci)[0] == doctest::Approx(46.18143775));
    CHECK((*ci)[1] == doctest::Approx(72.39161027));
    CHECK(t.chart == table::Chart::Bars);
    CHECK(t.chart_value_count == 4); // Total and the three teams

    // Bonferroni within the row: p.adjust(..., "bonferroni") = 0.007706495, 1, 0.159348563.
    o.adjust = stats::Adjust::Bonferroni;
    const auto adjusted = banner_run(o, {"answer"});
    CHECK(mark(adjusted[0], 0, "team.1.pct") == "B");
    CHECK(mark(adjusted[0], 0, "team.3.pct").empty());
}

TEST_CASE("banner: overall tests of a single-choice question against R") {
    const auto tables = banner_run({}, {"answer"});
    const table::Table& tests = tables[1];
    REQUIRE(tests.id == "crosstab.answer.tests");
    // chisq.test(table(answer, team), correct = FALSE): X-squared = 9.333333333, df = 2,
    // p = 0.009403562551; fisher.test: p = 0.00942722602.
    CHECK(number(tests, 0, "statistic") == doctest::Approx(9.333333333).epsilon(1e-9));
    CHECK(number(tests, 0, "df") == 2);
    CHECK(number(tests, 0, "p") == doctest::Approx(0.009403562551).epsilon(1e-8));
    CHECK(std::get<std::string>(tests.rows[3].cells[tests.column_index("test")]) ==
          "Fisher's exact test");
    CHECK(number(tests, 3, "p") == doctest::Approx(0.00942722602).epsilon(1e-8));
}

TEST_CASE("banner: means with Welch letters and ANOVA against R") {
    // t.test(var.equal = FALSE) p: Alpha-Beta 7.697e-12, Alpha-Gamma 0.000281, Beta-Gamma
    // 0.000682; means 6.988, 5.988, 6.47.
    const auto tables = banner_run({}, {"score"});
    const table::Table& t = tables[0];
    CHECK(number(t, 0, "team.1.mean") == doctest::Approx(6.988));
    CHECK(number(t, 0, "team.3.sd") == doctest::Approx(0.644583).epsilon(1e-6));
    CHECK(mark(t, 0, "team.1.mean") == "BC");
    CHECK(mark(t, 0, "team.2.mean").empty());
    CHECK(mark(t, 0, "team.3.mean") == "B");
    // oneway.test(score ~ team, var.equal = TRUE): F = 30.188, df 2 and 137, p = 1.373e-11;
    // oneway.test(score ~ team): F = 29.999, df 2 and 89.01, p = 1.099e-10.
    const table::Table& tests = tables[1];
    CHECK(number(tests, 0, "statistic") == doctest::Approx(30.188).epsilon(1e-4));
    CHECK(number(tests, 0, "df2") == 137);
    CHECK(number(tests, 0, "p") == doctest::Approx(1.373e-11).epsilon(1e-3));
    CHECK(number(tests, 1, "statistic") == doctest::Approx(29.999).epsilon(1e-4));
    CHECK(number(tests, 1, "df2") == doctest::Approx(89.01).epsilon(1e-4));
}

TEST_CASE("banner: small bases are flagged, hidden and untested") {
    table::BannerOptions o;
    o.min_base = 45; // Gamma (40) is flagged and not tested
    o.hide_below = 41; // ... and shows no percentages
    const auto tables = banner_run(o, {"answer"});
    const table::Table& t = tables[0];
    const std::size_t base_row = 2;
    CHECK(mark(t, base_row, "team.3.n") == "*");
    CHECK(table::is_empty(t.rows[0].cells[t.column_index("team.3.pct")]));
    CHECK(mark(t, 0, "team.1.pct") == "B");
    CHECK(mark(t, 1, "team.2.pct") == "A"); // no letter from the untested Gamma
}

TEST_CASE("banner: letters") {
    CHECK(table::column_letter(0) == "A");
    CHECK(table::column_letter(25) == "Z");
    CHECK(table::column_letter(26) == "AA");
    CHECK(table::significance_letters({0.01, 0.07, 0.2}, {true, true, true}, {0.05, 0.10}) ==
          "Ab");
    CHECK(table::significance_letters({0.01, 0.07}, {false, true}, {0.05}).empty());
}

TEST_CASE("banner: bands of a number") {
    const codebook::Codebook cb = codebook::Codebook::load(k_dir + "groups.codebook.csv");
    const data::Banner b = data::make_banner(cb, "score:-5.9,6-6.9,7-", false);
    REQUIRE(b.bands.size() == 3);
    CHECK(b.bands[0].high == 5.9);
    CHECK(b.bands[2].low == 7);
    CHECK_THROWS_AS(data::make_banner(cb, "score:6-7,7-8", false), UsageError);
    CHECK_THROWS_AS(data::make_banner(cb, "team:1-2", false), UsageError);
    CHECK_THROWS_AS(data::make_banner(cb, "score", false), UsageError);
}

TEST_CASE("banner: findings = auto orders significant differences by effect size") {
    // Cohen's d with the pooled SD sqrt((s1^2 + s2^2) / 2), by hand from R's means and SDs
    // (6.988, 5.988, 6.47; 0.6432, 0.6432, 0.6446): Alpha-Beta 1.55, Alpha-Gamma 0.81,
    // Gamma-Beta 0.75. Cohen's h = |2 asin sqrt(0.6) - 2 asin sqrt(0.3)| = 0.61 for the
    // Yes row (Alpha above Beta) and the No row (Beta above Alpha).
    auto tables = banner_run({}, {"score"});
    for (table::Table& t : banner_run({}, {"answer"})) {
        tables.push_back(std::move(t));
    }
    const auto found = report::difference_findings(tables, Lang::En, 4);
    REQUIRE(found.size() == 4);
    CHECK(found[0].text == "Score: mean 7.0 among Alpha against 6.0 among Beta (by Team; p < 0.05).");
    CHECK(found[1].text == "Score: mean 7.0 among Alpha against 6.5 among Gamma (by Team; p < 0.05).");
    CHECK(found[2].text == "Score: mean 6.5 among Gamma against 6.0 among Beta (by Team; p < 0.05).");
    CHECK(found[3].text == "Would you recommend us? \u2014 \u201cYes\u201d: 60% among Alpha against 30% "
                      "among Beta (by Team; p < 0.05).");
    // The numbers beside the sentences: the two means (R above) and the letter's level.
    CHECK(found[0].kind == "difference");
    CHECK(found[0].unit == "mean");
    CHECK(found[0].value == doctest::Approx(6.988).epsilon(1e-3));
    CHECK(found[0].compared_to == doctest::Approx(5.988).epsilon(1e-3));
    CHECK(found[0].p_below == 0.05);
    CHECK(found[3].unit == "percent");
    CHECK(found[3].value == doctest::Approx(60));
    CHECK(found[3].compared_to == doctest::Approx(30));
    CHECK(report::difference_findings(tables, Lang::En, 0).empty());
}
