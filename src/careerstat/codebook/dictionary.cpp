#include "careerstat/codebook/dictionary.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/codebook/binding.hpp"
#include "careerstat/codebook/scales.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/platform/platform.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace careerstat::codebook {

namespace {

using DV = io::DictionaryVariable;

constexpr std::size_t k_document_width = 80;

// A missing range a codebook can list: whole numbers, at most this many.
constexpr double k_max_range_codes = 1000;

std::optional<double> number_of(const std::string& code) {
    return util::parse_number(code, false);
}

// Labelled codes that are not missing codes, in the file's order.
std::vector<Choice> choices_of(const DV& v) {
    std::vector<Choice> out;
    for (const io::DictionaryLabel& l : v.labels) {
        if (std::find(v.missing.begin(), v.missing.end(), l.code) != v.missing.end()) {
            continue;
        }
        Choice c;
        c.code = l.code;
        c.label = l.label.empty() ? l.code : l.label;
        c.value = number_of(l.code);
        if (v.form == DV::Form::Number && c.value) {
            const bool in_range = std::any_of(v.missing_ranges.begin(), v.missing_ranges.end(),
                                              [&](const DV::Range& r) {
                                                  return *c.value >= r.lo && *c.value <= r.hi;
                                              });
            if (in_range) {
                continue;
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

// Consecutive whole numbers, each labelled: a rating scale's points.
bool consecutive_whole(const std::vector<Choice>& cs) {
    if (cs.empty()) {
        return false;
    }
    std::vector<double> xs;
    for (const Choice& c : cs) {
        if (!c.value || *c.value != std::trunc(*c.value)) {
            return false;
        }
        xs.push_back(*c.value);
    }
    std::sort(xs.begin(), xs.end());
    for (std::size_t i = 1; i < xs.size(); ++i) {
        if (xs[i] != xs[i - 1] + 1) {
            return false;
        }
    }
    return true;
}

bool recognised_scale(const std::vector<Choice>& cs) {
    std::map<std::string, std::size_t> distinct;
    for (const Choice& c : cs) {
        distinct[c.label] = 1;
    }
    return recognise_scale(distinct).has_value();
}

// The type a labelled numeric variable's measure and labels say.
VarType labelled_type(const DV& v, const std::vector<Choice>& cs) {
    const bool scale_like = cs.size() >= 4 && cs.size() <= 11 && consecutive_whole(cs);
    switch (v.measure) {
    case DV::Measure::Nominal:
        return VarType::Single;
    case DV::Measure::Ordinal:
        return scale_like ? VarType::Likert : VarType::Single;
    case DV::Measure::Scale:
        // SPSS and PSPP make every new numeric variable "scale": labels on a run of whole
        // numbers (1=Krant 2=Radio 3=Tv, a rating's points) still make it categorical, labels
        // on a few values (the ends of 0..10, a missing code) leave it a number.
        if (!consecutive_whole(cs)) {
            return VarType::Numeric;
        }
        [[fallthrough]];
    case DV::Measure::Unknown:
        return scale_like && recognised_scale(cs) ? VarType::Likert : VarType::Single;
    }
    return VarType::Single;
}

// User-missing codes: the discrete ones, and ranges of whole numbers listed code by code.
std::vector<Choice> missing_of(const DV& v, const std::string& source) {
    std::vector<Choice> out;
    auto label_of = [&](const std::string& code) {
        for (const io::DictionaryLabel& l : v.labels) {
            if (l.code == code && !l.label.empty()) {
                return l.label;
            }
        }
        return code;
    };
    for (const std::string& code : v.missing) {
        out.push_back({code, label_of(code), number_of(code)});
    }
    for (const DV::Range& r : v.missing_ranges) {
        if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || r.lo != std::trunc(r.lo) ||
            r.hi != std::trunc(r.hi) || r.hi - r.lo + 1 > k_max_range_codes) {
            throw DataError(msgf(
                "{}: column \"{}\": its missing values are the range {} THRU {}, which a "
                "codebook cannot list code by code; write a codebook with `careerstat codebook "
                "{}` and give the missing codes there",
                source, v.name, std::isfinite(r.lo) ? fmt::format("{}", r.lo) : "LO",
                std::isfinite(r.hi) ? fmt::format("{}", r.hi) : "HI", source));
        }
        for (double x = r.lo; x <= r.hi; x += 1) {
            const std::string code = fmt::format("{}", static_cast<long long>(x));
            if (std::none_of(out.begin(), out.end(), [&](const Choice& c) { return c.code == code; })) {
                out.push_back({code, label_of(code), x});
            }
        }
    }
    return out;
}

class StringSource : public ::io::ByteSourceBase {
  public:
    explicit StringSource(std::string text) : m_text(std::move(text)) {}
    int read(char* buffer, int size) override {
        const std::size_t n = std::min(static_cast<std::size_t>(size), m_text.size() - m_at);
        std::copy_n(m_text.data() + m_at, n, buffer);
        m_at += n;
        return static_cast<int>(n);
    }

  private:
    std::string m_text;
    std::size_t m_at = 0;
};

} // namespace

std::string dictionary_fingerprint(const io::Dictionary& dict) {
    // FNV-1a (64 bits) over a canonical text of the dictionary.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    auto add = [&](std::string_view text) {
        for (const char c : text) {
            h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        }
        h = (h ^ 0x1fU) * 0x100000001b3ULL; // a separator no label holds
    };
    for (const DV& v : dict.variables) {
        add(v.name);
        add(util::trim(v.label));
        std::vector<std::string> labels;
        for (const io::DictionaryLabel& l : v.labels) {
            labels.push_back(l.code + "=" + std::string(util::trim(l.label)));
        }
        std::sort(labels.begin(), labels.end());
        for (const std::string& l : labels) {
            add(l);
        }
        add("missing");
        std::vector<std::string> missing = v.missing;
        std::sort(missing.begin(), missing.end());
        for (const std::string& m : missing) {
            add(m);
        }
        for (const DV::Range& r : v.missing_ranges) {
            add(fmt::format("{}..{}", r.lo, r.hi));
        }
    }
    return fmt::format("{:016x}", h);
}

std::vector<std::string> codebook_documents(const std::string& csv, const std::string& fingerprint) {
    std::vector<std::string> out;
    out.emplace_back(fmt::format("{} {}: careerstat's codebook of this file",
                                 k_codebook_document, fingerprint));
    const std::size_t payload = k_document_width - 2; // the marker and the closing '|'
    std::size_t at = 0;
    while (at < csv.size()) {
        std::size_t end = csv.find('\n', at);
        end = end == std::string::npos ? csv.size() : end;
        std::string_view line(csv.data() + at, end - at);
        at = end + 1;
        bool first = true;
        do {
            const std::string piece = util::cut_utf8(line, payload);
            out.push_back((first ? ">" : "+") + piece + "|");
            line.remove_prefix(piece.size());
            first = false;
        } while (!line.empty());
    }
    return out;
}

std::optional<DocumentCodebook> codebook_from_documents(const std::vector<std::string>& lines) {
    auto begin = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return l.starts_with(k_codebook_document);
    });
    if (begin == lines.end()) {
        return std::nullopt;
    }
    DocumentCodebook out;
    {
        std::string_view head = *begin;
        head.remove_prefix(k_codebook_document.size());
        head = util::trim(head);
        out.fingerprint = std::string(head.substr(0, head.find(':')));
    }
    bool any = false;
    for (auto it = begin + 1; it != lines.end(); ++it) {
        std::string_view l = *it;
        while (!l.empty() && (l.back() == ' ' || l.back() == '\0')) {
            l.remove_suffix(1);
        }
        if (l.size() < 2 || (l.front() != '>' && l.front() != '+') || l.back() != '|') {
            break; // the codebook's documents end here
        }
        if (l.front() == '>' && any) {
            out.csv.push_back('\n');
        }
        out.csv.append(l.substr(1, l.size() - 2));
        any = true;
    }
    if (!any) {
        return std::nullopt;
    }
    out.csv.push_back('\n');
    return out;
}

