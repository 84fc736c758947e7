"""Sources named by what they are, datelines, cue-last sentences and appositions."""
from __future__ import annotations

from builders import explained
from test_attribute import claims_of, speaker_of


def test_an_institution_named_by_what_it_is_and_the_datelines_country():
    found = explained("ACCRA (Agency) - Ghana will defend its fishing grounds, the foreign ministry said on Tuesday.",
                      place="Accra")
    assert list(found.values()) == [("Ghanaian foreign ministry", "reporting_frame")]


def test_unnamed_officials_and_spokesmen_at_the_end_or_the_start():
    found = explained("The talks will resume next week, a senior official told reporters.\n\n"
                      "A Lagos state government spokesman said the roads were closed.\n\n"
                      "The Ghanaian military said it had seen no launch.\n\n"
                      "The government said nothing more.\n\n"
                      "Prices rose, police said.\n\n"
                      "An official said the road was shut.")
    assert found["The talks will resume next week, a senior official told reporters."] == \
        ("senior official", "reporting_frame")
    assert found["A Lagos state government spokesman said the roads were closed."] == \
        ("Lagos state government spokesman", "reporting_frame")
    assert found["The Ghanaian military said it had seen no launch."] == ("Ghanaian military", "reporting_frame")
    # no place to say whose, but still a source's words, not the outlet's
    assert found["The government said nothing more."] == ("government", "reporting_frame")
    assert found["Prices rose, police said."] == ("police", "reporting_frame")
    assert found["An official said the road was shut."] == ("official", "reporting_frame")


def test_officials_unnamed_and_unplaced_are_officials_and_a_weekday_ends_the_subject():
    found = explained("Ghana and Togo signed a border accord on Tuesday, officials said.\n\n"
                      "The roads reopened on Friday, witnesses said.\n\n"
                      "Lomé will host the next round, Togolese officials said.")
    assert found["Ghana and Togo signed a border accord on Tuesday, officials said."] == ("officials", "reporting_frame")
    assert found["The roads reopened on Friday, witnesses said."] == ("witnesses", "reporting_frame")
    assert found["Lomé will host the next round, Togolese officials said."] == \
        ("Togolese officials", "reporting_frame")


def test_an_apposition_between_the_name_and_the_cue():
    found = explained("Ama Mensah, a campaign spokeswoman, said the advert was false.\n\n"
                      "Kofi Boateng, the attorney general of the Ashanti region, one of the regions suing the "
                      "ministry, said the case was strong.")
    assert found["Ama Mensah, a campaign spokeswoman, said the advert was false."] == \
        ("Ama Mensah", "reporting_frame")
    assert found["Kofi Boateng, the attorney general of the Ashanti region, one of the regions suing the ministry, "
                 "said the case was strong."] == ("Kofi Boateng", "reporting_frame")


def test_an_apposition_before_a_progressive_cue():
    found = explained("Ama Mensah, the chairwoman of the Volta Farmers Union, is demanding a new port levy.")
    assert found["Ama Mensah, the chairwoman of the Volta Farmers Union, is demanding a new port levy."] == \
        ("Ama Mensah", "reporting_frame")


def test_a_trip_headline_does_not_glue_onto_the_name():
    found = explained("MS. RUIZ:  Welcome aboard.\n\nMR. BERG:  Thanks, everybody.",
                      title="Press Gaggle by Press Secretary Ana Ruiz and National Security Advisor Tom Berg "
                            "En Route Oslo, Norway")
    assert found["Thanks, everybody."] == ("Tom Berg", "turn")


