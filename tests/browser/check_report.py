#!/usr/bin/env python3
"""Open a careerstat HTML report in headless Chromium and check it from inside the browser.

Usage: check_report.py REPORT.html --shots DIR [--chromium PATH] [--timeout S]

Talks the Chrome DevTools Protocol over a websocket with the standard library only:
Chromium is started with --remote-debugging-port=0, the port is read from the profile's
DevToolsActivePort file and /json/version is polled until it answers. One page is opened,
console, log, exception and network events are collected while the report loads from
file://, then the DOM the browser built is queried with Runtime.evaluate:

  * no console message or log entry of level error (or warning from console.*), no uncaught
    exception, no request other than the report file itself, no resource timing entries;
  * the title contains 2015; the key findings list is shown, has >= 3 items and mentions
    70% (the published figure) and 60%;
  * every section[data-table-id^="freq."] holds exactly one svg.chart, a rendered SVG
    element with a non-zero size; every describe.* section with a diverging chart holds one;
  * at a 390 px wide phone viewport the page does not scroll sideways and every table sits
    in a .table-wrap that scrolls (overflow-x auto or scroll).

Whatever the page might ask for never leaves the machine: host names do not resolve and
other requests go to a closed local port, so they fail fast and are reported.
Screenshots go to DIR: desktop.png (1200x2400 viewport) and phone.png (390x844), with
chromium.log and (while running) Chromium's throwaway profile.
Exit 0 when every check passes, 1 when one fails, 77 when Chromium cannot be found.
"""
import argparse
import base64
import os
import pathlib
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

from devtools import (DevTools, evaluate, pdf_destinations, screenshot, start_chromium,
                      wait_for_devtools)

SKIP = 77


PAGE_CHECKS = r"""
(() => {
  const visible = el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const charts = sec => [...sec.querySelectorAll('svg.chart')].map(svg => ({
    cls: svg.getAttribute('class'), svg: svg instanceof SVGSVGElement, shown: visible(svg),
    marks: svg.querySelectorAll('rect, path, line').length }));
  const sections = sel => [...document.querySelectorAll(sel)].map(sec => ({
    id: sec.dataset.tableId, charts: charts(sec) }));
  const kf = document.querySelector('section.key-findings');
  return {
    href: location.href,
    readyState: document.readyState,
    title: document.title,
    findings: kf ? [...kf.querySelectorAll('li')].map(li => li.textContent.trim()) : null,
    findingsShown: kf ? visible(kf) : false,
    freq: sections('section[data-table-id^="freq."]'),
    describe: sections('section[data-table-id^="describe."]'),
    allCharts: document.querySelectorAll('svg.chart').length,
    resources: performance.getEntriesByType('resource').map(e => e.name),
    // Links within the page (#...) and the page's own inline script are no references.
    externalRefs: [...document.querySelectorAll('[src],[href],link,script[src],iframe,object,embed')]
      .filter(e => !(e.tagName === 'A' && (e.getAttribute('href') || '').startsWith('#')))
      .map(e => e.tagName.toLowerCase() + ' ' + (e.getAttribute('src') || e.getAttribute('href') || '')),
    tocLinks: [...document.querySelectorAll('nav.toc a[href^="#"]')].map(a => a.getAttribute('href')),
    brokenToc: [...document.querySelectorAll('nav.toc a[href^="#"]')]
      .filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length,
    // What a reader sees: no command-line option or documentation path belongs there.
    visibleText: document.body.innerText,
    // Per chart: the text it holds itself (legend, n), and the population names its table shows.
    charts: [...document.querySelectorAll('section.result')].filter(sec => sec.querySelector('svg.chart')).map(sec => ({
      id: sec.dataset.tableId,
      svgText: [...sec.querySelectorAll('svg.chart text')].map(t => t.textContent).join(' | '),
      tableText: [...sec.querySelectorAll('.table-wrap:not(.panel) th')].map(t => t.textContent.trim()),
      whiskers: sec.querySelectorAll('svg.chart .whisker').length,
      buttons: sec.querySelectorAll('figure.figure .downloads:not([hidden]) button').length })),
  };
})()
"""

