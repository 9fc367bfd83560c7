// side_by_side's difference tests between two populations, against R 4.2.
#include "careerstat/table/compare.hpp"

#include <doctest/doctest.h>

using namespace careerstat;
using namespace careerstat::table;

namespace {

// A frequency table as frequency_tables makes it: label, n, pct, ci_low, ci_high.
Table shares(double yes, double base) {
    Table t;
    t.id = "freq.strength";
    t.columns = {{"label", "Answer", ColumnType::Text},
                 {"n", "n", ColumnType::Count},
                 {"pct", "%", ColumnType::Percent},
                 {"ci_low", "low", ColumnType::Number},
                 {"ci_high", "high", ColumnType::Number}};
    t.add_row({std::string("Frisse blik"), yes, yes / base * 100, Cell{}, Cell{}});
    t.add_row({std::string("Base"), base, 100.0, Cell{}, Cell{}}, RowKind::Total);
    return t;
}

Table means(double n, double mean, double sd) {
    Table t;
    t.id = "describe.grade";
    t.columns = {{"label", "Item", ColumnType::Text},
                 {"n", "n", ColumnType::Count},
                 {"mean", "Mean", ColumnType::Number},
                 {"sd", "SD", ColumnType::Number}};
    t.add_row({std::string("Rapportcijfer"), n, mean, sd});
    return t;
}

} // namespace

TEST_CASE("side_by_side: two shares get Newcombe's interval and a z-test") {
    const Table t = side_by_side({{"clients", "ex-clients", shares(19, 48)},
                                  {"employers", "employers", shares(15, 24)}});
    // R: p1 = 19/48, p2 = 15/24; Wilson limits from prop.test(correct = FALSE)$conf.int in
    // Newcombe's method 10: -0.2291666667 (-0.4352813950, 0.0138625715);
    // prop.test(c(19, 15), c(48, 24), correct = FALSE)$p.value = 0.0663326486.
    const Row& r = t.rows.at(0);
    CHECK(std::get<double>(r.cells[t.column_index("diff")]) == doctest::Approx(-22.91666667));
    CHECK(std::get<double>(r.cells[t.column_index("diff_low")]) == doctest::Approx(-43.52813950));
    CHECK(std::get<double>(r.cells[t.column_index("diff_high")]) == doctest::Approx(1.38625715));
    CHECK(std::get<double>(r.cells[t.column_index("diff_p")]) == doctest::Approx(0.0663326486));
    CHECK(is_empty(t.rows.at(1).cells[t.column_index("diff")])); // the base row
}

TEST_CASE("side_by_side: two means get Welch's t-test") {
    const Table t = side_by_side({{"clients", "ex-clients", means(50, 4.42, 0.64)},
                                  {"employers", "employers", means(24, 4.1, 0.8)}});
    // Welch from summaries, in R: t = 1.713936, df = 37.634651, p = 0.09476690.
    REQUIRE(!t.footnotes.empty());
    CHECK(t.footnotes.back() == "Rapportcijfer: ex-clients - employers: difference of means "
                                "0.32 (Welch's t = 1.71, df = 37.6, p = 0.095).");
}
