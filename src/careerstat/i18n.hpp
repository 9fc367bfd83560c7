// careerstat's own words in reports, in English and Dutch. Labels from the codebook are
// shown as the researcher wrote them; only the tool's words are translated here.
#pragma once

#include <optional>
#include <string_view>

namespace careerstat {

enum class Lang { En, Nl };

std::optional<Lang> parse_lang(std::string_view name); // "en", "nl" (also "english", "dutch")

// The language the environment asks for: the first set of LC_ALL, LC_MESSAGES and LANG
// (POSIX's order), when it starts with "nl" or "en" ("nl_NL.UTF-8"); nullopt for "C",
// "POSIX" or any other language.
std::optional<Lang> lang_from_environment();

// The word or phrase for `key` in `lang`; keys are the English text itself, so a missing
// translation shows English rather than nothing. Phrases may hold fmt "{}" fields.
std::string_view tr(Lang lang, std::string_view key);

} // namespace careerstat
