#include "careerstat/data/sample.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace careerstat::data {

namespace {

std::optional<std::size_t> find_column(const std::vector<std::string>& header,
                                       std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (util::iequals(util::trim(header[c]), name)) {
                return c;
            }
        }
    }
    return std::nullopt;
}

} // namespace

SampleCounts read_sample(io::RecordReader& reader, const std::string& disposition_column,
                         const std::string& by_column) {
    SampleCounts out;
    out.source = reader.name();
    const auto& header = reader.header();
    const auto disp = disposition_column.empty()
                          ? find_column(header, {"disposition", "dispositie", "aapor", "status"})
                          : find_column(header, {disposition_column});
    if (!disp) {
        throw UsageError(msgf("{}: no disposition column ({}); the sample file needs "
                              "one row per invitee with an AAPOR disposition code",
                              reader.name(),
                              disposition_column.empty()
                                  ? msgf("looked for disposition, dispositie, aapor, status")
                                  : msgf("looked for ") + disposition_column));
    }
    out.disposition_column = header[*disp];
    std::optional<std::size_t> by;
    if (!by_column.empty()) {
        by = find_column(header, {by_column});
        if (!by) {
            throw UsageError(msgf("--by {}: {} has no such column", by_column, reader.name()));
        }
        out.by_column = header[*by];
    }
    while (reader.next()) {
        reader.require_header_width();
        const auto fields = reader.fields();
        const std::string_view code = util::trim(fields[*disp]);
        const auto cls = stats::parse_disposition(code);
        if (!cls) {
            throw DataError(
                place(reader.name(), reader.line(), out.disposition_column) +
                msgf("\"{}\" is not an AAPOR disposition code (1.1 complete, 1.2 partial, "
                     "2.1x refusal and break-off, 2.2x non-contact, 2.3x other, 3.x "
                     "unknown eligibility, 4.x not eligible; or I, P, R, NC, O, UH, UO, NE)",
                     code));
        }
        out.rows += 1;
        stats::add(out.total, *cls);
        if (by) {
            const std::string group(util::trim(fields[*by]));
            auto it = std::find_if(out.groups.begin(), out.groups.end(),
                                   [&](const auto& g) { return g.first == group; });
            if (it == out.groups.end()) {
                out.groups.emplace_back(group, stats::Dispositions{});
                it = std::prev(out.groups.end());
            }
            stats::add(it->second, *cls);
        }
    }
    // Subgroups in a stable, natural order: numerically when every value is a number.
    const bool numeric = std::all_of(out.groups.begin(), out.groups.end(), [](const auto& g) {
        return util::parse_number(g.first, false).has_value();
    });
    std::sort(out.groups.begin(), out.groups.end(), [numeric](const auto& a, const auto& b) {
        return numeric ? *util::parse_number(a.first, false) < *util::parse_number(b.first, false)
                       : a.first < b.first;
    });
    return out;
}

} // namespace careerstat::data
