// Tables of the response command: response per population, item nonresponse, and the AAPOR
// dispositions and outcome rates of a sample file.
#pragma once

#include "careerstat/data/response.hpp"
#include "careerstat/data/sample.hpp"
#include "careerstat/table/builders.hpp"

#include <optional>

namespace careerstat::table {

struct Population {
    std::string name; // e.g. the export's stem, "clients"
    data::ResponseCounts counts;
    std::optional<double> invited;
};

Table response_table(const std::vector<Population>& populations, const BuildOptions& options);
Table item_nonresponse_table(const Population& population, double flag_pct,
                             const BuildOptions& options);

// The disposition counts, then RR1-RR6, COOP1-4, REF1-3, CON1-3.
std::vector<Table> aapor_tables(const data::SampleCounts& sample, std::optional<double> e,
                                const BuildOptions& options);
// Response per subgroup and a chi-square test of complete vs not, across subgroups.
std::vector<Table> subgroup_tables(const data::SampleCounts& sample, std::optional<double> e,
                                   const BuildOptions& options);

// The footnote that says how complete and partial returns were told apart.
// for_report: without the option that changes it (a report's reader cannot use it).
std::string completion_rule_note(const data::ResponseCounts& counts, Lang lang,
                                 bool for_report = false);

} // namespace careerstat::table
