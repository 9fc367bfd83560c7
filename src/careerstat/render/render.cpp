// Format names and dispatch to the one file per format.
#include "careerstat/render/render.hpp"

#include "careerstat/render/detail.hpp"

#include <array>
#include <cmath>
#include <sstream>
#include <utility>

namespace careerstat::render {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

} // namespace

namespace {

void render_csv(const detail::Tables& t, std::ostream& out, const RenderOptions& o) {
    detail::render_delimited(t, out, o, false);
}
void render_tsv(const detail::Tables& t, std::ostream& out, const RenderOptions& o) {
    detail::render_delimited(t, out, o, true);
}

// The one list of output formats: names for --format, file extensions for -o, whether a
// byte order mark may start it, whether people read it (the machine-only columns left
// out, as for_people() below does), and its renderer (one file of render/ each).
struct FormatRow {
    Format format;
    std::array<std::string_view, 2> names;      // "" when fewer
    std::array<std::string_view, 2> extensions; // without the dot
    bool bom;
    bool for_people;
    void (*render)(const detail::Tables&, std::ostream&, const RenderOptions&);
};
constexpr FormatRow k_formats[] = {
    {Format::Text, {"text", "txt"}, {"txt", ""}, true, true, detail::render_text},
    {Format::Csv, {"csv", ""}, {"csv", ""}, true, false, render_csv},
    {Format::Tsv, {"tsv", ""}, {"tsv", ""}, true, false, render_tsv},
    {Format::Markdown, {"md", "markdown"}, {"md", ""}, true, true, detail::render_markdown},
    // RFC 8259 forbids a JSON text to start with a byte order mark.
    {Format::Json, {"json", ""}, {"json", ""}, false, false, detail::render_json},
    {Format::Html, {"html", ""}, {"html", "htm"}, true, true, detail::render_html},
    // A zip container: a byte order mark would break it.
    {Format::Xlsx, {"xlsx", ""}, {"xlsx", ""}, false, true, detail::render_xlsx},
};

const FormatRow& row_of(Format f) {
    for (const FormatRow& r : k_formats) {
        if (r.format == f) {
            return r;
        }
    }
    return k_formats[0];
}

} // namespace

std::optional<Format> parse_format(std::string_view name) {
    const std::string lower = lower_ascii(name);
    for (const FormatRow& r : k_formats) {
        for (std::string_view n : r.names) {
            if (!n.empty() && lower == n) {
                return r.format;
            }
        }
    }
    return std::nullopt;
}

std::string format_names() {
    std::string out;
    for (const FormatRow& r : k_formats) {
        out += (out.empty() ? "" : ", ") + std::string(r.names[0]);
    }
    return out;
}

bool is_binary(Format format) { return format == Format::Xlsx; }

std::optional<Format> format_from_path(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = base.rfind('.');
    // A leading dot starts a hidden file's name (".csv"), not an extension.
    if (dot == std::string_view::npos || dot == 0) {
        return std::nullopt;
    }
    const std::string extension = lower_ascii(base.substr(dot + 1));
    for (const FormatRow& r : k_formats) {
        for (std::string_view e : r.extensions) {
            if (!e.empty() && extension == e) {
                return r.format;
            }
        }
    }
    return std::nullopt;
}

namespace {

// The tables as people read them: without the columns meant for machines only (the
// variable name repeated on every row, raw codes unless --codes), chart hints remapped.
std::vector<table::Table> for_people(const std::vector<table::Table>& tables) {
    std::vector<table::Table> out;
    out.reserve(tables.size());
    for (const table::Table& t : tables) {
        table::Table p = t;
        p.columns.clear();
        std::vector<std::size_t> keep;
        std::vector<std::optional<std::size_t>> moved(t.columns.size());
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (!t.columns[c].machine_only) {
                moved[c] = keep.size();
                keep.push_back(c);
                p.columns.push_back(t.columns[c]);
            }
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const table::Row& from = t.rows[r];
            table::Row& to = p.rows[r];
            to.cells.clear();
            to.marks.clear();
            to.intervals.clear();
            for (std::size_t c : keep) {
                to.cells.push_back(from.cells[c]);
                if (!from.marks.empty()) {
                    to.marks.push_back(from.mark(c));
                }
                if (!from.intervals.empty()) {
                    to.intervals.push_back(c < from.intervals.size()
                                               ? from.intervals[c]
                                               : std::array<double, 2>{NAN, NAN});
                }
            }
        }
        auto remap = [&](std::optional<std::size_t> c) -> std::optional<std::size_t> {
            return c && *c < moved.size() ? moved[*c] : std::nullopt;
        };
        p.chart_label_column = remap(t.chart_label_column);
        p.chart_value_column = remap(t.chart_value_column);
        p.chart_y_column = remap(t.chart_y_column);
        p.chart_x_column = remap(t.chart_x_column);
        p.chart_n_column = remap(t.chart_n_column);
        p.chart_group_column = remap(t.chart_group_column);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

void render(const std::vector<table::Table>& tables, std::ostream& out,
            const RenderOptions& options) {
    const FormatRow& f = row_of(options.format);
    if (options.bom && f.bom) {
        out << k_utf8_bom;
    }
    f.render(f.for_people ? for_people(tables) : tables, out, options);
}

std::string render_to_string(const std::vector<table::Table>& tables,
                             const RenderOptions& options) {
    std::ostringstream out;
    render(tables, out, options);
    return std::move(out).str();
}

namespace detail {

std::string_view phrase(Lang lang, Phrase which) {
    const bool nl = lang == Lang::Nl;
    switch (which) {
    case Phrase::KeyFindings:
        return nl ? "Belangrijkste bevindingen" : "Key findings";
    case Phrase::Note:
        return nl ? "Noot" : "Note";
    case Phrase::Report:
        return nl ? "Rapport" : "Report";
    case Phrase::BarChart:
        return nl ? "Staafdiagram" : "Bar chart";
    case Phrase::DivergingChart:
        return nl ? "Divergerend gestapeld staafdiagram" : "Diverging stacked bar chart";
    case Phrase::TrendChart:
        return nl ? "Lijndiagram over de jaren" : "Line chart across the waves";
    case Phrase::QuadrantChart:
        return nl ? "Belang-prestatiediagram" : "Importance-performance chart";
    case Phrase::Importance:
        return nl ? "Belang: % van de verklaarde variantie" : "Importance: % of R-squared";
    case Phrase::Performance:
        return nl ? "Prestatie: % van de schaal" : "Performance: % of the scale";
    case Phrase::KeepUp:
        return nl ? "Vasthouden" : "Keep up";
    case Phrase::ImproveFirst:
        return nl ? "Eerst verbeteren" : "Improve first";
    case Phrase::Maintain:
        return nl ? "Handhaven" : "Maintain";
    case Phrase::LowerPriority:
        return nl ? "Minder urgent" : "Lower priority";
    }
    return {};
}

} // namespace detail

} // namespace careerstat::render
