// Render tests of the HTML renderer and its SVG charts: exact structure and escaping.
#include "careerstat/render/format.hpp"
#include "careerstat/render/render.hpp"
#include "careerstat/table/compare.hpp"

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

#include <limits>
#include <stdexcept>


TEST_CASE("render::html") {
    Table bars = frequency_table();
    bars.columns[0].label = "<script>alert('x')</script>";
    bars.chart = Chart::Bars;
    bars.chart_label_column = 0;
    bars.chart_value_column = 2;

    Table likert;
    likert.id = "likert";
    likert.title = "Statements";
    likert.columns = {{"item", "Item", ColumnType::Text},
                      {"p1", "Oneens", ColumnType::Percent},
                      {"p2", "Neutraal", ColumnType::Percent},
                      {"p3", "Eens & zo", ColumnType::Percent}};
    likert.add_row({text("Nuttig"), 20.0, 30.0, 50.0});
    likert.chart = Chart::Diverging;
    likert.chart_label_column = 0;
    likert.chart_value_column = 1;
    likert.chart_value_count = 3;

    auto options = options_for(render::Format::Html);
    options.document_title = "Loopbaan \"2024\"";
    options.key_findings = {"a < b"};
    options.lang = Lang::Nl;
    options.decimal_comma = true;
    const std::string out = render::render_to_string({bars, likert, frequency_table()}, options);

    SUBCASE("a self-contained HTML5 page") {
        CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n",
                        0) == 0);
        CHECK(out.find("<meta name=\"viewport\"") != std::string::npos);
        CHECK(out.find("@media print") != std::string::npos);
        CHECK(out.find("<h1>Loopbaan &quot;2024&quot;</h1>") != std::string::npos);
        CHECK(out.find("<li>a &lt; b</li>") != std::string::npos);
        CHECK(out.find("<h2>Belangrijkste bevindingen</h2>") != std::string::npos);
        // One inline script (the scroll cue, saving charts), nothing loaded, links in-page only.
        CHECK(count_of(out, "<script>") == 1);
        CHECK(out.find("<script src") == std::string::npos);
        CHECK(out.find("src=") == std::string::npos);
        CHECK(count_of(out, "href=\"") == count_of(out, "href=\"#"));
        CHECK(out.find("<nav class=\"toc\"") != std::string::npos);
        CHECK(out.find("@page{size:A4;") != std::string::npos);
        CHECK(out.substr(out.size() - 8) == "</html>\n");
    }
    SUBCASE("data is escaped") {
        CHECK(out.find("<th scope=\"col\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</th>") !=
              std::string::npos);
        CHECK(out.find("Don&#39;t know") != std::string::npos);
        CHECK(out.find("Eens &amp; zo") != std::string::npos);
    }
    SUBCASE("rows and numbers") {
        CHECK(out.find("<tr class=\"data\"><th scope=\"row\">Own initiative</th><td "
                       "class=\"num\">12</td><td class=\"num\">40,0</td></tr>") !=
              std::string::npos);
        CHECK(count_of(out, "<tr class=\"missing\">") == 2);
        CHECK(count_of(out, "<tr class=\"total\">") == 2);
    }
    SUBCASE("one svg.chart per charted table") {
        CHECK(count_of(out, "<svg class=\"chart ") == 2);
        CHECK(count_of(out, "<svg class=\"chart chart-bars\"") == 1);
        CHECK(count_of(out, "<svg class=\"chart chart-diverging\"") == 1);
        CHECK(count_of(out, "role=\"img\" aria-label=\"Staafdiagram: Initiative\"") == 1);
        // One bar per Data row, value printed with its decimal comma.
        CHECK(count_of(out, "height=\"18\" fill=\"#2166ac\"/>") == 2);
        CHECK(out.find(">40,0%</text>") != std::string::npos);
    }
    SUBCASE("diverging bar: centred on the middle category, legend from labels") {
        // 20 + 30/2 = 35 points left of the centre at 349, 1.27 units per point; the row
        // starts under the legend's line (4 + 24 + 4) and is 28 high.
        CHECK(out.find("<rect x=\"304.6\" y=\"37\" width=\"25.4\" height=\"18\" "
                       "fill=\"#d35f57\"/>") != std::string::npos);
        CHECK(out.find("rx=\"2\" fill=\"#bababa\"/><text x=\"") != std::string::npos);
        CHECK(out.find("dy=\"0.35em\">Neutraal</text>") != std::string::npos);
        CHECK(
            out.find("<title>Nuttig: Oneens 20,0%, Neutraal 30,0%, Eens &amp; zo 50,0%</title>") !=
            std::string::npos);
    }
}

