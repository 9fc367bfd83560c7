// Scale scores, co-moments and reliability on tests/data/scales/scales.csv against R 4.2
// with psych 2.2.9: every expected value below is printed by tests/reference/scales.R,
// which names the call that gave it.
#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/data/comoments.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/data/tabulator.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/stats/reliability.hpp"
#include "careerstat/table/scales.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace careerstat;
using doctest::Approx;

namespace {

const std::string k_dir = std::string(CAREERSTAT_TEST_DATA) + "/scales/";

struct Run {
    codebook::Codebook cb;
    std::unique_ptr<data::CoMoments> moments;
};

// The co-moments of `names` (variables or scale scores) after one real pass.
std::unique_ptr<Run> moments_of(const std::string& codebook, std::vector<std::string> names,
                                data::CoMomentsOptions options = {},
                                std::optional<std::string> weight = std::nullopt) {
    auto run = std::make_unique<Run>();
    run->cb = codebook::Codebook::load(k_dir + codebook);
    codebook::add_scale_scores(run->cb);
    std::vector<std::size_t> vars;
    for (const std::string& n : names) {
        const auto i = run->cb.index_of(n);
        REQUIRE(i);
        if (run->cb.variables[*i].is_derived() && names.size() == 1) {
            vars = run->cb.variables[*i].items; // a scale alone: its items
        } else {
            vars.push_back(*i);
        }
    }
    run->moments = std::make_unique<data::CoMoments>(run->cb, vars, options);
    data::PassOptions po;
    if (weight) {
        po.weight = run->cb.index_of(*weight);
    }
    data::Pass pass(run->cb, po);
    pass.add(*run->moments);
    auto reader = careerstat::io::RecordReader::open(k_dir + "scales.csv");
    pass.run(*reader);
    return run;
}

} // namespace

TEST_CASE("scale scores: a derived variable per Likert group") {
    codebook::Codebook cb = codebook::Codebook::load(k_dir + "scales.codebook.csv");
    codebook::add_scale_scores(cb);
    const auto i = cb.index_of("sat");
    REQUIRE(i);
    const codebook::Variable& sat = cb.variables[*i];
    CHECK(sat.is_derived());
    CHECK(sat.items.size() == 5);
    CHECK(sat.min_items == 3); // half of 5, rounded up
    CHECK(sat.min == 1);
    CHECK(sat.max == 5);
    // Not a question of its own: freq and describe list the battery, not the score.
    for (const auto& q : cb.questions()) {
        CHECK(q.variables != std::vector<std::size_t>{*i});
    }
    SUBCASE("the study's min_items wins, and may not exceed the items") {
        codebook::Codebook again = codebook::Codebook::load(k_dir + "scales.codebook.csv");
        codebook::add_scale_scores(again, {{"sat", 5}});
        CHECK(again.variables[*again.index_of("sat")].min_items == 5);
        codebook::Codebook bad = codebook::Codebook::load(k_dir + "scales.codebook.csv");
        CHECK_THROWS_WITH_AS(codebook::add_scale_scores(bad, {{"sat", 6}}),
                             doctest::Contains("min_items = 6, but it has 5 items"), DataError);
    }
}

TEST_CASE("scale scores: the mean of the answered items, reversed recoded") {
    // R: rowMeans(items, na.rm = TRUE) where at least 3 of 5 answered, s5 as 6 - s5; the
    // mean of those scores over the 75 respondents who also answered rel (scales.R).
    auto run = moments_of("scales.codebook.csv", {"grade", "rel", "sat", "sessions"});
    const data::MomentSums& l = run->moments->listwise();
    CHECK(l.n == 75);
    // R: mean(x$grade), mean(x$sat), sd(x$sat) on the listwise drivers data (scales.R).
    CHECK(l.mean[0] == Approx(6.786666667).epsilon(1e-9));
    CHECK(l.mean[2] == Approx(3.108666667).epsilon(1e-9));
    CHECK(std::sqrt(l.c[2 * 4 + 2] / l.divisor()) == Approx(0.8613461076).epsilon(1e-9));
}

