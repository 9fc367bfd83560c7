// Unit tests of means, SDs, quantiles, their intervals, the NPS and design-based effective
// sizes against outside references (R 4.x, R survey 4.1.1, PSPP, Rocks 2016).
//
// Every expected number below comes from the reference named next to it; the R calls are
// given so they can be re-run.
#include "careerstat/stats/design.hpp"
#include "careerstat/stats/mean_ci.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace careerstat::stats;

namespace {

// 10 significant digits from R: allow 1e-8 relative (or absolute, below 1).
doctest::Approx near(double value) {
    return doctest::Approx(value).epsilon(1e-8);
}

constexpr double k_inf = std::numeric_limits<double>::infinity();

} // namespace

TEST_CASE("stats::percentile and summarize") {
    // PSPP 1.6.2, run as `pspp -a compatible` (SPSS's HAVERAGE definition; PSPP's default
    // "enhanced" FREQUENCIES algorithm is Hyndman-Fan type 7 and gives 3.25/7.75 for D1):
    //   DATA LIST FREE / x (F8.4) w (F8.4).  BEGIN DATA ... END DATA.  WEIGHT BY w.
    //   FREQUENCIES /VARIABLES=x /FORMAT=NOTABLE /STATISTICS=MINIMUM MAXIMUM
    //     /PERCENTILES=25 50 75.
    // SDs to 10 decimals from PSPP:  COMPUTE g = 1.  AGGREGATE OUTFILE=* /BREAK=g
    //   /m=MEAN(x) /s=SD(x).  FORMATS m s (F16.10).  LIST.
    SUBCASE("D1: 1 2 ... 10, unweighted") {
        ValueCounts v;
        for (int i = 1; i <= 10; ++i) {
            v[i] = 1;
        }
        const Summary s = summarize(v);
        CHECK(s.n == 10.0);
        CHECK(s.mean == near(5.5)); // PSPP: Mean 5.50
        // R: sd(1:10) -> 3.027650354 (PSPP: Std Dev 3.03)
        CHECK(s.sd == near(3.027650354));
        CHECK(s.min == 1.0);
        CHECK(s.max == 10.0);
        CHECK(s.q1 == near(2.75));    // PSPP: Percentiles 25 2.7500
        CHECK(s.median == near(5.5)); // PSPP: 50 5.5000
        CHECK(s.q3 == near(8.25));    // PSPP: 75 8.2500
    }
    SUBCASE("D2: 4 9 -- positions below 1 and past W take the extremes") {
        const ValueCounts v{{4, 1}, {9, 1}};
        CHECK(percentile(v, 0.25) == 4.0);       // PSPP: 25 4.0000 (position 0.75 < 1)
        CHECK(percentile(v, 0.50) == near(6.5)); // PSPP: 50 6.5000
        CHECK(percentile(v, 0.75) == 9.0);       // PSPP: 75 9.0000 (position 2.25 >= 2)
    }
    SUBCASE("D3: WEIGHT BY integer weights") {
        // BEGIN DATA  1 2  3 2  6 3  10 1  END DATA (x then w)
        const ValueCounts v{{1, 2}, {3, 2}, {6, 3}, {10, 1}};
        const Summary s = summarize(v);
        CHECK(s.n == 8.0);              // PSPP: N Valid 8.0000
        CHECK(s.mean == near(4.5));     // PSPP AGGREGATE: m 4.5000000000
        CHECK(s.sd == near(3.0705978943)); // PSPP AGGREGATE: s 3.0705978943
        CHECK(s.q1 == near(1.5));       // PSPP: 25 1.5000
        CHECK(s.median == near(4.5));   // PSPP: 50 4.5000
        CHECK(s.q3 == near(6.0));       // PSPP: 75 6.0000
        CHECK(s.min == 1.0);            // PSPP: Minimum 1.0000
        CHECK(s.max == 10.0);           // PSPP: Maximum 10.0000
    }
    SUBCASE("D4: weighted cases, as R survey 4.1.1 computes them") {
        // R: d <- data.frame(x = c(2, 5, 9), w = c(1.5, 2.5, 1.0))
        //    des <- svydesign(ids = ~1, weights = ~w, data = d)
        //    coef(svymean(~x, des)) 4.9; SE 1.4655033265; sqrt(coef(svyvar(~x, des)))
        //    2.9723727895; coef(svyquantile(~x, des, c(.1,.25,.5,.75,.9), qrule = "hf6",
        //    ci = FALSE)) 2 2 3.8 7 9
        WeightedValues v;
        v[2].add(1.5);
        v[5].add(2.5);
        v[9].add(1.0);
        const Summary s = summarize(v);
        CHECK(s.n == near(5.0));
        CHECK(s.cases == 3.0);
        CHECK(s.mean == near(4.9));
        CHECK(s.se == near(1.4655033265));
        CHECK(s.sd == near(2.9723727895));
        CHECK(percentile(v, 0.10) == near(2.0));
        CHECK(s.q1 == near(2.0));
        CHECK(s.median == near(3.8));
        CHECK(s.q3 == near(7.0));
        CHECK(percentile(v, 0.90) == near(9.0));
        // confint(svymean(~x, des), df = degf(des)) -> -1.40555188825 11.2055518882
        const Interval ci = mean_ci(s, 0.95);
        CHECK(ci.low == near(-1.40555188825));
        CHECK(ci.high == near(11.2055518882));
    }
    SUBCASE("D5: weights below 1 and ties, in file order") {
        // R: x = c(1, 4, 8), w = c(0.5, 2, 1.5): svyquantile hf6 at .1 .25 .5 .75 .9 ->
        //    1.075 2.3125 4.666666666667 8 8; sd 2.9646353064
        WeightedValues v;
        v[1].add(0.5);
        v[4].add(2);
        v[8].add(1.5);
        CHECK(percentile(v, 0.10) == near(1.075));
        CHECK(percentile(v, 0.25) == near(2.3125));
        CHECK(percentile(v, 0.50) == near(4.666666666667));
        CHECK(percentile(v, 0.75) == near(8.0));
        CHECK(percentile(v, 0.90) == near(8.0));
        CHECK(summarize(v).sd == near(2.9646353064));
        // R: x = c(3, 1, 3, 7, 1), w = c(2, 1, 0.5, 1, 3) (ties: the first and last case of
        // a value matter): hf6 .1 .25 .5 .75 .9 -> 1 1 1.25 3 7; mean 2.4666666667,
        // sd 2.2310934041, SE 0.9806019819.
        WeightedValues t;
        for (auto [x, w] : {std::pair{3.0, 2.0}, {1.0, 1.0}, {3.0, 0.5}, {7.0, 1.0}, {1.0, 3.0}}) {
            t[x].add(w);
        }
        CHECK(percentile(t, 0.10) == near(1.0));
        CHECK(percentile(t, 0.25) == near(1.0));
        CHECK(percentile(t, 0.50) == near(1.25));
        CHECK(percentile(t, 0.75) == near(3.0));
        CHECK(percentile(t, 0.90) == near(7.0));
        const Summary st = summarize(t);
        CHECK(st.mean == near(2.4666666667));
        CHECK(st.sd == near(2.2310934041));
        CHECK(st.se == near(0.9806019819));
    }
    SUBCASE("the scale of the weights changes nothing; equal weights are unweighted") {
        WeightedValues a;
        WeightedValues tenth;
        WeightedValues huge;
        WeightedValues equal;
        for (auto [x, w] : {std::pair{3.0, 2.0}, {1.0, 1.0}, {3.0, 0.5}, {7.0, 1.0}, {1.0, 3.0}}) {
            a[x].add(w);
            tenth[x].add(w * 0.1);
            huge[x].add(w * 1e6);
            equal[x].add(0.25);
        }
        const Summary s = summarize(a);
        for (const WeightedValues* v : {&tenth, &huge}) {
            const Summary r = summarize(*v);
            CHECK(r.mean == near(s.mean));
            CHECK(r.sd == near(s.sd));
            CHECK(r.se == near(s.se));
            CHECK(r.q1 == near(s.q1));
            CHECK(r.median == near(s.median));
            CHECK(r.q3 == near(s.q3));
        }
        const Summary e = summarize(equal);
        const Summary u = summarize(ValueCounts{{1, 2}, {3, 2}, {7, 1}});
        CHECK(e.mean == near(u.mean));
        CHECK(e.sd == near(u.sd));
        CHECK(e.median == near(u.median));
        CHECK(e.q1 == near(u.q1));
    }
    SUBCASE("values near the largest double give a finite mean and SD") {
        WeightedValues v;
        v[1e308].add(1);
        v[1.5e308].add(1);
        v[-1e308].add(1);
        const Summary s = summarize(v);
        CHECK(std::isfinite(s.mean));
        CHECK(s.mean == doctest::Approx(0.5e308).epsilon(1e-12)); // (1 + 1.5 - 1)e308 / 3
        CHECK(std::isfinite(s.sd));
        CHECK(std::isfinite(s.median));
    }
    SUBCASE("edge cases") {
        const ValueCounts empty;
        const Summary s = summarize(empty);
        CHECK(s.n == 0.0);
        CHECK(std::isnan(s.mean));
        CHECK(std::isnan(s.sd));
        CHECK(std::isnan(s.median));
        // One case: a mean but no SD (divisor W - 1 = 0).
        const Summary one = summarize(ValueCounts{{7, 1}});
        CHECK(one.mean == 7.0);
        CHECK(std::isnan(one.sd));
        CHECK(one.median == 7.0);
        // Values with weight 0 carry no cases.
        const ValueCounts with_zero{{1, 0}, {4, 1}, {9, 1}, {100, 0}};
        CHECK(summarize(with_zero).min == 4.0);
        CHECK(summarize(with_zero).max == 9.0);
        CHECK(percentile(with_zero, 0.5) == near(6.5)); // as D2
        CHECK(std::isnan(percentile(with_zero, 1.5)));
        CHECK(percentile(with_zero, 0.0) == 4.0);
        CHECK(percentile(with_zero, 1.0) == 9.0);
    }
}

