// Text width estimates and label wrapping for the charts and the HTML tables.
#include "careerstat/render/svg_text.hpp"

#include "careerstat/render/utf8.hpp"

#include <array>

namespace careerstat::render::detail {

namespace {

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

} // namespace

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

namespace {

// The estimated width of one code point at the chart's font size, in viewBox units.
double code_point_width(std::string_view text, std::size_t at, char32_t c, std::size_t length,
                        double font_size) {
    const std::size_t cells = c < 0x80 ? 1 : utf8::display_width(text.substr(at, length));
    return em_width(c) * static_cast<double>(cells) * font_size;
}

} // namespace

// The estimated width of a text at the chart's font size, in viewBox units.
double text_width(std::string_view text, double font_size) {
    double width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto [c, length] = next_code_point(text, at);
        width += code_point_width(text, at, c, length, font_size);
        at += length;
    }
    return width;
}

// The longest start of `text` (whole code points) that fits `width` with `suffix` after it.
std::string fit(std::string_view text, double width, std::string_view suffix) {
    double used = text_width(suffix);
    std::size_t at = 0;
    while (at < text.size()) {
        const auto [c, length] = next_code_point(text, at);
        used += code_point_width(text, at, c, length, k_chart_font_size);
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

} // namespace careerstat::render::detail
