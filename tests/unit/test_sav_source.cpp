// SPSS and Stata files as exports (io/sav_source, io/sav_records, codebook/dictionary).
// Expected values: tests/data/sav_in/make_fixtures.sps's data as PSPP 1.6.2 lists them
// (`pspp make_fixtures.sps`: LIST and DISPLAY DICTIONARY), and the multiple response set
// records of PSPP's "System File Format" appendix (pspp-dev.info, B.8).
#include "careerstat/codebook/dictionary.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"
#include "careerstat/io/sav_records.hpp"
#include "careerstat/io/sav_source.hpp"

#include <doctest/doctest.h>
#include <readstat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace careerstat;
namespace cio = careerstat::io;

namespace {

const std::string k_dir = std::string(CAREERSTAT_TEST_DATA) + "/sav_in/";

std::vector<std::vector<std::string>> read_all(cio::RecordReader& r) {
    std::vector<std::vector<std::string>> out;
    while (r.next()) {
        out.emplace_back(r.fields().begin(), r.fields().end());
    }
    return out;
}

const codebook::Variable& var(const codebook::Codebook& cb, const std::string& name) {
    const codebook::Variable* v = cb.find(name);
    REQUIRE(v != nullptr);
    return *v;
}

} // namespace

TEST_CASE("sav: cells as PSPP lists them, dates in ISO form, for .sav and .zsav alike") {
    for (const char* file : {"dictionary.sav", "dictionary.zsav"}) {
        CAPTURE(file);
        auto r = cio::RecordReader::open(k_dir + file);
        CHECK_FALSE(r->is_csv());
        CHECK(r->format() == (std::string(file).ends_with("zsav") ? "SPSS .zsav" : "SPSS .sav"));
        CHECK(r->header() == std::vector<std::string>{"resp_id", "bureau", "satisfaction", "age",
                                                      "wt", "barrier_selfsolve", "barrier_cost",
                                                      "mention1", "mention2", "ontvangen",
                                                      "tijdstip", "status"});
        const auto rows = read_all(*r);
        REQUIRE(rows.size() == 4);
        // PSPP: 1 1 4 34 1.50 1 0 1 2 01-MAR-2015 01-MAR-2015 10:04:05 klaar
        CHECK(rows[0] == std::vector<std::string>{"1", "1", "4", "34", "1.5", "1", "0", "1", "2",
                                                  "2015-03-01", "2015-03-01 10:04:05", "klaar"});
        CHECK(rows[1] == std::vector<std::string>{"2", "2", "9", "51", "0.5", "0", "1", "2", "",
                                                  "2015-04-15", "2015-04-15 23:59:59", "bezig"});
        // System-missing values are blank cells.
        CHECK(rows[2] == std::vector<std::string>{"3", "1", "5", "98", "1", "1", "1", "", "", "",
                                                  "", "klaar"});
        CHECK(rows[3] == std::vector<std::string>{"4", "3", "", "27", "1", "0", "0", "3", "1",
                                                  "2016-01-02", "2016-01-02 00:00:00", ""});
        CHECK(r->line() == 5); // case 4 is line 5, as in the file saved as CSV
    }
}

TEST_CASE("sav: the dictionary as a codebook") {
    auto r = cio::RecordReader::open(k_dir + "dictionary.sav");
    std::vector<std::string> notes;
    const codebook::Codebook cb = *codebook::dictionary_codebook(*r, notes);
    using codebook::VarType;
    // Nominal with value labels: single.
    CHECK(var(cb, "bureau").type == VarType::Single);
    CHECK(codebook::format_choices(var(cb, "bureau").choices) == "1=Noord|2=Oost|3=Zuid");
    CHECK(var(cb, "bureau").label == "Bij welk bureau?");
    // Ordinal with five labelled points: a Likert item; 9 is its user-missing value.
    CHECK(var(cb, "satisfaction").type == VarType::Likert);
    CHECK(var(cb, "satisfaction").choices.size() == 5);
    CHECK(codebook::format_choices(var(cb, "satisfaction").missing) == "9=Weet niet");
    // Scale without labels: numeric; the range 97 THRU 99 listed code by code.
    CHECK(var(cb, "age").type == VarType::Numeric);
    CHECK(codebook::format_choices(var(cb, "age").missing) == "97|98|99");
    // WEIGHT BY wt.
    CHECK(var(cb, "wt").type == VarType::Weight);
    // The multiple dichotomy set $drempel, counted value 1; barrier_selfsolve's short name
    // in the set record is "barrier_" (PSPP writes short names), mapped to the long name.
    const codebook::Variable& self = var(cb, "barrier_selfsolve");
    CHECK(self.is_option_column());
    CHECK(self.group == "drempel");
    CHECK(self.question == "Wat hield u tegen?");
    REQUIRE(self.selected);
    CHECK(self.choices[*self.selected].code == "1");
    CHECK(var(cb, "barrier_cost").group == "drempel");
    // The multiple category set $media: separate questions, and a note that says so.
    CHECK(var(cb, "mention1").type == VarType::Single);
    CHECK(var(cb, "mention1").group.empty());
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("$media") != std::string::npos);
    // DATE11 and DATETIME20: dates; a labelled string: single with text codes.
    CHECK(var(cb, "ontvangen").type == VarType::Date);
    CHECK(var(cb, "tijdstip").type == VarType::Date);
    CHECK(var(cb, "status").type == VarType::Single);
    CHECK(codebook::format_choices(var(cb, "status").choices) == "bezig=Bezig|klaar=Afgerond");
}

