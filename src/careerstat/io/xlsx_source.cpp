#include "careerstat/io/xlsx_source.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/sav_source.hpp"
#include "careerstat/io/xlsx_entry.hpp"
#include "careerstat/util/text.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <condition_variable>
#include <cmath>
#include <cstdint>
#include <deque>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace careerstat::io {

namespace {

using xlsx_detail::attribute;
using xlsx_detail::local;
using xlsx_detail::XmlEntry;

// xl/workbook.xml: the sheets in order, and the date system.
class WorkbookXml final : public XmlEntry {
  public:
    using XmlEntry::XmlEntry;
    struct Sheet {
        std::string name;
        std::string rel;
    };
    std::vector<Sheet> sheets;
    bool date1904 = false;

  private:
    void start(std::string_view name, const char** attrs) override {
        if (name == "sheet") {
            const char* n = attribute(attrs, "name");
            const char* id = attribute(attrs, "id");
            sheets.push_back({n ? n : "", id ? id : ""});
        } else if (name == "workbookPr") {
            const char* d = attribute(attrs, "date1904");
            date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
        }
    }
    void end(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: relationship id -> part.
class RelsXml final : public XmlEntry {
  public:
    using XmlEntry::XmlEntry;
    std::map<std::string, std::string> target;

  private:
    void start(std::string_view name, const char** attrs) override {
        if (name == "Relationship") {
            const char* id = attribute(attrs, "Id");
            const char* t = attribute(attrs, "Target");
            if (id && t) {
                target[id] = t;
            }
        }
    }
    void end(std::string_view) override {}
};

enum class DateKind : std::uint8_t { None, Date, DateTime, Time };

// A number format's code as a date, date-time or time format, or none: its letters
// outside quoted text, [..] sections (but [h], [m], [s] elapsed times) and escapes.
DateKind date_kind_of_code(std::string_view code) {
    bool date = false;
    bool time = false;
    bool month_or_minute = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const std::size_t close = code.find('"', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i; // an escaped or padding character
        } else if (c == '[') {
            const std::size_t close = code.find(']', i + 1);
            const std::string_view inside =
                code.substr(i + 1, (close == std::string_view::npos ? code.size() : close) - i - 1);
            if (!inside.empty() && std::all_of(inside.begin(), inside.end(), [](char x) {
                    return x == 'h' || x == 'H' || x == 'm' || x == 'M' || x == 's' || x == 'S';
                })) {
                time = true;
            }
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == ';') {
            break; // the first section says what the number is
        } else {
            switch (c | 0x20) {
            case 'y':
            case 'd':
                date = true;
                break;
            case 'h':
            case 's':
                time = true;
                break;
            case 'm':
                month_or_minute = true;
                break;
            case 'e':
                if (i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) {
                    return DateKind::None; // scientific: 0.00E+00
                }
                break;
            default:
                break;
            }
        }
    }
    if (month_or_minute && !time) {
        date = true; // "mmm yyyy": months
    }
    if (date && time) {
        return DateKind::DateTime;
    }
    return date ? DateKind::Date : time ? DateKind::Time : DateKind::None;
}

// Excel's built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30):
// 14-17 dates, 18-21 and 45-47 times, 22 a date-time; 27-36 and 50-58 East Asian dates.
DateKind builtin_date_kind(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
        return DateKind::Date;
    }
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) {
        return DateKind::Time;
    }
    return id == 22 ? DateKind::DateTime : DateKind::None;
}

// xl/styles.xml: for each cell style (cellXfs), whether its number format is a date.
class StylesXml final : public XmlEntry {
  public:
    using XmlEntry::XmlEntry;
    std::vector<DateKind> style_kind;

    void finish() {
        for (int id : m_xf_format) {
            auto it = m_custom.find(id);
            style_kind.push_back(it != m_custom.end() ? it->second : builtin_date_kind(id));
        }
    }

