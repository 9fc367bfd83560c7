// `careerstat crosstab`: banner tables of questions by one or more banner variables, with
// significance letters, overall tests, small-base flags and suppression.
#include "careerstat/messages.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "tabulate.hpp"

namespace careerstat::cli {

namespace {

struct CrosstabOptions {
    std::string export_path;
    std::vector<std::string> names;
    std::string codebook;
    InputOptions input;
    OutputOptions output;
    StatsOptions stats;
    BannerCliOptions banner;
};

void run_crosstab(const CrosstabOptions& o) {
    Source src = open_source(o.export_path, o.codebook, o.input);
    analysis::Settings settings = build_options(src, o.stats, o.output);
    o.output.write(banner_run(src, o.names, settings, o.banner));
}

} // namespace

void setup_crosstab(CLI::App& app) {
    auto o = std::make_shared<CrosstabOptions>();
    CLI::App* sub = app.add_subcommand(
        "crosstab", msgf("Banner tables: questions by subgroups, with significance letters"));
    sub->footer(
        "Examples:\n"
        "  careerstat crosstab data/clients.csv initiative barrier relation --by bureau --by educ\n"
        "  careerstat crosstab data/clients.csv outcome --by age:18-29,30-44,45-64,65- "
        "--sig 0.05,0.10 --adjust holm\n"
        "  careerstat crosstab data/clients.csv initiative --by bureau --suppress 5 -o "
        "by_bureau.csv\n"
        "Columns: Total, then each banner's categories, lettered A, B, C. A letter in a cell "
        "names a column of the same banner that is significantly lower.");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("questions", o->names,
                    msgf("Variables or groups to break down (default: every question but the "
                         "banners)"));
    sub->add_option("--codebook", o->codebook, msgf("Codebook (default: <export>.codebook.csv)"));
    o->banner.add_to(*sub, true);
    o->input.add_to(*sub);
    o->stats.add_to(*sub, false);
    o->output.add_to(*sub);
    sub->callback([o] { run_crosstab(*o); });
}

} // namespace careerstat::cli
