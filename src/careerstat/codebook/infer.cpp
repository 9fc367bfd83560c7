#include "careerstat/codebook/infer.hpp"

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

namespace careerstat::codebook {

namespace {

using platform::Role;

constexpr std::size_t k_max_distinct = 30;
constexpr std::size_t k_max_parts = 64;

// Pieces of cells split at one separator, as data::Coder splits a one-column multi cell.
struct Pieces {
    std::map<std::string, std::size_t> parts; // piece -> cells holding it
    std::set<std::string> in_multi;           // pieces of cells with two pieces or more
    // Cells of one piece ("Kosten", "Advice;"): a checkbox question's single answers, which
    // prove that its pieces are options.
    std::set<std::string> singles;
    bool overflow = false;
    std::size_t multi_cells = 0; // cells with two pieces or more
};

// What one column's cells looked like.
struct ColumnProfile {
    std::size_t non_blank = 0;
    std::map<std::string, std::size_t> distinct; // up to k_max_distinct + 1 values
    bool overflow = false;
    bool all_integer = true;
    bool all_number = true;
    bool all_date = true;
    bool increasing = true;
    double last = -1e300;
    double min = 1e300;
    double max = -1e300;
    std::size_t max_length = 0;
    bool has_newline = false;
    // A '|' or '=' in a cell: the choices syntax ("1=Ja|2=Nee") cannot hold it as a code
    // or an option's label.
    bool has_choice_syntax = false;
    Pieces comma;     // Google Forms' "A, B"
    Pieces semicolon; // Microsoft Forms' "A;B;"
};

void add_pieces(Pieces& pc, std::string_view cell, char sep) {
    if (pc.overflow) {
        return;
    }
    std::size_t n = 0;
    for (std::string_view part : util::split_answers(cell, sep)) {
        part = util::trim(part);
        if (!part.empty()) {
            ++pc.parts[std::string(part)];
            ++n;
        }
    }
    if (n == 1 && pc.singles.size() <= k_max_parts) {
        for (std::string_view part : util::split_answers(cell, sep)) {
            if (!util::trim(part).empty()) {
                pc.singles.emplace(util::trim(part));
            }
        }
    }
    if (n > 1) {
        ++pc.multi_cells;
        for (std::string_view part : util::split_answers(cell, sep)) {
            if (!util::trim(part).empty()) {
                pc.in_multi.emplace(util::trim(part));
            }
        }
    }
    if (pc.parts.size() > k_max_parts) {
        pc.overflow = true;
        pc.parts.clear();
        pc.in_multi.clear();
    }
}

// "7" or "-1", written as std::to_string writes it: no sign, zeros or decimals besides.
bool is_plain_integer(const std::string& s) {
    const auto n = util::parse_integer(s);
    return n && std::to_string(*n) == s;
}

std::string lower(std::string_view s) { return util::fold(s); }

bool text_has(const std::string& text, std::initializer_list<const char*> words) {
    const std::string n = lower(text);
    return std::any_of(words.begin(), words.end(),
                       [&](const char* w) { return n.find(w) != std::string::npos; });
}

} // namespace

bool is_id_name(std::string_view name) {
    return text_has(std::string(name), {"respondent", "responseid", "response_id"}) ||
           lower(name) == "id";
}

namespace {

// Metadata by name, for exports of no platform careerstat knows.
bool is_meta_name(const std::string& name) {
    static const std::set<std::string> meta = {
        "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
        "refurl", "finished", "progress", "duration (in seconds)", "recordeddate", "status",
        "ipaddress", "distributionchannel", "userlanguage", "timestamp", "tijdstempel",
        "enddate", "locationlatitude", "locationlongitude", "externalreference"};
    return meta.count(lower(name)) > 0;
}

// Option column values: a "not selected" word or blank, and at most one other answer (the
// option's label, Y, 1, Yes, Checked) -- label/blank, Y/blank, label/Not selected, 1/0,
// Yes/No. "Don't know" answers (N/A) are missing codes.
bool is_option_values(const ColumnProfile& p) {
    if (p.overflow || p.non_blank == 0) {
        return false;
    }
    std::size_t chosen = 0;
    for (const auto& [v, n] : p.distinct) {
        if (!means_not_selected(v) && !is_dont_know_answer(v)) {
            ++chosen;
        }
    }
    return chosen <= 1;
}

// Scale-item values: small whole numbers from 1 (a "don't know" code apart).
bool is_scale_values(const ColumnProfile& p) {
    return p.non_blank > 0 && p.all_number && p.all_integer && !p.overflow && p.min >= 1 &&
           p.distinct.size() >= 2;
}

// Prefixes of a name up to a separator: "regio_Noord_Holland" -> regio, regio_Noord.
std::vector<std::string> prefixes(const std::string& name) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i < name.size(); ++i) {
        if (name[i] == '_' || name[i] == '[' || name[i] == '.' || name[i] == '#' || name[i] == ':' ||
            (name[i] == ' ' && name.compare(i, 3, " - ") == 0)) {
            out.push_back(name.substr(0, i));
        }
    }
    return out;
}

