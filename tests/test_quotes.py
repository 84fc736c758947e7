"""Quotations as spans: every sentence inside one is its speaker's, wherever the attribution stands."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dipcli import segment
from dipcli.attribute.quotes import Quotations, find_quotations
from builders import explained


def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text, segment.paragraphs(text))]


def test_quote_styles_and_marks_read_by_their_neighbours():
    assert spans('He said "we stay" and left.') == ['"we stay"']
    assert spans("Brandt called it ''a fair plan, nothing more,'' on Monday.") == ["''a fair plan, nothing more,''"]
    assert spans("Vogel said: « Nous restons. » Then she left.") == ["« Nous restons. »"]
    # a scraper's closing glyph that opens: neighbours decide, not the glyph
    assert spans("”We stay. We vote.” ― Ana Lund") == ["”We stay. We vote.”"]
    # single quotes only where no apostrophe fits; "farmers’" is a possessive
    assert spans("The farmers’ union said 'we will not sell the land' on Friday.") == ["'we will not sell the land'"]


def test_an_unclosed_quotation_ends_with_its_paragraph():
    text = 'Okafor called the count "a farce.\n\nThe board met on Friday.'
    quotes = find_quotations(text, segment.paragraphs(text))
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [('"a farce.', False)]


def test_a_quotation_running_on_across_paragraphs_is_one_group():
    text = 'Mayor Ines Carvalho wrote:\n\n"We will rebuild the harbour. It will take years.\n\n"But we will not give up."'
    q = Quotations(text, segment.paragraphs(text), segment.sentences(text, segment.paragraphs(text)))
    assert len({part.group for part in q.quotes}) == 1 and len(q.quotes) == 2


def test_the_cue_after_the_quotation_attributes_its_first_sentence():
    found = explained('"We will finish the bridge. Nobody doubts it," Mayor Ines Carvalho said.')
    assert found['"We will finish the bridge.'] == ("Ines Carvalho", "quotation")


def test_a_word_inside_a_quotation_never_takes_the_quotation():
    found = explained('"Farmers overwhelmingly believe the deal is bad. They say so," said Governor Ruth Adeyemi.')
    assert found['"Farmers overwhelmingly believe the deal is bad.'] == ("Ruth Adeyemi", "quotation")


def test_the_cue_before_the_quotation_and_a_colon_paragraph():
    found = explained('Mayor Ines Carvalho said:\n\n"We will rebuild the harbour. It will take years.\n\n'
                      '"But we will not give up."')
    assert found["It will take years."] == ("Ines Carvalho", "quotation")
    assert found['"But we will not give up."'] == ("Ines Carvalho", "quotation")


def test_a_short_sentence_in_the_next_paragraph_attributes_the_quotation():
    found = explained('“We will rebuild the harbour. It will take years.”\n\nTomas Lindqvist said.')
    assert found["It will take years.”"] == ("Tomas Lindqvist", "quotation")


def test_a_dash_and_a_name_after_the_quotation():
    found = explained("“The vote was fair. We accept the result.” ― Marta Kowalczyk\n"
                      "“Nobody asked us. Nobody listened.”― Pedro Alves.")
    assert found["“The vote was fair."] == ("Marta Kowalczyk", "quotation")
    assert found["Nobody listened."] == ("Pedro Alves", "quotation")
    # the dash and the name, a sentence of their own, attribute the quotation: its speaker's words
    assert found["― Marta Kowalczyk"] == ("Marta Kowalczyk", "quotation")


def test_doubled_apostrophes_and_guillemets():
    found = explained("''It is a fair plan. It will pass,'' said Senator Hugo Brandt.\n\n"
                      "Minister Lena Vogel said: «We stay in the union. Nothing changes.»")
    assert found["''It is a fair plan."] == ("Hugo Brandt", "quotation")
    assert found["Nothing changes.»"] == ("Lena Vogel", "quotation")


def test_a_bare_quotation_right_after_an_attributed_one_goes_on_in_its_voice():
    found = explained('Governor Ruth Adeyemi spoke in Ibadan.\n\n"We won the count," Adeyemi said.\n\n'
                      '"The result is clear."')
    assert found['"The result is clear."'] == ("Ruth Adeyemi", "quotation")


def test_a_quoted_heading_is_no_ones_words():
    found = explained('"We won the count," said Governor Ruth Adeyemi.\n\n\'All Bets Are Off.\'\n\n'
                      "The board met on Friday.")
    assert found["'All Bets Are Off.'"] == (None, "narrator")


def test_an_unbalanced_quotation_leaves_the_next_paragraph_alone():
    found = explained('Governor Ruth Adeyemi spoke. She called the count "a farce.\n\n'
                      "Mayor Ines Carvalho said the count was fair.")
    assert found["Mayor Ines Carvalho said the count was fair."] == ("Ines Carvalho", "reporting_frame")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "Bo", " ", "\n\n", "'", "''", "’", "‘", "\"", "“", "”", "«", "»", "„", ".", ",",
                                 "—", "(", ")", "_", "9"]), max_size=40).map("".join))
def test_single_marks_inside_words_are_skipped_without_changing_quotations(text):
    from dipcli.attribute import quotes

    paras = segment.paragraphs(text)
    skipping = find_quotations(text, paras)
    every_mark, quotes._QUOTE_MARK = quotes._QUOTE_MARK, quotes._MARK
    try:
        assert find_quotations(text, paras) == skipping
    finally:
        quotes._QUOTE_MARK = every_mark


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "_", "9", " ", ".", "'", "''", "’", "‘", "\"", "“", "”", "«", "»", "„", "‟"]),
                max_size=30).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_the_mark_patterns_find_what_their_plain_alternations_find(text, lo, hi):
    """The mark patterns open with one set, for speed; they find the spans of the plain spelling:
    two apostrophes as one mark, then a double mark, then a single one (not between two word
    characters, for the quotation pattern)."""
    import re

    from dipcli.attribute import quotes

    plain = re.compile(r"''|[\"“”„‟«»]|[‘’']")
    plain_quote = re.compile(r"''|[\"“”„‟«»]|[‘’'](?:(?<!\w[‘’'])|(?!\w))")
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    for fast, spelled in ((quotes._MARK, plain), (quotes._QUOTE_MARK, plain_quote)):
        assert [m.span() for m in fast.finditer(text, lo, hi)] == [m.span() for m in spelled.finditer(text, lo, hi)]
