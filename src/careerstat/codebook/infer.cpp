#include "careerstat/codebook/infer.hpp"

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

constexpr std::size_t k_max_distinct = 30;

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
    // Parts of cells split at ',' and trimmed, as data::Coder splits a one-column multi
    // cell; a Google Forms checkbox question writes "A, B".
    std::map<std::string, std::size_t> parts;
    bool parts_overflow = false;
    bool several_parts = false; // a cell with ", " between two parts
};

// Answer scales written as labels, low to high, and labels meaning "don't know".
const std::vector<std::vector<std::string>> k_label_scales = {
    {"helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"},
    {"zeer oneens", "oneens", "neutraal", "eens", "zeer eens"},
    {"helemaal niet mee eens", "niet mee eens", "neutraal", "mee eens", "helemaal mee eens"},
    {"strongly disagree", "disagree", "neutral", "agree", "strongly agree"},
    {"zeer ontevreden", "ontevreden", "neutraal", "tevreden", "zeer tevreden"},
    {"very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"},
};
const std::set<std::string> k_dont_know = {"weet niet", "geen mening", "don't know",
                                           "dont know", "no opinion", "n.v.t.", "nvt"};

// The label scale that holds every distinct answer but "don't know" ones, if any; those
// go to `dont_know`, one spelling per word ("Weet niet" and "weet niet" are one code).
const std::vector<std::string>* label_scale(const ColumnProfile& p,
                                            std::map<std::string, std::string>& dont_know) {
    for (const auto& scale : k_label_scales) {
        bool all = !p.distinct.empty();
        dont_know.clear();
        for (const auto& [value, n] : p.distinct) {
            const std::string f = util::fold(value);
            if (k_dont_know.count(f)) {
                dont_know[f] = value;
            } else if (std::find(scale.begin(), scale.end(), f) == scale.end()) {
                all = false;
            }
        }
        if (all) {
            return &scale;
        }
    }
    return nullptr;
}

// "7" or "-1", written as std::to_string writes it: no sign, zeros or decimals besides.
bool is_plain_integer(const std::string& s) {
    const auto n = util::parse_integer(s);
    return n && std::to_string(*n) == s;
}

std::string lower(std::string_view s) { return util::fold(s); }

