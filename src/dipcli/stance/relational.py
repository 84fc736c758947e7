"""A noun that names its holder by the stance: "X, a vocal critic of Y", "X has emerged as one of Y's
staunchest supporters", "a vocal Trump supporter" (the nouns are ``stance_relational.tsv``)."""
from __future__ import annotations

from ..model import Polarity
from .act import Act
from .holders import Holder, noun_phrase_ending, subject_of
from .tokens import Tokens, possessive
from .words import BE, DET, PREP, RELATIONAL, VERB_FORMS


def match_relational(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'X, a vocal critic of Y', 'X has emerged as one of Y's staunchest supporters': the noun names
    its holder by the stance; the target follows "of" or is the possessor before the noun."""
    t = tk.low[i]
    if t not in RELATIONAL or tk.cap(i):
        return None
    k = i - 1
    while k >= 0 and i - k <= 4 and tk.low[k].isalpha() and not tk.cap(k) and tk.low[k] not in DET \
            and tk.low[k] not in PREP and tk.low[k] not in BE and tk.low[k] not in ("one", "as", "among") \
            and tk.low[k] not in VERB_FORMS:
        k -= 1  # "staunchest", "vocal", "longtime", "fierce"
    before = None
    if tk.get(i + 1) == "of":
        obj = i + 2
    elif k >= 0 and possessive(tk, k):
        obj = None
        s0 = noun_phrase_ending(tk, k)
        before = (s0 if s0 is not None else k, k + 1)
        k = before[0] - 1
    elif k >= 0 and tk.name(k) and k == i - 1:
        obj = None  # "a vocal Trump supporter": the name before the noun is whom it is about
        s0 = k
        while s0 > 0 and tk.name(s0 - 1) and k - s0 < 3:
            s0 -= 1
        before = (s0, k + 1)
        k = s0 - 1
        while k >= 0 and s0 - k <= 3 and tk.low[k].replace("-", "").isalnum() and not tk.cap(k) \
                and tk.low[k] not in DET \
                and tk.low[k] not in PREP and tk.low[k] not in BE and tk.low[k] not in VERB_FORMS:
            k -= 1  # "a longtime Trump supporter"
    else:
        return None
    if tk.get(k) in ("a", "an", "the", "another"):
        k -= 1
    neg = k if tk.get(k) == "no" else None  # "X is no fan of Y" (not "it is not Y's supporters who …")
    if neg is not None:
        k -= 1
    if tk.get(k) == "of" and tk.get(k - 1) in ("one", "among", "some"):
        k -= 2
    elif tk.get(k) == "among":
        k -= 1
    if tk.get(k) == "as":
        k -= 1  # "emerged as", "is seen as"
    holder = None
    if tk.get(k) == ",":
        s0 = noun_phrase_ending(tk, k - 1)
        if s0 is not None and tk.name(k - 1):
            holder = Holder(s0, k, "subject")  # "X, a critic of Y,"
    elif tk.get(k) in BE or tk.get(k) in ("became", "become", "becomes", "emerged", "remains", "remained"):
        holder = subject_of(tk, k)[0]
    polarity, cue0 = RELATIONAL[t], i if neg is None else neg
    if holder is None or neg is not None and polarity != Polarity.SUPPORT:
        return None  # (not being someone's critic is no position)
    if neg is not None:
        polarity = Polarity.OPPOSE  # being no fan or supporter of someone is standing against them
    if obj is None:
        return Act(cue0, i + 1, polarity, "before", i + 1, holder=holder, before=before)
    return Act(cue0, i + 2, polarity, "np", obj, holder=holder)