  private:
    void start(std::string_view name, const char** attrs) override {
        if (name == "numFmt") {
            const char* id = attribute(attrs, "numFmtId");
            const char* code = attribute(attrs, "formatCode");
            if (id && code) {
                m_custom[std::atoi(id)] = date_kind_of_code(code);
            }
        } else if (name == "cellXfs") {
            m_in_cell_xfs = true;
        } else if (name == "xf" && m_in_cell_xfs) {
            const char* id = attribute(attrs, "numFmtId");
            m_xf_format.push_back(id ? std::atoi(id) : 0);
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") {
            m_in_cell_xfs = false;
        }
    }
    std::map<int, DateKind> m_custom;
    std::vector<int> m_xf_format;
    bool m_in_cell_xfs = false;
};

// xl/sharedStrings.xml: every shared string, rich text runs joined, phonetic runs left out.
class SharedStringsXml final : public XmlEntry {
  public:
    using XmlEntry::XmlEntry;
    std::vector<std::string> strings;

  private:
    void start(std::string_view name, const char**) override {
        if (name == "si") {
            m_current.clear();
        } else if (name == "t") {
            m_in_t = true;
        } else if (name == "rPh") {
            ++m_phonetic;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(std::move(m_current));
            m_current = std::string{};
        } else if (name == "t") {
            m_in_t = false;
        } else if (name == "rPh") {
            --m_phonetic;
        }
    }
    void text(std::string_view s) override {
        if (m_in_t && m_phonetic == 0) {
            m_current.append(s);
        }
    }
    std::string m_current;
    bool m_in_t = false;
    int m_phonetic = 0;
};

constexpr std::size_t k_max_columns = 16384; // Excel's XFD
constexpr long k_max_rows = 1048576;

// "C7" -> column 2 (0-based); nullopt when it is not a cell reference.
std::optional<std::size_t> column_of(std::string_view ref) {
    std::size_t col = 0;
    std::size_t i = 0;
    for (; i < ref.size(); ++i) {
        const char c = ref[i];
        if (c >= 'A' && c <= 'Z') {
            col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
        } else if (c >= 'a' && c <= 'z') {
            col = col * 26 + static_cast<std::size_t>(c - 'a' + 1);
        } else {
            break;
        }
        if (col > k_max_columns) {
            return std::nullopt;
        }
    }
    if (i == 0) {
        return std::nullopt;
    }
    return col - 1;
}

// An Excel serial date as ISO text (1900 or 1904 system; docs/formats.md).
std::string serial_date(double serial, DateKind kind, bool date1904) {
    using F = DictionaryVariable::Form;
    const F form = kind == DateKind::Date ? F::Date : kind == DateKind::Time ? F::Time : F::DateTime;
    if (kind == DateKind::Time) {
        const double frac = serial - std::floor(serial);
        return format_seconds_as_date(frac * 86400, F::Time);
    }
    double unix_days = 0;
    if (date1904) {
        unix_days = serial - 24107; // 1970-01-01 is day 24107 of the 1904 system
    } else if (serial >= 61) {
        unix_days = serial - 25569; // 1970-01-01 is day 25569 of the 1900 system
    } else if (serial >= 60) {
        // Excel's day 60 is 29 February 1900, a day that never was (kept from Lotus 1-2-3).
        return kind == DateKind::Date ? "1900-02-29" : "1900-02-29 " + format_seconds_as_date((serial - 60) * 86400, F::Time);
    } else {
        unix_days = serial - 25568; // before it, day 1 is 1900-01-01
    }
    return format_seconds_as_date(unix_days * 86400, form);
}

// A number cell's <v> as the CSV export of the sheet shows a General number, appended to `out`.
void append_number_text(std::string& out, std::string_view v) {
    const bool plain_integer = !v.empty() && v.size() <= 15 &&
                               std::all_of(v.begin() + (v[0] == '-' ? 1 : 0), v.end(),
                                           [](char c) { return c >= '0' && c <= '9'; }) &&
                               v != "-";
    if (plain_integer) {
        out.append(v);
        return;
    }
    double x = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), x);
    if (r.ec != std::errc{} || r.ptr != v.data() + v.size() || !std::isfinite(x)) {
        out.append(v);
        return;
    }
    std::array<char, 400> buf{};
    out.append(format_cell_number(x, buf));
}

