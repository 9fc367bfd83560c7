// What the fuzz targets share: the reader options picked by an input's first byte, and
// byte sources over the rest, so every target reads bytes the way the CLI reads a file.
#pragma once

#include "careerstat/io/dialect.hpp"
#include "careerstat/io/encoding.hpp"

#include <cstddef>
#include <cstdint>
#include <libfccp/csv.h>
#include <memory>
#include <string>
#include <string_view>

namespace careerstat::fuzz {

// An input's bytes, a prefix of which options may consume.
struct Input {
    const std::uint8_t* data;
    std::size_t size;

    std::uint8_t take() { // 0 when the input is used up
        if (size == 0) {
            return 0;
        }
        --size;
        return *data++;
    }
    std::string rest() const { return {reinterpret_cast<const char*>(data), size}; }
};

// A byte source over `text`, which must outlive it (a reader reads it on its own thread).
inline std::unique_ptr<::io::ByteSourceBase> source_of(const std::string& text) {
    return std::make_unique<::io::detail::NonOwningStringByteSource>(
        text.data(), static_cast<long long>(text.size()));
}

// The reader's default block (1 MiB) holds any fuzz input whole, so the targets read with
// a block just larger than the input instead: the same single block, without allocating
// and clearing 2 MiB per reader, which took most of each run. (fuzz_reader_blocks checks
// that the block size never matters.)
inline io::ReaderOptions whole_block(const std::string& text, io::ReaderOptions options = {}) {
    options.block_size = text.size() + 1;
    return options;
}

// The first byte b picks what a user could pick on the command line, and the block size
// only tests pick (ReaderOptions::block_size):
//   b % 65          block size: 0 the default (the caller's whole_block()), else 1..64
//   (b / 5) % 8     delimiter: 0-2 sniffed, 3 ',' 4 ';' 5 tab 6 '|', 7 the next byte
//                   (consumed) if --delimiter would take it, else sniffed
//   (b / 3) % 4     encoding: 0-1 detected, 2 utf-8, 3 windows-1252
// Each of the three takes every one of its values for some first byte.
// A block_size of 0 means the default, left to the caller.
inline io::ReaderOptions take_reader_options(Input& in) {
    const std::uint8_t b = in.take();
    io::ReaderOptions o;
    o.block_size = b % 65U;
    switch ((b / 5U) % 8U) {
    case 3:
        o.delimiter = ',';
        break;
    case 4:
        o.delimiter = ';';
        break;
    case 5:
        o.delimiter = '\t';
        break;
    case 6:
        o.delimiter = '|';
        break;
    case 7: {
        // What --delimiter accepts from a command line, which cannot hold a NUL byte.
        // ASCII only: a byte >= 0x80 is half a character once the input is UTF-8.
        const char c = static_cast<char>(in.take());
        if (c != '\0' && static_cast<unsigned char>(c) < 0x80) {
            o.delimiter = io::parse_delimiter(std::string_view(&c, 1));
        }
        break;
    }
    default:
        break;
    }
    switch ((b / 3U) % 4U) {
    case 2:
        o.encoding = io::Encoding::Utf8;
        break;
    case 3:
        o.encoding = io::Encoding::Windows1252;
        break;
    default:
        break;
    }
    return o;
}

} // namespace careerstat::fuzz
