// Unit tests of Newcombe's interval for p1 - p2 (stats/difference.hpp). Published limits are
// Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (4 decimals). The
// full-precision values are R 4.2: the Wilson limits from prop.test(x, n, correct =
// FALSE)$conf.int put into method 10's formula, written out as
//   w <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
//   nc <- function(x1, n1, x2, n2) { p1 <- x1/n1; p2 <- x2/n2; a <- w(x1, n1); b <- w(x2, n2)
//     c(p1 - p2 - sqrt((p1 - a[1])^2 + (b[2] - p2)^2),
//       p1 - p2 + sqrt((a[2] - p1)^2 + (p2 - b[1])^2)) }
#include "careerstat/stats/difference.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace careerstat::stats;
using doctest::Approx;

namespace {

struct Example {
    double x1, n1, x2, n2;
    double published_lower, published_upper; // Newcombe 1998, Table II, method 10
    double r_lower, r_upper;                 // R: nc(x1, n1, x2, n2), see above
};

} // namespace

TEST_CASE("stats::newcombe_difference Newcombe 1998 Table II") {
    const Example examples[] = {
        // (a) R: nc(56, 70, 48, 80)
        {56, 70, 48, 80, 0.0524, 0.3339, 0.0524314724023649, 0.333872654036906},
        // (b) R: nc(9, 10, 3, 10)
        {9, 10, 3, 10, 0.1705, 0.8090, 0.170522723934503, 0.809017973535488},
        // (c) R: nc(6, 7, 2, 7)
        {6, 7, 2, 7, 0.0582, 0.8062, 0.0582279274823123, 0.806249637524228},
        // (d) R: nc(5, 56, 0, 29)
        {5, 56, 0, 29, -0.0381, 0.1926, -0.0381371479035369, 0.192560013855112},
        // (e) R: nc(0, 10, 0, 20)
        {0, 10, 0, 20, -0.1611, 0.2775, -0.161125158052819, 0.277532799862889},
        // (f) R: nc(0, 10, 0, 10)
        {0, 10, 0, 10, -0.2775, 0.2775, -0.277532799862889, 0.277532799862889},
        // (g) R: nc(10, 10, 0, 20)
        {10, 10, 0, 20, 0.6791, 1.0, 0.679086037141915, 1.0},
        // (h) R: nc(10, 10, 0, 10)
        {10, 10, 0, 10, 0.6075, 1.0, 0.607509350430524, 1.0},
    };
    for (const Example& e : examples) {
        CAPTURE(e.x1);
        CAPTURE(e.n1);
        CAPTURE(e.x2);
        CAPTURE(e.n2);
        const DifferenceInterval d =
            newcombe_difference(e.x1 / e.n1, e.n1, e.x2 / e.n2, e.n2, 0.95);
        CHECK(d.difference == Approx(e.x1 / e.n1 - e.x2 / e.n2).epsilon(1e-15));
        // The paper's 4 decimals.
        CHECK(std::fabs(d.lower - e.published_lower) < 0.5e-4);
        CHECK(std::fabs(d.upper - e.published_upper) < 0.5e-4);
        CHECK(d.lower == Approx(e.r_lower).epsilon(1e-10));
        CHECK(d.upper == Approx(e.r_upper).epsilon(1e-10));
    }
}

TEST_CASE("stats::newcombe_difference other levels and effective sample sizes") {
    SUBCASE("90%") {
        // R: as nc(56, 70, 48, 80) with prop.test(..., conf.level = 0.9)
        const DifferenceInterval d = newcombe_difference(56.0 / 70, 70, 48.0 / 80, 80, 0.90);
        CHECK(d.lower == Approx(0.0765641915440721).epsilon(1e-10));
        CHECK(d.upper == Approx(0.313644583582944).epsilon(1e-10));
    }
    SUBCASE("non-integer effective n") {
        // R, with Wilson's limits written out since prop.test wants whole counts:
        //   wil <- function(p, n, z = qnorm(0.975)) (p + z^2/(2*n) + c(-1, 1) * z *
        //     sqrt(p*(1-p)/n + z^2/(4*n^2))) / (1 + z^2/n)
        //   p1 <- 0.42; n1 <- 37.6; p2 <- 0.25; n2 <- 51.3; a <- wil(p1, n1); b <- wil(p2, n2)
        //   c(p1 - p2 - sqrt((p1 - a[1])^2 + (b[2] - p2)^2),
        //     p1 - p2 + sqrt((a[2] - p1)^2 + (p2 - b[1])^2))
        const DifferenceInterval d = newcombe_difference(0.42, 37.6, 0.25, 51.3, 0.95);
        CHECK(d.difference == Approx(0.17).epsilon(1e-15));
        CHECK(d.lower == Approx(-0.0253337840738177).epsilon(1e-10));
        CHECK(d.upper == Approx(0.355914183399511).epsilon(1e-10));
    }
    SUBCASE("a census adds no sampling error") {
        // With n2 = infinity the interval is p2 shifted by p1's Wilson distances: R:
        // prop.test(56, 70, correct = FALSE)$conf.int - 48/80 = 0.0918335550374695 0.27695260751637
        const double inf = std::numeric_limits<double>::infinity();
        const DifferenceInterval d = newcombe_difference(56.0 / 70, 70, 0.6, inf, 0.95);
        CHECK(d.lower == Approx(0.0918335550374695).epsilon(1e-10));
        CHECK(d.upper == Approx(0.27695260751637).epsilon(1e-10));
    }
}

TEST_CASE("stats::newcombe_difference input validation") {
    CHECK_THROWS_AS(newcombe_difference(0.5, 0, 0.5, 10, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(newcombe_difference(0.5, 10, 0.5, -1, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(newcombe_difference(0.5, std::nan(""), 0.5, 10, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(newcombe_difference(1.2, 10, 0.5, 10, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(newcombe_difference(0.5, 10, 0.5, 10, 1.0), std::invalid_argument);
    CHECK_THROWS_WITH(newcombe_difference(0.5, 10, 0.5, 0, 0.95),
                      "difference of proportions: each group needs a sample size above 0");
}
