// Mapping an earlier wave onto the newest wave's questionnaire (docs/trend.md): the names
// and codes of the study's [[wave]] rename and recode, checked, and a copy of the old
// codebook in the newest names and codes that the wave's counts are read through.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/report/findings.hpp"
#include "careerstat/report/study.hpp"

#include <string>
#include <vector>

namespace careerstat::report {

// The names a wave's codebook has for the newest wave's `questions` (through its rename).
std::vector<std::string> old_names(const WaveSpec* mapping, const std::vector<std::string>& questions);

// "study.toml:12: [[wave]] 2015": where a mapping's messages point.
std::string wave_at(const Study& newest, const WaveSpec& m);

// The old codebook with the wave's rename and recode applied. Variables and choices keep
// their order, so the wave's counts (by variable and choice index) read through it; an
// answer recoded to "" keeps its place with an empty code.
codebook::Codebook mapped_codebook(const codebook::Codebook& cb, const WaveSpec* mapping);

// The mapped codebook as the drift check compares it: answers recoded to "" left out on
// purpose, so they are not a removed code.
codebook::Codebook drift_codebook(codebook::Codebook mapped);

// Every name and code `mapping` uses exists in the old (`old_pops`) or newest (`new_pops`)
// codebooks, a recode is of a question with answer codes, and no rename lands on a name the
// old wave already uses: else DataError naming the study file and the wave's line.
void check_mapping(const Study& newest, const WaveSpec* mapping,
                   const std::vector<const PopulationResult*>& old_pops,
                   const std::vector<const PopulationResult*>& new_pops);

} // namespace careerstat::report
