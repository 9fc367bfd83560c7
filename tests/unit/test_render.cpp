// Formatting tests for the render layer: exact output of every format for small tables.
#include "careerstat/render/format.hpp"
#include "careerstat/render/render.hpp"
#include "careerstat/table/compare.hpp"

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

#include <limits>
#include <stdexcept>


TEST_CASE("render::parse_format") {
    SUBCASE("names") {
        CHECK(render::parse_format("text") == render::Format::Text);
        CHECK(render::parse_format("txt") == render::Format::Text);
        CHECK(render::parse_format("csv") == render::Format::Csv);
        CHECK(render::parse_format("tsv") == render::Format::Tsv);
        CHECK(render::parse_format("md") == render::Format::Markdown);
        CHECK(render::parse_format("markdown") == render::Format::Markdown);
        CHECK(render::parse_format("json") == render::Format::Json);
        CHECK(render::parse_format("HTML") == render::Format::Html);
        CHECK(render::parse_format("XLSX") == render::Format::Xlsx);
        CHECK_FALSE(render::parse_format("xls"));
        CHECK(render::format_names() == "text, csv, tsv, md, json, html, xlsx");
        CHECK(render::is_binary(render::Format::Xlsx));
        CHECK_FALSE(render::is_binary(render::Format::Csv));
        CHECK_FALSE(render::parse_format(""));
    }
    SUBCASE("paths") {
        CHECK(render::format_from_path("out/report.html") == render::Format::Html);
        CHECK(render::format_from_path("report.HTM") == render::Format::Html);
        CHECK(render::format_from_path("C:\\data\\freq.csv") == render::Format::Csv);
        CHECK(render::format_from_path("a.b/freq.tsv") == render::Format::Tsv);
        CHECK(render::format_from_path("notes.md") == render::Format::Markdown);
        CHECK(render::format_from_path("x.json") == render::Format::Json);
        CHECK(render::format_from_path("x.txt") == render::Format::Text);
        CHECK(render::format_from_path("x.xlsx") == render::Format::Xlsx);
        CHECK_FALSE(render::format_from_path("x.xls"));
        CHECK_FALSE(render::format_from_path("a.csv/report"));
        CHECK_FALSE(render::format_from_path(".csv"));
        CHECK_FALSE(render::format_from_path("report"));
    }
}

TEST_CASE("render::format_display") {
    const Column count{"n", "n", ColumnType::Count};
    const Column percent{"pct", "%", ColumnType::Percent};
    const Column number{"mean", "Mean", ColumnType::Number};
    const Column p_value{"p", "p", ColumnType::PValue};
    const Column code{"code", "Code", ColumnType::Code};

    SUBCASE("by column type") {
        CHECK(render::format_display(12.0, count, false) == "12");
        CHECK(render::format_display(12.46, count, false) == "12.5");
        CHECK(render::format_display(100.0 / 3, percent, false) == "33.3");
        CHECK(render::format_display(100.0, percent, false) == "100.0");
        CHECK(render::format_display(3.14159, number, false) == "3.14");
        CHECK(render::format_display(0.04567, p_value, false) == "0.046");
        CHECK(render::format_display(0.0004, p_value, false) == "<0.001");
        CHECK(render::format_display(0.001, p_value, false) == "0.001");
        CHECK(render::format_display(3.0, code, false) == "3");
        CHECK(render::format_display(-0.01, percent, false) == "0.0");
        CHECK(render::format_display(-2.5, number, false) == "-2.50");
    }
    SUBCASE("decimals override the type") {
        const Column mean0{"mean", "Mean", ColumnType::Number, 0};
        const Column count2{"n", "n", ColumnType::Count, 2};
        const Column p4{"p", "p", ColumnType::PValue, 4};
        CHECK(render::format_display(3.6, mean0, false) == "4");
        CHECK(render::format_display(12.0, count2, false) == "12.00");
        CHECK(render::format_display(0.00005, p4, false) == "<0.0001");
    }
    SUBCASE("decimal comma") {
        CHECK(render::format_display(100.0 / 3, percent, true) == "33,3");
        CHECK(render::format_display(0.0004, p_value, true) == "<0,001");
        CHECK(render::format_display(12.0, count, true) == "12");
    }
    SUBCASE("not a number") {
        CHECK(render::format_display(k_nan, percent, false).empty());
        CHECK(render::display_cell(Cell{}, percent, false).empty());
        CHECK(render::display_cell(text("ja"), percent, false) == "ja");
    }
}

