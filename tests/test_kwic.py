"""Keyword in context over claims of short texts written for these tests."""
from __future__ import annotations

import pytest

from dipcli.kwic import kwic
from dipcli.model import Analysed, Article, Claim, DipError


def analysed(doc: str, text: str, claims: list[tuple[str | None, str]]) -> Analysed:
    """Claims located in ``text`` by their sentence (each must occur once)."""
    made = []
    for i, (speaker, sentence) in enumerate(claims):
        start = text.index(sentence)
        made.append(Claim(doc=doc, id=f"{doc}:{i}", paragraph=0, start=start, end=start + len(sentence),
                          text=sentence, speaker=speaker, speaker_kind="narrator" if speaker is None else "person"))
    article = Article(doc=doc, path=f"{doc}.txt", format="text", title=None, date=None, source=None,
                      place=None, category=None, url=None, text=text)
    return Analysed(article=article, paragraphs=[], claims=made)


NEWS_TEXT = (
    "BRUSSELS, June 2 (Agency) -- The ministers met for four hours.\n\n"
    "-- Minister Lena Okafor said new Sanctions on fertiliser would hurt\nfarmers across the region.\n\n"
    "-- President Tomas Lindqvist said his government had sanctioned three firms, and that the\n"
    "grain corridor must stay open.\n\n"
    "-- Okafor said Kenya's position on the grain corridor was unchanged. Grain. Corridor talks ended."
)
NEWS = analysed("news", NEWS_TEXT, [
    (None, "The ministers met for four hours."),
    ("Lena Okafor", "Minister Lena Okafor said new Sanctions on fertiliser would hurt\nfarmers across the region."),
    ("Tomas Lindqvist", "President Tomas Lindqvist said his government had sanctioned three firms, and that the\n"
                        "grain corridor must stay open."),
    ("Lena Okafor", "Okafor said Kenya's position on the grain corridor was unchanged."),
    ("Lena Okafor", "Grain. Corridor talks ended."),
])

TRANSCRIPT_TEXT = (
    "MINISTER HADDAD: We will not accept sanctions that punish civilians.\n"
    "Q: And the grain corridor?\n"
    "MINISTER HADDAD: The Grain Corridor is a lifeline."
)
TRANSCRIPT = analysed("transcript", TRANSCRIPT_TEXT, [
    ("Ahmed Haddad", "We will not accept sanctions that punish civilians."),
    ("Ahmed Haddad", "The Grain Corridor is a lifeline."),
])


def check_offsets(hits, items):
    texts = {item.article.doc: item.article.text for item in items}
    for h in hits:
        assert texts[h.doc][h.start:h.end] == h.match
        assert "\n" not in h.left and "\n" not in h.right


def test_a_word_matches_its_inflections_in_any_case():
    hits = kwic([NEWS, TRANSCRIPT], "sanction")
    check_offsets(hits, [NEWS, TRANSCRIPT])
    assert [h.match for h in hits] == ["Sanctions", "sanctioned", "sanctions"]
    assert [h.doc for h in hits] == ["news", "news", "transcript"]


def test_a_phrase_matches_consecutive_words_only():
    hits = kwic([NEWS, TRANSCRIPT], "Grain corridors")
    check_offsets(hits, [NEWS, TRANSCRIPT])
    # across a line break yes; across a full stop ("Grain. Corridor") no
    assert [h.match for h in hits] == ["grain corridor", "grain corridor", "Grain Corridor"]
    assert [h.claim for h in hits] == ["news:2", "news:3", "transcript:1"]


def test_a_phrase_matches_through_a_possessive():
    hits = kwic([NEWS], "Kenya's position")
    check_offsets(hits, [NEWS])
    assert [h.match for h in hits] == ["Kenya's position"]


def test_speaker_filter_matches_any_word_of_the_name_case_insensitively():
    assert {h.speaker for h in kwic([NEWS, TRANSCRIPT], "sanctions", speaker="OKAFOR")} == {"Lena Okafor"}
    assert {h.speaker for h in kwic([NEWS, TRANSCRIPT], "sanctions", speaker="ahmed haddad")} == {"Ahmed Haddad"}
    assert kwic([NEWS], "ministers", speaker="narrator")[0].speaker is None
    assert kwic([NEWS], "sanctions", speaker="Putin") == []


def test_context_is_cut_at_word_boundaries_and_line_breaks_become_spaces():
    hits = kwic([NEWS], "fertiliser", window=20)
    (hit,) = hits
    check_offsets(hits, [NEWS])
    assert len(hit.left) <= 20 and len(hit.right) <= 20
    assert hit.left == "new Sanctions on "  # "Okafor said" cut back to a whole word
    assert hit.right == " would hurt farmers"  # "farmers across" cut before "across"
    assert NEWS_TEXT[:hit.start].replace("\n", " ").endswith(hit.left)
    assert NEWS_TEXT[hit.end:].replace("\n", " ").startswith(hit.right)


def test_no_hit_and_bad_terms():
    assert kwic([NEWS], "tariffs") == []
    with pytest.raises(DipError):
        kwic([NEWS], "  -- 2023 ")
    with pytest.raises(DipError):
        kwic([NEWS], "grain", window=-1)


def test_hits_come_in_text_order_and_only_from_claims():
    text = "Outside any claim: grain. " + "The grain price rose. Grain stocks fell."
    item = analysed("order", text, [("Mei Tanaka", "Grain stocks fell."), ("Mei Tanaka", "The grain price rose.")])
    hits = kwic([item], "grain")
    check_offsets(hits, [item])
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert len(hits) == 2 and all(h.start > len("Outside any claim: grain.") for h in hits)
