#include "careerstat/report/open_answers.hpp"

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/columns.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/report/findings.hpp"
#include "careerstat/report/study.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace careerstat::report {

std::vector<OpenAnswers> open_answer_columns(const Study& study, const codebook::Codebook& cb,
                                             const std::vector<std::string>& header,
                                             const std::string& source, long header_line) {
    std::vector<OpenAnswers> out;
    auto bind = [&](const codebook::Variable& v) {
        const auto column = data::find_column(header, v.name, source, header_line);
        if (!column) {
            throw DataError(place(source, header_line, v.name) + cb.not_in_export(v));
        }
        OpenAnswers o;
        o.variable = v.name;
        o.label = v.label.empty() ? v.name : v.label;
        o.column = *column;
        out.push_back(std::move(o));
    };
    if (study.open_answers_all) {
        for (const codebook::Variable& v : cb.variables) {
            if (v.type == codebook::VarType::Text) {
                bind(v);
            }
        }
        return out;
    }
    for (std::size_t i = 0; i < study.open_answers.size(); ++i) {
        const auto index = cb.index_of(study.open_answers[i]);
        if (!index) {
            continue; // another population may have it; open_answer_tables checks
        }
        const codebook::Variable& v = cb.variables[*index];
        if (v.type != codebook::VarType::Text) {
            throw DataError(place(study.source, study.open_answer_lines[i]) +
                            msgf("open_answers: \"{}\" is a {} question in {}; open answers "
                                 "are the answers to text questions",
                                 v.name, codebook::type_name(v.type), cb.source));
        }
        bind(v);
    }
    return out;
}

void collect_open_answers(std::vector<OpenAnswers>& open,
                          std::span<const std::string_view> fields) {
    for (OpenAnswers& o : open) {
        const std::string_view answer = util::trim(fields[o.column]);
        if (answer.empty()) {
            continue;
        }
        ++o.total;
        if (o.answers.size() < k_max_open_answers) {
            o.answers.emplace_back(answer);
        }
    }
}

std::vector<table::Table> open_answer_tables(
    const Study& study, const std::vector<std::unique_ptr<PopulationResult>>& populations,
    Lang lang) {
    for (std::size_t i = 0; i < study.open_answers.size(); ++i) {
        const std::string& name = study.open_answers[i];
        const bool found = std::any_of(populations.begin(), populations.end(), [&](const auto& p) {
            return std::any_of(p->open.begin(), p->open.end(),
                               [&](const OpenAnswers& o) { return o.variable == name; });
        });
        if (!found) {
            std::string hint;
            for (const auto& p : populations) {
                hint = hint.empty() ? p->codebook->did_you_mean(name) : hint;
            }
            throw DataError(place(study.source, study.open_answer_lines[i]) +
                            msgf("open_answers: no population's codebook has a text question "
                                 "\"{}\"{}",
                                 name, hint));
        }
    }
    std::vector<table::Table> out;
    for (const auto& p : populations) {
        for (const OpenAnswers& o : p->open) {
            table::Table t;
            t.id = "open." + p->spec->name + "." + o.variable;
            t.title = o.label;
            t.subtitle = populations.size() > 1 ? p->spec->label : std::string();
            t.section = tr(lang, "Open answers");
            t.columns.push_back({"answer", std::string(tr(lang, "Answer")), table::ColumnType::Text});
            for (const std::string& a : o.answers) {
                t.add_row({a});
            }
            if (o.total == 0) {
                t.footnotes.emplace_back(tr(lang, "No one answered this question."));
            } else if (o.answers.size() < o.total) {
                t.footnotes.push_back(fmt::format(
                    fmt::runtime(tr(lang, "The first {} of {} answers, as given and without who "
                                          "gave them.")),
                    o.answers.size(), o.total));
            } else {
                t.footnotes.push_back(fmt::format(
                    fmt::runtime(tr(lang, "{} answers, as given and without who gave them.")),
                    o.total));
            }
            out.push_back(std::move(t));
        }
    }
    return out;
}

} // namespace careerstat::report
