"""Table layouts: how each command's records look as a Rich table on stdout.

One function per view, each taking the records (and what else the view shows)
and returning the number of rows printed, as :func:`dipcli.render.emit` expects
of a table writer. Text from articles is escaped by :func:`dipcli.render.print_table`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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


def who(record: Any, limit: int = 40) -> str:
    """A claim's, stance act's or hit's speaker for a table: its corpus identity when it has one."""
    name = getattr(record, "identity", None) or record.speaker
    return speaker_cell(name, limit)


def by_doc(rows: Sequence[Any]) -> list[tuple[str, list[Any]]]:
    """Consecutive rows of one document together, in order."""
    groups: list[tuple[str, list[Any]]] = []
    for r in rows:
        if not groups or groups[-1][0] != r.doc:
            groups.append((r.doc, []))
        groups[-1][1].append(r)
    return groups


def per_doc(title: str, rows: Sequence[Any], one: Callable[[str, Sequence[Any]], int]) -> int:
    """One table per document when the rows come from several (titled "TITLE: doc"), else one."""
    groups = by_doc(rows)
    if len(groups) == 1:
        return one(title, rows)
    return sum(one(f"{title}: {doc}", part) for doc, part in groups)


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
    """The articles; an ``author`` column after the title when one of them has an author."""
    rows = list(rows)
    cols = [("doc", {"overflow": "fold"}), ("title", {"ratio": 1}), ("date", {"no_wrap": True}),
            ("source", {}), ("place", {}), ("claims", {"justify": "right"}),
            ("speakers", {"justify": "right"}), ("words", {"justify": "right"})]
    if any(r.get("author") for r in rows):
        cols.insert(2, ("author", {"max_width": 24}))
    n = print_table("Articles", cols, ([r[c] or "" if c == "author" else r[c] for c, _ in cols] for r in rows))
    if with_text:
        from .render import safe_text, stdout_console

        con = stdout_console()
        for r in rows:
            con.rule(safe_text(r["doc"]))
            con.print(safe_text(r["text"]))
    return n


def claims_table(rows: Sequence[Claim]) -> int:
    """Claims, one table per article when they come from several; ``#`` is the claim's number in its article."""
    cols = [("#", {"justify": "right"}), ("speaker", {"style": "bold", "max_width": 20}),
            ("via", {"max_width": 12}), ("cue", {"max_width": 14}), ("offsets", {"no_wrap": True}),
            ("text", {"ratio": 1})]
    return per_doc("Claims", rows, lambda title, part: print_table(title, cols, (
        [c.id.rsplit(":", 1)[-1], who(c), c.via, c.cue or "", f"{c.start}-{c.end}", c.text] for c in part)))


def speakers_table(rows: Sequence[Speaker], *, caption: str | None = None) -> int:
    cols = [("speaker", {"style": "bold"}), ("kind", {}), ("claims", {"justify": "right"}),
            ("share", {"justify": "right"}), ("aliases", {"max_width": 40}), ("cues", {"max_width": 40})]
    return print_table("Speakers", cols, ([speaker_cell(s.name if s.kind != "narrator" else None, 60), s.kind,
                                           s.claims, f"{s.share:.1%}", _few(s.aliases, 6, "; "),
                                           _few(s.cues, 8, ", ")] for s in rows), caption=caption)


def _few(items: Sequence[str], n: int, sep: str) -> str:
    """The first ``n`` items joined, and how many more."""
    head = sep.join(items[:n])
    return head + (f" (+{len(items) - n})" if len(items) > n else "")


def hits_table(rows: Sequence[Any], *, query: str, texts: dict[str, str]) -> int:
    """Search hits (:class:`dipcli.search.Hit`), with the matched words of each claim in bold;
    from several articles, a ``doc`` column says which."""
    several = len({h.claim.doc for h in rows}) > 1
    cols = [("#", {"justify": "right"}), ("speaker", {"style": "bold", "max_width": 24})] \
        + ([("doc", {"max_width": 24, "overflow": "fold"})] if several else []) \
        + [("score", {"justify": "right"}), ("offsets", {"no_wrap": True}), ("text", {"ratio": 1})]
    return print_table(f"Who said: {query}", cols, (
        [i + 1, who(h.claim)] + ([h.claim.doc] if several else [])
        + [f"{h.score:.2f}", f"{h.claim.start}-{h.claim.end}", highlighted(texts[h.claim.doc], h.claim, h.spans)]
        for i, h in enumerate(rows)))


def keywords_table(rows: Sequence[Keyword], *, by: str, method: str) -> int:
    cols = [("group", {"style": "bold"}), ("term", {}), ("score", {"justify": "right"}),
            ("z", {"justify": "right"}), ("count", {"justify": "right"}), ("rest", {"justify": "right"})]
    return print_table(f"Keywords by {by} ({method})", cols, (
        ["" if i and rows[i - 1].group == k.group else label_cell(k.group, 30) if by == "speaker" else short(k.group, 30), k.term, f"{k.score:.3f}",
         "" if k.z is None else f"{k.z:.2f}", k.count, k.count_rest]
        for i, k in enumerate(rows)))


def stances_table(rows: Sequence[Stance]) -> int:
    """Stance acts, one table per article when they come from several."""
    cols = [("holder", {"style": "bold", "max_width": 18}), ("via", {"max_width": 10}), ("", {"no_wrap": True}),
            ("cue", {"max_width": 22}), ("target", {"ratio": 1}), ("offsets", {"no_wrap": True})]
    return per_doc("Stances", rows, lambda title, part: print_table(title, cols, (
        [speaker_cell(s.holder), s.holder_via, polarity_text(s.polarity),
         s.cue + (f" [{s.intensity}]" if s.intensity else ""), s.target, f"{s.target_start}-{s.target_end}"]
        for s in part)))


