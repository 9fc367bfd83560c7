// Questionnaire drift between two waves' codebooks (docs/drift.md): what was added or
// removed, and, per variable both have, every change that could make a trend compare two
// different questions -- a type, a wording, answer codes, a code whose label changed (the
// same number now meaning something else), a range, missing codes, reverse wording.
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <string>
#include <vector>

namespace careerstat::codebook {

enum class DriftKind {
    Added,
    Removed,
    Type,
    Wording,       // the label (question text) or the group's question differ
    CodesAdded,
    CodesRemoved,
    CodeRelabelled, // the same code with another label: its meaning may have changed
    Range,          // a numeric range (grade 1..10) or a Likert scale's ends
    Missing,        // missing codes added, removed or relabelled
    Group,          // moved into, out of or between groups
    Reverse,        // reverse-worded on one side only
};

// "added", "removed", "type", ... as tables and JSON name them.
std::string_view drift_kind_name(DriftKind kind);
// "added", "type changed", ...: the English key of its words for people (i18n.cpp).
std::string_view drift_kind_label(DriftKind kind);

struct Drift {
    std::string variable;
    DriftKind kind = DriftKind::Added;
    std::string before; // the old value, as written ("single", "1=Ja|2=Nee", a label)
    std::string after;
    // For wording and labels: how alike the two texts are, 0-1 (1 - Levenshtein distance /
    // longer length, after folding case and blanks); -1 when not a text comparison.
    double similarity = -1;
    // Whether a trend comparing the variable across the waves would compare different
    // things (docs/drift.md says which changes do).
    bool breaks_trend = false;
};

// Texts at least this alike are the same wording (a typo fixed, a comma moved).
inline constexpr double k_same_wording = 0.9;

// 1 - Levenshtein(a, b) / max(|a|, |b|) over code points, after folding case and
// collapsing blanks; 1 for two empty texts.
double text_similarity(std::string_view a, std::string_view b);

// Every change from `before` to `after`, in the order of `after`'s variables, then the
// removed ones in `before`'s order.
std::vector<Drift> compare_codebooks(const Codebook& before, const Codebook& after);

} // namespace careerstat::codebook
