// Writing a run's tables: --format, -o, --locale, --bom, --lang, --codes, and the file
// safety rules (inputs never written to, outputs written atomically).
#include "common.hpp"

#include "careerstat/errors.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace careerstat::cli {

void OutputOptions::add_to(CLI::App& app) {
    app.add_option("--format", format,
                   "Output format: text|csv|tsv|md|json|html (default: from -o's extension, "
                   "else text)")
        ->check(CLI::IsMember({"text", "csv", "tsv", "md", "json", "html"}));
    app.add_option("-o,--output", output, "Write to FILE (atomically) instead of standard output");
    app.add_option("--locale", locale,
                   "Number format: en, or nl (decimal comma, ';' in CSV, Dutch words)")
        ->check(CLI::IsMember({"en", "nl"}));
    app.add_option("--lang", lang, "Language of careerstat's own words: en or nl")
        ->check(CLI::IsMember({"en", "nl"}));
    app.add_flag("--bom", bom, "Start the output with a UTF-8 BOM, which Excel needs to read "
                               "UTF-8 CSV (every format but JSON)");
    app.add_flag("--codes", codes, "Show raw answer codes next to the labels");
}

Lang OutputOptions::language() const {
    if (!lang.empty()) {
        return *parse_lang(lang);
    }
    return locale == "nl" ? Lang::Nl : Lang::En;
}

namespace {

// A table id as a file name that every system takes: letters, digits, '.', '-', '_'.
std::string file_name_of(const std::string& id) {
    std::string out;
    for (unsigned char c : id) {
        out += (std::isalnum(c) != 0 || c == '.' || c == '-' || c == '_') ? static_cast<char>(c)
                                                                           : '_';
    }
    return out;
}

} // namespace

// -o DIR/: one CSV (or TSV) file per table, named after the table's id.
void OutputOptions::write_directory(const std::vector<table::Table>& tables,
                                   render::RenderOptions base, bool format_unset) const {
    if (format_unset) {
        base.format = render::Format::Csv;
    }
    if (base.format != render::Format::Csv && base.format != render::Format::Tsv) {
        throw UsageError(fmt::format("-o {}: a directory takes one CSV or TSV file per table; "
                                     "use --format csv or tsv",
                                     output));
    }
    std::error_code ec;
    std::filesystem::create_directories(output, ec);
    if (ec) {
        throw UsageError(fmt::format("{}: cannot make the directory: {}", output, ec.message()));
    }
    const char* ext = base.format == render::Format::Csv ? ".csv" : ".tsv";
    for (const table::Table& t : tables) {
        OutputOptions one = *this;
        one.output = (std::filesystem::path(output) / (file_name_of(t.id) + ext)).string();
        one.format = base.format == render::Format::Csv ? "csv" : "tsv";
        one.write({t}, base);
    }
}

void OutputOptions::write(const std::vector<table::Table>& tables,
                          render::RenderOptions base) const {
    const bool to_directory =
        !output.empty() && (output.back() == '/' || std::filesystem::is_directory(output));
    render::Format fmt_ = render::Format::Text;
    if (!format.empty()) {
        fmt_ = *render::parse_format(format);
    } else if (!output.empty() && !to_directory) {
        auto f = render::format_from_path(output);
        if (!f) {
            throw UsageError(fmt::format("-o {}: cannot tell the format from the extension; "
                                         "add --format",
                                         output));
        }
        fmt_ = *f;
    }
    base.format = fmt_;
    base.decimal_comma = locale == "nl";
    base.bom = bom;
    base.lang = language();
    base.color = output.empty() && fmt_ == render::Format::Text && isatty(STDOUT_FILENO) != 0 &&
                 std::getenv("NO_COLOR") == nullptr;
    if (to_directory) {
        write_directory(tables, base, format.empty());
        return;
    }
    if (output.empty() || output == "-") {
        render::render(tables, std::cout, base);
        std::cout.flush();
        if (!std::cout) {
            throw UsageError("cannot write to standard output");
        }
        return;
    }
    // Atomic: a reader of the output never sees half a file, and a failed run leaves the
    // old file in place.
    const std::filesystem::path target(output);
    const std::filesystem::path tmp =
        target.parent_path() / (target.filename().string() + fmt::format(".tmp{}", getpid()));
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) {
            const auto dir = target.parent_path();
            throw UsageError(!dir.empty() && !std::filesystem::is_directory(dir)
                                 ? fmt::format("{}: the folder {} does not exist", output,
                                               dir.string())
                                 : fmt::format("{}: cannot write here", output));
        }
        render::render(tables, out, base);
        out.close();
        if (!out) {
            std::filesystem::remove(tmp);
            throw UsageError(fmt::format("{}: writing failed", output));
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        std::filesystem::remove(tmp);
        throw UsageError(fmt::format("{}: cannot write: {}", output, ec.message()));
    }
}

} // namespace careerstat::cli
