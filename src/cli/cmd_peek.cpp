// `careerstat peek`: how careerstat reads an export -- dialect, encoding, line ends, the
// header rows it used, the column names and the first records exactly as parsed -- so a
// user (and a test) can see why an export misreads.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/io/dialect.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/render/render.hpp"
#include "careerstat/render/utf8.hpp"
#include "careerstat/util/text.hpp"

#include <fmt/format.h>
#include <sstream>

namespace careerstat::cli {

namespace {

struct PeekOptions {
    std::string export_path;
    long rows = 10;
    std::string format = "text";
    InputOptions input;
    std::string output;
    bool force = false;
};

struct Peeked {
    std::vector<std::vector<std::string>> records;
    std::vector<long> lines;
};

// "LF", "CRLF", "CR", "LF and CRLF", ... from the counts of the records read.
std::string line_end_names(const std::array<long, 3>& counts) {
    static constexpr const char* k_names[] = {"LF", "CRLF", "CR"};
    std::string out;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0) {
            out += (out.empty() ? "" : ", ") + fmt::format("{} ({})", k_names[i], counts[i]);
        }
    }
    return out.empty() ? "none (one line)" : out;
}

std::string role_name(platform::Role r) {
    switch (r) {
    case platform::Role::Question:
        return "question";
    case platform::Role::Id:
        return "id";
    case platform::Role::Meta:
        return "metadata";
    case platform::Role::Timing:
        return "timing";
    case platform::Role::Text:
        return "text";
    }
    return {};
}

void write_text(std::ostream& out, const io::RecordReader& r, const platform::Layout& l,
                const Peeked& p) {
    const io::Dialect& d = r.dialect();
    out << fmt::format("file        {}\n", r.name());
    if (r.is_csv()) {
        out << fmt::format("delimiter   {}\n", io::delimiter_name(d.delimiter));
        out << fmt::format("encoding    {}{}\n", io::encoding_name(d.encoding),
                           d.bom ? " with BOM" : "");
        out << fmt::format("line ends   {} in the lines read\n", line_end_names(r.line_ends()));
    } else {
        out << fmt::format("format      {}\n", r.format());
    }
    out << fmt::format("platform    {}{}{}\n", platform::kind_title(l.kind),
                       l.variant.empty() ? "" : ", " + l.variant,
                       l.forced ? " (--platform)" : " (detected)");
    out << fmt::format("header      {}\n",
                       l.header_rows == 1
                           ? fmt::format("line {}", r.header_line())
                           : fmt::format("lines {}-{} ({} rows)", r.header_line(),
                                         r.last_header_line(), l.header_rows));
    if (r.excluded() > 0) {
        out << fmt::format("excluded    {} {} among the records shown\n", r.excluded(),
                           l.excluded_what);
    }
    if (r.skipped_empty() > 0) {
        out << fmt::format("skipped     {} rows holding only delimiters\n", r.skipped_empty());
    }
    out << fmt::format("columns     {}\n", r.header().size());
    for (std::size_t c = 0; c < r.header().size(); ++c) {
        const platform::Column& col = l.columns[c];
        std::string extra = role_name(col.role);
        if (!col.group.empty()) {
            extra += ", group " + col.group;
        }
        if (col.label != col.name) {
            extra += ": " + render::json_string(col.label);
        }
        out << fmt::format("  {:>4}  {}  ({})\n", c + 1, render::utf8::printable(r.header()[c]),
                           render::utf8::printable(extra));
    }
    out << fmt::format("records     {} shown\n", p.records.size());
    for (std::size_t i = 0; i < p.records.size(); ++i) {
        out << fmt::format("  line {}:\n", p.lines[i]);
        for (std::size_t c = 0; c < p.records[i].size(); ++c) {
            const std::string name = c < r.header().size() ? r.header()[c] : fmt::format("#{}", c + 1);
            // Line breaks and other control characters shown as \n, \r, ... so that every
            // field stays on its line.
            std::string shown = render::json_string(p.records[i][c]);
            out << fmt::format("    {}: {}\n", render::utf8::printable(name), shown);
        }
    }
}