PHONE_WIDTH = 390
PHONE_CHECKS = r"""
(() => {
  const de = document.documentElement, vw = %d;
  const wide = [...document.body.querySelectorAll('*')].filter(el => {
      const r = el.getBoundingClientRect();
      return r.right > vw + 0.5 && !el.closest('.table-wrap'); })
    .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
      ? '.' + String(el.className).split(' ').join('.') : '') +
      ' right=' + Math.round(el.getBoundingClientRect().right));
  const unwrapped = [...document.querySelectorAll('table')].filter(t => {
      const w = t.closest('.table-wrap');
      return !w || !['auto', 'scroll'].includes(getComputedStyle(w).overflowX); }).length;
  // Chart text as drawn: the font size times the SVG's scale on screen.
  let minText = Infinity, minWhere = '';
  for (const t of document.querySelectorAll('svg.chart text')) {
    const m = t.getScreenCTM(); if (!m || !t.getComputedTextLength()) continue;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (px < minText) { minText = px; minWhere = t.closest('section').dataset.tableId + ': ' + t.textContent; }
  }
  // The scroll cue: shown for exactly the wrappers that scroll, with the edge shadow.
  const wraps = [...document.querySelectorAll('.table-wrap')].filter(w => w.getBoundingClientRect().width > 0);
  const scrolling = wraps.filter(w => w.scrollWidth > w.clientWidth + 1);
  const shown = h => h && h.classList.contains('scroll-hint') && !h.hidden && h.getBoundingClientRect().height > 0;
  const noCue = scrolling.filter(w => !shown(w.previousElementSibling)).map(w => w.closest('section').dataset.tableId);
  const falseCue = wraps.filter(w => !scrolling.includes(w) && shown(w.previousElementSibling)).length;
  const noShadow = scrolling.filter(w => !/radial-gradient/.test(getComputedStyle(w).backgroundImage)).length;
  // The pinned first column, scrolled to the far right: each row's name stays at the left
  // edge, as high as its row, with the same row line as the row's other cells.
  const misaligned = [];
  let pinnedRows = 0;
  for (const w of scrolling) {
    w.scrollLeft = w.scrollWidth;
    const left = w.getBoundingClientRect().left;
    for (const tr of w.querySelectorAll('tbody tr')) {
      const th = tr.querySelector('th[scope=row]'), td = tr.querySelector('td:last-child');
      if (!th || !td) continue;
      pinnedRows++;
      const a = th.getBoundingClientRect(), b = td.getBoundingClientRect();
      const sa = getComputedStyle(th), sb = getComputedStyle(td);
      if (Math.abs(a.left - left) > 1 || Math.abs(a.top - b.top) > 0.5 || Math.abs(a.bottom - b.bottom) > 0.5 ||
          sa.borderBottomWidth !== sb.borderBottomWidth || sa.borderBottomColor !== sb.borderBottomColor ||
          getComputedStyle(th.closest('table')).borderCollapse !== 'separate')
        misaligned.push(w.closest('section').dataset.tableId + ' ' + th.textContent.slice(0, 30));
    }
    w.scrollLeft = 0;
  }
  return { innerWidth: window.innerWidth, scrollWidth: de.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
           tooWide: wide, tables: document.querySelectorAll('table').length, unwrapped,
           minText, minWhere, scrolling: scrolling.length, noCue, falseCue, noShadow,
           pinnedRows, misaligned: misaligned.slice(0, 5), misalignedCount: misaligned.length };
})()
""" % PHONE_WIDTH


