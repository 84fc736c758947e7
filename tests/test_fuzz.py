"""Property-based fuzzing of every stage, and extreme inputs (their timing is bench/scaling.py's).

Hostile input (random bytes, arbitrary Unicode, broken front matter, malformed
HTML, bad JSON Lines, unbalanced quotes, control characters) goes through
loading, segmentation and attribution, stance, keywords and search. The only
exception any stage may raise is :class:`DipError`, and every offset a record
carries must point at its own text in the article.
"""
from __future__ import annotations

import json
import math
import os
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dipcli.keywords import keywords
from dipcli.load import iter_articles, parse_bytes
from dipcli.model import Analysed, Article, DipError
from dipcli.core import analyse
from dipcli.search import search
from dipcli.stance import find_stances

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from scaling import PATHOLOGICAL  # noqa: E402  the inputs the benchmark times

# DIPCLI_FUZZ_EXAMPLES=2000 for a long bug hunt; the default keeps the suite fast.
EXAMPLES = int(os.environ.get("DIPCLI_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
SPEAKER_KINDS = {"person", "group", "document", "narrator"}
VIAS = {"explicit", "pronoun", "title", "continuation", "collective", "turn", "none"}


# ---------------------------------------------------------------- invariants

def check_article(art: Article) -> None:
    text = art.text
    assert isinstance(text, str) and text.strip(), art.doc
    assert "\n\n\n" not in text and text == text.strip()
    for ch in set(text):
        # The loader promises text without control characters: only the newlines between paragraphs.
        assert ch == "\n" or unicodedata.category(ch) != "Cc", (art.doc, hex(ord(ch)))
    for value in (art.title, art.date, art.source, art.place, art.category, art.url):
        assert value is None or (isinstance(value, str) and "\n" not in value)


def check_analysed(item: Analysed) -> None:
    text = item.article.text
    n = len(text)
    for i, p in enumerate(item.paragraphs):
        assert p.index == i
        assert 0 <= p.start <= p.end <= n
    ids = set()
    for c in item.claims:
        assert 0 <= c.start < c.end <= n, c
        assert c.text == text[c.start:c.end]
        assert c.doc == item.article.doc
        assert c.id not in ids
        ids.add(c.id)
        assert 0 <= c.paragraph < len(item.paragraphs)
        para = item.paragraphs[c.paragraph]
        assert para.start <= c.start and c.end <= para.end
        assert c.speaker_kind in SPEAKER_KINDS and c.via in VIAS
        assert 0.0 <= c.confidence <= 1.0
        assert (c.speaker is None) == (c.speaker_kind == "narrator")
        if c.mention is not None:
            assert c.mention.strip()
    # Records must serialise as strict JSON (no NaN) for --format json.
    json.dumps([_plain(c) for c in item.claims], allow_nan=False)


def check_stances(item: Analysed) -> None:
    text = item.article.text
    claims = {c.id: c for c in item.claims}
    for s in find_stances(item):
        claim = claims[s.claim]
        assert (s.start, s.end) == (claim.start, claim.end)
        assert s.text == text[s.start:s.end]
        assert s.start <= s.cue_start < s.cue_end <= s.end, s
        assert s.start <= s.target_start < s.target_end <= s.end, s
        assert s.cue == text[s.cue_start:s.cue_end]
        assert s.target == text[s.target_start:s.target_end]
        assert s.polarity in ("support", "oppose")
        json.dumps(_plain(s), allow_nan=False)


def check_keywords(items: list[Analysed]) -> None:
    for by in ("speaker", "doc", "none"):
        for method in ("logodds", "tfidf"):
            try:
                rows, warnings = keywords(items, by=by, top=5, method=method)
            except DipError:
                continue
            for k in rows:
                assert k.term.strip() and k.count >= 1
                assert math.isfinite(k.score) and (k.z is None or math.isfinite(k.z))
            assert all(isinstance(w, str) for w in warnings)


def check_search(items: list[Analysed], query: str) -> None:
    try:
        hits = search(items, query, top=0)
    except DipError:
        return
    texts = {item.article.doc: item.article.text for item in items}
    for h in hits:
        assert math.isfinite(h.score)
        for s, e in h.spans:
            assert h.claim.start <= s < e <= h.claim.end
            assert texts[h.claim.doc][s:e].strip()


def _plain(record) -> dict:
    from dataclasses import asdict

    return asdict(record)


def everything(data: bytes, name: str, *, query: str = "trade sanctions",
               with_keywords: bool = False) -> list[Analysed]:
    """Every stage over one file's bytes; returns the analysed articles."""
    errors: list[DipError] = []
    notes: list[str] = []
    try:
        articles = parse_bytes(data, name=name, doc="fuzz", on_error=errors.append, on_warning=notes.append)
    except DipError as err:
        assert "\n" not in str(err) and str(err).startswith(name)
        return []
    for message in [*map(str, errors), *notes]:
        assert "\n" not in message and message.startswith(name)
    items = []
    for art in articles:
        check_article(art)
        item = analyse(art)
        check_analysed(item)
        check_stances(item)
        items.append(item)
    if items:
        if with_keywords:
            check_keywords(items)
        check_search(items, query)
    return items


# ---------------------------------------------------------------- strategies

NAMES = ["x.txt", "x.md", "x.html", "x.jsonl", "x.json", "x"]

# Pieces of diplomatic prose and of everything that breaks it.
PIECES = [
    "The", "minister", "said", "says", "told", "reporters", "that", "according to", "stressed",
    "Foreign Minister", "Amara Okafor", "Lars Lindqvist", "President", "Mr.", "Ms", "Dr.", "U.S.",
    "U.N.", "he", "she", "they", "We", "I", "both sides", "China", "Ghana", "Sweden", "the EU",
    "supports", "opposes", "rejects", "welcomed", "condemned", "called for", "urged", "not",
    "strongly", "sanctions", "trade", "the peace process", "sovereignty", "cooperation", "and",
    "or", ",", ".", ";", ":", "?", "!", "...", "\u2026", "-", "--", "\u2014", "(", ")", "[", "]",
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u300c", "\u300d",
    " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\x00", "\x07", "\x1b[31m", "\x1b]8;;http://x\x07",
    "\x0c", "\x7f", "\x85", "\u00a0", "\u200b", "\u202e", "\u2028", "\ufeff", "\ud7ff", "\U0001f600",
    "1.", "2)", "-- ", "* ", "\u2022 ", "MOSCOW, May 1 (Agency) -- ", "SPEAKER:", "Q:", "Okafor:",
    "[bold]", "[/bold]", "[link=http://x]", "=SUM(A1)", "+1", "@x", "&amp;", "&#0;", "<b>", "</p>",
    "Category: x", "###", "END", "\u4e60\u8fd1\u5e73\u8bf4", "\u0645\u0631\u062d\u0628\u0627",
]


def _joined(pieces: list[str]) -> str:
    out = []
    for p in pieces:
        if out and p[:1].isalnum() and out[-1][-1:].isalnum():
            out.append(" ")
        out.append(p)
    return "".join(out)


prose = st.lists(st.sampled_from(PIECES), max_size=80).map(_joined)

# Arbitrary Unicode, including lone surrogates' neighbours, private use and unassigned points.
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=600)

yaml_piece = st.sampled_from([
    "title: Talks\n", "title: [unclosed\n", "title: {a: \n", "date: 2024-02-30\n", "date: 99999-1-1\n",
    "date: [1, 2]\n", "tags: &a [*a]\n", "!!python/object/apply:os.system ['true']\n", "key: !!binary x\n",
    "source: \"unterminated\n", "  - bad indent\n", ": no key\n", "\t tab: x\n", "? complex\n",
    "title: 'a'b'\n", "%YAML 9.9\n", "---\n", "...\n", "url: http://[::1\n", "place: \x00\n", "",
])
markdown = st.builds(
    lambda fm, closed, body: ("---\n" + "".join(fm) + ("---\n" if closed else "") + body),
    st.lists(yaml_piece, max_size=8), st.booleans(), prose)

TAGS = ["p", "div", "article", "main", "body", "html", "span", "b", "script", "style", "h1", "li",
        "table", "td", "br", "meta", "template", "svg", "iframe", "!--", "![CDATA[", "?php"]
ATTRS = ["", ' class="hidden"', ' itemprop="articleBody"', ' style="display:none"', ' hidden',
         ' class="read__lead"', ' charset="utf-7"', ' content="x', " a='1\"", ' property="og:title" content="T"']


def _html(parts: list[tuple[int, int, int, str]]) -> str:
    out = []
    for kind, tag, attr, text in parts:
        name = TAGS[tag % len(TAGS)]
        if kind == 0:
            out.append(f"<{name}{ATTRS[attr % len(ATTRS)]}>")
        elif kind == 1:
            out.append(f"</{name}>")
        else:
            out.append(text)
    return "".join(out)


html_doc = st.builds(
    lambda head, parts: head + _html(parts),
    st.sampled_from(["", "<!DOCTYPE html>", "<html>", "<?xml version='1.0'?>", "<!-- c -->",
                     "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/hostname'>]>"]),
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 40), st.integers(0, 20), prose), max_size=40))