TEST_CASE("reliability: psych::alpha on the complete cases (listwise)") {
    auto run = moments_of("scales.codebook.csv", {"sat"});
    const data::MomentSums& l = run->moments->listwise();
    CHECK(l.n == 65); // R: nrow(complete)
    const auto rel = stats::reliability(table::covariance(*run->moments, false), l.n, 0.95);
    // psych::alpha(complete)$total
    CHECK(rel.alpha == Approx(0.8253394627).epsilon(1e-9));
    CHECK(rel.std_alpha == Approx(0.8266149552).epsilon(1e-9));
    CHECK(*rel.g6 == Approx(0.7976357647).epsilon(1e-9));
    CHECK(rel.average_r == Approx(0.4880988154).epsilon(1e-9));
    CHECK(rel.ase == Approx(0.03424720949).epsilon(1e-8));
    CHECK(rel.average_cov == Approx(0.5973076923).epsilon(1e-9));
    // psych::alpha.ci(alpha, 65, 5): Feldt, Woodruff & Salih (1987)
    CHECK(rel.feldt_low == Approx(0.7478776144).epsilon(1e-8));
    CHECK(rel.feldt_high == Approx(0.8844497615).epsilon(1e-8));
    // alpha -/+ qnorm(0.975) * ase (Duhachek & Iacobucci 2004, as psych prints them)
    CHECK(rel.duhachek_low == Approx(0.7582161655).epsilon(1e-8));
    CHECK(rel.duhachek_high == Approx(0.8924627599).epsilon(1e-8));
    // psych::omega(cor(complete), nfactors = 1)$omega.tot: minres; optim's tolerance
    CHECK(*rel.omega_total == Approx(0.8289512783).epsilon(1e-5));
    REQUIRE(rel.items.size() == 5);
    // psych::alpha(complete)$item.stats$r.drop and $alpha.drop$raw_alpha
    const double r_drop[] = {0.6859829824, 0.6473536423, 0.6301234936, 0.6410714260, 0.5075201620};
    const double a_drop[] = {0.7709561026, 0.7827345268, 0.7885649297, 0.7853917039, 0.8238313008};
    const double sa_drop[] = {0.7732697244, 0.7845588960, 0.7896189707, 0.7865744996, 0.8244784835};
    const double means[] = {3.046153846, 3.246153846, 3.169230769, 3.153846154, 2.953846154};
    const double sds[] = {1.137853918, 1.159616979, 1.039369261, 1.049267144, 1.151504033};
    const double std_r[] = {0.8119513943, 0.7864580196, 0.7746876872, 0.7817955938, 0.6872390452};
    const Eigen::MatrixXd cov = table::covariance(*run->moments, false);
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(rel.items[i].r_drop == Approx(r_drop[i]).epsilon(1e-9));
        CHECK(*rel.items[i].alpha_drop == Approx(a_drop[i]).epsilon(1e-9));
        CHECK(*rel.items[i].std_alpha_drop == Approx(sa_drop[i]).epsilon(1e-9));
        CHECK(rel.items[i].r_total == Approx(std_r[i]).epsilon(1e-9));
        CHECK(l.mean[i] == Approx(means[i]).epsilon(1e-9));
        const auto ii = static_cast<Eigen::Index>(i);
        CHECK(std::sqrt(cov(ii, ii)) == Approx(sds[i]).epsilon(1e-9));
    }
}

TEST_CASE("reliability: pairwise as psych::alpha's default") {
    data::CoMomentsOptions o;
    o.pairwise = true;
    auto run = moments_of("scales.codebook.csv", {"sat"}, o);
    CHECK(run->moments->cases() == 80);
    const auto rel = stats::reliability(table::covariance(*run->moments, true), 80, 0.95);
    // psych::alpha(items) (use = "pairwise")$total, alpha.ci(alpha, 80, 5)
    CHECK(rel.alpha == Approx(0.8182828922).epsilon(1e-9));
    CHECK(rel.std_alpha == Approx(0.8199373799).epsilon(1e-9));
    CHECK(*rel.g6 == Approx(0.7917758668).epsilon(1e-9));
    CHECK(rel.average_r == Approx(0.4766383671).epsilon(1e-9));
    CHECK(rel.feldt_low == Approx(0.7467248971).epsilon(1e-8));
    CHECK(rel.feldt_high == Approx(0.8743913486).epsilon(1e-8));
    const double r_drop[] = {0.6188624734, 0.6613828375, 0.6476705785, 0.6476758766, 0.4850202133};
    const double means[] = {3.064935065, 3.285714286, 3.210526316, 3.131578947, 2.870129870};
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(rel.items[i].r_drop == Approx(r_drop[i]).epsilon(1e-9));
        CHECK(run->moments->single(i).mean[0] == Approx(means[i]).epsilon(1e-9));
    }
}

