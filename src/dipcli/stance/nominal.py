"""A stance noun and its holder, without a verb that carries it: "the mayor's sharp criticism of X",
"her support for X", "the endorsement by Ryan of Trump", "the criticism of the plan by Warren".

The holder is the noun's possessor (:func:`.agents.possessor`: a possessive, a name or a word of
nationality before the noun: "GOP criticism of X", "Russian support for Assad") or the agent of a
"by" phrase, before or after the noun's object. A possessive pronoun that opens a verb's object
stands for that verb's subject where the two agree ("the senator withdrew his support for X",
"Republicans intensified their criticism of X"): :func:`bound_subject`.
"""
from __future__ import annotations

from ..model import Polarity
from .act import Act
from .agents import possessor
from .holders import PRONOUNS, Holder, agentive, noun_phrase_after, pronoun, subject_of
from .tokens import CLAUSE_PUNCT, Tokens, adverb, country_word, skip_adverbs
from .words import (ACTION_ENDINGS, AMOUNTS, AUX, BE, BY_EVENT, BY_OPENERS, CARRIERS, DET, GROUP_NAME_ENDINGS,
                    HEAD_FORMS, MODALS, NOMINAL, NUMBER_WORDS, OWNED_OF, OWNING_FORMS, PAST_FORMS, PREP, RECEIVING,
                    RECIPIENT_NOUNS, RELATIVES, RETRACTING, SKIP_ADVERBS, STANCE_NOUNS, SUBORDINATORS, VERB_FORMS,
                    WEAK_CARRIERS)

# Tokens at most in the object before a "by" phrase: "criticism of the new tariff plan by X".
_BY_OBJECT_MAX = 5


