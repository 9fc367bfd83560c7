// Shared by the render tests: a small frequency table and helpers.
#pragma once

#include "careerstat/render/render.hpp"
#include "careerstat/table/table.hpp"

#include <limits>
#include <string>

namespace render_fixtures {

using careerstat::table::Cell;
using careerstat::table::ColumnType;
using careerstat::table::RowKind;
using careerstat::table::Table;
namespace render = careerstat::render;


inline constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

inline Cell text(const char* value) {
    return Cell{std::string(value)};
}

// A frequency table: a Dutch label with an em dash and accents, a missing and a total row.
inline Table frequency_table() {
    Table t;
    t.id = "freq.initiative";
    t.title = "Initiative";
    t.subtitle = "Who took the first step";
    t.columns = {{"label", "Answer", ColumnType::Text},
                 {"n", "n", ColumnType::Count},
                 {"pct", "%", ColumnType::Percent}};
    t.add_row({text("Own initiative"), 12.0, 40.0});
    t.add_row({text("Geen drempel — één"), 18.0, 60.0});
    t.add_row({text("Don't know"), 3.0, Cell{}}, RowKind::Missing);
    t.add_row({text("Total"), 33.0, 100.0}, RowKind::Total);
    t.footnotes = {"Weighted by region."};
    return t;
}

inline render::RenderOptions options_for(render::Format format) {
    render::RenderOptions options;
    options.format = format;
    return options;
}

inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1)) {
        ++count;
    }
    return count;
}


} // namespace render_fixtures

// The names both render test files use.
using namespace careerstat;
using careerstat::table::Cell;
using careerstat::table::Chart;
using careerstat::table::Column;
using careerstat::table::ColumnType;
using careerstat::table::RowKind;
using careerstat::table::Table;
using namespace render_fixtures;
