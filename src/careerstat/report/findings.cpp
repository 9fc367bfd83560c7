#include "careerstat/report/findings.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/table/builders.hpp"
#include "careerstat/util/text.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>

namespace careerstat::report {

using codebook::Question;

using Fields = std::map<std::string, std::string>;

std::string fill(const std::string& tmpl, const Fields& fields) {
    std::string out;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{') {
            const auto close = tmpl.find('}', i);
            if (close != std::string::npos) {
                auto it = fields.find(tmpl.substr(i + 1, close - i - 1));
                if (it != fields.end()) {
                    out += it->second;
                    i = close;
                    continue;
                }
            }
        }
        out += tmpl[i];
    }
    return out;
}

namespace {

std::string count(double n) {
    return std::abs(n - std::round(n)) < 1e-9 ? fmt::format("{:.0f}", n) : fmt::format("{:.1f}", n);
}

std::string percent(double p, Lang lang) {
    std::string s = fmt::format("{:.0f}%", 100 * p);
    (void)lang; // whole percents read the same in both languages
    return s;
}

std::string response_sentence(const PopulationResult& p, Lang lang);

table::Finding response_finding(const PopulationResult& p, Lang lang) {
    const auto& c = p.response;
    table::Finding out;
    out.kind = "response";
    out.n = c.returned;
    if (p.spec->invited && *p.spec->invited > 0) {
        out.unit = "percent";
        out.value = 100 * c.returned / *p.spec->invited;
        out.base = *p.spec->invited;
    }
    out.text = response_sentence(p, lang);
    return out;
}

std::string response_sentence(const PopulationResult& p, Lang lang) {
    const auto& c = p.response;
    Fields f = {{"returned", count(c.returned)},
                {"complete", count(c.complete)},
                {"partial", count(c.partial)},
                {"population", p.spec->label}};
    if (p.spec->invited) {
        f["invited"] = count(*p.spec->invited);
        f["pct"] = percent(c.returned / *p.spec->invited, lang);
        return fill(lang == Lang::Nl
                        ? "{returned} van de {invited} {population} stuurden de vragenlijst "
                          "terug ({pct}; {complete} volledig, {partial} gedeeltelijk)."
                        : "{returned} of {invited} {population} returned the questionnaire "
                          "({pct}; {complete} complete, {partial} partial).",
                    f);
    }
    return fill(lang == Lang::Nl ? "{returned} {population} stuurden de vragenlijst terug "
                                   "({complete} volledig, {partial} gedeeltelijk)."
                                 : "{returned} {population} returned the questionnaire "
                                   "({complete} complete, {partial} partial).",
                f);
}

} // namespace

