"""Fast matchers give the answers of the plain regular expressions they stand for."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipcli import cues
from dipcli.attribute.cast import _first_word_of
from dipcli.attribute.frames import _left_subject

# Word characters, non-word characters and a non-ASCII letter: the edges of \b.
ALPHABET = "Ab_ .-'é1,"
words = st.text(ALPHABET, min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(st.lists(words, min_size=1, max_size=4, unique=True), st.text(ALPHABET, max_size=24))
def test_first_word_of_is_a_word_bounded_alternation(found_words, text):
    ordered = sorted(found_words, key=lambda w: (-len(w), w))
    m = re.search(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", text)
    assert _first_word_of(text, ordered) == ((m.start(), m.group()) if m else None)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.text("abcs", min_size=1, max_size=5), min_size=1, max_size=8), st.text("abcs", max_size=6))
def testtrie_pattern_matches_exactly_its_words(vocabulary, probe):
    rx = re.compile(cues.trie_pattern(vocabulary))
    assert bool(rx.fullmatch(probe)) == (probe in vocabulary)


def test_each_cue_head_finds_the_cue_the_whole_lexicon_would():
    sent = ("The minister expressed deep concern over the strikes and called for restraint, "
            "pointed out that talks are ongoing, is committed to peace and said the two sides agreed.")
    found = [m.group() for m in cues.find_cues(sent)]
    assert found == ["expressed deep concern", "called for", "pointed out", "is committed", "said", "agreed"]
    assert "said" in cues.cue_heads() and "unsaid" not in cues.cue_heads()
    assert [m.group() for m in cues.find_cues("It remains unsaid; Saidov said so.")] == ["said"]


@pytest.mark.parametrize("sent, found", [
    ("The minister raised the importance of the port talks.", ["raised"]),
    ("The minister raised concerns about the port.", ["raised concerns"]),
    ("The central bank raised interest rates again.", []),  # money and rates are raised, not said
    ("The campaign raised $3 million in May.", []),
    ("The party raised more money than its rivals.", []),
])
def test_raise_reports_a_topic_not_money_or_rates(sent, found):
    assert [m.group().strip() for m in cues.find_cues(sent)] == found


def test_left_subject_reads_a_long_subject_whole():
    subject = ("Minister of Foreign Affairs of the Kingdom of the Netherlands and Deputy Prime Minister "
               "Jan Hendrik Berg")
    sent = subject + " said the talks went well."
    assert len(subject) > 60  # many words, read right to left
    assert _left_subject(sent, len(subject) + 1) == (subject, 0)
    after_clause = "as expected, " + sent
    assert _left_subject(after_clause, len(after_clause) - len(" said the talks went well.") + 1) == (subject, 1)


def test_prepare_builds_what_the_analysis_would_build_at_first_use():
    import subprocess
    import sys

    probe = """
from dipcli import core, cues, gazetteer, segment
core.prepare()
print(cues._cue_regex.cache_info().currsize == len(set(cues._branches_of().values())),
      gazetteer._matcher.cache_info().currsize, segment._punkt.cache_info().currsize)
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "1", "1"]


def test_phrase_shapes():
    from dipcli.attribute.subjects import _phrase_shape

    assert _phrase_shape("The two sides") == ("collective", None)
    assert _phrase_shape("the national security advisors") == ("group", "national security advisors")
    assert _phrase_shape("the joint statement") == ("document", None)
    assert _phrase_shape("In Moscow, Putin") == ("clause", None)
    assert _phrase_shape("Xi, Putin and their delegations") == ("parts", ("Xi", "Putin"))
    assert _phrase_shape("") == ("parts", ())


def test_left_subject_stops_at_the_word_that_cannot_belong_to_it():
    sent = "After talks that lasted all night, the Chinese Foreign Minister also said the talks went well."
    assert _left_subject(sent, sent.index(" said") + 1) == ("the Chinese Foreign Minister", 1)
    sent = "The sanctions were discussed at length."
    assert _left_subject(sent, sent.index("discussed")) is None  # a passive: what was discussed
    sent = "Words " * 40 + "said so."  # more than 25 words of a possible subject: none
    assert _left_subject(sent, sent.index("said")) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text("abAé_-", min_size=1, max_size=3).filter(lambda w: w[0].isalpha()), min_size=1,
                max_size=5), st.text("abAé_- .", max_size=20))
def test_from_letter_is_a_word_bounded_alternation_in_order(alternatives, text):
    escaped = [re.escape(a) for a in alternatives]
    plain = re.compile(r"\b(?:" + "|".join(escaped) + ")")
    fast = re.compile(cues.from_letter(escaped))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "says", "expressed", "hope", "called", "for", "is", "committed", "to",
                                 "Said", "unsaid", "said_", "1", "é", " ", ", ", ". ", "(", ")", "“", "”", "—",
                                 "\n", "-"]), max_size=16).map("".join))
