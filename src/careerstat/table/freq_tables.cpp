// Frequency tables (SPSS/PSPP FREQUENCIES semantics) and multi-response tables.
#include "careerstat/table/builders.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>

namespace careerstat::table {

using codebook::Question;
using codebook::Variable;

namespace {

// An interval limit (0-1) as a percent; none when it is not a number (too few cases).
Cell percent_or_empty(double limit) {
    if (!std::isfinite(limit)) {
        return std::monostate{};
    }
    return 100.0 * limit;
}

Cell pct_cell(double part, double whole) {
    if (whole <= 0) {
        return std::monostate{};
    }
    return 100.0 * part / whole;
}

// A code that is a number ("-1", "4") is written as a number, so a spreadsheet reads it
// as one and CSV formula neutralisation leaves it alone; other codes ("A2") stay text.
Cell code_cell(const codebook::Choice& c) {
    if (c.value && fmt::format("{:g}", *c.value) == c.code) {
        return *c.value;
    }
    return c.code;
}

std::string format_percent_level(double level) {
    return fmt::format("{:g}%", level * 100);
}

Table single_table(const Variable& v, const data::VariableCounts& c, double total,
                   const BuildOptions& o) {
    Table t;
    t.id = "freq." + v.name;
    t.title = v.label;
    t.subtitle = v.label == v.name ? "" : v.name;
    t.columns = {
        {"variable", tr(o.lang, "Variable").data(), ColumnType::Text, -1, true},
        {"code", tr(o.lang, "Code").data(), ColumnType::Code, -1, !o.codes},
        {"label", tr(o.lang, "Answer").data(), ColumnType::Text},
        {"n", "n", ColumnType::Count},
        {"pct", "%", ColumnType::Percent},
        {"valid_pct", tr(o.lang, "Valid %").data(), ColumnType::Percent},
        {"cum_pct", tr(o.lang, "Cum. %").data(), ColumnType::Percent},
        {"ci_low", fmt::format("{} {}", format_percent_level(o.level), tr(o.lang, "CI low")),
         ColumnType::Percent},
        {"ci_high", fmt::format("{} {}", format_percent_level(o.level), tr(o.lang, "CI high")),
         ColumnType::Percent},
    };
    const stats::DesignBase base = design_base(c.valid_cases, c.valid_w, c.valid_w2, o);
    double cum = 0;
    for (std::size_t i = 0; i < v.choices.size(); ++i) {
        const double n = c.valid[i];
        cum += n;
        Cell lo = std::monostate{};
        Cell hi = std::monostate{};
        if (c.valid_w > 0) {
            const auto ci = share_interval(n / c.valid_w, base, c.w2_of(i), o);
            lo = percent_or_empty(ci.low);
            hi = percent_or_empty(ci.high);
        }
        t.add_row({v.name, code_cell(v.choices[i]), v.choices[i].label, n, pct_cell(n, total),
                   pct_cell(n, c.valid_w), pct_cell(cum, c.valid_w), lo, hi});
    }
    for (std::size_t i = 0; i < v.missing.size(); ++i) {
        t.add_row({v.name, code_cell(v.missing[i]), v.missing[i].label, c.missing[i],
                   pct_cell(c.missing[i], total), std::monostate{}, std::monostate{},
                   std::monostate{}, std::monostate{}},
                  RowKind::Missing);
    }
    t.add_row({v.name, std::monostate{}, std::string(tr(o.lang, "Blank")), c.blank,
               pct_cell(c.blank, total), std::monostate{}, std::monostate{}, std::monostate{},
               std::monostate{}},
              RowKind::Missing);
    t.add_row({v.name, std::monostate{}, std::string(tr(o.lang, "Total")), total,
               pct_cell(total, total), pct_cell(c.valid_w, c.valid_w), std::monostate{},
               std::monostate{}, std::monostate{}},
              RowKind::Total);
    t.chart = Chart::Bars;
    t.chart_label_column = 2;
    t.chart_value_column = 5;
    t.chart_bases = {c.valid_w}; // the base of valid %
    t.footnotes.push_back(fmt::format(
        fmt::runtime(tr(o.lang, "Valid % excludes missing codes and blanks (valid n = {}).")),
        footnote_number(c.valid_w, o.lang)));
    return t;
}

// A numeric variable seen as a categorical one: each value seen is a code, labelled with
// the codebook's label for it when there is one (0=Zeer onwaarschijnlijk).
std::pair<Variable, data::VariableCounts> as_categorical(const Variable& v,
                                                         const data::VariableCounts& c) {
    Variable cv = v;
    cv.choices.clear();
    data::VariableCounts cc = c;
    cc.valid.clear();
    cc.weighted = true; // the squared weights come along per value
    cc.valid_sums.clear();
    for (const auto& [value, w] : data::value_counts(v, c)) {
        codebook::Choice ch;
        ch.code = fmt::format("{:g}", value);
        ch.label = ch.code;
        ch.value = value;
        for (const auto& labelled : v.choices) {
            if (labelled.value && *labelled.value == value) {
                ch.label = labelled.label;
            }
        }
        cv.choices.push_back(ch);
        cc.valid.push_back(w.w);
        cc.valid_sums.push_back(w);
    }
    return {cv, cc};
}

Table multi_table(const codebook::Codebook& cb, const Question& q, const data::MultiCounts& m,
                  double total, const BuildOptions& o) {
    Table t;
    t.id = "freq." + q.name;
    t.title = q.label;
    t.subtitle = q.label == q.name ? "" : q.name;
    t.columns = {
        {"variable", tr(o.lang, "Question").data(), ColumnType::Text, -1, true},
        {"option", tr(o.lang, "Option").data(), ColumnType::Code, -1, !o.codes},
        {"label", tr(o.lang, "Answer").data(), ColumnType::Text},
        {"n", "n", ColumnType::Count},
        {"pct", tr(o.lang, "% of respondents").data(), ColumnType::Percent},
        {"pct_mentions", tr(o.lang, "% of mentions").data(), ColumnType::Percent},
        {"ci_low", fmt::format("{} {}", format_percent_level(o.level), tr(o.lang, "CI low")),
         ColumnType::Percent},
        {"ci_high", fmt::format("{} {}", format_percent_level(o.level), tr(o.lang, "CI high")),
         ColumnType::Percent},
    };
    const Variable& first = cb.variables[q.variables[0]];
    struct Opt {
        std::string code;
        std::string label;
        double n;
        double w2;
    };
    std::vector<Opt> opts;
    for (std::size_t i = 0; i < m.selected.size(); ++i) {
        if (first.is_multi_column()) {
            opts.push_back(
                {first.choices[i].code, first.choices[i].label, m.selected[i], m.selected_w2[i]});
        } else {
            const Variable& v = cb.variables[q.variables[i]];
            opts.push_back({v.name, v.label, m.selected[i], m.selected_w2[i]});
        }
    }
    if (!o.sort_codebook) {
        std::stable_sort(opts.begin(), opts.end(),
                         [](const Opt& a, const Opt& b) { return a.n > b.n; });
    }
    const stats::DesignBase base = design_base(m.base_cases, m.base, m.base_w2, o);
    for (const Opt& op : opts) {
        Cell lo = std::monostate{};
        Cell hi = std::monostate{};
        if (m.base > 0) {
            const auto ci = share_interval(op.n / m.base, base, op.w2, o);
            lo = percent_or_empty(ci.low);
            hi = percent_or_empty(ci.high);
        }
        t.add_row({q.name, op.code, op.label, op.n, pct_cell(op.n, m.base),
                   pct_cell(op.n, m.mentions), lo, hi});
    }
    t.add_row({q.name, std::monostate{}, std::string(tr(o.lang, "No option selected")),
               total - m.base, std::monostate{}, std::monostate{}, std::monostate{},
               std::monostate{}},
              RowKind::Missing);
    t.add_row({q.name, std::monostate{}, std::string(tr(o.lang, "Respondents who answered (base)")),
               m.base, pct_cell(m.base, m.base), pct_cell(m.mentions, m.mentions),
               std::monostate{}, std::monostate{}},
              RowKind::Total);
    t.chart = Chart::Bars;
    t.chart_label_column = 2;
    t.chart_value_column = 4;
    t.chart_bases = {m.base};
    t.footnotes.push_back(fmt::format(
        fmt::runtime(tr(o.lang, "Base: {} of {} respondents selected at least one option; "
                                "more than one answer was possible ({} mentions).")),
        footnote_number(m.base, o.lang), footnote_number(total, o.lang),
        footnote_number(m.mentions, o.lang)));
    if (!o.sort_codebook) {
        t.footnotes.emplace_back(tr(o.lang, "Options sorted by frequency."));
    }
    return t;
}

} // namespace

std::string footnote_number(double value, Lang lang) {
    std::string out = std::abs(value - std::round(value)) < 1e-9
                          ? fmt::format("{:.0f}", value)
                          : fmt::format("{:.4f}", value);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') {
            out.pop_back();
        }
        if (out.back() == '.') {
            out.pop_back();
        }
    }
    if (lang == Lang::Nl) {
        std::replace(out.begin(), out.end(), '.', ',');
    }
    return out;
}

