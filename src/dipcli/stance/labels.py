"""Labels and verdicts: a holder labels someone or something with an evaluative word ("called the
plan reckless", "described X as a hero"), or gives a verdict on a named subject in their own words
('"Brandt is a reckless gambler," Okafor said'); and the subject before a passive or a verdict
(:func:`target_before`)."""
from __future__ import annotations

from ..model import Polarity
from .act import Act
from .agents import by_agent
from .grammar import object_opens
from .holders import SPEAKER, is_passive, noun_phrase_ending
from .tokens import CLAUSE_PUNCT, DASHES, QUOTES, Tokens, adverb, possessive, skip_adverbs
from .words import (ACCOUNTABLE, AUX, DET, EVALUATIVE, EVALUATIVE_NOUNS, HEAD_FORMS, LABELLING, MODALS, NEGATORS, PREP, RELATIVES,
                    SKIP_ADVERBS, SUBORDINATORS, VERB_FORMS)


# Words that may stand between a label's opening and its evaluative word: "a truly reckless", "one of the worst".
_LABEL_LEAD = frozenset(("a", "an", "the", "one", "of", "most", "more", "so", "very", "too", "such", "complete",
                         "total", "absolute", "real", "true", "utter", "great", "biggest", "greatest", "another",
                         "yet"))


def _evaluation(tk: Tokens, k: int, alone: bool) -> tuple[Polarity, int, int] | None:
    """The label that opens at k, if an evaluative word heads it within a few words ("a reckless",
    '"unfit"', "one of the worst"): its polarity, where it opens and the index after the word. A
    negated label ("no threat", "not fit") or a comparison ("as best as we can") is none; ``alone``:
    the word may open it bare."""
    j = k
    while j < tk.n and j - k < 5 and (tk.low[j] in QUOTES or tk.low[j] in _LABEL_LEAD or adverb(tk.low[j])):
        if tk.low[j] == "of" and tk.get(j - 1) != "one":
            return None  # "the rout of the terrorists": what follows "of" labels nothing
        j += 1
    t = tk.get(j)
    if t not in EVALUATIVE or tk.get(j + 1) == "as" or any(tk.low[m] in NEGATORS for m in range(k, j)):
        return None
    if t in EVALUATIVE_NOUNS and j == k and not alone:
        return None
    return EVALUATIVE[t], k, j + 1


# What a label's object does not open with or run across: "calling here from Doha after …".
_NOT_LABELLED = frozenset(("to", "as", "how", "what", "why", "whether", "it's", "it’s", "here", "there", "back", "up",
                           "out", "off", "in", "on"))
_LABEL_STOPS = frozenset(("to", "that", "because", "after", "before", "during", "since", "until", "while", "when"))


