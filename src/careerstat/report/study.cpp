#include "careerstat/report/study.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <toml++/toml.h>

namespace careerstat::report {

namespace {

namespace fs = std::filesystem;

// Messages name the study file and the line of the offending key.
std::string where(const std::string& file, const toml::node& node) {
    const auto& src = node.source();
    return fmt::format("{}:{}: ", file, src.begin.line);
}

void check_keys(const std::string& file, const toml::table& t, const std::set<std::string>& known,
                const std::string& what) {
    for (const auto& [key, value] : t) {
        if (!known.count(std::string(key.str()))) {
            std::string list;
            for (const auto& k : known) {
                list += (list.empty() ? "" : ", ") + k;
            }
            throw DataError(where(file, value) +
                            msgf("unknown key \"{}\" in {} (known: {})", key.str(), what, list));
        }
    }
}

std::string get_string(const std::string& file, const toml::table& t, const char* key,
                       bool required, const std::string& what) {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
        if (required) {
            throw DataError(where(file, t) + msgf("{} needs \"{}\"", what, key));
        }
        return {};
    }
    if (!n->is_string()) {
        throw DataError(where(file, *n) + msgf("\"{}\" must be a string", key));
    }
    return std::string(*n->value<std::string>());
}

std::string resolve(const fs::path& base, const std::string& p) {
    if (p.empty() || p == "-" || fs::path(p).is_absolute()) {
        return p;
    }
    return (base / p).lexically_normal().string();
}

// A list of names in quotes (questions, scales, predictors); empty when the key is absent.
std::vector<std::string> get_names(const std::string& path, const toml::table& t, const char* key,
                                   std::vector<long>* lines = nullptr) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (n == nullptr) {
        return out;
    }
    const toml::array* a = n->as_array();
    if (a == nullptr || a->empty()) {
        throw DataError(where(path, *n) + msgf("{} is a list of names: {} = [\"...\"]", key, key));
    }
    for (const toml::node& q : *a) {
        if (!q.is_string()) {
            throw DataError(where(path, q) + msgf("{} are names in quotes", key));
        }
        out.emplace_back(*q.value<std::string>());
        if (lines) {
            lines->push_back(static_cast<long>(q.source().begin.line));
        }
    }
    return out;
}

// A [[wave]]: year, study, and the mapping onto this wave: rename, recode, same.
WaveSpec load_wave(const std::string& path, const fs::path& base, const toml::node& node) {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
        throw DataError(where(path, node) +
                        msgf("each earlier wave is a [[wave]] table with year and study"));
    }
    check_keys(path, *t, {"year", "study", "rename", "recode", "same"}, "a wave");
    WaveSpec w;
    w.line = static_cast<long>(t->source().begin.line);
    const toml::node* y = t->get("year");
    if (y == nullptr || !y->is_integer()) {
        throw DataError(where(path, y != nullptr ? *y : node) +
                        msgf("a wave needs its year as a whole number: year = 2015"));
    }
    w.year = static_cast<int>(*y->value<std::int64_t>());
    w.study_path = resolve(base, get_string(path, *t, "study", true, "a wave"));
    w.same = get_names(path, *t, "same");
    if (const toml::node* r = t->get("rename")) {
        const toml::table* rt = r->as_table();
        if (rt == nullptr) {
            throw DataError(where(path, *r) + msgf("rename is a table: old_name = \"new_name\""));
        }
        std::set<std::string> targets;
        for (const auto& [old_name, value] : *rt) {
            if (!value.is_string()) {
                throw DataError(where(path, value) +
                                msgf("rename of \"{}\": the new name in quotes", old_name.str()));
            }
            const std::string target(*value.value<std::string>());
            if (!targets.insert(target).second) {
                throw DataError(where(path, value) +
                                msgf("rename: two old names become \"{}\"", target));
            }
            w.rename[std::string(old_name.str())] = target;
        }
    }
    if (const toml::node* r = t->get("recode")) {
        const toml::table* rt = r->as_table();
        if (rt == nullptr) {
            throw DataError(where(path, *r) +
                            msgf("recode is a table per variable: [wave.recode.NAME] "
                                 "with \"old code\" = \"new code\""));
        }
        for (const auto& [var, codes] : *rt) {
            const toml::table* ct = codes.as_table();
            if (ct == nullptr || ct->empty()) {
                throw DataError(
                    where(path, codes) +
                    msgf("recode.{}: a table of \"old code\" = \"new code\"", var.str()));
            }
            auto& map = w.recode[std::string(var.str())];
            for (const auto& [from, to] : *ct) {
                if (!to.is_string()) {
                    throw DataError(where(path, to) + msgf("recode.{}: code \"{}\": the new code "
                                                           "in quotes (\"\" leaves the answer out)",
                                                           var.str(), from.str()));
                }
                map[std::string(from.str())] = std::string(*to.value<std::string>());
            }
        }
    }
    return w;
}

} // namespace

