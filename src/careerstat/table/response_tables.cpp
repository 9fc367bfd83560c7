#include "careerstat/table/response_tables.hpp"

#include "careerstat/stats/tests.hpp"

#include <cmath>
#include <fmt/format.h>

namespace careerstat::table {

namespace {

Cell pct_or_empty(double part, double whole) {
    return whole > 0 ? Cell{100 * part / whole} : Cell{};
}

std::pair<Cell, Cell> ci_cells(double x, double n, const BuildOptions& o) {
    if (n <= 0) {
        return {Cell{}, Cell{}};
    }
    const auto ci = stats::proportion_ci_p(x / n, n, o.level, o.ci);
    return {Cell{100 * ci.low}, Cell{100 * ci.high}};
}

Cell rate_cell(double r) { return std::isnan(r) ? Cell{} : Cell{100 * r}; }

std::string level_label(const BuildOptions& o, const char* which) {
    return fmt::format("{:g}% {}", o.level * 100, tr(o.lang, which));
}

} // namespace

std::string completion_rule_note(const data::ResponseCounts& c, Lang lang, bool for_report) {
    using data::CompletionRule;
    switch (c.rule) {
    case CompletionRule::SubmitDate:
        return fmt::format(fmt::runtime(tr(lang, "{}: complete = {} is filled in (LimeSurvey); "
                                                 "an empty {} is a partial return.")),
                           c.source, c.rule_variable, c.rule_variable);
    case CompletionRule::Finished:
        return fmt::format(fmt::runtime(tr(lang, "{}: complete = {} is 1 (Qualtrics).")),
                           c.source, c.rule_variable);
    case CompletionRule::Progress:
        return fmt::format(fmt::runtime(tr(lang, "{}: complete = {} is 100 (Qualtrics).")),
                           c.source, c.rule_variable);
    case CompletionRule::LastPage:
        return fmt::format(
            fmt::runtime(tr(lang, "{}: complete = {} reached the last page ({:g}).")), c.source,
            c.rule_variable, c.last_page);
    case CompletionRule::RedcapForms:
        return fmt::format(fmt::runtime(tr(lang, "{}: complete = every form status given ({}) "
                                                 "is 2, Complete (REDCap).")),
                           c.source, c.rule_variable);
    case CompletionRule::EveryRow:
        return fmt::format(fmt::runtime(tr(lang, "{}: every row is a submitted response, so "
                                                 "every return is complete (the platform writes "
                                                 "no partial returns).")),
                           c.source);
    case CompletionRule::Share:
        return fmt::format(
            fmt::runtime(for_report ? tr(lang, "{}: the export has no completion metadata; "
                                               "complete = at least {:g}% of the questions "
                                               "answered.")
                                    : tr(lang, "{}: the export has no completion metadata; "
                                               "complete = at least {:g}% of the questions "
                                               "answered (--complete-at).")),
            c.source, c.complete_at * 100);
    }
    return {};
}

Table response_table(const std::vector<Population>& pops, const BuildOptions& o) {
    Table t;
    t.id = "response";
    t.title = tr(o.lang, "Response").data();
    t.columns = {
        {"population", tr(o.lang, "Population").data(), ColumnType::Text},
        {"invited", tr(o.lang, "Invited").data(), ColumnType::Count},
        {"returned", tr(o.lang, "Returned").data(), ColumnType::Count},
        {"complete", tr(o.lang, "Complete").data(), ColumnType::Count},
        {"partial", tr(o.lang, "Partial").data(), ColumnType::Count},
        {"response_rate", tr(o.lang, "Response rate %").data(), ColumnType::Percent},
        {"ci_low", level_label(o, "CI low"), ColumnType::Percent},
        {"ci_high", level_label(o, "CI high"), ColumnType::Percent},
        {"rate_with_partials", tr(o.lang, "Incl. partials %").data(), ColumnType::Percent},
        {"ci_low_partials", level_label(o, "CI low"), ColumnType::Percent},
        {"ci_high_partials", level_label(o, "CI high"), ColumnType::Percent},
    };
    bool any_missing_invited = false;
    for (const Population& p : pops) {
        const auto& c = p.counts;
        if (p.invited) {
            const auto [lo, hi] = ci_cells(c.complete, *p.invited, o);
            const auto [lo2, hi2] = ci_cells(c.returned, *p.invited, o);
            t.add_row({p.name, *p.invited, c.returned, c.complete, c.partial,
                       pct_or_empty(c.complete, *p.invited), lo, hi,
                       pct_or_empty(c.returned, *p.invited), lo2, hi2});
        } else {
            any_missing_invited = true;
            t.add_row({p.name, Cell{}, c.returned, c.complete, c.partial, Cell{}, Cell{}, Cell{},
                       Cell{}, Cell{}, Cell{}});
        }
    }
    t.chart = Chart::Bars;
    t.chart_label_column = 0;
    // The bars show every return, as studies usually publish "who answered" (the key
    // findings say the same); the complete-only rate stays in the table.
    t.chart_value_column = 8;
    t.chart_n_column = 1; // each population's rate is of its invited
    t.footnotes.emplace_back(
        tr(o.lang, "Response rate = complete / invited; incl. partials = (complete + partial) / "
                   "invited. With every invitee eligible these are AAPOR RR1 and RR2."));
    for (const Population& p : pops) {
        t.footnotes.push_back(completion_rule_note(p.counts, o.lang, o.for_report));
        if (p.counts.skipped_empty > 0) {
            t.footnotes.push_back(fmt::format(
                "{}: {}", p.name,
                fmt::format(fmt::runtime(tr(o.lang, "{} rows holding only delimiters (empty "
                                                    "rows) were skipped.")),
                            p.counts.skipped_empty)));
        }
        if (p.counts.excluded > 0) {
            t.footnotes.push_back(fmt::format(
                "{}: {}", p.name,
                fmt::format(fmt::runtime(tr(o.lang, "Left out: {} rows of {}.")), p.counts.excluded,
                            tr(o.lang, p.counts.excluded_what.c_str()))));
        }
    }
    if (any_missing_invited) {
        t.footnotes.emplace_back(
            o.for_report ? tr(o.lang, "A response rate needs the number invited, which the study "
                                      "does not give for this population.")
                         : tr(o.lang, "A response rate needs the number invited: give it with "
                                      "--invited (e.g. --invited clients=90)."));
    }
    t.footnotes.push_back(
        fmt::format(fmt::runtime(tr(o.lang, "{} confidence intervals: {}.")),
                    fmt::format("{:g}%", o.level * 100), tr(o.lang, ci_display_name(o.ci))));
    return t;
}

Table item_nonresponse_table(const Population& p, double flag_pct, const BuildOptions& o) {
    Table t;
    t.id = "items." + p.name;
    t.title = fmt::format("{}: {}", tr(o.lang, "Item nonresponse"), p.name);
    t.columns = {
        {"variable", tr(o.lang, "Question").data(), ColumnType::Text},
        {"label", tr(o.lang, "Label").data(), ColumnType::Text},
        {"shown", tr(o.lang, "Reached").data(), ColumnType::Count},
        {"answered", tr(o.lang, "Answered").data(), ColumnType::Count},
        {"dont_know", tr(o.lang, "Don't know").data(), ColumnType::Count},
        {"other_missing", tr(o.lang, "Other missing").data(), ColumnType::Count},
        {"blank", tr(o.lang, "Blank").data(), ColumnType::Count},
        {"nonresponse_pct", tr(o.lang, "Nonresponse %").data(), ColumnType::Percent},
        {"flag", tr(o.lang, "Flag").data(), ColumnType::Text},
    };
    for (const data::ItemCounts& ic : p.counts.items) {
        const double missing = ic.dont_know + ic.other_missing + ic.blank;
        const double pct = ic.shown > 0 ? 100 * missing / ic.shown : 0;
        t.add_row({ic.name, ic.label, ic.shown, ic.answered, ic.dont_know, ic.other_missing,
                   ic.blank, pct_or_empty(missing, ic.shown),
                   ic.shown > 0 && pct > flag_pct ? Cell{std::string("*")} : Cell{}});
    }
    t.footnotes.emplace_back(
        tr(o.lang, "Reached = respondents who answered this question or a later one (in "
                   "codebook order). Nonresponse = (don't know + other missing + blank) / "
                   "reached; a multi-select question counts as answered when any option is "
                   "selected."));
    t.footnotes.push_back(fmt::format(
        fmt::runtime(tr(o.lang, "* item nonresponse above {:g}%.")), flag_pct));
    return t;
}

std::vector<Table> aapor_tables(const data::SampleCounts& s, std::optional<double> e,
                                const BuildOptions& o) {
    const stats::Dispositions& d = s.total;
    Table disp;
    disp.id = "dispositions";
    disp.title = fmt::format("{}: {}", tr(o.lang, "Final dispositions"), s.source);
    disp.columns = {
        {"class", tr(o.lang, "Class").data(), ColumnType::Text},
        {"codes", tr(o.lang, "AAPOR codes").data(), ColumnType::Text},
        {"label", tr(o.lang, "Disposition").data(), ColumnType::Text},
        {"n", "n", ColumnType::Count},
    };
    const struct {
        const char* cls;
        const char* codes;
        const char* label;
        double n;
    } rows[] = {
        {"I", "1.1", "Complete", d.I},
        {"P", "1.2", "Partial", d.P},
        {"R", "2.1x", "Refusal and break-off", d.R},
        {"NC", "2.2x", "Non-contact", d.NC},
        {"O", "2.3x", "Other eligible non-interview", d.O},
        {"UH", "3.1x", "Unknown if eligible (no contact info checked)", d.UH},
        {"UO", "3.2-3.9", "Unknown eligibility, other", d.UO},
        {"NE", "4.x", "Not eligible", d.NE},
    };
    for (const auto& r : rows) {
        disp.add_row({r.cls, r.codes, std::string(tr(o.lang, r.label)), r.n});
    }
    disp.add_row({std::string(tr(o.lang, "Total")), Cell{}, Cell{}, s.rows}, RowKind::Total);

    const stats::OutcomeRates r = stats::outcome_rates(d, e);
    Table rates;
    rates.id = "aapor_rates";
    rates.title = tr(o.lang, "AAPOR outcome rates").data();
    rates.columns = {
        {"rate", tr(o.lang, "Rate").data(), ColumnType::Text},
        {"formula", tr(o.lang, "Formula").data(), ColumnType::Text},
        {"value_pct", "%", ColumnType::Percent},
    };
    const struct {
        const char* name;
        const char* formula;
        double value;
    } list[] = {
        {"RR1", "I / ((I+P) + (R+NC+O) + (UH+UO))", r.rr1},
        {"RR2", "(I+P) / ((I+P) + (R+NC+O) + (UH+UO))", r.rr2},
        {"RR3", "I / ((I+P) + (R+NC+O) + e(UH+UO))", r.rr3},
        {"RR4", "(I+P) / ((I+P) + (R+NC+O) + e(UH+UO))", r.rr4},
        {"RR5", "I / ((I+P) + (R+NC+O))", r.rr5},
        {"RR6", "(I+P) / ((I+P) + (R+NC+O))", r.rr6},
        {"COOP1", "I / ((I+P) + R + O)", r.coop1},
        {"COOP2", "(I+P) / ((I+P) + R + O)", r.coop2},
        {"COOP3", "I / ((I+P) + R)", r.coop3},
        {"COOP4", "(I+P) / ((I+P) + R)", r.coop4},
        {"REF1", "R / ((I+P) + (R+NC+O) + (UH+UO))", r.ref1},
        {"REF2", "R / ((I+P) + (R+NC+O) + e(UH+UO))", r.ref2},
        {"REF3", "R / ((I+P) + (R+NC+O))", r.ref3},
        {"CON1", "((I+P) + R + O) / ((I+P) + R + O + NC + (UH+UO))", r.con1},
        {"CON2", "((I+P) + R + O) / ((I+P) + R + O + NC + e(UH+UO))", r.con2},
        {"CON3", "((I+P) + R + O) / ((I+P) + R + O + NC)", r.con3},
    };
    for (const auto& l : list) {
        rates.add_row({l.name, l.formula, rate_cell(l.value)});
    }
    if (std::isnan(r.e)) {
        // No case's eligibility was settled, so the default estimate of e is 0/0.
        rates.footnotes.emplace_back(
            o.for_report ? tr(o.lang, "e cannot be estimated: no case's eligibility is known, so "
                                      "RR3, RR4, REF2 and CON2 are left empty.")
                         : tr(o.lang, "e cannot be estimated: no case's eligibility is known, so "
                                      "RR3, RR4, REF2 and CON2 are left empty; give e with --e."));
    } else {
        rates.footnotes.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "e = {}, the share of unknown-eligibility cases assumed "
                                    "eligible ({}).")),
            footnote_number(std::round(r.e * 10000) / 10000, o.lang),
            e ? tr(o.lang, "set with --e")
              : tr(o.lang, "default: (I+P+R+NC+O) / (I+P+R+NC+O+NE)")));
    }
    rates.footnotes.emplace_back(
        tr(o.lang, "Not-eligible cases (NE) are left out of every denominator. Formulas: AAPOR "
                   "Standard Definitions."));
    return {disp, rates};
}

