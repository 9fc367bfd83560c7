#include "careerstat/report/report.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/codebook/binding.hpp"
#include "careerstat/codebook/dictionary.hpp"

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/data/record_pipeline.hpp"
#include "careerstat/data/response.hpp"
#include "careerstat/data/sample.hpp"
#include "careerstat/data/tabulator.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/report/findings.hpp"
#include "careerstat/report/open_answers.hpp"
#include "careerstat/report/scale_sections.hpp"
#include "careerstat/report/trend.hpp"
#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/table/banner.hpp"
#include "careerstat/table/builders.hpp"
#include "careerstat/table/compare.hpp"
#include "careerstat/table/response_tables.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <fmt/ranges.h>
#include <memory>
#include <optional>
#include <cstdlib>

namespace careerstat::report {

using codebook::Question;

namespace {

// The codebook of a population: `codebook = ...` in the study, else the one beside the
// export (<export stem>.codebook.csv), else the one this population had in the latest
// earlier [[wave]] whose codebook exists (a yearly rerun whose questionnaire did not change:
// the study file was copied next to the new exports, the codebooks were not). Empty for a
// .sav or .dta without a codebook (its dictionary is one). Throws UsageError naming every
// path tried and how to give the codebook.
std::string codebook_of(const Study &study, const PopulationSpec &spec, bool has_dictionary) {
    if (!spec.codebook_path.empty()) {
        return spec.codebook_path;
    }
    const std::string beside = codebook::Codebook::default_path(spec.export_path);
    if (std::filesystem::exists(beside)) {
        return beside;
    }
    if (has_dictionary) {
        return {};
    }
    std::vector<const WaveSpec *> waves;
    for (const WaveSpec &w : study.waves) {
        waves.push_back(&w);
    }
    std::sort(waves.begin(), waves.end(),
              [](const WaveSpec* a, const WaveSpec* b) { return a->year > b->year; });
    std::string tried = beside;
    for (const WaveSpec* w : waves) {
        if (!std::filesystem::exists(w->study_path)) {
            continue; // the trend says so, with its line
        }
        const Study earlier = load_study(w->study_path);
        for (const PopulationSpec &p : earlier.populations) {
            if (p.name != spec.name) {
                continue;
            }
            const std::string path = p.codebook_path.empty()
                                         ? codebook::Codebook::default_path(p.export_path)
                                         : p.codebook_path;
            if (std::filesystem::exists(path)) {
                note(msgf("{}: population \"{}\": no codebook beside the export ({}); using "
                          "the {} study's, {}",
                          study.source, spec.name, beside, w->year, path));
                return path;
            }
            tried += ", " + path;
        }
    }
    const std::string file = std::filesystem::path(beside).filename().string();
    throw UsageError(msgf("{}: population \"{}\": no codebook (looked for {}); copy last "
                          "year's codebook to {}, or name it in the [[population]], e.g. "
                          "codebook = \"../{}/{}\"",
                          study.source, spec.name, tried, beside,
                          study.year > 0 ? std::to_string(study.year - 1) : "2015", file));
}

} // namespace

// One population's single pass: completion per record feeds the tabulator.
std::unique_ptr<PopulationResult> read_population(const Study& study, const PopulationSpec& spec,
                                                  const ReportOptions& options,
                                                  const std::vector<std::string>& wanted,
                                                  Lang lang, bool with_sections) {
    auto r = std::make_unique<PopulationResult>();
    r->spec = &spec;
    for (const std::string* path : {&spec.export_path, &spec.sample_path}) {
        if (!path->empty() && !std::filesystem::exists(*path)) {
            throw UsageError(msgf("{}: population \"{}\": cannot open {} (paths in a "
                                  "study file are relative to the study file)",
                                  study.source, spec.name, *path));
        }
    }
    io::ReaderOptions reader_options = options.reader;
    if (!spec.sheet.empty()) {
        reader_options.sheet = spec.sheet;
    }
    auto reader = io::RecordReader::open(spec.export_path, reader_options);
    r->layout = platform::open(*reader, spec.platform);
    std::vector<std::string> dictionary_notes;
    const std::string cb_path = codebook_of(study, spec, reader->dictionary() != nullptr);
    if (cb_path.empty()) {
        // A .sav or .dta is its own codebook unless one is given or lies beside it.
        r->codebook = std::make_unique<codebook::Codebook>(
            *codebook::dictionary_codebook(*reader, dictionary_notes, &r->layout));
        for (const std::string& n : dictionary_notes) {
            note(msgf("{}: {}", reader->name(), n));
        }
    } else {
        r->codebook =
            std::make_unique<codebook::Codebook>(codebook::load_for_export(cb_path, *reader));
    }
    codebook::add_scale_scores(*r->codebook, study.min_items);
    const codebook::Codebook& cb = *r->codebook;
    for (const Question& q : cb.questions()) {
        if (q.kind != Question::Kind::Other &&
            std::find(wanted.begin(), wanted.end(), q.name) != wanted.end()) {
            r->questions.push_back(q);
        }
    }
    // A battery's scale score is counted with it, for its describe table.
    r->questions = cb.with_scale_scores(std::move(r->questions));
    analysis::Request request;
    request.ci = std::string(stats::ci_method_name(options.ci));
    request.level = options.level;
    request.population = spec.invited.value_or(0);
    request.lang = lang;
    request.codes = options.codes;
    if (study.complete_only) {
        request.notes.emplace_back(tr(lang, "complete returns only"));
    }
    r->settings = analysis::make_settings(cb, request, reader->dialect().decimal_comma);
    r->settings.build.likert_distribution = true;
    r->tab = std::make_unique<data::Tabulator>(cb, r->questions,
                                               r->settings.pass.weight.has_value());
    data::Pass pass(cb, r->settings.pass);
    pass.add(*r->tab);
    // Sections with breakdowns: their banner counts ride the same pass, in each population
    // whose codebook has every banner variable.
    for (std::size_t si = 0; si < study.sections.size() && with_sections; ++si) {
        const SectionSpec& s = study.sections[si];
        if (s.by.empty() || (!s.population.empty() && s.population != spec.name)) {
            continue;
        }
        const bool has_all = std::all_of(s.by.begin(), s.by.end(), [&](const std::string& b) {
            const std::string name = b.substr(0, b.find(':'));
            return cb.index_of(name).has_value() ||
                   std::any_of(cb.variables.begin(), cb.variables.end(),
                               [&](const auto& v) { return v.group == name; });
        });
        if (!has_all) {
            continue;
        }
        std::vector<data::Banner> banners;
        for (const std::string& b : s.by) {
            banners.push_back(data::make_banner(cb, b, reader->dialect().decimal_comma));
        }
        std::vector<Question> qs;
        for (const Question& q : r->questions) {
            if (std::find(s.questions.begin(), s.questions.end(), q.name) != s.questions.end()) {
                qs.push_back(q);
            }
        }
        r->cross[si] = std::make_unique<data::CrossCounts>(cb, std::move(qs), std::move(banners));
        pass.add(*r->cross[si]);
    }
    if (with_sections) {
        add_scale_accumulators(study, *r, pass);
    }
    data::ResponseCounter counter(cb, analysis::completion_options(r->layout, reader->header(), 0.8));
    pass.bind(reader->header(), reader->name(), reader->header_line());
    counter.bind(reader->header(), reader->name(), reader->header_line(),
                 reader->dialect().decimal_comma);
    counter.count_items(with_sections); // a trend's wave needs completeness only
    if (with_sections) {
        r->open = open_answer_columns(study, cb, reader->header(), reader->name(),
                                      reader->header_line());
    }
    data::for_each_record(*reader, [&](std::span<const std::string_view> fields, long line) {
        if (!with_sections && !study.complete_only) {
            pass.feed(fields, line); // a trend's wave: no response table, no completeness
            return;
        }
        const std::optional<bool> complete = counter.add(fields, line);
        if (study.complete_only && !complete) {
            throw DataError(
                msgf("{}: respondents = \"complete\" needs to know the last page: give lastpage's "
                     "range in {} (choices = 1..N)",
                     study.source, cb.source));
        }
        if (!study.complete_only || *complete) {
            pass.feed(fields, line);
            collect_open_answers(r->open, fields);
        }
    });
    r->response = counter.finish();
    r->response.skipped_empty = reader->skipped_empty();
    r->settings.build.skipped_empty = reader->skipped_empty();
    r->response.excluded = reader->excluded();
    r->response.excluded_what = r->layout.excluded_what;
    r->settings.build.excluded = reader->excluded();
    r->settings.build.excluded_what = r->layout.excluded_what;
    if (spec.invited && *spec.invited < r->response.returned) {
        throw UsageError(msgf("{}: population \"{}\": invited = {:g}, but {} holds {:g} "
                              "returns; invited counts everyone who was asked",
                              study.source, spec.name, *spec.invited, spec.export_path,
                              r->response.returned));
    }
    if (!spec.sample_path.empty() && with_sections) {
        io::ReaderOptions sample_options = options.reader;
        sample_options.sheet.clear(); // --sheet names the export's sheet
        auto sample_reader = io::RecordReader::open(spec.sample_path, sample_options);
        r->sample = data::read_sample(*sample_reader, "", "");
    }
    return r;
}

namespace {

// The table(s) of one question for one population.
std::vector<table::Table> question_tables(const PopulationResult& r, std::size_t q) {
    const table::BuildOptions& b = r.settings.build;
    const Question& question = r.questions[q];
    const auto& v = r.codebook->variables[question.variables[0]];
    const bool describe = question.kind == Question::Kind::Battery ||
                          question.kind == Question::Kind::Numeric ||
                          (question.kind == Question::Kind::Single &&
                           v.type == codebook::VarType::Likert);
    table::QuestionSubset subset{q};
    if (question.kind == Question::Kind::Battery && q + 1 < r.questions.size() &&
        r.codebook->variables[r.questions[q + 1].variables[0]].is_derived() &&
        r.questions[q + 1].name == question.name) {
        subset.push_back(q + 1); // the scale score with its items
    }
    std::vector<table::Table> out = describe ? table::describe_tables(*r.codebook, *r.tab, b, subset)
                                             : table::frequency_tables(*r.codebook, *r.tab, b, subset);
    if (v.type == codebook::VarType::Grade) {
        // The grades' distribution after their mean: a row per grade given, charted as bars.
        for (table::Table& t : table::frequency_tables(*r.codebook, *r.tab, b, subset)) {
            t.title = fmt::format(fmt::runtime(tr(b.lang, "{}: how often each grade was given")),
                                  t.title);
            out.push_back(std::move(t));
        }
    }
    for (table::Table& t : out) {
        // describe's shared tables (describe.grades, describe.likert, ...) hold one question
        // here: its name keeps their ids apart.
        if (t.id.size() <= question.name.size() ||
            t.id.compare(t.id.size() - question.name.size(), question.name.size(),
                         question.name) != 0) {
            t.id += "." + question.name;
        }
    }
    return out;
}

// A grade distribution side by side lists the grades each population gave in the order
// they first appear; sorted by grade, the bars read as a distribution.
void sort_by_grade(table::Table& t) {
    const std::size_t label = t.chart_label_column.value_or(0);
    if (t.chart != table::Chart::Bars || t.rows.empty() || label >= t.columns.size()) {
        return;
    }
    const auto grade = [&](const table::Row& row) -> std::optional<double> {
        std::string text = row.text(label);
        std::replace(text.begin(), text.end(), ',', '.');
        char* end = nullptr;
        const double g = std::strtod(text.c_str(), &end);
        return text.empty() || end != text.c_str() + text.size() ? std::nullopt
                                                                 : std::optional(g);
    };
    std::vector<double> grades;
    for (const table::Row& row : t.rows) {
        if (row.kind == table::RowKind::Data) {
            const auto g = grade(row);
            if (!g) {
                return; // not a table of grades
            }
            grades.push_back(*g);
        }
    }
    if (std::is_sorted(grades.begin(), grades.end())) {
        return;
    }
    const auto data_end = std::stable_partition(t.rows.begin(), t.rows.end(), [](const auto& r) {
        return r.kind == table::RowKind::Data;
    });
    std::stable_sort(t.rows.begin(), data_end, [&](const table::Row& a, const table::Row& b) {
        return *grade(a) < *grade(b);
    });
}

} // namespace

Report build_report(const Study& study, const ReportOptions& options) {
    Report rep;
    // --lang (or --locale nl), then the study's language, then the environment, then English.
    rep.lang = options.lang ? *options.lang
               : study.lang_given ? study.lang
                                  : lang_from_environment().value_or(Lang::En);
    rep.title = study.year > 0 ? fmt::format("{} {}", study.title, study.year) : study.title;
    const Lang lang = rep.lang;

    // Every question a section or finding names must be in some population's codebook.
    std::vector<std::string> wanted;
    std::vector<long> wanted_lines; // where the study file names each (0: not known)
    std::vector<std::string> trend_questions;
    for (const SectionSpec& s : study.sections) {
        wanted.insert(wanted.end(), s.questions.begin(), s.questions.end());
        wanted_lines.insert(wanted_lines.end(), s.question_lines.begin(), s.question_lines.end());
        wanted_lines.resize(wanted.size(), 0);
        wanted.insert(wanted.end(), s.trend.begin(), s.trend.end());
        wanted_lines.insert(wanted_lines.end(), s.trend_lines.begin(), s.trend_lines.end());
        wanted_lines.resize(wanted.size(), 0);
        trend_questions.insert(trend_questions.end(), s.trend.begin(), s.trend.end());
    }
    for (const FindingSpec& f : study.findings) {
        wanted.push_back(f.question);
        wanted_lines.push_back(f.line);
    }
    if (!trend_questions.empty() && study.waves.empty()) {
        throw DataError(msgf("{}: a section has trend = [...], but the study names no "
                             "earlier [[wave]] (docs/trend.md)",
                             study.source));
    }
    std::vector<std::unique_ptr<PopulationResult>> pops;
    for (const PopulationSpec& spec : study.populations) {
        pops.push_back(read_population(study, spec, options, wanted, lang, true));
    }
    for (std::size_t w = 0; w < wanted.size(); ++w) {
        const std::string& name = wanted[w];
        const bool found = std::any_of(pops.begin(), pops.end(), [&](const auto& p) {
            return p->question_index(name).has_value();
        });
        if (!found) {
            std::string hint;
            for (const auto& p : pops) {
                hint = hint.empty() ? p->codebook->did_you_mean(name) : hint;
            }
            throw DataError(place(study.source, wanted_lines[w]) +
                            msgf("no population's codebook has a question \"{}\"{}", name, hint));
        }
    }

    // Response first.
    analysis::Request response_request;
    response_request.ci = std::string(stats::ci_method_name(options.ci));
    response_request.level = options.level;
    response_request.lang = lang;
    table::BuildOptions rb = analysis::make_build_options(response_request);
    rb.for_report = true;
    std::vector<table::Population> response;
    for (const auto& p : pops) {
        table::Population tp;
        tp.name = p->spec->label;
        tp.counts = p->response;
        tp.counts.source = p->spec->label; // readers of a report know populations, not paths
        tp.invited = p->spec->invited;
        response.push_back(std::move(tp));
        if (!p->spec->invited) {
            note(msgf("{}: population \"{}\" has no invited = N, so the report gives no "
                      "response rate for it",
                      study.source, p->spec->name));
        }
    }
    table::Table rt = table::response_table(response, rb);
    // Which platform's rules read each export (detected, or the study's `platform`).
    for (const auto& p : pops) {
        rt.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, p->layout.forced ? "{}: read as a {} export (the study's platform)."
                                                   : "{}: read as a {} export (detected).")),
            p->spec->label, platform::kind_title(p->layout.kind)));
    }
    rt.section = tr(lang, "Response");
    rt.title = tr(lang, "Response per population");
    rep.tables.push_back(std::move(rt));

    // The earlier waves, each read once for every trend question of the report.
    EarlierWaves earlier;
    std::vector<TrendWaveData> waves;
    std::vector<table::Table> all_trend_tables;
    if (!trend_questions.empty()) {
        earlier = read_study_waves(study, trend_questions, options, lang);
        waves = earlier.waves;
        TrendWaveData now;
        now.year = study.year;
        now.study = &study;
        for (const auto& p : pops) {
            now.pops.push_back(p.get());
        }
        waves.push_back(std::move(now));
    }

    // The sections, a question shared by populations side by side; then their scales,
    // driver analyses and trends.
    std::vector<table::Finding> driver_findings;
    for (std::size_t si = 0; si < study.sections.size(); ++si) {
        const SectionSpec& s = study.sections[si];
        std::vector<table::Table> scale_tables =
            scale_section_tables(study, si, pops, lang, driver_findings);
        if (!s.trend.empty()) {
            TrendRequest tr_request;
            tr_request.questions = s.trend;
            tr_request.population = s.population;
            tr_request.min_base = s.min_base;
            tr_request.section = s.title;
            for (table::Table& t : trend_tables(waves, tr_request, options, lang)) {
                all_trend_tables.push_back(t);
                scale_tables.push_back(std::move(t));
            }
        }
        const auto add_scale_tables = [&] {
            for (table::Table& t : scale_tables) {
                rep.tables.push_back(std::move(t));
            }
        };
        if (s.questions.empty()) {
            add_scale_tables();
            continue;
        }
        if (!s.by.empty()) {
            bool any = false;
            for (const auto& p : pops) {
                const auto it = p->cross.find(si);
                if (it == p->cross.end()) {
                    continue;
                }
                any = true;
                table::BannerOptions bo;
                bo.min_base = s.min_base;
                bo.hide_below = std::min(bo.hide_below, s.min_base);
                bo.suppress = s.suppress;
                for (table::Table& t : table::banner_tables(*p->codebook, *it->second,
                                                            p->settings.build, bo)) {
                    t.id = "by." + p->spec->name + "." + t.id;
                    t.subtitle = p->spec->label + (t.subtitle.empty() ? "" : "; " + t.subtitle);
                    t.section = s.title;
                    rep.tables.push_back(std::move(t));
                }
            }
            if (!any) {
                throw DataError(msgf("{}: section \"{}\": no population's codebook has "
                                     "every variable of by = [{}]",
                                     study.source, s.title, fmt::join(s.by, ", ")));
            }
            add_scale_tables();
            continue;
        }
        for (const std::string& name : s.questions) {
            // Per population that has the question, its tables (usually one).
            std::vector<std::vector<table::PopulationTable>> per_pop;
            for (const auto& p : pops) {
                if (!s.population.empty() && s.population != p->spec->name) {
                    continue;
                }
                if (const auto q = p->question_index(name)) {
                    std::vector<table::PopulationTable> ts;
                    for (table::Table& t : question_tables(*p, *q)) {
                        ts.push_back({p->spec->name, p->spec->label, std::move(t)});
                    }
                    per_pop.push_back(std::move(ts));
                }
            }
            std::vector<table::Table> out;
            if (per_pop.size() == 1) {
                for (table::PopulationTable& pt : per_pop.front()) {
                    pt.table.subtitle = pt.label;
                    out.push_back(std::move(pt.table));
                }
            } else if (per_pop.size() > 1) {
                for (std::size_t k = 0; k < per_pop.front().size(); ++k) {
                    std::vector<table::PopulationTable> parts;
                    for (const auto& ts : per_pop) {
                        if (k < ts.size()) {
                            parts.push_back(ts[k]);
                        }
                    }
                    table::Table t =
                        table::side_by_side(parts, std::string(tr(lang, "Population")), lang);
                    t.subtitle.clear();
                    sort_by_grade(t);
                    out.push_back(std::move(t));
                }
            }
            for (table::Table& t : out) {
                t.section = s.title;
                rep.tables.push_back(std::move(t));
            }
        }
        add_scale_tables();
    }

    for (table::Table& t : open_answer_tables(study, pops, lang)) {
        rep.tables.push_back(std::move(t));
    }
    // Item nonresponse, then the AAPOR detail of sample files: method, for the appendix.
    for (const auto& p : pops) {
        table::Population tp;
        tp.name = p->spec->label;
        tp.counts = p->response;
        table::Table t = table::item_nonresponse_table(tp, 10, rb);
        t.id = "items." + p->spec->name; // ids use names; titles use labels
        t.section = tr(lang, "Item nonresponse");
        rep.tables.push_back(std::move(t));
    }
    for (const auto& p : pops) {
        if (p->sample) {
            data::SampleCounts s = *p->sample;
            s.source = p->spec->label;
            for (table::Table& t : table::aapor_tables(s, std::nullopt, rb)) {
                t.id += "." + p->spec->name;
                t.section = tr(lang, "Response: AAPOR dispositions and rates");
                rep.tables.push_back(std::move(t));
            }
        }
    }

    table::make_ids_unique(rep.tables);
    rep.findings = key_findings(study, pops, options, lang);
    for (table::Finding& f : change_findings(study, all_trend_tables, options, lang)) {
        rep.findings.push_back(std::move(f));
    }
    rep.findings.insert(rep.findings.end(), driver_findings.begin(), driver_findings.end());
    if (study.auto_findings) {
        for (table::Finding& f : difference_findings(rep.tables, lang, study.auto_findings_max)) {
            rep.findings.push_back(std::move(f));
        }
    }
    return rep;
}

} // namespace careerstat::report
