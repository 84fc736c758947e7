"""Segmentation and attribution on short texts in several house styles, none about Xi or Putin."""
from __future__ import annotations

import pytest

from dipcli.model import Article
from dipcli.core import analyse


def article(text: str, *, title: str | None = None, doc: str = "t") -> Article:
    return Article(doc=doc, path=f"{doc}.txt", format="text", title=title, date=None, source=None,
                   place=None, category=None, url=None, text=text)


def claims_of(text: str, **kw):
    item = analyse(article(text, **kw))
    for c in item.claims:
        assert item.article.text[c.start:c.end] == c.text
        assert 0 <= c.start < c.end <= len(item.article.text)
    return item.claims


def speaker_of(claims, starts: str):
    hits = [c for c in claims if c.text.startswith(starts)]
    assert hits, f"no claim starts with {starts!r}: {[c.text[:40] for c in claims]}"
    return hits[0]


NEWS = "\n\n".join([
    "BRASILIA, May 4 (Agency) -- Brazilian President Lucas Ferreira and Polish Prime Minister Anna "
    "Kowalski held talks on trade and climate on Thursday.",
    "-- Ferreira said that the two countries should double bilateral trade by 2030. He added that "
    "farm exports would lead the way.",
    "-- Energy cooperation has great potential, Kowalski said, adding that Poland wants Brazilian ethanol.",
    "-- Noting the progress of recent years, the Brazilian president said relations are at their best.",
    "-- The two sides agreed to set up a joint commission. They also oppose protectionism in any form.",
    "-- The Polish leader expressed hope that a visit to Warsaw would follow soon.",
    "-- Both leaders signed a memorandum on scientific cooperation.",
])


def test_explicit_trailing_and_leading_frames():
    cs = claims_of(NEWS)
    assert speaker_of(cs, "BRASILIA").speaker is None
    assert speaker_of(cs, "BRASILIA").speaker_kind == "narrator"
    lead = speaker_of(cs, "Ferreira said that")
    assert lead.speaker == "Lucas Ferreira" and lead.via == "explicit" and lead.cue == "said"
    trail = speaker_of(cs, "Energy cooperation")
    assert trail.speaker == "Anna Kowalski" and trail.cue == "said"


@pytest.mark.parametrize("tail", ["told reporters on Wednesday.", "told the BBC.", "told a news conference in Lima."])
def test_told_with_its_hearer_ends_an_attribution(tail):
    # the cue before it ("respond") is the quoted minister's, not the country's
    text = ("Deputy Foreign Minister Grigory Lanskoy arrived on Monday.\n\n"
            f"Peru will respond firmly to any new tariffs, but talks remain possible, Lanskoy {tail}")
    said = speaker_of(claims_of(text), "Peru will respond")
    assert said.speaker == "Grigory Lanskoy" and said.cue == "told"


def test_charges_that_reports_and_responded_by_doing_is_no_passive():
    text = ("Senator Ana Quispe spoke in Lima.\n\nQuispe charges that the port deal was rigged.\n\n"
            "Quispe responded by saying the vote was fair.\n\nA conference coordinated by the ministry was held.")
    cs = claims_of(text)
    assert speaker_of(cs, "Quispe charges").speaker == "Ana Quispe"
    assert speaker_of(cs, "Quispe responded").speaker == "Ana Quispe"
    assert speaker_of(cs, "A conference coordinated").speaker is None


def test_an_answer_not_given_is_no_ones_claim():
    cs = claims_of("Senator Ana Quispe spoke in Lima.\n\nQuispe did not immediately respond to a request for "
                   "comment.\n\nQuispe responded that the vote was fair.\n\nQuispe didn’t respond to calls.")
    assert speaker_of(cs, "Quispe did not").speaker is None
    assert speaker_of(cs, "Quispe didn’t respond").speaker is None  # contracted too
    assert speaker_of(cs, "Quispe responded").speaker == "Ana Quispe"


@pytest.mark.parametrize("sent", ["Quispe isn’t saying whether the port will open.",
                                  "Quispe didn't say whether the port will open."])