# A4 at 96 px per inch less the report's 12 mm margins (its @page rule), as Chromium lays out
# a printed page.
PAGE_CONTENT_WIDTH = (210 - 2 * 12) / 25.4 * 96
PRINT_CHECKS = r"""
(() => {
  const limit = %f;
  const tables = [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().width > 0);
  const wide = tables.filter(t => t.getBoundingClientRect().right > limit + 0.5 ||
                                  t.closest('.table-wrap').scrollWidth > t.closest('.table-wrap').clientWidth + 1);
  const widest = Math.max(...tables.map(t => t.getBoundingClientRect().right));
  return { tables: tables.length, wide: wide.map(t => t.closest('section').dataset.tableId), widest,
           panels: document.querySelectorAll('.print-panels table').length,
           docWidth: document.documentElement.scrollWidth };
})()
""" % PAGE_CONTENT_WIDTH

# Before printing: every heading and the element after it get a link target, so the PDF holds
# a named destination (page and height) for each; a heading whose next element starts on a
# later page ends its page.
MARK_HEADINGS = r"""
(() => {
  const box = document.createElement('div');
  box.hidden = true;
  const pairs = [];
  [...document.querySelectorAll('h1, h2, h3')].forEach((h, i) => {
    // The next element that is laid out on paper (the print style is on while this runs).
    const after = el => { let n = el.nextElementSibling; while (n && !n.getClientRects().length) n = n.nextElementSibling; return n; };
    let next = after(h);
    for (let up = h; !next && up.parentElement; up = up.parentElement) next = after(up.parentElement);
    if (!next) return;
    h.id = h.id || 'cs-h' + i;
    next.id = next.id || 'cs-n' + i;
    for (const id of [h.id, next.id]) { const a = document.createElement('a'); a.href = '#' + id; box.appendChild(a); }
    pairs.push([h.id, next.id, h.textContent.slice(0, 60)]);
  });
  document.body.appendChild(box);
  return pairs;
})()
"""


