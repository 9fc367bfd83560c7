// Newcombe's hybrid score interval for p1 - p2 (method 10 of Newcombe 1998).
#include "careerstat/stats/difference.hpp"

#include "careerstat/stats/proportion_ci.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace careerstat::stats {

DifferenceInterval newcombe_difference(double p1, double n1, double p2, double n2, double level) {
    if (!(n1 > 0) || !(n2 > 0)) {
        throw std::invalid_argument(
            "difference of proportions: each group needs a sample size above 0");
    }
    if (!(p1 >= 0 && p1 <= 1) || !(p2 >= 0 && p2 <= 1)) {
        throw std::invalid_argument(
            "difference of proportions: proportions must be between 0 and 1");
    }
    if (!(level > 0 && level < 1)) {
        throw std::invalid_argument(
            "difference of proportions: the confidence level must be between 0 and 1");
    }
    const Interval w1 = proportion_ci_p(p1, n1, level, CiMethod::Wilson);
    const Interval w2 = proportion_ci_p(p2, n2, level, CiMethod::Wilson);
    // Each limit combines the distances from each p to the Wilson limit on the side that
    // moves the difference that way: the lower one uses p1's lower and p2's upper limit.
    DifferenceInterval out;
    out.difference = p1 - p2;
    out.lower = out.difference - std::hypot(p1 - w1.low, w2.high - p2);
    out.upper = out.difference + std::hypot(w1.high - p1, p2 - w2.low);
    // The formula stays within [-1, 1]; the clamp only removes rounding.
    out.lower = std::max(-1.0, out.lower);
    out.upper = std::min(1.0, out.upper);
    return out;
}

} // namespace careerstat::stats
