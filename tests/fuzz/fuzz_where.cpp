// libFuzzer target: the bytes as --where conditions, one per line, parsed with
// data::parse_where against the example codebook data/clients.codebook.csv (loaded once;
// CAREERSTAT_FUZZ_CODEBOOK names it), with and without decimal commas. UsageError is the
// rejection. Every condition that parses is matched against a few coded cells (blank,
// invalid, each missing code, each choice, the numbers 0, 1, 7.5 and NaN), and, a property,
// against its own values: the cell "2" coded for `educ` matches `educ=2` and not
// `educ!=2` (for the VAR=CODE and VAR!=CODE forms; values split at ',' as parse_where
// splits them). A condition that parses but keeps the wrong cells aborts.
#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"
#include "careerstat/data/filter.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace careerstat::fuzz {

namespace {

const codebook::Codebook& example_codebook() {
    static const codebook::Codebook cb = codebook::Codebook::load(CAREERSTAT_FUZZ_CODEBOOK);
    return cb;
}

std::vector<data::Coded> cells_of(const codebook::Variable& v) {
    using Kind = data::Coded::Kind;
    std::vector<data::Coded> cells;
    cells.push_back({Kind::Blank, 0, 0, 0});
    cells.push_back({Kind::Invalid, 0, 0, 0});
    for (std::size_t i = 0; i < v.missing.size(); ++i) {
        cells.push_back({Kind::Missing, static_cast<int>(i), 0, 0});
    }
    for (std::size_t i = 0; i < v.choices.size(); ++i) {
        cells.push_back({Kind::Valid, static_cast<int>(i), v.choices[i].value.value_or(0), 0});
    }
    for (double x : {0.0, 1.0, 7.5, std::nan("")}) {
        cells.push_back({Kind::Valid, 0, x, 0});
        cells.push_back({Kind::Valid, 1, x, 1});
    }
    return cells;
}

int run(const std::uint8_t* data, std::size_t size) {
    const codebook::Codebook& cb = example_codebook();
    std::vector<std::string> expressions;
    std::string text(reinterpret_cast<const char*>(data), size);
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = text.find('\n', start);
        expressions.push_back(text.substr(start, nl == std::string::npos ? nl : nl - start));
        if (nl == std::string::npos) {
            break;
        }
        start = nl + 1;
    }
    for (bool decimal_comma : {false, true}) {
        std::vector<data::Condition> conditions;
        try {
            conditions = data::parse_where(expressions, cb, decimal_comma);
        } catch (const UsageError&) {
            continue;
        }
        if (conditions.size() != expressions.size()) {
            std::fprintf(stderr, "fuzz_where: %zu conditions from %zu expressions\n",
                         conditions.size(), expressions.size());
            std::abort();
        }
        for (const data::Condition& c : conditions) {
            if (c.variable >= cb.variables.size()) {
                std::fprintf(stderr, "fuzz_where: \"%s\": variable index %zu\n", c.text.c_str(),
                             c.variable);
                std::abort();
            }
            const codebook::Variable& v = cb.variables[c.variable];
            volatile int hits = 0;
            for (const data::Coded& cell : cells_of(v)) {
                hits = hits + (data::matches(c, cell) ? 1 : 0);
            }
            const std::string_view e = c.text;
            std::size_t at = e.find("!=");
            std::size_t skip = 2;
            if (at == std::string_view::npos) {
                at = e.find("==");
            }
            if (at == std::string_view::npos) {
                at = e.find('=');
                skip = 1;
            }
            if (at == std::string_view::npos) {
                continue; // the "VAR in A,B" form
            }
            const data::Coder coder(v, decimal_comma);
            for (std::string_view value : util::split(e.substr(at + skip), ',')) {
                const data::Coded cell = coder.code(util::trim(value));
                if (data::matches(c, cell) == c.negate) {
                    std::fprintf(stderr, "fuzz_where: \"%s\" %s the cell \"%.*s\" it names\n",
                                 c.text.c_str(), c.negate ? "keeps" : "drops",
                                 static_cast<int>(value.size()), value.data());
                    std::abort();
                }
            }
        }
    }
    return 0;
}

} // namespace

} // namespace careerstat::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return careerstat::fuzz::run(data, size);
}
