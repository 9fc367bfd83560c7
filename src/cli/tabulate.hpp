// The shared middle of freq and describe: select questions, one pass, tables.
#pragma once

#include "common.hpp"
#include "careerstat/data/cross_counts.hpp"
#include "careerstat/data/tabulator.hpp"
#include "careerstat/table/banner.hpp"

namespace careerstat::cli {

// One pass over the export feeding `accumulators`, with the checks every command makes
// after it (--population against the returns, a warning when --where kept nobody).
void run_pass(Source& src, analysis::Settings& settings,
              const std::vector<data::Accumulator*>& accumulators);

// Selects `names` (all questions when empty; with `scale_scores` each battery's score after
// it, for describe), reads the export once and returns the
// marginal counts; the accumulators in `also` are fed by the same pass. Throws UsageError for unknown names, DataError for bad data.
// Also notes in the settings' table options how many empty rows the reader skipped.
// `tabled_kinds_only` leaves out, when `names` is empty, the questions no frequency table
// shows (ids, dates, open answers), so the pass neither reads nor codes them.
data::Tabulator tabulate(Source& src, const std::vector<std::string>& names,
                         analysis::Settings& settings,
                         const std::vector<data::Accumulator*>& also = {},
                         bool scale_scores = false, bool tabled_kinds_only = false);

// Banner tables' options: --by, --sig, --adjust, --min-base, --hide-below, --suppress,
// --distribution (crosstab; freq and describe with --by).
struct BannerCliOptions {
    std::vector<std::string> by;
    std::string sig = "0.05";
    std::string adjust = "none";
    double min_base = 30;
    double hide_below = -1; // unset: 10, or min_base when smaller
    double suppress = 0;
    bool distribution = false;
    void add_to(CLI::App& app, bool by_required);
    table::BannerOptions banner_options() const;
};

// Reads the export once for banner tables of `names` (all questions but the banners when
// empty) by every --by, and returns the tables.
std::vector<table::Table> banner_run(Source& src, const std::vector<std::string>& names,
                                     analysis::Settings& settings, const BannerCliOptions& b);

// For `describe` (freq = false) or `freq`: a UsageError when a question named on the
// command line is of a kind the command shows nothing for, naming the command that does.
void require_kinds(const codebook::Codebook& cb, const std::vector<std::string>& names,
                   bool freq);

} // namespace careerstat::cli