namespace {

// A frequency table of one population as freq builds it: label, n, valid %, interval.
Table population_frequencies(double a, double b) {
    Table t;
    t.id = "freq.strength";
    t.title = "Strength";
    t.columns = {{"label", "Answer", ColumnType::Text},
                 {"n", "n", ColumnType::Count},
                 {"valid_pct", "Valid %", ColumnType::Percent},
                 {"ci_low", "CI low", ColumnType::Percent},
                 {"ci_high", "CI high", ColumnType::Percent}};
    t.add_row({text("Onafhankelijk en extern"), 10.0, a, a - 5, a + 5});
    t.add_row({text("Frisse blik"), 5.0, b, b - 5, b + 5});
    t.add_row({text("Total"), 15.0, 100.0, Cell{}, Cell{}}, RowKind::Total);
    t.chart = Chart::Bars;
    t.chart_label_column = 0;
    t.chart_value_column = 2;
    t.chart_bases = {15.0};
    return t;
}

} // namespace

TEST_CASE("render::html grouped bars") {
    const Table grouped = table::side_by_side({{"clients", "ex-cliënten",
                                                population_frequencies(40.0, 20.0)},
                                               {"employers", "opdrachtgevers",
                                                population_frequencies(25.0, 62.5)}});
    SUBCASE("side_by_side asks for one series per population, 4 columns apart") {
        REQUIRE(grouped.chart == Chart::Bars);
        CHECK(grouped.chart_value_column == 2u);
        CHECK(grouped.chart_value_count == 2u);
        CHECK(grouped.chart_value_stride == 4u);
        CHECK(grouped.columns[2].label == "Valid %");
        CHECK(grouped.columns[2].category == "ex-cliënten");
        CHECK(grouped.columns[6].category == "opdrachtgevers");
    }

    auto options = options_for(render::Format::Html);
    options.decimal_comma = true;
    const std::string out = render::render_to_string({grouped}, options);

    SUBCASE("two series: two bars per row in two colours, values at the ends") {
        CHECK(count_of(out, "<svg class=\"chart ") == 1);
        CHECK(count_of(out, "<svg class=\"chart chart-bars chart-grouped\"") == 1);
        // Two data rows (the total row draws nothing), one bar per population in each.
        CHECK(count_of(out, "<g><title>") == 2);
        CHECK(count_of(out, "height=\"17\" fill=\"#2166ac\"/>") == 2);
        CHECK(count_of(out, "height=\"17\" fill=\"#e08214\"/>") == 2);
        for (const char* value : {">40,0%</text>", ">20,0%</text>", ">25,0%</text>",
                                  ">62,5%</text>"}) {
            CHECK(out.find(value) != std::string::npos);
        }
        CHECK(out.find("<title>Frisse blik: ex-cliënten 20,0%, opdrachtgevers 62,5%</title>") !=
              std::string::npos);
    }
    SUBCASE("a legend inside the chart names the series by their populations and n") {
        const auto legend = out.find("<g class=\"legend\">");
        REQUIRE(legend != std::string::npos);
        CHECK(legend > out.find("<svg class=\"chart"));
        CHECK(legend < out.find("</svg>"));
        CHECK(out.find("rx=\"2\" fill=\"#2166ac\"/><text x=\"21\" y=\"16\" dy=\"0.35em\">"
                       "ex-cliënten (n = 15)</text>") != std::string::npos);
        CHECK(out.find("fill=\"#e08214\"/><text x=\"") != std::string::npos);
        CHECK(out.find(">opdrachtgevers (n = 15)</text>") != std::string::npos);
    }
    SUBCASE("bars of a row are stacked inside the row, not over the next one") {
        // Under the legend's line the plot starts at 32. Row 1: y = 32 + (37 + 14 - 37) / 2
        // = 39 and 39 + 17 + 3 = 59; row 2 starts at 83. 200 units for 100%.
        CHECK(out.find("<rect x=\"222\" y=\"39\" width=\"80\" height=\"17\" "
                       "fill=\"#2166ac\"/>") != std::string::npos);
        CHECK(out.find("<rect x=\"222\" y=\"59\" width=\"50\" height=\"17\" "
                       "fill=\"#e08214\"/>") != std::string::npos);
        CHECK(out.find("<rect x=\"222\" y=\"90\" width=\"40\" height=\"17\" "
                       "fill=\"#2166ac\"/>") != std::string::npos);
    }
    SUBCASE("without a stride the same table draws the first population only") {
        Table single = grouped;
        single.chart_value_stride = 0;
        const std::string one = render::render_to_string({single}, options);
        CHECK(count_of(one, "<svg class=\"chart chart-bars\"") == 1);
        CHECK(one.find("<g class=\"legend\">") == std::string::npos);
        CHECK(count_of(one, "fill=\"#2166ac\"/>") == 2);
        CHECK(one.find("#e08214") == std::string::npos);
    }
    SUBCASE("no chart when a series column is missing") {
        Table broken = grouped;
        // A fourth series would start at column 14; two populations have 13 (4 each, the
        // label and the 4 difference columns).
        broken.chart_value_count = 4;
        const std::string none = render::render_to_string({broken}, options);
        CHECK(none.find("<svg") == std::string::npos);
        CHECK(none.find("<table>") != std::string::npos);
    }
}

