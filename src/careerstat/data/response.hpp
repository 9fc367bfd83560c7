// Who answered: complete versus partial returns from an export's own metadata (or the share
// of questions answered), and item nonresponse per question, in one pass.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::data {

// How a return is judged complete, in order of preference when several are present.
enum class CompletionRule {
    SubmitDate, // LimeSurvey: an empty submitdate is a partial
    Finished,   // Qualtrics: Finished = 0 (or False) is a partial
    Progress,   // Qualtrics: Progress < 100 is a partial
    LastPage,   // LimeSurvey: lastpage below the last page is a partial
    Share,      // no metadata: share of questions answered below a threshold
    RedcapForms, // REDCap: every form status (*_complete) given is 2 (complete)
    EveryRow,    // Google Forms, Microsoft Forms: a row is written only on submit
};

struct CompletionOptions {
    double complete_at = 0.8; // the share for CompletionRule::Share
    // The platform's own rule (platform::Layout), over the named columns; unset: the rule
    // of the first metadata column the codebook declares.
    std::optional<CompletionRule> rule;
    std::vector<std::string> rule_columns;
};

// Item nonresponse of one question (a variable, or a multi-select group).
struct ItemCounts {
    std::string name;
    std::string label;
    double shown = 0;     // respondents who reached it: answered it or a later question
    double answered = 0;  // a valid answer
    double dont_know = 0; // missing codes labelled as "don't know" (weet niet, dk, ...)
    double other_missing = 0;
    double blank = 0;
};

struct ResponseCounts {
    std::string source;
    double returned = 0;
    double complete = 0;
    double partial = 0;
    CompletionRule rule = CompletionRule::Share;
    std::string rule_variable; // the meta column used
    double last_page = 0;      // for LastPage: the page a complete return reached
    double complete_at = 0.8;  // for Share
    std::vector<ItemCounts> items;
    long skipped_empty = 0; // rows holding only delimiters, not counted as returns
    long excluded = 0;      // rows the platform excludes (previews, tests, spam)
    std::string excluded_what;
};

// Counts returns record by record, so that a caller can feed it and a Tabulator from one
// pass over an export.
class ResponseCounter {
  public:
    ResponseCounter(const codebook::Codebook& codebook, CompletionOptions options);
    // Finds the completion rule's column and the questions' columns; DataError if missing.
    void bind(const std::vector<std::string>& header, const std::string& source,
              long header_line, bool decimal_comma);
    // Counts one record (field count checked by the caller). Returns whether it is complete;
    // with the lastpage rule and no last page in the codebook that is only known at the
    // end, and add() returns nullopt.
    std::optional<bool> add(std::span<const std::string_view> fields, long line);
    ResponseCounts finish();
    // false: add() judges completeness only, without item nonresponse (a trend's wave),
    // unless the rule itself is the share of items answered.
    void count_items(bool on) { m_count_items = on; }

  private:
    struct Item {
        std::vector<std::size_t> variables;
        bool multi = false;
    };
    const codebook::Codebook& m_cb;
    CompletionOptions m_options;
    ResponseCounts m_out;
    std::optional<std::size_t> m_rule_column;
    std::vector<std::size_t> m_form_columns; // RedcapForms
    bool m_every_row = false;
    std::vector<Item> m_items;
    std::vector<std::size_t> m_column;
    std::vector<Coder> m_coders;
    std::vector<int> m_state;
    std::map<double, double> m_last_pages;
    bool m_decimal_comma = false;
    bool m_count_items = true;
};

// Reads every record of `reader` once. Throws DataError for ragged rows or values not in
// the codebook (as freq does).
ResponseCounts count_responses(io::RecordReader& reader, const codebook::Codebook& codebook,
                               const CompletionOptions& options);

// True when a missing code's label means "don't know" (English or Dutch).
bool is_dont_know(std::string_view label);

} // namespace careerstat::data
