// Key findings: plain sentences generated from the report's counts, in the report's
// language, and what a population's single pass leaves behind for them.
#pragma once

#include "careerstat/platform/platform.hpp"

#include "careerstat/analysis/settings.hpp"
#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/response.hpp"
#include "careerstat/data/sample.hpp"
#include "careerstat/data/comoments.hpp"
#include "careerstat/data/cross_counts.hpp"
#include "careerstat/data/tabulator.hpp"
#include "careerstat/report/open_answers.hpp"
#include "careerstat/report/report.hpp"
#include "careerstat/table/table.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace careerstat::report {

// What reading one population's export produced.
struct PopulationResult {
    const PopulationSpec* spec = nullptr;
    std::unique_ptr<codebook::Codebook> codebook; // on the heap: the tabulator refers to it
    platform::Layout layout;                      // the export's platform, as detected
    std::vector<codebook::Question> questions;    // the ones the study asks for
    analysis::Settings settings;                  // weight, population, interval method
    std::unique_ptr<data::Tabulator> tab;
    // Per section index: the banner counts of a section with `by`, when this population's
    // codebook has every banner variable.
    std::map<std::size_t, std::unique_ptr<data::CrossCounts>> cross;
    // Per section index: the co-moments of its scales (one per scale) and of its driver
    // analysis, when this population's codebook has them (report/scale_sections.cpp).
    std::map<std::size_t, std::vector<std::unique_ptr<data::CoMoments>>> scales;
    std::map<std::size_t, std::unique_ptr<data::CoMoments>> drivers;
    data::ResponseCounts response;
    std::optional<data::SampleCounts> sample;
    std::vector<OpenAnswers> open; // the study's open_answers that this codebook has

    std::optional<std::size_t> question_index(const std::string& name) const;
};

// Reads one population's export in one pass: response, the counts of the `wanted`
// questions (with their scale scores), and with `with_sections` also the study's banner,
// scale and driver accumulators and the sample file.
std::unique_ptr<PopulationResult> read_population(const Study& study, const PopulationSpec& spec,
                                                  const ReportOptions& options,
                                                  const std::vector<std::string>& wanted,
                                                  Lang lang, bool with_sections);

// A finding's template with {name} replaced by its value; unknown names stay as written,
// so a typo shows.
std::string fill(const std::string& tmpl, const std::map<std::string, std::string>& fields);

// One sentence per population on who responded, then one per [[finding]] of the study.
// Throws DataError naming the study file and line for a finding whose code is unknown.
std::vector<table::Finding> key_findings(const Study& study,
                                      const std::vector<std::unique_ptr<PopulationResult>>& pops,
                                      const ReportOptions& options, Lang lang);

// One sentence per significant difference in `tables`, in `lang`: a banner table's letters
// (each pair of a higher and a lower column of one banner) and two populations' shares
// whose z-test gives p < sig. Ordered by effect size (Cohen's h for shares, Cohen's d for
// means, comparable scales: 0.2 small, 0.5 medium, 0.8 large), at most `cap`.
std::vector<table::Finding> difference_findings(const std::vector<table::Table>& tables, Lang lang,
                                             std::size_t cap, double sig = 0.05);

} // namespace careerstat::report
