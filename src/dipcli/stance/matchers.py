"""The ways a stance act is found at a head token: an ordered table of named matchers.

:func:`match` tries ``MATCHERS`` in order at a token and the first that answers wins; the
act keeps the matcher's name. Each matcher reads its words from a cue family of
``data/lexicon`` (see :mod:`dipcli.stance.words`):

* ``adjective``: a predicate adjective, "is deeply concerned about X", "remain committed to X";
* ``contrast``: a copula negated by contrast, "are not the kind of alliance …, but …";
* ``particle``: a verb with particles, "called for X", "stands ready to X", "warned against X";
* ``carrier``: a reporting verb carrying a stance noun, "expressed serious concern about X";
* ``given``: a stance given as a second object, "offered X a tepid endorsement" (:mod:`.given`);
* ``negated``: a verb that counts only negated, "will never accept X";
* ``object``: a verb whose object is the target, "condemned X", "urged Iran to X";
* ``label``: a label with an evaluative word, "called X reckless", "was branded a liar by Y" (:mod:`.labels`);
* ``verdict``: an evaluative predicate in someone's words, '"X is a reckless gambler," Y said' (:mod:`.labels`);
* ``quality``: doubt cast on a quality of someone, "questioned X's integrity" (:mod:`.qualities`);
* ``failure``: a named agent's failure in someone's words, "Y said X had failed to act" (:mod:`.failures`).

A verb matcher sees the head's lemma only where the token reads as a verb the holder uses
(:func:`dipcli.stance.grammar.verbal`), unless the caller knows it is one (``forced``). A new
family of cues is a row in a data file; a new way of reading them is one function here and
one row in ``MATCHERS``, which names the tokens it can answer at where its table says (it is
tried only there; a row without them is tried at every token: :mod:`.dispatch`).
"""
from __future__ import annotations

from ..model import Polarity
from .act import Act
from .dispatch import Matcher, forms_of, matchers_at
from .failures import match_failure
from .labels import match_label, match_verdict, target_before
from .given import held, match_given, owned
from .nominal import match_nominal
from .qualities import match_quality
from .relational import match_relational
from .grammar import object_opens, verbal
from .relatives import blamed_on, fronted_passive, object_relative
from .agents import by_agent, possessor
from .holders import (NP_MAX, PRONOUNS, Holder, aside_start, back_to_subject, clause_subject, is_passive, noun_phrase_after,
                      noun_phrase_ending, pronoun)
from .tokens import (CLAUSE_PUNCT, LOOK, QUOTES, Tokens, adjectival, adverb, negation, possessive, skip_adverbs,
                     skip_back)
from .words import (ACTORS, ADJECTIVE_VERBS, ADJECTIVES, AMOUNTS, AUX, BE, BLAME, BLAME_CARRIERS, CARRIERS, COUNTERING, DET,
                    ENVOYS, EVALUATIVE, FAILING, FEELING_PASSIVES, FEELING_VERBS, FLIP_WHEN_NEGATED, FURTHERING_FORMS,
                    GIVING, GRADED, GRADES, HEAD_FORMS, HOLDING, IMPORTANCE, INFINITIVE_ONLY, LABELLING, MODALS, NEGATED_ONLY,
                    NEGATORS, NOMINAL, OBLIGATION, OBJECT_VERBS, PARTICLE_VERBS, PERSON_WORDS, PREP, QUESTIONING_FORMS,
                    REASON_VERBS, RECEIVING, RECIPIENT_NOUNS, RELATIONAL, RELATIVES, SKIP_ADVERBS, STANCE_NOUNS,
                    SUBJECT_PRONOUNS, SUBORDINATORS, SUMMONING, THAT_CLAUSE, THAT_OR_DETERMINER, TIME_WORDS, URGING,
                    VERB_FORMS, VERBAL_NOUNS, WARNING, WEAK_CARRIERS)


