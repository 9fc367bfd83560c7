// Where a run's output goes, and the rules every output follows: inputs are never written
// to, an existing file is replaced only with --force, and no error or signal leaves half a
// file or a temporary file behind.
#pragma once

#include "careerstat/i18n.hpp"
#include "careerstat/render/render.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace careerstat::cli {

// How to write tables: --format, -o, --force, --locale, --bom, --lang, --codes.
struct OutputOptions {
    std::string format;
    std::string output;
    std::string locale; // "" (English numbers) or "en" or "nl"
    std::string lang;
    bool bom = false;
    bool codes = false;
    bool force = false;
    bool long_form = false; // --long
    // with_codes: --codes, for commands whose tables show answer codes.
    void add_to(CLI::App& app, bool with_codes = true);
    Lang language() const;
    // Renders to stdout, to -o FILE or, with -o DIR/, to one file per table, all through
    // write_output().
    void write(const std::vector<table::Table>& tables,
               render::RenderOptions base = {}) const;

  private:
    void write_directory(const std::vector<table::Table>& tables, render::RenderOptions base,
                         bool format_unset) const;
};

// --force, for every command that has -o.
void add_force_flag(CLI::App& app, bool& force);

// Records a file this run reads (role: "the export", "the codebook", "the study file",
// "the sample file"; "-" is standard input; "" is ignored) so that no -o can name it.
void register_input(const std::string& path, const std::string& role);

// The one way output leaves careerstat. `path` "" or "-" is standard output; a device or
// FIFO is written directly; a regular file is written to a temporary file beside it and
// renamed over it, and only with `force` if it exists. Throws UsageError when `path` is an
// input, exists without `force`, or when any write fails.
void write_output(const std::string& path, bool force,
                  const std::function<void(std::ostream&)>& render);

} // namespace careerstat::cli
