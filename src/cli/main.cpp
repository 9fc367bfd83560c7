// careerstat's entry point: builds the CLI11 app and catches every error once.
#include "commands.hpp"
#include "defaults.hpp"
#include "lang.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"

#include <fmt/format.h>
#include <iostream>
#include <utility>

int main(int argc, char** argv) {
    using namespace careerstat;
    set_message_lang(lang_from_environment().value_or(Lang::En), false);
    try {
        cli::load_defaults(); // before the options are made: they start from its values
    } catch (const UsageError& e) {
        std::cerr << "careerstat: " << e.what() << '\n';
        return k_exit_usage;
    }
    set_quiet(cli::defaults().quiet);
    cli::choose_message_lang(argc, argv); // before the options: their --help is in it too
    CLI::App app{msgf("careerstat: survey analysis for career-guidance research"), "careerstat"};
    cli::translate_cli11(app);
    app.set_version_flag("--version", std::string("careerstat ") + CAREERSTAT_VERSION,
                         msgf("Show the version of careerstat and stop"));
    app.require_subcommand(1);
    app.footer(msgf("Exit codes: 0 ok, 1 problems in the data, 2 usage error or unreadable "
                    "input.\nRun `careerstat COMMAND --help` for a command's options and an "
                    "example."));
    cli::setup_codebook(app);
    cli::setup_validate(app);
    cli::setup_freq(app);
    cli::setup_describe(app);
    cli::setup_crosstab(app);
    cli::setup_scale(app);
    cli::setup_drivers(app);
    cli::setup_drift(app);
    cli::setup_trend(app);
    cli::setup_response(app);
    cli::setup_report(app);
    cli::setup_convert(app);
    cli::setup_peek(app);
    // --quiet on every command: notes on stderr silenced, warnings and errors kept.
    for (CLI::App* sub : app.get_subcommands({})) {
        if (message_lang() == Lang::Nl) {
            sub->group("Opdrachten");
            if (CLI::Option* help = sub->get_help_ptr()) {
                help->group("Opties");
            }
        }
        if (sub->get_option_no_throw("--lang") == nullptr) {
            // Read before parsing (choose_message_lang); here so that every command takes it.
            sub->add_option("--lang")
                ->description(msgf("Language of careerstat's messages: en or nl"))
                ->check(CLI::IsMember({"en", "nl"}));
        }
        sub->add_flag_callback(
            "--quiet", [] { set_quiet(true); },
            msgf("No notes on standard error (what was recognised or written); "
                 "warnings and errors are still written"));
    }
    if (!cli::defaults().source.empty()) {
        std::string what;
        const cli::Defaults& d = cli::defaults();
        for (const auto& [key, value] : {std::pair<const char*, std::string>{"locale", d.locale},
                                         {"lang", d.lang},
                                         {"bom", d.bom ? "true" : ""},
                                         {"quiet", d.quiet ? "true" : ""}}) {
            if (!value.empty()) {
                what += (what.empty() ? "" : ", ") + std::string(key) + " " + value;
            }
        }
        app.parse_complete_callback([what] {
            note(msgf("defaults from {}: {}", cli::defaults().source,
                      what.empty() ? msgf("none set") : what));
        });
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? k_exit_ok : k_exit_usage;
    } catch (const DataError& e) {
        std::cerr << "careerstat: " << e.what() << '\n';
        return k_exit_data;
    } catch (const UsageError& e) {
        std::cerr << "careerstat: " << e.what() << '\n';
        return k_exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "careerstat: " << msgf("internal error: {}", e.what()) << '\n';
        return k_exit_data;
    }
    return k_exit_ok;
}
