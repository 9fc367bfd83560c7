// REDCap: field names as column names, checkbox fields as `field___code` columns, a form
// status `<form>_complete` per form (0 incomplete, 1 unverified, 2 complete) and the
// longitudinal and repeating-instrument columns.
#include "careerstat/platform/adapters.hpp"

#include "careerstat/util/text.hpp"

namespace careerstat::platform::detail {

namespace {


bool is_redcap_meta(std::string_view n) {
    return n.starts_with("redcap_") || n.ends_with("_timestamp") ||
           is_one_of(n, {"redcap_event_name", "redcap_repeat_instrument",
                         "redcap_repeat_instance", "redcap_data_access_group",
                         "redcap_survey_identifier"});
}

} // namespace

int detect_redcap(const Sample& s) {
    bool complete = false;
    bool checkbox = false;
    for (const std::string& n : s.names) {
        if (n.starts_with("redcap_")) {
            return 100;
        }
        complete = complete || n.ends_with("_complete");
        checkbox = checkbox || n.find("___") != std::string::npos;
    }
    const bool record_id = !s.names.empty() && s.names[0] == "record_id";
    return complete && (checkbox || record_id) ? 90 : 0;
}

void draft_redcap(const Sample& s, Layout& layout) {
    // In a longitudinal project or one with repeating instruments a row is one event or
    // instance of a record: the record id repeats, and is no respondent id.
    const bool rows_per_event =
        s.has({"redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"});
    layout.variant = rows_per_event ? "data export, a row per event or instance" : "data export";
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
        Column& col = layout.columns[c];
        const std::string& n = col.name;
        if (c == 0) {
            col.role = rows_per_event ? Role::Meta : Role::Id;
        } else if (is_redcap_meta(n)) {
            col.role = Role::Meta;
        } else if (n.ends_with("_complete")) {
            col.role = Role::Meta;
            layout.completion = Completion::RedcapForms;
            layout.completion_columns.push_back(c);
        } else if (const auto k = n.find("___"); k != std::string::npos && k > 0) {
            col.group = n.substr(0, k);
            col.question = col.group;
        }
    }
}

} // namespace careerstat::platform::detail
