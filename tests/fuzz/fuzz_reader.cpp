// libFuzzer target: the bytes as an export through io::RecordReader, with the reader options
// the first byte picks (fuzz_input.hpp). Reads every record and touches every byte of every
// field, so the sanitizers see each one. DataError is how the reader rejects an input;
// any other exception, a sanitizer report or a broken invariant below is a finding:
// - a field is valid UTF-8 (the reader validates UTF-8 and converts Windows-1252);
// - a record starts on a later line than the one before, the header's line or later.
#include "fuzz_input.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/encoding.hpp"
#include "careerstat/io/record_reader.hpp"

#include <cstdio>
#include <cstdlib>

namespace careerstat::fuzz {

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz_reader: %s\n", what);
        std::abort();
    }
}

unsigned touch(std::string_view field) {
    unsigned sum = 0;
    for (char c : field) {
        sum += static_cast<unsigned char>(c);
    }
    require(io::is_valid_utf8(field.data(), field.size()), "a field is not UTF-8");
    return sum;
}

int run(const std::uint8_t* data, std::size_t size) {
    Input in{data, size};
    io::ReaderOptions options = take_reader_options(in);
    const std::string text = in.rest();
    if (options.block_size == 0) {
        options = whole_block(text, options);
    }
    try {
        io::RecordReader reader("fuzz.csv", source_of(text), options);
        volatile unsigned sink = 0;
        for (const std::string& h : reader.header()) {
            sink = sink + touch(h);
        }
        long last = reader.header_line();
        require(last >= 1, "the header is before line 1");
        while (reader.next()) {
            require(reader.line() > last, "a record does not start after the one before");
            last = reader.line();
            for (std::string_view f : reader.fields()) {
                sink = sink + touch(f);
            }
            if (reader.fields().size() != reader.header().size()) {
                sink = sink + static_cast<unsigned>(reader.width_message().size());
            }
        }
        sink = sink + static_cast<unsigned>(reader.skipped_empty());
    } catch (const DataError&) {
        // the expected rejection of a malformed export
    }
    return 0;
}

} // namespace

} // namespace careerstat::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return careerstat::fuzz::run(data, size);
}
