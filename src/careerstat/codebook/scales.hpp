// Answer scales a draft codebook recognises from the answers' own words: agreement,
// satisfaction, importance, frequency, likelihood, quality and favourability in Dutch,
// English, German, French and Spanish; the "1. Completely disagree" numbered form;
// LimeSurvey's array codes (A1..A5, D4..N0..A4); and the "don't know" answers that are
// missing codes rather than points of a scale.
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace careerstat::codebook {

// True for an answer meaning "don't know", "not applicable" or "no answer" (nl, en, de, fr, es).
bool is_dont_know_answer(std::string_view text);

struct ScaleDraft {
    std::vector<Choice> choices; // low to high; values 1, 2, ... (or the written numbers)
    std::vector<Choice> missing; // the "don't know" answers seen, codes 9, 8, ...
    std::string how;             // "agreement (nl)", "numbered", "LimeSurvey A1..A5"
};

// The scale every distinct answer (but "don't know" ones) of a column belongs to, if any.
// `distinct` maps each answer as written to its count.
std::optional<ScaleDraft> recognise_scale(const std::map<std::string, std::size_t>& distinct);

} // namespace careerstat::codebook
