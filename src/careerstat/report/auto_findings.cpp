// findings = "auto": sentences for the significant differences a report's tables show.
#include "careerstat/report/findings.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace careerstat::report {

namespace {

struct Candidate {
    double effect = 0;
    table::Finding finding;
};

std::string number(double v, int decimals, Lang lang) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    if (lang == Lang::Nl) {
        std::replace(s.begin(), s.end(), '.', ',');
    }
    return s;
}

double cohens_h(double p1, double p2) {
    return std::fabs(2 * std::asin(std::sqrt(std::clamp(p1, 0.0, 1.0))) -
                     2 * std::asin(std::sqrt(std::clamp(p2, 0.0, 1.0))));
}

// "“Yes”: 60% among Alpha against 30% among Beta (by Team)."
std::string sentence(const std::string& title, const std::string& answer, const std::string& v1,
                     const std::string& who1, const std::string& v2, const std::string& who2,
                     const std::string& by, const std::string& p, Lang lang) {
    const std::string what = answer.empty() ? title : title + " \xE2\x80\x94 \xE2\x80\x9C" + answer + "\xE2\x80\x9D";
    if (lang == Lang::Nl) {
        return fmt::format("{}: {} bij {} tegen {} bij {} ({}{}).", what, v1, who1, v2, who2,
                           by.empty() ? "" : "naar " + by + "; ", p);
    }
    return fmt::format("{}: {} among {} against {} among {} ({}{}).", what, v1, who1, v2, who2,
                       by.empty() ? "" : "by " + by + "; ", p);
}

// Banner tables: every upper-case letter in a % or mean cell is a significant pair.
void banner_candidates(const table::Table& t, Lang lang, double sig, std::vector<Candidate>& out) {
    const std::string p = "p < " + number(sig, 2, lang);
    for (const table::Row& row : t.rows) {
        if (row.kind != table::RowKind::Data) {
            continue;
        }
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const table::Column& col = t.columns[c];
            const bool share = col.name.ends_with(".pct");
            const bool mean = col.name.ends_with(".mean");
            if (col.letter.empty() || !(share || mean)) {
                continue;
            }
            for (const char letter : row.mark(c)) {
                if (letter < 'A' || letter > 'Z') {
                    continue; // lower case: significant at the second level only
                }
                const auto other = std::find_if(t.columns.begin(), t.columns.end(), [&](const auto& o) {
                    return o.group == col.group && o.letter == std::string(1, letter) &&
                           o.name.ends_with(share ? ".pct" : ".mean");
                });
                if (other == t.columns.end()) {
                    continue;
                }
                const std::size_t oc = static_cast<std::size_t>(other - t.columns.begin());
                const double v1 = row.number(c), v2 = row.number(oc);
                if (std::isnan(v1) || std::isnan(v2)) {
                    continue;
                }
                Candidate cand;
                cand.finding.kind = "difference";
                cand.finding.value = v1;
                cand.finding.compared_to = v2;
                cand.finding.p_below = sig; // a significance letter: p < sig
                if (share) {
                    cand.finding.unit = "percent";
                    cand.effect = cohens_h(v1 / 100, v2 / 100);
                    cand.finding.text = sentence(t.title, row.text(0), number(v1, 0, lang) + "%",
                                         col.category, number(v2, 0, lang) + "%", other->category,
                                         col.group, p, lang);
                } else {
                    const std::string stem1 = col.name.substr(0, col.name.size() - 5);
                    const std::string stem2 = other->name.substr(0, other->name.size() - 5);
                    const double s1 = row.number(t.column_index(stem1 + ".sd"));
                    const double s2 = row.number(t.column_index(stem2 + ".sd"));
                    const double pooled = std::sqrt((s1 * s1 + s2 * s2) / 2);
                    cand.effect = pooled > 0 ? std::fabs(v1 - v2) / pooled : 0;
                    const std::string avg = lang == Lang::Nl ? "gemiddeld " : "mean ";
                    cand.finding.unit = "mean";
                    cand.finding.text = sentence(row.text(0), "", avg + number(v1, 1, lang),
                                         col.category, number(v2, 1, lang), other->category,
                                         col.group, p, lang);
                }
                out.push_back(std::move(cand));
            }
        }
    }
}

// Two populations side by side: rows whose difference test gives p < sig.
void population_candidates(const table::Table& t, Lang lang, double sig,
                           std::vector<Candidate>& out) {
    const std::size_t pc = t.column_index("diff_p");
    std::vector<std::size_t> shares;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const std::string& n = t.columns[c].name;
        if ((n.starts_with("pct_") || n.starts_with("valid_pct_")) && !t.columns[c].category.empty()) {
            shares.push_back(c);
        }
    }
    if (pc == std::string::npos || shares.size() != 2) {
        return;
    }
    for (const table::Row& row : t.rows) {
        const double p = row.number(pc);
        const double v1 = row.number(shares[0]), v2 = row.number(shares[1]);
        if (row.kind != table::RowKind::Data || !(p < sig) || std::isnan(v1) || std::isnan(v2)) {
            continue;
        }
        Candidate cand;
        cand.effect = cohens_h(v1 / 100, v2 / 100);
        cand.finding.kind = "difference";
        cand.finding.unit = "percent";
        cand.finding.value = v1;
        cand.finding.compared_to = v2;
        cand.finding.p = p;
        cand.finding.text = sentence(t.title, row.text(0), number(v1, 0, lang) + "%",
                             t.columns[shares[0]].category, number(v2, 0, lang) + "%",
                             t.columns[shares[1]].category, "",
                             "p = " + number(p, 3, lang), lang);
        out.push_back(std::move(cand));
    }
}

} // namespace

std::vector<table::Finding> difference_findings(const std::vector<table::Table>& tables, Lang lang,
                                             std::size_t cap, double sig) {
    std::vector<Candidate> all;
    for (const table::Table& t : tables) {
        banner_candidates(t, lang, sig, all);
        population_candidates(t, lang, sig, all);
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Candidate& a, const Candidate& b) { return a.effect > b.effect; });
    std::vector<table::Finding> out;
    for (std::size_t i = 0; i < all.size() && out.size() < cap; ++i) {
        if (std::none_of(out.begin(), out.end(), [&](const table::Finding& f) {
                return f.text == all[i].finding.text;
            })) {
            out.push_back(all[i].finding);
        }
    }
    return out;
}

} // namespace careerstat::report