def run(report, shots, binary, timeout, study):
    failures, passed = [], []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        passed.append(ok)
        if not ok:
            failures.append(what)

    deadline = time.monotonic() + timeout
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=shots)  # the wrapper removes shots
    log_path = pathlib.Path(shots, "chromium.log")
    proc = None
    dt = None
    closing = False
    try:
        with open(log_path, "wb") as log:
            proc = start_chromium(binary, profile, log)
        ws_url = wait_for_devtools(proc, profile, deadline)
        dt = DevTools(ws_url, deadline)
        target = dt.call("Target.createTarget", url="about:blank")["targetId"]
        s = dt.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            dt.call(f"{domain}.enable", s)
        dt.call("Emulation.setDeviceMetricsOverride", s, width=1200, height=2400,
                deviceScaleFactor=1, mobile=False)
        url = report.resolve().as_uri()
        dt.events.clear()
        nav = dt.call("Page.navigate", s, url=url)
        check("errorText" not in nav, f"page loads ({nav.get('errorText', url)})")
        # The load event of this document, not of the about:blank before it.
        dt.wait_for("Page.loadEventFired", after=lambda m, p: m == "Page.frameNavigated"
                    and "parentId" not in p["frame"] and p["frame"]["url"] == url)
        page = evaluate(dt, s, PAGE_CHECKS)
        screenshot(dt, s, pathlib.Path(shots, "desktop.png"))

        dt.call("Emulation.setDeviceMetricsOverride", s, width=PHONE_WIDTH, height=844,
                deviceScaleFactor=1, mobile=True)
        phone = evaluate(dt, s, PHONE_CHECKS)
        screenshot(dt, s, pathlib.Path(shots, "phone.png"))
        # Anything logged late (a lazily failing resource, say) arrives before this reply.
        evaluate(dt, s, "0")
        loaded_events = len(dt.events)  # the network checks look at the page's own loading

        # Paper: the print style at the width of an A4 page's text, then a real PDF.
        dt.call("Emulation.setDeviceMetricsOverride", s, width=round(PAGE_CONTENT_WIDTH), height=1100,
                deviceScaleFactor=1, mobile=False)
        dt.call("Emulation.setEmulatedMedia", s, media="print")
        printed = evaluate(dt, s, PRINT_CHECKS)
        dt.call("Emulation.setEmulatedMedia", s, media="")
        dt.call("Emulation.clearDeviceMetricsOverride", s)
        dt.call("Emulation.setEmulatedMedia", s, media="print")
        pairs = evaluate(dt, s, MARK_HEADINGS)
        dt.call("Emulation.setEmulatedMedia", s, media="")
        pdf = base64.b64decode(dt.call("Page.printToPDF", s, preferCSSPageSize=True, printBackground=True,
                                       displayHeaderFooter=False)["data"])
        pathlib.Path(shots, "report.pdf").write_bytes(pdf)
        dests, page_count, boxes = pdf_destinations(pdf)

        # Saving a chart: the first figure's two buttons, into a download folder.
        downloads = pathlib.Path(shots, "downloads")
        downloads.mkdir(exist_ok=True)
        dt.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads),
                eventsEnabled=True)
        saved_name = evaluate(dt, s, "document.querySelector('figure.figure').dataset.name")
        for kind in ("svg", "png"):
            evaluate(dt, s, f"document.querySelector('figure.figure [data-download={kind}]').click(), 0")
            saved = downloads / f"{saved_name}.{kind}"
            wait_until = time.monotonic() + 10
            while not saved.exists() and time.monotonic() < wait_until:
                time.sleep(0.1)
                evaluate(dt, s, "0")  # keeps reading the browser's events meanwhile

        # --- console, errors and network ---
        problems, requests, urls = [], [], {}
        for method, p in dt.events[:loaded_events]:
            if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                problems.append(f"console.{p['type']}: {text}")
            elif method == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                problems.append("exception: " + d.get("exception", {}).get("description", d.get("text", "")))
            elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
                e = p["entry"]
                problems.append(f"{e.get('source')} error: {e.get('text')} {e.get('url', '')}".strip())
            elif method == "Network.requestWillBeSent":
                requests.append(p["request"]["url"])
                urls[p["requestId"]] = p["request"]["url"]
            elif method == "Network.loadingFailed":
                problems.append(f"load failed: {p.get('errorText')} {urls.get(p.get('requestId'), '')}")
        for line in problems:
            print("     " + line)
        check(not problems, f"no console errors, exceptions or failed loads ({len(problems)} found)")
        other = [u for u in requests if u != url]
        for u in other:
            print("     request: " + u)
        check(other == [] and url in requests, f"the only request is the report itself ({len(requests)} requests)")
        check(page["resources"] == [], f"no resource loads ({page['resources'][:3]})")
        check(page["externalRefs"] == [], f"no src/href/script/link references ({page['externalRefs'][:3]})")

        # --- content ---
        check(page["href"] == url and page["readyState"] == "complete",
              f"the report is the loaded document ({page['href']}, {page['readyState']})")
        check("2015" in page["title"], f"title mentions 2015 ({page['title']!r})")
        kf = page["findings"]
        check(kf is not None and page["findingsShown"], "key findings section is shown")
        kf = kf or []
        check(len(kf) >= 3, f"at least 3 key findings ({len(kf)})")
        for figure in ("70%", "60%"):
            check(any(figure in f for f in kf), f"a key finding says {figure}")
        check(len(page["freq"]) > 0, f"frequency tables present ({len(page['freq'])})")
        for sec in page["freq"]:
            good = [c for c in sec["charts"] if c["svg"] and c["shown"] and c["marks"] > 0]
            check(len(sec["charts"]) == 1 and len(good) == 1,
                  f"{sec['id']}: exactly one rendered svg.chart ({len(sec['charts'])}, {len(good)} rendered)")
        diverging = [sec for sec in page["describe"]
                     if any("chart-diverging" in c["cls"].split() for c in sec["charts"])]
        check(len(diverging) > 0, f"Likert batteries with a diverging chart ({len(diverging)})")
        for sec in diverging:
            good = [c for c in sec["charts"] if c["svg"] and c["shown"] and c["marks"] > 0]
            check(len(sec["charts"]) == 1 and len(good) == 1,
                  f"{sec['id']}: exactly one rendered diverging chart ({len(sec['charts'])})")
        bare = [sec["id"] for sec in page["describe"] if sec not in diverging]
        if bare:
            print("     note: describe sections without a chart: " + ", ".join(bare))

        # --- phone ---
        # A page wider than the screen also widens a mobile layout viewport, so both count.
        check(phone["innerWidth"] == PHONE_WIDTH and phone["scrollWidth"] <= PHONE_WIDTH,
              f"no sideways scrolling at {PHONE_WIDTH} px (innerWidth {phone['innerWidth']}, "
              f"scrollWidth {phone['scrollWidth']}; too wide: {phone['tooWide']})")
        check(phone["unwrapped"] == 0,
              f"every table in a scrolling .table-wrap ({phone['unwrapped']} of {phone['tables']} not)")
        # --- contents, words for the reader ---
        check(len(page["tocLinks"]) > 10 and page["brokenToc"] == 0,
              f"a table of contents links every part and table ({len(page['tocLinks'])} links, "
              f"{page['brokenToc']} without a target)")
        import re
        options_seen = sorted(set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", page["visibleText"])))
        docs_seen = sorted(set(re.findall(r"docs/[\w./-]+\.md", page["visibleText"])))
        check(not options_seen and not docs_seen,
              f"the report's text names no command-line option or docs path ({options_seen + docs_seen})")

        # --- charts ---
        populations = [p["label"] for p in study.get("population", [])]
        no_n = [c["id"] for c in page["charts"] if not re.search(r"\bn = \d", c["svgText"])]
        check(not no_n, f"every chart states its n ({len(page['charts'])} charts; without: {no_n})")
        two = [c for c in page["charts"]
               if sum(any(pop == t or t.startswith(pop + " (") for t in c["tableText"]) for pop in populations) >= 2
               or sum(1 for t in c["tableText"] if t in populations) >= 2]
        unnamed = [c["id"] for c in two if not all(pop in c["svgText"] for pop in populations
                                                   if any(pop == t or t.startswith(pop + " (") for t in c["tableText"]))]
        check(len(two) >= 3 and not unnamed,
              f"every chart of two populations names each in the chart ({len(two)} such charts: "
              f"{[c['id'] for c in two]}; unnamed: {unnamed})")
        for want in ("freq.grade", "describe.nps.recommend"):
            check(any(c["id"] == want for c in page["charts"]), f"a chart for {want}")
        whiskered = [c["id"] for c in page["charts"] if c["whiskers"] > 0]
        check(any(i.startswith("freq.") for i in whiskered) and any(i.startswith("by.") for i in whiskered),
              f"interval whiskers on frequency and banner charts ({len(whiskered)} charts with whiskers)")
        no_buttons = [c["id"] for c in page["charts"] if c["buttons"] != 2]
        check(not no_buttons, f"every chart offers SVG and PNG ({len(page['charts'])} charts; without: {no_buttons})")
        svg_file, png_file = downloads / f"{saved_name}.svg", downloads / f"{saved_name}.png"
        svg_ok = False
        if svg_file.exists():
            import xml.etree.ElementTree as ET
            root = ET.fromstring(svg_file.read_bytes())
            texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
            svg_ok = root.tag == "{http://www.w3.org/2000/svg}svg" and "n = " in texts
        check(svg_ok, f"the SVG button saves {svg_file.name}, a standalone SVG with its n")
        png = png_file.read_bytes() if png_file.exists() else b""
        png_ok = png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack("!I", png[16:20])[0] == 1000
        check(png_ok, f"the PNG button saves {png_file.name}, a PNG 1000 px wide "
              f"({struct.unpack('!I', png[16:20])[0] if len(png) > 20 else 0} px, {len(png)} bytes)")

        # --- phone: cue, pinned column, chart text ---
        check(phone["scrolling"] > 0 and not phone["noCue"] and phone["falseCue"] == 0 and phone["noShadow"] == 0,
              f"at {PHONE_WIDTH} px each of the {phone['scrolling']} tables that scroll sideways shows the cue "
              f"(without: {phone['noCue']}; cue on a table that fits: {phone['falseCue']}; no edge shadow: {phone['noShadow']})")
        check(phone["pinnedRows"] > 0 and phone["misalignedCount"] == 0,
              f"scrolled to the right, the pinned first column stays at the left with its row lines "
              f"({phone['pinnedRows']} rows; misaligned: {phone['misaligned']})")
        check(phone["minText"] >= 12,
              f"chart text is at least 12 px at {PHONE_WIDTH} px (smallest {phone['minText']:.2f} px: {phone['minWhere']})")

        # --- paper ---
        a4 = all(abs(float(b.split()[2]) - 595.92) < 1.5 and abs(float(b.split()[3]) - 842.88) < 1.5 for b in boxes)
        check(page_count > 1 and a4, f"prints on A4 ({page_count} pages; page sizes {sorted(set(b.decode() for b in boxes))})")
        check(printed["tables"] > 0 and not printed["wide"],
              f"in print at an A4 text width of {PAGE_CONTENT_WIDTH:.0f} px no table is wider "
              f"({printed['tables']} tables shown, {printed['panels']} of them column panels; widest ends at "
              f"{printed['widest']:.0f} px; too wide: {printed['wide']})")
        stranded, placed = [], 0
        for h, n, text in pairs:
            if h in dests and n in dests:
                placed += 1
                if dests[n][0] > dests[h][0]:
                    stranded.append(f"{text!r} (page {dests[h][0]})")
        check(placed >= len(pairs) * 0.9 and not stranded,
              f"no heading ends a page in the PDF ({placed} of {len(pairs)} headings placed; "
              f"ending a page: {stranded[:5]})")
        try:
            dt.call("Browser.close")
            closing = True
        except (OSError, ConnectionError, RuntimeError):
            pass
    finally:
        if dt:
            dt.ws.close()
        if proc:
            if closing:  # let Chromium shut down and reap its helpers, briefly
                try:
                    proc.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    pass
            try:  # also the renderers and helpers left in Chromium's own process group
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"checks: {sum(passed)} passed, {len(failures)} failed")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("report", type=pathlib.Path)
    ap.add_argument("--shots", type=pathlib.Path, required=True, help="directory for screenshots")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"))
    ap.add_argument("--study", type=pathlib.Path, help="the study file, for its population labels")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds for the whole check")
    a = ap.parse_args()
    binary = shutil.which(a.chromium)
    if not binary:
        print(f"skip: {a.chromium} not found (apt-get install chromium)")
        return SKIP
    if not a.report.is_file():
        print(f"FAIL no report at {a.report}")
        return 1
    a.shots.mkdir(parents=True, exist_ok=True)
    # SIGTERM/SIGINT become exceptions so the finally block still stops Chromium.
    def stop(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, stop)
    t0 = time.monotonic()
    try:
        import tomllib
        study = tomllib.loads(a.study.read_text()) if a.study else {}
        failures = run(a.report, a.shots, binary, a.timeout, study)
    except (OSError, ConnectionError, RuntimeError, TimeoutError, KeyboardInterrupt) as e:
        print(f"FAIL browser session: {type(e).__name__}: {e}")
        log = pathlib.Path(a.shots, "chromium.log")
        if log.exists():
            print("--- chromium log (tail) ---")
            lines = [l for l in log.read_text(errors="replace").splitlines() if "dbus" not in l]
            print("\n".join(lines[-20:]))
        return 1
    print(f"browser check took {time.monotonic() - t0:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
