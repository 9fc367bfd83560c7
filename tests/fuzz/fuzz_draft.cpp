// libFuzzer target, a property: a draft codebook describes its own export. When
// codebook::infer accepts the bytes as an export (delimiter and encoding from the first
// byte, as `careerstat codebook --delimiter/--encoding` would give them; the block size is
// the default's single block, fuzz_input.hpp), the draft is written with
// write_csv, read back with Codebook::read (as Codebook::load reads a file), and the same
// bytes with the same options are validated against it. The draft must load, validate must
// not throw, and validate may report only problems of the data that no codebook could
// avoid:
// - "the header has an empty column name": a column without a name cannot be described;
// - "is in the export but not in the codebook" for a column whose name holds a CR LF (from
//   "\r\r\n" in quotes): reading a codebook turns a CR LF in a cell into LF, so no
//   codebook can name that column;
// - "the respondent id is empty" and "duplicate respondent id", on a column the draft types
//   `id` because its name says so (platform::is_id_name): the export claims ids there, and
//   they are not. A column typed `id` for its values alone (a first column of increasing
//   whole numbers) must have neither.
// Anything else -- a code, number or date the draft does not accept, a column missing on
// either side, a ragged row (infer rejects those), an exception -- aborts.
// Left out, a known limitation: a draft whose third record looks like Qualtrics' ImportId
// row (the export's second column named {"ImportId"...) is sniffed as a Qualtrics export
// when it is read back, and loses two variables.
#include "fuzz_input.hpp"

#include "careerstat/platform/platform.hpp"

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/codebook/infer.hpp"
#include "careerstat/data/validate.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace careerstat::fuzz {

namespace {

bool allowed(const data::Problem& p, const codebook::Codebook& draft, long header_line) {
    if (p.line == header_line && p.message == "the header has an empty column name") {
        return true;
    }
    if (p.line == header_line && p.column.find("\r\n") != std::string::npos &&
        p.message.rfind("is in the export but not in the codebook", 0) == 0) {
        return true;
    }
    const codebook::Variable* v = draft.find(p.column);
    if (v == nullptr || v->type != codebook::VarType::Id || !platform::is_id_name(v->name)) {
        return false;
    }
    return p.message == "the respondent id is empty" ||
           p.message.rfind("duplicate respondent id: ", 0) == 0;
}

int run(const std::uint8_t* data, std::size_t size) {
    Input in{data, size};
    io::ReaderOptions options = take_reader_options(in);
    const std::string text = in.rest();
    options = whole_block(text, options);
    codebook::Codebook inferred;
    try {
        io::RecordReader reader("fuzz.csv", source_of(text), options);
        inferred = codebook::infer(reader);
    } catch (const DataError&) {
        return 0; // not an export infer accepts
    }
    std::ostringstream out;
    inferred.write_csv(out);
    const std::string written = out.str();
    std::vector<std::string> problems;
    try {
        io::RecordReader cb_reader("fuzz.codebook.csv", source_of(written), whole_block(written));
        const codebook::Codebook draft = codebook::Codebook::read(cb_reader);
        io::RecordReader reader("fuzz.csv", source_of(text), options);
        platform::open(reader);
        const long header_line = reader.header_line();
        data::validate(reader, draft, [&](const data::Problem& p) {
            if (!allowed(p, draft, header_line)) {
                problems.push_back(p.to_string());
            }
        });
    } catch (const std::exception& e) {
        problems.push_back(std::string("exception: ") + e.what());
    }
    if (!problems.empty()) {
        std::fprintf(stderr, "fuzz_draft: the draft rejects its own export:\n");
        for (const std::string& p : problems) {
            std::fprintf(stderr, "  %s\n", p.c_str());
        }
        std::fprintf(stderr, "--- draft:\n%s---\n", written.c_str());
        std::abort();
    }
    return 0;
}

} // namespace

} // namespace careerstat::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return careerstat::fuzz::run(data, size);
}
