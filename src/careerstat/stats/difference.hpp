// Confidence interval for the difference of two independent proportions.
#pragma once

namespace careerstat::stats {

struct DifferenceInterval {
    double difference = 0;
    double lower = 0;
    double upper = 0;
};

// p1 - p2 with Newcombe's hybrid score interval (Newcombe 1998, Statistics in Medicine
// 17:873-890, method 10), built from the Wilson score interval of each proportion.
// n1 and n2 may be effective (design-based, non-integer) sample sizes, or +infinity for a
// census (that group adds no sampling error). level is e.g. 0.95. Throws
// std::invalid_argument when n1 or n2 <= 0 (or NaN), p1 or p2 is outside [0, 1], or level
// is outside (0, 1).
DifferenceInterval newcombe_difference(double p1, double n1, double p2, double n2, double level);

} // namespace careerstat::stats