TEST_CASE("render::format_machine") {
    CHECK(render::format_machine(100.0 / 3) == "33.333333");
    CHECK(render::format_machine(0.1 + 0.2) == "0.3");
    CHECK(render::format_machine(40.0) == "40");
    CHECK(render::format_machine(-1.5) == "-1.5");
    CHECK(render::format_machine(-1e-9) == "0");
    CHECK(render::format_machine(1e6) == "1000000");
    CHECK(render::format_machine(2.0 / 3, true) == "0,666667");
    CHECK(render::format_machine(k_nan).empty());
}

TEST_CASE("render::text") {
    SUBCASE("aligned columns measured in code points, rules, notes") {
        const std::string expected = "Initiative\n"
                                     "Who took the first step\n"
                                     "Answer               n      %\n"
                                     "-----------------------------\n"
                                     "Own initiative      12   40.0\n"
                                     "Geen drempel — één  18   60.0\n"
                                     "Don't know           3\n"
                                     "-----------------------------\n"
                                     "Total               33  100.0\n"
                                     "Note: Weighted by region.\n";
        CHECK(render::render_to_string({frequency_table()}, options_for(render::Format::Text)) ==
              expected);
    }
    SUBCASE("Dutch: decimal comma and Noot") {
        auto options = options_for(render::Format::Text);
        options.decimal_comma = true;
        options.lang = Lang::Nl;
        const std::string out = render::render_to_string({frequency_table()}, options);
        CHECK(out.find("Own initiative      12   40,0\n") != std::string::npos);
        CHECK(out.find("\nNoot: Weighted by region.\n") != std::string::npos);
    }
    SUBCASE("bars in eighth blocks after the percent column") {
        Table t;
        t.columns = {{"label", "Answer", ColumnType::Text},
                     {"pct", "%", ColumnType::Percent},
                     {"n", "n", ColumnType::Count}};
        t.add_row({text("Yes"), 40.0, 4.0});
        t.add_row({text("No"), 100.0 / 3, 3.0}); // 53.3 eighths -> 6 full and 5/8
        t.add_row({text("Total"), 100.0, 7.0}, RowKind::Total);
        t.chart = Chart::Bars;
        t.chart_value_column = 1;
        const std::string expected = "Answer      %            n\n"
                                     "--------------------------\n"
                                     "Yes      40.0  ████████  4\n"
                                     "No       33.3  ██████▋   3\n"
                                     "--------------------------\n"
                                     "Total   100.0            7\n";
        CHECK(render::render_to_string({t}, options_for(render::Format::Text)) == expected);
    }
    SUBCASE("document title, key findings first, a blank line between tables") {
        Table small;
        small.title = "Second";
        small.columns = {{"n", "n", ColumnType::Count}};
        small.add_row({5.0});
        auto options = options_for(render::Format::Text);
        options.document_title = "Loopbaan 2024";
        options.key_findings = {"Most took the first step.", "Few were unsure."};
        const std::string expected = "Loopbaan 2024\n"
                                     "=============\n"
                                     "\n"
                                     "Key findings\n"
                                     "- Most took the first step.\n"
                                     "- Few were unsure.\n"
                                     "\n"
                                     "Second\n"
                                     "n\n"
                                     "-\n"
                                     "5\n"
                                     "\n"
                                     "Second\n"
                                     "n\n"
                                     "-\n"
                                     "5\n";
        CHECK(render::render_to_string({small, small}, options) == expected);
    }
    SUBCASE("colour only when asked, and data cannot send escape codes") {
        Table t;
        t.title = "Initiative";
        t.columns = {{"label", "Answer", ColumnType::Text}};
        t.add_row({text("a\x1b[31mb\nc")});
        auto options = options_for(render::Format::Text);
        const std::string plain = render::render_to_string({t}, options);
        CHECK(plain == "Initiative\nAnswer\n---------\na [31mb c\n");
        options.color = true;
        const std::string coloured = render::render_to_string({t}, options);
        CHECK(coloured.rfind("\x1b[1mInitiative\x1b[0m\n\x1b[1mAnswer\x1b[0m\n", 0) == 0);
    }
}

