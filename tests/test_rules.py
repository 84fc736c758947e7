"""The attribution rule table: its order, which rule attributes which sentence, and where the cast changes."""
from __future__ import annotations

import pytest

from dipcli.attribute import frames, rules
from dipcli.attribute.cast import Cast
from dipcli.model import Article
from dipcli.core import analyse
from builders import explained, plain_article as article


def test_the_rules_in_order():
    assert [rule.__name__ for rule in rules.RULES] == [
        "relayed", "turn", "quotation", "block_quotation", "statement_opener", "according_to", "reporting_frame",
        "introduction", "participle",
        "impersonal", "first_person", "continuation", "whole_document", "narrator"]
    assert rules.RULES[-1] is rules.narrator, "the narrator answers what no other rule does"


NEWS = "\n\n".join([
    "Brazilian President Lucas Ferreira and Polish Prime Minister Anna Kowalski met in Brasilia on Thursday.",
    "Ferreira said that the two countries should double bilateral trade. Farm exports would lead the way.",
    "According to President Ferreira, the deal could be signed within a year.",
    "President Ferreira toured the port of Santos, noting that its capacity had doubled.",
    "It was agreed that officials would meet again in the autumn.",
    "In the joint statement, the leaders called for calm in the region.",
])


@pytest.mark.parametrize("sentence, speaker, rule", [
    ("Brazilian President Lucas Ferreira and Polish", None, "narrator"),
    ("Ferreira said that", "Lucas Ferreira", "reporting_frame"),
    ("Farm exports would lead the way.", "Lucas Ferreira", "continuation"),
    ("According to President Ferreira", "Lucas Ferreira", "according_to"),
    ("President Ferreira toured the port", "Lucas Ferreira", "participle"),
    ("It was agreed", "Brazil and Poland", "impersonal"),
    ("In the joint statement", "the joint statement", "statement_opener"),
])
def test_each_sentence_names_the_rule_that_attributed_it(sentence, speaker, rule):
    found = [v for text, v in explained(NEWS).items() if text.startswith(sentence)]
    assert found == [(speaker, rule)]


def test_turns_and_a_whole_document():
    transcript = explained("MINISTER HALVORSEN:  We welcome the agreement.\n\nIt was a long night.")
    assert transcript["We welcome the agreement."] == ("Halvorsen", "turn")
    assert transcript["It was a long night."] == ("Halvorsen", "turn")
    statement = explained("Trade between the two countries reached record levels.",
                          title="Joint Statement of Brazil and Poland on Trade")
    assert statement["Trade between the two countries reached record levels."] == \
        ("Joint Statement of Brazil and Poland on Trade", "whole_document")


def test_a_first_person_sentence_is_the_authors_after_a_reported_one():
    text = "\n\n".join([
        "Trade has fallen by half. Minister Halvorsen said that every port should stay open. "
        "I agree with him. The ports matter.",
        "\u201cWe will not close them,\u201d the minister added.",
    ])
    authored = explained(text, title="Statement from Prime Minister Anna Kowalski on Trade")
    assert authored["Trade has fallen by half."] == ("Anna Kowalski", "whole_document")
    assert authored["I agree with him."] == ("Anna Kowalski", "first_person")
    assert authored["The ports matter."] == ("Anna Kowalski", "continuation")
    news = explained(text)  # no author: the first person changes nothing
    assert news["Trade has fallen by half."] == (None, "narrator")
    assert news["I agree with him."] == (None, "narrator")  # an author no one names, not the minister
    by_author = {c.text: (c.speaker, c.rule) for c in analyse(Article(
        doc="t", path="t.txt", format="text", title=None, date=None, source=None, place=None, category=None,
        url=None, text="Minister Halvorsen said that every port should stay open. \u201cWe are open to all.\u201d "
                      "Our ports matter.", author="Tomas Ruiz")).claims}
    assert by_author["\u201cWe are open to all.\u201d"] == ("Halvorsen", "quotation")  # quoted: his words
    assert by_author["Our ports matter."] == ("Tomas Ruiz", "first_person")
    statement = explained("Minister Halvorsen said that every port should stay open. We agree.",
                          title="Joint Statement of Brazil and Poland on Trade")
    assert statement["We agree."][1] != "first_person"  # a joint statement is no one person's


def test_a_sentence_no_frame_attributes_brings_its_first_person_into_view():
    said = explained("\n\n".join([
        "Polish Prime Minister Anna Kowalski and Brazilian President Lucas Ferreira met on Thursday.",
        "The talks with Ferreira lasted two hours.",
        "He said the visit was a success.",
    ]))
    assert said["He said the visit was a success."] == ("Lucas Ferreira", "reporting_frame")


def test_a_scene_changes_the_cast_only_when_committed():
    cast = Cast(article("Ms Anna Kowalski arrived."))
    scene = cast.scene(0)
    kowalski = scene.add_person("Anna Kowalski", country="Poland")
    scene.person_ref(kowalski, "explicit")
    assert cast.people == [] and cast.last_person is None
    with pytest.raises(RuntimeError):
        cast.scene(0)  # one step at a time
    cast.commit(scene)
    assert [p.name for p in cast.people] == ["Anna Kowalski"] and cast.last_person is cast.people[0]
    later = cast.scene(10)
    completed = later.add_person("Anna Maria Kowalski")
    assert completed.name == "Anna Maria Kowalski" and cast.people[0].name == "Anna Kowalski"
    assert later.last_person is completed, "who is in view follows the person's new record"
    cast.commit(later)
    assert cast.people == [completed] and cast.last_person is completed



