// make_settings: the only place a run's statistical settings are assembled.
#include "careerstat/analysis/settings.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/data/filter.hpp"
#include "careerstat/errors.hpp"

#include <cmath>
#include <fmt/format.h>

namespace careerstat::analysis {

table::BuildOptions make_build_options(const Request& r) {
    table::BuildOptions b;
    const auto ci = stats::parse_ci_method(r.ci);
    if (!ci) {
        throw UsageError(msgf("--ci {}: use wilson, clopper-pearson, jeffreys or "
                              "agresti-coull",
                              r.ci));
    }
    // Written as !(inside) so that NaN, which compares false with everything, is refused.
    if (!(r.level >= 0.5 && r.level <= 0.9999)) {
        throw UsageError(msgf("--level {}: give a confidence level between 0.5 and "
                              "0.9999, e.g. 0.95",
                              r.level));
    }
    if (!(r.population == 0 || (r.population > 0 && std::isfinite(r.population)))) {
        throw UsageError(msgf("--population {}: give the number of people in the "
                              "population (a positive number)",
                              r.population));
    }
    b.ci = *ci;
    b.level = r.level;
    b.population = r.population;
    b.lang = r.lang;
    b.codes = r.codes;
    b.where = r.where;
    b.where.insert(b.where.end(), r.notes.begin(), r.notes.end());
    return b;
}

Settings make_settings(const codebook::Codebook& cb, const Request& r, bool decimal_comma) {
    Settings s;
    s.build = make_build_options(r);
    table::BuildOptions& b = s.build;
    data::PassOptions& t = s.pass;
    t.decimal_comma = decimal_comma;
    t.where = data::parse_where(r.where, cb, decimal_comma);
    if (!r.weight.empty()) {
        const auto idx = cb.index_of(r.weight);
        if (!idx) {
            throw UsageError(msgf("--weight {}: no such variable in {}", r.weight, cb.source));
        }
        if (!cb.variables[*idx].is_numeric()) {
            throw UsageError(msgf("--weight {}: a {} variable holds no weights; give a "
                                  "weight or numeric variable",
                                  r.weight, codebook::type_name(cb.variables[*idx].type)));
        }
        t.weight = idx;
    } else {
        t.weight = cb.weight_variable();
    }
    if (t.weight) {
        b.weight_name = cb.variables[*t.weight].name;
    }
    return s;
}

data::CompletionOptions completion_options(const platform::Layout& layout,
                                           const std::vector<std::string>& header,
                                           double complete_at) {
    data::CompletionOptions o;
    o.complete_at = complete_at;
    using platform::Completion;
    switch (layout.completion) {
    case Completion::None:
        return o;
    case Completion::SubmitDate:
        o.rule = data::CompletionRule::SubmitDate;
        break;
    case Completion::Finished:
        o.rule = data::CompletionRule::Finished;
        break;
    case Completion::RedcapForms:
        o.rule = data::CompletionRule::RedcapForms;
        break;
    case Completion::EveryRow:
        o.rule = data::CompletionRule::EveryRow;
        break;
    }
    for (std::size_t c : layout.completion_columns) {
        if (c < header.size()) {
            o.rule_columns.push_back(header[c]);
        }
    }
    return o;
}

} // namespace careerstat::analysis
