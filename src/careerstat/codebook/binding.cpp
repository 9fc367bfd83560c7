#include "careerstat/codebook/binding.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/codebook/redcap.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

namespace careerstat::codebook {

Codebook load_for_export(const std::string& path, io::RecordReader& export_reader) {
    auto reader = io::RecordReader::open(path);
    Codebook cb = is_redcap_dictionary(reader->header())
                      ? from_redcap_dictionary(*reader, export_reader.header())
                      : Codebook::read(*reader);
    resolve_names(cb, export_reader);
    return cb;
}

void resolve_names(const Codebook& cb, io::RecordReader& r) {
    std::vector<std::string> names = r.header();
    std::map<std::string, int> drafted;
    for (const std::string& n : names) {
        ++drafted[n];
    }
    std::map<std::string, std::vector<std::size_t>> written;
    for (std::size_t c = 0; c < r.raw_header().size(); ++c) {
        written[std::string(util::trim(r.raw_header()[c]))].push_back(c);
    }
    bool renamed = false;
    std::set<std::string> described;
    for (const Variable& v : cb.variables) {
        described.insert(v.name);
    }
    for (const Variable& v : cb.variables) {
        // A name the export writes twice: the codebook must name every such column by its
        // drafted name (grade, grade_2), or "grade" would silently read the first one.
        if (const auto it = written.find(v.name); it != written.end() && it->second.size() > 1) {
            for (std::size_t c : it->second) {
                if (!described.count(names[c])) {
                    throw DataError(place(r.name(), r.header_line(), v.name) +
                                    msgf("the header has this name {} (columns {} and "
                                         "{}), so careerstat cannot tell which one the "
                                         "codebook means; name them {} and {} in the codebook "
                                         "(as `careerstat codebook` drafts them)",
                                         it->second.size() == 2
                                             ? msgf("twice")
                                             : msgf("{} times", it->second.size()),
                                         it->second[0] + 1, it->second[1] + 1, names[it->second[0]],
                                         names[it->second[1]]));
                }
            }
        }
        if (drafted.count(v.name)) {
            continue;
        }
        std::optional<std::size_t> column;
        if (v.name.size() > 1 && v.name[0] == '#') {
            const auto k = util::parse_integer(std::string_view(v.name).substr(1));
            if (!k || *k < 1 || static_cast<std::size_t>(*k) > names.size()) {
                throw DataError(place(cb.source, v.line, "variable") +
                                msgf("{} is not a column of {} (it has {} columns)", v.name,
                                     r.name(), names.size()));
            }
            column = static_cast<std::size_t>(*k - 1);
        } else if (const auto it = written.find(v.name);
                   it != written.end() && it->second.size() == 1) {
            column = it->second.front();
        }
        // The column takes the codebook's name, so tables and --where use the codebook's
        // words; never when that would leave a drafted name to two columns.
        if (column && !drafted.count(v.name)) {
            names[*column] = v.name;
            drafted[v.name] = 1;
            renamed = true;
        }
    }
    if (renamed) {
        r.rename_columns(std::move(names));
    }
}

} // namespace careerstat::codebook
