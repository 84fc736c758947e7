"""The per-speaker roll-up: each speaker with kind, aliases, claim counts and cues."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import Analysed, Speaker, speaker_label


def speakers(items: Iterable[Analysed]) -> list[Speaker]:
    """Each speaker with kind, the forms it was referred to by, claim counts and cues."""
    from .terms import stem

    count: Counter[tuple[str, str]] = Counter()
    cues: dict[tuple[str, str], Counter[str]] = {}
    cue_forms: dict[str, str] = {}  # "expressed serious concern" and "express serious concerns" are one cue
    aliases: dict[tuple[str, str], list[str]] = {}
    members: dict[tuple[str, str], list[str]] = {}
    total = 0
    for item in items:
        for c in item.claims:
            key = (speaker_label(c), c.speaker_kind)
            total += 1
            count[key] += 1
            if c.cue:
                form = c.cue.lower()
                lemma = " ".join(stem(w) for w in form.split())
                cues.setdefault(key, Counter())[cue_forms.setdefault(lemma, form)] += 1
            seen = members.setdefault(key, [])
            for m in c.members:
                if m not in seen:
                    seen.append(m)
            alias = c.mention
            if alias:
                lst = aliases.setdefault(key, [])
                if alias not in lst:
                    lst.append(alias)
    out = []
    for key, n in count.items():
        name, kind = key
        out.append(Speaker(name=name, kind=kind, aliases=aliases.get(key, []), claims=n,
                           share=round(n / total, 4) if total else 0.0,
                           cues=[c for c, _ in sorted(cues.get(key, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))],
                           members=members.get(key, [])))
    out.sort(key=lambda s: (-s.claims, s.name, s.kind))
    return out

