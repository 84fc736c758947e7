"""From placed claims to records: topics, articles and speakers, for both topic paths.

Definitions (the README's topics fields):

- a claim's *mix* is its topic weights scaled to sum to 1; a claim with no
  modelled term (or an all-zero mix) is *unassigned*;
- a claim's *main topic* is the heaviest one in its mix;
- a topic's ``share`` is its mean weight over the assigned claims (the
  shares sum to 1); ``claim_share`` is the fraction of all claims whose main
  topic it is (these and the unassigned fraction sum to 1);
- an article's mix is the mean of the mixes of the units it was fitted as
  (runs of its claims), each weighted by its number of claims, and its
  ``dominant`` topic the heaviest one there: the article as the model saw it,
  not the sum of sentences placed one by one;
- a speaker's prevalence in a topic is the mean weight of the topic over the
  speaker's assigned claims, listed only for speakers with at least
  ``min_claims`` assigned claims and at least one claim mainly in the topic.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from dipcli.model import Topic, TopicDoc, TopicSpeaker, TopicTerm, TopicWeight
from dipcli.topics_model import top_term_ids


class TopicRun(NamedTuple):
    """What a topic run found: the topics, the model description, and one record per article."""

    topics: list[Topic]
    model: dict[str, Any]
    documents: list[TopicDoc]


@dataclass(slots=True)
class Tally:
    """Per-claim main topics and the sums the records need, on the topics kept (``alive``)."""

    alive: Any  # model topic numbers kept, in model order
    ids: list[str] = field(default_factory=list)
    dominant: Any = None  # per claim: index into alive, -1 when unassigned
    weight: Any = None  # per claim: weight of its main topic (0 when unassigned)
    total: Any = None  # per topic: weight summed over assigned claims
    speaker_sums: dict[str, Any] = field(default_factory=dict)
    speaker_assigned: dict[str, int] = field(default_factory=dict)
    speaker_main: dict[str, Any] = field(default_factory=dict)
    doc_sums: dict[str, Any] = field(default_factory=dict)  # unit mixes times their claims, summed
    doc_claims: dict[str, int] = field(default_factory=dict)
    doc_assigned: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def alive_topics(w):
        """Topics some assigned claim has as its main one, dropping the others until none is left
        empty; and the claims' mixes on them (rows of unassigned claims stay zero)."""
        import numpy as np

        alive = np.arange(w.shape[1])
        has = w.sum(axis=1) > 0
        w = w.copy()
        while True:
            w[has] /= w[has].sum(axis=1, keepdims=True)
            used = np.bincount(np.argmax(w[has], axis=1), minlength=len(alive)) > 0
            if used.all() or not has.any():
                return alive, w
            w, alive = w[:, used], alive[used]
            has = w.sum(axis=1) > 0

    @classmethod
    def from_weights(cls, w, claims, w_units, unit_of) -> Tally:
        """The tally of claim topic weights ``w`` (claims x model topics, unscaled) held in memory,
        with the articles' mixes from the fitted units' weights ``w_units`` (``unit_of``: unit per claim)."""
        import numpy as np

        from dipcli.model import speaker_label

        alive, w = cls.alive_topics(w)
        tally = cls(alive=alive)
        tally.add(w, [c.id for c in claims], [c.doc for c in claims], [speaker_label(c) for c in claims])
        first = np.flatnonzero(np.r_[True, unit_of[1:] != unit_of[:-1]])
        tally.add_units(w_units, [claims[i].doc for i in first.tolist()], np.diff(np.r_[first, len(unit_of)]))
        return tally

    def merge(self, other: Tally) -> None:
        """Add the tally of later claims (a batch of the streaming path), in place."""
        import numpy as np

        self.ids.extend(other.ids)
        for name in ("dominant", "weight"):
            mine, theirs = getattr(self, name), getattr(other, name)
            setattr(self, name, theirs if mine is None else mine if theirs is None else np.concatenate([mine, theirs]))
        if other.total is not None:
            self.total = other.total if self.total is None else self.total + other.total
        for mine, theirs in ((self.speaker_sums, other.speaker_sums), (self.speaker_assigned, other.speaker_assigned),
                             (self.speaker_main, other.speaker_main), (self.doc_sums, other.doc_sums),
                             (self.doc_claims, other.doc_claims), (self.doc_assigned, other.doc_assigned)):
            for key, value in theirs.items():
                mine[key] = mine[key] + value if key in mine else value

    def add_units(self, w_units, docs: list[str], sizes) -> None:
        """Add fitted units (unscaled weights on the model's topics), each of one article and
        ``sizes`` claims: an article's mix is the claim-weighted mean of its units' mixes."""
        import numpy as np

        w = np.asarray(w_units, dtype=np.float64)[:, self.alive]
        sums = w.sum(axis=1, keepdims=True)
        has = sums.ravel() > 0
        w[has] = w[has] / sums[has] * np.asarray(sizes, dtype=np.float64)[has, None]
        for i, d in enumerate(docs):
            if has[i]:
                self.doc_sums[d] = self.doc_sums.get(d, 0) + w[i]

    def add(self, w, ids: list[str], docs: list[str], speakers: list[str]) -> None:
        """Add claims with mixes ``w`` (on the alive topics, rows summing to 1 or 0)."""
        import numpy as np

        has = w.sum(axis=1) > 0
        dominant = np.where(has, np.argmax(w, axis=1), -1)
        weight = np.where(has, w[np.arange(len(w)), np.maximum(dominant, 0)], 0.0)
        self.ids.extend(ids)
        self.dominant = dominant if self.dominant is None else np.concatenate([self.dominant, dominant])
        self.weight = weight if self.weight is None else np.concatenate([self.weight, weight])
        total = w[has].sum(axis=0)
        self.total = total if self.total is None else self.total + total
        k = w.shape[1]
        rows: dict[str, list[int]] = {}
        for i, g in enumerate(speakers):
            rows.setdefault(g, []).append(i)
        for g, idx in rows.items():
            idx_a = np.array(idx)
            self.speaker_sums[g] = self.speaker_sums.get(g, np.zeros(k)) + w[idx_a].sum(axis=0)
            self.speaker_assigned[g] = self.speaker_assigned.get(g, 0) + int(has[idx_a].sum())
            d = dominant[idx_a]
            self.speaker_main[g] = self.speaker_main.get(g, np.zeros(k, dtype=np.int64)) + np.bincount(d[d >= 0],
                                                                                                        minlength=k)
        for d, a in zip(docs, has.tolist()):
            self.doc_claims[d] = self.doc_claims.get(d, 0) + 1
            self.doc_assigned[d] = self.doc_assigned.get(d, 0) + a