def test_a_contracted_negation_between_subject_and_cue(sent):
    cs = claims_of("Senator Ana Quispe spoke in Lima.\n\n" + sent + "\n\nQuispe wasn’t invited to the talks.")
    assert speaker_of(cs, sent[:12]).speaker == "Ana Quispe"
    assert speaker_of(cs, "Quispe wasn’t invited").speaker is None  # a passive: she did not speak


def test_pronoun_title_and_counterpart_references():
    cs = claims_of(NEWS)
    he = speaker_of(cs, "He added")
    assert he.speaker == "Lucas Ferreira" and he.via == "pronoun"
    by_title = speaker_of(cs, "Noting the progress")
    assert by_title.speaker == "Lucas Ferreira" and by_title.via == "title"
    leader = speaker_of(cs, "The Polish leader expressed hope")
    assert leader.speaker == "Anna Kowalski" and leader.cue == "expressed hope"


def test_collective_and_they_and_narration():
    cs = claims_of(NEWS)
    sides = speaker_of(cs, "The two sides agreed")
    assert sides.speaker_kind == "group" and sides.via == "collective"
    assert set(sides.members) == {"Lucas Ferreira", "Anna Kowalski"}
    they = speaker_of(cs, "They also oppose")
    assert they.speaker == sides.speaker and they.via == "pronoun"
    assert speaker_of(cs, "Both leaders signed").speaker is None


def test_bullet_marker_is_not_part_of_the_claim():
    cs = claims_of(NEWS)
    assert not any(c.text.startswith("--") for c in cs)


READOUT = "\n\n".join([
    "Prime Minister Sofia Lindqvist of Sweden met today with President Kwame Mensah of Ghana.",
    "The Prime Minister underscored Sweden's commitment to the partnership. She welcomed Ghana's "
    "leadership on regional security.",
    "President Mensah raised concerns about piracy in the Gulf of Guinea.",
    "It was agreed that officials will meet again in the autumn.",
    "The leaders discussed climate finance and debt relief.",
])


def test_readout_titles_and_impersonal_agreement():
    cs = claims_of(READOUT, title="Readout of Prime Minister Lindqvist's Meeting with President Mensah")
    assert speaker_of(cs, "Prime Minister Sofia Lindqvist").speaker is None
    pm = speaker_of(cs, "The Prime Minister underscored")
    assert pm.speaker == "Sofia Lindqvist" and pm.via == "title" and pm.cue == "underscored"
    assert speaker_of(cs, "She welcomed").speaker == "Sofia Lindqvist"
    mensah = speaker_of(cs, "President Mensah raised")
    assert mensah.speaker == "Kwame Mensah" and mensah.cue.startswith("raised concerns")
    agreed = speaker_of(cs, "It was agreed")
    assert agreed.speaker_kind == "group" and agreed.via == "collective"
    assert speaker_of(cs, "The leaders discussed").speaker_kind == "group"


TRANSCRIPT = "\n\n".join([
    "PRESIDENT MENSAH:  Thank you very much. It is an honour to be here.",
    "We have a lot to discuss today.",
    "PRIME MINISTER LINDQVIST:  (As interpreted.)  Thank you, Mr. President. Sweden stands with Ghana.",
    "Q:  Will you sign the agreement?",
    "PRESIDENT MENSAH:  Yes, we will.",
])


def test_transcript_turns_hold_until_the_next_label():
    cs = claims_of(TRANSCRIPT, title="Remarks by President Kwame Mensah of Ghana and Prime Minister Sofia Lindqvist")
    assert speaker_of(cs, "Thank you very much").speaker == "Kwame Mensah"
    held = speaker_of(cs, "We have a lot")
    assert held.speaker == "Kwame Mensah" and held.via == "turn"
    assert speaker_of(cs, "Sweden stands with Ghana").speaker == "Sofia Lindqvist"
    assert speaker_of(cs, "Will you sign").speaker == "Questioner"
    assert speaker_of(cs, "Yes, we will").speaker == "Kwame Mensah"
    assert not any("PRESIDENT" in c.text for c in cs), "turn labels are not claim text"


