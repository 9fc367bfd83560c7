#include "careerstat/data/filter.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace careerstat::data {

namespace {

// Splits "var op values" where op is "!=", "=", "==" or " in ".
bool split_condition(std::string_view e, std::string_view& var, std::string_view& values,
                     bool& negate) {
    if (auto p = e.find("!="); p != std::string_view::npos) {
        var = e.substr(0, p);
        values = e.substr(p + 2);
        negate = true;
        return true;
    }
    if (auto p = e.find("=="); p != std::string_view::npos) {
        var = e.substr(0, p);
        values = e.substr(p + 2);
        return true;
    }
    if (auto p = e.find('='); p != std::string_view::npos) {
        var = e.substr(0, p);
        values = e.substr(p + 1);
        return true;
    }
    for (std::string_view op : {" not in ", " in "}) {
        const std::string folded = util::fold(e);
        if (auto p = folded.find(op); p != std::string::npos) {
            var = e.substr(0, p);
            values = e.substr(p + op.size());
            negate = op == " not in ";
            return true;
        }
    }
    return false;
}

} // namespace

std::vector<Condition> parse_where(const std::vector<std::string>& expressions,
                                   const codebook::Codebook& codebook, bool decimal_comma) {
    std::vector<Condition> out;
    for (const std::string& expr : expressions) {
        std::string_view var;
        std::string_view values;
        Condition c;
        c.text = expr;
        if (!split_condition(expr, var, values, c.negate)) {
            throw UsageError(fmt::format("--where \"{}\": expected VAR=CODE, VAR!=CODE or "
                                         "\"VAR in CODE,CODE\"",
                                         expr));
        }
        var = util::trim(var);
        const auto idx = codebook.index_of(var);
        if (!idx) {
            throw UsageError(fmt::format("--where \"{}\": no variable \"{}\" in {}", expr, var,
                                         codebook.source));
        }
        c.variable = *idx;
        const codebook::Variable& v = codebook.variables[*idx];
        const Coder coder(v, decimal_comma);
        for (std::string_view value : util::split(values, ',')) {
            value = util::trim(value);
            const Coded coded = coder.code(value);
            if (coded.kind == Coded::Kind::Missing) {
                c.missing.push_back(coded.index);
            } else if (coded.kind == Coded::Kind::Valid && v.is_categorical()) {
                c.choices.push_back(coded.index);
            } else if (coded.kind == Coded::Kind::Valid && !std::isnan(coded.value) &&
                       !v.is_categorical()) {
                c.values.push_back(coded.value);
            } else {
                std::string codes;
                for (const auto& ch : v.choices) {
                    codes += (codes.empty() ? "" : ", ") + ch.code + "=" + ch.label;
                }
                throw UsageError(fmt::format("--where \"{}\": \"{}\" is not a code of {}{}", expr,
                                             value, v.name,
                                             codes.empty() ? "" : " (" + codes + ")"));
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

bool matches(const Condition& c, const Coded& coded) {
    bool hit = false;
    if (coded.kind == Coded::Kind::Valid) {
        hit = c.values.empty()
                  ? std::find(c.choices.begin(), c.choices.end(), coded.index) != c.choices.end()
                  : std::find(c.values.begin(), c.values.end(), coded.value) != c.values.end();
    } else if (coded.kind == Coded::Kind::Missing) {
        hit = std::find(c.missing.begin(), c.missing.end(), coded.index) != c.missing.end();
    }
    return hit != c.negate;
}

} // namespace careerstat::data
