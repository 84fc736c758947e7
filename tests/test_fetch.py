"""URLs as paths, against a local HTTP server only (never the network)."""
from __future__ import annotations

import http.server
import json
import socket
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli.cli import app
from dipcli.load import iter_articles
from dipcli.model import DipError

ARTICLE = (b"<html><head><title>Envoys meet in Oslo</title></head><body><nav><a href='/'>Home</a></nav>"
           b"<article><h1>Envoys meet in Oslo</h1><p>Foreign Minister Lena Ortiz said the talks were useful."
           b"</p><p>She added that the next round would be held in Helsborg.</p></article></body></html>")
NOTE = b"---\ntitle: Talks resume\ndate: 2024-06-03\n---\n\nThe envoys met again in Oslo.\n"
ROUTES = {
    "/news/talks.html": (200, "text/html; charset=utf-8", ARTICLE),
    "/note": (200, "text/markdown", NOTE),
    "/photo": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    "/big": (200, "text/plain", b"The envoys met. " * 100),
}


class Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        Handler.hits.append(self.path)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/news/talks.html")
            self.end_headers()
            return
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
            return
        if self.path == "/stream":  # no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"The envoys met. " * 10)
            return
        if self.path not in ROUTES:
            self.send_response(404)
            self.end_headers()
            return
        status, kind, body = ROUTES[self.path]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    Handler.hits = []
    try:
        yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def load(urls, **kwargs):
    errors: list[DipError] = []
    articles = list(iter_articles(urls, on_error=errors.append, **kwargs))
    return articles, [str(e) for e in errors]


def test_an_html_page_is_fetched_and_read_by_the_html_reader(server):
    _, base = server
    [art], errors = load([f"{base}/news/talks.html"])
    assert errors == []
    assert (art.doc, art.path, art.url, art.format) == (
        "127.0.0.1/news/talks", f"{base}/news/talks.html", f"{base}/news/talks.html", "html")
    assert art.title == "Envoys meet in Oslo"
    assert art.text == ("Foreign Minister Lena Ortiz said the talks were useful.\n\n"
                        "She added that the next round would be held in Helsborg.")


def test_the_content_type_and_the_content_choose_the_reader(server):
    _, base = server
    [art], errors = load([f"{base}/note"])
    assert errors == []
    assert (art.format, art.title, art.date, art.text) == (
        "markdown", "Talks resume", "2024-06-03", "The envoys met again in Oslo.")


def test_a_fetched_page_is_cached_by_url_and_no_cache_bypasses_it(server):
    httpd, base = server
    url = f"{base}/news/talks.html"
    first, _ = load([url])
    assert Handler.hits == ["/news/talks.html"]
    second, errors = load([url])
    assert errors == [] and Handler.hits == ["/news/talks.html"]  # from the cache: no request
    assert [a.text for a in second] == [a.text for a in first]
    fresh, errors = load([url], url_cache=False)
    assert errors == [] and Handler.hits == ["/news/talks.html", "/news/talks.html"]
    assert [a.text for a in fresh] == [a.text for a in first]


def test_http_errors_are_one_line(server):
    _, base = server
    assert load([f"{base}/missing"]) == ([], [f"{base}/missing: HTTP 404 Not Found"])


def test_a_response_over_the_limit_is_refused(server):
    _, base = server
    assert load([f"{base}/big"], max_bytes=100) == (
        [], [f"{base}/big: response is 1600 bytes, over the limit of 100 bytes"])
    assert load([f"{base}/stream"], max_bytes=1000) == (
        [], [f"{base}/stream: response is over the limit of 1000 bytes"])
    [art], errors = load([f"{base}/big"], max_bytes=10_000)
    assert errors == [] and art.text.startswith("The envoys met.")


def test_a_content_type_that_is_not_text_is_refused(server):
    _, base = server
    assert load([f"{base}/photo"]) == ([], [f"{base}/photo: content type image/png, not HTML, text, Markdown or JSON"])


def test_redirects_are_followed_and_bounded(server):
    _, base = server
    [art], errors = load([f"{base}/moved"])
    assert errors == []
    assert (art.doc, art.path, art.url) == ("127.0.0.1/moved", f"{base}/moved", f"{base}/news/talks.html")
    assert load([f"{base}/loop"]) == ([], [f"{base}/loop: more than 5 redirects"])


def test_nothing_listening_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    assert load([url]) == ([], [f"{url}: could not connect (no network, or nothing listening there)"])


def test_other_schemes_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    assert load(["ftp://127.0.0.1/readout.txt"]) == ([], ["ftp://127.0.0.1/readout.txt: only http and https URLs are read"])


def test_the_cli_reads_urls_like_paths(server, tmp_path):
    _, base = server
    local = tmp_path / "local.txt"
    local.write_text("Minister Omar Reyes said the border was calm.\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["claims", f"{base}/news/talks.html", str(local), "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    claims = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(c["doc"], c["speaker"]) for c in claims] == [
        ("127.0.0.1/news/talks", "Lena Ortiz"), ("127.0.0.1/news/talks", "Lena Ortiz"), ("local", "Omar Reyes")]
    r = CliRunner().invoke(app, ["claims", f"{base}/missing", "--no-cache"])
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("dipcli: error:")]
    assert errors == [f"dipcli: error: {base}/missing: HTTP 404 Not Found"] and "Traceback" not in r.stderr
    assert Path(tmp_path / "cache" / "urls").is_dir()
