// The one streaming pass of a run (DESIGN.md, "The flow of one run"): it binds the columns
// every accumulator needs, codes each needed cell once, applies --where and the weight once,
// and hands each accumulator one coded case at a time. Memory grows with what the
// accumulators keep (codes x questions x banner cells), never with rows.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/data/coder.hpp"
#include "careerstat/data/filter.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::io {
class RecordReader;
struct TypedCell;
}

namespace careerstat::data {

// What the pass applies to every record before any accumulator sees it.
struct PassOptions {
    std::optional<std::size_t> weight; // codebook index of the weight variable
    std::vector<Condition> where;
    bool decimal_comma = false;
};

// One respondent who passed --where: the coded cells (indexed by codebook variable; only
// the variables some accumulator asked for are coded) and the respondent's weight.
struct Case {
    std::span<const Coded> coded;
    double w = 1;
    long line = 0;
};

// Something that learns from cases: marginal counts (Tabulator), joint counts per banner
// cell (CrossCounts), ... `variables()` is asked once, before the pass binds the header.
class Accumulator {
  public:
    virtual ~Accumulator() = default;
    virtual std::vector<std::size_t> variables() const = 0;
    virtual void add(const Case& c) = 0;
};

class Pass {
  public:
    Pass(const codebook::Codebook& codebook, PassOptions options);

    // Accumulators are fed in the order they were added; they must outlive the pass.
    void add(Accumulator& accumulator);

    // Reads every record of `reader`: bind() then feed() per record. Throws DataError naming
    // file, line and column for a ragged row or a value not in the codebook.
    void run(io::RecordReader& reader);

    // The same in two steps, for a caller that feeds other consumers from the same records
    // (the report's response counter): bind() finds every needed column in the header
    // (DataError when one is missing); feed() codes one record whose field count the caller
    // has checked.
    void bind(const std::vector<std::string>& header, const std::string& source,
              long header_line);
    void feed(std::span<const std::string_view> fields, long line);
    // The same for a typed record of a statistics file (io::TypedCell): its numbers are
    // coded as numbers.
    void feed_typed(std::span<const io::TypedCell> cells, long line);

    double rows_read() const { return m_rows; } // before --where
    double cases() const { return m_cases; }    // after --where

  private:
    [[noreturn, gnu::cold]] void invalid(std::size_t variable, std::string_view cell,
                                         long line) const;
    const Coded& code_at(std::size_t v, std::span<const std::string_view> fields, long line);
    const Coded& code_typed(std::size_t v, const io::TypedCell& cell, long line);
    // After the filter and the weight: the rest of a case, for every accumulator.
    void finish_case(double w, long line);
    // A scale score from its items' coded cells (codebook/scale_scores.hpp).
    void score(std::size_t v);

    struct Binding {
        std::size_t variable;
        std::size_t column;
    };

    const codebook::Codebook& m_cb;
    PassOptions m_options;
    std::vector<Accumulator*> m_accumulators;
    std::vector<Coder> m_coders; // one per codebook variable
    std::vector<Binding> m_bindings;
    std::vector<std::size_t> m_derived; // scale scores to compute, after their items
    std::vector<codebook::ItemScoring> m_scoring; // per codebook variable
    std::vector<std::optional<std::size_t>> m_column; // per codebook variable
    std::vector<Coded> m_coded;                        // per codebook variable, this row
    std::string m_source;
    double m_rows = 0;
    double m_cases = 0;
};

} // namespace careerstat::data
