"""The scope of a speaker: which sentences without a frame go on in the voice before them."""
from __future__ import annotations

import pytest

from dipcli import lexicon
from dipcli.attribute.scope import narration_shaped, speaks_as_i
from builders import explained

SAID = "Governor Ruth Adeyemi said the two provinces should share the new port. "


def test_reported_speech_goes_on_in_present_and_modal_sentences():
    found = explained(SAID + "Both provinces would gain from the trade.")
    assert found["Both provinces would gain from the trade."] == ("Ruth Adeyemi", "continuation")


@pytest.mark.parametrize("sentence, reason", [
    ("The delegates toured the harbour after lunch.", "past"),  # what happened
    ("Adeyemi is scheduled to visit Kano on Friday.", "schedule"),
    ("But the port ran out of money in 2019.", "turn"),
    ("(Adeyemi is also the party's chairwoman.)", "parenthesis"),
    ("21).", "separator"),  # a footnote's number, a rule of stars: no one's words
    ("She has run the harbour board since 2015.", "about"),  # of her, not in her voice
    ("Her family owns two of the ferries.", "about"),
])
def test_the_narrator_returns(sentence, reason):
    assert narration_shaped(sentence) == reason
    assert explained(SAID + sentence)[sentence] == (None, "narrator")


def test_a_source_named_in_the_sentence_ends_the_voice_before_it():
    sentence = "Exports are rising, according to officials."
    assert narration_shaped(sentence) == "source"
    assert explained(SAID + sentence)[sentence] == ("officials", "according_to")


def test_a_sentence_that_opens_with_another_country_is_not_the_speakers():
    sentence = "Ghana is building a port of its own on the same coast."
    assert explained(SAID + sentence)[sentence] == (None, "narrator")


def test_words_in_a_relative_clause_or_a_quotation_do_not_make_it_past():
    assert narration_shaped("Both provinces honour those who fought for the port.") is None
    assert narration_shaped('The port is "what we were promised."', [(9, 32)]) is None


MEETING = "\n\n".join([
    "The Council heard a briefing on Friday.",
    "Opening the meeting, the Under-Secretary-General for Peace Operations, Lena Adler, said the mission was "
    "stretched. She urged members to act.",
    "The representative of Chile said the mandate had to be renewed. She called for more funding. "
    "The meeting ended at noon.",
])


def test_a_delegate_speaks_for_their_country_and_their_pronoun_goes_on():
    found = explained(MEETING)
    assert found["She urged members to act."] == ("Lena Adler", "reporting_frame")
    # not the Under-Secretary-General, whose country the record never gave: a delegate of Chile
    assert found["The representative of Chile said the mandate had to be renewed."] == ("Chile", "reporting_frame")
    assert found["She called for more funding."] == ("Chile", "continuation")  # the delegate, not Adler
    assert found["The meeting ended at noon."] == (None, "narrator")


# A meeting record as news services write them: a country's delegate by a possessive, their
# pronoun after an opening phrase, and their own state by "His"/"Her" and a noun.
RECORD = "\n\n".join([
    "The Council adopted the resolution by 12 votes to none, with 3 abstentions.",
    "Explaining her abstention, Peru's representative said the text went beyond the mandate. "
    "However, she said, her delegation supported the mission.",
    "The delegate of Fiji welcomed the adoption. His Government remains ready to send police officers. "
    "In that regard, he called for more training.",
])


def test_a_delegate_by_a_possessive_speaks_for_their_country_and_their_own_state_goes_on():
    found = explained(RECORD)
    assert found["Explaining her abstention, Peru's representative said the text went beyond the mandate."] == (
        "Peru", "reporting_frame")
    assert found["However, she said, her delegation supported the mission."] == ("Peru", "continuation")
    assert found["His Government remains ready to send police officers."] == ("Fiji", "continuation")
    assert found["In that regard, he called for more training."] == ("Fiji", "continuation")