def assemble(tally: Tally, h, *, keys: list[str], show: Callable[[int], str], coherence: list[float], info: dict,
             top_terms: int, speakers: int, min_claims: int, titles: dict[str, str | None]) -> TopicRun:
    """The records of a placed model.

    Args:
        tally: The claims' main topics and sums, on ``tally.alive``.
        h: The model's topic x term weights (all its topics).
        keys: Term key per column of ``h``.
        show: Display form of a column of ``h``.
        coherence: Coherence of each of the model's topics (see :func:`dipcli.topics_model.coherence_of`).
        info: The model description, completed here.
        top_terms: Terms listed per topic.
        speakers: Speakers listed per topic (0: all).
        min_claims: Least assigned claims of a listed speaker.
        titles: Article id -> title.
    """
    import numpy as np

    alive = tally.alive
    h = np.asarray(h, dtype=np.float64)[alive]
    n_claims = len(tally.ids)
    assigned = int((tally.dominant >= 0).sum())
    info["dropped"] = info["k"] - len(alive)
    if info["dropped"]:
        info["warnings"].append(f"dropped {info['dropped']} topic(s) that were no claim's main topic")
    info["assigned"], info["unassigned"] = assigned, n_claims - assigned
    info["unassigned_claims"] = [tally.ids[i] for i in np.flatnonzero(tally.dominant < 0).tolist()]
    per_topic = [coherence[t] for t in alive.tolist()]
    share = tally.total / assigned if assigned else np.zeros(len(alive))
    main_counts = np.bincount(tally.dominant[tally.dominant >= 0], minlength=len(alive))

    doc_mix = {}
    for d in tally.doc_claims:
        sums = tally.doc_sums.get(d)
        doc_mix[d] = sums / sums.sum() if sums is not None and sums.sum() > 0 else None
    doc_dominant = {d: int(np.argmax(mix)) if mix is not None else -1 for d, mix in doc_mix.items()}
    doc_counts = np.bincount([t for t in doc_dominant.values() if t >= 0], minlength=len(alive))

    found = []
    for t in range(len(alive)):
        row = h[t] / h[t].sum() if h[t].sum() > 0 else h[t]
        top = top_term_ids(row, keys, top_terms)
        shown = [show(j) for j in top]
        members = np.flatnonzero(tally.dominant == t)
        members = members[np.lexsort((members, -tally.weight[members]))]
        found.append(Topic(
            topic=t, label=" / ".join(shown[:3]),
            terms=[TopicTerm(term=s, weight=round(float(row[j]), 6)) for s, j in zip(shown, top)],
            share=round(float(share[t]), 6),
            claim_share=round(float(main_counts[t] / n_claims), 6) if n_claims else 0.0,
            n_claims=int(main_counts[t]), docs=int(doc_counts[t]), coherence=round(float(per_topic[t]), 6),
            speakers=_speakers(tally, t, speakers, min_claims),
            claims=[tally.ids[i] for i in members.tolist()],
        ))
    order = sorted(range(len(found)), key=lambda i: (-found[i].share, found[i].label))
    number = {old: new for new, old in enumerate(order, 1)}
    found = [found[i] for i in order]
    for new, tp in enumerate(found, 1):
        tp.topic = new
    info["coherence"] = round(float(np.mean(per_topic)), 6) if len(per_topic) else None

    documents = []
    for d, mix in doc_mix.items():
        dominant = doc_dominant[d]
        documents.append(TopicDoc(
            doc=d, title=titles.get(d), claims=tally.doc_claims[d], assigned=tally.doc_assigned[d],
            dominant=number[dominant] if dominant >= 0 else None,
            weight=round(float(mix[dominant]), 6) if dominant >= 0 else None,
            mix=[] if mix is None else sorted(
                (TopicWeight(topic=number[t], weight=round(float(mix[t]), 6)) for t in range(len(alive))),
                key=lambda m: m.topic),
        ))
    return TopicRun(found, info, documents)


def _speakers(tally: Tally, t: int, most: int, min_claims: int) -> list[TopicSpeaker]:
    rows = []
    for name, n in tally.speaker_assigned.items():
        if n < max(1, min_claims):
            continue
        main = int(tally.speaker_main[name][t])
        if main < 1:
            continue
        rows.append(TopicSpeaker(speaker=name, share=round(float(tally.speaker_sums[name][t] / n), 6),
                                 claims=main, of=n))
    rows.sort(key=lambda s: (-s.share, -s.claims, s.speaker))
    return rows[:most] if most else rows
