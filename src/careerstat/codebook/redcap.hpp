// REDCap data dictionaries (the CSV REDCap downloads, or the API's field_name, form_name,
// ... header) as codebooks: radio, dropdown, yesno, truefalse as single; checkbox as one
// multi-select over its field___code columns; slider, calc and validated numbers numeric;
// form status and REDCap's own columns metadata (docs/platforms.md).
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <string>
#include <vector>

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::codebook {

// True when a CSV header is a REDCap data dictionary's.
bool is_redcap_dictionary(const std::vector<std::string>& header);

// The codebook of an export's `columns` from the dictionary `dict` (read to its end).
Codebook from_redcap_dictionary(io::RecordReader& dict, const std::vector<std::string>& columns);

// Where an export writes FALSE/TRUE for a field the dictionary codes 0/1 (an export saved
// through R), the draft takes the export's codes, keeping the dictionary's labels. `seen`
// is the draft inferred from the same export. Returns one note per variable changed.
std::vector<std::string> adopt_export_codes(Codebook& from_dictionary, const Codebook& seen);

// A REDCap dictionary beside the export (a *dictionary*.csv in its folder) that names the
// export's fields; empty when there is none.
std::string find_redcap_dictionary(const std::string& export_path,
                                   const std::vector<std::string>& columns);

} // namespace careerstat::codebook