// `a` is the literal `lit`: compared inline, where string_view's == calls memcmp (11% of
// reading a million-row sheet).
template <std::size_t N>
bool is(std::string_view a, const char (&lit)[N]) {
    if (a.size() != N - 1) {
        return false;
    }
    for (std::size_t i = 0; i + 1 < N; ++i) {
        if (a[i] != lit[i]) {
            return false;
        }
    }
    return true;
}

// The sheet: rows of cells, parsed a chunk at a time.
class SheetXml final : public XmlEntry {
  public:
    SheetXml(zip_t* archive, std::string path, std::string entry,
             const std::vector<std::string>& strings, const std::vector<DateKind>& styles,
             bool date1904)
        : XmlEntry(archive, std::move(path), std::move(entry)), m_strings(strings),
          m_styles(styles), m_date1904(date1904) {}

    // A cell of a row: a shared string (the workbook's table outlives the rows), or bytes
    // of the row's own text. No string is allocated per cell.
    struct CellText {
        const std::string* shared = nullptr;
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        bool empty() const { return shared ? shared->empty() : begin == end; }
    };
    struct Row {
        long number = 0;
        std::vector<CellText> cells;
        std::string text;
        std::string_view cell(std::size_t k) const {
            const CellText& c = cells[k];
            return c.shared ? std::string_view(*c.shared)
                            : std::string_view(text.data() + c.begin, c.end - c.begin);
        }
    };
    std::deque<Row> rows; // finished rows not yet read
    // A row read, handed back so that its buffers are filled again.
    void recycle(Row&& row) {
        if (m_free.size() < 8) {
            m_free.push_back(std::move(row));
        }
    }

  private:
    void start(std::string_view name, const char** attrs) override {
        if (is(name, "row")) {
            const char* r = attribute(attrs, "r");
            long n = m_last_row + 1;
            if (r) {
                const std::string_view rs(r);
                long parsed = 0;
                const auto res = std::from_chars(rs.data(), rs.data() + rs.size(), parsed);
                if (res.ec == std::errc{} && parsed > m_last_row && parsed <= k_max_rows) {
                    n = parsed;
                } else {
                    fail(m_last_row + 1, msgf("row number \"{}\" is not after row {}", rs, m_last_row));
                    return;
                }
            }
            m_row.number = n;
            m_row.cells.clear();
            m_row.text.clear();
            m_last_row = n;
            m_next_column = 0;
            m_in_row = true;
        } else if (is(name, "c") && m_in_row) {
            m_type = 'n';
            m_style = 0;
            m_value.clear();
            m_column = m_next_column;
            for (const char** a = attrs; a && *a; a += 2) {
                const std::string_view key = local(a[0]);
                if (is(key, "r")) {
                    const auto col = column_of(a[1]);
                    if (!col) {
                        fail(m_row.number, msgf("cell reference \"{}\" is not a column of "
                                                       "Excel's (A to XFD)",
                                                       a[1]));
                        return;
                    }
                    m_column = *col;
                } else if (is(key, "t")) {
                    // s, b, e, n, d, str, inlineStr: one letter tells them apart.
                    const std::string_view t(a[1]);
                    m_type = t == "str" ? 'f' : t == "inlineStr" ? 'i' : t.empty() ? 'n' : t[0];
                } else if (is(key, "s")) {
                    m_style = static_cast<std::size_t>(std::strtoul(a[1], nullptr, 10));
                }
            }
            m_in_cell = true;
        } else if (m_in_cell && (is(name, "v") || (is(name, "t") && m_type == 'i'))) {
            m_in_value = true;
        } else if (m_in_cell && is(name, "rPh")) {
            ++m_phonetic;
        }
    }