TEST_CASE("render::csv") {
    Table t;
    t.id = "t";
    t.title = "Not in CSV";
    t.columns = {{"name", "Naam", ColumnType::Text}, {"value", "Waarde", ColumnType::Number}};
    t.add_row({text("=SUM(A1)"), -1.5});
    t.add_row({text("+31 6 12345678"), 2.0});
    t.add_row({text("-x"), Cell{}});
    t.add_row({text("@x"), 0.25});
    t.add_row({text("a,b"), 1e6});
    t.add_row({text("say \"hi\""), k_nan});
    t.add_row({text("two\nlines"), 100.0 / 3});
    t.footnotes = {"Not in CSV either."};

    SUBCASE("names, neutralised formulas, RFC 4180 quoting") {
        // The row's kind last (issue 14: scripts never match a translated label).
        const std::string expected = "name,value,row_kind\n"
                                     "'=SUM(A1),-1.5,data\n"
                                     "'+31 6 12345678,2,data\n"
                                     "'-x,,data\n"
                                     "'@x,0.25,data\n"
                                     "\"a,b\",1000000,data\n"
                                     "\"say \"\"hi\"\"\",,data\n"
                                     "\"two\nlines\",33.333333,data\n";
        CHECK(render::render_to_string({t}, options_for(render::Format::Csv)) == expected);
    }
    SUBCASE("decimal comma uses ';' between fields") {
        Table d;
        d.columns = {{"name", "Naam", ColumnType::Text}, {"value", "Waarde", ColumnType::Number}};
        d.add_row({text("a,b"), -1.5});
        d.add_row({text("a;b"), 0.1 + 0.2});
        auto options = options_for(render::Format::Csv);
        options.decimal_comma = true;
        CHECK(render::render_to_string({d}, options) == "name;value;row_kind\na,b;-1,5;data\n\"a;b\";0,3;data\n");
    }
    SUBCASE("a blank line between tables; BOM first when asked") {
        Table a;
        a.columns = {{"n", "n", ColumnType::Count}};
        a.add_row({1.0});
        auto options = options_for(render::Format::Csv);
        options.bom = true;
        CHECK(render::render_to_string({a, a}, options) == "\xEF\xBB\xBFn,row_kind\n1,data\n\nn,row_kind\n1,data\n");
    }
    SUBCASE("TSV: no quoting, separators inside cells become spaces") {
        Table d;
        d.columns = {{"name", "Naam", ColumnType::Text}, {"value", "Waarde", ColumnType::Percent}};
        d.add_row({text("a\tb \"q\"\r\nc"), 12.5});
        d.add_row({text("\t=x"), -3.0});
        d.add_row({text("=x"), Cell{}});
        CHECK(render::render_to_string({d}, options_for(render::Format::Tsv)) ==
              "name\tvalue\trow_kind\na b \"q\"  c\t12.5\tdata\n =x\t-3\tdata\n'=x\t\tdata\n");
    }
}

TEST_CASE("render::markdown") {
    auto options = options_for(render::Format::Markdown);
    options.key_findings = {"Most | many"};
    Table t = frequency_table();
    t.rows[0].cells[0] = text("Own | line\nbreak");
    const std::string expected = "## Key findings\n"
                                 "\n"
                                 "- Most \\| many\n"
                                 "\n"
                                 "## Initiative\n"
                                 "\n"
                                 "*Who took the first step*\n"
                                 "\n"
                                 "| Answer | n | % |\n"
                                 "| --- | ---: | ---: |\n"
                                 "| Own \\| line break | 12 | 40.0 |\n"
                                 "| Geen drempel — één | 18 | 60.0 |\n"
                                 "| Don't know | 3 |  |\n"
                                 "| Total | 33 | 100.0 |\n"
                                 "\n"
                                 "- Weighted by region.\n";
    CHECK(render::render_to_string({t}, options) == expected);
}

