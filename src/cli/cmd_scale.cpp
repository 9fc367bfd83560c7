// `careerstat scale`: the reliability of each scale (a codebook group of Likert items):
// Cronbach's alpha with its intervals, omega, and per item r.drop and alpha if dropped.
#include "commands.hpp"
#include "common.hpp"
#include "tabulate.hpp"

#include "careerstat/data/comoments.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/i18n.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/table/scales.hpp"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace careerstat::cli {

namespace {

struct ScaleCliOptions {
    std::string export_path;
    std::vector<std::string> names;
    std::string codebook;
    bool pairwise = false;
    InputOptions input;
    OutputOptions output;
    StatsOptions stats;
};

void run_scale(const ScaleCliOptions& o) {
    Source src = open_source(o.export_path, o.codebook, o.input);
    const codebook::Codebook& cb = src.codebook;
    std::vector<std::size_t> scales;
    std::string known;
    for (std::size_t i = 0; i < cb.variables.size(); ++i) {
        if (cb.variables[i].is_derived()) {
            known += (known.empty() ? "" : ", ") + cb.variables[i].name;
            if (o.names.empty()) {
                scales.push_back(i);
            }
        }
    }
    for (const std::string& name : o.names) {
        const auto i = cb.index_of(name);
        if (!i || !cb.variables[*i].is_derived()) {
            throw UsageError(msgf("{}: \"{}\" is not a scale: a scale is a group of two or "
                                  "more Likert items; the codebook's scales: {}",
                                  cb.source, name, known.empty() ? msgf("none") : known));
        }
        scales.push_back(*i);
    }
    if (scales.empty()) {
        throw UsageError(msgf("{}: the codebook has no scale (a group of two or more "
                              "Likert items)",
                              cb.source));
    }
    analysis::Settings settings = build_options(src, o.stats, o.output);
    std::vector<std::unique_ptr<data::CoMoments>> moments;
    std::vector<data::Accumulator*> accumulators;
    for (std::size_t s : scales) {
        data::CoMomentsOptions mo;
        mo.pairwise = o.pairwise;
        moments.push_back(std::make_unique<data::CoMoments>(cb, cb.variables[s].items, mo));
        accumulators.push_back(moments.back().get());
    }
    run_pass(src, settings, accumulators);
    std::vector<table::Table> tables;
    for (std::size_t k = 0; k < scales.size(); ++k) {
        table::ScaleResult r;
        try {
            r = table::scale_tables(cb, cb.variables[scales[k]], *moments[k], settings.build,
                                    {o.pairwise});
        } catch (const DataError& e) {
            throw DataError(src.reader->name() + ": " + e.what()); // which export it is about
        }
        for (const std::string& w : r.warnings) {
            warn(w);
        }
        for (table::Table& t : r.tables) {
            tables.push_back(std::move(t));
        }
    }
    if (!o.pairwise && !tables.empty()) {
        // The table's footnote says what n is, for its reader; the option is for whoever runs this.
        note(tr(settings.build.lang, "listwise: only respondents who answered every item count; "
                                     "--pairwise uses every pair of items (docs/scales.md)"));
    }
    o.output.write(tables);
}

} // namespace

void setup_scale(CLI::App& app) {
    auto o = std::make_shared<ScaleCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "scale",
        msgf("Scale reliability: Cronbach's alpha with intervals, omega, item statistics"));
    sub->footer(msgf("Examples:") +
                "\n"
                "  careerstat scale data/clients.csv outcome\n"
                "  careerstat scale data/clients.csv outcome --pairwise --format json\n"
                "A scale is a codebook group of Likert items; reverse-worded items (reverse = 1) "
                "are scored min + max - answer. Its score (the mean of the answered items, at "
                "least min_items) is a variable named after the group: describe, crosstab --by "
                "and drivers use it. Formulas: docs/scales.md.");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("scales", o->names, msgf("Groups of Likert items (default: every scale)"));
    sub->add_option("--codebook", o->codebook, msgf("Codebook (default: <export>.codebook.csv)"));
    sub->add_flag(
        "--pairwise", o->pairwise,
        msgf("Each covariance over the respondents who answered both items (psych::alpha's "
             "default), instead of only those who answered every item (SPSS)"));
    o->input.add_to(*sub);
    o->stats.add_to(*sub, false, false);
    o->output.add_to(*sub, false);
    sub->callback([o] { run_scale(*o); });
}

} // namespace careerstat::cli
