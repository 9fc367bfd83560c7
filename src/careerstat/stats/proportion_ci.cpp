// Confidence intervals for a proportion (Wilson, Clopper-Pearson, Jeffreys, Agresti-Coull).
#include "careerstat/stats/proportion_ci.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string>

namespace careerstat::stats {

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

Interval nan_interval() {
    return Interval{k_nan, k_nan};
}

std::string lower_trimmed(std::string_view text) {
    std::size_t first = 0;
    std::size_t last = text.size();
    while (first < last && std::isspace(static_cast<unsigned char>(text[first])) != 0) {
        ++first;
    }
    while (last > first && std::isspace(static_cast<unsigned char>(text[last - 1])) != 0) {
        --last;
    }
    std::string out;
    out.reserve(last - first);
    for (std::size_t i = first; i < last; ++i) {
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    }
    return out;
}

// The two-sided normal quantile z_{1-alpha/2}; the caller has checked 0 < level < 1.
double two_sided_z(double level) {
    const boost::math::normal_distribution<double> standard_normal(0.0, 1.0);
    return boost::math::quantile(standard_normal, 1.0 - (1.0 - level) / 2.0);
}

Interval clamp_unit(Interval ci) {
    ci.low = std::clamp(ci.low, 0.0, 1.0);
    ci.high = std::clamp(ci.high, 0.0, 1.0);
    return ci;
}

// Wilson (1927) score interval, the inversion of the score test; its bounds are
// exactly 0 at x = 0 and 1 at x = n, which rounding would otherwise blur.
Interval wilson(double x, double n, double level) {
    const double z = two_sided_z(level);
    const double z2 = z * z;
    const double p = x / n;
    const double denominator = n + z2;
    const double centre = (x + z2 / 2.0) / denominator;
    const double half = z * std::sqrt(n * p * (1.0 - p) + z2 / 4.0) / denominator;
    Interval ci = clamp_unit(Interval{centre - half, centre + half});
    if (x == 0.0) {
        ci.low = 0.0;
    }
    if (x == n) {
        ci.high = 1.0;
    }
    return ci;
}

// Clopper & Pearson (1934): the beta quantiles that invert the two one-sided binomial
// tests. Written with beta rather than binomial quantiles so fractional x and n work.
Interval clopper_pearson(double x, double n, double level) {
    const double alpha = 1.0 - level;
    Interval ci{0.0, 1.0};
    if (x > 0.0) {
        const boost::math::beta_distribution<double> lower(x, n - x + 1.0);
        ci.low = boost::math::quantile(lower, alpha / 2.0);
    }
    if (x < n) {
        const boost::math::beta_distribution<double> upper(x + 1.0, n - x);
        ci.high = boost::math::quantile(upper, 1.0 - alpha / 2.0);
    }
    return ci;
}

// Jeffreys: equal-tailed quantiles of the Beta(x + 1/2, n - x + 1/2) posterior, with the
// boundary rule of Brown, Cai & DasGupta (2001, Statistical Science 16(2), 101-133):
// the lower bound is 0 when x = 0 and the upper bound 1 when x = n.
Interval jeffreys(double x, double n, double level) {
    const double alpha = 1.0 - level;
    const boost::math::beta_distribution<double> posterior(x + 0.5, n - x + 0.5);
    Interval ci{0.0, 1.0};
    if (x > 0.0) {
        ci.low = boost::math::quantile(posterior, alpha / 2.0);
    }
    if (x < n) {
        ci.high = boost::math::quantile(posterior, 1.0 - alpha / 2.0);
    }
    return ci;
}

// Agresti & Coull (1998): the Wald interval after adding z^2/2 successes and z^2/2
// failures; it can cross 0 or 1, hence the clamp.
Interval agresti_coull(double x, double n, double level) {
    const double z = two_sided_z(level);
    const double n_tilde = n + z * z;
    const double p_tilde = (x + z * z / 2.0) / n_tilde;
    const double half = z * std::sqrt(p_tilde * (1.0 - p_tilde) / n_tilde);
    return clamp_unit(Interval{p_tilde - half, p_tilde + half});
}

} // namespace

std::optional<CiMethod> parse_ci_method(std::string_view name) {
    const std::string key = lower_trimmed(name);
    if (key == "wilson") {
        return CiMethod::Wilson;
    }
    if (key == "clopper-pearson" || key == "exact" || key == "cp") {
        return CiMethod::ClopperPearson;
    }
    if (key == "jeffreys") {
        return CiMethod::Jeffreys;
    }
    if (key == "agresti-coull" || key == "ac") {
        return CiMethod::AgrestiCoull;
    }
    return std::nullopt;
}

std::string_view ci_method_name(CiMethod m) {
    switch (m) {
    case CiMethod::Wilson:
        return "wilson";
    case CiMethod::ClopperPearson:
        return "clopper-pearson";
    case CiMethod::Jeffreys:
        return "jeffreys";
    case CiMethod::AgrestiCoull:
        return "agresti-coull";
    }
    return "wilson"; // unreachable for a valid enum; keeps -Wreturn-type quiet
}

Interval proportion_ci(double x, double n, double level, CiMethod method) {
    if (!(n > 0.0) || std::isnan(x) || !(level > 0.0 && level < 1.0)) {
        return nan_interval();
    }
    if (std::isinf(n)) {
        // A census: no sampling error. x / n is only meaningful when x is finite (then 0);
        // with x = p * inf the proportion is lost, which is why proportion_ci_p exists.
        const double p = x / n;
        return Interval{p, p};
    }
    // x = p * n_eff computed in floating point may overshoot [0, n] by rounding; a real
    // excess is a caller's error and gives NaN rather than a silently clipped interval.
    const double slack = 1e-9 * n;
    if (x < -slack || x > n + slack) {
        return nan_interval();
    }
    x = std::clamp(x, 0.0, n);
    switch (method) {
    case CiMethod::Wilson:
        return wilson(x, n, level);
    case CiMethod::ClopperPearson:
        return clopper_pearson(x, n, level);
    case CiMethod::Jeffreys:
        return jeffreys(x, n, level);
    case CiMethod::AgrestiCoull:
        return agresti_coull(x, n, level);
    }
    return nan_interval();
}

Interval proportion_ci_p(double p, double n_eff, double level, CiMethod method) {
    if (std::isnan(p) || p < 0.0 || p > 1.0) {
        return nan_interval();
    }
    if (std::isinf(n_eff) && n_eff > 0.0) {
        if (!(level > 0.0 && level < 1.0)) {
            return nan_interval();
        }
        return Interval{p, p};
    }
    return proportion_ci(p * n_eff, n_eff, level, method);
}

double fpc_effective_n(double n, double population) {
    if (!(population > 0.0)) {
        return n;
    }
    if (n >= population) {
        return std::numeric_limits<double>::infinity();
    }
    // Fewer than one case leaves no variance estimate: 0 makes the interval NaN.
    return std::max(0.0, (n - 1.0) / (1.0 - n / population));
}

double kish_effective_n(double sum_w, double sum_w2) {
    if (!(sum_w2 > 0.0)) {
        return 0.0;
    }
    return sum_w * sum_w / sum_w2;
}

} // namespace careerstat::stats
