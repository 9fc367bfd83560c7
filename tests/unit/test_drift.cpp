// Questionnaire drift (codebook/drift.hpp) on tests/data/drift/: every kind of change
// between two waves' codebooks, and the text similarity it reports.
#include "careerstat/codebook/drift.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace careerstat;
using codebook::DriftKind;

namespace {

const std::string k_dir = std::string(CAREERSTAT_TEST_DATA) + "/drift/";

const codebook::Drift* find(const std::vector<codebook::Drift>& ds, const std::string& var,
                            DriftKind kind) {
    for (const auto& d : ds) {
        if (d.variable == var && d.kind == kind) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("drift: text similarity is 1 - Levenshtein distance / the longer length") {
    // The textbook pair: kitten -> sitting takes 3 edits (Levenshtein 1966; Wagner &
    // Fischer 1974), so 1 - 3/7.
    CHECK(codebook::text_similarity("kitten", "sitting") == doctest::Approx(1 - 3.0 / 7));
    CHECK(codebook::text_similarity("Weet niet", "  weet   NIET ") == 1); // case and blanks
    CHECK(codebook::text_similarity("", "") == 1);
    CHECK(codebook::text_similarity("abc", "") == 0);
    // Code points, not bytes: é is one letter.
    CHECK(codebook::text_similarity("café", "cafe") == doctest::Approx(0.75));
}

TEST_CASE("drift: every kind of change between two waves") {
    const auto before = codebook::Codebook::load(k_dir + "wave1.codebook.csv");
    const auto after = codebook::Codebook::load(k_dir + "wave2.codebook.csv");
    const auto ds = codebook::compare_codebooks(before, after);
    CHECK(ds.size() == 14);
    struct Expect {
        const char* var;
        DriftKind kind;
        bool breaks;
    };
    const Expect expected[] = {
        {"bureau", DriftKind::CodesAdded, false},    {"initiative", DriftKind::CodeRelabelled, true},
        {"initiative", DriftKind::Missing, false},   {"educ", DriftKind::CodesRemoved, true},
        {"relation", DriftKind::Wording, false},     {"out_future", DriftKind::Wording, true},
        {"out_stuck", DriftKind::Reverse, true},     {"satisfied", DriftKind::Range, true},
        {"satisfied", DriftKind::CodesAdded, false}, {"str_fresh", DriftKind::Group, true},
        {"grade", DriftKind::Range, true},           {"sessions", DriftKind::Type, true},
        {"channel", DriftKind::Added, false},        {"comment", DriftKind::Removed, false},
    };
    for (const Expect& e : expected) {
        CAPTURE(e.var);
        CAPTURE(codebook::drift_kind_name(e.kind));
        const codebook::Drift* d = find(ds, e.var, e.kind);
        REQUIRE(d != nullptr);
        CHECK(d->breaks_trend == e.breaks);
    }
    // The dangerous case: code 3 kept its number but not its meaning.
    const auto* relabelled = find(ds, "initiative", DriftKind::CodeRelabelled);
    CHECK(relabelled->before == "3=Laat");
    CHECK(relabelled->after == "3=Te laat, de nood was hoog");
    // A full stop added: 37 of 38 characters alike.
    CHECK(find(ds, "relation", DriftKind::Wording)->similarity == doctest::Approx(37.0 / 38));
    // The same codebook twice: nothing.
    CHECK(codebook::compare_codebooks(before, before).empty());
}
