// Number formatting shared by the renderers: display text for people, machine text for data.
#pragma once

#include "careerstat/table/table.hpp"

#include <string>

namespace careerstat::render {

// Count, Percent, Number and PValue: right-aligned and formatted by type.
bool is_numeric_column(table::ColumnType type);

// A number as people read it, by column type: Count whole -> "12", else 1 decimal;
// Percent 1 decimal; Number 2; PValue 3, below 0.001 "<0.001"; Text and Code as in
// format_machine. Column::decimals >= 0 fixes the decimals. NaN -> "", infinity -> "∞".
std::string format_display(double value, const table::Column& column, bool decimal_comma);

// A number for CSV, TSV and JSON: rounded to 6 decimals, then the shortest text that reads
// back as the same double (33.333333, 0.3, 40). NaN -> "", infinity -> "inf"/"-inf".
std::string format_machine(double value, bool decimal_comma = false);

// A cell as people read it: "" for empty, a text as is, a number by format_display.
std::string display_cell(const table::Cell& cell, const table::Column& column, bool decimal_comma);

// The cell with its mark after it ("45.0 B"), for text, Markdown and HTML.
std::string display_marked(const table::Row& row, std::size_t column,
                           const table::Column& spec, bool decimal_comma);

} // namespace careerstat::render
