// The user's defaults file, careerstat.toml: options a researcher would otherwise type every
// time (--locale nl --bom). Looked for in $CAREERSTAT_CONFIG, then the current folder, then
// the user's config folder; docs/defaults.md.
#pragma once

#include <string>

namespace careerstat::cli {

struct Defaults {
    std::string source; // the file read; empty when none was found
    std::string locale; // "", "en" or "nl"
    std::string lang;   // "", "en" or "nl"
    bool bom = false;
    bool quiet = false;
};

// Reads the defaults file once. Throws UsageError for a file careerstat cannot use (one
// line naming its path, line and key).
void load_defaults();
const Defaults& defaults();

} // namespace careerstat::cli
