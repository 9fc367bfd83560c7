// Mapping an earlier wave onto the newest one's questionnaire: the study's rename and
// recode applied to a copy of the old codebook, and checked against both codebooks
// (docs/trend.md, "Waves in the study file").
#include "careerstat/report/wave_mapping.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace careerstat::report {

using codebook::Choice;
using codebook::Codebook;
using codebook::Variable;

std::vector<std::string> old_names(const WaveSpec* mapping, const std::vector<std::string>& questions) {
    std::vector<std::string> out;
    for (const std::string& q : questions) {
        std::string name = q;
        if (mapping != nullptr) {
            for (const auto& [from, to] : mapping->rename) {
                if (to == q) {
                    name = from;
                }
            }
        }
        out.push_back(std::move(name));
    }
    return out;
}

namespace {

// The answer code as a number, when it is one (as the codebook reader decides).
std::optional<double> code_value(const std::string& code) {
    return util::parse_number(code, false);
}

} // namespace

std::string wave_at(const Study& newest, const WaveSpec& m) {
    return fmt::format("{}:{}: [[wave]] {}", newest.source, m.line, m.year);
}

// An earlier wave's codebook in the newest wave's names and codes: the wave's rename and
// recode applied. Variables keep their order, so the wave's counts (by index) read through it.
Codebook mapped_codebook(const Codebook& cb, const WaveSpec* m) {
    Codebook out = cb;
    if (m == nullptr) {
        return out;
    }
    for (Variable& v : out.variables) {
        if (const auto it = m->rename.find(v.name); it != m->rename.end()) {
            v.name = it->second;
        }
        if (const auto it = m->rename.find(v.group); !v.group.empty() && it != m->rename.end()) {
            v.group = it->second;
        }
        if (const auto it = m->recode.find(v.name); it != m->recode.end()) {
            for (Choice& c : v.choices) {
                if (const auto jt = it->second.find(c.code); jt != it->second.end()) {
                    c.code = jt->second;
                    c.value = code_value(c.code);
                }
            }
        }
    }
    return out;
}

// Every name and code a wave's mapping uses must exist, so a typo is an error, not a
// silently unmapped question.
void check_mapping(const Study& newest, const WaveSpec* m,
                   const std::vector<const PopulationResult*>& old_pops,
                   const std::vector<const PopulationResult*>& new_pops) {
    if (m == nullptr) {
        return;
    }
    const auto old_var = [&](const std::string& name) -> std::vector<const Variable*> {
        std::vector<const Variable*> out;
        for (const PopulationResult* p : old_pops) {
            for (const Variable& v : p->codebook->variables) {
                if (v.name == name || v.group == name) {
                    out.push_back(&v);
                }
            }
        }
        return out;
    };
    const auto new_var = [&](const std::string& name) -> std::vector<const Variable*> {
        std::vector<const Variable*> out;
        for (const PopulationResult* p : new_pops) {
            for (const Variable& v : p->codebook->variables) {
                if (!v.is_derived() && (v.name == name || v.group == name)) {
                    out.push_back(&v);
                }
            }
        }
        return out;
    };
    for (const auto& [from, to] : m->rename) {
        if (old_var(from).empty()) {
            throw DataError(msgf("{}: rename: no codebook of {} has a variable or group \"{}\"",
                                 wave_at(newest, *m), m->year, from));
        }
        if (new_var(to).empty()) {
            throw DataError(msgf("{}: rename: {} = \"{}\", but no codebook of {} has a "
                                 "variable or group \"{}\"",
                                 wave_at(newest, *m), from, to, newest.year, to));
        }
        // Two of the wave's variables under one name would be counted as one question.
        if (!old_var(to).empty() && !m->rename.count(to)) {
            throw DataError(msgf("{}: rename: {} = \"{}\", but {} already has a \"{}\" "
                                 "(rename that one too)",
                                 wave_at(newest, *m), from, to, m->year, to));
        }
    }
    for (const std::string& s : m->same) {
        if (new_var(s).empty()) {
            throw DataError(msgf("{}: same: no codebook of {} has a variable \"{}\"",
                                 wave_at(newest, *m), newest.year, s));
        }
    }
    for (const auto& [name, codes] : m->recode) {
        std::string old_name = name;
        for (const auto& [from, to] : m->rename) {
            if (to == name) {
                old_name = from;
            }
        }
        const auto olds = old_var(old_name);
        const auto news = new_var(name);
        if (olds.empty() || news.empty()) {
            throw DataError(msgf("{}: recode.{}: {} has no variable \"{}\"", wave_at(newest, *m),
                                 name, olds.empty() ? m->year : newest.year,
                                 olds.empty() ? old_name : name));
        }
        for (const Variable* v : news) {
            if (!v->is_categorical() && !v->is_multi_column()) {
                throw DataError(msgf("{}: recode.{}: {} is a {} question; recode maps the "
                                     "answer codes of a single-choice, Likert or "
                                     "one-column multi-select question",
                                     wave_at(newest, *m), name, name,
                                     codebook::type_name(v->type)));
            }
        }
        for (const auto& pair : codes) {
            const std::string& from = pair.first; // named: lambdas cannot capture bindings in clang 14
            const std::string& to = pair.second;
            const bool known_old = std::any_of(olds.begin(), olds.end(), [&](const Variable* v) {
                return std::any_of(v->choices.begin(), v->choices.end(),
                                   [&](const Choice& c) { return c.code == from; });
            });
            if (!known_old) {
                throw DataError(msgf("{}: recode.{}: code \"{}\" is not an answer of {} in {}",
                                     wave_at(newest, *m), name, from, old_name, m->year));
            }
            const bool known_new = to.empty() || std::any_of(news.begin(), news.end(), [&](const Variable* v) {
                return std::any_of(v->choices.begin(), v->choices.end(),
                                   [&](const Choice& c) { return c.code == to; });
            });
            if (!known_new) {
                throw DataError(
                    msgf("{}: recode.{}: \"{}\" = \"{}\": {} is not an answer of {} in {}",
                         wave_at(newest, *m), name, from, to, to, name, newest.year));
            }
        }
    }
}

Codebook drift_codebook(Codebook mapped) {
    for (Variable& v : mapped.variables) {
        std::erase_if(v.choices, [](const Choice& c) { return c.code.empty(); });
    }
    return mapped;
}

} // namespace careerstat::report