def test_a_meeting_record_names_speakers_by_role():
    found = explained("The Committee took up the draft resolution.\n\n"
                      "The Peruvian representative said the text was balanced. She believed it should pass.\n\n"
                      "The delegate of Norway said his delegation would abstain.\n\n"
                      "The Chair said the vote would take place on Friday.")
    assert found["The Peruvian representative said the text was balanced."] == ("Peru", "reporting_frame")
    assert found["She believed it should pass."] == ("Peru", "continuation")
    assert found["The delegate of Norway said his delegation would abstain."] == ("Norway", "reporting_frame")
    assert found["The Chair said the vote would take place on Friday."] == ("Chair", "reporting_frame")
    assert found["The Committee took up the draft resolution."] == (None, "narrator")


def test_a_party_and_state_tag_after_a_name_does_not_hide_it():
    found = explained("Committee chair Sen. Ruth Okafor (D-Ohio) said the hearing would go ahead.")
    assert list(found.values()) == [("Ruth Okafor", "reporting_frame")]


def test_a_report_named_with_words_after_it_is_its_makers():
    found = explained("Turnout fell by a fifth in the north, according to a Harbour Gazette analysis of county "
                      "returns released Monday.\n\nAccording to Port Authority records, the ferry ran 40 times.")
    assert found["Turnout fell by a fifth in the north, according to a Harbour Gazette analysis of county returns "
                 "released Monday."] == ("Harbour Gazette", "according_to")
    assert found["According to Port Authority records, the ferry ran 40 times."] == ("Port Authority", "according_to")


def test_a_foreign_office_is_not_the_british_one_unless_the_text_says_so():
    found = explained("ISLAMABAD: Pakistan and Iran agreed on Tuesday to raise trade, the Foreign Office said.\n\n"
                      "The FCDO said the British envoy would attend.", place="Islamabad")
    assert found["ISLAMABAD: Pakistan and Iran agreed on Tuesday to raise trade, the Foreign Office said."][0] \
        not in (None, "Foreign, Commonwealth and Development Office")
    assert found["The FCDO said the British envoy would attend."][0] == "Foreign, Commonwealth and Development Office"


def test_a_place_after_in_before_the_cue_is_no_speaker():
    found = explained("Critics in Seoul said the plan let the company off the hook.\n\n"
                      "The summit will be held in Belem, Brazilian diplomats said.\n\n"
                      "Residents in Kyiv said the night was calm.")
    assert found["Critics in Seoul said the plan let the company off the hook."] == \
        ("critics in Seoul", "reporting_frame")  # critics where they are, not South Korea
    assert found["The summit will be held in Belem, Brazilian diplomats said."] == \
        ("Brazilian diplomats", "reporting_frame")  # not "Belem Brazilian diplomats"
    assert found["Residents in Kyiv said the night was calm."][0] != "Ukraine"


def test_a_ministry_after_a_word_the_reader_does_not_keep_takes_the_datelines_country():
    found = explained("NAIROBI, Sept 9 (Reuters) - Kenya and Ethiopia signed a deal on Tuesday to double power "
                      "imports, Kenya's tourism ministry said.", place="Nairobi")
    assert next(iter(found.values())) == ("Kenyan ministry", "reporting_frame")


def test_a_ministry_of_any_common_portfolio_speaks_for_its_country():
    found = explained("Portugal's transport ministry said the rail link would open in May.\n\n"
                      "Ghana's agriculture ministry said cocoa prices would rise.")
    assert found["Portugal's transport ministry said the rail link would open in May."] == \
        ("Portugal", "reporting_frame")
    assert found["Ghana's agriculture ministry said cocoa prices would rise."] == ("Ghana", "reporting_frame")


def test_a_coast_guard_or_an_air_force_is_a_source_named_by_what_it_is():
    found = explained("The Philippine coast guard said the ship was hit twice.\n\n"
                      "The Indian air force said two jets were lost.")
    assert found["The Philippine coast guard said the ship was hit twice."] == \
        ("Philippine coast guard", "reporting_frame")
    assert found["The Indian air force said two jets were lost."] == ("Indian air force", "reporting_frame")


