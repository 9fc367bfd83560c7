#include "careerstat/io/sav_records.hpp"
#include "careerstat/messages.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

namespace careerstat::io {

namespace {

// The dictionary's records, read with each length checked: a record that runs past the
// file, or a count no real file has, ends the reading with a note.
class Records {
  public:
    explicit Records(std::istream& in) : m_in(in) {}

    bool bytes(void* out, std::size_t n) {
        m_in.read(static_cast<char*>(out), static_cast<std::streamsize>(n));
        m_offset += static_cast<std::uint64_t>(m_in.gcount());
        return static_cast<std::size_t>(m_in.gcount()) == n;
    }
    std::uint64_t offset() const { return m_offset; }
    bool skip(std::uint64_t n) {
        // Skipped by reading, so a length past the end is seen as one (and stdin-like streams work).
        std::array<char, 4096> buf{};
        while (n > 0) {
            const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(n, buf.size()));
            if (!bytes(buf.data(), k)) {
                return false;
            }
            n -= k;
        }
        return true;
    }
    bool int32(std::int32_t& v) {
        std::array<unsigned char, 4> b{};
        if (!bytes(b.data(), 4)) {
            return false;
        }
        if (m_swap) {
            std::reverse(b.begin(), b.end());
        }
        std::memcpy(&v, b.data(), 4);
        return true;
    }
    void set_swap(bool swap) { m_swap = swap; }

  private:
    std::istream& m_in;
    bool m_swap = false;
    std::uint64_t m_offset = 0;
};

constexpr std::int32_t k_max_count = 1 << 24; // more than any real dictionary holds

std::string_view take_token(std::string_view& s) { // up to the next space
    const std::size_t sp = s.find(' ');
    const std::string_view t = s.substr(0, sp);
    s.remove_prefix(sp == std::string_view::npos ? s.size() : sp + 1);
    return t;
}

// "<n> <n bytes>": a counted string of the MR set record.
bool take_counted(std::string_view& s, std::string& out) {
    const std::string_view digits = take_token(s);
    if (digits.empty() || digits.size() > 6 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    const std::size_t n = std::stoul(std::string(digits));
    if (n > s.size()) {
        return false;
    }
    out.assign(s.substr(0, n));
    s.remove_prefix(n);
    return true;
}

} // namespace

void parse_mr_sets(std::string_view text, SavRecords& out) {
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        if (line.empty()) {
            continue;
        }
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos || eq < 2 || line[0] != '$' || eq + 1 >= line.size() ||
            line.substr(0, eq).find(' ') != std::string_view::npos) {
            out.notes.push_back(msgf("a multiple response set record could not be read "
                                     "(\"{}\")",
                                     line.substr(0, 40)));
            continue;
        }
        DictionarySet set;
        set.name = std::string(line.substr(1, eq - 1));
        const char kind = line[eq + 1];
        std::string_view rest = line.substr(eq + 2);
        bool ok = true;
        if (kind == 'C') {
            set.dichotomy = false;
            ok = rest.starts_with(' ');
            rest.remove_prefix(ok ? 1 : 0);
        } else if (kind == 'D') {
            // "D<n> <value>": the count follows the D without a space.
        } else if (kind == 'E') {
            ok = rest.starts_with(' ');
            rest.remove_prefix(ok ? 1 : 0);
            const std::string_view source = take_token(rest); // 1, or 11: LABELSOURCE=VARLABEL
            ok = ok && (source == "1" || source == "11");
        } else {
            ok = false;
        }
        if (ok && set.dichotomy) {
            std::string counted;
            ok = take_counted(rest, counted);
            // Older SPSS pads the value to 8 bytes.
            while (!counted.empty() && counted.back() == ' ') {
                counted.pop_back();
            }
            set.counted = counted;
            ok = ok && rest.starts_with(' ');
            rest.remove_prefix(ok ? 1 : 0);
        }
        ok = ok && take_counted(rest, set.label);
        if (ok) {
            ok = rest.starts_with(' ');
            rest.remove_prefix(ok ? 1 : 0);
        }
        if (!ok) {
            out.notes.push_back(msgf("multiple response set ${} could not be read; its "
                                     "variables are read as separate variables",
                                     set.name));
            continue;
        }
        while (!rest.empty()) {
            const std::string_view v = take_token(rest);
            if (!v.empty()) {
                set.variables.emplace_back(v);
            }
        }
        out.sets.push_back(std::move(set));
    }
}

