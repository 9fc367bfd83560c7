// The table of platforms, detection, and the drafting every platform shares: unique names.
#include "careerstat/messages.hpp"
#include "careerstat/platform/adapters.hpp"

#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <set>

namespace careerstat::platform {

namespace detail {

namespace {

int detect_generic(const Sample&) { return 1; }

// An export of no platform careerstat knows: ids and metadata by their usual names.
void draft_generic(const Sample&, Layout& layout) {
    for (Column& c : layout.columns) {
        const std::string f = util::fold(c.name);
        if (is_id_name(f)) {
            c.role = Role::Id;
        } else if (is_one_of(f, {"submitdate", "lastpage", "startlanguage", "seed", "startdate",
                                 "datestamp", "ipaddr", "refurl", "finished", "progress",
                                 "duration (in seconds)", "recordeddate", "status", "ipaddress",
                                 "distributionchannel", "userlanguage", "timestamp",
                                 "tijdstempel", "enddate", "locationlatitude",
                                 "locationlongitude", "externalreference"})) {
            c.role = Role::Meta;
        }
    }
}

// The one table of platforms: --platform's names, detection order and drafting.
const Adapter k_adapters[] = {
    {Kind::Generic, "generic", "generic CSV", detect_generic, draft_generic},
    {Kind::LimeSurvey, "limesurvey", "LimeSurvey", detect_limesurvey, draft_limesurvey},
    {Kind::Qualtrics, "qualtrics", "Qualtrics", detect_qualtrics, draft_qualtrics},
    {Kind::SurveyMonkey, "surveymonkey", "SurveyMonkey", detect_surveymonkey, draft_surveymonkey},
    {Kind::GoogleForms, "googleforms", "Google Forms", detect_googleforms, draft_googleforms},
    {Kind::Redcap, "redcap", "REDCap", detect_redcap, draft_redcap},
    {Kind::MicrosoftForms, "msforms", "Microsoft Forms", detect_msforms, draft_msforms},
    {Kind::Typeform, "typeform", "Typeform", detect_typeform, draft_typeform},
    {Kind::Kobo, "kobo", "KoboToolbox", detect_kobo, draft_kobo},
};

const Adapter& adapter(Kind kind) {
    for (const Adapter& a : k_adapters) {
        if (a.kind == kind) {
            return a;
        }
    }
    return k_adapters[0];
}

// Names the export cannot give a codebook become unique ones, and each renaming is a note:
// `column 14 "Vraag" occurs twice: named Vraag_2`.
void make_unique(Layout& layout) {
    std::set<std::string> taken;
    std::map<std::string, int> seen;
    for (const Column& c : layout.columns) {
        ++seen[c.name];
    }
    std::map<std::string, int> occurrence;
    for (std::size_t i = 0; i < layout.columns.size(); ++i) {
        Column& c = layout.columns[i];
        std::string why;
        if (c.name.empty()) {
            c.name = fmt::format("column_{}", i + 1);
            why = msgf("has no name");
        } else if (c.name.find_first_of("\r\n") != std::string::npos) {
            std::string flat;
            for (char ch : c.name) {
                flat += (ch == '\r' || ch == '\n') ? ' ' : ch;
            }
            c.name = flat;
            why = msgf("has a line break in its name");
        } else if (seen[c.name] > 1 && ++occurrence[c.name] > 1) {
            why = seen[c.name] == 2 ? msgf("occurs twice") : msgf("occurs {} times", seen[c.name]);
            c.name = fmt::format("{}_{}", c.name, occurrence[c.name]);
        }
        while (!taken.insert(c.name).second) {
            c.name += "_";
            if (why.empty()) {
                why = msgf("clashes with another column's name");
            }
        }
        if (why.empty() && c.raw != c.name && util::trim(c.raw) == c.name) {
            why = msgf("has spaces around its name");
        }
        if (!why.empty()) {
            layout.notes.push_back(
                msgf("column {} \"{}\" {}: named {}", i + 1, c.raw, why, c.name));
        }
        // HTML line breaks that SurveyMonkey and Qualtrics leave in question texts.
        for (const char* br : {"<br />", "<br/>", "<br>", "<BR>"}) {
            for (auto at = c.label.find(br); at != std::string::npos; at = c.label.find(br)) {
                c.label.replace(at, std::strlen(br), " ");
            }
        }
        if (c.label.empty()) {
            c.label = c.name;
        }
    }
}

} // namespace

std::string_view Sample::cell(std::size_t row, std::size_t col) const {
    if (row >= rows.size() || col >= rows[row].fields.size()) {
        return {};
    }
    return rows[row].fields[col];
}

std::optional<std::size_t> Sample::column(std::initializer_list<std::string_view> wanted) const {
    for (std::size_t c = 0; c < names.size(); ++c) {
        if (is_one_of(names[c], wanted)) {
            return c;
        }
    }
    return std::nullopt;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    const std::string f = util::fold(util::trim(name));
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return f == n; });
}