def match_nominal(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'the mayor's sharp criticism of X', 'her support for X', 'the endorsement by Ryan of Trump', 'the
    criticism of the plan by Senator Warren': a stance noun and its holder, before it or in a "by" phrase."""
    t = tk.low[i]
    if t not in NOMINAL:
        return None
    pol, preps = STANCE_NOUNS[t]
    nxt = tk.get(i + 1)  # after its holder, "of" opens the object of support: "Trump's support of the war"
    if nxt == "by":
        return _by_first(tk, i, pol, preps)
    aimed = _aimed_at(tk, i)
    if aimed is not None:
        holder = possessor(tk, i)
        return Act(i, aimed, pol, "np", aimed, holder=holder) if holder is not None else None
    if nxt not in preps and not (nxt == "of" and (t in RECIPIENT_NOUNS or t in OWNED_OF)) \
            or nxt in ("that", "to") and t not in ("opposition", "objection"):
        return None
    amount = tk.get(i - 1) == "of" and tk.get(i - 2) in AMOUNTS  # "Russia's show of support for Assad"
    holder = possessor(tk, i - 2 if amount else i)
    if holder is None:
        return None if amount else _by_after(tk, i, pol)
    if _retracted(tk, holder.start):
        return None
    return Act(i, i + 2, pol, "np", i + 2, holder=holder)


# Participles that aim a stance noun at whom it is about: "the European criticisms are aimed at X".
_AIMING = frozenset(("aimed", "directed", "leveled", "levelled", "targeted"))


def _aimed_at(tk: Tokens, i: int) -> int | None:
    """Where the object of the stance noun at i begins when a participle aims the noun at it ("the
    European criticisms are increasingly aimed at X", "her broadsides, directed at X"): the token after
    "at" or "against". Not for a noun that may name a deed ("attacks aimed at civilians"), nor for a
    purpose ("criticism aimed at improving the bill")."""
    if tk.low[i] in BY_EVENT:
        return None
    k = i + 1
    if tk.get(k) == ",":
        k += 1
    if tk.get(k) in BE:
        k += 1
    k = skip_adverbs(tk, k)
    if tk.get(k) not in _AIMING:
        return None
    k = skip_adverbs(tk, k + 1)  # "aimed squarely at X"; not a purpose, "aimed at improving X"
    return k + 1 if tk.get(k) in ("at", "against") and not tk.get(k + 1).endswith("ing") else None


def _retracted(tk: Tokens, s0: int) -> bool:
    """Does a verb of ``stance_retracting.txt`` take back the stance whose phrase opens at s0 ("withdrew
    his support for X", "rescinded the governor's endorsement of X")?"""
    k = s0 - 1
    if tk.get(k) in ("the", "a", "an"):
        k -= 1
    while k >= 0 and (adverb(tk.low[k]) or tk.low[k] in SKIP_ADVERBS):
        k -= 1
    return tk.get(k) in RETRACTING


def _opens_phrase(tk: Tokens, i: int) -> bool:
    """Does a determiner of ``BY_OPENERS`` open the noun at i, with at most two describing words
    between ("the sharp criticism", "the endorsements"), or does the noun open the sentence?"""
    k = i - 1
    while k >= 0 and i - k <= 3 and tk.low[k] not in BY_OPENERS and tk.low[k].replace("-", "").isalpha() \
            and not tk.cap(k) and tk.low[k] not in PREP and tk.low[k] not in DET and tk.low[k] not in VERB_FORMS:
        k -= 1
    return k < 0 and i == 0 or k >= 0 and tk.low[k] in BY_OPENERS


def _by_first(tk: Tokens, i: int, pol: Polarity, preps: tuple[str, ...] | frozenset[str]) -> Act | None:
    """'the rejection by the Republic of Guatemala of X': the agent after "by", then the object after a
    preposition of the noun. Not without an object ("the endorsements by Ryan were milestones")."""
    if tk.low[i] in BY_EVENT or not _opens_phrase(tk, i):
        return None
    agent = noun_phrase_after(tk, i + 2, "by-agent")
    if agent is None or tk.get(agent.end) not in preps or not agentive(tk, agent.start, agent.end):
        return None
    return Act(i, i + 1, pol, "np", agent.end + 1, holder=agent)


def _by_after(tk: Tokens, i: int, pol: Polarity) -> Act | None:
    """'the criticism of the plan by Senator Warren': the object between the noun's preposition and "by",
    a short noun phrase with no verb, preposition, clause word or comma in it, whose head names no action
    the agent could be the agent of ("criticism of the plan proposed by X", "support for the provision of
    F-16s by any party", "a rejection of the ruthless aggression by X": no)."""
    if tk.low[i] in BY_EVENT or not _opens_phrase(tk, i):
        return None
    for k in range(i + 3, min(tk.n, i + 3 + _BY_OBJECT_MAX)):
        w = tk.low[k]
        if w == "by" and _action(tk.low[k - 1]):
            return None  # "rejection of the aggression by X": X's aggression
        if w == "by":
            agent = noun_phrase_after(tk, k + 1, "by-agent")
            if agent is None or not agentive(tk, agent.start, agent.end):
                return None
            return Act(i, i + 2, pol, "before", agent.end, holder=agent, before=(i + 2, k))
        if w in CLAUSE_PUNCT or w in (",", "and", "or", "but") or w in PREP or w in RELATIVES or w in SUBORDINATORS \
                or w in AUX or w in BE or w in MODALS or _verb(tk, k):
            return None
    return None


def _action(w: str) -> bool:
    """Does the noun name an action, which a "by" phrase after it may belong to ("the aggression",
    "the investigation", "the attacks", "her actions")?"""
    return w.endswith(ACTION_ENDINGS) or w in NOMINAL or w in STANCE_NOUNS


def _verb(tk: Tokens, k: int) -> bool:
    """Is the token at k a verb's form that is no noun after a determiner ("proposed", "says"; not "the plan")?"""
    w = tk.low[k]
    return (w in VERB_FORMS or w in PAST_FORMS or w in HEAD_FORMS or w.endswith("ed") and not tk.cap(k)) \
        and tk.get(k - 1) not in DET


def bound_subject(tk: Tokens, holder: Holder) -> Holder | None:
    """The subject a possessive pronoun stands for when it opens the object of that subject's verb, a verb
    of ``stance_owning.txt`` or one that carries a stance noun ("affirm its support"), and agrees with it
    ("The senator intensified his criticism of X": the senator; "Republicans escalated their attacks on X":
    Republicans; "Finland continues its support for X": Finland). None when no such verb comes right before
    the pronoun, a comma cuts the subject off, the subject is a pronoun itself, or they do not agree
    ("Trump's supporters cheered his attacks": his is not theirs)."""
    p = holder.start
    w = tk.low[p]
    if w not in ("his", "her", "its", "their"):
        return None
    v = p - 1
    while v >= 0 and (adverb(tk.low[v]) or tk.low[v] in SKIP_ADVERBS):
        v -= 1
    lemma = HEAD_FORMS.get(tk.get(v))
    if v < 0 or tk.cap(v) or tk.low[v] not in OWNING_FORMS and (lemma not in CARRIERS or lemma in RECEIVING
                                                                 or lemma in WEAK_CARRIERS):
        return None  # "over his support", "misrepresented his praise": not the subject's own stance
    subject = subject_of(tk, v)[0]
    if subject is None or subject.via != "subject" or subject.end > v or "," in tk.low[subject.end:v] \
            or not agentive(tk, subject.start, subject.end) or pronoun(tk.low[subject.start]) in PRONOUNS:
        return None  # "Singer, actor and activist X, 88, will announce his endorsement": not Singer
    return subject if _agrees(tk, subject, w) else None


def _agrees(tk: Tokens, subject: Holder, possessive_pronoun: str) -> bool:
    """Does the subject agree with the possessive pronoun: "their" with a plural, a list or a number ("the
    two"), "his" and "her" with one that is no country, "its" with one that is no person's name (a common
    noun, a country, or a name after "the": "the paper", "Russia", "The Dallas Morning News")?"""
    head = tk.low[subject.end - 1]
    named = tk.cap(subject.end - 1)
    plural = "and" in tk.low[subject.start:subject.end] or head in NUMBER_WORDS or head == "both" \
        or head.endswith("s") and not head.endswith(("ss", "'s", "’s")) \
        and (not named or head.endswith(GROUP_NAME_ENDINGS))
    if possessive_pronoun == "their" or plural:
        return possessive_pronoun == "their" and plural
    country = country_word(tk.raw(subject.end - 1))
    if possessive_pronoun in ("his", "her"):
        return not country
    return not named or country or tk.low[subject.start] == "the"
