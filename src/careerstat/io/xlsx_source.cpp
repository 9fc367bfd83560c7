#include "careerstat/io/xlsx_source.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/sav_source.hpp"
#include "careerstat/util/text.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace careerstat::io {

namespace {

// The element or attribute name without its namespace prefix ("x:c" -> "c", "r:id" -> "id").
std::string_view local(const char* name) {
    std::string_view n(name);
    const std::size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attrs, std::string_view name) {
    for (const char** a = attrs; a && *a; a += 2) {
        if (local(a[0]) == name) {
            return a[1];
        }
    }
    return nullptr;
}

// One entry of the zip, fed to expat in chunks: memory is one chunk, whatever its size.
class XmlEntry {
  public:
    XmlEntry(zip_t* archive, std::string path, std::string entry)
        : m_path(std::move(path)), m_entry(std::move(entry)) {
        m_file = zip_fopen(archive, m_entry.c_str(), 0);
        if (!m_file) {
            throw DataError(place(m_path, 1) + fmt::format("the workbook has no readable {} ({})",
                                                           m_entry, zip_strerror(archive)));
        }
        m_parser = XML_ParserCreate("UTF-8");
        XML_SetUserData(m_parser, this);
        XML_SetElementHandler(m_parser, &XmlEntry::on_start, &XmlEntry::on_end);
        XML_SetCharacterDataHandler(m_parser, &XmlEntry::on_text);
    }
    virtual ~XmlEntry() {
        XML_ParserFree(m_parser);
        zip_fclose(m_file);
    }
    XmlEntry(const XmlEntry&) = delete;
    XmlEntry& operator=(const XmlEntry&) = delete;

    // Parses the next chunk; false at the end of the entry.
    bool feed() {
        if (m_done) {
            return false;
        }
        const zip_int64_t got = zip_fread(m_file, m_chunk.data(), m_chunk.size());
        if (got < 0) {
            throw DataError(place(m_path, 1) + fmt::format("{} cannot be read from the workbook ({})",
                                                           m_entry, zip_file_strerror(m_file)));
        }
        m_done = got == 0;
        const XML_Status status =
            XML_Parse(m_parser, m_chunk.data(), static_cast<int>(got), m_done ? 1 : 0);
        if (!m_error.empty()) {
            throw DataError(place(m_path, m_error_line) + m_error);
        }
        if (status == XML_STATUS_ERROR) {
            throw DataError(place(m_path, 1) +
                            fmt::format("{} is not well-formed XML at its line {}: {}", m_entry,
                                        XML_GetCurrentLineNumber(m_parser),
                                        XML_ErrorString(XML_GetErrorCode(m_parser))));
        }
        return !m_done;
    }
    void parse_all() {
        while (feed()) {
        }
    }

  protected:
    virtual void start(std::string_view name, const char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    // A problem found in a handler, thrown after the chunk (never through expat).
    void fail(long line, std::string message) {
        if (m_error.empty()) {
            m_error = std::move(message);
            m_error_line = line;
            XML_StopParser(m_parser, XML_FALSE);
        }
    }
    const std::string& path() const { return m_path; }

  private:
    static void on_start(void* self, const char* name, const char** attrs) {
        static_cast<XmlEntry*>(self)->start(local(name), attrs);
    }
    static void on_end(void* self, const char* name) { static_cast<XmlEntry*>(self)->end(local(name)); }
    static void on_text(void* self, const char* s, int len) {
        static_cast<XmlEntry*>(self)->text(std::string_view(s, static_cast<std::size_t>(len)));
    }

    std::string m_path;
    std::string m_entry;
    zip_file_t* m_file = nullptr;
    XML_Parser m_parser = nullptr;
    std::array<char, 64 * 1024> m_chunk{};
    bool m_done = false;
    std::string m_error;
    long m_error_line = 1;
};

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

// A number cell's <v> as the CSV export of the sheet shows a General number.
std::string number_text(std::string_view v) {
    const bool plain_integer = !v.empty() && v.size() <= 15 &&
                               std::all_of(v.begin() + (v[0] == '-' ? 1 : 0), v.end(),
                                           [](char c) { return c >= '0' && c <= '9'; }) &&
                               v != "-";
    if (plain_integer) {
        return std::string(v);
    }
    double x = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), x);
    if (r.ec != std::errc{} || r.ptr != v.data() + v.size() || !std::isfinite(x)) {
        return std::string(v);
    }
    return format_cell_number(x);
}

// The sheet: rows of cells, parsed a chunk at a time.
class SheetXml final : public XmlEntry {
  public:
    SheetXml(zip_t* archive, std::string path, std::string entry,
             const std::vector<std::string>& strings, const std::vector<DateKind>& styles,
             bool date1904)
        : XmlEntry(archive, std::move(path), std::move(entry)), m_strings(strings),
          m_styles(styles), m_date1904(date1904) {}

    struct Row {
        long number = 0;
        std::vector<std::string> cells;
    };
    std::deque<Row> rows; // finished rows not yet read

