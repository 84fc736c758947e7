"""Stances of news reports found by more stance nouns and readings, on sentences the project writes."""
from __future__ import annotations

import pytest

from builders import NEWS, one_act, stance_acts

# sentence, holder, polarity, cue, target
FEELING_NOUNS = [
    ("Okafor expressed frustration with the Danish tender.", "Tamsin Okafor", "oppose",
     "expressed frustration with", "the Danish tender"),
    ("Okafor voiced her frustrations over the pace of the talks.", "Tamsin Okafor", "oppose",
     "voiced her frustrations over", "the pace of the talks"),
    ("Brandt expressed anger at the ruling.", "Elias Brandt", "oppose", "expressed anger at", "the ruling"),
    ("Okafor voiced skepticism about the Danish tender.", "Tamsin Okafor", "oppose",
     "voiced skepticism about", "the Danish tender"),
    ("Brandt expressed enthusiasm for the freight rail bill.", "Elias Brandt", "support",
     "expressed enthusiasm for", "the freight rail bill"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), FEELING_NOUNS)
def test_a_carried_noun_of_frustration_anger_doubt_or_enthusiasm_is_a_stance(sentence, holder, polarity, cue,
                                                                             target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


def test_a_plural_endorsement_received_is_its_sources():
    s = one_act(NEWS + "Brandt won the endorsements of Okafor and two Ohio mayors.")
    assert (s.holder, s.holder_via, s.polarity, s.target) == ("Tamsin Okafor", "source", "support", "Brandt")


def test_two_nouns_of_one_polarity_received_share_their_source():
    s = one_act(NEWS + "Brandt's plan drew anger and condemnation from Okafor.")
    assert (s.holder, s.polarity, s.cue, s.target) == ("Tamsin Okafor", "oppose", "drew anger and condemnation",
                                                       "Brandt's plan")
    assert stance_acts(NEWS + "Brandt's plan drew praise and criticism from Ohio senators.") == []


def test_a_noun_of_feeling_without_a_carrier_is_no_act():
    assert stance_acts(NEWS + "The anger of the crowd grew on Tuesday.") == []
    assert stance_acts(NEWS + "Okafor noted the frustration many voters feel.") == []


# sentence, holder, cue, target
FAILURES = [
    ('"Vermont has failed to protect its rail workers," Okafor said.', "Tamsin Okafor", "has failed", "Vermont"),
    ("Okafor said Brandt had repeatedly failed to consult the unions.", "Tamsin Okafor", "had repeatedly failed",
     "Brandt"),
    ("Okafor said on Tuesday that Brandt failed the people of Vermont.", "Tamsin Okafor", "failed", "Brandt"),
    ("Okafor said the Vermont Rail Authority is failing.", "Tamsin Okafor", "is failing",
     "the Vermont Rail Authority"),
]


@pytest.mark.parametrize(("sentence", "holder", "cue", "target"), FAILURES)
def test_a_named_agents_failure_of_a_duty_in_someones_words_is_their_verdict_against_it(sentence, holder, cue,
                                                                                         target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, "oppose", cue, target)


@pytest.mark.parametrize("sentence", [
    "In 2015, Vermont failed to pass the freight rail bill.",  # the narration's, no one's words
    "Okafor said the Vermont talks failed to produce a deal.",  # no agent
    '"We failed to win the seat," Okafor said.',  # the speaker's own
    "Okafor said Brandt failed to win the seat.",  # an outcome, no duty
    "Okafor said Brandt has never failed to consult the unions.",  # negated
    "Okafor said that if Vermont fails to comply, the bill will pass.",  # a condition
    "Okafor said the failing Vermont schools must close.",  # an adjective
    '"Having failed to consult the unions, Vermont must now act," Okafor said.',  # no subject
    "Did Okafor say Vermont failed to consult the unions?",  # a question
])
def test_a_failure_is_no_verdict_in_narration_without_an_agent_or_of_an_outcome(sentence):
    assert [s for s in stance_acts(NEWS + sentence) if s.cue.endswith(("failed", "fails", "failing"))] == []


# sentence, holder, polarity, cue, target
RECEIVED = [
    ("Brandt's plan, which drew criticism from Okafor, passed on Tuesday.", "Tamsin Okafor", "oppose",
     "drew criticism", "Brandt's plan"),
    ("Brandt, who won praise from Okafor for the bill, retired.", "Tamsin Okafor", "support", "won praise", "Brandt"),
    ("The freight rail bill, which has drawn a sharp rebuke from Okafor, passed.", "Tamsin Okafor", "oppose",
     "drawn a sharp rebuke", "The freight rail bill"),
    ("Brandt's remark about the freight rail bill prompted an attack from Okafor.", "Tamsin Okafor", "oppose",
     "prompted an attack", "Brandt's remark about the freight rail bill"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), RECEIVED)
def test_a_stance_received_in_a_relative_clause_or_by_a_subject_with_a_phrase_after_it(sentence, holder, polarity,
                                                                                       cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.holder_via, s.polarity, s.cue, s.target) == (holder, "source", polarity, cue, target)


def test_a_relative_clause_after_a_preposition_receives_nothing_for_its_antecedent():
    found = stance_acts(NEWS + "The meeting in which the plan drew criticism from Okafor ended early.")
    assert [(s.holder, s.target) for s in found] == [("Tamsin Okafor", "the plan")]


@pytest.mark.parametrize("sentence", [
    "Rail advocates have praised the freight rail bill.",  # a plural noun before "have": the subject
    "Okafor said the supporters are planning a rally in Vermont.",
    "Okafor said the investments we support are fit for purpose.",
    "Okafor said the widely condemned decision was lawful.",  # an article, an adverb, a participle
])
def test_a_head_form_that_is_a_noun_before_an_auxiliary_or_a_modifier_after_an_article_heads_no_act(sentence):
    assert [s.cue for s in stance_acts(NEWS + sentence)
            if s.cue in ("advocates", "supporters", "support", "condemned")] == []


# sentence, holder, polarity, cue, target
NO_LONGER_AND_SEEMING = [
    ("Okafor is no longer supporting the freight rail bill.", "Tamsin Okafor", "oppose", "no longer supporting",
     "the freight rail bill"),
    ("Brandt no longer backs the Danish tender.", "Elias Brandt", "oppose", "no longer backs", "the Danish tender"),
    ("Okafor seems to support the freight rail bill.", "Tamsin Okafor", "support", "support",
     "the freight rail bill"),
    ("Brandt appeared to blame Okafor for the delay.", "Elias Brandt", "oppose", "blame", "Okafor"),
    ("Okafor did not seem to support the freight rail bill.", "Tamsin Okafor", "oppose", "support",
     "the freight rail bill"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), NO_LONGER_AND_SEEMING)
def test_no_longer_negates_and_a_verb_of_seeming_keeps_its_subject_as_holder(sentence, holder, polarity, cue,
                                                                            target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


def test_no_longer_before_a_noun_is_no_verb():
    assert stance_acts(NEWS + "There is no longer support for the freight rail bill in Vermont.") == []


@pytest.mark.parametrize("sentence", [
    "Okafor is backing down on the freight rail bill.",
    "Brandt backed off his threat to the Danish tender.",
    "Okafor said Vermont will not back down.",
    "Okafor may struggle to win support among Ohio mayors.",  # whose support: no subject found
])
def test_backing_down_or_off_is_no_support_and_an_infinitive_receives_nothing_without_its_subject(sentence):
    assert [s for s in stance_acts(NEWS + sentence) if s.polarity == "support"] == []


# sentence, holder, cue, target
CARRIED_AT_SOMEONE = [
    ("Okafor heaped scorn on the Danish tender.", "Tamsin Okafor", "heaped scorn on", "the Danish tender"),
    ("Brandt poured scorn on the freight rail bill.", "Elias Brandt", "poured scorn on", "the freight rail bill"),
    ("Okafor hurled insults at Brandt.", "Tamsin Okafor", "hurled insults at", "Brandt"),
    ("Brandt leveled accusations against the Vermont Rail Authority.", "Elias Brandt",
     "leveled accusations against", "the Vermont Rail Authority"),
]


@pytest.mark.parametrize(("sentence", "holder", "cue", "target"), CARRIED_AT_SOMEONE)
def test_criticism_scorn_insults_and_accusations_carried_onto_someone_oppose_them(sentence, holder, cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, "oppose", cue, target)


def test_a_stance_noun_caused_among_people_is_theirs_about_the_subject():
    s = one_act(NEWS + "Brandt's remark caused outrage among rail advocates.")
    assert (s.holder, s.holder_via, s.polarity, s.target) == ("rail advocates", "source", "oppose",
                                                              "Brandt's remark")
    s = one_act(NEWS + "The freight rail bill enjoys broad support among Ohio mayors.")
    assert (s.holder, s.polarity, s.target) == ("Ohio mayors", "support", "The freight rail bill")
    assert stance_acts(NEWS + "The storm caused damage among the Vermont farms.") == []


def test_a_coordinated_subject_of_a_group_and_a_people_noun_holds_the_act():
    s = one_act(NEWS + "Rail unions and advocates have criticized the Danish tender.")
    assert (s.holder, s.polarity, s.target) == ("Rail unions and advocates", "oppose", "the Danish tender")


# sentence, holder, target
HELD_TO_ACCOUNT = [
    ("Okafor held Brandt directly responsible for the delay.", "Tamsin Okafor", "Brandt"),
    ("Brandt said Vermont will hold the Danish consortium accountable.", "Vermont", "the Danish consortium"),
    ("Okafor holds the Vermont Rail Authority fully responsible.", "Tamsin Okafor", "the Vermont Rail Authority"),
    ("Okafor held Dana Kelly responsible for the delay.", "Tamsin Okafor", "Dana Kelly"),  # a name in -ly
]


@pytest.mark.parametrize(("sentence", "holder", "target"), HELD_TO_ACCOUNT)
def test_holding_someone_responsible_or_accountable_blames_them(sentence, holder, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.target) == (holder, "oppose", target)


@pytest.mark.parametrize("sentence", [
    "Okafor and Brandt held talks in Vermont on Tuesday.",
    "Okafor held the door open for Brandt.",
    "Okafor did not hold Brandt responsible.",
    "Brandt is responsible for the freight rail bill.",  # no one holds him to it
])
def test_hold_without_a_word_of_blame_or_negated_blames_no_one(sentence):
    assert [s for s in stance_acts(NEWS + sentence) if s.polarity == "oppose"] == []


# sentence, holder, polarity, cue, target
MORE_VERBS = [
    ("Rail workers heckled Brandt.", "Rail workers", "oppose", "heckled", "Brandt"),
    ("Okafor cheered the freight rail bill.", "Tamsin Okafor", "support", "cheered", "the freight rail bill"),
    ("Brandt impugned the Vermont Rail Authority.", "Elias Brandt", "oppose", "impugned",
     "the Vermont Rail Authority"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), MORE_VERBS)
def test_heckling_cheering_and_slurs_are_stances_toward_their_object(sentence, holder, polarity, cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


@pytest.mark.parametrize("sentence", [
    "Rail workers cheered as the freight train left Vermont.",  # no object
])
def test_cheering_without_an_object_is_no_act(sentence):
    assert stance_acts(NEWS + sentence) == []


def test_warning_someone_against_an_action_opposes_the_action_and_is_about_both():
    s = one_act(NEWS + "Okafor warned Brandt against cutting the freight rail budget in Vermont.")
    assert (s.holder, s.polarity, s.cue, s.target) == ("Tamsin Okafor", "oppose", "warned Brandt against",
                                                       "cutting the freight rail budget in Vermont")
    assert s.entities == ["Elias Brandt", "Vermont"]


def test_the_action_warned_against_is_no_act_of_the_one_warned_nor_of_the_warner_on_its_object():
    found = stance_acts(NEWS + "Okafor cautioned Brandt against attacking the Danish consortium.")
    assert [(s.holder, s.cue, s.target) for s in found] == [
        ("Tamsin Okafor", "cautioned Brandt against", "attacking the Danish consortium")]


# sentence, holder, cue, target
COUNTERING = [
    ("Okafor reaffirmed her commitment to countering Danish influence.", "Tamsin Okafor",
     "reaffirmed her commitment to countering", "Danish influence"),
    ("Brandt and Okafor agreed to fight against the Danish tender.", "Tamsin Okafor and Elias Brandt",
     "agreed to fight against", "the Danish tender"),
    ("Okafor vowed to deter Danish dumping and to defend Vermont.", "Tamsin Okafor", "vowed to deter",
     "Danish dumping"),
]


@pytest.mark.parametrize(("sentence", "holder", "cue", "target"), COUNTERING)
def test_a_commitment_to_counter_or_fight_something_opposes_it(sentence, holder, cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, "oppose", cue, target)


def test_a_commitment_to_fight_for_something_supports_it():
    s = one_act(NEWS + "Okafor pledged to fight for the freight rail bill.")
    assert (s.polarity, s.target) == ("support", "fight for the freight rail bill")


@pytest.mark.parametrize("sentence", ["Okafor said Vermont had called for", 'Okafor said Vermont had called for "'])
def test_a_cue_at_the_very_end_of_a_sentence_finds_no_act_and_does_not_fail(sentence):
    assert stance_acts(NEWS + sentence) == []


def test_a_demand_to_stop_a_named_activity_opposes_it_and_is_about_the_one_urged():
    s = one_act(NEWS + "Okafor urged Denmark to stop its dumping of rail steel.")
    assert (s.holder, s.polarity, s.target, s.entities) == ("Tamsin Okafor", "oppose", "its dumping of rail steel",
                                                            ["Denmark"])


def test_the_agent_of_a_harm_in_a_supported_target_is_not_what_is_supported():
    s = one_act(NEWS + "Okafor committed to cooperate with Ohio on the challenges posed by Denmark.")
    assert (s.polarity, s.entities) == ("support", ["Ohio"])
    s = one_act(NEWS + "Okafor condemned the damage caused by Denmark.")
    assert (s.polarity, s.entities) == ("oppose", ["Denmark"])


def test_its_opening_a_target_is_the_country_or_organisation_named_before_it():
    s = one_act(NEWS + "Okafor said Denmark had lied and that its tender could not be trusted.")
    assert (s.polarity, s.target, s.entities) == ("oppose", "its tender", ["Denmark"])
    s = one_act(NEWS + "Okafor met Brandt and praised its courage.")  # a person is no "its"
    assert (s.target, s.entities) == ("its courage", [])
    # a country or body holding the act: "its" is mostly its own
    s = one_act(NEWS + "Okafor said Denmark met Ohio officials and defended its tender.")
    assert (s.holder, s.target, s.entities) == ("Denmark", "its tender", [])


def test_urging_someone_not_to_act_opposes_the_action():
    s = one_act(NEWS + "Okafor urged Ohio mayors not to back the Danish tender.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "back the Danish tender")


def test_a_feeling_caused_only_possibly_is_no_act():
    assert stance_acts(NEWS + "Okafor said the Danish tender could anger Ohio mayors.") == []
    s = one_act(NEWS + "Okafor said the Danish tender angered Ohio mayors.")
    assert (s.holder, s.polarity, s.target) == ("Ohio mayors", "oppose", "the Danish tender")


def test_a_second_participle_with_its_object_ends_the_first_acts_target():
    found = stance_acts(NEWS + "Okafor spoke in Vermont, calling for a rail fund and attacking Brandt over the tender.")
    assert [(s.polarity, s.cue, s.target) for s in found] == [
        ("support", "calling for", "a rail fund"), ("oppose", "attacking", "Brandt over the tender")]


@pytest.mark.parametrize(("sentence", "target"), [
    ("Okafor's criticism of the Danish tender grew.", "the Danish tender"),
    ("Brandt's attacks on Okafor continued on Tuesday.", "Okafor"),
    ("Okafor's support for the plan proposed by Brandt was clear.", "the plan proposed by Brandt"),  # a participle
])
def test_a_stance_noun_opening_the_sentence_ends_its_target_at_the_main_verb(sentence, target):
    assert one_act(NEWS + sentence).target == target
