// fuzz_banner's checks of the banner tables against its tally (fuzz_banner.cpp says what they assert).
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/cross_counts.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/stats/suppress.hpp"
#include "careerstat/table/banner.hpp"
#include "fuzz_input.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "fuzz_banner_model.hpp"

namespace careerstat::fuzz::banner {
inline bool close(double got, double want) {
    return std::fabs(got - want) <= 1e-9 * std::max(1.0, std::fabs(want));
}

inline bool is_number(const Cell& c) {
    return std::holds_alternative<double>(c);
}
inline double number(const Cell& c) {
    return std::get<double>(c);
}
inline bool small(double n, const table::BannerOptions& bo) {
    return bo.suppress > 1 && n >= 1 && n < bo.suppress;
}

// A % or mean cell's letters: only on a tested column, naming other tested columns of the
// same banner, each once, lower case only with two levels.
inline void check_letters(const Context& x, const Table& t, const std::string& mark, std::size_t c,
                   const std::vector<bool>& testable) {
    if (mark.empty()) {
        return;
    }
    if (c == 0 || !testable[c]) {
        fail("%s: letters \"%s\" on column %zu, which is not tested", t.id.c_str(), mark.c_str(),
             c);
    }
    const std::size_t start = x.banner_start(c), size = x.banner_size(c);
    if (size > 26) {
        for (char ch : mark) {
            if (!std::isalpha(static_cast<unsigned char>(ch))) {
                fail("%s: column %zu's mark \"%s\"", t.id.c_str(), c, mark.c_str());
            }
        }
        return;
    }
    std::vector<bool> seen(size, false);
    for (char ch : mark) {
        const bool upper = ch >= 'A' && ch <= 'Z', lower = ch >= 'a' && ch <= 'z';
        const std::size_t k = upper ? ch - 'A' : lower ? ch - 'a' : size;
        if (k >= size || seen[k] || start + k == c || !testable[start + k] ||
            (lower && x.bo.sig.size() < 2)) {
            fail("%s: column %zu's letters \"%s\" (banner of %zu columns from %zu)", t.id.c_str(),
                 c, mark.c_str(), size, start);
        }
        seen[k] = true;
    }
}

inline void check_shape(const Table& t, std::size_t width, std::size_t rows) {
    if (t.columns.size() != width || t.rows.size() < rows) {
        fail("%s: %zu columns and %zu rows, expected %zu and %zu", t.id.c_str(), t.columns.size(),
             t.rows.size(), width, rows);
    }
    for (const table::Row& row : t.rows) {
        if (row.cells.size() != width || (!row.marks.empty() && row.marks.size() != width)) {
            fail("%s: a row of %zu cells and %zu marks", t.id.c_str(), row.cells.size(),
                 row.marks.size());
        }
        for (std::size_t i = 0; i < width; ++i) {
            if (row.mark(i) == table::k_suppressed && !table::is_empty(row.cells[i])) {
                fail("%s: cell %zu of row \"%s\" is marked x and holds a value", t.id.c_str(), i,
                     std::get<std::string>(row.cells[0]).c_str());
            }
        }
    }
}

// A banner's suppression as the table shows it, on the tally's counts, must leave no count
// of 1 to k-1 determined (stats::determined_cells), nor any other non-zero count, unless it
// is hidden only because its column's base or Total's base is (so that its shares do not
// give that base away). Respondents with an answer but outside an exclusive banner are one
// more column, never shown, so that the row totals are Total's real counts. Margins that are
// no sums are unknowns: an overlapping banner's row totals (Total's counts are not the sums
// of its columns) and a multi-select's column totals (a base counts respondents, not
// choices), and then the grand total.
inline void check_determined(const Context& x, const Table& t, const Block& b) {
    const std::size_t rows = b.rows, C = x.columns;
    const std::string x_mark(table::k_suppressed);
    auto hidden = [&](std::size_t r, std::size_t c) { return t.rows[r].mark(1 + 2 * c) == x_mark; };
    for (std::size_t k = 0; k < x.banners.size(); ++k) {
        const std::size_t first = x.first[k], size = x.banners[k].categories.size();
        if (rows == 0 || size == 0) {
            continue;
        }
        std::vector<std::vector<double>> interior(rows, std::vector<double>(size, 0.0));
        stats::Suppression s;
        s.cell.assign(rows, std::vector<bool>(size, false));
        s.row_total.assign(rows, false);
        s.column_total.assign(size, false);
        bool outside = false;
        for (std::size_t r = 0; r < rows; ++r) {
            double sum = 0;
            for (std::size_t c = 0; c < size; ++c) {
                interior[r][c] = b.cells[r * C + first + c].n;
                sum += interior[r][c];
                s.cell[r][c] = hidden(r, first + c);
            }
            s.row_total[r] = hidden(r, 0);
            outside = outside || (!x.banners[k].overlapping() && b.cells[r * C].n > sum);
        }
        for (std::size_t c = 0; c < size; ++c) {
            s.column_total[c] = hidden(rows, first + c);
        }
        s.grand_total = hidden(rows, 0);
        const bool row_sums = !x.banners[k].overlapping();
        const bool column_sums = b.kind != Block::Kind::Options;
        for (std::size_t r = 0; r < rows && !row_sums; ++r) {
            s.row_total[r] = true;
        }
        for (std::size_t c = 0; c < size && !column_sums; ++c) {
            s.column_total[c] = true;
        }
        s.grand_total = s.grand_total || !row_sums || !column_sums;
        if (outside) {
            for (std::size_t r = 0; r < rows; ++r) {
                double sum = 0;
                for (double n : interior[r]) {
                    sum += n;
                }
                interior[r].push_back(b.cells[r * C].n - sum);
                s.cell[r].push_back(true);
            }
            s.column_total.push_back(true); // not shown; the equations tell when it is known
        }
        const std::size_t width = interior.front().size();
        std::vector<double> row_sum(rows, 0.0), column_sum(width, 0.0);
        double total = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < width; ++c) {
                row_sum[r] += interior[r][c];
                column_sum[c] += interior[r][c];
                total += interior[r][c];
            }
        }
        // A determined value that is a count of 1 to k-1 is disclosed; another one shows a
        // protection that fails, unless it is hidden only for a hidden base's sake.
        auto check = [&](bool determined, double n, bool for_base, const char* what, std::size_t r,
                         std::size_t c) {
            if (determined && n > 0 && (small(n, x.bo) || !for_base)) {
                fail("%s: banner %s: the suppressed %s %g (row %zu, column %zu) is determined "
                     "by the published ones",
                     t.id.c_str(), x.banners[k].name.c_str(), what, n, r, c);
            }
        };
        const stats::Suppression d = stats::determined_cells(interior, s);
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < width; ++c) {
                const bool extra = c == size; // outside the banner: no count of its own
                check(d.cell[r][c], interior[r][c], extra || s.column_total[c],
                      extra ? "count outside the banner" : "count", r, c);
            }
            check(row_sums && d.row_total[r], row_sum[r], s.grand_total, "Total count", r, 0);
        }
        for (std::size_t c = 0; c < size; ++c) {
            check(column_sums && d.column_total[c], column_sum[c], false, "base", rows, c);
        }
        check(row_sums && column_sums && d.grand_total, total, false, "Total base", rows, 0);
    }
}

