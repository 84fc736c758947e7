"""Around a head: is it a verb the sentence's holder uses, has it a subject, is it negated?"""
from __future__ import annotations

from .. import lexicon
from ..model import Polarity
from .tokens import Tokens, adjectival, adverb, possessive, skip_back
from .words import (ACTORS, AGENT_NOUNS, AMBIGUOUS, AUX, BE, CARRIERS, DET, HYPOTHETICAL, INTENT, IRREGULAR_FORMS, MODALS, NEGATORS, OBJECT_VERBS,
                    PARTICLE_VERBS, PERSON_WORDS, PREP, REASON_VERBS, REFLEXIVES, RELATIVES, SKIP_ADVERBS, SUBJECT_PRONOUNS, SUBORDINATORS, VERB_FORMS,
                    VOICE_NOUNS)

# Words between a verb and its subject: "they will not", "the sides agreed to".
BETWEEN_SUBJECT_AND_VERB = NEGATORS | MODALS | AUX | INTENT
# Words between a verb and what shows it is one ("will not", "didn't just blame", "they just support").
_BEFORE_VERB = NEGATORS | {"just", "longer"}  # "no longer supports X"


# Articles before which an adverb and a head form describe a noun: "a widely respected leader".
_ARTICLES = frozenset(("a", "an", "the"))


def verbal(tk: Tokens, i: int, lemma: str) -> bool:
    """Is token i (a head form) a verb the sentence's holder uses, not a noun, a passive, another's verb?"""
    t = tk.low[i]
    imm = tk.get(i - 1)
    if imm in DET or possessive(tk, i - 1):
        return False
    if adverb(imm) and tk.get(skip_back(tk, i)) in _ARTICLES:
        return False  # "a globally respected leader", "the widely criticized plan": a modifier
    ing = t.endswith("ing") and t != lemma
    if imm in PREP and not ing:
        return False
    if someone_else(tk, i):
        return False
    p = skip_back(tk, i, _BEFORE_VERB)
    if tk.get(p) in ("“", "‘", '"', "'") and tk.get(p - 1) in SUBJECT_PRONOUNS | {"it"}:
        p -= 1  # a quoted verb: 'it "strongly supports" X'
    prev = tk.get(p)
    if t not in (lemma, lemma + "s", lemma + "es") and not ing:
        return prev not in BE  # a past form; after "was", "been": the passive
    if ing:
        # "the official welcoming ceremony": a modifier between a determiner and its noun
        return not (tk.get(i - 1) in DET or tk.get(i - 2) in DET and tk.get(i - 1).isalpha() and not tk.cap(i - 1)
                    and tk.get(i - 1) != "longer"  # "is no longer supporting X": a verb
                    and tk.get(i - 1) not in VOICE_NOUNS and tk.get(i - 1) not in ("statement", "statements")
                    # "a lawsuit accusing X", "a statement accusing X": what the lawsuit or statement says
                    and tk.get(i + 1).isalpha() and tk.get(i + 1) not in DET and tk.get(i + 1) not in PREP)
    if prev == "to" or prev in ("and", "or") and tk.get(skip_back(tk, p)) in VERB_FORMS \
            and tk.get(skip_back(tk, skip_back(tk, p))) == "to":
        # an infinitive states the holder's intention only after "continue to", "efforts to", a name …
        k = p if prev == "to" else skip_back(tk, skip_back(tk, p))
        before = skip_back(tk, k)
        # a purpose ("used a radio show to praise X") for a verb that is never a noun
        return tk.get(before) in INTENT or tk.name(before) or lemma in CARRIERS \
            or (OBJECT_VERBS.get(lemma) == Polarity.OPPOSE or lemma in REASON_VERBS) \
            and not adjectival(tk.get(before)) and "it" not in tk.low[max(0, before - 4):before + 1]
        # attitudes, not purposes ("$5 million to support X"); "it was wrong to accuse X" states none
    if lemma not in AMBIGUOUS and not (t == lemma + "s" and tk.get(i + 1) in PREP):
        return True
    # "support", "calls", "hope": a verb after a subject, a modal, a negation
    if prev in MODALS or prev in SUBJECT_PRONOUNS or prev in NEGATORS or prev.endswith(("n't", "n’t")) \
            or prev in ("who", "which", "that") or prev == "it" and _reported(tk, p) \
            or prev in ("has", "have", "had") and t == lemma and len(IRREGULAR_FORMS.get(lemma, ())) == 1 \
            or prev in ("do", "does", "did") and t == lemma:
        return True  # a relative clause; a perfect whose participle is the bare form: "has come under fire"; "did rebuke"
    if p >= 0 and tk.name(p) and t == lemma and tk.get(p - 1) in ("the", "a", "an") and not prev.endswith("s") \
            and tk.get(p - 2) not in MODALS and tk.get(p - 2) not in AUX and tk.get(p - 2) != "and" \
            and not _object_follows(tk, i + 1):
        return False  # "the Lebanon attack fits": a noun after a name, not a singular subject's verb
    if p >= 0 and tk.name(p) or prev in ACTORS:
        return True
    if prev in REFLEXIVES and p > 0 and (tk.name(p - 1) or tk.get(p - 1) in ACTORS):
        return True  # an intensive after its subject: "Trump himself supports X", "the Kremlin itself backs X"
    if t == lemma + "s" and (prev in AGENT_NOUNS or prev in PERSON_WORDS) \
            and (object_opens(tk, i + 1) or lemma in PARTICLE_VERBS and tk.get(i + 1) in PREP):
        return True  # "the family supports X", "the nominee feuds with X"; not "military attacks alone"
    if prev.endswith("s") and prev.isalpha() and len(prev) > 3 and prev not in PREP:
        return True  # a plural subject: "the delegations support"
    if prev in ("and", "or", ","):
        nxt = tk.get(i + 1)
        return nxt in DET or possessive(tk, i + 1) or tk.name(i + 1) or nxt.endswith("ing") \
            or lemma in PARTICLE_VERBS
    return False


