// Excel workbooks as exports (io/xlsx_source). The workbooks are written here: with
// libxlsxwriter as Excel and Microsoft Forms write them (shared strings, styles, date
// cells), and by hand with libzip for what libxlsxwriter does not write (inline strings,
// booleans, errors, the 1904 date system, gaps, damaged XML). Expected dates: Microsoft's
// "Date systems in Excel" (serial 1 is 1900-01-01 in the 1900 system, 0 is 1904-01-01 in
// the 1904 system, 1900 is wrongly taken as a leap year so that 60 is 1900-02-29), and
// 2020-01-01 is serial 43831 (Excel: =DATE(2020,1,1) shown as a number).
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/io/xlsx_source.hpp"
#include "careerstat/platform/platform.hpp"

#include <doctest/doctest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <string>
#include <vector>

namespace cio = careerstat::io;
using careerstat::DataError;
using careerstat::UsageError;

namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("careerstat_test_" + name)).string();
}

struct Read {
    std::vector<std::string> header;
    Rows rows;
    std::vector<long> lines;
    std::string format;
};

Read read_with(cio::RecordReader& r) {
    Read out;
    out.header = r.header();
    out.format = r.format();
    while (r.next()) {
        out.rows.emplace_back(r.fields().begin(), r.fields().end());
        out.lines.push_back(r.line());
    }
    return out;
}

// Reads the sheet as careerstat does (its own XML scanner), and checks that expat reads
// the same records: a differential test of the scanner on every workbook of this file.
Read read_all(const std::string& path, const std::string& sheet = "") {
    cio::ReaderOptions o;
    o.sheet = sheet;
    auto r = cio::RecordReader::open(path, o);
    const Read fast = read_with(*r);
    cio::RecordReader by_expat(path, cio::open_workbook(path, sheet, cio::XmlEngine::Expat));
    const Read slow = read_with(by_expat);
    CHECK(fast.header == slow.header);
    CHECK(fast.rows == slow.rows);
    CHECK(fast.lines == slow.lines);
    return fast;
}

// Both readers refuse a damaged sheet.
void both_refuse(const std::string& path, const std::string& what) {
    CHECK_THROWS_WITH_AS(read_all(path), doctest::Contains(what.c_str()), DataError);
    CHECK_THROWS_AS(cio::RecordReader(path, cio::open_workbook(path, "", cio::XmlEngine::Expat)),
                    DataError);
}

// A minimal workbook by hand: the parts a reader needs, the sheet's XML as given.
void write_zip(const std::string& path, const std::string& sheet_xml, bool date1904 = false,
               const std::string& styles_xml = "") {
    std::filesystem::remove(path);
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z != nullptr);
    static std::vector<std::string> keep; // libzip reads the buffers at zip_close
    auto add = [&](const char* name, std::string text) {
        keep.push_back(std::move(text));
        zip_source_t* src = zip_source_buffer(z, keep.back().data(), keep.back().size(), 0);
        REQUIRE(zip_file_add(z, name, src, ZIP_FL_OVERWRITE) >= 0);
    };
    add("[Content_Types].xml",
        "<?xml version=\"1.0\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    add("xl/workbook.xml",
        std::string("<?xml version=\"1.0\"?><workbook "
                    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">") +
            (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
            "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    add("xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
        "Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/></Relationships>");
    if (!styles_xml.empty()) {
        add("xl/styles.xml", styles_xml);
    }
    add("xl/worksheets/data.xml",
        "<?xml version=\"1.0\"?><worksheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
            sheet_xml + "</sheetData></worksheet>");
    REQUIRE(zip_close(z) == 0);
}

// Styles: 0 General, 1 a date (built-in 14), 2 a custom date-time, 3 a time (built-in 21),
// 4 a custom number format with quoted text ("0 \"dagen\""), not a date.
const std::string k_styles =
    "<?xml version=\"1.0\"?><styleSheet "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"2\">"
    "<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd hh:mm:ss\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0&quot; dagen&quot;\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"21\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

} // namespace