TEST_CASE("render::html chart text") {
    Table t = frequency_table();
    t.chart = Chart::Bars;
    t.chart_label_column = 0;
    t.chart_value_column = 2;
    const std::string medium = "In een zeer laat stadium, toen de nood hoog was";
    const std::string long_label =
        "Mijn toekomstperspectief is verbeterd sinds het traject met de adviseur, en ook mijn "
        "geloof in eigen kansen, mijn zelfvertrouwen en de regie over mijn loopbaan";
    t.rows[0].cells[0] = Cell{medium};
    t.rows[1].cells[0] = Cell{long_label};
    const std::string out = render::render_to_string({t}, options_for(render::Format::Html));

    SUBCASE("17-unit text on a 500-wide viewBox: >= 12 px on a 358 px wide phone chart") {
        CHECK(out.find("viewBox=\"0 0 500 ") != std::string::npos);
        CHECK(out.find("font-size=\"17\"") != std::string::npos);
        // Shown at most 31.25rem (500 px) wide: 17 px text there, 12.2 px at 358 px.
        CHECK(out.find(".chart{display:block;width:100%;max-width:31.25rem;") !=
              std::string::npos);
    }
    SUBCASE("a long label wraps into lines of tspans, not cut after 20 characters") {
        CHECK(out.find("<tspan x=\"214\" y=\"") != std::string::npos);
        CHECK(out.find(">In een zeer laat</tspan>") != std::string::npos);
        CHECK(out.find(">stadium, toen de nood</tspan>") != std::string::npos);
        CHECK(out.find(">hoog was</tspan>") != std::string::npos);
        CHECK(out.find("<title>" + medium + ": 40.0%</title>") != std::string::npos);
    }
    SUBCASE("at most three lines; the cut is marked and the full label is in the title") {
        const auto group = out.find("<g><title>Mijn toekomstperspectief");
        REQUIRE(group != std::string::npos);
        const std::string row = out.substr(group, out.find("</g>", group) - group);
        CHECK(row.find("<title>" + long_label + ": 60.0%</title>") != std::string::npos);
        CHECK(count_of(row, "<tspan ") == 3);
        CHECK(count_of(row, "\u2026</tspan>") == 1);
    }
}

