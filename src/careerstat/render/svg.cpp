// Inline SVG charts for the HTML renderer: horizontal bars for a frequency table (grouped
// bars, one per population, for a side-by-side table) and a diverging stacked bar for a
// Likert battery. Drawn on a fixed 500-wide viewBox with 16-unit text; the page shows it at
// most 500 px wide (1 unit = 1 px) and scales it down on a phone, where the text stays
// >= 11 px at a 358 px wide chart.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

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
constexpr double k_font_size = 16;
constexpr double k_label_left = 2;    // labels wrap within [k_label_left, k_label_right]
constexpr double k_label_right = 214; // labels end here, right-aligned (about 43%)
constexpr double k_plot_left = 222;
constexpr double k_line_height = 19; // between wrapped label lines
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


// The advance width of a code point in em, after DejaVu Sans (the widest of the usual
// system fonts, so the estimate errs towards fitting).
double em_width(char32_t c) {
    static constexpr std::array<double, 95> k_ascii = {
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838,
        0.318, 0.361, 0.318, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636,
        0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1.000, 0.684, 0.686, 0.698,
        0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390,
        0.337, 0.390, 0.838, 0.500, 0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635,
        0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521,
        0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838};
    if (c >= 0x20 && c < 0x7f) {
        return k_ascii[c - 0x20];
    }
    if (c == 0x2014 || c == 0x2026) { // em dash, ellipsis
        return 1.0;
    }
    if (c >= 0x2018 && c <= 0x201f) { // curly quotes
        return 0.46;
    }
    return 0.64; // accented letters and the rest; wide scripts are counted per cell below
}

// One code point of valid UTF-8 (the text went through utf8::printable) and its length.
std::pair<char32_t, std::size_t> next_code_point(std::string_view text, std::size_t at) {
    const auto b = static_cast<unsigned char>(text[at]);
    const std::size_t length = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    if (at + length > text.size()) {
        return {b, 1};
    }
    char32_t c = length == 1 ? b : b & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k) {
        c = (c << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3f);
    }
    return {c, length};
}

// The estimated width of one code point at the chart's font size, in viewBox units.
double code_point_width(std::string_view text, std::size_t at, char32_t c, std::size_t length) {
    const std::size_t cells = c < 0x80 ? 1 : utf8::display_width(text.substr(at, length));
    return em_width(c) * static_cast<double>(cells) * k_font_size;
}

// The estimated width of a text at the chart's font size, in viewBox units.
double text_width(std::string_view text) {
    double width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto [c, length] = next_code_point(text, at);
        width += code_point_width(text, at, c, length);
        at += length;
    }
    return width;
}

// The longest start of `text` (whole code points) that fits `width` with `suffix` after it.
std::string fit(std::string_view text, double width, std::string_view suffix = {}) {
    double used = text_width(suffix);
    std::size_t at = 0;
    while (at < text.size()) {
        const auto [c, length] = next_code_point(text, at);
        used += code_point_width(text, at, c, length);
        if (used > width) {
            break;
        }
        at += length;
    }
    return std::string(text.substr(0, at)) + std::string(suffix);
}

// A label broken at spaces into lines that fit `width`, at most `max_lines` of them; a
// word too long for a line is broken inside, and a label that needs more lines ends in
// "…" (the full text is in the row's <title>).
std::vector<std::string> wrap(std::string_view label, double width, std::size_t max_lines) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    auto skip_spaces = [&] {
        while (at < label.size() && label[at] == ' ') {
            ++at;
        }
    };
    skip_spaces();
    while (at < label.size()) {
        std::size_t end = label.find(' ', at);
        end = end == std::string_view::npos ? label.size() : end;
        const std::string_view word = label.substr(at, end - at);
        const std::string joined =
            line.empty() ? std::string(word) : line + ' ' + std::string(word);
        if (text_width(joined) <= width) {
            line = joined;
            at = end;
            skip_spaces();
            continue;
        }
        if (!line.empty()) { // the word starts the next line
            lines.push_back(line);
            line.clear();
        } else { // a word wider than a line: break it
            std::string part = fit(word, width);
            if (part.empty()) { // not even one character fits: take one anyway
                part = std::string(word.substr(0, next_code_point(word, 0).second));
            }
            lines.push_back(part);
            at += part.size();
        }
        if (lines.size() == max_lines) {
            break;
        }
    }
    if (!line.empty() && lines.size() < max_lines) {
        lines.push_back(line);
        line.clear();
    }
    if (lines.empty()) {
        lines.emplace_back();
    } else if (at < label.size()) { // more text than lines: mark the cut
        const bool space = label[at - 1] == ' ';
        std::string& last = lines.back();
        last = fit(last + (space ? " " : "") + std::string(label.substr(at)), width, "\u2026");
    }
    return lines;
}

struct ChartRow {
    std::string label;
    std::vector<std::string> lines; // the label wrapped to the label column
    const table::Row* row;
    double top = 0;    // in viewBox units
    double height = 0; // of the whole row, padding included

