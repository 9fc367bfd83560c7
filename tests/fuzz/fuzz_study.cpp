// libFuzzer target: the bytes as a study file (TOML, docs/study.md), written to a temporary
// file and loaded with report::load_study, as `careerstat report` loads one. DataError and
// UsageError are its rejections; any other exception or a sanitizer report is a finding.
#include "temp_file.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/report/study.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = careerstat::fuzz::temp_path("careerstat_fuzz_study");
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) {
        std::perror("fuzz_study: cannot write the study file");
        std::abort();
    }
    try {
        const careerstat::report::Study study = careerstat::report::load_study(path);
        volatile std::size_t sink = study.title.size() + study.populations.size() +
                                    study.sections.size() + study.findings.size();
        (void)sink;
    } catch (const careerstat::DataError&) {
    } catch (const careerstat::UsageError&) {
    }
    return 0;
}