std::string_view ci_display_name(stats::CiMethod m) {
    switch (m) {
    case stats::CiMethod::Wilson:
        return "Wilson score";
    case stats::CiMethod::ClopperPearson:
        return "Clopper-Pearson exact";
    case stats::CiMethod::Jeffreys:
        return "Jeffreys";
    case stats::CiMethod::AgrestiCoull:
        return "Agresti-Coull";
    }
    return "";
}

stats::DesignBase design_base(double cases, double sum_w, double sum_w2, const BuildOptions& o) {
    return stats::DesignBase{cases, sum_w, sum_w2, !o.weight_name.empty(), o.population};
}

stats::Interval share_interval(double p, const stats::DesignBase& base, double sum_w2_yes,
                               const BuildOptions& o) {
    return stats::proportion_ci_p(p, stats::share_effective_n(base, p, sum_w2_yes), o.level, o.ci);
}

std::vector<std::string> common_footnotes(const BuildOptions& o, bool proportions) {
    std::vector<std::string> out;
    if (proportions) {
        out.push_back(fmt::format(fmt::runtime(tr(o.lang, "{} confidence intervals: {}.")),
                                  format_percent_level(o.level),
                                  tr(o.lang, ci_display_name(o.ci))));
    }
    if (o.population > 0) {
        out.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "Finite population correction applied (population N = {}).")),
            footnote_number(o.population, o.lang)));
    }
    if (!o.weight_name.empty()) {
        out.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "Weighted by {}; estimates and intervals as R's survey package computes "
                                    "them (design-based effective sample size).")),
            o.weight_name));
    }
    for (const std::string& w : o.where) {
        out.push_back(fmt::format(fmt::runtime(tr(o.lang, "Filter: {}.")), w));
    }
    if (o.skipped_empty > 0) {
        out.push_back(fmt::format(
            fmt::runtime(tr(o.lang, "{} rows holding only delimiters (empty rows) were skipped.")),
            o.skipped_empty));
    }
    if (o.excluded > 0) {
        out.push_back(fmt::format(fmt::runtime(tr(o.lang, "Left out: {} rows of {}.")), o.excluded,
                                  tr(o.lang, o.excluded_what.c_str())));
    }
    return out;
}