std::string shared_prefix(const std::string& a, const std::string& b) {
    std::string best;
    const auto pb = prefixes(b);
    for (const std::string& p : prefixes(a)) {
        if (p.size() > best.size() && std::find(pb.begin(), pb.end(), p) != pb.end()) {
            best = p;
        }
    }
    return best;
}

// Runs of adjacent eligible columns that share a prefix up to a separator every member
// has: the prefix is the group. A run ends where the shared prefix gets shorter than the
// run's own (q_a_1, q_a_2 | q_b_1, q_b_2), so a name is never cut at its last separator
// alone (regio_Noord_Holland, regio_Zuid_Holland, regio_Utrecht are one group, regio).
std::vector<std::string> separator_groups(const std::vector<std::string>& names,
                                          const std::vector<bool>& eligible) {
    std::vector<std::string> group(names.size());
    std::size_t i = 0;
    while (i < names.size()) {
        if (!eligible[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        std::string p;
        while (j + 1 < names.size() && eligible[j + 1]) {
            const std::string s = shared_prefix(names[j], names[j + 1]);
            if (s.empty() || (!p.empty() && s.size() < p.size()) ||
                (!p.empty() && s.compare(0, p.size(), p) != 0)) {
                break;
            }
            if (p.empty()) {
                p = s;
            }
            ++j;
        }
        for (std::size_t k = i; j > i && k <= j; ++k) {
            group[k] = p;
        }
        i = j + 1;
    }
    return group;
}

// Numbered items of one instrument: "MARS1_1", "MARS2_1", ... (letters, the item's number,
// perhaps a suffix shared by all, such as Qualtrics' time point) share no prefix up to a
// separator. Adjacent scale columns of one stem and suffix form the group "MARS_1". The
// stem must be two letters or more, so Q1, Q2, ... (separate questions) are not an
// instrument.
void numbered_items(const std::vector<std::string>& names, const std::vector<bool>& eligible,
                    std::vector<std::string>& group) {
    auto stem_of = [](const std::string& n) -> std::string {
        std::size_t i = 0;
        while (i < n.size() && std::isalpha(static_cast<unsigned char>(n[i]))) {
            ++i;
        }
        const std::size_t letters = i;
        while (i < n.size() && std::isdigit(static_cast<unsigned char>(n[i]))) {
            ++i;
        }
        if (letters < 2 || i == letters || util::fold(n.substr(0, letters)) == "qid") {
            return {};
        }
        const std::string suffix = n.substr(i);
        if (!suffix.empty() && (suffix[0] != '_' || suffix.size() < 2 ||
                                suffix.find_first_not_of("0123456789", 1) != std::string::npos)) {
            return {};
        }
        return n.substr(0, letters) + suffix;
    };
    std::size_t i = 0;
    while (i < names.size()) {
        const std::string stem = eligible[i] && group[i].empty() ? stem_of(names[i]) : std::string();
        std::size_t j = i;
        while (!stem.empty() && j + 1 < names.size() && eligible[j + 1] && group[j + 1].empty() &&
               stem_of(names[j + 1]) == stem) {
            ++j;
        }
        for (std::size_t k = i; j > i && k <= j; ++k) {
            group[k] = stem;
        }
        i = j + 1;
    }
}

// The options of a one-column multi-select question, numbered 1, 2, ... in the order of
// their labels. A cell matches a choice by code before label (data::Coder), so when an
// option's label is another option's number ("2" as option 1), the labels are the codes.
std::vector<Choice> option_choices(const std::vector<std::string>& labels) {
    std::vector<Choice> choices;
    for (const std::string& part : labels) {
        const int k = static_cast<int>(choices.size()) + 1;
        choices.push_back({std::to_string(k), part, static_cast<double>(k)});
    }
    for (const Choice& c : choices) {
        if (const auto n = util::parse_integer(c.label);
            n && *n >= 1 && *n <= static_cast<long>(choices.size()) && c.label != c.code &&
            c.label == std::to_string(*n)) {
            for (Choice& d : choices) {
                d.code = d.label;
                d.value = util::parse_number(d.code, false);
            }
            break;
        }
    }
    return choices;
}

// A checkbox question in one column, split at `sep` ("Stigma, Kosten"): the pieces form a
// small closed set that recurs across rows, and at least two of them are also whole
// answers of their own, which proves the split. Single answers with ", " in them ("Ja, bij
// alle trajecten") prove nothing and stay whole. Pieces seen once and never alone are
// free "other" texts: the choice "*" (any other answer) holds them.
std::optional<std::vector<Choice>> checkbox_options(const ColumnProfile& p, const Pieces& pc) {
    // Checkbox questions have many respondents who tick several options; a single-choice
    // question has a few free "other" answers with a comma in them.
    if (pc.overflow || pc.multi_cells < 2 || 10 * pc.multi_cells < p.non_blank ||
        p.has_choice_syntax || p.has_newline) {
        return std::nullopt;
    }
    std::size_t proof = 0;
    std::size_t mentions = 0;
    std::vector<std::string> options;
    bool other = false;
    // Spellings of one option in another case are that option (the coder matches labels
    // without regard to case): counted together under the most frequent spelling.
    struct Option {
        std::string spelling;
        std::size_t best = 0;
        std::size_t n = 0;
        bool alone = false;
        bool combined = false;
    };
    std::map<std::string, Option> by_fold;
    for (const auto& [piece, n] : pc.parts) {
        Option& o = by_fold[util::fold(piece)];
        if (n > o.best) {
            o.spelling = piece;
            o.best = n;
        }
        o.n += n;
        o.alone = o.alone || pc.singles.count(piece) > 0;
        o.combined = o.combined || pc.in_multi.count(piece) > 0;
    }
    for (const auto& [f, o] : by_fold) {
        // An option recurs; it proves the split when it is also a whole answer of its own.
        if (o.n >= 2) {
            options.push_back(o.spelling);
            mentions += o.n;
            proof += o.alone && o.combined ? 1 : 0;
        } else {
            other = true;
        }
    }
    if (proof < 2 || options.size() < 2 || options.size() > k_max_distinct ||
        mentions < 2 * options.size()) {
        return std::nullopt;
    }
    std::vector<Choice> choices = option_choices(options);
    if (other) {
        choices.push_back({"*", "Other", std::nullopt});
    }
    return choices;
}

// The first number in a label ("$25,000 - $49,999" is 25000, "> 60" is 60), for answers
// that are bands.
std::optional<double> leading_number(const std::string& s) {
    const auto d = s.find_first_of("0123456789");
    if (d == std::string::npos) {
        return std::nullopt;
    }
    std::string digits;
    for (std::size_t i = d; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) ||
                                              (s[i] == ',' && i + 1 < s.size() &&
                                               std::isdigit(static_cast<unsigned char>(s[i + 1]))));
         ++i) {
        if (s[i] != ',') {
            digits += s[i];
        }
    }
    return digits.size() > 12 ? std::nullopt : std::optional<double>(std::stod(digits));
}