TEST_CASE("render::json") {
    Table t;
    t.id = "t1";
    t.title = "Tab\tle";
    t.columns = {{"label", "Label", ColumnType::Text}, {"p", "p", ColumnType::PValue}};
    t.add_row({text("say \"hi\"\\\n\x01é"), 100.0 / 3});
    t.add_row({Cell{}, k_nan}, RowKind::Missing);
    t.add_row({text("Total"), 0.1 + 0.2}, RowKind::Total);
    t.footnotes = {"Weighted."};
    auto options = options_for(render::Format::Json);
    options.key_findings = {"50% < 60%"};
    options.decimal_comma = true; // never in JSON
    options.bom = true;           // never in JSON (RFC 8259)

    SUBCASE("schema, escaping, null for empty and NaN") {
        const std::string expected = R"json({
  "schema": "careerstat-tables/1",
  "title": "",
  "key_findings": [
    "50% < 60%"
  ],
  "findings": [],
  "tables": [
    {
      "id": "t1",
      "title": "Tab\tle",
      "subtitle": "",
      "columns": [
        {
          "name": "label",
          "label": "Label",
          "type": "text"
        },
        {
          "name": "p",
          "label": "p",
          "type": "p_value"
        }
      ],
      "rows": [
        {
          "kind": "data",
          "label": "say \"hi\"\\\n\u0001é",
          "p": 33.333333
        },
        {
          "kind": "missing",
          "label": null,
          "p": null
        },
        {
          "kind": "total",
          "label": "Total",
          "p": 0.3
        }
      ],
      "footnotes": [
        "Weighted."
      ]
    }
  ]
}
)json";
        CHECK(render::render_to_string({t}, options) == expected);
    }
    SUBCASE("empty lists") {
        CHECK(render::render_to_string({}, options_for(render::Format::Json)) ==
              "{\n  \"schema\": \"careerstat-tables/1\",\n  \"title\": \"\",\n"
              "  \"key_findings\": [],\n  \"findings\": [],\n  \"tables\": []\n}\n");
    }
    SUBCASE("a finding's numbers, and none it does not have") {
        auto o = options_for(render::Format::Json);
        table::Finding f;
        f.text = "70% zocht laat hulp.";
        f.kind = "share";
        f.unit = "percent";
        f.value = 70;
        f.n = 35;
        f.base = 50;
        f.ci_low = 56.25;
        f.ci_high = 80.5;
        o.key_findings = {f.text};
        o.findings = {f};
        const std::string out = render::render_to_string({}, o);
        CHECK(out.find("\"findings\": [\n    {\n      \"text\": \"70% zocht laat hulp.\",\n"
                       "      \"kind\": \"share\",\n      \"unit\": \"percent\",\n"
                       "      \"value\": 70,\n      \"n\": 35,\n      \"base\": 50,\n"
                       "      \"interval\": [\n        56.25,\n        80.5\n      ]\n    }\n  ]") !=
              std::string::npos);
        CHECK(out.find("compared_to") == std::string::npos);
        CHECK(out.find("\"p\"") == std::string::npos);
    }
    SUBCASE("column types") {
        Table types;
        types.columns = {{"a", "", ColumnType::Code},
                         {"b", "", ColumnType::Count},
                         {"c", "", ColumnType::Percent},
                         {"d", "", ColumnType::Number}};
        const std::string out = render::render_to_string({types}, options);
        CHECK(out.find("\"type\": \"code\"") != std::string::npos);
        CHECK(out.find("\"type\": \"count\"") != std::string::npos);
        CHECK(out.find("\"type\": \"percent\"") != std::string::npos);
        CHECK(out.find("\"type\": \"number\"") != std::string::npos);
    }
    SUBCASE("a column named kind would clash with the row kind") {
        Table bad;
        bad.id = "bad";
        bad.columns = {{"kind", "Kind", ColumnType::Text}};
        CHECK_THROWS_AS(render::render_to_string({bad}, options), std::logic_error);
    }
}
