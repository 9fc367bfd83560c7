// careerstat's messages to the person running the command (errors, warnings, notes, --help)
// in English and Dutch. A message's key is its English text, an fmt format string; the
// Dutch catalog (messages_nl.cpp) gives the same fields in the same order, so a message
// without a translation shows in English rather than not at all. scripts/check_messages.py
// (ctest docs.messages_translated) fails when a msg()/msgf() key has no Dutch entry.
#pragma once

#include "careerstat/i18n.hpp"

#include <fmt/format.h>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace careerstat {

// The language of messages: --lang (or --locale nl, or the defaults file), else the study's
// `language`, else the environment (LC_ALL, LC_MESSAGES, LANG), else English. main() sets it
// before the options are made; a study file may set it later when nothing else did.
void set_message_lang(Lang lang, bool chosen);
Lang message_lang();
bool message_lang_chosen(); // true when --lang, --locale or the defaults file chose it

// The message for `english` in the message language.
std::string_view msg(std::string_view english);

// fmt::format of the message for `english`: the translation keeps English's fields.
template <class... Args> std::string msgf(std::string_view english, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
        return std::string(msg(english));
    } else {
        return fmt::format(fmt::runtime(msg(english)), std::forward<Args>(args)...);
    }
}

// The Dutch catalog, for its tests: {English, Dutch} pairs, sorted by English.
std::span<const std::pair<std::string_view, std::string_view>> dutch_messages();

} // namespace careerstat