inline void check_distribution(const Context& x, const Table& t, const Block& b) {
    const table::BannerOptions& bo = x.bo;
    const std::size_t C = x.columns, rows = b.rows;
    // The label, n and % per column, then the machine-only variable and code columns.
    check_shape(t, 1 + 2 * C + 2, rows + 1);
    if (t.columns[1 + 2 * C].name != "variable" || t.columns[2 + 2 * C].name != "code" ||
        !t.columns[1 + 2 * C].machine_only || !t.columns[2 + 2 * C].machine_only) {
        fail("%s: the last two columns are not the machine-only variable and code", t.id.c_str());
    }
    bool any_small = false; // a count suppress_small_cells hides: the unweighted base goes
    for (std::size_t k = 0; k < x.banners.size(); ++k) {
        const std::size_t first = x.first[k], size = x.banners[k].categories.size();
        double total = 0;
        std::vector<double> column_sum(size, 0.0);
        for (std::size_t r = 0; r < rows; ++r) {
            double row_sum = 0;
            for (std::size_t c = 0; c < size; ++c) {
                const double n = b.cells[r * C + first + c].n;
                any_small = any_small || small(n, bo);
                row_sum += n;
                column_sum[c] += n;
                total += n;
            }
            any_small = any_small || small(row_sum, bo);
        }
        for (double n : column_sum) {
            any_small = any_small || small(n, bo);
        }
        any_small = any_small || small(total, bo);
    }
    const bool unweighted_row = t.rows.size() == rows + 2;
    if (t.rows.size() > rows + 2 || (unweighted_row && (!x.weighted || any_small))) {
        fail("%s: %zu rows for %zu answers (weighted %d, a small count %d)", t.id.c_str(),
             t.rows.size(), rows, x.weighted, any_small);
    }
    std::vector<bool> shown(C), testable(C);
    for (std::size_t c = 0; c < C; ++c) {
        const double n = b.base[c].n;
        shown[c] = n >= bo.hide_below && n > 0;
        testable[c] = c > 0 && n >= bo.min_base && shown[c];
    }
    const std::string x_mark(table::k_suppressed);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const table::Row& row = t.rows[r];
        const bool data_row = r < rows, base_row = r == rows;
        for (std::size_t c = 0; c < C; ++c) {
            const std::size_t nc = 1 + 2 * c, pc = nc + 1;
            const Sums& s = data_row ? b.cells[r * C + c] : b.base[c];
            const double want = data_row || base_row ? s.w : s.n;
            const std::string& nm = row.mark(nc);
            const bool hidden = nm == x_mark;
            if (!hidden && !(is_number(row.cells[nc]) && close(number(row.cells[nc]), want))) {
                fail("%s: row %zu column %zu: count %s, tally %g", t.id.c_str(), r, c,
                     is_number(row.cells[nc]) ? number_text(number(row.cells[nc])).c_str()
                                              : "(none)",
                     want);
            }
            if (!hidden && small(s.n, bo)) {
                fail("%s: row %zu column %zu: a count of %g respondents is shown with "
                     "--suppress %g",
                     t.id.c_str(), r, c, s.n, bo.suppress);
            }
            const bool star =
                base_row && c > 0 && b.base[c].n < std::max(bo.min_base, bo.hide_below);
            if (!hidden && nm != (star ? "*" : "")) {
                fail("%s: row %zu column %zu: count mark \"%s\"", t.id.c_str(), r, c, nm.c_str());
            }
            const std::string& pm = row.mark(pc);
            if (!data_row) {
                if (!table::is_empty(row.cells[pc]) || !pm.empty()) {
                    fail("%s: base row %zu column %zu holds a percentage", t.id.c_str(), r, c);
                }
                continue;
            }
            const Cell& pct = row.cells[pc];
            if (is_number(pct)) {
                const double p = number(pct);
                const bool base_hidden = t.rows[rows].mark(nc) == x_mark;
                // A share of a hidden base gives it away, unless the count is 0.
                if (!(p >= 0 && p <= 100) || !shown[c] || hidden || (base_hidden && s.w > 0) ||
                    !close(p, s.w / b.base[c].w * 100)) {
                    fail("%s: row %zu column %zu: %g%% (count %g of %g, shown %d, count hidden "
                         "%d, base hidden %d)",
                         t.id.c_str(), r, c, p, s.w, b.base[c].w, shown[c] ? 1 : 0, hidden ? 1 : 0,
                         base_hidden ? 1 : 0);
                }
            } else if (shown[c] && pm != x_mark) {
                fail("%s: row %zu column %zu: no percentage of a shown base", t.id.c_str(), r, c);
            }
            if (pm != x_mark) {
                check_letters(x, t, pm, c, testable);
            }
        }
    }
    if (bo.suppress > 1) {
        check_determined(x, t, b);
    }
}

