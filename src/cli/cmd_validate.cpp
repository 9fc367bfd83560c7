// `careerstat validate`: check an export against its codebook, listing every problem.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/data/validate.hpp"
#include "careerstat/errors.hpp"

#include <fmt/format.h>
#include <iostream>

namespace careerstat::cli {

namespace {

struct ValidateOptions {
    std::string export_path;
    std::string codebook;
    InputOptions input;
};

// Exit 0 when clean, 1 when problems were found.
void run_validate(const ValidateOptions& o) {
    Source src = open_source(o.export_path, o.codebook, o.input);
    const data::ValidateSummary s =
        data::validate(*src.reader, src.codebook, [](const data::Problem& p) {
            std::cout << p.to_string() << '\n';
        });
    std::cout.flush();
    if (const long skipped = src.reader->skipped_empty(); skipped > 0) {
        std::cerr << fmt::format("careerstat: {} row{} holding only delimiters (empty rows) "
                                 "skipped\n",
                                 skipped, skipped == 1 ? "" : "s");
    }
    if (s.problems > 0) {
        std::cerr << fmt::format("careerstat: {} problem{} in {} rows of {}\n", s.problems,
                                 s.problems == 1 ? "" : "s", s.rows, src.reader->name());
        throw CLI::RuntimeError(k_exit_data);
    }
    std::cerr << fmt::format("careerstat: {} rows of {} agree with {}\n", s.rows,
                             src.reader->name(), src.codebook.source);
}

} // namespace

void setup_validate(CLI::App& app) {
    auto o = std::make_shared<ValidateOptions>();
    CLI::App* sub = app.add_subcommand(
        "validate", "Check an export against its codebook; exit 1 when problems are found");
    sub->footer("Example:\n  careerstat validate data/clients.csv");
    sub->add_option("export", o->export_path, "The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta")
        ->required();
    sub->add_option("--codebook", o->codebook, "Codebook (default: <export>.codebook.csv)");
    o->input.add_to(*sub);
    sub->callback([o] { run_validate(*o); });
}

} // namespace careerstat::cli
