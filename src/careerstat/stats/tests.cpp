// Tests of comparisons: Pearson and likelihood-ratio chi-square with Cramer's V, Fisher's
// exact test for 2x2 tables, Welch's t, two proportions, and p-value adjustment.
#include "careerstat/stats/tests.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/hypergeometric.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

namespace careerstat::stats {

ChiSquare chi_square_test(const std::vector<std::vector<double>>& table) {
    if (table.empty()) {
        throw std::invalid_argument("chi-square test: the table is empty");
    }
    const std::size_t columns = table.front().size();
    for (const auto& row : table) {
        if (row.size() != columns) {
            throw std::invalid_argument("chi-square test: rows of different lengths");
        }
        for (const double count : row) {
            if (!(count >= 0.0) || !std::isfinite(count)) {
                throw std::invalid_argument("chi-square test: counts must be finite and >= 0");
            }
        }
    }

    std::vector<double> row_totals(table.size(), 0.0);
    std::vector<double> column_totals(columns, 0.0);
    for (std::size_t r = 0; r < table.size(); ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            row_totals[r] += table[r][c];
            column_totals[c] += table[r][c];
        }
    }

    // An empty row or column has expected counts of 0 (a 0/0 term) and adds nothing but a
    // spurious degree of freedom, so it is left out as if the category did not exist.
    std::vector<std::size_t> kept_rows;
    std::vector<std::size_t> kept_columns;
    for (std::size_t r = 0; r < table.size(); ++r) {
        if (row_totals[r] > 0.0) {
            kept_rows.push_back(r);
        }
    }
    for (std::size_t c = 0; c < columns; ++c) {
        if (column_totals[c] > 0.0) {
            kept_columns.push_back(c);
        }
    }
    if (kept_rows.size() < 2 || kept_columns.size() < 2) {
        throw std::invalid_argument(
            "chi-square test: needs at least 2 non-empty rows and 2 non-empty columns, got " +
            std::to_string(kept_rows.size()) + " x " + std::to_string(kept_columns.size()));
    }

    double grand_total = 0;
    for (const std::size_t r : kept_rows) {
        grand_total += row_totals[r];
    }

    ChiSquare result;
    result.min_expected = std::numeric_limits<double>::infinity();
    for (const std::size_t r : kept_rows) {
        for (const std::size_t c : kept_columns) {
            const double expected = row_totals[r] * column_totals[c] / grand_total;
            const double difference = table[r][c] - expected;
            result.statistic += difference * difference / expected;
            result.min_expected = std::min(result.min_expected, expected);
            result.cells_below_5 += expected < 5 ? 1 : 0;
            if (table[r][c] > 0) {
                result.likelihood_ratio += 2 * table[r][c] * std::log(table[r][c] / expected);
            }
        }
    }
    // G^2 >= 0 (Gibbs' inequality) and X^2 >= 0, but rounding can leave G^2 at -6e-15 when
    // every cell equals its expected count, which Boost's cdf rejects.
    result.statistic = std::max(result.statistic, 0.0);
    result.likelihood_ratio = std::max(result.likelihood_ratio, 0.0);
    result.df = static_cast<double>((kept_rows.size() - 1) * (kept_columns.size() - 1));
    // The upper tail through complement() keeps tiny p-values accurate instead of 1 - cdf.
    const boost::math::chi_squared_distribution<double> null_distribution(result.df);
    result.p_value = boost::math::cdf(boost::math::complement(null_distribution, result.statistic));
    result.likelihood_ratio_p =
        boost::math::cdf(boost::math::complement(null_distribution, result.likelihood_ratio));
    const double k = static_cast<double>(std::min(kept_rows.size(), kept_columns.size()) - 1);
    result.cramers_v = std::sqrt(result.statistic / (grand_total * k));
    return result;
}

