// The HTML renderer: one self-contained HTML5 page (inline CSS, SVG and one small script,
// no external resources) that reads well on a phone and prints cleanly on A4: a table of
// contents, tables that scroll sideways with a cue on screen and come in column panels on
// paper (html_table.cpp), charts that can be saved as SVG or PNG.
#include "careerstat/render/detail.hpp"
#include "careerstat/render/format.hpp"
#include "careerstat/render/utf8.hpp"

#include <algorithm>
#include <sstream>

namespace careerstat::render::detail {

namespace {

// System fonts only: the page must work offline and load nothing.
constexpr std::string_view k_style = R"css(
body{margin:0;padding:1rem;line-height:1.45;color:#1a1a1a;background:#fff;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:72rem;margin:0 auto}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.45rem;line-height:1.25;margin:2.75rem 0 .75rem;padding-bottom:.3rem;
border-bottom:2px solid #2166ac}
h3,.result>h2{font-size:1.1rem;line-height:1.3;margin:1.75rem 0 .25rem;padding:0;border:0}
.subtitle{margin:0 0 .75rem;color:#555}
.toc h2{margin-top:1.5rem}
.toc ol{margin:.25rem 0;padding-left:1.4rem}
.toc ol ol{font-size:.92rem;color:#444}
.toc a{color:#1a5fb4}
.table-wrap{overflow-x:auto;margin:.5rem 0;
background:linear-gradient(to right,#fff 30%,#fff0) left/2.5rem 100% no-repeat local,
linear-gradient(to left,#fff 30%,#fff0) right/2.5rem 100% no-repeat local,
radial-gradient(farthest-side at 0 50%,#0003,#0000) left/.9rem 100% no-repeat scroll,
radial-gradient(farthest-side at 100% 50%,#0003,#0000) right/.9rem 100% no-repeat scroll}
.scroll-hint{margin:.5rem 0 -.25rem;font-size:.85rem;color:#1a5fb4}
.print-panels{display:none}
table{border-collapse:separate;border-spacing:0;font-variant-numeric:tabular-nums;font-size:.95rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #888;vertical-align:bottom;font-size:.9rem;line-height:1.25}
th[scope=row]{font-weight:normal}
.long{min-width:13rem;max-width:28rem}
.num{text-align:right;padding-left:.35rem;padding-right:.35rem}
td.num{white-space:nowrap}
.sig{font-weight:600;color:#1a5fb4;font-size:.8em}
th[scope=colgroup]{text-align:center}
tr.missing{color:#666;font-style:italic}
tr:has(+tr.total)>*{border-bottom-color:transparent}
tr.total th,tr.total td{font-weight:600;border-top:2px solid #888}
.footnotes{margin:.25rem 0;padding-left:1.2rem;font-size:.9rem;color:#555}
.figure{margin:.5rem 0}
.chart{display:block;width:100%;max-width:31.25rem;height:auto}
.downloads{margin:.2rem 0 0;font-size:.85rem;color:#555}
.downloads button{font:inherit;margin-left:.35rem;padding:.1rem .5rem;border:1px solid #aaa;
border-radius:3px;background:#f6f6f6;color:#1a1a1a;cursor:pointer}
@media (max-width:40rem){
h1{font-size:1.5rem}
h2{font-size:1.3rem}
.long{min-width:9rem}
th[scope=row],table:has(th[scope=row]) thead tr:last-child th:first-child{position:sticky;left:0;
z-index:1;background:#fff;box-shadow:inset -1px 0 #e3e3e3}
}
@page{size:A4;margin:12mm}
@media print{
body{padding:0;font-size:10pt}
main{max-width:none}
h1,h2,h3,.subtitle,.scroll-hint{break-after:avoid}
.table-wrap{overflow:visible;background:none}
.screen-only,.scroll-hint,.downloads{display:none}
.print-panels{display:block}
table{font-size:8.5pt}
thead th{font-size:8pt}
.long{min-width:8rem;max-width:14rem}
thead{display:table-header-group}
tr,.figure{break-inside:avoid}
th{position:static}
section{break-inside:avoid}
.chart{max-width:11cm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

// The page's one script: the scroll cue where a table is wider than the screen, and each
// chart saved as SVG, or drawn on a canvas from a data URL of that SVG and saved as PNG.
// Nothing is fetched: the file comes from a blob URL through an <a download>.
constexpr std::string_view k_script = R"js(
(function () {
  function cue() {
    document.querySelectorAll('.scroll-hint').forEach(function (hint) {
      var wrap = hint.nextElementSibling;
      hint.hidden = !(wrap && wrap.scrollWidth > wrap.clientWidth + 1);
    });
  }
  addEventListener('load', cue);
  addEventListener('resize', cue);
  cue();
  function save(name, blob) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
  }
  document.querySelectorAll('figure.figure').forEach(function (figure) {
    var svg = figure.querySelector('svg'), bar = figure.querySelector('.downloads');
    if (!svg || !bar) return;
    bar.hidden = false;
    bar.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) return;
      var box = svg.viewBox.baseVal, copy = svg.cloneNode(true);
      copy.setAttribute('width', box.width);
      copy.setAttribute('height', box.height);
      var text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
      var name = figure.dataset.name;
      if (button.dataset.download === 'svg') {
        save(name + '.svg', new Blob([text], {type: 'image/svg+xml'}));
        return;
      }
      var image = new Image(), scale = 2;
      image.onload = function () {
        var canvas = document.createElement('canvas');
        canvas.width = box.width * scale;
        canvas.height = box.height * scale;
        var g = canvas.getContext('2d');
        g.fillStyle = '#fff';
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (png) { save(name + '.png', png); }, 'image/png');
      };
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
    });
  });
})();
)js";


// The chart inside a figure with its two download buttons (shown by the script).
void write_figure(const table::Table& table, std::ostream& out, const RenderOptions& options) {
    std::ostringstream chart;
    write_chart(table, chart, options);
    if (chart.str().empty()) {
        return;
    }
    out << "<figure class=\"figure\" data-name=\"" << html_escape(table.id) << "\">\n"
        << chart.str() << "<p class=\"downloads\" hidden>"
        << html_escape(tr(options.lang, "Save the chart as")) << ":"
        << "<button type=\"button\" data-download=\"svg\">SVG</button>"
        << "<button type=\"button\" data-download=\"png\">PNG</button></p>\n</figure>\n";
}

void write_section(const table::Table& table, const std::string& id, std::ostream& out,
                   const RenderOptions& options) {
    out << "<section class=\"result\" id=\"" << html_escape(id) << "\" data-table-id=\""
        << html_escape(table.id) << "\">\n";
    if (!table.title.empty()) {
        // Inside a report section the table is one level below the section's heading.
        const char* h = table.section.empty() ? "h2" : "h3";
        out << "<" << h << ">" << html_escape(table.title) << "</" << h << ">\n";
    }
    if (!table.subtitle.empty()) {
        out << "<p class=\"subtitle\">" << html_escape(table.subtitle) << "</p>\n";
    }
    write_figure(table, out, options);
    if (!table.columns.empty()) {
        write_html_table(table, out, options);
    }
    if (!table.footnotes.empty()) {
        out << "<ul class=\"footnotes\">\n";
        for (const std::string& footnote : table.footnotes) {
            out << "<li>" << html_escape(footnote) << "</li>\n";
        }
        out << "</ul>\n";
    }
    out << "</section>\n";
}

// An id for each table's section ("t-" and its table id, which a run keeps unique; a
// number after it should two still meet).
std::vector<std::string> section_ids(const Tables& tables) {
    std::vector<std::string> ids;
    for (const table::Table& t : tables) {
        std::string id = "t-" + t.id;
        for (char& c : id) {
            c = c == ' ' ? '-' : c;
        }
        const std::string base = id;
        for (int k = 2; std::find(ids.begin(), ids.end(), id) != ids.end(); ++k) {
            id = base + "-" + std::to_string(k);
        }
        ids.push_back(id);
    }
    return ids;
}

// The contents: the key findings, each report part with its tables, or the tables alone.
void write_contents(const Tables& tables, const std::vector<std::string>& ids,
                    std::ostream& out, const RenderOptions& options) {
    out << "<nav class=\"toc\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">"
        << html_escape(tr(options.lang, "Contents")) << "</h2>\n<ol>\n";
    if (!options.key_findings.empty()) {
        out << "<li><a href=\"#key-findings\">"
            << html_escape(phrase(options.lang, Phrase::KeyFindings)) << "</a></li>\n";
    }
    const std::string* section = nullptr;
    std::size_t part = 0;
    bool open = false;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const table::Table& t = tables[i];
        if (!t.section.empty() && (section == nullptr || *section != t.section)) {
            out << (open ? "</ol></li>\n" : "") << "<li><a href=\"#part-" << ++part << "\">"
                << html_escape(t.section) << "</a><ol>\n";
            open = true;
        } else if (t.section.empty() && open) {
            out << "</ol></li>\n";
            open = false;
        }
        section = &t.section;
        out << "<li><a href=\"#" << html_escape(ids[i]) << "\">"
            << html_escape(t.title.empty() ? t.id : t.title) << "</a></li>\n";
    }
    out << (open ? "</ol></li>\n" : "") << "</ol>\n</nav>\n";
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : utf8::repair(text)) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void render_html(const Tables& tables, std::ostream& out, const RenderOptions& options) {
    const std::string title = options.document_title.empty()
                                  ? std::string(phrase(options.lang, Phrase::Report))
                                  : options.document_title;
    out << "<!DOCTYPE html>\n"
        << "<html lang=\"" << (options.lang == Lang::Nl ? "nl" : "en") << "\">\n"
        << "<head>\n"
        << "<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << html_escape(title) << "</title>\n"
        << "<style>" << k_style << "</style>\n"
        << "</head>\n"
        << "<body>\n"
        << "<main>\n";
    if (!options.document_title.empty()) {
        out << "<h1>" << html_escape(options.document_title) << "</h1>\n";
    }
    const std::vector<std::string> ids = section_ids(tables);
    if (tables.size() > 1) {
        write_contents(tables, ids, out, options);
    }
    if (!options.key_findings.empty()) {
        out << "<section class=\"key-findings\" id=\"key-findings\">\n<h2>"
            << html_escape(phrase(options.lang, Phrase::KeyFindings)) << "</h2>\n<ul>\n";
        for (const std::string& finding : options.key_findings) {
            out << "<li>" << html_escape(finding) << "</li>\n";
        }
        out << "</ul>\n</section>\n";
    }
    const std::string* section = nullptr;
    std::size_t part = 0;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const table::Table& table = tables[i];
        if (!table.section.empty() && (section == nullptr || *section != table.section)) {
            out << "<h2 class=\"part\" id=\"part-" << ++part << "\">"
                << html_escape(table.section) << "</h2>\n";
        }
        section = &table.section;
        write_section(table, ids[i], out, options);
    }
    out << "</main>\n<script>" << k_script << "</script>\n</body>\n</html>\n";
}

} // namespace careerstat::render::detail
