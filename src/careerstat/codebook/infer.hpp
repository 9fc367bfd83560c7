// Infers a draft codebook from an export's data, for the researcher to edit.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/platform/platform.hpp"

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::codebook {

// Reads every record once. Rules (docs/codebook.md, "Inferring a draft"): the platform's
// roles (id, metadata, timing, text) and groups first; option columns (label/blank, Y/blank,
// 0/1, Yes/No) of a group as one multi-select; answer scales by their labels; small integer
// ranges as single or Likert; grades and NPS by the question's words; numbers, dates, free
// text. `layout` is what platform::open applied to `reader`.
Codebook infer(io::RecordReader& reader, const platform::Layout& layout);
// The same, after running platform::open on `reader` (detecting the platform).
Codebook infer(io::RecordReader& reader);

} // namespace careerstat::codebook
