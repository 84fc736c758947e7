"""The person registry (attribute/people.py): people, full names, gender and roles learnt from
the article's own writing. Short texts the project writes, no real people."""
from __future__ import annotations

from test_attribute import claims_of, speaker_of


def test_a_party_state_tag_between_a_titled_name_and_its_cue():
    claims = claims_of("Sen. Dana Whitfield (D-Ore.) said the bill would pass the Senate next week.\n\n"
                       "The vote is set for Tuesday.")
    c = speaker_of(claims, "Sen. Dana Whitfield")
    assert (c.speaker, c.rule) == ("Dana Whitfield", "reporting_frame")


def test_a_lone_surname_takes_the_full_name_the_article_first_wrote():
    claims = claims_of("Maria Lindqvist, a Denver lawyer who advised the campaign, spent the summer in Ohio.\n\n"
                       "The polls had narrowed by August. But Lindqvist said the race was far from over.")
    c = speaker_of(claims, "But Lindqvist said")
    assert (c.speaker, c.rule) == ("Maria Lindqvist", "reporting_frame")
    assert speaker_of(claims, "The polls").speaker is None


def test_a_full_name_written_after_the_surname_is_someone_else():
    # "President Harlan" first, "Dr. Mae Harlan" (another office) further down: not the president
    claims = claims_of("President Harlan opened the session on Monday.\n\n"
                       "He was joined by the First Lady, Dr. Mae Harlan, who chairs the council.\n\n"
                       "PRESIDENT HARLAN: We will take questions now.")
    c = speaker_of(claims, "We will take questions")
    assert (c.speaker, c.rule) == ("Harlan", "turn")


def test_she_does_not_resolve_to_a_man():
    claims = claims_of("Gov. Tom Harker met Ana Ruiz, the state's education secretary, on Monday.\n\n"
                       "Ms. Ruiz praised the budget. Mr. Harker said the state could afford it. "
                       "She said schools would get more money.")
    assert speaker_of(claims, "Mr. Harker said").speaker == "Tom Harker"
    c = speaker_of(claims, "She said")
    assert (c.speaker, c.rule) == ("Ana Ruiz", "reporting_frame")


def test_the_senator_is_whom_a_title_called_so():
    claims = claims_of("Sen. Dana Whitfield visited the plant on Monday.\n\n"
                       "The plant employs 400 workers. The senator said the jobs would stay in the state.")
    c = speaker_of(claims, "The senator said")
    assert (c.speaker, c.rule) == ("Dana Whitfield", "reporting_frame")


def test_a_campaign_speaks_for_its_candidate():
    claims = claims_of("Ana Ruiz is running for governor.\n\nRuiz's campaign said the poll was flawed.")
    c = speaker_of(claims, "Ruiz's campaign")
    assert (c.speaker, c.rule) == ("Ana Ruiz’s campaign", "reporting_frame")
    assert c.members == ["Ana Ruiz"]


def test_someone_elses_leaders_are_not_the_articles_principals():
    claims = claims_of("President Ana Ruiz met Prime Minister Tom Hale in Lima.\n\n"
                       "Their neighbour is building a dam. Its leaders said the dam would open in May. "
                       "The two leaders said they would discuss water rights.")
    assert speaker_of(claims, "Its leaders said").speaker != "Ana Ruiz and Tom Hale"
    assert speaker_of(claims, "The two leaders said").speaker == "Ana Ruiz and Tom Hale"


def test_a_name_with_an_apostrophe_owns_its_campaign():
    claims = claims_of("Liam O’Hara is running for mayor.\n\nO’Hara’s campaign said the poll was flawed.")
    c = speaker_of(claims, "O’Hara’s campaign")
    assert (c.speaker, c.members) == ("Liam O’Hara’s campaign", ["Liam O’Hara"])


