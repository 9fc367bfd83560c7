// Infers a draft codebook from an export's data, for the researcher to edit.
#pragma once

#include "careerstat/codebook/codebook.hpp"

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::codebook {

// Reads every record once. Rules (docs/codebook.md, "Inferring a draft"): id columns, 0/1
// or Y/blank option columns sharing a prefix as one multi group, small integer ranges as
// single or Likert, grades and NPS by name, numbers, dates, long free text, metadata.
Codebook infer(io::RecordReader& reader);

// True for a column name that says it holds respondent ids: `id`, or one with `respondent`,
// `responseid` or `response_id` in it (any case). infer() types such a column `id`.
bool is_id_name(std::string_view name);

} // namespace careerstat::codebook