KREMLIN = "\n\n".join([
    "Vladimir Petrov had a telephone conversation with President of Kazakhstan Nurlan Abenov.",
    "The President of Kazakhstan warmly congratulated his counterpart on the national holiday.",
    "In turn, Vladimir Petrov stressed the importance of the Caspian pipeline.",
    "President of Kazakhstan Nurlan Abenov: Dear colleagues, we are glad to see you. Our trade is growing.",
])


def test_reference_by_title_and_untitled_names():
    cs = claims_of(KREMLIN)
    congrat = speaker_of(cs, "The President of Kazakhstan warmly")
    assert congrat.speaker == "Nurlan Abenov" and congrat.via == "title"
    stress = speaker_of(cs, "In turn")
    assert stress.speaker == "Vladimir Petrov" and stress.cue == "stressed"
    turn = speaker_of(cs, "Our trade is growing")
    assert turn.speaker == "Nurlan Abenov" and turn.via == "turn"


JOINT = "\n\n".join([
    "The leaders of Chile and Norway adopted the Joint Statement of the Republic of Chile and the "
    "Kingdom of Norway on Ocean Partnership.",
    "In the statement, the two sides pledged to protect marine biodiversity.",
    "The two countries will cooperate on fisheries, said the Joint Statement of the Republic of Chile "
    "and the Kingdom of Norway on Ocean Partnership, adding that they reject illegal fishing.",
])


def test_joint_statement_is_a_named_speaker():
    cs = claims_of(JOINT)
    assert speaker_of(cs, "The leaders of Chile").speaker_kind == "narrator"
    inside = speaker_of(cs, "In the statement")
    assert inside.speaker_kind == "document"
    assert inside.document and inside.document.startswith("Joint Statement of the Republic of Chile")
    said = speaker_of(cs, "The two countries will cooperate")
    assert said.speaker_kind == "document" and said.cue == "said"


def test_whole_document_speaker_for_joint_statement_titles():
    text = "We, the leaders of Chile and Norway, reaffirm our commitment to the oceans.\n\nWe will meet again."
    cs = claims_of(text, title="Joint Statement of Chile and Norway")
    assert all(c.speaker_kind == "document" for c in cs)


@pytest.mark.parametrize("text,expected", [
    ("The U.S. and the U.N. met on Jan. 5 with Mr. Smith. He said it was fine.", 2),
    ('She cited a paper titled "Peace, Trade and Law," Mr. Lee said. He left.', 2),
    ("The talks were held in Washington, D.C. The President thanked him.", 2),
])
def test_sentence_splitting_handles_abbreviations_and_quoted_titles(text, expected):
    assert len(claims_of(text)) == expected


def test_same_input_same_claims():
    a = [c for c in claims_of(NEWS)]
    b = [c for c in claims_of(NEWS)]
    assert a == b


MORE = "\n\n".join([
    "President Ana Torres of Chile spoke today with Prime Minister Jonas Berg of Norway.",
    "The development of a fisheries agreement was discussed.",
    "President Torres finally welcomed Norway's support for the ocean treaty.",
    "The two leaders and their teams agreed to meet again in Oslo.",
    "The Intergovernmental Panel on Climate Change confirms that glaciers are melting.",
])


def test_passives_adverbs_teams_and_organisations():
    cs = claims_of(MORE)
    assert speaker_of(cs, "The development of").speaker is None, "a passive subject is not a speaker"
    welcomed = speaker_of(cs, "President Torres finally welcomed")
    assert welcomed.speaker == "Ana Torres" and welcomed.cue == "welcomed"
    teams = speaker_of(cs, "The two leaders and their teams")
    assert teams.speaker_kind == "group" and set(teams.members) == {"Ana Torres", "Jonas Berg"}
    panel = speaker_of(cs, "The Intergovernmental Panel")
    assert panel.speaker_kind == "group" and "Climate Change" in panel.speaker


def test_role_labels_and_questions_in_a_briefing():
    text = "\n\n".join([
        "SENIOR ADMINISTRATION OFFICIAL:  Thanks, everyone. The call lasted two hours.",
        "Q  Did the leaders discuss tariffs?",
        "SENIOR ADMINISTRATION OFFICIAL:  They did.",
    ])
    cs = claims_of(text)
    assert speaker_of(cs, "Thanks, everyone").speaker == "Senior Administration Official"
    assert speaker_of(cs, "Did the leaders").speaker == "Questioner"
    assert speaker_of(cs, "They did").speaker == "Senior Administration Official"