TEST_CASE("render::html chart labels without spaces or text") {
    Table t = frequency_table();
    t.chart = Chart::Bars;
    t.chart_label_column = 0;
    t.chart_value_column = 2;
    t.rows[0].cells[0] = Cell{std::string(120, 'x')};
    t.rows[1].cells[0] = Cell{std::string("   ")};
    const std::string out = render::render_to_string({t}, options_for(render::Format::Html));
    // A word longer than a line is broken inside it; three lines, the last one cut.
    const auto group = out.find("<g><title>xxx");
    REQUIRE(group != std::string::npos);
    const std::string row = out.substr(group, out.find("</g>", group) - group);
    CHECK(count_of(row, "<tspan ") == 3);
    CHECK(count_of(row, "x\u2026</tspan>") == 1);
    // A blank label still gets its bar.
    CHECK(count_of(out, "fill=\"#2166ac\"/>") == 2);
    CHECK(out.find("<text x=\"214\" y=\"") != std::string::npos);
}

TEST_CASE("render::html headings and tables") {
    Table t = frequency_table();
    t.section = "Drempels";
    Table question;
    question.id = "items";
    question.section = "Drempels";
    question.title = "Items";
    question.columns = {{"label", "Vraag", ColumnType::Text}, {"n", "n", ColumnType::Count}};
    question.add_row({text("Wat hield u tegen om (eerder) een loopbaanadviseur in te schakelen?"),
                      12.0});
    const std::string out =
        render::render_to_string({t, question}, options_for(render::Format::Html));
    SUBCASE("one part heading per report section, tables one level below") {
        CHECK(count_of(out, "<h2 class=\"part\" id=\"part-1\">Drempels</h2>") == 1);
        CHECK(out.find("<li><a href=\"#part-1\">Drempels</a><ol>") != std::string::npos);
        CHECK(out.find("<section class=\"result\" id=\"t-items\"") != std::string::npos);
        CHECK(out.find("<h3>Initiative</h3>") != std::string::npos);
        CHECK(out.find("<h3>Items</h3>") != std::string::npos);
        CHECK(out.find("h2{font-size:1.45rem;") != std::string::npos);
        CHECK(out.find("h3,.result>h2{font-size:1.1rem;") != std::string::npos);
    }
    SUBCASE("headers wrap, numbers do not; long text columns get room") {
        CHECK(out.find("td.num{white-space:nowrap}") != std::string::npos);
        CHECK(out.find("th.num{white-space") == std::string::npos);
        CHECK(out.find("<th scope=\"row\" class=\"long\">Wat hield u tegen") !=
              std::string::npos);
        CHECK(out.find("<th scope=\"row\">Own initiative</th>") != std::string::npos);
    }
}

TEST_CASE("render::html diverging chart columns") {
    Table likert;
    likert.id = "likert";
    likert.title = "Statements";
    likert.columns = {{"item", "Item", ColumnType::Text},  {"p1", "Oneens", ColumnType::Percent},
                      {"n1", "n", ColumnType::Count},      {"p2", "Neutraal", ColumnType::Percent},
                      {"n2", "n", ColumnType::Count},      {"p3", "Eens", ColumnType::Percent}};
    likert.add_row({text("Nuttig"), 20.0, 2.0, 30.0, 3.0, 50.0});
    likert.chart = Chart::Diverging;
    likert.chart_label_column = 0;
    likert.chart_value_column = 1;
    likert.chart_value_count = 3;
    const auto options = options_for(render::Format::Html);

    SUBCASE("stride 0: consecutive columns, as before") {
        const std::string out = render::render_to_string({likert}, options);
        CHECK(out.find(">n</text>") != std::string::npos); // columns 1, 2, 3
        CHECK(out.find(">Eens</text>") == std::string::npos);
    }
    SUBCASE("a stride skips the columns between the categories") {
        likert.chart_value_stride = 2;
        const std::string out = render::render_to_string({likert}, options);
        CHECK(out.find(">Oneens</text>") != std::string::npos);
        CHECK(out.find(">Neutraal</text>") != std::string::npos);
        CHECK(out.find(">Eens</text>") != std::string::npos);
        CHECK(out.find(">n</text>") == std::string::npos);
        // The same first segment as for consecutive columns 20/30/50.
        CHECK(out.find("<rect x=\"304.6\" y=\"37\" width=\"25.4\" height=\"18\" "
                       "fill=\"#d35f57\"/>") != std::string::npos);
    }
}
