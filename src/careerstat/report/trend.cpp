#include "careerstat/report/trend.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/report/wave_mapping.hpp"

#include "careerstat/codebook/drift.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/stats/mean_ci.hpp"
#include "careerstat/table/builders.hpp"
#include "careerstat/table/drift_table.hpp"
#include "careerstat/table/trend_tables.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <set>

namespace careerstat::report {

using codebook::Choice;
using codebook::Codebook;
using codebook::Question;
using codebook::Variable;

void read_earlier_wave(std::unique_ptr<Study> study, const WaveSpec* mapping,
                       const std::vector<std::string>& questions, const ReportOptions& options,
                       Lang lang, EarlierWaves& out) {
    if (mapping != nullptr && study->year != mapping->year) {
        throw DataError(msgf("{}: [[wave]] year = {} names this study file, whose year is {}",
                             study->source, mapping->year, study->year));
    }
    const std::vector<std::string> names = old_names(mapping, questions);
    TrendWaveData w;
    w.year = study->year;
    w.study = study.get();
    w.mapping = mapping;
    for (const PopulationSpec& spec : study->populations) {
        out.pops.push_back(read_population(*study, spec, options, names, lang, false));
        w.pops.push_back(out.pops.back().get());
    }
    out.studies.push_back(std::move(study));
    const auto at = std::find_if(out.waves.begin(), out.waves.end(),
                                 [&](const TrendWaveData& e) { return e.year > w.year; });
    out.waves.insert(at, std::move(w));
}

EarlierWaves read_study_waves(const Study& newest, const std::vector<std::string>& questions,
                              const ReportOptions& options, Lang lang) {
    EarlierWaves out;
    for (const WaveSpec& ws : newest.waves) {
        auto study = std::make_unique<Study>(load_study(ws.study_path));
        if (study->year != ws.year) {
            throw DataError(msgf("{}:{}: [[wave]] year = {}, but {} is the study of {}",
                                 newest.source, ws.line, ws.year, ws.study_path, study->year));
        }
        read_earlier_wave(std::move(study), &ws, questions, options, lang, out);
    }
    return out;
}

namespace {

const PopulationResult* population_of(const TrendWaveData& w, const std::string& name) {
    for (const PopulationResult* p : w.pops) {
        if (p->spec->name == name) {
            return p;
        }
    }
    return nullptr;
}

// The name a wave's question has in the newest wave (through the mapped codebook).
std::string mapped_name(const Question& q, const Codebook& mapped) {
    const Variable& first = mapped.variables[q.variables[0]];
    if (!first.group.empty() && (q.kind == Question::Kind::Battery || q.kind == Question::Kind::Multi)) {
        return first.group;
    }
    return first.name;
}

std::optional<std::size_t> find_question(const PopulationResult& p, const Codebook& mapped,
                                         const std::string& name) {
    for (std::size_t i = 0; i < p.questions.size(); ++i) {
        const Question& q = p.questions[i];
        if (!mapped.variables[q.variables[0]].is_derived() && mapped_name(q, mapped) == name) {
            return i;
        }
    }
    return std::nullopt;
}

bool shows_means(const Question& q, const Codebook& cb) {
    if (q.kind == Question::Kind::Battery || q.kind == Question::Kind::Numeric) {
        return true;
    }
    return q.kind == Question::Kind::Single &&
           cb.variables[q.variables[0]].type == codebook::VarType::Likert;
}

std::string choice_label(const Variable* v, const std::string& code, const std::string& fallback) {
    if (v != nullptr) {
        for (const Choice& c : v->choices) {
            if (c.code == code) {
                return c.label;
            }
        }
    }
    return fallback;
}

// The shares of a single-choice question's answers among the valid answers.
void single_shares(const PopulationResult& p, const Codebook& mapped, std::size_t vi,
                   const Variable& ref, table::TrendWave& w) {
    const data::VariableCounts& c = p.tab->counts(vi);
    const Variable& mv = mapped.variables[vi];
    const table::BuildOptions& b = p.settings.build;
    double base_w = c.valid_w, base_w2 = c.valid_w2, base_cases = c.valid_cases;
    struct Part {
        std::string code;
        std::string label;
        double w = 0;
        double w2 = 0;
    };
    std::vector<Part> parts;
    for (std::size_t i = 0; i < mv.choices.size(); ++i) {
        const std::string& code = mv.choices[i].code;
        const double cases = c.weighted ? c.valid_sums[i].n : c.valid[i];
        if (code.empty()) { // recoded to "": no counterpart in the newest wave
            base_w -= c.valid[i];
            base_w2 -= c.w2_of(i);
            base_cases -= cases;
            continue;
        }
        auto it = std::find_if(parts.begin(), parts.end(), [&](const Part& e) { return e.code == code; });
        if (it == parts.end()) {
            parts.push_back({code, choice_label(&ref, code, mv.choices[i].label)});
            it = parts.end() - 1;
        }
        it->w += c.valid[i];
        it->w2 += c.w2_of(i);
    }
    base_w = std::max(base_w, 0.0);
    base_w2 = std::max(base_w2, 0.0);
    base_cases = std::max(base_cases, 0.0);
    w.base = base_w;
    w.base_cases = base_cases;
    const stats::DesignBase base = table::design_base(base_cases, base_w, base_w2, b);
    for (const Part& part : parts) {
        table::TrendEstimate e;
        e.key = part.code;
        e.label = part.label;
        e.n = part.w;
        if (base_w > 0) {
            e.value = part.w / base_w;
            const stats::Interval ci = table::share_interval(e.value, base, part.w2, b);
            e.low = ci.low;
            e.high = ci.high;
            e.n_eff = stats::share_effective_n(base, e.value, part.w2);
        }
        w.rows.push_back(std::move(e));
    }
}

// The shares of a multi-select question's options among the respondents who chose one.
void multi_shares(const PopulationResult& p, const Codebook& mapped, std::size_t qi,
                  const Codebook& ref_cb, const Question& ref_q, table::TrendWave& w,
                  const std::string& where) {
    const Question& q = p.questions[qi];
    const data::MultiCounts& m = p.tab->multi(qi);
    const table::BuildOptions& b = p.settings.build;
    const Variable& first = mapped.variables[q.variables[0]];
    const Variable& ref_first = ref_cb.variables[ref_q.variables[0]];
    w.base = m.base;
    w.base_cases = m.base_cases;
    const stats::DesignBase base = table::design_base(m.base_cases, m.base, m.base_w2, b);
    std::set<std::string> seen;
    for (std::size_t k = 0; k < m.selected.size(); ++k) {
        std::string key, label;
        if (first.is_multi_column()) {
            key = first.choices[k].code;
            label = choice_label(&ref_first, key, first.choices[k].label);
        } else {
            const Variable& v = mapped.variables[q.variables[k]];
            key = v.name;
            const Variable* rv = ref_cb.find(key);
            label = rv != nullptr ? rv->label : v.label;
        }
        if (key.empty()) {
            continue;
        }
        if (!seen.insert(key).second) {
            // Two options of one respondent cannot be added up: who chose both counts once.
            throw DataError(msgf("{}: recode of {}: two options become \"{}\"; options of a "
                                 "multi-select question can be renamed, not merged",
                                 where, ref_q.name, key));
        }
        table::TrendEstimate e;
        e.key = key;
        e.label = label;
        e.n = m.selected[k];
        if (m.base > 0) {
            e.value = m.selected[k] / m.base;
            const stats::Interval ci = table::share_interval(e.value, base, m.selected_w2[k], b);
            e.low = ci.low;
            e.high = ci.high;
            e.n_eff = stats::share_effective_n(base, e.value, m.selected_w2[k]);
        }
        w.rows.push_back(std::move(e));
    }
}

table::TrendEstimate mean_of(const PopulationResult& p, const Variable& mv, std::size_t vi,
                             const std::string& key, const std::string& label, double level) {
    // Answers recoded to "" have no counterpart in the newest wave: out of the mean too.
    data::VariableCounts counts = p.tab->counts(vi);
    for (std::size_t i = 0; i < mv.choices.size() && i < counts.valid.size(); ++i) {
        if (mv.choices[i].code.empty()) {
            counts.valid[i] = 0;
            if (i < counts.valid_sums.size()) {
                counts.valid_sums[i] = stats::WeightSums{};
            }
        }
    }
    const stats::Summary s = stats::summarize(data::value_counts(mv, counts));
    const double population = p.settings.build.population;
    const stats::Interval ci = stats::mean_ci(s, level, population);
    table::TrendEstimate e;
    e.key = key;
    e.label = label;
    e.n = s.n;
    e.cases = s.cases;
    e.value = s.mean;
    e.sd = s.sd;
    e.low = ci.low;
    e.high = ci.high;
    // The standard error the interval uses: with the finite population correction.
    const double fpc = population > 0 ? std::sqrt(std::max(0.0, 1 - s.cases / population)) : 1.0;
    e.se = s.se * fpc;
    return e;
}

std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

std::string drift_text(const codebook::Drift& d, Lang lang) {
    std::string out = d.variable + ": " + std::string(tr(lang, codebook::drift_kind_label(d.kind)));
    if (!d.before.empty() || !d.after.empty()) {
        out += " (" + quoted(d.before) + " \xE2\x86\x92 " + quoted(d.after) + ")";
    }
    return out;
}

} // namespace

std::vector<table::Table> trend_tables(const std::vector<TrendWaveData>& waves,
                                       const TrendRequest& request, const ReportOptions& options,
                                       Lang lang) {
    std::vector<table::Table> out;
    if (waves.size() < 2) {
        throw UsageError(msgf("a trend needs at least two waves: give two or more study files, or "
                              "[[wave]] entries in the study (docs/trend.md)"));
    }
    const TrendWaveData& last = waves.back();
    const Study& newest = *last.study;
    for (std::size_t i = 0; i + 1 < waves.size(); ++i) {
        if (waves[i].year >= waves[i + 1].year) {
            throw UsageError(msgf("{} and {}: two waves of the same year {}",
                                  waves[i].study->source, waves[i + 1].study->source,
                                  waves[i].year));
        }
        check_mapping(newest, waves[i].mapping, waves[i].pops, last.pops);
    }
    // Per wave and population: its codebook in the newest names and codes, and the drift
    // from it to the newest codebook by variable.
    struct View {
        Codebook mapped;
        std::map<std::string, std::vector<codebook::Drift>> drift;
    };
    std::vector<std::map<std::string, View>> views(waves.size());
    for (std::size_t wi = 0; wi + 1 < waves.size(); ++wi) {
        for (const PopulationResult* p : waves[wi].pops) {
            View v{mapped_codebook(*p->codebook, waves[wi].mapping), {}};
            if (const PopulationResult* np = population_of(last, p->spec->name)) {
                for (codebook::Drift& d : codebook::compare_codebooks(drift_codebook(v.mapped), *np->codebook)) {
                    v.drift[d.variable].push_back(std::move(d));
                }
            }
            views[wi].emplace(p->spec->name, std::move(v));
        }
    }
    table::TrendOptions to;
    to.min_base = request.min_base;
    to.level = options.level;
    to.lang = lang;
    to.codes = options.codes;

    for (const std::string& name : request.questions) {
        bool found = false;
        for (const PopulationResult* np : last.pops) {
            if (!request.population.empty() && np->spec->name != request.population) {
                continue;
            }
            const auto nqi = np->question_index(name);
            if (!nqi) {
                continue;
            }
            found = true;
            const Question& nq = np->questions[*nqi];
            const Codebook& ncb = *np->codebook;
            table::TrendQuestion tq;
            tq.id = "trend." + np->spec->name + "." + name;
            tq.title = nq.label;
            tq.subtitle = np->spec->label;
            tq.variable = name;
            tq.means = shows_means(nq, ncb);
            tq.codes_are_variables = nq.kind == Question::Kind::Multi &&
                                     ncb.variables[nq.variables[0]].is_option_column();
            // The newest wave's variables of the question: the drift that matters.
            std::vector<std::string> vars;
            for (std::size_t v : nq.variables) {
                vars.push_back(ncb.variables[v].name);
            }
            std::vector<std::string> fpc;
            for (std::size_t wi = 0; wi < waves.size(); ++wi) {
                const TrendWaveData& wave = waves[wi];
                table::TrendWave tw;
                tw.year = wave.year;
                const PopulationResult* p = population_of(wave, np->spec->name);
                const Codebook* mapped = p == nullptr ? nullptr
                                         : wi + 1 == waves.size() ? p->codebook.get()
                                                                  : &views[wi].at(p->spec->name).mapped;
                const auto qi = p != nullptr ? find_question(*p, *mapped, name) : std::nullopt;
                if (!qi) {
                    tq.footnotes.push_back(fmt::format(
                        fmt::runtime(tr(lang, "{}: not asked (no {} in that wave's codebook).")),
                        wave.year, name));
                    tq.waves.push_back(std::move(tw));
                    continue;
                }
                if (p->settings.build.population > 0) {
                    fpc.push_back(fmt::format("{} {}", wave.year,
                                              table::footnote_number(p->settings.build.population, lang)));
                }
                // Drift that changes meaning leaves the wave out, unless the study judged it.
                const WaveSpec* m = wave.mapping;
                bool comparable = true;
                if (wi + 1 < waves.size()) {
                    const View& view = views[wi].at(p->spec->name);
                    std::vector<std::string> breaking, judged;
                    for (const std::string& var : vars) {
                        const auto it = view.drift.find(var);
                        if (it == view.drift.end()) {
                            continue;
                        }
                        const bool is_same = m != nullptr && std::find(m->same.begin(), m->same.end(), var) != m->same.end();
                        // A recode vouches for the codes it maps, nothing else: a relabelled
                        // code it maps onto. `same` vouches for the whole variable.
                        std::set<std::string> mapped_to;
                        if (m != nullptr) {
                            if (const auto rc = m->recode.find(var); rc != m->recode.end()) {
                                for (const auto& pair : rc->second) {
                                    mapped_to.insert(pair.second);
                                }
                            }
                        }
                        for (const codebook::Drift& d : it->second) {
                            if (!d.breaks_trend) {
                                continue;
                            }
                            const bool recoded_code =
                                d.kind == codebook::DriftKind::CodeRelabelled &&
                                mapped_to.count(d.after.substr(0, d.after.find('='))) > 0;
                            if (recoded_code) {
                                continue; // the recode note below says how it was mapped
                            }
                            (is_same ? judged : breaking).push_back(drift_text(d, lang));
                        }
                    }
                    if (!breaking.empty()) {
                        comparable = false;
                        std::string list;
                        for (const std::string& b : breaking) {
                            list += (list.empty() ? "" : "; ") + b;
                        }
                        tq.footnotes.push_back(fmt::format(
                            fmt::runtime(tr(lang, "{}: left out, the question changed meaning since: {}.")),
                            wave.year, list));
                        // How to keep it is for the person running the command, not the reader.
                        note(msgf("trend of {}: {} is left out, the question changed meaning "
                                  "since; if it measures the same, map it in the study's "
                                  "[[wave]] of {} (recode, same; docs/trend.md)",
                                  name, wave.year, wave.year));
                    }
                    if (comparable && m != nullptr) {
                        for (const std::string& var : vars) {
                            if (const auto it = m->recode.find(var); it != m->recode.end()) {
                                std::string codes;
                                for (const auto& [from, to_code] : it->second) {
                                    codes += (codes.empty() ? "" : ", ") + from + " \xE2\x86\x92 " +
                                             (to_code.empty() ? std::string(tr(lang, "left out")) : to_code);
                                }
                                tq.footnotes.push_back(fmt::format(
                                    fmt::runtime(tr(lang, "{}: {} recoded onto the codes of {} ({}; the study's [[wave]]).")),
                                    wave.year, var, newest.year, codes));
                            }
                        }
                        for (const std::string& j : judged) {
                            tq.footnotes.push_back(fmt::format(
                                fmt::runtime(tr(lang, "{}: {}; compared as the same question (the study's [[wave]], same).")),
                                wave.year, j));
                        }
                    }
                }
                if (!comparable) {
                    tq.waves.push_back(std::move(tw));
                    continue;
                }
                tw.present = true;
                const Question& q = p->questions[*qi];
                if (!tq.means) {
                    if (q.kind == Question::Kind::Multi) {
                        multi_shares(*p, *mapped, *qi, ncb, nq,
                                     tw, m != nullptr ? wave_at(newest, *m) : newest.source);
                    } else if (q.kind == Question::Kind::Single) {
                        single_shares(*p, *mapped, q.variables[0], ncb.variables[nq.variables[0]], tw);
                    }
                } else {
                    bool recoded_item = false;
                    for (std::size_t v : q.variables) {
                        const Variable& mv = mapped->variables[v];
                        const Variable* rv = ncb.find(mv.name);
                        recoded_item = recoded_item || (m != nullptr && m->recode.count(mv.name) > 0);
                        tw.rows.push_back(mean_of(*p, mv, v, mv.name, rv != nullptr ? rv->label : mv.label,
                                                  options.level));
                    }
                    // A battery's scale score after its items, unless an item was recoded
                    // (the score was computed from the wave's own codes).
                    if (q.kind == Question::Kind::Battery && *qi + 1 < p->questions.size()) {
                        const Question& sq = p->questions[*qi + 1];
                        const Variable& sv = mapped->variables[sq.variables[0]];
                        if (sv.is_derived() && sq.name == q.name) {
                            const std::string label(tr(lang, "Scale score (mean of the items)"));
                            if (recoded_item) {
                                tq.footnotes.push_back(fmt::format(
                                    fmt::runtime(tr(lang, "{}: the scale score is not compared: its items were recoded.")),
                                    wave.year));
                            } else {
                                tw.rows.push_back(mean_of(*p, sv, sq.variables[0], name, label, options.level));
                            }
                        }
                    }
                }
                tq.waves.push_back(std::move(tw));
            }
            const int present = static_cast<int>(std::count_if(
                tq.waves.begin(), tq.waves.end(), [](const table::TrendWave& w) { return w.present; }));
            if (present >= 2 && present < static_cast<int>(tq.waves.size())) {
                tq.footnotes.push_back(std::string(tr(lang, "A wave that was left out or did not ask the question is skipped: each change is from the previous (or the first) wave compared.")));
            }
            // A multi-select question's base is who chose any option: an option one wave
            // lacks moves the other wave's base, so say which.
            if (nq.kind == Question::Kind::Multi && present >= 2 && tq.waves.back().present) {
                for (const table::TrendWave& w : tq.waves) {
                    if (!w.present || w.year == tq.waves.back().year) {
                        continue;
                    }
                    std::string missing;
                    for (const table::TrendEstimate& e : tq.waves.back().rows) {
                        if (std::none_of(w.rows.begin(), w.rows.end(),
                                         [&](const table::TrendEstimate& o) { return o.key == e.key; })) {
                            missing += (missing.empty() ? "" : ", ") + quoted(e.label);
                        }
                    }
                    if (!missing.empty()) {
                        tq.footnotes.push_back(fmt::format(
                            fmt::runtime(tr(lang, "{}: without the option(s) {}; the later base (respondents who chose any option) also counts those who chose only them, so the shares are of a somewhat different base.")),
                            w.year, missing));
                    }
                }
            }
            if (present < 2) {
                tq.footnotes.push_back(std::string(tr(lang, "Fewer than two comparable waves: no change to test.")));
            }
            table::Table t = table::trend_table(tq, to);
            // The run's interval method and weighting, then the finite population correction
            // of each wave (its own number invited).
            table::BuildOptions b = np->settings.build;
            b.population = 0;
            b.skipped_empty = 0;
            b.excluded = 0;
            std::vector<std::string> common = table::common_footnotes(b, !tq.means);
            if (tq.means) {
                common.insert(common.begin(), fmt::format(fmt::runtime(tr(lang, "{} confidence intervals of means: Student's t.")),
                                                          fmt::format("{:g}%", options.level * 100)));
            }
            if (!fpc.empty()) {
                std::string list;
                for (const std::string& f : fpc) {
                    list += (list.empty() ? "" : ", ") + f;
                }
                common.push_back(fmt::format(
                    fmt::runtime(tr(lang, "Finite population correction per wave (population N = invited): {}.")), list));
            }
            t.footnotes.insert(t.footnotes.begin(), common.begin(), common.end());
            t.section = request.section;
            out.push_back(std::move(t));
        }
        if (!found) {
            throw DataError(msgf("{}: no population of {} has a question \"{}\"", newest.source,
                                 newest.year, name));
        }
    }
    return out;
}

std::vector<table::Table> trend_drift_tables(const std::vector<TrendWaveData>& waves, Lang lang) {
    std::vector<table::Table> out;
    if (waves.empty()) {
        return out;
    }
    const TrendWaveData& last = waves.back();
    for (std::size_t wi = 0; wi + 1 < waves.size(); ++wi) {
        for (const PopulationResult* p : waves[wi].pops) {
            const PopulationResult* np = population_of(last, p->spec->name);
            if (np == nullptr) {
                continue;
            }
            const std::vector<codebook::Drift> changes = codebook::compare_codebooks(
                drift_codebook(mapped_codebook(*p->codebook, waves[wi].mapping)), *np->codebook);
            if (changes.empty()) {
                continue;
            }
            table::Table t = table::drift_table(changes, fmt::format("{} {}", p->spec->label, waves[wi].year),
                                                fmt::format("{} {}", np->spec->label, last.year), lang);
            t.id = fmt::format("trend.drift.{}.{}", p->spec->name, waves[wi].year);
            if (waves[wi].mapping != nullptr && (!waves[wi].mapping->rename.empty() ||
                                                 !waves[wi].mapping->recode.empty())) {
                t.footnotes.push_back(fmt::format(
                    fmt::runtime(tr(lang, "{} as mapped onto {} by the study's [[wave]] (rename, recode).")),
                    waves[wi].year, last.year));
            }
            out.push_back(std::move(t));
        }
    }
    return out;
}

} // namespace careerstat::report
