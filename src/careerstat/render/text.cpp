// The plain-text renderer: aligned columns for a terminal or a .txt file, with optional
// ANSI colour and Unicode bars.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace careerstat::render::detail {

namespace {

using table::RowKind;

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";
constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::string_view k_gap = "  ";
constexpr int k_bar_cells = 20;

// U+2588 full block, then U+258F..U+2589: one to seven eighths of a cell.
constexpr std::string_view k_full_block = "\u2588";
constexpr std::array<std::string_view, 7> k_partial_blocks = {
    "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"};

std::string styled(std::string_view text, std::string_view style, bool color) {
    if (!color || text.empty()) {
        return std::string(text);
    }
    std::string out(style);
    out += text;
    out += k_reset;
    return out;
}

// A bar of 20 cells for 0-100, in eighths of a cell so 2.5 points still differ.
std::string bar(double percent) {
    if (std::isnan(percent)) {
        return {};
    }
    const double clamped = std::clamp(percent, 0.0, 100.0);
    const long eighths = std::lround(clamped / 100.0 * k_bar_cells * 8);
    std::string out;
    for (long i = 0; i < eighths / 8; ++i) {
        out += k_full_block;
    }
    if (eighths % 8 > 0) {
        out += k_partial_blocks[static_cast<std::size_t>(eighths % 8 - 1)];
    }
    return out;
}

struct TextColumn {
    std::string header;
    bool right = false;
    std::vector<std::string> cells; // one per row
    std::size_t width = 0;
    std::string group;    // banner tables: the column group and the category (with its
    std::string category; // letter), printed over the columns they span
};

// How many columns from `c` share its group (and, unless `groups`, its category).
std::size_t span_of(const std::vector<TextColumn>& columns, std::size_t c, bool groups) {
    std::size_t n = 1;
    while (c + n < columns.size() && columns[c + n].group == columns[c].group &&
           (groups || columns[c + n].category == columns[c].category) &&
           !(columns[c].group.empty() && columns[c].category.empty())) {
        ++n;
    }
    return n;
}

bool has_bars(const table::Table& table) {
    // Banner tables (lettered columns) draw their bars in HTML only: in text a bar after
    // the total would crowd the columns that are compared.
    const bool banner = std::any_of(table.columns.begin(), table.columns.end(),
                                    [](const table::Column& c) { return !c.letter.empty(); });
    return table.chart == table::Chart::Bars && table.chart_value_column &&
           *table.chart_value_column < table.columns.size() && !banner;
}

std::vector<TextColumn> lay_out(const table::Table& table, const RenderOptions& options) {
    std::vector<TextColumn> columns;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const table::Column& column = table.columns[c];
        TextColumn text_column{
            utf8::printable(column.label), is_numeric_column(column.type), {}, 0, {}, {}};
        text_column.group = utf8::printable(column.group);
        text_column.category = utf8::printable(
            column.letter.empty() ? column.category : column.category + " (" + column.letter + ")");
        // Marks (significance letters) after the value, padded so the values stay aligned.
        std::size_t mark_width = 0;
        for (const table::Row& row : table.rows) {
            mark_width = std::max(mark_width, utf8::display_width(row.mark(c)));
        }
        for (const table::Row& row : table.rows) {
            const table::Cell& cell = c < row.cells.size() ? row.cells[c] : table::Cell{};
            std::string text = utf8::printable(display_cell(cell, column, options.decimal_comma));
            std::string mark = utf8::printable(row.mark(c));
            if (text.empty() && !mark.empty() && text_column.right) {
                text = std::move(mark); // a value left out: its symbol where the number goes
                mark.clear();
            }
            if (mark_width > 0) {
                text += " " + mark + std::string(mark_width - utf8::display_width(mark), ' ');
            }
            text_column.cells.push_back(std::move(text));
        }
        if (mark_width > 0 && text_column.right) {
            // The header sits over the numbers, not over the marks after them.
            text_column.header += std::string(mark_width + 1, ' ');
        }
        columns.push_back(std::move(text_column));
        if (has_bars(table) && c == *table.chart_value_column) {
            TextColumn bars;
            for (const table::Row& row : table.rows) {
                const auto* value =
                    c < row.cells.size() ? std::get_if<double>(&row.cells[c]) : nullptr;
                // A full bar on the Total row would only repeat "100".
                const bool drawn = value != nullptr && row.kind != RowKind::Total;
                bars.cells.push_back(drawn ? bar(*value) : std::string());
            }
            bars.group = columns.back().group;
            bars.category = columns.back().category;
            columns.push_back(std::move(bars));
        }
    }
    for (TextColumn& column : columns) {
        column.width = utf8::display_width(column.header);
        for (const std::string& cell : column.cells) {
            column.width = std::max(column.width, utf8::display_width(cell));
        }
    }
    // A group or category wider than the columns it spans widens them evenly, unless it is
    // the last text on its line, which may run on past its columns.
    for (const bool groups : {true, false}) {
        for (std::size_t c = 0; c < columns.size();) {
            const std::size_t n = span_of(columns, c, groups);
            const std::string& text = groups ? columns[c].group : columns[c].category;
            bool last = true;
            for (std::size_t k = c + n; k < columns.size(); ++k) {
                last = last && (groups ? columns[k].group : columns[k].category).empty();
            }
            std::size_t width = k_gap.size() * (n - 1);
            for (std::size_t k = c; k < c + n; ++k) {
                width += columns[k].width;
            }
            const std::size_t need = utf8::display_width(text);
            if (need > width && !last) {
                for (std::size_t k = 0; k < need - width; ++k) {
                    columns[c + k % n].width += 1;
                }
            }
            c += n;
        }
    }
    return columns;
}

