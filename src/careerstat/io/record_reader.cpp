#include "careerstat/io/record_reader.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/byte_source.hpp"
#include "careerstat/io/sav_source.hpp"
#include "careerstat/io/xlsx_source.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

namespace careerstat::io {

namespace {

using uchar = unsigned char;

} // namespace

RecordReader::RecordReader(std::string name, std::unique_ptr<::io::ByteSourceBase> source,
                           const ReaderOptions& options)
    : m_name(std::move(name)) {
    auto sampled = std::make_unique<SampledSource>(std::move(source));
    m_dialect = sniff(sampled->sample(), sampled->sample_is_all(), options, m_name);
    if (sampled->sample().empty()) {
        throw DataError(place(m_name, 1) + msgf("the file is empty; expected a header row"));
    }
    std::unique_ptr<::io::ByteSourceBase> src = std::move(sampled);
    if (m_dialect.encoding == Encoding::Windows1252) {
        src = std::make_unique<Cp1252Source>(std::move(src));
    }
    m_validate_utf8 = m_dialect.encoding == Encoding::Utf8;

    const auto delim = static_cast<uchar>(m_dialect.delimiter);
    const auto quote = static_cast<uchar>(m_dialect.quote);
    for (uchar c : {uchar{0}, uchar{'\n'}, uchar{'\r'}}) {
        m_stop_plain[c] = m_stop_quoted[c] = true;
    }
    m_stop_plain[delim] = true;
    m_stop_quoted[quote] = true;
    if (m_validate_utf8) {
        for (int c = 0x80; c < 0x100; ++c) {
            m_stop_plain[static_cast<std::size_t>(c)] = m_stop_quoted[static_cast<std::size_t>(c)] =
                true;
        }
    }

    m_block_size = std::clamp<std::size_t>(options.block_size, 1, std::size_t{1} << 26);
    m_block.resize(m_block_size);
    m_buf.resize(m_block_size + 1, '\0');
    m_blocks.init(std::move(src));
    m_blocks.start_read(m_block.data(), static_cast<int>(m_block_size));
    while (fill() && m_end < 3) {
        // a BOM may span several small blocks
    }
    if (m_dialect.bom && m_end >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0) {
        m_begin = 3;
    }

    if (!read_record()) {
        throw DataError(place(m_name, 1) + msgf("the file is empty; expected a header row"));
    }
    m_header_line = m_last_header_line = m_line;
    // Column names without spaces around them, as a codebook names them (" age" is "age").
    for (std::string_view f : m_fields) {
        m_raw_header.emplace_back(f);
        m_header.emplace_back(util::trim(f));
    }
    m_header_read = true;
}

RecordReader::RecordReader(std::string name, std::unique_ptr<RecordSource> source)
    : m_name(std::move(name)), m_records(std::move(source)) {
    m_format = m_records->describe();
    if (!m_records->next(m_fields, m_line)) {
        throw DataError(place(m_name, 1) + msgf("the file has no variables"));
    }
    m_header_line = m_last_header_line = m_line;
    m_next_line = m_line + 1;
    for (std::string_view f : m_fields) {
        m_raw_header.emplace_back(f);
        m_header.emplace_back(util::trim(f));
    }
    m_header_read = true;
}

bool RecordReader::read_source_record() {
    while (m_records->next(m_fields, m_line)) {
        if (!all_fields_empty()) {
            return true;
        }
        ++m_skipped_empty;
    }
    m_fields.clear();
    return false;
}

bool RecordReader::next_typed() {
    m_reading = true;
    while (m_records->next_typed(m_typed, m_line)) {
        const std::optional<bool> known = m_records->typed_record_empty();
        const bool empty = known ? *known : std::all_of(m_typed.begin(), m_typed.end(), [](const TypedCell& c) {
            // Empty as all_fields_empty() judges a CSV field: nothing but spaces and tabs.
            return !c.is_number && c.text.find_first_not_of(" \t") == std::string_view::npos;
        });
        if (!empty) {
            return true;
        }
        ++m_skipped_empty;
    }
    m_typed.clear();
    return false;
}

const std::vector<RecordReader::Peeked>& RecordReader::peek(std::size_t n) {
    while (!m_reading && m_peeked.size() < n && read_record()) {
        Peeked p;
        p.line = m_line;
        p.fields.assign(m_fields.begin(), m_fields.end());
        m_peeked.push_back(std::move(p));
    }
    return m_peeked;
}

void RecordReader::drop_peeked(std::size_t k) {
    k = std::min(k, m_peeked.size());
    if (k > 0) {
        m_last_header_line = m_peeked[k - 1].line;
        m_peeked.erase(m_peeked.begin(), m_peeked.begin() + static_cast<std::ptrdiff_t>(k));
    }
}

void RecordReader::rename_columns(std::vector<std::string> names) {
    if (names.size() == m_header.size()) {
        m_header = std::move(names);
    }
}

void RecordReader::exclude_rows(std::size_t column, std::vector<std::string> values) {
    m_exclude_column = column;
    m_exclude_values = std::move(values);
}

bool RecordReader::next_replayed_or_filtered() {
    m_reading = true;
    for (;;) {
        if (m_replay < m_peeked.size()) {
            const Peeked& p = m_peeked[m_replay++];
            m_fields.assign(p.fields.begin(), p.fields.end());
            m_line = p.line;
        } else if (!read_record()) {
            return false;
        }
        if (m_exclude_column && *m_exclude_column < m_fields.size() &&
            std::find(m_exclude_values.begin(), m_exclude_values.end(),
                      util::trim(m_fields[*m_exclude_column])) != m_exclude_values.end()) {
            ++m_excluded;
            continue;
        }
        return true;
    }
}

RecordReader::~RecordReader() = default;

namespace {

enum class FileKind { Csv, Statistics, Workbook, OldExcel, OpenDocument };

// What a file holds, from its first bytes (and, for Stata's older binary format, which has
// no magic string, its name).
FileKind file_kind(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[12] = {};
    in.read(head, sizeof head);
    const auto got = static_cast<std::size_t>(in.gcount());
    const std::string_view h(head, got);
    std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : "";
    for (char& c : ext) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (h.starts_with("$FL2") || h.starts_with("$FL3") || h.starts_with("<stata_dta>")) {
        return FileKind::Statistics;
    }
    // Stata 8-13 (formats 113-115, and older) start with the version byte, the byte order
    // (1 or 2) and a 1.
    if (ext == ".dta" && got >= 3 && static_cast<uchar>(head[0]) >= 104 &&
        static_cast<uchar>(head[0]) <= 115 && (head[1] == 1 || head[1] == 2) && head[2] == 1) {
        return FileKind::Statistics;
    }
    if (h.starts_with("PK\x03\x04")) {
        return ext == ".ods" ? FileKind::OpenDocument : FileKind::Workbook;
    }
    if (h.starts_with("\xD0\xCF\x11\xE0")) {
        return FileKind::OldExcel;
    }
    return FileKind::Csv;
}

} // namespace

std::unique_ptr<RecordReader> RecordReader::open(const std::string& path,
                                                 const ReaderOptions& options) {
    const FileKind kind = path == "-" ? FileKind::Csv : file_kind(path);
    if (kind != FileKind::Csv && (options.delimiter || options.encoding)) {
        throw UsageError(msgf("{}: --delimiter and --encoding are for CSV exports; this "
                              "file is not one",
                              path));
    }
    if (kind != FileKind::Workbook && !options.sheet.empty()) {
        throw UsageError(msgf("{}: --sheet \"{}\" is for an Excel .xlsx workbook; this "
                              "file is not one",
                              path, options.sheet));
    }
    switch (kind) {
    case FileKind::Statistics:
        return std::make_unique<RecordReader>(path, open_statistics_file(path));
    case FileKind::Workbook:
        return std::make_unique<RecordReader>(path, open_workbook(path, options.sheet));
    case FileKind::OldExcel:
        throw DataError(place(path, 1) +
                        msgf("an Excel 97-2003 workbook (.xls) or a password-"
                             "protected one: save it in Excel, without a password, "
                             "as .xlsx or as CSV UTF-8"));
    case FileKind::OpenDocument:
        throw DataError(place(path, 1) +
                        msgf("an OpenDocument spreadsheet (.ods): save it as .xlsx "
                             "or as CSV"));
    case FileKind::Csv:
        break;
    }
    return std::make_unique<RecordReader>(path == "-" ? "<stdin>" : path, open_file_source(path),
                                          options);
}

bool RecordReader::fill() {
    if (m_eof) {
        return false;
    }
    const std::size_t rest = m_end - m_begin;
    if (m_begin > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_begin, rest);
        m_begin = 0;
        m_end = rest;
    }
    if (rest > k_line_limit) {
        too_long(m_next_line);
    }
    const int got = m_blocks.finish_read();
    if (got <= 0) {
        m_eof = true;
        m_buf[m_end] = '\0';
        return false;
    }
    const auto n = static_cast<std::size_t>(got);
    if (m_buf.size() < m_end + n + 1) {
        m_buf.resize(m_end + n + 1);
    }
    std::memcpy(m_buf.data() + m_end, m_block.data(), n);
    m_end += n;
    m_buf[m_end] = '\0';
    m_blocks.start_read(m_block.data(), static_cast<int>(m_block_size));
    return true;
}

