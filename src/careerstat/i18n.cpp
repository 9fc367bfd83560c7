#include "careerstat/i18n.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace careerstat {

namespace {

// English key -> Dutch. Kept sorted by key (checked by a unit test) for binary search.
constexpr std::array<std::pair<std::string_view, std::string_view>, 0> k_dutch = {};

} // namespace

std::optional<Lang> parse_lang(std::string_view name) {
    if (name == "en" || name == "english" || name == "EN") {
        return Lang::En;
    }
    if (name == "nl" || name == "dutch" || name == "NL" || name == "nederlands") {
        return Lang::Nl;
    }
    return std::nullopt;
}

std::string_view tr(Lang lang, std::string_view key) {
    if (lang == Lang::En) {
        return key;
    }
    auto it = std::lower_bound(k_dutch.begin(), k_dutch.end(), key,
                               [](const auto& entry, std::string_view k) { return entry.first < k; });
    if (it != k_dutch.end() && it->first == key) {
        return it->second;
    }
    return key;
}

} // namespace careerstat
