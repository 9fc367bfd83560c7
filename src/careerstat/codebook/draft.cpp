// The draft's rules on one column's values: its profile, option and scale values,
// groups by prefix or by numbered items, checkbox pieces and written-out answers.
#include "careerstat/codebook/draft.hpp"

#include "careerstat/codebook/scales.hpp"
#include "careerstat/codebook/vocabulary.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace careerstat::codebook::draft {




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
static std::vector<std::string> prefixes(const std::string& name) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i < name.size(); ++i) {
        if (name[i] == '_' || name[i] == '[' || name[i] == '.' || name[i] == '#' || name[i] == ':' ||
            (name[i] == ' ' && name.compare(i, 3, " - ") == 0)) {
            out.push_back(name.substr(0, i));
        }
    }
    return out;
}

static std::string shared_prefix(const std::string& a, const std::string& b) {
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
static std::optional<double> leading_number(const std::string& s) {
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


} // namespace careerstat::codebook::draft