TEST_CASE("stats::mean_ci") {
    // y <- c(12, 15, 9, 20, 17, 11, 14, 18): R: mean(y) -> 14.5, sd(y) -> 3.741657387
    WeightedValues y;
    for (double x : {12, 15, 9, 20, 17, 11, 14, 18}) {
        y[x].add(1);
    }
    const Summary s = summarize(y);
    SUBCASE("no population: Student t") {
        CHECK(s.sd == near(3.741657387));
        // R: t.test(y)$conf.int -> 11.37189614 17.62810386
        const Interval ci = mean_ci(s, 0.95);
        CHECK(ci.low == near(11.37189614));
        CHECK(ci.high == near(17.62810386));
        // R: t.test(y, conf.level=0.9)$conf.int -> 11.99370809 17.00629191
        const Interval ci90 = mean_ci(s, 0.90);
        CHECK(ci90.low == near(11.99370809));
        CHECK(ci90.high == near(17.00629191));
    }
    SUBCASE("finite population N = 40: R survey") {
        // R: des <- svydesign(ids=~1, fpc=~N, data=data.frame(y=y, N=40))
        //    m <- svymean(~y, des); SE(m) -> 1.183215957
        //    confint(m, df=degf(des)) -> 11.70213885 17.29786115
        const Interval ci = mean_ci(s, 0.95, 40);
        CHECK(ci.low == near(11.70213885));
        CHECK(ci.high == near(17.29786115));
        CHECK(s.se * std::sqrt(1.0 - 8.0 / 40.0) == near(1.183215957));
    }
    SUBCASE("degenerate cases: one case, every answer the same, a census") {
        WeightedValues one;
        one[7].add(1);
        CHECK(std::isnan(mean_ci(summarize(one), 0.95).low));
        WeightedValues same;
        same[4].add(1);
        same[4].add(2);
        same[4].add(1);
        const Summary flat = summarize(same);
        CHECK(flat.sd == 0.0);
        CHECK(std::isnan(mean_ci(flat, 0.95).low)); // no zero-width interval
        CHECK(std::isnan(mean_ci(flat, 0.95).high));
        const Interval census = mean_ci(s, 0.95, 8);
        CHECK(census.low == 14.5);
        CHECK(census.high == 14.5);
    }
}

