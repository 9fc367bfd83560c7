// Microsoft Forms, Typeform and KoboToolbox: their CSV exports' metadata columns, as far as
// their layouts are documented publicly (docs/platforms.md says what is not).
#include "careerstat/platform/adapters.hpp"

#include "careerstat/util/text.hpp"

#include <set>

namespace careerstat::platform::detail {

int detect_msforms(const Sample& s) {
    return s.names.size() >= 5 && is_one_of(s.names[0], {"id"}) &&
                   is_one_of(s.names[1], {"start time"}) && is_one_of(s.names[2], {"completion time"})
               ? 100
               : 0;
}

void draft_msforms(const Sample&, Layout& layout) {
    layout.variant = "ID, Start time, Completion time, Email, Name";
    for (Column& col : layout.columns) {
        const std::string f = util::fold(col.name);
        if (f == "id") {
            col.role = Role::Id;
        } else if (is_one_of(f, {"start time", "completion time", "email", "name",
                                 "last modified time", "total points", "quiz feedback"}) ||
                   f.starts_with("points - ") || f.starts_with("feedback - ")) {
            col.role = Role::Meta;
        }
    }
    layout.completion = Completion::EveryRow;
    number_questions(layout);
}

int detect_typeform(const Sample& s) {
    return !s.names.empty() && s.names[0] == "#" &&
                   s.has({"submit date (utc)", "start date (utc)"})
               ? 100
               : 0;
}

void draft_typeform(const Sample& s, Layout& layout) {
    layout.variant = "# ... Submit Date (UTC), Network ID";
    for (Column& col : layout.columns) {
        if (col.name == "#") {
            col.role = Role::Id;
        } else if (is_one_of(col.name, {"response type", "start date (utc)", "stage date (utc)",
                                        "submit date (utc)", "network id", "tags", "ending"})) {
            col.role = Role::Meta;
        }
    }
    // Classic exports give a multiple-answer question one column per option, headed by the
    // option's label and holding it when chosen: adjacent such columns are one question.
    auto holds_own_label = [&](std::size_t c) {
        bool any = false;
        for (std::size_t r = 0; r < s.rows.size(); ++r) {
            const std::string_view v = util::trim(s.cell(r, c));
            if (!v.empty() && v != s.names[c]) {
                return false;
            }
            any = any || !v.empty();
        }
        return any;
    };
    int block = 0;
    for (std::size_t c = 0; c + 1 < layout.columns.size(); ++c) {
        if (layout.columns[c].role != Role::Question || !holds_own_label(c)) {
            continue;
        }
        std::size_t e = c;
        while (e + 1 < layout.columns.size() && layout.columns[e + 1].role == Role::Question &&
               holds_own_label(e + 1)) {
            ++e;
        }
        if (e > c) {
            ++block;
            for (std::size_t k = c; k <= e; ++k) {
                layout.columns[k].group = "options" + std::to_string(block);
            }
        }
        c = e;
    }
    if (const auto c = s.column({"submit date (utc)"})) {
        layout.completion = Completion::SubmitDate;
        layout.completion_columns = {*c};
    }
    number_questions(layout);
}

int detect_kobo(const Sample& s) { return s.has({"_uuid"}) && s.has({"_submission_time"}) ? 100 : 0; }

void draft_kobo(const Sample&, Layout& layout) {
    layout.variant = "XLSForm names; _id, _uuid, _submission_time ...";
    std::set<std::string> names;
    for (Column& col : layout.columns) {
        const std::string& n = col.name;
        if (n == "_id") {
            col.role = Role::Id;
        } else if (is_one_of(n, {"start", "end", "today", "deviceid", "username", "simserial",
                                 "subscriberid", "phonenumber", "audit", "__version__"}) ||
                   (!n.empty() && n[0] == '_')) {
            col.role = Role::Meta;
        } else if (const auto slash = n.rfind('/'); slash != std::string::npos && slash > 0 &&
                                                    names.count(n.substr(0, slash))) {
            col.group = n.substr(0, slash); // select_multiple: q, then q/option 0/1 columns
            col.label = n.substr(slash + 1);
        }
        names.insert(n);
    }
    // The space-separated summary column of a select_multiple repeats its option columns.
    for (Column& col : layout.columns) {
        for (const Column& other : layout.columns) {
            if (other.group == col.name) {
                col.role = Role::Meta;
                break;
            }
        }
    }
    layout.completion = Completion::EveryRow;
}

} // namespace careerstat::platform::detail
