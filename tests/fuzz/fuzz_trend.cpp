// libFuzzer target: the bytes as the mapping of an earlier wave onto the newest one (the
// end of a [[wave]] table: rename, recode, same, and anything else TOML allows), in a
// study of the trend fixture (tests/data/trend/: 2022 with its 2021 wave), then the whole
// trend: both waves read, mapped, drift-checked, tested, the change findings, and every
// table rendered as text and HTML (the line chart). DataError and UsageError are its
// rejections; any other exception or a sanitizer report is a finding.
#include "temp_file.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/render/render.hpp"
#include "careerstat/report/trend.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#ifndef CAREERSTAT_FUZZ_TREND
#error "CAREERSTAT_FUZZ_TREND: the folder of the trend fixture"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace careerstat;
    const std::string dir = CAREERSTAT_FUZZ_TREND;
    const std::string head =
        "title = \"fuzz\"\nyear = 2022\n[[population]]\nname = \"clients\"\nexport = \"" + dir +
        "/w2022/export.csv\"\n[[section]]\ntitle = \"s\"\ntrend = [\"stage\", \"status\", "
        "\"reasons\", \"grade\", \"help\"]\nmin_base = 0\n[[wave]]\nyear = 2021\nstudy = \"" +
        dir + "/w2021/study.toml\"\n";
    const std::string& path = careerstat::fuzz::temp_path("careerstat_fuzz_trend");
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr || std::fwrite(head.data(), 1, head.size(), f) != head.size() ||
        std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) {
        std::perror("fuzz_trend: cannot write the study file");
        std::abort();
    }
    try {
        const report::Study newest = report::load_study(path);
        std::vector<std::string> questions;
        for (const report::SectionSpec& s : newest.sections) {
            questions.insert(questions.end(), s.trend.begin(), s.trend.end());
        }
        report::ReportOptions o;
        report::EarlierWaves earlier = report::read_study_waves(newest, questions, o, Lang::En);
        std::vector<std::unique_ptr<report::PopulationResult>> now;
        report::TrendWaveData wave;
        wave.year = newest.year;
        wave.study = &newest;
        for (const report::PopulationSpec& spec : newest.populations) {
            now.push_back(report::read_population(newest, spec, o, questions, Lang::En, false));
            wave.pops.push_back(now.back().get());
        }
        std::vector<report::TrendWaveData> waves = earlier.waves;
        waves.push_back(wave);
        report::TrendRequest r;
        r.questions = questions;
        r.min_base = newest.sections.empty() ? 0 : newest.sections.front().min_base;
        std::vector<table::Table> tables = report::trend_tables(waves, r, o, Lang::En);
        const std::vector<table::Finding> findings = report::change_findings(newest, tables, o, Lang::En);
        // Each change inside its interval, p in [0, 1], a share in [0, 100] inside its own.
        for (const table::Table& t : tables) {
            for (const table::Row& row : t.rows) {
                const auto num = [&](const char* c) {
                    const std::size_t i = t.column_index(c);
                    return i == std::string::npos ? std::nan("") : row.number(i);
                };
                for (const char* d : {"diff_prev", "diff_first"}) {
                    const std::string n(d);
                    const double v = num(d), lo = num((n + "_low").c_str()), hi = num((n + "_high").c_str()),
                                 p = num((n + "_p").c_str());
                    if ((std::isfinite(v) && !(lo <= v + 1e-9 && v <= hi + 1e-9)) ||
                        (std::isfinite(p) && !(p >= 0 && p <= 1))) {
                        std::fprintf(stderr, "fuzz_trend: %s: %s %g outside [%g, %g] or p %g\n",
                                     t.id.c_str(), d, v, lo, hi, p);
                        std::abort();
                    }
                }
                const double pct = num("pct");
                if (std::isfinite(pct) && !(pct >= -1e-9 && pct <= 100 + 1e-9 &&
                                            !(num("ci_low") > pct + 1e-9) && !(num("ci_high") < pct - 1e-9))) {
                    std::fprintf(stderr, "fuzz_trend: %s: pct %g, interval [%g, %g]\n", t.id.c_str(),
                                 pct, num("ci_low"), num("ci_high"));
                    std::abort();
                }
            }
        }
        for (table::Table& t : report::trend_drift_tables(waves, Lang::Nl)) {
            tables.push_back(std::move(t));
        }
        render::RenderOptions ro;
        ro.key_findings = table::finding_texts(findings);
        ro.findings = findings;
        for (const render::Format fmt : {render::Format::Text, render::Format::Html}) {
            ro.format = fmt;
            volatile std::size_t sink = render::render_to_string(tables, ro).size();
            (void)sink;
        }
    } catch (const DataError&) {
    } catch (const UsageError&) {
    }
    return 0;
}
