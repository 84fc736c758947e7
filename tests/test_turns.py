"""Transcript turns: which labels start a turn, how long it holds, and labels that name no one."""
from __future__ import annotations

from builders import explained


def test_a_headline_label_holds_for_its_own_paragraph_only():
    found = explained("Adeyemi: The Count Was Fair.\n\nGovernor Ruth Adeyemi spoke in Ibadan on Monday.\n\n"
                      "The board met on Friday.")
    assert found["The Count Was Fair."] == ("Ruth Adeyemi", "turn")
    assert found["The board met on Friday."] == (None, "narrator")


def test_a_kicker_in_capitals_before_a_headline_holds_for_nothing_after_it():
    found = explained("RIVERWATCH: Coastal Voters Will Decide The Port Vote.\n\n"
                      "The harbour board met on Friday.\n\nTurnout is expected to be high.")
    assert found["Turnout is expected to be high."] == (None, "narrator")


def test_an_outlets_rubric_is_no_turn():
    found = explained("Editor’s Note: This is the second of three parts.\n\nThe ferries run twice a day.\n\n"
                      "EXCLUSIVE: Ana Ruiz Plans A Bid.\n\nCorrection: An earlier version misspelt a name.")
    assert all(speaker is None for speaker, _ in found.values()), found


def test_a_transcript_label_in_capitals_holds_until_the_next():
    found = explained("MS. JEAN-PIERRE:  Good afternoon.\n\nWe have a lot to cover.\n\nQ  What about trade?\n\n"
                      "PRESIDENT VON DER LEYEN:  Thank you.")
    assert found["We have a lot to cover."] == ("Jean-Pierre", "turn")  # the name in its own case
    assert found["What about trade?"] == ("Questioner", "turn")
    assert found["Thank you."] == ("von der Leyen", "turn")


def test_salutations_headings_and_list_terms_are_no_turns():
    found = explained("Mr. President: congratulations on your election.\n\n"
                      "Youth Empowerment: Investing in the Future\n\n"
                      "Our youth are our future, and empowerment is our duty.\n\n"
                      "- One People: a family of many peoples,\n\n"
                      "5. Bolster Global Alliances: We will work with our allies.")
    assert all(speaker is None for speaker, _ in found.values()), found


def test_a_broadcast_tag_glued_to_the_words_said():
    found = explained("Kim Soo-ah / PresidentThat is too much to ask.\n\n"
                      "Ana Ruiz / Foreign Minister We will not accept it.")
    assert found["That is too much to ask."] == ("Kim Soo-ah", "turn")
    assert found["We will not accept it."] == ("Ana Ruiz", "turn")


def test_a_colon_introduces_a_block_of_quoted_words():
    found = explained("Pat Okafor spoke on the radio on Monday.\n\nOkafor continued:\n\n"
                      "The health issue is partisan. It always was.\n\nThe show ended at noon.")
    assert found["Okafor continued:"] == ("Pat Okafor", "introduction")
    assert found["It always was."] == ("Pat Okafor", "block_quotation")
    assert found["The show ended at noon."] == (None, "narrator")


PRESS_CONFERENCE = "\n\n".join([
    "Spokesperson Amara Osei: Good afternoon. Foreign Minister Kofi Mensah will visit Lima next week.",
    "TASS: The Peruvian president said the visit was welcome. What is your comment?",
    "Amara Osei: We welcome the invitation. Foreign Minister Kofi Mensah noted in his call that trade must grow. "
    "I have heard what Foreign Minister Kofi Mensah said about it.",
    "EFE: Did Foreign Minister Kofi Mensah say the talks would be hard?",
    "Amara Osei: He said they would be long. Foreign Minister Kofi Mensah will raise it with his counterpart. "
    "Foreign Minister Kofi Mensah and I agreed on the agenda.",
])