TEST_CASE("sav: multiple response set records as PSPP documents them") {
    // pspp-dev.info B.8: the subtype 7 and 19 records of its MRSETS example.
    cio::SavRecords out;
    cio::parse_mr_sets("\n$a=C 10 my mcgroup a b c\n$b=D2 55 0  g e f d\n$c=D3 Yes 10 mdgroup #2 h i j\n",
                      out);
    cio::parse_mr_sets("$d=E 1 2 34 13 third mdgroup k l m\n$e=E 11 6 choice 0  n o p\n", out);
    CHECK(out.notes.empty());
    REQUIRE(out.sets.size() == 5);
    CHECK(out.sets[0].name == "a");
    CHECK_FALSE(out.sets[0].dichotomy);
    CHECK(out.sets[0].label == "my mcgroup");
    CHECK(out.sets[0].variables == std::vector<std::string>{"a", "b", "c"});
    CHECK(out.sets[1].dichotomy);
    CHECK(out.sets[1].counted == "55");
    CHECK(out.sets[1].label.empty());
    CHECK(out.sets[1].variables == std::vector<std::string>{"g", "e", "f", "d"});
    CHECK(out.sets[2].counted == "Yes");
    CHECK(out.sets[2].label == "mdgroup #2");
    CHECK(out.sets[3].counted == "34");
    CHECK(out.sets[3].label == "third mdgroup");
    CHECK(out.sets[3].variables == std::vector<std::string>{"k", "l", "m"});
    CHECK(out.sets[4].counted == "choice");
    CHECK(out.sets[4].variables == std::vector<std::string>{"n", "o", "p"});
    // A damaged record is a note, not a crash or a wrong set.
    cio::SavRecords bad;
    cio::parse_mr_sets("$x=D99 1 0  a b\n$y=Q 1 a\nnonsense\n", bad);
    CHECK(bad.sets.empty());
    CHECK(bad.notes.size() == 3);
}

