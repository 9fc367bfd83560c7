// Small text helpers shared by the layers: trimming, case folding, numbers, CSV cells.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::util {

std::string_view trim(std::string_view s);
// ASCII lower case plus the Latin-1 capitals Dutch labels use (É -> é, ...), for
// case-insensitive matching of labels like "Weet niet" / "weet niet".
std::string fold(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
std::vector<std::string_view> split(std::string_view s, char sep);
// The answers of a one-column multi-select cell: split at `sep`, but never inside
// parentheses ("R (es decir, la consola), Python" is two answers).
std::vector<std::string_view> split_answers(std::string_view s, char sep);
// A number in plain notation; "7,5" is accepted when decimal_comma. No thousands separators.
std::optional<double> parse_number(std::string_view s, bool decimal_comma);
std::optional<long> parse_integer(std::string_view s);
// A CSV cell, quoted per RFC 4180 when it needs it.
std::string csv_cell(std::string_view s, char delimiter = ',');
// Counts UTF-8 code points, for aligning text columns.
std::size_t display_width(std::string_view s);
// At most `max_bytes` bytes of `s`, never cutting a UTF-8 character in two.
std::string cut_utf8(std::string_view s, std::size_t max_bytes);
// The optimal string alignment distance of `a` and `b` after fold(): insertions, deletions,
// substitutions and swaps of neighbours, each 1 ("bureu" -> "bureau" is 1).
std::size_t edit_distance(std::string_view a, std::string_view b);
// Up to `max` of `candidates` that `name` may be a typo of, nearest first: an edit distance
// of at most 1 for names of up to 4 characters, 2 up to 8, else 3; or a candidate of which
// `name` is the start (at least 3 characters); "Grade" finds "grade" (distance 0). Ties keep
// the candidates' order.
std::vector<std::string> nearest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max = 3);

} // namespace careerstat::util
