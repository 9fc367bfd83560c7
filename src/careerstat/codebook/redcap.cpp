// A REDCap data dictionary read as a codebook, for the columns of one export.
#include "careerstat/codebook/redcap.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace careerstat::codebook {

namespace {

// The dictionary's columns: the API's names, and the names REDCap's download writes.
struct DictColumn {
    const char* api;
    const char* ui;
};
constexpr DictColumn k_columns[] = {
    {"field_name", "variable / field name"},
    {"form_name", "form name"},
    {"field_type", "field type"},
    {"field_label", "field label"},
    {"select_choices_or_calculations", "choices, calculations, or slider labels"},
    {"text_validation_type_or_show_slider_number", "text validation type or show slider number"},
    {"text_validation_min", "text validation min"},
    {"text_validation_max", "text validation max"},
};

std::optional<std::size_t> find(const std::vector<std::string>& header, const DictColumn& d) {
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string f = util::fold(util::trim(header[c]));
        if (f == d.api || f == d.ui) {
            return c;
        }
    }
    return std::nullopt;
}

// "1, Yes | 2, No": REDCap's choices, code before the first comma.
std::vector<Choice> redcap_choices(std::string_view text) {
    std::vector<Choice> out;
    for (std::string_view item : util::split(text, '|')) {
        item = util::trim(item);
        const auto comma = item.find(',');
        if (item.empty() || comma == std::string_view::npos) {
            continue;
        }
        Choice c;
        c.code = std::string(util::trim(item.substr(0, comma)));
        c.label = std::string(util::trim(item.substr(comma + 1)));
        c.value = util::parse_number(c.code, false);
        out.push_back(std::move(c));
    }
    return out;
}

// The export column of a checkbox choice: field___code, the code lower-cased, '-' and '.'
// as '_', other characters dropped (REDCap's own rule).
std::string checkbox_column(const std::string& field, const std::string& code) {
    std::string k;
    for (char ch : code) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) || ch == '_') {
            k += static_cast<char>(std::tolower(u));
        } else if (ch == '-' || ch == '.') {
            k += '_';
        }
    }
    return field + "___" + k;
}


} // namespace

bool is_redcap_dictionary(const std::vector<std::string>& header) {
    return find(header, k_columns[0]) && find(header, k_columns[2]) && find(header, k_columns[3]);
}

Codebook from_redcap_dictionary(io::RecordReader& dict, const std::vector<std::string>& columns) {
    const auto& h = dict.header();
    std::vector<std::optional<std::size_t>> at;
    for (const DictColumn& d : k_columns) {
        at.push_back(find(h, d));
    }
    struct Field {
        std::string form, type, label, choices, validation, min, max;
        long line = 0;
    };
    std::map<std::string, Field> fields;
    std::vector<std::string> order;
    std::map<std::string, std::pair<std::string, std::string>> checkbox_of; // column -> field, code
    while (dict.next()) {
        dict.require_header_width();
        const auto f = dict.fields();
        auto get = [&](std::size_t k) {
            return at[k] ? std::string(util::trim(f[*at[k]])) : std::string();
        };
        const std::string name = get(0);
        if (name.empty()) {
            continue;
        }
        Field fd{get(1), util::fold(get(2)), get(3), get(4), util::fold(get(5)), get(6), get(7),
                 dict.line()};
        if (fd.type == "checkbox") {
            for (const Choice& c : redcap_choices(fd.choices)) {
                checkbox_of[checkbox_column(name, c.code)] = {name, c.code};
            }
        }
        order.push_back(name);
        fields.emplace(name, std::move(fd));
    }
    Codebook cb;
    cb.source = dict.name();
    const std::string first = order.empty() ? std::string() : order.front();
    // With events or repeating instruments a row is one event or instance: the record id
    // repeats and is no respondent id.
    const bool rows_per_event = std::any_of(columns.begin(), columns.end(), [](const std::string& c) {
        return c == "redcap_event_name" || c == "redcap_repeat_instrument";
    });
    for (const std::string& col : columns) {
        Variable v;
        v.name = col;
        v.label = col;
        if (const auto cbx = checkbox_of.find(col); cbx != checkbox_of.end()) {
            const Field& fd = fields.at(cbx->second.first);
            v.type = VarType::Multi;
            v.group = cbx->second.first;
            v.question = fd.label;
            v.line = fd.line;
            for (const Choice& c : redcap_choices(fd.choices)) {
                if (c.code == cbx->second.second) {
                    v.label = c.label;
                }
            }
            v.choices = {{"0", "Unchecked", 0.0}, {"1", "Checked", 1.0}};
            v.selected = 1;
            cb.variables.push_back(std::move(v));
            continue;
        }
        const auto it = fields.find(col);
        if (it == fields.end()) {
            // Columns REDCap adds to every export: events, repeats, form status, timestamps.
            v.type = VarType::Meta;
            if (col.ends_with("_complete")) {
                v.choices = {{"0", "Incomplete", 0.0}, {"1", "Unverified", 1.0}, {"2", "Complete", 2.0}};
                v.label = fmt::format("form status: {}", col.substr(0, col.size() - 9));
            }
            cb.variables.push_back(std::move(v));
            continue;
        }
        const Field& fd = it->second;
        v.label = fd.label.empty() ? col : fd.label;
        v.line = fd.line;
        const std::string& t = fd.type;
        const std::string& val = fd.validation;
        if (col == first) {
            v.type = rows_per_event ? VarType::Meta : VarType::Id;
        } else if (t == "radio" || t == "dropdown") {
            v.type = VarType::Single;
            v.choices = redcap_choices(fd.choices);
        } else if (t == "yesno") {
            v.type = VarType::Single;
            v.choices = {{"0", "No", 0.0}, {"1", "Yes", 1.0}};
        } else if (t == "truefalse") {
            v.type = VarType::Single;
            v.choices = {{"0", "False", 0.0}, {"1", "True", 1.0}};
        } else if (t == "slider") {
            v.type = VarType::Numeric;
            v.min = util::parse_number(fd.min, false).value_or(0);
            v.max = util::parse_number(fd.max, false).value_or(100);
        } else if (t == "calc" ||
                   (t == "text" && (val == "integer" || val == "number" ||
                                    (val.starts_with("number_") && !val.ends_with("comma_decimal"))))) {
            v.type = VarType::Numeric;
        } else if (t == "text" && (val.starts_with("date_") || val.starts_with("datetime_"))) {
            v.type = VarType::Date;
        } else {
            v.type = VarType::Text; // text, notes, file, sql, and numbers with a decimal comma
        }
        if ((v.type == VarType::Single) && v.choices.empty()) {
            v.type = VarType::Text;
        }
        cb.variables.push_back(std::move(v));
    }
    if (cb.variables.empty()) {
        throw DataError(place(dict.name(), dict.header_line()) +
                        msgf("the data dictionary describes none of the export's columns"));
    }
    return cb;
}

