"""Doubt cast on a quality of someone: "questioned Brandt's integrity", "impugned the senator's motives".

A verb of ``stance_questioning.txt`` whose object is a possessor and a noun of ``stance_qualities.txt``
(a person's or a body's quality: integrity, motives, credibility, fitness, …), with at most two
describing words between ("questioned Trump's mental fitness"), opposes the possessor: the target
is the object as written ("Trump's integrity"). Not "questioned the witness", "questioned Trump's
tax plan", "doubts about X's integrity" (a noun, not the verb).
"""
from __future__ import annotations

from ..model import Polarity
from .act import Act
from .grammar import verbal
from .holders import NP_MAX, POSSESSIVE_PRONOUNS, noun_phrase_ending
from .tokens import Tokens, possessive, skip_adverbs
from .words import QUALITIES, QUESTIONING_FORMS

# Describing words at most between the possessor and the quality: "mental", "moral", "basic".
_DESCRIBING_MAX = 2


def match_quality(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'questioned Brandt's integrity', 'impugned the senator's motives', 'questioned his judgment': the
    possessor of the quality is whom the act opposes."""
    verb = QUESTIONING_FORMS.get(tk.low[i])  # not a head of HEAD_FORMS: ``lemma`` is None here
    if verb is None or not (forced or verbal(tk, i, verb)):
        return None
    k = skip_adverbs(tk, i + 1)
    owner = _owner_end(tk, k)
    if owner is None:
        return None
    for j in range(owner, min(tk.n, owner + _DESCRIBING_MAX + 1)):
        if tk.low[j] in QUALITIES:
            return Act(i, i + 1, Polarity.OPPOSE, "np", k)
        if not tk.low[j].isalpha() or tk.cap(j):
            return None
    return None


def _owner_end(tk: Tokens, k: int) -> int | None:
    """The index after the possessor that opens at k ("Brandt's", "the senator's", "his"), or None."""
    if tk.get(k) in POSSESSIVE_PRONOUNS:
        return k + 1
    for j in range(k, min(tk.n, k + NP_MAX)):
        if possessive(tk, j):
            end = j - 1 if tk.low[j] in ("'", "’") else j
            s0 = noun_phrase_ending(tk, end)  # (which may run back over an -ing verb: "questioning Clinton's")
            return j + 1 if s0 is not None and s0 <= k else None
        if not tk.is_word(j):
            return None
    return None