double fisher_exact_2x2(double a, double b, double c, double d) {
    for (const double x : {a, b, c, d}) {
        if (!(x >= 0) || std::floor(x) != x) {
            throw std::invalid_argument("Fisher's exact test: counts must be whole numbers >= 0");
        }
    }
    const auto row1 = static_cast<unsigned>(a + b);
    const auto col1 = static_cast<unsigned>(a + c);
    const auto n = static_cast<unsigned>(a + b + c + d);
    if (n == 0) {
        return 1;
    }
    // a follows the hypergeometric distribution of col1 draws from n with row1 successes.
    const boost::math::hypergeometric_distribution<double> h(row1, col1, n);
    const unsigned lo = col1 + row1 > n ? col1 + row1 - n : 0;
    const unsigned hi = std::min(row1, col1);
    const double observed = boost::math::pdf(h, static_cast<unsigned>(a));
    // R's relative tolerance for "no more likely" (fisher.test: relErr = 1 + 10^-7).
    double p = 0;
    for (unsigned k = lo; k <= hi; ++k) {
        const double pk = boost::math::pdf(h, k);
        if (pk <= observed * (1 + 1e-7)) {
            p += pk;
        }
    }
    return std::min(1.0, p);
}

TTest welch_t_test(double n1, double mean1, double sd1, double n2, double mean2, double sd2) {
    if (!(n1 >= 2 && n2 >= 2)) {
        throw std::invalid_argument("Welch's t-test: each group needs at least 2 values");
    }
    const double v1 = sd1 * sd1 / n1;
    const double v2 = sd2 * sd2 / n2;
    TTest out;
    if (!(v1 + v2 > 0)) {
        throw std::invalid_argument("Welch's t-test: both groups have no spread");
    }
    out.t = (mean1 - mean2) / std::sqrt(v1 + v2);
    // Welch-Satterthwaite degrees of freedom.
    out.df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    const boost::math::students_t_distribution<double> dist(out.df);
    out.p_value = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(out.t)));
    return out;
}

MeanDifference welch_mean_difference(double mean1, double se1, double cases1, double mean2,
                                     double se2, double cases2, double level) {
    if (!(cases1 >= 2 && cases2 >= 2)) {
        throw std::invalid_argument("Welch's t-test: each sample needs at least 2 cases");
    }
    if (!(level > 0 && level < 1)) {
        throw std::invalid_argument("Welch's t-test: the confidence level must be between 0 and 1");
    }
    const double v1 = se1 * se1;
    const double v2 = se2 * se2;
    if (!(v1 + v2 > 0) || !std::isfinite(v1 + v2)) {
        throw std::invalid_argument("Welch's t-test: both samples have no spread");
    }
    MeanDifference out;
    out.difference = mean1 - mean2;
    const double se = std::sqrt(v1 + v2);
    out.t = out.difference / se;
    out.df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (cases1 - 1) + v2 * v2 / (cases2 - 1));
    const boost::math::students_t_distribution<double> dist(out.df);
    out.p_value = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(out.t)));
    const double q = boost::math::quantile(boost::math::complement(dist, (1 - level) / 2));
    out.lower = out.difference - q * se;
    out.upper = out.difference + q * se;
    return out;
}