// Answers written out as one question's choices: spellings that differ only in case are
// one answer (the coder matches labels without regard to case; the most frequent spelling
// is kept), "don't know" answers go to `missing`, and bands that all start with a number
// ("18-29", "30-44", "> 60"; income bands) are in the order of their numbers, not the
// alphabet's.
std::vector<Choice> text_choices(const std::map<std::string, std::size_t>& distinct,
                                 std::vector<Choice>& missing) {
    std::map<std::string, std::pair<std::string, std::size_t>> by_fold; // fold -> spelling, n
    std::vector<std::string> order;
    for (const auto& [value, n] : distinct) {
        const std::string f = util::fold(value);
        auto [it, fresh] = by_fold.try_emplace(f, value, n);
        if (fresh) {
            order.push_back(f);
        } else if (n > it->second.second) {
            it->second = {value, n};
        }
    }
    std::vector<Choice> choices;
    for (const std::string& f : order) {
        const std::string& spelling = by_fold[f].first;
        (is_dont_know_answer(spelling) ? missing : choices).push_back({spelling, spelling, std::nullopt});
    }
    if (choices.empty()) {
        choices.swap(missing);
    }
    const bool bands = choices.size() >= 2 && std::all_of(choices.begin(), choices.end(), [](const Choice& c) {
        return leading_number(c.label).has_value();
    });
    if (bands) {
        std::stable_sort(choices.begin(), choices.end(), [](const Choice& a, const Choice& b) {
            return *leading_number(a.label) < *leading_number(b.label);
        });
    }
    return choices;
}

