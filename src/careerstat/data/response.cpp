#include "careerstat/data/response.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <cmath>
#include <fmt/format.h>

namespace careerstat::data {

using codebook::Question;

namespace {

struct RuleColumn {
    CompletionRule rule;
    const char* name;
};
constexpr RuleColumn k_rules[] = {
    {CompletionRule::SubmitDate, "submitdate"},
    {CompletionRule::Finished, "finished"},
    {CompletionRule::Progress, "progress"},
    {CompletionRule::LastPage, "lastpage"},
};

// A question as item nonresponse sees it: the variables whose cells tell.
struct Item {
    std::vector<std::size_t> variables;
    bool multi = false;
};

} // namespace

bool is_dont_know(std::string_view label) {
    const std::string f = util::fold(label);
    return f.find("weet niet") != std::string::npos || f.find("know") != std::string::npos ||
           f == "dk" || f.find("geen idee") != std::string::npos ||
           f.find("no opinion") != std::string::npos || f.find("geen mening") != std::string::npos;
}

ResponseCounts count_responses(io::RecordReader& reader, const codebook::Codebook& cb,
                               const CompletionOptions& options) {
    ResponseCounts out;
    out.source = reader.name();
    out.complete_at = options.complete_at;
    const auto& header = reader.header();
    auto column_of = [&](const std::string& name) -> std::optional<std::size_t> {
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (header[c] == name) {
                return c;
            }
        }
        return std::nullopt;
    };

    // The completion rule: the first meta column the codebook declares and the export has.
    std::optional<std::size_t> rule_column;
    for (const RuleColumn& rc : k_rules) {
        for (const auto& v : cb.variables) {
            if (v.type == codebook::VarType::Meta && util::fold(v.name) == rc.name) {
                if (auto c = column_of(v.name)) {
                    rule_column = c;
                    out.rule = rc.rule;
                    out.rule_variable = v.name;
                    if (v.max) {
                        out.last_page = *v.max;
                    }
                    break;
                }
            }
        }
        if (rule_column) {
            break;
        }
    }

    // Items in codebook order, and where each variable is in the export.
    std::vector<Item> items;
    for (const Question& q : cb.questions()) {
        if (q.kind == Question::Kind::Other) {
            continue;
        }
        if (q.kind == Question::Kind::Multi) {
            items.push_back({q.variables, true});
            out.items.push_back({q.name, q.label});
            continue;
        }
        for (std::size_t v : q.variables) {
            items.push_back({{v}, false});
            out.items.push_back({cb.variables[v].name, cb.variables[v].label});
        }
    }
    std::vector<std::size_t> column(cb.variables.size(), 0);
    for (const Item& it : items) {
        for (std::size_t v : it.variables) {
            const auto c = column_of(cb.variables[v].name);
            if (!c) {
                throw DataError(place(reader.name(), reader.header_line(), cb.variables[v].name) +
                                fmt::format("is in the codebook ({}:{}) but not in the export",
                                            cb.source, cb.variables[v].line));
            }
            column[v] = *c;
        }
    }
    std::vector<Coder> coders;
    coders.reserve(cb.variables.size());
    for (const auto& v : cb.variables) {
        coders.emplace_back(v, reader.dialect().decimal_comma);
    }

    // Per row: the state of each item (0 blank, 1 answered, 2 don't know, 3 other missing).
    std::vector<int> state(items.size());
    std::map<double, double> last_pages; // lastpage value -> returns
    while (reader.next()) {
        const auto fields = reader.fields();
        const long line = reader.line();
        if (fields.size() != header.size()) {
            throw DataError(place(reader.name(), line) +
                            fmt::format("{} fields, but the header has {}", fields.size(),
                                        header.size()));
        }
        out.returned += 1;
        std::size_t answered = 0;
        std::optional<std::size_t> last;
        for (std::size_t i = 0; i < items.size(); ++i) {
            int s = 0;
            bool all_missing = true;
            for (std::size_t v : items[i].variables) {
                const std::string_view cell = fields[column[v]];
                const Coded c = coders[v].code(cell);
                if (c.kind == Coded::Kind::Invalid) {
                    throw DataError(place(reader.name(), line, cb.variables[v].name) +
                                    coders[v].explain_invalid(cell) +
                                    "; `careerstat validate` lists every problem");
                }
                const bool selected = items[i].multi ? c.kind == Coded::Kind::Valid && c.index == 1
                                                     : c.kind == Coded::Kind::Valid;
                if (selected) {
                    s = 1;
                } else if (c.kind == Coded::Kind::Missing && s == 0 && !items[i].multi) {
                    s = is_dont_know(cb.variables[v].missing[static_cast<std::size_t>(c.index)].label)
                            ? 2
                            : 3;
                }
                all_missing = all_missing && c.kind == Coded::Kind::Missing;
            }
            if (items[i].multi && s == 0 && all_missing) {
                s = 3;
            }
            state[i] = s;
            if (s != 0) {
                last = i;
                ++answered;
            }
        }
        if (last) {
            for (std::size_t i = 0; i <= *last; ++i) {
                ItemCounts& ic = out.items[i];
                ic.shown += 1;
                (state[i] == 1 ? ic.answered
                 : state[i] == 2 ? ic.dont_know
                 : state[i] == 3 ? ic.other_missing
                                 : ic.blank) += 1;
            }
        }
        // Completeness of this return.
        bool complete = false;
        if (!rule_column) {
            complete = !items.empty() && static_cast<double>(answered) >=
                                             options.complete_at * static_cast<double>(items.size());
        } else {
            const std::string_view cell = util::trim(fields[*rule_column]);
            const auto number = util::parse_number(cell, reader.dialect().decimal_comma);
            switch (out.rule) {
            case CompletionRule::SubmitDate:
                complete = !cell.empty();
                break;
            case CompletionRule::Finished: {
                const std::string f = util::fold(cell);
                complete = f == "1" || f == "true";
                break;
            }
            case CompletionRule::Progress:
                complete = number && *number >= 100;
                break;
            case CompletionRule::LastPage:
                last_pages[number ? *number : -1] += 1;
                break;
            case CompletionRule::Share:
                break;
            }
        }
        out.complete += complete ? 1 : 0;
    }
    if (out.rule == CompletionRule::LastPage && rule_column) {
        if (out.last_page <= 0 && !last_pages.empty()) {
            out.last_page = last_pages.rbegin()->first; // the furthest page anyone reached
        }
        out.complete = 0;
        for (const auto& [page, n] : last_pages) {
            out.complete += page >= out.last_page ? n : 0;
        }
    }
    out.partial = out.returned - out.complete;
    return out;
}

} // namespace careerstat::data
