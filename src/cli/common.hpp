// Options that several subcommands share, and the read -> compute -> table -> render plumbing.
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/i18n.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/render/render.hpp"
#include "careerstat/stats/proportion_ci.hpp"
#include "careerstat/table/builders.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace careerstat::cli {

// How to read an export: --delimiter, --encoding.
struct InputOptions {
    std::string delimiter;
    std::string encoding;
    void add_to(CLI::App& app);
    io::ReaderOptions reader_options() const;
};

// How to write tables: --format, -o, --locale, --bom, --lang, --codes.
struct OutputOptions {
    std::string format;
    std::string output;
    std::string locale; // "" (English numbers) or "en" or "nl"
    std::string lang;
    bool bom = false;
    bool codes = false;
    void add_to(CLI::App& app);
    Lang language() const;
    // Renders to stdout or, with -o, atomically to the file (temporary file, then rename).
    void write(const std::vector<table::Table>& tables,
               render::RenderOptions base = {}) const;

  private:
    void write_directory(const std::vector<table::Table>& tables, render::RenderOptions base,
                         bool format_unset) const;
};

// Statistics options: --ci, --level, --population, --weight, --where.
struct StatsOptions {
    std::string ci = "wilson";
    double level = 0.95;
    double population = 0;
    std::string weight;
    std::vector<std::string> where;
    // describe and report show no proportion intervals of their own choosing: no --ci.
    void add_to(CLI::App& app, bool with_ci = true);
};

// The export and its codebook.
struct Source {
    std::unique_ptr<io::RecordReader> reader;
    codebook::Codebook codebook;
};

// Opens the export and finds its codebook (--codebook, or <stem>.codebook.csv beside it).
Source open_source(const std::string& export_path, const std::string& codebook_path,
                   const InputOptions& input);

// The statistics options of a run: interval method, population, weight (from --weight or
// the codebook's weight column), filters and language.
table::BuildOptions build_options(const Source& src, const StatsOptions& stats,
                                  const OutputOptions& out);

} // namespace careerstat::cli
