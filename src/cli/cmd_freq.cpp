// `careerstat freq`: frequency tables of single-choice and multi-select questions.
#include "careerstat/messages.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "tabulate.hpp"

namespace careerstat::cli {

namespace {

struct FreqOptions {
    std::string export_path;
    std::vector<std::string> names;
    std::string codebook;
    std::string sort = "frequency";
    InputOptions input;
    OutputOptions output;
    StatsOptions stats;
    BannerCliOptions banner;
};

void run_freq(const FreqOptions& o) {
    Source src = open_source(o.export_path, o.codebook, o.input);
    require_kinds(src.codebook, o.names, true);
    analysis::Settings settings = build_options(src, o.stats, o.output);
    settings.build.sort_codebook = o.sort == "codebook";
    if (!o.banner.by.empty()) {
        o.output.write(banner_run(src, o.names, settings, o.banner));
        return;
    }
    const data::Tabulator tab = tabulate(src, o.names, settings, {}, false, true);
    o.output.write(table::frequency_tables(src.codebook, tab, settings.build));
}

} // namespace

void setup_freq(CLI::App& app) {
    auto o = std::make_shared<FreqOptions>();
    CLI::App* sub = app.add_subcommand("freq", msgf("Frequency tables with confidence intervals"));
    sub->footer(msgf("Example:") +
                "\n  careerstat freq data/clients.csv initiative barrier\n"
                "  careerstat freq data/clients.csv --population 90 --ci clopper-pearson -o "
                "freq.csv --locale nl --bom");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("questions", o->names,
                    msgf("Variables or groups to tabulate (default: every question)"));
    sub->add_option("--codebook", o->codebook, msgf("Codebook (default: <export>.codebook.csv)"));
    sub->add_option("--sort", o->sort, msgf("Order of multi-select options: frequency or codebook"))
        ->check(CLI::IsMember({"frequency", "codebook"}));
    o->input.add_to(*sub);
    o->stats.add_to(*sub);
    o->banner.add_to(*sub, false);
    o->output.add_to(*sub);
    sub->callback([o] { run_freq(*o); });
}

} // namespace careerstat::cli
