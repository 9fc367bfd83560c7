// `careerstat drift`: what changed in the questionnaire between two waves' codebooks.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/codebook/drift.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/table/drift_table.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

namespace careerstat::cli {

namespace {

struct DriftOptions {
    std::string before;
    std::string after;
    OutputOptions output;
};

codebook::Codebook load(const std::string& path) {
    if (!std::filesystem::exists(path)) {
        throw UsageError(msgf("{}: cannot open: No such file or directory", path));
    }
    register_input(path, "a codebook");
    return codebook::Codebook::load(path);
}

void run_drift(const DriftOptions& o) {
    const codebook::Codebook before = load(o.before);
    const codebook::Codebook after = load(o.after);
    const std::vector<codebook::Drift> changes = codebook::compare_codebooks(before, after);
    o.output.write({table::drift_table(changes, o.before, o.after, o.output.language())});
    if (std::any_of(changes.begin(), changes.end(),
                    [](const codebook::Drift& d) { return d.breaks_trend; })) {
        throw CLI::RuntimeError(k_exit_data); // as validate: the table says why
    }
}

} // namespace

void setup_drift(CLI::App& app) {
    auto o = std::make_shared<DriftOptions>();
    CLI::App* sub = app.add_subcommand(
        "drift", msgf("Questionnaire drift: what changed between two waves' codebooks"));
    sub->footer(msgf("Examples:") +
                "\n"
                "  careerstat drift data/clients.codebook.csv data/2016/clients.codebook.csv\n"
                "  careerstat drift old.codebook.csv new.codebook.csv --format csv -o drift.csv\n"
                "Per variable: added, removed, type, wording (with its similarity), answer codes "
                "added or removed, a code whose label changed, range, missing codes, group and "
                "reverse wording. Exit 1 when a change would make a trend compare different "
                "things (docs/drift.md).");
    sub->add_option("before", o->before, msgf("The earlier wave's codebook"))->required();
    sub->add_option("after", o->after, msgf("The later wave's codebook"))->required();
    o->output.add_to(*sub, false);
    sub->callback([o] { run_drift(*o); });
}

} // namespace careerstat::cli
