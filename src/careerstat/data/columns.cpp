// find_column: the one lookup of a variable's column, shared by every consumer of a pass.
#include "careerstat/data/columns.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"

#include <fmt/format.h>

namespace careerstat::data {

std::optional<std::size_t> find_column(const std::vector<std::string>& header,
                                       const std::string& name, const std::string& source,
                                       long header_line) {
    std::optional<std::size_t> found;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c] != name) {
            continue;
        }
        if (found) {
            throw DataError(place(source, header_line, name) +
                            msgf("the header has this name twice (columns {} and {}), so "
                                 "careerstat cannot tell which one the codebook means; "
                                 "rename one of them in the export",
                                 *found + 1, c + 1));
        }
        found = c;
    }
    return found;
}

} // namespace careerstat::data
