// fuzz_banner's model: what it writes and its own tally of the counts (fuzz_banner.cpp says what it checks).
#pragma once

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/cross_counts.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/stats/suppress.hpp"
#include "careerstat/table/banner.hpp"
#include "fuzz_input.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerstat::fuzz::banner {

using codebook::Question;
using codebook::Variable;
using table::Cell;
using table::Table;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t k_max_rows = 300;
constexpr std::size_t k_max_spec = 128;
constexpr std::array<std::string_view, 8> k_questions = {
    "initiative", "barrier", "outcome", "relation", "grade", "recommend", "strength", "educ"};
constexpr std::array<std::string_view, 6> k_banners = {
    "bureau", "educ", "barrier", "age:18-29,30-44,45-", "relation", ""};
constexpr std::size_t k_raw = k_banners.size() - 1;
constexpr std::array<double, 14> k_suppress = {0, 1, 2.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
constexpr std::array<double, 8> k_weights = {1, 2, 3, 1.5, 2.25, 10, 30, 7};
constexpr std::string_view k_weight = "sessions";

[[noreturn, gnu::format(printf, 1, 2)]] inline void fail(const char* format, ...) {
    std::fputs("fuzz_banner: ", stderr);
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fputc('\n', stderr);
    std::abort();
}

inline const codebook::Codebook& example_codebook() {
    static const codebook::Codebook cb = codebook::Codebook::load(CAREERSTAT_FUZZ_CODEBOOK);
    return cb;
}

// What the fuzzer wrote in one cell, as the codebook means it.
struct Answer {
    bool valid = false;    // a choice, an option cell (selected or not) or a number
    int choice = -1;       // categorical: the choice index
    bool selected = false; // option column
    double value = k_nan;  // numbers, and a Likert choice's value
};

// One CSV field, quoted when it holds a comma, a quote or a space.
inline void append_field(std::string& csv, std::string_view s) {
    if (s.find_first_of(",\" ") == std::string_view::npos) {
        csv += s;
        return;
    }
    csv += '"';
    for (char c : s) {
        csv += c;
        if (c == '"') {
            csv += '"';
        }
    }
    csv += '"';
}

inline std::string number_text(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", x);
    return buf;
}

// The cell byte b writes for v, and what it means.
inline std::string cell_of(const Variable& v, std::uint8_t b, bool weight, Answer& a) {
    a = Answer{};
    if (weight) {
        a.valid = true;
        a.value = k_weights[b % k_weights.size()];
        return number_text(a.value);
    }
    if (v.is_categorical()) {
        const std::size_t nc = v.choices.size(), nm = v.missing.size();
        const std::size_t t = b % (nc + nm + 2);
        const bool label = (b / (nc + nm + 2)) % 2 == 1;
        if (t < nc) {
            const codebook::Choice& c = v.choices[t];
            a.valid = true;
            a.choice = static_cast<int>(t);
            a.value = c.value.value_or(static_cast<double>(t + 1));
            return label && !c.label.empty() ? c.label : c.code;
        }
        if (t == nc) {
            return "";
        }
        if (t == nc + 1) {
            return "  ";
        }
        const codebook::Choice& m = v.missing[t - nc - 2];
        return label && !m.label.empty() ? m.label : m.code;
    }
    if (v.is_option_column()) {
        static constexpr std::array<std::string_view, 5> k_cells = {"", "Y", "N", "0", "1"};
        const std::string_view cell = k_cells[b % k_cells.size()];
        a.valid = !cell.empty();
        a.selected = cell == "Y" || cell == "1";
        return std::string(cell);
    }
    if (v.is_numeric() && v.min && v.max) {
        const auto lo = static_cast<long>(*v.min), hi = static_cast<long>(*v.max);
        const auto range = static_cast<std::size_t>(hi - lo + 1);
        const std::size_t t = b % (range + 3);
        if (t == range) {
            return "";
        }
        a.valid = true;
        if (t < range) {
            a.value = static_cast<double>(lo) + static_cast<double>(t);
            return number_text(a.value);
        }
        if (t == range + 1) { // between two whole numbers: the gaps between bands
            a.value = static_cast<double>(lo) +
                      static_cast<double>(b % std::max<std::size_t>(range - 1, 1)) + 0.5;
            return number_text(a.value);
        }
        a.value = static_cast<double>(lo) + static_cast<double>((b * 7U) % range);
        return " " + number_text(a.value) + " ";
    }
    return "";
}

// Counts of one cell as the fuzzer tallies them.
struct Sums {
    double n = 0;
    double w = 0;
    double wx = 0; // means tables
    void add(double weight, double x = 0) {
        n += 1;
        w += weight;
        wx += weight * x;
    }
};

// One block of the banner tables: a question's choices or options, or an item's or a
// number's moments, against every column.
struct Block {
    enum class Kind { Choices, Options, Numbers };
    Kind kind = Kind::Choices;
    std::size_t question = 0;
    std::size_t variable = 0;
    std::size_t rows = 0;
    bool moments = false;
    std::string id;          // the distribution table's id
    std::vector<Sums> cells; // rows x columns
    std::vector<Sums> base;  // per column
    std::vector<Sums> mom;   // per column: valid numbers
    Sums& cell(std::size_t r, std::size_t c, std::size_t columns) { return cells[r * columns + c]; }
};

struct Context {
    Context(const codebook::Codebook& codebook, const table::BannerOptions& options, bool w)
        : cb(codebook), bo(options), weighted(w) {}
    const codebook::Codebook& cb;
    const table::BannerOptions& bo;
    bool weighted;
    std::vector<Question> questions;
    std::vector<data::Banner> banners;
    std::vector<std::size_t> first;     // per banner, its first column
    std::vector<std::size_t> banner_of; // per column, npos for the total
    std::size_t columns = 1;
    std::vector<Block> blocks;

    std::size_t banner_start(std::size_t c) const { return first[banner_of[c]]; }
    std::size_t banner_size(std::size_t c) const { return banners[banner_of[c]].categories.size(); }
};

// As banner_tables decides: a table of means, or one of the answers' distribution.
inline bool shown_as_means(const Context& x, const Block& b) {
    return b.moments && (b.kind == Block::Kind::Numbers || !x.bo.distribution);
}

inline void make_blocks(Context& x) {
    for (std::size_t q = 0; q < x.questions.size(); ++q) {
        const Question& question = x.questions[q];
        const Variable& v = x.cb.variables[question.variables[0]];
        auto add = [&](Block::Kind kind, std::size_t var, std::size_t rows, bool moments) {
            Block b;
            b.kind = kind;
            b.question = q;
            b.variable = var;
            b.rows = rows;
            b.moments = moments;
            b.id = "crosstab." + question.name;
            if (question.kind == Question::Kind::Battery) {
                b.id += "." + x.cb.variables[var].name;
            }
            b.cells.assign(rows * x.columns, Sums{});
            b.base.assign(x.columns, Sums{});
            b.mom.assign(x.columns, Sums{});
            x.blocks.push_back(std::move(b));
        };
        switch (question.kind) {
        case Question::Kind::Single:
            add(Block::Kind::Choices, question.variables[0], v.choices.size(),
                v.type == codebook::VarType::Likert);
            break;
        case Question::Kind::Battery:
            for (std::size_t item : question.variables) {
                add(Block::Kind::Choices, item, x.cb.variables[item].choices.size(), true);
            }
            break;
        case Question::Kind::Multi:
            add(Block::Kind::Options, question.variables[0], question.variables.size(), false);
            break;
        case Question::Kind::Numeric:
            add(Block::Kind::Numbers, question.variables[0], 0, true);
            break;
        case Question::Kind::Other:
            break;
        }
    }
}

// The columns a respondent counts in: the total, and per banner its categories.
inline void active_columns(const Context& x, const std::vector<Answer>& answers,
                    std::vector<std::size_t>& active) {
    active.assign(1, 0);
    for (std::size_t b = 0; b < x.banners.size(); ++b) {
        const data::Banner& banner = x.banners[b];
        switch (banner.kind) {
        case data::Banner::Kind::Choice:
            if (answers[banner.variables[0]].choice >= 0) {
                active.push_back(x.first[b] +
                                 static_cast<std::size_t>(answers[banner.variables[0]].choice));
            }
            break;
        case data::Banner::Kind::Options:
            for (std::size_t o = 0; o < banner.variables.size(); ++o) {
                if (answers[banner.variables[o]].selected) {
                    active.push_back(x.first[b] + o);
                }
            }
            break;
        case data::Banner::Kind::Bands: {
            const double value = answers[banner.variables[0]].value;
            for (std::size_t k = 0; k < banner.bands.size(); ++k) {
                if (value >= banner.bands[k].low && value <= banner.bands[k].high) {
                    active.push_back(x.first[b] + k);
                    break;
                }
            }
            break;
        }
        case data::Banner::Kind::Mask:
            fail("banner %s: a one-column multi-select in a codebook without one",
                 banner.name.c_str());
        }
    }
}

inline void tally(Context& x, const std::vector<Answer>& answers, double w,
           const std::vector<std::size_t>& active) {
    for (Block& b : x.blocks) {
        switch (b.kind) {
        case Block::Kind::Choices: {
            const Answer& a = answers[b.variable];
            if (a.choice < 0) {
                break;
            }
            for (std::size_t c : active) {
                b.cell(static_cast<std::size_t>(a.choice), c, x.columns).add(w);
                b.base[c].add(w);
                b.mom[c].add(w, a.value);
            }
            break;
        }
        case Block::Kind::Options: {
            const Question& q = x.questions[b.question];
            bool any = false;
            for (std::size_t o = 0; o < q.variables.size(); ++o) {
                if (answers[q.variables[o]].selected) {
                    any = true;
                    for (std::size_t c : active) {
                        b.cell(o, c, x.columns).add(w);
                    }
                }
            }
            for (std::size_t c : active) {
                if (any) {
                    b.base[c].add(w);
                }
            }
            break;
        }
        case Block::Kind::Numbers: {
            const Answer& a = answers[b.variable];
            if (!a.valid) {
                break;
            }
            for (std::size_t c : active) {
                b.base[c].add(w);
                b.mom[c].add(w, a.value);
            }
            break;
        }
        }
    }
}


} // namespace careerstat::fuzz::banner