def test_a_source_known_by_what_it_knows_is_named_with_it():
    found = explained("Two officials familiar with the talks said the port deal was close.\n\n"
                      "The deal nearly collapsed, according to a person close to the minister.\n\n"
                      "But sources briefed on the plan said the money was not there.\n\n"
                      "The ferry talks involved in the dispute ended on Friday.")
    assert found["Two officials familiar with the talks said the port deal was close."] == \
        ("officials familiar with the talks", "reporting_frame")
    assert found["The deal nearly collapsed, according to a person close to the minister."] == \
        ("person close to the minister", "according_to")
    assert found["But sources briefed on the plan said the money was not there."] == \
        ("sources briefed on the plan", "reporting_frame")
    assert found["The ferry talks involved in the dispute ended on Friday."] == (None, "narrator")


def test_a_source_named_by_where_it_works_or_whom_it_speaks_for():
    found = explained("A spokesman for the fisheries ministry said the boats would stay in port.\n\n"
                      "Analysts at Harlow Bank said prices would rise.\n\n"
                      "The port will reopen in May, said a senior official at the Transport Department.\n\n"
                      "Aides to Omar Haji say the minister wants a deal.\n\n"
                      "The plan for officials at the ministry was dropped.")
    assert found["A spokesman for the fisheries ministry said the boats would stay in port."] == \
        ("spokesman for the fisheries ministry", "reporting_frame")
    assert found["Analysts at Harlow Bank said prices would rise."][0] == "analysts at Harlow Bank"
    assert found["The port will reopen in May, said a senior official at the Transport Department."] == \
        ("senior official at the Transport Department", "reporting_frame")
    assert found["Aides to Omar Haji say the minister wants a deal."][0] == "Omar Haji"  # an entourage: its owner
    assert found["The plan for officials at the ministry was dropped."] == (None, "narrator")


def test_people_placed_by_where_they_are_from_are_the_source_not_the_place():
    found = explained("Two senators from Ohio said the bill would fail.\n\n"
                      "Residents of Aleppo said the shelling went on.\n\n"
                      "Officials from Ghana said the talks were useful.\n\n"
                      "Omar Haji won the vote. Aides to Haji say he is well.")
    assert found["Two senators from Ohio said the bill would fail."] == ("senators from Ohio", "reporting_frame")
    assert found["Residents of Aleppo said the shelling went on."] == ("residents of Aleppo", "reporting_frame")
    assert found["Officials from Ghana said the talks were useful."][0] == "officials from Ghana"
    assert found["Aides to Haji say he is well."][0] == "Omar Haji"  # someone the article names: an entourage


def test_one_person_told_of_for_the_first_time_is_a_new_source_not_the_one_before():
    found = explained("Two officials familiar with the talks said the port deal was close.\n"
                      "The deal is dead, a diplomat said.\n\n"
                      "The talks stalled on Monday, said two people familiar with the matter.\n\n"
                      "The talks stalled on Monday, said officials.\n\n"
                      "The roads are closed, the official said.")
    assert found["The deal is dead, a diplomat said."] == ("diplomat", "reporting_frame")
    assert found["The talks stalled on Monday, said two people familiar with the matter."] == \
        ("people familiar with the matter", "reporting_frame")
    assert found["The talks stalled on Monday, said officials."] == ("officials", "reporting_frame")
    assert found["The roads are closed, the official said."] == (None, "narrator")  # someone told of before


def test_a_body_is_named_without_its_article_wherever_it_stands():
    found = explained("The Harbour Workers Union said the strike would go on.\n\n"
                      "The strike will go on, said the Harbour Workers Union.\n\n"
                      "The port stays shut, the Transport Department said.")
    assert found["The Harbour Workers Union said the strike would go on."][0] == "Harbour Workers Union"
    assert found["The strike will go on, said the Harbour Workers Union."][0] == "Harbour Workers Union"
    assert found["The port stays shut, the Transport Department said."][0] == "Transport Department"


