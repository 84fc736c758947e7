"""A failure laid at someone's door in someone's words: '"Damascus has failed to protect its people,"
Y said', "Y said the council had failed to act", "Y said Obamacare is failing its patients".

A form of "fail" (``FAILING``) whose subject is a named agent (a name, or a people or body word with a
capital in its phrase: "the Assad regime", "Tysons supervisors" is not) opposes that subject, held
by the claim's speaker: the act is the speaker's verdict, as ``verdict`` is, and the narration
holds none. It reads so only where the subject is a reported clause's or the quote's own (after
a comma, "that", a speech verb, a quote or at the opening) and the failure is of a duty: "to" and
a verb that is no outcome of a contest or a negotiation (``stance_failure_outcomes.txt``: "failed
to win", "failed to reach an agreement" are no one's fault), or a direct object ("has failed the
people of Syria"), or "is failing" closing the clause. Not negated ("never failed to"), not in
a question, not after "if", "unless", "when" ("if Iran fails to comply"), not a speaker's own
("we failed to qualify").
"""
from __future__ import annotations

from ..model import Polarity
from .act import Act
from .holders import PRONOUNS, SPEAKER, agentive, noun_phrase_ending, pronoun
from .labels import SAYS
from .tokens import CLAUSE_PUNCT, QUOTES, Tokens, adverb, negation, possessive
from .words import AUX, DET, FAILING, FAILURE_OUTCOMES, SKIP_ADVERBS

# Words that may stand right before the subject of a reported failure: the opening of the clause.
_OPENERS = frozenset((",", "that", "and", "but", "because"))
# Speech verbs a reported clause follows without "that": "Y said X had failed to act" (a verdict's,
# with verbs of charge for "concluded").
_SAYS = SAYS - {"concluded", "concludes"} | {"charged", "charges", "complained", "complains", "declared", "declares"}
# Words at most between a speech verb and its "that": "said in a statement on Monday that".
_SAID_THAT = 7
# Objects of a failure that are someone failed: "failed the people", "is failing its patients".
_OBJECT_PRONOUNS = frozenset(("them", "us", "him", "her", "you", "me"))


def match_failure(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'"Damascus has failed to protect its people," Y said', 'Y said the council had failed to act',
    'Y said Obamacare is failing': the speaker opposes the named agent that failed."""
    if tk.low[i] not in FAILING or tk.low[-1:] == ["?"] or not _duty(tk, i) or negation(tk, i) is not None:
        return None
    s1 = i
    while s1 > 0 and (tk.low[s1 - 1] in AUX or tk.low[s1 - 1] in SKIP_ADVERBS or adverb(tk.low[s1 - 1])):
        s1 -= 1  # "had repeatedly failed", "is clearly failing"
    if tk.low[i] == "failing" and not any(tk.low[k] in AUX for k in range(s1, i)):
        return None  # "the failing schools", "for failing to act": no clause of its own
    s0 = noun_phrase_ending(tk, s1 - 1)
    if s0 is None or not _reported(tk, s0) or not agentive(tk, s0, s1) \
            or not any(tk.cap(k) and tk.is_word(k) for k in range(s0 + 1 if s0 == 0 else s0, s1)) \
            or pronoun(tk.low[s0]) in PRONOUNS or s1 - s0 == 1 and tk.low[s0].endswith("ing"):
        return None  # "the talks failed", "we failed to qualify", "he failed to show up", "Having failed to"
    return Act(s1, i + 1, Polarity.OPPOSE, "before", i + 1, holder=SPEAKER, before=(s0, s1))


def _duty(tk: Tokens, i: int) -> bool:
    """Is the failure at i one of a duty: "to" and a verb that is no outcome, a direct object ("failed
    the people", "is failing its patients"), or "failing" closing the clause?"""
    nxt = tk.get(i + 1)
    if nxt == "to":
        verb = tk.get(i + 2)
        return verb.isalpha() and verb not in FAILURE_OUTCOMES and verb not in DET
    if nxt in DET or nxt in _OBJECT_PRONOUNS or possessive(tk, i + 1) or tk.name(i + 1):
        return nxt not in ("a", "an")  # not "failed a test", "failed a drug test"
    return tk.low[i] == "failing" and (not nxt or nxt in CLAUSE_PUNCT or nxt == "," or nxt in QUOTES)


def _reported(tk: Tokens, s0: int) -> bool:
    """Does the subject at s0 open someone's words: after a speech verb ("said the council had failed"),
    after "that" a few words after one ("said on Monday that"), or after a quote, a comma or at the
    opening of a sentence that quotes or reports speech ('"Russia has failed to …," Y said')? Not the
    narration's "In 2015, Congress failed to pass the bill"."""
    before = tk.get(s0 - 1)
    if _says(tk, s0 - 1):
        return True
    if before == "that":
        return any(_says(tk, k) for k in range(max(0, s0 - 1 - _SAID_THAT), s0 - 1))
    return (s0 == 0 or before in QUOTES or before in _OPENERS) \
        and any(t in QUOTES or _says(tk, k) for k, t in enumerate(tk.low))


def _says(tk: Tokens, k: int) -> bool:
    """Is token k a speech verb ("said", "charges"), not a name's word ("the United States")?"""
    return tk.get(k) in _SAYS and not tk.cap(k)
