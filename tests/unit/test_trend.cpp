// The trend across waves (report/trend.cpp, table/trend_tables.cpp) on the fixture of
// tests/data/trend/ (make_fixture.py), read through the real study loader and pass.
// Expected values: R 4.2, tests/reference/trend.R (prop.test Wilson limits with Newcombe's
// method 10 worked by hand; t.test(var.equal = FALSE)).
#include "careerstat/errors.hpp"
#include "careerstat/report/trend.hpp"
#include "careerstat/stats/tests.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

using namespace careerstat;
using doctest::Approx;

namespace {

const std::string k_dir = std::string(CAREERSTAT_TEST_DATA) + "/trend/";

struct Trend {
    report::Study newest;
    report::EarlierWaves earlier;
    std::vector<std::unique_ptr<report::PopulationResult>> now;
    std::vector<table::Table> tables;
};

const std::vector<std::string> k_questions = {"stage", "status", "reasons", "grade", "help"};

std::unique_ptr<Trend> run(const std::string& study_path, double min_base = 20) {
    auto t = std::make_unique<Trend>();
    t->newest = report::load_study(study_path);
    report::ReportOptions o;
    t->earlier = report::read_study_waves(t->newest, k_questions, o, Lang::En);
    report::TrendWaveData now;
    now.year = t->newest.year;
    now.study = &t->newest;
    for (const report::PopulationSpec& spec : t->newest.populations) {
        t->now.push_back(report::read_population(t->newest, spec, o, k_questions, Lang::En, false));
        now.pops.push_back(t->now.back().get());
    }
    std::vector<report::TrendWaveData> waves = t->earlier.waves;
    waves.push_back(now);
    report::TrendRequest r;
    r.questions = k_questions;
    r.min_base = min_base;
    t->tables = report::trend_tables(waves, r, o, Lang::En);
    return t;
}

const table::Table& table_of(const Trend& t, const std::string& id) {
    for (const table::Table& e : t.tables) {
        if (e.id == id) {
            return e;
        }
    }
    FAIL("no table " << id);
    return t.tables.front();
}

// The row of one answer (code or option) in one wave.
const table::Row& row_of(const table::Table& t, const std::string& key, int year) {
    const std::size_t code = t.column_index("code") != std::string::npos ? t.column_index("code")
                                                                         : t.column_index("variable");
    for (const table::Row& r : t.rows) {
        const std::string k = r.text(code).empty() ? std::to_string(static_cast<int>(r.number(code))) : r.text(code);
        if (k == key && r.number(t.column_index("wave")) == year) {
            return r;
        }
    }
    FAIL("no row " << key << " " << year << " in " << t.id);
    return t.rows.front();
}

double at(const table::Table& t, const table::Row& r, const char* column) {
    return r.number(t.column_index(column));
}

bool any_footnote(const table::Table& t, const std::string& part) {
    for (const std::string& f : t.footnotes) {
        if (f.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("trend: shares of a recoded single-choice question against R") {
    const auto t = run(k_dir + "w2022/study.toml");
    const table::Table& s = table_of(*t, "trend.clients.stage");
    // 2020 and 2021 recoded onto 2022's codes: the old 4 ("Zeer laat") is the new 1.
    const table::Row& r20 = row_of(s, "1", 2020);
    CHECK(at(s, r20, "n") == 16);
    CHECK(at(s, r20, "base") == 39);
    CHECK(at(s, r20, "pct") == Approx(41.0256410256).epsilon(1e-9));
    CHECK(at(s, r20, "ci_low") == Approx(27.0793100007).epsilon(1e-9));  // prop.test(16, 39)
    CHECK(at(s, r20, "ci_high") == Approx(56.5813771171).epsilon(1e-9));
    CHECK(std::isnan(at(s, r20, "diff_prev")));
    const table::Row& r21 = row_of(s, "1", 2021);
    CHECK(at(s, r21, "diff_prev") == Approx(7.7548467792).epsilon(1e-9));
    CHECK(at(s, r21, "diff_prev_low") == Approx(-13.5286513741).epsilon(1e-9));
    CHECK(at(s, r21, "diff_prev_high") == Approx(28.0432789140).epsilon(1e-9));
    CHECK(at(s, r21, "diff_prev_p") == Approx(0.4858710082).epsilon(1e-9));
    CHECK(r21.mark(s.column_index("diff_prev")).empty());
    CHECK(std::isnan(at(s, r21, "diff_first"))); // the first and the previous wave are one
    const table::Row& r22 = row_of(s, "1", 2022);
    CHECK(at(s, r22, "pct") == Approx(20.8333333333).epsilon(1e-9));
    CHECK(at(s, r22, "diff_prev") == Approx(-27.9471544715).epsilon(1e-9));
    CHECK(at(s, r22, "diff_prev_low") == Approx(-45.2672594836).epsilon(1e-9));
    CHECK(at(s, r22, "diff_prev_high") == Approx(-8.1670573336).epsilon(1e-9));
    CHECK(at(s, r22, "diff_prev_p") == Approx(0.0054344202).epsilon(1e-8));
    CHECK(r22.mark(s.column_index("diff_prev")) == "▼");
    CHECK(at(s, r22, "diff_first") == Approx(-20.1923076923).epsilon(1e-9));
    CHECK(at(s, r22, "diff_first_low") == Approx(-38.2158099476).epsilon(1e-9));
    CHECK(at(s, r22, "diff_first_high") == Approx(-0.8339497157).epsilon(1e-9));
    CHECK(at(s, r22, "diff_first_p") == Approx(0.0407372385).epsilon(1e-8));
    const table::Row& on_time = row_of(s, "3", 2022);
    CHECK(at(s, on_time, "diff_prev") == Approx(22.1544715447).epsilon(1e-9));
    CHECK(at(s, on_time, "diff_prev_low") == Approx(2.8007697199).epsilon(1e-9));
    CHECK(at(s, on_time, "diff_prev_high") == Approx(38.9929846060).epsilon(1e-9));
    CHECK(on_time.mark(s.column_index("diff_prev")) == "▲");
    // Labels are the newest wave's; the mapping is in the notes.
    CHECK(r20.text(s.column_index("label")) == "Zeer laat");
    CHECK(any_footnote(s, "2020: stage recoded onto the codes of 2022 (1 → 4, 2 → 3, 3 → 2, 4 → 1"));
}

TEST_CASE("trend: a code whose meaning changed leaves the earlier waves out") {
    const auto t = run(k_dir + "w2022/study.toml");
    const table::Table& s = table_of(*t, "trend.clients.status");
    for (const table::Row& r : s.rows) {
        CHECK(r.number(s.column_index("wave")) == 2022);
        CHECK(std::isnan(r.number(s.column_index("diff_prev"))));
    }
    CHECK(s.rows.size() == 3);
    CHECK(any_footnote(s, "2020: left out, the question changed meaning since: status: code relabelled"));
    CHECK(any_footnote(s, "2021: left out"));
    CHECK(any_footnote(s, "Fewer than two comparable waves"));
}

TEST_CASE("trend: multi-select options, an added option, and the small-base flag") {
    const auto t = run(k_dir + "w2022/study.toml");
    const table::Table& m = table_of(*t, "trend.clients.reasons");
    const table::Row& b21 = row_of(m, "reason_b", 2021);
    CHECK(at(m, b21, "base") == 26);
    CHECK(at(m, b21, "pct") == Approx(30.7692307692).epsilon(1e-9));
    CHECK(at(m, b21, "ci_low") == Approx(16.5013155955).epsilon(1e-9));
    const table::Row& b22 = row_of(m, "reason_b", 2022);
    CHECK(at(m, b22, "diff_prev") == Approx(13.9676113360).epsilon(1e-9));
    CHECK(at(m, b22, "diff_prev_low") == Approx(-10.1622869602).epsilon(1e-9));
    CHECK(at(m, b22, "diff_prev_high") == Approx(35.0765980599).epsilon(1e-9));
    CHECK(at(m, b22, "diff_prev_p") == Approx(0.2606595397).epsilon(1e-8));
    // reason_d is new in 2022: one row, nothing to compare.
    int rows_d = 0;
    for (const table::Row& r : m.rows) {
        rows_d += r.text(m.column_index("code")) == "reason_d";
    }
    CHECK(rows_d == 1);
    // With min_base 30 the bases of 24 and 26 are flagged and not tested.
    const auto strict = run(k_dir + "w2022/study.toml", 30);
    const table::Table& ms = table_of(*strict, "trend.clients.reasons");
    const table::Row& s21 = row_of(ms, "reason_b", 2021);
    CHECK(s21.mark(ms.column_index("base")) == "*");
    CHECK(std::isnan(at(ms, row_of(ms, "reason_b", 2022), "diff_prev")));
}

TEST_CASE("trend: means with Welch's t against R's t.test") {
    const auto t = run(k_dir + "w2022/study.toml");
    const table::Table& g = table_of(*t, "trend.clients.grade");
    const table::Row& g20 = row_of(g, "grade", 2020);
    CHECK(at(g, g20, "mean") == Approx(7.025));
    CHECK(at(g, g20, "sd") == Approx(1.0250078174).epsilon(1e-9));
    CHECK(at(g, g20, "ci_low") == Approx(6.6971865965).epsilon(1e-9)); // t.test(g)$conf.int
    CHECK(at(g, g20, "ci_high") == Approx(7.3528134035).epsilon(1e-9));
    const table::Row& g21 = row_of(g, "grade", 2021);
    CHECK(at(g, g21, "diff_prev") == Approx(0.975));
    CHECK(at(g, g21, "diff_prev_low") == Approx(0.5600188069).epsilon(1e-9));
    CHECK(at(g, g21, "diff_prev_high") == Approx(1.3899811931).epsilon(1e-9));
    CHECK(at(g, g21, "diff_prev_p") == Approx(0.0000120825).epsilon(1e-5));
    CHECK(g21.mark(g.column_index("diff_prev")) == "▲");
    const table::Row& g22 = row_of(g, "grade", 2022);
    CHECK(at(g, g22, "diff_prev_low") == Approx(-0.5747281402).epsilon(1e-9));
    CHECK(at(g, g22, "diff_prev_p") == Approx(0.4454480966).epsilon(1e-9));
    CHECK(at(g, g22, "diff_first_low") == Approx(0.3587855231).epsilon(1e-9));
    CHECK(at(g, g22, "diff_first_high") == Approx(1.2712144769).epsilon(1e-9));
    CHECK(at(g, g22, "diff_first_p") == Approx(0.0006227500).epsilon(1e-6));
    const table::Table& h = table_of(*t, "trend.clients.help");
    const table::Row& h22 = row_of(h, "help", 2022);
    CHECK(at(h, h22, "diff_prev") == Approx(0.1193181818).epsilon(1e-9));
    CHECK(at(h, h22, "diff_prev_low") == Approx(-0.2757181297).epsilon(1e-9));
    CHECK(at(h, h22, "diff_prev_p") == Approx(0.5499073437).epsilon(1e-9));
}

TEST_CASE("stats::welch_mean_difference is R's t.test(var.equal = FALSE)") {
    // grade 2022 against 2021 of the fixture: n, mean, sd from tests/reference/trend.R.
    const double se1 = 1.1492677349 / std::sqrt(50.0), se2 = 0.8790490730 / std::sqrt(45.0);
    const stats::MeanDifference d = stats::welch_mean_difference(7.84, se1, 50, 8.0, se2, 45, 0.95);
    CHECK(d.t == Approx(-0.7663661145).epsilon(1e-8));
    CHECK(d.df == Approx(90.7193056930).epsilon(1e-8));
    CHECK(d.lower == Approx(-0.5747281402).epsilon(1e-8));
    CHECK(d.upper == Approx(0.2547281402).epsilon(1e-8));
    CHECK_THROWS_AS(stats::welch_mean_difference(1, 0, 5, 2, 0, 5, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(stats::welch_mean_difference(1, 0.1, 1, 2, 0.1, 5, 0.95), std::invalid_argument);
}

TEST_CASE("trend: a change finding from the trend table") {
    const auto t = run(k_dir + "w2022/study.toml");
    report::ReportOptions o;
    const std::vector<table::Finding> f = report::change_findings(t->newest, t->tables, o, Lang::En);
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "Very late: fell from 41% in 2020 to 21% in 2022 (-20 points; 95% CI -38 to -1).");
    // The numbers beside it: stage = 1, 2022 - 2020, Newcombe's method 10 from R's
    // prop.test Wilson limits (the values test "trend: ... R" checks in the table).
    CHECK(f[0].kind == "change");
    CHECK(f[0].unit == "points");
    CHECK(f[0].value == doctest::Approx(-20.1923076923).epsilon(1e-9));
    CHECK(f[0].ci_low == doctest::Approx(-38.2158099476).epsilon(1e-9));
    CHECK(f[0].ci_high == doctest::Approx(-0.8339497157).epsilon(1e-9));
}

TEST_CASE("trend: a mapping that names what the codebooks do not have is an error") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "careerstat_trend_mapping";
    fs::create_directories(dir);
    const auto study_with = [&](const std::string& wave) {
        const fs::path p = dir / "study.toml";
        std::ofstream(p) << "title = \"t\"\nyear = 2022\n" << wave
                         << "[[population]]\nname = \"clients\"\nexport = \"" << k_dir
                         << "w2022/export.csv\"\n[[section]]\ntitle = \"s\"\ntrend = [\"stage\"]\n";
        return p.string();
    };
    const std::string w = "[[wave]]\nyear = 2021\nstudy = \"" + k_dir + "w2021/study.toml\"\n";
    CHECK_THROWS_WITH_AS(run(study_with(w + "[wave.recode.stage]\n\"7\" = \"1\"\n")),
                         doctest::Contains("recode.stage: code \"7\" is not an answer of stage in 2021"),
                         DataError);
    CHECK_THROWS_WITH_AS(run(study_with(w + "[wave.recode.stage]\n\"1\" = \"8\"\n")),
                         doctest::Contains("8 is not an answer of stage in 2022"), DataError);
    CHECK_THROWS_WITH_AS(run(study_with(w + "[wave.rename]\nstages = \"stage\"\n")),
                         doctest::Contains("rename: no codebook of 2021 has a variable or group \"stages\""),
                         DataError);
    CHECK_THROWS_WITH_AS(run(study_with(w + "[wave.rename]\nstage = \"status\"\n")),
                         doctest::Contains("rename: stage = \"status\", but 2021 already has a \"status\""),
                         DataError);
    CHECK_THROWS_WITH_AS(run(study_with("[[wave]]\nyear = 2020\nstudy = \"" + k_dir + "w2021/study.toml\"\n")),
                         doctest::Contains("[[wave]] year = 2020, but"), DataError);
    CHECK_THROWS_WITH_AS(run(study_with(w + "[wave.rename]\nstage = \"stagee\"\n")),
                         doctest::Contains("but no codebook of 2022 has a variable or group \"stagee\""),
                         DataError);
    // A recode maps answer codes; a grade has none to map.
    CHECK_THROWS_WITH_AS(run(study_with(w + "[wave.recode.grade]\n\"1\" = \"10\"\n")),
                         doctest::Contains("recode.grade: grade is a grade question"), DataError);
    // A recode vouches only for the codes it maps: status's code 2 still changed meaning.
    {
        const auto t = run(study_with(w + "[wave.recode.status]\n\"3\" = \"3\"\n"));
        const table::Table& st = table_of(*t, "trend.clients.status");
        CHECK(any_footnote(st, "2021: left out, the question changed meaning since: status: code relabelled"));
    }
    // An answer recoded to "" leaves the mean too: help without its 5s in 2021 is 32
    // answers with mean 3.375 (R: mean(h[h != 5]) on tests/data/trend/w2021). Its scale's
    // ends then differ (1..4 against 1..5), which only `same` accepts.
    {
        const auto left_out = run(study_with(w + "[wave.recode.help]\n\"5\" = \"\"\n"));
        CHECK(any_footnote(table_of(*left_out, "trend.clients.help"), "2021: left out, the question changed meaning since: help: range changed"));
        const auto t = run(study_with(w + "same = [\"help\"]\n[wave.recode.help]\n\"5\" = \"\"\n"));
        const table::Table& h = table_of(*t, "trend.clients.help");
        const table::Row& h21 = row_of(h, "help", 2021);
        CHECK(at(h, h21, "n") == 32);
        CHECK(at(h, h21, "mean") == Approx(3.375));
    }
    // Without the recode, stage's codes changed meaning: 2021 is left out, with a note.
    const auto unmapped = run(study_with(w));
    const table::Table& s = table_of(*unmapped, "trend.clients.stage");
    CHECK(any_footnote(s, "2021: left out, the question changed meaning since: stage: code relabelled"));
    fs::remove_all(dir);
}

TEST_CASE("trend: a wave left out in between is skipped, in the table and in a change finding") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "careerstat_trend_gap";
    fs::create_directories(dir);
    const fs::path p = dir / "study.toml";
    // 2020 mapped onto 2022's codes, 2021 not: 2021 is left out for stage.
    std::ofstream(p) << "title = \"t\"\nyear = 2022\n[[wave]]\nyear = 2020\nstudy = \"" << k_dir
                     << "w2020/study.toml\"\n[wave.recode.stage]\n\"1\" = \"4\"\n\"2\" = \"3\"\n"
                     << "\"3\" = \"2\"\n\"4\" = \"1\"\n[[wave]]\nyear = 2021\nstudy = \"" << k_dir
                     << "w2021/study.toml\"\n[[population]]\nname = \"clients\"\nexport = \"" << k_dir
                     << "w2022/export.csv\"\n[[section]]\ntitle = \"s\"\ntrend = [\"stage\"]\n"
                     << "[[finding]]\npopulation = \"clients\"\nquestion = \"stage\"\ncode = \"1\"\n"
                     << "from = 2020\nen = \"{change} {from_pct} {pct} {diff} {diff_ci}\"\n";
    const auto t = run(p.string());
    const table::Table& s = table_of(*t, "trend.clients.stage");
    const table::Row& r22 = row_of(s, "1", 2022);
    // The change from 2020, the previous wave compared (R: see the first test case).
    CHECK(at(s, r22, "diff_prev") == Approx(-20.1923076923).epsilon(1e-9));
    CHECK(at(s, r22, "diff_prev_low") == Approx(-38.2158099476).epsilon(1e-9));
    CHECK(s.column_index("diff_first") == std::string::npos); // two waves compared
    CHECK(any_footnote(s, "each change is from the previous (or the first) wave compared"));
    report::ReportOptions o;
    const std::vector<table::Finding> f = report::change_findings(t->newest, t->tables, o, Lang::En);
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "fell 41% 21% -20 -38 to -1");
    fs::remove_all(dir);
}