def object_opens(tk: Tokens, k: int) -> bool:
    """Does a determiner, a name, a possessive or an object pronoun open an object at k?"""
    return tk.get(k) in DET or tk.name(k) or possessive(tk, k) or tk.get(k) in ("them", "him", "her", "us", "me")


def _object_follows(tk: Tokens, k: int) -> bool:
    """Does an object start at k: one :func:`object_opens` sees, "it", "you", or a bare noun?"""
    t = tk.get(k)
    return object_opens(tk, k) or t in ("it", "you") \
        or t.isalpha() and not tk.cap(k) and t not in VERB_FORMS and not t.endswith(("s", "ed"))


def someone_else(tk: Tokens, i: int) -> bool:
    """Is the verb at i someone else's, described rather than stated?

    "a deal that will support jobs", "those who support", "as they defend their country",
    "it needs to defend itself": a relative clause, a circumstance, or "it" as the subject.
    """
    p = skip_back(tk, i, BETWEEN_SUBJECT_AND_VERB)
    subj = tk.get(p)
    if subj.endswith(("'s", "’s")) and subj[:-2] in ("it", "that", "who"):
        subj = subj[:-2]  # "it’s attacking X", "that’s providing X": a contracted "is"
    if subj in ("who", "that", "which") and (tk.name(p - 1) or tk.get(p - 1) == "," and tk.name(p - 2)
                                             or _agent_before(tk, p - 1)):
        return False  # "the mayor, who opposed the plan", "the union, which backs X": the antecedent's position
    if subj in RELATIVES:
        return True
    if subj == "it" and tk.get(p - 1) not in ("and", ",") and not _reported(tk, p):
        return True
    return subj in SUBJECT_PRONOUNS and tk.get(p - 1) in HYPOTHETICAL and not _while_past(tk, p, i)


def _while_past(tk: Tokens, p: int, i: int) -> bool:
    """Is "he", "she" or "they" at p after "as" the subject of a verb at i in the past, with nothing
    between but adverbs ("as he accused X of Y": it happened as the main clause did), not "as they
    defend X", "as long as they support X", "as he would attack X", "as we called for"?"""
    t = tk.low[i]
    lemma = VERB_FORMS.get(t, t)
    return tk.get(p - 1) == "as" and tk.low[p] in ("he", "she", "they") \
        and tk.get(p - 2) not in ("long", "far", "much", "well", "such") \
        and (t.endswith("ed") or t in IRREGULAR_FORMS.get(lemma, ())) and t != lemma \
        and all(adverb(tk.low[k]) or tk.low[k] in SKIP_ADVERBS for k in range(p + 1, i))


# Verbs after which "it" is the speaker's own voice: "the ministry said it welcomed the talks".
_SAID = frozenset(("said", "says", "added", "adds", "stated", "states", "announced", "announces", "noted", "notes",
                   "insisted", "insists", "confirmed", "confirms", "declared", "declares"))


# Where and when a speech verb was said, between it and the clause it reports: "said on Monday it",
# "said in a statement it", "said Tuesday that it".
_SAID_WHEN = frozenset(w.lower() for w in lexicon.words("weekdays")) | {"today", "yesterday", "earlier", "later"}
_SAID_IN = frozenset(("statement", "interview", "briefing", "conference", "post", "release", "tweet", "letter"))


def reported_by(tk: Tokens, p: int) -> int | None:
    """The speech verb that reports the clause "it" at p opens ("said (that) it", "said on Monday it",
    "said in a brief statement that it"), or None."""
    v = p - 2 if tk.get(p - 1) == "that" else p - 1
    if tk.get(v) in _SAID_WHEN:
        v -= 2 if tk.get(v - 1) == "on" else 1
    elif tk.get(v) in _SAID_IN:
        g = v - 1
        while g > v - 4 and (tk.get(g) in DET or tk.get(g) in ("press", "news", "written", "joint")
                             or adjectival(tk.get(g)) or adverb(tk.get(g))):
            g -= 1  # "in a brief statement", "at a press conference"
        v = g - 1 if tk.get(g) in ("in", "at", "on", "via") else -1
    return v if v >= 0 and tk.get(v) in _SAID else None


def _reported(tk: Tokens, p: int) -> bool:
    """Is "it" at p the subject of a clause reported by a speech verb just before ("said (that) it")?"""
    return reported_by(tk, p) is not None


def has_subject(tk: Tokens, i: int) -> bool:
    """A narrator's sentence states a position only when an actor is the verb's subject."""
    p = skip_back(tk, i, BETWEEN_SUBJECT_AND_VERB)
    prev = tk.get(p)
    return (p >= 0 and tk.name(p)) or prev in ACTORS or prev in SUBJECT_PRONOUNS


def _agent_before(tk: Tokens, j: int) -> bool:
    """Does an agent's noun phrase end at j (or just before a comma at j)?"""
    from .holders import agentive, noun_phrase_ending

    if tk.get(j) == ",":
        j -= 1
    s0 = noun_phrase_ending(tk, j)
    return s0 is not None and agentive(tk, s0, j + 1)