ASIDES = "\n\n".join([
    "NAIROBI, March 8 (Agency) -- Kenyan President Amani Wekesa met with Peruvian President Rosa Quispe "
    "in Nairobi on Friday.",
    "Wekesa, also chairman of the ruling party's central committee, said Kenya is ready to deepen trade ties.",
    "Quispe, for her part, stressed that Peru would open a trade office in Nairobi.",
    "Foreign Minister Omar Haji, who attended the talks, said Kenya would send a delegation to Lima.",
    "Quispe, speaking alongside Wekesa at a news conference, said mining cooperation was a priority.",
    "Foreign Minister Omar Haji, in an interview with Radio Lima, warned against delay.",
    "During the talks in the North Andes President Quispe, while agreeing with Wekesa on tariffs, noted "
    "that the two economies are complementary.",
    "The friendship between our two countries, dating back decades, affirms our shared values.",
    "The farmers, who met in Lima, supported by the ministry, want new markets.",
])


def test_a_subject_before_an_aside_is_the_speaker():
    claims = claims_of(ASIDES)
    # "…, said Kenya is ready": Kenya is what he said, not who said it
    assert speaker_of(claims, "Wekesa, also chairman").speaker == "Amani Wekesa"
    assert speaker_of(claims, "Quispe, for her part").speaker == "Rosa Quispe"
    assert speaker_of(claims, "Foreign Minister Omar Haji").speaker == "Omar Haji"
    assert speaker_of(claims, "Quispe, speaking alongside").speaker == "Rosa Quispe"
    assert speaker_of(claims, "Foreign Minister Omar Haji, in an interview").speaker == "Omar Haji"
    # a title starts the name in a longer run of capitals: "in the North Andes" is no object of it
    assert speaker_of(claims, "During the talks in the North Andes").speaker == "Rosa Quispe"


def test_an_object_or_a_passive_before_an_aside_is_no_speaker():
    claims = claims_of(ASIDES)
    friendship = speaker_of(claims, "The friendship between")
    assert friendship.cue is None and friendship.speaker_kind != "group"
    assert speaker_of(claims, "The farmers, who met").cue != "supported"


def test_surnames_with_lower_case_particles():
    text = "\n\n".join([
        "Statement by President van der Berg on the Coastal Summit",
        "President van der Berg and Prime Minister Lucas Ferreira met in Lisbon.",
        "President Ferreira, President Okafor and President van der Berg stated that the summit was a success.",
        "Later, Sheikh Khalid bin Rashid Al Nuaimi said the Gulf states would join the fund.",
    ])
    claims = claims_of(text)
    trio = speaker_of(claims, "President Ferreira, President Okafor")
    assert trio.speaker_kind == "group" and "van der Berg" in trio.members and len(trio.members) == 3
    assert speaker_of(claims, "Later, Sheikh Khalid").speaker == "Khalid bin Rashid Al Nuaimi"


@pytest.mark.parametrize("text, speaker", [
    ("Later, Foreign Minister Maria dos Santos Lima said the fund would grow.", "Maria dos Santos Lima"),
    ("Ambassador Paolo di Stefano Rossi said the talks went well.", "Paolo di Stefano Rossi"),
    ("Prime Minister Pierre des Rosiers said the talks went well.", "Pierre des Rosiers"),
])
def test_every_name_particle_can_stand_inside_a_name(text, speaker):
    assert [c.speaker for c in claims_of(text)] == [speaker]