def test_his_government_is_the_country_of_whom_his_means():
    found = explained("Malian Prime Minister Abdoulaye Keita met the envoys on Monday. "
                      "His Government will support the plan.")
    assert found["His Government will support the plan."] == ("Mali", "reporting_frame")
    # inside a sentence the phrase may be an object, not the subject: no country, no speaker
    found = explained("Ana Ruiz spoke on Monday. Remarks about growth in her administration are raising questions.")
    assert found["Remarks about growth in her administration are raising questions."] == (None, "narrator")


def test_a_third_person_sentence_in_the_first_person_or_the_past_goes_on():
    # "our" is the speaker's own word; a readout tells in the past what its speaker did
    for sentence in ("He has our full support in this.", "She detailed the aid that would reach the coast.",
                     "She does not see the tolls as a barrier."):  # a verb of view: her view
        assert narration_shaped(sentence) is None
        assert explained(SAID + sentence)[sentence] == ("Ruth Adeyemi", "continuation")


def test_a_state_that_names_itself_goes_on_about_someone_else():
    text = "Ghana welcomes the new President of the Assembly. He can count on the support of Ghana."
    assert explained(text)["He can count on the support of Ghana."] == ("Ghana", "continuation")


def test_a_source_named_last_vouches_for_its_own_sentence_only():
    found = explained("Exports rose by a tenth last year, according to the Harbour Gazette. "
                      "The new port should open in May.")
    assert found["Exports rose by a tenth last year, according to the Harbour Gazette."] == (
        "Harbour Gazette", "according_to")
    assert found["The new port should open in May."] == (None, "narrator")


# A news report: three quoted sentences, its own words in the third person.
REPORT = "\n\n".join([
    '"The port will be finished by March," Governor Ruth Adeyemi told reporters on Monday.',
    '"We have waited long enough for it," said Tomas Okafor, who leads the dockworkers\' union.',
    "Adeyemi said the two provinces should share the new port. Both provinces would gain from the trade.",
    '"Nobody here believes the March date," Okafor said.',
])


def test_a_news_report_names_the_source_of_each_thing_it_reports():
    found = explained(REPORT)
    assert found["Adeyemi said the two provinces should share the new port."] == ("Ruth Adeyemi", "reporting_frame")
    # unmarked: the reporter's own background, not the governor's words
    assert found["Both provinces would gain from the trade."] == (None, "narrator")


def test_a_speech_that_quotes_others_goes_on_in_its_speakers_voice():
    # the same paragraphs in the first person: a speech or statement, which goes on reporting its speaker
    speech = REPORT.replace("Both provinces would gain", "We would all gain")
    speech = "\n\n".join([speech, "We will keep our promises.", "Our budget is ready.", "We thank our partners."])
    found = explained(speech)
    assert found["We would all gain from the trade."] == ("Ruth Adeyemi", "continuation")


@pytest.mark.parametrize("sentence, speaker", [
    ("Ana Ruiz, Assistant Secretary-General for Africa, said needs were at record levels.", "Ana Ruiz"),
    ("Tom Hale, Chief Executive of Acme Freight, said profits rose.", "Tom Hale"),
    ("Lena Adler, Special Representative and Head of the Mission, said the talks had stalled.", "Lena Adler"),
    ("Ana Ruiz, Under-Secretary-General for Humanitarian Affairs, said aid was blocked.", "Ana Ruiz"),
])
def test_a_title_in_capitals_after_a_name_is_an_aside(sentence, speaker):
    assert explained(sentence)[sentence] == (speaker, "reporting_frame")


@pytest.mark.parametrize("sentence, speaks", [
    ("Finally, I am convinced we will prevail.", True),
    ("My country stands ready.", True),
    ("Let me be clear.", True),
    ("World War I veterans marched.", False),
    ("We stand ready.", False),  # plural: a country's voice, not a person's
    ("The mine was closed.", False),  # "mine" is also a noun
])
def test_a_person_speaks_of_themselves_with_the_singular_words_of_the_first_person_table(sentence, speaks):
    assert speaks_as_i(sentence) is speaks
    singular = {row["word"] for row in lexicon.rows("first_person") if row["number"] == "singular"}
    assert {"i", "me", "my", "myself"} <= singular
