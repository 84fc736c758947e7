"""Clauses whose stance verb's object or subject stands outside them, before the verb.

* An object relative: "Bolton, whom Trump endorsed last year", "the rebels that the United States
  has supported since 2014", "a plan which Ohio opposed": the relative word is the verb's object,
  the noun phrase before it the target, the clause's subject the holder. "that" and "which" count
  only right after a noun with no comma (a restrictive clause; ", which China appreciates" takes
  the whole clause before it: ``matchers.match_object_first``).
* A participle with its agent that opens the sentence: "Criticised by Y, the governor resigned":
  the participle's agent holds the act, the subject after the comma is its target.
"""
from __future__ import annotations

from .act import Act
from .holders import Holder, PRONOUNS, agentive, noun_phrase_after, noun_phrase_ending, pronoun
from .tokens import CLAUSE_PUNCT, Tokens, adverb, possessive, skip_adverbs, skip_back
from .words import (AUX, CONTENT_NOUNS, DET, MODALS, NEGATORS, OBJECT_VERBS, PREP, SUBORDINATORS, TIME_WORDS,
                    VERB_FORMS)

# Words after the verb that make the relative word no object: "a warship that Seoul blamed on X" (X
# is blamed), "the man whom Y blamed on TV"; not "on Friday".
_NOT_AFTER = frozenset(("on", "onto"))
# After "that" or "which", the verb's object is the relative word only where the clause goes on with
# no object: at its end, a comma, a day, a preposition or a subordinator other than these (which open an infinitive or
# a clause, or belong to the verb: "hope to", "value and cherish", "regard as").
_NOT_OPEN = frozenset(("to", "of", "as", "that", "and", "or", "like"))


def object_relative(tk: Tokens, i: int, lemma: str) -> Act | None:
    """The act of the verb at i (lemma ``lemma``) on the antecedent of an object relative before its
    subject ("whom Y endorsed", "the rebels that Y supported"), or None."""
    s0 = noun_phrase_ending(tk, skip_back(tk, i, NEGATORS | MODALS | AUX))
    k = skip_adverbs(tk, i + 1)
    nxt = tk.get(k)
    if s0 is None or not _relative_object(tk, s0 - 1) or nxt in _NOT_AFTER and tk.get(k + 1) not in TIME_WORDS:
        return None
    if tk.get(s0 - 1) != "whom" and not (nxt in CLAUSE_PUNCT or nxt in (",", "", "today", "yesterday", "again")
                                         or (nxt in PREP or nxt in SUBORDINATORS) and nxt not in _NOT_OPEN) \
            or tk.get(i - 1) == "to":
        return None  # "the fact that we value education", "the summit that we hope to achieve", "is to blame"
    return _whom(tk, i, s0 - 1, lemma)


def _relative_object(tk: Tokens, w: int) -> bool:
    """Is the word at w a relative word that can be its clause's object: "whom", or "that"/"which"
    right after a noun phrase that opens with a determiner, a possessor or a name ("the rebels that",
    "a plan which"; not "said that", "so that", "X, which", "made it clear that")?"""
    t = tk.get(w)
    if t == "whom":
        return True
    if t not in ("that", "which") or w < 1:
        return False
    a = tk.low[w - 1]
    if a in CONTENT_NOUNS:
        return False  # "no doubt that he would endorse in …": the clause is the doubt's content
    s0 = noun_phrase_ending(tk, w - 1) if tk.is_word(w - 1) else None
    return s0 is not None and (tk.low[s0] in DET or possessive(tk, s0) or tk.cap(s0)) and a not in VERB_FORMS \
        and not a.endswith("ed") and a not in SUBORDINATORS and not adverb(a) and pronoun(a) not in PRONOUNS


def _whom(tk: Tokens, i: int, w: int, lemma: str) -> Act | None:
    """The verb at i after the relative word at w and its subject: the relative word is its object,
    the noun phrase before it the target, unless the verb has an object of its own ("whom Y urged the
    court to free") or "whom" hangs on a preposition ("to whom Y owes support") or stands for no one
    ("no matter whom")."""
    k = skip_adverbs(tk, i + 1)
    nxt = tk.get(k)
    if tk.get(w - 1) in PREP or tk.get(w - 1) == "matter" or nxt in DET or tk.name(k) or possessive(tk, k) \
            or pronoun(nxt) in PRONOUNS or nxt in ("him", "her", "them", "us", "me", "you"):
        return None
    a = w - 2 if tk.get(w - 1) == "," else w - 1
    t0 = noun_phrase_ending(tk, a)
    if t0 is None or not tk.is_word(a):
        return None
    return Act(i, i + 1, OBJECT_VERBS[lemma], "before", i + 1, before=(t0, a + 1))


def fronted_passive(tk: Tokens, i: int, k: int, lemma: str, holder: Holder) -> Act | None:
    """A participle at i that opens the sentence, with its agent after "by" at k: the act on the
    subject after the comma that ends the agent ("Criticised by Y, the governor resigned"), or None."""
    if tk.get(holder.end) != ",":
        return None
    target = noun_phrase_after(tk, holder.end + 1, "subject")
    if target is None:
        return None
    return Act(i, k, OBJECT_VERBS[lemma], "before", k, holder=holder, before=(target.start, target.end))


def apposed_name(tk: Tokens, s0: int, s1: int) -> tuple[int, int] | None:
    """The name that a description [s0, s1) stands beside, as the antecedent of a relative clause
    ("Maria Lopez, the activist who accused X": Maria Lopez), or None: a name and a comma just
    before a description that opens with an article, the name no object of a preposition ("told
    Reuters, the official who …" stays the official's) and the description no list ("NATO, the EU
    and the partners that support X" are all of them)."""
    if tk.low[s0] not in ("the", "a", "an") or tk.get(s0 - 1) != "," or not (tk.cap(s0 - 2) and tk.is_word(s0 - 2)) \
            or any(t in ("and", "or") for t in tk.low[s0:s1]):
        return None
    n0 = noun_phrase_ending(tk, s0 - 2)
    if n0 is None or not tk.cap(n0) or tk.get(n0 - 1) in PREP or tk.get(n0 - 1) == "to" \
            or not agentive(tk, n0, s0 - 1):
        return None  # not "president of Protect our Defenders, a group that …"
    return n0, s0 - 1


# Verbs whose object relative may name what is blamed, with "on" naming who is blamed: "the attack,
# which Myanmar has blamed on the insurgents", "a warship that Seoul blamed on a North Korean torpedo".
_BLAMED_ON = frozenset(("blame",))


def blamed_on(tk: Tokens, i: int, lemma: str) -> Act | None:
    """The act of a verb of blame at i whose object is a relative word before its subject and whose
    "on" names who is blamed: opposition to what follows "on" ("which Y blamed on X": X), or None
    ("which Y blamed on Monday" names no one)."""
    k = skip_adverbs(tk, i + 1)
    if lemma not in _BLAMED_ON or tk.get(k) not in _NOT_AFTER or tk.get(k + 1) in TIME_WORDS or tk.get(i - 1) == "to":
        return None
    s0 = noun_phrase_ending(tk, skip_back(tk, i, NEGATORS | MODALS | AUX))
    if s0 is None or tk.get(s0 - 1) not in ("which", "that") or not (tk.get(s0 - 2) == "," or _relative_object(tk, s0 - 1)):
        return None
    return Act(i, k + 1, OBJECT_VERBS[lemma], "np", k + 1)
