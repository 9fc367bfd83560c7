// Confidence intervals for a proportion, for the small samples of career-guidance surveys.
#pragma once

#include <optional>
#include <string_view>

namespace careerstat::stats {

enum class CiMethod { Wilson, ClopperPearson, Jeffreys, AgrestiCoull };

// "wilson", "clopper-pearson" (also "exact", "cp"), "jeffreys", "agresti-coull" ("ac").
std::optional<CiMethod> parse_ci_method(std::string_view name);
std::string_view ci_method_name(CiMethod m); // the canonical name, as parse accepts it

struct Interval {
    double low = 0;
    double high = 0;
};

// Interval for a proportion of x "successes" in n trials at confidence `level` (0.95).
// x and n may be fractional: with weights or a finite population correction the caller
// passes the effective sample size n_eff and x = p * n_eff. Bounds are in [0, 1].
// n <= 0 gives {NaN, NaN}. Clopper-Pearson and Jeffreys use Boost.Math beta quantiles.
// x outside [0, n] (beyond rounding) or a level outside (0, 1) also gives {NaN, NaN}.
// n = +infinity (a census) gives {x/n, x/n}: that loses p when x = p * inf, so callers
// holding a proportion and an effective n should use proportion_ci_p instead.
Interval proportion_ci(double x, double n, double level, CiMethod method);

// The same interval from the proportion p itself, which is what callers should use: it
// stays defined for a census (n_eff = +infinity), where the interval is {p, p}.
Interval proportion_ci_p(double p, double n_eff, double level, CiMethod method);

// The effective sample size that turns the finite-population variance of a proportion,
// (1 - n/N) p(1-p)/(n-1) (Cochran 1977, eq. 3.9; R survey with fpc), into p(1-p)/n_eff:
// n_eff = (n-1)/(1-n/N). Without a population (N <= 0) it returns n. When n >= N (a
// census) it returns +infinity: the interval collapses to the estimate.
double fpc_effective_n(double n, double population);

// Kish's effective sample size of weights: (sum w)^2 / sum w^2 (Kish 1965, 8.2).
double kish_effective_n(double sum_w, double sum_w2);

} // namespace careerstat::stats
