"""Sentence splitting loads only NLTK's Punkt, and leaves NLTK importable as a whole."""
from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

# Runs in a fresh interpreter: the test process may have imported NLTK already.
SPLIT_THEN_IMPORT_NLTK = """
import sys
from dipcli import segment

text = "The minister said talks were useful. She added that more would follow in Washington, D.C. The end."
spans = [(s.start, s.end) for s in segment.sentences(text, segment.paragraphs(text))]
heavy = sorted(m for m in ("nltk", "scipy", "sklearn", "numpy") if m in sys.modules)
print(spans, heavy)

import nltk  # the whole package still imports, with Punkt in its place
from nltk.tokenize import sent_tokenize
print(nltk.tokenize.punkt.PunktSentenceTokenizer.__name__, callable(sent_tokenize))
"""


def test_splitting_imports_punkt_without_nltk_package_and_scipy():
    out = subprocess.run([sys.executable, "-c", SPLIT_THEN_IMPORT_NLTK], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0] == "[(0, 36), (37, 89), (90, 98)] []"
    assert out[1] == "PunktSentenceTokenizer True"


def test_splitting_after_a_full_nltk_import_gives_the_same_spans():
    import nltk  # noqa: F401 - Punkt then comes by the ordinary import (dipcli.imports.submodule)

    from dipcli import segment

    text = "The minister said talks were useful. She added that more would follow in Washington, D.C. The end."
    assert [(s.start, s.end) for s in segment.sentences(text, segment.paragraphs(text))] == \
        [(0, 36), (37, 89), (90, 98)]


def test_an_abbreviated_day_before_a_date_ends_no_sentence():
    from dipcli import segment

    for day in ("Tues.", "Thurs.", "Fri."):
        text = f"The talks resume on {day} March 3 in Geneva, the ministry said."
        assert [(s.start, s.end) for s in segment.sentences(text, segment.paragraphs(text))] == [(0, len(text))]


def _spans(text: str) -> list[str]:
    from dipcli import segment

    return [text[s.start:s.end] for s in segment.sentences(text, segment.paragraphs(text))]


def test_titles_party_tags_and_initials_end_no_sentence():
    text = ("Sens. Ana Ruiz (D-Ore.) and Tom Hale, R-Kan., wrote the bill. Rep. J.K. Lowe said no. "
            "Lt. Gov. Mara Quist and Atty. Gen. Ed Bane met on Sept. 4 in Salem.")
    assert _spans(text) == ["Sens. Ana Ruiz (D-Ore.) and Tom Hale, R-Kan., wrote the bill.",
                            "Rep. J.K. Lowe said no.",
                            "Lt. Gov. Mara Quist and Atty. Gen. Ed Bane met on Sept. 4 in Salem."]


def test_a_sentence_goes_on_after_a_question_or_bracket_in_lower_case():
    assert _spans('"Why now?" she asked. "Go!" he said.') == ['"Why now?" she asked.', '"Go!" he said.']
    assert _spans("Resolution No. 5 passed. The answer was no. Twelve abstained.") == \
        ["Resolution No. 5 passed.", "The answer was no.", "Twelve abstained."]


def test_a_sentence_end_glued_to_the_next_splits_without_moving_offsets():
    from dipcli import segment

    text = 'Talks ended on Tuesday.During the talks, she said no."It is over."He left.'
    spans = [(s.start, s.end) for s in segment.sentences(text, segment.paragraphs(text))]
    assert [text[a:b] for a, b in spans] == ["Talks ended on Tuesday.", "During the talks, she said no.",
                                             '"It is over."', "He left."]
    assert spans[1][0] == text.index("During") and spans[0][1] == text.index("During")
    assert _spans("The U.S.A. is large.") == ["The U.S.A. is large."]


def _punkt_and_plain():
    """dipcli's memoised Punkt with an empty memo, and Punkt's own answer for a context."""
    from dipcli import segment

    tok = segment._punkt()
    tok._memo.clear()
    plain = type(tok).__mro__[1].text_contains_sentbreak  # NLTK's PunktSentenceTokenizer
    return tok, lambda context: plain(tok, context)


def test_plain_words_before_a_period_share_one_memo_entry():
    tok, _ = _punkt_and_plain()
    for context in ("countries. The", "Morocco. We", "planet. Aa", "world. Moreover,", "Dr. Aa", "etc. Aa"):
        tok.text_contains_sentbreak(context)
    assert sorted(tok._memo) == ["Dr. Aa", "etc. Aa", "xx. Aa", "xx. Moreover,"]


_WORDS_BEFORE = ["countries", "Morocco", "xx", "A", "e", "U", "Mr", "mr", "Dr", "Jan", "jan", "etc", "St", "No",
                 "Gen", "gen", "vs", "Inc", "Tues", "D-Ore", "U.S", "19", "1990s", "Côte", "naïve", "ie", "i.e", ""]
_MARKS = [".", "?", "!", "..", "...", ".)", '."', ".”", "?!", ".'"]
_AFTER = ["The", "the", "We", "Aa", "aa", "(", "1990", '"We', "A", "U.S.", "Moreover,", "and", "É", "-", "Twenty-five"]


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.sampled_from(_WORDS_BEFORE), st.from_regex(r"[A-Za-z]{1,9}", fullmatch=True)),
       st.sampled_from(_MARKS), st.sampled_from([" ", "\n", "  ", " \n"]), st.sampled_from(_AFTER))
def test_the_memo_answers_as_punkt_does_for_every_context(before, mark, space, after):
    """Whatever the memo stores under (a plain word's stand-in, the next word's shape), the answer
    is Punkt's own for the context as written."""
    tok, plain = _punkt_and_plain()
    context = before + mark + space + after
    assert tok.text_contains_sentbreak(context) == plain(context)
    assert tok.text_contains_sentbreak(context) == plain(context)  # (now from the memo)


_PIECES = ["The", "talks", "U.S.", "Mr.", "No.", "etc.", "Dr", "ended", "on", "3", "1990s", "(", ")", '"', "“", "”",
           "’", "'", "--", "—", ".", "..", "...", "?", "!", "?!", ",", ";", ":", "é", "Côte", "[", "]", "}", "«", "»"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES),
                          st.sampled_from(["", " ", " ", " ", "  ", "\t", "\n", " \n", "\xa0", "\r", "\x0c"])),
                max_size=24).map(lambda parts: "".join(a + b for a, b in parts)))
def test_span_tokenize_in_one_loop_gives_nltks_spans(text):
    """dipcli's Punkt writes NLTK's chained generators as one loop (candidates, breaks, realigned
    closing marks): the same spans for any text, odd whitespace and marks abutting included."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from dipcli import segment

    tok = segment._punkt()
    assert tok.span_tokenize(text) == list(PunktSentenceTokenizer.span_tokenize(tok, text))


def test_span_tokenize_in_one_loop_gives_nltks_spans_on_paragraphs():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from dipcli import segment

    tok = segment._punkt()
    for text in ['He said "No." Then he left.', "(Sent one.) Sent two.", "It ended.\tThen (laughter.) More!!! Yes?! ok.",
                 "Rep. J.K. Lowe said no. Talks end Jan. 5 in D.C. The end.", " \tA. B. C.", "Stop -- now. \"Go.\"--he said.",
                 "“Stop.” ‘Go.’ »Here.« Done."]:
        assert tok.span_tokenize(text) == list(PunktSentenceTokenizer.span_tokenize(tok, text)), text
