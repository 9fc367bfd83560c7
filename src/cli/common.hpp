// Options that several subcommands share, and the read -> compute -> table -> render plumbing.
#pragma once

#include "careerstat/analysis/settings.hpp"
#include "careerstat/codebook/codebook.hpp"
#include "careerstat/i18n.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/platform/platform.hpp"
#include "careerstat/render/render.hpp"
#include "careerstat/stats/proportion_ci.hpp"
#include "careerstat/table/builders.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace careerstat::cli {

// How to read an export: --delimiter, --encoding, --platform.
struct InputOptions {
    std::string delimiter;
    std::string encoding;
    std::string platform;
    std::string sheet;
    bool keep_excluded = false;
    void add_to(CLI::App& app);
    io::ReaderOptions reader_options() const;
    std::optional<platform::Kind> platform_kind() const;
};

// An export opened through the platform layer: header rows dropped, names drafted.
struct Export {
    std::unique_ptr<io::RecordReader> reader;
    platform::Layout layout;
};
// `for_draft`: a draft codebook reads the rows the platform excludes too (their answers
// have the shape of real ones), so an export of test responses still gets its types.
Export open_export(const std::string& export_path, const InputOptions& input,
                   bool for_draft = false);

// Statistics options: --ci, --level, --population, --weight, --where.
struct StatsOptions {
    std::string ci = "wilson";
    double level = 0.95;
    double population = 0;
    std::string weight;
    std::vector<std::string> where;
    // describe and report show no proportion intervals of their own choosing: no --ci;
    // scale and drivers estimate no population figures: no --population.
    void add_to(CLI::App& app, bool with_ci = true, bool with_population = true);
};

// The export and its codebook.
struct Source {
    std::unique_ptr<io::RecordReader> reader;
    platform::Layout layout;
    codebook::Codebook codebook;
};

// Notes about how an export was read ("a multiple category set is read as ..."), on stderr.
void print_reader_notes(const io::RecordReader& reader, const std::vector<std::string>& notes);

// Opens the export and finds its codebook (--codebook, or <stem>.codebook.csv beside it).
Source open_source(const std::string& export_path, const std::string& codebook_path,
                   const InputOptions& input);

// The statistics options of a run, through analysis::make_settings (the one place that
// builds them): interval method, population, weight (from --weight or the codebook's
// weight column), filters and language.
// The warning for an export whose every row the platform left out (all survey tests).
void warn_all_excluded(const Source& src);

analysis::Settings build_options(const Source& src, const StatsOptions& stats,
                                 const OutputOptions& out);

} // namespace careerstat::cli