def _state(cast: Cast) -> tuple:
    return (list(cast.people), list(cast.doc_mentions), cast.placed, cast.last_person, cast.last_group, cast.last_doc)


def test_a_discovery_taken_over_is_the_one_made_afresh():
    # Cast.discovered keeps the last article's discovery for the second reading of the same text
    # (stance's holders): what it hands over is what discovering again would find
    text = NEWS + "\n\nThe Joint Statement of Brazil and Poland on Trade was signed."
    fresh = Cast(article(text))
    scene = fresh.scene()
    scene.discover()
    fresh.commit(scene)
    assert [p.name for p in fresh.people] == ["Lucas Ferreira", "Anna Kowalski"] and fresh.doc_mentions
    first = Cast.discovered(article("".join(list(text))))  # an equal text, another object: discovered
    again = Cast.discovered(article(first.text))  # the same text object: taken over
    assert _state(first) == _state(fresh) and _state(again) == _state(fresh)
    assert again.people is not first.people and again.doc_mentions is not first.doc_mentions
    # what a reading adds to one cast reaches no cast taken over later
    scene = again.scene(0)
    scene.add_person("Marta Lindqvist", country="Sweden")
    again.commit(scene)
    later = Cast.discovered(article(first.text))
    assert _state(later) == _state(fresh)
    from dipcli.attribute.subjects import resolve_holder
    assert resolve_holder(again, "Lindqvist").name == "Marta Lindqvist"
    assert resolve_holder(Cast.discovered(article(first.text)), "Lindqvist") is None
    # another title is another discovery (a title introduces people too)
    titled = Cast.discovered(article(first.text, title="Remarks by President Tomas Berg"))
    assert "Tomas Berg" in [p.name for p in titled.people]
    assert "Tomas Berg" not in [p.name for p in Cast.discovered(article(first.text)).people]


@pytest.mark.parametrize("word", sorted(frames._NO_SUBJECT_BEFORE))
def test_a_cue_after_a_word_that_leaves_nothing_to_frame_is_passed_over_alike(word, monkeypatch):
    text = (f"Foreign Minister Ana Lund met the envoys on Monday. Lund met the envoys {word} said the plan was fair. "
            f"The envoys, {word} told reporters, agreed. “We stay,” {word} said Lund. Lund, {word} warned, left. "
            f"Officials {word} urged restraint met Lund.")
    passed_over = explained(text)
    monkeypatch.setattr(frames, "_NO_SUBJECT_BEFORE", frozenset())
    assert explained(text) == passed_over


def test_according_to_a_source_named_by_what_it_is():
    found = explained("LIMA, June 3 (Reuters) - The president will visit Santiago in July, according to a "
                      "Peruvian official.\n\nThe talks will resume in September, according to the foreign ministry.",
                      place="Lima")
    assert found["LIMA, June 3 (Reuters) - The president will visit Santiago in July, according to a Peruvian "
                 "official."] == ("Peruvian official", "according_to")
    assert found["The talks will resume in September, according to the foreign ministry."] == \
        ("Peruvian foreign ministry", "according_to")


def test_a_sentence_that_says_someone_did_not_speak_attributes_no_quotation_before_it():
    found = explained('"The border will be settled by peaceful means," Ana Ruiz told reporters. '
                      '"We do not want war."\n\nTom Hale did not speak to reporters.')
    assert found['"We do not want war."'] == ("Ana Ruiz", "quotation")


def test_it_said_after_an_institutions_sentence_goes_on_reporting_for_it():
    found = explained("The foreign ministry said on Friday that 40,000 people had fled. It said it needed "
                      "$120 million for shelter.\n\nThe talks ended on Friday, the two sides said. It said nothing more.",
                      place="Lima")
    assert found["It said it needed $120 million for shelter."] == ("Peruvian foreign ministry", "continuation")
    assert found["It said nothing more."] == (None, "narrator")  # not a group of people


def test_a_speechs_own_i_does_not_go_on_in_the_voice_of_those_it_reports():
    found = explained("We meet in hard times. Ghana has stated its position that it will cut tariffs. "
                      "I am convinced that the plan will work. It is a fact that we need roads.\n\n"
                      "Ghana expressed the hope that tariffs would fall. In my view, that is wise.\n\n"
                      "Ghana expressed the hope that tariffs would fall. This is a step forward for World War I veterans.")
    assert found["I am convinced that the plan will work."] == (None, "narrator")
    assert found["In my view, that is wise."] == (None, "narrator")
    assert found["It is a fact that we need roads."] == (None, "narrator")  # after the speech's own "I"
    assert found["This is a step forward for World War I veterans."][0] == "Ghana"  # a number, no one's "I"


def test_a_cue_in_a_clause_of_condition_opening_the_sentence_frames_nothing():
    found = explained("If Ghana says no, the deal will collapse.\n\n"
                      "Unless Togo agrees, the plan fails.\n\n"
                      "If confirmed, Ama Mensah said she would serve.\n\n"
                      "If Ghana objects, Ama Mensah said, the talks will stop.")
    assert found["If Ghana says no, the deal will collapse."] == (None, "narrator")
    assert found["Unless Togo agrees, the plan fails."] == (None, "narrator")
    assert found["If confirmed, Ama Mensah said she would serve."][0] == "Ama Mensah"
    assert found["If Ghana objects, Ama Mensah said, the talks will stop."][0] == "Ama Mensah"
