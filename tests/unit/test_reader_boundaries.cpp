// Unit tests of the reader at block boundaries and line ends: every fixture read with
// blocks of 1 to 64 bytes gives the records the default block size gives, CR-only and
// lone-CR line ends, and rows that hold only delimiters.
#include "careerstat/errors.hpp"
#include "careerstat/io/dialect.hpp"
#include "careerstat/io/record_reader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace careerstat;
using namespace careerstat::io;

namespace {

struct Records {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<long> lines;
    long skipped = 0;
    std::string error; // the DataError's text, if reading failed

    bool operator==(const Records&) const = default;
};

Records read_all(const std::string& text, std::size_t block_size) {
    ReaderOptions options;
    options.block_size = block_size;
    Records r;
    try {
        auto source = std::make_unique<::io::detail::NonOwningStringByteSource>(
            text.data(), static_cast<long long>(text.size()));
        RecordReader reader("t.csv", std::move(source), options);
        r.header = reader.header();
        while (reader.next()) {
            r.rows.emplace_back(reader.fields().begin(), reader.fields().end());
            r.lines.push_back(reader.line());
        }
        r.skipped = reader.skipped_empty();
    } catch (const DataError& e) {
        r.error = e.what();
    }
    return r;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("io::reader block sizes: every fixture reads the same with blocks of 1 to 64 bytes") {
    std::size_t files = 0;
    for (const char* root : {CAREERSTAT_TEST_DATA, CAREERSTAT_DATA}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".csv" && ext != ".tsv")) {
                continue;
            }
            const std::string text = slurp(entry.path());
            if (text.size() > 200000) {
                continue; // a byte-at-a-time read of a big file only slows the suite
            }
            ++files;
            const Records expected = read_all(text, std::size_t{1} << 20);
            for (std::size_t block = 1; block <= 64; ++block) {
                INFO(entry.path().string() << " with blocks of " << block << " bytes");
                CHECK(read_all(text, block) == expected);
            }
        }
    }
    CHECK(files >= 20);
}

TEST_CASE("io::reader line ends") {
    SUBCASE("a lone CR after a closing quote ends the record, not the next byte") {
        const Records r = read_all("a,b\n\"x\",\"y\"\r\"z\",\"w\"\n", 1 << 20);
        REQUIRE(r.error.empty());
        REQUIRE(r.rows.size() == 2);
        CHECK(r.rows[0] == std::vector<std::string>{"x", "y"});
        CHECK(r.rows[1] == std::vector<std::string>{"z", "w"});
        CHECK(r.lines == std::vector<long>{2, 3});
    }
    SUBCASE("CR-only files (old Mac) are records, with line numbers") {
        const Records r = read_all("a;b\r1;2\r3;\"two\rlines\"\r5;6\r", 1 << 20);
        REQUIRE(r.error.empty());
        CHECK(r.header == std::vector<std::string>{"a", "b"});
        REQUIRE(r.rows.size() == 3);
        CHECK(r.rows[1] == std::vector<std::string>{"3", "two\rlines"});
        CHECK(r.lines == std::vector<long>{2, 3, 5});
    }
    SUBCASE("a CR as the last byte of the file is a line end, not binary data") {
        for (const char* text : {"a,b\n1,2\r", "a,b\n\"1\",\"2\"\r", "a,b\r\n1,2\r\n\r"}) {
            const Records r = read_all(text, 1 << 20);
            INFO(text);
            CHECK(r.error.empty());
            REQUIRE(r.rows.size() == 1);
            CHECK(r.rows[0] == std::vector<std::string>{"1", "2"});
        }
    }
    SUBCASE("CRLF inside quotes becomes LF; a quoted CR stays text") {
        const Records r = read_all("a,b\r\n\"x\r\ny\",\"p\rq\"\r\n", 1 << 20);
        REQUIRE(r.rows.size() == 1);
        CHECK(r.rows[0] == std::vector<std::string>{"x\ny", "p\rq"});
    }
}

TEST_CASE("io::reader a CR after a closing quote at the end of the first block") {
    // The crash of issue 8: the CR of a CRLF is the last byte of the first 1 MiB block.
    const std::size_t k = std::size_t{1} << 20;
    std::string text = "a\r\n" + std::string(k - 7, '\n') + "\"x\"\r\n";
    const Records r = read_all(text, k);
    REQUIRE(r.error.empty());
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0] == std::vector<std::string>{"x"});
    CHECK(r.lines[0] == static_cast<long>(k - 5));
}

TEST_CASE("io::reader rows of delimiters only are skipped and counted") {
    const Records r = read_all("a;b;c\n1;2;3\n;;\n4;5;6\n;;\n\"\";\"\";\" \"\n", 1 << 20);
    REQUIRE(r.error.empty());
    CHECK(r.rows.size() == 2);
    CHECK(r.lines == std::vector<long>{2, 4});
    CHECK(r.skipped == 3);
}