TEST_CASE("sav: a damaged dictionary gives notes, never a crash") {
    std::ifstream in(k_dir + "dictionary.sav", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const cio::SavRecords whole = [&] {
        std::istringstream s(bytes);
        return cio::read_sav_records(s);
    }();
    CHECK(whole.notes.empty());
    CHECK(whole.sets.size() == 2);
    for (std::size_t cut = 0; cut < bytes.size(); cut += 7) {
        std::istringstream s(bytes.substr(0, cut));
        const cio::SavRecords part = cio::read_sav_records(s);
        CHECK(part.sets.size() <= 2);
    }
    // ReadStat itself refuses a truncated file with one line.
    const auto path = std::filesystem::temp_directory_path() / "careerstat_truncated.sav";
    {
        std::ofstream out(path, std::ios::binary);
        out << bytes.substr(0, 300);
    }
    CHECK_THROWS_AS(cio::RecordReader::open(path.string()), DataError);
    std::filesystem::remove(path);
}

TEST_CASE("sav: numbers and dates as cells") {
    CHECK(cio::format_cell_number(3) == "3");
    CHECK(cio::format_cell_number(-1) == "-1");
    CHECK(cio::format_cell_number(2.5) == "2.5");
    CHECK(cio::format_cell_number(0.1) == "0.1");
    CHECK(cio::format_cell_number(1e-7) == "0.0000001");
    CHECK(cio::format_cell_number(1e20) == "100000000000000000000");
    using F = cio::DictionaryVariable::Form;
    // 2015-03-01 is 16495 days after 1970-01-01 (R: as.numeric(as.Date("2015-03-01"))).
    CHECK(cio::format_seconds_as_date(16495.0 * 86400, F::Date) == "2015-03-01");
    CHECK(cio::format_seconds_as_date(16495.0 * 86400 + 36245.4, F::DateTime) ==
          "2015-03-01 10:04:05");
    CHECK(cio::format_seconds_as_date(86399.6, F::DateTime) == "1970-01-02 00:00:00");
    CHECK(cio::format_seconds_as_date(-1, F::DateTime) == "1969-12-31 23:59:59");
    CHECK(cio::format_seconds_as_date(3600.0 * 13 + 60, F::Time) == "13:01:00");
    // Calendar edges (proleptic Gregorian, as SPSS counts): year 0, 9999, 10000, 1 BC.
    CHECK(cio::format_seconds_as_date(-62167219200.0, F::DateTime) == "0000-01-01 00:00:00");
    CHECK(cio::format_seconds_as_date(253402300799.0, F::DateTime) == "9999-12-31 23:59:59");
    CHECK(cio::format_seconds_as_date(253402300800.0, F::Date) == "10000-01-01");
    CHECK(cio::format_seconds_as_date(-62167219201.0, F::Date) == "-001-12-31");
    CHECK(cio::format_seconds_as_date(951782400.0, F::Date) == "2000-02-29");
    CHECK(cio::format_seconds_as_date(1e17, F::Date) == "100000000000000000");
}

TEST_CASE("sav: a codebook carried in document lines comes back as written") {
    const std::string csv =
        "variable,label,type,choices,missing,group,reverse,question\n"
        "q1,\"Een heel lange vraag over de tevredenheid met het traject, de adviseur en het "
        "resultaat — één keer\",likert,1=Zeer oneens|2=Oneens|3=Neutraal|4=Eens|5=Zeer eens,"
        "9=Weet niet,,,\n"
        "q2,Spatie aan het eind ,text,,,,,\n";
    const std::vector<std::string> lines = codebook::codebook_documents(csv, "0123456789abcdef");
    for (const std::string& l : lines) {
        CHECK(l.size() <= 80);
    }
    // SPSS pads document lines with spaces to 80 bytes.
    std::vector<std::string> padded;
    for (const std::string& l : lines) {
        padded.push_back(l + std::string(80 - l.size(), ' '));
    }
    padded.emplace_back("a document line of the user's own");
    const auto back = codebook::codebook_from_documents(padded);
    REQUIRE(back);
    CHECK(back->csv == csv);
    CHECK(back->fingerprint == "0123456789abcdef");
    CHECK_FALSE(codebook::codebook_from_documents({"just a note"}));
}

TEST_CASE("dta: a Stata file written with ReadStat: labels, %td dates, tagged missing values") {
    const auto path = std::filesystem::temp_directory_path() / "careerstat_test.dta";
    {
        std::FILE* f = std::fopen(path.string().c_str(), "wb");
        REQUIRE(f != nullptr);
        readstat_writer_t* w = readstat_writer_init();
        readstat_set_data_writer(w, [](const void* data, size_t len, void* ctx) -> ssize_t {
            return static_cast<ssize_t>(std::fwrite(data, 1, len, static_cast<std::FILE*>(ctx)));
        });
        readstat_label_set_t* labels = readstat_add_label_set(w, READSTAT_TYPE_INT32, "agree");
        readstat_label_int32_value(labels, 1, "Oneens");
        readstat_label_int32_value(labels, 2, "Neutraal");
        readstat_label_int32_value(labels, 3, "Eens");
        readstat_label_tagged_value(labels, 'a', "Weet niet");
        readstat_variable_t* q = readstat_add_variable(w, "q1", READSTAT_TYPE_INT32, 0);
        readstat_variable_set_label(q, "Stelling");
        readstat_variable_set_label_set(q, labels);
        readstat_variable_t* d = readstat_add_variable(w, "datum", READSTAT_TYPE_INT32, 0);
        readstat_variable_set_format(d, "%td");
        readstat_begin_writing_dta(w, f, 3);
        // (q1, datum): (3, 2015-03-01), (.a, .b), (1, missing); 2015-03-01 is day 20148 of
        // Stata's calendar, which starts 1960-01-01 (Stata: td(01mar2015) = 20148).
        readstat_begin_row(w);
        readstat_insert_int32_value(w, q, 3);
        readstat_insert_int32_value(w, d, 20148);
        readstat_end_row(w);
        readstat_begin_row(w);
        readstat_insert_tagged_missing_value(w, q, 'a');
        readstat_insert_tagged_missing_value(w, d, 'b');
        readstat_end_row(w);
        readstat_begin_row(w);
        readstat_insert_int32_value(w, q, 1);
        readstat_insert_missing_value(w, d);
        readstat_end_row(w);
        readstat_end_writing(w);
        readstat_writer_free(w);
        std::fclose(f);
    }
    auto r = cio::RecordReader::open(path.string());
    CHECK(r->format() == "Stata .dta");
    CHECK(r->header() == std::vector<std::string>{"q1", "datum"});
    std::vector<std::string> notes;
    const codebook::Codebook cb = *codebook::dictionary_codebook(*r, notes);
    const auto rows = read_all(*r);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"3", "2015-03-01"});
    // .a is labelled: a missing code; .b is not: no answer.
    CHECK(rows[1] == std::vector<std::string>{".a", ""});
    CHECK(rows[2] == std::vector<std::string>{"1", ""});
    CHECK(var(cb, "q1").type == codebook::VarType::Single);
    CHECK(codebook::format_choices(var(cb, "q1").choices) == "1=Oneens|2=Neutraal|3=Eens");
    CHECK(codebook::format_choices(var(cb, "q1").missing) == ".a=Weet niet");
    CHECK(var(cb, "datum").type == codebook::VarType::Date);
    std::filesystem::remove(path);
}