def test_a_plural_title_introduces_every_name_it_governs():
    claims = claims_of("Sens. Jo Parkin and Tom Hale wrote to the agency on Friday.\n\n"
                       "The letter asked for records. Hale said the agency had ignored earlier requests.")
    c = speaker_of(claims, "Hale said")
    assert (c.speaker, c.rule) == ("Tom Hale", "reporting_frame")


def test_a_word_capitalised_only_where_sentences_begin_is_no_name():
    claims = claims_of("Rival Ana Ruiz had called the plan reckless.\n\n"
                       "The plan passed anyway, and Ruiz said she would keep fighting it.")
    c = speaker_of(claims, "The plan passed")
    assert (c.speaker, c.rule) == ("Ana Ruiz", "reporting_frame")


def test_a_headline_before_a_quotation_is_no_turn_label():
    claims = claims_of("Ana Ruiz Grills Bank Chief: ‘You Should Resign’\n\n"
                       "Sen. Ana Ruiz questioned the bank's chief executive on Tuesday.\n\n"
                       "The bank has lost customers since spring.")
    c = speaker_of(claims, "The bank has lost")
    assert (c.speaker, c.rule) == (None, "narrator")


def test_a_role_noun_between_an_inverted_cue_and_the_name():
    claims = claims_of('"We will win in November," said Republican strategist Tom Hale.\n\n'
                       '"They are wrong," said 9/11 widow Ana Ruiz.')
    c = speaker_of(claims, '"We will win')
    assert (c.speaker, c.rule) == ("Tom Hale", "reporting_frame")
    c = speaker_of(claims, '"They are wrong')
    assert (c.speaker, c.rule) == ("Ana Ruiz", "reporting_frame")


def test_a_capitalised_subject_after_the_is_no_person():
    c = speaker_of(claims_of("The Daily Ledger said on Saturday that it had received the returns."), "The Daily")
    assert (c.speaker, c.speaker_kind, c.rule) == ("Daily Ledger", "group", "reporting_frame")


def test_two_asides_between_a_name_and_its_cue():
    claims = claims_of("Tom Hale, president of the Federation of Welders, which represents city workers, "
                       "said the deal was fair.\n\n"
                       "Jean-Luc Marrot, the foreign minister of France, a permanent member of the Council, "
                       "said the test was a threat.")
    c = speaker_of(claims, "Tom Hale")
    assert (c.speaker, c.rule) == ("Tom Hale", "reporting_frame")
    c = speaker_of(claims, "Jean-Luc Marrot")
    assert (c.speaker, c.rule) == ("Jean-Luc Marrot", "reporting_frame")


def test_a_first_name_before_an_initial_stays_in_the_name():
    c = speaker_of(claims_of("Marc H. Borel, the chief executive of the National Welders League, said the deal "
                             "was fair."), "Marc H. Borel")
    assert (c.speaker, c.rule) == ("Marc H. Borel", "reporting_frame")


def test_he_is_the_titled_person_who_opens_the_sentence():
    claims = claims_of("Retired Captain Reveals Secret Plan\n\n"
                       "Mr. Lund chaired the panel.\n\n"
                       "Retired Gen. Tom Hale is speaking out about the problems he sees and why he believes "
                       "the plan will fail.")
    c = speaker_of(claims, "Retired Gen. Tom Hale")
    assert (c.speaker, c.rule) == ("Tom Hale", "reporting_frame")


def test_a_title_case_headline_introduces_no_one():
    claims = claims_of("Retired General Reveals ‘Grim’ Story Of Serving Under Lund.\n\nThe plan is old, he said on Monday.")
    c = speaker_of(claims, "The plan is old")
    assert (c.speaker, c.rule) == (None, "narrator")  # not "Reveals"


