#include "careerstat/data/validate.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/data/coder.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace careerstat::data {

using codebook::VarType;

namespace {

bool parse_fixed(std::string_view s, std::size_t from, std::size_t n, int& out) {
    if (from + n > s.size()) {
        return false;
    }
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

bool valid_ymd(int y, int m, int d) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1] || y < 1900 || y > 2200) {
        return false;
    }
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m != 2 || d <= 28 || leap;
}

// D-M-YYYY or DD/MM/YYYY (one or two digits for day and month, as Dutch Excel and Google
// Forms write them); the length read, or 0.
std::size_t day_month_year(std::string_view s, int& d, int& m, int& y) {
    std::size_t i = 0;
    auto number = [&](int max_digits, int& out) {
        const std::size_t start = i;
        out = 0;
        while (i < s.size() && i - start < static_cast<std::size_t>(max_digits) && s[i] >= '0' &&
               s[i] <= '9') {
            out = out * 10 + (s[i++] - '0');
        }
        return i > start;
    };
    if (!number(2, d) || i >= s.size() || (s[i] != '-' && s[i] != '/')) {
        return 0;
    }
    const char sep = s[i++];
    if (!number(2, m) || i >= s.size() || s[i] != sep) {
        return 0;
    }
    ++i;
    const std::size_t year_start = i;
    if (!number(4, y) || i - year_start != 4) {
        return 0;
    }
    return i;
}

bool valid_time(std::string_view t) {
    int h = 0;
    int mi = 0;
    int s = 0;
    // H:MM or HH:MM, optionally :SS
    const std::size_t hl = t.size() > 1 && t[1] == ':' ? 1 : 2;
    if (!parse_fixed(t, 0, hl, h) || t.size() < hl + 3 || t[hl] != ':' ||
        !parse_fixed(t, hl + 1, 2, mi)) {
        return false;
    }
    const std::size_t after = hl + 3;
    if (t.size() > after &&
        (t[after] != ':' || !parse_fixed(t, after + 1, 2, s) || t.size() != after + 3)) {
        return false;
    }
    return h < 24 && mi < 60 && s < 60;
}

// FNV-1a, for duplicate ids without keeping the ids.
std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : s) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

} // namespace

std::string Problem::to_string() const { return place(file, line, column) + message; }

bool is_valid_date(std::string_view s) {
    s = util::trim(s);
    int y = 0;
    int m = 0;
    int d = 0;
    std::string_view rest;
    if (parse_fixed(s, 0, 4, y) && s.size() >= 10 && s[4] == '-' && parse_fixed(s, 5, 2, m) &&
        s[7] == '-' && parse_fixed(s, 8, 2, d)) {
        rest = s.substr(10);
    } else if (std::size_t len = day_month_year(s, d, m, y); len > 0) {
        rest = s.substr(len);
    } else {
        return false;
    }
    if (!valid_ymd(y, m, d)) {
        return false;
    }
    if (rest.empty()) {
        return true;
    }
    return (rest[0] == ' ' || rest[0] == 'T') && valid_time(rest.substr(1));
}

ValidateSummary validate(io::RecordReader& reader, const codebook::Codebook& cb,
                         const std::function<void(const Problem&)>& report) {
    ValidateSummary sum;
    auto problem = [&](long line, std::string column, std::string message) {
        ++sum.problems;
        report(Problem{reader.name(), line, std::move(column), std::move(message)});
    };
    const auto& header = reader.header();
    const long hl = reader.header_line();
    std::map<std::string, std::size_t> column_of;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c].empty()) {
            problem(hl, fmt::format("#{}", c + 1), msgf("the header has an empty column name"));
        } else if (!column_of.emplace(header[c], c).second) {
            problem(hl, header[c], msgf("the column name appears more than once in the header"));
        }
    }
    // Columns missing on either side.
    struct Check {
        std::size_t column;
        Coder coder;
        bool date;
    };
    std::vector<Check> checks;
    std::optional<std::size_t> id_column;
    for (const auto& v : cb.variables) {
        if (v.is_derived()) {
            continue; // a scale score has no column; its items are checked
        }
        auto it = column_of.find(v.name);
        if (it == column_of.end()) {
            problem(hl, v.name, cb.not_in_export(v));
            continue;
        }
        if (v.type == VarType::Id) {
            id_column = it->second;
        }
        if (v.is_categorical() || v.type == VarType::Multi || v.is_numeric() ||
            v.type == VarType::Date) {
            checks.push_back({it->second, Coder(v, reader.dialect().decimal_comma),
                              v.type == VarType::Date});
        }
    }
    for (const auto& [name, c] : column_of) {
        if (cb.find(name) == nullptr) {
            problem(hl, name, msgf("is in the export but not in the codebook {}", cb.source));
        }
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> ids; // hash, line
    while (reader.next()) {
        ++sum.rows;
        const auto fields = reader.fields();
        const long line = reader.line();
        if (fields.size() != header.size()) {
            problem(line, {}, reader.width_message());
            continue;
        }
        for (const Check& ch : checks) {
            const std::string_view cell = fields[ch.column];
            const std::string& name = header[ch.column];
            if (ch.date) {
                const Coded c = ch.coder.code(cell);
                if (c.kind == Coded::Kind::Valid && !is_valid_date(cell)) {
                    problem(line, name,
                            msgf("\"{}\" is not a date (YYYY-MM-DD, DD-MM-YYYY or "
                                 "DD/MM/YYYY, optionally with HH:MM[:SS])",
                                 util::trim(cell)));
                }
                continue;
            }
            if (ch.coder.code(cell).kind == Coded::Kind::Invalid) {
                problem(line, name, ch.coder.explain_invalid(cell));
            }
        }
        if (id_column) {
            const std::string_view id = util::trim(fields[*id_column]);
            if (id.empty()) {
                problem(line, header[*id_column], msgf("the respondent id is empty"));
            } else {
                ids.emplace_back(hash(id), static_cast<std::uint32_t>(line));
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    std::vector<std::pair<long, long>> duplicates; // line, first line
    for (std::size_t i = 1; i < ids.size(); ++i) {
        std::size_t first = i - 1;
        while (first > 0 && ids[first - 1].first == ids[i].first) {
            --first;
        }
        if (ids[i].first == ids[i - 1].first) {
            duplicates.emplace_back(ids[i].second, ids[first].second);
        }
    }
    std::sort(duplicates.begin(), duplicates.end());
    for (const auto& [line, first] : duplicates) {
        problem(line, header[*id_column],
                msgf("duplicate respondent id: the same id is on line {}", first));
    }
    return sum;
}

} // namespace careerstat::data