std::optional<std::size_t> PopulationResult::question_index(const std::string& name) const {
    for (std::size_t i = 0; i < questions.size(); ++i) {
        if (questions[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::vector<table::Finding> key_findings(const Study& study,
                                      const std::vector<std::unique_ptr<PopulationResult>>& pops,
                                      const ReportOptions& options, Lang lang) {
    std::vector<table::Finding> out;
    for (const auto& p : pops) {
        out.push_back(response_finding(*p, lang));
    }
    for (const FindingSpec& spec : study.findings) {
        if (spec.from != 0) {
            continue; // a change across waves: report/trend.cpp's change_findings
        }
        const std::string at = fmt::format("{}:{}: ", study.source, spec.line);
        const PopulationResult* pop = nullptr;
        for (const auto& p : pops) {
            if (p->spec->name == spec.population) {
                pop = p.get();
            }
        }
        const auto qi = pop->question_index(spec.question);
        if (!qi) {
            throw DataError(at + msgf("population \"{}\" has no question \"{}\"{}", spec.population,
                                      spec.question, pop->codebook->did_you_mean(spec.question)));
        }
        const Question& q = pop->questions[*qi];
        const codebook::Codebook& cb = *pop->codebook;
        const data::Tabulator& tab = *pop->tab;
        double n = 0;
        double base = 0;
        double cases = 0;
        double w2 = 0;
        double yes_w2 = 0; // summed squared weights of the respondents giving the answer
        std::string answer;
        std::string known;
        bool found = false;
        if (q.kind == Question::Kind::Multi && cb.variables[q.variables[0]].is_option_column()) {
            const data::MultiCounts& m = tab.multi(*qi);
            for (std::size_t o = 0; o < q.variables.size(); ++o) {
                const auto& v = cb.variables[q.variables[o]];
                known += (known.empty() ? "" : ", ") + v.name;
                if (v.name == spec.code || util::iequals(v.label, spec.code)) {
                    n = m.selected[o];
                    yes_w2 = m.selected_w2[o];
                    answer = v.label;
                    found = true;
                }
            }
            base = m.base;
            cases = m.base_cases;
            w2 = m.base_w2;
        } else if (q.kind == Question::Kind::Single || q.kind == Question::Kind::Multi) {
            const auto& v = cb.variables[q.variables[0]];
            for (std::size_t i = 0; i < v.choices.size(); ++i) {
                known += (known.empty() ? "" : ", ") + v.choices[i].code;
                if (v.choices[i].code == spec.code || util::iequals(v.choices[i].label, spec.code)) {
                    answer = v.choices[i].label;
                    found = true;
                    if (q.kind == Question::Kind::Multi) {
                        n = tab.multi(*qi).selected[i];
                        yes_w2 = tab.multi(*qi).selected_w2[i];
                    } else {
                        n = tab.counts(q.variables[0]).valid[i];
                        yes_w2 = tab.counts(q.variables[0]).w2_of(i);
                    }
                }
            }
            if (q.kind == Question::Kind::Multi) {
                base = tab.multi(*qi).base;
                cases = tab.multi(*qi).base_cases;
                w2 = tab.multi(*qi).base_w2;
            } else if (spec.answer == "valid") {
                const auto& c = tab.counts(q.variables[0]);
                base = c.valid_w;
                cases = c.valid_cases;
                w2 = c.valid_w2;
            } else {
                base = tab.respondents();
                cases = tab.respondent_cases();
                w2 = tab.respondents_w2();
            }
        } else {
            throw DataError(at + msgf("\"{}\" is not a single-choice or multi-select "
                                      "question; findings report the share giving an "
                                      "answer",
                                      spec.question));
        }
        if (!found) {
            throw DataError(at + msgf("code \"{}\" is not an answer of {} ({})", spec.code,
                                      spec.question, known));
        }
        const table::BuildOptions& b = pop->settings.build;
        Fields f = {{"n", count(n)},
                    {"base", count(base)},
                    {"population", pop->spec->label},
                    {"answer", answer},
                    {"question", q.label},
                    {"level", fmt::format("{:g}%", options.level * 100)}};
        table::Finding finding;
        finding.kind = "share";
        finding.unit = "percent";
        finding.n = n;
        finding.base = base;
        if (base > 0) {
            const double p = n / base;
            const auto ci =
                table::share_interval(p, table::design_base(cases, base, w2, b), yes_w2, b);
            f["pct"] = percent(p, lang);
            f["ci"] = fmt::format("{:.0f}-{:.0f}%", 100 * ci.low, 100 * ci.high);
            finding.value = 100 * p;
            finding.ci_low = 100 * ci.low;
            finding.ci_high = 100 * ci.high;
        } else {
            f["pct"] = "-";
            f["ci"] = "-";
        }
        auto it = spec.text.find(lang);
        const std::string tmpl =
            it != spec.text.end()
                ? it->second
                : (lang == Lang::Nl ? "{pct} van de {population} ({n} van {base}; {level}-BI "
                                      "{ci}) antwoordde \xE2\x80\x9C{answer}\xE2\x80\x9D op "
                                      "\xE2\x80\x9C{question}\xE2\x80\x9D."
                                    : "{pct} of {population} ({n} of {base}; {level} CI {ci}) "
                                      "answered \xE2\x80\x9C{answer}\xE2\x80\x9D to "
                                      "\xE2\x80\x9C{question}\xE2\x80\x9D.");
        finding.text = fill(tmpl, f);
        out.push_back(std::move(finding));
    }
    return out;
}

} // namespace careerstat::report