inline void check_means(const Context& x, const Table& t, const std::vector<const Block*>& blocks) {
    const table::BannerOptions& bo = x.bo;
    const std::size_t C = x.columns;
    // The item, mean, SD and n per column, then the machine-only variable column.
    check_shape(t, 1 + 3 * C + 1, blocks.size());
    if (t.columns.back().name != "variable" || !t.columns.back().machine_only) {
        fail("%s: the last column is not the machine-only variable", t.id.c_str());
    }
    if (t.rows.size() != blocks.size()) {
        fail("%s: %zu rows for %zu items", t.id.c_str(), t.rows.size(), blocks.size());
    }
    const std::string x_mark(table::k_suppressed);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = *blocks[i];
        const table::Row& row = t.rows[i];
        const Variable& v = x.cb.variables[b.variable];
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        if (v.is_categorical()) {
            for (std::size_t k = 0; k < v.choices.size(); ++k) {
                const double value = v.choices[k].value.value_or(static_cast<double>(k + 1));
                lo = std::min(lo, value);
                hi = std::max(hi, value);
            }
        } else {
            lo = v.min.value_or(-std::numeric_limits<double>::infinity());
            hi = v.max.value_or(std::numeric_limits<double>::infinity());
        }
        std::vector<bool> shown(C), testable(C), hidden(C);
        for (std::size_t c = 0; c < C; ++c) {
            const double n = b.mom[c].n;
            shown[c] = n >= bo.hide_below && n > 0;
            testable[c] = c > 0 && n >= bo.min_base && n >= 2 && shown[c];
            hidden[c] = row.mark(3 + 3 * c) == x_mark;
        }
        for (std::size_t c = 0; c < C; ++c) {
            const Sums& m = b.mom[c];
            const std::size_t mc = 1 + 3 * c, sc = mc + 1, nc = mc + 2;
            if (hidden[c]) {
                if (row.mark(mc) != x_mark || row.mark(sc) != x_mark) {
                    fail("%s: row %zu column %zu: n hidden, its mean or SD not", t.id.c_str(), i,
                         c);
                }
                continue;
            }
            if (small(m.n, bo)) {
                fail("%s: row %zu column %zu: the mean of %g respondents is shown with "
                     "--suppress %g",
                     t.id.c_str(), i, c, m.n, bo.suppress);
            }
            if (!(is_number(row.cells[nc]) && close(number(row.cells[nc]), m.w))) {
                fail("%s: row %zu column %zu: n is not the tally's %g", t.id.c_str(), i, c, m.w);
            }
            const bool star = c > 0 && m.n < std::max(bo.min_base, bo.hide_below);
            if (row.mark(nc) != (star ? "*" : "") || !row.mark(sc).empty()) {
                fail("%s: row %zu column %zu: marks \"%s\" \"%s\"", t.id.c_str(), i, c,
                     row.mark(nc).c_str(), row.mark(sc).c_str());
            }
            if (is_number(row.cells[mc])) {
                const double mean = number(row.cells[mc]);
                const double slack = 1e-9 * std::max(1.0, std::fabs(hi));
                if (!shown[c] || !(mean >= lo - slack && mean <= hi + slack) ||
                    std::fabs(mean - m.wx / m.w) > slack * 10) {
                    fail("%s: row %zu column %zu: mean %g (shown %d, range %g-%g, tally %g)",
                         t.id.c_str(), i, c, mean, shown[c] ? 1 : 0, lo, hi, m.wx / m.w);
                }
            } else if (shown[c]) {
                fail("%s: row %zu column %zu: no mean of %g respondents", t.id.c_str(), i, c, m.n);
            }
            if (is_number(row.cells[sc]) && (!shown[c] || !(number(row.cells[sc]) >= 0))) {
                fail("%s: row %zu column %zu: SD %g", t.id.c_str(), i, c, number(row.cells[sc]));
            }
            check_letters(x, t, row.mark(mc), c, testable);
        }
        // One hidden mean in a banner would follow from Total's.
        for (std::size_t k = 0; k < x.banners.size(); ++k) {
            const auto from = hidden.begin() + static_cast<long>(x.first[k]);
            const auto count =
                std::count(from, from + static_cast<long>(x.banners[k].categories.size()), true);
            if (count == 1 && !hidden[0]) {
                fail("%s: row %zu: banner %s hides one mean alone", t.id.c_str(), i,
                     x.banners[k].name.c_str());
            }
        }
    }
}

