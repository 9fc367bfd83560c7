// libFuzzer target: the bytes as an SPSS system file's dictionary for io::read_sav_records
// (careerstat's own reading of the multiple response sets, long names and encoding that
// ReadStat 1.1.8 skips), and each line as a multiple response set record for
// io::parse_mr_sets. Neither may crash, hang or read past the bytes (ASan); both turn what
// they cannot read into notes. A property: every set read has a name (after its '$') with
// no '=', space or line break in it, and for a dichotomy set a counted value without
// trailing spaces.
#include "careerstat/io/sav_records.hpp"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

void check(const careerstat::io::SavRecords& r) {
    for (const careerstat::io::DictionarySet& set : r.sets) {
        if (set.name.empty() || set.name.find_first_of("= \n") != std::string::npos ||
            (!set.counted.empty() && set.counted.back() == ' ')) {
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        std::istringstream in(bytes);
        check(careerstat::io::read_sav_records(in));
    }
    careerstat::io::SavRecords sets;
    careerstat::io::parse_mr_sets(bytes, sets);
    check(sets);
    return 0;
}
