#include "careerstat/render/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace careerstat::render {

namespace {

using table::ColumnType;

// "-0.0" says a value was negative when it rounds to nothing; show it as "0.0".
void drop_negative_zero(std::string& text) {
    if (!text.empty() && text.front() == '-' &&
        text.find_first_not_of("0.", 1) == std::string::npos) {
        text.erase(0, 1);
    }
}

void apply_decimal_comma(std::string& text, bool decimal_comma) {
    if (decimal_comma) {
        std::replace(text.begin(), text.end(), '.', ',');
    }
}

std::string fixed(double value, int decimals, bool decimal_comma) {
    // Halves round away from zero, as SPSS and PSPP print them (3 of 48 = 6.25 -> 6.3);
    // fmt alone would round an exact tie to even (6.2).
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    std::string text = fmt::format("{:.{}f}", std::isfinite(rounded) ? rounded : value, decimals);
    drop_negative_zero(text);
    apply_decimal_comma(text, decimal_comma);
    return text;
}

// Weighted counts are sums of doubles; 12.000000000001 is still a whole 12.
bool is_whole(double value) {
    const double tolerance = std::max(1e-9, std::abs(value) * 1e-12);
    return std::abs(value - std::round(value)) < tolerance;
}

int default_decimals(ColumnType type) {
    switch (type) {
    case ColumnType::Count:
    case ColumnType::Percent:
        return 1;
    case ColumnType::Number:
        return 2;
    case ColumnType::PValue:
        return 3;
    case ColumnType::Text:
    case ColumnType::Code:
        break;
    }
    return -1;
}

} // namespace

bool is_numeric_column(ColumnType type) {
    return type == ColumnType::Count || type == ColumnType::Percent || type == ColumnType::Number ||
           type == ColumnType::PValue;
}

std::string format_display(double value, const table::Column& column, bool decimal_comma) {
    if (std::isnan(value)) {
        return {};
    }
    if (std::isinf(value)) {
        return value > 0 ? "∞" : "-∞";
    }
    const bool fixed_by_column = column.decimals >= 0;
    const int decimals = fixed_by_column ? column.decimals : default_decimals(column.type);
    if (decimals < 0) {
        // Text and Code columns show a number as it is, like a code "3".
        return format_machine(value, decimal_comma);
    }
    if (column.type == ColumnType::PValue && decimals > 0) {
        // Rounding would show 0.000, which reads as "impossible"; say how small instead.
        const double smallest = std::pow(10.0, -decimals);
        if (value >= 0 && value < smallest) {
            return "<" + fixed(smallest, decimals, decimal_comma);
        }
    }
    if (std::abs(value) >= 1e15) {
        // Fixed notation would print 300 digits for 1e308; people read 1.5e+308.
        std::string out = fmt::format("{:.4g}", value);
        if (decimal_comma) {
            std::replace(out.begin(), out.end(), '.', ',');
        }
        return out;
    }
    if (column.type == ColumnType::Count && !fixed_by_column && is_whole(value)) {
        return fixed(value, 0, decimal_comma);
    }
    return fixed(value, decimals, decimal_comma);
}

std::string format_machine(double value, bool decimal_comma) {
    if (std::isnan(value)) {
        return {};
    }
    if (std::isinf(value)) {
        return value > 0 ? "inf" : "-inf";
    }
    // Round in decimal text rather than by value * 1e6, which overflows and misrounds
    // large values; from_chars ignores the C locale, unlike strtod.
    const std::string rounded = fmt::format("{:.6f}", value);
    double parsed = 0.0;
    std::from_chars(rounded.data(), rounded.data() + rounded.size(), parsed);
    if (parsed == 0.0) {
        parsed = 0.0; // no "-0"
    }
    std::string text = fmt::format("{}", parsed);
    apply_decimal_comma(text, decimal_comma);
    return text;
}

std::string display_cell(const table::Cell& cell, const table::Column& column, bool decimal_comma) {
    if (const auto* number = std::get_if<double>(&cell)) {
        return format_display(*number, column, decimal_comma);
    }
    if (const auto* text = std::get_if<std::string>(&cell)) {
        return *text;
    }
    return {};
}

std::string display_marked(const table::Row& row, std::size_t column,
                           const table::Column& spec, bool decimal_comma) {
    const table::Cell& cell = column < row.cells.size() ? row.cells[column] : table::Cell{};
    std::string text = display_cell(cell, spec, decimal_comma);
    const std::string& mark = row.mark(column);
    if (!mark.empty()) {
        text += text.empty() ? mark : " " + mark;
    }
    return text;
}

} // namespace careerstat::render