Study load_study(const std::string& path) {
    Study study;
    study.source = path;
    if (fs::is_directory(path)) {
        throw UsageError(msgf("{}: is a directory; give the study file (.toml)", path));
    }
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        if (!fs::exists(path)) {
            throw UsageError(msgf("{}: cannot open: no such file", path));
        }
        throw DataError(msgf("{}:{}:{}: {}", path, b.line, b.column, e.description()));
    }
    const fs::path base = fs::path(path).parent_path();
    check_keys(path, root,
               {"title", "year", "language", "respondents", "population", "section", "finding",
                "findings", "auto_findings", "min_items", "wave", "open_answers"},
               "the study");
    if (const toml::node* m = root.get("min_items")) {
        const toml::table* mt = m->as_table();
        if (mt == nullptr) {
            throw DataError(where(path, *m) +
                            msgf("min_items is a table of scales: min_items = { outcome = 4 }"));
        }
        for (const auto& [name, n] : *mt) {
            if (!n.is_integer() || *n.value<std::int64_t>() < 1) {
                throw DataError(
                    where(path, n) +
                    msgf("min_items of \"{}\" must be a whole number, 1 or more", name.str()));
            }
            study.min_items[std::string(name.str())] = static_cast<std::size_t>(*n.value<std::int64_t>());
        }
    }
    if (const std::string f = get_string(path, root, "findings", false, "the study"); !f.empty()) {
        if (f != "auto" && f != "manual") {
            throw DataError(where(path, *root.get("findings")) +
                            msgf("findings must be \"auto\" (add the significant differences) or "
                                 "\"manual\""));
        }
        study.auto_findings = f == "auto";
    }
    if (const toml::node* o = root.get("open_answers")) {
        // true: every text question; a list: those questions; false: none (the default).
        if (const auto b = o->value<bool>(); b && o->is_boolean()) {
            study.open_answers_all = *b;
        } else if (o->is_array()) {
            study.open_answers = get_names(path, root, "open_answers", &study.open_answer_lines);
        } else {
            throw DataError(where(path, *o) +
                            msgf("open_answers is true, false or a list of text questions: "
                                 "open_answers = [\"remarks\"]"));
        }
    }
    if (const auto* n = root.get("auto_findings")) {
        if (!n->is_integer() || *n->value<std::int64_t>() < 0) {
            throw DataError(where(path, *n) +
                            msgf("\"auto_findings\" must be a whole number, 0 or more"));
        }
        study.auto_findings_max = static_cast<std::size_t>(*n->value<std::int64_t>());
    }
    study.title = get_string(path, root, "title", true, "the study");
    if (const auto* y = root.get("year")) {
        if (!y->is_integer()) {
            throw DataError(where(path, *y) + msgf("\"year\" must be a whole number, e.g. 2015"));
        }
        study.year = static_cast<int>(*y->value<std::int64_t>());
    }
    if (const std::string lang = get_string(path, root, "language", false, "the study");
        !lang.empty()) {
        const auto l = parse_lang(lang);
        if (!l) {
            throw DataError(where(path, *root.get("language")) +
                            msgf("language \"{}\": use \"nl\" or \"en\"", lang));
        }
        study.lang = *l;
        study.lang_given = true;
    }
    const std::string respondents = get_string(path, root, "respondents", false, "the study");
    if (!respondents.empty() && respondents != "all" && respondents != "complete") {
        throw DataError(where(path, *root.get("respondents")) +
                        msgf("respondents must be \"all\" or \"complete\""));
    }
    study.complete_only = respondents == "complete";

    const toml::array* pops = root["population"].as_array();
    if (pops == nullptr || pops->empty()) {
        throw DataError(msgf("{}: the study names no population; add a [[population]] "
                             "with name and export",
                             path));
    }
    std::set<std::string> names;
    for (const toml::node& node : *pops) {
        const toml::table* t = node.as_table();
        if (t == nullptr) {
            throw DataError(where(path, node) +
                            msgf("each population must be a [[population]] table"));
        }
        check_keys(path, *t,
                   {"name", "label", "export", "codebook", "invited", "sample", "platform", "sheet"},
                   "a population");
        PopulationSpec p;
        p.name = get_string(path, *t, "name", true, "a population");
        p.label = get_string(path, *t, "label", false, "a population");
        if (p.label.empty()) {
            p.label = p.name;
        }
        p.export_path = resolve(base, get_string(path, *t, "export", true, "a population"));
        p.codebook_path = resolve(base, get_string(path, *t, "codebook", false, "a population"));
        p.sample_path = resolve(base, get_string(path, *t, "sample", false, "a population"));
        p.sheet = get_string(path, *t, "sheet", false, "a population");
        if (const std::string pl = get_string(path, *t, "platform", false, "a population");
            !pl.empty()) {
            p.platform = platform::parse_kind(pl);
            if (!p.platform) {
                throw DataError(where(path, *t->get("platform")) +
                                msgf("\"platform\" must be one of {}", platform::kind_names()));
            }
        }
        if (const auto* inv = t->get("invited")) {
            if (!inv->is_integer() || *inv->value<std::int64_t>() <= 0) {
                throw DataError(where(path, *inv) +
                                msgf("\"invited\" must be a positive whole number"));
            }
            p.invited = static_cast<double>(*inv->value<std::int64_t>());
        }
        if (!names.insert(p.name).second) {
            throw DataError(where(path, *t) + msgf("population \"{}\" is named twice", p.name));
        }
        study.populations.push_back(std::move(p));
    }
    if (const toml::array* sections = root["section"].as_array()) {
        for (const toml::node& node : *sections) {
            const toml::table* t = node.as_table();
            if (t == nullptr) {
                throw DataError(where(path, node) +
                                msgf("each section must be a [[section]] table"));
            }
            check_keys(path, *t,
                       {"title", "questions", "population", "by", "min_base", "suppress", "scales",
                        "pairwise", "drivers", "predictors", "bootstrap", "finding_nl",
                        "finding_en", "trend"},
                       "a section");
            SectionSpec s;
            s.title = get_string(path, *t, "title", true, "a section");
            s.population = get_string(path, *t, "population", false, "a section");
            if (!s.population.empty() && !names.count(s.population)) {
                throw DataError(where(path, *t->get("population")) +
                                msgf("no population \"{}\"", s.population));
            }
            s.questions = get_names(path, *t, "questions", &s.question_lines);
            s.scales = get_names(path, *t, "scales");
            s.predictors = get_names(path, *t, "predictors");
            s.drivers = get_string(path, *t, "drivers", false, "a section");
            s.trend = get_names(path, *t, "trend", &s.trend_lines);
            if (s.questions.empty() && s.scales.empty() && s.drivers.empty() && s.trend.empty()) {
                throw DataError(where(path, *t) +
                                msgf("a section needs questions = [\"...\"], scales = "
                                     "[\"...\"], drivers = \"...\" or trend = [\"...\"]"));
            }
            if (!s.trend.empty() && !s.by.empty()) {
                throw DataError(where(path, *t->get("trend")) +
                                msgf("a trend section has no by = [...]: a trend compares waves"));
            }
            if (s.drivers.empty() != s.predictors.empty()) {
                throw DataError(where(path, *t) + msgf("drivers = \"outcome\" and predictors = "
                                                       "[\"...\"] go together"));
            }
            for (const auto& [key, lang] :
                 {std::pair{"finding_en", Lang::En}, std::pair{"finding_nl", Lang::Nl}}) {
                if (std::string text = get_string(path, *t, key, false, "a section"); !text.empty()) {
                    if (s.drivers.empty()) {
                        throw DataError(where(path, *t->get(key)) +
                                        msgf("{} is the sentence of a driver analysis: "
                                             "it needs drivers = \"...\"",
                                             key));
                    }
                    s.finding[lang] = std::move(text);
                }
            }
            if (const toml::node* pw = t->get("pairwise")) {
                if (!pw->is_boolean()) {
                    throw DataError(where(path, *pw) + msgf("pairwise is true or false"));
                }
                s.pairwise = *pw->value<bool>();
            }
            if (const toml::node* b = t->get("bootstrap")) {
                if (!b->is_integer() || *b->value<std::int64_t>() < 0) {
                    throw DataError(where(path, *b) +
                                    msgf("\"bootstrap\" must be a whole number, 0 or more"));
                }
                s.bootstrap = static_cast<std::size_t>(*b->value<std::int64_t>());
            }
            if (const toml::node* by = t->get("by")) {
                const toml::array* names_by = by->as_array();
                if (names_by == nullptr) {
                    throw DataError(where(path, *by) +
                                    msgf("by is a list of names: by = [\"bureau\"]"));
                }
                for (const toml::node& b : *names_by) {
                    if (!b.is_string()) {
                        throw DataError(where(path, b) + msgf("by names are in quotes"));
                    }
                    s.by.emplace_back(*b.value<std::string>());
                }
            }
            for (const auto& [key, field] : {std::pair{"min_base", &s.min_base},
                                             std::pair{"suppress", &s.suppress}}) {
                if (const toml::node* n = t->get(key)) {
                    if (!n->is_integer() || *n->value<std::int64_t>() < 0) {
                        throw DataError(where(path, *n) +
                                        msgf("\"{}\" must be a whole number, 0 or more", key));
                    }
                    *field = static_cast<double>(*n->value<std::int64_t>());
                }
            }
            study.sections.push_back(std::move(s));
        }
    }
    if (const toml::array* findings = root["finding"].as_array()) {
        for (const toml::node& node : *findings) {
            const toml::table* t = node.as_table();
            if (t == nullptr) {
                throw DataError(where(path, node) +
                                msgf("each finding must be a [[finding]] table"));
            }
            check_keys(path, *t, {"population", "question", "code", "base", "en", "nl", "from"},
                       "a finding");
            FindingSpec f;
            f.line = static_cast<long>(t->source().begin.line);
            f.population = get_string(path, *t, "population", true, "a finding");
            if (!names.count(f.population)) {
                throw DataError(where(path, *t->get("population")) +
                                msgf("no population \"{}\"", f.population));
            }
            f.question = get_string(path, *t, "question", true, "a finding");
            f.code = get_string(path, *t, "code", true, "a finding");
            f.answer = get_string(path, *t, "base", false, "a finding");
            if (!f.answer.empty() && f.answer != "all" && f.answer != "valid") {
                throw DataError(where(path, *t->get("base")) +
                                msgf("base must be \"all\" or \"valid\""));
            }
            for (const auto& [key, lang] : {std::pair{"en", Lang::En}, std::pair{"nl", Lang::Nl}}) {
                if (const std::string text = get_string(path, *t, key, false, "a finding");
                    !text.empty()) {
                    f.text[lang] = text;
                }
            }
            if (const toml::node* from = t->get("from")) {
                if (!from->is_integer()) {
                    throw DataError(where(path, *from) +
                                    msgf("\"from\" is the year of an earlier wave, e.g. 2015"));
                }
                f.from = static_cast<int>(*from->value<std::int64_t>());
            }
            study.findings.push_back(std::move(f));
        }
    }
    if (const toml::node* w = root.get("wave")) {
        const toml::array* waves = w->as_array();
        if (waves == nullptr) {
            throw DataError(where(path, *w) +
                            msgf("each earlier wave is a [[wave]] table with year and study"));
        }
        std::set<int> years;
        for (const toml::node& node : *waves) {
            study.waves.push_back(load_wave(path, base, node));
            const WaveSpec& ws = study.waves.back();
            if (study.year != 0 && ws.year >= study.year) {
                throw DataError(where(path, node) +
                                msgf("wave {} is not earlier than this study's year {}; "
                                     "[[wave]] names the earlier waves",
                                     ws.year, study.year));
            }
            if (!years.insert(ws.year).second) {
                throw DataError(where(path, node) + msgf("wave {} is named twice", ws.year));
            }
        }
        if (study.year == 0) {
            throw DataError(where(path, *w) +
                            msgf("a study with earlier waves needs its own year = ..."));
        }
    }
    for (const FindingSpec& f : study.findings) {
        if (f.from != 0 && std::none_of(study.waves.begin(), study.waves.end(),
                                        [&](const WaveSpec& ws) { return ws.year == f.from; })) {
            throw DataError(msgf("{}:{}: from = {}: the study has no [[wave]] of that year", path,
                                 f.line, f.from));
        }
    }
    return study;
}

} // namespace careerstat::report
