"""One sentence as tokens, and what a token is: a name, an adverb, an adjective, a new verb."""
from __future__ import annotations

import re

from .words import (ADJECTIVE_ENDINGS, ADJECTIVE_LIKE, AMBIGUOUS, AUX, CAPITALISED_OPENERS, CARRIERS, DET,
                    HEAD_FORMS, MODALS, NEGATED_ONLY, NEGATORS, NOT_ADVERBS, NOUNS_LIKE_ADJECTIVES, PREP, SKIP_ADVERBS,
                    SUBJECT_PRONOUNS, VERB_FORMS)

LOOK = 8  # tokens looked at around a head for its subject, adverbs and particles

# Abbreviations with dots ("U.S."), decimals ("1.2"), words with inner apostrophes,
# hyphens and slashes, dash runs, then any other single character. (The look-ahead finds the
# same tokens; at a space it fails at once where the engine would try each alternative.)
TOKEN_ALTERNATIVES = r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)+|\w+(?:[’'\-/]\w+)*|--+|[^\w\s]"
TOKEN = re.compile(r"(?=\S)(?:" + TOKEN_ALTERNATIVES + ")")

CLAUSE_PUNCT = frozenset(";:.!?…")
DASHES = frozenset({"--", "—", "–", "---"})
QUOTES = frozenset("\"“”‘’'«»")


class Tokens:
    """One sentence's tokens: as written, lower-cased, and their offsets into the sentence.

    The offsets are found on first use: most sentences are read and left without an act.
    """

    __slots__ = ("sent", "raws", "low", "n", "_start", "_end")

    def __init__(self, sent: str):
        self.sent = sent
        self.raws: list[str] = TOKEN.findall(sent)
        self.low = [t.lower() for t in self.raws]
        self.n = len(self.raws)
        self._start: list[int] | None = None
        self._end: list[int] | None = None

    def _offsets(self) -> None:
        # tokens cover everything but whitespace, in order: each is the next occurrence of itself
        start, end, pos, find = [], [], 0, self.sent.find
        for t in self.raws:
            pos = find(t, pos)
            start.append(pos)
            pos += len(t)
            end.append(pos)
        self._start, self._end = start, end

    @property
    def start(self) -> list[int]:
        if self._start is None:
            self._offsets()
        return self._start

    @property
    def end(self) -> list[int]:
        if self._end is None:
            self._offsets()
        return self._end

    def raw(self, i: int) -> str:
        return self.raws[i]

    def get(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.raws[i][0].isalnum()

    def cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.raws[i][0].isupper()

    def name(self, i: int) -> bool:
        """A capitalised word that is not capitalised just for opening the sentence."""
        return self.cap(i) and self.raws[i] not in CAPITALISED_OPENERS


def possessive(tk: Tokens, i: int) -> bool:
    t = tk.get(i)
    return t.endswith(("'s", "’s")) and t[:-2] not in _CONTRACTED or (t in ("'", "’") and tk.cap(i - 1))


# Words whose "'s" is a contracted "is" or "has", never a possessive: "he's supporting X", "that's".
_CONTRACTED = frozenset(("he", "she", "it", "that", "there", "here", "who", "what", "where", "how", "let"))


def adverb(t: str) -> bool:
    return t.endswith("ly") and len(t) > 4 and t not in NOT_ADVERBS


def adjectival(word: str) -> bool:
    return word in ADJECTIVE_LIKE or word.endswith(ADJECTIVE_ENDINGS) and word not in NOUNS_LIKE_ADJECTIVES


def skip_back(tk: Tokens, i: int, extra: frozenset[str] = frozenset()) -> int:
    """The first token before i that is not an adverb (or in ``extra``), within ``LOOK`` tokens."""
    j = i - 1
    while j >= 0 and j > i - LOOK and (tk.low[j] in SKIP_ADVERBS or adverb(tk.low[j]) or tk.low[j] in extra):
        j -= 1
    return j


def skip_adverbs(tk: Tokens, i: int) -> int:
    """The first token from i on that is not an -ly adverb, within ``LOOK`` tokens."""
    end = i + LOOK
    while adverb(tk.get(i)) and i < end:
        i += 1
    return i


def country_word(word: str) -> bool:
    from ..gazetteer import country_of

    return country_of(word) is not None


def is_verb_at(tk: Tokens, i: int) -> bool:
    """Does token i open a new verb phrase or clause (after "and", "or")?"""
    t = tk.get(i)
    if not t:
        return False
    if t in AUX or t in SUBJECT_PRONOUNS:
        return True  # "… and they discussed …"
    if t in ADJECTIVE_LIKE:
        return False
    if adverb(t) and tk.get(i + 1) in VERB_FORMS:
        i, t = i + 1, tk.get(i + 1)
    lemma = VERB_FORMS.get(t)
    if lemma is None and t.endswith("ing"):
        lemma = HEAD_FORMS.get(t)  # "… and attacking Clinton": a stance verb's participle with its object
    if lemma in HEAD_FORMS and lemma not in AMBIGUOUS and lemma not in CARRIERS:
        return True  # "… and promote cooperation": a stance verb that is never a noun
    nxt = tk.get(i + 1)
    object_follows = (nxt in DET or nxt in ("that", "to", "for", "with", "up", "out", "forward", "ready")
                      or possessive(tk, i + 1) or tk.name(i + 1) or adverb(nxt))
    if lemma is not None:
        if t != lemma and not t.endswith(("s", "ing")):
            return True  # a past form: "stressed", "made"
        return object_follows
    return t.endswith("ed") and object_follows


def finite_past(tk: Tokens, j: int) -> bool:
    """A past form opening a new clause ("… the plan Japan announced the …"), not "a shared future"."""
    t = tk.low[j]
    if t not in VERB_FORMS or t == VERB_FORMS[t] or t.endswith(("s", "ing")):
        return False
    prev, nxt = tk.get(j - 1), tk.get(j + 1)
    if prev in DET or prev in PREP or possessive(tk, j - 1):
        return False
    return nxt in DET or nxt == "that" or possessive(tk, j + 1) or tk.name(j + 1)


# Words after "do not" that deny only that the verb says all ("didn't just blame X", "does not merely
# oppose X"): the verb still holds. Not after a modal ("we cannot simply accept X") nor before a verb
# that counts only negated ("did not simply accept X"): there the refusal stands.
_NOT_ONLY = frozenset(("only", "just", "merely", "simply"))
_DO_NOT = frozenset(("do", "does", "did", "don't", "doesn't", "didn't", "don’t", "doesn’t", "didn’t"))


def negation(tk: Tokens, i: int) -> int | None:
    """Where the negation of the verb at i begins ("does not", "will never", "cannot"), if negated."""
    j = i - 1
    for _ in range(4):
        if j < 0:
            return None
        t = tk.low[j]
        if t in NEGATORS or t.endswith(("n't", "n’t")):
            if t == "not" and tk.get(j + 1) == "only" or t == "no" and tk.get(j + 1) != "longer" \
                    or tk.get(j + 1) in _NOT_ONLY and (t in _DO_NOT or t == "not" and tk.get(j - 1) in _DO_NOT) \
                    and HEAD_FORMS.get(tk.low[i]) not in NEGATED_ONLY:
                return None
            return j - 1 if tk.get(j - 1) in AUX and t in ("not", "never") else j
        if not (t in MODALS or t in AUX or t in SKIP_ADVERBS or adverb(t) or t == "longer"):
            return None
        j -= 1
    return None
