#!/usr/bin/env python3
"""The Chrome DevTools Protocol with the standard library only, for check_report.py.

A minimal websocket client (WebSocket), a DevTools session over it (DevTools: call, events),
starting a headless Chromium with a throwaway profile (start_chromium, wait_for_devtools),
Runtime.evaluate and screenshots (evaluate, screenshot), and the named destinations of a
Chromium (Skia) PDF (pdf_destinations), which tell on which page a heading landed.
"""

import base64
import hashlib
import json
import os
import pathlib
import signal
import socket
import struct
import subprocess
import time
import urllib.request

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


def pdf_destinations(pdf):
    """{name: (page number from 1, y from the page's bottom)} of a Chromium (Skia) PDF."""
    import re
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(?s)(\d+) 0 obj\s*(.*?)endobj", pdf)}
    pages = []

    def walk(num):  # the page tree in order: Skia nests it once there are many pages
        kids = re.search(rb"/Kids \[([^\]]*)\]", objects.get(num, b""))
        if kids:
            for kid in re.findall(rb"(\d+) 0 R", kids.group(1)):
                walk(int(kid))
        else:
            pages.append(num)
    root = re.search(rb"/Type /Catalog.*?/Pages (\d+) 0 R", pdf, re.S) or re.search(rb"/Pages (\d+) 0 R", pdf)
    if root:
        walk(int(root.group(1)))
    dests = {}
    for m in re.finditer(rb"/([^\s/\[<>()]+) \[(\d+) 0 R /XYZ [\d.]+ ([\d.]+) [\d.]+\]", pdf):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), m.group(1)).decode()
        if int(m.group(2)) in pages:
            dests[name] = (pages.index(int(m.group(2))) + 1, float(m.group(3)))
    return dests, len(pages), re.findall(rb"/MediaBox \[([\d. ]+)\]", pdf)


def evaluate(dt, session, expr):
    res = dt.call("Runtime.evaluate", session, expression=expr, returnByValue=True)
    if "exceptionDetails" in res:
        raise RuntimeError(f"page script failed: {res['exceptionDetails']}")
    return res["result"]["value"]


def screenshot(dt, session, path):
    png = dt.call("Page.captureScreenshot", session, format="png")["data"]
    path.write_bytes(base64.b64decode(png))
