// UTF-8 helpers for the renderers: display width, repair of invalid bytes, truncation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace careerstat::render::utf8 {

// Terminal cells the text takes: one per code point, none for combining marks and
// zero-width characters, two for East Asian wide ones. An invalid byte counts as one.
std::size_t display_width(std::string_view text);

// The text with each invalid byte replaced by U+FFFD, so JSON stays valid UTF-8.
std::string repair(std::string_view text);

// As repair(), and control characters (C0, DEL, C1) replaced by a space, so data can
// neither break a line in a table nor send escape codes to a terminal.
std::string printable(std::string_view text);

// The text cut to at most `width` cells, ending in "…" when it was cut.
std::string truncate(std::string_view text, std::size_t width);

} // namespace careerstat::render::utf8
