// `careerstat codebook`: infer a draft codebook from an export.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/codebook/infer.hpp"

#include <fmt/format.h>
#include <iostream>

namespace careerstat::cli {

namespace {

struct CodebookOptions {
    std::string export_path;
    std::string output;
    bool force = false;
    InputOptions input;
};

void run_codebook(const CodebookOptions& o) {
    register_input(o.export_path, "the export");
    auto reader = io::RecordReader::open(o.export_path, o.input.reader_options());
    const codebook::Codebook cb = codebook::infer(*reader);
    // An edited codebook is hours of work: write_output() keeps it unless --force.
    write_output(o.output, o.force, [&](std::ostream& out) { cb.write_csv(out); });
    if (!o.output.empty() && o.output != "-") {
        std::cerr << fmt::format("careerstat: wrote a draft codebook of {} variables to {}; "
                                 "check the types and add labels\n",
                                 cb.variables.size(), o.output);
    }
}

} // namespace

void setup_codebook(CLI::App& app) {
    auto o = std::make_shared<CodebookOptions>();
    CLI::App* sub =
        app.add_subcommand("codebook", "Infer a draft codebook (CSV) from an export, to edit");
    sub->footer("Example:\n  careerstat codebook survey.csv -o survey.codebook.csv");
    sub->add_option("export", o->export_path, "The survey export (CSV; - for standard input)")
        ->required();
    sub->add_option("-o,--output", o->output, "Write the draft to FILE instead of stdout");
    add_force_flag(*sub, o->force);
    o->input.add_to(*sub);
    sub->callback([o] { run_codebook(*o); });
}

} // namespace careerstat::cli
