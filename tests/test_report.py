"""``dipcli report``: the page's structure, its escaping, its caps and the command's errors.

What a browser makes of the page is tested in test_report_browser.py.
"""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli.cli import app
from dipcli.html_report import build_report, report
from dipcli.load import iter_articles
from dipcli.core import analyse
from dipcli.stance import find_stances, stance_matrix
from test_hostile import GOOD

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SECTIONS = ("speakers", "stance", "topics", "keywords", "search", "articles")

# Article text that would run or fetch something if it were not escaped.
HOSTILE = {
    "script.txt": (
        "Talks </script><script>pwned=1</script> in Lima\n\n"
        "LIMA, May 2 (Wire) -- Foreign Minister Rosa Quispe said Peru supports Chile's <img src=x onerror=pwned=1> "
        "trade plan and opposes the \"<!-- comment\" clause of Brazil.\n\n"
        "Quispe said Peru rejects ' onmouseover='pwned=1' and backs <a href=\"javascript:pwned=1\">the "
        "accord</a> on fisheries.\n\n"
        "The <b>Chilean</b> envoy said Chile welcomes the <style>body{display:none}</style> agreement.\n"),
    "meta.md": (
        "---\ntitle: \"<script>pwned=1</script>\"\ndate: 2024-05-02\n"
        "source: \"<iframe src='http://x.test/'></iframe>\"\nurl: \"javascript:pwned=1\"\n---\n\n"
        "Minister Okafor said Ghana supports the ]]></svg><svg onload=pwned=1> talks with Chile.\n"),
}


def _items(folder: Path):
    items = [analyse(a) for a in iter_articles([str(folder)], on_error=lambda err: None)]
    return items, [st for item in items for st in find_stances(item)]


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-report")
    for name, text in {**GOOD, **HOSTILE}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus_page() -> tuple[str, list, list]:
    items, acts = _items(CORPUS)
    return report(items, acts), items, acts


@pytest.fixture(scope="module")
def hostile_page(hostile_dir) -> str:
    items, acts = _items(hostile_dir)
    return report(items, acts)


