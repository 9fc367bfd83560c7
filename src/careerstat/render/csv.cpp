// The CSV and TSV renderers: data only, one header row of stable column names per table,
// safe to open in a spreadsheet.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"

#include <algorithm>

namespace careerstat::render::detail {

namespace {

// Spreadsheets run a text that starts like this as a formula (OWASP, "CSV Injection").
bool looks_like_formula(std::string_view text) {
    return !text.empty() &&
           std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

// RFC 4180: quote a field holding the delimiter, a quote or a line break; double quotes.
std::string quoted_if_needed(const std::string& text, char delimiter) {
    if (text.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

std::string field(const table::Cell& cell, char delimiter, bool tsv, bool decimal_comma) {
    if (const auto* number = std::get_if<double>(&cell)) {
        // Numbers stay numbers: "-1.5" is a value, never a formula.
        return format_machine(*number, decimal_comma);
    }
    const auto* text_cell = std::get_if<std::string>(&cell);
    if (text_cell == nullptr) {
        return {};
    }
    std::string text = *text_cell;
    if (tsv) {
        // TSV has no quoting, so a field cannot hold its separators.
        std::replace_if(
            text.begin(), text.end(), [](char c) { return c == '\t' || c == '\r' || c == '\n'; },
            ' ');
    }
    if (looks_like_formula(text)) {
        text.insert(0, 1, '\'');
    }
    return tsv ? text : quoted_if_needed(text, delimiter);
}

void write_record(const std::vector<std::string>& fields, char delimiter, std::ostream& out) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out << delimiter;
        }
        out << fields[i];
    }
    out << '\n';
}

// --long: one tidy record per cell of every table (docs/output.md). A row is known by its
// table id, its number, its kind and its key cells (the "variable" column, the first code
// or option column, the first label column people see); every other cell that holds
// something is one record, with its column's stable name, its value and its mark.
void render_long(const Tables& tables, std::ostream& out, const RenderOptions& options,
                 bool tsv, char delimiter) {
    write_record({"table", "row", "row_kind", "variable", "code", "label", "column", "value",
                  "mark"},
                 delimiter, out);
    std::vector<std::string> fields;
    for (const table::Table& table : tables) {
        const std::size_t none = table.columns.size();
        std::size_t variable = none;
        std::size_t code = none;
        std::size_t label = none;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const table::Column& col = table.columns[c];
            if (col.name == "variable" && variable == none) {
                variable = c;
            } else if (code == none && (col.type == table::ColumnType::Code ||
                                        col.name == "code" || col.name == "option")) {
                code = c;
            } else if (label == none && col.type == table::ColumnType::Text && !col.machine_only) {
                label = c;
            }
        }
        auto key = [&](const table::Row& row, std::size_t c) {
            return c < row.cells.size() ? field(row.cells[c], delimiter, tsv, options.decimal_comma)
                                        : std::string();
        };
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const table::Row& row = table.rows[r];
            for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
                if (c == variable || c == code || c == label || table::is_empty(row.cells[c])) {
                    continue;
                }
                fields = {field(table::Cell{table.id}, delimiter, tsv, false),
                          std::to_string(r + 1),
                          std::string(table::kind_name(row.kind)),
                          key(row, variable),
                          key(row, code),
                          key(row, label),
                          field(table::Cell{table.columns[c].name}, delimiter, tsv, false),
                          field(row.cells[c], delimiter, tsv, options.decimal_comma),
                          field(table::Cell{row.mark(c)}, delimiter, tsv, false)};
                write_record(fields, delimiter, out);
            }
        }
    }
}

} // namespace

void render_delimited(const Tables& tables, std::ostream& out, const RenderOptions& options,
                      bool tsv) {
    // With a decimal comma, ';' separates fields, as Excel expects in Dutch locales.
    const char delimiter = tsv ? '\t' : (options.decimal_comma ? ';' : ',');
    if (options.long_form) {
        render_long(tables, out, options, tsv, delimiter);
        return;
    }
    bool first_table = true;
    for (const table::Table& table : tables) {
        if (table.columns.empty()) {
            continue;
        }
        if (!first_table) {
            out << '\n';
        }
        first_table = false;
        // A column that carries marks in some row (significance letters, suppression) is
        // followed by a column "<name>.mark" holding them, so the numbers stay numbers.
        std::vector<bool> marked(table.columns.size(), false);
        for (const table::Row& row : table.rows) {
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                marked[c] = marked[c] || !row.mark(c).empty();
            }
        }
        std::vector<std::string> fields;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            fields.push_back(field(table.columns[c].name, delimiter, tsv, false));
            if (marked[c]) {
                fields.push_back(field(table.columns[c].name + ".mark", delimiter, tsv, false));
            }
        }
        // The row's kind last, so that totals and blanks are known without reading a
        // (translated) label, and the columns before it keep their places.
        fields.emplace_back("row_kind");
        write_record(fields, delimiter, out);
        for (const table::Row& row : table.rows) {
            fields.clear();
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const table::Cell& cell = c < row.cells.size() ? row.cells[c] : table::Cell{};
                fields.push_back(field(cell, delimiter, tsv, options.decimal_comma));
                if (marked[c]) {
                    fields.push_back(field(table::Cell{row.mark(c)}, delimiter, tsv, false));
                }
            }
            fields.emplace_back(table::kind_name(row.kind));
            write_record(fields, delimiter, out);
        }
    }
}

} // namespace careerstat::render::detail
