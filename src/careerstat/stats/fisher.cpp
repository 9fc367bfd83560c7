// Fisher's exact test for r x c tables: full enumeration of the tables with the observed
// margins, or Patefield's (1981) random tables when there are too many to enumerate.
#include "careerstat/stats/fisher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>

namespace careerstat::stats {

namespace {

using Count = std::int64_t;

// Counts are converted to integers; this keeps them and their sums exact in a double.
constexpr double k_max_total = 9007199254740992.0; // 2^53
// How far from a whole number a count may be (sums of weights carry rounding).
constexpr double k_whole_tolerance = 1e-7;
// R's fisher.test: a table is "no more likely" than the observed one when its probability
// is at most 1 + 1e-7 times the observed probability.
const double k_log_rel_err = std::log1p(1e-7);
// R's fisher.test(simulate.p.value = TRUE): almost.1 <- 1 + 64 * .Machine$double.eps.
constexpr double k_almost_one = 1.0 + 64.0 * std::numeric_limits<double>::epsilon();
// Log-factorials beyond this are computed on demand instead of tabulated.
constexpr Count k_log_factorial_table_max = 1'000'000;

struct IntegerTable {
    std::vector<std::vector<Count>> cells; // non-empty rows and columns only
    std::vector<Count> rows;
    std::vector<Count> columns;
    Count total = 0;
};

IntegerTable to_integer_table(const std::vector<std::vector<double>>& counts) {
    if (counts.empty() || counts.front().empty()) {
        throw std::invalid_argument("Fisher's exact test: the table is empty");
    }
    const std::size_t width = counts.front().size();
    std::vector<std::vector<Count>> whole(counts.size(), std::vector<Count>(width, 0));
    std::vector<Count> row_totals(counts.size(), 0);
    std::vector<Count> column_totals(width, 0);
    double total = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
        if (counts[r].size() != width) {
            throw std::invalid_argument("Fisher's exact test: rows of different lengths");
        }
        for (std::size_t c = 0; c < width; ++c) {
            const double x = counts[r][c];
            const double rounded = std::round(x);
            if (!std::isfinite(x) || rounded < 0 || std::fabs(x - rounded) > k_whole_tolerance) {
                throw std::invalid_argument(fmt::format(
                    "Fisher's exact test: counts must be whole numbers >= 0, got {} in row {}, "
                    "column {}",
                    x, r + 1, c + 1));
            }
            total += rounded;
            if (total > k_max_total) {
                throw std::invalid_argument("Fisher's exact test: the total count is above 2^53");
            }
            whole[r][c] = static_cast<Count>(rounded);
            row_totals[r] += whole[r][c];
            column_totals[c] += whole[r][c];
        }
    }

    // As R's fisher.test: an empty category has no bearing on the margins' tables.
    IntegerTable out;
    std::vector<std::size_t> kept_columns;
    for (std::size_t c = 0; c < width; ++c) {
        if (column_totals[c] > 0) {
            kept_columns.push_back(c);
            out.columns.push_back(column_totals[c]);
        }
    }
    for (std::size_t r = 0; r < counts.size(); ++r) {
        if (row_totals[r] == 0) {
            continue;
        }
        std::vector<Count> row;
        for (const std::size_t c : kept_columns) {
            row.push_back(whole[r][c]);
        }
        out.cells.push_back(std::move(row));
        out.rows.push_back(row_totals[r]);
        out.total += row_totals[r];
    }
    if (out.rows.size() < 2 || out.columns.size() < 2) {
        throw std::invalid_argument(fmt::format(
            "Fisher's exact test: needs at least 2 non-empty rows and 2 non-empty columns, "
            "got {} x {}",
            out.rows.size(), out.columns.size()));
    }
    return out;
}

// log(k!), tabulated up to the table's total (or a cap, for huge totals).
class LogFactorial {
  public:
    explicit LogFactorial(Count n) {
        const Count size = std::min(n, k_log_factorial_table_max) + 1;
        m_table.resize(static_cast<std::size_t>(size));
        for (Count k = 0; k < size; ++k) {
            m_table[static_cast<std::size_t>(k)] = std::lgamma(static_cast<double>(k) + 1.0);
        }
    }
    double operator()(Count k) const {
        if (k < static_cast<Count>(m_table.size())) {
            return m_table[static_cast<std::size_t>(k)];
        }
        return std::lgamma(static_cast<double>(k) + 1.0);
    }