def _record(kind: int, text: str) -> str:
    return [
        json.dumps({"text": text, "title": "T", "date": "2024-01-02"}),
        json.dumps({"body": text, "lead": text[:20]}),
        json.dumps({"content": text, "url": "http://[::1"}),
        json.dumps({"text": 5}),
        json.dumps({"title": "no text"}),
        json.dumps([text]),
        "{\"text\": \"unterminated",
        "[" * 5000,
        "",
        "   ",
        "\ufeff" + json.dumps({"text": text}),
        json.dumps({"text": text}, ensure_ascii=False),
    ][kind]


jsonl_lines = st.lists(st.tuples(st.integers(0, 11), prose), min_size=1, max_size=12).map(
    lambda rows: [_record(k, t) for k, t in rows])


# ---------------------------------------------------------------- properties

@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(NAMES))
def test_random_bytes(data, name):
    everything(data, name)


@FUZZ
@given(text=unicode_text, name=st.sampled_from(NAMES),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "latin-1"]))
def test_arbitrary_unicode(text, name, encoding):
    everything(text.encode(encoding, errors="replace"), name)


@FUZZ
@given(text=prose, name=st.sampled_from(NAMES), query=prose)
def test_prose_with_quotes_controls_and_markup(text, name, query):
    everything(text.encode("utf-8"), name, query=query)


