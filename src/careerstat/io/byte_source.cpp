#include "careerstat/io/byte_source.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/encoding.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <system_error>

namespace careerstat::io {

SampledSource::SampledSource(std::unique_ptr<::io::ByteSourceBase> inner, std::size_t sample_size)
    : m_inner(std::move(inner)) {
    m_sample.resize(sample_size);
    const int got = read_inner(m_sample.data(), static_cast<int>(sample_size));
    m_sample.resize(static_cast<std::size_t>(got));
}

int SampledSource::read_inner(char* buffer, int size) {
    int total = 0;
    while (total < size && !m_inner_done) {
        const int got = m_inner->read(buffer + total, size - total);
        if (got <= 0) {
            m_inner_done = true;
            break;
        }
        total += got;
    }
    return total;
}

int SampledSource::read(char* buffer, int size) {
    int total = 0;
    if (m_served < m_sample.size()) {
        const std::size_t n = std::min(m_sample.size() - m_served, static_cast<std::size_t>(size));
        std::memcpy(buffer, m_sample.data() + m_served, n);
        m_served += n;
        total = static_cast<int>(n);
        if (m_served == m_sample.size()) {
            m_sample.clear();
            m_sample.shrink_to_fit();
        }
    }
    return total + read_inner(buffer + total, size - total);
}

Cp1252Source::Cp1252Source(std::unique_ptr<::io::ByteSourceBase> inner)
    : m_inner(std::move(inner)), m_in(1 << 16) {}

int Cp1252Source::read(char* buffer, int size) {
    int out = 0;
    while (out < size) {
        if (m_pending_pos < m_pending_len) {
            buffer[out++] = m_pending[m_pending_pos++];
            continue;
        }
        if (m_in_pos == m_in_len) {
            if (m_done) {
                break;
            }
            const int got = m_inner->read(m_in.data(), static_cast<int>(m_in.size()));
            if (got <= 0) {
                m_done = true;
                break;
            }
            m_in_pos = 0;
            m_in_len = static_cast<std::size_t>(got);
        }
        // ASCII runs are copied as they are; only bytes >= 0x80 expand.
        while (m_in_pos < m_in_len && out < size) {
            const auto c = static_cast<unsigned char>(m_in[m_in_pos]);
            if (c < 0x80) {
                buffer[out++] = static_cast<char>(c);
                ++m_in_pos;
                continue;
            }
            char enc[3];
            const int n = cp1252_to_utf8(c, enc);
            ++m_in_pos;
            int i = 0;
            for (; i < n && out < size; ++i) {
                buffer[out++] = enc[i];
            }
            m_pending_len = 0;
            m_pending_pos = 0;
            for (; i < n; ++i) {
                m_pending[m_pending_len++] = enc[i];
            }
        }
    }
    return out;
}

std::unique_ptr<::io::ByteSourceBase> open_file_source(const std::string& path) {
    if (path == "-") {
        return std::make_unique<::io::detail::OwningStdIOByteSourceBase>(stdin);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw UsageError(msgf("{}: is a directory, not a CSV export", path));
    }
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        throw UsageError(msgf("{}: cannot open: {}", path, std::strerror(errno)));
    }
    return std::make_unique<::io::detail::OwningStdIOByteSourceBase>(f);
}

} // namespace careerstat::io
