// libFuzzer target, a property: reading an export in blocks of k bytes (k = 1..64 from the
// first byte's low 6 bits) gives what reading it in the default 1 MiB blocks gives (one
// block holding the whole input, fuzz_input.hpp's whole_block()) -- the
// same header, records (fields and line numbers), skipped_empty() count and, when the
// input is rejected, the same DataError text after the same records. A difference aborts.
// The first byte's top 2 bits pick the encoding as a user could: 0-1 detected, 2 utf-8,
// 3 windows-1252; the delimiter is sniffed.
#include "fuzz_input.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace careerstat::fuzz {

namespace {

// Everything a consumer of the reader can see, in order.
struct Transcript {
    std::vector<std::string> header;
    long header_line = 0;
    std::vector<std::pair<long, std::vector<std::string>>> records;
    long skipped_empty = 0;
    std::string error; // the DataError's text, if reading stopped with one

    bool operator==(const Transcript&) const = default;
};

Transcript read_all(const std::string& text, const io::ReaderOptions& options) {
    Transcript t;
    try {
        io::RecordReader reader("fuzz.csv", source_of(text), options);
        t.header = reader.header();
        t.header_line = reader.header_line();
        while (reader.next()) {
            t.records.emplace_back(reader.line(), std::vector<std::string>(reader.fields().begin(),
                                                                           reader.fields().end()));
        }
        t.skipped_empty = reader.skipped_empty();
    } catch (const DataError& e) {
        t.error = e.what();
    }
    return t;
}

void print(const char* what, const Transcript& t) {
    std::fprintf(stderr, "%s: header line %ld, %zu fields; %zu records; %ld skipped; error \"%s\"\n",
                 what, t.header_line, t.header.size(), t.records.size(), t.skipped_empty,
                 t.error.c_str());
}

int run(const std::uint8_t* data, std::size_t size) {
    Input in{data, size};
    const std::uint8_t b = in.take();
    const std::string text = in.rest();
    io::ReaderOptions options;
    if (b >> 6 == 2) {
        options.encoding = io::Encoding::Utf8;
    } else if (b >> 6 == 3) {
        options.encoding = io::Encoding::Windows1252;
    }
    const Transcript whole = read_all(text, whole_block(text, options));
    options.block_size = (b & 63U) + 1;
    const Transcript blocks = read_all(text, options);
    if (!(whole == blocks)) {
        print("default blocks", whole);
        print("small blocks", blocks);
        for (std::size_t i = 0; i < whole.records.size() && i < blocks.records.size(); ++i) {
            if (whole.records[i] != blocks.records[i]) {
                std::fprintf(stderr, "first difference: record %zu (line %ld vs %ld)\n", i + 1,
                             whole.records[i].first, blocks.records[i].first);
                break;
            }
        }
        std::fprintf(stderr, "fuzz_reader_blocks: block size %zu reads differently\n",
                     options.block_size);
        std::abort();
    }
    return 0;
}

} // namespace

} // namespace careerstat::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return careerstat::fuzz::run(data, size);
}
