// The draft's rules on one column's values, shared by infer() (infer.cpp): a column's
// profile, option and scale values, groups by a shared prefix or by numbered items,
// checkbox pieces and written-out answers. Internal to codebook/.
#pragma once

#include "careerstat/codebook/codebook.hpp"

#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::codebook::draft {

constexpr std::size_t k_max_distinct = 30;
constexpr std::size_t k_max_parts = 64;

// Pieces of cells split at one separator, as data::Coder splits a one-column multi cell.
struct Pieces {
    std::map<std::string, std::size_t> parts; // piece -> cells holding it
    std::set<std::string> in_multi;           // pieces of cells with two pieces or more
    // Cells of one piece ("Kosten", "Advice;"): a checkbox question's single answers, which
    // prove that its pieces are options.
    std::set<std::string> singles;
    bool overflow = false;
    std::size_t multi_cells = 0; // cells with two pieces or more
};

// What one column's cells looked like.
struct ColumnProfile {
    std::size_t non_blank = 0;
    std::map<std::string, std::size_t> distinct; // up to k_max_distinct + 1 values
    bool overflow = false;
    bool all_integer = true;
    bool all_number = true;
    bool all_date = true;
    bool increasing = true;
    double last = -1e300;
    double min = 1e300;
    double max = -1e300;
    std::size_t max_length = 0;
    bool has_newline = false;
    // A '|' or '=' in a cell: the choices syntax ("1=Ja|2=Nee") cannot hold it as a code
    // or an option's label.
    bool has_choice_syntax = false;
    Pieces comma;     // Google Forms' "A, B"
    Pieces semicolon; // Microsoft Forms' "A;B;"
};

// A "don't know" code set apart from the answers (1-5 and 9, or 99, or -1) is a missing
// code, not an answer: the answers' range without it.
struct AnswerRange {
    std::optional<double> missing_code;
    std::string missing_text; // as the export writes it ("9", "9,0")
    double min = 0;
    double max = 0;
};

// Each is described where it is defined, in draft.cpp.
void add_pieces(Pieces& pc, std::string_view cell, char sep);
bool is_plain_integer(const std::string& s);
std::string lower(std::string_view s);
bool text_has(const std::string& text, std::initializer_list<const char*> words);
bool is_option_values(const ColumnProfile& p);
bool is_scale_values(const ColumnProfile& p);
std::vector<std::string> separator_groups(const std::vector<std::string>& names,
                                          const std::vector<bool>& eligible);
void numbered_items(const std::vector<std::string>& names, const std::vector<bool>& eligible,
                    std::vector<std::string>& group);
std::vector<Choice> option_choices(const std::vector<std::string>& labels);
std::optional<std::vector<Choice>> checkbox_options(const ColumnProfile& p, const Pieces& pc);
std::vector<Choice> text_choices(const std::map<std::string, std::size_t>& distinct,
                                 std::vector<Choice>& missing);
AnswerRange answer_range(const ColumnProfile& p, bool decimal_comma);

} // namespace careerstat::codebook::draft