std::vector<Table> subgroup_tables(const data::SampleCounts& s, std::optional<double> e,
                                   const BuildOptions& o) {
    Table t;
    t.id = "response_by." + s.by_column;
    t.title = fmt::format("{} {}", tr(o.lang, "Response by"), s.by_column);
    t.columns = {
        {"group", s.by_column, ColumnType::Text},
        {"cases", tr(o.lang, "Cases (excl. NE)").data(), ColumnType::Count},
        {"complete", tr(o.lang, "Complete").data(), ColumnType::Count},
        {"partial", tr(o.lang, "Partial").data(), ColumnType::Count},
        {"rr1_pct", "RR1 %", ColumnType::Percent},
        {"ci_low", level_label(o, "CI low"), ColumnType::Percent},
        {"ci_high", level_label(o, "CI high"), ColumnType::Percent},
        {"rr2_pct", "RR2 %", ColumnType::Percent},
    };
    std::vector<std::vector<double>> observed;
    for (const auto& [name, d] : s.groups) {
        const double cases = d.I + d.P + d.R + d.NC + d.O + d.UH + d.UO;
        const stats::OutcomeRates r = stats::outcome_rates(d, e);
        const auto [lo, hi] = ci_cells(d.I, cases, o);
        t.add_row({name, cases, d.I, d.P, rate_cell(r.rr1), lo, hi, rate_cell(r.rr2)});
        observed.push_back({d.I, cases - d.I});
    }
    t.chart = Chart::Bars;
    t.chart_label_column = 0;
    t.chart_value_column = 4;
    t.chart_n_column = 1;

    Table test;
    test.id = "response_by." + s.by_column + ".chisq";
    test.title = fmt::format("{} {}", tr(o.lang, "Does response differ by"), s.by_column);
    test.columns = {
        {"test", tr(o.lang, "Test").data(), ColumnType::Text},
        {"statistic", tr(o.lang, "Chi-square").data(), ColumnType::Number, 3},
        {"df", "df", ColumnType::Count},
        {"p_value", "p", ColumnType::PValue},
        {"min_expected", tr(o.lang, "Smallest expected count").data(), ColumnType::Number},
    };
    try {
        const stats::ChiSquare c = stats::chi_square_test(observed);
        test.add_row({std::string(tr(o.lang, "Pearson chi-square, complete vs not")), c.statistic,
                      c.df, c.p_value, c.min_expected});
        if (c.min_expected < 5) {
            test.footnotes.emplace_back(
                tr(o.lang, "Some expected counts are below 5: the chi-square approximation "
                           "is rough; read the p-value with care."));
        }
    } catch (const std::invalid_argument&) {
        test.footnotes.emplace_back(
            tr(o.lang, "No test: fewer than two subgroups with cases, or nobody (or everybody) "
                       "completed."));
    }
    test.footnotes.emplace_back(tr(
        o.lang, "A first check for nonresponse bias: a small p-value means the response rate "
                "differs between subgroups. Cases = invitees less the not eligible (NE)."));
    return {t, test};
}

} // namespace careerstat::table