def match(tk: Tokens, i: int, *, forced: bool = False) -> Act | None:
    """The stance act headed by token i, or None: the first of ``MATCHERS`` that answers. Only
    the matchers that can answer at the token are tried (:mod:`.dispatch`).

    ``forced``: the token is known to be a verb (the action in "agreed to uphold", the second
    verb of "condemned and rejected"), so its context is not checked and it is not coordinated.
    """
    if i >= tk.n:
        return None
    if tk.cap(i) and i > 0 and tk.is_word(i - 1):
        return None  # part of a name: "Build Back Better", "the Support Group"
    low = tk.low[i]
    lemma = _UNREAD  # read for the first matcher tried: none may be
    for matcher in _BY_HEAD.get(low, _ANYWHERE):
        if matcher.can is not None and not matcher.can(tk, i):
            continue
        if lemma is _UNREAD:
            lemma = HEAD_FORMS.get(low)
            if lemma is not None and not (forced or verbal(tk, i, lemma)):
                lemma = None
        act = matcher.find(tk, i, lemma, forced)
        if act is not None:
            act.matcher = matcher.name
            return act
    return None


_UNREAD = object()  # (a lemma not read yet)


def polarity_holds(tk: Tokens, act: Act) -> bool:
    """Apply negation: "do not support" turns to opposition, "did not condemn" drops the act.

    A negated act's cue starts at the negation, so that it reads as written.
    """
    verb = act.cue1 - 1 if act.matcher == "passive" else act.cue0  # "cannot be trusted": the participle
    neg = negation(tk, verb)
    if neg is None:
        return True
    lemma = HEAD_FORMS.get(tk.low[verb])
    if lemma in NEGATED_ONLY and act.cue1 - act.cue0 == 1 \
            or act.polarity == Polarity.SUPPORT and lemma in FLIP_WHEN_NEGATED:
        act.polarity = Polarity.OPPOSE
        act.cue0 = neg
        return True
    return False


# -- the matchers, in the order of MATCHERS --------------------------------------------------

def match_adjective(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'is deeply concerned about', 'remain committed to', 'are firmly against'."""
    if tk.low[i] not in ADJECTIVES:
        return None
    pol, preps, mode = ADJECTIVES[tk.low[i]]
    p = skip_back(tk, i, NEGATORS | _OPENING)  # 'he was "totally against the war"': a quote opens after the verb
    if tk.get(p) not in BE and (tk.get(p) not in ("stand", "stands") or any(
            tk.low[k] in _OPENING for k in range(p + 1, i))):
        return None
    if negation(tk, i) is not None:
        return None
    if not preps:
        nxt = tk.get(i + 1)
        if not (nxt in DET or tk.name(i + 1) or possessive(tk, i + 1) or nxt.endswith("ing")):
            return None
        return Act(i, i + 1, pol, mode, i + 1)
    j = skip_adverbs(tk, i + 1)
    if tk.get(j) not in preps:
        return None
    return Act(i, j + 1, pol, "clause" if tk.get(j) == "that" else mode, j + 1)


_OPENING = frozenset(('"', "“", "‘"))


_CONTRAST_HEAD = "not"


def match_contrast(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'relations are not the kind of alliance of the Cold War, but …': a framing rejected."""
    if tk.low[i] != _CONTRAST_HEAD:
        return None
    nxt = tk.get(i + 1)
    if tk.get(i - 1) not in BE or nxt in ("only", "just", "merely", "simply", "least", "yet"):
        return None
    if not (nxt in DET or nxt.isalpha() and adjectival(nxt)):
        return None
    for k in range(i + 2, min(tk.n, i + 40)):
        if tk.low[k] == "but":
            return Act(i - 1, i + 1, Polarity.OPPOSE, "np", i + 1)
        if tk.low[k] in CLAUSE_PUNCT:
            return None
    return None


def match_particle(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'called for', 'stands ready to', 'spoke out in favour of': the verb's particles in file order."""
    for seq, pol, mode in PARTICLE_VERBS.get(lemma, ()):
        j = _particles(tk, i + 1, seq)
        if j is not None and not (tk.get(j) in _WHEN or tk.get(j) == "these" and tk.get(j + 1) == "days"):
            return Act(i, j, pol, mode, j)  # not "insisted on Thursday that", "things Congress agrees on these days"
    if lemma in WARNING and object_opens(tk, i + 1):
        for k in range(i + 2, min(tk.n, i + 8)):
            t = tk.low[k]
            if t == "against":
                return Act(i, k + 1, Polarity.OPPOSE, "np", k + 1)  # "warned Iran against attacking Israel"
            if not tk.is_word(k) or t in PREP or t in AUX or t in RELATIVES or t in SUBORDINATORS:
                break
    return None


# Words for a day that are no object of a particle: "insisted on Thursday that …", "look forward to today".
_WHEN = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
                   "tomorrow", "yesterday"))


