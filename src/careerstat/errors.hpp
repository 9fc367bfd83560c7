// Typed exceptions with messages ready for a person; caught once in the CLI's main.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace careerstat {

// Documented exit codes (README, "Exit codes").
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_data = 1;  // the data has problems (or validate found some)
inline constexpr int k_exit_usage = 2; // bad options, or an input that cannot be opened

// A problem in the data: names file, line and column where it can.
class DataError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A problem with how the tool was called, or a file that cannot be opened.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// "file:line: column "x": message" -- the one shape of every data error.
std::string place(const std::string& file, long line, const std::string& column = {});

// A note for the person running the command ("careerstat: " + message on stderr): what
// careerstat recognised or did (the platform of an export, a file written). --quiet
// silences notes; warnings and errors are always written.
void note(std::string_view message);
void set_quiet(bool quiet);

// A warning ("careerstat: warning: " + message on stderr, in the message language): a result
// the person should look at. Never silenced.
void warn(std::string_view message);

} // namespace careerstat
