// A question across the waves of a yearly survey (docs/trend.md): each wave's share or mean
// with its interval, and the change from the previous wave and from the first, tested.
// Plain numbers in, one Table out: report/trend.cpp computes the estimates from each wave's
// counts.
#pragma once

#include "careerstat/i18n.hpp"
#include "careerstat/table/table.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace careerstat::table {

// One row's estimate in one wave: a share (0-1) or a mean.
struct TrendEstimate {
    std::string key;   // the answer code, option or item name in the newest wave's codebook
    std::string label; // shown; the newest wave's label
    double n = 0;      // shares: the (weighted) count giving the answer; means: valid n
    double value = std::nan(""); // the share (0-1) or the mean
    double low = std::nan("");   // its interval with the run's method, in the same units
    double high = std::nan("");
    // Shares: the design-based effective n of the share (Newcombe's interval and the z-test
    // use it). Means: the standard error (with the run's finite population correction) and
    // the number of cases (Welch's df).
    double n_eff = 0;
    double se = std::nan("");
    double sd = std::nan("");
    double cases = 0;
};

struct TrendWave {
    int year = 0;
    // The question was asked and is comparable with the newest wave.
    bool present = false;
    double base = 0;       // shares: the (weighted) base; means: unused
    double base_cases = 0; // the unweighted cases of that base, against min_base
    std::vector<TrendEstimate> rows;
};

struct TrendQuestion {
    std::string id;       // "trend.clients.initiative"
    std::string title;    // the question, as the newest wave asks it
    std::string subtitle; // the population
    std::string variable; // the question's name, repeated in machine formats
    bool means = false;   // false: shares of answers (percent); true: means
    bool codes_are_variables = false; // keys name items or options, not answer codes
    std::vector<TrendWave> waves; // oldest first; the newest last
    std::vector<std::string> footnotes; // drift and mapping notes
};

struct TrendOptions {
    double min_base = 30; // a wave with fewer cases is flagged and not tested
    double level = 0.95;
    Lang lang = Lang::En;
    bool codes = false; // show the answer codes next to their labels
};

// One row per answer (or item) and wave, in the newest wave's order of answers and then
// those only earlier waves had; columns: the wave, n, base, the percent (or mean and SD)
// with its interval, then the change from the previous wave (diff_prev, _low, _high, _p)
// and, with three or more comparable waves, from the first (diff_first...): the previous
// and the first wave that have the answer and were compared (a wave left out is skipped). Shares: Newcombe's
// hybrid-score interval on each wave's effective n and the two-proportion z-test;
// means: Welch's t. A change is marked ▲ or ▼ when its interval excludes 0; a wave below
// min_base is marked * and not tested. Chart::Trend: a line per answer across the waves.
Table trend_table(const TrendQuestion& question, const TrendOptions& options);

} // namespace careerstat::table
