#include "careerstat/table/drift_table.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace careerstat::table {


Table drift_table(const std::vector<codebook::Drift>& changes, const std::string& before,
                  const std::string& after, Lang lang) {
    Table t;
    t.id = "drift";
    t.title = tr(lang, "Questionnaire drift").data();
    t.subtitle = fmt::format("{} → {}", before, after);
    t.columns = {{"variable", tr(lang, "Variable").data(), ColumnType::Text},
                 {"change", tr(lang, "Change").data(), ColumnType::Text},
                 {"change_kind", "change_kind", ColumnType::Text, -1, true},
                 {"before", tr(lang, "Before").data(), ColumnType::Text},
                 {"after", tr(lang, "After").data(), ColumnType::Text},
                 {"similarity", tr(lang, "Similarity").data(), ColumnType::Number, 2},
                 {"breaks_trend", tr(lang, "Breaks a trend").data(), ColumnType::Text}};
    for (const codebook::Drift& d : changes) {
        t.add_row({d.variable, tr(lang, codebook::drift_kind_label(d.kind)).data(),
                   std::string(codebook::drift_kind_name(d.kind)), d.before, d.after,
                   d.similarity >= 0 ? Cell{d.similarity} : Cell{},
                   d.breaks_trend ? tr(lang, "yes").data() : ""});
    }
    const auto breaking = std::count_if(changes.begin(), changes.end(),
                                        [](const codebook::Drift& d) { return d.breaks_trend; });
    if (changes.empty()) {
        t.footnotes.emplace_back(tr(lang, "No changes: every variable is described the same way."));
    } else {
        t.footnotes.push_back(fmt::format(
            fmt::runtime(tr(lang, "{} change(s), {} of which would make a trend compare different "
                                  "things (a type, a range, a removed code, a code whose label "
                                  "changed, reverse wording, a group, or a wording less than {}% "
                                  "alike).")),
            changes.size(), breaking, static_cast<int>(codebook::k_same_wording * 100)));
        t.footnotes.emplace_back(tr(lang, "Similarity: 1 - Levenshtein distance / the longer "
                                          "text's length, ignoring case and blanks."));
    }
    return t;
}

} // namespace careerstat::table