# A particle verb's form -> the words its particles may open with ("called" -> "for", "on", "upon" …).
_FIRST_PARTICLES = {f: frozenset(seq[0] for seq, _, _ in PARTICLE_VERBS[lemma]) for f, lemma in HEAD_FORMS.items()
                    if lemma in PARTICLE_VERBS and all(seq for seq, _, _ in PARTICLE_VERBS[lemma])}


def _particle_within_reach(tk: Tokens, i: int) -> bool:
    """Does a first particle of the verb at i stand where :func:`_particles` may find it (after at
    most ``LOOK`` adverbs and a time of two words), else match_particle finds none?"""
    first = _FIRST_PARTICLES.get(tk.low[i])
    return first is None or not first.isdisjoint(tk.low[i + 1:i + LOOK + 4])


_OWNERS = frozenset(("his", "her", "its", "their", "our", "my", "your"))


# Tokens after a carrier in which its stance noun stands: "expressed the United States' serious concern".
_CARRIER_REACH = 7
_NOUNS = frozenset(STANCE_NOUNS)


def _noun_within_reach(tk: Tokens, i: int) -> bool:
    """Does a stance noun stand within a carrier's reach after i (else match_carrier finds none)?"""
    return not _NOUNS.isdisjoint(tk.low[i + 1:i + 1 + _CARRIER_REACH])


