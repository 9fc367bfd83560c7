// An export and its codebook as a labelled SPSS .sav file (careerstat convert), written with
// ReadStat (libreadstat-dev): variable labels, value labels, user-missing values, measure
// levels, multi-select questions as dichotomy variables (1 = selected, 0 = not). The file
// needs the number of rows and each text column's width before its first row, so the
// export is read twice: measure() every record, then write() every record.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"
#include "careerstat/io/record_source.hpp"

#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct readstat_writer_s;

namespace careerstat::data {

// One variable of the .sav file.
struct SavColumn {
    enum class Kind { Number, Categorical, String, Option, MultiCode };
    Kind kind = Kind::Number;
    std::string name;  // a valid, unique SPSS name
    std::string label; // the codebook's label (for an option, "question: option")
    std::size_t variable = 0; // codebook index
    std::size_t choice = 0;   // MultiCode: which code of the one-column multi-select
    std::size_t column = 0;   // export column (bind())
    std::size_t width = 1;    // String: bytes
};

class SavWriter {
  public:
    SavWriter(const codebook::Codebook& cb, bool decimal_comma);
    ~SavWriter();
    SavWriter(const SavWriter&) = delete;
    SavWriter& operator=(const SavWriter&) = delete;

    // Finds each variable's export column; DataError naming the export when one is missing.
    void bind(const std::vector<std::string>& header, const std::string& source, long header_line);
    // First pass: counts the record and widens text columns; DataError for a cell that is
    // not in the codebook (as validate).
    void measure(std::span<const std::string_view> fields, long line);
    // Second pass: the header, then each record; end() finishes the file.
    // `compressed`: a .zsav (zlib), else a .sav with row compression.
    void begin(std::ostream& out, const std::string& file_label, bool compressed = false);
    void write(std::span<const std::string_view> fields, long line);
    void end();

    const std::vector<SavColumn>& columns() const { return m_columns; }
    // The codebook of the .sav's own variables (SPSS names, codes as written), which the
    // file carries in its documents so that careerstat reads it back as it was.
    codebook::Codebook sav_codebook() const;
    long rows() const { return m_rows; }
    // Notes for the user: codes that are not numbers and were numbered, labels cut.
    const std::vector<std::string>& notes() const { return m_notes; }

  private:
    double value_of(const SavColumn& c, const Coded& coded) const;
    template <class Valid>
    void set_missing(void* variable, const SavColumn& c, const std::vector<double>& values,
                     const Valid& valid);
    const codebook::Codebook& m_cb;
    std::vector<SavColumn> m_columns;
    std::vector<Coder> m_coders; // per codebook variable
    // Per codebook variable: the number each choice and each missing code is written as (a
    // numeric code its value; the others numbered on from the largest numeric one).
    std::vector<std::vector<double>> m_choice_values;
    std::vector<std::vector<double>> m_missing_values;
    std::string m_source;
    long m_rows = 0;
    long m_written = 0;
    std::vector<std::string> m_notes;
    readstat_writer_s* m_writer = nullptr;
    std::vector<void*> m_variables; // readstat_variable_t*, one per column
    io::Dictionary m_dictionary;    // the dictionary as written, for its fingerprint
    std::ostream* m_out = nullptr;
};

} // namespace careerstat::data
