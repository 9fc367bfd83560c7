// The Markdown renderer: GitHub-flavoured pipe tables with headings, for reports and
// README files.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

namespace careerstat::render::detail {

namespace {

// One line of inline text. Backslashes are escaped too, or "a\|b" in the data would end
// a table cell after its backslash was read as escaping the pipe. A "<" that could open an
// HTML tag (before a letter, "/", "!" or "?") is escaped too, so that an answer or a label
// never becomes HTML in a Markdown viewer ("\<script>" is text); "<0.001" stays as it is.
std::string inline_text(std::string_view text, std::string_view also_escape = {}) {
    std::string out;
    const std::string printable = utf8::printable(text);
    for (std::size_t i = 0; i < printable.size(); ++i) {
        const char c = printable[i];
        const char next = i + 1 < printable.size() ? printable[i + 1] : '\0';
        const bool tag = c == '<' && (std::isalpha(static_cast<unsigned char>(next)) ||
                                      next == '/' || next == '!' || next == '?');
        if (c == '\\' || c == '|' || tag || also_escape.find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string table_row(const std::vector<std::string>& cells) {
    std::string line = "|";
    for (const std::string& cell : cells) {
        line += ' ';
        line += cell;
        line += " |";
    }
    return line;
}

// The paragraphs of one table (heading, subtitle, table, notes), each ending in '\n'.
std::vector<std::string> table_parts(const table::Table& table, const RenderOptions& options) {
    std::vector<std::string> parts;
    if (!table.title.empty()) {
        // Inside a report section the table is one level below the section's heading.
        parts.push_back((table.section.empty() ? "## " : "### ") + inline_text(table.title) +
                        "\n");
    }
    if (!table.subtitle.empty()) {
        parts.push_back("*" + inline_text(table.subtitle, "*_") + "*\n");
    }
    if (!table.columns.empty()) {
        std::vector<std::string> header;
        std::vector<std::string> alignment;
        for (const table::Column& column : table.columns) {
            header.push_back(inline_text(table::composed_label(column)));
            alignment.push_back(is_numeric_column(column.type) ? "---:" : "---");
        }
        std::string lines = table_row(header) + "\n" + table_row(alignment) + "\n";
        for (const table::Row& row : table.rows) {
            std::vector<std::string> cells;
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                cells.push_back(inline_text(
                    display_marked(row, c, table.columns[c], options.decimal_comma)));
            }
            lines += table_row(cells) + "\n";
        }
        parts.push_back(std::move(lines));
    }
    if (!table.footnotes.empty()) {
        std::string list;
        for (const std::string& footnote : table.footnotes) {
            list += "- " + inline_text(footnote) + "\n";
        }
        parts.push_back(std::move(list));
    }
    return parts;
}

} // namespace

void render_markdown(const Tables& tables, std::ostream& out, const RenderOptions& options) {
    // Paragraphs are separated by one blank line; each ends in a newline.
    std::vector<std::string> parts;
    if (!options.document_title.empty()) {
        parts.push_back("# " + inline_text(options.document_title) + "\n");
    }
    if (!options.key_findings.empty()) {
        parts.push_back("## " + std::string(phrase(options.lang, Phrase::KeyFindings)) + "\n");
        std::string list;
        for (const std::string& finding : options.key_findings) {
            list += "- " + inline_text(finding) + "\n";
        }
        parts.push_back(std::move(list));
    }
    const std::string* section = nullptr;
    for (const table::Table& table : tables) {
        if (!table.section.empty() && (section == nullptr || *section != table.section)) {
            parts.push_back("## " + inline_text(table.section) + "\n");
        }
        section = &table.section;
        for (std::string& part : table_parts(table, options)) {
            parts.push_back(std::move(part));
        }
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out << '\n';
        }
        out << parts[i];
    }
}

} // namespace careerstat::render::detail
