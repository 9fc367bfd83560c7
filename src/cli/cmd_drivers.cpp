// `careerstat drivers`: what goes with an outcome (a grade, NPS, a Likert item or a scale
// score): correlations, standardised regression and Johnson's relative weights.
#include "commands.hpp"
#include "common.hpp"
#include "tabulate.hpp"

#include "careerstat/data/comoments.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/table/scales.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace careerstat::cli {

namespace {

struct DriversCliOptions {
    std::string export_path;
    std::string outcome;
    std::vector<std::string> predictors;
    std::string codebook;
    std::size_t bootstrap = 1000;
    std::uint64_t seed = 20151124;
    InputOptions input;
    OutputOptions output;
    StatsOptions stats;
};

std::size_t driver_variable(const codebook::Codebook& cb, const std::string& name,
                            const char* role) {
    const auto i = cb.index_of(name);
    if (!i) {
        throw UsageError(msgf("{}: no variable or scale \"{}\" (the {}){}", cb.source, name, role,
                              cb.did_you_mean(name)));
    }
    const codebook::Variable& v = cb.variables[*i];
    if (!table::is_driver_variable(v)) {
        throw UsageError(msgf("{}: \"{}\" is of type {}; the {} of a driver analysis "
                              "is a Likert item, grade, NPS, number or scale score",
                              cb.source, name, codebook::type_name(v.type), role));
    }
    return *i;
}

void run_drivers(const DriversCliOptions& o) {
    Source src = open_source(o.export_path, o.codebook, o.input);
    const codebook::Codebook& cb = src.codebook;
    std::vector<std::size_t> vars{driver_variable(cb, o.outcome, "outcome")};
    for (const std::string& p : o.predictors) {
        const std::size_t v = driver_variable(cb, p, "predictor");
        if (std::find(vars.begin(), vars.end(), v) != vars.end()) {
            throw UsageError(msgf("\"{}\" is named twice (as the outcome or a predictor)", p));
        }
        vars.push_back(v);
    }
    analysis::Settings settings = build_options(src, o.stats, o.output);
    data::CoMomentsOptions mo;
    mo.ranks = true;
    mo.keep_cases = o.bootstrap > 0;
    data::CoMoments moments(cb, vars, mo);
    run_pass(src, settings, {&moments});
    table::DriverOptions d;
    d.bootstrap = o.bootstrap;
    d.seed = o.seed;
    try {
        o.output.write(table::driver_tables(cb, moments, settings.build, d).tables);
    } catch (const DataError& e) {
        throw DataError(src.reader->name() + ": " + e.what()); // which export it is about
    }
}

} // namespace

void setup_drivers(CLI::App& app) {
    auto o = std::make_shared<DriversCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "drivers",
        msgf("Driver analysis: what goes with an outcome (correlations, relative weights)"));
    sub->footer(msgf("Examples:") +
                "\n"
                "  careerstat drivers data/clients.csv grade relation outcome sessions\n"
                "  careerstat drivers data/clients.csv recommend relation outcome --bootstrap 0 "
                "--format csv\n"
                "Per predictor: Pearson and Spearman correlations with the outcome, the "
                "standardised regression coefficient, and Johnson's relative weight (its share "
                "of R-squared) with a bootstrap interval. Respondents who answered the outcome "
                "and every predictor (listwise). Formulas: docs/scales.md.");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("outcome", o->outcome, msgf("The outcome: a grade, NPS, Likert item or scale"))
        ->required();
    sub->add_option("predictors", o->predictors, msgf("Likert items, numbers or scales"))
        ->required();
    sub->add_option("--codebook", o->codebook, msgf("Codebook (default: <export>.codebook.csv)"));
    sub->add_option(
           "--bootstrap", o->bootstrap,
           msgf("Resamples for the relative weights' intervals; 0: none (the cases are kept "
                "in memory for it: 8 bytes x (predictors + 2) each)"))
        ->capture_default_str();
    sub->add_option("--seed", o->seed, msgf("The bootstrap's random seed"))->capture_default_str();
    o->input.add_to(*sub);
    o->stats.add_to(*sub, false, false);
    o->output.add_to(*sub, false);
    sub->callback([o] { run_drivers(*o); });
}

} // namespace careerstat::cli