def test_cue_heads_are_found_as_whole_words(text):
    # find_cues scans for a head after a character that is no word character, or at the start:
    # the same cues as starting a match at every whole word that can start one, but for a word
    # glued by a hyphen to a letter or digit before it ("Council-backed")
    plain = re.compile(r"\b(?:" + cues.trie_pattern(cues.cue_heads()) + r")\b")
    expected, pos = [], 0
    for w in plain.finditer(text):
        i = w.start()
        if i < pos or i > 1 and text[i - 1] == "-" and text[i - 2].isalnum():
            continue
        m = cues._cue_regex(cues._branches_of()[w.group()]).match(text, w.start())
        if m:
            pos = m.end()
            expected.append((m.span(), m.group()))
    assert [(m.span(), m.group()) for m in cues.find_cues(text)] == expected


def test_from_letter_refuses_what_does_not_begin_with_a_letter():
    with pytest.raises(ValueError):
        cues.from_letter(["ok", "-no"])


def texts_of(*pieces: str):
    """Random texts made of pieces of a pattern, so they hit its edges often."""
    return st.lists(st.sampled_from(pieces), max_size=10).map("".join)


EDGES = (". ", "! ", "? ", "\n", ", ", "; ", " ", "x", "1", "é")


@settings(max_examples=400, deadline=None)
@given(texts_of("Mr. Anna Berg said", "Ms Li Wei also held", "Anna Berg Li said", "Li Wei", " talks", *EDGES))
def test_untitled_subjects_are_the_plain_pattern_at_line_and_sentence_starts(text):
    from dipcli.attribute import names as at

    plain = re.compile(r"(?=[A-Z])(?:^|(?<=[.!?] )|(?<=\n))" + at.UNTITLED_SUBJECT.pattern, re.MULTILINE)
    assert [(m.group("name"), m.start("name"), m.end()) for m in at.untitled_subjects(text)] == \
        [(m.group("name"), m.start("name"), m.end()) for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts_of("it was agreed", "It Was also noted", "it  is", " stressed", "the sides reached",
                "an agreement was reached", *EDGES))
def test_impersonal_is_the_plain_search(text):
    from dipcli.attribute import rules as at

    plain = re.compile(r"(?:^|,\s*|;\s*)" + at.IMPERSONAL.pattern, re.IGNORECASE).search(text)
    found = at.IMPERSONAL.match(text) or at._IMPERSONAL_AFTER.search(text)
    assert (found.span(), found.group()) == (plain.span(), plain.group()) if plain else found is None


@settings(max_examples=400, deadline=None)
@given(texts_of("President", "Vice ", "Prime Minister", "Governor", "-General", "Mr", "Dr.", "Statement",
                "Joint ", "Joint Declaration", "Communiqué", " of the", " Accord", "Memorandum", *EDGES))
def test_title_and_document_scans_are_their_plain_patterns(text):
    from dipcli.attribute import cast, names

    titles = re.compile(rf"\b(?:{names.TITLES})\b")
    assert [m.span() for m in names.TITLE_WORD.finditer(text)] == [m.span() for m in titles.finditer(text)]
    docs = re.compile(r"\b(?:Joint\s+)?(?:Statement|Declaration|Communiqu[eé]|Memorandum)\b"
                      r"(?:\s+(?:of|on|by|between|from|for|in|to|and|the|a|an|with|[A-Z0-9][\w’'\-]*))*")
    assert [m.span() for m in cast.DOC_TITLE.finditer(text)] == [m.span() for m in docs.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts_of("the ", "The ", "both ", "all ", "leaders", "minist", "ers", "ions", "ies", "-", "\n", *EDGES))
def test_a_plural_subject_needs_a_plural_ending(text):
    from dipcli.attribute import frames as at

    if at.PLURAL_LEFT.search(text):
        assert text.endswith(at._PLURAL_TAILS)


def test_an_object_after_a_preposition_and_any_determiner_is_no_subject():
    from dipcli.attribute.frames import _after_preposition

    for det in ("our", "both", "all", "no"):
        sent = f"The friendship between {det} Nations, dating back to 1850, affirms the bond."
        assert _after_preposition(sent, sent.index(","), "Nations")
    sent = "Both Nations, dating back to 1850, affirm the bond."
    assert not _after_preposition(sent, sent.index(","), "Nations")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Ana Ruiz", "ANA  RUIZ", "ana\nruiz", "Kim", "KIM", "kım", "\u212aim", "ſam", "Sam",
                                 "İ", "é", "_", "1", " ", ", ", "-", "’"]), max_size=10).map("".join))
