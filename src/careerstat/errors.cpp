#include "careerstat/errors.hpp"

#include "careerstat/messages.hpp"

#include <fmt/format.h>
#include <iostream>

namespace careerstat {

namespace {
bool g_quiet = false;
} // namespace

void set_quiet(bool quiet) { g_quiet = quiet; }

void note(std::string_view message) {
    if (!g_quiet) {
        std::cerr << "careerstat: " << message << '\n';
    }
}

void warn(std::string_view message) {
    std::cerr << "careerstat: " << msg("warning: ") << message << '\n';
}

std::string place(const std::string& file, long line, const std::string& column) {
    std::string out = line > 0 ? fmt::format("{}:{}: ", file, line) : fmt::format("{}: ", file);
    if (!column.empty()) {
        out += msgf("column \"{}\": ", column);
    }
    return out;
}

} // namespace careerstat
