// Byte sources for fast-cpp-csv-parser's LineReader: a sample kept for sniffing (so
// standard input can be sniffed too) and on-the-fly Windows-1252 to UTF-8 conversion.
#pragma once

#include <libfccp/csv.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::io {

// Reads the first bytes of another source at construction, to be looked at by the sniffer,
// and then serves them again followed by the rest. read() fills the buffer completely
// unless the end is reached, which LineReader relies on.
class SampledSource : public ::io::ByteSourceBase {
  public:
    static constexpr std::size_t k_sample_size = 64 * 1024;

    explicit SampledSource(std::unique_ptr<::io::ByteSourceBase> inner,
                           std::size_t sample_size = k_sample_size);
    int read(char* buffer, int size) override;

    std::string_view sample() const { return {m_sample.data(), m_sample.size()}; }
    // True when the sample holds the whole input.
    bool sample_is_all() const { return m_inner_done; }

  private:
    int read_inner(char* buffer, int size);

    std::unique_ptr<::io::ByteSourceBase> m_inner;
    std::vector<char> m_sample;
    std::size_t m_served = 0;
    bool m_inner_done = false;
};

// Converts Windows-1252 bytes from another source to UTF-8 as they are read.
class Cp1252Source : public ::io::ByteSourceBase {
  public:
    explicit Cp1252Source(std::unique_ptr<::io::ByteSourceBase> inner);
    int read(char* buffer, int size) override;

  private:
    std::unique_ptr<::io::ByteSourceBase> m_inner;
    std::vector<char> m_in;
    std::size_t m_in_pos = 0;
    std::size_t m_in_len = 0;
    char m_pending[3] = {};
    int m_pending_len = 0;
    int m_pending_pos = 0;
    bool m_done = false;
};

// Opens a file ("-" is standard input) as a byte source. Throws UsageError naming the
// file when it is missing, a directory or unreadable.
std::unique_ptr<::io::ByteSourceBase> open_file_source(const std::string& path);

} // namespace careerstat::io
