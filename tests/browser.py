"""A headless Chromium driven over the DevTools protocol, for the report's browser tests.

No dependency: Chromium's ``--remote-debugging-pipe`` reads commands on file
descriptor 3 and writes answers and events on 4, each a JSON message ended by
a NUL byte. The page's console messages, uncaught exceptions, log entries and
every request it makes are kept in ``events``.

Without Chromium the tests skip, unless ``DIPCLI_BROWSER_TESTS=require``
(set by ``.ci/run``), when they fail.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--remote-debugging-pipe"]
TIMEOUT = 30.0


def chromium() -> str:
    """The browser's path; skips the test (fails it under ``DIPCLI_BROWSER_TESTS=require``)
    when there is none."""
    path = os.environ.get("DIPCLI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("DIPCLI_BROWSER_TESTS") == "require":
        pytest.fail("DIPCLI_BROWSER_TESTS=require but no chromium on PATH (apt-get install chromium)")
    pytest.skip("no chromium on PATH: the report's browser tests need it (apt-get install chromium)")


class Browser:
    """One headless browser with one page; use as a context manager."""

    def __init__(self, width: int = 1280, height: int = 900):
        self._home = tempfile.mkdtemp(prefix="dipcli-chromium-")
        cmd_r, self._cmd_w = os.pipe()
        self._res_r, res_w = os.pipe()

        def child_fds():  # the protocol's fixed descriptors, 3 in and 4 out
            a, b = os.dup(cmd_r), os.dup(res_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._proc = subprocess.Popen([chromium(), *FLAGS, f"--user-data-dir={self._home}",
                                       f"--window-size={width},{height}", "about:blank"],
                                      preexec_fn=child_fds, close_fds=False, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(res_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Network", "Page", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                          "deviceScaleFactor": 1, "mobile": False})

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._send("Browser.close", {}, None)
            self._proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()
        for fd in (self._cmd_w, self._res_r):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._home, ignore_errors=True)

    # -- protocol -------------------------------------------------------------------------------

    def _send(self, method: str, params: dict, session: str | None) -> int:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        return self._id

    def _next(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._res_r], [], [], left)[0]:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._res_r, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the protocol pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def _call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        wanted = self._send(method, params or {}, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            msg = self._next(deadline)
            if msg.get("id") == wanted:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def call(self, method: str, params: dict | None = None) -> dict:
        """A command to the page's session; its result."""
        return self._call(method, params, self._session)

    # -- what the tests use -----------------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Load a file and wait for its load event (scripts have run by then)."""
        self.events.clear()
        self.call("Page.navigate", {"url": path.resolve().as_uri()})
        deadline = time.monotonic() + TIMEOUT
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._next(deadline))

    def eval(self, expression: str):
        """The value of a JavaScript expression in the page (thrown errors raise)."""
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in res:
            raise RuntimeError(f"{expression}: {res['exceptionDetails']}")
        return res["result"].get("value")

    def _middle(self, selector: str) -> list[float]:
        return self.eval(f"(function () {{ var e = document.querySelector({json.dumps(selector)}); "
                         "e.scrollIntoView({block: 'center'}); var r = e.getClientRects()[0]; "
                         "return [r.left + Math.min(r.width / 2, 20), r.top + r.height / 2]; })()")

    def hover(self, selector: str) -> None:
        """Move the mouse onto the first element matching ``selector``."""
        x, y = self._middle(selector)
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, selector: str) -> None:
        """A real mouse click (press and release) on the first element matching ``selector``."""
        box = self._middle(selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                   "clickCount": 1})

    def key(self, key: str, code: int) -> None:
        """Press and release a key in the focused element."""
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code})

    def screenshot(self, *, full_page: bool = False) -> bytes:
        params: dict = {"format": "png"}
        if full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        return base64.b64decode(self.call("Page.captureScreenshot", params)["data"])

    def console(self) -> list[str]:
        """Everything the page said on its console, threw, or logged as an error (CSP violations too)."""
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.consoleAPICalled":
                out.append(f"console.{p.get('type')}: " + " ".join(str(a.get("value", a.get("description")))
                                                              for a in p.get("args", [])))
            elif m == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:500])
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") in ("error", "warning"):
                out.append(f"log: {p['entry'].get('text')}")
        return out

    def requests(self) -> list[str]:
        """Every URL the page asked for, the page's own file excepted (blocked requests too)."""
        urls = [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]
        return urls[1:] if urls and urls[0].startswith("file:") else urls


def png_colours(png: bytes, limit: int = 64) -> int:
    """How many distinct pixel colours a PNG holds (counting stops at ``limit``): 1 is a blank image.

    A small decoder for the 8-bit RGB and RGBA images Chromium writes, enough to tell a
    drawn page from an empty one.
    """
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, _, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6), f"unexpected PNG type {depth}/{colour_type}"
            bpp = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    seen: set[bytes] = set()
    for row_start in range(0, len(raw), stride + 1):
        kind, line = raw[row_start], bytearray(raw[row_start + 1:row_start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                ul = prev[i - bpp] if i >= bpp else 0
                p = left + up - ul
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 255
        for i in range(0, stride, bpp * 7):  # a sample of the pixels is enough
            seen.add(bytes(line[i:i + bpp]))
        if len(seen) >= limit:
            return len(seen)
        prev = line
    return len(seen)