TEST_CASE("reliability: a reversed item gives the alpha of its recoded copy") {
    // scales.csv holds s5 (reverse-worded, reverse = 1 in scales.codebook.csv) and s5r =
    // 6 - s5 (recoded in the export, no reverse in recoded.codebook.csv).
    auto reversed = moments_of("scales.codebook.csv", {"sat"});
    auto recoded = moments_of("recoded.codebook.csv", {"sat"});
    const auto a = stats::reliability(table::covariance(*reversed->moments, false), 65, 0.95);
    const auto b = stats::reliability(table::covariance(*recoded->moments, false), 65, 0.95);
    CHECK(a.alpha == Approx(b.alpha).epsilon(1e-12));
    CHECK(a.alpha == Approx(0.8253394627).epsilon(1e-9));
    CHECK(a.items[4].r_drop == Approx(b.items[4].r_drop).epsilon(1e-12));
}

TEST_CASE("reliability: an item reversed by mistake is named") {
    // mistake.codebook.csv marks s3 reverse as well. psych::alpha(m)$total$raw_alpha =
    // 0.383572784 and r.drop of s3 = -0.6301234936 (scales.R).
    auto run = moments_of("mistake.codebook.csv", {"sat"});
    const auto rel = stats::reliability(table::covariance(*run->moments, false), 65, 0.95);
    CHECK(rel.alpha == Approx(0.383572784).epsilon(1e-8));
    CHECK(rel.items[2].r_drop == Approx(-0.6301234936).epsilon(1e-9));
    const auto& score = run->cb.variables[*run->cb.index_of("sat")];
    const table::ScaleResult r =
        table::scale_tables(run->cb, score, *run->moments, table::BuildOptions{}, {});
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == "scale \"sat\": s3 correlate(s) negatively with the other items "
                           "(average covariance 0.136): check item coding; a reverse-worded item "
                           "needs reverse = 1 in the codebook, and an item marked reverse by "
                           "mistake needs it removed");
    // The correct codebook gives no warning.
    auto good = moments_of("scales.codebook.csv", {"sat"});
    const auto& gs = good->cb.variables[*good->cb.index_of("sat")];
    CHECK(table::scale_tables(good->cb, gs, *good->moments, table::BuildOptions{}, {}).warnings.empty());
}

TEST_CASE("reliability: weighted covariances as R's cov.wt") {
    // cov.wt(complete, wt = w / sum(w))$cov, then (1 - tr/sum) k / (k - 1): 0.8105414821.
    auto run = moments_of("scales.codebook.csv", {"sat"}, {}, "w");
    const auto rel = stats::reliability(table::covariance(*run->moments, false), 65, 0.95);
    CHECK(rel.alpha == Approx(0.8105414821).epsilon(1e-9));
}

TEST_CASE("reliability: a negative average covariance shows no alpha") {
    // ranks.csv: the six orders of three films, ranked 1-3 (rows sum to 6). R:
    // cov(ranks[, 2:4]) has 0.8 on the diagonal and -0.4 off it, so the average covariance
    // is -0.4 and alpha would be 3/2 (1 - 2.4/0) = -Inf: a ranking is not a scale.
    codebook::Codebook cb = codebook::Codebook::load(k_dir + "ranks.codebook.csv");
    codebook::add_scale_scores(cb);
    const auto& score = cb.variables[*cb.index_of("rank")];
    data::CoMoments m(cb, score.items);
    data::Pass pass(cb, {});
    pass.add(m);
    auto reader = careerstat::io::RecordReader::open(k_dir + "ranks.csv");
    pass.run(*reader);
    const Eigen::MatrixXd cov = table::covariance(m, false);
    CHECK(cov(0, 0) == Approx(0.8));
    CHECK(cov(0, 1) == Approx(-0.4));
    const table::ScaleResult r = table::scale_tables(cb, score, m, table::BuildOptions{}, {});
    const table::Table& t = r.tables[0];
    CHECK(table::is_empty(t.rows[0].cells[t.column_index("value")])); // alpha
    CHECK(table::is_empty(t.rows[5].cells[t.column_index("value")])); // omega
    CHECK(t.rows[3].number(t.column_index("value")) == Approx(-0.5)); // average r
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("r1, r2, r3 correlate(s) negatively") != std::string::npos);
    CHECK(r.warnings[0].find("average covariance -0.4)") != std::string::npos);
}
