// The report's scale and driver sections (docs/study.md: scales, drivers, predictors):
// their co-moments ride the population's single pass, and their tables and the driver
// finding are built after it.
#pragma once

#include "careerstat/data/pass.hpp"
#include "careerstat/report/findings.hpp"

#include <memory>
#include <string>
#include <vector>

namespace careerstat::report {

// Adds to `pass` the co-moments of every section's scales and drivers that this
// population's codebook has (a section with a population only to that one).
void add_scale_accumulators(const Study& study, PopulationResult& r, data::Pass& pass);

// The tables of section `si` in every population, and for a driver analysis one finding
// sentence per population (the strongest driver) in `findings`.
std::vector<table::Table> scale_section_tables(const Study& study, std::size_t si,
                                               const std::vector<std::unique_ptr<PopulationResult>>& pops,
                                               Lang lang, std::vector<table::Finding>& findings);

} // namespace careerstat::report
