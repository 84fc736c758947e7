"""The stance acts of a claim: a head matched, negation applied, its target cut, a record built.

Each claim (one sentence with its speaker) is tokenised once and scanned left to right for
the tokens that can head an act; :func:`dipcli.stance.matchers.match` reads each, and a head
inside an earlier act's object is part of that object, not an act of its own.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Analysed, Claim, Polarity, Stance
from .grammar import has_subject
from .matchers import after_manner, match, polarity_holds
from .targets import abstention, nothing_to_report, phrase, reason_follows, urged_action
from .tokens import Tokens, adverb, skip_adverbs
from .words import ADJECTIVES, COURTESIES, HEAD_FORMS, INTENSITY, REASON_WORDS


@dataclass(frozen=True, slots=True)
class Found:
    """A stance record and the name of the matcher that found its act (see ``matchers.MATCHERS``)."""

    stance: Stance
    matcher: str


def find_acts(item: Analysed) -> list[Found]:
    """Every stance act in an analysed article, in text order, each with its matcher's name."""
    text = item.article.text
    out: list[Found] = []
    for claim in item.claims:
        out.extend(claim_acts(claim, text))
    out.sort(key=lambda f: (f.stance.start, f.stance.cue_start, f.stance.target_start))
    return out


def claim_acts(claim: Claim, text: str) -> Iterator[Found]:
    """The stance acts of one claim, left to right."""
    sent = text[claim.start:claim.end]
    tk = Tokens(sent)
    found_any = False
    candidates = [k for k, t in enumerate(tk.low) if t in HEAD_FORMS or t in ADJECTIVES or t == "not"]
    i = 0
    for c in candidates:
        if c < i:
            continue  # inside an earlier act's object: part of it
        i = c
        act = match(tk, i)
        if act is None or not polarity_holds(tk, act):
            i = act.cue1 if act else i + 1
            continue
        if claim.speaker is None and not found_any and not has_subject(tk, act.cue0):
            i += 1
            continue
        cue0, polarity, mode = act.cue0, act.polarity, act.mode
        obj = skip_adverbs(tk, act.obj)
        if tk.get(obj) == "by":
            i = act.cue1  # "the steps called upon by the parties": a passive
            continue
        if mode == "urge":
            action = urged_action(tk, obj)
            obj, mode = (action, "vp") if action is not None else (obj, "np")
        # "agreed to firmly uphold X", "urged Russia to condemn Y": the inner verb's act
        inner = match(tk, obj, forced=True) if polarity == Polarity.SUPPORT and mode in ("vp", "np") else None
        if inner is not None and polarity_holds(tk, inner):
            if obj != skip_adverbs(tk, act.cue1):
                cue0 = inner.cue0  # the urged party stands between: the cue is the inner verb's
            act, polarity, mode, obj = inner, inner.polarity, inner.mode, skip_adverbs(tk, inner.obj)
            if mode == "urge":
                action = urged_action(tk, obj)
                obj, mode = (action, "vp") if action is not None else (obj, "np")
        if mode in ("demand", "vp"):
            abstain = abstention(tk, obj)
            if abstain is not None:
                polarity, obj, mode = Polarity.OPPOSE, abstain, "np"
            elif mode == "demand":
                mode = "clause"
        t0, t1, natural = phrase(tk, obj, "np" if mode == "reason" else mode)
        if mode == "reason":
            # "appreciates China for …": the target ends where the reason begins
            why = REASON_WORDS.get(HEAD_FORMS.get(tk.low[act.cue0]), ("for",))
            t1 = next((k for k in range(t0 + 1, t1) if tk.low[k] in why and reason_follows(tk, k + 1)), t1)
            while t1 > t0 and tk.low[t1 - 1] in (",", "and"):
                t1 -= 1
        if nothing_to_report(tk, t0, t1):
            i = act.cue1
            continue
        found_any = True
        if HEAD_FORMS.get(tk.low[act.cue0]) not in COURTESIES:
            yield Found(_record(claim, sent, tk, polarity, cue0, act.cue1, t0, t1), act.matcher)
        i = max(natural, act.cue1)


def _record(claim: Claim, sent: str, tk: Tokens, polarity: Polarity, cue0: int, cue1: int,
            t0: int, t1: int) -> Stance:
    base = claim.start
    target = sent[tk.start[t0]:tk.end[t1 - 1]]
    return Stance(
        doc=claim.doc, claim=claim.id, speaker=claim.speaker, speaker_kind=claim.speaker_kind,
        polarity=polarity, cue=sent[tk.start[cue0]:tk.end[cue1 - 1]],
        intensity=_intensity(tk, cue0, cue1), target=target, entities=_entities(target),
        start=claim.start, end=claim.end, text=sent,
        cue_start=base + tk.start[cue0], cue_end=base + tk.end[cue1 - 1],
        target_start=base + tk.start[t0], target_end=base + tk.end[t1 - 1],
    )


def _entities(target: str) -> list[str]:
    from ..gazetteer import find_entities

    return list(dict.fromkeys(e.name for e in find_entities(target)))


def _intensity(tk: Tokens, cue0: int, cue1: int) -> str | None:
    """The grading word of an act: in its cue, an adverb just before it, or "in the strongest terms"."""
    for k in range(max(0, cue0 - 2), cue1):
        if tk.low[k] in INTENSITY and (k >= cue0 or adverb(tk.low[k])):
            return tk.low[k]
    for k in range(cue1, after_manner(tk, cue1)):
        if tk.low[k] in INTENSITY:
            return tk.low[k]
    return None
