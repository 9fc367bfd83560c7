// The streaming record reader: fast-cpp-csv-parser's threaded block reader underneath, and
// one pass over each byte that finds line ends and fields together, quote-aware, so quoted
// multi-line fields need no second look. Memory does not grow with the number of rows.
//
// Why not fccp's LineReader itself: it scans every byte for '\n' and the splitter must then
// scan it again; measured on the 1,000,000-row bench export (bench/reader.sh) that alone
// took 12x `wc -l`, leaving no room for the 15x target. One pass over the same threaded
// blocks does both jobs.
#pragma once

#include "careerstat/io/dialect.hpp"
#include "careerstat/io/record_source.hpp"

#include <array>
#include <cstdint>
#include <libfccp/csv.h>
#include <utility>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::io {

class SampledSource;

class RecordReader {
  public:
    // The longest record the reader accepts (as fccp's LineReader: 2^24 bytes).
    static constexpr std::size_t k_line_limit = std::size_t{1} << 24;

    // Reads from `source`; `name` is used in messages. Sniffs the dialect, then reads the
    // header. Throws DataError for an empty or binary file.
    RecordReader(std::string name, std::unique_ptr<::io::ByteSourceBase> source,
                 const ReaderOptions& options = {});
    // Opens `path` ("-" is standard input); throws UsageError if it cannot be opened.
    // A file is read by what it holds, whatever its name: an SPSS .sav or .zsav, a Stata
    // .dta, an Excel .xlsx workbook (its first sheet, or options.sheet), else CSV. Standard
    // input is CSV.
    static std::unique_ptr<RecordReader> open(const std::string& path,
                                              const ReaderOptions& options = {});
    // Reads the records of a non-CSV source; its first record is the header.
    RecordReader(std::string name, std::unique_ptr<RecordSource> source);

    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;
    ~RecordReader();

    const std::string& name() const { return m_name; }
    const Dialect& dialect() const { return m_dialect; }
    // "CSV", or the source's description ("SPSS .sav", "Excel .xlsx, sheet \"Form1\"").
    const std::string& format() const { return m_format; }
    bool is_csv() const { return !m_records; }
    // The file's own dictionary (a .sav's or .dta's), else nullptr.
    const Dictionary* dictionary() const { return m_records ? m_records->dictionary() : nullptr; }
    // The column names: as drafted by the platform layer (platform::apply) once it has run,
    // else the first row's names without spaces around them.
    const std::vector<std::string>& header() const { return m_header; }
    // The first row's names exactly as written (spaces and all).
    const std::vector<std::string>& raw_header() const { return m_raw_header; }
    // Physical line of the header (1, after a BOM as well).
    long header_line() const { return m_header_line; }

    // Reads the next record, skipping blank lines and records whose every field is empty
    // (the `;;;;` rows Excel leaves below a sheet); false at the end of the input. The
    // fields stay valid until the next call. A line ends at LF, CRLF or a lone CR.
    bool next() {
        // The common case, every record after the first few, without a platform's row
        // filter: straight to the parser (the hot path of bench/reader.sh).
        if (m_replay == m_peeked.size() && !m_exclude_column) {
            m_reading = true;
            return read_record();
        }
        return next_replayed_or_filtered();
    }
    // Typed records: a .sav or .dta file's cells with numbers as numbers, so the pass codes
    // them without printing and parsing them (docs/architecture.md). Available before the
    // first next() when no peeked records wait and no rows are excluded; next_typed() then
    // replaces next() for the whole file, skipping records whose every cell is empty.
    bool can_read_typed() const {
        return m_records && m_records->has_typed() && m_replay == m_peeked.size() &&
               !m_exclude_column && !m_reading;
    }
    bool next_typed();
    // The columns next_typed()'s consumer reads; the others may come as empty cells
    // (RecordSource::keep_only). Records whose every cell is empty are still judged on all
    // columns.
    void keep_only(std::span<const std::size_t> columns) {
        if (m_records) {
            m_records->keep_only(columns);
        }
    }
    std::span<const TypedCell> typed_fields() const { return m_typed; }
    // Records skipped so far because every field was empty (after the header).
    long skipped_empty() const { return m_skipped_empty; }