@FUZZ
@example(texts=["minister minister minister"])
@given(texts=st.lists(st.one_of(prose, unicode_text), min_size=1, max_size=4))
def test_keywords_on_fuzzed_articles(texts):
    items = []
    for i, text in enumerate(texts):
        try:
            [art] = parse_bytes(text.encode("utf-8"), name=f"a{i}.txt", doc=f"a{i}")
        except DipError:
            continue
        items.append(analyse(art))
    check_keywords(items)


def test_keywords_print_no_numpy_warnings():
    import warnings

    items = [analyse(parse_bytes(text, name=f"{i}.txt", doc=str(i))[0])
             for i, text in enumerate([b"The", b"minister"])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for by in ("doc", "speaker", "none"):
            keywords(items, by=by, top=5)


@pytest.mark.parametrize("copies", [2, 20, 100, 200])
def test_topics_on_identical_claims_print_no_warnings(copies):
    import warnings

    from dipcli.topics import topics

    text = b"Delegates said the talks on trade were useful and constructive. " * copies
    items = [analyse(parse_bytes(text, name="same.txt", doc="same")[0])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found, _ = topics(items, k="auto")
    assert found


@FUZZ
@given(doc=markdown)
def test_broken_front_matter(doc):
    everything(doc.encode("utf-8"), "readout.md")
    everything(doc.encode("utf-8"), "readout")


@FUZZ
@given(doc=html_doc)
def test_malformed_html(doc):
    for item in everything(doc.encode("utf-8"), "page.html"):
        if item.article.format == "html":
            assert "<script" not in item.article.text


@FUZZ
@given(lines=jsonl_lines)
def test_json_lines_with_bad_lines(lines):
    data = "\n".join(lines).encode("utf-8")
    errors: list[DipError] = []
    try:
        articles = parse_bytes(data, name="feed.jsonl", doc="feed", on_error=errors.append)
    except DipError as err:
        assert not any(line.strip() for line in lines) and str(err).startswith("feed.jsonl")
        return
    # Every non-blank line gives one article or one error naming its line.
    assert len(articles) + len(errors) == sum(1 for line in lines if line.strip())
    for err in errors:
        assert str(err).startswith("feed.jsonl:") and "\n" not in str(err)
    for art in articles:
        check_article(art)
        item = analyse(art)
        check_analysed(item)
        check_stances(item)


@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(st.sampled_from(NAMES), st.one_of(
    st.binary(max_size=300), prose.map(str.encode), markdown.map(str.encode), html_doc.map(str.encode))),
    min_size=1, max_size=6))
