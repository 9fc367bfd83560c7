// Unit tests of the export reader: dialects, encodings, quoting, errors with file:line.
#include "careerstat/errors.hpp"
#include "careerstat/io/byte_source.hpp"
#include "careerstat/io/dialect.hpp"
#include "careerstat/io/encoding.hpp"
#include "careerstat/io/record_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace careerstat;
using namespace careerstat::io;

namespace {

using Records = std::vector<std::vector<std::string>>;

struct Read {
    Dialect dialect;
    std::vector<std::string> header;
    Records records;
    std::vector<long> lines;
};

Read read_string(const std::string& text, ReaderOptions options = {}) {
    auto source = std::make_unique<::io::detail::NonOwningStringByteSource>(
        text.data(), static_cast<long long>(text.size()));
    RecordReader reader("test.csv", std::move(source), options);
    Read r;
    r.dialect = reader.dialect();
    r.header = reader.header();
    while (reader.next()) {
        r.records.emplace_back(reader.fields().begin(), reader.fields().end());
        r.lines.push_back(reader.line());
    }
    return r;
}

Read read_file(const std::string& path) {
    auto reader = RecordReader::open(path);
    Read r;
    r.dialect = reader->dialect();
    r.header = reader->header();
    while (reader->next()) {
        r.records.emplace_back(reader->fields().begin(), reader->fields().end());
    }
    return r;
}

} // namespace

TEST_CASE("io::reader splits RFC 4180 quoting") {
    SUBCASE("doubled quotes, delimiters and line breaks inside quotes") {
        const Read r = read_string("id,comment,grade\n1,\"He said \"\"hi\"\", then left\",7\n"
                                   "2,\"two\nlines, and a comma\",8\n3,,9\n");
        REQUIRE(r.records.size() == 3);
        CHECK(r.records[0][1] == "He said \"hi\", then left");
        CHECK(r.records[1][1] == "two\nlines, and a comma");
        CHECK(r.records[2][1].empty());
        // Line numbers are physical lines where a record starts.
        CHECK(r.lines == std::vector<long>{2, 3, 5});
    }
    SUBCASE("CRLF line ends, and a missing final newline") {
        const Read r = read_string("a,b\r\n1,2\r\n3,4");
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[1] == std::vector<std::string>{"3", "4"});
    }
    SUBCASE("blank lines are skipped; a trailing empty field is kept") {
        const Read r = read_string("a,b\n\n1,\n\n");
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0] == std::vector<std::string>{"1", ""});
    }
    SUBCASE("every field quoted, as LimeSurvey writes") {
        const Read r = read_string("\"a\",\"b\"\n\"1\",\"\"\n");
        CHECK(r.header == std::vector<std::string>{"a", "b"});
        CHECK(r.records[0] == std::vector<std::string>{"1", ""});
    }
}

TEST_CASE("io::sniff finds the delimiter by consistent field counts") {
    CHECK(read_string("a;b;c\n1;2,5;3\n4;5;6\n").dialect.delimiter == ';');
    CHECK(read_string("a\tb\n1\t2\n").dialect.delimiter == '\t');
    CHECK(read_string("a|b|c\n1|2|3\n").dialect.delimiter == '|');
    CHECK(read_string("a,b\n\"x;y\",2\n").dialect.delimiter == ',');
    SUBCASE("decimal comma only when the delimiter is not a comma") {
        CHECK(read_string("a;b\n1;7,5\n").dialect.decimal_comma);
        CHECK_FALSE(read_string("a,b\n1,7\n").dialect.decimal_comma);
    }
    SUBCASE("an explicit delimiter wins") {
        ReaderOptions o;
        o.delimiter = ';';
        const Read r = read_string("a,b;c\n1,2;3\n", o);
        CHECK(r.header == std::vector<std::string>{"a,b", "c"});
    }
}

