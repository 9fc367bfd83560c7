// A [[finding]] with `from`: the change of one answer's share between two waves, read from
// the trend tables (docs/trend.md, "Findings that state a change").
#include "careerstat/messages.hpp"
#include "careerstat/report/trend.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>

namespace careerstat::report {

std::vector<table::Finding> change_findings(const Study& newest, const std::vector<table::Table>& trend,
                                         const ReportOptions& options, Lang lang) {
    std::vector<table::Finding> out;
    for (const FindingSpec& f : newest.findings) {
        if (f.from == 0) {
            continue;
        }
        const std::string at = fmt::format("{}:{}: ", newest.source, f.line);
        const table::Table* t = nullptr;
        for (const table::Table& e : trend) {
            if (e.id == "trend." + f.population + "." + f.question) {
                t = &e;
            }
        }
        if (t == nullptr || t->column_index("pct") == std::string::npos) {
            throw DataError(at + msgf("from = {}: no trend section has the shares of {} among {} "
                                      "(add trend = [\"{}\"] to a section)",
                                      f.from, f.question, f.population, f.question));
        }
        const std::size_t code = t->column_index("code"), label = t->column_index("label"),
                          wave = t->column_index("wave"), pct = t->column_index("pct"),
                          prev = t->column_index("diff_prev"), first = t->column_index("diff_first");
        const table::Row* from_row = nullptr;
        const table::Row* now_row = nullptr;
        std::vector<double> years;
        for (const table::Row& r : t->rows) {
            const std::string c = r.text(code).empty() ? fmt::format("{:g}", r.number(code)) : r.text(code);
            if (c != f.code && !util::iequals(r.text(label), f.code)) {
                continue;
            }
            years.push_back(r.number(wave));
            if (r.number(wave) == f.from) {
                from_row = &r;
            }
            if (r.number(wave) == newest.year) {
                now_row = &r;
            }
        }
        if (from_row == nullptr || now_row == nullptr) {
            throw DataError(at +
                            msgf("from = {}: the trend of {} has no comparable share of \"{}\" "
                                 "in {} and {} (its notes say why)",
                                 f.from, f.question, f.code, f.from, newest.year));
        }
        // The change from `from`: the previous wave's columns, or the first wave's.
        std::size_t col = std::string::npos;
        if (!years.empty() && years.size() >= 2 && years[years.size() - 2] == f.from) {
            col = prev;
        } else if (first != std::string::npos && years.front() == f.from) {
            col = first;
        }
        if (col == std::string::npos) {
            throw DataError(at + msgf("from = {}: a change finding compares with the previous or "
                                      "the first wave",
                                      f.from));
        }
        const double d = now_row->number(col), lo = now_row->number(col + 1), hi = now_row->number(col + 2);
        const bool significant = std::isfinite(lo) && (lo > 0 || hi < 0);
        const bool nl = lang == Lang::Nl;
        std::map<std::string, std::string> fields = {
            {"from_pct", fmt::format("{:.0f}%", from_row->number(pct))},
            {"from_year", std::to_string(f.from)},
            {"pct", fmt::format("{:.0f}%", now_row->number(pct))},
            {"year", std::to_string(newest.year)},
            {"answer", now_row->text(label)},
            {"question", t->title},
            {"level", fmt::format("{:g}%", options.level * 100)},
            {"diff", std::isfinite(d) ? fmt::format("{:+.0f}", d) : "-"},
            {"diff_ci", std::isfinite(lo) ? fmt::format(fmt::runtime(nl ? "{:.0f} tot {:.0f}" : "{:.0f} to {:.0f}"), lo, hi) : "-"},
            {"change", std::string(tr(lang, !significant ? "did not change significantly" : d < 0 ? "fell" : "rose"))},
            {"significance", std::string(tr(lang, significant ? "significant" : "not significant"))},
        };
        const auto it = f.text.find(lang);
        const std::string tmpl = it != f.text.end() ? it->second
                                 : nl ? "Het aandeel \xE2\x80\x9C{answer}\xE2\x80\x9D {change}: van {from_pct} in {from_year} naar {pct} in {year} (verschil {diff} procentpunten; {level}-BI {diff_ci})."
                                      : "The share \xE2\x80\x9C{answer}\xE2\x80\x9D {change}: from {from_pct} in {from_year} to {pct} in {year} (difference {diff} percentage points; {level} CI {diff_ci}).";
        table::Finding finding;
        finding.text = fill(tmpl, fields);
        finding.kind = "change";
        finding.unit = "points";
        finding.value = d;
        finding.ci_low = lo;
        finding.ci_high = hi;
        out.push_back(std::move(finding));
    }
    return out;
}

} // namespace careerstat::report
