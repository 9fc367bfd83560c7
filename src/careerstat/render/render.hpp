// The render layer's front door: pick an output format and print tables in it.
#pragma once

#include "careerstat/i18n.hpp"
#include "careerstat/table/table.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::render {

enum class Format { Text, Csv, Tsv, Markdown, Json, Html, Xlsx };

// "text", "txt", "csv", "tsv", "md", "markdown", "json", "html", "xlsx" (ASCII case
// ignored): the names of render.cpp's one list of formats.
std::optional<Format> parse_format(std::string_view name);
// "text, csv, tsv, md, json, html, xlsx": for messages and --help.
std::string format_names();
// A format whose bytes are not text (xlsx: a zip container).
bool is_binary(Format format);

// By the file's extension: .txt .csv .tsv .md .json .html .htm .xlsx (case ignored).
std::optional<Format> format_from_path(std::string_view path);

struct RenderOptions {
    Format format = Format::Text;
    // --locale nl: decimal comma in text, Markdown, HTML and CSV/TSV, and ';' between CSV
    // fields so the comma can mean a decimal. JSON always uses a decimal point.
    bool decimal_comma = false;
    // A UTF-8 byte order mark first, so Excel reads CSV as UTF-8. Never written for JSON,
    // which RFC 8259 forbids to start with one.
    bool bom = false;
    // ANSI colour in text output; the CLI decides (a terminal, and NO_COLOR unset).
    bool color = false;
    // Text: a table wider than this many columns is printed in panels that repeat its
    // label columns (0: no limit). The CLI sets COLUMNS, the terminal's width, or 100.
    std::size_t width = 0;
    Lang lang = Lang::En;
    // CSV and TSV: one tidy record per statistic (--long) instead of the tables' own shape.
    bool long_form = false;
    std::string document_title;
    // Shown first in text, Markdown and HTML; the "key_findings" array in JSON.
    std::vector<std::string> key_findings;
    // The same findings with their numbers (kind, value, n, base, interval, p): JSON's
    // "findings" array. Empty, or one per key finding.
    std::vector<table::Finding> findings;
};

// Writes every table to `out` in options.format. Writes nothing else anywhere.
void render(const std::vector<table::Table>& tables, std::ostream& out,
            const RenderOptions& options);

// A JSON string literal (RFC 8259) of `text`, quotes included; invalid UTF-8 becomes
// U+FFFD. For commands that write JSON of their own (peek).
std::string json_string(std::string_view text);

std::string render_to_string(const std::vector<table::Table>& tables, const RenderOptions& options);

} // namespace careerstat::render
