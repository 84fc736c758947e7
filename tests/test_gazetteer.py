"""Tests for dipcli.gazetteer: table lookups, entity finding, data integrity."""
from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipcli import gazetteer
from dipcli.gazetteer import (
    Entity,
    capital_country,
    country_of,
    demonyms,
    find_entities,
    is_country_word,
)

KINDS = {"country", "organization", "alliance", "grouping", "treaty", "initiative", "agency", "name"}


def triples(text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.name, e.kind) for e in find_entities(text)]


def assert_well_formed(text: str, entities: list[Entity]) -> None:
    previous_end = 0
    for e in entities:
        assert text[e.start:e.end] == e.text
        assert e.start >= previous_end, "entities overlap or are unsorted"
        assert e.start < e.end
        assert e.kind in KINDS
        previous_end = e.end


# ------------------------------------------------------------------ lookups

@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Chinese", "China"),
        ("People's Republic of China", "China"),
        ("People’s Republic of China", "China"),
        ("PRC", "China"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("Americans", "United States"),
        ("the Russian Federation", "Russia"),
        ("Russian", "Russia"),
        ("Britain", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("British", "United Kingdom"),
        ("Republic of Korea", "South Korea"),
        ("ROK", "South Korea"),
        ("South Korean", "South Korea"),
        ("DPRK", "North Korea"),
        ("DR Congo", "Democratic Republic of the Congo"),
        ("Côte d’Ivoire", "Côte d'Ivoire"),
        ("Türkiye", "Turkey"),
        ("Viet Nam", "Vietnam"),
        ("the Netherlands", "Netherlands"),
        ("Dutch", "Netherlands"),
        ("Israelis", "Israel"),
        ("Brazil's", "Brazil"),
        ("CHINA", "China"),
        ("chinese", "China"),
        ("Holy See", "Holy See"),
        ("State of Palestine", "Palestine"),
        ("Chinese Taipei", "Taiwan"),
        ("Kosovo", "Kosovo"),
    ],
)
def test_country_of_names_aliases_and_demonyms(phrase, country):
    assert country_of(phrase) == country


@pytest.mark.parametrize("phrase", ["us", "Us", "uk", "usa", "prc", "Atlantis", "", "the", "Congolese"])
def test_country_of_rejects_lower_case_abbreviations_unknowns_and_ambiguous_forms(phrase):
    assert country_of(phrase) is None


def test_is_country_word_follows_the_same_case_rule_and_keeps_ambiguous_forms():
    assert is_country_word("US")
    assert not is_country_word("us")
    assert is_country_word("Japanese")
    assert is_country_word("Congolese")  # names a country, just not a single one
    assert not is_country_word("Beijing")  # capitals are not country words
    assert not is_country_word("Europe")


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Beijing", "China"),
        ("Washington", "United States"),
        ("Moscow", "Russia"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("The Hague", "Netherlands"),
        ("the Kremlin", "Russia"),
        ("White House", "United States"),
        ("Downing Street", "United Kingdom"),
        ("new delhi", "India"),
    ],
)
def test_capital_country(word, country):
    assert capital_country(word) == country


def test_capital_country_unknown():
    assert capital_country("Gotham") is None
    assert capital_country("China") is None


def test_demonyms():
    assert demonyms("China") == ("Chinese",)
    assert demonyms("PRC") == ("Chinese",)
    assert demonyms("United States") == ("American", "U.S.")
    assert "South Korean" in demonyms("South Korea")
    assert demonyms("Narnia") == ()


# ------------------------------------------------------------- entity finding

XINHUA = (
    "HANOI, June 5 (Xinhua) -- Chinese Foreign Ministry spokesperson Mao Ning said on Monday "
    "that the Chinese side firmly opposes U.S. sanctions and urged Washington to abide by "
    "the UN Charter."
)


def test_wire_story_entities_and_offsets():
    found = find_entities(XINHUA)
    assert_well_formed(XINHUA, found)
    got = [(e.text, e.name, e.kind) for e in found]
    assert got == [
        ("HANOI", "HANOI", "name"),
        ("Xinhua", "Xinhua", "agency"),
        ("Chinese", "China", "country"),
        ("Foreign Ministry", "Foreign Ministry", "name"),
        ("Mao Ning", "Mao Ning", "name"),
        ("Chinese", "China", "country"),
        ("U.S.", "United States", "country"),
        ("Washington", "Washington", "name"),
        ("UN Charter", "UN Charter", "treaty"),
    ]
    first_chinese = next(e for e in found if e.text == "Chinese")
    assert first_chinese.start == XINHUA.index("Chinese Foreign")