def test_a_statement_relayed_inside_a_turn_is_the_named_persons():
    found = explained(PRESS_CONFERENCE)
    assert found["Foreign Minister Kofi Mensah noted in his call that trade must grow."] == ("Kofi Mensah", "relayed")
    # the turn's own voice: a question, a pronoun, a clause inside the speaker's sentence, a prediction
    assert found["Did Foreign Minister Kofi Mensah say the talks would be hard?"] == ("EFE", "turn")
    assert found["He said they would be long."] == ("Amara Osei", "turn")
    assert found["I have heard what Foreign Minister Kofi Mensah said about it."] == ("Amara Osei", "turn")
    assert found["Foreign Minister Kofi Mensah will raise it with his counterpart."] == ("Amara Osei", "turn")
    assert found["We welcome the invitation."] == ("Amara Osei", "turn")
    assert found["Foreign Minister Kofi Mensah and I agreed on the agenda."] == ("Amara Osei", "turn")  # both


def test_a_question_taken_up_after_an_interruption_is_the_questioners():
    # a Markdown transcript's gap after "Q" is one space once loaded; a dash or a note may follow it
    found = explained("MR. KIRBY:  Yeah.\n\nQ — countries in Latin America that recalled their envoys.\n\n"
                      "MR. KIRBY:  I won't get ahead of that.\n\nQ (Inaudible.) And on trade?\n\n"
                      "MR. KIRBY:  Next.\n\nQ ... or the weekend?")
    assert found["— countries in Latin America that recalled their envoys."] == ("Questioner", "turn")
    assert found["And on trade?"] == ("Questioner", "turn")
    assert found["... or the weekend?"] == ("Questioner", "turn")
    assert found["I won't get ahead of that."] == ("Kirby", "turn")


def test_an_outlets_label_in_capitals_is_written_as_the_outlet_writes_itself():
    found = explained(PRESS_CONFERENCE)
    assert found["What is your comment?"] == ("TASS", "turn")  # not "Tass"
    # an office no one the text names relays what it said at a time, as a named person does
    assert found["The Peruvian president said the visit was welcome."] == ("Peruvian president", "relayed")


def test_a_title_several_people_hold_relays_no_one():
    found = explained("\n\n".join([
        "President Lena Vogel met President Tomas Brandt in Vienna.",
        "MS. OKAFOR:  The President said the meeting went well.",
        "Q  Thank you.",
    ]))
    assert found["The President said the meeting went well."] == ("Okafor", "turn")


def test_a_name_spoken_to_relays_nothing():
    found = explained("PRESIDENT OKAFOR:  Well, Chancellor, welcome back to Lagos. Chancellor Ines Vogel noted the "
                      "progress.\n\nCHANCELLOR VOGEL:  Thank you.")
    assert found["Well, Chancellor, welcome back to Lagos."] == ("Okafor", "turn")
    assert found["Chancellor Ines Vogel noted the progress."] == ("Ines Vogel", "relayed")


def test_a_transcript_quoted_paragraph_by_paragraph_has_its_turns():
    found = explained('Partial transcript as follows:\n\n"HOST: Welcome back. Will the plan pass?\n\n'
                      '"OKONKWO: It will pass. The votes are there.\n\n"(CROSSTALK.)\n\n"HOST: Thank you."\n\n'
                      '"Follow Ada Ekwe on Twitter @adaekwe."')
    assert found["Will the plan pass?"] == ("Host", "turn")
    assert found["The votes are there."] == ("Okonkwo", "turn")
    assert found['"(CROSSTALK.)'] == (None, "turn")  # a stage direction is the transcriber's
    assert found['"Follow Ada Ekwe on Twitter @adaekwe."'] == (None, "turn")  # and the outlet's footer


def test_a_quoted_motto_in_capitals_is_no_turn():
    found = explained('"LEAVING NO HARBOUR BEHIND: ACTING TOGETHER FOR THE COAST."\n\nWe meet in hard times.')
    assert all(speaker is None for speaker, _ in found.values())


def test_a_pronoun_report_right_after_a_relay_goes_on_relaying():
    found = explained("Spokesperson Amara Osei: Foreign Minister Kofi Mensah noted that trade must grow. "
                      "He said the talks would be long. He also stressed that trade must be fair. We support the talks.\n\n"
                      "TASS: Foreign Minister Kofi Mensah met the Peruvian minister. She said the talks were good.")
    assert found["He said the talks would be long."] == ("Kofi Mensah", "relayed")
    assert found["He also stressed that trade must be fair."] == ("Kofi Mensah", "relayed")  # an adverb between
    assert found["We support the talks."] == ("Amara Osei", "turn")
    assert found["She said the talks were good."] == ("TASS", "turn")  # not the man relayed before


