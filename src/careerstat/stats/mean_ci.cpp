// Summaries, HAVERAGE percentiles, t intervals for means and the Net Promoter Score.
#include "careerstat/stats/mean_ci.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace careerstat::stats {

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// Weights are sums of case weights, so a cumulative rank that "should" be 3 can come out
// as 2.9999999999; comparisons of ranks allow this much slack relative to the total.
constexpr double k_rank_tolerance = 1e-9;

struct Entry {
    double value = 0;
    double cumulative = 0; // summed weight of this value and every smaller one
};

// The usable part of a distribution, in ascending order: entries whose weight is not a
// positive finite number (a value seen only with weight 0) carry no cases.
std::vector<Entry> cumulative_entries(const ValueCounts& values, double& total) {
    std::vector<Entry> out;
    out.reserve(values.size());
    total = 0;
    for (const auto& [value, weight] : values) {
        if (!(weight > 0.0) || !std::isfinite(weight) || std::isnan(value)) {
            continue;
        }
        total += weight;
        out.push_back(Entry{value, total});
    }
    return out;
}

// The value of the case at (1-based) rank k: the smallest value whose cumulative weight
// reaches k.
double value_at_rank(const std::vector<Entry>& entries, double k, double slack) {
    const auto it = std::lower_bound(entries.begin(), entries.end(), k - slack,
                                     [](const Entry& e, double rank) {
                                         return e.cumulative < rank;
                                     });
    return it == entries.end() ? entries.back().value : it->value;
}

double percentile_of(const std::vector<Entry>& entries, double total, double p) {
    if (entries.empty() || !(p >= 0.0 && p <= 1.0)) {
        return k_nan;
    }
    const double slack = k_rank_tolerance * std::max(1.0, total);
    double position = (total + 1.0) * p;
    // Snap a position that is an integer up to rounding, so floor() does not drop a rank.
    if (std::abs(position - std::round(position)) <= slack) {
        position = std::round(position);
    }
    // Below the first case or from the last one on, HAVERAGE has nothing to interpolate
    // with; SPSS and PSPP (FREQUENCIES, compatible algorithm) report the extreme value.
    if (position < 1.0) {
        return entries.front().value;
    }
    if (position >= total) {
        return entries.back().value;
    }
    const double k = std::floor(position);
    const double fraction = position - k;
    const double lower = value_at_rank(entries, k, slack);
    if (fraction == 0.0) {
        return lower;
    }
    const double upper = value_at_rank(entries, k + 1.0, slack);
    return lower + fraction * (upper - lower);
}

} // namespace

double percentile(const ValueCounts& values, double p) {
    double total = 0;
    const std::vector<Entry> entries = cumulative_entries(values, total);
    return percentile_of(entries, total, p);
}

Summary summarize(const ValueCounts& values) {
    double total = 0;
    const std::vector<Entry> entries = cumulative_entries(values, total);
    Summary s;
    s.n = total;
    if (entries.empty()) {
        s.mean = s.sd = s.min = s.q1 = s.median = s.q3 = s.max = k_nan;
        return s;
    }
    // Two passes (mean, then squared deviations) rather than a running sum of squares:
    // with a few distinct values the cost is nil and cancellation is avoided.
    double weighted_sum = 0;
    for (const auto& [value, weight] : values) {
        if (weight > 0.0 && std::isfinite(weight) && !std::isnan(value)) {
            weighted_sum += weight * value;
        }
    }
    s.mean = weighted_sum / total;
    if (total >= 2.0) {
        double squares = 0;
        for (const auto& [value, weight] : values) {
            if (weight > 0.0 && std::isfinite(weight) && !std::isnan(value)) {
                squares += weight * (value - s.mean) * (value - s.mean);
            }
        }
        // Divisor W - 1: frequency weights stand for W cases (SPSS/PSPP with WEIGHT BY).
        s.sd = std::sqrt(squares / (total - 1.0));
    } else {
        s.sd = k_nan;
    }
    s.min = entries.front().value;
    s.max = entries.back().value;
    s.q1 = percentile_of(entries, total, 0.25);
    s.median = percentile_of(entries, total, 0.50);
    s.q3 = percentile_of(entries, total, 0.75);
    return s;
}

Interval mean_ci(double mean, double sd, double n, double n_eff, double level,
                 double population) {
    if (!(n_eff > 1.0) || std::isnan(mean) || std::isnan(sd) || !(level > 0.0 && level < 1.0)) {
        return Interval{k_nan, k_nan};
    }
    double sampling_fraction = 0;
    if (population > 0.0) {
        sampling_fraction = std::clamp(n / population, 0.0, 1.0);
    }
    // A census (n >= N) or an infinite effective size leaves no sampling error.
    if (sampling_fraction >= 1.0 || std::isinf(n_eff)) {
        return Interval{mean, mean};
    }
    const double se = sd * std::sqrt((1.0 - sampling_fraction) / n_eff);
    const boost::math::students_t_distribution<double> t(n_eff - 1.0);
    const double q = boost::math::quantile(t, 1.0 - (1.0 - level) / 2.0);
    return Interval{mean - q * se, mean + q * se};
}

Nps net_promoter_score(double promoters, double passives, double detractors, double n_eff,
                       double level, double population) {
    Nps out;
    const double total = promoters + passives + detractors;
    if (!(total > 0.0)) {
        out.promoters_pct = out.passives_pct = out.detractors_pct = out.score = k_nan;
        out.ci = Interval{k_nan, k_nan};
        return out;
    }
    const double p_pro = promoters / total;
    const double p_det = detractors / total;
    out.promoters_pct = 100.0 * p_pro;
    out.passives_pct = 100.0 * passives / total;
    out.detractors_pct = 100.0 * p_det;
    out.score = out.promoters_pct - out.detractors_pct;

    if (!(n_eff > 0.0) || !(level > 0.0 && level < 1.0)) {
        out.ci = Interval{k_nan, k_nan};
        return out;
    }
    double sampling_fraction = 0;
    if (population > 0.0) {
        sampling_fraction = std::clamp(total / population, 0.0, 1.0);
    }
    if (sampling_fraction >= 1.0 || std::isinf(n_eff)) {
        out.ci = Interval{out.score, out.score};
        return out;
    }
    // Var(p_pro - p_det) for one multinomial sample: p_pro(1-p_pro) + p_det(1-p_det)
    // + 2 p_pro p_det = p_pro + p_det - (p_pro - p_det)^2, over n (Rocks 2016).
    const double variance = (p_pro + p_det - (p_pro - p_det) * (p_pro - p_det)) / n_eff *
                            (1.0 - sampling_fraction);
    const boost::math::normal_distribution<double> standard_normal(0.0, 1.0);
    const double z = boost::math::quantile(standard_normal, 1.0 - (1.0 - level) / 2.0);
    const double half = 100.0 * z * std::sqrt(std::max(0.0, variance));
    out.ci = Interval{std::max(-100.0, out.score - half), std::min(100.0, out.score + half)};
    return out;
}

} // namespace careerstat::stats
