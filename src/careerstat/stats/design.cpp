// Design-based effective sample sizes (formulas in stats/design.hpp, docs/weights.md).
#include "careerstat/stats/design.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace careerstat::stats {

double design_effective_n(const DesignBase& b, double v, double sum_w2_dev2) {
    if (!b.weighted && !(b.population > 0.0)) {
        return b.cases;
    }
    const double f = b.population > 0.0 ? b.cases / b.population : 0.0;
    if (f >= 1.0) {
        return std::numeric_limits<double>::infinity();
    }
    if (!(b.cases >= 2.0) || !(b.sum_w > 0.0)) {
        return 0.0;
    }
    const double variance = (1.0 - f) * b.cases / (b.cases - 1.0) *
                            (sum_w2_dev2 / b.sum_w / b.sum_w);
    if (v > 0.0 && variance > 0.0 && std::isfinite(variance)) {
        return v / variance;
    }
    const double kish = b.sum_w / b.sum_w2 * b.sum_w;
    return std::max(0.0, kish - 1.0) / (1.0 - f);
}

double share_effective_n(const DesignBase& b, double p, double sum_w2_yes) {
    const double dev2 = sum_w2_yes * (1.0 - p) * (1.0 - p) + (b.sum_w2 - sum_w2_yes) * p * p;
    return design_effective_n(b, p * (1.0 - p), std::max(0.0, dev2));
}

} // namespace careerstat::stats
