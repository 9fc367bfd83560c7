// Means, SDs, quantiles and their intervals from exact value -> weight distributions, with
// the definitions of R's survey package (Lumley) for a design with ids=~1: they do not
// change when every weight is multiplied by a constant, and equal weights give the
// unweighted results.
#pragma once

#include "careerstat/stats/proportion_ci.hpp"

#include <map>

namespace careerstat::stats {

// The cases with one distinct value: summed weight and squared weight, their number, and
// the weights of the first and the last of them in file order (survey's hf6 quantile rule
// interpolates between neighbouring cases, so it needs them).
struct WeightSums {
    double w = 0;
    double w2 = 0;
    double n = 0;
    double first = 0;
    double last = 0;

    void add(double weight) {
        if (n == 0) {
            first = weight;
        }
        last = weight;
        w += weight;
        w2 += weight * weight;
        n += 1;
    }
};

// Every distinct value with its cases: exact medians and quartiles in memory proportional
// to the number of distinct values, not rows.
using WeightedValues = std::map<double, WeightSums>;

// Value -> number of cases, each of weight 1 (unweighted data).
using ValueCounts = std::map<double, double>;
WeightedValues unit_cases(const ValueCounts& counts);

struct Summary {
    double n = 0;      // sum of weights (the number of cases when unweighted)
    double cases = 0;  // the number of cases
    double mean = 0;   // NaN when there are no cases
    // SD as survey::svyvar: sqrt(cases/(cases-1) * sum w (x-m)^2 / sum w); NaN below 2 cases.
    double sd = 0;
    // Standard error of the mean without a finite population correction, as survey::svymean:
    // sqrt(cases/(cases-1) * sum w^2 (x-m)^2) / sum w; NaN below 2 cases.
    double se = 0;
    double min = 0;
    double q1 = 0;     // 25th, 50th, 75th percentiles by survey::svyquantile(qrule="hf6"),
    double median = 0; // which is Hyndman & Fan (1996) type 6 (SPSS/PSPP HAVERAGE) when
    double q3 = 0;     // the data are unweighted
    double max = 0;
};

Summary summarize(const WeightedValues& values);
Summary summarize(const ValueCounts& values);

// Percentile p (0-1) by survey's qrule_hf6: cases sorted by value (file order among ties),
// points (cumulative weight / (W + weight of the last case), value), linear interpolation,
// clamped to min and max. Unweighted this is HAVERAGE: position (n+1)p.
double percentile(const WeightedValues& values, double p);
double percentile(const ValueCounts& values, double p);

// Student-t interval for the mean, as confint(svymean(...), df = degf(design)):
// mean -+ t(level, cases-1) * se * sqrt(1 - cases/N); population <= 0 means no correction.
// A census (cases >= N) gives {mean, mean}. No interval (NaN) below 2 cases, or when the
// standard error is 0 (every answer the same): a zero-width interval would claim a
// certainty the data do not give.
Interval mean_ci(const Summary& summary, double level, double population = 0);

// Net Promoter Score (percent 9-10 minus percent 0-6 on a 0-10 scale) with the adjusted
// Wald interval of Rocks (2016, The American Statistician 70(4), 365-372): 3/4 promoter
// and 3/4 detractor added to the counts and 3 to n, then the Wald interval of the
// difference of two multinomial proportions, (p' + d' - (p' - d')^2) / n', around p' - d'.
// It does not collapse at -100 or 100 as the Wald interval does. Counts are shares times
// n_eff, the (design) effective sample size; n_eff = +infinity (a census) gives the score.
// Values on -100..100.
struct Nps {
    double promoters_pct = 0;
    double passives_pct = 0;
    double detractors_pct = 0;
    double score = 0;
    Interval ci;
};
Nps net_promoter_score(double promoters, double passives, double detractors, double n_eff,
                       double level);

} // namespace careerstat::stats
