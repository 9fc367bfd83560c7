#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace careerstat::codebook {

ItemRange item_range(const Variable& item) {
    ItemRange r{0, 0};
    bool first = true;
    for (const Choice& c : item.choices) {
        if (c.value) {
            r.min = first ? *c.value : std::min(r.min, *c.value);
            r.max = first ? *c.value : std::max(r.max, *c.value);
            first = false;
        }
    }
    return r;
}

ItemScoring item_scoring(const Variable& v) {
    const ItemRange r = item_range(v);
    return {r.min, r.max, v.type == VarType::Likert && v.reverse};
}

void add_scale_scores(Codebook& cb, const std::map<std::string, std::size_t>& min_items) {
    std::vector<Question> batteries;
    for (Question& q : cb.questions()) {
        if (q.kind == Question::Kind::Battery && q.variables.size() >= 2 && !cb.find(q.name)) {
            batteries.push_back(std::move(q));
        }
    }
    for (const Question& q : batteries) {
        const Variable& first = cb.variables[q.variables[0]];
        std::size_t given = 0;
        long given_line = 0;
        for (std::size_t i : q.variables) {
            const Variable& item = cb.variables[i];
            if (item.min_items == 0) {
                continue;
            }
            if (given != 0 && item.min_items != given) {
                throw DataError(msgf("{}:{}: column \"min_items\": {} differs from {} on "
                                     "line {}, for the same scale \"{}\"",
                                     cb.source, item.line, item.min_items, given, given_line,
                                     q.name));
            }
            given = item.min_items;
            given_line = item.line;
        }
        if (const auto it = min_items.find(q.name); it != min_items.end()) {
            given = it->second;
        }
        if (given > q.variables.size()) {
            throw DataError(msgf("{}: scale \"{}\": min_items = {}, but it has {} items", cb.source,
                                 q.name, given, q.variables.size()));
        }
        Variable score;
        score.name = q.name;
        score.label = q.label;
        score.type = VarType::Numeric;
        score.items = q.variables;
        score.min_items = given != 0 ? given : (q.variables.size() + 1) / 2;
        const ItemRange r = item_range(first);
        score.min = r.min;
        score.max = r.max;
        score.line = first.line;
        cb.variables.push_back(std::move(score));
    }
}

} // namespace careerstat::codebook
