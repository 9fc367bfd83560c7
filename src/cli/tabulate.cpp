#include "tabulate.hpp"

#include "careerstat/errors.hpp"

#include <fmt/format.h>
#include <iostream>

namespace careerstat::cli {

data::Tabulator tabulate(Source& src, const std::vector<std::string>& names,
                         analysis::Settings& settings,
                         const std::vector<data::Accumulator*>& also) {
    std::vector<codebook::Question> questions =
        names.empty() ? src.codebook.questions() : src.codebook.select(names);
    const table::BuildOptions& options = settings.build;
    data::Tabulator tab(src.codebook, std::move(questions), settings.pass.weight.has_value());
    data::Pass pass(src.codebook, settings.pass);
    pass.add(tab);
    for (data::Accumulator* a : also) {
        pass.add(*a);
    }
    pass.run(*src.reader);
    settings.build.skipped_empty = src.reader->skipped_empty();
    settings.build.excluded = src.reader->excluded();
    settings.build.excluded_what = src.layout.excluded_what;
    if (options.population > 0 && pass.rows_read() > options.population) {
        throw UsageError(fmt::format("--population {:g}: {} holds {:g} returns, more than the "
                                     "population; give the number invited",
                                     options.population, src.reader->name(), pass.rows_read()));
    }
    if (pass.rows_read() == 0 && src.reader->excluded() > 0) {
        warn_all_excluded(src);
    } else if (!options.where.empty() && tab.respondent_cases() == 0) {
        std::cerr << fmt::format("careerstat: warning: --where kept none of the {:g} "
                                 "respondents; every table is empty\n",
                                 pass.rows_read());
    }
    return tab;
}

void require_kinds(const codebook::Codebook& cb, const std::vector<std::string>& names,
                   bool freq) {
    using Kind = codebook::Question::Kind;
    for (const codebook::Question& q : cb.select(names)) {
        const auto& v = cb.variables[q.variables[0]];
        const std::string type(codebook::type_name(v.type));
        if (q.kind == Kind::Other) {
            throw UsageError(fmt::format("\"{}\" is a {} column: there is nothing to tabulate",
                                         q.name, type));
        }
        if (!freq && (q.kind == Kind::Multi ||
                      (q.kind == Kind::Single && v.type != codebook::VarType::Likert))) {
            throw UsageError(fmt::format("\"{}\" is a {} question: `careerstat freq` "
                                         "tabulates it; describe shows Likert items, grades, "
                                         "NPS and numbers",
                                         q.name, q.kind == Kind::Multi ? "multi-select" : type));
        }
    }
}

} // namespace careerstat::cli