void write_json(std::ostream& out, const io::RecordReader& r, const platform::Layout& l,
                const Peeked& p) {
    const io::Dialect& d = r.dialect();
    using render::json_string;
    out << "{\n";
    out << "  \"file\": " << json_string(r.name()) << ",\n";
    out << "  \"format\": " << json_string(r.format()) << ",\n";
    out << "  \"delimiter\": " << json_string(std::string(1, d.delimiter)) << ",\n";
    out << "  \"encoding\": " << json_string(io::encoding_name(d.encoding)) << ",\n";
    out << "  \"bom\": " << (d.bom ? "true" : "false") << ",\n";
    const auto& ends = r.line_ends();
    out << fmt::format("  \"line_ends\": {{\"lf\": {}, \"crlf\": {}, \"cr\": {}}},\n", ends[0],
                       ends[1], ends[2]);
    out << fmt::format("  \"header_line\": {},\n", r.header_line());
    out << "  \"platform\": " << json_string(std::string(platform::kind_name(l.kind))) << ",\n";
    out << "  \"platform_variant\": " << json_string(l.variant) << ",\n";
    out << fmt::format("  \"header_rows\": {},\n", l.header_rows);
    out << fmt::format("  \"excluded_rows\": {},\n", r.excluded());
    out << fmt::format("  \"skipped_empty_rows\": {},\n", r.skipped_empty());
    out << "  \"columns\": [";
    for (std::size_t c = 0; c < r.header().size(); ++c) {
        out << (c == 0 ? "" : ", ") << json_string(r.header()[c]);
    }
    out << "],\n";
    out << "  \"labels\": [";
    for (std::size_t c = 0; c < l.columns.size(); ++c) {
        out << (c == 0 ? "" : ", ") << json_string(l.columns[c].label);
    }
    out << "],\n";
    out << "  \"records\": [";
    for (std::size_t i = 0; i < p.records.size(); ++i) {
        out << (i == 0 ? "\n    {" : ",\n    {");
        for (std::size_t c = 0; c < p.records[i].size(); ++c) {
            const std::string name = c < r.header().size() ? r.header()[c] : fmt::format("#{}", c + 1);
            out << (c == 0 ? "" : ", ") << json_string(name) << ": "
                << json_string(p.records[i][c]);
        }
        out << "}";
    }
    out << (p.records.empty() ? "]\n" : "\n  ]\n");
    out << "}\n";
}

void run_peek(const PeekOptions& o) {
    register_input(o.export_path, "the export");
    Export e = open_export(o.export_path, o.input);
    auto& reader = e.reader;
    Peeked p;
    while ((o.rows == 0 || static_cast<long>(p.records.size()) < o.rows) && reader->next()) {
        p.records.emplace_back(reader->fields().begin(), reader->fields().end());
        p.lines.push_back(reader->line());
    }
    write_output(o.output, o.force, [&](std::ostream& out) {
        if (o.format == "json") {
            write_json(out, *reader, e.layout, p);
        } else {
            write_text(out, *reader, e.layout, p);
        }
    });
}

} // namespace

void setup_peek(CLI::App& app) {
    auto o = std::make_shared<PeekOptions>();
    CLI::App* sub = app.add_subcommand(
        "peek", msgf("Show how careerstat reads an export: dialect, header, first records"));
    sub->footer(msgf("Examples:") +
                "\n  careerstat peek survey.csv\n"
                "  careerstat peek survey.csv -n 0 --format json   (every record)\n"
                "Fields are shown exactly as read; see docs/output.md, \"peek\".");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("-n,--rows", o->rows, msgf("Records to show (0: every record)"))
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--format", o->format, msgf("text or json"))
        ->check(CLI::IsMember({"text", "json"}));
    sub->add_option("-o,--output", o->output, msgf("Write to FILE instead of standard output"));
    add_force_flag(*sub, o->force);
    o->input.add_to(*sub);
    sub->callback([o] { run_peek(*o); });
}

} // namespace careerstat::cli