TEST_CASE("stats::net_promoter_score") {
    // Rocks (2016), "Interval estimation for the 'Net Promoter Score'", The American
    // Statistician 70(4), 365-372 (arXiv:1601.07235), adjusted Wald: add 3/4 promoter, 3/4
    // detractor and 3 to n, then p' - d' -/+ z sqrt((p' + d' - (p' - d')^2) / n').
    // R: aw <- function(pro, pas, det, n_eff, L = .95) { tot <- pro + pas + det;
    //      p <- pro/tot; d <- det/tot; n <- n_eff + 3; pp <- (p*n_eff + .75)/n;
    //      dd <- (d*n_eff + .75)/n; c <- pp - dd; h <- qnorm(1-(1-L)/2)*sqrt((pp+dd-c^2)/n);
    //      100 * c(max(-1, c - h), min(1, c + h)) }
    SUBCASE("50 promoters, 30 passives, 20 detractors, n_eff = 100") {
        const Nps nps = net_promoter_score(50, 30, 20, 100, 0.95);
        CHECK(nps.promoters_pct == near(50.0));
        CHECK(nps.passives_pct == near(30.0));
        CHECK(nps.detractors_pct == near(20.0));
        CHECK(nps.score == near(30.0));
        // R: aw(50, 30, 20, 100) -> 14.0511301788 44.2012970057
        CHECK(nps.ci.low == near(14.0511301788));
        CHECK(nps.ci.high == near(44.2012970057));
        // R: aw(50, 30, 20, 99) -> 13.9689361079 44.2663580098
        const Nps n99 = net_promoter_score(50, 30, 20, 99, 0.95);
        CHECK(n99.ci.low == near(13.9689361079));
        CHECK(n99.ci.high == near(44.2663580098));
    }
    SUBCASE("the interval does not collapse at the boundary") {
        // R: aw(19, 1, 0, 20) -> 63.9303900827 100; aw(0, 1, 19, 20) -> -100 -63.9303900827
        const Nps high = net_promoter_score(19, 1, 0, 20, 0.95);
        CHECK(high.score == near(95.0));
        CHECK(high.ci.low == near(63.9303900827));
        CHECK(high.ci.high == 100.0);
        const Nps low = net_promoter_score(0, 1, 19, 20, 0.95);
        CHECK(low.score == near(-95.0));
        CHECK(low.ci.low == -100.0);
        CHECK(low.ci.high == near(-63.9303900827));
        // Three promoters: the Wald interval was [100, 100]. R: aw(3, 0, 0, 3) -> -6.5793 100
        const Nps three = net_promoter_score(3, 0, 0, 3, 0.95);
        CHECK(three.score == near(100.0));
        CHECK(three.ci.low == near(-6.57928670381));
        CHECK(three.ci.high == 100.0);
    }
    SUBCASE("no answers, or a census") {
        const Nps none = net_promoter_score(0, 0, 0, 0, 0.95);
        CHECK(std::isnan(none.score));
        CHECK(std::isnan(none.ci.low));
        const Nps census = net_promoter_score(50, 30, 20, k_inf, 0.95);
        CHECK(census.ci.low == near(30.0));
        CHECK(census.ci.high == near(30.0));
    }
}

