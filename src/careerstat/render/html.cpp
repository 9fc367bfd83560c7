// The HTML renderer: one self-contained HTML5 page (inline CSS and SVG, no scripts, no
// external resources) that reads well on a phone and prints cleanly.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

#include <algorithm>

namespace careerstat::render::detail {

namespace {

// System fonts only: the page must work offline and load nothing.
constexpr std::string_view k_style = R"css(
body{margin:0;padding:1rem;line-height:1.45;color:#1a1a1a;background:#fff;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:72rem;margin:0 auto}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.45rem;line-height:1.25;margin:2.75rem 0 .75rem;padding-bottom:.3rem;
border-bottom:2px solid #2166ac}
h3,.result>h2{font-size:1.1rem;line-height:1.3;margin:1.75rem 0 .25rem;padding:0;border:0}
.subtitle{margin:0 0 .75rem;color:#555}
.table-wrap{overflow-x:auto;margin:.5rem 0}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.95rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #888;vertical-align:bottom;font-size:.9rem;line-height:1.25}
th[scope=row]{font-weight:normal}
.long{min-width:13rem;max-width:28rem}
.num{text-align:right;padding-left:.35rem;padding-right:.35rem}
td.num{white-space:nowrap}
.sig{font-weight:600;color:#1a5fb4;font-size:.8em}
th[scope=colgroup]{text-align:center}
tr.missing{color:#666;font-style:italic}
tr.total th,tr.total td{font-weight:600;border-top:2px solid #888}
.footnotes{margin:.25rem 0;padding-left:1.2rem;font-size:.9rem;color:#555}
.chart{display:block;width:100%;max-width:31.25rem;height:auto;margin:.5rem 0}
.chart text{fill:#1a1a1a}
.chart .axis{stroke:#ccc;stroke-width:1}
.chart .zero{stroke:#555;stroke-width:1}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:.5rem 0 0;padding:0;
font-size:.9rem}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.35em;vertical-align:-.1em;
border-radius:2px}
@media (max-width:40rem){
h1{font-size:1.5rem}
h2{font-size:1.3rem}
.long{min-width:9rem}
th[scope=row],table:has(th[scope=row]) thead th:first-child{position:sticky;left:0;
background:#fff;box-shadow:inset -1px 0 #e3e3e3}
}
@media print{
body{padding:0;font-size:10pt}
main{max-width:none}
.table-wrap{overflow:visible}
th{position:static}
section{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";


// A text column with a cell longer than this many characters (a question, an answer) gets
// class "long": room enough not to squeeze into a narrow strip, and a cap on its width.
constexpr std::size_t k_long_text = 32;

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

void write_table(const table::Table& table, std::ostream& out, const RenderOptions& options) {
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
    out << "<div class=\"table-wrap\">\n<table>\n<thead>\n";
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

void write_section(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    out << "<section class=\"result\" data-table-id=\"" << html_escape(table.id) << "\">\n";
    if (!table.title.empty()) {
        // Inside a report section the table is one level below the section's heading.
        const char* h = table.section.empty() ? "h2" : "h3";
        out << "<" << h << ">" << html_escape(table.title) << "</" << h << ">\n";
    }
    if (!table.subtitle.empty()) {
        out << "<p class=\"subtitle\">" << html_escape(table.subtitle) << "</p>\n";
    }
    write_chart(table, out, options);
    if (!table.columns.empty()) {
        write_table(table, out, options);
    }
    if (!table.footnotes.empty()) {
        out << "<ul class=\"footnotes\">\n";
        for (const std::string& footnote : table.footnotes) {
            out << "<li>" << html_escape(footnote) << "</li>\n";
        }
        out << "</ul>\n";
    }
    out << "</section>\n";
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : utf8::repair(text)) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void render_html(const Tables& tables, std::ostream& out, const RenderOptions& options) {
    const std::string title = options.document_title.empty()
                                  ? std::string(phrase(options.lang, Phrase::Report))
                                  : options.document_title;
    out << "<!DOCTYPE html>\n"
        << "<html lang=\"" << (options.lang == Lang::Nl ? "nl" : "en") << "\">\n"
        << "<head>\n"
        << "<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << html_escape(title) << "</title>\n"
        << "<style>" << k_style << "</style>\n"
        << "</head>\n"
        << "<body>\n"
        << "<main>\n";
    if (!options.document_title.empty()) {
        out << "<h1>" << html_escape(options.document_title) << "</h1>\n";
    }
    if (!options.key_findings.empty()) {
        out << "<section class=\"key-findings\">\n<h2>"
            << html_escape(phrase(options.lang, Phrase::KeyFindings)) << "</h2>\n<ul>\n";
        for (const std::string& finding : options.key_findings) {
            out << "<li>" << html_escape(finding) << "</li>\n";
        }
        out << "</ul>\n</section>\n";
    }
    const std::string* section = nullptr;
    for (const table::Table& table : tables) {
        if (!table.section.empty() && (section == nullptr || *section != table.section)) {
            out << "<h2 class=\"part\">" << html_escape(table.section) << "</h2>\n";
        }
        section = &table.section;
        write_section(table, out, options);
    }
    out << "</main>\n</body>\n</html>\n";
}

} // namespace careerstat::render::detail
