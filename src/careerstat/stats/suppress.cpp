// Cell suppression for tables of counts with margins: primary suppression of small counts,
// then secondary suppression until no suppressed value follows from the published ones, even
// to a reader who knows that every suppressed value is at least 1.
//
// The table and its margins are one (rows + 1) x (columns + 1) grid: grid row `rows` holds the
// column totals, grid column `columns` the row totals, and the corner the grand total. With
// the margins' signs flipped, every grid row and every grid column sums to zero, so the
// constraints are the incidence matrix of the complete bipartite graph whose nodes are the
// grid's rows and columns and whose edges are its cells. A suppressed value is determined by
// the equations exactly when its edge lies on no cycle of suppressed edges. To a reader who
// also knows that every suppressed value is >= 1, it is pinned down when every such cycle,
// walked either way, takes some value below 1 (docs/comparisons.md).
#include "careerstat/stats/suppress.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

namespace careerstat::stats {
namespace {

// Sums of whole numbers stay exact in a double up to 2^53.
constexpr double k_max_count = 9007199254740992.0;

struct Grid {
    std::size_t rows = 0;      // interior rows
    std::size_t columns = 0;   // interior columns
    std::vector<double> value; // (rows + 1) x (columns + 1), row-major

    std::size_t width() const { return columns + 1; }
    std::size_t size() const { return (rows + 1) * (columns + 1); }
    bool is_margin(std::size_t index) const {
        return index / width() == rows || index % width() == columns;
    }
};

void check_shape(const std::vector<std::vector<double>>& interior) {
    if (interior.empty() || interior.front().empty()) {
        throw std::invalid_argument("suppression: the table is empty");
    }
    for (const auto& row : interior) {
        if (row.size() != interior.front().size()) {
            throw std::invalid_argument("suppression: rows of different lengths");
        }
    }
}

Grid make_grid(const std::vector<std::vector<double>>& interior) {
    check_shape(interior);
    Grid g;
    g.rows = interior.size();
    g.columns = interior.front().size();
    g.value.assign(g.size(), 0.0);
    const std::size_t w = g.width();
    for (std::size_t r = 0; r < g.rows; ++r) {
        for (std::size_t c = 0; c < g.columns; ++c) {
            const double count = interior[r][c];
            if (!std::isfinite(count) || count < 0 || std::floor(count) != count) {
                throw std::invalid_argument(
                    "suppression: counts must be non-negative whole numbers");
            }
            g.value[r * w + c] = count;
            g.value[r * w + g.columns] += count;
            g.value[g.rows * w + c] += count;
            g.value[g.rows * w + g.columns] += count;
        }
    }
    if (g.value[g.size() - 1] > k_max_count) {
        throw std::invalid_argument("suppression: the grand total is above 2^53");
    }
    return g;
}

std::vector<bool> grid_flags(const Grid& g, const Suppression& s) {
    const bool shaped = s.cell.size() == g.rows && s.row_total.size() == g.rows &&
                        s.column_total.size() == g.columns;
    if (!shaped) {
        throw std::invalid_argument("suppression: the pattern does not match the table");
    }
    std::vector<bool> flags(g.size(), false);
    const std::size_t w = g.width();
    for (std::size_t r = 0; r < g.rows; ++r) {
        if (s.cell[r].size() != g.columns) {
            throw std::invalid_argument("suppression: the pattern does not match the table");
        }
        for (std::size_t c = 0; c < g.columns; ++c) {
            flags[r * w + c] = s.cell[r][c];
        }
        flags[r * w + g.columns] = s.row_total[r];
    }
    for (std::size_t c = 0; c < g.columns; ++c) {
        flags[g.rows * w + c] = s.column_total[c];
    }
    flags[g.size() - 1] = s.grand_total;
    return flags;
}

Suppression from_grid_flags(const Grid& g, const std::vector<bool>& flags) {
    Suppression s;
    const std::size_t w = g.width();
    s.cell.assign(g.rows, std::vector<bool>(g.columns, false));
    s.row_total.assign(g.rows, false);
    s.column_total.assign(g.columns, false);
    for (std::size_t r = 0; r < g.rows; ++r) {
        for (std::size_t c = 0; c < g.columns; ++c) {
            s.cell[r][c] = flags[r * w + c];
        }
        s.row_total[r] = flags[r * w + g.columns];
    }
    for (std::size_t c = 0; c < g.columns; ++c) {
        s.column_total[c] = flags[g.rows * w + c];
    }
    s.grand_total = flags[g.size() - 1];
    return s;
}

// Gauss-Jordan elimination of the constraints restricted to the suppressed cells, in exact
// integers rather than Eigen's floating-point kernel: "is this kernel entry zero?" is the
// whole question, and a tolerance would have to answer it. The matrix is totally unimodular,
// and pivoting keeps it so (Schrijver, Theory of Linear and Integer Programming, 1986,
// ch. 19), so every entry stays in {-1, 0, 1}; a pivot is +-1 and no division is needed.
std::vector<bool> determined_flags(const Grid& g, const std::vector<bool>& suppressed) {
    std::vector<std::size_t> unknowns; // grid index of each suppressed cell
    for (std::size_t i = 0; i < suppressed.size(); ++i) {
        if (suppressed[i]) {
            unknowns.push_back(i);
        }
    }
    const std::size_t n = unknowns.size();
    const std::size_t equations = (g.rows + 1) + g.width();
    // One equation per grid row and per grid column. Flipping the sign of a margin (a
    // variable) or of an equation changes neither which values are determined nor total
    // unimodularity, so each unknown has +1 in its grid row's and its grid column's equation.
    std::vector<std::vector<int>> m(equations, std::vector<int>(n, 0));
    for (std::size_t v = 0; v < n; ++v) {
        m[unknowns[v] / g.width()][v] = 1;
        m[g.rows + 1 + unknowns[v] % g.width()][v] = 1;
    }

    std::vector<std::size_t> pivot_row(n, equations); // `equations` = free unknown
    std::size_t next = 0;
    for (std::size_t v = 0; v < n && next < equations; ++v) {
        std::size_t p = next;
        while (p < equations && m[p][v] == 0) {
            ++p;
        }
        if (p == equations) {
            continue;
        }
        std::swap(m[p], m[next]);
        if (m[next][v] < 0) {
            for (int& entry : m[next]) {
                entry = -entry;
            }
        }
        for (std::size_t i = 0; i < equations; ++i) {
            const int factor = m[i][v];
            if (i == next || factor == 0) {
                continue;
            }
            for (std::size_t u = 0; u < n; ++u) {
                m[i][u] -= factor * m[next][u];
                if (std::abs(m[i][u]) > 1) {
                    throw std::logic_error("suppression: constraint matrix not unimodular");
                }
            }
        }
        pivot_row[v] = next;
        ++next;
    }

    // In reduced row echelon form an unknown is determined when it is a pivot and its row
    // involves no free unknown: then that row alone gives its value.
    std::vector<bool> determined(g.size(), false);
    for (std::size_t v = 0; v < n; ++v) {
        if (pivot_row[v] == equations) {
            continue;
        }
        std::size_t nonzero = 0;
        for (const int entry : m[pivot_row[v]]) {
            nonzero += entry != 0 ? 1 : 0;
        }
        determined[unknowns[v]] = nonzero == 1;
    }
    return determined;
}

// A reader knows more than the equations: zeros are published, so every suppressed value is
// at least 1, and nothing bounds one from above. A value can then be something else exactly
// when it lies on a cycle of suppressed cells along which adding +1 and -1 in turn leaves
// every value >= 1, that is, every cell the step lowers is >= 2. If another table fits, the
// difference of the two is an integer circulation on the suppressed cells; orient each cell
// the way it moves, and flow decomposition (Ahuja, Magnanti and Orlin, Network Flows, 1993,
// section 3.5) splits it into unit steps along cycles, each moving every cell the same way as
// the whole difference and no further, so the step through the cell is feasible on its own.
// That makes the check a search for a directed cycle, exact and without a linear program:
// walking the bipartite graph crosses a cell from its grid row to its grid column or back,
// and which way raises the value depends on its sign in the equations.
//
// Nodes are the grid rows, then the grid columns.
std::size_t row_node(const Grid& g, std::size_t cell) { return cell / g.width(); }
std::size_t column_node(const Grid& g, std::size_t cell) {
    return g.rows + 1 + cell % g.width();
}

// Whether crossing `cell` from its grid row to its grid column raises its value: the interior
// and the grand total (sign +1 in both equations) rise, a row or column total (-1) falls.
bool row_to_column_raises(const Grid& g, std::size_t cell) {
    const bool last_row = cell / g.width() == g.rows;
    const bool last_column = cell % g.width() == g.columns;
    return last_row == last_column;
}

// Whether a step may cross `cell` leaving `from`: the cell is non-zero and stays >= 1.
bool may_cross(const Grid& g, std::size_t cell, std::size_t from) {
    const bool raises = (from == row_node(g, cell)) == row_to_column_raises(g, cell);
    return g.value[cell] >= 1 && (raises || g.value[cell] >= 2);
}

// Cost of suppressing more cells: total count, then margins, then cells.
using Cost = std::tuple<double, std::size_t, std::size_t>;

struct Path {
    Cost cost;
    std::vector<std::size_t> cells;
};

// The cheapest walk from node `source` to node `target` that avoids `exposed`, crossing
// suppressed cells for nothing and other non-zero cells for their cost (Dijkstra; with
// `only_suppressed`, other cells are closed and it is a plain reachability search). Returns
// no path when `target` cannot be reached.
std::optional<Path> cheapest_walk(const Grid& g, const std::vector<bool>& suppressed,
                                  std::size_t exposed, std::size_t source, std::size_t target,
                                  bool only_suppressed) {
    const std::size_t w = g.width();
    const std::size_t nodes = (g.rows + 1) + w;
    const Cost unreached{std::numeric_limits<double>::infinity(), 0, 0};
    std::vector<Cost> best(nodes, unreached);
    std::vector<std::size_t> via(nodes, g.size()); // cell used to reach each node
    std::vector<bool> done(nodes, false);
    best[source] = Cost{0.0, 0, 0};

    // Dense Dijkstra: the graph is complete bipartite and small. Ties go to the lower node,
    // and only a strictly cheaper path replaces a known one, so the result is deterministic.
    for (std::size_t step = 0; step < nodes; ++step) {
        std::size_t at = nodes;
        for (std::size_t node = 0; node < nodes; ++node) {
            if (!done[node] && (at == nodes || best[node] < best[at])) {
                at = node;
            }
        }
        if (at == nodes || best[at] == unreached || at == target) {
            break;
        }
        done[at] = true;
        const bool is_row = at <= g.rows;
        const std::size_t others = is_row ? w : g.rows + 1;
        for (std::size_t k = 0; k < others; ++k) {
            const std::size_t cell = is_row ? at * w + k : k * w + (at - g.rows - 1);
            const std::size_t next = is_row ? g.rows + 1 + k : k;
            if (cell == exposed || done[next] || (only_suppressed && !suppressed[cell]) ||
                !may_cross(g, cell, at)) {
                continue;
            }
            Cost cost = best[at];
            if (!suppressed[cell]) {
                std::get<0>(cost) += g.value[cell];
                std::get<1>(cost) += g.is_margin(cell) ? 1 : 0;
                std::get<2>(cost) += 1;
            }
            if (cost < best[next]) {
                best[next] = cost;
                via[next] = cell;
            }
        }
    }
    if (best[target] == unreached) {
        return std::nullopt;
    }
    Path path{best[target], {}};
    for (std::size_t node = target; node != source;) {
        const std::size_t cell = via[node];
        path.cells.push_back(cell);
        node = node == row_node(g, cell) ? column_node(g, cell) : row_node(g, cell);
    }
    return path;
}

// The cheapest cycle through `exposed`: cross it one way (raising it always works; lowering
// it only from 2 up), then walk back to where the crossing started. Returns no path when
// neither way closes.
std::optional<Path> cheapest_cycle(const Grid& g, const std::vector<bool>& suppressed,
                                   std::size_t exposed, bool only_suppressed) {
    std::optional<Path> best;
    const std::size_t ends[2] = {row_node(g, exposed), column_node(g, exposed)};
    for (const bool raise : {true, false}) {
        // The crossing that moves `exposed` the way `raise` says leaves ends[from].
        const std::size_t from = raise == row_to_column_raises(g, exposed) ? 0 : 1;
        if (!may_cross(g, exposed, ends[from])) {
            continue;
        }
        std::optional<Path> path =
            cheapest_walk(g, suppressed, exposed, ends[1 - from], ends[from], only_suppressed);
        if (path && (!best || path->cost < best->cost)) {
            best = std::move(path);
        }
    }
    return best;
}

// Whether suppressed value `i` takes only one value to a reader who knows all are >= 1.
bool is_pinned(const Grid& g, const std::vector<bool>& suppressed, std::size_t i) {
    return suppressed[i] && !cheapest_cycle(g, suppressed, i, true);
}

// Suppresses the cells of the cheapest cycle that frees `exposed`; returns how many it added.
// It only ever adds non-zero counts of at least k > 1, so whole numbers >= 2, which a cycle
// may cross either way. A cycle always exists: raising a non-zero cell, its row total, its
// column total and the grand total together keeps every equation (for a margin, take a
// non-zero interior cell it sums; for the grand total, any one), and nothing there is lowered.
std::size_t protect(const Grid& g, std::vector<bool>& suppressed, std::size_t exposed) {
    const std::optional<Path> path = cheapest_cycle(g, suppressed, exposed, false);
    if (!path) {
        throw std::logic_error("suppression: no cycle protects a suppressed cell");
    }
    std::size_t added = 0;
    for (const std::size_t cell : path->cells) {
        if (!suppressed[cell]) {
            suppressed[cell] = true;
            ++added;
        }
    }
    return added;
}

} // namespace

Suppression suppress_small_cells(const std::vector<std::vector<double>>& interior, double k,
                                 const Suppression* also) {
    if (std::isnan(k)) {
        throw std::invalid_argument("suppression: k is not a number");
    }
    const Grid g = make_grid(interior);
    std::vector<bool> suppressed(g.size(), false);
    std::size_t primary = 0;
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (g.value[i] >= 1 && g.value[i] < k) {
            suppressed[i] = true;
            ++primary;
        }
    }
    // Cells another table hides (a margin two tables share): suppressed from the start, and
    // protected like primary ones. Zeros stay published, so the reader's bound holds.
    std::size_t forced = 0;
    if (also != nullptr) {
        const std::vector<bool> flags = grid_flags(g, *also);
        for (std::size_t i = 0; i < g.size(); ++i) {
            if (flags[i] && !suppressed[i] && g.value[i] >= 1) {
                suppressed[i] = true;
                ++forced;
            }
        }
    }

