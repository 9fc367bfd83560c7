#include "common.hpp"

#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/codebook/binding.hpp"
#include "careerstat/codebook/dictionary.hpp"
#include "careerstat/codebook/redcap.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/dialect.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace careerstat::cli {

void InputOptions::add_to(CLI::App& app) {
    app.add_option("--delimiter", delimiter,
                   msgf("Field delimiter of the export: , ; tab | (default: sniffed)"));
    app.add_option("--encoding", encoding,
                   msgf("Encoding of the export: utf-8 or windows-1252 (default: detected)"));
    app.add_option("--sheet", sheet,
                   msgf("The sheet of an .xlsx workbook to read (default: the first)"));
    app.add_option("--platform", platform,
                   msgf("Survey platform of the export: ") + platform::kind_names() +
                       msgf(" (default: detected from the header)"));
    app.add_flag("--keep-excluded", keep_excluded,
                 msgf("Keep the rows the platform marks as not answers (Qualtrics survey previews, "
                      "tests and spam)"));
}

std::optional<platform::Kind> InputOptions::platform_kind() const {
    if (platform.empty()) {
        return std::nullopt;
    }
    const auto k = platform::parse_kind(platform);
    if (!k) {
        throw UsageError(
            msgf("--platform \"{}\": use one of {}", platform, platform::kind_names()));
    }
    return k;
}

Export open_export(const std::string& export_path, const InputOptions& input, bool for_draft) {
    Export e;
    const auto kind = input.platform_kind();
    e.reader = io::RecordReader::open(export_path, input.reader_options());
    e.layout = platform::open(*e.reader, kind, !input.keep_excluded && !for_draft);
    return e;
}

io::ReaderOptions InputOptions::reader_options() const {
    io::ReaderOptions o;
    o.sheet = sheet;
    if (!delimiter.empty()) {
        o.delimiter = io::parse_delimiter(delimiter);
        if (!o.delimiter) {
            throw UsageError(msgf("--delimiter \"{}\": give one character, or tab", delimiter));
        }
    }
    if (!encoding.empty()) {
        o.encoding = io::parse_encoding(encoding);
        if (!o.encoding) {
            throw UsageError(msgf("--encoding \"{}\": use utf-8 or windows-1252", encoding));
        }
    }
    return o;
}

void StatsOptions::add_to(CLI::App& app, bool with_ci, bool with_population) {
    if (with_ci) {
        app.add_option("--ci", ci,
                       msgf("Interval for proportions: wilson, clopper-pearson, jeffreys, "
                            "agresti-coull"))
            ->check(
                CLI::IsMember({"wilson", "clopper-pearson", "exact", "jeffreys", "agresti-coull"}));
    }
    app.add_option("--level", level, msgf("Confidence level"))->check(CLI::Range(0.5, 0.9999));
    if (with_population) {
        app.add_option(
               "--population", population,
               msgf("Population size N (e.g. the number invited): finite population correction"))
            ->check(CLI::PositiveNumber);
    }
    app.add_option("--weight", weight,
                   msgf("Weight variable (default: the codebook's weight column)"));
    // One condition per --where, so question names after it stay positional.
    app.add_option("--where", where,
                   msgf("Keep respondents matching: VAR=CODE, VAR!=CODE, \"VAR in CODE,CODE\" "
                        "(repeatable; all must hold)"))
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void print_reader_notes(const io::RecordReader& reader, const std::vector<std::string>& notes) {
    for (const std::string& n : notes) {
        note(msgf("{}: {}", reader.name(), n));
    }
}

Source open_source(const std::string& export_path, const std::string& codebook_path,
                   const InputOptions& input) {
    Source src;
    if (export_path != "-" && !std::filesystem::exists(export_path)) {
        throw UsageError(msgf("{}: cannot open: No such file or directory", export_path));
    }
    register_input(export_path, "the export");
    Export e = open_export(export_path, input);
    src.reader = std::move(e.reader);
    src.layout = std::move(e.layout);
    std::string cb_path = codebook_path;
    if (cb_path.empty() && src.reader->dictionary() &&
        !std::filesystem::exists(codebook::Codebook::default_path(export_path))) {
        // A .sav or .dta is its own codebook unless one is given or lies beside it.
        std::vector<std::string> notes;
        src.codebook = *codebook::dictionary_codebook(*src.reader, notes, &src.layout);
        print_reader_notes(*src.reader, notes);
        codebook::add_scale_scores(src.codebook);
        return src;
    }
    if (cb_path.empty()) {
        cb_path = codebook::Codebook::default_path(export_path);
        if (cb_path.empty()) {
            throw UsageError(
                msgf("reading from standard input: give the codebook with --codebook"));
        }
        if (!std::filesystem::exists(cb_path) && src.layout.kind == platform::Kind::Redcap) {
            // A REDCap project's data dictionary beside the export is its codebook.
            if (std::string dict = codebook::find_redcap_dictionary(export_path, src.reader->header());
                !dict.empty()) {
                cb_path = std::move(dict);
            }
        }
        if (!std::filesystem::exists(cb_path)) {
            throw UsageError(msgf("{}: no codebook found (looked for {}); give one with "
                                  "--codebook, or draft one with `careerstat codebook {}`",
                                  export_path, cb_path, export_path));
        }
    }
    register_input(cb_path, "the codebook");
    src.codebook = codebook::load_for_export(cb_path, *src.reader);
    codebook::add_scale_scores(src.codebook);
    return src;
}

void warn_all_excluded(const Source& src) {
    warn(msgf("every row of {} is left out ({} rows of {}); --keep-excluded keeps them",
              src.reader->name(), src.reader->excluded(), msg(src.layout.excluded_what)));
}

analysis::Settings build_options(const Source& src, const StatsOptions& stats,
                                 const OutputOptions& out) {
    analysis::Request r;
    r.ci = stats.ci;
    r.level = stats.level;
    r.population = stats.population;
    r.weight = stats.weight;
    r.where = stats.where;
    r.lang = out.language();
    r.codes = out.codes;
    return analysis::make_settings(src.codebook, r, src.reader->dialect().decimal_comma);
}

} // namespace careerstat::cli
