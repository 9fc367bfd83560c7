// Finding a codebook variable's column in an export's header, by its exact name.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace careerstat::data {

// The column named `name`, or nullopt when the header has none. A name that occurs more than
// once is a DataError naming both columns: taking the first would read the wrong answers
// without a word.
std::optional<std::size_t> find_column(const std::vector<std::string>& header,
                                       const std::string& name, const std::string& source,
                                       long header_line);

} // namespace careerstat::data
