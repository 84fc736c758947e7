"""``summary``: the main job, every analysis over the same articles in one report.

One article (or ``--claims all``): its metadata, speakers and every claim, then
keywords, the stance matrix and topics (:func:`build_summary`).

A folder: what the corpus holds as a whole (:func:`build_corpus_summary`): its
size and dates, the leading speakers (corpus identities), their distinctive
keywords, the stance matrix by named entity, the topics, and for each leading
speaker the claims that say most (:func:`informative_claims`), not every claim.
It reads the articles twice more after the identities' reading (from memory
while they fit, else from the parse cache) and keeps counts between the
readings: keyword counts (batch by batch for a corpus too large to keep),
the stance matrix's acts without their text, topics from the streaming model.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from .model import NARRATOR, Analysed, Claim, Stance

#: Leading speakers whose informative claims a corpus summary shows, and how many each.
CLAIM_SPEAKERS = 8
CLAIMS_EACH = 3
#: A claim shorter than this many words says too little to stand for its speaker ("Let us ask ourselves.").
MIN_WORDS = 8
MAX_WORDS = 90
#: Text up to which a corpus summary counts keywords over all claims at once, not in batches.
KEYWORDS_AT_ONCE_CHARS = 20_000_000
#: Rows of each ranked table in a corpus summary.
SPEAKER_ROWS = 15
KEYWORD_GROUPS = 10
MATRIX_ROWS = 20


def build_summary(items: list[Analysed], stances: list[Stance], *, top: int = 5, registry=None) -> dict[str, Any]:
    """Every analysis over ``items``; ``stances`` are their stance acts, in article order.

    With ``registry`` (the corpus identities, the claims labelled with them),
    speakers, keywords and the matrix count identities.
    """
    from .corpus import holders_of
    from .keywords import keywords
    from .records import article_record
    from .speakers import speakers
    from .stance import stance_matrix
    from .topics import topics

    kw, warnings = keywords(items, by="speaker", top=top, method="logodds")
    found, info, _ = topics(items, k="auto", method="nmf", top_terms=8)
    return {
        "articles": [article_record(item) for item in items],
        "speakers": [asdict(s) for s in speakers(items, registry=registry)],
        "claims": [asdict(c) for item in items for c in item.claims],
        "claims_selection": "all",
        "keywords": [asdict(k) for k in kw],
        "keyword_warnings": warnings,
        "stances": [asdict(s) for s in stances],
        "stance_matrix": stance_matrix(stances, by="target", holder_of=holders_of(registry)),
        "topics": [asdict(t) for t in found],
        "topics_info": info,
    }


# -- a folder ----------------------------------------------------------------------------------

class FirstReading:
    """What a summary takes from the corpus's first reading (the one that finds the stance acts):
    speaker counts, article records and the acts, kept without their evidence text."""

    def __init__(self) -> None:
        from .speakers import Tally

        self.tally = Tally()
        self.articles: list[dict[str, Any]] = []
        self.acts: list[Stance] = []

    def add(self, entry: tuple[Analysed, list[Stance]]) -> None:
        from dataclasses import replace

        from .records import article_record

        item, found = entry
        self.tally.add(item)
        self.articles.append(article_record(item))
        self.acts.extend(replace(st, text="") for st in found)  # the text is the article's: offsets say where

    def acts_of(self, items: list[Analysed], registry) -> list[Stance]:
        """The acts with their evidence text again and their identities (for every-claim summaries)."""
        texts = {item.article.doc: item.article.text for item in items}
        for st in self.acts:
            st.text = texts[st.doc][st.start:st.end]
            registry.label(st)
        return self.acts


def build_corpus_summary(corpus, first: FirstReading, *, top: int = 5, progress=None) -> dict[str, Any]:
    """The corpus at a glance (module doc): ``corpus`` is a :class:`dipcli.corpus.Corpus` whose first
    reading went to ``first``; it is read twice more here, without stance acts.

    Returns:
        ``corpus`` (totals), ``articles``, ``speakers``, ``claims`` (the informative
        ones, each with its ``score``), ``claims_selection`` (``"informative"``),
        ``keywords``, ``keyword_warnings``, ``stance_matrix`` (by entity),
        ``topics`` and ``topics_info``.
    """
    from .corpus import holders_of
    from .keyword_batches import count_groups_batched
    from .keywords import count_groups, rank_counts
    from .stance import stance_matrix
    from .topics_stream import stream_topics

    say = progress or (lambda message: None)
    registry = corpus.registry
    for st in first.acts:
        registry.label(st)
    say("summary: keywords")
    # the same counts either way: all claims' terms at once (twice as fast, a few hundred MB for
    # 15 MB of text), or for a larger corpus batch by batch, holding only the texts between passes
    count = count_groups if corpus.chars <= KEYWORDS_AT_ONCE_CHARS else count_groups_batched
    counts = count(corpus.items(), by="speaker")
    kw, warnings = rank_counts(counts, by="speaker", top=top, method="logodds") if counts.groups else ([], [])
    speakers = first.tally.rows(registry)
    leading = [s.name for s in speakers if s.kind != NARRATOR][:CLAIM_SPEAKERS]
    picker = _Picker(leading, kw, {st.claim for st in first.acts})

    def reading() -> Iterator[Analysed]:
        for item in corpus.items():
            picker.add(item)
            yield item

    say("summary: topics (streaming model) and informative claims")
    found, info, _ = stream_topics(reading(), k="auto", method="nmf", top_terms=8, examples=True)
    examples = info.pop("examples", {})
    return {
        "corpus": _totals(first.articles, first.tally, speakers, len(first.acts)),
        "articles": first.articles,
        "speakers": [asdict(s) for s in speakers],
        "claims": picker.records(),
        "claims_selection": "informative",
        "keywords": [asdict(k) for k in kw],
        "keyword_warnings": warnings,
        "stance_matrix": stance_matrix(first.acts, by="entity", holder_of=holders_of(registry)),
        "topics": [asdict(t) for t in found],
        "topics_info": info,
        "topic_examples": examples,
    }


def _totals(articles: list[dict[str, Any]], tally, speakers, n_acts: int) -> dict[str, Any]:
    from .model import CorpusTotals, SourceCount

    dates = sorted(a["date"] for a in articles if a["date"])
    sources = Counter(a["source"] for a in articles if a["source"])
    narration = sum(n for key, n in tally.count.items() if key[1] == NARRATOR)
    return asdict(CorpusTotals(
        articles=len(articles), claims=tally.total, words=sum(a["words"] for a in articles),
        first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
        speakers=sum(1 for s in speakers if s.kind != NARRATOR),
        narration_share=round(narration / tally.total, 4) if tally.total else 0.0, stance_acts=n_acts,
        sources=[SourceCount(s, n) for s, n in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]))


class _Picker:
    """Each leading speaker's most informative claims, chosen as the claims stream past.

    A claim's score counts the speaker's own distinctive keywords it holds (two
    points each), one point for a stance act in it and half a point when its
    speaker is named in it or its transcript turn (``explicit``, ``turn``):
    the claims that say what sets the speaker apart, and about whom. Claims of
    fewer than :data:`MIN_WORDS` or more than :data:`MAX_WORDS` words are passed over.
    """

    def __init__(self, leading: list[str], keywords, with_acts: set[str]):
        self.leading = leading
        self.with_acts = with_acts
        terms: dict[str, list[str]] = {}
        for k in keywords:
            terms.setdefault(k.group, []).append(k.term.lower())
        self.patterns = {name: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(terms[name], key=len, reverse=True)))
                                          + r")(?!\w)") for name in leading if terms.get(name)}
        self.best: dict[str, list[tuple]] = {name: [] for name in leading}
        self.order = 0

    def add(self, item: Analysed) -> None:
        for c in item.claims:
            name = c.identity
            heap = self.best.get(name) if name is not None else None
            if heap is None:
                continue
            words = len(c.text.split())
            if not MIN_WORDS <= words <= MAX_WORDS:
                continue
            pattern = self.patterns.get(name)
            found = len(set(pattern.findall(c.text.lower()))) if pattern else 0
            score = 2 * found + (1 if c.id in self.with_acts else 0) + (0.5 if c.via in ("explicit", "turn") else 0)
            self.order += 1
            entry = (score, -self.order, c)  # on a tie the earlier claim wins
            if len(heap) < CLAIMS_EACH:
                heapq.heappush(heap, entry)
            elif entry[:2] > heap[0][:2]:
                heapq.heapreplace(heap, entry)

    def records(self) -> list[dict[str, Any]]:
        out = []
        for name in self.leading:
            for score, _, c in sorted(self.best[name], key=lambda e: (-e[0], -e[1])):
                out.append({**asdict(c), "score": score})
        return out


# -- output ------------------------------------------------------------------------------------

def summarise(corpus, first: FirstReading, *, fmt: str, top: int = 5, every_claim: bool = False,
              progress=None) -> None:
    """Build and write the summary of ``corpus`` (a :class:`dipcli.corpus.Corpus` whose first reading,
    with stance acts, went to ``first``): every claim's (:func:`build_summary`) or the corpus's
    (:func:`build_corpus_summary`)."""
    if every_claim:
        items = list(corpus.items())
        data = build_summary(items, first.acts_of(items, corpus.registry), top=top, registry=corpus.registry)
        if fmt == "table":
            print_summary(data, items)
            return
    else:
        data = build_corpus_summary(corpus, first, top=top, progress=progress)
        if fmt == "table":
            print_corpus_summary(data)
            return
    data.pop("topic_examples", None)
    if fmt == "json":
        from .render import write_object

        write_object(data)
    else:
        from .render import write_records

        records = list(flat_records(data))
        write_records(records, fmt, fields=list(dict.fromkeys(k for rec in records for k in rec)))


def flat_records(data: dict[str, Any]):
    """For jsonl/csv: one record per row of every list section, tagged with its section."""
    for section, rows in data.items():
        if isinstance(rows, list):
            for row in rows:
                yield {"section": section, **(row if isinstance(row, dict) else {"value": row})}
        elif section == "corpus":
            yield {"section": section, **{k: v for k, v in rows.items() if k != "sources"}}


def print_summary(data: dict[str, Any], items: Iterable[Analysed]) -> None:
    """The one-article (or every-claim) summary as tables."""
    from rich.rule import Rule

    from .model import NARRATOR_CELL, Topic, TopicSpeaker, TopicTerm
    from .render import print_table, safe_text, stdout_console
    from .views import first_claims, matrix_table, short, topics_table

    con = stdout_console()
    items = list(items)
    for art in data["articles"]:
        con.print(Rule(safe_text(art["title"] or art["doc"])))
        meta = ", ".join(f"{k}: {safe_text(art[k])}" for k in ("doc", "date", "source", "place", "category") if art[k])
        con.print(meta)
        speakers_here: dict[str, int] = {}
        for c in data["claims"]:
            if c["doc"] == art["doc"]:
                name = c.get("identity") or c["speaker"] or NARRATOR_CELL
                speakers_here[name] = speakers_here.get(name, 0) + 1
        print_table("Speakers", [("speaker", {"style": "bold"}), ("claims", {"justify": "right"})],
                    ([short(k, 48), v] for k, v in sorted(speakers_here.items(), key=lambda kv: (-kv[1], kv[0]))),
                    console=con)
        print_table("Claims", [("#", {"justify": "right"}), ("speaker", {"style": "bold"}), ("via", {}),
                               ("text", {"ratio": 1})],
                    ([c["id"].rsplit(":", 1)[-1], short(c.get("identity") or c["speaker"] or NARRATOR_CELL, 24),
                      c["via"], c["text"]] for c in data["claims"] if c["doc"] == art["doc"]), console=con)
    _keywords(con, data)
    con.print(Rule("Stance matrix"))
    if data["stance_matrix"]:
        matrix_table(data["stance_matrix"], "target", console=con)
    con.print(Rule("Topics"))
    topics = [Topic(**{**t, "terms": [TopicTerm(**x) for x in t["terms"]],
                       "speakers": [TopicSpeaker(**x) for x in t["speakers"]]}) for t in data["topics"]]
    if topics:
        topics_table(topics, first_claims(topics, items))


def _keywords(con, data: dict[str, Any], groups: int = 0) -> None:
    from rich.rule import Rule

    from .render import print_table, safe_text
    from .views import label_cell

    con.print(Rule("Distinctive keywords by speaker (weighted log-odds)"))
    names = list(dict.fromkeys(k["group"] for k in data["keywords"]))
    print_table(None, [("speaker", {"style": "bold"}), ("terms (z-score)", {"ratio": 1})],
                ([label_cell(g, 24), ", ".join(f"{k['term']} ({k['z']:.1f})" if k["z"] is not None else k["term"]
                               for k in data["keywords"] if k["group"] == g)]
                 for g in (names[:groups] if groups else names)), console=con,
                caption=f"{len(names) - groups:,} more speakers: dipcli keywords" if groups and len(names) > groups
                else None)
    shown = names[:groups] if groups else names
    for w in data["keyword_warnings"]:  # about the groups shown
        if not groups or any(w.startswith(f"{g}: ") for g in shown):
            con.print(f"[dim]note: {safe_text(w)}[/dim]")


def print_corpus_summary(data: dict[str, Any]) -> None:
    """The folder summary as tables that fit the terminal."""
    from rich.rule import Rule

    from .model import Topic, TopicSpeaker, TopicTerm
    from .render import print_table, safe_text, stdout_console
    from .views import matrix_table, short, speaker_cell, topics_table

    con = stdout_console()
    t = data["corpus"]
    con.print(Rule("Corpus"))
    span = f"{t['first_date']} to {t['last_date']}" if t["first_date"] else "undated"
    con.print(f"{t['articles']:,} articles ({span}), {t['claims']:,} claims, {t['words']:,} words, "
              f"{t['speakers']:,} speakers, {t['stance_acts']:,} stance acts; narration {t['narration_share']:.0%} "
              f"of claims", highlight=False)
    if t["sources"]:
        con.print("sources: " + ", ".join(f"{safe_text(s['source'])} ({s['articles']:,})" for s in t["sources"][:5]),
                  highlight=False)
    rows = data["speakers"]
    shown = rows[:SPEAKER_ROWS]
    rest = rows[SPEAKER_ROWS:]
    print_table("Speakers", [("speaker", {"style": "bold", "ratio": 1}), ("kind", {}), ("claims", {"justify": "right"}),
                             ("share", {"justify": "right"}), ("articles", {"justify": "right"})],
                ([speaker_cell(s["name"] if s["kind"] != NARRATOR else None, 48), s["kind"], f"{s['claims']:,}",
                  f"{s['share']:.1%}", f"{s['docs']:,}"] for s in shown), console=con,
                caption=f"{len(rest):,} more speakers with {sum(s['claims'] for s in rest):,} claims: dipcli speakers"
                if rest else None)
    _keywords(con, data, groups=KEYWORD_GROUPS)
    con.print(Rule("Stance matrix (named entities)"))
    if data["stance_matrix"]:
        matrix_table(data["stance_matrix"], "entity", top=MATRIX_ROWS, console=con)
    con.print(Rule("Topics"))
    topics = [Topic(**{**x, "terms": [TopicTerm(**y) for y in x["terms"]],
                       "speakers": [TopicSpeaker(**y) for y in x["speakers"]]}) for x in data["topics"]]
    if topics:
        topics_table(topics, data.get("topic_examples", {}))
    con.print(Rule("What the leading speakers said (most informative claims; --claims all for every claim)"))
    print_table(None, [("speaker", {"style": "bold", "max_width": 20}), ("doc", {"max_width": 22, "overflow": "fold"}),
                       ("text", {"ratio": 1})],
                ([short(c["identity"] or "", 20), c["doc"], short(c["text"], 300)] for c in data["claims"]),
                console=con)
