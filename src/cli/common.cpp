#include "common.hpp"

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
                   "Field delimiter of the export: , ; tab | (default: sniffed)");
    app.add_option("--encoding", encoding,
                   "Encoding of the export: utf-8 or windows-1252 (default: detected)");
}

io::ReaderOptions InputOptions::reader_options() const {
    io::ReaderOptions o;
    if (!delimiter.empty()) {
        o.delimiter = io::parse_delimiter(delimiter);
        if (!o.delimiter) {
            throw UsageError(fmt::format("--delimiter \"{}\": give one character, or tab",
                                         delimiter));
        }
    }
    if (!encoding.empty()) {
        o.encoding = io::parse_encoding(encoding);
        if (!o.encoding) {
            throw UsageError(fmt::format("--encoding \"{}\": use utf-8 or windows-1252", encoding));
        }
    }
    return o;
}

void StatsOptions::add_to(CLI::App& app, bool with_ci) {
    if (with_ci) {
        app.add_option("--ci", ci,
                       "Interval for proportions: wilson, clopper-pearson, jeffreys, "
                       "agresti-coull")
            ->check(CLI::IsMember(
                {"wilson", "clopper-pearson", "exact", "jeffreys", "agresti-coull"}));
    }
    app.add_option("--level", level, "Confidence level")->check(CLI::Range(0.5, 0.9999));
    app.add_option("--population", population,
                   "Population size N (e.g. the number invited): finite population correction")
        ->check(CLI::PositiveNumber);
    app.add_option("--weight", weight, "Weight variable (default: the codebook's weight column)");
    // One condition per --where, so question names after it stay positional.
    app.add_option("--where", where,
                   "Keep respondents matching: VAR=CODE, VAR!=CODE, \"VAR in CODE,CODE\" "
                   "(repeatable; all must hold)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

Source open_source(const std::string& export_path, const std::string& codebook_path,
                   const InputOptions& input) {
    Source src;
    if (export_path != "-" && !std::filesystem::exists(export_path)) {
        throw UsageError(fmt::format("{}: cannot open: No such file or directory", export_path));
    }
    std::string cb_path = codebook_path;
    if (cb_path.empty()) {
        cb_path = codebook::Codebook::default_path(export_path);
        if (cb_path.empty()) {
            throw UsageError("reading from standard input: give the codebook with --codebook");
        }
        if (!std::filesystem::exists(cb_path)) {
            throw UsageError(fmt::format("{}: no codebook found (looked for {}); give one with "
                                         "--codebook, or draft one with `careerstat codebook {}`",
                                         export_path, cb_path, export_path));
        }
    }
    register_input(export_path, "the export");
    register_input(cb_path, "the codebook");
    src.codebook = codebook::Codebook::load(cb_path);
    src.reader = io::RecordReader::open(export_path, input.reader_options());
    return src;
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
