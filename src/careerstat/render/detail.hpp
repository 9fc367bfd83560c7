// Declarations shared between the files of render/; code outside uses render.hpp.
#pragma once

#include "careerstat/render/render.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::render::detail {

using Tables = std::vector<table::Table>;

void render_text(const Tables& tables, std::ostream& out, const RenderOptions& options);
// CSV when `tsv` is false, else TSV.
void render_delimited(const Tables& tables, std::ostream& out, const RenderOptions& options,
                      bool tsv);
void render_markdown(const Tables& tables, std::ostream& out, const RenderOptions& options);
void render_json(const Tables& tables, std::ostream& out, const RenderOptions& options);
void render_html(const Tables& tables, std::ostream& out, const RenderOptions& options);
// An Excel workbook (libxlsxwriter): a contents sheet with the findings and a link to each
// table's sheet (xlsx.cpp).
void render_xlsx(const Tables& tables, std::ostream& out, const RenderOptions& options);

// The few words the renderers add themselves. Kept here rather than in i18n's table while
// that table is empty, so Dutch reports say "Noot" today.
enum class Phrase {
    KeyFindings, Note, Report, BarChart, DivergingChart, QuadrantChart, Importance, Performance,
    KeepUp, ImproveFirst, Maintain, LowerPriority, TrendChart
};
std::string_view phrase(Lang lang, Phrase which);

// & < > " ' as entities: safe in element content and in quoted attribute values.
std::string html_escape(std::string_view text);

// A table in a sideways-scrolling wrapper after its (script-shown) scroll cue, and for
// paper, when it is wider than an A4 page, a copy in column panels (html_table.cpp).
void write_html_table(const table::Table& table, std::ostream& out, const RenderOptions& options);

// The chart for a table with Chart::Bars or Chart::Diverging, or nothing when the table's
// chart hints do not fit its columns. Each chart is one <svg class="chart ...">.
void write_chart(const table::Table& table, std::ostream& out, const RenderOptions& options);

// Chart::Quadrant's scatter (svg_quadrant.cpp); write_chart draws the bars under it.
void write_quadrant(const table::Table& table, std::ostream& out, const RenderOptions& options);

// Chart::Trend's lines across the waves with interval bands (svg_trend.cpp).
void write_trend(const table::Table& table, std::ostream& out, const RenderOptions& options);

// An SVG number: one decimal, always a decimal point whatever the report's locale.
std::string coord(double value);

} // namespace careerstat::render::detail
