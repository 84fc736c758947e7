"""Reporting cues as data: writing, beliefs, intentions and positions attribute to their holder;
nouns, objects and report nouns are read for what they are."""
from __future__ import annotations

import pytest

from dipcli import cues
import builders

INTRO = "Governor Ruth Adeyemi and Mayor Ines Carvalho met in Ibadan on Monday.\n\n"


def explained(text: str) -> dict[str, tuple[str | None, str]]:
    """Each sentence's text -> (speaker, rule), after an introduction that names the people."""
    return builders.explained(INTRO + text)


def test_forms_include_the_past_participle_and_irregular_spellings():
    assert cues.all_forms("write") == ("write", "writes", "wrote", "writing", "written")
    assert cues.forms("echo")[1] == "echoes"
    assert cues.lemmas()["sought"] == "seek"
    assert {"wrote", "tweeted", "asked"} <= cues.INVERTIBLE and "told" not in cues.INVERTIBLE


@pytest.mark.parametrize("sentence", [
    "Adeyemi wrote on Facebook that the count was fair.",
    "Adeyemi tweeted that the count was fair.",
    "Adeyemi has written to the electoral board.",
    "Adeyemi is demanding a recount in two districts.",
    "Adeyemi has refused to concede the race.",
    "Adeyemi believes the count was fair.",
    "Adeyemi plans to appeal the ruling.",
    "Adeyemi is defending the budget against its critics.",
    "Adeyemi's brief said it would appeal.",  # ("Adeyemi's campaign" is her entourage: test_people)
])
def test_writing_beliefs_intentions_and_positions_belong_to_their_holder(sentence):
    assert explained(sentence)[sentence] == ("Ruth Adeyemi", "reporting_frame")


def test_a_name_given_is_its_givers_and_does_not_go_on():
    found = explained("Adeyemi called the budget “a betrayal of the north.” The vote is on Friday.\n\n"
                      "Carvalho has called the plan a disgrace. Both provinces would gain from the trade.\n\n"
                      "Carvalho called the police a day later. Adeyemi called on the board to resign.")
    assert found["Adeyemi called the budget “a betrayal of the north.”"] == ("Ruth Adeyemi", "quotation")
    assert found["Carvalho has called the plan a disgrace."] == ("Ines Carvalho", "reporting_frame")
    assert found["Both provinces would gain from the trade."] == (None, "narrator")  # a name given: no words go on
    assert found["Carvalho called the police a day later."] == (None, "narrator")  # a telephone call
    assert found["Adeyemi called on the board to resign."] == ("Ruth Adeyemi", "reporting_frame")


@pytest.mark.parametrize("sentence", [
    "Carvalho was not invited to the summit.",
    "Carvalho was also told to wait outside.",
    "Carvalho was reportedly told to wait outside.",
])
def test_the_subject_of_a_passive_cue_is_not_its_speaker_whatever_stands_between(sentence):
    assert explained(sentence)[sentence] == (None, "narrator")


def test_an_inverted_cue_may_open_the_sentence():
    found = explained('The polls closed at six. Said Adeyemi, "The count was fair."')
    assert found['Said Adeyemi, "The count was fair."'] == ("Ruth Adeyemi", "quotation")


def test_the_listener_of_told_is_never_the_speaker():
    found = explained('"We are ready," Adeyemi told Mayor Ines Carvalho.')
    assert found['"We are ready," Adeyemi told Mayor Ines Carvalho.'] == ("Ruth Adeyemi", "reporting_frame")


@pytest.mark.parametrize("sentence", [
    "The agency rated 22% of Republican claims as false.",  # a noun after an adjective after "of"
    "Health worries have dogged the campaign for months.",  # a noun before a finite verb
    "Adeyemi’s comments came as the count went on.",  # a noun after a possessive
    "Unlike them, the Lagos protest remained peaceful.",  # a base form after a singular subject
    "State Senator Ama Obi (D-OS) attended the meeting.",  # a base form opens the sentence
])
def test_a_cue_word_that_is_a_noun_frames_nothing(sentence):
    assert explained(sentence)[sentence] == (None, "narrator")


def test_a_cue_word_inside_a_hyphenated_word_is_no_cue():
    """"Council-backed" is an adjective: no cue starts at "backed" ("back" is a cue of positions)."""
    assert [m.group() for m in cues.find_cues("They sent a Security Council-backed force.")] == []
    sentence = "We must approve without delay a Security Council-backed resolution for the mission."
    assert explained(sentence)[sentence] == (None, "narrator")
    assert [m.group() for m in cues.find_cues("Ministers backed it.")] == ["backed"]


def test_report_nouns_name_their_maker_and_report_only_verbs_need_them():
    found = explained("A new Ipsos poll shows Adeyemi ahead. The Harbour Gazette reports that turnout fell. "
                      "Carvalho showed the visitors a collection of paintings.")
    assert found["A new Ipsos poll shows Adeyemi ahead."] == ("Ipsos", "reporting_frame")
    assert found["The Harbour Gazette reports that turnout fell."] == ("Harbour Gazette", "reporting_frame")
    assert found["Carvalho showed the visitors a collection of paintings."] == (None, "narrator")


def test_according_to_an_outlet_or_an_institution_but_not_a_text():
    found = explained("Turnout fell, according to the Harbour Gazette. According to a report by the Ibadan "
                      "Electoral Board, the count was fair. According to the Charter, members are equal.\n\n"
                      "In her view, the vote was clean.")
    assert found["Turnout fell, according to the Harbour Gazette."] == ("Harbour Gazette", "according_to")
    assert found["According to a report by the Ibadan Electoral Board, the count was fair."] == \
        ("Ibadan Electoral Board", "according_to")
    assert found["According to the Charter, members are equal."][0] != "Charter"
    assert found["In her view, the vote was clean."][1] == "according_to"


def test_a_frame_in_a_subordinate_clause_yields_to_the_main_clause():
    sentence = 'When the Fisheries Board signaled it would sell, Mayor Ines Carvalho said, "we were stunned."'
    assert explained(sentence)[sentence] == ("Ines Carvalho", "reporting_frame")


def test_raising_a_family_is_no_report():
    raised = "Ruth Adeyemi and her husband raised three children in Accra."
    assert explained(raised)[raised] == (None, "narrator")
    concern = "Ruth Adeyemi raised the matter with the minister."
    assert explained(concern)[concern] == ("Ruth Adeyemi", "reporting_frame")


def test_a_capitalised_report_noun_ends_a_name_not_a_report():
    """"Studies" in a body's name is no report whose maker is the words before it."""
    sentence = "The Institute for Fiscal Studies said the plan was costly."
    assert explained(sentence)[sentence] == ("Institute for Fiscal Studies", "reporting_frame")
    poll = "A new Harlow poll shows the mayor ahead."
    assert explained(poll)[poll] == ("Harlow", "reporting_frame")
