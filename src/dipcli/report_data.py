"""What the report page shows, read from the analyses' results.

This is the one module of the report that knows the fields of claims, stance
acts, keywords, topics and speakers. It reads them defensively (a record may
be a dataclass or a dict, and a field may be missing or gain company), and
hands :mod:`dipcli.html_report` plain dicts and lists of strings and numbers.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .model import NARRATOR

#: Speakers that get a colour of their own; the others share the "other speakers" grey.
COLOURED_SPEAKERS = 7
SPEAKER_BARS = 20
SPEAKER_TABLE = 100
STANCE_SPEAKERS = 12
STANCE_COLUMNS = 16
EVIDENCE_PER_CELL = 12
TOPIC_SPEAKERS = 10
KEYWORD_SPEAKERS = 8
KEYWORD_TERMS = 8
#: Articles shown with their full annotated text, and the most text they may hold together.
FULL_TEXT_ARTICLES = 100
FULL_TEXT_CHARS = 1_000_000


def get(record: Any, name: str, default: Any = None) -> Any:
    """A field of a dataclass or a dict; ``default`` when it is missing or None."""
    value = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
    return default if value is None else value


def _int(record: Any, name: str) -> int | None:
    value = get(record, name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def who(record: Any) -> str:
    """A claim's or stance act's speaker as the roll-ups name it: its corpus identity when it
    has one, the narrator as "narrator"."""
    name = get(record, "identity") or get(record, "speaker")
    return name if isinstance(name, str) else NARRATOR


def holder(act: Any) -> str:
    """A stance act's holder as the stance map names it (its speaker in records that have none):
    its speaker's corpus identity when the holder is the speaker."""
    name = get(act, "holder", get(act, "speaker"))
    if isinstance(name, dict):
        name = name.get("name")
    if name is not None and name == get(act, "speaker") and isinstance(get(act, "identity"), str):
        name = get(act, "identity")
    return name if isinstance(name, str) else NARRATOR


def entity_names(act: Any) -> list[str]:
    """The canonical names in a stance act's target, whether listed as strings or as records."""
    names = []
    for e in get(act, "entities", []):
        name = e if isinstance(e, str) else get(e, "name") or get(e, "text")
        if isinstance(name, str) and name.strip() and name not in names:
            names.append(name)
    return names


def _key(label: str) -> str:
    return " ".join(label.split()).casefold()


# -- articles -------------------------------------------------------------------------------

def articles(items: Sequence[Any], stance_counts: Counter, *, full_text: int, max_chars: int) -> list[dict]:
    """One row per article; ``full`` says whether its annotated text is in the page.

    The first ``full_text`` articles are shown in full while their text stays
    within ``max_chars`` (the first one always is).
    """
    rows = []
    used = 0
    for i, item in enumerate(items):
        a = item.article
        full = i < full_text and (i == 0 or used + len(a.text) <= max_chars)
        if full:
            used += len(a.text)
        rows.append({
            "index": i, "doc": a.doc, "title": a.title or a.doc, "date": a.date or "", "source": a.source or "",
            "place": a.place or "", "url": a.url or "", "chars": len(a.text), "claims": len(item.claims),
            "speakers": len({c.speaker for c in item.claims if c.speaker is not None}),
            "stances": stance_counts.get(a.doc, 0), "full": full,
        })
        if not full:
            full_text = min(full_text, i)  # once one is left out, the rest are too: "the first N"
    return rows


# -- speakers -------------------------------------------------------------------------------

def speakers(rollup: Sequence[Any]) -> tuple[list[dict], dict[str, int]]:
    """The speaker rows (largest first) and each name's colour slot.

    Slots 0 to ``COLOURED_SPEAKERS - 1`` go to the speakers with most claims;
    the narrator has none (-1, narration stays plain); everyone else shares
    the last slot.
    """
    rows = []
    colour: dict[str, int] = {}
    for s in rollup:
        name = get(s, "name", NARRATOR)
        kind = get(s, "kind", "")
        if name not in colour:
            if kind == NARRATOR or name == NARRATOR:
                colour[name] = -1
            else:
                taken = sum(1 for v in colour.values() if v >= 0)
                colour[name] = min(taken, COLOURED_SPEAKERS)
        rows.append({"name": name, "kind": kind, "claims": int(get(s, "claims", 0)),
                     "share": float(get(s, "share", 0.0)), "aliases": [str(x) for x in get(s, "aliases", [])],
                     "cues": [str(x) for x in get(s, "cues", [])], "colour": colour[name]})
    return rows, colour


