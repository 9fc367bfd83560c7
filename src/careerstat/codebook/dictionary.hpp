// A statistics file's dictionary as a codebook (docs/formats.md, "SPSS and Stata files"):
// variable labels become labels, value labels choices, user-missing values missing codes,
// the measurement level and print format the type, the file's weight the weight, and a
// multiple dichotomy set a multi-select question. A file careerstat wrote (convert) carries
// its codebook in its documents; that codebook is used as written.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/io/record_source.hpp"

#include <optional>
#include <string>
#include <vector>

namespace careerstat::io {
class RecordReader;
}
namespace careerstat::platform {
struct Layout;
}

namespace careerstat::codebook {

// The first document line of a codebook carried in an SPSS file.
inline constexpr std::string_view k_codebook_document = "careerstat codebook 1";

// A fingerprint of what SPSS users can change in a dictionary: names, variable labels,
// value labels and missing values, in a canonical order. The codebook in a file's
// documents is used only while the file's dictionary still has the fingerprint it was
// written with; a file edited in SPSS since is read through its dictionary.
std::string dictionary_fingerprint(const io::Dictionary& dict);

// A codebook CSV as SPSS document lines (at most 80 bytes each) and back: a line starting
// '>' begins a CSV line, '+' continues it, and each ends in '|' so trailing spaces survive.
// The first line holds the fingerprint of the dictionary written with it.
std::vector<std::string> codebook_documents(const std::string& csv, const std::string& fingerprint);
struct DocumentCodebook {
    std::string csv;
    std::string fingerprint;
};
std::optional<DocumentCodebook> codebook_from_documents(const std::vector<std::string>& lines);

// The codebook `dict` amounts to; `notes` gets what the user should know (a multiple
// category set read as separate questions, a "don't know" label made a missing code).
// `layout` (the platform layer's reading of the header, if any) marks metadata and ids.
Codebook from_dictionary(const io::Dictionary& dict, const std::string& source,
                         std::vector<std::string>& notes,
                         const platform::Layout* layout = nullptr);

// For an export that carries its own dictionary (a .sav or .dta): its codebook, with names
// resolved against the reader; nullopt for a CSV or workbook.
std::optional<Codebook> dictionary_codebook(io::RecordReader& reader,
                                            std::vector<std::string>& notes,
                                            const platform::Layout* layout = nullptr);

} // namespace careerstat::codebook
