// The yearly survey as a trend (docs/trend.md): each wave's export read once, every earlier
// wave mapped onto the newest one's questionnaire (renamed variables, recoded answers), the
// drift between them checked, and per question and population a trend table.
#pragma once

#include "careerstat/report/findings.hpp"
#include "careerstat/report/study.hpp"
#include "careerstat/table/table.hpp"

#include <memory>
#include <string>
#include <vector>

namespace careerstat::report {

// One wave as a trend sees it.
struct TrendWaveData {
    int year = 0;
    const Study* study = nullptr;
    // How this wave maps onto the newest one; null for the newest wave (and for an earlier
    // wave its newest study names no [[wave]] of).
    const WaveSpec* mapping = nullptr;
    std::vector<const PopulationResult*> pops;
};

// The earlier waves a trend reads, and what reading them left.
struct EarlierWaves {
    std::vector<std::unique_ptr<Study>> studies;
    std::vector<std::unique_ptr<PopulationResult>> pops;
    std::vector<TrendWaveData> waves; // oldest first
};

// Reads one earlier wave's populations for `questions` (the newest wave's names) and adds
// it to `out` in year order. Throws DataError for a study file that is not that year's.
void read_earlier_wave(std::unique_ptr<Study> study, const WaveSpec* mapping,
                       const std::vector<std::string>& questions, const ReportOptions& options,
                       Lang lang, EarlierWaves& out);

// Each earlier wave the newest study names in [[wave]], read for `questions`.
EarlierWaves read_study_waves(const Study& newest, const std::vector<std::string>& questions,
                              const ReportOptions& options, Lang lang);

struct TrendRequest {
    std::vector<std::string> questions; // the newest wave's names (variables or groups)
    std::string population;            // empty: every population that has the question
    double min_base = 30;
    std::string section;               // the tables' section (reports)
};

// One table per question and population, in the order of `questions`; `waves` oldest
// first, the newest last. Throws DataError when no wave's population has a question, and
// for a mapping that names codes the codebooks do not have.
std::vector<table::Table> trend_tables(const std::vector<TrendWaveData>& waves,
                                       const TrendRequest& request, const ReportOptions& options,
                                       Lang lang);

// Per earlier wave and population, the drift from its codebook (mapped onto the newest
// wave's names and codes) to the newest codebook: careerstat drift's table, when anything
// changed.
std::vector<table::Table> trend_drift_tables(const std::vector<TrendWaveData>& waves, Lang lang);

// The sentences of the newest study's [[finding]]s with `from`: the share in that wave and
// now, the change and its interval, from the trend tables (change_findings.cpp).
std::vector<table::Finding> change_findings(const Study& newest, const std::vector<table::Table>& trend,
                                         const ReportOptions& options, Lang lang);

} // namespace careerstat::report