bool is_question_text(std::string_view name) {
    name = util::trim(name);
    if (name.size() > 32) {
        return true;
    }
    const bool words = name.find(' ') != std::string_view::npos;
    return words && !name.empty() && (name.back() == '?' || name.back() == ':');
}

void number_questions(Layout& layout) {
    int k = 0;
    std::map<std::string, std::pair<int, int>> group_numbers; // group -> (k, members)
    std::string last_group;
    for (Column& c : layout.columns) {
        if (c.role == Role::Meta || c.role == Role::Id || c.role == Role::Timing) {
            continue;
        }
        if (!c.group.empty()) {
            auto [it, fresh] = group_numbers.try_emplace(c.group, 0, 0);
            if (fresh) {
                it->second.first = ++k;
            }
            c.group = fmt::format("Q{}", it->second.first);
            c.name = fmt::format("Q{}_{}", it->second.first, ++it->second.second);
            continue;
        }
        if (is_question_text(c.raw) || c.name.empty() || c.raw.find(' ') != std::string::npos) {
            c.name = fmt::format("Q{}", ++k);
        } else {
            ++k;
        }
    }
}

} // namespace detail

using detail::k_adapters;

bool is_id_name(std::string_view name) {
    const std::string f = util::fold(name);
    return f == "id" || f.find("respondent") != std::string::npos ||
           f.find("responseid") != std::string::npos || f.find("response_id") != std::string::npos;
}

std::string_view kind_name(Kind kind) { return detail::adapter(kind).name; }
std::string_view kind_title(Kind kind) { return detail::adapter(kind).title; }

std::optional<Kind> parse_kind(std::string_view name) {
    for (const detail::Adapter& a : k_adapters) {
        if (util::fold(name) == a.name) {
            return a.kind;
        }
    }
    return std::nullopt;
}

std::string kind_names() {
    std::string out;
    for (const detail::Adapter& a : k_adapters) {
        out += out.empty() ? "" : ", ";
        out += a.name;
    }
    return out;
}

Layout detect(const std::vector<std::string>& raw_header,
              const std::vector<io::RecordReader::Peeked>& rows, std::optional<Kind> forced) {
    detail::Sample sample{{}, rows};
    for (const std::string& n : raw_header) {
        sample.names.emplace_back(util::trim(n));
    }
    const detail::Adapter* best = &k_adapters[0];
    if (forced) {
        best = &detail::adapter(*forced);
    } else {
        int best_score = 0;
        for (const detail::Adapter& a : k_adapters) {
            const int s = a.detect(sample);
            if (s > best_score) {
                best_score = s;
                best = &a;
            }
        }
    }
    Layout layout;
    layout.kind = best->kind;
    layout.forced = forced.has_value();
    for (std::size_t c = 0; c < raw_header.size(); ++c) {
        Column col;
        col.raw = raw_header[c];
        col.name = sample.names[c];
        col.label = sample.names[c];
        layout.columns.push_back(std::move(col));
    }
    best->draft(sample, layout);
    detail::make_unique(layout);
    return layout;
}

namespace {
void apply_names(io::RecordReader& reader, const Layout& layout, bool exclude);
}

Layout open(io::RecordReader& reader, std::optional<Kind> forced, bool exclude) {
    if (reader.dictionary()) {
        // A .sav or .dta has one header (its variables) and labels of its own: every record
        // is a case, whatever a platform's CSV export would put in its first rows.
        Layout layout = detect(reader.raw_header(), {}, forced);
        layout.header_rows = 1;
        apply_names(reader, layout, exclude);
        return layout;
    }
    const auto& rows = reader.peek(5);
    Layout layout = detect(reader.raw_header(), rows, forced);
    reader.drop_peeked(layout.header_rows - 1);
    apply_names(reader, layout, exclude);
    return layout;
}

namespace {
// The layout's drafted names, and its excluded rows, applied to the reader.
void apply_names(io::RecordReader& reader, const Layout& layout, bool exclude) {
    std::vector<std::string> names;
    for (const Column& c : layout.columns) {
        names.push_back(c.name);
    }
    reader.rename_columns(std::move(names));
    if (exclude && layout.status_column && !layout.excluded_status.empty()) {
        reader.exclude_rows(*layout.status_column, layout.excluded_status);
    }
}

} // namespace

} // namespace careerstat::platform