def _net_text(r: dict):
    from rich.text import Text

    style = "green" if r["net"] > 0 else "red" if r["net"] < 0 else "yellow"
    return Text(r["cell"], style=style)


def matrix_table(rows: list[dict], key: str, *, top: int = 0, console=None) -> int:
    """Targets down, holders across (there are fewer holders), cells like +2 / \u22121; sized to the terminal.

    Holders are ranked by their number of stances and targets by theirs; the
    ``top`` targets (0: all) and as many holders as fit the console's width get a
    row and a column, an "(others)" column adds up the holders left out, and a
    caption counts what is not shown.
    """
    from rich.text import Text

    from .render import stdout_console

    console = console or stdout_console()
    target_total: dict[str, int] = {}
    for r in rows:
        target_total[r[key]] = target_total.get(r[key], 0) + r["support"] + r["oppose"]
    holders = list(dict.fromkeys(r["holder"] for r in rows))  # already by number of stances
    targets = sorted(target_total, key=lambda t: (-target_total[t], t.casefold(), t))
    shown_targets = targets[:top] if top else targets
    # Column widths are decided here, not by Rich, so the table never overflows the terminal:
    # the first column keeps at least a fifth of it; a holder column is as wide as the longest
    # word of its name (6 to 12) and its borders.
    width = console.width
    room = width - max(16, width // 5) - 4
    fit: list[tuple[str | None, int]] = []
    for i, sp in enumerate(holders):
        need = min(12, max(6, max(len(w) for w in label_cell(sp).split()))) + 3
        others = 11 if i < len(holders) - 1 else 0  # keep room for "(others)" while some are left
        if room - need < others and fit:
            break
        room -= need
        fit.append((sp, need - 3))
    hidden = set(holders[len(fit):])
    if hidden:
        fit.append((None, 8))
        room -= 11
    cell: dict[tuple[str | None, str], tuple[int, int]] = {}
    for r in rows:
        who = r["holder"] if r["holder"] not in hidden else None
        sup, opp = cell.get((who, r[key]), (0, 0))
        cell[(who, r[key])] = (sup + r["support"], opp + r["oppose"])
    more = []
    if hidden:
        more.append(f"{len(hidden):,} more holders (added up under \"others\")")
    if len(shown_targets) < len(targets):
        more.append(f"{len(targets) - len(shown_targets):,} more {'entities' if key == 'entity' else key + 's'}")
    caption = f"{' and '.join(more)} not shown: --top N, --format csv for all" if more else None
    cols = [(key, {"style": "bold", "width": max(12, room + max(16, width // 5) - 3)})] + \
        [(label_cell(sp, 26) if sp is not None else "(others)", {"justify": "center", "width": w})
         for sp, w in fit]

    def fmt(counts):
        if counts is None:
            return ""
        sup, opp = counts
        style = "green" if sup > opp else "red" if sup < opp else "yellow"
        return Text(f"+{sup}/\u2212{opp}" if sup and opp else f"+{sup}" if sup else f"\u2212{opp}", style=style)

    return print_table(f"Stance matrix ({key} \u00d7 holder)", cols,
                       ([t] + [fmt(cell.get((sp, t))) for sp, _ in fit] for t in shown_targets),
                       console=console, caption=caption)


def top_rows(rows: list[dict], key: str, top: int) -> list[dict]:
    """The matrix rows of the ``top`` targets (or entities) with most stances, in their order."""
    total: dict[str, int] = {}
    for r in rows:
        total[r[key]] = total.get(r[key], 0) + r["support"] + r["oppose"]
    keep = set(sorted(total, key=lambda t: (-total[t], t.casefold(), t))[:top])
    return [r for r in rows if r[key] in keep]


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
    speaker_w = min(16, max(len(who(h, 16)) for h in rows))
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

    lines = [([cut(who(h, 16), speaker_w)] if speaker_w else [])
             + [left(h.left), cut(h.match, match_w), right(h.right)] for h in rows]
    widths = {"speaker": speaker_w, "left": context, "match": match_w, "right": context}
    return lines, widths


def kwic_table(rows: Sequence[KwicHit], *, term: str, window: int) -> int:
    """Keyword-in-context lines; from several articles, a ``doc`` column (cut to 16) says which."""
    from .render import stdout_console

    console = stdout_console()
    several = len({h.doc for h in rows}) > 1
    doc_w = min(16, max(len(h.doc) for h in rows)) if several else 0
    lines, w = kwic_lines(rows, width=console.width - (doc_w + 3 if several else 0), window=window)
    fixed = {"no_wrap": True, "overflow": "crop"}
    if several:
        lines = [[h.doc if len(h.doc) <= doc_w else h.doc[:doc_w - 1] + "\u2026"] + line for h, line in zip(rows, lines)]
    cols = ([("doc", {"width": doc_w, **fixed})] if several else []) + \
        ([("speaker", {"style": "bold", "width": w["speaker"], **fixed})] if w["speaker"] else []) + [
        ("left", {"justify": "right", "width": w["left"], **fixed}),
        ("match", {"style": "bold yellow", "width": w["match"], **fixed}),
        ("right", {"width": w["right"], **fixed})]
    return print_table(f"KWIC: {term}", cols, lines, console=console)
