// `careerstat trend`: the yearly survey's questions across its waves, with tests of change.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/report/trend.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace careerstat::cli {

namespace {

struct TrendCliOptions {
    std::vector<std::string> studies;
    std::vector<std::string> questions;
    std::string population;
    double min_base = -1; // not given: the trend section's, else 30
    std::string ci = "wilson";
    double level = 0.95;
    bool no_drift = false;
    InputOptions input;
    OutputOptions output;
};

void register_study(const report::Study& study) {
    register_input(study.source, "the study file");
    for (const report::PopulationSpec& p : study.populations) {
        register_input(p.export_path, "the export");
        register_input(p.codebook_path.empty() ? codebook::Codebook::default_path(p.export_path)
                                               : p.codebook_path,
                       "the codebook");
    }
}

// The questions of the newest study's trend sections, else of all its sections.
std::vector<std::string> default_questions(const report::Study& study) {
    std::vector<std::string> out;
    const auto add = [&](const std::vector<std::string>& names) {
        for (const std::string& n : names) {
            if (std::find(out.begin(), out.end(), n) == out.end()) {
                out.push_back(n);
            }
        }
    };
    for (const report::SectionSpec& s : study.sections) {
        add(s.trend);
    }
    if (out.empty()) {
        for (const report::SectionSpec& s : study.sections) {
            if (s.by.empty()) {
                add(s.questions);
            }
        }
    }
    return out;
}

void run_trend(const TrendCliOptions& o) {
    std::vector<std::unique_ptr<report::Study>> studies;
    for (const std::string& path : o.studies) {
        studies.push_back(std::make_unique<report::Study>(report::load_study(path)));
        if (studies.size() == 1 && studies.back()->lang_given && !message_lang_chosen()) {
            set_message_lang(studies.back()->lang, false);
        }
        if (studies.back()->year == 0) {
            throw UsageError(msgf("{}: a wave of a trend needs its year = ...", path));
        }
        register_study(*studies.back());
    }
    std::stable_sort(studies.begin(), studies.end(),
                     [](const auto& a, const auto& b) { return a->year < b->year; });
    std::unique_ptr<report::Study> newest = std::move(studies.back());
    studies.pop_back();

    report::ReportOptions ro;
    if (!o.output.lang.empty() || o.output.locale == "nl") {
        ro.lang = o.output.language();
    }
    const Lang lang = ro.lang.value_or(newest->lang);
    ro.ci = *stats::parse_ci_method(o.ci);
    ro.level = o.level;
    ro.codes = o.output.codes;
    ro.reader = o.input.reader_options();
    const std::vector<std::string> questions =
        o.questions.empty() ? default_questions(*newest) : o.questions;
    if (questions.empty()) {
        throw UsageError(msgf("{}: no questions: name them with --question, or give the "
                              "study a section with trend = [...]",
                              newest->source));
    }

    // The waves: the study files given, each mapped by the newest one's [[wave]] of its
    // year; one study file alone brings its [[wave]]s.
    report::EarlierWaves earlier;
    if (studies.empty()) {
        earlier = report::read_study_waves(*newest, questions, ro, lang);
        for (const auto& st : earlier.studies) {
            register_study(*st);
        }
    } else {
        for (auto& st : studies) {
            const report::WaveSpec* mapping = nullptr;
            for (const report::WaveSpec& ws : newest->waves) {
                if (ws.year == st->year) {
                    mapping = &ws;
                }
            }
            report::read_earlier_wave(std::move(st), mapping, questions, ro, lang, earlier);
        }
    }
    if (earlier.waves.empty()) {
        throw UsageError(msgf("{}: a trend needs at least two waves: give two or more "
                              "study files, or [[wave]] entries in this one (docs/trend.md)",
                              newest->source));
    }

    // The newest wave: its populations read for the trend's questions only.
    std::vector<std::unique_ptr<report::PopulationResult>> now_pops;
    report::TrendWaveData now;
    now.year = newest->year;
    now.study = newest.get();
    for (const report::PopulationSpec& spec : newest->populations) {
        now_pops.push_back(report::read_population(*newest, spec, ro, questions, lang, false));
        now.pops.push_back(now_pops.back().get());
    }
    std::vector<report::TrendWaveData> waves = earlier.waves;
    waves.push_back(now);

    report::TrendRequest request;
    request.questions = questions;
    request.population = o.population;
    request.min_base = o.min_base;
    if (request.min_base < 0) {
        request.min_base = 30;
        for (const report::SectionSpec& s : newest->sections) {
            if (!s.trend.empty()) {
                request.min_base = s.min_base;
                break;
            }
        }
    }
    std::vector<table::Table> tables = report::trend_tables(waves, request, ro, lang);
    if (!o.no_drift) {
        for (table::Table& t : report::trend_drift_tables(waves, lang)) {
            tables.push_back(std::move(t));
        }
    }
    OutputOptions out = o.output;
    if (out.lang.empty()) {
        out.lang = lang == Lang::Nl ? "nl" : "en";
    }
    if (out.locale.empty() && lang == Lang::Nl && o.output.lang.empty()) {
        out.locale = "nl";
    }
    render::RenderOptions r;
    std::string years;
    for (const report::TrendWaveData& w : waves) {
        years += (years.empty() ? "" : ", ") + std::to_string(w.year);
    }
    r.document_title = fmt::format("{}: {} {}", newest->title, tr(lang, "trend"), years);
    out.write(tables, r);
}

} // namespace

void setup_trend(CLI::App& app) {
    auto o = std::make_shared<TrendCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "trend",
        msgf("The yearly survey across its waves: each year side by side, changes tested"));
    sub->footer(msgf("Examples:") +
                "\n"
                "  careerstat trend data/study.toml data/2016/study.toml data/2017/study.toml\n"
                "  careerstat trend data/2017/study.toml            (its [[wave]]s)\n"
                "  careerstat trend data/2017/study.toml -q initiative,grade -o trend.html\n"
                "Per question: each wave's percentage or mean with its interval, the change from "
                "the previous and the first wave (Newcombe's interval for shares, Welch's t for "
                "means, marked when significant). A question whose meaning changed between waves "
                "is left out with a note unless the newest study maps the old wave onto it "
                "(docs/trend.md).");
    sub->add_option("studies", o->studies,
                    msgf("The study files of the waves (TOML), in any order"))
        ->required();
    sub->add_option("-q,--question", o->questions,
                    msgf("Questions (variables or groups) of the newest wave; default: its trend "
                         "sections, else every section's questions"))
        ->delimiter(',');
    sub->add_option("--population", o->population, msgf("Only this population (its name)"));
    sub->add_option("--min-base", o->min_base,
                    msgf("Waves with fewer cases are flagged (*) and not tested (default: the "
                         "study's trend section's min_base, else 30)"))
        ->check(CLI::NonNegativeNumber);
    sub->add_option(
           "--ci", o->ci,
           msgf("Interval for proportions: wilson, clopper-pearson, jeffreys, agresti-coull"))
        ->check(CLI::IsMember({"wilson", "clopper-pearson", "exact", "jeffreys", "agresti-coull"}));
    sub->add_option("--level", o->level, msgf("Confidence level"))->check(CLI::Range(0.5, 0.9999));
    sub->add_flag(
        "--no-drift", o->no_drift,
        msgf("Leave out the questionnaire drift tables (the notes still say what was left out)"));
    o->input.add_to(*sub);
    o->output.add_to(*sub);
    sub->callback([o] { run_trend(*o); });
}

} // namespace careerstat::cli