TEST_CASE("sav: careerstat's decoding of the cases gives exactly ReadStat's records") {
    // Bytecode-compressed and uncompressed files, numbers stored as codes and as raw
    // doubles, text over several elements, and a very long string (decoded by ReadStat).
    for (const char* file : {"dictionary.sav", "strings.sav", "strings_uncompressed.sav",
                             "strings_long.sav", "dictionary.zsav"}) {
        CAPTURE(file);
        const std::string path = k_dir + file;
        cio::RecordReader own(path, cio::open_statistics_file(path, cio::SavCases::Own));
        cio::RecordReader readstat(path, cio::open_statistics_file(path, cio::SavCases::ReadStat));
        CHECK(own.header() == readstat.header());
        const auto a = read_all(own);
        const auto b = read_all(readstat);
        CHECK(a == b);
        CHECK(a.size() == (std::string(file).starts_with("dictionary") ? 4 : 4));
    }
    // The values as PSPP lists them (make_fixtures.sps); "hier" cut to A30.
    auto r = cio::RecordReader::open(k_dir + "strings_uncompressed.sav");
    const auto rows = read_all(*r);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"1", "ja", "\xc3\x89\xc3\xa9n opmerking, met \xc3\xa9 en \xc3\xbc", "1"});
    CHECK(rows[1] == std::vector<std::string>{"2.5", "nee", "", "1000000"});
    CHECK(rows[2] == std::vector<std::string>{"-7", "", "precies dertig tekens lang hie", ""});
    CHECK(rows[3] == std::vector<std::string>{"", "x", "  spaties ervoor", "-99"});
}

TEST_CASE("sav: columns the pass does not read come empty, and rows are still counted on all") {
    // strings.sav's third case has its only text in "lang" and its number in "n": with
    // only "kort" and "getal" read, the case is empty in what is read but not empty, and
    // must still come (the CSV path counts it as a row).
    for (const auto cases : {cio::SavCases::Own, cio::SavCases::ReadStat}) {
        for (const char* file : {"strings.sav", "strings_uncompressed.sav", "strings_long.sav",
                                 "dictionary.zsav"}) {
            CAPTURE(file);
            const std::string path = k_dir + file;
            cio::RecordReader r(path, cio::open_statistics_file(path, cases));
            REQUIRE(r.can_read_typed());
            const bool strings = std::string(file).starts_with("strings");
            const std::vector<std::size_t> kept = strings ? std::vector<std::size_t>{1, 3}
                                                          : std::vector<std::size_t>{2};
            r.keep_only(kept);
            std::vector<std::vector<std::string>> rows;
            while (r.next_typed()) {
                std::vector<std::string> row;
                for (std::size_t k = 0; k < r.typed_fields().size(); ++k) {
                    const cio::TypedCell& c = r.typed_fields()[k];
                    const std::string text = c.is_number ? cio::format_cell_number(c.number)
                                                         : std::string(c.text);
                    if (std::find(kept.begin(), kept.end(), k) == kept.end()) {
                        CHECK(text.empty()); // neither copied nor printed
                    } else {
                        row.push_back(text);
                    }
                }
                rows.push_back(row);
            }
            if (strings) {
                // make_fixtures.sps: kort and getal of the four cases.
                CHECK(rows == std::vector<std::vector<std::string>>{
                                  {"ja", "1"}, {"nee", "1000000"}, {"", ""}, {"x", "-99"}});
            } else {
                // satisfaction: 4, 9, 5, system-missing.
                CHECK(rows == std::vector<std::vector<std::string>>{{"4"}, {"9"}, {"5"}, {""}});
            }
        }
    }
}
