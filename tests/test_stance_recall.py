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