TEST_CASE("xlsx: a Microsoft Forms workbook, checkboxes and dates included") {
    const std::string path = temp_path("msforms.xlsx");
    {
        lxw_workbook* wb = workbook_new(path.c_str());
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Form1");
        lxw_format* when = workbook_add_format(wb);
        format_set_num_format(when, "m/d/yy h:mm:ss"); // as Forms formats its times
        const char* header[] = {"ID", "Start time", "Completion time", "Email", "Name",
                                "Wat hield u tegen?", "Welk cijfer geeft u?", "Opmerkingen"};
        for (lxw_col_t c = 0; c < 8; ++c) {
            worksheet_write_string(ws, 0, c, header[c], nullptr);
        }
        // 2015-03-01 10:04:05 is serial 42064 + 36245/86400.
        const double start = 42064 + 36245.0 / 86400;
        worksheet_write_number(ws, 1, 0, 1, nullptr);
        worksheet_write_number(ws, 1, 1, start, when);
        worksheet_write_number(ws, 1, 2, start + 300.0 / 86400, when);
        worksheet_write_string(ws, 1, 3, "anonymous", nullptr);
        worksheet_write_string(ws, 1, 5, "Geen drempel;De kosten;", nullptr);
        worksheet_write_number(ws, 1, 6, 8, nullptr);
        worksheet_write_string(ws, 1, 7, "Goed geholpen, één keer", nullptr);
        worksheet_write_number(ws, 2, 0, 2, nullptr);
        worksheet_write_number(ws, 2, 1, start + 1, when);
        worksheet_write_number(ws, 2, 2, start + 1 + 61.0 / 86400, when);
        worksheet_write_string(ws, 2, 3, "anonymous", nullptr);
        worksheet_write_string(ws, 2, 5, "Je moet je eigen problemen zelf oplossen;", nullptr);
        worksheet_write_number(ws, 2, 6, 7.5, nullptr);
        REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    }
    const Read r = read_all(path);
    CHECK(r.format == "Excel .xlsx, sheet \"Form1\"");
    CHECK(r.header == std::vector<std::string>{"ID", "Start time", "Completion time", "Email",
                                               "Name", "Wat hield u tegen?",
                                               "Welk cijfer geeft u?", "Opmerkingen"});
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0] == std::vector<std::string>{"1", "2015-03-01 10:04:05", "2015-03-01 10:09:05",
                                                "anonymous", "", "Geen drempel;De kosten;", "8",
                                                "Goed geholpen, één keer"});
    // A row whose last cells are empty is as wide as the header.
    CHECK(r.rows[1] == std::vector<std::string>{"2", "2015-03-02 10:04:05", "2015-03-02 10:05:06",
                                                "anonymous", "",
                                                "Je moet je eigen problemen zelf oplossen;", "7.5",
                                                ""});
    CHECK(r.lines == std::vector<long>{2, 3});
    // The platform layer takes it for Microsoft Forms, as its CSV export.
    auto reader = cio::RecordReader::open(path);
    const careerstat::platform::Layout layout = careerstat::platform::open(*reader);
    CHECK(layout.kind == careerstat::platform::Kind::MicrosoftForms);
    CHECK(layout.columns[1].role == careerstat::platform::Role::Meta);
    std::filesystem::remove(path);
}

