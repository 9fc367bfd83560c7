// Unit tests of the codebook reader and the coder that turns cells into codes.
#include "careerstat/codebook/codebook.hpp"
#include "careerstat/data/coder.hpp"
#include "careerstat/data/filter.hpp"
#include "careerstat/data/validate.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/io/sav_source.hpp"
#include "careerstat/util/text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

using namespace careerstat;

namespace {

codebook::Codebook read_codebook(const std::string& text) {
    auto src = std::make_unique<::io::detail::NonOwningStringByteSource>(
        text.data(), static_cast<long long>(text.size()));
    careerstat::io::RecordReader reader("cb.csv", std::move(src));
    return codebook::Codebook::read(reader);
}

const std::string k_header = "variable,label,type,choices,missing,group,reverse\n";

} // namespace

TEST_CASE("codebook::read") {
    SUBCASE("types, choices, missing codes, groups and ranges") {
        const auto cb = read_codebook(
            k_header + "educ,Opleiding,single,1=MBO|2=HBO|3=WO,9=Weet niet,,\n"
                       "b1,Zelf oplossen,multi,,,barrier,\n"
                       "b2,Kosten,multi,,,barrier,\n"
                       "q1,Toekomst,likert,1=Oneens|2=Neutraal|3=Eens,,out,\n"
                       "q2,Vastgelopen,likert,1=Oneens|2=Neutraal|3=Eens,,out,ja\n"
                       "grade,Cijfer,grade,,,,\n"
                       "hours,Uren,numeric,0..40,,,\n");
        REQUIRE(cb.variables.size() == 7);
        CHECK(cb.variables[0].choices[1].label == "HBO");
        CHECK(cb.variables[0].missing[0].code == "9");
        CHECK(cb.variables[1].is_option_column());
        CHECK(cb.variables[4].reverse);
        CHECK(*cb.variables[5].min == 1); // a grade is 1..10 unless told otherwise
        CHECK(*cb.variables[5].max == 10);
        CHECK(*cb.variables[6].max == 40);
        const auto qs = cb.questions();
        REQUIRE(qs.size() == 5); // educ, barrier, out, grade, hours
        CHECK(qs[1].kind == codebook::Question::Kind::Multi);
        CHECK(qs[1].variables.size() == 2);
        CHECK(qs[2].kind == codebook::Question::Kind::Battery);
    }
    SUBCASE("Likert ranges, codes that are no numbers, and the code * for other answers") {
        const auto cb = read_codebook(
            k_header + "q1,Zeven punten,likert,1..7,,,\n"
                       "q2,LimeSurvey,likert,A1=Oneens|A2=Neutraal|A3=Eens,,,\n"
                       "q3,Anders,single,1=Bus|2=Trein|*=Anders,,,\n");
        REQUIRE(cb.variables[0].choices.size() == 7);
        CHECK(cb.variables[0].choices[6].code == "7");
        CHECK(*cb.variables[0].choices[6].value == 7);
        CHECK(*cb.variables[1].choices[2].value == 3); // scored by place: A3 is 3
        const data::Coder other(cb.variables[2], false);
        CHECK(other.code("Fiets").index == 2); // not listed: the * choice
        CHECK(other.code("Trein").index == 1);
        CHECK_THROWS_WITH_AS(read_codebook(k_header + "q,Q,likert,1=Oneens|A2=Eens,,,\n"),
                             "cb.csv:2: column \"choices\": a Likert scale's codes are all "
                             "numbers, or none are (then they score 1, 2, ... in order)",
                             DataError);
    }
    SUBCASE("errors name the codebook, line and column") {
        CHECK_THROWS_WITH_AS(read_codebook(k_header + "educ,Opleiding,choice,1=a,,,\n"),
                             "cb.csv:2: column \"type\": \"choice\" is not a type; use one of id, "
                             "single, multi, likert, grade, nps, numeric, text, date, weight, meta",
                             DataError);
        CHECK_THROWS_WITH_AS(read_codebook(k_header + "educ,Opleiding,single,,,,\n"),
                             "cb.csv:2: column \"choices\": a single question needs its answer "
                             "codes, e.g. 1=Ja|2=Nee",
                             DataError);
        CHECK_THROWS_WITH_AS(read_codebook(k_header + "educ,O,single,1=a|9=b,9=Weet niet,,\n"),
                             "cb.csv:2: column \"missing\": code 9 is also an answer in choices",
                             DataError);
        CHECK_THROWS_WITH_AS(read_codebook(k_header + "a,A,text,,,,\na,B,text,,,,\n"),
                             "cb.csv:3: column \"variable\": \"a\" is already described on line 2",
                             DataError);
    }
}

