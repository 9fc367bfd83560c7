// `careerstat codebook`: infer a draft codebook from an export.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/codebook/infer.hpp"
#include "careerstat/errors.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>

namespace careerstat::cli {

namespace {

struct CodebookOptions {
    std::string export_path;
    std::string output;
    InputOptions input;
};

void run_codebook(const CodebookOptions& o) {
    auto reader = io::RecordReader::open(o.export_path, o.input.reader_options());
    const codebook::Codebook cb = codebook::infer(*reader);
    std::ostringstream text;
    cb.write_csv(text);
    if (o.output.empty() || o.output == "-") {
        std::cout << text.str();
        return;
    }
    if (std::filesystem::exists(o.output) &&
        std::filesystem::equivalent(o.output, o.export_path)) {
        throw UsageError(fmt::format("-o {}: that is the export itself; inputs are never "
                                     "written to",
                                     o.output));
    }
    const std::string tmp = o.output + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text.str();
        if (!out) {
            throw UsageError(fmt::format("{}: cannot write", o.output));
        }
    }
    std::filesystem::rename(tmp, o.output);
    std::cerr << fmt::format("careerstat: wrote a draft codebook of {} variables to {}; check "
                             "the types and add labels\n",
                             cb.variables.size(), o.output);
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
    o->input.add_to(*sub);
    sub->callback([o] { run_codebook(*o); });
}

} // namespace careerstat::cli
