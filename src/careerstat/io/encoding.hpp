// Text encodings of survey exports: UTF-8 (with or without BOM) and Windows-1252,
// which Excel on a Dutch Windows machine writes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace careerstat::io {

enum class Encoding { Utf8, Windows1252 };

// "utf-8", "utf8", "windows-1252", "cp1252", "latin1", "iso-8859-1" (case-insensitive).
std::optional<Encoding> parse_encoding(std::string_view name);
std::string_view encoding_name(Encoding e);

// Length of the valid UTF-8 sequence starting at s (at most n bytes available),
// or 0 when the bytes there are not valid UTF-8. Overlong forms and surrogates are invalid.
std::size_t utf8_sequence_length(const unsigned char* s, std::size_t n);

// True when [s, s+n) is valid UTF-8; a sequence cut off by the end of the buffer counts as
// valid when allow_truncated_tail is set (the buffer is a sample of a longer file).
bool is_valid_utf8(const char* s, std::size_t n, bool allow_truncated_tail = false);

// The UTF-8 bytes of one Windows-1252 byte (1 to 3 bytes, written to out; returns count).
// Bytes undefined in Windows-1252 map to the C1 control of the same value, as the WHATWG
// Encoding Standard does.
int cp1252_to_utf8(unsigned char c, char out[3]);

} // namespace careerstat::io
