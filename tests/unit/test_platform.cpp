// Unit tests of the platform layer (detection, header rows, drafted names), the answer
// scales and the draft's grouping, on exports written in the test itself.
#include "careerstat/codebook/binding.hpp"
#include "careerstat/codebook/infer.hpp"
#include "careerstat/codebook/scales.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/platform/platform.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace careerstat;

namespace {

// The reader keeps a view of `text`: the caller keeps it alive.
std::unique_ptr<careerstat::io::RecordReader> reader_of(const std::string& text) {
    auto src = std::make_unique<::io::detail::NonOwningStringByteSource>(
        text.data(), static_cast<long long>(text.size()));
    return std::make_unique<careerstat::io::RecordReader>("export.csv", std::move(src));
}

const codebook::Variable& var(const codebook::Codebook& cb, const std::string& name) {
    const codebook::Variable* v = cb.find(name);
    REQUIRE_MESSAGE(v != nullptr, name);
    return *v;
}

} // namespace

TEST_CASE("platform::detect") {
    SUBCASE("Qualtrics: question text and ImportId rows are header rows, not answers") {
        const std::string text = "ResponseId,Finished,Status,Q1\nResponse ID,Finished,Response Type,"
                                 "How old are you?\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\""
                                 "ImportId\"\":\"\"finished\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\","
                                 "\"{\"\"ImportId\"\":\"\"QID1\"\"}\"\nR_1,1,0,40\nR_2,1,1,41\nR_3,0,0,\n";
        auto r = reader_of(text);
        const platform::Layout l = platform::open(*r);
        CHECK(l.kind == platform::Kind::Qualtrics);
        CHECK(l.header_rows == 3);
        CHECK(l.columns[3].label == "How old are you?");
        std::vector<std::string> ids;
        while (r->next()) {
            ids.emplace_back(r->fields()[0]);
        }
        // R_2 is a survey preview (Status 1): left out and counted.
        CHECK(ids == std::vector<std::string>{"R_1", "R_3"});
        CHECK(r->excluded() == 1);
    }
    SUBCASE("SurveyMonkey: a block of option columns is one group") {
        const std::string text = "RespondentID,Which did you use?,,Age\n,Advice,Workshop,Response\n"
                                 "1,Advice,,30\n2,,Workshop,40\n";
        auto r = reader_of(text);
        const platform::Layout l = platform::open(*r);
        CHECK(l.kind == platform::Kind::SurveyMonkey);
        CHECK(r->header() == std::vector<std::string>{"RespondentID", "Q1_1", "Q1_2", "Age"});
        CHECK(l.columns[1].group == l.columns[2].group);
        CHECK(l.columns[2].label == "Workshop");
        CHECK(l.columns[2].question == "Which did you use?");
    }
    SUBCASE("names the export cannot give a codebook are renamed, once each") {
        const std::string text = "a, b ,,a,a\n1,2,3,4,5\n";
        auto r = reader_of(text);
        const platform::Layout l = platform::open(*r);
        CHECK(r->header() == std::vector<std::string>{"a", "b", "column_3", "a_2", "a_3"});
        CHECK(l.notes.size() == 4);
        CHECK(r->raw_header()[1] == " b ");
    }
    SUBCASE("--platform wins") {
        const std::string text = "RespondentID,Q\n,Response\n1,Yes\n";
        auto r = reader_of(text);
        const platform::Layout l = platform::open(*r, platform::Kind::Generic);
        CHECK(l.kind == platform::Kind::Generic);
        CHECK(l.header_rows == 1);
        REQUIRE(r->next());
        CHECK(r->fields()[1] == "Response"); // read as an answer, as asked
    }
}

TEST_CASE("codebook::recognise_scale") {
    using codebook::recognise_scale;
    SUBCASE("the scale's order, and points nobody chose") {
        const auto d = recognise_scale({{"Eens", 3}, {"Helemaal oneens", 1}, {"Weet niet", 2}});
        REQUIRE(d);
        REQUIRE(d->choices.size() == 5);
        CHECK(d->choices[0].label == "Helemaal oneens");
        CHECK(d->choices[3].label == "Eens");
        CHECK(d->choices[4].label == "Helemaal eens"); // unseen: the scale's own spelling
        REQUIRE(d->missing.size() == 1);
        CHECK(d->missing[0].label == "Weet niet");
    }
    SUBCASE("German, French and Spanish agreement") {
        CHECK(recognise_scale({{"Stimme zu", 1}, {"Stimme überhaupt nicht zu", 1}}));
        CHECK(recognise_scale({{"Tout à fait d'accord", 1}, {"Pas d'accord", 1}}));
        CHECK(recognise_scale({{"Muy de acuerdo", 1}, {"En desacuerdo", 1}}));
    }
    SUBCASE("numbered labels fill the points between") {
        const auto d = recognise_scale({{"1. Completely disagree", 1}, {"7. Completely agree", 1}});
        REQUIRE(d);
        CHECK(d->choices.size() == 7);
        CHECK(d->choices[6].code == "7");
        CHECK(d->choices[6].label == "7. Completely agree");
    }
    SUBCASE("LimeSurvey's D..N0..A codes, low to high") {
        const auto d = recognise_scale({{"D4", 1}, {"N0", 1}, {"A2", 1}});
        REQUIRE(d);
        REQUIRE(d->choices.size() == 9);
        CHECK(d->choices[0].code == "D4");
        CHECK(d->choices[4].code == "N0");
        CHECK(*d->choices[8].value == 9);
    }
    SUBCASE("answers of no scale") {
        CHECK_FALSE(recognise_scale({{"Bus", 1}, {"Trein", 1}}));
        CHECK_FALSE(recognise_scale({{"Eens", 1}})); // one answer says nothing of a scale
    }
}

