#include "careerstat/codebook/drift.hpp"

#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace careerstat::codebook {

namespace {

// Every kind of change: its machine name (tables' `kind`, JSON) and its words for people
// (English keys of i18n.cpp). The one list drift_kind_name and drift_kind_label read.
struct KindRow {
    DriftKind kind;
    std::string_view name;
    std::string_view label;
};
constexpr KindRow k_kinds[] = {
    {DriftKind::Added, "added", "added"},
    {DriftKind::Removed, "removed", "removed"},
    {DriftKind::Type, "type", "type changed"},
    {DriftKind::Wording, "wording", "wording changed"},
    {DriftKind::CodesAdded, "codes_added", "answer codes added"},
    {DriftKind::CodesRemoved, "codes_removed", "answer codes removed"},
    {DriftKind::CodeRelabelled, "code_relabelled", "code relabelled"},
    {DriftKind::Range, "range", "range changed"},
    {DriftKind::Missing, "missing", "missing codes changed"},
    {DriftKind::Group, "group", "group changed"},
    {DriftKind::Reverse, "reverse", "reverse wording changed"},
};

const KindRow& row_of(DriftKind kind) {
    for (const KindRow& r : k_kinds) {
        if (r.kind == kind) {
            return r;
        }
    }
    return k_kinds[0];
}

} // namespace

std::string_view drift_kind_name(DriftKind kind) { return row_of(kind).name; }
std::string_view drift_kind_label(DriftKind kind) { return row_of(kind).label; }

namespace {

// Code points of the folded text with runs of blanks as one space, trimmed.
std::u32string normalised(std::string_view text) {
    const std::string f = util::fold(util::trim(text));
    std::u32string out;
    for (std::size_t i = 0; i < f.size();) {
        const auto c = static_cast<unsigned char>(f[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
        for (std::size_t k = 1; k < len && i + k < f.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(f[i + k]) & 0x3F);
        }
        i += len;
        const bool blank = cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n';
        if (blank && (out.empty() || out.back() == ' ')) {
            continue;
        }
        out.push_back(blank ? U' ' : cp);
    }
    if (!out.empty() && out.back() == U' ') {
        out.pop_back();
    }
    return out;
}

std::string range_text(const Variable& v) {
    return v.min && v.max ? fmt::format("{:g}..{:g}", *v.min, *v.max) : std::string();
}

// The ends of a Likert scale or a numeric range, as compared.
std::string ends_of(const Variable& v) {
    if (v.type == VarType::Likert && !v.choices.empty()) {
        const ItemRange r = item_range(v);
        return fmt::format("{:g}..{:g}", r.min, r.max);
    }
    return range_text(v);
}

void compare_choices(const Variable& b, const std::vector<Choice>& ca,
                     const std::vector<Choice>& cb, bool missing, std::vector<Drift>& out) {
    std::map<std::string, const Choice*> before;
    for (const Choice& c : ca) {
        before[c.code] = &c;
    }
    std::map<std::string, const Choice*> after;
    for (const Choice& c : cb) {
        after[c.code] = &c;
    }
    std::string added, removed;
    for (const Choice& c : cb) {
        if (!before.count(c.code)) {
            added += (added.empty() ? "" : "|") + c.code + "=" + c.label;
        }
    }
    for (const Choice& c : ca) {
        if (!after.count(c.code)) {
            removed += (removed.empty() ? "" : "|") + c.code + "=" + c.label;
        }
    }
    if (missing) {
        if (!added.empty() || !removed.empty()) {
            out.push_back({b.name, DriftKind::Missing, format_choices(ca), format_choices(cb), -1,
                           false});
        }
    } else {
        if (!added.empty()) {
            out.push_back({b.name, DriftKind::CodesAdded, "", added, -1, false});
        }
        if (!removed.empty()) {
            // Answers that can no longer be given: a share of the rest changes meaning.
            out.push_back({b.name, DriftKind::CodesRemoved, removed, "", -1, true});
        }
    }
    for (const Choice& c : cb) {
        const auto it = before.find(c.code);
        if (it == before.end() || it->second->label == c.label) {
            continue;
        }
        const double s = text_similarity(it->second->label, c.label);
        out.push_back({b.name, missing ? DriftKind::Missing : DriftKind::CodeRelabelled,
                       c.code + "=" + it->second->label, c.code + "=" + c.label, s,
                       !missing && s < k_same_wording});
    }
}

} // namespace

double text_similarity(std::string_view a, std::string_view b) {
    const std::u32string x = normalised(a);
    const std::u32string y = normalised(b);
    if (x.empty() && y.empty()) {
        return 1;
    }
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return 1 - static_cast<double>(row[y.size()]) / static_cast<double>(std::max(x.size(), y.size()));
}

std::vector<Drift> compare_codebooks(const Codebook& before, const Codebook& after) {
    std::vector<Drift> out;
    for (const Variable& b : after.variables) {
        if (b.is_derived()) {
            continue;
        }
        const Variable* a = before.find(b.name);
        if (a == nullptr) {
            out.push_back({b.name, DriftKind::Added, "", std::string(type_name(b.type)), -1, false});
            continue;
        }
        if (a->type != b.type) {
            out.push_back({b.name, DriftKind::Type, std::string(type_name(a->type)),
                           std::string(type_name(b.type)), -1, true});
            continue; // nothing else compares across types
        }
        if (a->label != b.label) {
            const double s = text_similarity(a->label, b.label);
            out.push_back({b.name, DriftKind::Wording, a->label, b.label, s, s < k_same_wording});
        }
        if (a->question != b.question && !(a->question.empty() || b.question.empty())) {
            const double s = text_similarity(a->question, b.question);
            out.push_back({b.name, DriftKind::Wording, a->question, b.question, s,
                           s < k_same_wording});
        }
        if (a->group != b.group) {
            out.push_back({b.name, DriftKind::Group, a->group, b.group, -1, true});
        }
        if (a->reverse != b.reverse) {
            out.push_back({b.name, DriftKind::Reverse, a->reverse ? "reverse = 1" : "reverse = 0",
                           b.reverse ? "reverse = 1" : "reverse = 0", -1, true});
        }
        if (ends_of(*a) != ends_of(b)) {
            out.push_back({b.name, DriftKind::Range, ends_of(*a), ends_of(b), -1, true});
        }
        compare_choices(b, a->choices, b.choices, false, out);
        compare_choices(b, a->missing, b.missing, true, out);
    }
    for (const Variable& a : before.variables) {
        if (!a.is_derived() && after.find(a.name) == nullptr) {
            out.push_back({a.name, DriftKind::Removed, std::string(type_name(a.type)), "", -1, false});
        }
    }
    return out;
}

} // namespace careerstat::codebook