READOUT = (
    "President Biden met Prime Minister Anthony Albanese of Australia at the White House on\n"
    "Tuesday. The two leaders reaffirmed their commitment to the Quad and AUKUS, and to a free\n"
    "and open Indo-Pacific. They discussed the Paris Agreement and the Belt and Road Initiative."
)


def test_readout_entities():
    found = find_entities(READOUT)
    assert_well_formed(READOUT, found)
    assert triples(READOUT) == [
        ("President Biden", "President Biden", "name"),
        ("Prime Minister Anthony Albanese", "Prime Minister Anthony Albanese", "name"),
        ("Australia", "Australia", "country"),
        ("White House", "White House", "name"),
        ("Quad", "Quadrilateral Security Dialogue", "grouping"),
        ("AUKUS", "AUKUS", "alliance"),
        ("Indo-Pacific", "Indo-Pacific", "name"),
        ("Paris Agreement", "Paris Agreement", "treaty"),
        ("Belt and Road Initiative", "Belt and Road Initiative", "initiative"),
    ]


UN_SPEECH = (
    "Mr. President, the Republic of Korea stands with the people of Ukraine. We call on the "
    "Democratic People's Republic of Korea to return to the NPT, and on all parties to respect "
    "the Treaty on the Non-Proliferation of Nuclear Weapons and the resolutions of the Security "
    "Council. In May the Russians and the Ukrainians met in Istanbul."
)


def test_speech_entities_longest_match_wins():
    found = find_entities(UN_SPEECH)
    assert_well_formed(UN_SPEECH, found)
    assert triples(UN_SPEECH) == [
        ("President", "President", "name"),
        ("Republic of Korea", "South Korea", "country"),
        ("Ukraine", "Ukraine", "country"),
        ("Democratic People's Republic of Korea", "North Korea", "country"),
        ("NPT", "Treaty on the Non-Proliferation of Nuclear Weapons", "treaty"),
        (
            "Treaty on the Non-Proliferation of Nuclear Weapons",
            "Treaty on the Non-Proliferation of Nuclear Weapons",
            "treaty",
        ),
        ("Security Council", "UN Security Council", "organization"),
        ("Russians", "Russia", "country"),
        ("Ukrainians", "Ukraine", "country"),
        ("Istanbul", "Istanbul", "name"),
    ]


def test_demonyms_count_only_when_they_modify_something():
    assert triples("the Russian side") == [("Russian", "Russia", "country")]
    assert triples("Sino-Japanese ties") == [
        ("Sino", "China", "country"),
        ("Japanese", "Japan", "country"),
    ]
    assert triples("She answered in Japanese.") == []
    assert triples("The Japanese, however, declined.") == []


def test_abbreviation_case_rule_and_shouting():
    assert triples("Let us meet the US envoy") == [("US", "United States", "country")]
    assert all(e.name != "United States" for e in find_entities("LET US GO"))
    assert triples("Talks: US, China") == [
        ("Talks", "Talks", "name"),
        ("US", "United States", "country"),
        ("China", "China", "country"),
    ]
    assert triples("the EU, NATO, US and UN") == [
        ("EU", "European Union", "organization"),
        ("NATO", "North Atlantic Treaty Organization", "alliance"),
        ("US", "United States", "country"),
        ("UN", "United Nations", "organization"),
    ]


def test_regions_block_false_country_matches():
    text = "Latin American states, the Indian Ocean and the Gulf of Guinea"
    assert triples(text) == [
        ("Latin American", "Latin America", "name"),
        ("Indian Ocean", "Indian Ocean", "name"),
        ("Gulf of Guinea", "Gulf of Guinea", "name"),
    ]


def test_proper_noun_runs():
    assert triples("They met Ursula von der Leyen and John F. Kennedy in St. Petersburg.") == [
        ("Ursula von der Leyen", "Ursula von der Leyen", "name"),
        ("John F. Kennedy", "John F. Kennedy", "name"),
        ("St. Petersburg", "St. Petersburg", "name"),
    ]
    # "and" joins only right after "of": a ministry, not two people
    assert [e.text for e in find_entities("the Ministry of Commerce and Industry, Ali and Omar")] == [
        "Ministry of Commerce and Industry",
        "Ali",
        "Omar",
    ]
    assert [e.text for e in find_entities("People's Liberation Army and Lavrov's remarks")] == [
        "People's Liberation Army",
        "Lavrov",
    ]
    assert [e.text for e in find_entities("the Nord Stream blast near Bornholm")] == [
        "Nord Stream",
        "Bornholm",
    ]


def test_function_words_dates_and_months_are_not_entities():
    text = "The talks began. In March the envoy left. On Monday, May 9, However Ahmed spoke."
    assert [e.text for e in find_entities(text)] == ["Ahmed"]
    assert [e.text for e in find_entities("Theresa May spoke in May.")] == ["Theresa May"]
    assert [e.text for e in find_entities("Unfortunately Ahmed left.")] == ["Ahmed"]