def test_an_inverted_cue_before_a_title_abbreviation_and_after_two_apostrophes():
    claims = claims_of("Tom Burman runs the center.\n\n"
                       "''There's a lot of new complexity,'' said Mr. Burman.\n\n"
                       "“This is a sad day,” said Rep. G.K. Barnfield (D-N.C.), head of the caucus.")
    c = speaker_of(claims, "''There's a lot")
    # the sentence lies mostly inside its quotation: the quotation's speaker, named by the frame after it
    assert (c.speaker, c.rule) == ("Tom Burman", "quotation")
    c = speaker_of(claims, "“This is a sad day")
    assert (c.speaker, c.rule) == ("G.K. Barnfield", "reporting_frame")


def test_a_party_and_state_aside_and_a_lone_first_name_after_a_quotation():
    claims = claims_of("Senator Diane Feld, Democrat of California, said the program sent a terrible message.\n\n"
                       "The crowd cheered.\n\n“I would,” Melanie said to the screen.")
    c = speaker_of(claims, "Senator Diane Feld")
    assert (c.speaker, c.rule) == ("Diane Feld", "reporting_frame")
    c = speaker_of(claims, "“I would")
    assert (c.speaker, c.rule) == ("Melanie", "reporting_frame")


def test_a_hometown_aside_a_name_after_a_role_and_an_adverb_after_has():
    claims = claims_of("Johnnie Wilkes, of Springfield, Va., said he had served for a decade.\n\n"
                       "The judge ruled.\n\nA lawyer for the news outlets, David Schulz, said no decision had been made.\n\n"
                       "Ted Cruse spoke next. Cruse has long said that he qualifies.")
    for starts, speaker in (("Johnnie Wilkes", "Johnnie Wilkes"), ("A lawyer", "David Schulz"), ("Cruse has", "Ted Cruse")):
        c = speaker_of(claims, starts)
        assert (c.speaker, c.rule) == (speaker, "reporting_frame")


def test_a_possessive_with_modifiers_before_an_entourage_noun():
    claims = claims_of("Ana Ruiz is running.\n\nRuiz's press secretary said the poll was wrong.")
    c = speaker_of(claims, "Ruiz's press secretary")
    assert (c.speaker, c.rule, c.members) == ("Ana Ruiz’s secretary", "reporting_frame", ["Ana Ruiz"])


def test_the_subject_of_a_reported_clause_is_no_one_who_speaks():
    # "said Beria would host": Beria is what is said about, so "Aland and Beria" stay the statement's parties
    claims = claims_of("Aland and Beria reaffirmed their commitment to free navigation.\n\n"
                       "Minister Ortiz said Beria would host the next round.",
                       title="Joint Statement of Aland and Beria on River Navigation")
    c = speaker_of(claims, "Aland and Beria")
    assert (c.speaker, c.rule) == ("Joint Statement of Aland and Beria on River Navigation", "whole_document")


def test_a_bare_plural_is_not_the_articles_principals():
    claims = claims_of("President Ana Lindqvist of Sweden held talks with President Kofi Mensah of Ghana in Accra.\n\n"
                       "The two sides agreed to expand trade.\n\n"
                       "Rich economies emit the most carbon. Those countries are then blamed for the floods.")
    both = speaker_of(claims, "The two sides agreed")
    assert both.rule == "reporting_frame" and set(both.members) == {"Ana Lindqvist", "Kofi Mensah"}
    generic = speaker_of(claims, "Those countries")
    assert not set(generic.members) & {"Ana Lindqvist", "Kofi Mensah"}


def test_a_countrys_office_speaks_when_no_one_named_holds_it():
    claims = claims_of("\n\n".join([
        "The Norwegian finance minister said on Monday that quotas would be cut.",
        "The President of Chile said the accord was fair. The Chilean finance minister said the cost was high.",
        "In the days before, the Dutch Anna Visser criticized the plan.",  # a name after a nationality
    ]))
    assert speaker_of(claims, "The Norwegian finance").speaker == "Norwegian finance minister"
    assert speaker_of(claims, "The President of Chile").speaker == "President of Chile"
    assert speaker_of(claims, "The Chilean finance").speaker == "Chilean finance minister"
    assert speaker_of(claims, "In the days before").speaker != "Dutch Anna Visser"