TEST_CASE("io::encodings") {
    SUBCASE("a UTF-8 BOM is dropped") {
        const Read r = read_string("\xEF\xBB\xBFid,naam\n1,Jos\xC3\xA9\n");
        CHECK(r.dialect.bom);
        CHECK(r.header[0] == "id");
        CHECK(r.records[0][1] == "Jos\xC3\xA9");
    }
    SUBCASE("Windows-1252 is detected and converted to UTF-8") {
        // 0xE9 e-acute, 0x80 euro sign, 0x93/0x94 curly quotes (WHATWG index-windows-1252)
        const Read r = read_string("id;naam\r\n1;Jos\xE9 \x80 \x93x\x94\r\n");
        CHECK(r.dialect.encoding == Encoding::Windows1252);
        CHECK(r.records[0][1] == "Jos\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D");
    }
    SUBCASE("invalid UTF-8 under an explicit --encoding utf-8 names line and column") {
        ReaderOptions o;
        o.encoding = Encoding::Utf8;
        CHECK_THROWS_WITH_AS(read_string("id,naam\n1,Jos\xE9\n", o),
                             "test.csv:2: column \"naam\": invalid UTF-8 (byte 0xE9); if the "
                             "file came from Excel on Windows, try --encoding windows-1252",
                             DataError);
    }
    SUBCASE("overlong and surrogate forms are not valid UTF-8 (Unicode Table 3-7)") {
        CHECK_FALSE(is_valid_utf8("\xC0\xAF", 2));
        CHECK_FALSE(is_valid_utf8("\xED\xA0\x80", 3));
        CHECK(is_valid_utf8("\xF0\x9F\x98\x80", 4));
        CHECK(is_valid_utf8("ab\xE2\x82", 4, true));
    }
    SUBCASE("the converter fills LineReader's blocks across multi-byte output") {
        std::string text = "id,t\n";
        for (int i = 0; i < 40000; ++i) {
            text += "1,\xE9\xE9\xE9\x80\n";
        }
        const Read r = read_string(text);
        REQUIRE(r.records.size() == 40000);
        CHECK(r.records.back()[1] == "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x82\xAC");
    }
}

TEST_CASE("io::reader errors name file and line") {
    CHECK_THROWS_WITH_AS(read_string(""), "test.csv:1: the file is empty; expected a header row",
                         DataError);
    CHECK_THROWS_WITH_AS(read_string("a,b\n1,\"open\nstill open\n"),
                         "test.csv:2: column \"b\": a quoted field is not closed before the end "
                         "of the file",
                         DataError);
    CHECK_THROWS_WITH_AS(read_string(std::string("a,b\n1,\0\0", 8)),
                         "test.csv:2: binary data (a NUL byte at byte 7); this is not a CSV export",
                         DataError);
    CHECK_THROWS_WITH_AS(read_string("\xFF\xFE" "a\0,\0"),
                         "test.csv:1: the file is UTF-16 (Excel's \"Unicode text\"); save it as "
                         "\"CSV UTF-8\" and try again",
                         DataError);
    CHECK_THROWS_AS(RecordReader::open("/nonexistent/x.csv"), UsageError);
}

TEST_CASE("io::dialect variants of the example export hold the same records") {
    // tests/data/dialects: one export as comma/UTF-8, semicolon/Windows-1252/CRLF with
    // decimal commas, UTF-8 with BOM, and TAB, each with quoted multi-line comments.
    const Read base = read_file(CAREERSTAT_DATA "/clients.csv");
    REQUIRE(base.records.size() == 54);
    for (const char* name : {"clients_utf8.csv", "clients_cp1252_semicolon_crlf.csv",
                             "clients_bom.csv", "clients_tab.tsv"}) {
        CAPTURE(name);
        Read r = read_file(std::string(CAREERSTAT_TEST_DATA "/dialects/") + name);
        CHECK(r.header == base.header);
        REQUIRE(r.records.size() == base.records.size());
        const auto grade = static_cast<std::size_t>(
            std::find(base.header.begin(), base.header.end(), "grade") - base.header.begin());
        for (std::size_t i = 0; i < r.records.size(); ++i) {
            if (r.dialect.decimal_comma) {
                std::replace(r.records[i][grade].begin(), r.records[i][grade].end(), ',', '.');
            }
            CHECK(r.records[i] == base.records[i]);
        }
    }
}
