"""The per-speaker roll-up: each speaker with kind, aliases, claim counts and cues.

Counted per name as attributed (:class:`Tally`, one pass, any order of articles);
with a :class:`dipcli.identities.Registry` the names of one corpus identity are
rolled up into one row under its display name.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import NARRATOR, Analysed, Speaker

Key = tuple[str, str, str]  # (name, kind, doc)


class Tally:
    """Claims, cues, mentions and members per ``(name, kind)``, added article by article."""

    def __init__(self) -> None:
        self.count: Counter[Key] = Counter()
        self.cues: dict[Key, Counter[str]] = {}
        self.cue_forms: dict[str, str] = {}  # "expressed serious concern" and "express serious concerns" are one cue
        self.aliases: dict[Key, Counter[str]] = {}  # in the order first seen
        self.members: dict[Key, dict[str, None]] = {}
        self.total = 0

    def add(self, item: Analysed) -> None:
        from .terms import stem

        for c in item.claims:
            key = (c.speaker if c.speaker is not None else NARRATOR, str(c.speaker_kind), c.doc)
            self.total += 1
            self.count[key] += 1
            if c.cue:
                form = c.cue.lower()
                lemma = " ".join(stem(w) for w in form.split())
                self.cues.setdefault(key, Counter())[self.cue_forms.setdefault(lemma, form)] += 1
            seen = self.members.setdefault(key, {})
            for m in c.members:
                seen.setdefault(m)
            if c.mention:
                self.aliases.setdefault(key, Counter())[c.mention] += 1

    def rows(self, registry=None) -> list[Speaker]:
        """The speakers, most claims first; one per identity of ``registry`` when given
        (its other names first among the aliases, then the mentions, most frequent first)."""
        groups: dict[tuple, list[Key]] = {}
        for key in self.count:
            if registry is None or key[1] == NARRATOR:
                groups.setdefault((key[0], key[1], None), []).append(key)
            else:
                ident = registry.of(key[0], key[1], key[2])
                groups.setdefault((ident.name, ident.kind, ident.id), []).append(key)
        out = []
        for (name, kind, ident_id), keys in groups.items():
            if ident_id is not None:
                keys.sort(key=lambda k: (-self.count[k], k))  # else as first seen, as the aliases are
            n = sum(self.count[k] for k in keys)
            cues: Counter[str] = Counter()
            mentions: Counter[str] = Counter()
            members: dict[str, None] = {}
            for k in keys:
                cues.update(self.cues.get(k, Counter()))
                mentions.update(self.aliases.get(k, Counter()))
                members.update(self.members.get(k, {}))
            if ident_id is None:
                aliases, names = list(mentions), [name]
            else:
                per_name: Counter[str] = Counter()
                for k in keys:
                    per_name[k[0]] += self.count[k]
                names = [k for k, _ in sorted(per_name.items(), key=lambda kv: (-kv[1], kv[0]))]
                aliases = list(dict.fromkeys([k for k in names if k != name]
                                             + [m for m, _ in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))
                                                if m != name]))
            out.append(Speaker(name=name, kind=kind, aliases=aliases, claims=n,
                               share=round(n / self.total, 4) if self.total else 0.0,
                               cues=[c for c, _ in sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))],
                               members=list(members), id=ident_id or (NARRATOR if kind == NARRATOR else None),
                               names=names, docs=len({k[2] for k in keys})))
        out.sort(key=lambda s: (-s.claims, s.name, s.kind))
        return out


def ranked(rows: list[Speaker], *, top: int = 0, min_claims: int = 1) -> tuple[list[Speaker], str | None]:
    """The first ``top`` rows (0: all) with at least ``min_claims`` claims, and a line counting the rest."""
    shown = [r for r in rows if r.claims >= min_claims][:top or None]  # most claims first: a prefix of rows
    hidden = rows[len(shown):]
    if not hidden:
        return shown, None
    claims = sum(r.claims for r in hidden)
    return shown, (f"{len(hidden):,} more speaker{'s' if len(hidden) != 1 else ''} with {claims:,} "
                   f"claim{'s' if claims != 1 else ''} (--top, --min-claims)")


def by_identity(items: Iterable[Analysed], *, aliases: list[tuple[str, list[str]]] | None = None) -> list[Speaker]:
    """The speakers of ``items`` (read once), one per corpus identity."""
    from .identities import Evidence, build

    tally, evidence = Tally(), Evidence()
    for item in items:
        tally.add(item)
        evidence.add(item)
    return tally.rows(build(evidence, aliases=aliases))


def speakers(items: Iterable[Analysed], *, registry=None) -> list[Speaker]:
    """Each speaker with kind, the forms it was referred to by, claim counts and cues.

    Args:
        items: Analysed articles (read once).
        registry: A :class:`dipcli.identities.Registry` of the same corpus: one row per
            identity, its other names first among the aliases. Without it, one row per
            name as attributed.
    """
    tally = Tally()
    for item in items:
        tally.add(item)
    return tally.rows(registry)
