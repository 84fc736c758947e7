"""Table layouts: how each command's records look as a Rich table on stdout.

One function per view, each taking the records (and what else the view shows)
and returning the number of rows printed, as :func:`dipcli.render.emit` expects
of a table writer. Text from articles is escaped by :func:`dipcli.render.print_table`.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .model import NARRATOR, NARRATOR_CELL, Analysed, Claim, Keyword, KwicHit, Speaker, Stance, Topic
from .render import print_table


def short(name: str, limit: int = 26) -> str:
    """A long name (a joint statement's title) cut at a word boundary for a table header."""
    if len(name) <= limit:
        return name
    # head and tail, so two long statement titles stay apart ("Joint Statement…the New Era")
    half = limit // 2
    head = name[:half].rsplit(" ", 1)[0]
    tail = name[-half:].split(" ", 1)[-1]
    return f"{head}\u2026{tail}"


def speaker_cell(name: str | None, limit: int = 40) -> str:
    """A speaker for a table cell: the narrator spelled as tables spell it."""
    return short(name or NARRATOR_CELL, limit)


def label_cell(label: str, limit: int = 40) -> str:
    """A roll-up's speaker label (``narrator`` for the outlet's voice) as tables spell it."""
    return short(NARRATOR_CELL if label == NARRATOR else label, limit)


def highlighted(text: str, claim: Claim, spans: list[tuple[int, int]]):
    """The claim as Rich Text with the matched words in bold; control characters dropped."""
    from rich.text import Text

    from .render import CONTROL

    out = Text()
    pos = claim.start
    for s, e in sorted(spans):
        out.append(CONTROL.sub("", text[pos:s]))
        out.append(CONTROL.sub("", text[s:e]), style="bold yellow")
        pos = e
    out.append(CONTROL.sub("", text[pos:claim.end]))
    return out


def polarity_text(polarity: str):
    from rich.text import Text

    return Text("+", style="bold green") if polarity == "support" else Text("\u2212", style="bold red")


def articles_table(rows: Sequence[dict[str, Any]], *, with_text: bool = False) -> int:
    cols = [("doc", {"overflow": "fold"}), ("title", {"ratio": 1}), ("date", {"no_wrap": True}),
            ("source", {}), ("place", {}), ("claims", {"justify": "right"}),
            ("speakers", {"justify": "right"}), ("words", {"justify": "right"})]
    n = print_table("Articles", cols, ([r[c] for c, _ in cols] for r in rows))
    if with_text:
        from .render import safe_text, stdout_console

        con = stdout_console()
        for r in rows:
            con.rule(safe_text(r["doc"]))
            con.print(safe_text(r["text"]))
    return n


def claims_table(rows: Sequence[Claim]) -> int:
    cols = [("#", {"justify": "right"}), ("speaker", {"style": "bold", "max_width": 20}),
            ("via", {"max_width": 12}), ("cue", {"max_width": 14}), ("offsets", {"no_wrap": True}),
            ("text", {"ratio": 1})]
    return print_table("Claims", cols, ([c.id.rsplit(":", 1)[-1], speaker_cell(c.speaker), c.via, c.cue or "",
                                          f"{c.start}-{c.end}", c.text] for c in rows))


def speakers_table(rows: Sequence[Speaker]) -> int:
    cols = [("speaker", {"style": "bold"}), ("kind", {}), ("claims", {"justify": "right"}),
            ("share", {"justify": "right"}), ("aliases", {"max_width": 40}), ("cues", {"max_width": 40})]
    return print_table("Speakers", cols, ([NARRATOR_CELL if s.kind == NARRATOR else s.name, s.kind, s.claims, f"{s.share:.1%}", "; ".join(s.aliases),
                                           ", ".join(s.cues)] for s in rows))


def hits_table(rows: Sequence[Any], *, query: str, texts: dict[str, str]) -> int:
    """Search hits (:class:`dipcli.search.Hit`), with the matched words of each claim in bold."""
    cols = [("#", {"justify": "right"}), ("speaker", {"style": "bold", "max_width": 24}),
            ("score", {"justify": "right"}), ("offsets", {"no_wrap": True}), ("text", {"ratio": 1})]
    return print_table(f"Who said: {query}", cols, (
        [i + 1, speaker_cell(h.claim.speaker), f"{h.score:.2f}", f"{h.claim.start}-{h.claim.end}",
         highlighted(texts[h.claim.doc], h.claim, h.spans)] for i, h in enumerate(rows)),
        caption=None if len(texts) < 2 else "offsets are into each claim's article; use --json for ids")


def keywords_table(rows: Sequence[Keyword], *, by: str, method: str) -> int:
    cols = [("group", {"style": "bold"}), ("term", {}), ("score", {"justify": "right"}),
            ("z", {"justify": "right"}), ("count", {"justify": "right"}), ("rest", {"justify": "right"})]
    return print_table(f"Keywords by {by} ({method})", cols, (
        ["" if i and rows[i - 1].group == k.group else label_cell(k.group, 30) if by == "speaker" else short(k.group, 30), k.term, f"{k.score:.3f}",
         "" if k.z is None else f"{k.z:.2f}", k.count, k.count_rest]
        for i, k in enumerate(rows)))


def stances_table(rows: Sequence[Stance]) -> int:
    cols = [("holder", {"style": "bold", "max_width": 18}), ("via", {"max_width": 10}), ("", {"no_wrap": True}),
            ("cue", {"max_width": 22}), ("target", {"ratio": 1}), ("offsets", {"no_wrap": True})]
    return print_table("Stances", cols, (
        [speaker_cell(s.holder), s.holder_via, polarity_text(s.polarity),
         s.cue + (f" [{s.intensity}]" if s.intensity else ""), s.target, f"{s.target_start}-{s.target_end}"]
        for s in rows))


def _net_text(r: dict):
    from rich.text import Text

    style = "green" if r["net"] > 0 else "red" if r["net"] < 0 else "yellow"
    return Text(r["cell"], style=style)


def matrix_table(rows: list[dict], key: str) -> int:
    """Targets down, holders across (there are fewer holders), cells like +2 / \u22121."""
    holders = list(dict.fromkeys(r["holder"] for r in rows))
    targets = list(dict.fromkeys(r[key] for r in rows))
    cell = {(r["holder"], r[key]): r for r in rows}
    cols = [(key, {"style": "bold", "ratio": 1})] + [(label_cell(h, 26), {"justify": "center"}) for h in holders]
    return print_table(f"Stance matrix ({key} \u00d7 holder)", cols,
                       ([t] + [_net_text(cell[(h, t)]) if (h, t) in cell else "" for h in holders]
                        for t in targets))


def pairs_table(rows: list[dict]) -> int:
    """Holder -> entity, with counts and where each act is (article offsets of the cue)."""
    cols = [("holder", {"style": "bold", "max_width": 24}), ("", {"no_wrap": True}),
            ("entity", {"style": "bold", "max_width": 24}), ("cell", {"justify": "right", "no_wrap": True}),
            ("evidence (cue offsets)", {"ratio": 1})]
    return print_table("Who supports or opposes whom", cols, (
        [label_cell(r["holder"]), "\u2192", r["entity"], _net_text(r),
         ", ".join(f"{e['cue_start']}-{e['cue_end']}" for e in r["evidence"])] for r in rows))


def first_claims(rows: Iterable[Topic], items: Iterable[Analysed]) -> dict[str, str]:
    """Claim id -> text of each topic's first (most representative) claim."""
    wanted = {t.claims[0] for t in rows if t.claims}
    return {c.id: c.text for item in items for c in item.claims if c.id in wanted}


def topics_table(rows: Sequence[Topic], examples: dict[str, str]) -> int:
    """The topics as a table; ``examples`` holds the text of each topic's first claim."""
    cols = [("topic", {"justify": "right"}), ("label", {"style": "bold"}), ("share", {"justify": "right"}),
            ("claims", {"justify": "right"}), ("docs", {"justify": "right"}), ("top terms", {"max_width": 40}),
            ("speakers", {"max_width": 36}), ("example claim", {"ratio": 1})]
    return print_table("Topics", cols, (
        [t.topic, t.label, f"{t.share:.0%}", f"{t.n_claims} ({t.claim_share:.0%})", t.docs,
         ", ".join(tt.term for tt in t.terms),
         ", ".join(f"{label_cell(s.speaker, 24)} {s.share:.0%} ({s.claims}/{s.of})" for s in t.speakers),
         short(examples[t.claims[0]], 160) if t.claims and t.claims[0] in examples else ""] for t in rows))


def topic_docs_table(rows: Sequence[Any]) -> int:
    """Each article's dominant topic and topic mix (:class:`dipcli.model.TopicDoc`)."""
    cols = [("doc", {"overflow": "fold", "max_width": 36}), ("title", {"ratio": 1}),
            ("claims", {"justify": "right"}), ("topic", {"justify": "right"}), ("weight", {"justify": "right"}),
            ("mix", {"max_width": 40})]
    return print_table("Topics by article", cols, (
        [d.doc, d.title or "", f"{d.assigned}/{d.claims}", "" if d.dominant is None else d.dominant,
         "" if d.weight is None else f"{d.weight:.0%}",
         ", ".join(f"{m.topic}: {m.weight:.0%}" for m in sorted(d.mix, key=lambda m: (-m.weight, m.topic))
                   if m.weight >= 0.05)]
        for d in rows))


def topic_k_table(rows: Sequence[dict[str, Any]]) -> int:
    """Every k tried by --k auto, with its coherence."""
    cols = [("k", {"justify": "right"}), ("coherence", {"justify": "right"}), ("\u00b1 se", {"justify": "right"}),
            ("explained", {"justify": "right"}), ("", {})]
    return print_table("Number of topics", cols, (
        [r["k"], f"{r['coherence']:.3f}", f"{r['se']:.3f}", f"{r['explained']:.0%}",
         "chosen" if r["chosen"] else "within noise" if r["within_noise"] else
         "" if r["competes"] else "a subject missing"] for r in rows))


def topic_model_table(rows: Sequence[dict[str, Any]]) -> int:
    """The model description, one field a line (lists shortened)."""
    import json

    def cell(key: str, value: Any) -> str:
        if key == "candidates":
            return ", ".join(f"{c['k']}: {c['coherence']:.3f}{' (chosen)' if c['chosen'] else ''}" for c in value) \
                + " (--by k for the table)"
        if isinstance(value, list) and len(value) > 8:
            return f"{len(value)} items (--format json lists them)"
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    return print_table("Topic model", [("field", {"style": "bold"}), ("value", {"ratio": 1})],
                       ([key, cell(key, value)] for r in rows for key, value in r.items()))


def _table_overhead(columns: int) -> int:
    """Terminal columns a table's borders and padding take: a rule per column and one more,
    a space each side of every cell."""
    return columns + 1 + 2 * columns


def kwic_lines(rows: Sequence[KwicHit], *, width: int, window: int) -> tuple[list[list[str]], dict[str, int]]:
    """Cells that fit a table ``width`` columns wide: the left context keeps its end and the
    right context its start (the words next to the match), the speaker gives way first.

    Returns the rows (speaker, left, match, right; the speaker left out when there is
    no room for it) and each column's width.
    """
    match_w = max(len(h.match) for h in rows)
    speaker_w = min(16, max(len(speaker_cell(h.speaker, 16)) for h in rows))
    room = width - _table_overhead(4)
    match_w = max(1, min(match_w, room // 3))
    context = (room - match_w - speaker_w) // 2
    if context < 12:
        # narrow terminal: the speaker gives way (to 6 columns, then entirely) before the contexts
        speaker_w = min(speaker_w, max(0, room - match_w - 24)) if room - match_w >= 24 + 6 else 0
        room = width - _table_overhead(4 if speaker_w else 3)
        context = (room - match_w - speaker_w) // 2
    context = max(1, min(window, context))

    def left(s: str) -> str:
        s = s.strip()  # the column's padding separates it from the match
        if len(s) <= context:
            return s
        if s[-context - 1].isspace():  # the cut falls between words: no ellipsis needed
            return s[-context:]
        return "\u2026" + s[len(s) - context + 1:]

    def right(s: str) -> str:
        s = s.strip()
        if len(s) <= context:
            return s
        if s[context].isspace():
            return s[:context]
        return s[:context - 1] + "\u2026"

    def cut(s: str, n: int) -> str:
        return s if len(s) <= n else s[:max(0, n - 1)] + "\u2026"

    lines = [([cut(speaker_cell(h.speaker, 16), speaker_w)] if speaker_w else [])
             + [left(h.left), cut(h.match, match_w), right(h.right)] for h in rows]
    widths = {"speaker": speaker_w, "left": context, "match": match_w, "right": context}
    return lines, widths


def kwic_table(rows: Sequence[KwicHit], *, term: str, window: int) -> int:
    from .render import stdout_console

    console = stdout_console()
    lines, w = kwic_lines(rows, width=console.width, window=window)
    fixed = {"no_wrap": True, "overflow": "crop"}
    cols = ([("speaker", {"style": "bold", "width": w["speaker"], **fixed})] if w["speaker"] else []) + [
        ("left", {"justify": "right", "width": w["left"], **fixed}),
        ("match", {"style": "bold yellow", "width": w["match"], **fixed}),
        ("right", {"width": w["right"], **fixed})]
    return print_table(f"KWIC: {term}", cols, lines, console=console)