// A "don't know" code set apart from the answers (1-5 and 9, or 99, or -1) is a missing
// code, not an answer: the answers' range without it.
struct AnswerRange {
    std::optional<double> missing_code;
    std::string missing_text; // as the export writes it ("9", "9,0")
    double min = 0;
    double max = 0;
};

AnswerRange answer_range(const ColumnProfile& p, bool decimal_comma) {
    AnswerRange r;
    r.min = p.min;
    r.max = p.max;
    if (p.non_blank > 0 && p.all_number && p.all_integer && !p.overflow && p.distinct.size() >= 3) {
        std::vector<std::pair<double, std::string>> values;
        for (const auto& [value, k] : p.distinct) {
            values.emplace_back(*util::parse_number(value, decimal_comma), value);
        }
        std::sort(values.begin(), values.end());
        const double top = values.back().first;
        const double below = values[values.size() - 2].first;
        if ((top == 9 || top == 99 || top == 999) && below <= 7 && top - below >= 2) {
            r.missing_code = top;
            r.missing_text = values.back().second;
            r.max = below;
        } else if (values.front().first < 0 && values[1].first >= 0) {
            r.missing_code = values.front().first;
            r.missing_text = values.front().second;
            r.min = values[1].first;
        }
    }
    return r;
}

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
        throw DataError(place(reader.name(), reader.header_line()) +
                        "the header names no columns; expected the variable names on its first "
                        "line");
    }
    std::vector<ColumnProfile> prof(header.size());
    std::size_t rows = 0;
    while (reader.next()) {
        reader.require_header_width();
        ++rows;
        const auto fields = reader.fields();
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const std::string_view cell = util::trim(fields[c]);
            ColumnProfile& p = prof[c];
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
        // are unique then).
        if (role(c) == Role::Id || (layout.kind == platform::Kind::Generic && is_id_name(v.name)) ||
            (c == 0 && numeric && p.all_integer && p.increasing && p.non_blank > 2 &&
             p.non_blank == rows)) {
            v.type = VarType::Id;
        } else if (role(c) == Role::Meta || role(c) == Role::Timing ||
                   (layout.kind == platform::Kind::Generic && is_meta_name(v.name))) {
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
