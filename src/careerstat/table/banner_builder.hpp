// Internal to table/: the builder of banner tables, shared by banner_tables.cpp (the
// tables) and banner_tests.cpp (their overall tests). Code outside uses banner.hpp.
#pragma once

#include "careerstat/table/banner.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace careerstat::table::banner_detail {

using data::CellSums;
using data::CrossBlock;
using data::CrossCounts;
using data::Moments;

inline constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// One column of the cross counts as the table shows it.
struct BannerColumn {
    std::size_t index = 0;                   // into CrossCounts' columns
    std::size_t banner = std::string::npos;  // npos: the total
    std::string name;                        // machine name prefix: "total", "bureau.2"
    std::string category;
    std::string letter;
};


std::vector<BannerColumn> banner_columns(const codebook::Codebook& cb, const CrossCounts& cross,
                                         Lang lang);

inline double effective_n(const CellSums& s) { return s.w2 > 0 ? s.w * s.w / s.w2 : 0; }
inline double effective_n(const Moments& m) { return m.w2 > 0 ? m.w * m.w / m.w2 : 0; }

// The SD of one column's values: exact with no weights; with weights the weighted variance
// with n / (n - 1), as SPSS computes it for frequency weights scaled to the cases.
inline double sd_of(const Moments& m) {
    if (m.n < 2 || !(m.w > 0)) {
        return k_nan;
    }
    return std::sqrt(m.m2 / m.w * m.n / (m.n - 1));
}

inline Cell num(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }

// Pairwise tests within each banner of one row. `test(i, j)` gives the p-value of columns
// i and j (NaN when untested) and whether i is the higher; returns the marks per column.
struct Builder {
    const codebook::Codebook& cb;
    const CrossCounts& cross;
    const BuildOptions& o;
    const BannerOptions& bo;
    std::vector<BannerColumn> cols;
    bool weighted;

    std::string by_subtitle() const {
        std::vector<std::string> names;
        for (const data::Banner& b : cross.banners()) {
            names.push_back(b.label);
        }
        return fmt::format(fmt::runtime(tr(o.lang, "By {}")), fmt::join(names, "; "));
    }

    void add_columns(Table& t, const std::vector<std::pair<std::string, ColumnType>>& stats,
                     const std::vector<std::string>& labels) const {
        for (const BannerColumn& c : cols) {
            for (std::size_t s = 0; s < stats.size(); ++s) {
                Column col{c.name + "." + stats[s].first, labels[s], stats[s].second};
                col.group = c.banner == std::string::npos ? "" : cross.banners()[c.banner].label;
                col.category = c.category;
                col.letter = c.letter;
                t.columns.push_back(std::move(col));
            }
        }
    }

    std::vector<std::string> notes(bool proportions, bool tested, bool starred) const;
    Table distribution(const CrossBlock& block, const std::string& id, const std::string& title);
    Table means(const std::vector<const CrossBlock*>& blocks, const std::string& id,
                const std::string& title);
    Table tests_for(const std::vector<const CrossBlock*>& blocks, const Table& shown) const;
};


} // namespace careerstat::table::banner_detail