# -- stance map -----------------------------------------------------------------------------

def stance_map(acts: Sequence[Any], *, by: str, anchors: dict[str, str]) -> dict:
    """Speaker x entity (or target) counts for the most active rows and columns, with evidence.

    Returns ``rows`` and ``cols`` (labels), ``cells`` (``[row, col, support,
    oppose, evidence index]``), ``evidence`` (per cell, at most
    ``EVIDENCE_PER_CELL`` acts), and what was left out: ``more_rows``,
    ``more_cols``, ``acts_left_out``, ``acts_without_key`` (acts whose target
    names no entity).
    """
    from types import SimpleNamespace

    from .stance import stance_matrix

    # stance_matrix reads these four fields; entities as names whatever form they come in; the row is
    # the act's holder (older records without one: its speaker)
    plain = [SimpleNamespace(holder=holder(a), target=get(a, "target", ""), entities=entity_names(a),
                             polarity=get(a, "polarity", "")) for a in acts]
    counts = stance_matrix(plain, by=by)
    row_total: Counter[str] = Counter()
    col_total: Counter[str] = Counter()
    col_label: dict[str, str] = {}
    for r in counts:
        n = int(r.get("support", 0)) + int(r.get("oppose", 0))
        row_total[r["holder"]] += n
        col_label.setdefault(_key(r[by]), r[by])
        col_total[_key(r[by])] += n
    top_rows = [k for k, _ in sorted(row_total.items(), key=lambda kv: (-kv[1], kv[0]))[:STANCE_SPEAKERS]]
    top_cols = [k for k, _ in sorted(col_total.items(), key=lambda kv: (-kv[1], kv[0]))[:STANCE_COLUMNS]]
    ri = {k: i for i, k in enumerate(top_rows)}
    ci = {k: i for i, k in enumerate(top_cols)}

    evidence: dict[tuple[int, int], list[dict]] = {}
    left_out = 0
    without_key = 0
    for act in acts:
        keys = [get(act, "target", "")] if by == "target" else entity_names(act)
        if not keys:
            without_key += 1
            continue
        r = ri.get(holder(act))
        cells = [(r, ci[_key(k)]) for k in dict.fromkeys(keys) if r is not None and _key(k) in ci]
        if not cells:
            left_out += 1
        for cell in cells:
            evidence.setdefault(cell, []).append(_evidence(act, anchors))
    cells = []
    shown = []
    for r in counts:
        row, col = ri.get(r["holder"]), ci.get(_key(r[by]))
        if row is None or col is None:
            continue
        ev = evidence.get((row, col), [])
        cells.append([row, col, int(r.get("support", 0)), int(r.get("oppose", 0)), len(shown)])
        shown.append({"total": len(ev), "acts": ev[:EVIDENCE_PER_CELL]})
    cells.sort()
    return {"by": by, "rows": top_rows, "cols": [col_label[k] for k in top_cols], "cells": cells,
            "evidence": shown, "more_rows": len(row_total) - len(top_rows),
            "more_cols": len(col_total) - len(top_cols), "acts": len(acts), "acts_left_out": left_out,
            "acts_without_key": without_key}


def _evidence(act: Any, anchors: dict[str, str]) -> dict:
    """One stance act as the page lists it: the sentence, with the target's place in it."""
    text = get(act, "text", "")
    start = _int(act, "start") or 0
    ts, te = _int(act, "target_start"), _int(act, "target_end")
    rel = [ts - start, te - start] if ts is not None and te is not None and 0 <= ts - start <= te - start <= len(text) else None
    return {"speaker": who(act), "polarity": get(act, "polarity", ""), "cue": get(act, "cue", ""),
            "target": get(act, "target", ""), "text": text, "span": rel, "doc": get(act, "doc", ""),
            "offsets": f"{start}\u2013{_int(act, 'end') or start}", "anchor": anchors.get(get(act, "claim", ""), "")}


# -- topics and keywords ----------------------------------------------------------------------