    // The platform layer's hooks, used before the first next(). peek(n) reads up to n
    // records after the header and keeps them (next() returns them again); drop_peeked(k)
    // declares the first k of them header rows (Qualtrics' question text and ImportId rows,
    // SurveyMonkey's second row), which next() then never returns.
    struct Peeked {
        std::vector<std::string> fields;
        long line = 0;
    };
    const std::vector<Peeked>& peek(std::size_t n);
    void drop_peeked(std::size_t k);
    // Physical line of the last header row.
    long last_header_line() const { return m_last_header_line; }
    void rename_columns(std::vector<std::string> names);
    // Records whose field `column` is one of `values` are skipped by next() and counted
    // (Qualtrics survey previews, tests and spam).
    void exclude_rows(std::size_t column, std::vector<std::string> values);
    long excluded() const { return m_excluded; }
    // How many records so far ended in LF, CRLF and a lone CR (for `careerstat peek`).
    const std::array<long, 3>& line_ends() const { return m_line_ends; }
    std::span<const std::string_view> fields() const { return m_fields; }
    // Physical line on which the current record starts (1-based, the header is line 1).
    long line() const { return m_line; }
    // The message for a record whose field count differs from the header's.
    std::string width_message() const;
    // Throws DataError "file:line: N fields, but the header has M" for such a record.
    void require_header_width() const;

  private:
    enum class Parse { Done, NeedMore };

    Parse parse_record(const char* p);
    const char* quoted_slow(const char* start, const char* p);
    bool all_fields_empty() const;
    bool fill(); // more bytes into the buffer; false at the end of the input
    [[noreturn]] void bad_utf8(const char* at) const;
    [[noreturn]] void binary(const char* at) const;
    [[noreturn]] void too_long(long line) const;
    std::string column_name(std::size_t index) const;

    std::string m_name;
    Dialect m_dialect;
    // Declared before m_blocks, so it is freed only after m_blocks' destructor has joined
    // the reader thread, which may still be filling it.
    std::vector<char> m_block;   // filled by the reader thread
    ::io::detail::AsynchronousReader m_blocks;
    std::vector<char> m_buf;     // [m_begin, m_end) unparsed bytes, then a '\0' sentinel
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    std::vector<std::string> m_header;
    long m_header_line = 1;
    long m_line = 0;      // line of the current record
    long m_next_line = 1; // line where the next record starts
    long m_newlines = 0;  // line breaks inside the record being parsed
    std::vector<std::string_view> m_fields;
    std::string m_scratch;
    struct ScratchField {
        std::size_t field; // index in m_fields
        std::size_t offset;
        std::size_t length;
    };
    std::vector<ScratchField> m_scratch_fields; // fields rebuilt in m_scratch
    std::array<bool, 256> m_stop_plain{};
    std::array<bool, 256> m_stop_quoted{};
    bool m_validate_utf8 = false;
    std::size_t m_block_size = 0;
    bool m_header_read = false;
    long m_skipped_empty = 0;
    std::vector<std::string> m_raw_header;
    long m_last_header_line = 1;
    std::vector<Peeked> m_peeked;
    std::size_t m_replay = 0; // next peeked record next() returns
    bool m_reading = false;   // next() has been called by a consumer
    std::vector<std::string_view> m_replay_fields;
    std::optional<std::size_t> m_exclude_column;
    std::vector<std::string> m_exclude_values;
    long m_excluded = 0;
    bool read_record(); // next() without replay and exclusion
    bool read_source_record();
    std::unique_ptr<RecordSource> m_records; // a non-CSV source, else the CSV parser reads
    std::vector<TypedCell> m_typed;
    std::string m_format = "CSV";
    bool next_replayed_or_filtered();
    std::array<long, 3> m_line_ends{};
};

} // namespace careerstat::io