def test_an_office_with_a_portfolio_before_the_country_speaks_whole():
    claims = claims_of("The Minister of Foreign Affairs of Ghana said the accord was fair.\n\n"
                       "A spokeswoman for the Accra Port Authority said the quay would open in May.")
    assert speaker_of(claims, "The Minister of Foreign").speaker == "Minister of Foreign Affairs of Ghana"
    assert speaker_of(claims, "A spokeswoman").speaker == "Accra Port Authority"


def test_a_named_office_holder_is_found_before_the_office_speaks():
    claims = claims_of("Chilean President Elena Rojas arrived in Lima. The Chilean president said the accord was fair.")
    assert speaker_of(claims, "The Chilean president").speaker == "Elena Rojas"


def test_a_prime_minister_is_no_foreign_ministers_title():
    claims = claims_of("Foreign Minister Kofi Mensah met reporters. The Japanese prime minister said talks would resume.")
    assert speaker_of(claims, "The Japanese prime minister").speaker == "Japanese prime minister"


def test_a_surname_first_met_as_the_subject_of_a_speech_verb_is_a_person():
    # a clipping that opens with "Bongiorno said": the surname is the source; a plural, a body's
    # noun, an adverb or a participle opening a sentence before "said" is no one's name
    claims = claims_of("Report\n\nBongiorno said the investigators had invented a theory. "
                       "Critics said the theory was flawed. Police said the case was closed. "
                       "Simply stated, the case was weak. Having said that, the jury agreed.")
    c = speaker_of(claims, "Bongiorno said")
    assert (c.speaker, c.rule) == ("Bongiorno", "reporting_frame")
    critics = speaker_of(claims, "Critics said")
    assert (critics.speaker, critics.speaker_kind) == ("Critics", "group")  # a group, no person
    assert speaker_of(claims, "Simply stated").speaker is None
    assert speaker_of(claims, "Having said").speaker is None


def test_a_reporters_credit_attributes_no_quotation_before_it():
    claims = claims_of("Report\n\n\"It is door-to-door combat,\" he said. \"You will see.\"\n\n"
                       "Robert Costa reported from Washington.")
    assert speaker_of(claims, "\"You will see").speaker is None


def test_plural_nouns_of_people_who_hold_positions_speak_as_groups():
    # whatever their ending: "Critics", "analysts", "diplomats" (as "Residents" or "Protesters")
    claims = claims_of("Report\n\nCritics said the levy was unfair. Many analysts say the levy will fail.\n\n"
                       "Western diplomats said the talks had stalled.\n\n"
                       "Gov. Ana Ruiz signed the levy. Her aides said she would defend it.")
    assert [(speaker_of(claims, s).speaker, speaker_of(claims, s).speaker_kind)
            for s in ("Critics said", "Many analysts", "Western diplomats")] == [
        ("Critics", "group"), ("Many analysts", "group"), ("Western diplomats", "group")]
    assert speaker_of(claims, "Her aides said").speaker == "Ana Ruiz’s aides"  # a possessive still resolves


def test_a_polls_share_of_a_group_is_no_speaker():
    claims = claims_of("Report\n\nIn the survey, 62 percent of Republicans said the levy was unfair. "
                       "A majority of Democrats support it. Many of the diplomats said the talks had stalled.")
    assert speaker_of(claims, "In the survey").speaker is None
    assert speaker_of(claims, "A majority of Democrats").speaker is None
    assert speaker_of(claims, "Many of the diplomats").speaker == "diplomats"  # a part of a group still speaks


def test_his_after_a_cue_is_no_inverted_subject():
    # "…, said his members would …": "his" opens the reported clause; the speaker is the name before
    claims = claims_of("Report\n\nHis counterpart, Tom Hale, welcomed the agreement.\n\n"
                       "The head of the farmers union, Ana Lisboa, said his members would watch closely.")
    c = speaker_of(claims, "The head of the farmers union")
    assert (c.speaker, c.via) == ("Ana Lisboa", "explicit")


