"""Who holds a stance act, how it was found, and whom it is about, on sentences the project writes."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from dipcli.cli import app
from dipcli.stance import stance_pairs

from builders import NEWS, one_act, stance_acts

# sentence, holder, holder_via, polarity, entities the target is about
CASES = [
    # narration: the subject holds it, past adverbs, time phrases and an aside
    ("Okafor has slammed Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor has long accused Brandt of stalling the bill.", "Tamsin Okafor", "subject", "oppose",
     ["Elias Brandt"]),
    ("Okafor on Tuesday praised the Canadian rail regulator.", "Tamsin Okafor", "subject", "support", ["Canada"]),
    ("Okafor, who chairs the transport committee, criticized Brandt.", "Tamsin Okafor", "subject", "oppose",
     ["Elias Brandt"]),
    ("Okafor, a former judge, endorsed the Mexican proposal.", "Tamsin Okafor", "subject", "support", ["Mexico"]),
    # verbs of news reports: criticism, questioning, promotion, legal pressure
    ("Okafor dinged Brandt for the delay.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor ripped into Brandt on Friday.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor touted the Mexican proposal.", "Tamsin Okafor", "subject", "support", ["Mexico"]),
    # negation kept
    ("Okafor did not support the Danish tender.", "Tamsin Okafor", "subject", "oppose", ["Denmark"]),
    ("Okafor refused to endorse Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    # the verb in a relative clause or an infinitive
    ("The bill was drafted by Brandt, who opposed the Irish amendment.", "Elias Brandt", "relative", "oppose",
     ["Ireland"]),
    ("Okafor used the hearing to attack Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor starts to lash out at Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor has begun to push back against Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    # an intensive pronoun after the subject
    ("Okafor herself supports the Danish tender.", "Tamsin Okafor", "subject", "support", ["Denmark"]),
    # passive: the agent of the by-phrase; the target is the passive's subject
    ("Brandt was praised by Okafor.", "Tamsin Okafor", "by-agent", "support", ["Elias Brandt"]),
    ("Brandt was accused by Sen. Okafor of stalling the bill.", "Tamsin Okafor", "by-agent", "oppose",
     ["Elias Brandt"]),
    ("When Brandt rose to speak, he was praised by Okafor.", "Tamsin Okafor", "by-agent", "support",
     ["Elias Brandt"]),
    ("Brandt was praised by Republican presidential hopeful Tamsin Okafor.", "Tamsin Okafor", "by-agent", "support",
     ["Elias Brandt"]),
    # a stance received, held by its source
    ("Brandt has come under sharp criticism from Okafor.", "Tamsin Okafor", "source", "oppose", ["Elias Brandt"]),
    ("Brandt drew sharp criticism from Okafor.", "Tamsin Okafor", "source", "oppose", ["Elias Brandt"]),
    # a stance noun and its holder
    ("Okafor's criticism of Brandt grew louder.", "Tamsin Okafor", "possessive", "oppose", ["Elias Brandt"]),
    # a pronoun resolved in the narration's own sentence
    ("Okafor stood up when she attacked Brandt.", "Tamsin Okafor", "pronoun", "oppose", ["Elias Brandt"]),
    # coordinated verbs share their subject
    ("Okafor questioned the budget and blamed Brandt for the delay.", "Tamsin Okafor", "subject", "oppose",
     ["Elias Brandt"]),
    # the object feels it: the subject is the target
    ("The rail bill angered Okafor.", "Tamsin Okafor", "object", "oppose", []),
    # a noun that names its holder by the stance
    ("Okafor, a longtime ally of Brandt, spoke first.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    ("Okafor, a 62-year-old Brandt critic, spoke first.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor has emerged as one of Brandt's fiercest critics.", "Tamsin Okafor", "subject", "oppose",
     ["Elias Brandt"]),
    # a label with an evaluative word: the labeller holds it, what is labelled is the target
    ("Okafor called Brandt a reckless gambler.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor described the Danish tender as a triumph of good sense.", "Tamsin Okafor", "subject", "support",
     ["Denmark"]),
    ("Brandt was branded \"unfit\" for office by Okafor.", "Tamsin Okafor", "by-agent", "oppose", ["Elias Brandt"]),
    # cue families new in issue 13
    ("Okafor took aim at Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor sided with Brandt.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    ("Okafor came out in support of Brandt.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    ("Okafor has chastised Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Ohio senators rallied around Brandt.", "Ohio senators", "subject", "support", ["Elias Brandt"]),
    ("Okafor threw her support behind Brandt.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    ("Okafor has been critical about the Danish tender.", "Tamsin Okafor", "subject", "oppose", ["Denmark"]),
    # an honorific's dot does not end the target, nor an initial's the aside before the verb
    ("Okafor praised Mr. Brandt for the compromise.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    ("The caucus leader, Tamsin J. Okafor, praised Brandt.", "Tamsin Okafor", "subject", "support",
     ["Elias Brandt"]),
    # what a holder speaks through: a report's or an office's stance is its owner's
    ("A new Okafor report accused Brandt of stalling the bill.", "Tamsin Okafor", "subject", "oppose",
     ["Elias Brandt"]),
    # (an office is named as attribution names it, "X’s office", standing for X: see below)
    ("Okafor's office condemned Brandt.", "Tamsin Okafor’s office", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor filed a complaint accusing Brandt of fraud.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    # the object of the verb before does what a gerund after "for" or "of" says
    ("Reporters questioned Okafor for attacking Brandt.", "Tamsin Okafor", "object", "oppose", ["Elias Brandt"]),
    # "with X doing", a subject before its place, a name among coordinated subjects
    ("The session ended, with several Ohio senators accusing Brandt of delay.", "Ohio senators",
     "subject", "oppose", ["Elias Brandt"]),
    ("Senators in Ohio have criticized Brandt.", "senators in Ohio", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor and the freight lobby endorsed Brandt.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    # a name before a relational noun; a verb governed by an expectation
    ("Okafor has been a vocal Brandt supporter.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    ("Okafor is no fan of Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor is no supporter of Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor is expected to endorse Brandt.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    # a received stance's target may end in a word that is also a verb; a role before the agent's name
    ("The plan faced sharp criticism from Okafor.", "Tamsin Okafor", "source", "oppose", []),
    ("Brandt was praised by Ohio senator Tamsin Okafor.", "Tamsin Okafor", "by-agent", "support",
     ["Elias Brandt"]),
    # a participle that names its agent describes the noun before it, the target
    ("Brandt, criticised sharply by Okafor, left the hearing.", "Tamsin Okafor", "by-agent", "oppose",
     ["Elias Brandt"]),
    ("Freight firms moved to the Danish tender backed by Okafor.", "Tamsin Okafor", "by-agent", "support",
     ["Denmark"]),
    # an allegation or a lament is a position against what it says happened
    ("Okafor alleged that Brandt had hidden the rail audit.", "Tamsin Okafor", "subject", "oppose",
     ["Elias Brandt"]),
    ("Okafor lamented that Brandt had stalled the bill.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    # bodies that hold positions: a monarchy, a junta, a cabinet, companies
    ("The Danish monarchy accused Brandt of meddling.", "Danish monarchy", "subject", "oppose", ["Elias Brandt"]),
    # a participle after a progressive clause is its subject's
    ("Okafor is openly challenging Brandt, accusing him of stalling the bill.", "Tamsin Okafor", "subject",
     "oppose", ["Elias Brandt"]),
    # a singular agent noun, past an adverb that does not end in -ly
    ("The rail bill's main opponent nonetheless praised Brandt.", "main opponent", "subject", "support",
     ["Elias Brandt"]),
    # an irregular past before "and" is the subject's first verb; "was" in a reported clause is not
    ("Okafor had lost the vote and had criticized Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    # where the holder spoke stands between it and its verb
    ("Okafor in a statement praised Brandt.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    # a question word is not part of the subject after it
    ("Reporters asked how Ohio senators could support the Danish tender.", "Ohio senators", "subject", "support",
     ["Denmark"]),
    # "whom" is the object of the verb after its subject: the noun phrase before it is the target
    ("Brandt, whom Okafor endorsed last year, lost the vote.", "Tamsin Okafor", "subject", "support",
     ["Elias Brandt"]),
    # a stance received through what the subject did: the source holds it
    ("Brandt's levy prompted an attack from Okafor.", "Tamsin Okafor", "source", "oppose", ["Elias Brandt"]),
    ("Brandt vetoed the bill, drawing fire from Okafor.", "Tamsin Okafor", "source", "oppose", ["Elias Brandt"]),
    # idioms of attack and of rallying, lobbying
    ("Okafor took issue with Brandt's levy.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor pointed the finger at Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Ohio senators closed ranks behind Brandt.", "Ohio senators", "subject", "support", ["Elias Brandt"]),
    ("Okafor has been lobbying against the Danish tender.", "Tamsin Okafor", "subject", "oppose", ["Denmark"]),
    ("Okafor broke with Brandt over the levy.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor has stumped for Brandt across Ohio.", "Tamsin Okafor", "subject", "support", ["Elias Brandt", "Ohio"]),
    ("Okafor disavowed Brandt.", "Tamsin Okafor", "subject", "oppose", ["Elias Brandt"]),
    ("Okafor complimented Brandt on the compromise.", "Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
    # a role after "as" between a name and its verb
    ("Okafor as governor has repeatedly praised the Danish tender.", "Tamsin Okafor", "subject", "support",
     ["Denmark"]),
    # the one a causative verb moves to act holds the act after "to"
    ("The levy prompted Ohio senators to condemn Brandt.", "Ohio senators", "subject", "oppose", ["Elias Brandt"]),
    # an establishment holds positions
    ("The Vermont establishment blamed Brandt for the delay.", "Vermont establishment", "subject", "oppose",
     ["Elias Brandt"]),
    # a capitalised word in -ly inside the sentence is a name, not an adverb between subject and verb
    ("Transport chief Dana Kinnerly on Tuesday night dinged Brandt.", "Dana Kinnerly", "subject", "oppose",
     ["Elias Brandt"]),
    # the plural of a word for people or a body holds as the word does
    ("Teachers' unions in Vermont have criticized Brandt.", "Teachers' unions", "subject", "oppose", ["Elias Brandt"]),
    ("Several sheriffs praised Okafor.", "sheriffs", "subject", "support", ["Tamsin Okafor"]),
    # a plural's possessive mark and a verb's form after a determiner stay inside the by-agent
    ("Okafor was backed by several farmers' groups.", "farmers' groups", "by-agent", "support", ["Tamsin Okafor"]),
    ("Brandt was criticized by the state police union.", "state police union", "by-agent", "oppose",
     ["Elias Brandt"]),
    # people and bodies named by role: soldiers, forces, tribes, witnesses, a general, a defendant
    ("The witnesses who criticized Brandt left early.", "witnesses", "relative", "oppose", ["Elias Brandt"]),
    ("The general sharply rejected Brandt's levy.", "general", "subject", "oppose", ["Elias Brandt"]),
    ("Vermont forces attacked the Danish depot.", "Vermont forces", "subject", "oppose", ["Denmark"]),
    ("The levy stalled when the tribes denounced Brandt.", "tribes", "subject", "oppose", ["Elias Brandt"]),
]


@pytest.mark.parametrize(("sentence", "holder", "via", "polarity", "entities"), CASES)
def test_the_holder_is_the_agent_of_the_stance(sentence, holder, via, polarity, entities):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.holder_via, s.polarity, s.entities) == (holder, via, polarity, entities)
    assert s.holder_start is not None  # the sentence names the holder: its offsets are the evidence


def test_a_subject_pronoun_after_a_word_that_is_also_a_preposition_is_the_subject():
    # narration with no speaker: "she" after "after" is the subject of "criticized", not an object of "after"
    s = one_act("Okafor walked out after she criticized Brandt.")
    assert (s.speaker, s.holder, s.holder_via, s.polarity, s.target) == (None, "Okafor", "pronoun", "oppose", "Brandt")
    assert stance_acts("Okafor walked out after the criticism of Brandt.") == []


def test_an_auxiliary_after_a_pronoun_is_the_finite_verb():
    # the speaker's "I would like to …", not the one addressed before it
    s = one_act(NEWS + "\u201cGovernor Brandt, I would like to congratulate you on the compromise,\u201d Okafor said.")
    assert (s.holder, s.holder_via, s.polarity) == ("Tamsin Okafor", "speaker", "support")


def test_a_participle_after_an_object_is_the_clause_subjects():
    s = one_act(NEWS + "Okafor spent the week drafting amendments and signed a bill supporting the Danish tender.")
    assert (s.holder, s.holder_via, s.polarity, s.entities) == ("Tamsin Okafor", "subject", "support", ["Denmark"])
    s = one_act(NEWS + "Okafor ran television spots attacking Brandt.")
    assert (s.holder, s.polarity, s.entities) == ("Tamsin Okafor", "oppose", ["Elias Brandt"])


def test_a_day_between_a_verb_and_its_particle_is_no_object():
    s = one_act(NEWS + "Okafor called on Monday for a review of the Danish tender.")
    assert (s.polarity, s.cue, s.target) == ("support", "called on Monday for", "a review of the Danish tender")
    assert stance_acts(NEWS + "Okafor insisted on Thursday that the bill was fair.") == []


def test_an_opening_adverb_is_no_name():
    from dipcli.stance.tokens import Tokens

    tk = Tokens("Later in the day, Okafor criticized Brandt.")
    assert not tk.name(0) and tk.name(5)
    assert not Tokens("Maybe Okafor will criticize Brandt.").name(0)


def test_a_participle_clause_that_opens_the_sentence_is_the_subjects_after_it():
    s = one_act(NEWS + "Taking aim at Brandt, the Ohio senators voted against the levy.")
    assert (s.holder, s.holder_via, s.polarity, s.target) == ("Ohio senators", "subject", "oppose", "Brandt")


def test_an_office_holds_a_stance_for_its_owner():
    s = one_act(NEWS + "Okafor's office condemned Brandt.")
    assert s.holder == "Tamsin Okafor’s office" and "Tamsin Okafor" in s.members


def test_reported_speech_is_the_speakers_and_a_named_agent_is_its_own():
    s = one_act(NEWS + "\u201cWe will never accept the new levy,\u201d Okafor said.")
    assert (s.speaker, s.holder, s.holder_via, s.polarity) == ("Tamsin Okafor", "Tamsin Okafor", "speaker", "oppose")
    assert s.holder_start is None
    s = one_act(NEWS + "Okafor said the state committee would never accept the new levy.")
    assert (s.speaker, s.holder_via) == ("Tamsin Okafor", "subject") and "committee" in s.holder
    s = one_act(NEWS + "Okafor said Brandt had condemned the strike.")
    assert (s.speaker, s.holder, s.holder_via) == ("Tamsin Okafor", "Elias Brandt", "subject")
    assert s.holder_start is not None and s.members == ["Elias Brandt"]


def test_an_obligation_is_the_speakers_position():
    s = one_act(NEWS + "Okafor said the two states must respect the rail treaty.")
    assert (s.holder, s.holder_via, s.target) == ("Tamsin Okafor", "speaker", "the rail treaty")
    s = one_act(NEWS + "Okafor said the rights of shippers must be respected.")
    assert (s.holder, s.cue, s.target) == ("Tamsin Okafor", "must be respected", "the rights of shippers")


def test_a_pronouns_antecedent_may_open_the_sentence_before_an_aside():
    s = one_act("Okafor, on the other hand, has indicated that she supports the Danish tender.")
    assert (s.holder, s.holder_via, s.polarity, s.entities) == ("Okafor", "pronoun", "support", ["Denmark"])
    # a place before the comma is no antecedent
    assert [s.holder for s in stance_acts("In Ohio, she has long supported the Danish tender.")] in ([], ["she"])


def test_a_stance_word_before_its_own_verb_is_a_noun():
    assert stance_acts(NEWS + "Ohio advocates said the freight rail bill would cut costs.") == []
    assert stance_acts(NEWS + "Popular support for the bill is growing in Vermont.") == []
    assert one_act(NEWS + "Okafor supports the Danish tender.").polarity == "support"


def test_an_exhortation_with_let_us_is_the_speakers_position():
    s = one_act(NEWS + "\u201cLet us uphold the Danish tender,\u201d Okafor said.")
    assert (s.holder, s.holder_via, s.polarity, s.entities) == ("Tamsin Okafor", "speaker", "support", ["Denmark"])


def test_object_first_clause_holds_its_subject():
    s = one_act(NEWS + "Brandt signed the waiver, which Canada welcomed.")
    assert (s.holder, s.polarity, s.target) == ("Canada", "support", "Brandt signed the waiver")


def test_you_is_the_one_addressed_never_the_speaker():
    text = "REPORTER: You touted the Danish tender last week. Do you still back it?"
    assert [(s.holder, s.cue) for s in stance_acts(text) if s.cue == "touted"] == []


def test_narration_without_an_agent_states_no_position():
    assert stance_acts(NEWS + "The bill was criticized.") == []
    assert stance_acts(NEWS + "Support for the bill was discussed at length.") == []


def test_entities_carry_their_offsets_and_a_pronoun_its_person():
    text = NEWS + "Okafor denounced Brandt's plan and his budget."
    s = one_act(text)
    assert [(m.name, m.kind, m.text) for m in s.about] == [("Elias Brandt", "person", "Brandt"),
                                                           ("Elias Brandt", "person", "his")]
    assert s.entities == ["Elias Brandt"]


def test_a_capital_that_acts_is_its_government_and_one_that_is_a_place_is_not():
    s = one_act(NEWS + "Okafor condemned Ottawa’s new tariffs.")
    assert [(m.name, m.kind, m.text) for m in s.about] == [("Canada", "country", "Ottawa")]
    s = one_act(NEWS + "Okafor praised the summit in Ottawa.")
    assert [(m.kind, m.text) for m in s.about] == [("name", "Ottawa")]


def test_a_capital_that_is_the_object_itself_is_its_government():
    s = one_act(NEWS + "Okafor accused Ottawa of stalling the talks.")
    assert [(m.name, m.kind, m.text) for m in s.about] == [("Canada", "country", "Ottawa")]
    s = one_act(NEWS + "Okafor backed the Ottawa treaty on landmines.")
    assert [(m.kind, m.text) for m in s.about] != [("country", "Ottawa")]


def test_pairs_count_holder_and_entity_with_evidence():
    found = stance_acts(NEWS + "Okafor slammed Brandt. Okafor later praised Brandt. Brandt criticized Canada.")
    rows = stance_pairs(found)
    assert [(r["holder"], r["entity"], r["cell"]) for r in rows] == [
        ("Tamsin Okafor", "Elias Brandt", "+1/\u22121"), ("Elias Brandt", "Canada", "\u22121")]
    evidence = rows[0]["evidence"]
    assert [e["polarity"] for e in evidence] == ["oppose", "support"]
    assert all(e["cue_start"] < e["cue_end"] and e["entity_start"] < e["entity_end"] for e in evidence)


RUN_TEXT = NEWS + "Okafor slammed Brandt. Brandt was praised by Canada."


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_pairs_in_every_format(fmt):
    result = CliRunner().invoke(app, ["stance", "-", "--pairs", "--format", fmt, "--no-cache"], input=RUN_TEXT)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        rows = json.loads(out)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        for r in rows:
            r["evidence"] = json.loads(r["evidence"])
    else:
        assert "Tamsin Okafor" in out and "Elias Brandt" in out and "Canada" in out
        return
    pairs = {(r["holder"], r["entity"]): r for r in rows}
    assert set(pairs) == {("Tamsin Okafor", "Elias Brandt"), ("Canada", "Elias Brandt")}
    assert int(pairs[("Canada", "Elias Brandt")]["support"]) == 1
    assert int(pairs[("Tamsin Okafor", "Elias Brandt")]["oppose"]) == 1
    ev = pairs[("Canada", "Elias Brandt")]["evidence"][0]
    assert RUN_TEXT[ev["entity_start"]:ev["entity_end"]] == "Brandt"


def test_matrix_by_entity_is_by_holder():
    result = CliRunner().invoke(app, ["stance", "-", "--matrix", "--by-entity", "--format", "json", "--no-cache"],
                                input=RUN_TEXT)
    rows = json.loads(result.stdout)
    assert {(r["holder"], r["entity"], r["cell"]) for r in rows} == {
        ("Tamsin Okafor", "Elias Brandt", "\u22121"), ("Canada", "Elias Brandt", "+1")}


def test_a_pronoun_in_the_target_names_whom_it_stands_for():
    # a surname the article never names in full is kept as written
    s = one_act("Vance opened the hearing, and the unions accused him of delay.")
    assert (s.holder, s.target, s.entities) == ("unions", "him", ["Vance"])
    # "them": the group named last before it, not the holder
    s = one_act("The Teamsters signed the deal, and Okafor blamed them for the delay.")
    assert (s.holder, s.polarity, s.entities) == ("Okafor", "oppose", ["Teamsters"])
    assert s.about[0].text == "them"


def test_a_question_states_no_position():
    assert stance_acts(NEWS + "Will Okafor support the freight rail bill?") == []
    assert stance_acts(NEWS + "Can the governor endorse the Danish tender?") == []
    s = one_act(NEWS + "Okafor will support the freight rail bill.")
    assert (s.holder, s.polarity) == ("Tamsin Okafor", "support")


def test_an_act_inside_a_reason_is_held_by_the_one_praised_or_blamed():
    found = stance_acts(NEWS + "Okafor praised Brandt for supporting the Danish tender.")
    assert [(s.holder, s.holder_via, s.polarity, s.entities) for s in found] == [
        ("Tamsin Okafor", "subject", "support", ["Elias Brandt"]),
        ("Elias Brandt", "object", "support", ["Denmark"])]
    found = stance_acts(NEWS + "Okafor accused Brandt of opposing the Danish tender.")
    assert [(s.holder, s.polarity, s.entities) for s in found] == [
        ("Tamsin Okafor", "oppose", ["Elias Brandt"]), ("Elias Brandt", "oppose", ["Denmark"])]
    # thanks keep what they are for: no second act
    assert len(stance_acts(NEWS + "Okafor thanked Brandt for supporting the Danish tender.")) == 1


def test_an_act_inside_a_reason_may_have_a_reason_of_its_own():
    # the verb of the reason takes a reason too ("blamed X for Y"): its target ends where that begins
    found = stance_acts(NEWS + "Okafor criticized Brandt for blaming the Danish tender for the delays.")
    assert [(s.holder, s.holder_via, s.polarity, s.target) for s in found] == [
        ("Tamsin Okafor", "subject", "oppose", "Brandt"),
        ("Elias Brandt", "object", "oppose", "the Danish tender")]
    found = stance_acts(NEWS + "Okafor skewered Brandt for attacking the Danish tender.")
    assert [(s.holder, s.polarity, s.entities) for s in found] == [
        ("Tamsin Okafor", "oppose", ["Elias Brandt"]), ("Elias Brandt", "oppose", ["Denmark"])]
    # thanks inside the reason keep what they are for
    found = stance_acts(NEWS + "Okafor faulted Brandt for thanking the Danish envoy for the tender.")
    assert [(s.holder, s.target) for s in found][1] == ("Elias Brandt", "the Danish envoy for the tender")


def test_a_pronoun_resolves_across_a_title_and_an_opener_is_no_holder():
    from dipcli.stance.acts import _antecedent
    from dipcli.stance.holders import Holder
    from dipcli.stance.tokens import Tokens

    tk = Tokens("Mrs. Okafor kept her doubts private, and she later attacked Brandt.")
    she = tk.low.index("she")
    found = _antecedent(tk, Holder(she, she + 1, "pronoun"))
    assert found is not None and tk.raws[found.start:found.end] == ["Mrs", ".", "Okafor"]
    # a capitalised opener is no name: "More attacks will …" is no one's act
    assert stance_acts(NEWS + "More attacks will focus on the freight rail bill.") == []


def test_a_verdict_in_someones_words_is_theirs_on_a_named_subject():
    s = one_act(NEWS + "\"Brandt is a reckless gambler,\" Okafor said.")
    assert (s.holder, s.holder_via, s.polarity, s.entities) == ("Tamsin Okafor", "speaker", "oppose", ["Elias Brandt"])
    # no named subject, a negated verdict, or the subject's own attitude: no act
    assert stance_acts(NEWS + "\"History is the best teacher,\" Okafor said.") == []
    assert stance_acts(NEWS + "\"Brandt is not a reckless man,\" Okafor said.") == []
    assert stance_acts(NEWS + "\"Vermont is positive about the bill,\" Okafor said.") == []


def test_a_verdict_on_what_a_named_owner_did_opening_the_sentence_is_theirs():
    # "Brandt's remarks" opens the sentence; a verb's form after an owner is a noun ("remarks")
    s = one_act(NEWS + "Brandt's remarks were reckless, Okafor said.")
    assert (s.holder, s.polarity, s.target, s.entities) == ("Tamsin Okafor", "oppose", "Brandt's remarks",
                                                            ["Elias Brandt"])



def test_a_delegates_own_state_holds_as_the_delegates_country():
    found = stance_acts("The representative of Peru said his delegation would vote against the text. "
                 "Her country firmly opposed the sanctions, the delegate of Chile said.")
    holders = {(s.holder, s.target) for s in found}
    assert ("Peru", "the text") in holders
    assert ("Chile", "the sanctions") in holders


def test_what_a_holder_speaks_through_in_the_plural_is_no_holder():
    # "statements accusing X" are their issuer's: the plural of a document word is not an agent
    s = one_act(NEWS + "Okafor released multiple statements accusing Brandt of delay.")
    assert (s.holder, s.polarity, s.entities) == ("Tamsin Okafor", "oppose", ["Elias Brandt"])


def test_a_participle_with_its_agent_is_no_verb_a_coordinated_verb_shares():
    # "… persons held by the carriers, and backed X": the subject of "urged", not the persons
    s = stance_acts(NEWS + "Okafor urged the release of persons held by the carriers and backed the Danish tender.")[-1]
    assert (s.holder, s.cue, s.entities) == ("Tamsin Okafor", "backed", ["Denmark"])


def test_a_member_of_an_inclusion_list_is_no_subject_a_participle_hangs_on():
    # "…, including unions financed by the carriers, supporting X": the signer supports X
    s = one_act(NEWS + "Okafor signed a letter with other senators, including unions financed by the carriers, "
                   "supporting the Danish tender.")
    assert (s.holder, s.polarity, s.entities) == ("Tamsin Okafor", "support", ["Denmark"])


def test_the_agent_before_where_it_is_holds_not_the_place():
    # "A pastor outside the state capitol", "The rabbi leading the vigil outside the White House", "a pastor
    # speaking at a vigil in Lyon": the one before the place (and a participle's object) holds the act
    for sentence, holder in (("A pastor outside the state capitol criticized Brandt.", "pastor"),
                             ("The rabbi leading the vigil outside the White House ripped into Brandt.", "rabbi"),
                             ("A pastor speaking at a vigil in Lyon criticized Brandt.", "pastor"),
                             ("Protesters at the hearing in Montpelier denounced Brandt.", "Protesters")):
        s = one_act(NEWS + sentence)
        assert (s.holder, s.holder_via, s.polarity, s.entities) == (holder, "subject", "oppose", ["Elias Brandt"])
    # no agent before the place: nobody holds it
    assert stance_acts("Efforts at the state level denounced Brandt.") == []
    assert stance_acts("Standing in the state capitol encourages Brandt.") == []


def test_a_name_set_off_after_a_description_holds_and_it_after_said_is_the_speaker():
    # "The governor of Vermont, Elias Brandt, …": the name after the description, not the place in it
    s = one_act("Report\n\nThe governor of Vermont, Elias Brandt, took aim at the freight rail bill.")
    assert (s.holder, s.polarity, s.target) == ("Elias Brandt", "oppose", "the freight rail bill")
    # "the ministry said it welcomed …": "it" is the one who speaks, not someone else's verb
    found = stance_acts("Report\n\nPortugal's foreign ministry said it welcomed the freight rail bill.")
    assert [(s.holder, s.polarity, s.target) for s in found] == [("Portugal", "support", "the freight rail bill")]


def test_a_relative_clause_on_an_agent_is_the_antecedents_stance():
    # "which" and "that" after a body or a people word hold as "who" does; a singular agent's verb in -s
    for sentence, holder in (("The rail union, which backs Brandt, met on Tuesday.", "rail union"),
                             ("Farmers that oppose Brandt marched on Tuesday.", "Farmers"),
                             ("The Lindqvist family supports Brandt.", "Lindqvist family")):
        s = one_act(NEWS + sentence)
        assert (s.holder, s.entities) == (holder, ["Elias Brandt"])
    # a thing's relative clause is nobody's; a document's is its issuer's, not the document's
    assert stance_acts(NEWS + "The bill, which backs the ports, passed.") == []
    s = one_act(NEWS + "Okafor issued a statement, which denounced Brandt.")
    assert (s.holder, s.polarity, s.entities) == ("Tamsin Okafor", "oppose", ["Elias Brandt"])
    s = one_act(NEWS + "Okafor posted a reply that assailed Brandt.")
    assert (s.holder, s.polarity, s.entities) == ("Tamsin Okafor", "oppose", ["Elias Brandt"])


def test_a_people_word_that_is_also_a_verb_ends_a_subject():
    # "host" is also a verb: after a determiner or a name it is the subject's head
    s = one_act(NEWS + "The radio host accused Brandt of delay.")
    assert (s.holder, s.polarity, s.entities) == ("radio host", "oppose", ["Elias Brandt"])


def test_a_statement_a_graded_adjective_and_a_reported_it_reach_their_holder():
    # "drafted a statement accusing X": the drafter's; "has been very critical of X": "very" is no subject;
    # "said it respects X": "it" after a speech verb is the speaker's voice, so "respects" is a verb
    s = one_act(NEWS + "Okafor drafted a statement accusing Brandt of delay.")
    assert (s.holder, s.polarity, s.entities) == ("Tamsin Okafor", "oppose", ["Elias Brandt"])
    s = one_act(NEWS + "Okafor has been very critical of Brandt.")
    assert (s.holder, s.polarity, s.cue, s.entities) == ("Tamsin Okafor", "oppose", "critical of", ["Elias Brandt"])
    s = one_act(NEWS + "The Vermont Senate said it respects Brandt.")
    assert (s.holder, s.polarity, s.entities) == ("Vermont Senate", "support", ["Elias Brandt"])
    s = one_act(NEWS + "Okafor's criticisms of Brandt grew.")
    assert (s.holder, s.polarity, s.cue) == ("Tamsin Okafor", "oppose", "criticisms of")


def test_a_contracted_is_after_a_pronoun_is_no_possessive_and_a_community_holds():
    # "he’s supporting X": "he’s" is "he is", not a possessive before a noun
    s = one_act(NEWS + "Okafor said he’s supporting Brandt.")
    assert (s.holder, s.polarity, s.cue, s.entities) == ("Tamsin Okafor", "support", "supporting", ["Elias Brandt"])
    # a community before its place holds what it expresses
    s = one_act(NEWS + "Members of the farming community in Vermont expressed support for Brandt.")
    assert (s.holder, s.polarity, s.entities) == ("Members of the farming community", "support", ["Elias Brandt"])


def test_an_aside_after_a_parenthesis_is_skipped_to_the_subject():
    # "Senator X (D-Ohio), like Y, criticized Z": the name before the parenthesis holds the act
    s = one_act(NEWS + "Okafor (D-Ohio), like many colleagues, sharply criticized Brandt.")
    assert (s.holder, s.polarity, s.entities) == ("Tamsin Okafor", "oppose", ["Elias Brandt"])


def test_it_after_a_speech_verb_is_the_sayer_when_attribution_names_none():
    # "the council said (in a statement, on Monday) it supports X": the council, whose words attribution
    # gives to nobody; a quoted verb after "it" is still its verb; a report's "it" is itself, no one's
    for sentence, holder, polarity in (
            ("The port council said in a statement it supports Brandt.", "port council", "support"),
            ("The rail union said on Monday that it “strongly opposes” Brandt.", "rail union", "oppose"),
            ("The port council said it 'fully supports' Brandt.", "port council", "support")):
        s = one_act(NEWS + sentence)
        assert (s.holder, s.polarity, s.entities) == (holder, polarity, ["Elias Brandt"])
    assert stance_acts(NEWS + "The report said it supports Brandt.") == []


def test_a_list_subject_holds_as_all_its_named_items():
    # "A, B, C and other speakers attacked X": every named item of the list, not the last alone
    s = one_act(NEWS + "At the rally, the farmer Anna Berg, the pilot Tom Hale and other speakers sharply attacked Brandt.")
    assert (s.holder, s.polarity, s.entities) == ("Anna Berg and Tom Hale and speakers", "oppose", ["Elias Brandt"])
    assert {"Anna Berg", "Tom Hale"} <= set(s.members)
    # a place or a purpose before the comma is no item of the list
    s = one_act(NEWS + "In Vermont Harbour, Anna Berg and other farmers sharply attacked Brandt.")
    assert s.holder == "Anna Berg and other farmers"  # (a plural of people is a group: 90e2dea)


def test_a_number_opening_the_sentence_is_no_antecedent_of_a_pronoun():
    # "Two years ago, he attacked X": "Two" names no one; the pronoun goes to the person named before
    s = one_act(NEWS + "Two years ago, he attacked the port authority.")
    assert s.holder != "Two" and s.holder in ("Elias Brandt", "Tamsin Okafor")
    s = one_act(NEWS + "Brandt lost the vote, and he attacked the port authority.")
    assert s.holder == "Elias Brandt"


def test_a_noun_phrase_subject_that_names_no_one_leaves_the_act_to_no_one():
    # "the rapper accused him …, Okafor said": the act is the phrase's, not the trailing speaker's;
    # "the findings do not support X" is no one's position
    assert stance_acts(NEWS + "The findings do not support Brandt's plan, Okafor said.") == []
    assert stance_acts(NEWS + "Okafor said the rapper accused Brandt of lying.") == []
    # "it", the first person and a word misread as the subject still leave it to the speaker
    for sentence in ("Okafor said it strongly supports Brandt.",
                     "“Two of us agreed to support Brandt,” Okafor said.",
                     "“We are two large democracies committed to Brandt,” Okafor said.",
                     "“Our joint work on the rail and freight codes has always supported Brandt,” Okafor said.",
                     "“The senator has all along abided by the rail code,” Okafor said."):
        s = one_act(NEWS + sentence)
        assert (s.holder, s.holder_via) == ("Tamsin Okafor", "speaker"), sentence


def test_the_target_of_a_verb_in_a_relative_clause_ends_at_the_main_verb():
    # "groups that have endorsed him say …": the act's object is "him", not the main clause after it
    s = one_act(NEWS + "Farm unions that have endorsed Brandt say the rail bill will fail.")
    assert (s.holder, s.target) == ("Farm unions", "Brandt")
    s = one_act(NEWS + "Farm unions who back Brandt found plenty to criticize in the rail bill.")
    assert s.target == "Brandt"
    # the verbs of a clause inside the object are its own
    s = one_act(NEWS + "Farm unions who support the claim that the vote was stolen, some of them rail workers, met.")
    assert s.target == "the claim that the vote was stolen"


def test_an_agent_after_after_or_before_is_the_subject_of_the_clause_it_opens():
    # "a day after X accused Y": X, not the speaker of the sentence nor no one
    s = one_act(NEWS + "Okafor spoke to reporters a day after the rail union accused Brandt of lying, she said.")
    assert (s.holder, s.holder_via, s.target) == ("rail union", "subject", "Brandt")
    # a copula's subject holds nothing
    assert stance_acts(NEWS + "The vote came before the declaration was against the rules.") == []


def test_a_name_that_modifies_a_noun_is_no_antecedent_of_a_pronoun():
    # "Vermont farmers' … his criticism": "Vermont" names no one who could be "his"; nor does a
    # participle opening the sentence ("Straying from the script, …")
    for sentence in ("Vermont farmers’ decision to hire Brandt seems fitting given his criticism of the port authority.",
                     "Straying from the script, the candidate renewed his attacks on the port authority."):
        assert all(s.holder not in ("Vermont", "Straying") for s in stance_acts(NEWS + sentence)), sentence


def test_a_target_ends_before_a_coordinated_that_clause():
    # "waited too long to denounce X and that the senator's support showed …": X
    s = one_act(NEWS + "Okafor has said the mayor waited too long to denounce Brandt and that his record showed weakness.")
    assert s.target == "Brandt"


def test_a_relative_clause_after_a_description_beside_a_name_is_the_names():
    s = one_act(NEWS + "Dana Kinnerly, the transport chief who criticized Brandt, resigned.")
    assert (s.holder, s.holder_via, s.polarity, s.entities) == ("Dana Kinnerly", "relative", "oppose", ["Elias Brandt"])
    # a name after a preposition, or a list, is no apposition
    s = one_act(NEWS + "Speaking to Reuters, the official who criticized Brandt left.")
    assert s.holder == "official"
    s = one_act(NEWS + "Vermont, the farmers and the unions who criticized Brandt met.")
    assert s.holder != "Vermont"


def test_a_participle_after_a_clause_whose_subject_is_a_name_beside_a_description_is_the_names():
    s = one_act(NEWS + "The owner of the depots, Kinnerly Freight, filed a suit in federal court, accusing Brandt of fraud.")
    assert (s.holder, s.holder_via, s.polarity, s.entities) == ("Kinnerly Freight", "subject", "oppose", ["Elias Brandt"])


def test_a_verb_in_the_past_after_as_and_a_pronoun_is_the_pronouns_act():
    s = one_act(NEWS + "Okafor spoke over boos as she denounced Brandt.")
    assert (s.holder, s.holder_via, s.polarity, s.entities) == ("Tamsin Okafor", "pronoun", "oppose", ["Elias Brandt"])
    # an ongoing or hypothetical "as" is no position: "as they defend", "as long as they backed"
    assert all(s.cue != "defend" for s in stance_acts(NEWS + "Okafor will stand firm as they defend the levy."))
    assert all(s.cue != "backed" for s in stance_acts(NEWS + "Okafor would vote yes as long as they backed Brandt."))


def test_a_month_is_no_antecedent():
    found = stance_acts("In June 2015, supporters cheered wildly when he denounced the Danish tender.")
    assert all(s.holder != "June" for s in found)


@pytest.mark.parametrize("sentence, target, about", [
    ("Okafor urged Vermont to stop dumping waste in the lake.", "dumping waste in the lake", ["Vermont"]),
    ("Okafor urged the United States to stop arming Taiwan.", "arming Taiwan", ["United States", "Taiwan"]),
    ("Okafor called on Japan to refrain from provocations.", "provocations", ["Japan"]),
    ("Okafor demanded that Brandt stop blocking the bill.", "blocking the bill", ["Elias Brandt"]),
])
def test_one_urged_to_stop_is_whom_the_act_is_about_as_well_as_what_they_do(sentence, target, about):
    found = one_act(NEWS + sentence)
    assert (found.holder, found.polarity, found.target) == ("Tamsin Okafor", "oppose", target)
    assert [m.name for m in found.about] == about


def test_one_urged_to_act_otherwise_is_not_what_the_act_is_about():
    found = one_act(NEWS + "Okafor urged Vermont to return to the talks.")
    assert found.polarity == "support" and [m.name for m in found.about] == []


@pytest.mark.parametrize("sentence, holder", [
    ("None of the senators backed the freight bill.", "senators"),
    ("Neither of the governors supported the freight bill.", "governors"),
])
def test_a_group_none_of_whom_did_what_the_verb_says_holds_it_negated(sentence, holder):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.target) == (holder, "oppose", "the freight bill")


@pytest.mark.parametrize("sentence", [
    "Nobody can blame these families for being frustrated.",
    "No senator backed the freight bill.",
    "Neither Okafor nor Brandt supported the freight bill.",
    "None of the senators criticized the freight bill.",
])
def test_a_subject_that_names_no_one_holds_no_act(sentence):
    assert stance_acts(NEWS + sentence) == []


def test_respecting_a_fact_is_no_stance_but_respecting_a_decision_is():
    assert stance_acts(NEWS + "Okafor respects that the governor is still in hospital.") == []
    s = one_act(NEWS + "Okafor respects that decision.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "support", "that decision")


# A press briefing: the secretary's turns speak of the President as "he" and of others by name.
BRIEFING = ("MS. OKAFOR: Good afternoon.\n\nQ Is the President still behind Vermont?\n\n"
            "MS. OKAFOR: ")


def test_he_in_a_transcript_turn_is_never_the_one_speaking():
    # the secretary's "he" is someone else (here the President, whom the turn never names): no holder
    assert stance_acts(BRIEFING + "He is calling on Congress to back the freight bill.") == []
    s = one_act(BRIEFING + "We back the freight bill.")
    assert (s.holder, s.target) == ("Okafor", "the freight bill")


@pytest.mark.parametrize("sentence, polarity, target", [
    ("Okafor welcomed that the governors had agreed to a ceasefire.", "support", "the governors had agreed to a ceasefire"),
    ("Okafor deplored that Vermont had walked out of the talks.", "oppose", "Vermont had walked out of the talks"),
    ("Okafor condemned that attack.", "oppose", "that attack"),
])
def test_a_that_clause_after_an_evaluative_verb_is_its_target_a_that_noun_its_object(sentence, polarity, target):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", polarity, target)


@pytest.mark.parametrize("sentence", [
    "Okafor could embrace the freight bill, but only if it pays.",
    "Okafor might support the freight bill.",
    "Okafor is campaigning for president.",
    "Okafor campaigned for governor in 2010.",
])
def test_a_guess_at_a_position_or_a_run_for_office_is_no_act(sentence):
    assert stance_acts(NEWS + sentence) == []


@pytest.mark.parametrize("sentence, cue, polarity", [
    ("Theresa May backed the freight bill.", "backed", "support"),
    ("Okafor said she could not support the freight bill.", "could not support", "oppose"),
])
def test_a_modal_that_states_a_position_or_a_name_keeps_the_act(sentence, cue, polarity):
    s = one_act(NEWS + sentence)
    assert (s.cue, s.polarity) == (cue, polarity)


def test_her_is_not_a_speaker_it_does_not_fit():
    s = one_act(NEWS + "Mr. Brandt said Okafor was lying about her support for the freight bill.")
    assert (s.holder, s.holder_via, s.cue) == ("Tamsin Okafor", "pronoun", "support for")


def test_one_as_everyone_is_the_speaker_and_nobody_in_the_narration():
    s = one_act(NEWS + "\u201cOne would have hoped for a better freight bill,\u201d Brandt said.")
    assert (s.holder, s.holder_via) == ("Elias Brandt", "speaker")
    assert stance_acts(NEWS + "One would have hoped for a better freight bill.") == []


def test_a_campaign_for_those_running_for_an_office_supports_them():
    s = one_act(NEWS + "Okafor will campaign for Senate and House candidates.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "support", "Senate and House candidates")


def test_a_name_after_no_and_a_noun_is_the_subject():
    s = one_act(NEWS + "It is no wonder Brandt is supporting the freight bill.")
    assert (s.holder, s.polarity) == ("Elias Brandt", "support")


def test_not_just_or_not_merely_before_a_verb_leaves_it_standing():
    s = one_act(NEWS + "Okafor didn't just blame Brandt, though.")
    assert (s.holder, s.polarity, s.cue, s.target) == ("Tamsin Okafor", "oppose", "blame", "Brandt")
    s = one_act(NEWS + "Okafor does not merely oppose the Danish tender.")
    assert (s.holder, s.polarity, s.cue, s.entities) == ("Tamsin Okafor", "oppose", "oppose", ["Denmark"])
    # a plain negation still drops the act; after a modal "simply" keeps the refusal
    assert stance_acts(NEWS + "Okafor did not blame Brandt.") == []
    s = one_act(NEWS + "Okafor said Ohio cannot simply accept the Danish tender.")
    assert (s.polarity, s.cue) == ("oppose", "cannot simply accept")
    s = one_act(NEWS + "Okafor did not simply accept the Danish tender.")  # a verb that counts only negated
    assert (s.polarity, s.cue) == ("oppose", "did not simply accept")


def test_calling_on_someone_without_an_action_asked_is_no_act():
    # a visit, or the floor given in a briefing; "called on X to V" is the urge
    assert stance_acts(NEWS + "Okafor called on the governor at his residence.") == []
    s = one_act(NEWS + "Okafor called on the governor to reject the freight bill.")
    assert (s.holder, s.polarity, s.target) == ("Tamsin Okafor", "oppose", "the freight bill")
    s = one_act(NEWS + "Okafor called on an impartial investigation into the blast.")  # as "called for"
    assert (s.polarity, s.target) == ("support", "an impartial investigation into the blast")


def test_they_in_one_persons_words_is_not_that_person():
    found = stance_acts("NINA OKORO, ANCHOR: Welcome back.\n\nTOM HALE, CORRESPONDENT: Nina, officials here say they "
                        "condemn the shelling of the plant.\n\nNINA OKORO, ANCHOR: Thank you, Tom.")
    assert [s.holder for s in found if s.cue == "condemn"] in ([], [None])


def test_an_outcome_hoped_for_is_no_position_of_its_subject():
    # "We hope that all countries will support X": the countries have taken no position
    for sentence in ("It is our hope that all countries will support the proposal.",
                     "We are confident that Canada and Ghana will endorse the plan."):
        assert [s for s in stance_acts(NEWS + sentence) if s.cue in ("support", "endorse")] == []
    s = one_act(NEWS + "Canada will support the proposal.")
    assert (s.holder, s.polarity) == ("Canada", "support")
    # a belief in something, or a clause of the speaker's own after a comma, states a position
    s = one_act(NEWS + "Canada firmly believes in that mandate and will support the proposal.")
    assert (s.holder, s.polarity) == ("Canada", "support")
    found = stance_acts(NEWS + "If Brandt believes the court is fair, Okafor said, then we would urge him to obey it.")
    assert [s.cue for s in found] == ["urge"]


def test_not_being_someones_critic_is_no_position():
    assert stance_acts(NEWS + "Okafor is not a critic of Brandt.") == []
    assert stance_acts(NEWS + "Okafor is no critic of Brandt.") == []
    # "not" may deny something else: "it is not Brandt's supporters who …", "not the advocate of any nation"
    assert stance_acts(NEWS + "Okafor is not the advocate of any nation.") == []


@pytest.mark.parametrize(("sentence", "members"), [
    ("The freight rail bill was praised by Canada, Ghana and Denmark.", ["Canada", "Ghana", "Denmark"]),
    ("The Danish tender was criticized by Okafor, Brandt, and Canada.", ["Tamsin Okafor", "Elias Brandt", "Canada"]),
])
def test_a_by_agent_that_opens_a_list_of_names_holds_the_act_with_the_whole_list(sentence, members):
    s = one_act(NEWS + sentence)
    assert (s.holder_via, s.members) == ("by-agent", members)


def test_a_comma_after_a_by_agent_that_opens_no_list_ends_it():
    s = one_act(NEWS + "The freight rail bill was praised by Canada, Ghana said.")
    assert (s.holder_via, s.members) == ("by-agent", ["Canada"])


@pytest.mark.parametrize(("sentence", "holder"), [
    ("Okafor gave a speech in Vermont attacking Brandt.", "Tamsin Okafor"),  # the speech's giver, not the place
    ("Okafor started running ads in Ohio criticizing Brandt.", "Tamsin Okafor"),
    ("Okafor met rail workers in Ohio criticizing Brandt.", "rail workers"),  # the people's own participle
])
def test_a_participle_after_a_place_is_its_owners_not_the_places(sentence, holder):
    s = one_act(NEWS + sentence)
    assert (s.holder, s.polarity, s.target) == (holder, "oppose", "Brandt")
