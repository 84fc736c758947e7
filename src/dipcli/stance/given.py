"""A stance given as a second object: "offered X a tepid endorsement", "gave the plan a thumbs-up",
"gave a ringing endorsement to X"; and a stance had from someone named: "has the support of X".

The verb (``stance_giving.txt``) gives a stance noun or phrase: a nominal stance noun of
``stance_nouns.tsv`` ("endorsement", "support", "criticism") or a phrase of ``stance_given.tsv``
("thumbs-up", "vote of confidence", "cold shoulder"), after a determiner and at most a few
grading words ("a tepid", "its full", "a resounding"). The one given it is the target: the first
object, a noun phrase or a pronoun right after the verb, or the object of "to" after the noun. The
holder is the verb's subject, found as for any verb.

The other way round, a verb of having (``held`` in ``stance_verbs.tsv``: "has", "got", "secured",
"picked up") carries a nominal stance noun only where the sentence names its holder (:func:`held`);
the holder is then the noun's source and the target the verb's subject, as for "drew criticism from X".
"""
from __future__ import annotations

from ..model import Polarity
from .act import Act
from .grammar import object_opens
from .holders import NP_MAX, noun_phrase_ending
from .tokens import CLAUSE_PUNCT, Tokens, possessive, skip_adverbs
from .words import (AUX, DET, GIVEN, GIVING, HEAD_FORMS, IMPORTANCE, NEGATORS, NOMINAL, PAST_FORMS, PREP, RELATIVES,
                    RETRACTING, SCANT, STANCE_NOUNS, SUBJECT_PRONOUNS, TIME_WORDS, VERB_FORMS, VERBAL_NOUNS)

# Grading words at most between the determiner and the noun: "a tepid", "a big, warm".
_GRADES_MAX = 3


def given_phrase(tk: Tokens, d: int) -> tuple[Polarity, int] | None:
    """A stance noun phrase opened by the determiner at d ("a tepid endorsement", "the thumbs-up"):
    its polarity and the index after it, or None."""
    if tk.get(d) not in DET:
        return None
    j = d + 1
    while j < tk.n and j - d <= _GRADES_MAX + 1:
        for words, pol in GIVEN.items():
            if tuple(tk.low[j:j + len(words)]) == words:
                return pol, j + len(words)
        t = tk.low[j]
        if t in NOMINAL:
            return STANCE_NOUNS[t][0], j + 1
        if tk.cap(j) or not t.replace("-", "").isalpha() or t in PREP or t in DET or t in AUX or t in VERB_FORMS \
                or t in ("and", "or") and tk.low[j - 1] not in STANCE_NOUNS:
            return None  # not a grading word: "gave the bill a second reading", "gave X a chance and support Y"
        j += 1
    return None


def match_given(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'offered X a tepid endorsement', 'gave it a thumbs-up', 'gave a ringing endorsement to X': the
    one given a stance noun or phrase is the target (see the module's docstring)."""
    if lemma not in GIVING:
        return None
    k = skip_adverbs(tk, i + 1)
    direct = given_phrase(tk, k)
    if direct is not None:  # "gave a thumbs-up to X"
        pol, end = direct
        return Act(i, end + 1, pol, "np", end + 1) if tk.get(end) == "to" and object_opens(tk, end + 1) else None
    for d in range(k + 1, min(tk.n, k + NP_MAX + 1)):
        if tk.low[d] in CLAUSE_PUNCT or tk.low[d] in (",", "to", "and", "or"):
            return None
        found = given_phrase(tk, d) if tk.low[d] in DET else None
        if found is not None and _first_object(tk, k, d):
            return Act(i, found[1], found[0], "before", found[1], before=(k, d))
    return None


def _first_object(tk: Tokens, k: int, d: int) -> bool:
    """Do the tokens from k to d make one noun phrase, the first object: "the governor", "it", "the
    plan" (a verb's form after a determiner is a noun)?"""
    if not tk.is_word(d - 1):
        return False
    return noun_phrase_ending(tk, d - 1) == k or d == k + 2 and tk.low[k] in DET and not tk.cap(d - 1)


# Possessors that name whose stance is had: the speaker's ("has our full support"). Other pronouns
# may be the subject's own ("Trump had his greatest support among the Marines").
_SPEAKERS_OWN = frozenset(("our", "my"))


def held(tk: Tokens, i: int, j: int) -> bool:
    """May the verb of having at i ("has", "got", "picked up") carry the stance noun at j: a nominal
    noun after determiners, grading words and a possessor that is a name or the speaker's ("has the
    support of X", "picked up an endorsement Thursday from X", "has Portugal's full support", "has our
    support")? Not "had his greatest support among X", "to get support from X", "has criticized X's
    support", "have their own concerns", "had little support from X" (``stance_scant.txt``)."""
    t = tk.low[j]
    f = j + 2 if tk.get(j + 1) in TIME_WORDS else j + 1
    source = tk.get(f) in ("of", "from", "by")
    if t not in NOMINAL or tk.get(i - 1) == "to" or tk.get(j + 1) in STANCE_NOUNS[t][1] and not source:
        return False  # "have China's support for X": China's support for X
    for k in range(i + 1, j):
        w = tk.low[k]
        if possessive(tk, k) and tk.cap(k) or w in _SPEAKERS_OWN or w == "up" and k == i + 1 or w in DET \
                and (source or w not in ("his", "her", "its", "their")):
            continue  # "picked up his first endorsement from X"; not "had his greatest support among X"
        if not w.replace("-", "").isalpha() or w in VERB_FORMS or w in HEAD_FORMS or w.endswith("ed") \
                or w in PREP or w in DET or w in SCANT or w in RETRACTING:
            return False  # "has criticized X's support", "had little support from X", "has withheld his support"
    return True  # the holder, after the noun or its possessor, is the carrier's to find


def owned(tk: Tokens, i: int, j: int) -> bool:
    """Does the verb of having at i give its own subject the stance noun at j, whose object follows
    ("has enormous respect for X", "I have admiration for X", "have serious concerns about X")? Only
    "a", "an" and at most three describing words between. Not "has the support of X" (:func:`held`),
    "has China's support for X", "had no respect for X", "have lost respect for X", "has done what they
    need to", nor a noun of importance ("has great importance for X") or of a wish ("had a desire to")."""
    t = tk.low[j]
    if tk.get(j + 1) not in STANCE_NOUNS[t][1] or t in IMPORTANCE or t in VERBAL_NOUNS and tk.get(j + 1) == "to" \
            or j - i > 4:
        return False
    return all(_describing(tk, k) for k in range(i + 1, j))


def _describing(tk: Tokens, k: int) -> bool:
    """Can token k describe the noun after "has": "a", "an", "enormous", "nothing but"?"""
    w = tk.low[k]
    return w in ("a", "an") or w.replace("-", "").isalpha() and not tk.cap(k) and not w.endswith(("ed", "en")) \
        and not any(w in words for words in _NOT_DESCRIBING)


# Words that cannot describe a noun between "has" and it: "has the", "had little", "has been", "has done",
# "have private insurance not worry".
_NOT_DESCRIBING = (DET, SCANT, PREP, AUX, NEGATORS, VERB_FORMS, HEAD_FORMS, PAST_FORMS, SUBJECT_PRONOUNS, RELATIVES)
