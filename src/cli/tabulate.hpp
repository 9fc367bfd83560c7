// The shared middle of freq and describe: select questions, one pass, tables.
#pragma once

#include "common.hpp"
#include "careerstat/data/tabulator.hpp"

namespace careerstat::cli {

// Selects `names` (all questions when empty), reads the export once and returns the
// marginal counts; the accumulators in `also` are fed by the same pass. Throws UsageError for unknown names, DataError for bad data.
// Also notes in the settings' table options how many empty rows the reader skipped.
data::Tabulator tabulate(Source& src, const std::vector<std::string>& names,
                         analysis::Settings& settings,
                         const std::vector<data::Accumulator*>& also = {});

// For `describe` (freq = false) or `freq`: a UsageError when a question named on the
// command line is of a kind the command shows nothing for, naming the command that does.
void require_kinds(const codebook::Codebook& cb, const std::vector<std::string>& names,
                   bool freq);

} // namespace careerstat::cli
