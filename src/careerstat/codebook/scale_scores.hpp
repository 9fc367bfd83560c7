// Scale scores (docs/scales.md): every group of Likert items is a scale, and careerstat adds
// its score as a derived variable named after the group, so that describe, crosstab rows
// and banners, the report and drivers can use it like any other numeric variable.
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <map>
#include <optional>
#include <string>

namespace careerstat::codebook {

// The answer values an item's scale runs from and to (its smallest and largest choice
// value): a reversed item is scored min + max - x.
struct ItemRange {
    double min = 0;
    double max = 0;
};
ItemRange item_range(const Variable& item);

// How a valid answer counts in every scale analysis (scale scores in the pass, co-moments):
// as given, or min + max - x for a reverse-worded Likert item. One per variable, built once.
struct ItemScoring {
    double min = 0;
    double max = 0;
    bool reverse = false;
    double operator()(double value) const { return reverse ? min + max - value : value; }
};
ItemScoring item_scoring(const Variable& v);

// Appends one derived variable per Likert group of at least two items whose name no
// variable already has. Its minimum number of answered items: `min_items` of the study
// (by group name), else the codebook's `min_items` on the group's items, else half of the
// items rounded up. Throws DataError when a group's items disagree on `min_items` or it
// exceeds the number of items.
void add_scale_scores(Codebook& cb, const std::map<std::string, std::size_t>& min_items = {});

} // namespace careerstat::codebook
