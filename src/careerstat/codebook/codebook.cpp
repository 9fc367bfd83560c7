#include "careerstat/codebook/codebook.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/codebook/vocabulary.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <ostream>
#include <set>

namespace careerstat::codebook {

namespace {

constexpr std::pair<std::string_view, VarType> k_types[] = {
    {"id", VarType::Id},         {"single", VarType::Single},   {"multi", VarType::Multi},
    {"likert", VarType::Likert}, {"grade", VarType::Grade},     {"nps", VarType::Nps},
    {"numeric", VarType::Numeric}, {"text", VarType::Text},     {"date", VarType::Date},
    {"weight", VarType::Weight}, {"meta", VarType::Meta},
};

bool parse_flag(std::string_view s) {
    const std::string f = util::fold(util::trim(s));
    return f == "1" || f == "yes" || f == "true" || f == "ja" || f == "y" || f == "j" ||
           f == "reverse";
}

// "lo..hi" as a numeric range, for grade, nps and numeric variables.
bool parse_range(std::string_view text, Variable& v) {
    // Without stray '|'s around it, which parse_choices skips as empty: "|1..10" is 1..10,
    // as write_csv writes it back.
    const auto first = text.find_first_not_of(" \t\r\n|");
    if (first == std::string_view::npos) {
        return false;
    }
    text = text.substr(first, text.find_last_not_of(" \t\r\n|") - first + 1);
    const auto pos = text.find("..");
    if (pos == std::string_view::npos || text.find('=') != std::string_view::npos) {
        return false;
    }
    const auto lo = util::parse_number(text.substr(0, pos), false);
    const auto hi = util::parse_number(text.substr(pos + 2), false);
    if (!lo || !hi || *lo > *hi) {
        return false;
    }
    v.min = lo;
    v.max = hi;
    return true;
}

// Which code of an option column means "selected": the `selected` column if given, else
// the one choice whose label is not a "not selected" word, else 1 of the codes 0 and 1.
// Anything else is ambiguous, and a guess would invert every percentage.
std::size_t selected_choice(const Variable& v, std::string_view given, const std::string& file,
                            long line) {
    const auto& ch = v.choices;
    if (!given.empty()) {
        for (std::size_t i = 0; i < ch.size(); ++i) {
            if (ch[i].code == given) {
                return i;
            }
        }
        throw DataError(
            place(file, line, "selected") +
            msgf("\"{}\" is not one of the codes in choices ({})", given, format_choices(ch)));
    }
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < ch.size(); ++i) {
        if (!means_not_selected(ch[i].label)) { // a bare code is its own label
            chosen.push_back(i);
        }
    }
    if (chosen.size() == 1) {
        return chosen[0];
    }
    if (ch.size() == 2) {
        for (std::size_t i = 0; i < 2; ++i) {
            if (ch[i].code == "1" && ch[1 - i].code == "0") {
                return i;
            }
        }
    }
    throw DataError(place(file, line, "choices") +
                    msgf("which code of \"{}\" means the option was selected? Name it "
                         "in a `selected` column (e.g. selected = 1) or label the other "
                         "code as not selected (e.g. 0=Niet gekozen)",
                         format_choices(ch)));
}

} // namespace

std::optional<VarType> parse_type(std::string_view name) {
    const std::string n = util::fold(util::trim(name));
    for (const auto& [k, t] : k_types) {
        if (n == k) {
            return t;
        }
    }
    return std::nullopt;
}

std::string_view type_name(VarType t) {
    for (const auto& [k, tt] : k_types) {
        if (tt == t) {
            return k;
        }
    }
    return "text";
}

// "1=MBO, 2=HBO, 3=WO" (or with ';'): answers separated the way a spreadsheet user might,
// which would otherwise read as one answer "1" labelled "MBO, 2=HBO, 3=WO" and make every
// other code "not in the codebook". The separator found, or 0.
char comma_separated_choices(std::string_view text) {
    if (text.find('|') != std::string_view::npos ||
        std::count(text.begin(), text.end(), '=') < 2) {
        return 0;
    }
    for (const char sep : {',', ';'}) {
        const std::vector<std::string_view> parts = util::split(text, sep);
        if (parts.size() < 2) {
            continue;
        }
        const bool all_coded = std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
            p = util::trim(p);
            const auto eq = p.find('=');
            return eq != std::string_view::npos && eq > 0 &&
                   util::trim(p.substr(0, eq)).find(' ') == std::string_view::npos;
        });
        if (all_coded) {
            return sep;
        }
    }
    return 0;
}