    // Each round protects the first pinned cell (interior row by row, then the margins' order
    // in the grid). One search both checks and repairs, rather than first closing linear
    // cycles and then auditing them under the bounds: every cycle it adds already works under
    // the bounds, so none is added only to be outdone. A protected cell and the cells added
    // with it lie on a cycle that can be walked, and adding cells only opens more ways to
    // walk, so no round pins a cell again and the rounds are at most the primary cells.
    std::size_t secondary = 0;
    std::vector<bool> freed(g.size(), false); // known not pinned, so for good
    for (std::size_t round = 0; round <= primary + forced; ++round) {
        std::size_t exposed = g.size();
        for (std::size_t i = 0; i < g.size() && exposed == g.size(); ++i) {
            if (suppressed[i] && !freed[i]) {
                if (is_pinned(g, suppressed, i)) {
                    exposed = i;
                } else {
                    freed[i] = true;
                }
            }
        }
        if (exposed == g.size()) {
            Suppression s = from_grid_flags(g, suppressed);
            s.primary = primary;
            s.secondary = secondary + forced;
            return s;
        }
        secondary += protect(g, suppressed, exposed);
        if (is_pinned(g, suppressed, exposed)) {
            throw std::logic_error("suppression: a protected cell is still pinned");
        }
    }
    throw std::logic_error("suppression: secondary suppression did not converge");
}

Suppression determined_cells(const std::vector<std::vector<double>>& interior,
                             const Suppression& s) {
    check_shape(interior);
    Grid g;
    g.rows = interior.size();
    g.columns = interior.front().size();
    return from_grid_flags(g, determined_flags(g, grid_flags(g, s)));
}

Suppression pinned_cells(const std::vector<std::vector<double>>& interior, const Suppression& s) {
    const Grid g = make_grid(interior);
    const std::vector<bool> suppressed = grid_flags(g, s);
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (suppressed[i] && g.value[i] == 0) {
            throw std::invalid_argument("suppression: a zero is suppressed");
        }
    }
    std::vector<bool> pinned(g.size(), false);
    for (std::size_t i = 0; i < g.size(); ++i) {
        pinned[i] = is_pinned(g, suppressed, i);
    }
    return from_grid_flags(g, pinned);
}

} // namespace careerstat::stats
