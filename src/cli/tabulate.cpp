#include "tabulate.hpp"

#include "careerstat/data/filter.hpp"
#include "careerstat/errors.hpp"

namespace careerstat::cli {

data::Tabulator tabulate(Source& src, const std::vector<std::string>& names,
                         const table::BuildOptions& options) {
    std::vector<codebook::Question> questions =
        names.empty() ? src.codebook.questions() : src.codebook.select(names);
    data::TabulateOptions t;
    t.decimal_comma = src.reader->dialect().decimal_comma;
    t.where = data::parse_where(options.where, src.codebook, t.decimal_comma);
    if (!options.weight_name.empty()) {
        t.weight = src.codebook.index_of(options.weight_name);
    }
    data::Tabulator tab(src.codebook, std::move(questions), t);
    tab.run(*src.reader);
    return tab;
}

} // namespace careerstat::cli
