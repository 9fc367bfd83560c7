// libFuzzer target: banner tables (`careerstat crosstab`) of data/clients.codebook.csv
// (loaded once; CAREERSTAT_FUZZ_CODEBOOK names it). The input:
//   byte 0   sig levels (b % 6: 0.05, 0.01, 0.10, 0.01+0.05, 0.05+0.10, 0.01+0.10), adjust
//            ((b / 6) % 4: none, bonferroni, holm, bh), --distribution ((b / 24) % 2),
//            weighted by `sessions` ((b / 48) % 2), Dutch ((b / 96) % 2)
//   byte 1-3 min_base b % 41, hide_below b % 21, suppress k_suppress[b % 14]
//   byte 4   the questions: b % 8 and, unless 8, (b / 8) % 9 of k_questions
//   byte 5   the banners: b % 6 and, unless 6, (b / 6) % 7 of k_banners, where the last,
//            k_raw, is a line of the input taken as a --by spec (make_banner's UsageError is
//            the rejection)
//   the rest rows (at most k_max_rows): per row one byte per variable the questions, banners
//            or weight need, in codebook order, picking a valid code (as code or label), a
//            blank, a missing code or a number in range (cell_of).
// The rows are written as an export (the id and the needed columns) and read with Pass,
// CrossCounts and banner_tables, as the CLI reads one. The fuzzer keeps its own tally of
// what it wrote, and aborts unless:
// - every expected table is there, of the expected shape, with the tally's counts, bases,
//   percentages and means; a percentage is in [0, 100] and shown only for a shown base;
// - with --suppress k, no count (interior, Total column or base rows) or means-table n of 1
//   to k-1 unweighted respondents is shown; a cell marked x is empty, a hidden count hides
//   its percentage and a hidden base the non-zero shares of its column; a banner never
//   hides one mean alone unless Total's is hidden; and stats::determined_cells, on each
//   banner's pattern of x marks with the tally's counts, finds no non-zero value
//   determined (but a count of k or more hidden only because its column's base is);
// - letters stand only on % and mean cells of tested columns (base >= min_base, shown),
//   name only other tested columns of the same banner, lower case only with two levels;
// - tests tables' p-values are in [0, 1], Cramer's V in [0, 1], statistics >= 0;
// - no exception escapes but a UsageError from a raw --by spec or from CrossCounts (a
//   banner given twice). Questions that are banners are left out, as crosstab without
//   names does.
// CAREERSTAT_FUZZ_DUMP=FILE writes the export to FILE and prints the crosstab command that
// reads it the same way. For speed Fisher's exact test enumerates at most 500 tables, then
// draws 50 (the CLI's 200,000 and 2,000 took most of a run under the sanitizers).
#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/cross_counts.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/stats/suppress.hpp"
#include "careerstat/table/banner.hpp"
#include "fuzz_input.hpp"
#include "fuzz_banner_model.hpp"
#include "fuzz_banner_checks.hpp"

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