TEST_CASE("data::coder: a .sav number is coded exactly as its printed text") {
    // code_value(x) skips printing x where it can; it must give code(format_cell_number(x))
    // for every kind of variable, every missing-code form and every kind of number.
    const auto cb = read_codebook(
        k_header + "educ,Opleiding,single,1=MBO|2=HBO|3=WO|0=Geen,9=Weet niet,,\n"
                   "b1,Zelf oplossen,multi,,,barrier,\n"
                   "grade,Cijfer,grade,,,,\n"
                   "age,Leeftijd,numeric,,99=Onbekend|-1=Geweigerd,,\n"
                   "hours,Uren,numeric,,99.0=Onbekend|NA=Niet gevraagd,,\n"
                   "odd,Vreemd,numeric,,98=7,,\n"
                   "w,Gewicht,weight,,,,\n"
                   "sat,Tevreden,likert,1=Zeer ontevreden|2|3|4|5=Zeer tevreden,8=Weet niet,,\n"
                   "out,Toekomst,likert,1=Oneens|2=Neutraal|3=Eens,9=Weet niet|8=Geen antwoord,,\n"
                   "lastpage,Laatste pagina,meta,,-1=Niet gestart,,\n"
                   "id,Nummer,id,,,,\n"
                   "note,Toelichting,text,,,,\n");
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> numbers{0, -0.0, 1, 2, 3, 5, 7, 7.5, 9, 10, 11, 98, 99, 99.5,
                                      100, 127, 128, -1, -7.25, 0.1 + 0.2, 1e-7, 1e15, 1e15 + 2,
                                      1e20, -1e300, 2.5e-300, inf, -inf};
    for (std::size_t v = 0; v < cb.variables.size(); ++v) {
        for (const bool comma : {false, true}) {
            const data::Coder c(cb.variables[v], comma);
            for (const double x : numbers) {
                CAPTURE(cb.variables[v].name);
                CAPTURE(x);
                data::Coded typed;
                typed.kind = data::Coded::Kind::Invalid; // what a previous cell left
                typed.index = 77;
                typed.value = 3.5;
                typed.mask = 6;
                c.code_value_into(x, typed);
                std::string text = careerstat::io::format_cell_number(x);
                if (comma) {
                    std::replace(text.begin(), text.end(), '.', ',');
                }
                if (comma && text.size() >= 64) {
                    continue; // parse_number reads decimal-comma numbers of under 64 characters
                }
                const data::Coded printed = c.code(text);
                CHECK(typed.kind == printed.kind);
                CHECK(typed.index == printed.index);
                CHECK(typed.mask == printed.mask);
                if (typed.kind == data::Coded::Kind::Valid) {
                    CHECK(std::isnan(typed.value) == std::isnan(printed.value));
                    if (!std::isnan(printed.value)) {
                        CHECK(typed.value == printed.value);
                    }
                    CHECK(std::signbit(typed.value) == std::signbit(printed.value));
                }
            }
        }
    }
    // A subnormal number's 324-digit text does not read back; the typed path keeps it.
    CHECK(data::Coder(cb.variables[3], false).code_value(4.9e-324).value == 4.9e-324);
}

TEST_CASE("data::coder") {
    const auto cb = read_codebook(
        k_header + "educ,Opleiding,single,1=MBO|2=HBO|3=WO,9=Weet niet,,\n"
                   "b1,Zelf oplossen,multi,,,barrier,\n"
                   "grade,Cijfer,grade,,,,\n"
                   "multi,Kanalen,multi,1=Web|2=Mail|3=Telefoon,,,\n"
                   "e1,Klankbord,multi,1=Ja|0=Nee,,strength,\n");
    using Kind = data::Coded::Kind;
    SUBCASE("codes, labels in any case, missing codes and blanks") {
        const data::Coder c(cb.variables[0], false);
        CHECK(c.code("2").kind == Kind::Valid);
        CHECK(c.code("2").index == 1);
        CHECK(c.code("hbo").index == 1);      // Google Forms writes labels
        CHECK(c.code(" 3 ").index == 2);      // spaces around a code
        CHECK(c.code("weet niet").kind == Kind::Missing);
        CHECK(c.code("9").kind == Kind::Missing);
        CHECK(c.code("").kind == Kind::Blank);
        CHECK(c.code("   ").kind == Kind::Blank);
        CHECK(c.code("7").kind == Kind::Invalid);
        CHECK(c.code("02").kind == Kind::Invalid); // not the code "2"
        CHECK(c.explain_invalid("7") == "code \"7\" is not in the codebook (1, 2, 3, 9)");
    }
    SUBCASE("option columns: 1/0, Y/blank, labels") {
        const data::Coder c(cb.variables[1], false);
        CHECK(c.code("Y").index == 1);
        CHECK(c.code("1").index == 1);
        CHECK(c.code("Zelf oplossen").index == 1);
        CHECK(c.code("0").index == 0);
        CHECK(c.code("N").index == 0);
        CHECK(c.code("Nee").index == 0);
        CHECK(c.code("").kind == Kind::Blank);
        const data::Coder strict(cb.variables[4], false);
        CHECK(strict.code("1").index == 1);
        CHECK(strict.code("0").index == 0);
        CHECK(strict.code("Y").kind == Kind::Invalid);
    }
    SUBCASE("numbers with a decimal comma, and ranges") {
        const data::Coder dot(cb.variables[2], false);
        const data::Coder comma(cb.variables[2], true);
        CHECK(dot.code("7.5").value == 7.5);
        CHECK(dot.code("7,5").kind == Kind::Invalid);
        CHECK(comma.code("7,5").value == 7.5);
        CHECK(dot.code("11").kind == Kind::Invalid);
        CHECK(dot.explain_invalid("11") == "11 is outside the range 1..10");
        CHECK(dot.code("abc").kind == Kind::Invalid);
    }
    SUBCASE("one column with several answers") {
        const data::Coder c(cb.variables[3], false);
        CHECK(c.code("1,3").mask == 0b101U);
        CHECK(c.code("Web, Telefoon").mask == 0b101U);
        CHECK(c.code("1,4").kind == Kind::Invalid);
    }
}