std::vector<std::string> adopt_export_codes(Codebook& cb, const Codebook& seen) {
    std::vector<std::string> notes;
    for (Variable& v : cb.variables) {
        const Variable* s = seen.find(v.name);
        if (s == nullptr || v.type != VarType::Single || v.choices.size() != 2 ||
            v.choices[0].code != "0" || v.choices[1].code != "1" || s->type != VarType::Single) {
            continue;
        }
        bool boolean = !s->choices.empty();
        for (const Choice& c : s->choices) {
            const std::string f = util::fold(c.code);
            boolean = boolean && (f == "false" || f == "true");
        }
        if (!boolean) {
            continue;
        }
        const std::string no = util::fold(s->choices[0].code) == "false" ? s->choices[0].code
                               : s->choices.size() > 1                    ? s->choices[1].code
                                                                           : "FALSE";
        std::string yes = "TRUE";
        for (const Choice& c : s->choices) {
            if (util::fold(c.code) == "true") {
                yes = c.code;
            }
        }
        v.choices[0].code = util::fold(no) == "false" ? no : "FALSE";
        v.choices[1].code = yes;
        v.choices[0].value = 0;
        v.choices[1].value = 1;
        notes.push_back(msgf("column \"{}\": the export writes {}/{} for the dictionary's "
                             "codes 0/1; the draft takes the export's codes",
                             v.name, v.choices[0].code, v.choices[1].code));
    }
    return notes;
}

std::string find_redcap_dictionary(const std::string& export_path,
                                   const std::vector<std::string>& columns) {
    namespace fs = std::filesystem;
    if (export_path == "-") {
        return {};
    }
    const fs::path dir = fs::path(export_path).parent_path();
    std::string best;
    std::size_t best_hits = 0;
    std::error_code ec;
    // In name order, so that of two dictionaries naming as many fields the first is taken
    // on every machine.
    std::vector<fs::directory_entry> entries;
    for (const auto& entry : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec)) {
        entries.push_back(entry);
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        const std::string file = entry.path().filename().string();
        const std::string f = util::fold(file);
        if (!entry.is_regular_file() || f.find("dictionary") == std::string::npos ||
            entry.path().extension() != ".csv") {
            continue;
        }
        try {
            auto reader = io::RecordReader::open(entry.path().string());
            if (!is_redcap_dictionary(reader->header())) {
                continue;
            }
            const auto name_col = find(reader->header(), k_columns[0]);
            std::size_t hits = 0;
            while (reader->next()) {
                const auto fields = reader->fields();
                if (*name_col < fields.size()) {
                    const std::string name(util::trim(fields[*name_col]));
                    hits += std::any_of(columns.begin(), columns.end(), [&](const std::string& c) {
                        return c == name || c.rfind(name + "___", 0) == 0;
                    });
                }
            }
            if (hits > best_hits) {
                best_hits = hits;
                best = dir.empty() ? entry.path().filename().string() : entry.path().string();
            }
        } catch (const std::exception&) {
            continue; // not a CSV careerstat can read: not the dictionary
        }
    }
    // Fields for at least a quarter of the export's columns (checkbox and form-status
    // columns are not fields of their own), or it is another project's dictionary.
    return 4 * best_hits >= columns.size() ? best : std::string();
}

} // namespace careerstat::codebook
