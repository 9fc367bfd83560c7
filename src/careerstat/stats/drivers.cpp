#include "careerstat/stats/drivers.hpp"

#include "careerstat/stats/reliability.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace careerstat::stats {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

namespace {

double z_of(double level) {
    return boost::math::quantile(boost::math::normal_distribution<double>(), 1 - (1 - level) / 2);
}

Correlation fisher_interval(double r, double se, double level) {
    Correlation c;
    c.r = r;
    const double z = std::atanh(std::clamp(r, -1.0, 1.0));
    c.low = std::tanh(z - z_of(level) * se);
    c.high = std::tanh(z + z_of(level) * se);
    return c;
}

} // namespace

Correlation pearson_correlation(double r, double n, double level) {
    Correlation c = n > 3 ? fisher_interval(r, 1 / std::sqrt(n - 3), level) : Correlation{r, k_nan, k_nan, 1};
    if (n > 2 && std::abs(r) < 1) {
        const double t = r * std::sqrt((n - 2) / (1 - r * r));
        const boost::math::students_t_distribution<double> dist(n - 2);
        c.p_value = 2 * boost::math::cdf(boost::math::complement(dist, std::abs(t)));
    } else {
        c.p_value = std::abs(r) >= 1 ? 0 : k_nan;
    }
    return c;
}

Correlation spearman_interval(double rho, double n, double level) {
    if (!(n > 3)) {
        return Correlation{rho, k_nan, k_nan, k_nan};
    }
    Correlation c = fisher_interval(rho, std::sqrt((1 + rho * rho / 2) / (n - 3)), level);
    c.p_value = k_nan;
    return c;
}

double spearman_from_joint(const std::vector<JointValue>& joint) {
    // Mid-ranks of each margin: the weight below a value plus half its own.
    std::map<double, double> mx, my;
    for (const JointValue& j : joint) {
        mx[j.x] += j.w;
        my[j.y] += j.w;
    }
    auto ranks = [](std::map<double, double>& m) {
        double below = 0;
        for (auto& [value, w] : m) {
            const double own = w;
            w = below + (own + 1) / 2;
            below += own;
        }
    };
    ranks(mx);
    ranks(my);
    double w = 0, sx = 0, sy = 0;
    for (const JointValue& j : joint) {
        w += j.w;
        sx += j.w * mx[j.x];
        sy += j.w * my[j.y];
    }
    const double ax = sx / w;
    const double ay = sy / w;
    double cxy = 0, cxx = 0, cyy = 0;
    for (const JointValue& j : joint) {
        const double dx = mx[j.x] - ax;
        const double dy = my[j.y] - ay;
        cxy += j.w * dx * dy;
        cxx += j.w * dx * dx;
        cyy += j.w * dy * dy;
    }
    return cxy / std::sqrt(cxx * cyy);
}

namespace {

// R_xx's eigendecomposition, when it is positive definite.
std::optional<Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>> decompose(const Eigen::MatrixXd& rxx) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(rxx);
    if (es.info() != Eigen::Success || !(es.eigenvalues().minCoeff() > 1e-10)) {
        return std::nullopt;
    }
    return es;
}

} // namespace

std::optional<Regression> standardized_regression(const Eigen::MatrixXd& r, double n,
                                                  double level) {
    const Eigen::Index p = r.rows() - 1;
    const Eigen::MatrixXd rxx = r.bottomRightCorner(p, p);
    const Eigen::VectorXd rxy = r.col(0).tail(p);
    const auto es = decompose(rxx);
    if (!es || !(n > static_cast<double>(p) + 1)) {
        return std::nullopt;
    }
    const Eigen::MatrixXd inv = es->eigenvectors() * es->eigenvalues().cwiseInverse().asDiagonal() *
                                es->eigenvectors().transpose();
    const Eigen::VectorXd beta = inv * rxy;
    Regression out;
    out.r2 = rxy.dot(beta);
    out.df = n - static_cast<double>(p) - 1;
    out.adj_r2 = 1 - (1 - out.r2) * (n - 1) / out.df;
    // lm() on scale()d variables: residual variance (n - 1)(1 - R^2) / (n - p - 1) and
    // (X'X)^-1 = R_xx^-1 / (n - 1).
    const boost::math::students_t_distribution<double> t(out.df);
    const double crit = boost::math::quantile(t, 1 - (1 - level) / 2);
    for (Eigen::Index j = 0; j < p; ++j) {
        const double se = std::sqrt(std::max(0.0, (1 - out.r2) / out.df * inv(j, j)));
        out.beta.push_back(beta(j));
        out.se.push_back(se);
        out.low.push_back(beta(j) - crit * se);
        out.high.push_back(beta(j) + crit * se);
        out.p_value.push_back(
            se > 0 ? 2 * boost::math::cdf(boost::math::complement(t, std::abs(beta(j)) / se)) : 0);
    }
    return out;
}

