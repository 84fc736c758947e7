"""The stance word lists, read from ``data/lexicon/`` through :mod:`dipcli.lexicon`.

The cue families are tables a linguist edits without touching code:

* ``stance_verbs.tsv``: every verb that can head a stance act, with its polarity, how its
  object reads, the reason words after it, what negation does to it, whether it carries a
  stance noun, and whether it is also a noun;
* ``stance_particles.tsv``: verbs with particles ("call for", "stand ready to");
* ``stance_nouns.tsv``: stance nouns a reporting verb carries ("expressed concern about");
* ``stance_adjectives.tsv``: predicate adjectives ("is committed to").

The other ``stance_*`` lists serve one rule each (named where they are used); lists without
the prefix are general English (determiners, prepositions, modals, ...). The files are read
when this module is first imported, which :func:`dipcli.stance.find_stances` does on its
first call; importing :mod:`dipcli.stance` reads nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon
from ..cues import forms
from ..model import Polarity

NONE = "-"  # an empty cell of a table


def _cell(value: str) -> tuple[str, ...]:
    """The space-separated words of a table cell; ``-`` is none."""
    return () if value == NONE else tuple(value.split())


# -- verbs -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Verb:
    """One row of ``stance_verbs.tsv``."""

    lemma: str
    polarity: Polarity | None   # of an act read off the verb's object; None: no object reading
    object: str | None          # np | urge | to: how the object reads
    reason: tuple[str, ...]     # words after the object that give the reason ("for", "on", "of")
    that: str | None            # target | demand: what a that-clause after the verb is
    negated: str                # drop | flip | only
    carries: str | None         # any | importance | received | blame: the stance nouns it carries
    flags: frozenset[str]       # noun, courtesy


def _verb(row: dict[str, str]) -> Verb:
    pol = row["polarity"]
    return Verb(lemma=row["lemma"], polarity=None if pol == NONE else Polarity(pol),
                object=None if row["object"] == NONE else row["object"], reason=_cell(row["reason"]),
                that=None if row["that"] == NONE else row["that"], negated=row["negated"],
                carries=None if row["carries"] == NONE else row["carries"], flags=frozenset(_cell(row["flags"])))


VERBS: dict[str, Verb] = {v.lemma: v for v in map(_verb, lexicon.rows("stance_verbs"))}
# Verbs whose direct object is the target: "condemned X", "urged X to do Y".
OBJECT_VERBS: dict[str, Polarity] = {v.lemma: v.polarity for v in VERBS.values()
                                     if v.polarity is not None and v.negated != "only" and v.object != "experiencer"}
# Verbs whose object feels the stance: lemma -> polarity ("the ruling angered X": X opposes it).
FEELING_VERBS: dict[str, Polarity] = {v.lemma: v.polarity for v in VERBS.values() if v.object == "experiencer"}
# Verbs that count only when negated, with the polarity they then have: "will never accept" -> oppose.
NEGATED_ONLY: dict[str, Polarity] = {v.lemma: v.polarity for v in VERBS.values() if v.negated == "only"}
# Negated, these turn into opposition; any other negated head is dropped.
FLIP_WHEN_NEGATED = frozenset(v.lemma for v in VERBS.values() if v.negated in ("flip", "only"))
# "X for Y": the target is X, Y the reason ("on Y" too after congratulate).
REASON_WORDS: dict[str, tuple[str, ...]] = {v.lemma: v.reason for v in VERBS.values() if v.reason}
REASON_VERBS = frozenset(REASON_WORDS)
# Read (so that "thanked X for standing with Y" is no stance on Y) but not reported.
COURTESIES = frozenset(v.lemma for v in VERBS.values() if "courtesy" in v.flags)
# Verbs whose object is someone asked to act: "urged Iran to return to …" -> the action.
URGING = frozenset(v.lemma for v in VERBS.values() if v.object == "urge")
# Verbs whose only object is "to" + a verb phrase: "hope to restore …".
INFINITIVE_ONLY = frozenset(v.lemma for v in VERBS.values() if v.object == "to")
# A that-clause after the verb: its reading of the clause ("hope that …", "demand that …").
THAT_CLAUSE: dict[str, str] = {v.lemma: "demand" if v.that == "demand" else "clause"
                               for v in VERBS.values() if v.that is not None}
# Of those, verbs whose "that" may also be a determiner ("welcomed that decision"): a clause only
# where "that" plainly opens one.
THAT_OR_DETERMINER = frozenset(v.lemma for v in VERBS.values() if v.that == "clause")
# Reporting verbs that carry a stance noun: "expressed serious concern about", "reaffirmed support for".
CARRIERS = frozenset(v.lemma for v in VERBS.values() if v.carries is not None)
# Carriers of a stance received: "drew criticism from X", "won X's endorsement": X holds it.
RECEIVING = frozenset(v.lemma for v in VERBS.values() if v.carries in ("received", "held"))
# Carriers of a stance held by someone the sentence names: "has the support of X" (see given.held).
HOLDING = frozenset(v.lemma for v in VERBS.values() if v.carries == "held")
SCANT = lexicon.words("stance_scant")  # "had little support from X": no support
# Nouns whose "that" opens their content, not a relative clause: "no doubt that he would endorse".
CONTENT_NOUNS = lexicon.words("stance_content_nouns")
# Carriers that take only nouns of importance ("discussed the need for", "noted the importance of"):
# "acknowledged X's disappointment" is X's position, not the speaker's.
WEAK_CARRIERS = frozenset(v.lemma for v in VERBS.values() if v.carries == "importance")
# Carriers that take only nouns of blame ("placed the blame on X"; not "put on record its support").
BLAME_CARRIERS = frozenset(v.lemma for v in VERBS.values() if v.carries == "blame")
# Heads that are also everyday nouns or adverbs: they need a verbal context.
AMBIGUOUS = frozenset(v.lemma for v in VERBS.values() if "noun" in v.flags)
# Heads that are also adjectives before a noun ("alleged crimes"): their object opens a clause or a noun phrase.
ADJECTIVE_VERBS = frozenset(v.lemma for v in VERBS.values() if "adjective" in v.flags)
# Verbs whose passive states the subject's feeling: "I am honored by X" is no act of X's.
FEELING_PASSIVES = frozenset(v.lemma for v in VERBS.values() if "feeling" in v.flags)

# Verbs with a particle: lemma -> ((particle words), polarity, mode), tried in file order.
PARTICLE_VERBS: dict[str, tuple[tuple[tuple[str, ...], Polarity, str], ...]] = {}
for _row in lexicon.rows("stance_particles"):
    PARTICLE_VERBS[_row["lemma"]] = PARTICLE_VERBS.get(_row["lemma"], ()) + (
        (tuple(_row["particles"].split()), Polarity(_row["polarity"]), _row["object"]),)

# -- nouns and adjectives --------------------------------------------------------------------

# Stance nouns -> polarity and the words that may introduce their object.
STANCE_NOUNS: dict[str, tuple[Polarity, frozenset[str]]] = {}
_NOUN_FLAGS: dict[str, frozenset[str]] = {}
for _row in lexicon.rows("stance_nouns"):
    STANCE_NOUNS[_row["noun"]] = (Polarity(_row["polarity"]), frozenset(_cell(_row["prepositions"])))
    _NOUN_FLAGS[_row["noun"]] = frozenset(_cell(_row["flags"]))
# Nouns whose object after "to" is a verb phrase, not a noun phrase.
VERBAL_NOUNS = frozenset(n for n, f in _NOUN_FLAGS.items() if "verbal" in f)
# Nouns whose object after "to" is someone thanked or backed: "support to Iraq in its fight".
RECIPIENT_NOUNS = frozenset(n for n, f in _NOUN_FLAGS.items() if "recipient" in f)
# The nouns a weak carrier takes.
IMPORTANCE = frozenset(n for n, f in _NOUN_FLAGS.items() if "importance" in f)
# The nouns a carrier of blame takes.
BLAME = frozenset(n for n, f in _NOUN_FLAGS.items() if "blame" in f)
# Nouns that state a stance only when graded: "gave a high assessment of".
GRADED = frozenset(n for n, f in _NOUN_FLAGS.items() if "graded" in f)
GRADES = lexicon.words("stance_grades")
# Nouns that are a stance with their holder before them: "the mayor's criticism of X".
NOMINAL = frozenset(n for n, f in _NOUN_FLAGS.items() if "nominal" in f)
# Nouns whose "by" phrase may name the doer of a deed, not a holder: "attacks by militants on civilians".
BY_EVENT = frozenset(n for n, f in _NOUN_FLAGS.items() if "event" in f)
# Nouns whose object follows "of" after their holder: "his backing of X".
OWNED_OF = frozenset(n for n, f in _NOUN_FLAGS.items() if "owned" in f)

# Verbs that give a stance as a second object ("offered X a tepid endorsement") and the phrases given
# besides the nominal nouns ("gave X a thumbs-up"): phrase words -> polarity.
GIVING = lexicon.words("stance_giving")
GIVEN: dict[tuple[str, ...], Polarity] = {tuple(row["phrase"].split()): Polarity(row["polarity"])
                                          for row in lexicon.rows("stance_given")}

# Nouns naming someone by their stance: "a vocal critic of X", "one of X's staunchest supporters".
RELATIONAL: dict[str, Polarity] = {row["noun"]: Polarity(row["polarity"]) for row in lexicon.rows("stance_relational")}

# Labels a holder gives: "called X reckless", "described X as a hero" (the verbs, and whether "as" is
# required), and the evaluative words whose polarity the label carries.
LABELLING: dict[str, bool] = {row["lemma"]: row["as"] == "required" for row in lexicon.rows("stance_labelling")}
EVALUATIVE: dict[str, Polarity] = {row["word"]: Polarity(row["polarity"]) for row in lexicon.rows("stance_evaluative")}
# Evaluative nouns that label only after an article or a quote ("called X a liar", not "consider the threat").
EVALUATIVE_NOUNS = frozenset(row["word"] for row in lexicon.rows("stance_evaluative") if row["alone"] == "no")
# Particle verbs whose "against" may follow the one warned ("warned Iran against attacking Israel").
WARNING = lexicon.words("stance_warning")
# What "hold" labels its object with: only blame ("held X responsible for Y", "hold X accountable").
ACCOUNTABLE = lexicon.words("stance_accountable")

# Predicate adjectives after a form of "be" or "remain": adjective -> polarity, particles, mode.
ADJECTIVES: dict[str, tuple[Polarity, frozenset[str], str]] = {
    row["adjective"]: (Polarity(row["polarity"]), frozenset(_cell(row["prepositions"])), row["object"])
    for row in lexicon.rows("stance_adjectives")
}

# Grading words: in the cue, an adverb just before it, or "in the strongest terms" after it.
INTENSITY = lexicon.words("stance_intensity")
# "Refrain from Y" turns a demand into opposition to Y.
ABSTAIN = lexicon.words("stance_abstention")
# "called on X to stop attacking Y": a demanded ceasing opposes what is to cease.
CEASING = lexicon.words("stance_ceasing")
# "agreed to remain in close contact": procedural, not a position.
KEEP_VERBS = lexicon.words("stance_keep_verbs")
CONTACT_WORDS = lexicon.words("stance_contact_words")

# "pledged to cap emissions": a commitment is a stance only when the action favours its object.
COMMITTING = lexicon.words("stance_committing")
FURTHERING = lexicon.words("stance_furthering")
# The furthering verbs that work against their object ("prevent", "combat"): joined to an opposing verb.
COUNTERING = lexicon.words("stance_countering")

# -- function words and word classes ---------------------------------------------------------

DET = lexicon.words("determiners")
LEADING_ABBREVIATIONS = lexicon.words("leading_abbreviations")  # "Mrs." before a name: no sentence end
PREP = lexicon.words("prepositions")
CUT_PREPS = lexicon.words("stance_cut_prepositions")
MODALS = lexicon.words("modals")
AUX = lexicon.words("auxiliaries")
BE = lexicon.words("copulas")
SUBJECT_PRONOUNS = lexicon.words("subject_pronouns")
RELATIVES = lexicon.words("relative_words")
NEGATORS = lexicon.words("negators")
SUBORDINATORS = lexicon.words("subordinators")
REFLEXIVES = lexicon.words("reflexive_pronouns")
SKIP_ADVERBS = lexicon.words("stance_skip_adverbs")
NOT_ADVERBS = lexicon.words("not_adverbs")
ACTORS = lexicon.words("stance_actors")
# Who can hold a position as a verb's subject, besides ACTORS and PERSON_WORDS ("critics", "the court").
AGENT_NOUNS = lexicon.words("stance_agent_nouns")
# What a holder speaks through ("a Human Rights Watch report accused X", "filed a lawsuit accusing X").
VOICE_NOUNS = lexicon.words("stance_voice_nouns")
NOT_AGENTS = lexicon.words("stance_not_agents")
# The heads of a collective subject ("the two sides", "both leaders"): in a group's or a statement's
# claim, the claim's speaker.
COLLECTIVES = lexicon.words("stance_collectives")
# "should", "must": the speaker states the position; "need to", "have to" likewise.
OBLIGATION = lexicon.words("stance_obligation")
# Envoys summoned in protest: "summoned the ambassador of X over Y".
ENVOYS = lexicon.words("stance_envoy_nouns")
SUMMONING = lexicon.words("stance_summoning")
# Number words: no antecedent of a pronoun ("Two years ago, he …").
NUMBER_WORDS = lexicon.words("stance_number_words")
OBLIGATION_VERBS = lexicon.words("stance_obligation_verbs")
# "refused to", "declined to": the infinitive after them is negated.
REFUSAL = lexicon.words("stance_refusal")
# "has not hesitated to criticize X": negated, the verb affirms the infinitive's act.
RELUCTANCE = lexicon.words("stance_reluctance")
# "avoided condemning X", "refrained from criticizing X": the -ing form after them is no act.
AVOIDANCE = lexicon.words("stance_avoidance")
# "could embrace X", "might back X": a guess at a position, not one taken.
SPECULATION = lexicon.words("stance_speculation")
# "we hope that all countries will support X": an outcome wished for, not the countries' position.
EXPECTATION = lexicon.words("expectation_words")
# "campaigning for president": a race, no one supported.
OFFICES = lexicon.words("stance_offices")
# "Nobody", "no senator", "none of them": a subject that names no one, or a group that did not.
NO_ONE = lexicon.words("stance_no_one")
# "disparaging remarks", "opposing viewpoints": an -ing word before them is an adjective.
MODIFIED_NOUNS = lexicon.words("stance_modified_nouns")
# "on Thursday", "last week", "has long": between a subject and its verb.
TIME_WORDS = lexicon.words("stance_time_words")
# "a string of attacks on X", "a show of support for X": an amount or a form of a stance noun before "of".
AMOUNTS = lexicon.words("stance_amounts")
# Articles and demonstratives that open a stance noun's phrase whose holder a "by" phrase names.
BY_OPENERS = lexicon.words("stance_by_openers")
# Endings of a noun of action ("the investigation") and of a name of a plural group ("Republicans").
ACTION_ENDINGS = lexicon.entries("action_endings")
GROUP_NAME_ENDINGS = lexicon.entries("group_name_endings")
# "withdrew his support for X", "withheld his endorsement": a stance noun taken back or held back, no act.
RETRACTING = lexicon.words("stance_retracting")
# Month names, lower-cased: time before a stance noun ("its early September endorsement"), not its holder.
MONTHS = frozenset(m.lower() for m in lexicon.words("months"))
# "if they support X": a pronoun subject after these states no position.
HYPOTHETICAL = lexicon.words("stance_hypothetical")
PERSON_WORDS = lexicon.words("stance_person_words")
INTENT = lexicon.words("stance_intent")
# "prompted X to accuse Y": the one moved to act holds it.
CAUSATIVES = lexicon.words("stance_causatives")
ADJECTIVE_LIKE = lexicon.words("adjective_like")
ADJECTIVE_ENDINGS = lexicon.entries("adjective_suffixes")
NOUNS_LIKE_ADJECTIVES = lexicon.words("adjective_suffix_nouns")
EMPTY_TARGETS = lexicon.words("stance_empty_targets")
NAME_LINKS = lexicon.words("stance_name_links")
TARGET_TRAILING = lexicon.words("stance_target_trailing")
CAPITALISED_OPENERS = lexicon.words("capitalised_openers")
# Verbs that close a sentence with its source ("…, officials said."), and "according". Not
# cues.INVERTIBLE: its "states" is also the noun that ends "… across the United States."
ATTRIBUTING = lexicon.words("stance_attributing")

# -- verb forms ------------------------------------------------------------------------------

IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    row["lemma"]: tuple(row["forms"].split()) for row in lexicon.rows("irregular_verbs")}


def _forms(lemmas) -> dict[str, str]:
    """Inflected form -> lemma; a form two lemmas share goes to the first in alphabetical order."""
    out: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for f in forms(lemma) + IRREGULAR_FORMS.get(lemma, ()):
            out.setdefault(f, lemma)
    return out


# Irregular past forms ("lost", "won", "met"): a finite verb where the regular ones end in -ed.
PAST_FORMS = lexicon.words("past_forms")
# Verbs whose forms mark a new verb phrase ("… and stressed that …") or a finite verb.
VERB_FORMS = _forms(lexicon.words("stance_common_verbs"))
COMMITTING_FORMS = frozenset(_forms(COMMITTING)) | COMMITTING
# "the senator intensified his criticism of X": the forms of a verb whose object's possessive pronoun is its subject's.
OWNING_FORMS = _forms(lexicon.words("stance_owning"))
FURTHERING_FORMS = _forms(FURTHERING | {"continue"})
# Forms of the stance verbs -> lemma ("given the …" and "provided that …" are not verbs here).
HEAD_FORMS = {f: lemma for f, lemma in _forms(set(VERBS) | set(PARTICLE_VERBS) | set(LABELLING) | SUMMONING
                                              | GIVING).items()
              if f not in ("given", "provided")}
# "questioned X's integrity": the forms of the verbs that cast doubt (-> lemma) and the qualities they may
# doubt (see qualities). Not heads of HEAD_FORMS: they read only so.
QUESTIONING_FORMS = _forms(lexicon.words("stance_questioning"))
QUALITIES = lexicon.words("stance_qualities")
# "the council failed to act" in someone's words (see failures): the forms of "fail" read so, and the verbs
# after "failed to" that name an outcome nobody is blamed for ("failed to win").
FAILING = frozenset(("failed", "fails", "failing"))
FAILURE_OUTCOMES = lexicon.words("stance_failure_outcomes")
# Every token that can open an act: a verb form, a predicate adjective, a stance noun with its holder
# before it, "not" (a contrast).
HEAD_TOKENS = frozenset(HEAD_FORMS) | frozenset(ADJECTIVES) | NOMINAL | frozenset(RELATIONAL) | frozenset(EVALUATIVE) \
    | frozenset(QUESTIONING_FORMS) | FAILING | {"not"}
