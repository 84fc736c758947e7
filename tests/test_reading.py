"""Attribution reads letters with accents as their base letters and gives names back as written."""
from __future__ import annotations

from dipcli.attribute.reading import reading
from dipcli.core import analyse
from dipcli.model import Article
from dipcli.stance import find_stances
from builders import explained, plain_article


def test_a_name_with_accents_is_a_speaker_spelled_as_the_text_spells_it():
    found = explained("Zoé Ménard said the plan was flawed. Ménard added that more was needed.")
    assert found["Zoé Ménard said the plan was flawed."] == ("Zoé Ménard", "reporting_frame")
    assert found["Ménard added that more was needed."] == ("Zoé Ménard", "reporting_frame")


def test_a_name_in_capitals_in_a_label_is_spelled_in_the_names_own_case():
    text = "PRIME MINISTER ŠARŪNĖ VAITKUTĖ:  Thank you, Madame Présidente.\n\nIt is a pleasure to be here."
    claims = analyse(plain_article(text)).claims
    assert {c.speaker for c in claims} == {"Šarūnė Vaitkutė"}
    assert claims[0].text == "Thank you, Madame Présidente."  # the text's own words


def test_a_word_that_would_read_as_a_country_or_a_short_word_stays_as_written():
    read = reading(plain_article("Volker Türk met Tô Lâm in Brasília."))
    assert read.article.text == "Volker Türk met Tô Lam in Brasilia."
    assert read.unfold("Lam") == "Lâm" and read.unfold("LAM") == "LÂM"
    assert explained("Volker Türk said the situation had deteriorated.")[
        "Volker Türk said the situation had deteriorated."][0] != "Turkey"


def test_an_ascii_text_is_read_as_it_is():
    article = plain_article("Ana Ruiz said the plan was flawed.")
    assert reading(article).article is article


def test_a_stance_holder_with_accents_is_named_as_written():
    text = "The unions met on Monday. Zoé Ménard, the transport minister, condemned the attacks on the port."
    item = analyse(Article(doc="h", path="h.txt", format="text", title=None, date=None, source=None, place=None,
                           category=None, url=None, text=text))
    acts = [(s.holder, s.polarity, s.target) for s in find_stances(item)]
    assert ("Zoé Ménard", "oppose", "the attacks on the port") in acts


# A meeting record as the UN's press releases print one: each speaker's name in capitals, their
# country in brackets or their title set off by commas.
RECORD = "\n\n".join([
    "The Council met today to consider the situation in the region.",
    "TAMSIN ADA OKAFOR, Assistant Secretary-General for Africa, said that needs were at record levels. "
    "She called on donors to act.",
    "ELIAS BRANDT (Norway) said sanctions would only harm civilians. His country was ready to help.",
    "OSLO, June 3 (Reuters) - The talks resumed.",
])


def test_a_name_in_capitals_that_opens_a_paragraph_is_read_as_a_name():
    found = explained(RECORD)
    # the whole name, though its first word stands only where a sentence opens
    assert found["TAMSIN ADA OKAFOR, Assistant Secretary-General for Africa, said that needs were at record levels."] \
        == ("Tamsin Ada Okafor", "reporting_frame")
    assert found["She called on donors to act."][0] == "Tamsin Ada Okafor"
    assert found["ELIAS BRANDT (Norway) said sanctions would only harm civilians."] == (
        "Elias Brandt", "reporting_frame")
    assert found["His country was ready to help."][0] == "Norway"  # the country in brackets is his


def test_a_dateline_in_capitals_is_no_name():
    read = reading(plain_article(RECORD))
    assert "OSLO, June 3 (Reuters)" in read.article.text  # a place before a date or an agency stays
    assert read.article.text.count("Tamsin Ada Okafor") == 1 and len(read.article.text) == len(RECORD)
    assert read.names[0][1:] == ("Tamsin Ada Okafor", None) and read.names[1][1:] == ("Elias Brandt", "Norway")
