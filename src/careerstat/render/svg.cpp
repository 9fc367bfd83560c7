// Inline SVG charts for the HTML renderer: horizontal bars for a frequency table (grouped
// bars, one per population, for a side-by-side table) and a diverging stacked bar for a
// Likert battery or an NPS. Drawn on a fixed 500-wide viewBox with 17-unit text; the page
// shows it at most 500 px wide (1 unit = 1 px) and scales it down on a phone, where the
// text stays >= 12 px at a 358 px wide chart. Each chart is a complete SVG document (its
// legend, n and colours inside it), so the page can offer it as a file for a slide.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/svg_text.hpp"
#include "careerstat/render/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace careerstat::render::detail {

std::string coord(double value) {
    return fmt::format("{}", std::round(value * 10) / 10);
}

namespace {

// A series of a grouped chart is named by its column group's category (the population),
// else by its label.
std::string series_name(const table::Column& column) {
    return column.category.empty() ? column.label : column.category;
}

constexpr double k_width = 500;
constexpr double k_font_size = k_chart_font_size;
constexpr double k_label_left = 2;    // labels wrap within [k_label_left, k_label_right]
constexpr double k_label_right = 214; // labels end here, right-aligned (about 43%)
constexpr double k_plot_left = 222;
constexpr double k_line_height = 20; // between wrapped label lines
constexpr std::size_t k_label_lines = 3;
constexpr double k_row_padding = 8;    // above and below a row's label or bars, together
constexpr double k_group_padding = 14; // the same for grouped bars, to set groups apart
constexpr double k_bar_height = 18;
constexpr double k_group_bar_height = 17; // one bar of a grouped row
constexpr double k_group_bar_gap = 3;
constexpr double k_top = 4;
constexpr double k_axis_height = 24; // tick labels under the plot
constexpr std::string_view k_bar_colour = "#2166ac";
// Series colours for grouped bars: blue and orange first (apart for every kind of colour
// blindness), then green, purple, red and grey.
constexpr std::array<std::string_view, 6> k_series_colours = {
    "#2166ac", "#e08214", "#1b7837", "#762a83", "#b2182b", "#4d4d4d"};


struct ChartRow {
    std::string label;
    std::vector<std::string> lines; // the label wrapped to the label column
    const table::Row* row;
    double top = 0;    // in viewBox units
    double height = 0; // of the whole row, padding included