def test_one_word_labels_inside_a_transcript():
    text = "\n\n".join([
        "Spokesperson Lin Hua: We welcome the visit.",
        "Reuters: Will the minister attend the summit?",
        "Lin Hua: The minister will attend.",
        "Secondly: the ministry will publish the agenda.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Will the minister").speaker == "Reuters"
    assert speaker_of(claims, "The minister will attend").speaker == "Lin Hua"
    assert speaker_of(claims, "Secondly: the ministry").speaker == "Lin Hua"  # a heading word, no label
    alone = claims_of("Reuters: Officials met on Monday.")
    assert alone[0].via != "turn"  # no turn yet: one word is not enough


def test_according_to_a_person_names_the_speaker():
    text = "\n\n".join([
        "LIMA, June 2 (Agency) -- Peruvian President Rosa Quispe received Kenyan Foreign Minister Omar Haji.",
        "According to Quispe, developing countries should coordinate on debt relief.",
        "The two economies are complementary, according to the Kenyan minister.",
        "According to the World Bank, growth will slow this year.",
        "According to the Andean Development Plan, roads come first.",
    ])
    claims = claims_of(text)
    lead = speaker_of(claims, "According to Quispe")
    assert (lead.speaker, lead.cue) == ("Rosa Quispe", "according to")  # not "developing countries"
    assert speaker_of(claims, "The two economies").speaker == "Omar Haji"
    # an institution is a source that speaks; a text ("… Plan") speaks for no one
    assert speaker_of(claims, "According to the World Bank").speaker == "World Bank"
    assert speaker_of(claims, "According to the Andean").speaker is None


def test_the_maker_of_a_report_named_as_the_source():
    text = "\n\n".join([
        "Water levels fell again in May, according to data available from the Amber River Commission.",
        "Exports doubled, according to figures compiled by the Helsborg Institute for Trade last spring.",
        "The ferry sank in calm weather, according to Brazilian media reports.",
        "Growth will slow, according to the Helsborg Institute for Trade's latest quarterly review.",
        "Prices rose, according to the 2022 The State of Trade in the World report.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Water levels").speaker == "Amber River Commission"
    assert speaker_of(claims, "Exports doubled").speaker == "Helsborg Institute for Trade"
    assert speaker_of(claims, "The ferry sank").speaker == "Brazilian media"  # not Brazil, the state
    assert speaker_of(claims, "Growth will slow").speaker == "Helsborg Institute for Trade"
    assert speaker_of(claims, "Prices rose").speaker is None  # a report's title names no maker


def test_a_report_as_the_subject_of_a_verb_of_report():
    text = "\n\n".join([
        "A Nordland Herald/Caspia Radio poll released Saturday found that 40 percent backed the treaty.",
        "The poll by the Institute of Public Opinion of Caspia showed Ana Lund leading Omar Haji.",
        "A survey by Helsborg Analytics which shows gains was cited by the minister.",
        "The ministry released a report on river traffic, commonly found in shipping journals, last week.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "A Nordland Herald").speaker == "Nordland Herald/Caspia Radio"
    assert speaker_of(claims, "The poll by the Institute").speaker == "Institute of Public Opinion of Caspia"
    assert speaker_of(claims, "A survey by Helsborg").speaker != "Helsborg Analytics"  # a passive: not its agent
    assert speaker_of(claims, "The ministry released").speaker is None  # "commonly found": no report's verb


def test_according_to_after_a_quotation_and_beside_a_speech_verb():
    text = "\n\n".join([
        "Foreign Minister Ana Lund met Omar Haji in Helsborg on Monday.",
        "The visit was ''the high-water mark of the year,'' according to Minister Lund.",
        "“We stay the course,” Haji said, according to a pool report from the Helsborg Herald.",
        "Haji has raised $3 million for the fund, according to a recent Helsborg Herald analysis.",
        "The port will reopen, according to the declaration signed on 2 May 2021 before President Ana Lund.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "The visit was").speaker == "Ana Lund"
    assert speaker_of(claims, "“We stay the course").speaker.endswith("Haji")  # the report carries Haji's words
    assert speaker_of(claims, "Haji has raised").speaker == "Helsborg Herald"  # no speech verb: the source
    assert speaker_of(claims, "The port will reopen").speaker != "Ana Lund"  # a text's description, not Lund


def test_a_report_vouches_for_its_own_sentence_only():
    text = ("According to the latest report by the Amber River Commission, water levels fell by a third. "
            "We must act before the summer. A new Helsborg Analytics survey shows that farmers are worried. "
            "We will help them.")
    claims = claims_of(text)
    assert speaker_of(claims, "According to the latest").speaker == "Amber River Commission"
    assert speaker_of(claims, "We must act").speaker != "Amber River Commission"
    assert speaker_of(claims, "A new Helsborg").speaker == "Helsborg Analytics"
    assert speaker_of(claims, "We will help").speaker != "Helsborg Analytics"


def test_a_clause_set_off_before_a_cue_and_an_entourage_of_someone():
    text = "\n\n".join([
        "Omar Haji is the foreign minister. Haji's office, when contacted by reporters, said the talks would go on.",
        "Aides to Haji say he wants a deal this year.",
        "Members of the assembly say the vote is close.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Haji's office, when").speaker == "Omar Haji’s office"
    assert speaker_of(claims, "Aides to Haji say").speaker == "Omar Haji"
    assert speaker_of(claims, "Members of the assembly").speaker is None  # members are not an entourage


def test_appositions_before_a_cue():
    text = "\n\n".join([
        "Kenya's foreign minister, Omar Haji, said his country wanted a deal this year.",
        "The talks covered developments in Sudan, emphasising the need for a ceasefire.",
        "We, Kenya, Peru and Norway, recognize that debt relief cannot wait.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Kenya's foreign minister").speaker == "Omar Haji"
    # a participle after a comma takes the clause's subject, never the words before the comma
    assert speaker_of(claims, "The talks covered").speaker != "Sudan"
    group = speaker_of(claims, "We, Kenya, Peru")
    assert group.speaker_kind == "group" and group.speaker == "Kenya and Peru and Norway"


def test_honorifics_and_pm():
    text = "\n\n".join([
        "Prime Minister Shri Arjun Rao spoke today with H.E. Maria Costa, President of Portugal.",
        "PM conveyed his best wishes for the summit. President Costa thanked PM for his support.",
    ])
    claims = claims_of(text)
    assert claims[0].text.endswith("President of Portugal.")  # "H.E." ends no sentence
    assert speaker_of(claims, "PM conveyed").speaker == "Arjun Rao"  # no "Shri" in the name


def test_a_country_title_after_a_name_introduces_the_person():
    text = "\n\n".join([
        "On May 3, Mr. OKAFOR Chidi, Prime Minister of Nigeria, held a meeting with H.E. Maria Costa, "
        "President of Portugal, and Ms. Ada Lin, President of Howard Hall.",
        "Prime Minister Okafor stated that trade would grow. President Costa welcomed the plan.",
        "President Lin thanked both leaders.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Prime Minister Okafor").speaker == "Okafor Chidi"
    assert speaker_of(claims, "President Costa").speaker == "Maria Costa"
    # the title of something that is not a country makes her no country's president; "Ms." names her
    assert speaker_of(claims, "President Lin").speaker == "Ada Lin"


def test_the_officer_of_an_institution_named_after_a_country_is_no_one_of_that_country():
    # "President of Ghana Media Group …": the group's president, not Ghana's; the president
    # of the state the page speaks of is then no one but the one named so
    text = "\n\n".join([
        "Ahead of his visit to Ghana, the President of Kenya answered questions from President of "
        "Ghana Media Group Omar Reyes.",
        "Omar Reyes: Thank you for this interview. What did President Ivan Petrov tell you?",
        "Elena Marsh: Thank you. Our ties are strong.",
        "Foreign Minister of the Russian Federation Sergey Lavrov said the talks were useful. "
        "The Russian minister said more would follow.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Ahead of his visit").speaker not in ("Omar Reyes", "Ivan Petrov")
    assert speaker_of(claims, "The Russian minister").speaker == "Sergey Lavrov"  # a state's name goes on


def test_criticism_verbs_and_both_ministers():
    text = "\n\n".join([
        "ANKARA, May 2 (Agency) -- Turkish Foreign Minister Deniz Kaya and Greek Foreign Minister Eleni Pappas "
        "met on Monday.",
        "Kaya slammed the new tariffs as counterproductive. Pappas decried the delay in talks.",
        "Both ministers expressed support for the UN-led process.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Kaya slammed").speaker == "Deniz Kaya"
    assert speaker_of(claims, "Pappas decried").speaker == "Eleni Pappas"
    both = speaker_of(claims, "Both ministers")
    assert both.speaker_kind == "group" and set(both.members) == {"Deniz Kaya", "Eleni Pappas"}


def test_times_quotes_and_own_statements():
    text = "\n\n".join([
        "QUITO, Feb. 4 (Agency) -- Ecuador on Tuesday urged all parties to return to talks.",
        "\"Ghana calls on all sides to stay calm,\" said Ecuadorian Foreign Ministry spokesperson Lucia Mena "
        "at a regular press briefing.",
        "\"Kenya backs the plan,\" Lucia Mena told reporters in Quito.",
        "In a statement, the Peruvian Foreign Ministry said it was monitoring the situation.",
        "The storm that struck Ghana on Friday added to the damage.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "QUITO, Feb. 4").speaker == "Ecuador"
    # a quotation's attribution wins over a frame inside the quotation
    assert speaker_of(claims, "\"Ghana calls on").speaker == "Lucia Mena"
    assert speaker_of(claims, "\"Kenya backs").speaker == "Lucia Mena"
    assert speaker_of(claims, "In a statement").speaker_kind == "group"  # the ministry's own statement
    assert speaker_of(claims, "The storm that struck").speaker is None


def test_a_counterpart_is_introduced_by_name():
    text = ("OSLO, May 3 (Agency) -- Norwegian Foreign Minister Kari Dahl met her Chilean counterpart Rosa Vidal "
            "on Friday.\n\nDahl said the two countries would deepen cooperation. Vidal welcomed the proposal.\n\n"
            "\"We are stronger together,\" Vidal told reporters.")
    claims = claims_of(text)
    assert speaker_of(claims, "Vidal welcomed").speaker == "Rosa Vidal"
    assert speaker_of(claims, "\"We are stronger").speaker == "Rosa Vidal"


def test_quoted_as_saying():
    claims = claims_of("Kenyan President Amani Wekesa visited Lima.\n\n"
                       "Wekesa was quoted as saying that Kenya valued Peruvian investment.")
    quoted = speaker_of(claims, "Wekesa was quoted")
    assert (quoted.speaker, quoted.cue) == ("Amani Wekesa", "quoted as saying")


def test_an_office_never_named_speaks_as_the_office():
    text = ("PM call with President Adeyemi of Ghana\n\nThe Prime Minister spoke to President Adeyemi this morning. "
            "The Prime Minister reiterated the UK's support for the cocoa initiative.\n\n"
            "President Adeyemi thanked the Prime Minister. They agreed to stay in close contact.")
    claims = claims_of(text)
    pm = speaker_of(claims, "The Prime Minister reiterated")
    assert (pm.speaker, pm.speaker_kind, pm.via) == ("Prime Minister", "person", "title")
    assert speaker_of(claims, "President Adeyemi thanked").speaker == "Adeyemi"


def test_a_second_verb_after_and_takes_the_opening_subject():
    text = "\n\n".join([
        "Vietnamese President Vo Van Tuan held talks with Chilean President Ana Morales in Hanoi.",
        "Morales accepted the invitation and said she looked forward to visiting again.",
        "The delegations signed documents on trade and direct flights.",
        "Two years ago, the forum met and agreed on a plan.",
        "Morales did not respond to the charge, but said the visit would go ahead.",
        "Chile has made progress on ports, but challenges remain in the north.",
        "Morales’s husband, Tomas, signed the letter, but hoped for more.",
        "Morales’s campaign team met reporters and said the visit would go ahead.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Chile has made").speaker is None  # a plural noun after "but" opens its own clause
    assert speaker_of(claims, "Morales’s husband").speaker is None  # the possessor is not the subject
    assert speaker_of(claims, "Morales’s campaign").speaker == "Ana Morales"  # but an entourage speaks for her
    assert speaker_of(claims, "Morales accepted").speaker == "Ana Morales"
    assert speaker_of(claims, "Morales did not respond").speaker == "Ana Morales"  # "but said": hers too
    assert speaker_of(claims, "The delegations signed").cue != "direct"  # an adjective, no second verb
    assert speaker_of(claims, "Two years ago").speaker is None  # "Two" opens no subject


def test_an_inverted_cue_after_a_scraped_closing_mark_and_before_a_former_title():
    text = "\n\n".join([
        "“The port stays open,“ said Tom Hale, a union organiser.",
        "“We disagree,” said former Foreign Minister Ana Lund.",
        "“Nothing has changed,” said retired Gen. Omar Haji.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "“The port stays open").speaker == "Tom Hale"  # “ closing as scrapers write it
    assert speaker_of(claims, "“We disagree").speaker == "Ana Lund"
    assert speaker_of(claims, "“Nothing has changed").speaker == "Omar Haji"


def test_a_party_or_a_people_as_an_apposition():
    text = "\n\n".join([
        "Tom Hale, a Republican, said the port would stay open.",
        "Foreign Minister Ana Lund met Omar Haji on Monday. Haji, a Democrat from Ohio, said the talks went well.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Tom Hale, a Republican").speaker == "Tom Hale"
    assert speaker_of(claims, "Haji, a Democrat").speaker == "Omar Haji"


def test_a_short_description_as_an_apposition():
    """A few words after "a" or "an" set off by commas describe the name before them, whether or
    not a role noun ends them; a phrase with a preposition is no such description."""
    text = "\n\n".join([
        "Tom Hale, a moderate Republican, said the port would stay open.",
        "Ana Lund met Omar Haji on Monday. Haji, a self-described centrist, said the talks went well.",
        "In Kabul, a city of millions, traders said prices had doubled.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Tom Hale, a moderate").speaker == "Tom Hale"
    assert speaker_of(claims, "Haji, a self-described").speaker == "Omar Haji"
    assert speaker_of(claims, "In Kabul").speaker != "Kabul"


def test_a_passive_after_an_apposition_has_no_speaker():
    text = "Tom Hale, the mayor, was denied a permit.\n\nAna Lund, a lawyer, has repeatedly denied the report."
    claims = claims_of(text)
    assert speaker_of(claims, "Tom Hale, the mayor, was denied").speaker is None
    assert speaker_of(claims, "Ana Lund, a lawyer").speaker == "Ana Lund"


def test_a_country_whose_name_holds_and_is_one_speaker():
    claims = claims_of("Saint Vincent and the Grenadines rejects that thesis.\n\nGhana and Togo rejected it too.")
    assert speaker_of(claims, "Saint Vincent").speaker == "Saint Vincent and the Grenadines"
    assert speaker_of(claims, "Ghana and Togo").speaker == "Ghana and Togo"


def test_insiders_strategists_and_a_politicians_confidants_as_sources():
    text = "\n\n".join([
        "Foreign Minister Ana Lund met Omar Haji on Monday.",
        "Lund's confidants say she will run again.",
        "Helsborg strategists said the deal was close.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "Lund's confidants").speaker == "Ana Lund’s confidants"
    assert speaker_of(claims, "Helsborg strategists").speaker == "Helsborg strategists"


def test_a_report_that_opens_the_sentence_names_its_maker():
    text = "\n\n".join([
        "Foreign Minister Ana Lund met Omar Haji on Monday.",
        "In a Helsborg Herald poll released Monday, Lund led Haji by ten points.",
        "In the autumn of 2021, Lund led Haji by two points.",
        "In a new Caspia Radio survey, Lund told listeners the port would stay open.",
    ])
    claims = claims_of(text)
    assert speaker_of(claims, "In a Helsborg Herald poll").speaker == "Helsborg Herald"
    assert speaker_of(claims, "In the autumn").speaker is None  # a time, no report
    assert speaker_of(claims, "In a new Caspia Radio").speaker != "Caspia Radio"  # the sentence's own frame


def test_a_partys_own_name_is_the_party_not_the_word_party():
    claims = claims_of("The Green Party said the port deal was a mistake.\n\n"
                       "The opposition Harbour Party said it would vote against it.\n\n"
                       "The Chilean party said the talks were useful.")
    assert speaker_of(claims, "The Green Party").speaker == "Green Party"
    assert speaker_of(claims, "The opposition Harbour Party").speaker == "Harbour Party"
    assert speaker_of(claims, "The Chilean party").speaker == "Chile"  # a side of a readout