// The header line of groups (or categories) over the columns each spans; empty when the
// table has none.
std::string span_line(const std::vector<TextColumn>& columns, bool groups) {
    std::string line;
    bool any = false;
    for (std::size_t c = 0; c < columns.size();) {
        const std::size_t n = span_of(columns, c, groups);
        const std::string& text = groups ? columns[c].group : columns[c].category;
        any = any || !text.empty();
        std::size_t width = k_gap.size() * (n - 1);
        for (std::size_t k = c; k < c + n; ++k) {
            width += columns[k].width;
        }
        if (c > 0) {
            line += k_gap;
        }
        // Categories sit over numbers, so right-aligned; groups start where they start.
        const std::size_t text_width = utf8::display_width(text);
        const std::string fill(width > text_width ? width - text_width : 0, ' ');
        line += (!groups && columns[c].right) ? fill + text : text + fill;
        c += n;
    }
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
    return any ? line : std::string();
}

// One line of the table: the headers when `row` is empty. No trailing blanks.
std::string line_of(const std::vector<TextColumn>& columns, std::optional<std::size_t> row) {
    std::string line;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const TextColumn& column = columns[c];
        const std::string& text = row ? column.cells[*row] : column.header;
        const std::size_t width = utf8::display_width(text);
        const std::string fill(column.width > width ? column.width - width : 0, ' ');
        if (c > 0) {
            line += k_gap;
        }
        line += column.right ? fill + text : text + fill;
    }
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
    return line;
}

