// libFuzzer target, a property: the bytes as a codebook CSV through Codebook::read (as
// Codebook::load reads a file: the dialect sniffed). When it loads, write_csv writes it and
// Codebook::read reads that back: every variable must come back equal in every field the
// codebook CSV carries (name, label, type, choices and missing codes with their labels and
// values, group, reverse, question, separator, selected, min_items and the range lo..hi). Only
// `line` may differ. DataError rejects an input; a difference or a failure to read the
// written codebook aborts. The two must also show no questionnaire drift
// (codebook::compare_codebooks), and scale scores must build or throw DataError.
#include "fuzz_input.hpp"

#include "careerstat/codebook/codebook.hpp"
#include "careerstat/codebook/drift.hpp"
#include "careerstat/codebook/scale_scores.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace careerstat::fuzz {

namespace {
using codebook::Choice;
using codebook::Variable;

codebook::Codebook read_codebook(const std::string& text) {
    io::RecordReader reader("fuzz.codebook.csv", source_of(text), whole_block(text));
    return codebook::Codebook::read(reader);
}

bool same_choices(const std::vector<Choice>& a, const std::vector<Choice>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].code != b[i].code || a[i].label != b[i].label || a[i].value != b[i].value) {
            return false;
        }
    }
    return true;
}

// The first field in which two variables differ, or nullptr.
const char* difference(const Variable& a, const Variable& b) {
    if (a.name != b.name) {
        return "name";
    }
    if (a.label != b.label) {
        return "label";
    }
    if (a.type != b.type) {
        return "type";
    }
    if (!same_choices(a.choices, b.choices)) {
        return "choices";
    }
    if (!same_choices(a.missing, b.missing)) {
        return "missing";
    }
    if (a.group != b.group) {
        return "group";
    }
    if (a.reverse != b.reverse) {
        return "reverse";
    }
    if (a.question != b.question) {
        return "question";
    }
    if (a.separator != b.separator) {
        return "separator";
    }
    if (a.selected != b.selected || a.selected_given != b.selected_given) {
        return "selected";
    }
    if (a.min != b.min || a.max != b.max) {
        return "range";
    }
    if (a.min_items != b.min_items) {
        return "min_items";
    }
    return nullptr;
}

[[noreturn]] void fail(const std::string& written, const std::string& why) {
    std::fprintf(stderr, "fuzz_codebook: %s\n--- written:\n%s---\n", why.c_str(), written.c_str());
    std::abort();
}

int run(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    codebook::Codebook first;
    try {
        first = read_codebook(text);
    } catch (const DataError&) {
        return 0; // not a codebook
    }
    std::ostringstream out;
    first.write_csv(out);
    const std::string written = out.str();
    codebook::Codebook second;
    try {
        second = read_codebook(written);
    } catch (const std::exception& e) {
        fail(written, std::string("the written codebook does not read back: ") + e.what());
    }
    if (second.variables.size() != first.variables.size()) {
        fail(written, "the written codebook has " + std::to_string(second.variables.size()) +
                          " variables instead of " + std::to_string(first.variables.size()));
    }
    for (std::size_t i = 0; i < first.variables.size(); ++i) {
        if (const char* field = difference(first.variables[i], second.variables[i])) {
            fail(written, "variable " + std::to_string(i + 1) + " (" + first.variables[i].name +
                              ") comes back with a different " + field);
        }
    }
    // The same questionnaire read twice has drifted nowhere.
    if (const auto drift = codebook::compare_codebooks(first, second); !drift.empty()) {
        fail(written, std::string("drift between a codebook and its own copy: ") +
                          drift.front().variable + " " +
                          std::string(codebook::drift_kind_name(drift.front().kind)));
    }
    // Scale scores: DataError (min_items that disagree or exceed the items) is the rejection.
    try {
        codebook::add_scale_scores(first);
    } catch (const DataError&) {
    }
    return 0;
}

} // namespace

} // namespace careerstat::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return careerstat::fuzz::run(data, size);
}