def test_a_lowered_text_read_minding_case_finds_what_ignoring_case_finds(text):
    pattern = r"(?<!\w)(?:ana\s+ruiz|kim|sam)(?!\w)"
    expected = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    low = cues.lowered(text)
    if low is None:
        assert any(c in text for c in "İıſ")
    else:
        assert [m.span() for m in re.finditer(pattern, low)] == expected


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["Chinese", "US", "U.S.", "the", "of", "McCain", "xY", "é", "É", "Press", "National", "-",
                                 ".", ",", " ", "  ", "\t", "\n", "1", "_"]), max_size=10).map("".join),
       st.integers(0, 12))
def test_the_capitals_test_passes_every_span_the_capitals_pattern_matches(text, cut):
    """Where the test says no, the pattern it spares finds nothing."""
    from dipcli.attribute import names

    for start in range(0, min(cut, len(text)) + 1):
        if names.CAP_BEFORE.search(text, start, len(text)) is not None:
            assert names._may_end_capitalised(text, start, len(text))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["did", "not", "n't", "n’t", "never", "yet", "respond", "reply", "answer", "return", "said",
                                 "x", " ", "  ", ",", "."]), max_size=12).map("".join), st.integers(0, 60))
def test_unanswered_answers_as_its_pattern(text, cue_start):
    """The look for the pattern's verbs in its window spares the pattern only where it finds nothing."""
    m = cues._NO_ANSWER.search(text, max(0, cue_start - 30), cue_start + 8)
    assert cues.unanswered(text, cue_start) == (m is not None and m.end() > cue_start)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["I", "I ", " I", "my", "My", "MY", "me", "Me", "myself", "mine", "War", "Finally,", "a",
                                 "am", "_", "1", "é", " ", "  ", "\n", ",", ";", ".", "'", "-", "’", "(", "İ"]),
                max_size=12).map("".join))
def test_speaks_as_i_answers_as_its_whole_pattern(text):
    """Without "I " the fast path reads only "my", "me" and "myself", as the whole pattern does there."""
    from dipcli.attribute import scope

    whole = any(not (m.group(1) or "")[:1].isupper() or m.start(1) == 0 or m.group(1)[-1] in ",;:"
                for m in scope._FIRST_SINGULAR.finditer(text))
    assert scope.speaks_as_i(text) == whole


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
                 st.lists(st.sampled_from(["Support", "x_1", " ", ".", "-", "é"]), max_size=12).map("".join)))
def test_ascii_words_are_the_word_runs_of_the_text(text):
    words = cues.ascii_words(text)
    assert words == (None if not text.isascii() else [w.encode("ascii") for w in re.findall(r"\w+", text)])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["said", "says", "is", "Said", "saidx", "_said", "told", "expressed", "called", "on", "hope",
                                 "x", "1", "_", " ", "  ", "\t", "\n", ".", ",", "'", "-", "(", '"', "\x00", "\x7f"]),
                max_size=14).map("".join))
def test_the_ascii_head_scan_finds_what_the_scan_for_any_text_finds(text):
    """In an ASCII text, the heads looked up among the words of the spaced copy are those the
    text pattern finds after a character that is no word character, at the same offsets."""
    spaced = text.encode("ascii").translate(cues._ASCII_SPACED)
    assert [(at, head.decode()) for at, head in cues._ascii_hits(spaced)] == \
        [(m.start(1), m.group(1)) for m in cues._head_scan_any().finditer(text)]


@settings(max_examples=900, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=40), st.text(max_size=20),
                 st.lists(st.sampled_from(["Support", "NOT", "x_1", " ", "\t", "\n", ".", ",", "'", "-", "(", "@", "\x7f",
                                           "\x00", "é", "İ", "ı", "ſ", "\u212a", "’", "—", "“", "\xa0", "\u2028", "\u0307"]),
                          max_size=12).map("".join)))
def test_lowered_words_are_the_word_runs_of_the_lowered_text(text):
    """The byte table's words of a text are ``\\w+`` over it in lower case, also where it has
    characters beyond ASCII that are no word characters ("’", "—"); with a word character beyond
    ASCII ("é"), none."""
    words = cues.lowered_words(text)
    if re.search(r"[^\W\x00-\x7f]", text):
        assert words is None
    else:
        assert words == [w.encode("ascii") for w in re.findall(r"\w+", text.lower())]


@settings(max_examples=400, deadline=None)
@given(texts_of("U.S.", "1.5", "1,000", "don't", "anti-war", "and/or", "--", "—", "“", "A.", " ", "  ", "\t", *EDGES))
def test_stance_tokens_are_the_plain_alternatives(text):
    from dipcli.stance import tokens

    assert tokens.TOKEN.findall(text) == re.findall(tokens.TOKEN_ALTERNATIVES, text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["Ali", "Ali Khan", "Khan", "al", "x", "_", "é", "1", " ", "  ", "\n", ".", "-", "’"]),
                max_size=12).map("".join), st.booleans())
