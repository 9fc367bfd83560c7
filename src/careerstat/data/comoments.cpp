#include "careerstat/data/comoments.hpp"

#include <bit>
#include <cstdint>

namespace careerstat::data {

void add_to(MomentSums& s, const double* x, double w, std::vector<double>& d) {
    const std::size_t k = s.mean.size();
    s.w += w;
    s.w2 += w * w;
    s.n += 1;
    const double f = w / s.w;
    for (std::size_t i = 0; i < k; ++i) {
        d[i] = x[i] - s.mean[i];
        s.mean[i] += f * d[i];
    }
    // C += w d (x - mean_new)' = w (1 - w/W) d d'
    const double g = w * (1 - f);
    for (std::size_t i = 0; i < k; ++i) {
        const double gi = g * d[i];
        double* row = &s.c[i * k];
        for (std::size_t j = i; j < k; ++j) {
            row[j] += gi * d[j];
        }
    }
}

namespace {

MomentSums empty_sums(std::size_t k) {
    MomentSums s;
    s.mean.assign(k, 0.0);
    s.c.assign(k * k, 0.0);
    return s;
}

// add_to fills the upper triangle of c only (j >= i); readers take c[min * k + max].
void add_pair(PairSums& p, double x, double y, double w) {
    p.w += w;
    p.w2 += w * w;
    p.n += 1;
    const double f = w / p.w;
    const double dx = x - p.mean[0];
    const double dy = y - p.mean[1];
    p.mean[0] += f * dx;
    p.mean[1] += f * dy;
    const double g = w * (1 - f);
    p.c[0] += g * dx * dx;
    p.c[1] += g * dx * dy;
    p.c[2] += g * dy * dy;
}

} // namespace

std::size_t CoMoments::PairHash::operator()(const std::pair<double, double>& p) const noexcept {
    const auto a = std::bit_cast<std::uint64_t>(p.first);
    const auto b = std::bit_cast<std::uint64_t>(p.second);
    return static_cast<std::size_t>((a * 0x9E3779B97F4A7C15ULL) ^ (b + 0x632BE59BD9B4E019ULL +
                                                                   (a << 6) + (a >> 2)));
}

CoMoments::CoMoments(const codebook::Codebook& cb, std::vector<std::size_t> vars,
                     CoMomentsOptions options)
    : m_cb(cb), m_vars(std::move(vars)), m_options(options) {
    const std::size_t k = m_vars.size();
    for (std::size_t v : m_vars) {
        m_scoring.push_back(codebook::item_scoring(m_cb.variables[v]));
    }
    m_listwise = empty_sums(k);
    m_single.assign(k, empty_sums(1));
    if (m_options.pairwise) {
        m_pairs.assign(k * (k - 1) / 2, PairSums{});
    }
    if (m_options.ranks) {
        m_joint.resize(k);
    }
    m_x.assign(k, 0.0);
    m_valid.assign(k, 0);
    m_d.assign(k, 0.0);
}

const PairSums& CoMoments::pair(std::size_t i, std::size_t j) const {
    const std::size_t k = m_vars.size();
    // Row i of the upper triangle starts after the i rows above it.
    return m_pairs[i * k - i * (i + 1) / 2 + (j - i - 1)];
}

void CoMoments::add(const Case& c) {
    m_cases += 1;
    const std::size_t k = m_vars.size();
    bool all = true;
    for (std::size_t i = 0; i < k; ++i) {
        const Coded& x = c.coded[m_vars[i]];
        m_valid[i] = x.kind == Coded::Kind::Valid;
        if (m_valid[i]) {
            m_x[i] = m_scoring[i](x.value);
            if (m_options.pairwise) {
                add_to(m_single[i], &m_x[i], c.w, m_d);
            }
        } else {
            all = false;
        }
    }
    if (m_options.pairwise) {
        std::size_t p = 0;
        for (std::size_t i = 0; i < k; ++i) {
            for (std::size_t j = i + 1; j < k; ++j, ++p) {
                if (m_valid[i] && m_valid[j]) {
                    add_pair(m_pairs[p], m_x[i], m_x[j], c.w);
                }
            }
        }
    }
    if (!all) {
        return;
    }
    add_to(m_listwise, m_x.data(), c.w, m_d);
    if (m_options.ranks) {
        for (std::size_t j = 1; j < k; ++j) {
            m_joint[j][{m_x[0], m_x[j]}] += c.w;
        }
    }
    if (m_options.keep_cases) {
        m_kept.insert(m_kept.end(), m_x.begin(), m_x.end());
        m_kept.push_back(c.w);
    }
}

} // namespace careerstat::data
