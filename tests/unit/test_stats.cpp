// Unit tests of the statistics layer against outside references (R 4.x, R survey, PSPP).
//
// Every expected number below comes from the reference named next to it. R values were
// printed with options(digits=10); the R calls are given so they can be re-run.
#include "careerstat/stats/aapor.hpp"
#include "careerstat/stats/proportion_ci.hpp"
#include "careerstat/stats/tests.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace careerstat::stats;

namespace {

// 10 significant digits from R: allow 1e-8 relative (or absolute, below 1).
doctest::Approx near(double value) {
    return doctest::Approx(value).epsilon(1e-8);
}

// Purely relative, for numbers far below 1 such as tiny p-values.
doctest::Approx relative(double value) {
    return doctest::Approx(value).epsilon(1e-8).scale(0.0);
}

constexpr double k_inf = std::numeric_limits<double>::infinity();

} // namespace

TEST_CASE("stats::proportion_ci") {
    SUBCASE("x = 7 of n = 20 at 95%") {
        // R: prop.test(7, 20, correct=FALSE)$conf.int -> 0.1811918241 0.5671457233
        const Interval wilson = proportion_ci(7, 20, 0.95, CiMethod::Wilson);
        CHECK(wilson.low == near(0.1811918241));
        CHECK(wilson.high == near(0.5671457233));
        // R: binom.test(7, 20)$conf.int -> 0.1539092048 0.5921885345
        const Interval cp = proportion_ci(7, 20, 0.95, CiMethod::ClopperPearson);
        CHECK(cp.low == near(0.1539092048));
        CHECK(cp.high == near(0.5921885345));
        // R: qbeta(c(0.025, 0.975), 7.5, 13.5) -> 0.1722762136 0.5677660938
        const Interval jeffreys = proportion_ci(7, 20, 0.95, CiMethod::Jeffreys);
        CHECK(jeffreys.low == near(0.1722762136));
        CHECK(jeffreys.high == near(0.5677660938));
        // R: z <- qnorm(0.975); nt <- 20 + z^2; pt <- (7 + z^2/2)/nt;
        //    pt + c(-1, 1) * z * sqrt(pt * (1 - pt)/nt) -> 0.1799263614 0.5684111860
        const Interval ac = proportion_ci(7, 20, 0.95, CiMethod::AgrestiCoull);
        CHECK(ac.low == near(0.1799263614));
        CHECK(ac.high == near(0.5684111860));
    }

    SUBCASE("x = 7 of n = 20 at 90%") {
        // R: prop.test(7, 20, correct=FALSE, conf.level=0.90)$conf.int
        //    -> 0.2022600401 0.5334873112
        const Interval wilson = proportion_ci(7, 20, 0.90, CiMethod::Wilson);
        CHECK(wilson.low == near(0.2022600401));
        CHECK(wilson.high == near(0.5334873112));
        // R: binom.test(7, 20, conf.level=0.90)$conf.int -> 0.1773109176 0.5580345113
        const Interval cp = proportion_ci(7, 20, 0.90, CiMethod::ClopperPearson);
        CHECK(cp.low == near(0.1773109176));
        CHECK(cp.high == near(0.5580345113));
        // R: qbeta(c(0.05, 0.95), 7.5, 13.5) -> 0.1969527051 0.5331653212
        const Interval jeffreys = proportion_ci(7, 20, 0.90, CiMethod::Jeffreys);
        CHECK(jeffreys.low == near(0.1969527051));
        CHECK(jeffreys.high == near(0.5331653212));
        // R: the Agresti-Coull formula above with z <- qnorm(0.95) -> 0.2014126369 0.5343347143
        const Interval ac = proportion_ci(7, 20, 0.90, CiMethod::AgrestiCoull);
        CHECK(ac.low == near(0.2014126369));
        CHECK(ac.high == near(0.5343347143));
    }

    SUBCASE("x = 0 of n = 10: the lower bounds are 0") {
        // R: prop.test(0, 10, correct=FALSE)$conf.int -> 0 0.2775327999
        const Interval wilson = proportion_ci(0, 10, 0.95, CiMethod::Wilson);
        CHECK(wilson.low == 0.0);
        CHECK(wilson.high == near(0.2775327999));
        // R: binom.test(0, 10)$conf.int -> 0 0.3084971078
        const Interval cp = proportion_ci(0, 10, 0.95, CiMethod::ClopperPearson);
        CHECK(cp.low == 0.0);
        CHECK(cp.high == near(0.3084971078));
        // Brown, Cai & DasGupta (2001): lower bound 0 at x = 0;
        // R: qbeta(0.975, 0.5, 10.5) -> 0.2171962675
        const Interval jeffreys = proportion_ci(0, 10, 0.95, CiMethod::Jeffreys);
        CHECK(jeffreys.low == 0.0);
        CHECK(jeffreys.high == near(0.2171962675));
        // R: Agresti-Coull formula, x = 0, n = 10, clamped at 0 -> 0 0.3208873058
        const Interval ac = proportion_ci(0, 10, 0.95, CiMethod::AgrestiCoull);
        CHECK(ac.low == 0.0);
        CHECK(ac.high == near(0.3208873058));
    }

    SUBCASE("x = n = 10: the upper bounds are 1") {
        // R: prop.test(10, 10, correct=FALSE)$conf.int -> 0.7224672001 1
        const Interval wilson = proportion_ci(10, 10, 0.95, CiMethod::Wilson);
        CHECK(wilson.low == near(0.7224672001));
        CHECK(wilson.high == 1.0);
        // R: binom.test(10, 10)$conf.int -> 0.6915028922 1
        const Interval cp = proportion_ci(10, 10, 0.95, CiMethod::ClopperPearson);
        CHECK(cp.low == near(0.6915028922));
        CHECK(cp.high == 1.0);
        // R: qbeta(0.025, 10.5, 0.5) -> 0.7828037325; upper bound 1 (Brown et al. 2001)
        const Interval jeffreys = proportion_ci(10, 10, 0.95, CiMethod::Jeffreys);
        CHECK(jeffreys.low == near(0.7828037325));
        CHECK(jeffreys.high == 1.0);
        // R: Agresti-Coull formula, x = n = 10, clamped at 1 -> 0.6791126942 1
        const Interval ac = proportion_ci(10, 10, 0.95, CiMethod::AgrestiCoull);
        CHECK(ac.low == near(0.6791126942));
        CHECK(ac.high == 1.0);
    }

    SUBCASE("fractional x = 3.6 of n_eff = 12.5") {
        // R: suppressWarnings(prop.test(3.6, 12.5, correct=FALSE))$conf.int
        //    -> 0.1126979884 0.5629735622
        const Interval wilson = proportion_ci(3.6, 12.5, 0.95, CiMethod::Wilson);
        CHECK(wilson.low == near(0.1126979884));
        CHECK(wilson.high == near(0.5629735622));
        // R: qbeta(0.025, 3.6, 12.5 - 3.6 + 1) -> 0.07695121568;
        //    qbeta(0.975, 3.6 + 1, 12.5 - 3.6) -> 0.6019764465
        const Interval cp = proportion_ci(3.6, 12.5, 0.95, CiMethod::ClopperPearson);
        CHECK(cp.low == near(0.07695121568));
        CHECK(cp.high == near(0.6019764465));
        // R: qbeta(c(0.025, 0.975), 4.1, 9.4) -> 0.09957755862 0.56261084594
        const Interval jeffreys = proportion_ci(3.6, 12.5, 0.95, CiMethod::Jeffreys);
        CHECK(jeffreys.low == near(0.09957755862));
        CHECK(jeffreys.high == near(0.56261084594));
        // R: Agresti-Coull formula, x = 3.6, n = 12.5 -> 0.1085176650 0.5671538856
        const Interval ac = proportion_ci(3.6, 12.5, 0.95, CiMethod::AgrestiCoull);
        CHECK(ac.low == near(0.1085176650));
        CHECK(ac.high == near(0.5671538856));
        // proportion_ci_p(p, n_eff) is proportion_ci(p * n_eff, n_eff): 3.6 / 12.5 = 0.288.
        const Interval from_p = proportion_ci_p(0.288, 12.5, 0.95, CiMethod::Wilson);
        CHECK(from_p.low == near(0.1126979884));
        CHECK(from_p.high == near(0.5629735622));
    }

    SUBCASE("undefined inputs give NaN") {
        for (const CiMethod m : {CiMethod::Wilson, CiMethod::ClopperPearson,
                                 CiMethod::Jeffreys, CiMethod::AgrestiCoull}) {
            CHECK(std::isnan(proportion_ci(0, 0, 0.95, m).low));
            CHECK(std::isnan(proportion_ci(0, 0, 0.95, m).high));
            CHECK(std::isnan(proportion_ci(3, -1, 0.95, m).low));
            CHECK(std::isnan(proportion_ci(12, 10, 0.95, m).low));
            CHECK(std::isnan(proportion_ci(3, 10, 1.0, m).low));
            CHECK(std::isnan(proportion_ci_p(1.5, 10, 0.95, m).low));
        }
    }

    SUBCASE("a census collapses the interval to the estimate") {
        for (const CiMethod m : {CiMethod::Wilson, CiMethod::ClopperPearson,
                                 CiMethod::Jeffreys, CiMethod::AgrestiCoull}) {
            const Interval ci = proportion_ci_p(0.35, k_inf, 0.95, m);
            CHECK(ci.low == 0.35);
            CHECK(ci.high == 0.35);
            // x finite over an infinite n is a proportion of 0.
            const Interval zero = proportion_ci(0, k_inf, 0.95, m);
            CHECK(zero.low == 0.0);
            CHECK(zero.high == 0.0);
        }
    }
}

