#include "careerstat/data/cross_counts.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace careerstat::data {

using codebook::Question;

namespace {

// "18-29,30-44,45-64,65-": inclusive bands; an open end is "-29" or "65-".
std::vector<Banner::Band> parse_bands(const std::string& name, const std::string& text) {
    std::vector<Banner::Band> bands;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view piece = util::trim(std::string_view(text).substr(start, comma - start));
        // The dash between the ends is the first after the first character, so that a
        // negative low end ("-5-0") still parses; "-29" has only an upper end.
        std::size_t split = piece.find('-', 1);
        if (split == std::string_view::npos && piece.starts_with('-')) {
            split = 0;
        }
        Banner::Band b;
        bool ok = split != std::string_view::npos;
        if (ok) {
            const std::string_view lo = util::trim(piece.substr(0, split));
            const std::string_view hi = util::trim(piece.substr(split + 1));
            if (!lo.empty()) {
                const auto v = util::parse_number(lo, false);
                ok = ok && v.has_value();
                b.low = v.value_or(0);
            }
            if (!hi.empty()) {
                const auto v = util::parse_number(hi, false);
                ok = ok && v.has_value();
                b.high = v.value_or(0);
            }
            ok = ok && !(lo.empty() && hi.empty()) && b.low <= b.high;
        }
        if (!ok) {
            throw UsageError(msgf("--by {}:{}: \"{}\" is not a band; write bands as "
                                  "18-29,30-44,45-64,65- (ends included)",
                                  name, text, piece));
        }
        b.label = std::string(piece);
        bands.push_back(std::move(b));
        start = comma + 1;
    }
    for (std::size_t i = 1; i < bands.size(); ++i) {
        if (!(bands[i].low > bands[i - 1].high)) {
            throw UsageError(msgf("--by {}:{}: bands \"{}\" and \"{}\" overlap or are "
                                  "out of order; give them from low to high",
                                  name, text, bands[i - 1].label, bands[i].label));
        }
    }
    return bands;
}

} // namespace

Banner make_banner(const codebook::Codebook& cb, const std::string& spec, bool decimal_comma) {
    (void)decimal_comma; // bands use a decimal point: the comma separates them
    const std::size_t colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    // A scale's name is its score here: a banner cuts numbers into bands.
    const std::optional<Question> score = cb.scale_score(name);
    const std::vector<Question> found = score ? std::vector<Question>{*score} : cb.select({name});
    const Question& q = found.front();
    const codebook::Variable& v = cb.variables[q.variables[0]];
    Banner b;
    b.name = name;
    b.label = q.label.empty() ? q.name : q.label;
    b.variables = q.variables;
    if (colon != std::string::npos) {
        if (q.kind != Question::Kind::Numeric) {
            throw UsageError(msgf("--by {}: only a numeric variable is cut into bands; "
                                  "\"{}\" is {}, and its answers are the columns",
                                  spec, name, codebook::type_name(v.type)));
        }
        b.kind = Banner::Kind::Bands;
        b.bands = parse_bands(name, spec.substr(colon + 1));
        for (const Banner::Band& band : b.bands) {
            b.categories.push_back(band.label);
        }
        return b;
    }
    switch (q.kind) {
    case Question::Kind::Single:
        b.kind = Banner::Kind::Choice;
        for (const codebook::Choice& c : v.choices) {
            b.categories.push_back(c.label.empty() ? c.code : c.label);
        }
        return b;
    case Question::Kind::Multi:
        if (v.is_multi_column()) {
            b.kind = Banner::Kind::Mask;
            for (const codebook::Choice& c : v.choices) {
                b.categories.push_back(c.label.empty() ? c.code : c.label);
            }
        } else {
            b.kind = Banner::Kind::Options;
            for (std::size_t o : q.variables) {
                const codebook::Variable& ov = cb.variables[o];
                b.categories.push_back(ov.label.empty() ? ov.name : ov.label);
            }
        }
        return b;
    case Question::Kind::Numeric:
        throw UsageError(msgf("--by {}: a number needs bands, e.g. --by {}:18-29,30-44,"
                              "45-64,65-",
                              name, name));
    case Question::Kind::Battery:
        throw UsageError(msgf("--by {}: \"{}\" is a battery of {} items; break down by "
                              "one of them",
                              name, name, q.variables.size()));
    case Question::Kind::Other:
        break;
    }
    const std::string_view type = codebook::type_name(v.type);
    throw UsageError(
        msgf("--by {}: a column of type {} has no categories to break down by", name, type));
}

