// The study file (docs/study.md): a study's title, year and language, its populations with
// their exports, and the report's sections and key findings. TOML, read with toml++.
#pragma once

#include "careerstat/platform/platform.hpp"

#include "careerstat/i18n.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace careerstat::report {

struct PopulationSpec {
    std::string name;  // "clients": used in --invited style names and table columns
    std::string label; // "Ex-cliënten": shown in reports
    std::string export_path;
    std::string codebook_path; // empty: <export stem>.codebook.csv
    std::string sample_path;   // optional AAPOR sample file
    std::optional<platform::Kind> platform; // empty: detected from the export's header
    std::string sheet; // an .xlsx export's sheet; empty: the first
    std::optional<double> invited;
};

struct SectionSpec {
    std::string title;
    std::vector<std::string> questions; // variables or groups
    std::vector<long> question_lines;   // each question's line in the study file
    std::string population;             // empty: every population that has the question
    // Banner variables: every table of the section becomes a banner table by these, in
    // each population whose codebook has them (`by = ["bureau"]`, or "age:18-29,30-").
    std::vector<std::string> by;
    double min_base = 30; // banner columns with a smaller base are flagged and not tested
    double suppress = 0;  // > 1: counts below this are suppressed (crosstab --suppress)
    // Scale reliability (careerstat scale) of these Likert groups, listwise or pairwise.
    std::vector<std::string> scales;
    bool pairwise = false;
    // A driver analysis (careerstat drivers): the outcome and its predictors.
    std::string drivers;
    std::vector<std::string> predictors;
    std::size_t bootstrap = 1000;
    // The driver finding's templates (finding_nl, finding_en): {predictor} {outcome} {r}
    // {pct} {r2} {n} {population}. Without one, findings = "auto" writes careerstat's own.
    std::map<Lang, std::string> finding;
    // A trend (careerstat trend) of these questions across the study's waves
    // (docs/trend.md); min_base applies to each wave's base.
    std::vector<std::string> trend;
    std::vector<long> trend_lines;
};

// A key finding generated from the tables: the share of a population giving an answer.
struct FindingSpec {
    std::string population;
    std::string question;
    std::string code;   // a single-choice code, or a multi-select option (its column/code)
    std::string answer; // "" or "valid": the base is all respondents, or valid answers
    std::map<Lang, std::string> text; // templates: {pct} {n} {base} {ci} {population} ...
    long line = 0;
    // A change finding: the share in `from` (an earlier wave's year) and in this wave, with
    // the difference and its interval: {from_pct} {from_year} {year} {diff} {diff_ci}
    // {change} (docs/trend.md). 0: an ordinary finding.
    int from = 0;
};

// An earlier wave of a yearly survey (`[[wave]]`): its year, its own study file, and how
// its questionnaire maps onto this one's (docs/trend.md).
struct WaveSpec {
    int year = 0;
    std::string study_path;
    std::map<std::string, std::string> rename; // old variable or group name -> this wave's
    // Per variable (this wave's name): old answer code -> this wave's code ("" drops it).
    std::map<std::string, std::map<std::string, std::string>> recode;
    // Variables whose drift (a reworded question) was judged not to change what they measure.
    std::vector<std::string> same;
    long line = 0;
};

struct Study {
    std::string source; // the study file, for messages
    std::string title;
    int year = 0;
    Lang lang = Lang::En;
    bool lang_given = false; // the study file says its language
    bool complete_only = false; // respondents = "complete"
    std::vector<PopulationSpec> populations;
    std::vector<SectionSpec> sections;
    std::vector<FindingSpec> findings;
    // findings = "auto": after the written findings, one sentence per significant
    // difference in the report's tables, largest effect first, at most auto_findings_max.
    bool auto_findings = false;
    // min_items = { outcome = 4 }: the least answered items a scale score needs, by scale.
    std::map<std::string, std::size_t> min_items;
    std::size_t auto_findings_max = 5;
    std::vector<WaveSpec> waves; // earlier waves, in the file's order
    // open_answers = true (every text question) or ["remarks", ...]: the report lists the
    // answers to these text questions, per population, without who gave them.
    bool open_answers_all = false;
    std::vector<std::string> open_answers;
    std::vector<long> open_answer_lines; // each name's line in the study file
};

// Reads and checks a study file; relative paths resolve against its folder. Throws
// DataError with "file:line:column" for syntax errors and unknown or missing keys.
Study load_study(const std::string& path);

} // namespace careerstat::report
