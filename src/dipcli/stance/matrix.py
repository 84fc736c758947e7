"""Views over stance acts: holder x target (or entity) counts, and holder -> entity pairs."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import NARRATOR, Polarity, Stance


def _holder(s) -> str:
    return s.holder if s.holder is not None else NARRATOR


def stance_matrix(stances: Sequence[Stance], *, by: str = "target",
                  holder_of: Callable[[Stance], str] | None = None) -> list[dict]:
    """The holder x target (or holder x entity) view: support and oppose counts per pair.

    Args:
        stances: Stance records, from one article or many.
        by: ``"target"`` keys on the target phrase (compared case- and space-insensitively,
            shown as first written); ``"entity"`` keys on each canonical entity in a target.
        holder_of: The row a stance counts for (default: its holder as named, the narrator as
            ``model.NARRATOR``); the CLI passes the holder's corpus identity when it has one.

    Returns:
        Rows ``{"holder", by, "support", "oppose", "net", "cell"}``; ``cell`` reads ``+2``,
        ``−1`` or ``+1/−1``. Holders come in order of their number of counted stances, then
        by name; a holder's rows by number of stances, then by key.

    Raises:
        ValueError: ``by`` is neither "target" nor "entity".
    """
    if by not in ("target", "entity"):
        raise ValueError(f"by must be 'target' or 'entity', not {by!r}")
    counts: dict[tuple[str, str], list[int]] = {}
    shown: dict[tuple[str, str], str] = {}
    totals: dict[str, int] = {}
    for s in stances:
        who = holder_of(s) if holder_of is not None else _holder(s)
        keys = [s.target] if by == "target" else list(dict.fromkeys(s.entities))
        for key in keys:
            label = " ".join(key.split())
            pair = (who, label.casefold())
            shown.setdefault(pair, label)
            counts.setdefault(pair, [0, 0])[0 if s.polarity == Polarity.SUPPORT else 1] += 1
            totals[who] = totals.get(who, 0) + 1
    rows = []
    order = sorted(counts.items(), key=lambda kv: (-totals[kv[0][0]], kv[0][0], -sum(kv[1]), kv[0][1]))
    for (who, norm), (sup, opp) in order:
        rows.append({"holder": who, by: shown[(who, norm)], "support": sup, "oppose": opp,
                     "net": sup - opp, "cell": _cell(sup, opp)})
    return rows


def _cell(sup: int, opp: int) -> str:
    return f"+{sup}/−{opp}" if sup and opp else f"+{sup}" if sup else f"−{opp}"


def stance_pairs(stances: Sequence[Stance]) -> list[dict]:
    """Who blames or endorses whom: one row per holder and entity the holder's acts are about.

    Args:
        stances: Stance records, from one article or many.

    Returns:
        Rows ``{"holder", "holder_kind", "entity", "entity_kind", "support", "oppose", "net",
        "cell", "evidence"}``; ``evidence`` lists each act behind the row as ``{"doc", "claim",
        "polarity", "cue", "cue_start", "cue_end", "entity_start", "entity_end"}`` (offsets into
        that article's text), in input order. An entity that is the holder itself is left out.
        Rows come by number of acts, then holder, then entity.
    """
    rows: dict[tuple[str, str], dict] = {}
    for s in stances:
        seen: set[str] = set()
        for m in s.about:
            if m.name in seen or m.name == s.holder or m.name in s.members:
                continue
            seen.add(m.name)
            row = rows.get((_holder(s), m.name))
            if row is None:
                row = rows[(_holder(s), m.name)] = {
                    "holder": _holder(s), "holder_kind": s.holder_kind, "entity": m.name, "entity_kind": m.kind,
                    "support": 0, "oppose": 0, "net": 0, "cell": "", "evidence": []}
            row["support" if s.polarity == Polarity.SUPPORT else "oppose"] += 1
            row["evidence"].append({"doc": s.doc, "claim": s.claim, "polarity": str(s.polarity), "cue": s.cue,
                                    "cue_start": s.cue_start, "cue_end": s.cue_end,
                                    "entity_start": m.start, "entity_end": m.end})
    out = sorted(rows.values(), key=lambda r: (-(r["support"] + r["oppose"]), r["holder"], r["entity"]))
    for r in out:
        r["net"] = r["support"] - r["oppose"]
        r["cell"] = _cell(r["support"], r["oppose"])
    return out
