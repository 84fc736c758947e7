"""The report in a real browser: headless Chromium opens the page on the bundled article and on
hostile input, and the tests read what it drew, said and asked for.

Skipped without chromium; ``DIPCLI_BROWSER_TESTS=require`` (``.ci/run``) makes that a failure.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from browser import Browser, chromium, png_colours
from dipcli.core import analyse
from dipcli.html_report import report
from dipcli.load import iter_articles
from dipcli.stance import find_stances
from test_hostile import GOOD
from test_report import HOSTILE, SECTIONS


def _page(paths: list[str], out: Path, **options) -> Path:
    items = [analyse(a) for a in iter_articles(paths, on_error=lambda err: None)]
    out.write_text(report(items, [st for item in items for st in find_stances(item)], **options), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser():
    chromium()
    with Browser(1280, 900) as b:
        yield b


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("report-browser")
    hostile = root / "hostile"
    hostile.mkdir()
    for name, text in {**GOOD, **HOSTILE}.items():
        (hostile / name).write_text(text, encoding="utf-8")
    many = root / "many"
    many.mkdir()
    for n in range(55):  # more than one page of the article list
        (many / f"note-{n:02}.txt").write_text(f"Note {n}\n\nThe envoy said Chile supports the talks on item {n}.\n",
                                               encoding="utf-8")
    return {"bundled": _page([], root / "bundled.html"), "hostile": _page([str(hostile)], root / "hostile.html"),
            "many": _page([str(many)], root / "many.html", full_text=3)}


@pytest.mark.parametrize("name", ["bundled", "hostile"])
def test_the_page_renders_without_errors_or_requests(browser, pages, name):
    browser.open(pages[name])
    for section in SECTIONS:
        assert browser.eval(f"!!document.getElementById('{section}')"), section
    # charts drawn: shapes and text labels inside the SVGs, after the script ran
    assert browser.eval("document.querySelectorAll('#speakers svg rect').length") >= 2
    assert browser.eval("document.querySelectorAll('#stance svg .cell').length") >= 1
    assert browser.eval("document.querySelectorAll('#topics svg rect').length") >= 1
    assert browser.eval("document.querySelectorAll('#keywords svg rect').length") >= 1
    assert browser.eval("document.querySelectorAll('svg text').length") >= 20
    assert browser.eval("document.getElementById('tip') !== null")  # made by the script
    assert browser.console() == []
    assert browser.requests() == []
    assert png_colours(browser.screenshot()) > 8  # not a blank page


def test_hostile_text_runs_nothing(browser, pages):
    browser.open(pages["hostile"])
    assert browser.eval("typeof window.pwned") == "undefined"
    assert browser.eval("document.querySelectorAll('img, iframe, #texts b, #texts style, #texts a').length") == 0
    assert browser.eval("getComputedStyle(document.body).display") == "block"
    text = browser.eval("document.getElementById('texts').textContent")
    assert "<img src=x onerror=pwned=1>" in text and "<style>body{display:none}</style>" in text
    # the evidence of a cell whose sentence holds markup shows it as text
    browser.click("#stance .cell[aria-label^='Peru on Chile']")
    evidence = browser.eval("document.getElementById('evidence').textContent")
    assert "<img src=x onerror=pwned=1>" in evidence
    assert browser.eval("document.querySelectorAll('#evidence img').length") == 0
    assert browser.console() == [] and browser.requests() == []


def test_cells_sentences_and_search_respond(browser, pages):
    browser.open(pages["bundled"])
    # a stance cell, by keyboard: Enter lists its evidence
    browser.eval("document.querySelector('#stance .cell').focus()")
    browser.key("Enter", 13)
    assert browser.eval("document.querySelectorAll('#evidence li').length") >= 1
    assert browser.eval("document.querySelector('#stance .cell').getAttribute('aria-pressed')") == "true"
    # a sentence, by focus: the tooltip shows its speaker, attribution and offsets
    browser.eval("document.getElementById('c0-3').focus()")
    assert not browser.eval("document.getElementById('tip').hidden")
    tip = browser.eval("document.getElementById('tip').textContent")
    assert "Xi Jinping" in tip and "via explicit" in tip and "offsets" in tip
    browser.eval("document.activeElement.blur()")
    browser.hover("#c0-12")  # and by the mouse
    tip = browser.eval("document.getElementById('tip').textContent")
    assert "Vladimir Putin" in tip and "cue \u201csaid\u201d" in tip
    # search: words and a speaker
    browser.eval("var q = document.getElementById('q'); q.value = 'sanctions'; "
                 "q.dispatchEvent(new Event('input'))")
    assert browser.eval("document.querySelectorAll('#search-results li').length") == 1
    assert "China and Russia" in browser.eval("document.getElementById('search-results').textContent")
    browser.eval("var q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input')); "
                 "var w = document.getElementById('who'); w.value = w.options[1].value; "
                 "w.dispatchEvent(new Event('change'))")
    assert browser.eval("document.querySelectorAll('#search-results li').length") == 11  # Xi Jinping's claims
    assert browser.console() == [] and browser.requests() == []


def test_the_article_list_pages_and_printing_shows_everything(browser, pages):
    browser.open(pages["many"])
    visible = "document.querySelectorAll('#article-list tbody tr:not([hidden])').length"
    assert browser.eval("document.querySelectorAll('#article-list tbody tr').length") == 55
    assert browser.eval(visible) == 50
    assert browser.eval("document.querySelectorAll('#texts article').length") == 3  # --full-text 3
    browser.click(".pager button:last-child")
    assert browser.eval(visible) == 5
    assert "articles 51\u201355 of 55" in browser.eval("document.querySelector('.pager').textContent")
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.eval("getComputedStyle(document.querySelector('nav')).display") == "none"
        assert browser.eval("getComputedStyle(document.getElementById('search')).display") == "none"
        assert browser.eval("Array.prototype.filter.call(document.querySelectorAll('#article-list tbody tr'), "
                            "function (r) { return getComputedStyle(r).display !== 'none'; }).length") == 55
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""})
    assert browser.console() == [] and browser.requests() == []


def test_without_chromium_the_tests_skip_unless_required(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DIPCLI_CHROMIUM", raising=False)
    monkeypatch.delenv("DIPCLI_BROWSER_TESTS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        chromium()
    monkeypatch.setenv("DIPCLI_BROWSER_TESTS", "require")
    with pytest.raises(pytest.fail.Exception, match="DIPCLI_BROWSER_TESTS=require"):
        chromium()