TEST_CASE("stats::ci_method names") {
    SUBCASE("parse accepts the documented names and aliases") {
        CHECK(parse_ci_method("wilson") == CiMethod::Wilson);
        CHECK(parse_ci_method("clopper-pearson") == CiMethod::ClopperPearson);
        CHECK(parse_ci_method("exact") == CiMethod::ClopperPearson);
        CHECK(parse_ci_method("cp") == CiMethod::ClopperPearson);
        CHECK(parse_ci_method("jeffreys") == CiMethod::Jeffreys);
        CHECK(parse_ci_method("agresti-coull") == CiMethod::AgrestiCoull);
        CHECK(parse_ci_method("ac") == CiMethod::AgrestiCoull);
        CHECK(parse_ci_method(" Wilson ") == CiMethod::Wilson);
        CHECK_FALSE(parse_ci_method("wald").has_value());
        CHECK_FALSE(parse_ci_method("").has_value());
    }
    SUBCASE("the canonical name parses back to the same method") {
        for (const CiMethod m : {CiMethod::Wilson, CiMethod::ClopperPearson,
                                 CiMethod::Jeffreys, CiMethod::AgrestiCoull}) {
            CHECK(parse_ci_method(ci_method_name(m)) == m);
        }
        CHECK(ci_method_name(CiMethod::ClopperPearson) == "clopper-pearson");
    }
}