CrossCounts::CrossCounts(const codebook::Codebook& codebook, std::vector<Question> questions,
                         std::vector<Banner> banners)
    : m_cb(codebook), m_questions(std::move(questions)), m_banners(std::move(banners)) {
    for (std::size_t b = 0; b < m_banners.size(); ++b) {
        for (std::size_t e = 0; e < b; ++e) {
            if (m_banners[e].variables == m_banners[b].variables &&
                m_banners[e].bands.size() == m_banners[b].bands.size()) {
                throw UsageError(msgf("--by {}: given twice", m_banners[b].name));
            }
        }
        for (const Question& q : m_questions) {
            if (q.variables == m_banners[b].variables) {
                throw UsageError(
                    msgf("--by {}: \"{}\" is also a question to break down, and by itself it is "
                         "only its own diagonal; leave it out of the questions",
                         m_banners[b].name, q.name));
            }
        }
        m_first.push_back(m_columns);
        m_columns += m_banners[b].categories.size();
    }
    m_respondents.assign(m_columns, CellSums{});
    m_outside.assign(m_banners.size(), CellSums{});
    auto block = [&](CrossBlock::Kind kind, std::size_t q, std::size_t v, std::size_t rows,
                     bool moments) {
        CrossBlock b;
        b.kind = kind;
        b.question = q;
        b.variable = v;
        b.rows = rows;
        b.cells.assign(rows * m_columns, CellSums{});
        b.base.assign(m_columns, CellSums{});
        if (moments) {
            b.moments.assign(m_columns, Moments{});
        }
        m_blocks.push_back(std::move(b));
    };
    for (std::size_t q = 0; q < m_questions.size(); ++q) {
        const Question& question = m_questions[q];
        const codebook::Variable& v = m_cb.variables[question.variables[0]];
        switch (question.kind) {
        case Question::Kind::Single:
            block(CrossBlock::Kind::Choices, q, question.variables[0], v.choices.size(),
                  v.type == codebook::VarType::Likert);
            break;
        case Question::Kind::Battery:
            for (std::size_t item : question.variables) {
                block(CrossBlock::Kind::Choices, q, item, m_cb.variables[item].choices.size(),
                      true);
            }
            break;
        case Question::Kind::Numeric:
            block(CrossBlock::Kind::Numbers, q, question.variables[0], 0, true);
            break;
        case Question::Kind::Multi:
            block(CrossBlock::Kind::Options, q, question.variables[0],
                  v.is_multi_column() ? v.choices.size() : question.variables.size(), false);
            break;
        case Question::Kind::Other:
            break;
        }
    }
}

std::vector<std::size_t> CrossCounts::variables() const {
    std::vector<std::size_t> out;
    for (const Question& q : m_questions) {
        out.insert(out.end(), q.variables.begin(), q.variables.end());
    }
    for (const Banner& b : m_banners) {
        out.insert(out.end(), b.variables.begin(), b.variables.end());
    }
    return out;
}

void CrossCounts::add(const Case& cs) {
    const std::span<const Coded> coded = cs.coded;
    const double w = cs.w;
    // The columns this respondent counts in: the total, and per banner the categories.
    m_active.clear();
    m_active.push_back(0);
    for (std::size_t b = 0; b < m_banners.size(); ++b) {
        const Banner& banner = m_banners[b];
        const std::size_t first = m_first[b];
        const std::size_t before = m_active.size();
        switch (banner.kind) {
        case Banner::Kind::Choice: {
            const Coded& c = coded[banner.variables[0]];
            if (c.kind == Coded::Kind::Valid) {
                m_active.push_back(first + static_cast<std::size_t>(c.index));
            }
            break;
        }
        case Banner::Kind::Options:
            for (std::size_t o = 0; o < banner.variables.size(); ++o) {
                const Coded& c = coded[banner.variables[o]];
                if (c.kind == Coded::Kind::Valid && c.index == 1) {
                    m_active.push_back(first + o);
                }
            }
            break;
        case Banner::Kind::Mask: {
            const Coded& c = coded[banner.variables[0]];
            if (c.kind == Coded::Kind::Valid) {
                for (std::size_t o = 0; o < banner.categories.size(); ++o) {
                    if ((c.mask >> o) & 1U) {
                        m_active.push_back(first + o);
                    }
                }
            }
            break;
        }
        case Banner::Kind::Bands: {
            const Coded& c = coded[banner.variables[0]];
            if (c.kind == Coded::Kind::Valid && std::isfinite(c.value)) {
                for (std::size_t k = 0; k < banner.bands.size(); ++k) {
                    if (c.value >= banner.bands[k].low && c.value <= banner.bands[k].high) {
                        m_active.push_back(first + k);
                        break;
                    }
                }
            }
            break;
        }
        }
        if (m_active.size() == before) {
            m_outside[b].add(w);
        }
    }
    for (std::size_t col : m_active) {
        m_respondents[col].add(w);
    }
    const std::size_t columns = m_columns;
    for (CrossBlock& block : m_blocks) {
        switch (block.kind) {
        case CrossBlock::Kind::Choices: {
            const Coded& c = coded[block.variable];
            if (c.kind != Coded::Kind::Valid) {
                break;
            }
            CellSums* row = block.cells.data() + static_cast<std::size_t>(c.index) * columns;
            for (std::size_t col : m_active) {
                row[col].add(w);
                block.base[col].add(w);
            }
            if (!block.moments.empty()) {
                for (std::size_t col : m_active) {
                    block.moments[col].add(c.value, w);
                }
            }
            break;
        }
        case CrossBlock::Kind::Numbers: {
            const Coded& c = coded[block.variable];
            if (c.kind == Coded::Kind::Valid && std::isfinite(c.value)) {
                for (std::size_t col : m_active) {
                    block.moments[col].add(c.value, w);
                    block.base[col].add(w);
                }
            }
            break;
        }
        case CrossBlock::Kind::Options: {
            const Question& q = m_questions[block.question];
            bool any = false;
            auto selected = [&](std::size_t o) {
                any = true;
                CellSums* row = block.cells.data() + o * columns;
                for (std::size_t col : m_active) {
                    row[col].add(w);
                }
            };
            const codebook::Variable& first = m_cb.variables[q.variables[0]];
            if (first.is_multi_column()) {
                const Coded& c = coded[q.variables[0]];
                if (c.kind == Coded::Kind::Valid) {
                    for (std::size_t o = 0; o < block.rows; ++o) {
                        if ((c.mask >> o) & 1U) {
                            selected(o);
                        }
                    }
                }
            } else {
                for (std::size_t o = 0; o < q.variables.size(); ++o) {
                    const Coded& c = coded[q.variables[o]];
                    if (c.kind == Coded::Kind::Valid && c.index == 1) {
                        selected(o);
                    }
                }
            }
            if (any) {
                for (std::size_t col : m_active) {
                    block.base[col].add(w);
                }
            }
            break;
        }
        }
    }
}

} // namespace careerstat::data
