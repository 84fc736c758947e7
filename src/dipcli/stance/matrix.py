"""The speaker × target (or speaker × entity) view of stance acts."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import NARRATOR, Polarity, Stance


def stance_matrix(stances: Sequence[Stance], *, by: str = "target") -> list[dict]:
    """The speaker x target (or speaker x entity) view: support and oppose counts per pair.

    Args:
        stances: Stance records, from one article or many.
        by: ``"target"`` keys on the target phrase (compared case- and space-insensitively,
            shown as first written); ``"entity"`` keys on each canonical entity in a target.

    Returns:
        Rows ``{"speaker", by, "support", "oppose", "net", "cell"}``; ``cell`` reads ``+2``,
        ``−1`` or ``+1/−1``. Speakers come in order of their number of counted stances, then
        by name; a speaker's rows by number of stances, then by key. The narrator is
        ``model.NARRATOR`` ("narrator").

    Raises:
        ValueError: ``by`` is neither "target" nor "entity".
    """
    if by not in ("target", "entity"):
        raise ValueError(f"by must be 'target' or 'entity', not {by!r}")
    counts: dict[tuple[str, str], list[int]] = {}
    shown: dict[tuple[str, str], str] = {}
    totals: dict[str, int] = {}
    for s in stances:
        who = s.speaker if s.speaker is not None else NARRATOR
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
        cell = f"+{sup}/−{opp}" if sup and opp else f"+{sup}" if sup else f"−{opp}"
        rows.append({"speaker": who, by: shown[(who, norm)], "support": sup, "oppose": opp,
                     "net": sup - opp, "cell": cell})
    return rows