TEST_CASE("xlsx: inline strings, booleans, errors, formulas' values, gaps and skipped rows") {
    const std::string path = temp_path("cells.xlsx");
    write_zip(path,
              "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
              "<c r=\"B1\" t=\"inlineStr\"><is><r><t>vr</t></r><r><t>aag</t></r></is></c>"
              "<c r=\"C1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> ok </t></is></c>"
              "<c r=\"D1\" t=\"inlineStr\"><is><t>d</t></is></c></row>"
              // Row 2 is not written at all; row 3 has gaps and typed cells.
              "<row r=\"3\"><c r=\"A3\"><v>3</v></c><c r=\"C3\" t=\"b\"><v>1</v></c>"
              "<c r=\"D3\" t=\"e\"><v>#N/A</v></c></row>"
              "<row r=\"4\"><c r=\"A4\"><v>0.1</v></c><c r=\"B4\" t=\"b\"><v>0</v></c>"
              "<c r=\"C4\" t=\"str\"><f>A4*2</f><v>0.2</v></c><c r=\"D4\"><f>A4*3</f><v>0.30000000000000004</v></c></row>"
              // Cells without references follow the one before.
              "<row><c><v>5</v></c><c t=\"inlineStr\"><is><t>x</t></is></c></row>");
    const Read r = read_all(path);
    CHECK(r.format == "Excel .xlsx, sheet \"Data\"");
    CHECK(r.header == std::vector<std::string>{"id", "vraag", "ok", "d"});
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0] == std::vector<std::string>{"3", "", "TRUE", "#N/A"});
    // A number as the shortest text that reads back the same: 0.30000000000000004 stays.
    CHECK(r.rows[1] == std::vector<std::string>{"0.1", "FALSE", "0.2", "0.30000000000000004"});
    CHECK(r.rows[2] == std::vector<std::string>{"5", "x", "", ""});
    CHECK(r.lines == std::vector<long>{3, 4, 5});
    std::filesystem::remove(path);
}

TEST_CASE("xlsx: XML as other writers write it: prefixes, quotes, entities, CDATA, comments") {
    const std::string path = temp_path("xml.xlsx");
    write_zip(path,
              "<!-- a comment --><x:row r='1' spans=\"1:3\"><x:c r='A1' t='inlineStr'>"
              "<x:is><x:t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</x:t></x:is></x:c>"
              "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t><![CDATA[<raw & text>]]></x:t></x:is></x:c>"
              "<x:c r=\"C1\" t=\"inlineStr\" ><x:is><x:t>caf&#233; &#x1F600; &#10;line</x:t></x:is></x:c>"
              "</x:row><?pi ignored?>\n  <x:row r=\"2\" ><x:c r=\"A2\" ><x:v> 7 </x:v></x:c>"
              "<x:c r=\"B2\" t=\"inlineStr\"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>vet</x:t></x:r>"
              "<x:rPh sb=\"0\" eb=\"1\"><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c r=\"C2\"/></x:row>");
    const Read r = read_all(path);
    CHECK(r.header == std::vector<std::string>{"a & b <c> \"d\" 'e'", "<raw & text>",
                                               "caf\xc3\xa9 \xf0\x9f\x98\x80 \nline"});
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0] == std::vector<std::string>{" 7 ", "vet", ""});
    std::filesystem::remove(path);
}

TEST_CASE("xlsx: dates in the 1900 and 1904 systems") {
    const std::string rows =
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c>"
        "<c t=\"inlineStr\"><is><t>c</t></is></c><c t=\"inlineStr\"><is><t>d</t></is></c></row>"
        "<row r=\"2\"><c s=\"1\"><v>1</v></c><c s=\"1\"><v>59</v></c><c s=\"1\"><v>60</v></c><c s=\"1\"><v>61</v></c></row>"
        "<row r=\"3\"><c s=\"1\"><v>43831</v></c><c s=\"2\"><v>43831.5</v></c>"
        "<c s=\"3\"><v>0.75</v></c><c s=\"4\"><v>12</v></c></row>"
        // 23:59:59.6 rounds up to the next day's midnight.
        "<row r=\"4\"><c s=\"2\"><v>43831.99999537</v></c><c s=\"0\"><v>43831</v></c></row>";
    const std::string path = temp_path("dates.xlsx");
    write_zip(path, rows, false, k_styles);
    Read r = read_all(path);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0] == std::vector<std::string>{"1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01"});
    CHECK(r.rows[1] == std::vector<std::string>{"2020-01-01", "2020-01-01 12:00:00", "18:00:00", "12"});
    CHECK(r.rows[2] == std::vector<std::string>{"2020-01-02 00:00:00", "43831", "", ""});
    // The 1904 system: serial 0 is 1904-01-01, and 2020-01-01 is 43831 - 1462.
    write_zip(path,
              "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>"
              "<row r=\"2\"><c s=\"1\"><v>0</v></c><c s=\"1\"><v>42369</v></c></row>",
              true, k_styles);
    r = read_all(path);
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0] == std::vector<std::string>{"1904-01-01", "2020-01-01"});
    std::filesystem::remove(path);
}

