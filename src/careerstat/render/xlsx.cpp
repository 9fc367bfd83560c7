// An Excel workbook with libxlsxwriter (libxlsxwriter-dev): a contents sheet (the title,
// the key findings and a link to each table's sheet), then one sheet per table: its title,
// subtitle and section, a header (banner groups and categories as merged cells above it)
// frozen under the title, numbers as numbers with number formats, significance marks in a
// narrow column after the cell they mark, and the notes below. Text is always written as
// text: no cell is ever a formula. libxlsxwriter writes to a named file only, so the
// workbook goes to a temporary file that is then copied to `out` and removed.
#include "careerstat/messages.hpp"
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

namespace careerstat::render::detail {

namespace {

constexpr std::size_t k_sheet_name_max = 31; // Excel's limit (LXW_SHEETNAME_MAX)

// The first `max` code points of `s`.
std::string first_code_points(std::string_view s, std::size_t max) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == max) {
            return std::string(s.substr(0, i));
        }
    }
    return std::string(s);
}

// A sheet name Excel accepts and no other sheet has: the table id without []:*?/\ and
// leading or trailing apostrophes, at most 31 characters, "~2", "~3" ... when taken.
// Excel compares sheet names without regard to case.
std::string sheet_name(const std::string& id, std::set<std::string>& taken) {
    std::string base;
    for (const char c : utf8::printable(id)) {
        base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    }
    while (!base.empty() && base.front() == '\'') {
        base.erase(base.begin());
    }
    while (!base.empty() && base.back() == '\'') {
        base.pop_back();
    }
    if (base.empty()) {
        base = "table";
    }
    // Excel compares sheet names without regard to case, also beyond ASCII (Ä and ä).
    const auto folded = [](const std::string& s) { return util::fold(s); };
    std::string name = first_code_points(base, k_sheet_name_max);
    for (int k = 2; taken.count(folded(name)) > 0; ++k) {
        const std::string suffix = fmt::format("~{}", k);
        name = first_code_points(base, k_sheet_name_max - suffix.size()) + suffix;
    }
    taken.insert(folded(name));
    return name;
}

// Excel holds at most 32,767 characters in a cell: longer text is cut at a character
// boundary and ends in an ellipsis (other formats show it whole).
std::string fit_cell(std::string s) {
    constexpr std::size_t k_max = 32000; // bytes: fewer characters than Excel's limit
    return s.size() <= k_max ? s : util::cut_utf8(s, k_max) + "\xE2\x80\xA6";
}

struct Formats {
    lxw_format* title = nullptr;
    lxw_format* bold = nullptr;
    lxw_format* header = nullptr;
    lxw_format* group = nullptr;
    lxw_format* note = nullptr;
    lxw_format* link = nullptr;
    lxw_format* percent = nullptr; // 0-100 written as a fraction: 74.5 -> 0.745 as 74.5%
    lxw_format* count = nullptr;
    lxw_format* count_fraction = nullptr;
    lxw_format* pvalue = nullptr;
    lxw_format* missing = nullptr; // rows of missing codes: italic
    lxw_format* total = nullptr;   // total rows: bold
    std::vector<lxw_format*> decimals; // 0..6 decimals
};

Formats make_formats(lxw_workbook* wb) {
    Formats f;
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 13);
    f.bold = workbook_add_format(wb);
    format_set_bold(f.bold);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_BOTTOM);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.group = workbook_add_format(wb);
    format_set_bold(f.group);
    format_set_align(f.group, LXW_ALIGN_CENTER);
    format_set_bottom(f.group, LXW_BORDER_THIN);
    f.note = workbook_add_format(wb);
    format_set_italic(f.note);
    f.link = workbook_add_format(wb);
    format_set_underline(f.link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f.link, LXW_COLOR_BLUE);
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.0%");
    f.count = workbook_add_format(wb);
    format_set_num_format(f.count, "#,##0");
    f.count_fraction = workbook_add_format(wb);
    format_set_num_format(f.count_fraction, "#,##0.0");
    f.pvalue = workbook_add_format(wb);
    format_set_num_format(f.pvalue, "0.000");
    f.missing = workbook_add_format(wb);
    format_set_italic(f.missing);
    f.total = workbook_add_format(wb);
    format_set_bold(f.total);
    for (int d = 0; d <= 6; ++d) {
        lxw_format* x = workbook_add_format(wb);
        format_set_num_format(x, d == 0 ? "0" : ("0." + std::string(static_cast<std::size_t>(d), '0')).c_str());
        f.decimals.push_back(x);
    }
    return f;
}

