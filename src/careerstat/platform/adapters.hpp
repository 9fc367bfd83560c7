// The platform adapters' shared parts: what each adapter sees of an export, the table of
// adapters (platform.cpp), and small helpers every adapter uses. One adapter per file.
#pragma once

#include "careerstat/platform/platform.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::platform::detail {

// The header and the first records after it, as read.
struct Sample {
    std::vector<std::string> names; // the header's names without spaces around them
    const std::vector<io::RecordReader::Peeked>& rows;

    // Field `col` of record `row` after the header ("" when there is none).
    std::string_view cell(std::size_t row, std::size_t col) const;
    // The first column whose name folds to one of `names`.
    std::optional<std::size_t> column(std::initializer_list<std::string_view> wanted) const;
    bool has(std::initializer_list<std::string_view> wanted) const { return column(wanted).has_value(); }
};

// An adapter: how sure it is that the sample is its platform's (0: not at all, 100:
// certain), and the layout it drafts. `layout` arrives with every column's raw name,
// trimmed name and label set and role Question, one header row.
struct Adapter {
    Kind kind;
    const char* name;  // for --platform
    const char* title; // for people
    int (*detect)(const Sample&);
    void (*draft)(const Sample&, Layout&);
};

int detect_limesurvey(const Sample&);
void draft_limesurvey(const Sample&, Layout&);
int detect_qualtrics(const Sample&);
void draft_qualtrics(const Sample&, Layout&);
int detect_surveymonkey(const Sample&);
void draft_surveymonkey(const Sample&, Layout&);
int detect_googleforms(const Sample&);
void draft_googleforms(const Sample&, Layout&);
int detect_redcap(const Sample&);
void draft_redcap(const Sample&, Layout&);
int detect_msforms(const Sample&);
void draft_msforms(const Sample&, Layout&);
int detect_typeform(const Sample&);
void draft_typeform(const Sample&, Layout&);
int detect_kobo(const Sample&);
void draft_kobo(const Sample&, Layout&);

// True when `name` folds to one of `names`.
bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names);
// A header cell that is a question's text rather than a variable name: long, or words with
// spaces ending in '?' or ':'.
bool is_question_text(std::string_view name);
// Names question columns whose header is a question's text Q1, Q2, ... in order (their
// text stays the label); a group's members Q3_1, Q3_2, ... Metadata keep their names.
void number_questions(Layout& layout);

} // namespace careerstat::platform::detail