def test_a_title_that_does_not_fit_gives_no_one_a_country():
    found = explained("Spokesperson Amara Osei: Foreign Minister Kofi Mensah noted that trade must grow.\n\n"
                      "Reuters: The Japanese prime minister said yesterday that defense spending will rise. "
                      "What is your comment?")
    # an office no one the article names: the prime minister relays it, not the foreign minister named before
    assert found["The Japanese prime minister said yesterday that defense spending will rise."] == \
        ("Japanese prime minister", "relayed")


def test_a_broadcast_transcripts_labels_carry_a_role_after_the_name():
    found = explained("\n\n".join([
        "WORLD NEWS TONIGHT: THE WEEK AHEAD",
        "THIS IS A RUSH TRANSCRIPT.",
        "NINA OKORO, ANCHOR: Good evening. Our reporter is in Accra.",
        "KWAME ASANTE, WNT CORRESPONDENT (voice-over): Nina, the count is slow here.",
        "OKORO: Thank you, Kwame.",
    ]))
    assert found["WORLD NEWS TONIGHT: THE WEEK AHEAD"] == (None, "narrator")  # a heading in capitals
    assert found["THIS IS A RUSH TRANSCRIPT."] == (None, "narrator")
    assert found["Good evening."] == ("Nina Okoro", "turn")
    assert found["Nina, the count is slow here."] == ("Kwame Asante", "turn")
    assert found["Thank you, Kwame."] == ("Nina Okoro", "turn")


def test_a_possessive_before_a_colon_is_no_label():
    found = explained("The minister spoke in Oslo on Monday.\n\nOur Standards: The Newsroom Principles.")
    assert found["Our Standards: The Newsroom Principles."] == (None, "narrator")


def test_an_answer_label_is_whoever_answers_the_questions():
    found = explained("\n\n".join([
        "Spokeswoman Irina Petrova: Good afternoon. We condemn the shelling of civilian areas.",
        "Question: Will your country attend the conference?",
        "Answer: We have not received an invitation.",
    ]))
    assert found["Will your country attend the conference?"] == ("Questioner", "turn")
    assert found["We have not received an invitation."] == ("Irina Petrova", "turn")


def test_a_role_or_an_outlet_after_the_name_in_a_ministrys_transcript():
    found = explained("\n\n".join([
        "Shri Ravi Das, Official Spokesperson: Good afternoon. The Prime Minister will visit Chile.",
        "Anil Rao, WNN: Sir, is there an update on the talks?",
        "Shri Ravi Das, Official Spokesperson: We want a peaceful settlement.",
        "Madam Chair, Excellencies: thank you.",
    ]))
    assert found["The Prime Minister will visit Chile."] == ("Ravi Das", "turn")
    assert found["Sir, is there an update on the talks?"] == ("Anil Rao", "turn")
    assert found["We want a peaceful settlement."] == ("Ravi Das", "turn")
    assert found["Madam Chair, Excellencies: thank you."][0] == "Ravi Das"  # a salutation, no new turn


# A verbatim meeting record: "The President:" for the presiding officer, a delegate's country and
# language in brackets, the record's note of its hours.
VERBATIM = "\n\n".join([
    "The meeting was called to order at 10.05 a.m.",
    "The President: I give the floor to Mr. Okafor.",
    "Mr. Okafor (Nigeria) (spoke in French): We have listened carefully. Our position is well known.",
    "The President: I thank Mr. Okafor for his statement.",
    "The meeting rose at 11.50 a.m.",
])


def test_a_verbatim_records_turns_and_its_notes():
    found = explained(VERBATIM)
    assert found["I give the floor to Mr. Okafor."] == ("President", "turn")
    assert found["We have listened carefully."] == ("Okafor", "turn")
    assert found["Our position is well known."] == ("Okafor", "turn")
    assert found["I thank Mr. Okafor for his statement."] == ("President", "turn")
    assert found["The meeting rose at 11.50 a.m."][0] is None