TEST_CASE("codebook::infer with a platform") {
    SUBCASE("a shared prefix up to a separator every member has") {
        const std::string text = "id,regio_Noord_Holland,regio_Zuid_Holland,regio_Utrecht\n"
                                 "1,1,0,0\n2,0,1,0\n3,0,0,1\n";
        auto r = reader_of(text);
        const codebook::Codebook cb = codebook::infer(*r);
        for (const char* n : {"regio_Noord_Holland", "regio_Zuid_Holland", "regio_Utrecht"}) {
            CHECK(var(cb, n).type == codebook::VarType::Multi);
            CHECK(var(cb, n).group == "regio");
        }
    }
    SUBCASE("a single answer with ', ' stays whole; a checkbox question splits") {
        const std::string text = "Timestamp,Q,Boxes\n"
                                 "1/2/2026 10:00:00,\"Ja, soms\",\"Kosten, Stigma\"\n"
                                 "1/2/2026 10:01:00,\"Nee, nooit\",Kosten\n"
                                 "1/2/2026 10:02:00,\"Ja, soms\",Stigma\n"
                                 "1/2/2026 10:03:00,\"Nee, nooit\",\"Kosten, Stigma\"\n";
        auto r = reader_of(text);
        const codebook::Codebook cb = codebook::infer(*r);
        const auto& q = var(cb, "Q");
        CHECK(q.type == codebook::VarType::Single);
        CHECK(q.choices.size() == 2);
        const auto& b = var(cb, "Boxes");
        CHECK(b.type == codebook::VarType::Multi);
        CHECK(b.choices.size() == 2);
    }
    SUBCASE("numbered items of one instrument are one battery; Q1, Q2 are not") {
        const std::string text = "id,MARS1_1,MARS2_1,MARS3_1,Q1,Q2\n1,1,2,3,1,2\n2,4,5,6,3,4\n"
                                 "3,7,1,2,5,1\n";
        auto r = reader_of(text);
        const codebook::Codebook cb = codebook::infer(*r);
        CHECK(var(cb, "MARS2_1").type == codebook::VarType::Likert);
        CHECK(var(cb, "MARS2_1").group == "MARS_1");
        CHECK(var(cb, "MARS2_1").choices.size() == 7);
        CHECK(var(cb, "Q1").group.empty());
    }
    SUBCASE("a battery's range is what it was answered, never wider") {
        const std::string text = "id,sat_a,sat_b\n1,1,6\n2,2,5\n3,3,4\n4,6,1\n";
        auto r = reader_of(text);
        const codebook::Codebook cb = codebook::infer(*r);
        CHECK(var(cb, "sat_a").type == codebook::VarType::Likert);
        CHECK(var(cb, "sat_a").choices.size() == 6);
        CHECK(var(cb, "sat_b").choices.size() == 6);
    }
}

TEST_CASE("codebook::infer answers written out") {
    SUBCASE("bands in the order of their numbers; spellings in another case are one answer") {
        const std::string text = "id,income,gender\n"
                                 "1,\"$100,000 - $149,999\",Female\n2,\"$25,000 - $49,999\",female\n"
                                 "3,\"$0 - $24,999\",Male\n4,\"$25,000 - $49,999\",Female\n"
                                 "5,\"$100,000 - $149,999\",Male\n6,\"$0 - $24,999\",Female\n";
        auto r = reader_of(text);
        const codebook::Codebook cb = codebook::infer(*r);
        const auto& income = var(cb, "income").choices;
        REQUIRE(income.size() == 3);
        CHECK(income[0].code == "$0 - $24,999");
        CHECK(income[1].code == "$25,000 - $49,999"); // not after $100,000 as the alphabet has it
        const auto& gender = var(cb, "gender").choices;
        REQUIRE(gender.size() == 2);
        CHECK(gender[0].code == "Female"); // the most frequent spelling
    }
    SUBCASE("a single-choice question with a few free answers holding a comma is no checkbox") {
        std::string text = "Timestamp,Q\n";
        for (int i = 0; i < 30; ++i) {
            text += "1/2/2026 10:00:00," + std::string(i % 2 ? "Bus" : "Trein") + "\n";
        }
        text += "1/2/2026 10:00:00,\"Bus, Trein\"\n";
        auto r = reader_of(text);
        const codebook::Codebook cb = codebook::infer(*r);
        CHECK(var(cb, "Q").type == codebook::VarType::Single);
    }
}

TEST_CASE("codebook::resolve_names") {
    const std::string text = "id,Hoe tevreden bent u over uw adviseur?\n1,4\n";
    SUBCASE("an older codebook naming the question text still binds, by that name") {
        auto r = reader_of(text);
        platform::open(*r);
        codebook::Codebook cb;
        cb.source = "cb.csv";
        cb.variables.push_back({});
        cb.variables.back().name = "Hoe tevreden bent u over uw adviseur?";
        codebook::resolve_names(cb, *r);
        CHECK(r->header()[1] == "Hoe tevreden bent u over uw adviseur?");
    }
    SUBCASE("#N beyond the last column is an error naming the codebook") {
        auto r = reader_of(text);
        platform::open(*r);
        codebook::Codebook cb;
        cb.source = "cb.csv";
        cb.variables.push_back({});
        cb.variables.back().name = "#9";
        cb.variables.back().line = 2;
        CHECK_THROWS_WITH_AS(codebook::resolve_names(cb, *r),
                             "cb.csv:2: column \"variable\": #9 is not a column of export.csv (it "
                             "has 2 columns)",
                             DataError);
    }
}
