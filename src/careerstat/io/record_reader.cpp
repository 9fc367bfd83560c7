#include "careerstat/io/record_reader.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/byte_source.hpp"

#include <fmt/format.h>

namespace careerstat::io {

RecordReader::RecordReader(std::string name, std::unique_ptr<::io::ByteSourceBase> source,
                           const ReaderOptions& options)
    : m_name(std::move(name)) {
    auto sampled = std::make_unique<SampledSource>(std::move(source));
    m_dialect = sniff(sampled->sample(), sampled->sample_is_all(), options, m_name);
    if (sampled->sample().empty()) {
        throw DataError(place(m_name, 1) + "the file is empty; expected a header row");
    }
    std::unique_ptr<::io::ByteSourceBase> src = std::move(sampled);
    if (m_dialect.encoding == Encoding::Windows1252) {
        src = std::make_unique<Cp1252Source>(std::move(src));
    }
    m_validate_utf8 = m_dialect.encoding == Encoding::Utf8;
    m_lines = std::make_unique<::io::LineReader>(m_name, std::move(src));

    const auto delim = static_cast<unsigned char>(m_dialect.delimiter);
    const auto quote = static_cast<unsigned char>(m_dialect.quote);
    m_stop_plain[0] = m_stop_plain[delim] = true;
    m_stop_quoted[0] = m_stop_quoted[quote] = true;
    if (m_validate_utf8) {
        for (int c = 0x80; c < 0x100; ++c) {
            m_stop_plain[c] = m_stop_quoted[c] = true;
        }
    }

    if (!next()) {
        throw DataError(place(m_name, 1) + "the file is empty; expected a header row");
    }
    m_header_line = m_line;
    m_header.assign(m_fields.begin(), m_fields.end());
    for (int i = 0; i < m_dialect.extra_header_rows; ++i) {
        next();
    }
}

RecordReader::~RecordReader() = default;

std::unique_ptr<RecordReader> RecordReader::open(const std::string& path,
                                                 const ReaderOptions& options) {
    return std::make_unique<RecordReader>(path == "-" ? "<stdin>" : path, open_file_source(path),
                                          options);
}

char* RecordReader::next_physical_line() {
    try {
        return m_lines->next_line();
    } catch (const ::io::error::line_length_limit_exceeded& e) {
        throw DataError(place(m_name, e.file_line) +
                        fmt::format("a line is longer than {} MiB, the reader's limit; is this "
                                    "really a CSV export?",
                                    k_line_limit >> 20));
    }
}

bool RecordReader::next() {
    m_pieces.clear();
    m_scratch.clear();
    const char* line = nullptr;
    do {
        line = next_physical_line();
        if (line == nullptr) {
            m_fields.clear();
            return false;
        }
    } while (*line == '\0');
    m_line = static_cast<long>(m_lines->get_file_line());
    split(line);
    m_fields.resize(m_pieces.size());
    for (std::size_t i = 0; i < m_pieces.size(); ++i) {
        const Piece& p = m_pieces[i];
        m_fields[i] = p.in_scratch ? std::string_view(m_scratch.data() + p.off, p.len)
                                   : std::string_view(p.ptr, p.len);
    }
    return true;
}

std::string RecordReader::column_name(std::size_t index) const {
    if (index < m_header.size()) {
        return m_header[index];
    }
    return fmt::format("#{}", index + 1);
}

void RecordReader::bad_utf8(const char* at) const {
    throw DataError(
        place(m_name, static_cast<long>(m_lines->get_file_line()), column_name(m_pieces.size())) +
        fmt::format("invalid UTF-8 (byte 0x{:02X}); if the file came from Excel on Windows, "
                    "try --encoding windows-1252",
                    static_cast<unsigned char>(*at)));
}

// Copies every field that still points into LineReader's buffer into the scratch buffer,
// because reading the next physical line may move that buffer.
void RecordReader::pin_pieces() {
    for (Piece& p : m_pieces) {
        if (!p.in_scratch) {
            p.off = static_cast<std::uint32_t>(m_scratch.size());
            m_scratch.append(p.ptr, p.len);
            p.in_scratch = true;
        }
    }
}

void RecordReader::split(const char* s) {
    const char delim = m_dialect.delimiter;
    const char quote = m_dialect.quote;
    for (;;) {
        if (*s == quote) {
            const char* start = ++s;
            for (;;) {
                while (!m_stop_quoted[static_cast<unsigned char>(*s)]) {
                    ++s;
                }
                if (static_cast<unsigned char>(*s) >= 0x80) {
                    const std::size_t n =
                        utf8_sequence_length(reinterpret_cast<const unsigned char*>(s), 4);
                    if (n == 0) {
                        bad_utf8(s);
                    }
                    s += n;
                    continue;
                }
                break;
            }
            if (*s == quote && (s[1] == delim || s[1] == '\0')) {
                // The common case: a quoted field with no escapes and no line breaks.
                m_pieces.push_back(
                    {start, 0, static_cast<std::uint32_t>(s - start), false});
                ++s;
            } else {
                s = quoted_slow(start, s);
            }
        } else {
            const char* start = s;
            for (;;) {
                while (!m_stop_plain[static_cast<unsigned char>(*s)]) {
                    ++s;
                }
                if (static_cast<unsigned char>(*s) >= 0x80) {
                    const std::size_t n =
                        utf8_sequence_length(reinterpret_cast<const unsigned char*>(s), 4);
                    if (n == 0) {
                        bad_utf8(s);
                    }
                    s += n;
                    continue;
                }
                break;
            }
            m_pieces.push_back({start, 0, static_cast<std::uint32_t>(s - start), false});
        }
        if (*s == delim) {
            ++s;
            continue;
        }
        return; // '\0': end of the record
    }
}

// A quoted field with doubled quotes, a line break, or text after the closing quote:
// built in the scratch buffer. `s` points at the quote or NUL that stopped the fast scan.
const char* RecordReader::quoted_slow(const char* start, const char* s) {
    const char delim = m_dialect.delimiter;
    const char quote = m_dialect.quote;
    const long first_line = static_cast<long>(m_lines->get_file_line());
    pin_pieces();
    const auto off = static_cast<std::uint32_t>(m_scratch.size());
    m_scratch.append(start, static_cast<std::size_t>(s - start));
    bool in_quotes = true;
    for (;;) {
        const char c = *s;
        if (c == '\0') {
            if (!in_quotes) {
                break;
            }
            const char* line = next_physical_line();
            if (line == nullptr) {
                throw DataError(place(m_name, first_line, column_name(m_pieces.size())) +
                                "a quoted field is not closed before the end of the file");
            }
            m_scratch += '\n';
            s = line;
            continue;
        }
        if (in_quotes && c == quote) {
            if (s[1] == quote) {
                m_scratch += quote;
                s += 2;
            } else {
                in_quotes = false;
                ++s;
            }
            continue;
        }
        if (!in_quotes && c == delim) {
            break;
        }
        if (m_validate_utf8 && static_cast<unsigned char>(c) >= 0x80) {
            const std::size_t n = utf8_sequence_length(reinterpret_cast<const unsigned char*>(s), 4);
            if (n == 0) {
                bad_utf8(s);
            }
            m_scratch.append(s, n);
            s += n;
            continue;
        }
        m_scratch += c;
        ++s;
    }
    m_pieces.push_back({nullptr, off, static_cast<std::uint32_t>(m_scratch.size() - off), true});
    return s;
}

} // namespace careerstat::io
