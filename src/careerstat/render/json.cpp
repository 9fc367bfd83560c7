// The JSON renderer: the stable "careerstat-tables/1" schema (docs/output.md), laid out
// like `jq .` so output diffs line by line.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace careerstat::render {

// RFC 8259 string: short escapes where JSON has them, \u00XX for other control
// characters, UTF-8 passed through (invalid bytes become U+FFFD so the file stays valid).
std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : utf8::repair(text)) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace careerstat::render

namespace careerstat::render::detail {

namespace {

constexpr std::string_view k_schema = "careerstat-tables/1";

std::string_view type_name(table::ColumnType type) {
    switch (type) {
    case table::ColumnType::Text:
        return "text";
    case table::ColumnType::Code:
        return "code";
    case table::ColumnType::Count:
        return "count";
    case table::ColumnType::Percent:
        return "percent";
    case table::ColumnType::Number:
        return "number";
    case table::ColumnType::PValue:
        return "p_value";
    }
    return "text";
}

std::string quoted(std::string_view text) { return json_string(text); }



// Writes pretty JSON as a stream of events: 2-space indent, "key": value, empty
// containers as [] and {}; the same layout as `jq .` and Python's json.dumps(indent=2).
class JsonWriter {
  public:
    explicit JsonWriter(std::ostream& out) : m_out(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    void key(std::string_view name) {
        next_item();
        m_out << quoted(name) << ": ";
        m_after_key = true;
    }
    void string(std::string_view text) {
        before_value();
        m_out << quoted(text);
    }
    // Infinity and NaN have no JSON form; both become null.
    void number(double value) {
        before_value();
        m_out << (std::isfinite(value) ? format_machine(value) : "null");
    }
    void null() {
        before_value();
        m_out << "null";
    }
    void field(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }
    void finish() { m_out << '\n'; }

  private:
    void open(char bracket) {
        before_value();
        m_out << bracket;
        m_counts.push_back(0);
    }
    void close(char bracket) {
        const bool empty = m_counts.back() == 0;
        m_counts.pop_back();
        if (!empty) {
            newline();
        }
        m_out << bracket;
    }
    void before_value() {
        if (m_after_key) {
            m_after_key = false;
        } else if (!m_counts.empty()) {
            next_item();
        }
    }
    void next_item() {
        if (m_counts.back()++ > 0) {
            m_out << ',';
        }
        newline();
    }
    void newline() { m_out << '\n' << std::string(2 * m_counts.size(), ' '); }

    std::ostream& m_out;
    std::vector<std::size_t> m_counts; // items so far in each open container
    bool m_after_key = false;
};

// A row is an object keyed by column name next to "kind", so the names must be unique
// and not "kind" or "marks". Checked before writing so a bad table leaves no half-written output.
void check_column_names(const Tables& tables) {
    for (const table::Table& table : tables) {
        std::set<std::string> seen{"kind", "marks", "intervals"};
        for (const table::Column& column : table.columns) {
            if (!seen.insert(column.name).second) {
                throw std::logic_error("table " + table.id + ": column name \"" + column.name +
                                       "\" is used twice or is \"kind\"");
            }
        }
    }
}

void write_cell(JsonWriter& json, const table::Cell& cell) {
    if (const auto* number = std::get_if<double>(&cell)) {
        json.number(*number);
    } else if (const auto* text = std::get_if<std::string>(&cell)) {
        json.string(*text);
    } else {
        json.null();
    }
}

void write_strings(JsonWriter& json, std::string_view name, const std::vector<std::string>& texts) {
    json.key(name);
    json.begin_array();
    for (const std::string& text : texts) {
        json.string(text);
    }
    json.end_array();
}

void write_table(JsonWriter& json, const table::Table& table) {
    json.begin_object();
    json.field("id", table.id);
    json.field("title", table.title);
    json.field("subtitle", table.subtitle);
    if (!table.section.empty()) {
        json.field("section", table.section); // reports only
    }
    json.key("columns");
    json.begin_array();
    for (const table::Column& column : table.columns) {
        json.begin_object();
        json.field("name", column.name);
        json.field("label", column.label);
        json.field("type", type_name(column.type));
        // Banner tables: the column group, category and letter as fields of their own.
        if (!column.group.empty()) {
            json.field("group", column.group);
        }
        if (!column.category.empty()) {
            json.field("category", column.category);
        }
        if (!column.letter.empty()) {
            json.field("letter", column.letter);
        }
        json.end_object();
    }
    json.end_array();
    json.key("rows");
    json.begin_array();
    for (const table::Row& row : table.rows) {
        json.begin_object();
        json.field("kind", table::kind_name(row.kind));
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            json.key(table.columns[c].name);
            write_cell(json, c < row.cells.size() ? row.cells[c] : table::Cell{});
        }
        // Confidence intervals of cells, by column name: [low, high].
        bool any_interval = false;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            any_interval = any_interval || row.interval(c).has_value();
        }
        if (any_interval) {
            json.key("intervals");
            json.begin_object();
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                if (const auto ci = row.interval(c)) {
                    json.key(table.columns[c].name);
                    json.begin_array();
                    json.number((*ci)[0]);
                    json.number((*ci)[1]);
                    json.end_array();
                }
            }
            json.end_object();
        }
        // Significance letters, small-base flags and suppression, by column name.
        if (std::any_of(row.marks.begin(), row.marks.end(),
                        [](const std::string& m) { return !m.empty(); })) {
            json.key("marks");
            json.begin_object();
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                if (!row.mark(c).empty()) {
                    json.field(table.columns[c].name, row.mark(c));
                }
            }
            json.end_object();
        }
        json.end_object();
    }
    json.end_array();
    write_strings(json, "footnotes", table.footnotes);
    json.end_object();
}

} // namespace

void render_json(const Tables& tables, std::ostream& out, const RenderOptions& options) {
    check_column_names(tables);
    JsonWriter json(out);
    json.begin_object();
    json.field("schema", k_schema);
    json.field("title", options.document_title);
    write_strings(json, "key_findings", options.key_findings);
    // The key findings again, each with the numbers its sentence states (docs/output.md).
    json.key("findings");
    json.begin_array();
    for (const table::Finding& f : options.findings) {
        json.begin_object();
        json.field("text", f.text);
        json.field("kind", f.kind);
        if (!f.unit.empty()) {
            json.field("unit", f.unit);
        }
        const std::pair<std::string_view, double> numbers[] = {
            {"value", f.value}, {"compared_to", f.compared_to}, {"n", f.n}, {"base", f.base}};
        for (const auto& [name, v] : numbers) {
            if (std::isfinite(v)) {
                json.key(name);
                json.number(v);
            }
        }
        if (std::isfinite(f.ci_low) && std::isfinite(f.ci_high)) {
            json.key("interval");
            json.begin_array();
            json.number(f.ci_low);
            json.number(f.ci_high);
            json.end_array();
        }
        if (std::isfinite(f.p)) {
            json.key("p");
            json.number(f.p);
        }
        if (std::isfinite(f.p_below)) {
            json.key("p_below");
            json.number(f.p_below);
        }
        json.end_object();
    }
    json.end_array();
    json.key("tables");
    json.begin_array();
    for (const table::Table& table : tables) {
        write_table(json, table);
    }
    json.end_array();
    json.end_object();
    json.finish();
}

} // namespace careerstat::render::detail
