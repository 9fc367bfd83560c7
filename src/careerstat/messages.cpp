#include "careerstat/messages.hpp"

#include <algorithm>
#include <vector>

namespace careerstat {

// The Dutch catalog, in the order of the code (not sorted): messages_nl.cpp holds the core
// library's messages, messages_nl_cli.cpp the command line's (--help, its errors and notes).
std::span<const std::pair<std::string_view, std::string_view>> dutch_core_messages();
std::span<const std::pair<std::string_view, std::string_view>> dutch_cli_messages();

namespace {

Lang g_lang = Lang::En;
bool g_chosen = false;

const std::vector<std::pair<std::string_view, std::string_view>>& sorted_catalog() {
    static const auto sorted = [] {
        std::vector<std::pair<std::string_view, std::string_view>> v;
        for (const auto part : {dutch_core_messages(), dutch_cli_messages()}) {
            v.insert(v.end(), part.begin(), part.end());
        }
        std::stable_sort(v.begin(), v.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        return v;
    }();
    return sorted;
}

} // namespace

void set_message_lang(Lang lang, bool chosen) {
    g_lang = lang;
    g_chosen = chosen;
}

Lang message_lang() { return g_lang; }

bool message_lang_chosen() { return g_chosen; }

std::string_view msg(std::string_view english) {
    if (g_lang == Lang::En) {
        return english;
    }
    const auto& catalog = sorted_catalog();
    auto it = std::lower_bound(catalog.begin(), catalog.end(), english,
                               [](const auto& entry, std::string_view k) { return entry.first < k; });
    if (it != catalog.end() && it->first == english) {
        return it->second;
    }
    return tr(Lang::Nl, english); // the report's words, where a message shares one
}

std::span<const std::pair<std::string_view, std::string_view>> dutch_messages() {
    return sorted_catalog();
}

} // namespace careerstat