TEST_CASE("stats::effective_n") {
    SUBCASE("fpc_effective_n reproduces the R survey variance of a proportion") {
        // R: d <- data.frame(y01 = c(rep(1, 7), rep(0, 13)), N = 100)
        //    SE(svymean(~y01, svydesign(ids=~1, fpc=~N, data=d)))^2 -> 0.00957894736842
        // With p = 0.35 that equals p(1-p)/n_eff for n_eff = (20-1)/(1-20/100) = 23.75.
        const double n_eff = fpc_effective_n(20, 100);
        CHECK(n_eff == near(23.75));
        CHECK(0.35 * 0.65 / n_eff == relative(0.00957894736842));
    }
    SUBCASE("no population, or a census") {
        CHECK(fpc_effective_n(20, 0) == 20.0);
        CHECK(fpc_effective_n(20, -1) == 20.0);
        CHECK(std::isinf(fpc_effective_n(100, 100)));
        CHECK(std::isinf(fpc_effective_n(120, 100)));
        CHECK(fpc_effective_n(1, 100) == 0.0);
    }
    SUBCASE("Kish") {
        // Kish (1965, 8.2): weights 1, 2, 2, 3 -> (1+2+2+3)^2 / (1+4+4+9) = 64/18
        CHECK(kish_effective_n(8, 18) == near(64.0 / 18.0));
        // Equal weights give back the number of cases: 5 weights of 2 -> 100/20 = 5.
        CHECK(kish_effective_n(10, 20) == near(5.0));
        CHECK(kish_effective_n(0, 0) == 0.0);
    }
}