// The number format of a column's cell, as the text renderer rounds it.
lxw_format* number_format(const table::Column& c, double v, const Formats& f) {
    switch (c.type) {
    case table::ColumnType::Percent:
        return f.percent;
    case table::ColumnType::Count:
        return std::abs(v - std::round(v)) < 1e-9 ? f.count : f.count_fraction;
    case table::ColumnType::PValue:
        return f.pvalue;
    case table::ColumnType::Number:
        return f.decimals[static_cast<std::size_t>(std::clamp(c.decimals < 0 ? 2 : c.decimals, 0, 6))];
    case table::ColumnType::Text:
    case table::ColumnType::Code:
        break;
    }
    return nullptr;
}

void check(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR) {
        throw UsageError(msgf("cannot write the workbook ({}): {}", what, lxw_strerror(e)));
    }
}

// Column widths in characters, from what the sheet holds, within 6 and 60.
struct Widths {
    std::vector<double> w;
    void fit(std::size_t col, std::string_view text) {
        if (w.size() <= col) {
            w.resize(col + 1, 6);
        }
        w[col] = std::clamp(static_cast<double>(util::display_width(text)) + 2, w[col], 60.0);
    }
};

void write_table(lxw_workbook* wb, const table::Table& t, const std::string& name,
                 const Formats& f, const RenderOptions& o) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (ws == nullptr) {
        throw UsageError(msgf("cannot write the workbook: sheet \"{}\" was refused", name));
    }
    // Which columns get a mark column after them.
    std::vector<bool> marked(t.columns.size(), false);
    for (const table::Row& r : t.rows) {
        for (std::size_t c = 0; c < t.columns.size() && c < r.marks.size(); ++c) {
            marked[c] = marked[c] || !r.marks[c].empty();
        }
    }
    std::vector<lxw_col_t> at(t.columns.size());
    lxw_col_t next = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        at[c] = next;
        next = static_cast<lxw_col_t>(next + (marked[c] ? 2 : 1));
    }
    Widths widths;
    lxw_row_t row = 0;
    const auto text = [&](lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt) {
        check(worksheet_write_string(ws, r, c, fit_cell(utf8::printable(s)).c_str(), fmt), "a cell");
    };
    text(row++, 0, t.title.empty() ? t.id : t.title, f.title);
    if (!t.subtitle.empty()) {
        text(row++, 0, t.subtitle, nullptr);
    }
    if (!t.section.empty()) {
        text(row++, 0, t.section, f.note);
    }
    ++row;
    // Banner groups, then categories (with their letters), merged over the columns they span.
    for (const bool groups : {true, false}) {
        const auto key = [&](const table::Column& c) {
            return groups ? c.group : (c.letter.empty() ? c.category : c.category + " (" + c.letter + ")");
        };
        if (std::none_of(t.columns.begin(), t.columns.end(),
                         [&](const table::Column& c) { return !key(c).empty(); })) {
            continue;
        }
        for (std::size_t c = 0; c < t.columns.size();) {
            std::size_t end = c + 1;
            while (end < t.columns.size() && key(t.columns[end]) == key(t.columns[c]) &&
                   (groups || t.columns[end].group == t.columns[c].group)) {
                ++end;
            }
            const std::string k = key(t.columns[c]);
            const lxw_col_t last = static_cast<lxw_col_t>(at[end - 1] + (marked[end - 1] ? 1 : 0));
            if (!k.empty()) {
                if (last > at[c]) {
                    check(worksheet_merge_range(ws, row, at[c], row, last, utf8::printable(k).c_str(), f.group),
                          "a header");
                } else {
                    text(row, at[c], k, f.group);
                }
            }
            c = end;
        }
        ++row;
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        text(row, at[c], t.columns[c].label, f.header);
        widths.fit(at[c], t.columns[c].label.size() > 14 ? t.columns[c].label.substr(0, 14) : t.columns[c].label);
        if (marked[c]) {
            check(worksheet_write_blank(ws, row, static_cast<lxw_col_t>(at[c] + 1), f.header), "a header");
        }
    }
    worksheet_freeze_panes(ws, row + 1, 0);
    ++row;
    for (const table::Row& r : t.rows) {
        lxw_format* row_fmt = r.kind == table::RowKind::Total     ? f.total
                              : r.kind == table::RowKind::Missing ? f.missing
                                                                  : nullptr;
        for (std::size_t c = 0; c < t.columns.size() && c < r.cells.size(); ++c) {
            const table::Cell& cell = r.cells[c];
            if (const double* v = std::get_if<double>(&cell)) {
                if (std::isfinite(*v)) {
                    const bool pct = t.columns[c].type == table::ColumnType::Percent;
                    lxw_format* nf = number_format(t.columns[c], *v, f);
                    check(worksheet_write_number(ws, row, at[c], pct ? *v / 100 : *v,
                                                 nf != nullptr ? nf : row_fmt),
                          "a number");
                    widths.fit(at[c], display_cell(cell, t.columns[c], false));
                }
            } else if (const std::string* s = std::get_if<std::string>(&cell)) {
                if (!s->empty()) {
                    text(row, at[c], *s, row_fmt);
                    widths.fit(at[c], *s);
                }
            }
            if (marked[c] && c < r.marks.size() && !r.marks[c].empty()) {
                text(row, static_cast<lxw_col_t>(at[c] + 1), r.marks[c], f.bold);
                widths.fit(static_cast<lxw_col_t>(at[c] + 1), r.marks[c]);
            }
        }
        ++row;
    }
    ++row;
    for (const std::string& note : t.footnotes) {
        text(row++, 0, std::string(phrase(o.lang, Phrase::Note)) + ": " + note, f.note);
    }
    for (std::size_t c = 0; c < widths.w.size(); ++c) {
        const bool mark_column = std::any_of(at.begin(), at.end(), [&](lxw_col_t a) { return a + 1u == c; }) &&
                                 std::find(at.begin(), at.end(), static_cast<lxw_col_t>(c)) == at.end();
        check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                   mark_column ? 4 : widths.w[c], nullptr),
              "a column width");
    }
}