Codebook from_dictionary(const io::Dictionary& dict, const std::string& source,
                         std::vector<std::string>& notes, const platform::Layout* layout) {
    Codebook cb;
    cb.source = source;
    // Option columns of the multiple dichotomy sets, by variable name.
    std::map<std::string, const io::DictionarySet*> option_of;
    for (const io::DictionarySet& set : dict.sets) {
        if (!set.dichotomy) {
            notes.push_back(msgf("multiple category set ${} ({}) is read as {} separate "
                                 "questions: a careerstat codebook has no such set",
                                 set.name, set.label, set.variables.size()));
            continue;
        }
        for (const std::string& v : set.variables) {
            option_of.emplace(v, &set);
        }
    }
    for (std::size_t i = 0; i < dict.variables.size(); ++i) {
        const DV& d = dict.variables[i];
        Variable v;
        v.name = d.name;
        v.label = d.label.empty() ? d.name : d.label;
        v.line = static_cast<long>(i) + 1;
        v.missing = missing_of(d, source);
        std::vector<Choice> cs = choices_of(d);
        if (auto it = option_of.find(d.name); it != option_of.end()) {
            const io::DictionarySet& set = *it->second;
            v.type = VarType::Multi;
            v.group = set.name;
            v.question = set.label;
            // The option's label is its variable label; the counted value means "selected",
            // every other labelled value (and 0 for a 1/0 variable) "not selected".
            v.choices = cs;
            auto counted = std::find_if(v.choices.begin(), v.choices.end(),
                                        [&](const Choice& c) { return c.code == set.counted; });
            if (counted == v.choices.end()) {
                v.choices.push_back({set.counted, "selected", number_of(set.counted)});
                counted = v.choices.end() - 1;
            }
            v.selected = static_cast<std::size_t>(counted - v.choices.begin());
            if (set.counted == "1" && std::none_of(v.choices.begin(), v.choices.end(),
                                                   [](const Choice& c) { return c.code == "0"; })) {
                v.choices.push_back({"0", "not selected", 0.0});
            }
        } else if (dict.weight && *dict.weight == d.name) {
            v.type = VarType::Weight;
        } else if (layout && i < layout->columns.size() && cs.empty() &&
                   (layout->columns[i].role == platform::Role::Meta ||
                    layout->columns[i].role == platform::Role::Timing)) {
            v.type = VarType::Meta; // the platform's metadata (LimeSurvey's submitdate, ...)
        } else if (layout && i < layout->columns.size() && cs.empty() &&
                   layout->columns[i].role == platform::Role::Id) {
            v.type = VarType::Id;
        } else if (d.form == DV::Form::Date || d.form == DV::Form::DateTime ||
                   d.form == DV::Form::Time) {
            v.type = VarType::Date;
        } else if (d.form == DV::Form::Text) {
            if (cs.size() >= 2) {
                v.type = VarType::Single;
                v.choices = cs;
            } else {
                v.type = platform::is_id_name(d.name) ? VarType::Id : VarType::Text;
            }
        } else if (cs.size() >= 2) {
            v.type = labelled_type(d, cs);
            if (v.type != VarType::Numeric) {
                v.choices = cs;
            }
        } else {
            v.type = platform::is_id_name(d.name) ? VarType::Id : VarType::Numeric;
        }
        if (v.type == VarType::Likert) {
            // "Weet niet" as a point of a scale would move its mean: a missing code.
            for (auto it = v.choices.begin(); it != v.choices.end();) {
                if (is_dont_know_answer(it->label)) {
                    notes.push_back(msgf("column \"{}\": code {} ({}) is read as a missing "
                                         "code, not a point of the scale",
                                         v.name, it->code, it->label));
                    v.missing.push_back(*it);
                    it = v.choices.erase(it);
                } else {
                    ++it;
                }
            }
        }
        cb.variables.push_back(std::move(v));
    }
    // Option labels written as "question: option" (as convert and many SPSS files write
    // them): the question is the set's, the option's label what follows.
    for (const io::DictionarySet& set : dict.sets) {
        std::vector<Variable*> members;
        for (Variable& v : cb.variables) {
            if (v.is_option_column() && v.group == set.name) {
                members.push_back(&v);
            }
        }
        if (members.size() < 2) {
            continue;
        }
        const std::size_t colon = members.front()->label.find(": ");
        if (colon == std::string::npos) {
            continue;
        }
        const std::string prefix = members.front()->label.substr(0, colon + 2);
        if (std::all_of(members.begin(), members.end(), [&](const Variable* v) {
                return v->label.size() > prefix.size() && v->label.starts_with(prefix);
            })) {
            for (Variable* v : members) {
                v->label.erase(0, prefix.size());
                if (v->question.empty()) {
                    v->question = prefix.substr(0, colon);
                }
            }
        }
    }
    return cb;
}

std::optional<Codebook> dictionary_codebook(io::RecordReader& reader,
                                            std::vector<std::string>& notes,
                                            const platform::Layout* layout) {
    const io::Dictionary* dict = reader.dictionary();
    if (!dict) {
        return std::nullopt;
    }
    for (const std::string& n : dict->notes) {
        notes.push_back(n);
    }
    Codebook cb;
    std::optional<DocumentCodebook> doc = codebook_from_documents(dict->documents);
    if (doc && doc->fingerprint != dictionary_fingerprint(*dict)) {
        notes.push_back(
            msgf("the file was changed after careerstat wrote it (its labels or missing "
                 "values differ): it is read through its dictionary, not the codebook "
                 "careerstat wrote into it"));
        doc.reset();
    }
    if (doc) {
        // The codebook careerstat converted the file with: types, groups and questions that
        // SPSS has no place for.
        io::RecordReader r(reader.name() + " (its codebook)",
                           std::make_unique<StringSource>(std::move(doc->csv)));
        cb = Codebook::read(r);
    } else {
        cb = from_dictionary(*dict, reader.name(), notes, layout);
    }
    resolve_names(cb, reader);
    return cb;
}

} // namespace careerstat::codebook