    void end(std::string_view name) override {
        if (is(name, "v") || is(name, "t")) {
            m_in_value = false;
        } else if (is(name, "rPh")) {
            --m_phonetic;
        } else if (is(name, "c") && m_in_cell) {
            m_in_cell = false;
            finish_cell();
        } else if (is(name, "row") && m_in_row) {
            m_in_row = false;
            while (!m_row.cells.empty() && m_row.cells.back().empty()) {
                m_row.cells.pop_back();
            }
            rows.push_back(std::move(m_row));
            if (!m_free.empty()) {
                m_row = std::move(m_free.back());
                m_free.pop_back();
            } else {
                m_row = Row{};
            }
        }
    }

    void text(std::string_view s) override {
        if (m_in_value && m_phonetic == 0) {
            m_value.append(s);
        }
    }

    void finish_cell() {
        m_next_column = m_column + 1;
        CellText cell;
        std::string& text = m_row.text;
        cell.begin = cell.end = static_cast<std::uint32_t>(text.size());
        if (m_type == 's') {
            std::size_t i = 0;
            const auto r = std::from_chars(m_value.data(), m_value.data() + m_value.size(), i);
            if (r.ec != std::errc{} || i >= m_strings.size()) {
                fail(m_row.number, msgf("a cell refers to shared string {} of {}", m_value,
                                               m_strings.size()));
                return;
            }
            cell.shared = &m_strings[i];
        } else if (m_type == 'b') {
            text += m_value == "1" || m_value == "true" ? "TRUE" : m_value.empty() ? "" : "FALSE";
        } else if (m_type == 'i' || m_type == 'f' || m_type == 'e' || m_type == 'd') {
            text += m_value;
        } else if (!m_value.empty()) {
            const DateKind kind = m_style < m_styles.size() ? m_styles[m_style] : DateKind::None;
            double x = 0;
            const auto r = std::from_chars(m_value.data(), m_value.data() + m_value.size(), x);
            if (kind != DateKind::None && r.ec == std::errc{} && std::isfinite(x) && x >= 0 &&
                x < 2958466) { // 9999-12-31
                text += serial_date(x, kind, m_date1904);
            } else {
                append_number_text(text, m_value);
            }
        }
        if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
            fail(m_row.number, "a row holds more than 4 GiB of text");
            return;
        }
        cell.end = static_cast<std::uint32_t>(text.size());
        if (cell.empty()) {
            return;
        }
        if (m_column >= k_max_columns) {
            fail(m_row.number, "a row has more columns than Excel's 16,384");
            return;
        }
        if (m_row.cells.size() <= m_column) {
            m_row.cells.resize(m_column + 1);
        }
        m_row.cells[m_column] = cell;
    }

    const std::vector<std::string>& m_strings;
    const std::vector<DateKind>& m_styles;
    bool m_date1904;
    Row m_row;
    long m_last_row = 0;
    bool m_in_row = false;
    bool m_in_cell = false;
    bool m_in_value = false;
    int m_phonetic = 0;
    char m_type = 'n'; // n number, s shared, i inline, f formula string, b, e, d
    std::size_t m_style = 0;
    std::size_t m_column = 0;
    std::size_t m_next_column = 0;
    std::string m_value;
    std::vector<Row> m_free; // rows read, to be filled again
};

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

bool has_entry(zip_t* z, const std::string& name) { return zip_name_locate(z, name.c_str(), 0) >= 0; }

