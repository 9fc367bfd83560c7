// The settings every analysis of a run uses -- interval method and level, population size,
// weight, filters, language -- built in one place from the codebook and what the user
// asked for on the command line or in the study file (docs/architecture.md).
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/response.hpp"
#include "careerstat/data/tabulator.hpp"
#include "careerstat/platform/platform.hpp"
#include "careerstat/i18n.hpp"
#include "careerstat/table/builders.hpp"

#include <string>
#include <vector>

namespace careerstat::analysis {

// What the user asked for.
struct Request {
    std::string ci = "wilson"; // a name stats::parse_ci_method accepts
    double level = 0.95;
    double population = 0;     // > 0: finite population correction (N)
    std::string weight;        // empty: the codebook's weight column, if it has one
    std::vector<std::string> where;
    std::vector<std::string> notes; // filters applied elsewhere, for footnotes
    Lang lang = Lang::En;
    bool codes = false;
};

struct Settings {
    table::BuildOptions build;      // how tables compute and label their numbers
    data::PassOptions pass;         // what the pass applies to every record
};

// The table options alone (interval method, level, population, language), for tables that
// need no codebook such as response rates. Throws UsageError as make_settings does.
table::BuildOptions make_build_options(const Request& request);

// Checks the request against the codebook and builds the settings. Throws UsageError for
// a level or population that is not a number in range (NaN included), an unknown interval
// method, a weight that is not a variable, or a --where condition that does not parse.
Settings make_settings(const codebook::Codebook& codebook, const Request& request,
                       bool decimal_comma);

// How `response` and the report judge a return complete: the platform's rule over its
// columns (named as `header` names them now), else the codebook's metadata.
data::CompletionOptions completion_options(const platform::Layout& layout,
                                           const std::vector<std::string>& header,
                                           double complete_at);

} // namespace careerstat::analysis
