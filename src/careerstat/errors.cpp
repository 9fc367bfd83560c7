#include "careerstat/errors.hpp"

#include <fmt/format.h>

namespace careerstat {

std::string place(const std::string& file, long line, const std::string& column) {
    std::string out = line > 0 ? fmt::format("{}:{}: ", file, line) : fmt::format("{}: ", file);
    if (!column.empty()) {
        out += fmt::format("column \"{}\": ", column);
    }
    return out;
}

} // namespace careerstat
