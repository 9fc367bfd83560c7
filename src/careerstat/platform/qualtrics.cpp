// Qualtrics: the three header layouts (names, question text, ImportId as JSON; the Insights
// variant with the ImportId in single quotes; the legacy V1,V2,... row above the names),
// metadata and timing columns, and the Status codes of previews, tests and spam.
#include "careerstat/platform/adapters.hpp"

#include "careerstat/util/text.hpp"

#include <fmt/format.h>
#include <map>

namespace careerstat::platform::detail {

namespace {


// The row holds an ImportId in most of its non-empty cells.
int import_id_row(const Sample& s, std::size_t row, bool& single_quotes) {
    std::size_t json = 0;
    std::size_t python = 0;
    std::size_t filled = 0;
    for (std::size_t c = 0; c < s.names.size(); ++c) {
        const std::string_view v = util::trim(s.cell(row, c));
        if (v.empty()) {
            continue;
        }
        ++filled;
        json += v.starts_with("{\"ImportId\"") ? 1 : 0;
        python += v.starts_with("{'ImportId'") ? 1 : 0;
    }
    single_quotes = python > json;
    return filled > 0 && 2 * (json + python) > filled;
}

bool legacy_names(const Sample& s) {
    return s.names.size() >= 3 && s.names[0] == "V1" && s.names[1] == "V2" && s.names[2] == "V3" &&
           is_one_of(s.cell(0, 0), {"responseid"});
}

} // namespace

int detect_qualtrics(const Sample& s) {
    bool single = false;
    if (import_id_row(s, 1, single) || legacy_names(s)) {
        return 100;
    }
    if (s.has({"responseid"}) && s.has({"finished", "progress"}) && s.has({"startdate"})) {
        return 60;
    }
    return 0;
}

void draft_qualtrics(const Sample& s, Layout& layout) {
    bool single = false;
    const bool legacy = legacy_names(s);
    if (import_id_row(s, 1, single)) {
        layout.header_rows = 3;
        layout.variant = single ? "3 header rows, ImportId in single quotes (Insights)"
                                : "3 header rows, ImportId in JSON";
    } else if (legacy) {
        layout.header_rows = 2;
        layout.variant = "legacy: V1, V2, ... above the names";
    } else {
        layout.variant = "1 header row";
    }
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
        Column& col = layout.columns[c];
        std::string text = layout.header_rows > 1 ? std::string(util::trim(s.cell(0, c))) : "";
        if (legacy && col.name.size() >= 2 && col.name[0] == 'V' &&
            col.name.find_first_not_of("0123456789", 1) == std::string::npos) {
            col.name = text; // V7 is "Status" in the row below
        }
        if (!text.empty()) {
            col.label = text;
        }
        const std::string& n = col.name;
        if (is_one_of(n, {"responseid"})) {
            col.role = Role::Id;
        } else if (is_one_of(n, {"startdate", "enddate", "status", "ipaddress", "progress",
                                 "duration (in seconds)", "finished", "recordeddate",
                                 "recipientlastname", "recipientfirstname", "recipientemail",
                                 "externalreference", "externaldatareference",
                                 "locationlatitude", "locationlongitude", "locationaccuracy",
                                 "distributionchannel", "userlanguage", "responseset", "name",
                                 "emailaddress"})) {
            col.role = Role::Meta;
        } else if (n.ends_with("First Click") || n.ends_with("Last Click") ||
                   n.ends_with("Page Submit") || n.ends_with("Click Count")) {
            col.role = Role::Timing;
        } else if (n.ends_with("_NPS_GROUP") ||
                   (n.starts_with("Q_") && n.size() > 2 && n[2] >= 'A' && n[2] <= 'Z')) {
            col.role = Role::Meta; // a derived NPS group; embedded data such as Q_TotalDuration
        } else if (n.ends_with("_TEXT")) {
            col.role = Role::Text;
        }
    }
    // A matrix row's text is "question - statement" ("question-statement" in the Insights
    // layout): split only where another column asks the same question, so a text such as
    // "format 'Song - Artist'." stays whole.
    const std::string sep = single ? "-" : " - ";
    auto question_part = [&](const std::string& label) -> std::string {
        const auto dash = label.rfind(sep);
        return dash == std::string::npos || dash == 0 ? std::string() : label.substr(0, dash);
    };
    std::map<std::string, int> asked;
    for (const Column& col : layout.columns) {
        if (const std::string q = question_part(col.label); !q.empty()) {
            ++asked[q];
        }
    }
    for (Column& col : layout.columns) {
        const std::string q = question_part(col.label);
        if (!q.empty() && asked[q] >= 2 && col.role == Role::Question) {
            col.label = col.label.substr(q.size() + sep.size());
            col.question = q;
        }
    }
    if (const auto f = s.column({"finished"})) {
        layout.completion = Completion::Finished;
        layout.completion_columns = {*f};
    }
    if (const auto st = s.column({"status"})) {
        // Status (Response Type): 0 IP address, 1 survey preview, 2 survey test, 4 imported,
        // 8 spam, 9 survey preview spam, 12 imported spam, 16 offline, 17 offline survey
        // preview, 40 EX spam (docs/platforms.md). Previews, tests and spam are not answers.
        layout.status_column = *st;
        layout.excluded_status = {"1", "2", "8", "9", "12", "17", "40", "Survey Preview",
                                  "Survey Test", "Spam", "Survey Preview Spam", "Preview Spam",
                                  "Imported Spam", "Offline Survey Preview", "EX Spam"};
        layout.excluded_what = "survey previews, tests and spam (Status 1, 2, 8, 9, 12, 17, 40)";
    }
}

} // namespace careerstat::platform::detail
