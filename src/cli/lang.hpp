// The language of careerstat's messages and --help, chosen before the options are made, and
// CLI11's own words (its help labels and its parse errors) in that language.
#pragma once

#include <CLI/CLI.hpp>

namespace careerstat::cli {

// --lang X or --locale nl on the command line (looked for before CLI11 parses it), else the
// defaults file's lang or locale, else the environment (LC_ALL, LC_MESSAGES, LANG), else
// English; a study file's `language` counts when none of the first three chose.
void choose_message_lang(int argc, char** argv);

// CLI11's help labels (Usage, Options, REQUIRED, ...) and parse errors in the message language.
void translate_cli11(CLI::App& app);

} // namespace careerstat::cli