TEST_CASE("stats::chi_square_test") {
    SUBCASE("2 x 3") {
        // R: chisq.test(matrix(c(12,5,9, 7,11,3), nrow=2, byrow=TRUE), correct=FALSE)
        //    X-squared 6.102943657, df 2, p 0.04728927144, min(expected) 5.361702128
        const ChiSquare r = chi_square_test({{12, 5, 9}, {7, 11, 3}});
        CHECK(r.statistic == near(6.102943657));
        CHECK(r.df == 2.0);
        CHECK(r.p_value == near(0.04728927144));
        CHECK(r.min_expected == near(5.361702128));
    }
    SUBCASE("empty rows and columns are dropped") {
        // The same table with an empty column and an empty row: R's answer for the 2 x 3.
        const ChiSquare r = chi_square_test({{12, 0, 5, 9}, {0, 0, 0, 0}, {7, 0, 11, 3}});
        CHECK(r.statistic == near(6.102943657));
        CHECK(r.df == 2.0);
        CHECK(r.p_value == near(0.04728927144));
        CHECK(r.min_expected == near(5.361702128));
    }
    SUBCASE("2 x 2 without continuity correction") {
        // R: chisq.test(matrix(c(10,20, 30,15), nrow=2, byrow=TRUE), correct=FALSE)
        //    X-squared 8.035714286, df 1, p 0.00458639208, min(expected) 14
        const ChiSquare r = chi_square_test({{10, 20}, {30, 15}});
        CHECK(r.statistic == near(8.035714286));
        CHECK(r.df == 1.0);
        CHECK(r.p_value == near(0.00458639208));
        CHECK(r.min_expected == near(14.0));
    }
    SUBCASE("a tiny p-value keeps its digits") {
        // R: chisq.test(matrix(c(200,10, 10,200), nrow=2, byrow=TRUE), correct=FALSE)
        //    X-squared 343.8095238, p 9.44577235126e-77
        const ChiSquare r = chi_square_test({{200, 10}, {10, 200}});
        CHECK(r.statistic == near(343.8095238));
        CHECK(r.p_value == relative(9.44577235126e-77));
    }
    SUBCASE("3 x 3 with small expected counts") {
        // R: chisq.test(matrix(c(3,1,4, 1,5,9, 2,6,5), nrow=3, byrow=TRUE), correct=FALSE)
        //    X-squared 5.325, df 4, p 0.2555456986, min(expected) 1.333333333
        const ChiSquare r = chi_square_test({{3, 1, 4}, {1, 5, 9}, {2, 6, 5}});
        CHECK(r.statistic == near(5.325));
        CHECK(r.df == 4.0);
        CHECK(r.p_value == near(0.2555456986));
        CHECK(r.min_expected == near(1.333333333));
    }
    SUBCASE("too small or malformed tables throw") {
        CHECK_THROWS_AS(chi_square_test({}), std::invalid_argument);
        CHECK_THROWS_AS(chi_square_test({{1, 2, 3}}), std::invalid_argument);
        CHECK_THROWS_AS(chi_square_test({{1, 0}, {2, 0}}), std::invalid_argument);
        CHECK_THROWS_AS(chi_square_test({{1, 2}, {3}}), std::invalid_argument);
        CHECK_THROWS_AS(chi_square_test({{1, -2}, {3, 4}}), std::invalid_argument);
    }
}