SavRecords read_sav_records(std::istream& in) {
    SavRecords out;
    Records r(in);
    auto broken = [&](const char* what) {
        out.notes.push_back(msgf("the file's dictionary could not be read past {}; its "
                                 "multiple response sets, if any, are not used",
                                 what));
        return out;
    };
    std::array<char, 176> header{};
    if (!r.bytes(header.data(), header.size())) {
        return broken("its header");
    }
    std::int32_t layout = 0;
    std::memcpy(&layout, header.data() + 64, 4);
    const bool swap = layout != 2 && layout != 3;
    {
        // compression at byte 72, bias at 84 (PSPP's format appendix, "File Header Record")
        std::array<unsigned char, 4> c{};
        std::memcpy(c.data(), header.data() + 72, 4);
        std::array<unsigned char, 8> b{};
        std::memcpy(b.data(), header.data() + 84, 8);
        if (swap) {
            std::reverse(c.begin(), c.end());
            std::reverse(b.begin(), b.end());
        }
        std::memcpy(&out.compression, c.data(), 4);
        std::memcpy(&out.bias, b.data(), 8);
        out.swap = swap;
    }
    if (layout != 2 && layout != 3) {
        r.set_swap(true);
        const std::int32_t swapped = static_cast<std::int32_t>(
            ((static_cast<std::uint32_t>(layout) & 0xffu) << 24) |
            ((static_cast<std::uint32_t>(layout) & 0xff00u) << 8) |
            ((static_cast<std::uint32_t>(layout) >> 8) & 0xff00u) |
            (static_cast<std::uint32_t>(layout) >> 24));
        if (swapped != 2 && swapped != 3) {
            return broken("its header");
        }
    }
    std::vector<std::string> short_names;
    for (int records = 0; records < k_max_count; ++records) {
        std::int32_t type = 0;
        if (!r.int32(type)) {
            return broken("a record's type");
        }
        if (type == 999) {
            std::int32_t filler = 0;
            if (r.int32(filler)) {
                out.data_offset = r.offset();
                out.complete = true;
            }
            return out;
        }
        if (type == 2) { // a variable
            std::int32_t f[6] = {}; // type, has_label, n_missing, print, write (name follows)
            if (!r.int32(f[0]) || !r.int32(f[1]) || !r.int32(f[2]) || !r.int32(f[3]) ||
                !r.int32(f[4])) {
                return broken("a variable record");
            }
            std::array<char, 8> name{};
            if (!r.bytes(name.data(), 8)) {
                return broken("a variable record");
            }
            out.elements.push_back(f[0]);
            if (f[0] != -1) { // not the continuation of a long string
                std::string n(name.data(), 8);
                while (!n.empty() && (n.back() == ' ' || n.back() == '\0')) {
                    n.pop_back();
                }
                short_names.push_back(std::move(n));
            }
            if (f[1] == 1) {
                std::int32_t len = 0;
                if (!r.int32(len) || len < 0 || len > 65535 ||
                    !r.skip((static_cast<std::uint64_t>(len) + 3) / 4 * 4)) {
                    return broken("a variable label");
                }
            }
            // -3..3 values (negative: a range and maybe one value); checked before negating.
            if (f[2] < -3 || f[2] > 3) {
                return broken("a variable's missing values");
            }
            const std::int32_t n_missing = f[2] < 0 ? -f[2] : f[2];
            if (!r.skip(static_cast<std::uint64_t>(n_missing) * 8)) {
                return broken("a variable's missing values");
            }
        } else if (type == 3) { // value labels, then the type-4 record of their variables
            std::int32_t count = 0;
            if (!r.int32(count) || count < 0 || count > k_max_count) {
                return broken("a value label record");
            }
            for (std::int32_t i = 0; i < count; ++i) {
                std::array<unsigned char, 9> v{}; // the value and the label's length
                if (!r.bytes(v.data(), 9)) {
                    return broken("a value label");
                }
                const std::uint64_t padded = (std::uint64_t{v[8]} + 1 + 7) / 8 * 8 - 1;
                if (!r.skip(padded)) {
                    return broken("a value label");
                }
            }
            std::int32_t type4 = 0;
            std::int32_t vars = 0;
            if (!r.int32(type4) || type4 != 4 || !r.int32(vars) || vars < 0 ||
                vars > k_max_count || !r.skip(static_cast<std::uint64_t>(vars) * 4)) {
                return broken("a value label record");
            }
        } else if (type == 6) { // documents
            std::int32_t lines = 0;
            if (!r.int32(lines) || lines < 0 || lines > k_max_count ||
                !r.skip(static_cast<std::uint64_t>(lines) * 80)) {
                return broken("the documents");
            }
        } else if (type == 7) { // extension records
            std::int32_t subtype = 0;
            std::int32_t size = 0;
            std::int32_t count = 0;
            if (!r.int32(subtype) || !r.int32(size) || !r.int32(count) || size < 0 ||
                count < 0 || static_cast<std::uint64_t>(size) * static_cast<std::uint64_t>(count) >
                                 (std::uint64_t{1} << 30)) {
                return broken("an extension record");
            }
            const std::uint64_t n = static_cast<std::uint64_t>(size) * static_cast<std::uint64_t>(count);
            if (subtype == 3 && size == 4 && count == 8) { // machine integer info
                std::array<std::int32_t, 8> info{};
                for (std::int32_t& x : info) {
                    if (!r.int32(x)) {
                        return broken("an extension record");
                    }
                }
                // Its character code: 65001 is UTF-8, 20127 ASCII (which UTF-8 contains).
                if (out.encoding.empty() && (info[7] == 65001 || info[7] == 20127)) {
                    out.encoding = "UTF-8";
                }
            } else if (subtype == 7 || subtype == 19 || subtype == 13 || subtype == 14 ||
                       subtype == 20) {
                std::string text(static_cast<std::size_t>(n), '\0');
                if (!r.bytes(text.data(), text.size())) {
                    return broken("an extension record");
                }
                if (subtype == 14) {
                    out.very_long_strings = !text.empty();
                } else if (subtype == 20) {
                    out.encoding = text;
                } else if (subtype == 13) { // SHORT=Long pairs, tab-separated
                    std::size_t at = 0;
                    while (at < text.size()) {
                        std::size_t end = text.find('\t', at);
                        end = end == std::string::npos ? text.size() : end;
                        const std::string pair = text.substr(at, end - at);
                        at = end + 1;
                        const std::size_t eq = pair.find('=');
                        if (eq != std::string::npos && eq > 0) {
                            out.long_names.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
                        }
                    }
                } else {
                    parse_mr_sets(text, out);
                }
            } else if (!r.skip(n)) {
                return broken("an extension record");
            }
        } else {
            return broken(msgf("a record of unknown type {}", type).c_str());
        }
    }
    return broken("too many records");
}

SavRecords read_sav_records(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return read_sav_records(in);
}

} // namespace careerstat::io
