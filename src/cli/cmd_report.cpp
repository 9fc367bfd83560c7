// `careerstat report`: the whole study from its study file, in one run.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/messages.hpp"
#include "careerstat/report/report.hpp"
#include "careerstat/report/study.hpp"

namespace careerstat::cli {

namespace {

struct ReportCliOptions {
    std::string study;
    std::string ci = "wilson";
    double level = 0.95;
    InputOptions input;
    OutputOptions output;
};

void run_report(const ReportCliOptions& o) {
    const report::Study study = report::load_study(o.study);
    if (study.lang_given && !message_lang_chosen()) {
        set_message_lang(study.lang, false); // the study's language, over the environment's
    }
    register_input(o.study, "the study file");
    for (const report::PopulationSpec& p : study.populations) {
        register_input(p.export_path, "the export");
        register_input(p.codebook_path.empty() ? codebook::Codebook::default_path(p.export_path)
                                               : p.codebook_path,
                       "the codebook");
        register_input(p.sample_path, "the sample file");
    }
    report::ReportOptions ro;
    if (!o.output.lang.empty() || o.output.locale == "nl") {
        ro.lang = o.output.language();
    }
    ro.ci = *stats::parse_ci_method(o.ci);
    ro.level = o.level;
    ro.codes = o.output.codes;
    ro.reader = o.input.reader_options();
    const report::Report rep = report::build_report(study, ro);
    OutputOptions out = o.output;
    if (out.lang.empty()) {
        out.lang = rep.lang == Lang::Nl ? "nl" : "en";
    }
    if (out.locale.empty() && rep.lang == Lang::Nl && o.output.lang.empty()) {
        out.locale = "nl"; // a Dutch study reads 7,5 -- unless --locale or --lang says else
    }
    render::RenderOptions r;
    r.document_title = rep.title;
    r.key_findings = table::finding_texts(rep.findings);
    r.findings = rep.findings;
    out.write(rep.tables, r);
}

} // namespace

void setup_report(CLI::App& app) {
    auto o = std::make_shared<ReportCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "report", msgf("The whole study from a study file: response, sections, key findings"));
    sub->footer(msgf("Examples:") +
                "\n"
                "  careerstat report data/study.toml\n"
                "  careerstat report data/study.toml -o report.html\n"
                "  careerstat report data/study.toml --format csv -o tables/   (one file per "
                "table)\n"
                "The study file is described in docs/study.md.");
    sub->add_option("study", o->study, msgf("The study file (TOML)"))->required();
    sub->add_option(
           "--ci", o->ci,
           msgf("Interval for proportions: wilson, clopper-pearson, jeffreys, agresti-coull"))
        ->check(CLI::IsMember({"wilson", "clopper-pearson", "exact", "jeffreys", "agresti-coull"}));
    sub->add_option("--level", o->level, msgf("Confidence level"))->check(CLI::Range(0.5, 0.9999));
    o->input.add_to(*sub);
    o->output.add_to(*sub);
    sub->callback([o] { run_report(*o); });
}

} // namespace careerstat::cli