def match_verdict(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'Brandt is a reckless gambler', "the levy's timing was disastrous" in someone's words: the
    speaker's verdict on a named subject, held by the speaker (no act in the narration). The act
    stands only if its target is about a person, country or organisation (see ``acts``)."""
    if tk.low[i] not in EVALUATIVE or tk.low[-1:] == ["?"]:
        return None
    j = i
    while j > 0 and i - j < 4 and (tk.low[j - 1] in ("a", "an", "the", "so", "very", "too", "truly", "utterly")
                                   or tk.low[j - 1] in QUOTES):
        j -= 1
    if tk.get(j - 1) == "of" and tk.get(j - 2) in ("full", "riddled"):
        j -= 2  # "the statement is full of lies and prejudice"
    s1 = j - 1
    if tk.get(s1) == "been" and tk.get(s1 - 1) in ("has", "have", "had"):
        s1 -= 1  # "X had been wrong to …"
    elif tk.get(s1) not in ("is", "are", "was", "were"):
        return None
    if tk.low[i] in EVALUATIVE_NOUNS and j == i:
        return None
    s0 = noun_phrase_ending(tk, s1 - 1)
    if s0 is None or s0 > 0 and tk.get(s0 - 1) not in (",", "that", "and", "but", "because") \
            and tk.get(s0 - 1) not in QUOTES and tk.get(s0 - 1) not in SAYS \
            or tk.low[s0] in RELATIVES or not any(tk.cap(k) for k in range(s0, s1)) \
            or tk.get(i + 1).endswith("ed") or tk.get(i + 1) in ("about", "on", "toward", "towards", "regarding"):
        return None  # "the worst affected"; "Austria is positive about X": Austria's own position
    return Act(s1, i + 1, EVALUATIVE[tk.low[i]], "before", i + 1, holder=SPEAKER, before=(s0, s1))


# Speech verbs a reported clause may follow without "that": "Y said X is a fraud" (attribution gives
# the clause to Y). Not verbs of thought: "Putin thought Ukraine was weak" in a speech is not the speaker's.
SAYS = frozenset(("said", "says", "say", "added", "adds", "argued", "argues", "claimed", "claims", "insisted",
                   "insists", "concluded", "concludes", "wrote", "writes", "noted", "notes", "stated", "states",
                   "contended", "contends"))


def match_label(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'called the plan reckless', 'described X as a hero', 'branded Y a terrorist group', and the
    passive 'X was branded "unfit" by Y': the holder labels the target with an evaluative word,
    whose polarity is the act's."""
    verb = HEAD_FORMS.get(tk.low[i])
    if verb not in LABELLING:
        return None
    needs_as = LABELLING[verb]
    if lemma is None:
        aux = is_passive(tk, i)
        if aux is None:
            return None
        k = skip_adverbs(tk, i + 1)
        if tk.get(k) == "as":
            k += 1
        elif needs_as:
            return None
        found = _evaluation(tk, k, False)
        if found is None:
            return None
        holder = by_agent(tk, found[2] - 1)
        t0 = target_before(tk, aux) if holder is not None and tk.get(aux - 1) != "to" else None
        if t0 is None:
            return None
        return Act(aux, i + 1, found[0], "before", found[2], holder=holder, before=(t0, aux))
    obj = skip_adverbs(tk, i + 1)
    first = tk.get(obj)
    if verb == "hold":
        return _held_to_account(tk, i, obj)
    if not tk.is_word(obj) or first in PREP or first in SUBORDINATORS or first in RELATIVES or first in AUX \
            or first in _NOT_LABELLED or first.endswith("ing") and first not in EVALUATIVE:
        return None
    for k in range(obj + 1, min(tk.n, obj + 12)):
        t = tk.low[k]
        if t == "as" or t == "to" and tk.get(k + 1) == "be" and not needs_as:  # ("considers X to be a provocation")
            found = _evaluation(tk, k + 1 + (t == "to"), True)
            return Act(i, i + 1, found[0], "before", found[2], before=(obj, k)) if found else None
        if t in CLAUSE_PUNCT or t == "," or t in _LABEL_STOPS or t in RELATIVES or t in SUBORDINATORS \
                or t in AUX or t in MODALS or t in VERB_FORMS and t.endswith("ed") and t not in EVALUATIVE:
            return None
        if needs_as or tk.low[k - 1] in _LABEL_LEAD or tk.low[k - 1] in QUOTES or adverb(tk.low[k - 1]) \
                or tk.low[k - 1] in ("and", "or") or tk.low[k - 1] in PREP:
            continue  # a label opens after the whole of what it labels
        found = _evaluation(tk, k, False)
        if found is not None:
            return Act(i, i + 1, found[0], "before", found[2], before=(obj, k))
    return None


def _held_to_account(tk: Tokens, i: int, obj: int) -> Act | None:
    """'held Pakistan directly responsible for the attack', 'will hold Russia accountable': blame of
    the object, which names someone ("held talks", "hold the line" label no one)."""
    if not object_opens(tk, obj):
        return None
    for k in range(obj + 1, min(tk.n, obj + 10)):
        t = tk.low[k]
        if t in ACCOUNTABLE:
            end = k  # the object ends before adverbs and quotes ('"directly responsible'), not inside a name ("Kelly")
            while end - 1 > obj and (tk.low[end - 1] in QUOTES or not tk.cap(end - 1) and (
                    adverb(tk.low[end - 1]) or tk.low[end - 1] in SKIP_ADVERBS)):
                end -= 1
            return Act(i, i + 1, Polarity.OPPOSE, "before", k + 1, before=(obj, end))
        if t in CLAUSE_PUNCT or t == "," or t in _LABEL_STOPS or t in RELATIVES or t in SUBORDINATORS or t in AUX \
                or t in MODALS or t in PREP and t != "of":
            return None
    return None



def target_before(tk: Tokens, end: int) -> int | None:
    """The first token of the noun phrase that ends just before ``end`` (a passive's subject), cut at
    a clause boundary: punctuation, a verb, a relative or subordinating word; its last word is its head
    noun even where it could be a verb, after a determiner or a preposition ("the plan faced criticism",
    "equality of states must be respected")."""
    k = end
    while k > 0 and end - k < 15:
        t = tk.low[k - 1]
        if t in CLAUSE_PUNCT or t in (",", "(", ")", "but") or t in DASHES or t in RELATIVES or t in SUBORDINATORS \
                or t in VERB_FORMS and not tk.cap(k - 1) and not (k == end and (tk.get(k - 2) in DET or tk.get(
                    k - 2) in PREP or possessive(tk, k - 2))) or t in AUX or t in MODALS and t != "to" \
                or t in ("said", "says", "and") and not tk.cap(k - 2):
            break
        k -= 1
    return k if k < end else None
