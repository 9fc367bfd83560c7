// libFuzzer target: scale reliability and driver analysis (`careerstat scale`, `drivers`)
// of tests/data/scales/scales.codebook.csv (loaded once; CAREERSTAT_FUZZ_SCALES names it).
// The input:
//   byte 0   pairwise (b % 2), weighted by w ((b / 2) % 2), a bootstrap of 20 resamples
//            ((b / 4) % 2), Dutch ((b / 8) % 2), mistake: s3 marked reverse ((b / 16) % 2)
//   the rest rows of 10 bytes each (at most 400 rows): s1-s5, s5r and rel (b % 7: blank, 1-5,
//            9 = weet niet), grade (b % 11: blank, 1-10), sessions (b % 21: blank, 1-20),
//            w (b % 5 + 1) / 2
// The rows are read with the real Pass and CoMoments, as the CLI reads them, and the
// tables built with scale_tables and driver_tables (grade on rel, sat and sessions). The
// fuzzer aborts unless: only DataError escapes (too few cases, no variance, collinear);
// every shown alpha is at most 1 and inside its intervals' bounds order; correlations are
// in [-1, 1]; relative weights are at least 0 and sum to R-squared in [0, 1], the
// percentages to 100; p-values in [0, 1]; a "check item coding" warning exactly when an
// item's corrected item-total r is negative or the average covariance is not positive.
#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/data/comoments.hpp"
#include "careerstat/data/pass.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/table/scales.hpp"
#include "fuzz_input.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace careerstat::fuzz {

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz_scales: %s\n", what);
        std::abort();
    }
}

bool in(double v, double lo, double hi) { return v >= lo - 1e-9 && v <= hi + 1e-9; }

const codebook::Codebook& scales_codebook(bool mistake) {
    static const codebook::Codebook cbs[2] = {
        [] {
            codebook::Codebook cb = codebook::Codebook::load(CAREERSTAT_FUZZ_SCALES);
            codebook::add_scale_scores(cb);
            return cb;
        }(),
        [] {
            codebook::Codebook cb = codebook::Codebook::load(CAREERSTAT_FUZZ_SCALES);
            cb.variables[*cb.index_of("s3")].reverse = true;
            codebook::add_scale_scores(cb);
            return cb;
        }()};
    return cbs[mistake ? 1 : 0];
}

std::string csv_of(const std::uint8_t* data, std::size_t size) {
    std::string csv = "id,s1,s2,s3,s4,s5,s5r,rel,grade,sessions,w\n";
    const std::size_t rows = std::min<std::size_t>((size - 1) / 10, 400);
    for (std::size_t r = 0; r < rows; ++r) {
        const std::uint8_t* b = data + 1 + r * 10;
        csv += std::to_string(r + 1);
        for (int i = 0; i < 7; ++i) {
            const int v = b[i] % 7;
            csv += ',';
            csv += v == 0 ? std::string() : v == 6 ? std::string("9") : std::to_string(v);
        }
        const int g = b[7] % 11;
        const int s = b[8] % 21;
        csv += ',' + (g == 0 ? std::string() : std::to_string(g));
        csv += ',' + (s == 0 ? std::string() : std::to_string(s));
        csv += ',' + std::to_string((b[9] % 5 + 1) / 2.0);
        csv += '\n';
    }
    return csv;
}

void check_scale(const table::ScaleResult& r) {
    const table::Table& t = r.tables.at(0);
    const table::Table& items = r.tables.at(1);
    const std::size_t value = t.column_index("value");
    const double alpha = t.rows.at(0).number(value);
    const double low = t.rows.at(0).number(t.column_index("ci_low"));
    const double high = t.rows.at(0).number(t.column_index("ci_high"));
    if (!std::isnan(alpha)) {
        require(alpha <= 1 + 1e-9, "alpha above 1");
        require(!(low > alpha + 1e-9) && !(high < alpha - 1e-9), "alpha outside its interval");
    }
    const double average_r = t.rows.at(3).number(value);
    require(std::isnan(average_r) || in(average_r, -1, 1), "average r outside [-1, 1]");
    bool negative = std::isnan(alpha); // alpha hidden: the average covariance is not positive
    for (const table::Row& row : items.rows) {
        const double r_drop = row.number(items.column_index("r_drop"));
        require(std::isnan(r_drop) || in(r_drop, -1, 1), "r.drop outside [-1, 1]");
        negative = negative || r_drop < 0;
    }
    require(negative == !r.warnings.empty(), "warning without a negative item, or none with one");
}

void check_drivers(const table::DriverResult& r) {
    const table::Table& t = r.tables.at(0);
    double sum = 0;
    double pct = 0;
    for (const table::Row& row : t.rows) {
        for (const char* c : {"r", "rho", "r_low", "r_high"}) {
            const double v = row.number(t.column_index(c));
            require(std::isnan(v) || in(v, -1, 1), "a correlation outside [-1, 1]");
        }
        const double p = row.number(t.column_index("beta_p"));
        require(std::isnan(p) || in(p, 0, 1), "p outside [0, 1]");
        const double w = row.number(t.column_index("weight"));
        require(w >= -1e-9, "a negative relative weight");
        sum += w;
        pct += row.number(t.column_index("weight_pct"));
    }
    require(r.top.has_value(), "no top driver");
    require(in(sum, 0, 1) && std::abs(sum - r.top->r2) < 1e-6, "weights do not sum to R-squared");
    require(!(r.top->r2 > 1e-12) || std::abs(pct - 100) < 1e-6, "percentages do not sum to 100");
}

int run(const std::uint8_t* data, std::size_t size) {
    if (size < 1) {
        return 0;
    }
    const bool pairwise = data[0] % 2;
    const bool weighted = (data[0] / 2) % 2;
    const bool bootstrap = (data[0] / 4) % 2;
    const Lang lang = (data[0] / 8) % 2 ? Lang::Nl : Lang::En;
    const codebook::Codebook& cb = scales_codebook((data[0] / 16) % 2);
    const std::string csv = csv_of(data, size);
    data::PassOptions po;
    table::BuildOptions build;
    build.lang = lang;
    if (weighted) {
        po.weight = cb.index_of("w");
        build.weight_name = "w";
    }
    const codebook::Variable& sat = cb.variables[*cb.index_of("sat")];
    data::CoMomentsOptions so;
    so.pairwise = pairwise;
    data::CoMoments scale(cb, sat.items, so);
    data::CoMomentsOptions dopt;
    dopt.ranks = true;
    dopt.keep_cases = bootstrap;
    data::CoMoments drivers(cb, {*cb.index_of("grade"), *cb.index_of("rel"), *cb.index_of("sat"),
                                 *cb.index_of("sessions")},
                            dopt);
    io::ReaderOptions ro;
    ro.delimiter = ',';
    io::RecordReader reader("fuzz.csv", source_of(csv), whole_block(csv, ro));
    data::Pass pass(cb, po);
    pass.add(scale);
    pass.add(drivers);
    pass.run(reader);
    try {
        check_scale(table::scale_tables(cb, sat, scale, build, {pairwise}));
    } catch (const DataError&) {
    }
    try {
        table::DriverOptions d;
        d.bootstrap = bootstrap ? 20 : 0;
        check_drivers(table::driver_tables(cb, drivers, build, d));
    } catch (const DataError&) {
    }
    return 0;
}

} // namespace

} // namespace careerstat::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return careerstat::fuzz::run(data, size);
}
