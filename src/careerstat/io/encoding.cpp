#include "careerstat/io/encoding.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace careerstat::io {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Unicode code points of Windows-1252 bytes 0x80-0x9F (WHATWG index-windows-1252).
constexpr std::array<char16_t, 32> k_cp1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    const std::string n = lower(name);
    if (n == "utf-8" || n == "utf8") {
        return Encoding::Utf8;
    }
    if (n == "windows-1252" || n == "cp1252" || n == "latin1" || n == "latin-1" ||
        n == "iso-8859-1" || n == "iso8859-1") {
        return Encoding::Windows1252;
    }
    return std::nullopt;
}

std::string_view encoding_name(Encoding e) {
    return e == Encoding::Utf8 ? "utf-8" : "windows-1252";
}

std::size_t utf8_sequence_length(const unsigned char* s, std::size_t n) {
    // Table 3-7 "Well-Formed UTF-8 Byte Sequences", The Unicode Standard.
    if (n == 0) {
        return 0;
    }
    const unsigned char c = s[0];
    if (c < 0x80) {
        return 1;
    }
    auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i < n && s[i] >= lo && s[i] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) {
        return cont(1) ? 2 : 0;
    }
    if (c == 0xE0) {
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    }
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
        return cont(1) && cont(2) ? 3 : 0;
    }
    if (c == 0xED) {
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    }
    if (c == 0xF0) {
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    }
    if (c >= 0xF1 && c <= 0xF3) {
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    if (c == 0xF4) {
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

bool is_valid_utf8(const char* s, std::size_t n, bool allow_truncated_tail) {
    const auto* u = reinterpret_cast<const unsigned char*>(s);
    std::size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = utf8_sequence_length(u + i, n - i);
        if (len == 0) {
            // A lead byte whose sequence runs past the end of a sample is not an error.
            return allow_truncated_tail && n - i < 4 && u[i] >= 0xC2 && u[i] <= 0xF4;
        }
        i += len;
    }
    return true;
}

int cp1252_to_utf8(unsigned char c, char out[3]) {
    char32_t cp = c;
    if (c >= 0x80 && c <= 0x9F) {
        cp = k_cp1252_high[c - 0x80];
    }
    if (cp < 0x80) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
}

} // namespace careerstat::io
