// The platform layer: what a survey platform's export means beyond its CSV dialect. It sits
// between the record reader and the codebook: from the header and the first rows it detects
// the platform (or takes --platform), drops the platform's extra header rows, drafts unique
// short column names, marks metadata and timing columns, groups option columns by the
// platform's own structure and names the completeness rule (docs/platforms.md).
#pragma once

#include "careerstat/io/record_reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::platform {

enum class Kind {
    Generic,
    LimeSurvey,
    Qualtrics,
    SurveyMonkey,
    GoogleForms,
    Redcap,
    MicrosoftForms,
    Typeform,
    Kobo,
};

// What a column is to careerstat, by the platform's own rules.
enum class Role {
    Question, // an answer; its type is drafted from its values
    Id,       // the respondent's or record's id
    Meta,     // dates, language, IP, status, completion: never a question
    Timing,   // time spent on a page or question: never a question
    Text,     // free text by its place ("[other]", "_TEXT", "Open-Ended Response")
};

struct Column {
    std::string raw;      // the name as the export writes it
    std::string name;     // drafted: unique, short, stable
    std::string label;    // the question text, or for an option column the option's label
    std::string question; // for a member of a group: the question the group asks
    std::string group;    // structural group (LimeSurvey Q[SQ001], REDCap ___k, SurveyMonkey blocks)
    Role role = Role::Question;
};

// How a return is judged complete, by the platform's own metadata.
enum class Completion {
    None,          // no rule of the platform's: the share of questions answered
    SubmitDate,    // LimeSurvey: a submitdate
    Finished,      // Qualtrics: Finished = 1
    RedcapForms,   // REDCap: every form status (*_complete) given is 2
    EveryRow,      // Google Forms: a row is written on submit only
};

struct Layout {
    Kind kind = Kind::Generic;
    bool forced = false;       // named by --platform rather than detected
    std::string variant;       // e.g. "3 header rows, ImportId in JSON"
    std::size_t header_rows = 1;
    std::vector<Column> columns;
    std::vector<std::string> notes; // what was renamed, for the codebook's stderr
    Completion completion = Completion::None;
    std::vector<std::size_t> completion_columns;
    // Rows excluded from every count: Qualtrics' Status of a preview, a test or spam.
    std::optional<std::size_t> status_column;
    std::vector<std::string> excluded_status;
    std::string excluded_what; // "survey previews, tests and spam"
};

// True for a column name that says it holds respondent ids: `id`, or one with `respondent`,
// `responseid` or `response_id` in it (any case). The generic layout makes it an id column.
bool is_id_name(std::string_view name);

std::string_view kind_name(Kind kind);           // "qualtrics"
std::string_view kind_title(Kind kind);          // "Qualtrics"
std::optional<Kind> parse_kind(std::string_view name);
std::string kind_names(); // "generic, limesurvey, ..." for --help and messages

// Detects the platform from the reader's header and first rows (`forced` wins) and applies
// the layout to the reader: header rows dropped, columns renamed, and unless `exclude` is
// false, excluded rows skipped. Must run before the reader's first next(). Reads only the
// header and a few rows.
Layout open(io::RecordReader& reader, std::optional<Kind> forced = std::nullopt,
            bool exclude = true);

// Detection and drafting without a reader: `rows` are the first records after the header.
Layout detect(const std::vector<std::string>& raw_header,
              const std::vector<io::RecordReader::Peeked>& rows, std::optional<Kind> forced);

} // namespace careerstat::platform