def test_a_list_of_plural_groups_speaks_as_all_of_them():
    claims = claims_of("Report\n\nBoth Democrats and Republicans said the levy was unfair. "
                       "Some critics said it would fail.")
    assert speaker_of(claims, "Both Democrats").speaker == "Democrats and Republicans"
    assert speaker_of(claims, "Some critics").speaker == "Some critics"


def test_a_country_word_after_a_given_name_is_a_surname():
    # "Jordan", "French", "Dane" after a given name (with or without a title) are surnames
    claims = claims_of("Rep. Jim Jordan said the bill was a mistake.\n\n"
                       "Judith French said the vote would be close. Bob Dane said he would vote no.\n\n"
                       "Jordan later added that the committee would meet again.")
    assert speaker_of(claims, "Rep. Jim Jordan said").speaker == "Jim Jordan"
    assert speaker_of(claims, "Judith French said").speaker == "Judith French"
    assert speaker_of(claims, "Bob Dane said").speaker == "Bob Dane"
    assert speaker_of(claims, "Jordan later added").speaker == "Jim Jordan"


def test_a_country_word_after_no_given_name_stays_the_country():
    claims = claims_of("King Omar of Jordan said the border would stay open. "
                       "French President Macron said Paris agreed.\n\n"
                       "Jordan said on Monday that it would close the crossing. South Korea said it would help. "
                       "Meanwhile Jordan said talks would go on.")
    assert speaker_of(claims, "King Omar of Jordan").speaker == "Omar"
    assert speaker_of(claims, "French President Macron").speaker == "Macron"
    assert speaker_of(claims, "Jordan said on Monday").speaker == "Jordan"
    assert speaker_of(claims, "South Korea said").speaker == "South Korea"
    assert speaker_of(claims, "Meanwhile Jordan said").speaker == "Jordan"


def test_a_title_after_a_given_name_is_a_surname():
    claims = claims_of("The council met on Monday.\n\n"
                       "\"It does not matter,\" said Charlie King, a Denver lawyer.\n\n"
                       "Rep. Steve King said the bill would fail. King added that he would vote no.\n\n"
                       "King Omar said the border would stay open.")
    assert speaker_of(claims, "\"It does not matter,\"").speaker == "Charlie King"
    assert speaker_of(claims, "Rep. Steve King").speaker == "Steve King"
    assert speaker_of(claims, "King added").speaker == "Steve King"
    assert speaker_of(claims, "King Omar said").speaker == "Omar"


def test_a_surname_in_a_short_first_line_leaves_the_full_name_to_the_text():
    # a headline names people by surname; the text then names them in full
    claims = claims_of("With two months to go, Marlow still ducks on taxes.\n\n"
                       "If the candidate is Dana Marlow, the answer is no.\n\n"
                       "But Marlow claims that she should be the exception.")
    assert speaker_of(claims, "But Marlow claims").speaker == "Dana Marlow"


def test_a_title_of_two_words_whose_first_is_no_title_word_introduces_its_holder():
    # "Press", "Attorney", "Majority" open a title: no modifier before "Secretary", "General", "Leader"
    cs = claims_of("White House Press Secretary Lena Okafor took questions on Monday.\n\n"
                   "Attorney General Tomas Brandt announced charges.\n\n"
                   "Senate Majority Leader Ines Vogel spoke on Tuesday.\n\n"
                   "Brandt told reporters the case was strong. Vogel added that the bill would pass.\n\n"
                   "MS. OKAFOR:  Good afternoon.")
    assert speaker_of(cs, "Good afternoon.").speaker == "Lena Okafor"
    assert speaker_of(cs, "Brandt told").speaker == "Tomas Brandt"
    assert speaker_of(cs, "Vogel added").speaker == "Ines Vogel"