  private:
    void start(std::string_view name, const char** attrs) override {
        if (name == "row") {
            const char* r = attribute(attrs, "r");
            long n = m_last_row + 1;
            if (r) {
                const std::string_view rs(r);
                long parsed = 0;
                const auto res = std::from_chars(rs.data(), rs.data() + rs.size(), parsed);
                if (res.ec == std::errc{} && parsed > m_last_row && parsed <= k_max_rows) {
                    n = parsed;
                } else {
                    fail(m_last_row + 1, fmt::format("row number \"{}\" is not after row {}", rs, m_last_row));
                    return;
                }
            }
            m_row = Row{n, {}};
            m_last_row = n;
            m_next_column = 0;
            m_in_row = true;
        } else if (name == "c" && m_in_row) {
            m_type = "n";
            m_style = 0;
            m_value.clear();
            m_column = m_next_column;
            for (const char** a = attrs; a && *a; a += 2) {
                const std::string_view key = local(a[0]);
                if (key == "r") {
                    const auto col = column_of(a[1]);
                    if (!col) {
                        fail(m_row.number, fmt::format("cell reference \"{}\" is not a column of "
                                                       "Excel's (A to XFD)",
                                                       a[1]));
                        return;
                    }
                    m_column = *col;
                } else if (key == "t") {
                    m_type = a[1];
                } else if (key == "s") {
                    m_style = static_cast<std::size_t>(std::strtoul(a[1], nullptr, 10));
                }
            }
            m_in_cell = true;
        } else if (m_in_cell && (name == "v" || (name == "t" && m_type == "inlineStr"))) {
            m_in_value = true;
        } else if (m_in_cell && name == "rPh") {
            ++m_phonetic;
        }
    }

    void end(std::string_view name) override {
        if (name == "v" || name == "t") {
            m_in_value = false;
        } else if (name == "rPh") {
            --m_phonetic;
        } else if (name == "c" && m_in_cell) {
            m_in_cell = false;
            finish_cell();
        } else if (name == "row" && m_in_row) {
            m_in_row = false;
            while (!m_row.cells.empty() && m_row.cells.back().empty()) {
                m_row.cells.pop_back();
            }
            rows.push_back(std::move(m_row));
            m_row = Row{};
        }
    }

    void text(std::string_view s) override {
        if (m_in_value && m_phonetic == 0) {
            m_value.append(s);
        }
    }

    void finish_cell() {
        m_next_column = m_column + 1;
        std::string cell;
        if (m_type == "s") {
            std::size_t i = 0;
            const auto r = std::from_chars(m_value.data(), m_value.data() + m_value.size(), i);
            if (r.ec != std::errc{} || i >= m_strings.size()) {
                fail(m_row.number, fmt::format("a cell refers to shared string {} of {}", m_value,
                                               m_strings.size()));
                return;
            }
            cell = m_strings[i];
        } else if (m_type == "b") {
            cell = m_value == "1" || m_value == "true" ? "TRUE" : m_value.empty() ? "" : "FALSE";
        } else if (m_type == "inlineStr" || m_type == "str" || m_type == "e" || m_type == "d") {
            cell = m_value;
        } else if (!m_value.empty()) {
            const DateKind kind = m_style < m_styles.size() ? m_styles[m_style] : DateKind::None;
            double x = 0;
            const auto r = std::from_chars(m_value.data(), m_value.data() + m_value.size(), x);
            if (kind != DateKind::None && r.ec == std::errc{} && std::isfinite(x) && x >= 0 &&
                x < 2958466) { // 9999-12-31
                cell = serial_date(x, kind, m_date1904);
            } else {
                cell = number_text(m_value);
            }
        }
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
        m_row.cells[m_column] = std::move(cell);
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
    std::string m_type;
    std::size_t m_style = 0;
    std::size_t m_column = 0;
    std::size_t m_next_column = 0;
    std::string m_value;
};

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

bool has_entry(zip_t* z, const std::string& name) { return zip_name_locate(z, name.c_str(), 0) >= 0; }

class WorkbookSource final : public RecordSource {
  public:
    WorkbookSource(const std::string& path, const std::string& sheet) : m_path(path) {
        int err = 0;
        m_zip.reset(zip_open(path.c_str(), ZIP_RDONLY, &err));
        if (!m_zip) {
            zip_error_t e;
            zip_error_init_with_code(&e, err);
            const std::string why = zip_error_strerror(&e);
            zip_error_fini(&e);
            throw DataError(place(path, 1) + fmt::format("not an Excel .xlsx workbook ({})", why));
        }
        if (!has_entry(m_zip.get(), "xl/workbook.xml")) {
            throw DataError(place(path, 1) + "not an Excel .xlsx workbook (no xl/workbook.xml)");
        }
        WorkbookXml workbook(m_zip.get(), path, "xl/workbook.xml");
        workbook.parse_all();
        if (workbook.sheets.empty()) {
            throw DataError(place(path, 1) + "the workbook has no sheets");
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
                throw UsageError(fmt::format("{}: no sheet \"{}\"; the workbook has: {}", path,
                                             sheet, names));
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
            throw DataError(place(path, 1) + fmt::format("sheet \"{}\" is not in the workbook ({})",
                                                         m_sheet_name, part));
        }
        m_sheet = std::make_unique<SheetXml>(m_zip.get(), path, part, m_strings, m_styles,
                                             workbook.date1904);
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
            fields[k] = k < m_current.cells.size() ? std::string_view(m_current.cells[k])
                                                   : std::string_view{};
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

std::unique_ptr<RecordSource> open_workbook(const std::string& path, const std::string& sheet) {
    return std::make_unique<WorkbookSource>(path, sheet);
}

} // namespace careerstat::io
