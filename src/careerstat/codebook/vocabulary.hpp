// Words with a fixed meaning in exports and codebooks, in one place for the codebook, the
// coder and the draft inference: the labels and cells that mean "option not selected".
#pragma once

#include <string_view>

namespace careerstat::codebook {

// True when a cell or an answer label means "this option was not chosen": 0, N, no, false,
// and "not selected" in Dutch, English, German, French and Spanish (case-insensitive).
bool means_not_selected(std::string_view text);

} // namespace careerstat::codebook
