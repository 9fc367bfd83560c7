#include "careerstat/io/dialect.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <vector>

namespace careerstat::io {

namespace {

constexpr std::size_t k_sniff_records = 100;

// Field counts of the first records of a sample, quote-aware. When the sample is cut off,
// the last (possibly partial) record is dropped.
struct SampleShape {
    std::vector<std::size_t> counts;
};

SampleShape shape_of(std::string_view s, char delim, char quote, bool complete) {
    SampleShape shape;
    std::size_t fields = 1;
    bool in_quotes = false;
    bool record_has_content = false;
    for (std::size_t i = 0; i < s.size() && shape.counts.size() < k_sniff_records; ++i) {
        const char c = s[i];
        if (in_quotes) {
            if (c == quote) {
                if (i + 1 < s.size() && s[i + 1] == quote) {
                    ++i;
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        if (c == quote) {
            in_quotes = true;
            record_has_content = true;
        } else if (c == delim) {
            ++fields;
            record_has_content = true;
        } else if (c == '\n' || (c == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) {
            // LF, or a lone CR (old Mac line ends); the CR of a CRLF waits for its LF.
            if (record_has_content) {
                shape.counts.push_back(fields);
            }
            fields = 1;
            record_has_content = false;
        } else if (c != '\r') {
            record_has_content = true;
        }
    }
    if (complete && record_has_content && !in_quotes && shape.counts.size() < k_sniff_records) {
        shape.counts.push_back(fields);
    }
    return shape;
}

struct Score {
    double consistency = 0; // share of records with the most common field count
    std::size_t fields = 1; // that field count
};

Score score(const std::vector<std::size_t>& counts) {
    if (counts.empty()) {
        return {};
    }
    std::map<std::size_t, std::size_t> freq;
    for (auto n : counts) {
        ++freq[n];
    }
    auto best = std::max_element(freq.begin(), freq.end(), [](const auto& a, const auto& b) {
        return a.second < b.second || (a.second == b.second && a.first < b.first);
    });
    // The header row counts double: an export's header always has the full width.
    const double agree = static_cast<double>(best->second) + (counts[0] == best->first ? 1 : 0);
    return {agree / static_cast<double>(counts.size() + 1), best->first};
}

} // namespace

Dialect sniff(std::string_view sample, bool complete, const ReaderOptions& options,
              const std::string& name) {
    Dialect d;
    if (sample.size() >= 2 && ((sample[0] == '\xFF' && sample[1] == '\xFE') ||
                               (sample[0] == '\xFE' && sample[1] == '\xFF'))) {
        throw DataError(place(name, 1) +
                        msgf("the file is UTF-16 (Excel's \"Unicode text\"); save it as "
                             "\"CSV UTF-8\" and try again"));
    }
    if (const void* nul = std::memchr(sample.data(), '\0', sample.size()); nul != nullptr) {
        const auto offset = static_cast<const char*>(nul) - sample.data();
        const auto line = 1 + std::count(sample.data(), static_cast<const char*>(nul), '\n');
        throw DataError(
            place(name, line) +
            msgf("binary data (a NUL byte at byte {}); this is not a CSV export", offset + 1));
    }
    if (sample.size() >= 3 && sample.substr(0, 3) == "\xEF\xBB\xBF") {
        d.bom = true;
        sample.remove_prefix(3);
    }
    if (options.encoding) {
        d.encoding = *options.encoding;
    } else if (d.bom || is_valid_utf8(sample.data(), sample.size(), !complete)) {
        d.encoding = Encoding::Utf8;
    } else {
        d.encoding = Encoding::Windows1252;
    }

    SampleShape chosen;
    if (options.delimiter) {
        d.delimiter = *options.delimiter;
        chosen = shape_of(sample, d.delimiter, d.quote, complete);
    } else {
        Score best;
        bool found = false;
        for (char cand : k_candidate_delimiters) {
            SampleShape shape = shape_of(sample, cand, d.quote, complete);
            const Score sc = score(shape.counts);
            if (sc.fields < 2) {
                continue;
            }
            if (!found || sc.consistency > best.consistency + 1e-9 ||
                (std::abs(sc.consistency - best.consistency) <= 1e-9 && sc.fields > best.fields)) {
                best = sc;
                d.delimiter = cand;
                chosen = std::move(shape);
                found = true;
            }
        }
        if (!found) {
            d.delimiter = ',';
            chosen = shape_of(sample, ',', d.quote, complete);
        }
    }
    d.decimal_comma = d.delimiter != ',';
    return d;
}

std::optional<char> parse_delimiter(std::string_view text) {
    if (text == "tab" || text == "\\t" || text == "TAB") {
        return '\t';
    }
    if (text == "semicolon") {
        return ';';
    }
    if (text == "comma") {
        return ',';
    }
    if (text == "pipe") {
        return '|';
    }
    if (text.size() == 1 && text[0] != '"' && text[0] != '\n' && text[0] != '\r') {
        return text[0];
    }
    return std::nullopt;
}

std::string delimiter_name(char delimiter) {
    switch (delimiter) {
    case '\t':
        return "tab";
    case ',':
        return "comma";
    case ';':
        return "semicolon";
    case '|':
        return "pipe";
    default:
        return std::string(1, delimiter);
    }
}

} // namespace careerstat::io
