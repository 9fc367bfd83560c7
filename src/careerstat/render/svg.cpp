// Inline SVG charts for the HTML renderer: horizontal bars for a frequency table and a
// diverging stacked bar for a Likert battery. Drawn on a fixed 480-wide viewBox that the
// page scales to the screen.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace careerstat::render::detail {

namespace {

constexpr double k_width = 480;
constexpr double k_label_right = 150; // labels end here, right-aligned
constexpr double k_plot_left = 158;
constexpr double k_row_height = 24;
constexpr double k_bar_height = 16;
constexpr double k_top = 8;
constexpr double k_axis_height = 20;      // tick labels under the plot
constexpr std::size_t k_label_cells = 22; // what fits left of the plot at 12px
constexpr std::string_view k_bar_colour = "#2166ac";

// SVG numbers always take a decimal point, whatever the report's locale.
std::string coord(double value) {
    return fmt::format("{}", std::round(value * 10) / 10);
}

struct ChartRow {
    std::string label;
    const table::Row* row;
};

// The rows a chart draws: Data rows only, as missing and total rows are not answers.
std::vector<ChartRow> chart_rows(const table::Table& table, const RenderOptions& options) {
    std::size_t label_column = table.chart_label_column.value_or(0);
    if (label_column >= table.columns.size()) {
        label_column = 0;
    }
    std::vector<ChartRow> rows;
    for (const table::Row& row : table.rows) {
        if (row.kind != table::RowKind::Data) {
            continue;
        }
        const table::Cell& cell =
            label_column < row.cells.size() ? row.cells[label_column] : table::Cell{};
        rows.push_back({utf8::printable(
                            display_cell(cell, table.columns[label_column], options.decimal_comma)),
                        &row});
    }
    return rows;
}

double value_at(const table::Row& row, std::size_t column) {
    const auto* value =
        column < row.cells.size() ? std::get_if<double>(&row.cells[column]) : nullptr;
    return value != nullptr && std::isfinite(*value) ? *value : 0.0;
}

// A value as the table shows it, with "%" for percent columns.
std::string value_text(const table::Row& row, const table::Column& column, std::size_t index,
                       const RenderOptions& options) {
    const table::Cell& cell = index < row.cells.size() ? row.cells[index] : table::Cell{};
    std::string text = display_cell(cell, column, options.decimal_comma);
    if (!text.empty() && column.type == table::ColumnType::Percent) {
        text += '%';
    }
    return text;
}

void open_svg(std::ostream& out, std::string_view kind, double height, Phrase name,
              const table::Table& table, const RenderOptions& options) {
    const std::string& title = table.title.empty() ? table.id : table.title;
    out << "<svg class=\"chart " << kind << "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        << coord(k_width) << ' ' << coord(height)
        << "\" font-size=\"12\" role=\"img\" aria-label=\""
        << html_escape(std::string(phrase(options.lang, name)) + ": " + title) << "\">\n";
}

void write_row_label(std::ostream& out, const std::string& label, double middle) {
    out << "<text x=\"" << coord(k_label_right) << "\" y=\"" << coord(middle)
        << "\" dy=\"0.35em\" text-anchor=\"end\">"
        << html_escape(utf8::truncate(label, k_label_cells)) << "</text>";
}

// A vertical grid line with its tick label under the plot.
void write_tick(std::ostream& out, double x, double plot_bottom, std::string_view label,
                bool zero) {
    out << "<line class=\"" << (zero ? "zero" : "axis") << "\" x1=\"" << coord(x) << "\" y1=\""
        << coord(k_top) << "\" x2=\"" << coord(x) << "\" y2=\"" << coord(plot_bottom)
        << "\"/><text x=\"" << coord(x) << "\" y=\"" << coord(plot_bottom + 14)
        << "\" text-anchor=\"middle\">" << label << "</text>\n";
}

void write_bars(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    constexpr double plot_width = 260; // leaves room for "100.0%" after a full bar
    const std::size_t value_column = *table.chart_value_column;
    const table::Column& column = table.columns[value_column];
    const std::vector<ChartRow> rows = chart_rows(table, options);
    const double plot_bottom = k_top + k_row_height * static_cast<double>(rows.size());
    open_svg(out, "chart-bars", plot_bottom + k_axis_height, Phrase::BarChart, table, options);
    for (int tick = 0; tick <= 100; tick += 25) {
        write_tick(out, k_plot_left + plot_width * tick / 100.0, plot_bottom,
                   fmt::format("{}%", tick), tick == 0);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = k_top + k_row_height * static_cast<double>(i);
        const double middle = y + k_row_height / 2;
        const double length =
            plot_width * std::clamp(value_at(*rows[i].row, value_column), 0.0, 100.0) / 100.0;
        const std::string shown = value_text(*rows[i].row, column, value_column, options);
        out << "<g><title>" << html_escape(rows[i].label + ": " + shown) << "</title>";
        write_row_label(out, rows[i].label, middle);
        out << "<rect x=\"" << coord(k_plot_left) << "\" y=\"" << coord(middle - k_bar_height / 2)
            << "\" width=\"" << coord(length) << "\" height=\"" << coord(k_bar_height)
            << "\" fill=\"" << k_bar_colour << "\"/>"
            << "<text x=\"" << coord(k_plot_left + length + 4) << "\" y=\"" << coord(middle)
            << "\" dy=\"0.35em\">" << html_escape(shown) << "</text></g>\n";
    }
    out << "</svg>\n";
}

struct Rgb {
    double r, g, b;
};

Rgb mix(Rgb from, Rgb to, double t) {
    return {from.r + (to.r - from.r) * t, from.g + (to.g - from.g) * t,
            from.b + (to.b - from.b) * t};
}

std::string hex(Rgb c) {
    return fmt::format("#{:02x}{:02x}{:02x}", static_cast<int>(std::lround(c.r)),
                       static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
}

// Red for the low codes, grey for a middle one, blue for the high codes, darkest at the
// ends (after ColorBrewer RdBu, which stays readable for red-green colour blindness).
std::vector<Rgb> diverging_palette(std::size_t count) {
    const Rgb dark_red{178, 24, 43}, light_red{244, 165, 130};
    const Rgb light_blue{146, 197, 222}, dark_blue{33, 102, 172};
    const std::size_t side = count / 2;
    auto step = [side](std::size_t i) {
        return side == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(side - 1);
    };
    std::vector<Rgb> colours;
    for (std::size_t i = 0; i < side; ++i) {
        colours.push_back(mix(dark_red, light_red, step(i)));
    }
    if (count % 2 == 1) {
        colours.push_back({186, 186, 186});
    }
    for (std::size_t i = 0; i < side; ++i) {
        colours.push_back(mix(light_blue, dark_blue, step(i)));
    }
    return colours;
}

bool is_dark(Rgb c) {
    return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140;
}

// How far a row reaches left of the centre: the low categories and half of an odd middle.
double left_extent(const table::Row& row, std::size_t first, std::size_t count) {
    double extent = 0;
    for (std::size_t k = 0; k < count / 2; ++k) {
        extent += std::max(0.0, value_at(row, first + k));
    }
    if (count % 2 == 1) {
        extent += std::max(0.0, value_at(row, first + count / 2)) / 2;
    }
    return extent;
}

void write_legend(const table::Table& table, std::ostream& out, const std::vector<Rgb>& colours) {
    const std::size_t first = *table.chart_value_column;
    out << "<ul class=\"legend\">\n";
    for (std::size_t k = 0; k < colours.size(); ++k) {
        out << "<li><span class=\"swatch\" style=\"background:" << hex(colours[k]) << "\"></span>"
            << html_escape(table.columns[first + k].label) << "</li>\n";
    }
    out << "</ul>\n";
}

void write_diverging(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    constexpr double plot_width = 306;
    const std::size_t first = *table.chart_value_column;
    const std::size_t count = table.chart_value_count;
    const std::vector<Rgb> colours = diverging_palette(count);
    const std::vector<ChartRow> rows = chart_rows(table, options);
    // One symmetric scale for all rows, in steps of 50 points, so rows compare.
    double reach = 0;
    for (const ChartRow& row : rows) {
        double total = 0;
        for (std::size_t k = 0; k < count; ++k) {
            total += std::max(0.0, value_at(*row.row, first + k));
        }
        const double left = left_extent(*row.row, first, count);
        reach = std::max({reach, left, total - left});
    }
    const double half = std::max(50.0, std::ceil(reach / 50.0) * 50.0);
    const double centre = k_plot_left + plot_width / 2;
    const double scale = plot_width / 2 / half;
    const double plot_bottom = k_top + k_row_height * static_cast<double>(rows.size());

    write_legend(table, out, colours);
    open_svg(out, "chart-diverging", plot_bottom + k_axis_height, Phrase::DivergingChart, table,
             options);
    for (int step = -2; step <= 2; ++step) {
        const double at = half * step / 2;
        write_tick(out, centre + at * scale, plot_bottom, fmt::format("{}%", std::abs(at)),
                   step == 0);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const table::Row& row = *rows[i].row;
        const double middle = k_top + k_row_height * static_cast<double>(i) + k_row_height / 2;
        std::string summary = rows[i].label + ":";
        for (std::size_t k = 0; k < count; ++k) {
            summary += (k == 0 ? " " : ", ") + table.columns[first + k].label + " " +
                       value_text(row, table.columns[first + k], first + k, options);
        }
        out << "<g><title>" << html_escape(summary) << "</title>";
        write_row_label(out, rows[i].label, middle);
        double x = centre - left_extent(row, first, count) * scale;
        for (std::size_t k = 0; k < count; ++k) {
            const double value = std::max(0.0, value_at(row, first + k));
            const double width = value * scale;
            out << "<rect x=\"" << coord(x) << "\" y=\"" << coord(middle - k_bar_height / 2)
                << "\" width=\"" << coord(width) << "\" height=\"" << coord(k_bar_height)
                << "\" fill=\"" << hex(colours[k]) << "\"/>";
            // Only where the number fits inside its segment.
            if (width >= 22) {
                out << "<text x=\"" << coord(x + width / 2) << "\" y=\"" << coord(middle)
                    << "\" dy=\"0.35em\" text-anchor=\"middle\" style=\"fill:"
                    << (is_dark(colours[k]) ? "#fff" : "#1a1a1a") << "\">"
                    << fmt::format("{:.0f}", value) << "</text>";
            }
            x += width;
        }
        out << "</g>\n";
    }
    out << "</svg>\n";
}

} // namespace

void write_chart(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    if (!table.chart_value_column || table.columns.empty()) {
        return;
    }
    const std::size_t first = *table.chart_value_column;
    if (table.chart == table::Chart::Bars && first < table.columns.size()) {
        write_bars(table, out, options);
    } else if (table.chart == table::Chart::Diverging && table.chart_value_count > 0 &&
               first + table.chart_value_count <= table.columns.size()) {
        write_diverging(table, out, options);
    }
}

} // namespace careerstat::render::detail
