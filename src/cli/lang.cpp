#include "lang.hpp"

#include "defaults.hpp"

#include "careerstat/messages.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace careerstat::cli {

namespace {

// The value of --NAME in argv: "--NAME X" or "--NAME=X"; the last one wins, as in CLI11.
std::optional<std::string> option_in(int argc, char** argv, std::string_view name) {
    std::optional<std::string> found;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        if (a == "--") {
            break;
        }
        if (a == name && i + 1 < argc) {
            found = argv[++i];
        } else if (a.size() > name.size() && a.starts_with(name) && a[name.size()] == '=') {
            found = std::string(a.substr(name.size() + 1));
        }
    }
    return found;
}

// CLI11 2.3's messages, piece by piece (CLI/Error.hpp, CLI/Validators.hpp), and Dutch.
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> k_cli11_dutch{{
    {"The following arguments were not expected: ", "Deze argumenten worden niet verwacht: "},
    {"The following argument was not expected: ", "Dit argument wordt niet verwacht: "},
    {"A subcommand is required", "Een opdracht is nodig (codebook, freq, report, ...)"},
    {" is required", " is verplicht"},
    {"Could not convert: ", "Kan niet omzetten: "},
    {"The value ", "De waarde "},
    {" is not an allowed value for ", " is niet toegestaan voor "},
    {"Should be true/false or a number", "Moet true/false of een getal zijn"},
    {"too many inputs for a flag", "te veel waarden voor een vlag"},
    {"Expected exactly ", "Verwacht precies "},
    {"Expected at least ", "Verwacht minstens "},
    {" arguments to ", " waarden voor "},
    {", got ", ", gekregen: "},
    {" requires ", " vereist "},
    {" excludes ", " sluit uit: "},
    {"File does not exist: ", "Bestand bestaat niet: "},
    {"Directory does not exist: ", "Map bestaat niet: "},
    {"Path does not exist: ", "Pad bestaat niet: "},
    {" not in {", " niet in {"},
    {"Value ", "Waarde "},
    {" not in range ", " niet in het bereik "},
    {"Failed parsing number: ", "Geen getal: "},
    {" must be ", " moet zijn: "},
    {"Run with --help for more information.", "Voer uit met --help voor meer uitleg."},
}};

std::string dutch_cli11(std::string text) {
    for (const auto& [en, nl] : k_cli11_dutch) {
        for (std::size_t at = text.find(en); at != std::string::npos;
             at = text.find(en, at + nl.size())) {
            text.replace(at, en.size(), nl);
        }
    }
    return text;
}

} // namespace

void choose_message_lang(int argc, char** argv) {
    std::optional<Lang> chosen;
    if (auto l = option_in(argc, argv, "--lang")) {
        chosen = parse_lang(*l);
    }
    if (!chosen && option_in(argc, argv, "--locale") == std::optional<std::string>("nl")) {
        chosen = Lang::Nl;
    }
    const Defaults& d = defaults();
    if (!chosen && !d.lang.empty()) {
        chosen = parse_lang(d.lang);
    }
    if (!chosen && d.locale == "nl") {
        chosen = Lang::Nl;
    }
    if (chosen) {
        set_message_lang(*chosen, true);
    } else {
        set_message_lang(lang_from_environment().value_or(Lang::En), false);
    }
}

void translate_cli11(CLI::App& app) {
    if (message_lang() == Lang::En) {
        return;
    }
    auto f = app.get_formatter();
    f->label("Usage", "Gebruik");
    f->label("OPTIONS", "OPTIES");
    f->label("SUBCOMMAND", "OPDRACHT");
    f->label("Positionals", "Argumenten");
    f->label("REQUIRED", "VERPLICHT");
    f->label("TEXT", "TEKST");
    f->label("FLOAT", "GETAL");
    f->label("INT", "GETAL");
    f->label("UINT", "GETAL");
    f->label("Needs", "Vereist");
    f->label("Excludes", "Sluit uit");
    app.option_defaults()->group("Opties");
    app.set_help_flag("-h,--help", "Toon deze hulp en stop")->group("Opties");
    app.failure_message([](const CLI::App* a, const CLI::Error& e) {
        return dutch_cli11(CLI::FailureMessage::simple(a, e));
    });
}

} // namespace careerstat::cli