def test_the_president_in_capitals_is_a_label_in_a_press_conference():
    found = explained("Q: Will you sign the bill?\n\nTHE PRESIDENT: Yes. I will sign it on Friday.")
    assert found["Yes."][1] == "turn" and found["Yes."][0] != "Questioner"
    assert found["I will sign it on Friday."][0] == found["Yes."][0]


MINISTRY_BRIEFING = "\n\n".join([
    "Spokesperson Amara Osei: Good afternoon.",
    "AFP: The Chilean Foreign Ministry said on Monday that the border would stay closed. Peru called the move "
    "“reckless”. What is your comment?",
    "Amara Osei: Peru has always opposed unilateral steps. The Chilean side assured us yesterday that the talks "
    "would go on. Peru supported the plan. The committee is worried. Peru's foreign ministry said on Monday "
    "that it would attend.",
])


def test_an_institution_or_a_country_relays_what_it_said_at_a_time():
    found = explained(MINISTRY_BRIEFING)
    assert found["The Chilean Foreign Ministry said on Monday that the border would stay closed."] == \
        ("Chilean Foreign Ministry", "relayed")
    assert found["Peru called the move “reckless”."] == ("Peru", "relayed")  # a country, in a question
    assert found["The Chilean side assured us yesterday that the talks would go on."] == ("Chile", "relayed")
    # the turn's own voice: what a country has always held, a country's deeds told in an answer, a state
    assert found["Peru has always opposed unilateral steps."] == ("Amara Osei", "turn")
    assert found["Peru supported the plan."] == ("Amara Osei", "turn")
    assert found["The committee is worried."] == ("Amara Osei", "turn")
    assert found["Peru's foreign ministry said on Monday that it would attend."] == ("Peru", "relayed")


def test_a_broadcast_label_in_capitals_with_a_role_in_title_case_or_a_rank_after_the_name():
    found = explained("\n\n".join([
        "NINA OKORO, ANCHOR: Joining me now is a retired general. Can the truce last?",
        "GEN. TOM HALE (RET.), WNT MILITARY ANALYST: Well, Nina, I think it can.",
        "ANA RUIZ, Former Ambassador to Chile (through interpreter): It is a draw, honestly.",
    ]))
    assert found["Well, Nina, I think it can."] == ("Tom Hale", "turn")
    assert found["It is a draw, honestly."] == ("Ana Ruiz", "turn")


def test_a_broadcast_label_with_a_party_tag_and_a_state():
    found = explained("\n\n".join([
        "NINA OKORO, ANCHOR: Joining me now is Senator Tom Hale. Senator, thanks for coming.",
        "SEN. TOM HALE (R), OREGON: Thank you, Nina.",
        "REP. ANA RUIZ (D-CALIF.), HOUSE FOREIGN AFFAIRS COMMITTEE: Good evening.",
    ]))
    assert found["Thank you, Nina."] == ("Tom Hale", "turn")
    assert found["Good evening."] == ("Ana Ruiz", "turn")


def test_a_note_whose_colon_touches_the_words_said_still_labels_the_turn():
    # a scraped page: "<i>(retranslated)</i><b>:</b>President …" loses the space after the colon
    found = explained("Vladimir Putin met President of Mongolia Tomor Bat.\n\n"
                      "President of Mongolia Tomor Bat (retranslated):President Putin, I am glad to see you.\n\n"
                      "Note:this line is no turn.")
    assert found["President Putin, I am glad to see you."] == ("Tomor Bat", "turn")


def test_a_place_before_a_colon_is_a_dateline_not_a_turn():
    found = explained("KARACHI: The port reopened on Monday after a strike.\n\n"
                      "Ships queued at the harbour, which workers left in Karachi last week.\n\n"
                      "LIMA: Peru and Chile agreed on Tuesday to reopen the border.\n\nThe talks lasted a day.")
    assert found["KARACHI: The port reopened on Monday after a strike."] == (None, "narrator")
    assert found["LIMA: Peru and Chile agreed on Tuesday to reopen the border."][1] != "turn"
    assert found["The talks lasted a day."] == (None, "narrator")


