"""The README's pictures of `dipcli report` on the bundled article, taken by headless Chromium.

Usage (from the repository root): .venv/bin/python docs/screenshot.py
Writes docs/report.png (the top of the page: speakers, stance map with one cell's evidence
open) and docs/report-text.png (the annotated text, one sentence focused to show its tooltip).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser  # noqa: E402  (the tests' DevTools client)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run([str(ROOT / ".venv" / "bin" / "dipcli"), "report", "-o", str(page)], check=True)
        with Browser(1100, 1250) as b:
            b.open(page)
            b.click("#stance .cell")
            b.eval("window.scrollTo(0, 0)")
            _save(b.screenshot(), "report.png")
        with Browser(1100, 620) as b:
            b.open(page)
            b.eval("window.scrollTo(0, document.getElementById('c0-9').getBoundingClientRect().top + window.scrollY - 12);"
                   "document.getElementById('c0-12').focus({preventScroll: true})")
            _save(b.screenshot(), "report-text.png")
    print("wrote docs/report.png and docs/report-text.png")


def _save(png: bytes, name: str) -> None:
    """Write the picture, made smaller with pngquant when it is installed."""
    path = ROOT / "docs" / name
    path.write_bytes(png)
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--quality", "70-95", "--strip", "--force", "--output", str(path), str(path)],
                       check=True)


if __name__ == "__main__":
    main()