class WorkbookSource final : public RecordSource {
  public:
    WorkbookSource(const std::string& path, const std::string& sheet, XmlEngine engine)
        : m_path(path) {
        int err = 0;
        m_zip.reset(zip_open(path.c_str(), ZIP_RDONLY, &err));
        if (!m_zip) {
            zip_error_t e;
            zip_error_init_with_code(&e, err);
            const std::string why = zip_error_strerror(&e);
            zip_error_fini(&e);
            throw DataError(place(path, 1) + msgf("not an Excel .xlsx workbook ({})", why));
        }
        if (!has_entry(m_zip.get(), "xl/workbook.xml")) {
            throw DataError(place(path, 1) +
                            msgf("not an Excel .xlsx workbook (no xl/workbook.xml)"));
        }
        WorkbookXml workbook(m_zip.get(), path, "xl/workbook.xml");
        workbook.parse_all();
        if (workbook.sheets.empty()) {
            throw DataError(place(path, 1) + msgf("the workbook has no sheets"));
        }
        const WorkbookXml::Sheet* chosen = &workbook.sheets.front();
        if (!sheet.empty()) {
            chosen = nullptr;
            for (const auto& s : workbook.sheets) {
                if (s.name == sheet) {
                    chosen = &s;
                }
            }
            for (const auto& s : workbook.sheets) {
                if (!chosen && util::iequals(s.name, sheet)) {
                    chosen = &s;
                }
            }
            if (!chosen) {
                std::string names;
                for (const auto& s : workbook.sheets) {
                    names += (names.empty() ? "" : ", ") + s.name;
                }
                throw UsageError(
                    msgf("{}: no sheet \"{}\"; the workbook has: {}", path, sheet, names));
            }
        }
        m_sheet_name = chosen->name;
        std::string part = "xl/worksheets/sheet1.xml";
        if (has_entry(m_zip.get(), "xl/_rels/workbook.xml.rels")) {
            RelsXml rels(m_zip.get(), path, "xl/_rels/workbook.xml.rels");
            rels.parse_all();
            if (auto it = rels.target.find(chosen->rel); it != rels.target.end()) {
                part = it->second.starts_with("/") ? it->second.substr(1) : "xl/" + it->second;
            }
        }
        if (has_entry(m_zip.get(), "xl/sharedStrings.xml")) {
            SharedStringsXml strings(m_zip.get(), path, "xl/sharedStrings.xml");
            strings.parse_all();
            m_strings = std::move(strings.strings);
        }
        if (has_entry(m_zip.get(), "xl/styles.xml")) {
            StylesXml styles(m_zip.get(), path, "xl/styles.xml");
            styles.parse_all();
            styles.finish();
            m_styles = std::move(styles.style_kind);
        }
        if (!has_entry(m_zip.get(), part)) {
            throw DataError(place(path, 1) +
                            msgf("sheet \"{}\" is not in the workbook ({})", m_sheet_name, part));
        }
        m_sheet = std::make_unique<SheetXml>(m_zip.get(), path, part, m_strings, m_styles,
                                             workbook.date1904);
        m_sheet->use_fast_scanner(engine == XmlEngine::Fast);
        m_sheet->inflate_ahead();
    }

    std::string describe() const override {
        return fmt::format("Excel .xlsx, sheet \"{}\"", m_sheet_name);
    }

    bool next(std::vector<std::string_view>& fields, long& line) override {
        while (m_sheet->rows.empty()) {
            if (!m_sheet->feed() && m_sheet->rows.empty()) {
                fields.clear();
                return false;
            }
        }
        m_sheet->recycle(std::move(m_current));
        m_current = std::move(m_sheet->rows.front());
        m_sheet->rows.pop_front();
        if (!m_header_read) {
            m_header_read = true;
            m_width = m_current.cells.size();
        }
        // As wide as the header, or wider when the row has cells beyond it (a width error
        // then, as for a CSV record).
        const std::size_t width = std::max(m_width, m_current.cells.size());
        fields.resize(width);
        for (std::size_t k = 0; k < width; ++k) {
            // An empty cell is a view of "" (a default view's null pointer would reach
            // memcpy and memcmp, which must not get one).
            fields[k] = k < m_current.cells.size() ? m_current.cell(k) : std::string_view("");
        }
        line = m_current.number;
        return true;
    }

  private:
    std::string m_path;
    std::unique_ptr<zip_t, ZipCloser> m_zip;
    std::string m_sheet_name;
    std::vector<std::string> m_strings;
    std::vector<DateKind> m_styles;
    std::unique_ptr<SheetXml> m_sheet;
    SheetXml::Row m_current;
    bool m_header_read = false;
    std::size_t m_width = 0;
};

} // namespace

std::unique_ptr<RecordSource> open_workbook(const std::string& path, const std::string& sheet,
                                            XmlEngine engine) {
    return std::make_unique<WorkbookSource>(path, sheet, engine);
}

} // namespace careerstat::io
