"""Stances news reports state with nouns and light verbs, or with the holder after the target, on
sentences the project writes."""
from __future__ import annotations

import pytest

from builders import NEWS, one_act, stance_acts

# sentence, holder, polarity, cue, target
GIVEN = [
    ("Okafor offered Brandt a tepid endorsement on Tuesday.", "Tamsin Okafor", "support",
     "offered Brandt a tepid endorsement", "Brandt"),
    ("Okafor gave the Danish tender a thumbs-up.", "Tamsin Okafor", "support",
     "gave the Danish tender a thumbs-up", "the Danish tender"),
    ("Okafor gave the plan her blessing.", "Tamsin Okafor", "support", "gave the plan her blessing", "the plan"),
    ("Okafor gave Brandt the cold shoulder.", "Tamsin Okafor", "oppose", "gave Brandt the cold shoulder", "Brandt"),
    ("Okafor gave a ringing endorsement to Brandt.", "Tamsin Okafor", "support",
     "gave a ringing endorsement to", "Brandt"),
    ("Okafor extended her much-needed support to Brandt.", "Tamsin Okafor", "support",
     "extended her much-needed support to", "Brandt"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), GIVEN)
def test_a_stance_given_as_a_second_object_is_on_the_one_given_it(sentence, holder, polarity, cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


def test_what_is_given_is_a_stance_only_as_a_stance_noun_or_phrase():
    # a grading word is no noun of its own; "to" before a verb is no one given; a negated gift is dropped
    assert stance_acts(NEWS + "The committee gave the bill a second reading.") == []
    assert stance_acts(NEWS + "Ohio senators give the approval to continue.") == []
    assert stance_acts(NEWS + "Okafor did not give Brandt a ringing endorsement.") == []
    found = stance_acts(NEWS + "Okafor said they give the talks a chance and support the Danish tender.")
    assert [(s.cue, s.target) for s in found] == [("support", "the Danish tender")]


# sentence, holder, polarity, cue, target
HELD = [
    ("Brandt has the support of Okafor.", "Tamsin Okafor", "support", "has the support", "Brandt"),
    ("Brandt picked up an endorsement Thursday from Okafor.", "Tamsin Okafor", "support",
     "picked up an endorsement", "Brandt"),
    ("Brandt secured the backing of Ohio senators.", "Ohio senators", "support", "secured the backing", "Brandt"),
    ("The Danish tender has Vermont's full support.", "Vermont", "support", "has Vermont's full support",
     "The Danish tender"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), HELD)
def test_a_stance_had_from_someone_named_is_theirs_on_the_one_who_has_it(sentence, holder, polarity, cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.holder_via, s.polarity, s.cue, s.target) == (holder, "source", polarity, cue, target)


def test_a_stance_had_needs_a_holder_other_than_the_subject_and_no_word_that_denies_it():
    assert stance_acts(NEWS + "Brandt had his greatest support among Ohio senators.") == []
    assert stance_acts(NEWS + "Brandt has had little support from Okafor.") == []
    assert stance_acts(NEWS + "Brandt has not had the support of Okafor.") == []
    s = one_act(NEWS + "Okafor has criticized Brandt's support of the Danish tender.")
    assert (s.holder, s.cue, s.target) == ("Tamsin Okafor", "criticized", "Brandt's support of the Danish tender")


def test_a_stance_received_needs_a_subject_not_a_phrase_that_opens_with_a_preposition():
    # the subject's noun is a verb's form ("agreed"): what is left before the verb is no target
    assert stance_acts(NEWS + "The tender agreed on in Vermont by the governors has drawn criticism from Okafor.") == []


# sentence, holder, polarity, cue, target
HOLDER_AFTER = [
    ("The rebels that Okafor has supported since 2014 lost ground.", "Tamsin Okafor", "support", "supported",
     "The rebels"),
    ("The Danish tender which Okafor criticized on Friday was dropped.", "Tamsin Okafor", "oppose", "criticized",
     "The Danish tender"),
    ("Criticized by Okafor, Brandt vetoed the levy.", "Tamsin Okafor", "oppose", "Criticized", "Brandt"),
    ("Backed by Ohio senators, Brandt won the primary.", "Ohio senators", "support", "Backed", "Brandt"),
    ("The plan, backed by Okafor, passed.", "Tamsin Okafor", "support", "backed", "The plan"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), HOLDER_AFTER)
def test_an_object_relative_or_a_fronted_participle_holds_its_agents_act_on_the_noun(sentence, holder, polarity,
                                                                                     cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


def test_that_is_an_object_relative_only_after_a_noun_and_before_no_object():
    # a that-clause after a verb or a noun of content, a verb with an object of its own, an infinitive
    assert stance_acts(NEWS + "Okafor left no doubt that she would endorse in the primary.") == []
    assert [s.target for s in stance_acts(NEWS + "Okafor said that Ohio senators supported the Danish tender.")] == [
        "the Danish tender"]
    assert all(s.target != "The summit" for s in stance_acts(NEWS + "The summit that Okafor hopes to achieve is in May."))
    assert all(s.cue != "blame" for s in stance_acts(NEWS + "Brandt rejected the claim that he is to blame for the delay."))


# sentence, holder, polarity, cue, target
NOUNS = [
    ("Okafor issued a sharp rebuke to Brandt.", "Tamsin Okafor", "oppose", "issued a sharp rebuke to", "Brandt"),
    ("Brandt won plaudits from Okafor.", "Tamsin Okafor", "support", "won plaudits", "Brandt"),
    ("Okafor offered her kudos to Brandt.", "Tamsin Okafor", "support", "offered her kudos to", "Brandt"),
    ("Okafor did rebuke Brandt.", "Tamsin Okafor", "oppose", "rebuke", "Brandt"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), NOUNS)
def test_nouns_of_praise_and_rebuke_and_an_emphatic_do(sentence, holder, polarity, cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


def test_an_act_its_holder_avoids_or_refrains_from_is_no_act():
    # keeping out of a position is neither the act nor its opposite
    assert stance_acts(NEWS + "Okafor avoids condemning the freight rail bill.") == []
    assert stance_acts(NEWS + "Okafor has refrained from endorsing Brandt.") == []
    assert stance_acts(NEWS + "Okafor avoided directly criticizing Brandt.") == []
    s = one_act(NEWS + "Okafor continued criticizing Brandt.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "Brandt")


def test_a_voice_noun_after_a_possessive_speaks_for_its_author():
    # "Okafor's early-morning posts attacking Brandt": Okafor's posts, whoever reports them
    s = one_act(NEWS + "Brandt says Okafor's early-morning tweets attacking him are lies.")
    assert (s.holder, s.polarity) == ("Tamsin Okafor", "oppose")
    s = one_act(NEWS + "Brandt says Okafor's tweets mocking the bill are lies.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "the bill")


def test_a_finite_verb_is_not_coordinated_with_a_possessive_participle_before_it():
    # "Russia's continued build-up …, and affirmed their support": the subject of the sentence
    found = stance_acts(NEWS + "The senators discussed Russia's continued build-up on the border and affirmed "
                        "their support for Ukraine.")
    assert [(s.holder, s.target) for s in found] == [("senators", "Ukraine")]


def test_an_ing_word_that_describes_a_noun_of_what_is_said_is_no_act():
    # "cited disparaging remarks": an adjective; "a statement condemning comments": a verb
    assert stance_acts(NEWS + "Okafor cited disparaging remarks Brandt had made about farmers.") == []
    assert stance_acts(NEWS + "Brandt confronted her with insulting comments about the bill.") == []
    s = one_act(NEWS + "Okafor issued a statement on Wednesday condemning comments from Brandt.")
    assert (s.polarity, s.cue) == ("oppose", "condemning")


def test_a_predicate_adjective_inside_an_opening_quote_and_another_critic():
    s = one_act(NEWS + 'Okafor said she was "totally against the freight rail bill."')
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "the freight rail bill")
    s = one_act(NEWS + "Brandt, another critic of the bill, spoke on Tuesday.")
    assert (s.holder, s.polarity, s.target) == ("Elias Brandt", "oppose", "the bill")
    assert stance_acts(NEWS + 'Okafor wants to take a "hard stand" against the bill.') == []


def test_a_demand_to_stop_doing_something_opposes_it():
    s = one_act(NEWS + "Okafor called on Brandt to stop attacking the farmers.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "attacking the farmers")
    s = one_act(NEWS + "Okafor is demanding that the railway stop using the old tracks.")
    assert (s.polarity, s.target) == ("oppose", "using the old tracks")


def test_a_commitment_to_an_action_that_favours_nothing_is_no_act():
    # "pledged to cap emissions", "was prepared to go further": no stance toward anything
    assert stance_acts(NEWS + "Okafor pledged to cap and then gradually reduce freight emissions.") == []
    assert stance_acts(NEWS + "Brandt said Vermont was prepared to go further than it had gone before.") == []
    assert stance_acts(NEWS + "The two senators agreed to put together a reform plan by March.") == []
    # an action that favours its object, a stance verb inside it, a noun phrase, a refusal: an act
    s = one_act(NEWS + "Okafor pledged to strengthen cooperation with Vermont.")
    assert (s.polarity, s.cue, s.target) == ("support", "pledged to", "strengthen cooperation with Vermont")
    s = one_act(NEWS + "Okafor agreed to continue supporting the freight rail bill.")
    assert (s.polarity, s.target) == ("support", "continue supporting the freight rail bill")
    s = one_act(NEWS + "Okafor agreed to back the freight rail bill.")
    assert (s.polarity, s.cue, s.target) == ("support", "agreed to back", "the freight rail bill")
    s = one_act(NEWS + "Okafor agreed to the freight rail bill.")
    assert (s.polarity, s.target) == ("support", "the freight rail bill")
    s = one_act(NEWS + "Brandt would not agree to grant a waiver to the railway.")
    assert (s.polarity, s.target) == ("oppose", "grant a waiver to the railway")


def test_a_stance_its_subject_has_and_support_of_after_its_owner():
    # "has enormous respect for X": the subject holds it; "her support of X": "of" opens the object
    s = one_act(NEWS + "Okafor has enormous respect for the freight rail bill.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "support", "the freight rail bill")
    s = one_act(NEWS + "Brandt said he had serious concerns about the bill.")
    assert (s.holder, s.polarity, s.target) == ("Elias Brandt", "oppose", "the bill")
    s = one_act(NEWS + "Okafor stressed her support of the freight rail bill.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "support", "the freight rail bill")
    s = one_act(NEWS + "Brandt criticised Okafor's support of the bill.")
    assert (s.holder, s.polarity, s.target) == ("Elias Brandt", "oppose", "Okafor's support of the bill")
    # not a stance the subject has: another's, a thing's importance, a perfect tense, a wish
    s = one_act(NEWS + "The bill has the support of Brandt.")
    assert (s.holder, s.target) == ("Elias Brandt", "The bill")
    assert stance_acts(NEWS + "The bill has great importance for Ohio.") == []
    assert stance_acts(NEWS + "Farmers have simply lost respect for the railway.") == []
    assert stance_acts(NEWS + "Okafor had no respect for the railway.") == []


def test_a_negated_verb_of_intent_negates_the_act_it_governs():
    # "wasn't going to back X", "is not ready to support X": as "did not back X"
    s = one_act(NEWS + "Okafor said she wasn't going to back Brandt.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "Brandt")
    s = one_act(NEWS + "Brandt said he is not ready to support the freight rail bill.")
    assert (s.holder, s.polarity, s.target) == ("Elias Brandt", "oppose", "the freight rail bill")
    assert stance_acts(NEWS + "Okafor does not plan to condemn the bill.") == []
    # a negated verb of holding back affirms it; a need does not negate
    s = one_act(NEWS + "Okafor has not hesitated to criticize Brandt.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "Brandt")


def test_honored_by_states_the_subjects_feeling():
    # "I am greatly honored by the endorsement of X": no act of X's toward the speaker
    assert stance_acts(NEWS + 'Okafor said: "I am greatly honored by the endorsement of Governor Brandt."') == []
    assert stance_acts(NEWS + "Ohio is honoured to stand with Vermont.") == []
    s = one_act(NEWS + "Okafor said the freight rail agreement must be honoured.")
    assert (s.polarity, s.target) == ("support", "the freight rail agreement")


# sentence, holder, target, entities
QUESTIONED = [
    ("Okafor questioned Brandt's integrity.", "Tamsin Okafor", "Brandt's integrity", ["Elias Brandt"]),
    ("Okafor has repeatedly impugned the Vermont governor's motives.", "Tamsin Okafor",
     "the Vermont governor's motives", ["Vermont"]),
    ("Okafor is questioning Brandt's mental fitness for office.", "Tamsin Okafor",
     "Brandt's mental fitness for office", ["Elias Brandt"]),
]


@pytest.mark.parametrize(("sentence", "holder", "target", "entities"), QUESTIONED)
def test_doubt_cast_on_a_quality_of_someone_opposes_them(sentence, holder, target, entities):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.target, s.entities) == (holder, "oppose", target, entities)


def test_questioning_what_is_no_quality_of_someone_states_no_position():
    assert stance_acts(NEWS + "Okafor questioned the witness on Tuesday.") == []
    assert stance_acts(NEWS + "Okafor questioned Brandt's tax plan.") == []
    assert stance_acts(NEWS + "Okafor did not question Brandt's integrity.") == []
    assert stance_acts(NEWS + "Okafor raised no doubt about Brandt's integrity.") == []