def test_a_word_describing_an_institution_before_its_name_after_according_to():
    claims = claims_of("Taxes would rise by 19.9 percent, according to the conservative Harlow Foundation.\n\n"
                       "The deficit would grow, according to the nonpartisan Budget Review Office.\n\n"
                       "Rents would fall, according to the experts at Harlow.")
    assert speaker_of(claims, "Taxes would rise").speaker == "Harlow Foundation"
    assert speaker_of(claims, "The deficit would grow").speaker == "Budget Review Office"
    assert speaker_of(claims, "Rents would fall").speaker is None


def test_officials_after_a_comma_that_ends_a_plural_object_speak_not_the_opening_subject():
    # "… between the two countries, officials said": the subject phrase read back from the cue
    # runs into the object before the comma; the source is what follows the comma
    found = explained("Ghana and Togo agreed on Tuesday to build a new road between the two countries, officials said.\n\n"
                      "Ghana and Togo agreed on Tuesday to reopen the border posts, Ghanaian officials said.")
    assert list(found.values()) == [("officials", "reporting_frame"), ("Ghanaian officials", "reporting_frame")]


def test_a_capitalised_poll_after_its_maker_and_a_determiner_before_it_are_no_part_of_the_name():
    claims = claims_of("The latest Harlow News Poll asks voters whether the port should reopen.\n\n"
                       "The Mensah poll found most voters in favour.")
    assert speaker_of(claims, "The latest Harlow").speaker == "Harlow News"
    assert speaker_of(claims, "The Mensah poll").speaker == "Mensah"


def test_initials_after_the_name_a_body():
    claims = claims_of("The port was closed on Monday.\n\n"
                       "The HWU said the strike would go on. In July, the HWU called for a ban on night shifts.")
    assert speaker_of(claims, "The HWU said").speaker == "HWU"
    assert speaker_of(claims, "In July, the HWU").speaker == "HWU"


def test_whom_a_writer_writes_for_after_an_inverted_cue_is_no_part_of_the_name():
    claims = claims_of("The poll was taken on Tuesday.\n\n"
                       "\"The impact of the debate is still small,\" wrote Tom Hale for Harlow Consult.")
    assert speaker_of(claims, "\"The impact").speaker == "Tom Hale"


def test_people_known_by_whom_they_stand_with_or_against_are_the_source_not_what_they_stand_on():
    found = explained("Critics of the bill said it would raise costs.\n\n"
                      "Supporters of the plan say it will create jobs.\n\n"
                      "Omar Haji won the vote. Allies of Omar Haji said he would sign it.\n\n"
                      "The critics of President Ana Ruiz say she failed.\n\n"
                      "Do the critics of the plan think it will pass?\n\n"
                      "Will Smith said the plan would pass.\n\n"
                      "Senators from Ohio say the bill will fail.\n\n"
                      "What do members of the Assembly think?\n\n"
                      "Those are the values that the defenders of Ukraine want to secure.\n\n"
                      "On 16 May the Harbour Board decided to close the port.")
    assert found["Critics of the bill said it would raise costs."] == ("critics of the bill", "reporting_frame")
    assert found["Supporters of the plan say it will create jobs."][0] == "supporters of the plan"
    assert found["Allies of Omar Haji said he would sign it."][0] == "allies of Omar Haji"  # not Haji himself
    assert found["The critics of President Ana Ruiz say she failed."][0] == "critics of President Ana Ruiz"
    assert found["Do the critics of the plan think it will pass?"] == (None, "narrator")  # a question reports nothing
    assert found["Will Smith said the plan would pass."][0] == "Will Smith"
    assert found["Senators from Ohio say the bill will fail."][0] == "senators from Ohio"  # a plural's "say"
    assert found["What do members of the Assembly think?"] == (None, "narrator")  # not the Assembly's words
    assert found["Those are the values that the defenders of Ukraine want to secure."] == (None, "narrator")
    assert found["On 16 May the Harbour Board decided to close the port."][0] == "Harbour Board"  # "May", no question