std::vector<Choice> parse_choices(std::string_view text, const std::string& where) {
    std::vector<Choice> out;
    text = util::trim(text);
    if (text.empty()) {
        return out;
    }
    if (const char sep = comma_separated_choices(text)) {
        std::string fixed;
        for (std::string_view part : util::split(text, sep)) {
            fixed += (fixed.empty() ? "" : "|") + std::string(util::trim(part));
        }
        throw DataError(where + msgf("the answers are separated by '{}' (\"{}\"); a "
                                     "codebook separates them with '|': \"{}\"",
                                     sep, text, fixed));
    }
    std::set<std::string> seen;
    for (std::string_view part : util::split(text, '|')) {
        part = util::trim(part);
        if (part.empty()) {
            continue;
        }
        const auto eq = part.find('=');
        Choice c;
        if (eq == std::string_view::npos) {
            c.code = std::string(part);
            c.label = c.code;
        } else {
            c.code = std::string(util::trim(part.substr(0, eq)));
            c.label = std::string(util::trim(part.substr(eq + 1)));
        }
        if (c.code.empty()) {
            throw DataError(where + msgf("\"{}\" has no code before \"=\"", part));
        }
        if (!seen.insert(c.code).second) {
            throw DataError(where + msgf("code {} is listed twice", c.code));
        }
        c.value = util::parse_number(c.code, false);
        out.push_back(std::move(c));
    }
    return out;
}

std::string format_choices(const std::vector<Choice>& choices) {
    std::string out;
    for (const Choice& c : choices) {
        if (!out.empty()) {
            out += '|';
        }
        out += c.code;
        if (c.label != c.code) {
            out += '=';
            out += c.label;
        }
    }
    return out;
}

