"""A stance noun and its holder without a verb that carries it (dipcli.stance.nominal): a possessive
pronoun bound to the subject of a verb of owning, a stance taken back, a "by" phrase, on sentences the
project writes."""
from __future__ import annotations

import pytest

from builders import NEWS, one_act, stance_acts

# sentence, holder, polarity, cue, target
NOMINAL = [
    # a possessive pronoun in the object of a verb of owning: the verb's subject, not the speaker
    ("Brandt said the senator escalated her attacks on the freight rail bill.", "Tamsin Okafor", "oppose",
     "attacks on", "the freight rail bill"),
    ("Vermont officials said the Ohio Herald intensified its criticism of the tariffs.", "Ohio Herald", "oppose",
     "criticism of", "the tariffs"),
    # a month between the possessive pronoun and the noun is no holder
    ("The Ohio Herald lost readers after its early September endorsement of Brandt.", "Ohio Herald", "support",
     "endorsement of", "Brandt"),
    # a stance noun in the subject: its object ends before the main verb
    ("Brandt's criticism of the tariffs changed the debate.", "Elias Brandt", "oppose", "criticism of", "the tariffs"),
    # a "by" phrase names the holder, after the noun's object or before it
    ("The sharp criticism of the tariffs by Governor Brandt surprised Ohio.", "Elias Brandt", "oppose",
     "criticism of", "the tariffs"),
    ("The endorsement by Governor Brandt of the freight rail bill was late.", "Elias Brandt", "support",
     "endorsement", "the freight rail bill"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), NOMINAL)
def test_a_stance_noun_is_held_by_its_possessor_its_bound_subject_or_its_by_agent(sentence, holder, polarity, cue,
                                                                                  target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


def test_a_stance_noun_taken_back_is_no_act():
    assert stance_acts(NEWS + "Okafor withdrew her support for the freight rail bill on Friday.") == []
    assert stance_acts(NEWS + "Brandt has withheld his endorsement of the tariffs.") == []
    assert stance_acts(NEWS + "Okafor is the first senator to rescind her backing of the tariffs.") == []


def test_a_by_phrase_holds_no_violence_no_procedure_and_no_participles_agent():
    assert stance_acts(NEWS + "The attacks by militants on the depot continued.") == []
    assert stance_acts(NEWS + "The approval of the tariffs by the Senate came late.") == []
    assert stance_acts(NEWS + "The endorsements by Okafor and Brandt were milestones.") == []  # no object
    assert stance_acts(NEWS + "The criticism of the plan proposed by Brandt grew.") == []  # the plan's author


def test_a_possessive_pronoun_is_not_bound_to_a_subject_that_reacts_to_the_stance():
    # "misrepresented" is no verb of owning: "her praise" is not the group's
    found = stance_acts(NEWS + "Okafor said the lobby group misrepresented her praise of the freight rail bill.")
    assert [s.holder for s in found if s.cue == "praise of"] == ["Tamsin Okafor"]
    # "his" does not agree with a plural subject
    found = stance_acts(NEWS + "Brandt's aides escalated his attacks on the tariffs.")
    assert all(s.holder != "aides" for s in found)


def test_their_in_a_groups_claim_stays_the_groups():
    s = one_act(NEWS + "Both leaders noted that Ohio and Vermont would continue their firm opposition to the tariffs.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor and Elias Brandt", "oppose", "the tariffs")


# sentence, holder, polarity, cue, target
AMOUNTS_AND_NOUNS = [
    # a word for an amount or a form of the stance, before "of", after a carrier or an owner
    ("Okafor launched a string of attacks against the tariffs.", "Tamsin Okafor", "oppose",
     "launched a string of attacks against", "the tariffs"),
    ("Okafor issued a statement of support for the freight rail bill.", "Tamsin Okafor", "support",
     "issued a statement of support for", "the freight rail bill"),
    ("Brandt's show of support for the freight rail bill was brief.", "Elias Brandt", "support", "support for",
     "the freight rail bill"),
    # two stance nouns of one polarity share the object
    ("Okafor extended firm support and solidarity to the Vermont delegation.", "Tamsin Okafor", "support",
     "extended firm support and solidarity to", "the Vermont delegation"),
    # critique, tirade; a name between a possessive pronoun and the noun is no holder
    ("Okafor launched a tirade against the tariffs.", "Tamsin Okafor", "oppose", "launched a tirade against",
     "the tariffs"),
    ("Brandt's critique of the tariffs was brief.", "Elias Brandt", "oppose", "critique of", "the tariffs"),
    ("Brandt said the senator continued her Twitter tirade against the tariffs.", "Tamsin Okafor", "oppose",
     "tirade against", "the tariffs"),
]


@pytest.mark.parametrize(("sentence", "holder", "polarity", "cue", "target"), AMOUNTS_AND_NOUNS)
def test_a_stance_noun_through_an_amount_a_shared_object_or_a_new_noun(sentence, holder, polarity, cue, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.cue, s.target) == (holder, polarity, cue, target)


def test_a_tirade_on_a_medium_has_no_target():
    assert stance_acts(NEWS + "Okafor posted a tirade on Twitter.") == []


def test_an_act_in_the_reason_of_thanks_is_not_the_thankers():
    # the efforts are the one thanked's; the thanker holds only the thanks
    found = stance_acts(NEWS + "Okafor expressed her thanks to the Vermont governor, Elias Brandt, for his efforts to "
                        "promote the freight rail bill.")
    assert [(s.cue, s.target) for s in found] == [("expressed her thanks to", "the Vermont governor, Elias Brandt")]
    # a verb joined by "and" after the reason is the thanker's again
    found = stance_acts(NEWS + "Okafor conveyed her thanks to Brandt for his leadership and underscored her support for the "
                        "freight rail bill.")
    assert [s.cue for s in found] == ["conveyed her thanks to", "underscored her support for"]
    # an act joined by "and" before any reason stays
    found = stance_acts(NEWS + "Okafor expressed her support to Brandt and condemned the tariffs for their cost.")
    assert [s.cue for s in found] == ["expressed her support to", "condemned"]


def test_a_possessor_after_a_subject_pronoun_is_the_name_and_a_quote_may_open_a_carried_noun():
    s = one_act(NEWS + "Okafor said that she views Brandt's attacks on the tariffs as serious.")
    assert [(s.holder, s.cue, s.target)] == [("Elias Brandt", "attacks on", "the tariffs")]
    s = one_act(NEWS + "Okafor sent a note to Vermont, extending “firm support and solidarity to the Vermont delegation.")
    assert (s.holder, s.cue, s.target) == ("Tamsin Okafor", "extending “firm support and solidarity to",
                                           "the Vermont delegation")


def test_a_stance_noun_aimed_at_someone_is_on_them():
    s = one_act(NEWS + "The Canadian criticisms are increasingly aimed at Brandt.")
    assert (s.holder, s.polarity, s.cue, s.target) == ("Canada", "oppose", "criticisms are increasingly aimed at",
                                                       "Brandt")
    s = one_act(NEWS + "Okafor's criticism, aimed squarely at Brandt, drew applause.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "Brandt")
    # a purpose is no one aimed at; nor is a noun that may name a deed
    assert stance_acts(NEWS + "Okafor's criticism was aimed at improving the freight rail bill.") == []
    assert stance_acts(NEWS + "The attacks were aimed at Vermont.") == []
