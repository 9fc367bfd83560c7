#include "careerstat/data/filter.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <bit>
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
            throw UsageError(msgf("--where \"{}\": expected VAR=CODE, VAR!=CODE or "
                                  "\"VAR in CODE,CODE\"",
                                  expr));
        }
        var = util::trim(var);
        const auto idx = codebook.index_of(var);
        if (!idx) {
            throw UsageError(msgf("--where \"{}\": no variable \"{}\" in {}{}", expr, var,
                                  codebook.source, codebook.did_you_mean(var)));
        }
        c.variable = *idx;
        const codebook::Variable& v = codebook.variables[*idx];
        c.kind = v.is_categorical()      ? Condition::Kind::Choice
                 : v.is_option_column()  ? Condition::Kind::Option
                 : v.is_multi_column()   ? Condition::Kind::Mask
                                         : Condition::Kind::Number;
        const Coder coder(v, decimal_comma);
        for (std::string_view value : util::split(values, ',')) {
            value = util::trim(value);
            const Coded coded = value.empty() ? Coded{} : coder.code(value);
            bool ok = coded.kind == Coded::Kind::Valid;
            if (coded.kind == Coded::Kind::Missing) {
                c.missing.push_back(coded.index);
                continue;
            }
            switch (c.kind) {
            case Condition::Kind::Choice:
            case Condition::Kind::Option:
                if (ok) {
                    c.choices.push_back(coded.index);
                }
                break;
            case Condition::Kind::Mask:
                // One option per value: "barrier=3" or "barrier in 3,5", never "3;5".
                ok = ok && std::popcount(coded.mask) == 1;
                c.mask |= ok ? coded.mask : 0;
                break;
            case Condition::Kind::Number:
                ok = ok && !std::isnan(coded.value);
                if (ok) {
                    c.values.push_back(coded.value);
                }
                break;
            }
            if (!ok) {
                std::string codes;
                for (const auto& ch : v.choices) {
                    codes += (codes.empty() ? "" : ", ") + ch.code + "=" + ch.label;
                }
                if (c.kind == Condition::Kind::Option && codes.empty()) {
                    codes = "1 = selected, 0 = not selected";
                }
                throw UsageError(msgf("--where \"{}\": \"{}\" is not a code of {}{}", expr, value,
                                      v.name, codes.empty() ? "" : " (" + codes + ")"));
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

bool matches(const Condition& c, const Coded& coded) {
    bool hit = false;
    if (coded.kind == Coded::Kind::Valid) {
        switch (c.kind) {
        case Condition::Kind::Choice:
        case Condition::Kind::Option:
            hit = std::find(c.choices.begin(), c.choices.end(), coded.index) != c.choices.end();
            break;
        case Condition::Kind::Mask:
            hit = (coded.mask & c.mask) != 0;
            break;
        case Condition::Kind::Number:
            hit = std::find(c.values.begin(), c.values.end(), coded.value) != c.values.end();
            break;
        }
    } else if (coded.kind == Coded::Kind::Missing) {
        hit = std::find(c.missing.begin(), c.missing.end(), coded.index) != c.missing.end();
    }
    return hit != c.negate;
}

} // namespace careerstat::data