// A temporary file for libxlsxwriter, removed when this goes.
struct TempFile {
    std::string path;
    TempFile() {
        const char* tmp = std::getenv("TMPDIR");
        path = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/careerstat_xlsx_XXXXXX";
        const int fd = ::mkstemp(path.data());
        if (fd < 0) {
            throw UsageError(msgf("cannot write the workbook: no temporary file"));
        }
        ::close(fd);
    }
    ~TempFile() { std::remove(path.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
};

} // namespace

void render_xlsx(const Tables& tables, std::ostream& out, const RenderOptions& options) {
    const TempFile tmp;
    lxw_workbook* wb = workbook_new(tmp.path.c_str());
    if (wb == nullptr) {
        throw UsageError(msgf("cannot write the workbook: libxlsxwriter could not start one"));
    }
    struct Closer { // the workbook is closed (and freed) on every path
        lxw_workbook* wb;
        bool closed = false;
        ~Closer() {
            if (!closed) {
                workbook_close(wb);
            }
        }
    } closer{wb};
    const Formats f = make_formats(wb);
    const bool nl = options.lang == Lang::Nl;
    std::set<std::string> taken;
    const std::string contents = sheet_name(nl ? "Inhoud" : "Contents", taken);
    std::vector<std::string> names;
    for (const table::Table& t : tables) {
        names.push_back(sheet_name(t.id, taken));
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, contents.c_str());
    lxw_row_t row = 0;
    const auto text = [&](lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt) {
        check(worksheet_write_string(ws, r, c, fit_cell(utf8::printable(s)).c_str(), fmt), "a cell");
    };
    text(row++, 0, options.document_title.empty() ? std::string(phrase(options.lang, Phrase::Report))
                                                  : options.document_title,
         f.title);
    ++row;
    if (!options.key_findings.empty()) {
        text(row++, 0, std::string(phrase(options.lang, Phrase::KeyFindings)), f.bold);
        for (const std::string& k : options.key_findings) {
            text(row++, 0, "- " + k, nullptr);
        }
        ++row;
    }
    text(row, 0, nl ? "Blad" : "Sheet", f.header);
    text(row, 1, nl ? "Tabel" : "Table", f.header);
    text(row, 2, nl ? "Onderdeel" : "Section", f.header);
    ++row;
    double title_width = 20;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        // An internal link: 'name'!A1, with the name's apostrophes doubled.
        std::string quoted;
        for (const char c : names[i]) {
            quoted += c == '\'' ? "''" : std::string(1, c);
        }
        check(worksheet_write_url(ws, row, 0, ("internal:'" + quoted + "'!A1").c_str(), f.link), "a link");
        check(worksheet_write_string(ws, row, 0, names[i].c_str(), f.link), "a link");
        const std::string title = tables[i].title.empty() ? tables[i].id : tables[i].title;
        text(row, 1, tables[i].subtitle.empty() ? title : title + " (" + tables[i].subtitle + ")", nullptr);
        text(row, 2, tables[i].section, nullptr);
        title_width = std::min(80.0, std::max(title_width, static_cast<double>(util::display_width(title)) * 0.9));
        ++row;
    }
    worksheet_set_column(ws, 0, 0, 26, nullptr);
    worksheet_set_column(ws, 1, 1, title_width, nullptr);
    worksheet_set_column(ws, 2, 2, 30, nullptr);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        write_table(wb, tables[i], names[i], f, options);
    }
    closer.closed = true;
    check(workbook_close(wb), "closing it");
    std::ifstream in(tmp.path, std::ios::binary);
    out << in.rdbuf();
    if (!in) {
        throw UsageError(
            msgf("cannot write the workbook: its temporary file could not be read back"));
    }
}

} // namespace careerstat::render::detail
