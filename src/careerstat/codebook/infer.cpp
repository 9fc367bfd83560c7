#include "careerstat/codebook/infer.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/codebook/draft.hpp"

#include "careerstat/codebook/scales.hpp"
#include "careerstat/codebook/vocabulary.hpp"
#include "careerstat/data/validate.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_set>

namespace careerstat::codebook {

namespace {

using platform::Role;
using namespace draft;

} // namespace



Codebook infer(io::RecordReader& reader) {
    const platform::Layout layout = platform::open(reader);
    return infer(reader, layout);
}

Codebook infer(io::RecordReader& reader, const platform::Layout& layout) {
    const auto& header = reader.header();
    // Every cell is read as a number with the export's decimal mark, here and below: a
    // column of "1,0" / "2,0" is all numbers in a `;` export, and none without it.
    const bool decimal_comma = reader.dialect().decimal_comma;
    if (std::all_of(reader.raw_header().begin(), reader.raw_header().end(),
                    [](const std::string& h) { return util::trim(h).empty(); })) {
        throw DataError(
            place(reader.name(), reader.header_line()) +
            msgf("the header names no columns; expected the variable names on its first "
                 "line"));
    }
    std::vector<ColumnProfile> prof(header.size());
    // An id column's values are unique: a platform's or a name's id column that repeats a
    // value (a REDCap record over its events) is no respondent id. Only such candidates
    // keep their values, for the draft alone.
    std::vector<bool> id_candidate(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        id_candidate[c] = c < layout.columns.size() && layout.columns[c].role == Role::Id;
    }
    std::vector<std::unordered_set<std::string>> ids(header.size());
    std::vector<bool> id_repeats(header.size());
    std::size_t rows = 0;
    while (reader.next()) {
        reader.require_header_width();
        ++rows;
        const auto fields = reader.fields();
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const std::string_view cell = util::trim(fields[c]);
            ColumnProfile& p = prof[c];
            if (id_candidate[c] && !cell.empty() && !id_repeats[c] &&
                !ids[c].emplace(cell).second) {
                id_repeats[c] = true;
                ids[c].clear();
            }
            if (cell.empty()) {
                continue;
            }
            ++p.non_blank;
            p.max_length = std::max(p.max_length, cell.size());
            p.has_newline = p.has_newline || cell.find('\n') != std::string_view::npos;
            p.has_choice_syntax =
                p.has_choice_syntax || cell.find_first_of("|=") != std::string_view::npos;
            if (!p.overflow) {
                ++p.distinct[std::string(cell)];
                if (p.distinct.size() > k_max_distinct) {
                    p.overflow = true;
                    p.distinct.clear();
                }
            }
            const auto num = util::parse_number(cell, decimal_comma);
            if (num) {
                p.all_integer = p.all_integer && std::floor(*num) == *num;
                p.min = std::min(p.min, *num);
                p.max = std::max(p.max, *num);
                p.increasing = p.increasing && *num > p.last;
                p.last = *num;
            } else {
                p.all_number = p.all_integer = p.increasing = false;
            }
            p.all_date = p.all_date && data::is_valid_date(cell);
            add_pieces(p.comma, cell, ',');
            add_pieces(p.semicolon, cell, ';');
        }
    }

    const std::size_t n = header.size();
    auto role = [&](std::size_t c) {
        return c < layout.columns.size() ? layout.columns[c].role : Role::Question;
    };
    // Groups: the platform's own structure first, else a shared prefix up to a separator.
    std::vector<bool> option_like(n);
    std::vector<bool> scale_like(n);
    for (std::size_t c = 0; c < n; ++c) {
        option_like[c] = role(c) == Role::Question && is_option_values(prof[c]);
        scale_like[c] = role(c) == Role::Question && is_scale_values(prof[c]);
    }
    // A grid or checkbox cell nobody ticked is blank in every row: it belongs to its
    // platform group when the group's other columns are option columns.
    {
        std::map<std::string, bool> group_has_options;
        for (std::size_t c = 0; c < n && c < layout.columns.size(); ++c) {
            if (option_like[c] && !layout.columns[c].group.empty()) {
                group_has_options[layout.columns[c].group] = true;
            }
        }
        for (std::size_t c = 0; c < n && c < layout.columns.size(); ++c) {
            if (prof[c].non_blank == 0 && role(c) == Role::Question &&
                group_has_options.count(layout.columns[c].group)) {
                option_like[c] = true;
            }
        }
    }
    const auto option_group = separator_groups(header, option_like);
    auto scale_group = separator_groups(header, scale_like);
    numbered_items(header, scale_like, scale_group);
    std::map<std::string, std::size_t> structural_size;
    for (std::size_t c = 0; c < n && c < layout.columns.size(); ++c) {
        if (!layout.columns[c].group.empty()) {
            ++structural_size[layout.columns[c].group];
        }
    }
    auto structural = [&](std::size_t c) -> std::string {
        if (c < layout.columns.size() && structural_size[layout.columns[c].group] >= 2) {
            return layout.columns[c].group;
        }
        return {};
    };