bool name_has(const std::string& name, std::initializer_list<const char*> words) {
    const std::string n = lower(name);
    for (const char* w : words) {
        if (n.find(w) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

bool is_id_name(std::string_view name) {
    return name_has(std::string(name), {"respondent", "responseid", "response_id"}) ||
           lower(name) == "id";
}

namespace {

bool is_meta_name(const std::string& name) {
    static const std::set<std::string> meta = {
        "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
        "refurl", "finished", "progress", "duration (in seconds)", "recordeddate", "status",
        "ipaddress", "distributionchannel", "userlanguage", "timestamp", "tijdstempel",
        "enddate", "locationlatitude", "locationlongitude", "externalreference"};
    return meta.count(lower(name)) > 0;
}

// "barrier_self" -> "barrier", "Q5[SQ001]" -> "Q5", "Q5_1" -> "Q5".
std::string option_prefix(const std::string& name) {
    const auto pos = name.find_last_of("_[.");
    if (pos == std::string::npos || pos == 0) {
        return {};
    }
    return name.substr(0, pos);
}

bool is_option_values(const ColumnProfile& p) {
    if (p.overflow) {
        return false;
    }
    for (const auto& [v, n] : p.distinct) {
        const std::string f = lower(v);
        if (f != "0" && f != "1" && f != "y" && f != "n" && f != "ja" && f != "nee" &&
            f != "yes" && f != "no") {
            return false;
        }
    }
    return true;
}

// The options of a one-column multi-select question, numbered 1, 2, ... in the order of
// their labels. A cell matches a choice by code before label (data::Coder), so when an
// option's label is another option's number ("2" as option 1), the labels are the codes.
std::vector<Choice> option_choices(const std::map<std::string, std::size_t>& parts) {
    std::vector<Choice> choices;
    for (const auto& [part, n] : parts) {
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

// A column name that no codebook can hold: empty, or with a CR LF in it, which the reader
// turns into LF when it reads the codebook (a name gets one from "\r\r\n" in quotes).
// Such columns are left out of the draft; validate reports them.
bool unnameable(const std::string& name) {
    return name.empty() || name.find("\r\n") != std::string::npos;
}

} // namespace

Codebook infer(io::RecordReader& reader) {
    const auto& header = reader.header();
    // Every cell is read as a number with the export's decimal mark, here and below: a
    // column of "1,0" / "2,0" is all numbers in a `;` export, and none without it.
    const bool decimal_comma = reader.dialect().decimal_comma;
    // The draft names each column once; a codebook cannot describe a name twice.
    std::map<std::string_view, std::size_t> column_of;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (unnameable(header[c])) {
            continue;
        }
        if (const auto [it, fresh] = column_of.emplace(header[c], c); !fresh) {
            throw DataError(place(reader.name(), reader.header_line(), header[c]) +
                            fmt::format("is the name of columns {} and {}; give each column a "
                                        "name of its own",
                                        it->second + 1, c + 1));
        }
    }
    if (column_of.empty()) {
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
            if (!p.parts_overflow) {
                std::size_t n_parts = 0;
                for (std::string_view part : util::split(cell, ',')) {
                    part = util::trim(part);
                    if (!part.empty()) {
                        ++p.parts[std::string(part)];
                        ++n_parts;
                    }
                }
                p.several_parts = p.several_parts ||
                                  (n_parts > 1 && cell.find(", ") != std::string_view::npos);
                if (p.parts.size() > k_max_distinct) {
                    p.parts_overflow = true;
                    p.parts.clear();
                }
            }
        }
    }

    Codebook cb;
    cb.source = reader.name();
    // Option columns: 0/1-like values, and at least one other such column with the prefix.
    std::map<std::string, int> prefix_count;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (is_option_values(prof[c]) && !option_prefix(header[c]).empty()) {
            ++prefix_count[option_prefix(header[c])];
        }
    }
    // Columns that look like scale items (small whole numbers from 1, perhaps with a
    // separate "don't know" code), counted per prefix: a battery has two or more.
    std::map<std::string, int> scale_prefix;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const ColumnProfile& p = prof[c];
        if (p.non_blank > 0 && p.all_number && p.all_integer && !p.overflow && p.min >= 1 &&
            p.distinct.size() >= 3) {
            ++scale_prefix[option_prefix(header[c])];
        }
    }
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (unnameable(header[c])) {
            continue;
        }
        const ColumnProfile& p = prof[c];
        Variable v;
        v.name = header[c];
        v.label = header[c];
        const std::string prefix = option_prefix(v.name);
        const bool numeric = p.non_blank > 0 && p.all_number;
        // A "don't know" code set apart from the answers (1-5 and 9, or 99, or -1) is a
        // missing code, not an answer.
        std::optional<double> missing_code;
        std::string missing_text; // the missing code as the export writes it ("9", "9,0")
        double max_answer = p.max;
        double min_answer = p.min;
        if (numeric && p.all_integer && !p.overflow && p.distinct.size() >= 3) {
            std::vector<std::pair<double, std::string>> values;
            for (const auto& [value, n] : p.distinct) {
                values.emplace_back(*util::parse_number(value, decimal_comma), value);
            }
            std::sort(values.begin(), values.end());
            const double top = values.back().first;
            const double below = values[values.size() - 2].first;
            if ((top == 9 || top == 99 || top == 999) && below <= 7 && top - below >= 2) {
                missing_code = top;
                missing_text = values.back().second;
                max_answer = below;
            } else if (values.front().first < 0 && values[1].first >= 0) {
                missing_code = values.front().first;
                missing_text = values.front().second;
                min_answer = values[1].first;
            }
        }
        const bool small_int = numeric && p.all_integer && !p.overflow && min_answer >= 0 &&
                               max_answer <= 10;
        // Likert codes are 1, 2, ...: the answers must be written so ("01", "1,0" and "+1"
        // are answers of a single question with their own codes).
        bool plain_codes = true;
        for (const auto& [value, n] : p.distinct) {
            plain_codes = plain_codes && (value == missing_text || is_plain_integer(value));
        }
        // A first column of increasing whole numbers in every row is an id too (its values
        // are unique then).
        if (is_id_name(v.name) || (c == 0 && numeric && p.all_integer && p.increasing &&
                                   p.non_blank > 2 && p.non_blank == rows)) {
            v.type = VarType::Id;
        } else if (is_meta_name(v.name)) {
            v.type = VarType::Meta;
        } else if (p.non_blank > 0 && is_option_values(p) && prefix_count[prefix] >= 2) {
            v.type = VarType::Multi;
            v.group = prefix;
        } else if (numeric && p.min >= 1 && p.max <= 10 &&
                   name_has(v.name, {"grade", "cijfer", "rapport"})) {
            v.type = VarType::Grade;
            v.min = 1;
            v.max = 10;
        } else if (small_int && name_has(v.name, {"nps", "recommend", "aanbevel", "aanraden"})) {
            v.type = VarType::Nps;
            v.min = 0;
            v.max = 10;
        } else if (small_int && plain_codes && min_answer >= 1 && max_answer <= 7 &&
                   p.distinct.size() - (missing_code ? 1 : 0) >= 3 &&
                   scale_prefix[prefix] >= 2 && !prefix.empty()) {
            // Items of a battery: 1-5 or 1-7 answers in columns that share a prefix
            // (out_future, out_growth ...). Answers not seen still belong to the scale.
            v.type = VarType::Likert;
            const int points = max_answer <= 5 ? 5 : 7;
            for (int k = 1; k <= points; ++k) {
                v.choices.push_back({std::to_string(k), std::to_string(k), k});
            }
        } else if (small_int) {
            v.type = VarType::Single;
            for (const auto& [value, n] : p.distinct) {
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
        } else if (std::map<std::string, std::string> dk;
                   p.non_blank > 0 && !p.overflow && label_scale(p, dk)) {
            // An agreement or satisfaction scale written as labels: the scale's order, not
            // the alphabet's; "weet niet" is a missing code.
            v.type = VarType::Likert;
            const auto& scale = *label_scale(p, dk);
            for (std::size_t k = 0; k < scale.size(); ++k) {
                std::string label = scale[k];
                label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
                for (const auto& [value, n] : p.distinct) { // keep the export's spelling
                    if (util::fold(value) == scale[k]) {
                        label = value;
                    }
                }
                v.choices.push_back({std::to_string(k + 1), label, static_cast<double>(k + 1)});
            }
            // Codes 9, 8, 7, 6 and then 10, 11, ...: never one of the scale's 1-5.
            for (const auto& [folded, spelling] : dk) {
                const std::size_t i = v.missing.size();
                const int code = i < 4 ? 9 - static_cast<int>(i) : 6 + static_cast<int>(i);
                v.missing.push_back({std::to_string(code), spelling, static_cast<double>(code)});
            }
        } else if (p.non_blank > 0 && p.several_parts && !p.parts_overflow &&
                   !p.has_choice_syntax && p.parts.size() >= 2 && p.parts.size() < p.non_blank) {
            // Checkboxes in one column ("Stigma, Kosten"): each part an option.
            v.type = VarType::Multi;
            v.separator = ",";
            v.choices = option_choices(p.parts);
        } else if (p.non_blank > 0 && !p.overflow && !p.has_newline && !p.has_choice_syntax &&
                   p.max_length <= 40 && 2 * p.distinct.size() <= p.non_blank + 1) {
            // A few distinct short answers that repeat: labels written out (Google Forms).
            // Answers that are all different (e-mail addresses, names) stay text, so a
            // table never lists them.
            v.type = VarType::Single;
            for (const auto& [value, n] : p.distinct) {
                v.choices.push_back({value, value, std::nullopt});
            }
        } else {
            v.type = VarType::Text;
        }
        if (missing_code && (v.type == VarType::Likert || v.type == VarType::Single ||
                             v.type == VarType::Nps)) {
            v.missing.push_back({missing_text, missing_text, *missing_code});
        }
        cb.variables.push_back(std::move(v));
    }
    // Likert items with a common prefix form a battery.
    std::map<std::string, int> likert_prefix;
    for (const Variable& v : cb.variables) {
        if (v.type == VarType::Likert && !option_prefix(v.name).empty()) {
            ++likert_prefix[option_prefix(v.name)];
        }
    }
    for (Variable& v : cb.variables) {
        if (v.type == VarType::Likert && likert_prefix[option_prefix(v.name)] >= 2) {
            v.group = option_prefix(v.name);
        }
    }
    return cb;
}

} // namespace careerstat::codebook