namespace careerstat::fuzz {

namespace {

using namespace banner;

std::string shell_quoted(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

std::vector<std::string> names_of(const Context& x) {
    std::vector<std::string> out;
    for (const Question& q : x.questions) {
        out.push_back(q.name);
    }
    return out;
}

// CAREERSTAT_FUZZ_DUMP=FILE: the export to FILE and, on stderr, the crosstab command that
// reads it as this input does, to look at a finding with the CLI.
void dump(const Context& x, const std::vector<std::string>& names, const std::string& csv,
          const char* path, Lang lang) {
    if (std::FILE* f = std::fopen(path, "wb")) {
        std::fwrite(csv.data(), 1, csv.size(), f);
        std::fclose(f);
    }
    std::string cmd = "careerstat crosstab " + shell_quoted(path) + " --codebook " +
                      shell_quoted(CAREERSTAT_FUZZ_CODEBOOK);
    for (const std::string& n : names) {
        cmd += " " + n;
    }
    for (const data::Banner& b : x.banners) {
        std::string spec = b.name;
        for (std::size_t k = 0; k < b.bands.size(); ++k) {
            spec += (k == 0 ? ":" : ",") + b.bands[k].label;
        }
        cmd += " --by " + shell_quoted(spec);
    }
    static constexpr std::array<std::string_view, 4> k_adjust = {"none", "bonferroni", "holm",
                                                                 "bh"};
    cmd += " --sig " + number_text(x.bo.sig[0]) +
           (x.bo.sig.size() > 1 ? "," + number_text(x.bo.sig[1]) : "") + " --adjust " +
           std::string(k_adjust[static_cast<std::size_t>(x.bo.adjust)]) + " --min-base " +
           number_text(x.bo.min_base) + " --hide-below " + number_text(x.bo.hide_below) +
           " --suppress " + number_text(x.bo.suppress) +
           (x.bo.distribution ? " --distribution" : "") +
           (x.weighted ? " --weight " + std::string(k_weight) : "") +
           (lang == Lang::Nl ? " --lang nl" : "");
    std::fprintf(stderr, "%s\n", cmd.c_str());
}

table::BannerOptions take_options(Input& in, bool& weighted, Lang& lang) {
    static const std::array<std::vector<double>, 6> k_sig = {
        std::vector<double>{0.05}, {0.01}, {0.10}, {0.01, 0.05}, {0.05, 0.10}, {0.01, 0.10}};
    const std::uint8_t b = in.take();
    table::BannerOptions o;
    o.sig = k_sig[b % 6U];
    static constexpr std::array<stats::Adjust, 4> k_adjust = {
        stats::Adjust::None, stats::Adjust::Bonferroni, stats::Adjust::Holm,
        stats::Adjust::BenjaminiHochberg};
    o.adjust = k_adjust[(b / 6U) % 4U];
    o.distribution = (b / 24U) % 2U == 1;
    weighted = (b / 48U) % 2U == 1;
    lang = (b / 96U) % 2U == 1 ? Lang::Nl : Lang::En;
    o.min_base = in.take() % 41U;
    o.hide_below = in.take() % 21U;
    o.suppress = k_suppress[in.take() % k_suppress.size()];
    o.fisher_max_tables = 500;
    o.fisher_replicates = 50;
    return o;
}

int run(const std::uint8_t* data, std::size_t size) {
    const codebook::Codebook& cb = example_codebook();
    Input in{data, size};
    bool weighted = false;
    Lang lang = Lang::En;
    const table::BannerOptions bo = take_options(in, weighted, lang);
    std::vector<std::string> names;
    // One or two questions: tables of different questions share nothing, so more would
    // only make each run slower.
    const std::uint8_t qb = in.take();
    names.emplace_back(k_questions[qb % 8U]);
    if ((qb / 8U) % 9U != 8 && (qb / 8U) % 9U != qb % 8U) {
        names.emplace_back(k_questions[(qb / 8U) % 9U]);
    }
    const std::uint8_t bb = in.take();
    std::vector<std::size_t> picks = {bb % 6U};
    if ((bb / 6U) % 7U != 6 && ((bb / 6U) % 7U != picks[0] || picks[0] == k_raw)) {
        picks.push_back((bb / 6U) % 7U);
    }
    Context x(cb, bo, weighted);
    for (std::size_t pick : picks) {
        std::string spec(k_banners[pick]);
        if (pick == k_raw) {
            while (in.size > 0 && spec.size() < k_max_spec) {
                const char c = static_cast<char>(in.take());
                if (c == '\n') {
                    break;
                }
                spec += c;
            }
        }
        try {
            x.banners.push_back(data::make_banner(cb, spec, false));
        } catch (const UsageError&) {
            if (pick == k_raw) {
                return 0;
            }
            throw;
        }
    }
    for (std::size_t k = 0; k < x.banners.size(); ++k) {
        x.first.push_back(x.columns);
        x.columns += x.banners[k].categories.size();
        x.banner_of.resize(x.columns, k);
    }
    x.banner_of[0] = std::string::npos;
    // As crosstab without names: every question asked for but the banners.
    for (const Question& q : cb.select(names)) {
        if (std::none_of(x.banners.begin(), x.banners.end(),
                         [&](const data::Banner& b) { return b.variables == q.variables; })) {
            x.questions.push_back(q);
        }
    }
    if (x.questions.empty()) {
        return 0;
    }
    make_blocks(x);
    std::optional<data::CrossCounts> counts;
    try {
        counts.emplace(cb, x.questions, x.banners);
    } catch (const UsageError&) {
        return 0; // a banner given twice
    }
    data::CrossCounts& cross = *counts;

    // The variables the rows give a byte each, in codebook order.
    std::vector<std::size_t> needed = cross.variables();
    const std::optional<std::size_t> weight = cb.index_of(k_weight);
    if (weighted) {
        needed.push_back(*weight);
    }
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());

    // The export: the id (so that no row is all blank) and the needed columns.
    const std::size_t id = cb.id_variable().value_or(0);
    std::string csv;
    csv.reserve(64 + (needed.size() + 1) * 4 * std::min(k_max_rows, in.size + 1));
    append_field(csv, cb.variables[id].name);
    for (std::size_t v : needed) {
        csv += ',';
        append_field(csv, cb.variables[v].name);
    }
    csv += '\n';
    std::vector<Answer> answers(cb.variables.size());
    std::vector<std::size_t> active;
    for (std::size_t row = 0; row < k_max_rows && in.size > 0; ++row) {
        csv += std::to_string(row + 1);
        for (std::size_t v : needed) {
            csv += ',';
            append_field(csv,
                         cell_of(cb.variables[v], in.take(), weighted && v == *weight, answers[v]));
        }
        csv += '\n';
        active_columns(x, answers, active);
        tally(x, answers, weighted ? answers[*weight].value : 1, active);
    }

    if (const char* path = std::getenv("CAREERSTAT_FUZZ_DUMP")) {
        dump(x, names_of(x), csv, path, lang);
    }
    data::PassOptions po;
    if (weighted) {
        po.weight = weight;
    }
    table::BuildOptions build;
    build.lang = lang;
    if (weighted) {
        build.weight_name = std::string(k_weight);
    }
    io::ReaderOptions ro;
    ro.delimiter = ',';
    io::RecordReader reader("fuzz.csv", source_of(csv), whole_block(csv, ro));
    data::Pass pass(cb, po);
    pass.add(cross);
    pass.run(reader);
    check_tables(x, table::banner_tables(cb, cross, build, bo));
    return 0;
}

} // namespace

} // namespace careerstat::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        return careerstat::fuzz::run(data, size);
    } catch (const std::exception& e) {
        careerstat::fuzz::fail("exception: %s", e.what());
    }
}