// The columns of a table in panels no wider than `width` (0: one panel): the label
// columns before the first group or category start every panel, and a category's columns
// stay together, so a wide banner table is cut into readable pieces, never wrapped.
std::vector<std::vector<TextColumn>> panels(const std::vector<TextColumn>& columns,
                                            std::size_t width) {
    // The label columns: before the first group or category, or in a table without any,
    // the text columns it starts with.
    const bool grouped = std::any_of(columns.begin(), columns.end(), [](const TextColumn& c) {
        return !c.group.empty() || !c.category.empty();
    });
    std::size_t lead = 0;
    while (lead < columns.size() &&
           (grouped ? columns[lead].group.empty() && columns[lead].category.empty()
                    : !columns[lead].right)) {
        ++lead;
    }
    auto width_of = [](const std::vector<TextColumn>& cs) {
        std::size_t w = cs.empty() ? 0 : k_gap.size() * (cs.size() - 1);
        for (const TextColumn& c : cs) {
            w += c.width;
        }
        return w;
    };
    if (width == 0 || lead == columns.size() || width_of(columns) <= width) {
        return {columns};
    }
    const std::vector<TextColumn> head(columns.begin(), columns.begin() + static_cast<long>(lead));
    std::vector<std::vector<TextColumn>> out;
    std::vector<TextColumn> panel = head;
    for (std::size_t c = lead; c < columns.size();) {
        const std::size_t n = span_of(columns, c, false);
        std::vector<TextColumn> unit(columns.begin() + static_cast<long>(c),
                                     columns.begin() + static_cast<long>(c + n));
        std::vector<TextColumn> grown = panel;
        grown.insert(grown.end(), unit.begin(), unit.end());
        if (panel.size() > head.size() && width_of(grown) > width) {
            out.push_back(std::move(panel));
            panel = head;
            panel.insert(panel.end(), unit.begin(), unit.end());
        } else {
            panel = std::move(grown);
        }
        c += n;
    }
    out.push_back(std::move(panel));
    return out;
}

void write_table(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    if (!table.title.empty()) {
        out << styled(utf8::printable(table.title), k_bold, options.color) << '\n';
    }
    if (!table.subtitle.empty()) {
        out << utf8::printable(table.subtitle) << '\n';
    }
    if (!table.columns.empty()) {
        const std::vector<std::vector<TextColumn>> parts =
            panels(lay_out(table, options), options.width);
        for (std::size_t p = 0; p < parts.size(); ++p) {
            const std::vector<TextColumn>& columns = parts[p];
            if (p > 0) {
                out << '\n';
            }
            std::size_t total_width = k_gap.size() * (columns.size() - 1);
            for (const TextColumn& column : columns) {
                total_width += column.width;
            }
            const std::string rule(total_width, '-');
            for (const bool groups : {true, false}) {
                const std::string line = span_line(columns, groups);
                if (!line.empty()) {
                    out << styled(line, k_bold, options.color) << '\n';
                }
            }
            out << styled(line_of(columns, std::nullopt), k_bold, options.color) << '\n';
            out << rule << '\n';
            for (std::size_t r = 0; r < table.rows.size(); ++r) {
                const RowKind kind = table.rows[r].kind;
                if (kind == RowKind::Total && r > 0 && table.rows[r - 1].kind != RowKind::Total) {
                    out << rule << '\n';
                }
                const std::string line = line_of(columns, r);
                out << (kind == RowKind::Missing ? styled(line, k_dim, options.color) : line)
                    << '\n';
            }
        }
    }
    const std::string note = std::string(phrase(options.lang, Phrase::Note)) + ": ";
    for (const std::string& footnote : table.footnotes) {
        out << styled(note + utf8::printable(footnote), k_dim, options.color) << '\n';
    }
}

} // namespace

void render_text(const Tables& tables, std::ostream& out, const RenderOptions& options) {
    bool first_block = true;
    // Blocks (title, key findings, each table) are separated by one blank line.
    auto start_block = [&] {
        if (!first_block) {
            out << '\n';
        }
        first_block = false;
    };
    if (!options.document_title.empty()) {
        start_block();
        const std::string title = utf8::printable(options.document_title);
        out << styled(title, k_bold, options.color) << '\n';
        out << std::string(utf8::display_width(title), '=') << '\n';
    }
    if (!options.key_findings.empty()) {
        start_block();
        out << styled(phrase(options.lang, Phrase::KeyFindings), k_bold, options.color) << '\n';
        for (const std::string& finding : options.key_findings) {
            out << "- " << utf8::printable(finding) << '\n';
        }
    }
    const std::string* section = nullptr;
    for (const table::Table& table : tables) {
        if (!table.section.empty() && (section == nullptr || *section != table.section)) {
            start_block();
            const std::string heading = utf8::printable(table.section);
            out << styled(heading, k_bold, options.color) << '\n'
                << std::string(utf8::display_width(heading), '-') << '\n';
        }
        section = &table.section;
        start_block();
        write_table(table, out, options);
    }
}

} // namespace careerstat::render::detail
