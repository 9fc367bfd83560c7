// Means, SDs, quantiles and their intervals from exact value -> weight distributions.
#pragma once

#include "careerstat/stats/proportion_ci.hpp"

#include <map>

namespace careerstat::stats {

// Every distinct value with its summed (frequency) weight: exact medians and quartiles
// in memory proportional to the number of distinct values, not rows.
using ValueCounts = std::map<double, double>;

struct Summary {
    double n = 0;     // sum of weights (the number of cases when unweighted)
    double mean = 0;  // NaN when n == 0
    double sd = 0;    // sample SD, divisor n-1 (SPSS/PSPP with frequency weights); NaN if n<2
    double min = 0;
    double q1 = 0;    // 25th, 50th, 75th percentiles, PSPP's default HAVERAGE
    double median = 0; // definition (Hyndman & Fan type 6) on frequency-weighted cases
    double q3 = 0;
    double max = 0;
};

Summary summarize(const ValueCounts& values);

// Percentile p (0-1) by HAVERAGE (Hyndman & Fan 1996 type 6; PSPP/SPSS default):
// position (W+1)p, interpolated, clamped to min and max.
double percentile(const ValueCounts& values, double p);

// Student-t interval for a mean: mean -+ t(level, n_eff-1) * sd * sqrt((1-n/N)/n_eff).
// n_eff is the (Kish) effective sample size; population <= 0 means no correction;
// `n` is the actual number of cases, used for the sampling fraction.
Interval mean_ci(double mean, double sd, double n, double n_eff, double level,
                 double population = 0);

// Net Promoter Score (percent 9-10 minus percent 0-6 on a 0-10 scale) with a Wald
// interval from the multinomial variance (p_pro + p_det - (p_pro - p_det)^2) / n_eff,
// times (1 - n/N) when a population is given. Values on -100..100.
struct Nps {
    double promoters_pct = 0;
    double passives_pct = 0;
    double detractors_pct = 0;
    double score = 0;
    Interval ci;
};
Nps net_promoter_score(double promoters, double passives, double detractors, double n_eff,
                       double level, double population = 0);

} // namespace careerstat::stats