inline void check_tests(const Table& t) {
    const std::size_t p = t.column_index("p"), stat = t.column_index("statistic"),
                      test = t.column_index("test");
    if (p == std::string::npos || stat == std::string::npos || test == std::string::npos) {
        fail("%s: a tests table without p, statistic or test", t.id.c_str());
    }
    for (const table::Row& row : t.rows) {
        const std::string name = std::holds_alternative<std::string>(row.cells.at(test))
                                     ? std::get<std::string>(row.cells[test])
                                     : "";
        if (is_number(row.cells.at(p)) &&
            !(number(row.cells[p]) >= 0 && number(row.cells[p]) <= 1)) {
            fail("%s: %s: p = %g", t.id.c_str(), name.c_str(), number(row.cells[p]));
        }
        if (is_number(row.cells.at(stat))) {
            const double s = number(row.cells[stat]);
            const bool v = name == "Cramer's V";
            if (!(s >= -1e-9) || (v && !(s <= 1 + 1e-9))) {
                fail("%s: %s = %g", t.id.c_str(), name.c_str(), s);
            }
        }
    }
}

inline void check_tables(Context& x, const std::vector<Table>& tables) {
    std::vector<int> seen(x.questions.size(), 0);
    std::vector<int> block_seen(x.blocks.size(), 0);
    for (const Table& t : tables) {
        if (t.id.size() > 6 && t.id.ends_with(".tests")) {
            check_tests(t);
            continue;
        }
        const std::string kind = t.columns.empty() ? "" : t.columns[0].name;
        if (kind == "answer") {
            std::size_t found = x.blocks.size();
            for (std::size_t i = 0; i < x.blocks.size(); ++i) {
                if (x.blocks[i].id == t.id && !shown_as_means(x, x.blocks[i])) {
                    found = i;
                }
            }
            if (found == x.blocks.size() || block_seen[found]++ > 0) {
                fail("%s: an unexpected distribution table", t.id.c_str());
            }
            check_distribution(x, t, x.blocks[found]);
        } else if (kind == "item") {
            std::vector<const Block*> blocks;
            std::size_t q = x.questions.size();
            for (std::size_t i = 0; i < x.questions.size(); ++i) {
                if ("crosstab." + x.questions[i].name == t.id) {
                    q = i;
                }
            }
            for (const Block& b : x.blocks) {
                if (b.question == q && shown_as_means(x, b)) {
                    blocks.push_back(&b);
                }
            }
            if (blocks.empty() || seen[q]++ > 0) {
                fail("%s: an unexpected means table", t.id.c_str());
            }
            check_means(x, t, blocks);
        } else {
            fail("%s: a table of unknown kind \"%s\"", t.id.c_str(), kind.c_str());
        }
    }
    for (std::size_t i = 0; i < x.blocks.size(); ++i) {
        const Block& b = x.blocks[i];
        if (shown_as_means(x, b) ? seen[b.question] != 1 : block_seen[i] != 1) {
            fail("%s: no table", b.id.c_str());
        }
    }
}


} // namespace careerstat::fuzz::banner
