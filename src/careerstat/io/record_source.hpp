// A second kind of case source beside CSV: a file whose records come from a library rather
// than from split bytes (an SPSS or Stata file through ReadStat, an Excel workbook through
// libzip and expat). The RecordReader takes one in place of its CSV parser, so the platform
// layer, the codebook binding and the pass see the same header, records and lines as for a
// CSV export (docs/architecture.md, "Two case sources, one reader").
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::io {

// What a statistics file says about its variables (SPSS's dictionary, Stata's labels): the
// raw facts, which codebook/dictionary.cpp turns into a codebook.
struct DictionaryLabel {
    std::string code;  // the value as the source prints it in a cell ("1", "2.5", "A", ".a")
    std::string label;
};

struct DictionaryVariable {
    enum class Measure { Unknown, Nominal, Ordinal, Scale };
    enum class Form { Number, Text, Date, DateTime, Time };
    std::string name;
    std::string label;
    Form form = Form::Number;
    Measure measure = Measure::Unknown;
    std::string format; // as the file gives it: "F8.2", "DATE11", "A20", "%td"
    std::vector<DictionaryLabel> labels;
    std::vector<std::string> missing; // user-missing codes, printed as cells print them
    struct Range {
        double lo = 0;
        double hi = 0;
    };
    std::vector<Range> missing_ranges; // user-missing ranges (SPSS "97 THRU 99", "LO THRU -1")
};

// An SPSS multiple response set ($-record): a multiple dichotomy set is a multi-select
// question whose option variables hold `counted` when chosen; a multiple category set
// (dichotomy = false) has no careerstat equivalent (docs/platforms.md).
struct DictionarySet {
    std::string name;  // without the '$'
    std::string label;
    bool dichotomy = true;
    std::string counted;               // the counted value, as cells print it
    std::vector<std::string> variables; // names as in DictionaryVariable::name
};

struct Dictionary {
    std::string file_label;
    std::vector<DictionaryVariable> variables; // in column order
    std::optional<std::string> weight;        // the file's weight variable
    std::vector<DictionarySet> sets;
    std::vector<std::string> documents; // SPSS document lines (DISPLAY DOCUMENTS)
    std::vector<std::string> notes;     // what could not be read from the file, for stderr
};

// A cell as a statistics file holds it: a number (not printed), or text (strings, dates
// as ISO text, Stata's labelled .a-.z; empty for no answer).
struct TypedCell {
    double number = 0;
    std::string_view text;
    bool is_number = false;
};

class RecordSource {
  public:
    virtual ~RecordSource() = default;
    // The format, for messages and `careerstat peek`: "SPSS .sav", "Excel .xlsx, sheet \"Form1\"".
    virtual std::string describe() const = 0;
    // The next record; the first call gives the header. The fields stay valid until the next
    // call. `line` is where a user finds the record: the sheet's row number for a workbook;
    // for a .sav or .dta the case number + 1, which is the line it has when the data are
    // saved as CSV with a header row. False at the end. Throws DataError naming the file.
    virtual bool next(std::vector<std::string_view>& fields, long& line) = 0;
    // The file's own dictionary, known once the header has been read; nullptr for a
    // workbook.
    virtual const Dictionary* dictionary() const { return nullptr; }
    // The next record with its numbers as numbers, for the pass (after the header has been
    // given by next()). Only sources with has_typed() implement it.
    virtual bool has_typed() const { return false; }
    virtual bool next_typed(std::vector<TypedCell>& cells, long& line) {
        (void)cells;
        (void)line;
        return false;
    }
    // A hint for typed reading: the consumer reads only these columns of the records to come,
    // so the others may be given as empty cells, neither copied nor printed (a .sav's long
    // comments and dates that a frequency table never looks at). Records that may already
    // have been read ahead still carry every column.
    virtual void keep_only(std::span<const std::size_t> columns) { (void)columns; }
    // Whether the record next_typed() gave has no answer in any column, kept or not; nullopt
    // when the source does not know (the reader then looks at the cells).
    virtual std::optional<bool> typed_record_empty() const { return std::nullopt; }
};

} // namespace careerstat::io