def topics(found: Sequence[Any], claim_text: dict[str, tuple[str, str]], speaker_order: list[str],
           anchors: dict[str, str]) -> dict:
    """Each topic's share, terms and most representative claim, and the topic mix of the
    ``TOPIC_SPEAKERS`` speakers with most claims."""
    rows = []
    for t in found:
        terms = [(get(x, "term", ""), float(get(x, "weight", 0.0))) for x in get(t, "terms", [])]
        example = None
        for cid in get(t, "claims", []):  # ordered by the topic's weight in the claim
            if cid in claim_text:
                speaker, text = claim_text[cid]
                example = {"speaker": speaker, "text": text, "anchor": anchors.get(cid, "")}
                break
        rows.append({"topic": int(get(t, "topic", len(rows) + 1)), "label": get(t, "label", ""),
                     "share": float(get(t, "share", 0.0)), "terms": terms, "example": example,
                     "claims": len(get(t, "claims", [])), "speakers": _speaker_shares(get(t, "speakers", []))})
    mix = []
    for name in speaker_order:
        if any(name in r["speakers"] for r in rows):
            mix.append({"speaker": name, "shares": [float(r["speakers"].get(name, 0.0)) for r in rows]})
        if len(mix) == TOPIC_SPEAKERS:
            break
    for r in rows:
        del r["speakers"]
    return {"topics": rows, "mix": mix}


def _speaker_shares(speakers: Any) -> dict[str, float]:
    """Speaker -> share of a topic, from its speaker records (an older record: a dict of shares)."""
    if isinstance(speakers, dict):
        return {str(k): float(v) for k, v in speakers.items()}
    return {str(get(s, "speaker", "")): float(get(s, "share", 0.0)) for s in speakers}


def keywords(found: Sequence[Any], speaker_order: list[str]) -> list[dict]:
    """The top terms of the ``KEYWORD_SPEAKERS`` speakers with most claims, by z-score
    (by score where a method gives none)."""
    by_group: dict[str, list[dict]] = {}
    for k in found:
        z = get(k, "z")
        by_group.setdefault(get(k, "group", ""), []).append({
            "term": get(k, "term", ""), "value": float(z if z is not None else get(k, "score", 0.0)),
            "count": int(get(k, "count", 0)), "rest": int(get(k, "count_rest", 0))})
    out = []
    for name in speaker_order:
        if name in by_group:
            out.append({"speaker": name, "terms": by_group[name][:KEYWORD_TERMS]})
        if len(out) == KEYWORD_SPEAKERS:
            break
    return out


# -- annotated text -------------------------------------------------------------------------

def cue_span(claim: Any, text: str) -> tuple[int, int] | None:
    """Where the claim's reporting cue is: its own offsets when the claim has them, else the
    first whole-word match of the cue inside the sentence."""
    s, e = _int(claim, "cue_start"), _int(claim, "cue_end")
    if s is not None and e is not None and claim.start <= s < e <= claim.end:
        return s, e
    cue = get(claim, "cue")
    if not isinstance(cue, str) or not cue.strip():
        return None
    m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, cue.split())) + r"(?!\w)",
                  text[claim.start:claim.end], re.IGNORECASE)
    return (claim.start + m.start(), claim.start + m.end()) if m else None


def stance_marks(act: Any) -> list[tuple[int, int, str]]:
    """The spans of one stance act to mark: its cue and its target, with the act's polarity."""
    pol = "sup" if get(act, "polarity") == "support" else "opp"
    marks = []
    for a, b, kind in (("cue_start", "cue_end", "scue"), ("target_start", "target_end", "t" + pol)):
        s, e = _int(act, a), _int(act, b)
        if s is not None and e is not None and s < e:
            marks.append((s, e, kind))
    return marks


def claim_tip(claim: Any, kind: str, acts: Sequence[Any]) -> str:
    """The text shown when a sentence is hovered or focused."""
    name = who(claim)
    lines = [f"{name} ({kind})" if kind and kind != name else name]
    conf = get(claim, "confidence")
    detail = [f"via {get(claim, 'via', 'none')}"]
    if isinstance(conf, (int, float)):
        detail.append(f"confidence {conf:.2f}")
    cue = get(claim, "cue")
    if cue:
        detail.append(f"cue \u201c{cue}\u201d")
    rule = get(claim, "rule")
    if isinstance(rule, str) and rule:
        detail.append(f"rule {rule}")
    lines.append(", ".join(detail))
    lines.append(f"offsets {claim.start}\u2013{claim.end}")
    for act in acts:
        sign = "+" if get(act, "polarity") == "support" else "\u2212"
        target = get(act, "target", "")
        if len(target) > 90:
            target = target[:89] + "\u2026"
        lines.append(f"{sign} {get(act, 'polarity', '')} ({get(act, 'cue', '')}): {target}")
    return "\n".join(lines)