  private:
    std::vector<double> m_table;
};

// -sum log(x_ij!): the part of a table's log-probability that varies with the table.
double table_statistic(const std::vector<std::vector<Count>>& cells, const LogFactorial& lf) {
    double s = 0;
    for (const auto& row : cells) {
        for (const Count x : row) {
            s -= lf(x);
        }
    }
    return s;
}

// Visits every table with the given margins, cell by cell in row order: the last column of
// a row and the whole last row follow from the remaining totals. Stops once more than
// `max_tables` tables have been seen.
class Enumeration {
  public:
    Enumeration(const IntegerTable& t, const LogFactorial& lf, std::size_t max_tables)
        : m_lf(lf), m_max_tables(max_tables), m_row_left(t.rows), m_column_left(t.columns) {
        // log P = sum log R_i! + sum log C_j! - log n! - sum log x_ij!
        m_log_constant = -lf(t.total);
        for (const Count r : t.rows) {
            m_log_constant += lf(r);
        }
        for (const Count c : t.columns) {
            m_log_constant += lf(c);
        }
        m_log_threshold = m_log_constant + table_statistic(t.cells, lf) + k_log_rel_err;
    }

    // False when the table count passed max_tables.
    bool run() {
        visit(0, 0, 0.0);
        return !m_aborted;
    }
    double p_value() const { return std::min(1.0, m_p); }
    std::size_t tables() const { return m_tables; }

  private:
    void visit(std::size_t i, std::size_t j, double statistic) {
        const std::size_t last_row = m_row_left.size() - 1;
        const std::size_t last_column = m_column_left.size() - 1;
        if (i == last_row) {
            for (const Count x : m_column_left) {
                statistic -= m_lf(x);
            }
            leaf(statistic);
            return;
        }
        Count& row_left = m_row_left[i];
        if (j == last_column) {
            // The bounds below guarantee the rest of the row fits this column.
            const Count x = row_left;
            m_column_left[j] -= x;
            row_left = 0;
            visit(i + 1, 0, statistic - m_lf(x));
            row_left = x;
            m_column_left[j] += x;
            return;
        }
        Count room_after = 0; // what the columns right of j can still take
        for (std::size_t k = j + 1; k <= last_column; ++k) {
            room_after += m_column_left[k];
        }
        const Count low = std::max<Count>(0, row_left - room_after);
        const Count high = std::min(row_left, m_column_left[j]);
        for (Count x = low; x <= high && !m_aborted; ++x) {
            row_left -= x;
            m_column_left[j] -= x;
            visit(i, j + 1, statistic - m_lf(x));
            m_column_left[j] += x;
            row_left += x;
        }
    }

    void leaf(double statistic) {
        if (++m_tables > m_max_tables) {
            m_aborted = true;
            return;
        }
        const double log_p = m_log_constant + statistic;
        if (log_p <= m_log_threshold) {
            m_p += std::exp(log_p);
        }
    }