def test_a_bare_plural_of_people_after_a_clause_speaks_as_a_group():
    # "…, economists said": the plural of a noun for people, in lower case and with no determiner
    cs = claims_of("Report\n\nPrices rose sharply in March, economists said.\n\n"
                   "The levy, which hurt farmers, passed, residents said.\n\n"
                   "The estimates were revised.")
    assert [(speaker_of(cs, s).speaker, speaker_of(cs, s).speaker_kind) for s in ("Prices rose", "The levy")] == [
        ("economists", "group"), ("residents", "group")]
    assert speaker_of(cs, "The estimates").speaker is None


def test_plurals_of_acts_in_ments_are_no_group_that_speaks():
    # "agreements" ends like "students" but names what was agreed, not who agreed
    cs = claims_of("Report\n\nThe drills are flagrant violations of the military agreements outlined in the Harbour "
                   "Declaration, wherein the two sides agreed to cease all hostile acts.\n\n"
                   "The students said the fees were too high.")
    assert speaker_of(cs, "The drills").speaker != "military agreements"
    assert speaker_of(cs, "The students").speaker == "students"


def test_comrade_is_an_honorific_before_a_name():
    cs = claims_of("Report\n\nIn his speech, Comrade Ri Song Chol, Chairman of the Commission, stated his position "
                   "that talks must resume.")
    assert speaker_of(cs, "In his speech").speaker == "Ri Song Chol"


def test_a_name_after_a_role_noun_is_the_person_not_the_known_name_before_it():
    # "Ruiz campaign manager Tom Hale": Hale speaks, not Ana Ruiz; a phrase that joins two
    # people ("Ana Ruiz and her aide Tom Hale") keeps its first
    claims = claims_of("Ana Ruiz spoke in Toledo on Monday.\n\n"
                       "Ruiz campaign manager Tom Hale rejected the claim. He called it a fabrication.")
    assert speaker_of(claims, "Ruiz campaign manager").speaker == "Tom Hale"
    assert speaker_of(claims, "He called it").speaker == "Tom Hale"


def test_a_place_after_a_preposition_is_no_name_after_a_role():
    # "Ana Ruiz on Harbour Square": "on" is no role noun, so the known person is still found
    from dipcli.core import analyse
    from dipcli.model import Article
    from dipcli.stance import find_stances
    text = "President Ana Ruiz spoke on Monday.\n\nPresident Tom Hale warmly welcomed President Ana Ruiz on Harbour Square."
    item = analyse(Article(doc="h", path="h.txt", format="text", title=None, date=None, source=None, place=None,
                           category=None, url=None, text=text))
    found = [s for s in find_stances(item) if s.cue == "welcomed"]
    assert found and found[0].entities == ["Ana Ruiz"]


def test_a_name_written_family_name_first_completes_the_person_its_title_named():
    claims = claims_of("Kwon Min-jun, the South Korean foreign minister, vowed to press on. "
                       "Mr. Kwon said the talks would continue.")
    assert speaker_of(claims, "Kwon Min-jun, the South Korean").speaker == "Kwon Min-jun"
    assert speaker_of(claims, "Mr. Kwon said").speaker == "Kwon Min-jun"


def test_a_titled_surname_is_not_a_longer_name_it_opens_whose_last_word_stands_alone():
    # "Senator Warren" and "Warren Buffett" (who is "Buffett" further down) are two people; a lone
    # "Warren" is the one whose surname it is
    claims = claims_of("Senator Warren said the bill was a disgrace. Warren Buffett said he would invest more. "
                       "Buffett added that markets were calm. Warren added that she would vote no.")
    assert speaker_of(claims, "Senator Warren said").speaker == "Warren"
    assert speaker_of(claims, "Buffett added").speaker == "Warren Buffett"
    assert speaker_of(claims, "Warren added").speaker == "Warren"


