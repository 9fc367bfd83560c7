// A trend's line chart: one line per answer (or item) across the waves, each point's
// confidence interval as a translucent band around its line, a legend under the plot and
// each wave's n under that, all inside the SVG (so a saved chart keeps them).
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/svg_text.hpp"
#include "careerstat/render/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace careerstat::render::detail {

namespace {

constexpr double k_width = 500;
constexpr double k_font = k_chart_font_size;
constexpr double k_left = 60; // room for "100%" at 17 units
constexpr double k_right = 470;
constexpr double k_top = 12;
constexpr double k_bottom = 190;
constexpr double k_legend_top = 222; // under the waves' labels
constexpr double k_legend_line = 24;
// Blue and orange first (apart for every kind of colour blindness), as the bar charts.
constexpr std::array<std::string_view, 8> k_colours = {"#2166ac", "#e08214", "#1b7837", "#762a83",
                                                       "#b2182b", "#4d4d4d", "#35978f", "#bf812d"};

struct Point {
    double wave = 0;
    double value = 0;
    double low = std::nan("");
    double high = std::nan("");
};

// A step of 1, 2 or 5 times a power of ten giving about 4 gridlines over `span`.
double nice_step(double span) {
    const double raw = span / 4;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * p >= raw) {
            return m * p;
        }
    }
    return 10 * p;
}

} // namespace