ZTest two_proportion_z_test(double x1, double n1, double x2, double n2) {
    if (!(n1 > 0 && n2 > 0) || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
        throw std::invalid_argument("two-proportion test: needs 0 <= x <= n and n > 0");
    }
    const double pooled = (x1 + x2) / (n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    ZTest out;
    if (se == 0) {
        return out; // both 0% or both 100%: no difference to test
    }
    out.z = (x1 / n1 - x2 / n2) / se;
    const boost::math::normal_distribution<double> normal;
    out.p_value = 2 * boost::math::cdf(boost::math::complement(normal, std::fabs(out.z)));
    return out;
}

namespace {

void check_groups(const std::vector<GroupSummary>& groups, const char* test) {
    if (groups.size() < 2) {
        throw std::invalid_argument(std::string(test) + ": needs at least 2 groups");
    }
    for (const GroupSummary& g : groups) {
        if (!(g.n >= 2) || !(g.sd >= 0)) {
            throw std::invalid_argument(std::string(test) + ": each group needs 2 values or more");
        }
    }
}

double f_upper(double f, double df1, double df2) {
    const boost::math::fisher_f_distribution<double> dist(df1, df2);
    return boost::math::cdf(boost::math::complement(dist, f));
}

} // namespace

FTest one_way_anova(const std::vector<GroupSummary>& groups) {
    check_groups(groups, "one-way ANOVA");
    double n = 0;
    double sum = 0;
    for (const GroupSummary& g : groups) {
        n += g.n;
        sum += g.n * g.mean;
    }
    const double grand = sum / n;
    double between = 0;
    double within = 0;
    for (const GroupSummary& g : groups) {
        between += g.n * (g.mean - grand) * (g.mean - grand);
        within += (g.n - 1) * g.sd * g.sd;
    }
    FTest out;
    out.df1 = static_cast<double>(groups.size()) - 1;
    out.df2 = n - static_cast<double>(groups.size());
    if (!(within > 0)) {
        throw std::invalid_argument("one-way ANOVA: no spread within the groups");
    }
    out.f = (between / out.df1) / (within / out.df2);
    out.p_value = f_upper(out.f, out.df1, out.df2);
    return out;
}

FTest welch_anova(const std::vector<GroupSummary>& groups) {
    check_groups(groups, "Welch's ANOVA");
    const double k = static_cast<double>(groups.size());
    double w_sum = 0;
    double wm_sum = 0;
    for (const GroupSummary& g : groups) {
        if (!(g.sd > 0)) {
            throw std::invalid_argument("Welch's ANOVA: a group has no spread");
        }
        const double w = g.n / (g.sd * g.sd);
        w_sum += w;
        wm_sum += w * g.mean;
    }
    const double weighted_mean = wm_sum / w_sum;
    double a = 0;
    double tmp = 0;
    for (const GroupSummary& g : groups) {
        const double w = g.n / (g.sd * g.sd);
        a += w * (g.mean - weighted_mean) * (g.mean - weighted_mean);
        tmp += (1 - w / w_sum) * (1 - w / w_sum) / (g.n - 1);
    }
    // Welch (1951), as R's oneway.test computes it.
    a /= k - 1;
    tmp /= k * k - 1;
    FTest out;
    out.f = a / (1 + 2 * (k - 2) * tmp);
    out.df1 = k - 1;
    out.df2 = 1 / (3 * tmp);
    out.p_value = f_upper(out.f, out.df1, out.df2);
    return out;
}

std::vector<double> adjust_p_values(const std::vector<double>& p, Adjust method) {
    const std::size_t m = p.size();
    std::vector<double> out(p);
    if (m == 0 || method == Adjust::None) {
        return out;
    }
    std::vector<std::size_t> order(m);
    for (std::size_t i = 0; i < m; ++i) {
        order[i] = i;
    }
    const double mm = static_cast<double>(m);
    switch (method) {
    case Adjust::None:
        break;
    case Adjust::Bonferroni:
        for (double& x : out) {
            x = std::min(1.0, x * mm);
        }
        break;
    case Adjust::Holm: {
        // Step-down: the i-th smallest times (m - i), made non-decreasing.
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
        double running = 0;
        for (std::size_t i = 0; i < m; ++i) {
            running = std::max(running, std::min(1.0, (mm - static_cast<double>(i)) * p[order[i]]));
            out[order[i]] = running;
        }
        break;
    }
    case Adjust::BenjaminiHochberg: {
        // Step-up: the i-th smallest times m / i, made non-increasing from the largest.
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
        double running = 1;
        for (std::size_t i = m; i-- > 0;) {
            running = std::min(running, mm / static_cast<double>(i + 1) * p[order[i]]);
            out[order[i]] = std::min(1.0, running);
        }
        break;
    }
    }
    return out;
}

} // namespace careerstat::stats