class Tree(HTMLParser):
    """Every start tag with its attributes, the text inside each sentence span, scripts' bodies."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.sentences: dict[str, str] = {}
        self.scripts: list[tuple[dict, str]] = []
        self._open: list[tuple[str, str | None]] = []  # (tag, sentence id) of open spans
        self._script: dict | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._script = a
            self.scripts.append((a, ""))
        if tag == "span":
            self._open.append(("span", a.get("id") if "cl" in a.get("class", "").split() and "data-tip" in a else None))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None
        if tag == "span" and self._open:
            self._open.pop()

    def handle_data(self, data):
        if self._script is not None:
            a, body = self.scripts[-1]
            self.scripts[-1] = (a, body + data)
            return
        for _, ident in self._open:
            if ident:
                self.sentences[ident] = self.sentences.get(ident, "") + data


def test_the_page_has_every_section_and_chart(corpus_page):
    page, items, acts = corpus_page
    tree = Tree(page)
    ids = {a.get("id") for _, a in tree.tags}
    assert set(SECTIONS) <= ids
    assert {"speakers-chart-t", "stance-chart-t", "topics-chart-t", "evidence", "q", "who", "texts"} <= ids
    assert sum(1 for t, _ in tree.tags if t == "svg") >= 4
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    # every article of the small corpus is shown in full
    assert sum(1 for t, a in tree.tags if t == "article") == len(items) == 3


def test_each_sentence_span_holds_exactly_its_claim(corpus_page):
    page, items, _ = corpus_page
    tree = Tree(page)
    for i, item in enumerate(items):
        for n, claim in enumerate(sorted(item.claims, key=lambda c: (c.start, c.end))):
            assert tree.sentences[f"c{i}-{n}"] == claim.text
    assert len(tree.sentences) == sum(len(item.claims) for item in items)


def test_tooltips_say_speaker_via_confidence_cue_and_offsets(corpus_page):
    page, items, _ = corpus_page
    tree = Tree(page)
    claim = next(c for item in items for c in item.claims if c.cue and c.speaker)
    tips = [a["data-tip"] for t, a in tree.tags if t == "span" and "data-tip" in a]
    tip = next(t for t in tips if f"offsets {claim.start}\u2013{claim.end}" in t and claim.speaker in t)
    assert f"via {claim.via}" in tip and f"confidence {claim.confidence:.2f}" in tip and claim.cue in tip


def test_stance_marks_and_cues_are_in_the_text(corpus_page):
    page, _, acts = corpus_page
    assert acts
    tree = Tree(page)
    classes = [set(a.get("class", "").split()) for t, a in tree.tags if t == "span"]
    assert any({"tsup", "ts"} <= c for c in classes) or any({"topp", "ts"} <= c for c in classes)
    assert any("cue" in c for c in classes) and any("scue" in c for c in classes)


def test_stance_map_cells_match_the_matrix(corpus_page):
    page, _, acts = corpus_page
    matrix = stance_matrix(acts, by="entity")
    cells = re.findall(r'<g class="cell"[^>]*aria-label="([^"]*)"', page)
    assert cells
    for label in map(html.unescape, cells):
        row = next(r for r in matrix if label == f"{r['holder']} on {r['entity']}: {r['support']} support, "
                                                 f"{r['oppose']} oppose")
        assert row
    data = json.loads(Tree(page).scripts[0][1])
    evidence = data["stance"]["evidence"]
    assert len(evidence) == len(cells)
    act = evidence[0]["acts"][0]
    assert act["text"][act["span"][0]:act["span"][1]] == act["target"]


def test_hostile_text_stays_text(hostile_page):
    tree = Tree(hostile_page)
    tags = {t for t, _ in tree.tags}
    assert not tags & {"img", "iframe", "b", "object", "embed"}, tags
    assert [t for t, _ in tree.tags].count("style") == 1  # the page's own
    for tag, attrs in tree.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert not any("javascript:" in (v or "") for k, v in attrs.items() if k in ("href", "src")), attrs
    # one script that runs (ours, allowed by its hash) and one data block
    kinds = sorted(a.get("type", "") for a, _ in tree.scripts)
    assert kinds == ["", "application/json"]
    data = json.loads(tree.scripts[0][1])
    assert "</script" not in tree.scripts[0][1] and "<!--" not in tree.scripts[0][1]
    assert any("<img" in ev["text"] or "<!--" in ev["text"] for cell in data["stance"]["evidence"]
               for ev in cell["acts"])
    # the words are all still there, as text
    text = " ".join(tree.sentences.values())
    assert "<img src=x onerror=pwned=1>" in text and "</script><script>" in hostile_page.replace(
        "&lt;", "<").replace("&gt;", ">")
    csp = next(a["content"] for t, a in tree.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp.split(
        "script-src")[1].split(";")[0]


def test_the_script_hash_in_the_policy_is_the_scripts(corpus_page):
    import base64
    import hashlib

    page = corpus_page[0]
    tree = Tree(page)
    body = next(b for a, b in tree.scripts if not a.get("type"))
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in page


def test_the_page_never_points_outside_itself(corpus_page, hostile_page):
    for page in (corpus_page[0], hostile_page):
        for tag, attrs in Tree(page).tags:
            for key in ("href", "src", "action", "data", "poster", "srcset"):
                value = attrs.get(key)
                assert value is None or value.startswith("#"), (tag, key, value)
        assert "@import" not in page and "url(" not in page


def test_full_text_is_capped_and_the_page_says_so(corpus_page):
    _, items, acts = corpus_page
    page = report(items, acts, full_text=1)
    tree = Tree(page)
    assert sum(1 for t, _ in tree.tags if t == "article") == 1
    assert "the first 1 of 3 articles" in page
    # the list still names all three, and links only the one shown
    assert len(re.findall(r'href="#a\d', page)) == 1 and all(html.escape(i.article.title or i.article.doc) in page
                                                  for i in items)


def test_build_report_reads_records_defensively(corpus_page):
    from dataclasses import asdict

    from dipcli.keywords import keywords
    from dipcli.speakers import speakers
    from dipcli.topics import topics

    _, items, acts = corpus_page
    found, info, _ = topics(items, k=2)
    kw, _ = keywords(items, top=3)
    # stance acts as dicts with fields yet to come, entities as records
    dicts = [{**asdict(a), "holder": {"name": a.speaker}, "entities": [{"name": e, "start": 0} for e in a.entities]}
             for a in acts]
    page = build_report(items, dicts, keywords=kw, topics=found, speakers=speakers(items), topics_info=info)
    assert page == build_report(items, acts, keywords=kw, topics=found, speakers=speakers(items), topics_info=info)
    with pytest.raises(ValueError):
        build_report(items, acts, keywords=kw, topics=found, speakers=speakers(items), stance_by="nope")


def test_target_columns(corpus_page):
    _, items, acts = corpus_page
    page = report(items, acts, stance_by="target")
    assert "holder \u00d7 target" in page
    assert html.escape(acts[0].target) in page


# -- the command ------------------------------------------------------------------------------

def run(*args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(app, list(args))


def test_report_command_writes_the_file_and_stdout_gets_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "r.html"
    r = run("report", str(CORPUS), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert "wrote" in r.stderr and str(out) in r.stderr
    r2 = run("report", str(CORPUS), "-o", "-")
    assert r2.exit_code == 0
    assert r2.stdout_bytes == out.read_bytes()


def test_report_default_output_is_report_html(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    r = run("report", str(CORPUS / "readout-sweden-ghana.md"))
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("where", ["missing/r.html", "."] + (["/dev/full"] * Path("/dev/full").exists()))
def test_an_unwritable_output_is_one_line_and_exit_1(tmp_path, monkeypatch, where):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    r = run("report", str(CORPUS), "-o", where)
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].startswith("dipcli: error: cannot write")
    assert r.stderr.endswith(errors[0] + "\n") and "Traceback" not in r.stderr


def test_report_help_says_format_does_not_apply():
    r = run("report", "--help")
    assert r.exit_code == 0
    assert "--format does not apply" in " ".join(r.stdout.split())
    assert run("report", "--format", "json").exit_code == 2


def test_a_folder_with_bad_files_still_gets_its_report_and_exit_1(hostile_dir, tmp_path, monkeypatch):
    from test_hostile import BAD

    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD["accra-talks.txt"], encoding="utf-8")
    (folder / "empty.txt").write_bytes(BAD["empty.txt"])
    r = run("report", str(folder), "-o", str(tmp_path / "r.html"))
    assert r.exit_code == 1
    assert "empty.txt" in r.stderr and "Traceback" not in r.stderr
    assert "Lindqvist" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_report_reads_stdin(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    r = CliRunner().invoke(app, ["report", "-", "-o", "-"],
                           input="Foreign Minister Ana Lopes said Portugal supports the accord with Chile.\n")
    assert r.exit_code == 0, r.stderr
    tree = Tree(r.stdout)
    # the stance map's rows are holders: Portugal, the subject of "supports"
    assert "Ana Lopes" in " ".join(tree.sentences.values()) and "Portugal on Chile" in r.stdout
