// The one table model every command builds and every renderer prints (STYLE.md 4).
// Cells keep numbers, not strings; renderers decide presentation.
#pragma once

#include <array>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace careerstat::table {

// How a column's numbers are shown. Percent columns hold 0-100.
enum class ColumnType {
    Text,    // labels, variable names
    Code,    // a raw answer code, shown as is (text or number)
    Count,   // n; may be fractional when weighted
    Percent, // 0-100
    Number,  // means, SDs, medians
    PValue,  // 0-1
};

struct Column {
    std::string name;  // stable machine name: "n", "valid_pct", ...
    std::string label; // header shown to people, in the report's language
    ColumnType type = ColumnType::Text;
    int decimals = -1; // -1: the renderer's default for the type
    // Shown only in machine formats (csv, tsv, json), e.g. the variable name repeated on
    // every row; text, Markdown and HTML leave it out.
    bool machine_only = false;
    // Banner tables: the column group (a banner variable; empty for labels and the total),
    // the category within it, and the letter its significance marks use (SPSS's A, B, C).
    std::string group{};
    std::string category{};
    std::string letter{};
};

// The header of a banner column for one-line headers: "Noord (A) %".
std::string composed_label(const Column& column);

// An empty cell, a number or a text.
using Cell = std::variant<std::monostate, double, std::string>;

enum class RowKind {
    Data,    // an ordinary row
    Missing, // a missing-value row (don't know, blank)
    Total,   // a total or base row
};

// "data", "missing", "total": the JSON row kind and the HTML row class.
std::string_view kind_name(RowKind kind);

struct Row {
    std::vector<Cell> cells; // one per column
    RowKind kind = RowKind::Data;
    // Per cell, empty or one per column: significance letters ("B", "Bc"), "*" on a small
    // base, or the suppression symbol on a value left out. Human formats show a mark after
    // the value; JSON and CSV give it in a field of its own.
    std::vector<std::string> marks{};
    const std::string& mark(std::size_t column) const;
    // Per cell, empty or one per column: a confidence interval {low, high} in the cell's
    // units (NaN when none). HTML charts draw it as a whisker; JSON gives it as a field.
    std::vector<std::array<double, 2>> intervals{};
    std::optional<std::array<double, 2>> interval(std::size_t column) const;
    // A cell's number (NaN when it holds none) or text ("" when it holds none), for code
    // that reads tables back: side-by-side differences, automatic findings.
    double number(std::size_t column) const;
    std::string text(std::size_t column) const;
};

// What chart an HTML renderer draws for a table.
// Quadrant: a driver analysis's importance x performance scatter (x: chart_value_column,
// y: chart_y_column, both 0-100) above bars of the x values with their intervals.
// Trend: a line per label (chart_label_column) across the waves (chart_x_column) of the
// values of chart_value_column, with each row's interval of that column as a band.
enum class Chart { None, Bars, Diverging, Quadrant, Trend };

struct Table {
    std::string id;    // stable id, e.g. "freq.initiative"
    std::string title; // e.g. the question's label
    std::string subtitle;
    // The report section the table belongs to ("Drempels"); renderers print a heading
    // where it changes. Empty outside reports.
    std::string section;
    std::vector<Column> columns;
    std::vector<Row> rows;
    std::vector<std::string> footnotes;
    Chart chart = Chart::None;
    // For Bars: the label column and the percent column to draw. For Diverging: the label
    // column and the first of the percent columns, one per answer code in order.
    std::optional<std::size_t> chart_label_column;
    std::optional<std::size_t> chart_value_column;
    std::size_t chart_value_count = 1;
    std::optional<std::size_t> chart_y_column; // Quadrant: the vertical axis
    std::optional<std::size_t> chart_x_column; // Trend: the waves
    // Where the chart_value_count percent columns are: 0 = consecutive from
    // chart_value_column (a single series for Bars, the answer codes for Diverging);
    // otherwise chart_value_stride columns apart. For Bars a stride gives grouped bars, one
    // series per column, named by the column's label (side-by-side populations). A
    // presentation hint: machine formats do not show it.
    std::size_t chart_value_stride = 0;
    // The n behind a chart, which the chart states: per series the base of its percentages
    // (chart_bases, one per series), or per row the Count column holding each row's n
    // (chart_n_column). Presentation hints, as the others.
    std::vector<double> chart_bases;
    std::optional<std::size_t> chart_n_column;
    // Rows stacked by population (side by side): the column naming each row's population,
    // which a chart of the rows must name too.
    std::optional<std::size_t> chart_group_column;
    // Diverging: the value columns run from the highest answer to the lowest (NPS:
    // promoters, passives, detractors), so the chart reads them backwards.
    bool chart_reversed = false;

    std::size_t column_index(const std::string& name) const; // npos if absent
    void add_row(std::vector<Cell> cells, RowKind kind = RowKind::Data);
};

// Makes every table id of a run unique, so that JSON consumers can address each table and
// `-o DIR/` never writes one file over another: a repeated id gets ".2", ".3", ... in the
// order the tables come, which depends only on the codebook and study (never on labels or
// the language).
void make_ids_unique(std::vector<Table>& tables);

inline bool is_empty(const Cell& c) { return std::holds_alternative<std::monostate>(c); }

// A key finding: its sentence and the numbers the sentence states, which JSON gives next
// to it (docs/output.md, "findings"). NaN: the finding has no such number.
struct Finding {
    std::string text;
    std::string kind;  // "response", "share", "difference", "change", "driver"
    std::string unit;  // of value, compared_to and the interval: "percent", "points", "mean", "r"
    double value = std::numeric_limits<double>::quiet_NaN();
    double compared_to = std::numeric_limits<double>::quiet_NaN(); // difference: the other group's
    double n = std::numeric_limits<double>::quiet_NaN();    // respondents behind the value
    double base = std::numeric_limits<double>::quiet_NaN(); // the base of a share
    double ci_low = std::numeric_limits<double>::quiet_NaN();
    double ci_high = std::numeric_limits<double>::quiet_NaN();
    double p = std::numeric_limits<double>::quiet_NaN();       // a test's p-value
    double p_below = std::numeric_limits<double>::quiet_NaN(); // or the level it is below
};

// The sentences of `findings`, for the formats that show only those.
std::vector<std::string> finding_texts(const std::vector<Finding>& findings);

} // namespace careerstat::table
