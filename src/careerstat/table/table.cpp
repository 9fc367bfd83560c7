#include "careerstat/table/table.hpp"

#include <cmath>
#include <set>
#include <stdexcept>

namespace careerstat::table {

std::vector<std::string> finding_texts(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
        out.push_back(f.text);
    }
    return out;
}

std::string_view kind_name(RowKind kind) {
    switch (kind) {
    case RowKind::Data:
        return "data";
    case RowKind::Missing:
        return "missing";
    case RowKind::Total:
        return "total";
    }
    return "data";
}

std::string composed_label(const Column& column) {
    if (column.category.empty()) {
        return column.label;
    }
    std::string out = column.category;
    if (!column.letter.empty()) {
        out += " (" + column.letter + ")";
    }
    if (!column.label.empty()) {
        out += " " + column.label;
    }
    return out;
}

const std::string& Row::mark(std::size_t column) const {
    static const std::string none;
    return column < marks.size() ? marks[column] : none;
}

std::optional<std::array<double, 2>> Row::interval(std::size_t column) const {
    if (column >= intervals.size() || std::isnan(intervals[column][0]) ||
        std::isnan(intervals[column][1])) {
        return std::nullopt;
    }
    return intervals[column];
}

double Row::number(std::size_t column) const {
    const auto* v = column < cells.size() ? std::get_if<double>(&cells[column]) : nullptr;
    return v != nullptr ? *v : std::nan("");
}

std::string Row::text(std::size_t column) const {
    const auto* v = column < cells.size() ? std::get_if<std::string>(&cells[column]) : nullptr;
    return v != nullptr ? *v : std::string();
}

std::size_t Table::column_index(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name) {
            return i;
        }
    }
    return std::string::npos;
}

void Table::add_row(std::vector<Cell> cells, RowKind kind) {
    if (cells.size() != columns.size()) {
        throw std::logic_error("table " + id + ": row has " + std::to_string(cells.size()) +
                               " cells for " + std::to_string(columns.size()) + " columns");
    }
    rows.push_back(Row{std::move(cells), kind});
}

void make_ids_unique(std::vector<Table>& tables) {
    std::set<std::string> used;
    for (const Table& t : tables) {
        used.insert(t.id);
    }
    std::set<std::string> seen;
    for (Table& t : tables) {
        if (seen.insert(t.id).second) {
            continue;
        }
        for (int k = 2;; ++k) {
            std::string id = t.id + "." + std::to_string(k);
            if (!used.count(id)) {
                t.id = id;
                used.insert(id);
                seen.insert(id);
                break;
            }
        }
    }
}

} // namespace careerstat::table