TEST_CASE("stats::design_effective_n") {
    // R survey 4.1.1: y = c(1,1,0,1,0,0,1,1), w = c(1,2,1,3,1,2,1,1):
    //   des <- svydesign(ids=~1, weights=~w, data=data.frame(y, w)); m <- svymean(~y, des)
    //   coef(m) 0.666666666667; SE(m) 0.187812056606 -> n_eff = p(1-p)/SE^2 = 6.3
    //   (svyciprop(~y, des, method="beta") is Clopper-Pearson on this n_eff)
    const double p = 8.0 / 12.0;
    const DesignBase base{8, 12, 22, true, 0};
    // squared weights of the "yes" cases: 1 + 4 + 9 + 1 + 1 = 16
    CHECK(share_effective_n(base, p, 16) == near(6.3));
    // Unweighted without a population: the binomial n. With N = 40: (n-1)/(1-n/N).
    CHECK(share_effective_n(DesignBase{8, 8, 8, false, 0}, 0.5, 4) == 8.0);
    CHECK(share_effective_n(DesignBase{8, 8, 8, false, 40}, 0.5, 4) == near(7.0 / 0.8));
    // A share of 0 or 1: Kish's n less one, over 1 - f. Here Kish = 144/22.
    CHECK(share_effective_n(base, 1.0, 22) == near(144.0 / 22.0 - 1.0));
    CHECK(std::isinf(share_effective_n(DesignBase{8, 8, 8, false, 8}, 0.5, 4)));
}
