"""The report page: one self-contained HTML file that shows who said what, the stance map,
topics and keywords as pictures, and each article's annotated text.

The page makes no network request: its CSS and script are inline (from
``data/report/``), its charts are SVG drawn by :mod:`dipcli.report_svg`, and a
Content-Security-Policy forbids everything else (scripts other than its own,
identified by hash, included). Article text is escaped everywhere, and the
data the script reads sits in a ``<script type="application/json">`` block with
``<``, ``>`` and ``&`` written as JSON escapes. The same input gives the same
bytes: nothing depends on the time, the machine or the order of a set.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from . import report_data as rd
from .model import NARRATOR, Analysed
from .report_svg import SPEAKER_COLOURS, clip, esc, hbars, heatmap, keyword_bars, speaker_colour, stacked, tint, topic_swatch

STANCE_BY = ("entity", "target")
DOT = " \u00b7 "
OTHER = len(SPEAKER_COLOURS) - 1


def report(items: Sequence[Analysed], stances: Sequence[Any], *, full_text: int = rd.FULL_TEXT_ARTICLES,
           stance_by: str = "entity", progress: Callable[[str], None] | None = None,
           aliases: list[tuple[str, list[str]]] | None = None) -> str:
    """Run every analysis the page shows over ``items`` and build the page.

    Args:
        items: Analysed articles, in input order.
        stances: Their stance acts, in article order.
        full_text: How many articles (the first ones) are shown with their full annotated text.
        stance_by: Columns of the stance map: ``entity`` or ``target``.
        progress: Called with a short message at each stage of a long run.
        aliases: The user's aliases for the corpus identities the page counts speakers by
            (:func:`dipcli.identities.read_aliases`).

    Returns:
        The page, as text.
    """
    from .identities import registry_of
    from .keywords import keywords
    from .speakers import speakers
    from .topics import topics

    say = progress or (lambda message: None)
    registry = registry_of(items, aliases=aliases, label=True)  # one speaker per person across the articles
    for st in stances:
        registry.label(st)
    say("report: keywords")
    kw, _ = keywords(items, by="speaker", top=rd.KEYWORD_TERMS, method="logodds")
    say("report: topics")
    # every speaker's prevalence in every topic: the page draws each speaker's whole mix
    found, info, _ = topics(items, k="auto", method="nmf", top_terms=8, speakers=0, min_claims=1)
    say("report: writing the page")
    return build_report(items, stances, keywords=kw, topics=found, topics_info=info,
                        speakers=speakers(items, registry=registry),
                        full_text=full_text, stance_by=stance_by)


def build_report(items: Sequence[Analysed], stances: Sequence[Any], *, keywords: Sequence[Any],
                 topics: Sequence[Any], speakers: Sequence[Any], topics_info: dict | None = None,
                 full_text: int = rd.FULL_TEXT_ARTICLES, max_chars: int = rd.FULL_TEXT_CHARS,
                 stance_by: str = "entity") -> str:
    """The page for analyses already run.

    Args:
        items: Analysed articles, in input order.
        stances: Their stance acts (records or dicts).
        keywords: Keyword records by speaker (log-odds, with z-scores).
        topics: Topic records, largest share first.
        speakers: The speaker roll-up, most claims first.
        topics_info: The ``info`` of the topic run (``k``, ``measure``), if any.
        full_text: How many articles (the first ones) are shown with their full text.
        max_chars: The most article text shown in full; the first article always is.
        stance_by: Columns of the stance map: ``entity`` or ``target``.

    Returns:
        The page, as text.

    Raises:
        ValueError: on an unknown ``stance_by``.
    """
    if stance_by not in STANCE_BY:
        raise ValueError(f"stance_by must be one of {', '.join(STANCE_BY)}, not {stance_by!r}")
    acts_by_doc: dict[str, list[Any]] = {}
    for act in stances:
        acts_by_doc.setdefault(rd.get(act, "doc", ""), []).append(act)
    arts = rd.articles(items, Counter({d: len(v) for d, v in acts_by_doc.items()}), full_text=full_text,
                       max_chars=max_chars)
    rows, slots = rd.speakers(speakers)
    index = {r["name"]: i for i, r in enumerate(rows)}
    anchors = {c.id: f"c{a['index']}-{n}" for a, item in zip(arts, items) if a["full"]
               for n, c in enumerate(sorted(item.claims, key=lambda c: (c.start, c.end)))}
    order = [r["name"] for r in rows]
    claim_text = {c.id: (rd.who(c), c.text) for item in items for c in item.claims}
    smap = rd.stance_map(stances, by=stance_by, anchors=anchors)
    tops = rd.topics(topics, claim_text, order, anchors)
    kws = rd.keywords(keywords, order)
    del claim_text

    n_claims = sum(a["claims"] for a in arts)
    full = [a for a in arts if a["full"]]
    heading = arts[0]["title"] if len(arts) == 1 else f"{len(arts):,} articles"
    facts = (f"{len(arts):,} article{'s' if len(arts) != 1 else ''}, {n_claims:,} claims, "
             f"{len(rows):,} speakers, {len(stances):,} stance acts, {len(tops['topics'])} topics.")
    parts = [_head(heading), '<header><p class="brand">dipcli report</p>',
             f"<h1>{esc(heading)}</h1><p>{esc(facts)}</p>", _cap_note(arts, full), _nav(), "</header><main>",
             _speakers_section(rows, slots), _stance_section(smap), _topics_section(tops, topics_info or {}),
             _keywords_section(kws, slots), _search_section(rows, full, items, slots),
             _articles_section(arts, items, acts_by_doc, slots, index), "</main>",
             f'<footer><p>Made by dipcli {esc(_version())}. Offsets are character offsets into each '
             f"article's loaded text (<code>dipcli articles --text</code>).</p></footer>",
             _data_block(rows, smap), _script(), "</body></html>\n"]
    return "".join(parts)


# -- frame ------------------------------------------------------------------------------------

def _asset(name: str) -> str:
    return resources.files("dipcli").joinpath("data", "report", name).read_text(encoding="utf-8")


def _version() -> str:
    from . import __version__

    return __version__


def _head(heading: str) -> str:
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    # No source is allowed but the page itself: its own script (by hash), inline styles and data: images.
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"
    colours = "".join(f".k{i}{{--k:{c};--kt:{tint(c, 0.33)}}}" for i, c in enumerate(SPEAKER_COLOURS))
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="dipcli {esc(_version())}">'
            f"<title>dipcli report: {esc(heading)}</title>"
            f"<style>{_asset('report.css')}{colours}</style></head><body>"
            '<a class="skip" href="#articles">Skip to the texts</a>')


def _script() -> str:
    return f"<script>{_asset('report.js')}</script>"


SECTIONS = (("speakers", "Speakers"), ("stance", "Stance map"), ("topics", "Topics"),
            ("keywords", "Keywords"), ("search", "Search"), ("articles", "Articles"))


def _nav() -> str:
    links = "".join(f'<li><a href="#{k}">{v}</a></li>' for k, v in SECTIONS)
    return f'<nav aria-label="Sections"><ul>{links}</ul></nav>'


def _cap_note(arts: list[dict], full: list[dict]) -> str:
    if len(full) == len(arts):
        return ""
    return (f'<p class="note">This page holds the full annotated text of the first {len(full):,} of '
            f"{len(arts):,} articles; the others are listed with their counts and count in every chart. "
            "Run <code>dipcli report</code> on fewer files (or with <code>--full-text N</code>) to read them.</p>")


def _section(ident: str, title: str, body: str) -> str:
    return f'<section id="{ident}" aria-labelledby="{ident}-h"><h2 id="{ident}-h">{esc(title)}</h2>{body}</section>'


def _data_block(rows: list[dict], smap: dict) -> str:
    data = {"speakers": [r["name"] for r in rows], "stance": {"by": smap["by"], "rows": smap["rows"],
                                                              "cols": smap["cols"], "evidence": smap["evidence"]}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "</script>" and "<!--" cannot occur: no <, > or & is left as itself, and no lone surrogate.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text)
    return f'<script type="application/json" id="dipcli-data">{text}</script>'


# -- sections ---------------------------------------------------------------------------------

def _speakers_section(rows: list[dict], slots: dict[str, int]) -> str:
    shown = rows[:rd.SPEAKER_BARS]
    bars = [{"label": r["name"], "value": r["claims"],
             "text": f"{r['claims']:,} ({r['share']:.1%})" + (f" \u00b7 also: {clip('; '.join(r['aliases']), 48)}"
                                                             if r["aliases"] else ""),
             "colour": speaker_colour(slots[r["name"]]),
             "tip": r["name"] + (f" (also: {'; '.join(r['aliases'])})" if r["aliases"] else "")} for r in shown]
    body = [hbars("speakers-chart", bars, width=980, value_w=400, title="Claims per speaker",
                  desc="One bar per speaker: the number of claims attributed to them and their share of all claims.")]
    rest = rows[len(shown):]
    if rest:
        body.append(f'<p class="note">{len(rest):,} more speakers with {sum(r["claims"] for r in rest):,} '
                    "claims are not drawn.</p>")
    table_rows = "".join(
        f'<tr><td>{_swatch(slots[r["name"]])}{esc(r["name"])}</td><td>{esc(r["kind"])}</td>'
        f'<td class="num">{r["claims"]:,}</td><td class="num">{r["share"]:.1%}</td>'
        f'<td>{esc("; ".join(r["aliases"]))}</td><td>{esc(", ".join(r["cues"][:8]))}</td></tr>'
        for r in rows[:rd.SPEAKER_TABLE])
    more = f" (the first {rd.SPEAKER_TABLE} of {len(rows):,})" if len(rows) > rd.SPEAKER_TABLE else ""
    body.append(f'<details><summary>Speakers with all their aliases and cues{more}'
                '</summary><table><thead><tr><th scope="col">speaker</th><th scope="col">kind</th>'
                '<th scope="col">claims</th><th scope="col">share</th><th scope="col">aliases</th>'
                f'<th scope="col">cues</th></tr></thead><tbody>{table_rows}</tbody></table></details>')
    return _section("speakers", "Speakers", "".join(body))


def _swatch(slot: int) -> str:
    if slot < 0:
        return '<span class="sw sw-n" aria-hidden="true"></span>'
    return f'<span class="sw k{min(slot, len(SPEAKER_COLOURS) - 1)}" aria-hidden="true"></span>'


def _stance_section(smap: dict) -> str:
    if not smap["cells"]:
        what = "named entities" if smap["by"] == "entity" else "targets"
        return _section("stance", "Stance map", f"<p>No stance acts with {what} were found.</p>")
    what = "entity" if smap["by"] == "entity" else "target"
    desc = (f"Holders down, {what} across. Each cell counts the holder's support (+) and opposition "
            "(\u2212) acts; blue leans support, vermillion leans oppose, darker means more acts.")
    notes = []
    if smap["more_rows"] or smap["more_cols"]:
        notes.append(f"{smap['more_rows']:,} more holders and {smap['more_cols']:,} more {what} columns are not "
                     f"drawn ({smap['acts_left_out']:,} of {smap['acts']:,} stance acts fall only there)")
    if smap["acts_without_key"] and smap["by"] == "entity":
        notes.append(f"{smap['acts_without_key']:,} stance acts name no entity in their target; they are "
                     "marked in the texts")
    note = f'<p class="note">{esc("; ".join(notes))}.</p>' if notes else ""
    legend = ('<p class="legend"><span class="lg sup">+ support</span> <span class="lg opp">\u2212 oppose</span> '
              "Click a cell, or focus it and press Enter, to list its evidence.</p>")
    return _section("stance", "Stance map", (
        f"<p>{esc(desc)}</p>{legend}<div class=\"scroll\">"
        + heatmap("stance-chart", smap, title=f"Stance map: holder \u00d7 {what}", desc=desc)
        + f'</div>{note}<div id="evidence" class="evidence" aria-live="polite"><p class="note">No cell chosen.</p></div>'))


def _topics_section(tops: dict, info: dict) -> str:
    found = tops["topics"]
    if not found:
        return _section("topics", "Topics", "<p>Too few claims to find topics in.</p>")
    chosen = ""
    if info.get("requested") == "auto" and info.get("k"):
        chosen = f" k = {info['k']}, chosen by topic coherence ({esc(info.get('measure', 'npmi')).upper()})."
    body = [f"<p>NMF topics over the claims.{chosen} Each bar is one speaker's claims split by topic.</p>",
            stacked("topics-chart", tops["mix"], found, title="Topic shares per speaker",
                    desc="One bar per speaker with most claims; segments are topics, numbered as in the table below.")]
    rows = []
    for t in found:
        ex = t["example"]
        if ex:
            link = f' <a href="#{ex["anchor"]}">in the text</a>' if ex["anchor"] else ""
            example = f'<q>{esc(ex["text"])}</q> <span class="who-inline">({esc(ex["speaker"])})</span>{link}'
        else:
            example = ""
        terms = ", ".join(esc(term) for term, _ in t["terms"])
        rows.append(f'<tr><td>{topic_swatch(t["topic"])}</td><td class="num">{t["share"]:.0%}</td>'
                    f'<td class="num">{t["claims"]:,}</td><td>{terms}</td><td>{example}</td></tr>')
    body.append('<table class="topics"><thead><tr><th scope="col">topic</th><th scope="col">share</th>'
                '<th scope="col">claims</th><th scope="col">top terms</th><th scope="col">most typical claim</th>'
                f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return _section("topics", "Topics", "".join(body))


def _keywords_section(kws: list[dict], slots: dict[str, int]) -> str:
    if not kws:
        return _section("keywords", "Keywords", "<p>No keywords.</p>")
    most = max((t["value"] for g in kws for t in g["terms"]), default=1.0) or 1.0
    cards = []
    for n, g in enumerate(kws):
        cards.append(f'<figure class="kw"><figcaption>{_swatch(slots.get(g["speaker"], len(SPEAKER_COLOURS)))}'
                     f'{esc(g["speaker"])}</figcaption>'
                     + keyword_bars(f"kw{n}", g, speaker_colour(slots.get(g["speaker"], len(SPEAKER_COLOURS))),
                                    most=most) + "</figure>")
    return _section("keywords", "Keywords", (
        "<p>The terms that set each speaker apart from all the others: weighted log-odds with an informative "
        "Dirichlet prior; bars give the z-score (above 1.96: unlikely by chance), all on one scale.</p>"
        f'<div class="kws">{"".join(cards)}</div>'))


def _search_section(rows: list[dict], full: list[dict], items: Sequence[Analysed], slots: dict[str, int]) -> str:
    present = {rd.who(c) for a in full for c in items[a["index"]].claims}
    options = "".join(f'<option value="{i}">{esc(r["name"])}</option>'
                      for i, r in enumerate(rows) if r["name"] in present)
    scope = f"the {len(full):,} articles shown in full below" if len(full) > 1 else "the text below"
    return _section("search", "Search", (
        f'<form id="search-form" role="search"><p>Find claims in {scope}: every word must occur (any case); '
        'choose a speaker to see only theirs.</p>'
        '<label for="q">Words</label> <input id="q" type="search" autocomplete="off"> '
        f'<label for="who">Speaker</label> <select id="who"><option value="">any speaker</option>{options}</select>'
        '</form><p id="search-count" aria-live="polite"></p><ol id="search-results"></ol>'
        "<noscript><p>Searching needs JavaScript; everything else on this page works without it.</p></noscript>"))


def _articles_section(arts: list[dict], items: Sequence[Analysed], acts_by_doc: dict[str, list[Any]],
                      slots: dict[str, int], index: dict[str, int]) -> str:
    rows = []
    for a in arts:
        title = f'<a href="#a{a["index"]}">{esc(a["title"])}</a>' if a["full"] else esc(a["title"])
        rows.append(f'<tr><td class="num">{a["index"] + 1}</td><td>{title}</td><td>{esc(a["date"])}</td>'
                    f'<td>{esc(a["source"])}</td><td class="num">{a["claims"]:,}</td>'
                    f'<td class="num">{a["speakers"]:,}</td><td class="num">{a["stances"]:,}</td></tr>')
    table = ('<div id="article-list"><table><thead><tr><th scope="col">#</th><th scope="col">title</th>'
             '<th scope="col">date</th><th scope="col">source</th><th scope="col">claims</th>'
             '<th scope="col">speakers</th><th scope="col">stance acts</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    texts = "".join(_article(a, items[a["index"]], acts_by_doc.get(a["doc"], []), slots, index)
                    for a in arts if a["full"])
    return _section("articles", "Articles", table + _legend(slots) + f'<div id="texts">{texts}</div>')


def _legend(slots: dict[str, int]) -> str:
    named = [(name, s) for name, s in slots.items() if 0 <= s < len(SPEAKER_COLOURS) - 1]
    items = "".join(f'<li><span class="cl k{s}">{esc(name)}</span></li>' for name, s in named)
    if any(s >= len(SPEAKER_COLOURS) - 1 for s in slots.values()):
        items += f'<li><span class="cl k{len(SPEAKER_COLOURS) - 1}">other speakers</span></li>'
    return ('<div class="legend-box"><h3>How to read the texts</h3><ul class="legend">'
            f'{items}<li><span>narration (plain)</span></li><li><span class="cue">reporting cue</span></li>'
            '<li><span class="scue">stance cue</span></li><li><span class="tsup ts">supported target</span></li>'
            '<li><span class="topp ts">opposed target</span></li></ul>'
            "<p>Hover over a sentence, or focus it with Tab, to see its speaker, how it was attributed, the "
            "confidence, the cue and its offsets.</p></div>")


# -- annotated text ---------------------------------------------------------------------------

def _article(a: dict, item: Analysed, acts: list[Any], slots: dict[str, int], index: dict[str, int]) -> str:
    art = item.article
    i = a["index"]
    meta = [x for x in (a["date"], a["source"], a["place"]) if x]
    counts = f"{a['claims']:,} claims, {a['speakers']:,} speakers, {a['stances']:,} stance acts"
    out = [f'<article class="doc" id="a{i}" aria-labelledby="a{i}-h"><h3 id="a{i}-h">{esc(a["title"])}</h3>'
           f'<p class="meta">{esc(DOT.join(meta + [counts]))}<br><span class="doc-id">{esc(art.doc)}</span>'
           + (f' \u00b7 <span class="url">{esc(art.url)}</span>' if art.url else "") + "</p>"]
    by_claim: dict[str, list[Any]] = {}
    for act in acts:
        by_claim.setdefault(rd.get(act, "claim", ""), []).append(act)
    text = art.text
    claims = sorted(item.claims, key=lambda c: (c.start, c.end))
    paras = sorted(((p.start, p.end, p.bullet) for p in item.paragraphs), key=lambda p: (p[0], p[1]))
    if not paras:
        paras = [(0, len(text), False)]
    k = 0
    prev = None
    pos = 0
    for start, end, bullet in paras:
        out.append('<p class="bullet">' if bullet else "<p>")
        pos = max(pos, start)
        while k < len(claims) and claims[k].start < end:
            c = claims[k]
            name = rd.who(c)
            if c.start >= pos:
                out.append(esc(text[pos:c.start]))
            if name != prev and name != NARRATOR:
                label = esc(clip(name, 60))
                full_name = f' title="{esc(name)}"' if len(name) > 60 else ""
                out.append(f'<span class="who {_cls(slots.get(name, OTHER))}"{full_name}>{label}</span> ')
            prev = name
            out.append(_claim(c, text, max(pos, c.start), f"c{i}-{k}", by_claim.get(c.id, []), slots, index))
            pos = max(pos, c.end)
            k += 1
        if pos < end:
            out.append(esc(text[pos:end]))
            pos = end
        out.append("</p>")
    out.append("</article>")
    return "".join(out)


def _cls(slot: int) -> str:
    return "kn" if slot < 0 else f"k{min(slot, len(SPEAKER_COLOURS) - 1)}"


def _claim(c: Any, text: str, start: int, anchor: str, acts: list[Any], slots: dict[str, int],
           index: dict[str, int]) -> str:
    """One sentence: a focusable span in its speaker's colour, the cue and stance marks inside."""
    end = max(start, c.end)
    marks = []
    cue = rd.cue_span(c, text)
    if cue:
        marks.append((cue[0], cue[1], "cue"))
    for act in acts:
        marks.extend(rd.stance_marks(act))
    marks = [(max(s, start), min(e, end), kind) for s, e, kind in marks if s < end and e > start]
    cuts = sorted({start, end} | {s for s, _, _ in marks} | {e for _, e, _ in marks})
    inner = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        classes = [kind for s, e, kind in marks if s <= a and b <= e]
        classes += ["ts"] * any(s == a and kind.startswith("t") for s, _, kind in marks)
        seg = esc(text[a:b])
        inner.append(f'<span class="{" ".join(dict.fromkeys(classes))}">{seg}</span>' if classes else seg)
    name = rd.who(c)
    tip = rd.claim_tip(c, rd.get(c, "speaker_kind", ""), acts)
    return (f'<span class="cl {_cls(slots.get(name, OTHER))}" id="{anchor}" tabindex="0" data-s="{index.get(name, -1)}" '
            f'data-tip="{esc(tip)}">{"".join(inner)}</span>')