def test_iter_articles_accounts_for_every_file(files):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (name, data) in enumerate(files):
            path = Path(tmp, f"f{i}-{name}")
            path.write_bytes(data)
            paths.append(str(path))
        errors: list[DipError] = []
        notes: list[str] = []
        articles = list(iter_articles(paths, on_error=errors.append, on_warning=notes.append))
        assert len({a.doc for a in articles}) == len(articles)
        for art in articles:
            check_article(art)
        for message in [*map(str, errors), *notes]:
            assert "\n" not in message
        # A file gives articles, or an error whose message starts with its path: never nothing.
        for path in paths:
            assert any(a.path == path for a in articles) or any(str(e).startswith(path) for e in errors), path


# ---------------------------------------------------------------- extremes
# Inputs built to make bad code super-linear. How their time grows with their size is measured
# by bench/scaling.py (figures, not assertions); here every stage must still give a right result.

def _pipeline(data: bytes, name: str = "x.txt") -> list[Analysed]:
    """Every stage, with offsets checked on what comes out."""
    try:
        articles = parse_bytes(data, name=name, doc="big", on_error=lambda err: None)
    except DipError:
        return []
    items = [analyse(art) for art in articles]
    for item in items:
        text = item.article.text
        assert all(text[c.start:c.end] == c.text for c in item.claims)
    return items


def test_a_single_10_mb_line_loads_whole():
    line = ("Delegates said the talks on trade were useful and constructive, " * 160_000)[:10_000_000]
    [art] = parse_bytes(line.encode(), name="big.txt", doc="big")
    assert len(art.text) > 9_900_000 and "\n" not in art.text


@pytest.mark.parametrize("unit,name,count", [
    (b"a\n\n", "many.txt", 100_000),  # lower case: every block continues the last paragraph
    (b"Yes.\n\n", "many.txt", 20_000),
    (b"b\n\n", "many.md", 20_000),
    (b"- a\n", "many.txt", 20_000),
    (b"<p>a</p>", "many.html", 10_000),
    (b'{"text": "a"}\n', "many.jsonl", 5_000),
])
def test_many_tiny_paragraphs_load(unit, name, count):
    articles = parse_bytes(unit * count, name=name, doc="d", on_error=lambda e: None)
    assert articles and all(a.text.strip() for a in articles)
    if name.endswith(".jsonl"):
        assert len(articles) == count


def test_many_tiny_paragraphs_through_the_pipeline():
    [item] = _pipeline(b"Yes.\n\n" * 5_000)
    assert len(item.claims) == 5_000


def test_deeply_nested_html_is_refused_clearly():
    depth = 100_000
    doc = b"<html><body>" + b"<div><span>" * depth + b"The minister said hello." + b"</span></div>" * depth
    with pytest.raises(DipError) as info:
        parse_bytes(doc, name="deep.html", doc="deep")
    assert str(info.value).startswith("deep.html: HTML nested more than")


def test_nested_html_keeps_moderately_deep_text():
    doc = b"<html><body>" + b"<div>" * 200 + b"The minister said hello." + b"</div>" * 200
    [art] = parse_bytes(doc, name="deep.html", doc="deep")
    assert art.text == "The minister said hello."


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_goes_through_every_stage(name):
    unit = PATHOLOGICAL[name]
    for item in _pipeline((unit * (75_000 // len(unit) + 1)).encode()):
        for st in find_stances(item):
            assert item.article.text[st.start:st.end] == st.text


def test_cues_late_in_a_long_sentence_are_all_read():
    from dipcli.model import Article

    text = "x" * 200_000 + " said" * 250
    art = Article(doc="d", path="d", format="text", title=None, date=None, source=None, place=None,
                  category=None, url=None, text=text)
    item = analyse(art)
    assert item.claims and all(text[c.start:c.end] == c.text for c in item.claims)
