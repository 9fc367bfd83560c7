// Pearson chi-square test of independence / homogeneity on an r x c table of counts.
#include "careerstat/stats/tests.hpp"

#include <boost/math/distributions/chi_squared.hpp>

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
        }
    }
    result.df = static_cast<double>((kept_rows.size() - 1) * (kept_columns.size() - 1));
    // The upper tail through complement() keeps tiny p-values accurate instead of 1 - cdf.
    const boost::math::chi_squared_distribution<double> null_distribution(result.df);
    result.p_value = boost::math::cdf(boost::math::complement(null_distribution, result.statistic));
    return result;
}

} // namespace careerstat::stats
