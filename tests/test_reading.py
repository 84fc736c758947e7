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