    Codebook cb;
    cb.source = reader.name();
    // The largest answer of each battery: its items share one range. A "don't know" code
    // one item sets apart (9 above answers up to 7) is that code in every item, even one
    // where too few answers were given to tell.
    std::map<std::string, std::set<double>> battery_missing;
    for (std::size_t c = 0; c < n; ++c) {
        const std::string g = structural(c).empty() ? scale_group[c] : structural(c);
        if (const auto m = answer_range(prof[c], decimal_comma).missing_code; scale_like[c] && !g.empty() && m) {
            battery_missing[g].insert(*m);
        }
    }
    std::map<std::string, double> battery_max;
    for (std::size_t c = 0; c < n; ++c) {
        const std::string g = structural(c).empty() ? scale_group[c] : structural(c);
        // Only items that can be Likert items (answers up to 10) set the range: a column of
        // ages or a typo such as 185 in a 1-5 battery is no point of its scale.
        if (!scale_like[c] || g.empty() || prof[c].overflow ||
            answer_range(prof[c], decimal_comma).max > 10) {
            continue;
        }
        for (const auto& [value, k] : prof[c].distinct) {
            const auto x = util::parse_number(value, decimal_comma);
            if (x && !battery_missing[g].count(*x)) {
                battery_max[g] = std::max(battery_max[g], *x);
            }
        }
    }
    for (std::size_t c = 0; c < n; ++c) {
        const ColumnProfile& p = prof[c];
        Variable v;
        v.name = header[c];
        v.label = c < layout.columns.size() ? layout.columns[c].label : header[c];
        v.question = c < layout.columns.size() ? layout.columns[c].question : std::string();
        // What the question asks, for NPS and grades by their words.
        const std::string text = v.name + " " + v.label + " " + v.question;
        const std::string sgroup = structural(c);
        const bool numeric = p.non_blank > 0 && p.all_number;
        const AnswerRange range = answer_range(p, decimal_comma);
        const std::optional<double> missing_code = range.missing_code;
        const std::string& missing_text = range.missing_text;
        const double max_answer = range.max;
        const double min_answer = range.min;
        const bool small_int = numeric && p.all_integer && !p.overflow && min_answer >= 0 &&
                               max_answer <= 10;
        // Likert codes are 1, 2, ...: the answers must be written so ("01", "1,0" and "+1"
        // are answers of a single question with their own codes).
        bool plain_codes = true;
        for (const auto& [value, k] : p.distinct) {
            plain_codes = plain_codes && (value == missing_text || is_plain_integer(value));
        }
        const std::string battery = sgroup.empty() ? scale_group[c] : sgroup;
        std::optional<ScaleDraft> scale =
            p.non_blank > 0 && !p.overflow && !numeric && !p.has_choice_syntax
                ? recognise_scale(p.distinct)
                : std::nullopt; // the choices syntax cannot hold a '|' or '=' in a label
        // LimeSurvey codes a list question's answers A1, A2, ... too: only an array's
        // subquestions (a group) are a scale by those codes.
        if (scale && scale->how == "LimeSurvey codes A1..An" && sgroup.empty()) {
            scale.reset();
        }
        std::optional<std::vector<Choice>> checkbox;
        std::string checkbox_sep;
        if (!numeric && !scale) {
            if ((checkbox = checkbox_options(p, p.comma))) {
                checkbox_sep = ",";
            } else if ((checkbox = checkbox_options(p, p.semicolon))) {
                checkbox_sep = ";";
            }
        }
        // A first column of increasing whole numbers in every row is an id too (its values
        // are unique then). An id is in every row: validate rejects an empty one, so a
        // candidate with blanks is metadata, not the id.
        if ((id_candidate[c] && !id_repeats[c] && p.non_blank == rows) ||
            (c == 0 && numeric && p.all_integer && p.increasing && p.non_blank > 2 &&
             p.non_blank == rows)) {
            v.type = VarType::Id;
        } else if (id_candidate[c]) {
            v.type = VarType::Meta; // an id that repeats: a record over several rows
        } else if (role(c) == Role::Meta || role(c) == Role::Timing) {
            v.type = VarType::Meta;
        } else if (role(c) == Role::Text) {
            v.type = VarType::Text;
        } else if (option_like[c] && (!sgroup.empty() || !option_group[c].empty())) {
            v.type = VarType::Multi;
            v.group = sgroup.empty() ? option_group[c] : sgroup;
            for (const auto& [value, k] : p.distinct) {
                if (is_dont_know_answer(value)) {
                    v.missing.push_back({value, value, std::nullopt});
                }
            }
        } else if (numeric && p.min >= 1 && p.max <= 10 && p.max >= 6 &&
                   text_has(text, {"grade", "cijfer", "rapport", "schulnote", "calificación"})) {
            v.type = VarType::Grade;
            v.min = 1;
            v.max = 10;
        } else if (small_int && max_answer >= 6 &&
                   text_has(text, {"nps", "recommend", "aanbevel", "aanbeveel", "aanraden", "empfehl",
                                   "recomend", "recomiend", "recommand"})) {
            v.type = VarType::Nps;
            v.min = 0;
            v.max = 10;
        } else if (small_int && plain_codes && min_answer >= 1 && max_answer <= 11 &&
                   p.distinct.size() - (missing_code ? 1 : 0) >= 2 && !battery.empty() &&
                   scale_like[c]) {
            // Items of a battery: answers 1 to the battery's largest answer (1-5, 1-6 or
            // 1-7, never wider than answered), in columns the platform or a prefix groups.
            v.type = VarType::Likert;
            v.group = battery;
            const int points = static_cast<int>(battery_max[battery]);
            for (int k = 1; k <= points; ++k) {
                v.choices.push_back({std::to_string(k), std::to_string(k), k});
            }
            for (const auto& [value, k] : p.distinct) {
                const auto x = util::parse_number(value, decimal_comma);
                if (x && battery_missing[battery].count(*x) && (!missing_code || *x != *missing_code)) {
                    v.missing.push_back({value, value, *x});
                }
            }
        } else if (small_int) {
            v.type = VarType::Single;
            for (const auto& [value, k] : p.distinct) {
                const double x = *util::parse_number(value, decimal_comma);
                if (!missing_code || x != *missing_code) {
                    v.choices.push_back({value, value, x});
                }
            }
            std::sort(v.choices.begin(), v.choices.end(),
                      [](const Choice& a, const Choice& b) { return *a.value < *b.value; });
        } else if (numeric) {
            v.type = VarType::Numeric;
        } else if (p.non_blank > 0 && p.all_date) {
            v.type = VarType::Date;
        } else if (scale) {
            // A scale written as labels, codes or numbered labels: the scale's order, not
            // the alphabet's; "weet niet" is a missing code.
            v.type = VarType::Likert;
            v.choices = scale->choices;
            v.missing = scale->missing;
            v.group = battery.empty() ? sgroup : battery;
        } else if (checkbox) {
            v.type = VarType::Multi;
            v.separator = checkbox_sep;
            v.choices = *checkbox;
        } else if (p.non_blank > 0 && !p.overflow && !p.has_newline && !p.has_choice_syntax &&
                   2 * p.distinct.size() <= p.non_blank + 1 &&
                   (p.max_length <= 40 || 3 * p.distinct.size() <= p.non_blank)) {
            // A few distinct answers that repeat: labels written out (Google Forms), long
            // ones too when they recur. Answers that are all different (e-mail addresses,
            // names) stay text, so a table never lists them.
            v.type = VarType::Single;
            v.choices = text_choices(p.distinct, v.missing);
        } else {
            v.type = VarType::Text;
        }
        if (missing_code && (v.type == VarType::Likert || v.type == VarType::Single ||
                             v.type == VarType::Nps)) {
            v.missing.push_back({missing_text, missing_text, *missing_code});
        }
        cb.variables.push_back(std::move(v));
    }
    // A Likert "group" of one item, or label scales of different kinds, is no battery.
    std::map<std::string, int> likert_count;
    for (const Variable& v : cb.variables) {
        if (v.type == VarType::Likert && !v.group.empty()) {
            ++likert_count[v.group];
        }
    }
    for (Variable& v : cb.variables) {
        if (v.type == VarType::Likert && likert_count[v.group] < 2) {
            v.group.clear();
        }
    }
    return cb;
}

} // namespace careerstat::codebook