bool RecordReader::read_record() {
    if (m_records) [[unlikely]] {
        return read_source_record();
    }
    for (;;) {
        if (m_begin == m_end) {
            if (!fill()) {
                m_fields.clear();
                return false;
            }
            continue;
        }
        const char* p = m_buf.data() + m_begin;
        if (*p == '\n') { // a blank line
            ++m_begin;
            ++m_next_line;
            continue;
        }
        if (*p == '\r') { // a blank line ending in CRLF or a lone CR (old Mac files)
            if (m_begin + 1 == m_end && !m_eof) {
                fill(); // is a '\n' next?
                continue;
            }
            m_begin += p[1] == '\n' ? 2 : 1;
            ++m_next_line;
            continue;
        }
        const std::size_t start = m_begin;
        if (parse_record(p) == Parse::Done) {
            if (m_begin - start > k_line_limit) {
                too_long(m_line);
            }
            if (m_header_read && all_fields_empty()) {
                ++m_skipped_empty;
                continue;
            }
            break;
        }
        fill(); // at the end of the input, the next parse completes the record or throws
    }
    for (const ScratchField& f : m_scratch_fields) {
        m_fields[f.field] = std::string_view(m_scratch.data() + f.offset, f.length);
    }
    return true;
}

bool RecordReader::all_fields_empty() const {
    // Quoted fields rebuilt in the scratch buffer are not in m_fields yet: their lengths
    // are in m_scratch_fields.
    for (const ScratchField& f : m_scratch_fields) {
        for (std::size_t i = 0; i < f.length; ++i) {
            const char c = m_scratch[f.offset + i];
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
    }
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        for (char c : m_fields[i]) {
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
    }
    return true;
}

RecordReader::Parse RecordReader::parse_record(const char* p) {
    const char* const end = m_buf.data() + m_end; // *end is the '\0' sentinel
    const char delim = m_dialect.delimiter;
    const char quote = m_dialect.quote;
    m_fields.clear();
    m_scratch.clear();
    m_scratch_fields.clear();
    m_newlines = 0;
    // A stop at a byte >= 0x80: validate one UTF-8 sequence, or ask for more input when the
    // sequence is cut off by the end of the buffer.
    auto utf8 = [&](const char* at) -> std::size_t {
        const std::size_t n =
            utf8_sequence_length(reinterpret_cast<const uchar*>(at), static_cast<std::size_t>(end - at));
        if (n == 0 && (end - at >= 4 || m_eof)) {
            bad_utf8(at);
        }
        return n;
    };
    for (;;) {
        if (*p == quote) {
            const char* start = ++p;
            for (;;) {
                while (!m_stop_quoted[static_cast<uchar>(*p)]) {
                    ++p;
                }
                if (static_cast<uchar>(*p) >= 0x80) {
                    const std::size_t n = utf8(p);
                    if (n == 0) {
                        return Parse::NeedMore;
                    }
                    p += n;
                    continue;
                }
                break;
            }
            if (*p == quote && (p[1] == delim || p[1] == '\n' || p[1] == '\r' ||
                                (p[1] == '\0' && p + 1 == end && m_eof))) {
                // The common case: no doubled quotes, no line breaks, nothing after the quote.
                m_fields.emplace_back(start, static_cast<std::size_t>(p - start));
                ++p;
            } else if (*p == '\0' && p == end && !m_eof) {
                return Parse::NeedMore;
            } else if (*p == quote && p[1] == '\0' && p + 1 == end) {
                return Parse::NeedMore;
            } else {
                p = quoted_slow(start, p);
                if (p == nullptr) {
                    return Parse::NeedMore;
                }
            }
        } else {
            const char* start = p;
            for (;;) {
                while (!m_stop_plain[static_cast<uchar>(*p)]) {
                    ++p;
                }
                const auto c = static_cast<uchar>(*p);
                if (c >= 0x80) {
                    const std::size_t n = utf8(p);
                    if (n == 0) {
                        return Parse::NeedMore;
                    }
                    p += n;
                    continue;
                }
                break;
            }
            m_fields.emplace_back(start, static_cast<std::size_t>(p - start));
        }
        // p is at a delimiter, a line end, or the end of the buffer.
        if (*p == delim) {
            ++p;
            continue;
        }
        if (*p == '\n') {
            ++p;
            ++m_line_ends[0];
            break;
        }
        if (*p == '\r') {
            if (p + 1 == end && !m_eof) {
                return Parse::NeedMore; // CRLF or a lone CR? The next byte says.
            }
            const bool crlf = p[1] == '\n';
            p += crlf ? 2 : 1; // CRLF, or a lone CR (old Mac line ends)
            ++m_line_ends[crlf ? 1 : 2];
            break;
        }
        if (p != end) {
            binary(p);
        }
        if (!m_eof) {
            return Parse::NeedMore;
        }
        break; // the last record, without a final line break
    }
    m_begin = static_cast<std::size_t>(p - m_buf.data());
    m_line = m_next_line;
    m_next_line += 1 + m_newlines;
    return Parse::Done;
}

// A quoted field with doubled quotes, a line break, or text after the closing quote:
// rebuilt in the scratch buffer ("\r\n" inside becomes "\n"). `p` is where the fast scan
// stopped. Returns where the field ends, or nullptr when more input is needed.
const char* RecordReader::quoted_slow(const char* start, const char* p) {
    const char* const end = m_buf.data() + m_end;
    const char delim = m_dialect.delimiter;
    const char quote = m_dialect.quote;
    const std::size_t off = m_scratch.size();
    m_scratch.append(start, static_cast<std::size_t>(p - start));
    bool in_quotes = true;
    for (;;) {
        const char c = *p;
        if (c == '\0' && p == end) {
            if (!m_eof) {
                return nullptr;
            }
            if (in_quotes) {
                throw DataError(place(m_name, m_next_line, column_name(m_fields.size())) +
                                msgf("a quoted field is not closed before the end of the file"));
            }
            break;
        }
        if (c == '\0') {
            binary(p);
        }
        if (in_quotes) {
            if (c == quote) {
                if (p[1] == quote) {
                    m_scratch += quote;
                    p += 2;
                } else if (p[1] == '\0' && p + 1 == end && !m_eof) {
                    return nullptr; // is it "" or the closing quote? Need the next byte.
                } else {
                    in_quotes = false;
                    ++p;
                }
                continue;
            }
            if (c == '\r' && p + 1 == end && !m_eof) {
                return nullptr; // CRLF or a lone CR? The next byte says.
            }
            if (c == '\r' && p[1] == '\n') {
                ++p; // keep the '\n' only
                continue;
            }
            if (c == '\n' || c == '\r') {
                ++m_newlines; // a lone CR is a line break in an old Mac file
            }
        } else if (c == delim || c == '\n' || c == '\r') {
            break;
        }
        if (m_validate_utf8 && static_cast<uchar>(c) >= 0x80) {
            const std::size_t n = utf8_sequence_length(reinterpret_cast<const uchar*>(p),
                                                       static_cast<std::size_t>(end - p));
            if (n == 0) {
                if (end - p < 4 && !m_eof) {
                    return nullptr;
                }
                bad_utf8(p);
            }
            m_scratch.append(p, n);
            p += n;
            continue;
        }
        m_scratch += c;
        ++p;
    }
    m_scratch_fields.push_back({m_fields.size(), off, m_scratch.size() - off});
    m_fields.emplace_back(); // filled in from m_scratch when the record is complete
    return p;
}

std::string RecordReader::width_message() const {
    return m_fields.size() == 1
               ? msgf("1 field, but the header has {}", m_header.size())
               : msgf("{} fields, but the header has {}", m_fields.size(), m_header.size());
}

void RecordReader::require_header_width() const {
    if (m_fields.size() != m_header.size()) {
        throw DataError(place(m_name, m_line) + width_message());
    }
}

std::string RecordReader::column_name(std::size_t index) const {
    if (index < m_header.size()) {
        return m_header[index];
    }
    return fmt::format("#{}", index + 1);
}

void RecordReader::bad_utf8(const char* at) const {
    throw DataError(place(m_name, m_next_line + m_newlines, column_name(m_fields.size())) +
                    msgf("invalid UTF-8 (byte 0x{:02X}); if the file came from Excel on "
                         "Windows, try --encoding windows-1252",
                         static_cast<uchar>(*at)));
}

void RecordReader::too_long(long line) const {
    throw DataError(place(m_name, line) +
                    msgf("a line is longer than {} MiB, the reader's limit; is this "
                         "really a CSV export?",
                         k_line_limit >> 20));
}

void RecordReader::binary(const char* /*at*/) const {
    throw DataError(place(m_name, m_next_line + m_newlines) +
                    msgf("binary data (a NUL byte); this is not a CSV export"));
}

} // namespace careerstat::io
