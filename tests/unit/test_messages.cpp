// careerstat's messages in Dutch and English (src/careerstat/messages.hpp).
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"

#include <doctest/doctest.h>
#include <regex>
#include <string>
#include <vector>

using namespace careerstat;

namespace {

// Restores English for the tests that follow.
struct DutchMessages {
    DutchMessages() { set_message_lang(Lang::Nl, true); }
    ~DutchMessages() { set_message_lang(Lang::En, false); }
};

std::vector<std::string> fields_of(std::string_view text) {
    std::string s(text);
    s = std::regex_replace(s, std::regex(R"(\{\{|\}\})"), "");
    std::vector<std::string> out;
    const std::regex field(R"(\{[^{}]*\})");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), field); it != std::sregex_iterator();
         ++it) {
        out.push_back(it->str());
    }
    return out;
}

} // namespace

TEST_CASE("messages: English is the key itself; Dutch is the catalog's") {
    CHECK(msgf("{} fields, but the header has {}", 3, 4) == "3 fields, but the header has 4");
    {
        DutchMessages nl;
        CHECK(message_lang_chosen());
        CHECK(msgf("{} fields, but the header has {}", 3, 4) == "3 velden, maar de kop heeft er 4");
        CHECK(place("a.csv", 4, "educ") == "a.csv:4: kolom \"educ\": ");
        // A key without a translation shows in English rather than not at all.
        CHECK(msgf("no such message {}", 1) == "no such message 1");
    }
    CHECK(place("a.csv", 4, "educ") == "a.csv:4: column \"educ\": ");
    CHECK_FALSE(message_lang_chosen());
}

TEST_CASE("messages: every Dutch message keeps its key's fmt fields, in order") {
    std::size_t n = 0;
    for (const auto& entry : dutch_messages()) {
        INFO(entry.first); // (clang 14 cannot capture a structured binding in INFO)
        CHECK(fields_of(entry.first) == fields_of(entry.second));
        ++n;
    }
    CHECK(n > 300); // the catalog is there (scripts/check_messages.py checks that it is whole)
}

TEST_CASE("messages: the catalog is sorted for lookup and has no key twice") {
    const auto catalog = dutch_messages();
    for (std::size_t i = 1; i < catalog.size(); ++i) {
        INFO(catalog[i].first);
        CHECK(catalog[i - 1].first < catalog[i].first);
    }
}