def test_name_field_collapses_line_breaks():
    (entity,) = find_entities("Minister Sergey\n  Lavrov")
    assert entity.text == "Minister Sergey\n  Lavrov"
    assert entity.name == "Minister Sergey Lavrov"


def test_blank_line_ends_a_name():
    assert [e.text for e in find_entities("Foreign Minister\n\nWang Yi")] == [
        "Foreign Minister",
        "Wang Yi",
    ]


def test_determinism():
    text = XINHUA + "\n\n" + READOUT + "\n\n" + UN_SPEECH
    assert find_entities(text) == find_entities(text)
    # offsets of a document do not depend on what precedes it, only shift
    shifted = find_entities("preamble.\n\n" + READOUT)
    base = find_entities(READOUT)
    assert [(e.start - 11, e.text) for e in shifted] == [(e.start, e.text) for e in base]


def test_empty_and_lower_case_text():
    assert find_entities("") == []
    assert find_entities("nothing to see here, just words.") == []


def test_pathological_capitalised_words():
    text = "Alpha Beta " * 95_000  # ~1 MB, one endless proper-noun run
    found = find_entities(text)
    assert len(found) == 1
    assert found[0].start == 0 and found[0].end == len(text) - 1


def test_pathological_no_spaces():
    assert find_entities("a" * 1_000_000) == []
    (entity,) = find_entities("B" * 1_000_000)
    assert entity.end == 1_000_000
    text = "U.S." * 25_000  # back-to-back table matches
    found = find_entities(text)
    assert len(found) == 25_000
    assert_well_formed(text, found)


_PIECES = [
    "China", "Chinese", "the", "Russian", "Federation", "U.S.", "US", "us", "of", "and",
    "Security", "Council", "United", "Nations", "Republic", "Korea", "People's", "side",
    "Monday", "May", "Ahmed", "al-", "Assad", "-", ".", ",", "'s", "\n", "\n\n", " ", "The",
    "NATO", "Sino", "Indian", "Ocean", "of the", "Mr.", "F.", "COVID-19", "’", "Côte", "d'Ivoire",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.sampled_from([" ", "", "\n"]), max_size=40))
def test_random_text_is_well_formed(pieces, separators):
    text = "".join(p + (separators[i] if i < len(separators) else " ") for i, p in enumerate(pieces))
    found = find_entities(text)
    assert_well_formed(text, found)
    assert found == find_entities(text)


# -------------------------------------------------------------- data tables

def test_data_files_ship_inside_the_package():
    data = resources.files("dipcli").joinpath("data")
    assert data.joinpath("countries.tsv").is_file()
    assert data.joinpath("organizations.tsv").is_file()


def test_country_table_integrity():
    rows = gazetteer._countries()
    members = [c for c in rows if c.un == "member"]
    assert len(members) == 193
    assert sorted(c.name for c in rows if c.un == "observer") == ["Holy See", "Palestine"]
    assert len({c.name for c in rows}) == len(rows)
    codes = [c.iso3 for c in rows]
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 3 and code.isupper() for code in codes)
    assert all(c.un in {"member", "observer", "other", "former"} for c in rows)


def test_every_country_form_resolves_to_its_row():
    for c in gazetteer._countries():
        for form in (c.name, *c.aliases, *c.demonyms):
            if form != "Congolese":
                assert country_of(form) == c.name, form
        for place in (*c.capitals, *c.seats):
            assert capital_country(place) == c.name, place


def test_every_organization_form_is_found_as_itself():
    allowed = {"organization", "alliance", "grouping", "treaty", "initiative", "agency", "region"}
    rows = gazetteer._organizations()
    assert len({o.name for o in rows}) == len(rows)
    for org in rows:
        assert org.kind in allowed, org
        kind = "name" if org.kind == "region" else org.kind
        for form in (org.name, *org.aliases):
            assert triples(form) == [(form, org.name, kind)], form


@pytest.mark.parametrize(("text", "found"), [
    ("decisions of the National Syrian Dialogue Congress in Sochi",
     [("National Syrian Dialogue Congress", "name"), ("Sochi", "name")]),
    ("the Royal Thai Army", [("Royal Thai Army", "name")]),
    # a demonym that opens a name, or stands between a name and a lower-case word, is its country
    ("the Russian Orthodox Church", [("Russia", "country"), ("Orthodox Church", "name")]),
    ("Prime Minister Modi Indian officials said", [("Prime Minister Modi", "name"), ("India", "country")]),
])
def test_a_demonym_between_two_capitalised_words_of_a_name_is_part_of_the_name(text, found):
    assert [(e.name, e.kind) for e in find_entities(text)] == found