TEST_CASE("xlsx: --sheet by name, and a sheet that is not there") {
    const std::string path = temp_path("sheets.xlsx");
    {
        lxw_workbook* wb = workbook_new(path.c_str());
        lxw_worksheet* a = workbook_add_worksheet(wb, "Uitleg");
        worksheet_write_string(a, 0, 0, "Lees dit eerst", nullptr);
        lxw_worksheet* b = workbook_add_worksheet(wb, "Antwoorden");
        worksheet_write_string(b, 0, 0, "q1", nullptr);
        worksheet_write_number(b, 1, 0, 4, nullptr);
        REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    }
    CHECK(read_all(path).header == std::vector<std::string>{"Lees dit eerst"});
    const Read r = read_all(path, "Antwoorden");
    CHECK(r.header == std::vector<std::string>{"q1"});
    CHECK(r.rows == Rows{{"4"}});
    CHECK(read_all(path, "antwoorden").rows == Rows{{"4"}}); // any case, when unambiguous
    try {
        read_all(path, "Blad1");
        FAIL("no error for a sheet that is not there");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find("no sheet \"Blad1\"; the workbook has: Uitleg, Antwoorden") !=
              std::string::npos);
    }
    std::filesystem::remove(path);
}

TEST_CASE("xlsx: what is not a workbook is one clear error, never a crash") {
    const std::string path = temp_path("bad.xlsx");
    // A zip without xl/workbook.xml.
    {
        std::filesystem::remove(path);
        int err = 0;
        zip_t* z = zip_open(path.c_str(), ZIP_CREATE, &err);
        static const std::string text = "hello";
        zip_file_add(z, "readme.txt", zip_source_buffer(z, text.data(), text.size(), 0), 0);
        REQUIRE(zip_close(z) == 0);
    }
    CHECK_THROWS_WITH_AS(read_all(path), doctest::Contains("no xl/workbook.xml"), DataError);
    // Broken XML in the sheet.
    write_zip(path, "<row r=\"1\"><c><v>1</v></row>");
    CHECK_THROWS_WITH_AS(read_all(path), doctest::Contains("not well-formed XML"), DataError);
    write_zip(path, "<row r=\"1\"><c t=\"inlineStr\"><is><t>a &bogus; b</t></is></c></row>");
    both_refuse(path, "not well-formed XML");
    write_zip(path, "<row r=\"1\"><c t=\"inlineStr\"><is><t>\xff\xfe</t></is></c></row>");
    both_refuse(path, "not well-formed XML");
    // A shared string that is not there, a column past XFD, rows out of order.
    write_zip(path, "<row r=\"1\"><c t=\"s\"><v>7</v></c></row>");
    CHECK_THROWS_WITH_AS(read_all(path), doctest::Contains("shared string 7 of 0"), DataError);
    write_zip(path, "<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>");
    CHECK_THROWS_WITH_AS(read_all(path), doctest::Contains("not a column"), DataError);
    write_zip(path, "<row r=\"5\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>");
    CHECK_THROWS_WITH_AS(read_all(path), doctest::Contains("is not after row 5"), DataError);
    // A zip cut in half.
    {
        lxw_workbook* wb = workbook_new(path.c_str());
        worksheet_write_string(workbook_add_worksheet(wb, nullptr), 0, 0, "x", nullptr);
        REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
        const auto size = std::filesystem::file_size(path);
        std::filesystem::resize_file(path, size / 2);
    }
    CHECK_THROWS_AS(read_all(path), DataError);
    std::filesystem::remove(path);
}
