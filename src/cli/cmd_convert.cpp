// `careerstat convert`: an export and its codebook as a labelled SPSS file, for a partner who
// continues in SPSS, PSPP or R's haven.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/data/record_pipeline.hpp"
#include "careerstat/data/sav_writer.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <iostream>

namespace careerstat::cli {

namespace {

struct ConvertOptions {
    std::string export_path;
    std::string codebook;
    std::string output;
    bool force = false;
    InputOptions input;
};

void run_convert(const ConvertOptions& o) {
    if (o.export_path == "-") {
        throw UsageError(
            msgf("convert reads the export twice (a .sav file gives its number of rows "
                 "first): give a file, not standard input"));
    }
    std::string ext = std::filesystem::path(o.output).extension().string();
    for (char& ch : ext) {
        ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    if (ext != ".sav" && ext != ".zsav") {
        throw UsageError(msgf("-o {}: convert writes an SPSS file: name it .sav (or .zsav, "
                              "compressed)",
                              o.output));
    }
    // First pass: the rows and each text column's width; every cell checked.
    Source first = open_source(o.export_path, o.codebook, o.input);
    data::SavWriter sav(first.codebook, first.reader->dialect().decimal_comma);
    sav.bind(first.reader->header(), first.reader->name(), first.reader->header_line());
    data::for_each_record(*first.reader, [&](std::span<const std::string_view> f, long line) {
        sav.measure(f, line);
    });
    // Second pass: the file. The export is opened again and read as the first time.
    Source second = open_source(o.export_path, o.codebook, o.input);
    sav.bind(second.reader->header(), second.reader->name(), second.reader->header_line());
    write_output(o.output, o.force, [&](std::ostream& out) {
        sav.begin(out, first.codebook.source, ext == ".zsav");
        data::for_each_record(*second.reader, [&](std::span<const std::string_view> f, long line) {
            sav.write(f, line);
        });
        sav.end();
    });
    for (const std::string& n : sav.notes()) {
        note(n);
    }
    note(msgf("wrote {}: {} rows, {} variables", o.output, sav.rows(), sav.columns().size()));
}

} // namespace

void setup_convert(CLI::App& app) {
    auto o = std::make_shared<ConvertOptions>();
    CLI::App* sub = app.add_subcommand(
        "convert", msgf("An export and its codebook as a labelled SPSS .sav file"));
    sub->footer(msgf("Examples:") +
                "\n"
                "  careerstat convert data/clients.csv -o clients.sav\n"
                "  careerstat convert export.csv --codebook export.codebook.csv -o export.zsav\n"
                "Variable labels, value labels, user-missing codes and measure levels from the "
                "codebook; a multi-select question as one 1/0 variable per option "
                "(docs/output.md).");
    sub->add_option("export", o->export_path,
                    msgf("The survey export: CSV, .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("--codebook", o->codebook, msgf("Codebook (default: <export>.codebook.csv)"));
    sub->add_option("-o,--output", o->output, msgf("The SPSS file to write (.sav, or .zsav)"))
        ->required();
    add_force_flag(*sub, o->force);
    o->input.add_to(*sub);
    sub->callback([o] { run_convert(*o); });
}

} // namespace careerstat::cli
