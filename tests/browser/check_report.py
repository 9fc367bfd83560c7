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
import hashlib
import json
import os
import pathlib
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77


class WebSocket:
    """A minimal RFC 6455 client: text frames out (masked), text/binary frames in."""

    def __init__(self, url, timeout):
        assert url.startswith("ws://"), url
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.rpartition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("websocket handshake: connection closed")
            head += chunk
        head, _, self.buf = head.partition(b"\r\n\r\n")
        status = head.split(b"\r\n", 1)[0]
        if b" 101 " not in status + b" ":
            raise ConnectionError(f"websocket handshake refused: {status.decode(errors='replace')}")
        want = base64.b64encode(hashlib.sha1(
            (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
        if want not in head:
            raise ConnectionError("websocket handshake: bad Sec-WebSocket-Accept")

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buf)))
            if not chunk:
                raise ConnectionError("websocket closed by Chromium")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _send_frame(self, opcode, payload):
        head = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def recv(self):
        """The next whole text message (fragments joined; pings answered)."""
        parts = []
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            data = self._read(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if opcode == 0x8:
                raise ConnectionError("websocket closed by Chromium")
            if opcode == 0x9:
                self._send_frame(0xA, data)
                continue
            if opcode == 0xA:
                continue
            parts.append(data)
            if b0 & 0x80:
                return b"".join(parts).decode()

    def close(self):
        try:
            self._send_frame(0x8, b"")
        except OSError:
            pass
        self.sock.close()


class DevTools:
    """One browser-level connection; page commands go to a flattened session."""

    def __init__(self, ws_url, deadline):
        self.deadline = deadline
        self.ws = WebSocket(ws_url, timeout=max(1.0, deadline - time.monotonic()))
        self.next_id = 0
        self.events = []  # (method, params) for every event seen, in order

    def call(self, method, session=None, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            self._check_deadline(method)
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append((reply["method"], reply.get("params", {})))

    def wait_for(self, method, after=None):
        """The first event `method` seen (or still to come), after the first event for
        which `after(method, params)` holds when that is given."""
        i = 0
        armed = after is None
        while True:
            while i < len(self.events):
                seen, params = self.events[i]
                i += 1
                if armed and seen == method:
                    return params
                armed = armed or after(seen, params)
            self._check_deadline(method)
            reply = json.loads(self.ws.recv())
            if "method" in reply:
                self.events.append((reply["method"], reply.get("params", {})))

    def _check_deadline(self, what):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"timed out waiting for {what}")
        self.ws.sock.settimeout(left)


def start_chromium(binary, profile, log):
    # Its temporary files (org.chromium.* singleton sockets) go beside the profile too, so a
    # killed run leaves nothing behind in /tmp once the wrapper removes its directory.
    env = dict(os.environ, TMPDIR=str(pathlib.Path(profile).parent))
    args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--disable-default-apps",
            "--mute-audio", "--remote-debugging-address=127.0.0.1",
            # Nothing the page asks for may leave the machine: names do not resolve and
            # everything else goes to a closed local port (and is reported as failed).
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
            "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"]

    def die_with_parent():  # so a SIGKILLed test (ctest timeout) does not leave Chromium behind
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except Exception:
            pass
    return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env,
                            start_new_session=True, preexec_fn=die_with_parent)


def wait_for_devtools(proc, profile, deadline):
    """Poll DevToolsActivePort, then /json/version; return the browser websocket URL."""
    port_file = pathlib.Path(profile, "DevToolsActivePort")
    delay = 0.02
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"Chromium exited with status {proc.returncode} before DevTools came up")
        if time.monotonic() > deadline:
            raise TimeoutError("DevTools port did not come up")
        try:
            port = int(port_file.read_text().split()[0])
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=2) as r:
                return json.load(r)["webSocketDebuggerUrl"]
        except (OSError, ValueError, IndexError, KeyError):
            time.sleep(delay)
            delay = min(delay * 1.5, 0.25)


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
    externalRefs: [...document.querySelectorAll('[src],[href],link,script,iframe,object,embed')]
      .map(e => e.tagName.toLowerCase() + ' ' + (e.getAttribute('src') || e.getAttribute('href') || '')),
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
  return { innerWidth: window.innerWidth, scrollWidth: de.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
           tooWide: wide, tables: document.querySelectorAll('table').length, unwrapped };
})()
""" % PHONE_WIDTH


def evaluate(dt, session, expr):
    res = dt.call("Runtime.evaluate", session, expression=expr, returnByValue=True)
    if "exceptionDetails" in res:
        raise RuntimeError(f"page script failed: {res['exceptionDetails']}")
    return res["result"]["value"]


def screenshot(dt, session, path):
    png = dt.call("Page.captureScreenshot", session, format="png")["data"]
    path.write_bytes(base64.b64decode(png))


def run(report, shots, binary, timeout):
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

        # --- console, errors and network ---
        problems, requests, urls = [], [], {}
        for method, p in dt.events:
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
        failures = run(a.report, a.shots, binary, a.timeout)
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