Codebook Codebook::read(io::RecordReader& reader) {
    Codebook cb;
    cb.source = reader.name();
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < reader.header().size(); ++i) {
        col[util::fold(util::trim(reader.header()[i]))] = i;
    }
    for (const char* required : {"variable", "type"}) {
        if (!col.count(required)) {
            throw DataError(place(cb.source, reader.header_line()) +
                            msgf("the codebook has no column \"{}\"; expected the header "
                                 "variable,label,type,choices,missing,group,reverse",
                                 required));
        }
    }
    std::map<std::string, long> seen;
    while (reader.next()) {
        const auto fields = reader.fields();
        auto get = [&](const char* name) -> std::string_view {
            auto it = col.find(name);
            if (it == col.end() || it->second >= fields.size()) {
                return {};
            }
            return util::trim(fields[it->second]);
        };
        const long line = reader.line();
        if (fields.size() != reader.header().size()) {
            throw DataError(place(cb.source, line) + msgf("{} fields, but the header has {}",
                                                          fields.size(), reader.header().size()));
        }
        Variable v;
        v.line = line;
        v.name = std::string(get("variable"));
        if (v.name.empty()) {
            throw DataError(place(cb.source, line, "variable") + msgf("is empty"));
        }
        if (auto [it, fresh] = seen.emplace(v.name, line); !fresh) {
            throw DataError(place(cb.source, line, "variable") +
                            msgf("\"{}\" is already described on line {}", v.name, it->second));
        }
        const auto type = parse_type(get("type"));
        if (!type) {
            throw DataError(place(cb.source, line, "type") +
                            msgf("\"{}\" is not a type; use one of id, single, multi, "
                                 "likert, grade, nps, numeric, text, date, weight, meta",
                                 get("type")));
        }
        v.type = *type;
        v.label = std::string(get("label"));
        if (v.label.empty()) {
            v.label = v.name;
        }
        v.group = std::string(get("group"));
        v.question = std::string(get("question"));
        v.reverse = parse_flag(get("reverse"));
        if (const auto m = get("min_items"); !m.empty()) {
            const auto n = util::parse_number(m, false);
            if (!n || *n < 1 || *n != std::floor(*n) || v.type != VarType::Likert || v.group.empty()) {
                throw DataError(place(cb.source, line, "min_items") +
                                msgf("is a whole number of at least 1, on a Likert item of a group "
                                     "(the least number of its items a scale score needs)"));
            }
            v.min_items = static_cast<std::size_t>(*n);
        }
        if (const auto sep = get("separator"); !sep.empty()) {
            v.separator = std::string(sep);
        }
        const std::string where_choices = place(cb.source, line, "choices");
        const std::string_view choices = get("choices");
        if (v.type == VarType::Likert && parse_range(choices, v)) {
            // "1..7": a scale of whole numbers, each its own label.
            if (*v.min != std::floor(*v.min) || *v.max - *v.min > 100) {
                throw DataError(where_choices + msgf("a Likert range is whole numbers, e.g. 1..7"));
            }
            for (double k = *v.min; k <= *v.max; ++k) {
                v.choices.push_back({fmt::format("{:g}", k), fmt::format("{:g}", k), k});
            }
            v.min.reset();
            v.max.reset();
        } else if (!((v.is_numeric() || v.type == VarType::Meta) && parse_range(choices, v))) {
            v.choices = parse_choices(choices, where_choices);
        }
        v.missing = parse_choices(get("missing"), place(cb.source, line, "missing"));
        if (v.type == VarType::Grade && !v.min) {
            v.min = 1;
            v.max = 10;
        }
        if (v.type == VarType::Nps && !v.min) {
            v.min = 0;
            v.max = 10;
        }
        if (v.is_option_column() && !v.choices.empty()) {
            v.selected = selected_choice(v, get("selected"), cb.source, line);
            v.selected_given = !get("selected").empty();
        } else if (!get("selected").empty()) {
            throw DataError(place(cb.source, line, "selected") +
                            msgf("only an option column (type multi with a group and choices) "
                                 "names a selected code"));
        }
        if ((v.is_categorical() || v.is_multi_column()) && v.choices.empty()) {
            throw DataError(where_choices + msgf("a {} question needs its answer codes, "
                                                 "e.g. 1=Ja|2=Nee",
                                                 type_name(v.type)));
        }
        if (v.type == VarType::Likert) {
            // Codes that are not numbers (LimeSurvey's A1..A5, D4..N0..A4) are scored 1, 2, ...
            // in the order the choices are written, low to high. Mixing the two would score
            // some answers by code and others by place.
            const bool all_numbers =
                std::all_of(v.choices.begin(), v.choices.end(), [](const Choice& c) { return c.value; });
            const bool none = std::none_of(v.choices.begin(), v.choices.end(),
                                           [](const Choice& c) { return c.value; });
            if (!all_numbers && !none) {
                throw DataError(where_choices +
                                msgf("a Likert scale's codes are all numbers, or none "
                                     "are (then they score 1, 2, ... in order)"));
            }
            for (std::size_t k = 0; none && k < v.choices.size(); ++k) {
                v.choices[k].value = static_cast<double>(k + 1);
            }
        }
        for (const Choice& m : v.missing) {
            for (const Choice& c : v.choices) {
                if (c.code == m.code) {
                    throw DataError(place(cb.source, line, "missing") +
                                    msgf("code {} is also an answer in choices", m.code));
                }
            }
        }
        cb.variables.push_back(std::move(v));
    }
    if (cb.variables.empty()) {
        throw DataError(place(cb.source, reader.header_line()) +
                        msgf("the codebook describes no variables"));
    }
    return cb;
}

Codebook Codebook::load(const std::string& path) {
    auto reader = io::RecordReader::open(path);
    return read(*reader);
}

std::string Codebook::default_path(const std::string& export_path) {
    if (export_path == "-") {
        return {};
    }
    std::filesystem::path p(export_path);
    return (p.parent_path() / (p.stem().string() + ".codebook.csv")).string();
}

const Variable* Codebook::find(std::string_view name) const {
    for (const Variable& v : variables) {
        if (v.name == name) {
            return &v;
        }
    }
    return nullptr;
}