def test_a_broadcast_tag_with_a_title_the_lists_do_not_hold_glued_to_the_words_said():
    found = explained("Han Ji-ho / PresidentI ask for patience.\n\n"
                      "Park Min-ho / Opposition floor leaderThe plan has failed.\n\n"
                      "Reporter Kim Ji-su / YTNThe vote is next week.")
    assert found["The plan has failed."] == ("Park Min-ho", "turn")
    assert found["The vote is next week."] == ("Kim Ji-su", "turn")
    # a photo's credit, written without spaces around the slash or before the first turn, is no label
    for credit in ("REUTERS/Ana RuizProtesters march in Lima on Monday.",
                   "Ana Ruiz-Lima Sports / ReutersProtesters march in Lima on Monday."):
        found = explained(credit + "\n\nThe vote is next week.")
        assert all(rule != "turn" for _, rule in found.values()), found


def test_a_reporters_label_asks_from_the_first_paragraph():
    found = explained("Reporter: Mr. President, will you run again?\n\nPresident Han Ji-ho / PresidentI will not.")
    assert found["Mr. President, will you run again?"] == ("Reporter", "turn")


def test_a_presenters_label_a_long_role_and_a_byline_glued_to_its_date():
    found = explained("\n\n".join([
        "LUCY GRANT, PRESENTER: Let's go live to Nairobi. Daniel, what does this deal mean?",
        "DANIEL MWANGI, CORRESPONDENT: Well, Lucy, this is a big deal here.",
        "AMINA YUSUF, Professor of Economics at the University of Nairobi: I think the deal makes sense.",
    ]))
    assert found["Let's go live to Nairobi."] == ("Lucy Grant", "turn")
    assert found["I think the deal makes sense."] == ("Amina Yusuf", "turn")
    found = explained("Staff CorrespondentPublished: 09 Sep 2026, 18:40\n\nDHAKA: Bangladesh and India agreed on "
                      "Tuesday to resume talks, Foreign Adviser Tahmina Rahman said.\n\nThe talks lasted a day.")
    assert all(rule != "turn" for _, rule in found.values()), found


def test_a_label_that_gives_the_role_before_the_name_is_the_named_persons_turn():
    found = explained("Official Spokesperson, Shri Ravi Nair: Good afternoon. The minister travels on Monday.\n\n"
                      "Question: Is there any update on the ferry talks?\n\n"
                      "Official Spokesperson, Shri Ravi Nair: We have nothing further to add.\n\n"
                      "Mr. President, Dear Ana: we thank you for your welcome.")
    assert found["Good afternoon."] == ("Ravi Nair", "turn")
    assert found["Is there any update on the ferry talks?"] == ("Questioner", "turn")
    assert found["We have nothing further to add."] == ("Ravi Nair", "turn")
    # a greeting before the colon names no one who speaks
    assert found["Mr. President, Dear Ana: we thank you for your welcome."][0] != "Dear Ana"


def test_an_interviews_answers_are_the_guests_its_title_names():
    text = ("The minister spoke to our correspondent in Lima.\n\nQ: Will the port open this year?\n\n"
            "A: It will open in May. We have the money.")
    found = explained(text, title="'The port will open': an interview with Trade Minister Ana Quispe")
    assert found["Will the port open this year?"] == ("Questioner", "turn")
    assert found["It will open in May."] == ("Ana Quispe", "turn")
    assert found["We have the money."] == ("Ana Quispe", "turn")
    untitled = explained(text, title="Port talks in Lima")
    assert untitled["It will open in May."] == ("Answerer", "turn")


def test_a_press_conferences_unnamed_answers_are_its_holders():
    text = "Q: Will the ferry talks resume?\n\nA: The talks will resume in June."
    for title in ("Foreign Ministry Spokesperson Ana Quispe's Regular Press Conference on May 6",
                  "Press Conference by Foreign Minister Ana Quispe"):
        assert explained(text, title=title)["The talks will resume in June."] == ("Ana Quispe", "turn")
    both = explained(text, title="Press Conference by Ministers Ana Quispe and Luis Paz")
    assert both["The talks will resume in June."] == ("Answerer", "turn")