std::vector<Table> frequency_tables(const codebook::Codebook& cb, const data::Tabulator& tab,
                                    const BuildOptions& o, const QuestionSubset& only) {
    std::vector<Table> out;
    const auto common = common_footnotes(o, true);
    const auto& questions = tab.questions();
    for (std::size_t q = 0; q < questions.size(); ++q) {
        if (!only.empty() && std::find(only.begin(), only.end(), q) == only.end()) {
            continue;
        }
        const Question& question = questions[q];
        if (question.kind == Question::Kind::Multi) {
            out.push_back(multi_table(cb, question, tab.multi(q), tab.respondents(), o));
        } else if (question.kind == Question::Kind::Single ||
                   question.kind == Question::Kind::Battery) {
            for (std::size_t v : question.variables) {
                out.push_back(single_table(cb.variables[v], tab.counts(v), tab.respondents(), o));
            }
        } else if (question.kind == Question::Kind::Numeric) {
            // As SPSS FREQUENCIES does for a grade or an age: a row per value seen.
            const auto [v, c] = as_categorical(cb.variables[question.variables[0]],
                                               tab.counts(question.variables[0]));
            out.push_back(single_table(v, c, tab.respondents(), o));
        } else {
            continue;
        }
    }
    for (Table& t : out) {
        t.footnotes.insert(t.footnotes.end(), common.begin(), common.end());
    }
    make_ids_unique(out);
    return out;
}

} // namespace careerstat::table
