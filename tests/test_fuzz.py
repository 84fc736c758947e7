"""Property-based fuzzing of every stage, and guards against super-linear time.

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
import tempfile
import time
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
    try:
        articles = parse_bytes(data, name=name, doc="fuzz", on_error=errors.append)
    except DipError as err:
        assert "\n" not in str(err) and str(err).startswith(name)
        return []
    for err in errors:
        assert "\n" not in str(err) and str(err).startswith(name)
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
        articles = list(iter_articles(paths, on_error=errors.append))
        assert len({a.doc for a in articles}) == len(articles)
        for art in articles:
            check_article(art)
        for err in errors:
            assert "\n" not in str(err)
        # A file gives articles, or an error whose message starts with its path: never nothing.
        for path in paths:
            assert any(a.path == path for a in articles) or any(str(e).startswith(path) for e in errors), path


# ---------------------------------------------------------------- extremes

def _cpu(fn, *args):
    """CPU seconds of fn(*args): steadier than wall time on a shared machine."""
    t0 = time.process_time()
    fn(*args)
    return time.process_time() - t0


def _pipeline(data: bytes, name: str = "x.txt") -> None:
    """Every stage, without the invariant checks (they cost more than the stages)."""
    try:
        articles = parse_bytes(data, name=name, doc="big", on_error=lambda err: None)
    except DipError:
        return
    items = [analyse(art) for art in articles]
    for item in items:
        find_stances(item)
    try:
        keywords(items, by="speaker", top=10)
    except ValueError:  # the repeated-word bug: test_keywords_on_fuzzed_articles
        pass
    search(items, "trade sanctions minister")


@pytest.fixture(scope="module", autouse=True)
def _warm():
    # NLTK, the lexicons and the gazetteer load once; timing starts after that.
    everything(b"The minister said trade talks were useful. China opposes sanctions.", "w.txt")


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n \xc2\xa0\n", b"\xef\xbb\xbf", b"\n" * 1000,
                                  b"\x00" * 10, b"\xff\xfe", b"\xff\xfe\x00\x00"])
def test_empty_and_whitespace_only_are_refused_with_the_name(data):
    for name in NAMES:
        with pytest.raises(DipError) as info:
            parse_bytes(data, name=name, doc="d")
        assert str(info.value).startswith(name) and "\n" not in str(info.value)


def test_a_single_10_mb_line_loads_in_linear_time():
    line = ("Delegates said the talks on trade were useful and constructive, " * 160_000)[:10_000_000]
    t0 = time.process_time()
    [art] = parse_bytes(line.encode(), name="big.txt", doc="big")
    t = time.process_time() - t0
    assert len(art.text) > 9_900_000 and "\n" not in art.text
    assert t < 5, f"loading a 10 MB line took {t:.1f} s"


@pytest.mark.parametrize("unit,name,count", [
    (b"a\n\n", "many.txt", 1_000_000),  # lower case: every block continues the last paragraph
    (b"Yes.\n\n", "many.txt", 200_000),
    (b"b\n\n", "many.md", 200_000),
    (b"- a\n", "many.txt", 200_000),
    (b"<p>a</p>", "many.html", 100_000),
    (b'{"text": "a"}\n', "many.jsonl", 50_000),
])
def test_many_tiny_paragraphs_load_in_linear_time(unit, name, count):
    small = _cpu(lambda: parse_bytes(unit * (count // 10), name=name, doc="d", on_error=lambda e: None))
    big = _cpu(lambda: parse_bytes(unit * count, name=name, doc="d", on_error=lambda e: None))
    assert big < 10, f"{count} x {unit!r} took {big:.1f} s"
    assert big < 20 * max(small, 0.05), f"10x the input took {big / max(small, 0.05):.0f}x the time"


def test_many_tiny_paragraphs_through_the_pipeline():
    small = _cpu(_pipeline, b"Yes.\n\n" * 5_000)
    big = _cpu(_pipeline, b"Yes.\n\n" * 20_000)
    assert big < 5, f"20,000 one-word paragraphs took {big:.1f} s"
    # The garbage collector's passes over many small objects add noise below a second.
    assert big < 8 * max(small, 0.3), f"4x the paragraphs took {big / max(small, 0.3):.1f}x the time"


def test_deeply_nested_html_is_refused_quickly_and_clearly():
    depth = 100_000
    doc = b"<html><body>" + b"<div><span>" * depth + b"The minister said hello." + b"</span></div>" * depth
    t0 = time.process_time()
    with pytest.raises(DipError) as info:
        parse_bytes(doc, name="deep.html", doc="deep")
    assert str(info.value).startswith("deep.html: HTML nested more than")
    assert time.process_time() - t0 < 5


def test_nested_html_keeps_moderately_deep_text():
    doc = b"<html><body>" + b"<div>" * 200 + b"The minister said hello." + b"</div>" * 200
    [art] = parse_bytes(doc, name="deep.html", doc="deep")
    assert art.text == "The minister said hello."


# Inputs that make badly written regular expressions backtrack, or loops restart.
PATHOLOGICAL = {
    "unbalanced quotes": '"The minister said ' * 20,
    "open quotes": "\u201c" * 3 + "a ",
    "cue words": "said ",
    "names and cues": "President Amara Okafor said ",
    "capitals": "A ",
    "capital words": "Minister ",
    "abbreviations": "U.S. ",
    "initials": "a.",
    "numbered items": "1. ",
    "commas": "a, ",
    "open parentheses": "(",
    "open brackets": "[a](",
    "emphasis": "*a ",
    "tags": "<a ",
    "labels": "MR OKAFOR: yes\n",
    "doubled names": "Okafor Okafor ",
    "glued names": "aBc ",
    "dashes": "-- a ",
    "colons": ": ",
    "stance chain": "we support and oppose and reject ",
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_scales_linearly(name):
    unit = PATHOLOGICAL[name]
    small = _cpu(_pipeline, (unit * (75_000 // len(unit) + 1)).encode())
    big = _cpu(_pipeline, (unit * (300_000 // len(unit) + 1)).encode())
    assert big < 5, f"{name}: the whole pipeline on 300 KB took {big:.1f} s"
    # Linear: about 4x; quadratic: 16x. Small runs are noisy, so compare from 0.1 s up.
    assert big < 8 * max(small, 0.1), f"{name}: 4x the input took {big / max(small, 0.1):.1f}x the time"


QUADRATIC_CUES = ("attribute.find_frames and attribute._left_subject copy the whole sentence before "
                  "every cue (sent[:m.start()].rstrip()): quadratic in a long sentence with many cues; "
                  "800 KB of 'said said ...' takes ~10 s; see hardening-findings.md")


def test_cues_late_in_a_long_sentence_cost_constant_time_each():
    from dipcli.model import Article

    def cost(cues: int) -> float:
        text = "x" * 2_000_000 + " said" * cues
        art = Article(doc="d", path="d", format="text", title=None, date=None, source=None, place=None,
                      category=None, url=None, text=text)
        return _cpu(analyse, art)

    # Linear: 1,750 more cues cost milliseconds; copying 2 MB per cue costs seconds.
    extra = cost(2000) - cost(250)
    assert extra < 0.5, f"1,750 more cues cost {extra:.1f} s"