def test_unpreceded_finds_what_the_look_behind_finds(text, ignore_case):
    """The matches no word character precedes, searched for one after another, are those of the
    pattern opened by ``(?<!\\w)``: an overlapping later name ("xAli Khan": "Khan") is found too."""
    names = r"(?:Ali\s+Khan|Khan|Ali|al)(?!\w)"
    flags = re.IGNORECASE if ignore_case else 0
    plain = re.compile(r"(?<!\w)" + names, flags)
    assert [m.span() for m in cues.unpreceded(re.compile(names, flags), text)] == \
        [m.span() for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["é", "É", "ç", "ø", "ł", "ß", "’", "e", "E", "Fran", " ", "\n", "-", "İ", "ı", "x"]),
                max_size=16).map("".join))
def test_folding_replaces_the_table_letters_as_translate_does(text):
    """Folding an article's letters with an accent by a scan for them is its translation by the table."""
    from dipcli.attribute import reading

    table = reading._table(text)
    if table:
        letters = re.compile("[" + "".join(map(chr, sorted(table))) + "]")
        assert reading._folded(text, table, [], letters) == text.translate(table)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["VASSILY", "NEBENZIA", "O'NEIL", "J.", " ", "\t", "\n", "\n\n", "(Russia)", "(", ")",
                                 ", Minister", ", ", "said", "Ab", "A"]), max_size=14).map("".join))
def test_capitals_names_are_the_multiline_pattern_s_matches(text):
    """Names in capitals at a line's start, found from the text's start and after each line break,
    are the ``(?m)^`` pattern's matches, group for group."""
    from dipcli.attribute import reading

    def groups(ms):
        return [(m.span(1), m.groups()) for m in ms]

    assert groups(reading.capitals_names(text)) == groups(reading._CAPITALS_NAME.finditer(text))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["climate", "Climate", "change", "a", ".", " ", "  ", "x.", "_", "é", "1", "-", "’", "\n"]),
                max_size=12).map("".join), st.sampled_from(["climate", "change", "a", "x.", "e-"]))
def test_written_in_lower_case_is_the_pattern_s_answer(text, word):
    """The occurrences of a word tested where they stand answer as the pattern that opens with a look-behind."""
    from dipcli.attribute.cast import written_in_lower_case

    plain = re.search(rf"(?<![\w.] )\b{re.escape(word)}\b", text) is not None
    assert written_in_lower_case(text, word) == plain


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["Tammy", "tammy", "T.", "O’", "Duckworth", "duckworth", "Duck", "a", "-", ".", " ", "  ",
                                 "\n", "\xa0", "_", "1", "é", "É", ","]), max_size=10).map("".join),
       st.sampled_from(["Duckworth", "Duck", "a", "T."]))
def test_named_after_capital_is_the_pattern_s_answer(text, word):
    """Read back from each occurrence of the word, the answer is the pattern's that opens with a capital."""
    from dipcli.stance.cast import named_after_capital

    plain = re.search(rf"[A-Z][\w’'.\-]*\s+{re.escape(word)}\b", text) is not None
    assert named_after_capital(text, word) == plain


def _opening_cue_lowered_by_first_word(sent: str) -> str:
    """The plain reading: the first run of word characters, lower-cased, is an opening cue."""
    first = re.match(r"\W*(\w+)", sent)
    if first is None or not first.group(1)[:1].isupper() or first.group(1).lower() not in cues.opening_cues():
        return sent
    i = first.start(1)
    return sent[:i] + sent[i].lower() + sent[i + 1:]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["", " ", "“", "\"", "--", "(", "1 ", "_", "é"]),
       st.sampled_from(["said", "says", "wrote", "added", "asks", "saidov", "say", "noted", "stated", "sa", "x"]),
       st.lists(st.sampled_from(["upper", "title", "lower", "kelvin", "long s", "dotted"]), min_size=1, max_size=3),
       st.sampled_from(["", " Lee", ": no.", "-based", "_x", "é", "1", "’s"]))
def test_an_opening_cue_is_lowered_as_reading_the_first_word_would(before, word, cases, after):
    # opening_cue_lowered tries a pattern of the cues ignoring case instead of reading each first
    # word: the same text, whatever the case of the word and the letters beyond ASCII that a
    # pattern ignoring case takes for ASCII ones ("K" the Kelvin sign, "ſ", "İ")
    for case in cases:
        if case == "upper":
            word = word.upper()
        elif case == "title":
            word = word.capitalize()
        elif case == "kelvin":
            word = word.replace("k", "\u212a")
        elif case == "long s":
            word = word.replace("s", "ſ", 1)
        elif case == "dotted":
            word = word.replace("i", "İ")
    sent = before + word + after
    assert cues.opening_cue_lowered(sent) == _opening_cue_lowered_by_first_word(sent)
