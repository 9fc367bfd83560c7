// LimeSurvey: three heading styles (question code; "code. question text"; full text),
// Q[SQ001] subquestion columns as one question, [other]/[comment] text, and the response
// metadata and timing columns.
#include "careerstat/platform/adapters.hpp"

#include "careerstat/util/text.hpp"

#include <map>
#include <set>

namespace careerstat::platform::detail {

namespace {

// LimeSurvey's metadata, by code and by its English and Dutch heading texts.
struct MetaName {
    const char* code;
    const char* en;
    const char* nl;
};
constexpr MetaName k_meta[] = {
    {"id", "response id", "antwoord id"},
    {"submitdate", "date submitted", "datum verstuurd"},
    {"lastpage", "last page", "laatste pagina"},
    {"startlanguage", "start language", "starttaal"},
    {"seed", "seed", "seed"},
    {"token", "token", "toegangscode"},
    {"startdate", "date started", "startdatum"},
    {"datestamp", "date last action", "datum laatste actie"},
    {"ipaddr", "ip address", "ip-adres"},
    {"refurl", "referrer url", "verwijzende url"},
    {"interviewtime", "total time", "totale tijd"},
};

std::optional<std::string_view> meta_code(std::string_view name) {
    const std::string f = util::fold(util::trim(name));
    for (const MetaName& m : k_meta) {
        if (f == m.code || f == m.en || f == m.nl) {
            return m.code;
        }
    }
    return std::nullopt;
}

// "Q2[SQ001]. Which barriers? [Stigma]" -> code "Q2[SQ001]", text after ". ".
bool split_code_text(std::string_view name, std::string& code, std::string& text) {
    std::size_t i = 0;
    while (i < name.size() && (std::isalnum(static_cast<unsigned char>(name[i])) || name[i] == '_')) {
        ++i;
    }
    if (i == 0 || !std::isalpha(static_cast<unsigned char>(name[0]))) {
        return false;
    }
    if (i < name.size() && name[i] == '[') {
        const auto close = name.find(']', i);
        if (close == std::string_view::npos) {
            return false;
        }
        i = close + 1;
    }
    if (name.substr(i, 2) != ". ") {
        return false;
    }
    code = std::string(name.substr(0, i));
    text = std::string(name.substr(i + 2));
    return true;
}

// A full-text heading of a subquestion: "Question text [Subquestion]".
bool split_subquestion(std::string_view text, std::string& question, std::string& sub) {
    if (text.empty() || text.back() != ']') {
        return false;
    }
    const auto open = text.rfind(" [");
    if (open == std::string_view::npos || open == 0) {
        return false;
    }
    question = std::string(text.substr(0, open));
    sub = std::string(text.substr(open + 2, text.size() - open - 3));
    return true;
}

} // namespace

int detect_limesurvey(const Sample& s) {
    std::size_t meta = 0;
    bool id = false;
    bool submit = false;
    for (const std::string& n : s.names) {
        std::string code;
        std::string text;
        const std::string_view head = split_code_text(n, code, text) ? std::string_view(code) : n;
        if (const auto m = meta_code(head)) {
            ++meta;
            id = id || *m == "id";
            submit = submit || *m == "submitdate";
        }
    }
    return id && submit && meta >= 3 ? 100 : 0;
}

void draft_limesurvey(const Sample&, Layout& layout) {
    std::size_t coded = 0;
    for (const Column& c : layout.columns) {
        std::string code;
        std::string text;
        coded += split_code_text(c.name, code, text) ? 1 : 0;
    }
    const bool code_text = 2 * coded > layout.columns.size();
    bool full_text = false;
    if (!code_text) {
        full_text = !layout.columns.empty() && !util::iequals(layout.columns[0].name, "id");
    }
    layout.variant = code_text ? "heading: code. question text"
                               : full_text ? "heading: full question text" : "heading: question code";
    std::set<std::string> codes;
    for (Column& c : layout.columns) {
        std::string code;
        std::string text;
        if (code_text && split_code_text(c.name, code, text)) {
            c.name = code;
            c.label = text;
            std::string q;
            std::string sub;
            if (code.find('[') != std::string::npos && split_subquestion(text, q, sub)) {
                c.question = q;
                c.label = sub;
            }
        }
        codes.insert(c.name);
        if (const auto open = c.name.find('['); open != std::string::npos && open > 0) {
            codes.insert(c.name.substr(0, open)); // Page2Grid1Time times Page2Grid1[...]
        }
    }
    for (Column& c : layout.columns) {
        const std::string& n = c.name;
        if (const auto m = meta_code(n)) {
            c.role = *m == "id" ? Role::Id : *m == "interviewtime" ? Role::Timing : Role::Meta;
            if (full_text || code_text) {
                c.name = std::string(*m);
            }
            continue;
        }
        if (n.starts_with("groupTime") ||
            (n.size() > 4 && n.compare(n.size() - 4, 4, "Time") == 0 &&
             codes.count(n.substr(0, n.size() - 4)) > 0)) {
            c.role = Role::Timing;
            continue;
        }
        if (full_text) {
            std::string q;
            std::string sub;
            if (split_subquestion(c.label, q, sub)) {
                c.question = q;
                c.label = sub;
                c.group = q;
            }
            continue;
        }
        const auto open = n.find('[');
        if (open == std::string::npos || open == 0 || n.back() != ']') {
            continue;
        }
        const std::string sub = n.substr(open + 1, n.size() - open - 2);
        if (sub == "other" || sub == "comment" || sub.find("comment") != std::string::npos) {
            c.role = Role::Text;
            continue;
        }
        std::string group = n.substr(0, open);
        std::string label = sub;
        if (const auto hash = sub.find('#'); hash != std::string::npos) {
            group += sub.substr(hash); // dual scale: Q[SQ001#0] and Q[SQ001#1] are two scales
            label = sub.substr(0, hash);
        } else if (const auto two = sub.find("]["); two != std::string::npos) {
            group += "#" + sub.substr(two + 2); // the export's form of it: Q[SQ001][1]
            label = sub.substr(0, two);
        }
        c.group = group;
        if (c.label == n) {
            c.label = label;
        }
        c.question = c.question.empty() ? n.substr(0, open) : c.question;
    }
    // Subquestion texts of a full-text heading: the question's text, then "[sub]".
    if (full_text) {
        number_questions(layout);
    }
    for (std::size_t i = 0; i < layout.columns.size(); ++i) {
        if (layout.columns[i].name == "submitdate") {
            layout.completion = Completion::SubmitDate;
            layout.completion_columns = {i};
        }
    }
}

} // namespace careerstat::platform::detail
