// `careerstat describe`: Likert items and batteries, grades, NPS and numeric answers.
#include "careerstat/messages.hpp"
#include "commands.hpp"
#include "common.hpp"

#include <iostream>

#include <fmt/format.h>
#include "tabulate.hpp"

namespace careerstat::cli {

namespace {

struct DescribeOptions {
    std::string export_path;
    std::vector<std::string> names;
    std::string codebook;
    InputOptions input;
    OutputOptions output;
    StatsOptions stats;
    BannerCliOptions banner;
};

void run_describe(const DescribeOptions& o) {
    Source src = open_source(o.export_path, o.codebook, o.input);
    require_kinds(src.codebook, o.names, false);
    analysis::Settings settings = build_options(src, o.stats, o.output);
    if (!o.banner.by.empty()) {
        o.output.write(banner_run(src, o.names, settings, o.banner));
        return;
    }
    const data::Tabulator tab = tabulate(src, o.names, settings, {}, true);
    const auto tables = table::describe_tables(src.codebook, tab, settings.build);
    if (tables.empty()) {
        // Not an error (the export may simply have none), but never a silent nothing.
        std::cerr << "careerstat: "
                  << msgf("{}: nothing to describe: the codebook has no Likert, grade, NPS or "
                          "numeric questions; `careerstat freq` tabulates the others",
                          src.reader->name())
                  << '\n';
    }
    o.output.write(tables);
}

} // namespace

void setup_describe(CLI::App& app) {
    auto o = std::make_shared<DescribeOptions>();
    CLI::App* sub = app.add_subcommand(
        "describe", msgf("Means, SDs, top-2 box, grades and Net Promoter Score with intervals"));
    sub->footer(msgf("Example:") +
                "\n  careerstat describe data/clients.csv outcome grade recommend "
                "--population 90");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("questions", o->names,
                    msgf("Variables or groups to describe (default: every question)"));
    sub->add_option("--codebook", o->codebook, msgf("Codebook (default: <export>.codebook.csv)"));
    o->input.add_to(*sub);
    o->stats.add_to(*sub, false);
    o->banner.add_to(*sub, false);
    o->output.add_to(*sub);
    sub->callback([o] { run_describe(*o); });
}

} // namespace careerstat::cli