TEST_CASE("stats::aapor") {
    SUBCASE("parse_disposition") {
        // Codes from the AAPOR Standard Definitions final disposition tables.
        CHECK(parse_disposition("1.1") == DispositionClass::I);
        CHECK(parse_disposition("1.2") == DispositionClass::P);
        CHECK(parse_disposition("2.1") == DispositionClass::R);
        CHECK(parse_disposition("2.10") == DispositionClass::R);
        CHECK(parse_disposition("2.11") == DispositionClass::R);
        CHECK(parse_disposition("2.111") == DispositionClass::R);
        CHECK(parse_disposition("2.12") == DispositionClass::R);
        CHECK(parse_disposition("2.19") == DispositionClass::R);
        CHECK(parse_disposition("2.2") == DispositionClass::NC);
        CHECK(parse_disposition("2.20") == DispositionClass::NC);
        CHECK(parse_disposition("2.25") == DispositionClass::NC);
        CHECK(parse_disposition("2.3") == DispositionClass::O);
        CHECK(parse_disposition("2.31") == DispositionClass::O);
        CHECK(parse_disposition("2.9") == DispositionClass::O);
        CHECK(parse_disposition("3.1") == DispositionClass::UH);
        CHECK(parse_disposition("3.19") == DispositionClass::UH);
        CHECK(parse_disposition("3.2") == DispositionClass::UO);
        CHECK(parse_disposition("3.21") == DispositionClass::UO);
        CHECK(parse_disposition("3.9") == DispositionClass::UO);
        CHECK(parse_disposition("3.91") == DispositionClass::UO);
        CHECK(parse_disposition("4") == DispositionClass::NE);
        CHECK(parse_disposition("4.10") == DispositionClass::NE);
        CHECK(parse_disposition("4.70") == DispositionClass::NE);
        CHECK(parse_disposition(" 1.1 ") == DispositionClass::I);
        CHECK(parse_disposition("i") == DispositionClass::I);
        CHECK(parse_disposition("nc") == DispositionClass::NC);
        CHECK(parse_disposition("Uh") == DispositionClass::UH);
        CHECK(parse_disposition("UO") == DispositionClass::UO);
        CHECK(parse_disposition("ne") == DispositionClass::NE);
        CHECK(parse_disposition("o") == DispositionClass::O);
        CHECK(parse_disposition("R") == DispositionClass::R);
        CHECK(parse_disposition("p") == DispositionClass::P);
        for (const char* bad : {"", " ", "1", "2", "3", "1.3", "2.4", "2.0", "3.0", "5.1", "2.",
                                "2.1a", "1.1.1", "x", "0", "N", "NCX", "-1.1"}) {
            CAPTURE(bad);
            CHECK_FALSE(parse_disposition(bad).has_value());
        }
    }

    SUBCASE("add") {
        Dispositions d;
        add(d, DispositionClass::I);
        add(d, DispositionClass::I, 2.5);
        add(d, DispositionClass::NE, 3);
        CHECK(d.I == 3.5);
        CHECK(d.NE == 3.0);
        CHECK(d.P == 0.0);
    }

    SUBCASE("outcome rates, every class nonzero") {
        // AAPOR Standard Definitions, 9th edition (2016) formulas, worked by hand:
        // I=400 P=50 R=150 NC=100 O=50 UH=200 UO=50 NE=100
        // (I+P)=450, (R+NC+O)=300, (UH+UO)=250
        // e = (I+P+R+NC+O)/(I+P+R+NC+O+NE) = 750/850 = 15/17 = 0.88235294117647
        // e(UH+UO) = 250*15/17 = 3750/17; 750 + 3750/17 = 16500/17
        const Dispositions d{400, 50, 150, 100, 50, 200, 50, 100};
        const OutcomeRates r = outcome_rates(d);
        CHECK(r.e == near(15.0 / 17.0));
        CHECK(r.rr1 == near(0.4));                   // 400/(450+300+250) = 400/1000
        CHECK(r.rr2 == near(0.45));                  // 450/1000
        CHECK(r.rr3 == near(6800.0 / 16500.0));      // 400/(16500/17) = 0.412121...
        CHECK(r.rr4 == near(7650.0 / 16500.0));      // 450*17/16500 = 0.463636...
        CHECK(r.rr5 == near(400.0 / 750.0));         // 400/(450+300) = 0.533333...
        CHECK(r.rr6 == near(0.6));                   // 450/750
        CHECK(r.coop1 == near(400.0 / 650.0));       // 400/(450+150+50) = 0.615384...
        CHECK(r.coop2 == near(450.0 / 650.0));       // 450/650 = 0.692307...
        CHECK(r.coop3 == near(400.0 / 600.0));       // 400/(450+150) = 0.666666...
        CHECK(r.coop4 == near(0.75));                // 450/600
        CHECK(r.ref1 == near(0.15));                 // 150/1000
        CHECK(r.ref2 == near(2550.0 / 16500.0));     // 150*17/16500 = 0.154545...
        CHECK(r.ref3 == near(0.2));                  // 150/750
        CHECK(r.con1 == near(0.65));                 // (450+150+50)/(650+100+250) = 650/1000
        CHECK(r.con2 == near(11050.0 / 16500.0));    // 650*17/16500 = 0.669696...
        CHECK(r.con3 == near(650.0 / 750.0));        // 650/(650+100) = 0.866666...
    }

    SUBCASE("an explicit e") {
        // By hand with e = 0.5: 750 + 0.5*250 = 875; RR3 = 400/875, RR4 = 450/875,
        // REF2 = 150/875, CON2 = 650/875.
        const Dispositions d{400, 50, 150, 100, 50, 200, 50, 100};
        const OutcomeRates r = outcome_rates(d, 0.5);
        CHECK(r.e == 0.5);
        CHECK(r.rr3 == near(400.0 / 875.0));
        CHECK(r.rr4 == near(450.0 / 875.0));
        CHECK(r.ref2 == near(150.0 / 875.0));
        CHECK(r.con2 == near(650.0 / 875.0));
        CHECK(r.rr1 == near(0.4)); // unaffected by e
        CHECK_THROWS_AS(outcome_rates(d, 1.5), std::invalid_argument);
        CHECK_THROWS_AS(outcome_rates(d, -0.1), std::invalid_argument);
    }

    SUBCASE("empty denominators give NaN") {
        const OutcomeRates none = outcome_rates(Dispositions{});
        CHECK(std::isnan(none.e));
        CHECK(std::isnan(none.rr1));
        CHECK(std::isnan(none.coop1));
        CHECK(std::isnan(none.con3));
        // Only unknowns and ineligibles: e = 0/100 = 0, RR3's denominator is 0.
        Dispositions unknown_only;
        unknown_only.UH = 10;
        unknown_only.NE = 100;
        const OutcomeRates u = outcome_rates(unknown_only);
        CHECK(u.e == 0.0);
        CHECK(u.rr1 == 0.0);
        CHECK(std::isnan(u.rr3));
        // No unknowns: e (here 20/20 = 1) plays no part in RR3 or CON2.
        Dispositions known{};
        known.I = 10;
        known.R = 10;
        const OutcomeRates k = outcome_rates(known);
        CHECK(k.rr3 == near(0.5));
        CHECK(k.con2 == near(1.0));
    }
}
