// Estimating the width of text without a font at hand, for the SVG charts (label wrapping,
// numbers that fit a segment) and the HTML tables (which ones need panels on paper).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace careerstat::render::detail {

// The charts' text size in viewBox units. A chart is drawn 500 units wide and shown at most
// 500 px wide; on a 390 px phone (358 px for the chart) 17 units are 12.2 px.
constexpr double k_chart_font_size = 17;
// The page's fonts, named in each chart so that a saved chart keeps them.
constexpr std::string_view k_chart_font_family =
    "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

// The estimated width of a text at `font_size` (DejaVu Sans advance widths, the widest of
// the usual system fonts, so the estimate errs towards fitting).
double text_width(std::string_view text, double font_size = k_chart_font_size);

// The longest start of `text` (whole code points) that fits `width` with `suffix` after it.
std::string fit(std::string_view text, double width, std::string_view suffix = {});

// A label broken at spaces into lines that fit `width`, at most `max_lines` of them; a
// word too long for a line is broken inside, and a label that needs more lines ends in
// "…".
std::vector<std::string> wrap(std::string_view label, double width, std::size_t max_lines);

// One code point of valid UTF-8 and its length in bytes.
std::pair<char32_t, std::size_t> next_code_point(std::string_view text, std::size_t at);

} // namespace careerstat::render::detail
