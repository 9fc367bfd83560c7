#include "careerstat/report/scale_sections.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/table/scales.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <cmath>

namespace careerstat::report {

namespace {

bool for_population(const SectionSpec& s, const PopulationResult& r) {
    return s.population.empty() || s.population == r.spec->name;
}

// The driver analysis's variables in this codebook, or empty when it lacks one.
std::vector<std::size_t> driver_vars(const SectionSpec& s, const codebook::Codebook& cb) {
    std::vector<std::string> names{s.drivers};
    names.insert(names.end(), s.predictors.begin(), s.predictors.end());
    std::vector<std::size_t> vars;
    for (const std::string& name : names) {
        const auto i = cb.index_of(name);
        if (!i) {
            return {};
        }
        const codebook::Variable& v = cb.variables[*i];
        if (!table::is_driver_variable(v)) {
            throw DataError(msgf("{}: \"{}\" is of type {}; the variables of a driver "
                                 "analysis are Likert items, grades, NPS, numbers or scales",
                                 cb.source, name, codebook::type_name(v.type)));
        }
        vars.push_back(*i);
    }
    return vars;
}

// "0,75" in Dutch: the finding's numbers in the report's language.
std::string decimal(double value, int decimals, Lang lang) {
    std::string s = fmt::format("{:.{}f}", value, decimals);
    if (lang == Lang::Nl) {
        std::replace(s.begin(), s.end(), '.', ',');
    }
    return s;
}

} // namespace

void add_scale_accumulators(const Study& study, PopulationResult& r, data::Pass& pass) {
    const codebook::Codebook& cb = *r.codebook;
    for (std::size_t si = 0; si < study.sections.size(); ++si) {
        const SectionSpec& s = study.sections[si];
        if (!for_population(s, r)) {
            continue;
        }
        for (const std::string& name : s.scales) {
            const auto i = cb.index_of(name);
            if (!i || !cb.variables[*i].is_derived()) {
                continue;
            }
            data::CoMomentsOptions o;
            o.pairwise = s.pairwise;
            r.scales[si].push_back(std::make_unique<data::CoMoments>(cb, cb.variables[*i].items, o));
            pass.add(*r.scales[si].back());
        }
        if (!s.drivers.empty()) {
            std::vector<std::size_t> vars = driver_vars(s, cb);
            if (vars.empty()) {
                continue;
            }
            data::CoMomentsOptions o;
            o.ranks = true;
            o.keep_cases = s.bootstrap > 0;
            r.drivers[si] = std::make_unique<data::CoMoments>(cb, std::move(vars), o);
            pass.add(*r.drivers[si]);
        }
    }
}

std::vector<table::Table> scale_section_tables(const Study& study, std::size_t si,
                                               const std::vector<std::unique_ptr<PopulationResult>>& pops,
                                               Lang lang, std::vector<table::Finding>& findings) {
    const SectionSpec& s = study.sections[si];
    std::vector<table::Table> out;
    std::vector<std::string> found_scales;
    bool found_drivers = false;
    for (const auto& p : pops) {
        if (const auto it = p->scales.find(si); it != p->scales.end()) {
            for (const auto& m : it->second) {
                const codebook::Variable* score = nullptr;
                for (const codebook::Variable& v : p->codebook->variables) {
                    if (v.is_derived() && v.items == m->vars()) {
                        score = &v;
                    }
                }
                found_scales.push_back(score->name);
                table::ScaleResult r = table::scale_tables(*p->codebook, *score, *m,
                                                           p->settings.build, {s.pairwise});
                for (table::Table& t : r.tables) {
                    t.id += "." + p->spec->name;
                    t.subtitle = p->spec->label + "; " + t.subtitle;
                    out.push_back(std::move(t));
                }
            }
        }
        if (const auto it = p->drivers.find(si); it != p->drivers.end()) {
            found_drivers = true;
            table::DriverOptions d;
            d.bootstrap = s.bootstrap;
            table::DriverResult r = table::driver_tables(*p->codebook, *it->second,
                                                         p->settings.build, d);
            for (table::Table& t : r.tables) {
                t.id += "." + p->spec->name;
                t.subtitle = p->spec->label + "; " + t.subtitle;
                out.push_back(std::move(t));
            }
            const auto text = s.finding.find(lang);
            if (r.top && (study.auto_findings || text != s.finding.end())) {
                const std::map<std::string, std::string> fields{
                    {"predictor", r.top->label},
                    {"outcome", r.top->outcome_label},
                    {"r", decimal(r.top->r, 2, lang)},
                    {"pct", decimal(r.top->pct, 0, lang) + "%"},
                    {"r2", decimal(r.top->r2, 2, lang)},
                    {"n", fmt::format("{:g}", r.top->n)},
                    {"population", p->spec->label}};
                table::Finding finding;
                finding.text = fill(
                    text != s.finding.end()
                        ? text->second
                        : std::string(tr(lang, "Among {population}, “{predictor}” goes most "
                                               "strongly with “{outcome}” (r = {r}; {pct} of the "
                                               "explained variance; R-squared {r2}, n = {n}).")),
                    fields);
                finding.kind = "driver";
                finding.unit = "r";
                finding.value = r.top->r;
                finding.n = r.top->n;
                findings.push_back(std::move(finding));
            }
        }
    }
    for (const std::string& name : s.scales) {
        if (std::find(found_scales.begin(), found_scales.end(), name) == found_scales.end()) {
            throw DataError(msgf("{}: section \"{}\": no population's codebook has a scale "
                                 "\"{}\" (a group of two or more Likert items)",
                                 study.source, s.title, name));
        }
    }
    if (!s.drivers.empty() && !found_drivers) {
        throw DataError(msgf("{}: section \"{}\": no population's codebook has \"{}\" and "
                             "every predictor",
                             study.source, s.title, s.drivers));
    }
    for (table::Table& t : out) {
        t.section = s.title;
    }
    return out;
}

} // namespace careerstat::report
