// The HTML renderer's tables: a <table> in a sideways-scrolling wrapper with a cue that says
// so, and for paper a copy in column panels when the table would be wider than an A4 page.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/svg_text.hpp"
#include "careerstat/render/utf8.hpp"

#include <algorithm>

namespace careerstat::render::detail {

namespace {

// A text column with a cell longer than this many characters (a question, an answer) gets
// class "long": room enough not to squeeze into a narrow strip, and a cap on its width.
constexpr std::size_t k_long_text = 32;

// Paper, as the print style sets it: A4 (210 mm) less two 12 mm margins at 96 px per inch,
// tables in 8.5 pt (11.3 px), a long text column at most 14rem (224 px).
// The estimates below err by a few percent either way, so a table is given 92% of the page.
constexpr double k_page_width = (210.0 - 2 * 12.0) / 25.4 * 96 * 0.92;
constexpr double k_print_font = 11.4;
constexpr double k_print_long = 224;
constexpr double k_text_padding = 16;   // .5rem each side
constexpr double k_number_padding = 12; // .35rem each side, and a little

// Banner tables: a header row of column groups and one of categories with their letters,
// each spanning its columns.
void write_banner_headers(const table::Table& table, std::ostream& out) {
    const bool banner = std::any_of(table.columns.begin(), table.columns.end(),
                                    [](const table::Column& c) { return !c.category.empty(); });
    if (!banner) {
        return;
    }
    for (const bool groups : {true, false}) {
        out << "<tr>";
        for (std::size_t c = 0; c < table.columns.size();) {
            const table::Column& first = table.columns[c];
            std::size_t n = 1;
            while (c + n < table.columns.size() && table.columns[c + n].group == first.group &&
                   (groups || table.columns[c + n].category == first.category)) {
                ++n;
            }
            std::string text = groups ? first.group : first.category;
            if (!groups && !first.letter.empty()) {
                text += " (" + first.letter + ")";
            }
            out << "<th scope=\"colgroup\" colspan=\"" << n << "\">" << html_escape(text)
                << "</th>";
            c += n;
        }
        out << "</tr>\n";
    }
}

std::vector<bool> long_columns(const table::Table& table, const RenderOptions& options) {
    std::vector<bool> long_text(table.columns.size(), false);
    for (const table::Row& row : table.rows) {
        for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
            const table::Column& column = table.columns[c];
            if (!is_numeric_column(column.type) && !long_text[c]) {
                long_text[c] = utf8::display_width(display_cell(
                                   row.cells[c], column, options.decimal_comma)) > k_long_text;
            }
        }
    }
    return long_text;
}

void write_plain_table(const table::Table& table, std::ostream& out,
                       const RenderOptions& options, std::string_view wrap_class) {
    const std::vector<bool> long_text = long_columns(table, options);
    out << "<div class=\"" << wrap_class << "\" tabindex=\"0\">\n<table>\n<thead>\n";
    write_banner_headers(table, out);
    out << "<tr>";
    for (const table::Column& column : table.columns) {
        out << "<th scope=\"col\"" << (is_numeric_column(column.type) ? " class=\"num\"" : "")
            << ">" << html_escape(column.label) << "</th>";
    }
    out << "</tr>\n</thead>\n<tbody>\n";
    // A text first column names the row, so screen readers announce it with each cell.
    const bool row_headers =
        !table.columns.empty() && table.columns.front().type == table::ColumnType::Text;
    for (const table::Row& row : table.rows) {
        out << "<tr class=\"" << table::kind_name(row.kind) << "\">";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const table::Column& column = table.columns[c];
            const table::Cell& cell = c < row.cells.size() ? row.cells[c] : table::Cell{};
            const std::string text = display_cell(cell, column, options.decimal_comma);
            const std::string& mark = row.mark(c);
            const std::string marked =
                mark.empty() ? html_escape(text)
                             : html_escape(text) + (text.empty() ? "" : " ") +
                                   "<span class=\"sig\">" + html_escape(mark) + "</span>";
            const char* long_class = long_text[c] ? " class=\"long\"" : "";
            if (c == 0 && row_headers) {
                out << "<th scope=\"row\"" << long_class << ">" << html_escape(text) << "</th>";
            } else if (is_numeric_column(column.type)) {
                out << "<td class=\"num\">" << marked << "</td>";
            } else {
                out << "<td" << long_class << ">" << marked << "</td>";
            }
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</div>\n";
}

// The estimated printed width of each column in CSS px: its widest number, or its text up
// to the long-column cap, and never less than its header's longest word (headers wrap).
std::vector<double> print_widths(const table::Table& table, const RenderOptions& options) {
    const std::vector<bool> long_text = long_columns(table, options);
    std::vector<double> widths;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const table::Column& column = table.columns[c];
        const bool number = is_numeric_column(column.type);
        double w = 0;
        std::string_view header = column.label;
        for (std::size_t at = 0; at <= header.size();) {
            const std::size_t end = std::min(header.find(' ', at), header.size());
            w = std::max(w, text_width(header.substr(at, end - at), k_print_font));
            at = end + 1;
        }
        for (const table::Row& row : table.rows) {
            const std::string text = display_marked(row, c, column, options.decimal_comma);
            const double tw = text_width(text, k_print_font);
            w = std::max(w, long_text[c] ? std::min(tw, k_print_long) : tw);
        }
        widths.push_back(w + (number ? k_number_padding : k_text_padding));
    }
    return widths;
}

// The table with only `keep` columns (in order), for one printed panel.
table::Table with_columns(const table::Table& table, const std::vector<std::size_t>& keep) {
    table::Table out;
    for (std::size_t c : keep) {
        out.columns.push_back(table.columns[c]);
    }
    for (const table::Row& row : table.rows) {
        table::Row r;
        r.kind = row.kind;
        for (std::size_t c : keep) {
            r.cells.push_back(c < row.cells.size() ? row.cells[c] : table::Cell{});
            if (!row.marks.empty()) {
                r.marks.push_back(row.mark(c));
            }
        }
        out.rows.push_back(std::move(r));
    }
    return out;
}

// Panels of columns no wider than the page: the label columns (before the first banner
// column, or the leading text columns) start each, a banner category's columns stay
// together. One panel when the table fits.
std::vector<std::vector<std::size_t>> print_panels(const table::Table& table,
                                                   const RenderOptions& options) {
    const std::vector<double> widths = print_widths(table, options);
    double total = 0;
    for (double w : widths) {
        total += w;
    }
    std::vector<std::size_t> all(table.columns.size());
    for (std::size_t c = 0; c < all.size(); ++c) {
        all[c] = c;
    }
    const auto& cols = table.columns;
    const bool grouped = std::any_of(cols.begin(), cols.end(), [](const table::Column& c) {
        return !c.group.empty() || !c.category.empty();
    });
    std::size_t lead = 0;
    while (lead < cols.size() && (grouped ? cols[lead].group.empty() && cols[lead].category.empty()
                                          : !is_numeric_column(cols[lead].type))) {
        ++lead;
    }
    if (total <= k_page_width || lead == cols.size() || lead == 0) {
        return {all};
    }
    double head = 0;
    for (std::size_t c = 0; c < lead; ++c) {
        head += widths[c];
    }
    std::vector<std::vector<std::size_t>> out;
    std::vector<std::size_t> panel(all.begin(), all.begin() + static_cast<long>(lead));
    double width = head;
    for (std::size_t c = lead; c < cols.size();) {
        std::size_t n = 1;
        while (c + n < cols.size() && cols[c + n].group == cols[c].group &&
               cols[c + n].category == cols[c].category && grouped) {
            ++n;
        }
        double unit = 0;
        for (std::size_t k = c; k < c + n; ++k) {
            unit += widths[k];
        }
        if (panel.size() > lead && width + unit > k_page_width) {
            out.push_back(panel);
            panel.assign(all.begin(), all.begin() + static_cast<long>(lead));
            width = head;
        }
        for (std::size_t k = c; k < c + n; ++k) {
            panel.push_back(k);
        }
        width += unit;
        c += n;
    }
    out.push_back(panel);
    return out;
}

} // namespace

void write_html_table(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    // Shown by the page's script when the table is wider than its wrapper.
    out << "<p class=\"scroll-hint\" hidden>"
        << html_escape(tr(options.lang, "More columns: scroll sideways")) << " \u2192</p>\n";
    const auto panels = print_panels(table, options);
    if (panels.size() == 1) {
        write_plain_table(table, out, options, "table-wrap");
        return;
    }
    write_plain_table(table, out, options, "table-wrap screen-only");
    out << "<div class=\"print-panels\">\n";
    for (const auto& keep : panels) {
        write_plain_table(with_columns(table, keep), out, options, "table-wrap panel");
    }
    out << "</div>\n";
}

} // namespace careerstat::render::detail
