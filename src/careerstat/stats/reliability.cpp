#include "careerstat/stats/reliability.hpp"

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>

#include <cmath>

namespace careerstat::stats {

Eigen::MatrixXd cov_to_cor(const Eigen::MatrixXd& cov) {
    const Eigen::VectorXd s = cov.diagonal().cwiseSqrt().cwiseInverse();
    return s.asDiagonal() * cov * s.asDiagonal();
}

std::optional<Eigen::VectorXd> squared_multiple_correlations(const Eigen::MatrixXd& r) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r);
    if (es.info() != Eigen::Success || es.eigenvalues().minCoeff() <= 1e-12 * r.rows()) {
        return std::nullopt;
    }
    const Eigen::MatrixXd inv = es.eigenvectors() *
                                es.eigenvalues().cwiseInverse().asDiagonal() *
                                es.eigenvectors().transpose();
    return (Eigen::VectorXd::Ones(r.rows()) - inv.diagonal().cwiseInverse()).eval();
}

std::optional<Eigen::VectorXd> one_factor_minres(const Eigen::MatrixXd& r) {
    const Eigen::Index k = r.rows();
    Eigen::VectorXd h;
    if (auto smc = squared_multiple_correlations(r)) {
        h = *smc;
    } else {
        h = Eigen::VectorXd::Constant(k, 0.5);
    }
    Eigen::VectorXd load(k);
    for (int it = 0; it < 10000; ++it) {
        Eigen::MatrixXd reduced = r;
        reduced.diagonal() = h;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(reduced);
        if (es.info() != Eigen::Success) {
            return std::nullopt;
        }
        const double top = es.eigenvalues()(k - 1);
        if (!(top > 0)) {
            return std::nullopt;
        }
        load = es.eigenvectors().col(k - 1) * std::sqrt(top);
        if (load.sum() < 0) {
            load = -load;
        }
        Eigen::VectorXd next = load.cwiseAbs2().cwiseMin(0.995);
        const double change = (next - h).cwiseAbs().maxCoeff();
        h = next;
        if (change < 1e-12) {
            return load;
        }
    }
    return std::nullopt;
}

namespace {

struct AlphaParts {
    double raw = 0;
    double std = 0;
    double average_r = 0;
    std::optional<double> g6;
    double q = 0; // Duhachek's asymptotic variance times n
};

// psych::alpha's alpha.1: the scale's figures from C and R.
AlphaParts alpha_parts(const Eigen::MatrixXd& c, const Eigen::MatrixXd& r) {
    const double k = static_cast<double>(c.rows());
    AlphaParts a;
    const double sum_c = c.sum();
    const double tr_c = c.trace();
    a.raw = (1 - tr_c / sum_c) * (k / (k - 1));
    const double sum_r = r.sum();
    a.std = (1 - k / sum_r) * (k / (k - 1));
    a.average_r = (sum_r - k) / (k * (k - 1));
    if (auto smc = squared_multiple_correlations(r)) {
        a.g6 = 1 - (k - smc->sum()) / sum_r;
    }
    const Eigen::MatrixXd cc = c * c;
    a.q = (2 * k * k / ((k - 1) * (k - 1) * std::pow(sum_c, 3))) *
          (sum_c * (cc.trace() + tr_c * tr_c) - 2 * tr_c * cc.sum());
    return a;
}

Eigen::MatrixXd without(const Eigen::MatrixXd& m, Eigen::Index drop) {
    const Eigen::Index k = m.rows();
    Eigen::MatrixXd out(k - 1, k - 1);
    for (Eigen::Index i = 0, oi = 0; i < k; ++i) {
        if (i == drop) {
            continue;
        }
        for (Eigen::Index j = 0, oj = 0; j < k; ++j) {
            if (j == drop) {
                continue;
            }
            out(oi, oj++) = m(i, j);
        }
        ++oi;
    }
    return out;
}

} // namespace

Reliability reliability(const Eigen::MatrixXd& cov, double n, double level) {
    Reliability out;
    const Eigen::Index k = cov.rows();
    out.k = static_cast<std::size_t>(k);
    out.n = n;
    const Eigen::MatrixXd r = cov_to_cor(cov);
    const AlphaParts a = alpha_parts(cov, r);
    out.alpha = a.raw;
    out.std_alpha = a.std;
    out.average_r = a.average_r;
    out.g6 = a.g6;
    out.average_cov = (cov.sum() - cov.trace()) / static_cast<double>(k * (k - 1));
    const double p = 1 - level;
    // psych::alpha.ci: F on n - 1 and (n - 1)(k - 1) degrees of freedom.
    if (n > 1) {
        const boost::math::fisher_f_distribution<double> f(n - 1, (n - 1) * static_cast<double>(k - 1));
        out.feldt_low = 1 - (1 - a.raw) * boost::math::quantile(f, 1 - p / 2);
        out.feldt_high = 1 - (1 - a.raw) * boost::math::quantile(f, p / 2);
    }
    out.ase = n > 0 ? std::sqrt(a.q / n) : 0;
    const double z = boost::math::quantile(boost::math::normal_distribution<double>(), 1 - p / 2);
    out.duhachek_low = a.raw - z * out.ase;
    out.duhachek_high = a.raw + z * out.ase;
    if (auto load = one_factor_minres(r)) {
        out.loadings.assign(load->data(), load->data() + k);
        const double vt = r.sum();
        const double uniq = static_cast<double>(k) - load->squaredNorm();
        out.omega_total = (vt - uniq) / vt;
    }
    const double sum_r = r.sum();
    for (Eigen::Index i = 0; i < k; ++i) {
        ItemReliability item;
        const double v_drop = cov.sum() - 2 * cov.row(i).sum() + cov(i, i);
        const double c_drop = cov.col(i).sum() - cov(i, i);
        item.r_drop = c_drop / std::sqrt(cov(i, i) * v_drop);
        item.r_total = r.col(i).sum() / std::sqrt(sum_r);
        if (k > 2) {
            const AlphaParts d = alpha_parts(without(cov, i), without(r, i));
            item.alpha_drop = d.raw;
            item.std_alpha_drop = d.std;
            item.average_r_drop = d.average_r;
        }
        out.items.push_back(item);
    }
    return out;
}

} // namespace careerstat::stats