TEST_CASE("data::filter") {
    const auto cb = read_codebook(k_header + "educ,Opleiding,single,1=MBO|2=HBO|3=WO,9=Weet niet,,\n"
                                             "age,Leeftijd,numeric,,,,\n");
    const auto conds = data::parse_where({"educ in 2,3", "educ!=9", "age=40"}, cb, false);
    const data::Coder educ(cb.variables[0], false);
    const data::Coder age(cb.variables[1], false);
    CHECK(data::matches(conds[0], educ.code("2")));
    CHECK_FALSE(data::matches(conds[0], educ.code("1")));
    CHECK_FALSE(data::matches(conds[0], educ.code("")));
    CHECK(data::matches(conds[1], educ.code("1")));
    CHECK(data::matches(conds[1], educ.code(""))); // != keeps blanks
    CHECK_FALSE(data::matches(conds[1], educ.code("9")));
    CHECK(data::matches(conds[2], age.code("40")));
    CHECK_THROWS_WITH_AS(data::parse_where({"educ=4"}, cb, false),
                         "--where \"educ=4\": \"4\" is not a code of educ (1=MBO, 2=HBO, 3=WO)",
                         UsageError);
    CHECK_THROWS_AS(data::parse_where({"opleiding=2"}, cb, false), UsageError);
    CHECK_THROWS_AS(data::parse_where({"educ"}, cb, false), UsageError);
}

TEST_CASE("data::is_valid_date") {
    CHECK(data::is_valid_date("2015-03-14"));
    CHECK(data::is_valid_date("2015-03-14 10:22:31"));
    CHECK(data::is_valid_date("14-03-2015"));
    CHECK(data::is_valid_date("14/03/2015 10:22"));
    CHECK(data::is_valid_date("2016-02-29"));
    CHECK_FALSE(data::is_valid_date("2015-02-29")); // not a leap year
    CHECK_FALSE(data::is_valid_date("2015-13-01"));
    CHECK_FALSE(data::is_valid_date("14-03-2015 25:00"));
    CHECK_FALSE(data::is_valid_date("gisteren"));
}

TEST_CASE("util::edit_distance and nearest_names: the suggestions of an unknown name") {
    // Levenshtein's textbook pair, and the optimal string alignment distance's known
    // difference from unrestricted Damerau-Levenshtein: OSA("ca", "abc") = 3, not 2
    // (Wikipedia, "Damerau-Levenshtein distance").
    CHECK(util::edit_distance("kitten", "sitting") == 3);
    CHECK(util::edit_distance("ca", "ac") == 1);
    CHECK(util::edit_distance("ca", "abc") == 3);
    CHECK(util::edit_distance("Bureau", "bureau") == 0);
    CHECK(util::edit_distance("", "educ") == 4);
    const std::vector<std::string> names{"bureau", "educ", "initiative", "barrier",
                                         "barrier_self", "grade"};
    CHECK(util::nearest_names("bureu", names) == std::vector<std::string>{"bureau"});
    CHECK(util::nearest_names("initiatve", names) == std::vector<std::string>{"initiative"});
    CHECK(util::nearest_names("Grade", names) == std::vector<std::string>{"grade"});
    CHECK(util::nearest_names("barr", names) == std::vector<std::string>{"barrier", "barrier_self"});
    CHECK(util::nearest_names("xyz", names).empty());
    CHECK(util::nearest_names("tevredenheid", names).empty());
}

TEST_CASE("codebook: a draft written with ';' (codebook --locale nl) reads back the same") {
    const auto cb = read_codebook(
        k_header + "educ,Opleiding; hoogste,single,1=MBO|2=HBO|3=WO,9=Weet niet,,\n"
                   "b1,\"Zelf oplossen, echt\",multi,,,barrier,\n"
                   "grade,Cijfer,grade,1..10,,,\n");
    std::ostringstream semicolons;
    cb.write_csv(semicolons, ';');
    const std::string nl = semicolons.str();
    CHECK(nl.starts_with("variable;label;type;choices;missing;group;reverse;question\n"));
    CHECK(nl.find("educ;\"Opleiding; hoogste\";single;1=MBO|2=HBO|3=WO;9=Weet niet;;;\n") !=
          std::string::npos);
    std::ostringstream a, b;
    cb.write_csv(a);
    read_codebook(nl).write_csv(b);
    CHECK(a.str() == b.str());
}
