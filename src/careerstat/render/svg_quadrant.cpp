// The importance x performance chart driver analyses are read from: one point per
// predictor (x: its share of R-squared, y: its performance), split into four labelled
// quadrants at the average share (100 / predictors) and the average performance.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/svg_text.hpp"
#include "careerstat/render/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace careerstat::render::detail {

namespace {

constexpr double k_width = 500;
constexpr double k_height = 400; // with the n under the axis title
constexpr double k_left = 62;
constexpr double k_right = 490;
constexpr double k_top = 10;
constexpr double k_bottom = 330;

struct Point {
    std::string label;
    double x = 0;
    double y = 0;
};

// At most `chars` code points of a label, with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t chars) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == chars) {
            return text.substr(0, i) + "…";
        }
    }
    return text;
}

} // namespace

void write_quadrant(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    if (!table.chart_y_column || !table.chart_label_column || !table.chart_value_column) {
        return;
    }
    std::vector<Point> points;
    for (const table::Row& row : table.rows) {
        const double x = row.number(*table.chart_value_column);
        const double y = row.number(*table.chart_y_column);
        if (row.kind != table::RowKind::Data || !std::isfinite(x) || !std::isfinite(y)) {
            continue;
        }
        const std::size_t lc = *table.chart_label_column;
        points.push_back({utf8::printable(display_cell(row.cells[lc], table.columns[lc],
                                                       options.decimal_comma)),
                          x, y});
    }
    if (points.empty()) {
        return;
    }
    double x_max = 10;
    double y_min = 100;
    double y_sum = 0;
    for (const Point& p : points) {
        x_max = std::max(x_max, p.x);
        y_min = std::min(y_min, p.y);
        y_sum += p.y;
    }
    x_max = std::min(100.0, std::ceil(x_max / 10) * 10);
    y_min = std::max(0.0, std::floor((y_min - 5) / 10) * 10);
    const double y_max = 100;
    auto sx = [&](double x) { return k_left + (k_right - k_left) * x / x_max; };
    auto sy = [&](double y) { return k_bottom - (k_bottom - k_top) * (y - y_min) / (y_max - y_min); };
    const double x_split = 100.0 / static_cast<double>(points.size());
    const double y_split = y_sum / static_cast<double>(points.size());
    const std::string& title = table.title.empty() ? table.id : table.title;
    out << "<svg class=\"chart chart-quadrant\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        << coord(k_width) << ' ' << coord(k_height) << "\" font-size=\"" << coord(k_chart_font_size)
        << "\" font-family=\"" << k_chart_font_family << "\" fill=\"#1a1a1a\" role=\"img\" aria-label=\""
        << html_escape(std::string(phrase(options.lang, Phrase::QuadrantChart)) + ": " + title)
        << "\">\n<rect class=\"backdrop\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
    // Axes with ticks every 10 (x) and every 10 (y).
    for (double x = 0; x <= x_max + 1e-9; x += x_max > 50 ? 20 : 10) {
        out << "<line class=\"axis\" x1=\"" << coord(sx(x)) << "\" y1=\"" << coord(k_top)
            << "\" x2=\"" << coord(sx(x)) << "\" y2=\"" << coord(k_bottom) << "\" stroke=\"#ccc\"/><text x=\""
            << coord(sx(x)) << "\" y=\"" << coord(k_bottom + 19) << "\" text-anchor=\"middle\">"
            << fmt::format("{:g}%", x) << "</text>\n";
    }
    for (double y = y_min; y <= y_max + 1e-9; y += 10) {
        out << "<line class=\"axis\" x1=\"" << coord(k_left) << "\" y1=\"" << coord(sy(y))
            << "\" x2=\"" << coord(k_right) << "\" y2=\"" << coord(sy(y)) << "\" stroke=\"#ccc\"/><text x=\""
            << coord(k_left - 4) << "\" y=\"" << coord(sy(y)) << "\" dy=\"0.35em\" "
            << "text-anchor=\"end\">" << fmt::format("{:g}%", y) << "</text>\n";
    }
    out << "<text x=\"" << coord((k_left + k_right) / 2) << "\" y=\"" << coord(k_bottom + 42)
        << "\" text-anchor=\"middle\">" << html_escape(phrase(options.lang, Phrase::Importance))
        << "</text>\n<text x=\"12\" y=\"" << coord((k_top + k_bottom) / 2)
        << "\" text-anchor=\"middle\" transform=\"rotate(-90 12 " << coord((k_top + k_bottom) / 2)
        << ")\">" << html_escape(phrase(options.lang, Phrase::Performance)) << "</text>\n";
    // The quadrants: split at the average share and the average performance.
    const double qx = sx(std::min(x_split, x_max));
    const double qy = sy(std::clamp(y_split, y_min, y_max));
    out << "<path class=\"zero\" d=\"M" << coord(qx) << ' ' << coord(k_top) << "V"
        << coord(k_bottom) << "M" << coord(k_left) << ' ' << coord(qy) << "H" << coord(k_right)
        << "\" stroke=\"#555\" fill=\"none\" stroke-dasharray=\"4 3\"/>\n";
    auto corner = [&](double x, double y, std::string_view anchor, Phrase which) {
        out << "<text x=\"" << coord(x) << "\" y=\"" << coord(y) << "\" text-anchor=\"" << anchor
            << "\" fill=\"#666\" font-style=\"italic\">" << html_escape(phrase(options.lang, which))
            << "</text>\n";
    };
    corner(k_right - 4, k_top + 14, "end", Phrase::KeepUp);
    corner(k_right - 4, k_bottom - 6, "end", Phrase::ImproveFirst);
    corner(k_left + 4, k_top + 14, "start", Phrase::Maintain);
    corner(k_left + 4, k_bottom - 6, "start", Phrase::LowerPriority);
    for (const Point& p : points) {
        const double x = sx(std::min(p.x, x_max));
        const double y = sy(std::clamp(p.y, y_min, y_max));
        const bool left = x > (k_left + k_right) / 2;
        std::string values = fmt::format("{:.1f}%, {:.1f}%", p.x, p.y);
        if (options.decimal_comma) {
            std::replace(values.begin(), values.end(), '.', ',');
            values[values.find("%,") + 1] = ';'; // "85,3%; 85,5%"
        }
        out << "<g><title>" << html_escape(p.label + ": " + values) << "</title>"
            << "<circle cx=\"" << coord(x) << "\" cy=\"" << coord(y)
            << "\" r=\"5\" fill=\"#2166ac\"/><text x=\"" << coord(left ? x - 8 : x + 8)
            << "\" y=\"" << coord(y) << "\" dy=\"0.35em\" text-anchor=\""
            << (left ? "end" : "start") << "\">" << html_escape(shorten(p.label, 24))
            << "</text></g>\n";
    }
    if (!table.chart_bases.empty() && std::isfinite(table.chart_bases.front())) {
        out << "<text class=\"chart-n\" x=\"2\" y=\"" << coord(k_height - 8) << "\" fill=\"#444\">n = "
            << display_cell(table.chart_bases.front(),
                            table::Column{"n", "n", table::ColumnType::Count}, options.decimal_comma)
            << "</text>\n";
    }
    out << "</svg>\n";
}

} // namespace careerstat::render::detail