void write_trend(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    if (!table.chart_label_column || !table.chart_value_column || !table.chart_x_column) {
        return;
    }
    const std::size_t lc = *table.chart_label_column, vc = *table.chart_value_column,
                      xc = *table.chart_x_column;
    const bool percent = table.columns[vc].type == table::ColumnType::Percent;
    std::vector<std::string> labels;
    std::map<std::string, std::vector<Point>> series;
    std::vector<double> waves;
    std::map<double, double> wave_n; // each wave's n, from its first row
    for (const table::Row& row : table.rows) {
        const double x = row.number(xc), y = row.number(vc);
        if (row.kind != table::RowKind::Data || !std::isfinite(x) || !std::isfinite(y)) {
            continue;
        }
        const std::string label = display_cell(row.cells[lc], table.columns[lc], options.decimal_comma);
        if (!series.count(label)) {
            labels.push_back(label);
        }
        Point p{x, y};
        if (const auto ci = row.interval(vc)) {
            p.low = (*ci)[0];
            p.high = (*ci)[1];
        }
        series[label].push_back(p);
        waves.push_back(x);
        if (table.chart_n_column && std::isfinite(row.number(*table.chart_n_column))) {
            wave_n.emplace(x, row.number(*table.chart_n_column));
        }
    }
    std::sort(waves.begin(), waves.end());
    waves.erase(std::unique(waves.begin(), waves.end()), waves.end());
    if (waves.size() < 2 || labels.empty()) {
        return; // a line needs two waves
    }
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const auto& [_, points] : series) {
        for (const Point& p : points) {
            lo = std::min({lo, p.value, std::isfinite(p.low) ? p.low : p.value});
            hi = std::max({hi, p.value, std::isfinite(p.high) ? p.high : p.value});
        }
    }
    if (!(hi > lo)) {
        hi = lo + 1;
    }
    const double step = nice_step(hi - lo);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    if (percent) {
        lo = std::max(lo, 0.0);
        hi = std::min(hi, 100.0);
    }
    const auto x_of = [&](double wave) {
        const auto i = static_cast<double>(std::lower_bound(waves.begin(), waves.end(), wave) - waves.begin());
        return k_left + 20 + i * (k_right - k_left - 40) / static_cast<double>(waves.size() - 1);
    };
    const auto y_of = [&](double v) { return k_bottom - (v - lo) / (hi - lo) * (k_bottom - k_top); };

    const bool legend = labels.size() > 1;
    const double n_top =
        k_legend_top + (legend ? k_legend_line * static_cast<double>(labels.size()) : 0);
    std::string n_caption;
    for (double w : waves) {
        if (wave_n.count(w)) {
            n_caption += (n_caption.empty() ? "n = " : ", ") +
                         display_cell(wave_n[w], table::Column{"n", "n", table::ColumnType::Count},
                                      options.decimal_comma) +
                         fmt::format(" ({:g})", w);
        }
    }
    const double height = n_top + (n_caption.empty() ? 0 : 24);
    const std::string& title = table.title.empty() ? table.id : table.title;
    out << "<svg class=\"chart trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        << coord(k_width) << ' ' << coord(height) << "\" font-size=\"" << coord(k_font)
        << "\" font-family=\"" << k_chart_font_family << "\" fill=\"#1a1a1a\" role=\"img\" aria-label=\""
        << html_escape(std::string(phrase(options.lang, Phrase::TrendChart)) + ": " + title) << "\">\n"
        << "<rect class=\"backdrop\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
    for (double v = lo; v <= hi + step / 2; v += step) {
        const int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
        std::string tick = fmt::format("{:.{}f}{}", v, decimals, percent ? "%" : "");
        if (options.decimal_comma) {
            std::replace(tick.begin(), tick.end(), '.', ',');
        }
        out << "<line class=\"axis\" x1=\"" << coord(k_left) << "\" y1=\"" << coord(y_of(v)) << "\" x2=\""
            << coord(k_right) << "\" y2=\"" << coord(y_of(v)) << "\" stroke=\"#ccc\"/><text x=\"" << coord(k_left - 6)
            << "\" y=\"" << coord(y_of(v)) << "\" dy=\"0.35em\" text-anchor=\"end\">" << tick << "</text>\n";
    }
    for (double w : waves) {
        out << "<text x=\"" << coord(x_of(w)) << "\" y=\"" << coord(k_bottom + 20)
            << "\" text-anchor=\"middle\">" << fmt::format("{:g}", w) << "</text>\n";
    }
    for (std::size_t k = 0; k < labels.size(); ++k) {
        const std::vector<Point>& points = series[labels[k]];
        const std::string_view colour = k_colours[k % k_colours.size()];
        out << "<g class=\"series\"><title>" << html_escape(labels[k]) << "</title>";
        // The band: the upper limits left to right, then the lower ones back.
        const bool band = std::all_of(points.begin(), points.end(),
                                      [](const Point& p) { return std::isfinite(p.low) && std::isfinite(p.high); });
        if (band && points.size() >= 2) {
            out << "<polygon fill=\"" << colour << "\" fill-opacity=\"0.15\" points=\"";
            for (const Point& p : points) {
                out << coord(x_of(p.wave)) << ',' << coord(y_of(p.high)) << ' ';
            }
            for (auto p = points.rbegin(); p != points.rend(); ++p) {
                out << coord(x_of(p->wave)) << ',' << coord(y_of(p->low)) << ' ';
            }
            out << "\"/>";
        }
        out << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" points=\"";
        for (const Point& p : points) {
            out << coord(x_of(p.wave)) << ',' << coord(y_of(p.value)) << ' ';
        }
        out << "\"/>";
        for (const Point& p : points) {
            out << "<circle cx=\"" << coord(x_of(p.wave)) << "\" cy=\"" << coord(y_of(p.value))
                << "\" r=\"3\" fill=\"" << colour << "\"/>";
        }
        out << "</g>\n";
    }
    if (legend) {
        out << "<g class=\"legend\">";
        for (std::size_t k = 0; k < labels.size(); ++k) {
            const double y = k_legend_top + k_legend_line * (static_cast<double>(k) + 0.5);
            out << "<rect x=\"2\" y=\"" << coord(y - 6.5) << "\" width=\"13\" height=\"13\" rx=\"2\" fill=\""
                << k_colours[k % k_colours.size()] << "\"/><text x=\"21\" y=\"" << coord(y)
                << "\" dy=\"0.35em\">" << html_escape(fit(utf8::printable(labels[k]), 476, "\u2026"))
                << "</text>";
        }
        out << "</g>\n";
    }
    if (!n_caption.empty()) {
        out << "<text class=\"chart-n\" x=\"2\" y=\"" << coord(n_top + 16) << "\" fill=\"#444\">"
            << html_escape(n_caption) << "</text>\n";
    }
    out << "</svg>\n";
}

} // namespace careerstat::render::detail
