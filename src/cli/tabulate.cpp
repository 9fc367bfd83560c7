#include "tabulate.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <iostream>

namespace careerstat::cli {

// One pass feeding `accumulators`, with the checks every command makes after it.
void run_pass(Source& src, analysis::Settings& settings,
              const std::vector<data::Accumulator*>& accumulators) {
    const table::BuildOptions& options = settings.build;
    data::Pass pass(src.codebook, settings.pass);
    for (data::Accumulator* a : accumulators) {
        pass.add(*a);
    }
    pass.run(*src.reader);
    settings.build.skipped_empty = src.reader->skipped_empty();
    settings.build.excluded = src.reader->excluded();
    settings.build.excluded_what = src.layout.excluded_what;
    if (options.population > 0 && pass.rows_read() > options.population) {
        throw UsageError(msgf("--population {:g}: {} holds {:g} returns, more than the "
                              "population; give the number invited",
                              options.population, src.reader->name(), pass.rows_read()));
    }
    if (pass.rows_read() == 0 && src.reader->excluded() > 0) {
        warn_all_excluded(src);
    } else if (!options.where.empty() && pass.cases() == 0) {
        warn(msgf("--where kept none of the {:g} respondents; every table is empty",
                  pass.rows_read()));
    }
}

namespace {

std::vector<double> parse_sig(const std::string& text) {
    std::vector<double> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const auto v = util::parse_number(util::trim(std::string_view(text).substr(start, comma - start)), false);
        if (!v || !(*v > 0 && *v < 1)) {
            throw UsageError(msgf("--sig {}: give one or two levels between 0 and 1, "
                                  "e.g. 0.05 or 0.05,0.10 (with a decimal point: the "
                                  "comma separates two levels)",
                                  text));
        }
        out.push_back(*v);
        start = comma + 1;
    }
    if (out.size() > 2 || (out.size() == 2 && !(out[0] < out[1]))) {
        throw UsageError(msgf("--sig {}: give one level, or two with the stricter "
                              "first (0.05,0.10)",
                              text));
    }
    return out;
}

} // namespace

data::Tabulator tabulate(Source& src, const std::vector<std::string>& names,
                         analysis::Settings& settings,
                         const std::vector<data::Accumulator*>& also, bool scale_scores,
                         bool tabled_kinds_only) {
    std::vector<codebook::Question> questions =
        names.empty() ? src.codebook.questions() : src.codebook.select(names);
    if (names.empty() && tabled_kinds_only) {
        std::erase_if(questions, [](const codebook::Question& q) {
            return q.kind == codebook::Question::Kind::Other;
        });
    }
    if (scale_scores) {
        questions = src.codebook.with_scale_scores(std::move(questions));
    }
    data::Tabulator tab(src.codebook, std::move(questions), settings.pass.weight.has_value());
    std::vector<data::Accumulator*> all{&tab};
    all.insert(all.end(), also.begin(), also.end());
    run_pass(src, settings, all);
    return tab;
}

void BannerCliOptions::add_to(CLI::App& app, bool by_required) {
    auto* by_option = app.add_option(
        "--by", by,
        msgf("Banner variable: its categories become columns (repeatable); a number in bands: "
             "--by age:18-29,30-44,45-64,65-"));
    by_option->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    if (by_required) {
        by_option->required();
    }
    app.add_option("--sig", sig,
                   msgf("Significance level of the column letters; two (0.05,0.10) give upper- "
                        "and lower-case letters"));
    app.add_option("--adjust", adjust, msgf("Multiple-comparison adjustment within each row"))
        ->check(CLI::IsMember({"none", "bonferroni", "holm", "bh"}));
    // CLI11's own range check would print the largest double; this says what is meant.
    const auto count = [](const std::string& text) -> std::string {
        const auto v = util::parse_number(text, false);
        return v && *v >= 0 && *v <= 1e9 ? "" : "must be a whole number, 0 or more";
    };
    app.add_option("--min-base", min_base,
                   msgf("Columns with a smaller base are flagged (*) and "
                        "not tested (default 30)"))
        ->check(count);
    app.add_option("--hide-below", hide_below,
                   msgf("Columns with a smaller base show no percentages or means (default 10, or "
                        "--min-base when smaller)"))
        ->check(count);
    app.add_option("--suppress", suppress,
                   msgf("Suppress counts below K, with secondary cells so none can be recovered "
                        "from the totals (off: 0)"))
        ->check(count);
    app.add_flag("--distribution", distribution,
                 msgf("Likert items as answer distributions rather than means"));
}

table::BannerOptions BannerCliOptions::banner_options() const {
    table::BannerOptions b;
    b.sig = parse_sig(sig);
    b.adjust = adjust == "bonferroni" ? stats::Adjust::Bonferroni
               : adjust == "holm"     ? stats::Adjust::Holm
               : adjust == "bh"       ? stats::Adjust::BenjaminiHochberg
                                      : stats::Adjust::None;
    b.min_base = min_base;
    b.hide_below = hide_below >= 0 ? hide_below : std::min(10.0, min_base);
    b.suppress = suppress;
    b.distribution = distribution;
    return b;
}

std::vector<table::Table> banner_run(Source& src, const std::vector<std::string>& names,
                                     analysis::Settings& settings, const BannerCliOptions& b) {
    const table::BannerOptions options = b.banner_options();
    std::vector<data::Banner> banners;
    for (const std::string& spec : b.by) {
        banners.push_back(data::make_banner(src.codebook, spec, src.reader->dialect().decimal_comma));
    }
    std::vector<codebook::Question> questions;
    for (const codebook::Question& q : src.codebook.with_scale_scores(
             names.empty() ? src.codebook.questions() : src.codebook.select(names))) {
        const bool is_banner = std::any_of(banners.begin(), banners.end(), [&](const auto& bn) {
            return bn.variables == q.variables;
        });
        if (q.kind != codebook::Question::Kind::Other && !(names.empty() && is_banner)) {
            questions.push_back(q);
        }
    }
    data::CrossCounts cross(src.codebook, std::move(questions), std::move(banners));
    run_pass(src, settings, {&cross});
    return table::banner_tables(src.codebook, cross, settings.build, options);
}

void require_kinds(const codebook::Codebook& cb, const std::vector<std::string>& names,
                   bool freq) {
    using Kind = codebook::Question::Kind;
    for (const codebook::Question& q : cb.select(names)) {
        const auto& v = cb.variables[q.variables[0]];
        const std::string type(codebook::type_name(v.type));
        if (q.kind == Kind::Other) {
            throw UsageError(
                msgf("\"{}\" is a {} column: there is nothing to tabulate", q.name, type));
        }
        if (!freq && (q.kind == Kind::Multi ||
                      (q.kind == Kind::Single && v.type != codebook::VarType::Likert))) {
            throw UsageError(msgf("\"{}\" is a {} question: `careerstat freq` "
                                  "tabulates it; describe shows Likert items, grades, "
                                  "NPS and numbers",
                                  q.name, q.kind == Kind::Multi ? msgf("multi-select") : type));
        }
    }
}

} // namespace careerstat::cli
