#include "defaults.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <toml++/toml.h>

namespace careerstat::cli {

namespace fs = std::filesystem;

namespace {

Defaults g_defaults;

std::string find_file() {
    if (const char* given = std::getenv("CAREERSTAT_CONFIG"); given && *given) {
        if (!fs::is_regular_file(given)) {
            throw UsageError(msgf("CAREERSTAT_CONFIG={}: no such file", given));
        }
        return given;
    }
    if (fs::is_regular_file("careerstat.toml")) {
        return "careerstat.toml";
    }
    fs::path dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
        dir = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        dir = fs::path(home) / ".config";
    } else if (const char* appdata = std::getenv("APPDATA"); appdata && *appdata) {
        dir = appdata; // Windows
    }
    if (!dir.empty() && fs::is_regular_file(dir / "careerstat" / "careerstat.toml")) {
        return (dir / "careerstat" / "careerstat.toml").string();
    }
    return {};
}

std::string at(const std::string& file, const toml::node& n) {
    return fmt::format("{}:{}: ", file, n.source().begin.line);
}

} // namespace

void load_defaults() {
    const std::string file = find_file();
    if (file.empty()) {
        return;
    }
    toml::table root;
    try {
        root = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        throw UsageError(msgf("{}:{}:{}: {}", file, e.source().begin.line, e.source().begin.column,
                              e.description()));
    }
    Defaults d;
    d.source = file;
    for (const auto& [key, value] : root) {
        const std::string k(key.str());
        if (k == "locale" || k == "lang") {
            const auto s = value.value<std::string>();
            if (!s || (*s != "en" && *s != "nl")) {
                throw UsageError(at(file, value) + msgf("{} is \"en\" or \"nl\"", k));
            }
            (k == "locale" ? d.locale : d.lang) = *s;
        } else if (k == "bom" || k == "quiet") {
            const auto b = value.value<bool>();
            if (!b || !value.is_boolean()) {
                throw UsageError(at(file, value) + msgf("{} is true or false", k));
            }
            (k == "bom" ? d.bom : d.quiet) = *b;
        } else {
            throw UsageError(at(file, value) + msgf("unknown key \"{}\" in careerstat's "
                                                    "defaults (known: locale, lang, bom, quiet)",
                                                    k));
        }
    }
    g_defaults = d;
}

const Defaults& defaults() { return g_defaults; }

} // namespace careerstat::cli
