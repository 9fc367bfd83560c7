#include "careerstat/util/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace careerstat::util {

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < s.size()) {
            // U+00C0..U+00DE (but not U+00D7 x) fold to U+00E0..U+00FE: one byte + 0x20.
            const auto d = static_cast<unsigned char>(s[i + 1]);
            out += static_cast<char>(c);
            out += static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    // Same length in bytes is necessary (fold() keeps lengths); then byte by byte, folding
    // ASCII, and the Latin-1 capitals only when a byte differs, without allocating.
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto x = static_cast<unsigned char>(a[i]);
        auto y = static_cast<unsigned char>(b[i]);
        if (x == y) {
            continue;
        }
        if (x >= 'A' && x <= 'Z') {
            x = static_cast<unsigned char>(x + 32);
        }
        if (y >= 'A' && y <= 'Z') {
            y = static_cast<unsigned char>(y + 32);
        }
        if (x != y) {
            return fold(a) == fold(b); // a two-byte capital (É) may still match
        }
    }
    return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

std::vector<std::string_view> split_answers(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(') {
            ++depth;
        } else if (s[i] == ')' && depth > 0) {
            --depth;
        } else if (s[i] == sep && depth == 0) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    // An unclosed '(' is no reason to keep the rest as one answer: split it plainly.
    if (depth > 0) {
        const auto rest = split(s.substr(start), sep);
        out.insert(out.end(), rest.begin(), rest.end());
        return out;
    }
    out.push_back(s.substr(start));
    return out;
}

std::optional<double> parse_number(std::string_view s, bool decimal_comma) {
    s = trim(s);
    if (s.empty()) {
        return std::nullopt;
    }
    // Most answers are small whole numbers ("4", "10"): read them without from_chars.
    if (s.size() <= 9) {
        long v = 0;
        bool digits = true;
        for (char c : s) {
            if (c < '0' || c > '9') {
                digits = false;
                break;
            }
            v = v * 10 + (c - '0');
        }
        if (digits) {
            return static_cast<double>(v);
        }
    }
    if (s.front() == '+') {
        s.remove_prefix(1);
    }
    char buf[64];
    if (decimal_comma && s.find(',') != std::string_view::npos) {
        if (s.size() >= sizeof buf || s.find('.') != std::string_view::npos) {
            return std::nullopt;
        }
        for (std::size_t i = 0; i < s.size(); ++i) {
            buf[i] = s[i] == ',' ? '.' : s[i];
        }
        s = std::string_view(buf, s.size());
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

std::optional<long> parse_integer(std::string_view s) {
    s = trim(s);
    long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

std::string csv_cell(std::string_view s, char delimiter) {
    if (s.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string_view::npos) {
        return std::string(s);
    }
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++n;
        }
    }
    return n;
}

std::string cut_utf8(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) {
        return std::string(s);
    }
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
        --end;
    }
    return std::string(s.substr(0, end));
}

std::size_t edit_distance(std::string_view a_in, std::string_view b_in) {
    const std::string a = fold(a_in);
    const std::string b = fold(b_in);
    // Damerau-Levenshtein restricted to adjacent transpositions (optimal string alignment).
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::vector<std::string> nearest_names(std::string_view name,
                                       const std::vector<std::string>& candidates, std::size_t max) {
    const std::size_t limit = name.size() <= 4 ? 1 : name.size() <= 8 ? 2 : 3;
    const std::string folded = fold(name);
    std::vector<std::pair<std::size_t, std::size_t>> scored; // distance, index
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::string c = fold(candidates[i]);
        std::size_t d = edit_distance(folded, c);
        if (d > limit && folded.size() >= 3 && c.starts_with(folded)) {
            d = limit; // the start of a longer name: "barr" for "barrier"
        }
        if (d <= limit) {
            scored.emplace_back(d, i);
        }
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [d, i] : scored) {
        if (out.size() < max && std::find(out.begin(), out.end(), candidates[i]) == out.end()) {
            out.push_back(candidates[i]);
        }
    }
    return out;
}

} // namespace careerstat::util
