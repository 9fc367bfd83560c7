// SurveyMonkey: two header rows (the question's text above its first column, blank above
// the others of its block; then "Response", "Open-Ended Response" or the option's label),
// merged into one question per block.
#include "careerstat/platform/adapters.hpp"

#include "careerstat/util/text.hpp"

#include <fmt/format.h>
#include <map>

namespace careerstat::platform::detail {

namespace {

bool is_response(std::string_view v) { return is_one_of(v, {"response"}); }
bool is_open_ended(std::string_view v) { return is_one_of(v, {"open-ended response"}); }

} // namespace

int detect_surveymonkey(const Sample& s) {
    std::size_t response = 0;
    std::size_t blank_above = 0;
    for (std::size_t c = 0; c < s.names.size(); ++c) {
        const std::string_view below = util::trim(s.cell(0, c));
        response += is_response(below) || is_open_ended(below) ? 1 : 0;
        blank_above += s.names[c].empty() && !below.empty() ? 1 : 0;
    }
    const bool respondent = !s.names.empty() && is_one_of(s.names[0], {"respondentid", "respondent id"});
    if (response > 0 && (respondent || util::trim(s.cell(0, 0)).empty())) {
        return 100;
    }
    return respondent && blank_above > 0 ? 90 : 0;
}

void draft_surveymonkey(const Sample& s, Layout& layout) {
    layout.header_rows = 2;
    layout.variant = "2 header rows";
    std::string question;
    std::size_t block = 0;
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
        Column& col = layout.columns[c];
        const std::string below(util::trim(s.cell(0, c)));
        if (is_one_of(col.name, {"respondentid", "respondent id"})) {
            col.role = Role::Id;
            continue;
        }
        if (is_one_of(col.name, {"collectorid", "collector id", "startdate", "start date",
                                 "enddate", "end date", "ip address", "email address",
                                 "first name", "last name", "custom data", "custom data 1"})) {
            col.role = Role::Meta;
            continue;
        }
        if (!col.name.empty()) {
            question = col.name;
            ++block;
        }
        col.question = question;
        if (is_response(below)) {
            col.label = question;
            col.question.clear();
        } else if (is_open_ended(below) || util::fold(below).find("please specify") != std::string::npos) {
            col.role = Role::Text;
            col.label = is_open_ended(below) ? question : below;
        } else if (!below.empty()) {
            col.label = below; // an option, a ranked item or a grid row of the block
            col.group = fmt::format("block{}", block);
        } else {
            col.label = question;
        }
    }
    // A block of one column is a question of its own.
    std::map<std::string, int> members;
    for (const Column& c : layout.columns) {
        ++members[c.group];
    }
    for (Column& c : layout.columns) {
        if (!c.group.empty() && members[c.group] == 1) {
            c.group.clear();
        }
        if (c.group.empty() && c.role == Role::Question) {
            c.question.clear();
        }
        if (c.name.empty()) {
            c.name = c.label; // numbered below
        }
    }
    number_questions(layout);
}

} // namespace careerstat::platform::detail
