// The codebook (data dictionary): one row per export column with its label, type, answer
// codes, missing codes and group. Format: docs/codebook.md.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::codebook {

enum class VarType { Id, Single, Multi, Likert, Grade, Nps, Numeric, Text, Date, Weight, Meta };

std::optional<VarType> parse_type(std::string_view name);
std::string_view type_name(VarType t);

struct Choice {
    std::string code;            // as written in the export, e.g. "4" or "A2"
    std::string label;           // e.g. "Eens"
    std::optional<double> value; // the code as a number, when it is one
};

struct Variable {
    std::string name;     // the export column
    std::string label;    // the question, or for an option column the option's label
    VarType type = VarType::Text;
    std::vector<Choice> choices;
    std::vector<Choice> missing; // codes meaning "don't know" / "no answer"
    std::string group;    // option columns of one multi-select question; a Likert battery
    bool reverse = false; // a reverse-worded Likert item
    std::string question; // the question text a group shares (optional column)
    std::string separator = ","; // one-column multi-select: between codes or labels
    // For an option column with choices: the index of the code that means "selected"
    // (from the `selected` column, or the one label that is not a "not selected" word, or
    // 1 of 0/1). Empty for option columns without choices (any non-"no" cell counts).
    std::optional<std::size_t> selected;
    bool selected_given = false; // named in the codebook's `selected` column
    std::optional<double> min; // numeric range from choices "lo..hi" (grade 1..10, nps 0..10)
    std::optional<double> max;
    long line = 0; // line in the codebook file
    // A scale score (docs/scales.md): a variable careerstat derives, without an export column,
    // for every Likert group: the mean of `items` (codebook indexes; reversed items recoded
    // min + max - x) when at least `min_items` of them are answered. On an item: the
    // codebook's `min_items` for its group (0: not given).
    std::vector<std::size_t> items{};
    std::size_t min_items = 0;
    bool is_derived() const { return !items.empty(); }

    // One column per option of a multi-select question (type multi with a group).
    bool is_option_column() const { return type == VarType::Multi && !group.empty(); }
    // One column holding several codes or labels (type multi without a group).
    bool is_multi_column() const { return type == VarType::Multi && group.empty(); }
    bool is_categorical() const { return type == VarType::Single || type == VarType::Likert; }
    bool is_numeric() const {
        return type == VarType::Grade || type == VarType::Nps || type == VarType::Numeric ||
               type == VarType::Weight;
    }
};

// What a table is made for: one variable, or a group of option columns / Likert items.
struct Question {
    enum class Kind { Single, Multi, Battery, Numeric, Other };
    Kind kind = Kind::Other;
    std::string name;  // the variable or the group name
    std::string label; // the question text
    std::vector<std::size_t> variables; // indexes into Codebook::variables
};

class Codebook {
  public:
    std::string source; // file name, for messages
    std::vector<Variable> variables;

    // Reads a codebook CSV; throws DataError naming file, line and column for bad rows.
    static Codebook read(io::RecordReader& reader);
    static Codebook load(const std::string& path);
    // `<export stem>.codebook.csv` beside the export; empty when the export is stdin.
    static std::string default_path(const std::string& export_path);

    const Variable* find(std::string_view name) const;
    std::optional<std::size_t> index_of(std::string_view name) const;
    // Questions in codebook order: a group of option columns or Likert items is one question
    // where its first member appears.
    std::vector<Question> questions() const;
    // The questions named by `names` (variables or groups); throws UsageError for an
    // unknown name, listing what is there.
    std::vector<Question> select(const std::vector<std::string>& names) const;
    // The scale score of a Likert group (codebook/scale_scores.hpp) as a numeric question,
    // when the codebook has one by that name.
    std::optional<Question> scale_score(std::string_view group) const;
    // `questions` with each battery's scale score after it (describe, crosstab).
    std::vector<Question> with_scale_scores(std::vector<Question> questions) const;
    std::optional<std::size_t> weight_variable() const;
    std::optional<std::size_t> id_variable() const;

    // `delimiter` ';' for Dutch Excel, which reads a comma-separated file into one column.
    void write_csv(std::ostream& out, char delimiter = ',') const;
    // "is in the codebook (cb.csv:12) but not in the export": the message for a variable
    // that the export lacks, after the export's place and column.
    std::string not_in_export(const Variable& v) const;
    // For a name the codebook does not have: ` (did you mean "bureau"?)` naming the nearest
    // variable or group names (util::nearest_names), or else the variables whose label
    // holds `name` as a word ("kosten": barrier_costs, "De kosten"); "" when none.
    std::string did_you_mean(std::string_view name) const;
};

// "1=Zeer oneens|2=Oneens" -> choices; throws DataError with `where` prefixed on bad syntax.
std::vector<Choice> parse_choices(std::string_view text, const std::string& where);
std::string format_choices(const std::vector<Choice>& choices);

} // namespace careerstat::codebook