    const LogFactorial& m_lf;
    std::size_t m_max_tables;
    std::vector<Count> m_row_left;
    std::vector<Count> m_column_left;
    double m_log_constant = 0;
    double m_log_threshold = 0;
    double m_p = 0;
    std::size_t m_tables = 0;
    bool m_aborted = false;
};

// A uniform double in [0, 1) from the top 53 bits, so the stream of draws is the same on
// every standard library (std::uniform_real_distribution is not).
double uniform(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Patefield (1981), AS 159: one entry given its row's remaining total `row`, its column's
// remaining total `column` and the total `rest` of the sub-table not yet filled. The entry
// is hypergeometric; the search starts at its rounded mean and alternately steps up and
// down, adding probabilities until they pass a uniform draw, as R's rcont2 does.
Count patefield_entry(Count row, Count column, Count rest, const LogFactorial& lf,
                      std::mt19937_64& rng) {
    if (row == 0 || column == 0) {
        return 0;
    }
    const Count other_rows = rest - row;       // the sub-table below this row
    const Count other_columns = rest - column; // the sub-table right of this column
    const Count spare = other_rows - column;   // x + spare >= 0 is the lower bound
    const Count low = std::max<Count>(0, -spare);
    const Count high = std::min(row, column);
    const double mean =
        static_cast<double>(row) * static_cast<double>(column) / static_cast<double>(rest);
    const Count start = std::clamp(static_cast<Count>(mean + 0.5), low, high);
    const double start_p =
        std::exp(lf(row) + lf(other_rows) + lf(other_columns) + lf(column) - lf(rest) - lf(start) -
                 lf(column - start) - lf(row - start) - lf(spare + start));
    double u = uniform(rng);
    for (;;) {
        double sum = start_p;
        if (sum >= u) {
            return start;
        }
        Count up = start;
        Count down = start;
        double p_up = start_p;
        double p_down = start_p;
        while (up < high || down > low) {
            if (up < high) {
                p_up *= static_cast<double>(column - up) * static_cast<double>(row - up) /
                        (static_cast<double>(up + 1) * static_cast<double>(spare + up + 1));
                ++up;
                sum += p_up;
                if (sum >= u) {
                    return up;
                }
            }
            if (down > low) {
                p_down *=
                    static_cast<double>(down) * static_cast<double>(spare + down) /
                    (static_cast<double>(column - down + 1) * static_cast<double>(row - down + 1));
                --down;
                sum += p_down;
                if (sum >= u) {
                    return down;
                }
            }
        }
        // Rounding left the probabilities summing to less than u: draw again within them.
        u = sum * uniform(rng);
    }
}

// One random table with the margins of t, into `cells` (same shape as t.cells).
void patefield_table(const IntegerTable& t, const LogFactorial& lf, std::mt19937_64& rng,
                     std::vector<Count>& column_left, std::vector<std::vector<Count>>& cells) {
    const std::size_t last_row = t.rows.size() - 1;
    const std::size_t last_column = t.columns.size() - 1;
    column_left = t.columns;
    Count rows_left = t.total; // total of rows i.. (the sub-table still to fill)
    for (std::size_t i = 0; i < last_row; ++i) {
        Count row_left = t.rows[i];
        Count rest = rows_left;
        for (std::size_t j = 0; j < last_column; ++j) {
            const Count x = patefield_entry(row_left, column_left[j], rest, lf, rng);
            cells[i][j] = x;
            rest -= column_left[j];
            row_left -= x;
            column_left[j] -= x;
        }
        cells[i][last_column] = row_left;
        column_left[last_column] -= row_left;
        rows_left -= t.rows[i];
    }
    for (std::size_t j = 0; j <= last_column; ++j) {
        cells[last_row][j] = column_left[j];
    }
}

} // namespace

FisherTest fisher_exact_test(const std::vector<std::vector<double>>& counts, std::size_t replicates,
                             std::uint64_t seed, std::size_t max_tables) {
    if (replicates == 0) {
        throw std::invalid_argument("Fisher's exact test: replicates must be at least 1");
    }
    const IntegerTable t = to_integer_table(counts);
    const LogFactorial lf(t.total);

    FisherTest out;
    if (max_tables > 0) {
        Enumeration enumeration(t, lf, max_tables);
        if (enumeration.run()) {
            out.p_value = enumeration.p_value();
            out.tables = enumeration.tables();
            return out;
        }
    }

    // As R: STATISTIC <- -sum(lfactorial(x)); tables with tmp <= STATISTIC / almost.1 count.
    // The statistic is <= 0, so dividing by almost.1 lets equally likely tables whose sums
    // round differently count as no more likely.
    const double observed = table_statistic(t.cells, lf) / k_almost_one;
    std::mt19937_64 rng(seed);
    std::vector<Count> column_left;
    std::vector<std::vector<Count>> cells = t.cells;
    std::size_t as_extreme = 0;
    for (std::size_t b = 0; b < replicates; ++b) {
        patefield_table(t, lf, rng, column_left, cells);
        if (table_statistic(cells, lf) <= observed) {
            ++as_extreme;
        }
    }
    out.exact = false;
    out.replicates = replicates;
    out.seed = seed;
    out.p_value = (1.0 + static_cast<double>(as_extreme)) / (static_cast<double>(replicates) + 1.0);
    return out;
}

} // namespace careerstat::stats
