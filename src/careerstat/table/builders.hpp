// Builds frequency and descriptive tables from a Tabulator's accumulators, with the
// intervals of the stats layer. No I/O: the CLI hands the tables to a renderer.
#pragma once

#include "careerstat/data/tabulator.hpp"
#include "careerstat/i18n.hpp"
#include "careerstat/stats/design.hpp"
#include "careerstat/stats/proportion_ci.hpp"
#include "careerstat/table/table.hpp"

#include <string>
#include <vector>

namespace careerstat::table {

struct BuildOptions {
    stats::CiMethod ci = stats::CiMethod::Wilson;
    double level = 0.95;
    double population = 0;   // > 0: finite population correction
    std::string weight_name; // non-empty: weighted
    std::vector<std::string> where;
    Lang lang = Lang::En;
    bool sort_codebook = false; // multi-select options in codebook order, not by frequency
    bool codes = false;         // show raw codes next to labels in text output
    // Likert batteries also carry the percent of each answer code (pct_<code>), drawn as a
    // diverging bar chart in HTML.
    bool likert_distribution = false;
    // Rows of the export that held only delimiters and were skipped (a footnote says so).
    long skipped_empty = 0;
    // Rows the platform excludes (Qualtrics survey previews, tests and spam): how many, and
    // what they are.
    long excluded = 0;
    std::string excluded_what;
    // Tables for a report's reader: footnotes name no command-line option (the report says
    // on standard error what the person running it can do).
    bool for_report = false;
};

// Indexes into Tabulator::questions(); empty means every question.
using QuestionSubset = std::vector<std::size_t>;

// `careerstat freq`: one table per single-choice question and per multi-select question.
std::vector<Table> frequency_tables(const codebook::Codebook& cb, const data::Tabulator& tab,
                                    const BuildOptions& options, const QuestionSubset& only = {});

// `careerstat describe`: Likert batteries, Likert items, grades, NPS and numeric answers.
std::vector<Table> describe_tables(const codebook::Codebook& cb, const data::Tabulator& tab,
                                   const BuildOptions& options, const QuestionSubset& only = {});

// A number in a footnote: whole numbers as they are (1000000, never 1e+06), others with
// up to 4 decimals; a decimal comma in Dutch.
std::string footnote_number(double value, Lang lang);

// "Wilson score", "Clopper-Pearson exact", ... for footnotes.
std::string_view ci_display_name(stats::CiMethod method);

// Footnotes every table of a run shares: interval method, population, weights, filter.
std::vector<std::string> common_footnotes(const BuildOptions& options, bool proportions);

// The cases a share is estimated from, with the run's weighting and population.
stats::DesignBase design_base(double cases, double sum_w, double sum_w2,
                              const BuildOptions& options);

// The interval (0-1) of a share p of `base` whose "yes" cases' squared weights sum to
// sum_w2_yes: the named method on the design-based effective n (stats/design.hpp).
stats::Interval share_interval(double p, const stats::DesignBase& base, double sum_w2_yes,
                               const BuildOptions& options);

} // namespace careerstat::table
