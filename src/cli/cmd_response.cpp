// `careerstat response`: response rates per population, AAPOR rates from a sample file,
// response per subgroup, and item nonresponse.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/data/response.hpp"
#include "careerstat/data/sample.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/table/response_tables.hpp"
#include "careerstat/util/text.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace careerstat::cli {

namespace {

struct ResponseOptions {
    std::vector<std::string> exports;
    std::string codebook;
    std::string invited;
    std::string sample;
    std::string disposition_column;
    std::string by;
    double e = -1;
    double complete_at = 0.8;
    bool items = false;
    double flag = 10;
    std::string ci = "wilson";
    double level = 0.95;
    InputOptions input;
    OutputOptions output;
};

std::string population_name(const std::string& path) {
    return path == "-" ? "stdin" : std::filesystem::path(path).stem().string();
}

// "90" for one export, or "clients=90,employers=45".
std::map<std::string, double> parse_invited(const std::string& text,
                                            const std::vector<std::string>& names) {
    std::map<std::string, double> out;
    if (text.empty()) {
        return out;
    }
    for (std::string_view part : util::split(text, ',')) {
        part = util::trim(part);
        std::string name;
        std::string_view number = part;
        if (const auto eq = part.find('='); eq != std::string_view::npos) {
            name = std::string(util::trim(part.substr(0, eq)));
            number = util::trim(part.substr(eq + 1));
        } else if (names.size() == 1) {
            name = names[0];
        } else {
            throw UsageError(msgf("--invited {}: with several exports, name each: "
                                  "--invited {}=N,...",
                                  text, names.empty() ? msgf("clients") : names[0]));
        }
        const auto n = util::parse_integer(number);
        if (!n || *n <= 0) {
            throw UsageError(
                msgf("--invited {}: \"{}\" is not a positive whole number", text, number));
        }
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            std::string known;
            for (const auto& nm : names) {
                known += (known.empty() ? "" : ", ") + nm;
            }
            throw UsageError(msgf("--invited {}: no export called \"{}\" (the exports "
                                  "are: {})",
                                  text, name, known.empty() ? msgf("none") : known));
        }
        out[name] = static_cast<double>(*n);
    }
    return out;
}

void run_response(const ResponseOptions& o) {
    if (o.exports.empty() && o.sample.empty()) {
        throw UsageError(msgf("response: give one or more exports, or --sample FILE"));
    }
    if (o.items && o.exports.empty()) {
        throw UsageError(msgf("response --items: give the export(s) to check"));
    }
    if (!o.by.empty() && o.sample.empty()) {
        throw UsageError(msgf("--by needs --sample: subgroups come from the sample file"));
    }
    if (!o.codebook.empty() && o.exports.size() > 1) {
        throw UsageError(msgf("--codebook works with one export; with several, put each codebook "
                              "beside its export as <stem>.codebook.csv"));
    }
    analysis::Request request;
    request.ci = o.ci;
    request.level = o.level;
    request.lang = o.output.language();
    const table::BuildOptions b = analysis::make_build_options(request);
    const std::optional<double> e = o.e >= 0 ? std::optional<double>(o.e) : std::nullopt;

    std::vector<std::string> names;
    for (const auto& path : o.exports) {
        names.push_back(population_name(path));
    }
    const auto invited = parse_invited(o.invited, names);

    std::vector<table::Table> tables;
    std::vector<table::Population> pops;
    for (std::size_t i = 0; i < o.exports.size(); ++i) {
        Source src = open_source(o.exports[i], o.codebook, o.input);
        data::CompletionOptions copt =
            analysis::completion_options(src.layout, src.reader->header(), o.complete_at);
        table::Population p;
        p.name = names[i];
        p.counts = data::count_responses(*src.reader, src.codebook, copt);
        p.counts.excluded_what = src.layout.excluded_what;
        if (p.counts.returned == 0 && p.counts.excluded > 0) {
            warn_all_excluded(src);
        }
        if (auto it = invited.find(p.name); it != invited.end()) {
            if (it->second < p.counts.returned) {
                throw UsageError(msgf("--invited {}={:g}: {} holds {:g} returns, more "
                                      "than were invited",
                                      p.name, it->second, o.exports[i], p.counts.returned));
            }
            p.invited = it->second;
        }
        pops.push_back(std::move(p));
    }
    if (!pops.empty() && !o.items) {
        tables.push_back(table::response_table(pops, b));
    }
    if (o.items) {
        for (const auto& p : pops) {
            tables.push_back(table::item_nonresponse_table(p, o.flag, b));
        }
    }
    if (!o.sample.empty()) {
        register_input(o.sample, "the sample file");
        auto reader = io::RecordReader::open(o.sample, o.input.reader_options());
        const data::SampleCounts s = data::read_sample(*reader, o.disposition_column, o.by);
        for (auto& t : table::aapor_tables(s, e, b)) {
            tables.push_back(std::move(t));
        }
        if (!o.by.empty()) {
            for (auto& t : table::subgroup_tables(s, e, b)) {
                tables.push_back(std::move(t));
            }
        }
    }
    o.output.write(tables);
}

} // namespace

void setup_response(CLI::App& app) {
    auto o = std::make_shared<ResponseOptions>();
    CLI::App* sub = app.add_subcommand(
        "response", msgf("Response rates (AAPOR), response per subgroup, item nonresponse"));
    sub->footer(
        "Examples:\n"
        "  careerstat response data/clients.csv data/employers.csv --invited clients=90,employers=45\n"
        "  careerstat response --sample data/clients.sample.csv --by bureau\n"
        "  careerstat response --items data/clients.csv --flag 10");
    sub->add_option("exports", o->exports, msgf("Survey exports, one per population (CSV)"));
    sub->add_option("--codebook", o->codebook,
                    msgf("Codebook of a single export (default: <export>.codebook.csv)"));
    sub->add_option("--invited", o->invited,
                    msgf("Number invited: N for one export, or clients=90,employers=45"));
    sub->add_option("--sample", o->sample,
                    msgf("Sample file: one row per invitee with an AAPOR disposition code"));
    sub->add_option("--disposition-column", o->disposition_column,
                    msgf("Column of the sample file with the disposition (default: disposition)"));
    sub->add_option("--by", o->by,
                    msgf("Sample-file column for response per subgroup + chi-square"));
    sub->add_option(
           "--e", o->e,
           msgf("Share of unknown-eligibility cases assumed eligible (default: estimated)"))
        ->check(CLI::Range(0.0, 1.0));
    sub->add_option("--complete-at", o->complete_at,
                    msgf("Without completion metadata: share of questions answered for a complete "
                         "return"))
        ->check(CLI::Range(0.0, 1.0));
    sub->add_flag("--items", o->items,
                  msgf("Item nonresponse per question instead of response rates"));
    sub->add_option("--flag", o->flag,
                    msgf("Mark questions with item nonresponse above this percent"))
        ->check(CLI::Range(0.0, 100.0));
    sub->add_option("--ci", o->ci,
                    msgf("Interval for rates: wilson, clopper-pearson, jeffreys, agresti-coull"))
        ->check(CLI::IsMember({"wilson", "clopper-pearson", "exact", "jeffreys", "agresti-coull"}));
    sub->add_option("--level", o->level, msgf("Confidence level"))->check(CLI::Range(0.5, 0.9999));
    o->input.add_to(*sub);
    o->output.add_to(*sub);
    sub->callback([o] { run_response(*o); });
}

} // namespace careerstat::cli