    double middle() const { return top + height / 2; }
};

// A row's n (NaN when the table gives none).
double row_n(const table::Table& table, const table::Row& row) {
    return table.chart_n_column ? row.number(*table.chart_n_column)
                                : std::numeric_limits<double>::quiet_NaN();
}

std::string n_text(double n, const RenderOptions& options) {
    return "n = " + display_cell(n, table::Column{"n", "n", table::ColumnType::Count},
                                 options.decimal_comma);
}

// The n a whole chart states under its plot: the one n of every row, or the base of a
// single series. Empty when each row states its own n or there is none to state.
std::string chart_n(const table::Table& table, const RenderOptions& options) {
    if (table.chart_n_column) {
        std::optional<double> same;
        for (const table::Row& row : table.rows) {
            if (row.kind != table::RowKind::Data) {
                continue;
            }
            const double n = row_n(table, row);
            if (!std::isfinite(n) || (same && *same != n)) {
                return {};
            }
            same = n;
        }
        return same ? n_text(*same, options) : std::string{};
    }
    if (table.chart_bases.size() == 1 && std::isfinite(table.chart_bases.front())) {
        return n_text(table.chart_bases.front(), options);
    }
    return {};
}

// How many rows of the chart come from each population (rows stacked side by side).
bool one_row_per_group(const table::Table& table) {
    std::vector<std::string> seen;
    for (const table::Row& row : table.rows) {
        if (row.kind == table::RowKind::Data) {
            const std::string g = row.text(*table.chart_group_column);
            if (std::find(seen.begin(), seen.end(), g) != seen.end()) {
                return false;
            }
            seen.push_back(g);
        }
    }
    return true;
}

// The rows a chart draws: Data rows only, as missing and total rows are not answers. Each
// row is as high as its wrapped label or its bars (`content_height`), whichever is more,
// plus `padding`. A row of a stacked population names it; a row whose n differs from the
// others says its n.
std::vector<ChartRow> chart_rows(const table::Table& table, const RenderOptions& options,
                                 double content_height, double padding, double top) {
    std::size_t label_column = table.chart_label_column.value_or(0);
    if (label_column >= table.columns.size()) {
        label_column = 0;
    }
    const bool groups = table.chart_group_column && *table.chart_group_column < table.columns.size();
    const bool group_only = groups && one_row_per_group(table);
    const bool own_n = table.chart_n_column && chart_n(table, options).empty();
    std::vector<ChartRow> rows;
    for (const table::Row& row : table.rows) {
        if (row.kind != table::RowKind::Data) {
            continue;
        }
        const table::Cell& cell =
            label_column < row.cells.size() ? row.cells[label_column] : table::Cell{};
        ChartRow r;
        r.label = utf8::printable(
            display_cell(cell, table.columns[label_column], options.decimal_comma));
        if (groups) {
            const std::string group = utf8::printable(row.text(*table.chart_group_column));
            r.label = group_only ? group : group + ": " + r.label;
        }
        if (own_n && std::isfinite(row_n(table, row))) {
            r.label += " (" + n_text(row_n(table, row), options) + ")";
        }
        r.lines = wrap(r.label, k_label_right - k_label_left, k_label_lines);
        r.row = &row;
        r.top = top;
        const double lines = static_cast<double>(std::max<std::size_t>(r.lines.size(), 1));
        r.height = std::max(k_line_height * lines, content_height) + padding;
        top += r.height;
        rows.push_back(std::move(r));
    }
    return rows;
}

double plot_bottom_of(const std::vector<ChartRow>& rows, double top) {
    return rows.empty() ? top : rows.back().top + rows.back().height;
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

// The column of the k-th value a chart draws: consecutive without a stride, backwards for
// a reversed diverging chart.
std::size_t value_column(const table::Table& table, std::size_t k) {
    const std::size_t stride = table.chart_value_stride == 0 ? 1 : table.chart_value_stride;
    if (table.chart_reversed && table.chart_value_count > k) {
        k = table.chart_value_count - 1 - k;
    }
    return *table.chart_value_column + k * stride;
}

// A bar's confidence interval: the row's own for the cell, else the table's interval
// columns for it (ci_low and ci_high of a single series, or the two after a series' value).
std::optional<std::array<double, 2>> interval_of(const table::Table& table, const table::Row& row,
                                                 std::size_t column) {
    if (const auto ci = row.interval(column)) {
        return ci;
    }
    // The two columns after the value when they are its interval (a population's, the
    // response rate's); a frequency table's valid % has its interval after the cumulative %.
    std::size_t low = column + 1, high = column + 2;
    const bool adjacent = high < table.columns.size() &&
                          table.columns[low].name.rfind("ci_low", 0) == 0 &&
                          table.columns[high].name.rfind("ci_high", 0) == 0;
    if (!adjacent) {
        if (table.chart_value_stride > 0) {
            return std::nullopt;
        }
        low = table.column_index("ci_low");
        high = table.column_index("ci_high");
    }
    if (low == std::string::npos || high == std::string::npos ||
        table.columns[low].type != table.columns[column].type) {
        return std::nullopt;
    }
    const double lo = row.number(low), hi = row.number(high);
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        return std::nullopt;
    }
    return std::array<double, 2>{lo, hi};
}

// The legend at the top of a chart: a swatch and a name per series or answer, in lines
// that fit the chart's width.
struct Legend {
    struct Item {
        std::string colour;
        std::string text;
        double x = 0;
        double y = 0; // the line's middle
    };
    std::vector<Item> items;
    double height = 0;
};

constexpr double k_swatch = 13;
constexpr double k_legend_line = 24;

Legend lay_out_legend(std::vector<std::pair<std::string, std::string>> entries) {
    Legend legend;
    double x = k_label_left;
    double y = k_top + k_legend_line / 2;
    for (auto& [colour, text] : entries) {
        text = fit(utf8::printable(text), k_width - k_label_left - k_swatch - 8, "");
        const double width = k_swatch + 6 + text_width(text);
        if (x > k_label_left && x + width > k_width - 2) {
            x = k_label_left;
            y += k_legend_line;
        }
        legend.items.push_back({colour, text, x, y});
        x += width + 18;
    }
    legend.height = legend.items.empty() ? 0 : y + k_legend_line / 2;
    return legend;
}

void write_svg_legend(std::ostream& out, const Legend& legend) {
    if (legend.items.empty()) {
        return;
    }
    out << "<g class=\"legend\">";
    for (const Legend::Item& item : legend.items) {
        out << "<rect x=\"" << coord(item.x) << "\" y=\"" << coord(item.y - k_swatch / 2)
            << "\" width=\"" << coord(k_swatch) << "\" height=\"" << coord(k_swatch)
            << "\" rx=\"2\" fill=\"" << item.colour << "\"/><text x=\""
            << coord(item.x + k_swatch + 6) << "\" y=\"" << coord(item.y)
            << "\" dy=\"0.35em\">" << html_escape(item.text) << "</text>";
    }
    out << "</g>\n";
}

// The n under the plot, left-aligned; returns the height it takes.
double n_caption_height(const std::string& text) {
    return text.empty() ? 0 : 22;
}

void write_n_caption(std::ostream& out, const std::string& text, double y) {
    if (!text.empty()) {
        out << "<text class=\"chart-n\" x=\"" << coord(k_label_left) << "\" y=\"" << coord(y + 16)
            << "\" fill=\"#444\">" << html_escape(text) << "</text>\n";
    }
}

// The page's text colour, the font and white behind the chart, inside the SVG, so that it
// looks the same saved as a file as on the page.
void open_svg(std::ostream& out, std::string_view kind, double height, Phrase name,
              const table::Table& table, const RenderOptions& options) {
    const std::string& title = table.title.empty() ? table.id : table.title;
    out << "<svg class=\"chart " << kind << "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        << coord(k_width) << ' ' << coord(height) << "\" font-size=\"" << coord(k_font_size)
        << "\" font-family=\"" << k_chart_font_family << "\" fill=\"#1a1a1a\" role=\"img\" aria-label=\""
        << html_escape(std::string(phrase(options.lang, name)) + ": " + title) << "\">\n"
        << "<rect class=\"backdrop\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
}

// The label right-aligned left of the plot, its lines centred on the row. Each line of a
// wrapped label is a <tspan> with its own baseline (0.35em below the line's middle).
void write_row_label(std::ostream& out, const ChartRow& row) {
    if (row.lines.size() == 1) {
        out << "<text x=\"" << coord(k_label_right) << "\" y=\"" << coord(row.middle())
            << "\" dy=\"0.35em\" text-anchor=\"end\">" << html_escape(row.lines.front())
            << "</text>";
        return;
    }
    const double first =
        row.middle() - k_line_height * static_cast<double>(row.lines.size() - 1) / 2;
    out << "<text text-anchor=\"end\">";
    for (std::size_t i = 0; i < row.lines.size(); ++i) {
        out << "<tspan x=\"" << coord(k_label_right) << "\" y=\""
            << coord(first + k_line_height * static_cast<double>(i) + 0.35 * k_font_size)
            << "\">" << html_escape(row.lines[i]) << "</tspan>";
    }
    out << "</text>";
}

// A vertical grid line with its tick label under the plot.
void write_tick(std::ostream& out, double x, double plot_top, double plot_bottom,
                std::string_view label, bool zero) {
    out << "<line class=\"" << (zero ? "zero" : "axis") << "\" x1=\"" << coord(x) << "\" y1=\""
        << coord(plot_top) << "\" x2=\"" << coord(x) << "\" y2=\"" << coord(plot_bottom)
        << "\" stroke=\"" << (zero ? "#555" : "#ccc") << "\"/><text x=\"" << coord(x)
        << "\" y=\"" << coord(plot_bottom + 18) << "\" text-anchor=\"middle\">" << label
        << "</text>\n";
}

// Horizontal bars on a 0-100 scale: one per row, or with a stride one per series in each
// row (grouped bars, with a legend naming each series and its n).
void write_bars(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    constexpr double plot_width = 200; // leaves room for "100,0%" after a full bar
    const std::size_t series =
        table.chart_value_stride == 0 ? 1 : std::max<std::size_t>(table.chart_value_count, 1);
    const bool grouped = series > 1;
    const double bar_height = grouped ? k_group_bar_height : k_bar_height;
    const double content_height = bar_height * static_cast<double>(series) +
                                  k_group_bar_gap * static_cast<double>(series - 1);
    std::vector<std::string> colours;
    std::vector<std::pair<std::string, std::string>> entries;
    for (std::size_t k = 0; k < series; ++k) {
        colours.emplace_back(grouped ? k_series_colours[k % k_series_colours.size()]
                                     : k_bar_colour);
        std::string name = series_name(table.columns[value_column(table, k)]);
        if (k < table.chart_bases.size() && std::isfinite(table.chart_bases[k])) {
            name += " (" + n_text(table.chart_bases[k], options) + ")";
        }
        entries.emplace_back(colours.back(), name);
    }
    const Legend legend = grouped ? lay_out_legend(entries) : Legend{};
    const double plot_top = legend.height + k_top;
    const std::vector<ChartRow> rows = chart_rows(
        table, options, content_height, grouped ? k_group_padding : k_row_padding, plot_top);
    const double plot_bottom = plot_bottom_of(rows, plot_top);
    const std::string n = grouped ? std::string{} : chart_n(table, options);
    open_svg(out, grouped ? "chart-bars chart-grouped" : "chart-bars",
             plot_bottom + k_axis_height + n_caption_height(n), Phrase::BarChart, table, options);
    write_svg_legend(out, legend);
    for (int tick = 0; tick <= 100; tick += 25) {
        write_tick(out, k_plot_left + plot_width * tick / 100.0, plot_top, plot_bottom,
                   fmt::format("{}%", tick), tick == 0);
    }
    for (const ChartRow& row : rows) {
        std::string summary = row.label + ":";
        for (std::size_t k = 0; k < series; ++k) {
            const std::size_t c = value_column(table, k);
            const std::string shown = value_text(*row.row, table.columns[c], c, options);
            summary += grouped ? (k == 0 ? " " : ", ") + series_name(table.columns[c]) + " " +
                                     (shown.empty() ? "-" : shown)
                               : " " + shown;
        }
        out << "<g><title>" << html_escape(summary) << "</title>";
        write_row_label(out, row);
        double y = row.middle() - content_height / 2;
        for (std::size_t k = 0; k < series; ++k) {
            const std::size_t c = value_column(table, k);
            if (c >= row.row->cells.size() ||
                !std::holds_alternative<double>(row.row->cells[c])) {
                // No value (left out, suppressed): no bar, which would read as 0%.
                y += bar_height + k_group_bar_gap;
                continue;
            }
            const double length =
                plot_width * std::clamp(value_at(*row.row, c), 0.0, 100.0) / 100.0;
            std::string shown = value_text(*row.row, table.columns[c], c, options);
            if (!shown.empty() && !row.row->mark(c).empty()) {
                shown += " " + row.row->mark(c); // significance letters after the value
            }
            out << "<rect x=\"" << coord(k_plot_left) << "\" y=\"" << coord(y) << "\" width=\""
                << coord(length) << "\" height=\"" << coord(bar_height) << "\" fill=\""
                << colours[k] << "\"/>";
            double text_x = k_plot_left + length + 4;
            if (const auto ci = interval_of(table, *row.row, c)) {
                // The confidence interval as a whisker through the bar's middle.
                const double lo = k_plot_left + plot_width * std::clamp((*ci)[0], 0.0, 100.0) / 100.0;
                const double hi = k_plot_left + plot_width * std::clamp((*ci)[1], 0.0, 100.0) / 100.0;
                const double mid = y + bar_height / 2;
                out << "<path class=\"whisker\" d=\"M" << coord(lo) << ' ' << coord(mid) << "H"
                    << coord(hi) << "M" << coord(lo) << ' ' << coord(mid - 3) << "V"
                    << coord(mid + 3) << "M" << coord(hi) << ' ' << coord(mid - 3) << "V"
                    << coord(mid + 3) << "\" stroke=\"#222\" fill=\"none\"/>";
                text_x = std::max(text_x, hi + 4);
            }
            if (!shown.empty()) {
                out << "<text x=\"" << coord(text_x) << "\" y=\""
                    << coord(y + bar_height / 2) << "\" dy=\"0.35em\">" << html_escape(shown)
                    << "</text>";
            }
            y += bar_height + k_group_bar_gap;
        }
        out << "</g>\n";
    }
    write_n_caption(out, n, plot_bottom + k_axis_height);
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
double left_extent(const table::Table& table, const table::Row& row) {
    const std::size_t count = table.chart_value_count;
    double extent = 0;
    for (std::size_t k = 0; k < count / 2; ++k) {
        extent += std::max(0.0, value_at(row, value_column(table, k)));
    }
    if (count % 2 == 1) {
        extent += std::max(0.0, value_at(row, value_column(table, count / 2))) / 2;
    }
    return extent;
}

void write_diverging(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    constexpr double plot_width = 254; // "100%" centred under either end still fits
    const std::size_t count = table.chart_value_count;
    const std::vector<Rgb> colours = diverging_palette(count);
    std::vector<std::pair<std::string, std::string>> entries;
    for (std::size_t k = 0; k < count; ++k) {
        entries.emplace_back(hex(colours[k]), series_name(table.columns[value_column(table, k)]));
    }
    const Legend legend = lay_out_legend(entries);
    const double plot_top = legend.height + k_top;
    const std::vector<ChartRow> rows =
        chart_rows(table, options, k_bar_height, k_row_padding, plot_top);
    // One symmetric scale for all rows, in steps of 50 points, so rows compare.
    double reach = 0;
    for (const ChartRow& row : rows) {
        double total = 0;
        for (std::size_t k = 0; k < count; ++k) {
            total += std::max(0.0, value_at(*row.row, value_column(table, k)));
        }
        const double left = left_extent(table, *row.row);
        reach = std::max({reach, left, total - left});
    }
    const double half = std::max(50.0, std::ceil(reach / 50.0) * 50.0);
    const double centre = k_plot_left + plot_width / 2;
    const double scale = plot_width / 2 / half;
    const double plot_bottom = plot_bottom_of(rows, plot_top);
    const std::string n = chart_n(table, options);
    open_svg(out, "chart-diverging", plot_bottom + k_axis_height + n_caption_height(n),
             Phrase::DivergingChart, table, options);
    write_svg_legend(out, legend);
    for (int step = -2; step <= 2; ++step) {
        const double at = half * step / 2;
        write_tick(out, centre + at * scale, plot_top, plot_bottom,
                   fmt::format("{}%", std::abs(at)), step == 0);
    }
    for (const ChartRow& chart_row : rows) {
        const table::Row& row = *chart_row.row;
        const double middle = chart_row.middle();
        std::string summary = chart_row.label + ":";
        for (std::size_t k = 0; k < count; ++k) {
            const std::size_t c = value_column(table, k);
            summary += (k == 0 ? " " : ", ") + table.columns[c].label + " " +
                       value_text(row, table.columns[c], c, options);
        }
        out << "<g><title>" << html_escape(summary) << "</title>";
        write_row_label(out, chart_row);
        double x = centre - left_extent(table, row) * scale;
        for (std::size_t k = 0; k < count; ++k) {
            const double value = std::max(0.0, value_at(row, value_column(table, k)));
            const double width = value * scale;
            out << "<rect x=\"" << coord(x) << "\" y=\"" << coord(middle - k_bar_height / 2)
                << "\" width=\"" << coord(width) << "\" height=\"" << coord(k_bar_height)
                << "\" fill=\"" << hex(colours[k]) << "\"/>";
            // Only where the number fits inside its segment.
            const std::string number = fmt::format("{:.0f}", value);
            if (width >= text_width(number) + 6) {
                out << "<text x=\"" << coord(x + width / 2) << "\" y=\"" << coord(middle)
                    << "\" dy=\"0.35em\" text-anchor=\"middle\" style=\"fill:"
                    << (is_dark(colours[k]) ? "#fff" : "#1a1a1a") << "\">" << number
                    << "</text>";
            }
            x += width;
        }
        out << "</g>\n";
    }
    write_n_caption(out, n, plot_bottom + k_axis_height);
    out << "</svg>\n";
}

} // namespace

void write_chart(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    if (!table.chart_value_column || table.columns.empty()) {
        return;
    }
    // Every value column the chart would read must exist.
    const bool series = table.chart == table::Chart::Diverging || table.chart_value_stride > 0;
    const std::size_t count = series ? table.chart_value_count : 1;
    if (count == 0 || value_column(table, count - 1) >= table.columns.size()) {
        return;
    }
    if (table.chart == table::Chart::Bars) {
        write_bars(table, out, options);
    } else if (table.chart == table::Chart::Quadrant) {
        write_quadrant(table, out, options);
        write_bars(table, out, options);
    } else if (table.chart == table::Chart::Diverging) {
        write_diverging(table, out, options);
    } else if (table.chart == table::Chart::Trend) {
        write_trend(table, out, options);
    }
}

} // namespace careerstat::render::detail
