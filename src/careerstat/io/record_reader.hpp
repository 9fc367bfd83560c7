// The streaming record reader: fast-cpp-csv-parser's LineReader for threaded block reading,
// BOM and CRLF handling, with a quote-aware field splitter on top that joins the physical
// lines of quoted multi-line fields. Memory does not grow with the number of rows.
#pragma once

#include "careerstat/io/dialect.hpp"

#include <array>
#include <cstdint>
#include <libfccp/csv.h>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::io {

class SampledSource;

class RecordReader {
  public:
    // The reader's line limit, from LineReader (2^24 bytes per physical line).
    static constexpr std::size_t k_line_limit = std::size_t{1} << 24;

    // Reads from `source`; `name` is used in messages. Sniffs the dialect, then reads the
    // header. Throws DataError for an empty or binary file.
    RecordReader(std::string name, std::unique_ptr<::io::ByteSourceBase> source,
                 const ReaderOptions& options = {});
    // Opens `path` ("-" is standard input); throws UsageError if it cannot be opened.
    static std::unique_ptr<RecordReader> open(const std::string& path,
                                              const ReaderOptions& options = {});

    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;
    ~RecordReader();

    const std::string& name() const { return m_name; }
    const Dialect& dialect() const { return m_dialect; }
    const std::vector<std::string>& header() const { return m_header; }
    // Physical line of the header (1, after a BOM as well).
    long header_line() const { return m_header_line; }

    // Reads the next record, skipping blank lines; false at the end of the input.
    // The fields stay valid until the next call.
    bool next();
    std::span<const std::string_view> fields() const { return m_fields; }
    // Physical line on which the current record starts (1-based, the header is line 1).
    long line() const { return m_line; }

  private:
    struct Piece {
        const char* ptr;
        std::uint32_t off;
        std::uint32_t len;
        bool in_scratch;
    };

    char* next_physical_line();
    void split(const char* s);
    const char* quoted_slow(const char* start, const char* s);
    void pin_pieces();
    [[noreturn]] void bad_utf8(const char* at) const;
    std::string column_name(std::size_t index) const;

    std::string m_name;
    Dialect m_dialect;
    std::unique_ptr<::io::LineReader> m_lines;
    std::vector<std::string> m_header;
    long m_header_line = 1;
    long m_line = 0;
    std::vector<Piece> m_pieces;
    std::vector<std::string_view> m_fields;
    std::string m_scratch;
    std::array<bool, 256> m_stop_plain{};
    std::array<bool, 256> m_stop_quoted{};
    bool m_validate_utf8 = false;
};

} // namespace careerstat::io
