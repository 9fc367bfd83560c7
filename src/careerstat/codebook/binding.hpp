// A codebook for one export: loaded from a codebook CSV or a REDCap data dictionary, with
// its variable names resolved against the export's drafted column names.
#pragma once

#include "careerstat/codebook/codebook.hpp"

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::codebook {

// Loads `path` (a codebook, or a REDCap data dictionary read for the export's columns) and
// resolves its names against the export (resolve_names).
Codebook load_for_export(const std::string& path, io::RecordReader& export_reader);

// A codebook names a column by its drafted name; also, for codebooks written before names
// were drafted, by the export's own name when that is one column's (exact, after trimming
// spaces, as those codebooks were matched), or by position: "#14" is column 14. Such a
// column is renamed in the reader to the codebook's name.
void resolve_names(const Codebook& cb, io::RecordReader& export_reader);

} // namespace careerstat::codebook
