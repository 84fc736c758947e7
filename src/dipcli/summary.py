"""``summary``: the main job, every analysis over the same articles in one report."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .model import Analysed, Stance


def build_summary(items: list[Analysed], stances: list[Stance], *, top: int = 5) -> dict[str, Any]:
    """Every analysis over ``items``; ``stances`` are their stance acts, in article order."""
    from .keywords import keywords
    from .records import article_record
    from .speakers import speakers
    from .stance import stance_matrix
    from .topics import topics

    kw, warnings = keywords(items, by="speaker", top=top, method="logodds")
    found, info, _ = topics(items, k="auto", method="nmf", top_terms=8)
    return {
        "articles": [article_record(item) for item in items],
        "speakers": [asdict(s) for s in speakers(items)],
        "claims": [asdict(c) for item in items for c in item.claims],
        "keywords": [asdict(k) for k in kw],
        "keyword_warnings": warnings,
        "stances": [asdict(s) for s in stances],
        "stance_matrix": stance_matrix(stances, by="target"),
        "topics": [asdict(t) for t in found],
        "topics_info": info,
    }


def flat_records(data: dict[str, Any]):
    """For jsonl/csv: one record per row of every list section, tagged with its section."""
    for section, rows in data.items():
        if isinstance(rows, list):
            for row in rows:
                yield {"section": section, **(row if isinstance(row, dict) else {"value": row})}


def print_summary(data: dict[str, Any], items: list[Analysed]) -> None:
    from rich.rule import Rule

    from .model import NARRATOR_CELL, Topic, TopicSpeaker, TopicTerm
    from .render import print_table, safe_text, stdout_console
    from .views import first_claims, label_cell, matrix_table, short, topics_table

    con = stdout_console()
    for art in data["articles"]:
        con.print(Rule(safe_text(art["title"] or art["doc"])))
        meta = ", ".join(f"{k}: {safe_text(art[k])}" for k in ("doc", "date", "source", "place", "category") if art[k])
        con.print(meta)
        speakers_here: dict[str, int] = {}
        for c in data["claims"]:
            if c["doc"] == art["doc"]:
                name = c["speaker"] or NARRATOR_CELL
                speakers_here[name] = speakers_here.get(name, 0) + 1
        print_table("Speakers", [("speaker", {"style": "bold"}), ("claims", {"justify": "right"})],
                    ([short(k, 48), v] for k, v in sorted(speakers_here.items(), key=lambda kv: (-kv[1], kv[0]))),
                    console=con)
        print_table("Claims", [("#", {"justify": "right"}), ("speaker", {"style": "bold"}), ("via", {}),
                               ("text", {"ratio": 1})],
                    ([c["id"].rsplit(":", 1)[-1], short(c["speaker"] or NARRATOR_CELL, 24), c["via"], c["text"]]
                     for c in data["claims"] if c["doc"] == art["doc"]), console=con)
    con.print(Rule("Distinctive keywords by speaker (weighted log-odds)"))
    print_table(None, [("speaker", {"style": "bold"}), ("terms (z-score)", {"ratio": 1})],
                ([label_cell(g, 24), ", ".join(f"{k['term']} ({k['z']:.1f})" if k["z"] is not None else k["term"]
                               for k in data["keywords"] if k["group"] == g)]
                 for g in dict.fromkeys(k["group"] for k in data["keywords"])), console=con)
    for w in data["keyword_warnings"]:
        con.print(f"[dim]note: {safe_text(w)}[/dim]")
    con.print(Rule("Stance matrix"))
    if data["stance_matrix"]:
        matrix_table(data["stance_matrix"], "target")
    con.print(Rule("Topics"))
    topics = [Topic(**{**t, "terms": [TopicTerm(**x) for x in t["terms"]],
                       "speakers": [TopicSpeaker(**x) for x in t["speakers"]]}) for t in data["topics"]]
    if topics:
        topics_table(topics, first_claims(topics, items))
