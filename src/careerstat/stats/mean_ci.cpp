// Summaries, survey-package quantiles, t intervals for means and the Net Promoter Score.
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

struct Entry {
    double value = 0;
    double first = 0;      // weight of the value's first case
    double cumulative = 0; // summed weight of this value and every smaller one
};

// Values that carry cases (a positive finite weight), in ascending order.
std::vector<Entry> entries_of(const WeightedValues& values, double& total, double& last) {
    std::vector<Entry> out;
    out.reserve(values.size());
    total = 0;
    last = 0;
    for (const auto& [value, s] : values) {
        if (!(s.w > 0.0) || !std::isfinite(s.w) || std::isnan(value)) {
            continue;
        }
        total += s.w;
        last = s.last;
        out.push_back(Entry{value, s.first, total});
    }
    return out;
}

// survey:::qrule_hf6: approx(cumw / (W + w[n]), x, p, rule = 2). Within a value's cases the
// function is flat; between the last case of one value (cumulative C) and the first of the
// next (C + its first weight) it is linear.
double percentile_of(const std::vector<Entry>& entries, double total, double last, double p) {
    if (entries.empty() || !(p >= 0.0 && p <= 1.0)) {
        return k_nan;
    }
    const double d = total + last;
    double previous_cumulative = 0;
    for (std::size_t g = 0; g < entries.size(); ++g) {
        const Entry& e = entries[g];
        const double low = (previous_cumulative + e.first) / d; // the value's first case
        const double high = e.cumulative / d;                  // and its last
        if (p <= high) {
            if (p >= low || g == 0) {
                return e.value; // on the value's own flat part, or below the first case
            }
            const Entry& before = entries[g - 1];
            const double before_high = previous_cumulative / d;
            const double t = (p - before_high) / (low - before_high);
            // Weighted form of a + t (b - a), which cannot overflow for values near 1e308.
            return before.value * (1.0 - t) + e.value * t;
        }
        previous_cumulative = e.cumulative;
    }
    return entries.back().value; // past the last case's point: the maximum
}

} // namespace

WeightedValues unit_cases(const ValueCounts& counts) {
    WeightedValues out;
    for (const auto& [value, n] : counts) {
        if (n > 0) {
            out[value] = WeightSums{n, n, n, 1.0, 1.0};
        }
    }
    return out;
}

double percentile(const WeightedValues& values, double p) {
    double total = 0;
    double last = 0;
    const std::vector<Entry> entries = entries_of(values, total, last);
    return percentile_of(entries, total, last, p);
}

double percentile(const ValueCounts& values, double p) { return percentile(unit_cases(values), p); }

Summary summarize(const ValueCounts& values) { return summarize(unit_cases(values)); }

Summary summarize(const WeightedValues& values) {
    double total = 0;
    double last = 0;
    const std::vector<Entry> entries = entries_of(values, total, last);
    Summary s;
    s.n = total;
    if (entries.empty()) {
        s.mean = s.sd = s.se = s.min = s.q1 = s.median = s.q3 = s.max = k_nan;
        return s;
    }
    // Scaled by the largest magnitude, so that values near 1e308 give a finite mean and SD
    // rather than an overflow; two passes (mean, then deviations) avoid cancellation.
    double scale = 0;
    for (const Entry& e : entries) {
        scale = std::max(scale, std::abs(e.value));
    }
    scale = scale > 0.0 ? scale : 1.0;
    double scaled_mean = 0;
    double cases = 0;
    for (const auto& [value, w] : values) {
        if (w.w > 0.0 && std::isfinite(w.w) && !std::isnan(value)) {
            scaled_mean += (w.w / total) * (value / scale);
            cases += w.n;
        }
    }
    s.cases = cases;
    s.mean = scaled_mean * scale;
    if (cases >= 2.0) {
        double squares = 0;  // sum w d^2 / W
        double squares2 = 0; // sum w^2 d^2 / W^2
        for (const auto& [value, w] : values) {
            if (w.w > 0.0 && std::isfinite(w.w) && !std::isnan(value)) {
                const double dev = value / scale - scaled_mean;
                squares += (w.w / total) * dev * dev;
                squares2 += (w.w2 / total / total) * dev * dev;
            }
        }
        const double correction = cases / (cases - 1.0);
        s.sd = scale * std::sqrt(correction * squares);
        s.se = scale * std::sqrt(correction * squares2);
    } else {
        s.sd = s.se = k_nan;
    }
    s.min = entries.front().value;
    s.max = entries.back().value;
    s.q1 = percentile_of(entries, total, last, 0.25);
    s.median = percentile_of(entries, total, last, 0.50);
    s.q3 = percentile_of(entries, total, last, 0.75);
    return s;
}

Interval mean_ci(const Summary& s, double level, double population) {
    if (!(s.cases >= 2.0) || std::isnan(s.mean) || std::isnan(s.se) ||
        !(level > 0.0 && level < 1.0)) {
        return Interval{k_nan, k_nan};
    }
    double sampling_fraction = 0;
    if (population > 0.0) {
        sampling_fraction = std::clamp(s.cases / population, 0.0, 1.0);
    }
    if (sampling_fraction >= 1.0) {
        return Interval{s.mean, s.mean}; // a census: no sampling error
    }
    const double se = s.se * std::sqrt(1.0 - sampling_fraction);
    if (!(se > 0.0) || !std::isfinite(se)) {
        return Interval{k_nan, k_nan};
    }
    const boost::math::students_t_distribution<double> t(s.cases - 1.0);
    const double q = boost::math::quantile(t, 1.0 - (1.0 - level) / 2.0);
    const Interval ci{s.mean - q * se, s.mean + q * se};
    if (!std::isfinite(ci.low) || !std::isfinite(ci.high)) {
        return Interval{k_nan, k_nan};
    }
    return ci;
}

Nps net_promoter_score(double promoters, double passives, double detractors, double n_eff,
                       double level) {
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
    if (std::isinf(n_eff)) {
        out.ci = Interval{out.score, out.score};
        return out;
    }
    const double n = n_eff + 3.0;
    const double pro = (p_pro * n_eff + 0.75) / n;
    const double det = (p_det * n_eff + 0.75) / n;
    const double centre = pro - det;
    const double variance = (pro + det - centre * centre) / n;
    const boost::math::normal_distribution<double> standard_normal(0.0, 1.0);
    const double z = boost::math::quantile(standard_normal, 1.0 - (1.0 - level) / 2.0);
    const double half = z * std::sqrt(std::max(0.0, variance));
    out.ci = Interval{100.0 * std::max(-1.0, centre - half), 100.0 * std::min(1.0, centre + half)};
    return out;
}

} // namespace careerstat::stats
