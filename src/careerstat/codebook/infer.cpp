#include "careerstat/codebook/infer.hpp"

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
    // Parts of cells split at ", " (a Google Forms checkbox question writes "A, B").
    std::map<std::string, std::size_t> parts;
    bool parts_overflow = false;
    bool several_parts = false;
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

// The label scale that holds every distinct answer but "don't know" ones, if any.
const std::vector<std::string>* label_scale(const ColumnProfile& p, std::string& dont_know) {
    for (const auto& scale : k_label_scales) {
        bool all = !p.distinct.empty();
        dont_know.clear();
        for (const auto& [value, n] : p.distinct) {
            const std::string f = util::fold(value);
            if (k_dont_know.count(f)) {
                dont_know = value;
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

bool looks_like_date(std::string_view s) {
    // YYYY-MM-DD[ HH:MM[:SS]], DD-MM-YYYY or DD/MM/YYYY
    auto digits = [&](std::size_t from, std::size_t n) {
        if (from + n > s.size()) {
            return false;
        }
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
        }
        return true;
    };
    if (s.size() >= 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
        digits(8, 2)) {
        return s.size() == 10 || s[10] == ' ' || s[10] == 'T';
    }
    if (s.size() >= 10 && digits(0, 2) && (s[2] == '-' || s[2] == '/') && digits(3, 2) &&
        s[5] == s[2] && digits(6, 4)) {
        return s.size() == 10 || s[10] == ' ';
    }
    return false;
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

} // namespace

Codebook infer(io::RecordReader& reader) {
    const auto& header = reader.header();
    std::vector<ColumnProfile> prof(header.size());
    while (reader.next()) {
        reader.require_header_width();
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
            if (!p.overflow) {
                ++p.distinct[std::string(cell)];
                if (p.distinct.size() > k_max_distinct) {
                    p.overflow = true;
                    p.distinct.clear();
                }
            }
            const auto num = util::parse_number(cell, reader.dialect().decimal_comma);
            if (num) {
                p.all_integer = p.all_integer && std::floor(*num) == *num;
                p.min = std::min(p.min, *num);
                p.max = std::max(p.max, *num);
                p.increasing = p.increasing && *num > p.last;
                p.last = *num;
            } else {
                p.all_number = p.all_integer = p.increasing = false;
            }
            p.all_date = p.all_date && looks_like_date(cell);
            if (!p.parts_overflow) {
                std::size_t n_parts = 0;
                std::size_t start = 0;
                for (;;) {
                    const std::size_t comma = cell.find(", ", start);
                    const std::string_view part =
                        util::trim(cell.substr(start, comma == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : comma - start));
                    ++p.parts[std::string(part)];
                    ++n_parts;
                    if (comma == std::string_view::npos) {
                        break;
                    }
                    start = comma + 2;
                }
                p.several_parts = p.several_parts || n_parts > 1;
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
        const ColumnProfile& p = prof[c];
        Variable v;
        v.name = header[c];
        v.label = header[c];
        const std::string prefix = option_prefix(v.name);
        const bool numeric = p.non_blank > 0 && p.all_number;
        // A "don't know" code set apart from the answers (1-5 and 9, or 99, or -1) is a
        // missing code, not an answer.
        std::optional<double> missing_code;
        double max_answer = p.max;
        double min_answer = p.min;
        if (numeric && p.all_integer && !p.overflow && p.distinct.size() >= 3) {
            std::vector<double> values;
            for (const auto& [value, n] : p.distinct) {
                values.push_back(*util::parse_number(value, false));
            }
            std::sort(values.begin(), values.end());
            const double top = values.back();
            const double below = values[values.size() - 2];
            if ((top == 9 || top == 99 || top == 999) && below <= 7 && top - below >= 2) {
                missing_code = top;
                max_answer = below;
            } else if (values.front() < 0 && values[1] >= 0) {
                missing_code = values.front();
                min_answer = values[1];
            }
        }
        const bool small_int = numeric && p.all_integer && !p.overflow && min_answer >= 0 &&
                               max_answer <= 10;
        if (name_has(v.name, {"respondent", "responseid", "response_id"}) ||
            lower(v.name) == "id" || (c == 0 && numeric && p.all_integer && p.increasing &&
                                      p.non_blank > 2)) {
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
        } else if (small_int && min_answer >= 1 && max_answer <= 7 &&
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
                const double x = *util::parse_number(value, false);
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
        } else if (std::string dk; p.non_blank > 0 && !p.overflow && label_scale(p, dk)) {
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
            if (!dk.empty()) {
                v.missing.push_back({"9", dk, 9.0});
            }
        } else if (p.non_blank > 0 && p.several_parts && !p.parts_overflow &&
                   p.parts.size() >= 2 && p.parts.size() < p.non_blank) {
            // Checkboxes in one column ("Stigma, Kosten"): each part an option.
            v.type = VarType::Multi;
            v.separator = ",";
            int k = 0;
            for (const auto& [part, n] : p.parts) {
                ++k;
                v.choices.push_back({std::to_string(k), part, static_cast<double>(k)});
            }
        } else if (p.non_blank > 0 && !p.overflow && !p.has_newline && p.max_length <= 40 &&
                   2 * p.distinct.size() <= p.non_blank + 1) {
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
        if (missing_code && (v.type == VarType::Likert || v.type == VarType::Single)) {
            const std::string code = fmt::format("{:g}", *missing_code);
            v.missing.push_back({code, code, *missing_code});
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
