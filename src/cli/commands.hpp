// One setup function per subcommand; each lives in cmd_<name>.cpp (STYLE.md 6).
#pragma once

#include <CLI/CLI.hpp>

namespace careerstat::cli {

void setup_codebook(CLI::App& app);
void setup_validate(CLI::App& app);
void setup_freq(CLI::App& app);
void setup_describe(CLI::App& app);
void setup_crosstab(CLI::App& app);
void setup_response(CLI::App& app);
void setup_report(CLI::App& app);
void setup_peek(CLI::App& app);
void setup_scale(CLI::App& app);
void setup_drivers(CLI::App& app);
void setup_drift(CLI::App& app);
void setup_trend(CLI::App& app);
void setup_convert(CLI::App& app);

} // namespace careerstat::cli