std::optional<std::size_t> Codebook::index_of(std::string_view name) const {
    for (std::size_t i = 0; i < variables.size(); ++i) {
        if (variables[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::vector<Question> Codebook::questions() const {
    std::vector<Question> out;
    std::map<std::string, std::size_t> group_at; // group name -> index in out
    for (std::size_t i = 0; i < variables.size(); ++i) {
        const Variable& v = variables[i];
        if (v.is_derived()) {
            continue; // a scale score is asked for by name (describe, crosstab, drivers)
        }
        const bool grouped = v.is_option_column() || (v.type == VarType::Likert && !v.group.empty());
        if (grouped) {
            auto it = group_at.find(v.group);
            if (it == group_at.end()) {
                Question q;
                q.kind = v.is_option_column() ? Question::Kind::Multi : Question::Kind::Battery;
                q.name = v.group;
                q.label = v.question.empty() ? v.group : v.question;
                group_at[v.group] = out.size();
                out.push_back(std::move(q));
                it = group_at.find(v.group);
            }
            Question& q = out[it->second];
            if (q.label == q.name && !v.question.empty()) {
                q.label = v.question;
            }
            q.variables.push_back(i);
            continue;
        }
        Question q;
        q.name = v.name;
        q.label = v.label;
        q.variables = {i};
        if (v.is_categorical()) {
            q.kind = Question::Kind::Single;
        } else if (v.is_multi_column()) {
            q.kind = Question::Kind::Multi;
        } else if (v.type == VarType::Grade || v.type == VarType::Nps ||
                   v.type == VarType::Numeric) {
            q.kind = Question::Kind::Numeric;
        } else {
            q.kind = Question::Kind::Other;
        }
        out.push_back(std::move(q));
    }
    return out;
}

std::vector<Question> Codebook::select(const std::vector<std::string>& names) const {
    const std::vector<Question> all = questions();
    std::vector<Question> out;
    for (const std::string& name : names) {
        bool found = false;
        // A name that is both a column with nothing to tabulate and a group (KoboToolbox's
        // select_multiple summary column and its q/option columns) means the group.
        const Question* match = nullptr;
        for (const Question& q : all) {
            if (q.name == name && (match == nullptr || match->kind == Question::Kind::Other)) {
                match = &q;
            }
        }
        if (match != nullptr) {
            out.push_back(*match);
            found = true;
        }
        if (!found) {
            // A single member of a group may be asked for by its own name.
            if (auto idx = index_of(name)) {
                const Variable& v = variables[*idx];
                Question q;
                q.name = v.name;
                q.label = v.label;
                q.variables = {*idx};
                q.kind = v.is_categorical() ? Question::Kind::Single
                         : v.is_numeric()   ? Question::Kind::Numeric
                                            : Question::Kind::Other;
                if (v.is_option_column()) {
                    q.kind = Question::Kind::Multi;
                }
                out.push_back(std::move(q));
                continue;
            }
            std::string known;
            for (const Question& q : all) {
                if (q.kind != Question::Kind::Other) {
                    known += (known.empty() ? "" : ", ") + q.name;
                }
            }
            throw UsageError(msgf("{}: no variable or group \"{}\"{}; the codebook has: {}", source,
                                  name, did_you_mean(name), known));
        }
    }
    return out;
}

std::string Codebook::did_you_mean(std::string_view name) const {
    std::vector<std::string> names;
    for (const Variable& v : variables) {
        if (!v.group.empty() && std::find(names.begin(), names.end(), v.group) == names.end()) {
            names.push_back(v.group);
        }
        names.push_back(v.name);
    }
    std::vector<std::string> near = util::nearest_names(name, names);
    if (near.empty() && util::trim(name).size() >= 3) {
        // Not a typo of a name: perhaps a word of a question's label.
        const std::string word = util::fold(util::trim(name));
        for (const Variable& v : variables) {
            const std::string label = util::fold(v.label);
            const std::size_t at = label.find(word);
            const auto letter = [&](std::size_t i) {
                return i < label.size() && (std::isalnum(static_cast<unsigned char>(label[i])) ||
                                            static_cast<unsigned char>(label[i]) >= 0x80);
            };
            if (at != std::string::npos && (at == 0 || !letter(at - 1)) && !letter(at + word.size()) &&
                near.size() < 3) {
                near.push_back(msgf("\"{}\", labelled \"{}\"", v.name, v.label));
            }
        }
        if (!near.empty()) {
            std::string list;
            for (std::size_t i = 0; i < near.size(); ++i) {
                list += (i == 0 ? "" : i + 1 == near.size() ? msgf(" or ") : "; ") + near[i];
            }
            return msgf(" (did you mean {}?)", list);
        }
        return {};
    }
    std::string list;
    for (std::size_t i = 0; i < near.size(); ++i) {
        list += (i == 0                 ? ""
                 : i + 1 == near.size() ? msgf(" or ")
                                        : ", ") +
                ("\"" + near[i] + "\"");
    }
    return near.empty() ? std::string() : msgf(" (did you mean {}?)", list);
}

std::optional<Question> Codebook::scale_score(std::string_view group) const {
    const auto i = index_of(group);
    if (!i || !variables[*i].is_derived()) {
        return std::nullopt;
    }
    Question q;
    q.kind = Question::Kind::Numeric;
    q.name = variables[*i].name;
    q.label = variables[*i].label;
    q.variables = {*i};
    return q;
}

std::vector<Question> Codebook::with_scale_scores(std::vector<Question> questions) const {
    std::vector<Question> out;
    for (Question& q : questions) {
        std::optional<Question> score =
            q.kind == Question::Kind::Battery ? scale_score(q.name) : std::nullopt;
        out.push_back(std::move(q));
        if (score) {
            out.push_back(std::move(*score));
        }
    }
    return out;
}

std::optional<std::size_t> Codebook::weight_variable() const {
    for (std::size_t i = 0; i < variables.size(); ++i) {
        if (variables[i].type == VarType::Weight) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> Codebook::id_variable() const {
    for (std::size_t i = 0; i < variables.size(); ++i) {
        if (variables[i].type == VarType::Id) {
            return i;
        }
    }
    return std::nullopt;
}

std::string Codebook::not_in_export(const Variable& v) const {
    return msgf("is in the codebook ({}:{}) but not in the export", source, v.line);
}

void Codebook::write_csv(std::ostream& out, char d) const {
    // The `selected` column only when a codebook named a selected code explicitly: every
    // other option column's selected code follows from its choices.
    const bool selected_column = std::any_of(variables.begin(), variables.end(),
                                             [](const Variable& v) { return v.selected_given; });
    // Likewise `separator`, only when a one-column multi-select has one other than ",".
    const bool separator_column = std::any_of(variables.begin(), variables.end(),
                                              [](const Variable& v) { return v.separator != ","; });
    const bool min_items_column = std::any_of(variables.begin(), variables.end(),
                                              [](const Variable& v) { return v.min_items > 0; });
    const std::string sep(1, d);
    out << "variable" << sep << "label" << sep << "type" << sep << "choices" << sep << "missing"
        << sep << "group" << sep << "reverse" << sep << "question"
        << (selected_column ? sep + "selected" : "") << (separator_column ? sep + "separator" : "")
        << (min_items_column ? sep + "min_items\n" : "\n");
    for (const Variable& v : variables) {
        if (v.is_derived()) {
            continue; // careerstat's own, not the codebook's
        }
        std::string choices = format_choices(v.choices);
        // A range as read() takes one: for numeric types and meta (lastpage 1..5).
        if (choices.empty() && v.min && (v.is_numeric() || v.type == VarType::Meta)) {
            choices = fmt::format("{}..{}", *v.min, *v.max);
        }
        out << util::csv_cell(v.name, d) << d << util::csv_cell(v.label, d) << d
            << type_name(v.type) << d << util::csv_cell(choices, d) << d
            << util::csv_cell(format_choices(v.missing), d) << d << util::csv_cell(v.group, d) << d
            << (v.reverse ? "1" : "") << d << util::csv_cell(v.question, d);
        if (selected_column) {
            out << d << (v.selected_given ? util::csv_cell(v.choices[*v.selected].code, d) : "");
        }
        if (separator_column) {
            out << d << (v.separator != "," ? util::csv_cell(v.separator, d) : "");
        }
        if (min_items_column) {
            out << d << (v.min_items > 0 ? std::to_string(v.min_items) : "");
        }
        out << '\n';
    }
}

} // namespace careerstat::codebook