def match_carrier(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'expressed serious concern about', "reaffirmed the United States' commitment to"."""
    if lemma is None and not forced:
        lemma = _received_in_relative(tk, i)
    if lemma not in CARRIERS:
        return None
    j = i + 1
    for _ in range(_CARRIER_REACH):
        t = tk.get(j)
        if t in STANCE_NOUNS:
            if lemma in WEAK_CARRIERS and t not in IMPORTANCE or lemma in BLAME_CARRIERS and t not in BLAME:
                return None
            if t in GRADED and not any(tk.low[k] in GRADES for k in range(i + 1, j)):
                return None  # "gave an assessment of": only "a high assessment" is a stance
            pol, preps = STANCE_NOUNS[t]
            nxt = tk.get(j + 1)
            if lemma in RECEIVING and not (lemma == "have" and owned(tk, i, j)):  # "has respect for X"
                return _received(tk, i, j, pol) if lemma not in HOLDING or held(tk, i, j) else None
            if nxt == "of" and t in RECIPIENT_NOUNS:
                # "the support of the United States for X": the holder named, then the object
                k = next((k for k in range(j + 2, min(tk.n, j + 10))
                          if not tk.is_word(k) or tk.low[k] == "for"), None)
                if k is not None and tk.low[k] == "for":
                    return Act(i, k + 1, pol, "np", k + 1)
            if nxt == "and" and STANCE_NOUNS.get(tk.get(j + 2), ("",))[0] == pol and tk.get(j + 3) in preps:
                j, nxt = j + 2, tk.get(j + 3)  # "extending firm support and solidarity to X": one object
            if nxt not in preps and not (nxt == "of" and t in NOMINAL and tk.low[j - 1] in _OWNERS):
                return None  # "stressed her support of the raid": after its owner, "of" opens the object
            if tk.get(j + 2) == "and":
                # "strong dissatisfaction with and firm opposition to X": one act over the shared object
                k = j + 3
                while k < j + 6 and tk.get(k).isalpha() and tk.get(k) not in STANCE_NOUNS \
                        and tk.get(k) not in PREP:
                    k += 1
                other = STANCE_NOUNS.get(tk.get(k))
                if other and other[0] == pol and tk.get(k + 1) in other[1]:
                    j, t, nxt = k, tk.get(k), tk.get(k + 1)
            mode = "np"
            if nxt == "to" and t in VERBAL_NOUNS:
                mode = "vp"
            elif nxt == "that":
                mode = "clause"
            elif nxt == "to" and t in RECIPIENT_NOUNS:
                mode = "reason"
            return Act(i, j + 2, pol, mode, j + 2)
        # between the verb and its noun: "the", "its", "the United States'", "serious", "U.S."
        if t in ("under", "down", "on", "up") and all(tk.low[k] in ("under", "down", "on", "up")
                                                      for k in range(i + 1, j + 1)):
            j += 1
            continue  # "came under fire from X", "doubled down on his criticism of X"
        if not (t in DET or possessive(tk, j) or tk.cap(j) or t in ("'", "’", "and")
                or t in QUOTES and j == i + 1  # 'extending “firm support and solidarity to X
                or t == "of" and tk.low[j - 1] in AMOUNTS  # "launched a string of attacks on X"
                or (t.isalpha() and t not in PREP and t not in AUX and t not in RELATIVES
                    and (t not in VERB_FORMS or t.endswith(("ing", "ed"))) and t not in SUBORDINATORS
                    and t != "to")):
            return None
        j += 1
    return None


def match_negated(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'will never accept', 'cannot tolerate': verbs that state a position only when negated."""
    if lemma not in NEGATED_ONLY or negation(tk, i) is None:
        return None
    return Act(i, i + 1, NEGATED_ONLY[lemma], "np", i + 1)


def match_object(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'condemned X', 'firmly supports X', 'urged Iran to X', 'hope that X', 'condemned and rejected X'."""
    if lemma not in OBJECT_VERBS:
        return None
    pol = OBJECT_VERBS[lemma]
    if any(w in ("whom", "that", "which") for w in tk.low[max(0, i - 8):i]):
        act = object_relative(tk, i, lemma) or blamed_on(tk, i, lemma)
        if act is not None:
            return act  # "Bolton, whom Trump endorsed last year", "the rebels that Y supported": Bolton, the rebels
    obj = after_manner(tk, i + 1)
    nxt = tk.get(obj)
    opens = (tk.get(obj + 1) in DET and tk.get(obj + 2) not in ("lot", "great", "bit")  # "appreciated that a lot"
             or tk.get(obj + 1) in PRONOUNS or tk.cap(obj + 1))
    if nxt == "that" and lemma in THAT_CLAUSE and (opens or lemma not in THAT_OR_DETERMINER):
        return Act(i, i + 2, pol, THAT_CLAUSE[lemma], i + 2)  # not a determiner: "welcomed that decision"
    if nxt == "that" and opens and lemma not in THAT_CLAUSE:
        return None  # "respects that the Secretary is still in hospital": a fact granted, no one's object
    if lemma in INFINITIVE_ONLY:
        return Act(i, i + 2, pol, "vp", i + 2) if nxt == "to" else None
    if lemma == "welcome" and _hospitality(tk, obj) or lemma == "thank" and nxt == "you":
        return None
    if lemma in ADJECTIVE_VERBS and not (nxt in DET or possessive(tk, obj) or tk.name(obj)):
        return None  # "showed alleged chemical weapons": an adjective
    if lemma == "back" and (nxt in ("down", "off", "away", "out") or not (
            nxt in DET or possessive(tk, obj) or tk.name(obj)
            or tk.get(skip_back(tk, i, NEGATORS)) in MODALS | AUX | NEGATORS)):
        return None  # "back then", "came back home", "is backing down", "backed off"
    if nxt in PREP or nxt == "to":
        return None  # "support for", "back in 2014", "champion with": no object
    if nxt in _SAYING and not forced:
        return None  # "Media advocates said …", "Conservatives support is up": a noun before its verb
    if nxt in ("and", "or"):
        # "condemned and expressed concern about X": one act over the shared object
        other = None if forced else match(tk, skip_adverbs(tk, obj + 1), forced=True)
        if other is None:
            joined = _joined(tk, i, obj, lemma, pol)  # "support and protect X"
            if joined is not None or not forced:
                return joined
        elif other.polarity != pol:
            return None
        else:
            return Act(i, other.cue1, pol, other.mode, other.obj)
    if not tk.is_word(obj) and nxt not in QUOTES:
        return None
    mode = "urge" if lemma in URGING else "reason" if lemma in REASON_VERBS else "np"
    return Act(i, i + 1, pol, mode, obj)


def _joined(tk: Tokens, i: int, conj: int, lemma: str, pol: Polarity) -> Act | None:
    """'support and protect X', 'supports and will expand X', 'denounce and prevent X': the stance verb at i
    joined by the "and"/"or" at ``conj`` to a verb of ``stance_furthering.txt`` shares that verb's object, a
    noun phrase opened by a determiner, a possessive or a name. A verb that works against its object
    (``stance_countering.txt``) joins only an opposing verb, any other only a supporting one."""
    k = skip_adverbs(tk, conj + 1)
    if tk.get(k) in MODALS and tk.get(k) != "to":
        k = skip_adverbs(tk, k + 1)  # "supports and will expand X"
    joined = FURTHERING_FORMS.get(tk.get(k))
    if joined is None or joined == "continue" or lemma in URGING or (joined in COUNTERING) != (pol == Polarity.OPPOSE):
        return None
    obj = k + 1
    if not (tk.get(obj) in DET or possessive(tk, obj) or tk.name(obj)):
        return None  # "support and work with X", "promote and protect": no object opens
    return Act(i, i + 1, pol, "reason" if lemma in REASON_VERBS else "np", obj)


def match_summons(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'summoned the ambassador of X over Y': a protest to X about Y (oppose), the target from the envoy
    to the end of Y; not 'summoned the courage', 'summoned the ambassador for talks'."""
    if lemma not in SUMMONING:
        return None
    envoy = next((k for k in range(i + 1, min(tk.n, i + 8)) if tk.low[k] in ENVOYS), None)
    if envoy is None or any(tk.low[k] in CLAUSE_PUNCT for k in range(i + 1, envoy)):
        return None
    over = next((k for k in range(envoy + 1, min(tk.n, envoy + 8)) if tk.low[k] == "over"), None)
    if over is None or any(tk.low[k] in CLAUSE_PUNCT or tk.low[k] in ("for", "to") for k in range(envoy + 1, over)):
        return None
    from .targets import phrase
    t0, t1, _ = phrase(tk, over + 1, "np")
    return Act(i, i + 1, Polarity.OPPOSE, "before", t1, before=(i + 1, t1)) if t1 > t0 else None


# Verbs that show the word before them is a noun, their subject: "advocates said", "support is up".
_SAYING = frozenset(("said", "say", "says", "told", "is", "was", "has", "had", "remains", "remained", "grew", "rose",
                     "fell", "have", "are", "were"))


def _feeling(tk: Tokens, i: int) -> bool:
    """Does the participle at i state its subject's feeling ("I am greatly honored by X", "Morocco is honoured
    to stand with Y", "he would be honored to serve"), not another's act ("commitments must be honoured")?"""
    j = i - 1
    while j > 0 and (tk.low[j] in AUX or tk.low[j] in MODALS or tk.low[j] in SKIP_ADVERBS or adverb(tk.low[j])):
        j -= 1
    obliged = any(tk.low[k] in OBLIGATION for k in range(j + 1, i))  # "must be honoured to deliver justice"
    return tk.get(i + 1) == "to" and not obliged or tk.low[j] in SUBJECT_PRONOUNS


def match_passive(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'was praised by the mayor', 'must be respected': the target stands before the cue and
    the holder, if named, after "by"."""
    lemma = HEAD_FORMS.get(tk.low[i])
    if lemma not in OBJECT_VERBS or lemma in URGING or lemma in INFINITIVE_ONLY or lemma in NEGATED_ONLY \
            or lemma in FEELING_PASSIVES and _feeling(tk, i) \
            or tk.low[i] == lemma and not lemma.endswith("e") or tk.low[i] in (lemma + "s", lemma + "es"):
        return None
    aux = is_passive(tk, i)
    if aux is None:
        return _reduced_passive(tk, i, lemma)
    cue0 = aux
    while cue0 > 0 and (tk.low[cue0 - 1] in MODALS or tk.low[cue0 - 1] in AUX or tk.low[cue0 - 1] in NEGATORS
                        or tk.low[cue0 - 1].endswith(("n't", "n’t")) or adverb(tk.low[cue0 - 1])):
        cue0 -= 1
    t1 = cue0
    if tk.get(t1 - 1) in _CONJUNCTIONS:
        before = _coordinated_passive(tk, t1 - 1)  # "was praised by A and was backed by B": the proposal
        if before is None:
            return None
        return Act(cue0, i + 1, OBJECT_VERBS[lemma], "before", i + 1, holder=by_agent(tk, i), before=before)
    if tk.get(t1 - 1) in ("which", "who", "that"):
        t1 -= 1 if tk.get(t1 - 2) != "," else 2  # "X, which was criticised by Y": the antecedent
    elif tk.get(t1 - 1) == ",":
        k = aside_start(tk, t1 - 1)  # "X, who took office in May, was praised by Y"
        t1 = k if k is not None else t1
    t0 = target_before(tk, t1)
    if t0 is None:
        return None
    return Act(cue0, i + 1, OBJECT_VERBS[lemma], "before", i + 1, holder=by_agent(tk, i), before=(t0, t1))


# Words before a participle that are not the noun it describes: "nor supported by", "much appreciated by".
_NOT_PARTICIPLE_NOUNS = frozenset(("and", "or", "nor", "but", "yet", "much", "very", "so", "most", "well", "long",
                                   "again", "also", "not", "never", "widely", "being", "been", "be"))


def _reduced_passive(tk: Tokens, i: int, lemma: str) -> Act | None:
    """'a resolution backed by France', 'the Khans, criticised sharply by Y': a participle that
    names its agent right after it ("by", past manner adverbs); the target is the noun phrase before."""
    k = skip_adverbs(tk, i + 1)
    if tk.get(k) != "by" or tk.low[i].endswith("ing") or tk.low[i] == lemma:
        return None
    holder = noun_phrase_after(tk, k + 1, "by-agent")
    if holder is None:
        return None
    t1 = i
    while t1 > 0 and (adverb(tk.low[t1 - 1]) or tk.low[t1 - 1] in ("ably", "duly")):
        t1 -= 1  # "accusations roundly rejected by Y"
    c = skip_back(tk, t1, NEGATORS)
    if tk.get(c) in _CONJUNCTIONS:
        before = _coordinated_passive(tk, c)  # "praised by A and backed by B": what A praised
        return Act(i, k, OBJECT_VERBS[lemma], "before", k, holder=holder, before=before) if before else None
    if t1 == 0:
        return fronted_passive(tk, i, k, lemma, holder)  # "Criticised by Y, the governor resigned"
    t1 = t1 - 1 if tk.get(t1 - 1) == "," else t1
    last = tk.get(t1 - 1)
    if not last.isalpha() or last in _NOT_PARTICIPLE_NOUNS or pronoun(last) in PRONOUNS or not tk.is_word(t1 - 1):
        return None  # "neither understood nor supported by Y", "much appreciated by Y", "June 2023"
    t0 = noun_phrase_ending(tk, t1 - 1)
    if t0 is None and tk.get(t1 - 2) in ("the", "a", "an") and not tk.cap(t1 - 1):
        t0 = t1 - 2  # "The plan, backed by Y": a verb's form after an article is a noun
    if t0 is None:
        return None
    t0 = next((k + 1 for k in range(t1 - 2, t0 - 1, -1) if tk.low[k] in ("and", "or") and not tk.cap(k + 1)), t0)
    while t0 < t1 - 1 and tk.low[t0] in VERB_FORMS and not tk.cap(t0):
        t0 += 1  # "to take on Hamas and confront other threats backed by Y": the threats
    if tk.get(t0 - 1) in PREP and tk.cap(t1 - 1) and tk.get(t0 - 1) != "to":
        head = noun_phrase_ending(tk, t0 - 2)  # "the coup in Ukraine supported by Y": the coup, in Ukraine
        if head is None or tk.cap(t0 - 2) or tk.low[t0 - 2] in VERB_FORMS or pronoun(tk.low[t0 - 2]) in PRONOUNS:
            return None
        t0 = head
    elif tk.get(t0 - 1) in PREP and (tk.get(t1) == "," or tk.get(t0 - 1) == "to"):
        return None  # "the defence of human life, advocated by Y", "led to a coup backed by Y": which noun?
    return Act(i, k, OBJECT_VERBS[lemma], "before", k, holder=holder, before=(t0, t1))


_CONJUNCTIONS = frozenset(("and", "but", "or"))


def _coordinated_passive(tk: Tokens, c: int) -> tuple[int, int] | None:
    """At a conjunction c before a passive participle: the target of the passive whose by-agent
    ends right before it ("The plan was praised by A and backed by B", "The bill, opposed by A and
    criticised by B, died": the plan, the bill), or None when no such passive stands there."""
    end = c - 1 if tk.get(c - 1) == "," else c
    for k in range(end - 1, max(-1, end - NP_MAX - 1), -1):
        t = tk.low[k]
        if t in CLAUSE_PUNCT or t == ",":
            return None
        if t != "by":
            continue
        p = k - 1
        while p > 0 and adverb(tk.low[p]):
            p -= 1  # "praised warmly by A"
        first = match_passive(tk, p, None, False)
        if first is None or first.before is None or first.holder is None or first.holder.end > end \
                or not all(tk.low[x].isalpha() and tk.low[x] not in PREP and tk.low[x] not in VERB_FORMS
                           and not tk.low[x].endswith("ed") for x in range(first.holder.end, end)):
            return None  # the agent's phrase runs on to the conjunction: "by the Ghanaian delegation and"
        return first.before
    return None


def match_object_first(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'…, which China appreciates': the verb's object is the clause before the relative word."""
    if lemma not in OBJECT_VERBS or lemma in URGING or lemma in INFINITIVE_ONLY:
        return None
    nxt = tk.get(skip_adverbs(tk, i + 1))
    if nxt and nxt not in CLAUSE_PUNCT and nxt != ",":
        return None
    s0 = noun_phrase_ending(tk, skip_back(tk, i, NEGATORS | MODALS | AUX))
    if s0 is None or tk.get(s0 - 1) not in ("which", "that", "whom") or tk.get(s0 - 2) != ",":
        return None
    end = s0 - 2
    start = end
    while start > 0 and end - start < 60 and tk.low[start - 1] not in CLAUSE_PUNCT:
        start -= 1
    if start < end and tk.get(start) in ("that", "and", "but"):
        start += 1
    return Act(i, i + 1, OBJECT_VERBS[lemma], "before", i + 1, before=(start, end)) if start < end else None


def _subject_as_target(tk: Tokens, i: int, end: int, pol: Polarity, holder: Holder) -> Act | None:
    """An act whose holder comes after the cue and whose target is the verb's subject, before it
    ("the ruling angered X", "the plan drew criticism from X"); after a comma, the subject of the clause
    the participle hangs on ("X signed the budget, drawing fire from Y": X)."""
    if tk.low[i].endswith("ing") and tk.get(i - 1) == ",":
        subject = clause_subject(tk, i - 1)
        if subject is None or subject.end >= i:
            return None
        return Act(i, end, pol, "before", holder.end, holder=holder, before=(subject.start, subject.end))
    t1 = back_to_subject(tk, i)[0] + 1
    if tk.get(t1 - 1) == "to":
        return None  # "X may struggle to win support among Y": an infinitive whose subject is not found
    if tk.get(t1 - 1) in _RECEIVING_RELATIVES:
        t1 -= 2 if tk.get(t1 - 2) == "," else 1  # "the plan, which drew fire from X": the antecedent
        if not tk.is_word(t1 - 1):
            return None  # 'a campaign entitled "One tree", which …', "taverns and diners - which …": which noun?
    t0 = target_before(tk, t1)
    if t0 is not None and tk.low[t0] in PREP and t0 < t1 - 1 and tk.low[t0] != "to":
        t0 = target_before(tk, t0)  # "X's remark about taxes prompted an attack from Y": the remark about taxes
    if t0 is None or tk.low[t0] in PREP:
        return None  # "The initiative agreed on in Leticia … has our support": no subject found
    return Act(i, end, pol, "before", holder.end, holder=holder, before=(t0, t1))


# Relative words after which a received stance is the antecedent's: "the plan, which drew fire from X".
_RECEIVING_RELATIVES = frozenset(("which", "that", "who"))


def _received_in_relative(tk: Tokens, i: int) -> str | None:
    """The lemma of a carrier of a stance received at i that opens a relative clause on a noun ("the
    call, which prompted a protest from X", "a plan that has drawn fire from X"), which :func:`verbal`
    takes for another's verb; else None."""
    lemma = HEAD_FORMS.get(tk.low[i])
    if lemma not in RECEIVING or lemma in HOLDING:
        return None
    r = skip_back(tk, i, AUX)
    if tk.get(r) not in _RECEIVING_RELATIVES or tk.get(r - 1) in PREP:
        return None
    end = r - 1 if tk.get(r - 1) == "," else r
    return lemma if tk.is_word(end - 1) and target_before(tk, end) is not None else None


def match_experiencer(tk: Tokens, i: int, lemma: str | None, forced: bool) -> Act | None:
    """'the ruling angered the governors': the object feels the stance, the subject is its target."""
    if lemma not in FEELING_VERBS or tk.low[i].endswith("ing"):
        return None
    holder = noun_phrase_after(tk, skip_adverbs(tk, i + 1), "object")
    if holder is None:
        return None
    return _subject_as_target(tk, i, i + 1, FEELING_VERBS[lemma], holder)


# In the order they are tried; each with the tokens its table lets it answer at.
MATCHERS: tuple[Matcher, ...] = (
    Matcher("adjective", match_adjective, frozenset(ADJECTIVES)),
    Matcher("contrast", match_contrast, frozenset((_CONTRAST_HEAD,))),
    Matcher("passive", match_passive, forms_of(OBJECT_VERBS)),
    Matcher("particle", match_particle, forms_of(PARTICLE_VERBS), _particle_within_reach),
    Matcher("carrier", match_carrier, forms_of(CARRIERS), _noun_within_reach),
    Matcher("given", match_given, forms_of(GIVING)),
    Matcher("negated", match_negated, forms_of(NEGATED_ONLY)),
    Matcher("object", match_object, forms_of(OBJECT_VERBS)),
    Matcher("summons", match_summons, forms_of(SUMMONING)),
    Matcher("label", match_label, forms_of(LABELLING)),
    Matcher("verdict", match_verdict, frozenset(EVALUATIVE)),
    Matcher("object-first", match_object_first, forms_of(OBJECT_VERBS)),
    Matcher("nominal", match_nominal, NOMINAL),
    Matcher("experiencer", match_experiencer, forms_of(FEELING_VERBS)),
    Matcher("relational", match_relational, frozenset(RELATIONAL)),
    Matcher("quality", match_quality, frozenset(QUESTIONING_FORMS)),
    Matcher("failure", match_failure, frozenset(FAILING)),
)


_BY_HEAD, _ANYWHERE = matchers_at(MATCHERS)


# -- what the matchers share -----------------------------------------------------------------


def _particles(tk: Tokens, i: int, seq: tuple[str, ...]) -> int | None:
    """Index after the particle words starting at i (adverbs may come before any of them), or None."""
    j = i
    for word in seq:
        while adverb(tk.get(j)) and tk.get(j) != word and j < i + LOOK:
            j += 1
        if tk.get(j) in ("on", "last", "this") and tk.get(j) != word and tk.get(j + 1) in TIME_WORDS:
            j += 2  # "called on Sunday for X": the time between the verb and its particle
        if tk.get(j) != word:
            return None
        j += 1
    return j


def after_manner(tk: Tokens, i: int) -> int:
    """Skip "in the strongest (possible) terms" / "in no uncertain terms" right after a verb."""
    if tk.get(i) != "in":
        return i
    for k in range(i + 1, min(tk.n, i + 5)):
        if tk.low[k] == "terms":
            return k + 1 if tk.get(k + 1) != "of" else i
        if not tk.low[k].isalpha():
            return i
    return i


def _hospitality(tk: Tokens, i: int) -> bool:
    """'welcomed Prime Minister X to the White House': a host's greeting, not a position."""
    if not (tk.name(i) or tk.get(i) == "you"
            or tk.get(i) in ("the", "his", "her", "their") and tk.get(i + 1) in ACTORS | PERSON_WORDS):
        return False
    for k in range(i + 1, min(tk.n, i + 10)):
        t = tk.low[k]
        if t in ("to", "in", "at") and (tk.name(k + 1)
                                        or tk.get(k + 1) in ("the", "his", "her") and tk.name(k + 2)):
            return True
        if t in ("back", "again") and tk.get(k + 1) == "to":
            return True
        if not (tk.name(k) or t in ("of", "the", "and", "his", "her", "counterpart", "delegation", "'", "’")
                or possessive(tk, k)):
            return False
    return False


def _received(tk: Tokens, i: int, j: int, pol: Polarity) -> Act | None:
    """'drew criticism from X', "won X's endorsement", 'sparked anger among X': the stance noun at j
    is X's, and the one who receives it (the verb's subject) is the target."""
    holder = None
    if tk.get(j + 1) == "and" and STANCE_NOUNS.get(tk.get(j + 2), ("",))[0] == pol:
        j += 2  # "drew anger and condemnation from X": the source follows the second noun
    f = j + 2 if tk.get(j + 1) in _WHEN else j + 1  # "picked up an endorsement Thursday from X"
    if tk.get(f) in ("from", "by", "among") or tk.get(f) == "of" and pol == Polarity.SUPPORT and f == j + 1:
        holder = noun_phrase_after(tk, f + 1, "source")
    if holder is None:
        h = possessor(tk, j)
        if h is not None and h.start > i:
            holder = Holder(h.start, h.end, "source")
    if holder is None:
        return None
    return _subject_as_target(tk, i, j + 1, pol, holder)