std::optional<RelativeWeights> relative_weights(const Eigen::MatrixXd& r) {
    const Eigen::Index p = r.rows() - 1;
    const Eigen::MatrixXd rxx = r.bottomRightCorner(p, p);
    const Eigen::VectorXd rxy = r.col(0).tail(p);
    const auto es = decompose(rxx);
    if (!es) {
        return std::nullopt;
    }
    // Lambda = R_xx^(1/2) (the predictors' loadings on their closest orthogonal
    // counterparts Z), beta* = R_xx^(-1/2) r_xy (the outcome regressed on Z).
    const Eigen::MatrixXd& v = es->eigenvectors();
    const Eigen::VectorXd s = es->eigenvalues().cwiseSqrt();
    const Eigen::MatrixXd lambda = v * s.asDiagonal() * v.transpose();
    const Eigen::VectorXd beta_star = v * s.cwiseInverse().asDiagonal() * v.transpose() * rxy;
    const Eigen::VectorXd eps = lambda.cwiseAbs2() * beta_star.cwiseAbs2();
    RelativeWeights out;
    out.r2 = eps.sum();
    for (Eigen::Index j = 0; j < p; ++j) {
        out.raw.push_back(eps(j));
        out.pct.push_back(out.r2 > 0 ? 100 * eps(j) / out.r2 : k_nan);
    }
    return out;
}

std::size_t Resampler::index(std::size_t n) {
    // Rejection of the last incomplete block of n keeps every index equally likely.
    const std::uint64_t m = n;
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % m;
    std::uint64_t x = m_engine();
    while (x >= limit) {
        x = m_engine();
    }
    return static_cast<std::size_t>(x % m);
}

double quantile_type7(const std::vector<double>& sorted, double prob) {
    if (sorted.empty()) {
        return k_nan;
    }
    const double h = (static_cast<double>(sorted.size()) - 1) * prob;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

BootstrapIntervals bootstrap_relative_weights(const std::vector<double>& cases, std::size_t p,
                                              std::size_t replicates, double level,
                                              std::uint64_t seed) {
    const std::size_t k = p + 1;
    const std::size_t stride = k + 1;
    const std::size_t n = cases.size() / stride;
    BootstrapIntervals out;
    std::vector<std::vector<double>> raw(p), pct(p);
    Resampler rng(seed);
    // A resample is a count per case (how often it was drawn), then one sequential pass that
    // adds each drawn case once with its weight times its count: West's update is exact for
    // such frequency weights, and the pass reads the cases in order instead of at random.
    std::vector<std::uint32_t> drawn(n);
    std::vector<double> mean(k), d(k), c(k * k);
    for (std::size_t b = 0; b < replicates && n > 0; ++b) {
        std::fill(drawn.begin(), drawn.end(), 0U);
        for (std::size_t i = 0; i < n; ++i) {
            ++drawn[rng.index(n)];
        }
        double sw = 0;
        std::fill(mean.begin(), mean.end(), 0.0);
        std::fill(c.begin(), c.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            if (drawn[i] == 0) {
                continue;
            }
            const double* row = &cases[i * stride];
            const double w = row[k] * drawn[i];
            sw += w;
            const double f = w / sw;
            for (std::size_t j = 0; j < k; ++j) {
                d[j] = row[j] - mean[j];
                mean[j] += f * d[j];
            }
            const double g = w * (1 - f);
            for (std::size_t j = 0; j < k; ++j) {
                const double gj = g * d[j];
                for (std::size_t l = j; l < k; ++l) {
                    c[j * k + l] += gj * d[l];
                }
            }
        }
        const auto kk = static_cast<Eigen::Index>(k);
        Eigen::MatrixXd cm(kk, kk);
        bool flat = false;
        for (std::size_t j = 0; j < k; ++j) {
            flat = flat || !(c[j * k + j] > 0);
            for (std::size_t l = j; l < k; ++l) {
                cm(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(l)) =
                    cm(static_cast<Eigen::Index>(l), static_cast<Eigen::Index>(j)) = c[j * k + l];
            }
        }
        if (flat) {
            continue;
        }
        const auto rw = relative_weights(cov_to_cor(cm));
        if (!rw) {
            continue;
        }
        ++out.replicates;
        for (std::size_t j = 0; j < p; ++j) {
            raw[j].push_back(rw->raw[j]);
            pct[j].push_back(rw->pct[j]);
        }
    }
    const double a = (1 - level) / 2;
    for (std::size_t j = 0; j < p; ++j) {
        std::sort(raw[j].begin(), raw[j].end());
        std::sort(pct[j].begin(), pct[j].end());
        out.raw_low.push_back(quantile_type7(raw[j], a));
        out.raw_high.push_back(quantile_type7(raw[j], 1 - a));
        out.pct_low.push_back(quantile_type7(pct[j], a));
        out.pct_high.push_back(quantile_type7(pct[j], 1 - a));
    }
    return out;
}

} // namespace careerstat::stats