def test_a_titled_given_name_is_the_longer_name_it_opens_when_no_word_of_it_stands_alone():
    claims = claims_of("President Lula said Brazil was ready. Lula da Silva added that he was confident.")
    assert speaker_of(claims, "Lula da Silva added").speaker == speaker_of(claims, "President Lula").speaker


def test_a_full_name_after_a_noun_of_kinship_is_a_relative_not_the_titled_one():
    # a transcript labelled "PRESIDENT OKAFOR:" where the president speaks of "my son Dan Okafor"
    claims = claims_of("PRESIDENT OKAFOR: Thank you all for coming. The clinic is named for my son Dan Okafor, "
                       "who died too young.\n\nPRIME MINISTER HALE: Thank you, Mr. President.")
    assert speaker_of(claims, "Thank you all").speaker == "Okafor"


def test_a_relative_named_in_full_speaks_for_themselves_and_the_bare_surname_stays_the_principal():
    claims = claims_of("Governor Ellen Okafor toured the clinic on Tuesday. Her son Dan Okafor said he was proud of "
                       "her. Okafor added that the state would pay for two more clinics. Her husband, Sam Okafor, "
                       "said the family would attend.")
    assert speaker_of(claims, "Her son Dan Okafor said").speaker == "Dan Okafor"
    assert speaker_of(claims, "Okafor added").speaker == "Ellen Okafor"
    assert speaker_of(claims, "Her husband, Sam Okafor").speaker == "Sam Okafor"


def test_someones_relative_does_not_speak_as_them():
    claims = claims_of("Dan Okafor opened the clinic on Tuesday. Dan Okafor's father said he was proud of him.")
    assert speaker_of(claims, "Dan Okafor's father").speaker != "Dan Okafor"


def test_a_capitalised_modal_after_a_given_name_is_a_surname():
    claims = claims_of("Conservative columnist George Hale said the plan was a mistake. "
                       "Daily Ledger columnist Martin Will said the plan was sound.")
    assert speaker_of(claims, "Daily Ledger columnist").speaker == "Martin Will"


def test_the_subject_of_a_clause_of_hope_does_not_speak():
    claims = claims_of("We hope that Canada and Ghana will support the resolution. Canada supports the plan.")
    assert speaker_of(claims, "We hope that").speaker is None
    assert speaker_of(claims, "Canada supports").speaker == "Canada"


def test_the_subjects_that_name_no_one_are_what_the_whole_reading_makes_of_them(monkeypatch):
    # resolve answers "I", "we", "it" at once (subjects.NO_ONE): the same as reading them through,
    # in a speech, in a text with people and a place, and in a joint statement (where "we" is its authors)
    from builders import plain_article

    from dipcli.attribute import subjects
    from dipcli.attribute.cast import Cast

    text = ("President Ana Ruiz of Chile met Prime Minister Tom Hale in Santiago. They said the talks went well. "
            "The Chilean Government welcomed the visit.")

    words = sorted(subjects.NO_ONE) + ["You", "you", "They", "He", "she"]

    def answers() -> list:
        out = []
        for title, place in ((None, None), (None, "Santiago"), ("Joint Statement of Chile and Peru", None)):
            cast = Cast.discovered(plain_article(text, title=title, place=place))
            for last_doc in (None, "Joint Statement of Chile and Peru"):
                for in_doc in (False, True):
                    scene = cast.scene(0)
                    scene.last_doc = last_doc
                    for word in words:
                        ref = subjects.resolve(scene, word, in_doc=in_doc)
                        out.append((word, in_doc, last_doc, ref, list(scene.people), scene.last_person))
                    cast.commit(scene)
        return out

    quick = answers()
    monkeypatch.setattr(subjects, "NO_ONE", frozenset())
    assert quick == answers()
    assert any(ref is not None for _, _, _, ref, _, _ in quick)  # ("we" in a joint statement, "they")
