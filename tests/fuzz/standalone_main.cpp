// A main for the fuzz targets where libFuzzer is not linked (the normal gcc build): runs
// LLVMFuzzerTestOneInput once per file named on the command line, or per file in a named
// directory (not recursive, in name order, names starting with '.' left out), so ctest
// replays the seeds and past findings (fuzz.regress.<target>). A finding aborts, as it does
// under libFuzzer; a path that cannot be read is an error (exit 2).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool run_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
    // A copy of its own, so reading past the end is a sanitizer report as under libFuzzer.
    std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.data(), data.size());
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(arg)) {
                if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') {
                    files.push_back(entry.path());
                }
            }
            std::sort(files.begin(), files.end());
            for (const fs::path& f : files) {
                if (!run_file(f)) {
                    return 2;
                }
                ++inputs;
            }
        } else if (!run_file(arg)) {
            return 2;
        } else {
            ++inputs;
        }
    }
    std::fprintf(stderr, "%zu inputs, no finding\n", inputs);
    return inputs > 0 ? 0 : 2;
}