    double middle() const { return top + height / 2; }
};

// The rows a chart draws: Data rows only, as missing and total rows are not answers. Each
// row is as high as its wrapped label or its bars (`content_height`), whichever is more,
// plus `padding`.
std::vector<ChartRow> chart_rows(const table::Table& table, const RenderOptions& options,
                                 double content_height, double padding) {
    std::size_t label_column = table.chart_label_column.value_or(0);
    if (label_column >= table.columns.size()) {
        label_column = 0;
    }
    std::vector<ChartRow> rows;
    double top = k_top;
    for (const table::Row& row : table.rows) {
        if (row.kind != table::RowKind::Data) {
            continue;
        }
        const table::Cell& cell =
            label_column < row.cells.size() ? row.cells[label_column] : table::Cell{};
        ChartRow r;
        r.label = utf8::printable(
            display_cell(cell, table.columns[label_column], options.decimal_comma));
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

double plot_bottom_of(const std::vector<ChartRow>& rows) {
    return rows.empty() ? k_top : rows.back().top + rows.back().height;
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

// The column of the k-th value a chart draws: consecutive without a stride.
std::size_t value_column(const table::Table& table, std::size_t k) {
    const std::size_t stride = table.chart_value_stride == 0 ? 1 : table.chart_value_stride;
    return *table.chart_value_column + k * stride;
}

void open_svg(std::ostream& out, std::string_view kind, double height, Phrase name,
              const table::Table& table, const RenderOptions& options) {
    const std::string& title = table.title.empty() ? table.id : table.title;
    out << "<svg class=\"chart " << kind << "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        << coord(k_width) << ' ' << coord(height) << "\" font-size=\"" << coord(k_font_size)
        << "\" role=\"img\" aria-label=\""
        << html_escape(std::string(phrase(options.lang, name)) + ": " + title) << "\">\n";
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
void write_tick(std::ostream& out, double x, double plot_bottom, std::string_view label,
                bool zero) {
    out << "<line class=\"" << (zero ? "zero" : "axis") << "\" x1=\"" << coord(x) << "\" y1=\""
        << coord(k_top) << "\" x2=\"" << coord(x) << "\" y2=\"" << coord(plot_bottom)
        << "\"/><text x=\"" << coord(x) << "\" y=\"" << coord(plot_bottom + 17)
        << "\" text-anchor=\"middle\">" << label << "</text>\n";
}

// The legend above a chart: one swatch and column label per series or category.
void write_legend(const table::Table& table, std::ostream& out,
                  const std::vector<std::string>& colours) {
    out << "<ul class=\"legend\">\n";
    for (std::size_t k = 0; k < colours.size(); ++k) {
        out << "<li><span class=\"swatch\" style=\"background:" << colours[k] << "\"></span>"
            << html_escape(series_name(table.columns[value_column(table, k)])) << "</li>\n";
    }
    out << "</ul>\n";
}

// Horizontal bars on a 0-100 scale: one per row, or with a stride one per series in each
// row (grouped bars, with a legend).
void write_bars(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    constexpr double plot_width = 206; // leaves room for "100,0%" after a full bar
    const std::size_t series =
        table.chart_value_stride == 0 ? 1 : std::max<std::size_t>(table.chart_value_count, 1);
    const bool grouped = series > 1;
    const double bar_height = grouped ? k_group_bar_height : k_bar_height;
    const double content_height = bar_height * static_cast<double>(series) +
                                  k_group_bar_gap * static_cast<double>(series - 1);
    const std::vector<ChartRow> rows =
        chart_rows(table, options, content_height, grouped ? k_group_padding : k_row_padding);
    const double plot_bottom = plot_bottom_of(rows);
    std::vector<std::string> colours;
    for (std::size_t k = 0; k < series; ++k) {
        colours.emplace_back(grouped ? k_series_colours[k % k_series_colours.size()]
                                     : k_bar_colour);
    }
    if (grouped) {
        write_legend(table, out, colours);
    }
    open_svg(out, grouped ? "chart-bars chart-grouped" : "chart-bars",
             plot_bottom + k_axis_height, Phrase::BarChart, table, options);
    for (int tick = 0; tick <= 100; tick += 25) {
        write_tick(out, k_plot_left + plot_width * tick / 100.0, plot_bottom,
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
            if (const auto ci = row.row->interval(c)) {
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
    const std::vector<ChartRow> rows = chart_rows(table, options, k_bar_height, k_row_padding);
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
    const double plot_bottom = plot_bottom_of(rows);

    std::vector<std::string> legend;
    for (const Rgb& colour : colours) {
        legend.push_back(hex(colour));
    }
    write_legend(table, out, legend);
    open_svg(out, "chart-diverging", plot_bottom + k_axis_height, Phrase::DivergingChart, table,
             options);
    for (int step = -2; step <= 2; ++step) {
        const double at = half * step / 2;
        write_tick(out, centre + at * scale, plot_bottom, fmt::format("{}%", std::abs(at)),
                   step == 0);
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
