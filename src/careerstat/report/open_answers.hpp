// The open answers of a report (study key `open_answers`): the answers to text questions,
// per population, as given and without who gave them (no respondent id, no line number).
#pragma once

#include "careerstat/i18n.hpp"
#include "careerstat/table/table.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::codebook {
class Codebook;
}

namespace careerstat::report {

struct Study;
struct PopulationResult;

// A report lists at most this many answers per question and population (the first ones in
// the export); a footnote gives the total. It keeps a report readable and its memory flat.
inline constexpr std::size_t k_max_open_answers = 500;

struct OpenAnswers {
    std::string variable;
    std::string label;
    std::size_t column = 0; // in the export's header
    std::vector<std::string> answers; // trimmed, non-empty, in the export's order
    std::size_t total = 0;            // every non-empty answer, also those not kept
};

// The study's open-answer questions that this codebook has, bound to the export's header:
// every text question for open_answers = true, else the ones named. DataError when a named
// one is in the codebook but not a text question.
std::vector<OpenAnswers> open_answer_columns(const Study& study, const codebook::Codebook& cb,
                                             const std::vector<std::string>& header,
                                             const std::string& source, long header_line);

// One record's answers (a record the report's tables count).
void collect_open_answers(std::vector<OpenAnswers>& open, std::span<const std::string_view> fields);

// One table per question and population, section "Open answers". DataError (with its line in
// the study file) for a named question that no population's codebook has.
std::vector<table::Table> open_answer_tables(
    const Study& study, const std::vector<std::unique_ptr<PopulationResult>>& populations,
    Lang lang);

} // namespace careerstat::report
