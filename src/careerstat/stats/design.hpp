// The effective sample size of a weighted share or score, from R survey's linearisation
// variance for a design with ids=~1, weights and an optional finite population correction.
#pragma once

namespace careerstat::stats {

// The cases a share is estimated from (the valid answers, or a multi-select's base).
struct DesignBase {
    double cases = 0;      // the number of cases
    double sum_w = 0;      // their summed weight
    double sum_w2 = 0;     // their summed squared weight
    bool weighted = false;
    double population = 0; // N for the finite population correction; <= 0: none
};

// n_eff = v / Var(estimate), the size of a simple random sample with the same variance
// (survey::svyciprop(method = "beta") uses it for Clopper-Pearson; careerstat for every
// interval method), where Var(estimate) = (1 - n/N) n/(n-1) sum w_i^2 (y_i - ybar)^2 / W^2
// is survey::svymean's variance, `v` the variance of one case of a simple random sample
// (p(1-p) for a share, p + d - (p-d)^2 for the NPS) and `sum_w2_dev2` = sum w_i^2 (y_i -
// ybar)^2. Unweighted without N it is the number of cases (the binomial intervals' n).
// When v or the variance is 0 (a share of 0 or 1) it is (n_kish - 1)/(1 - n/N), with
// Kish's n_kish = W^2 / sum w^2: what the formula gives for an interior share with equal
// weights. A census (n >= N) gives +infinity; fewer than 2 cases 0 (no interval).
double design_effective_n(const DesignBase& base, double v, double sum_w2_dev2);

// For a share p of cases whose weights of the "yes" cases sum (squared) to sum_w2_yes:
// sum w^2 (y - p)^2 = sum_w2_yes (1-p)^2 + (sum_w2 - sum_w2_yes) p^2.
double share_effective_n(const DesignBase& base, double p, double sum_w2_yes);

} // namespace careerstat::stats
