"""Paragraphs and sentences with offsets into ``Article.text``.

Sentences come from NLTK's Punkt tokenizer, used untrained (no downloaded
model): its parameters get a list of abbreviations instead. Untrained Punkt
has no orthographic statistics, so an abbreviation that ends a sentence
("… in Washington, D.C. The President …") is split afterwards when the next
word is one that commonly opens a sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from .model import Paragraph, Sentence


@cache
def _word_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Abbreviations that never end a sentence ("mr", "gen"), the others ("u.s", "jan"), both lower
    case without the final period as Punkt stores them; and words that commonly open a sentence."""
    from . import lexicon

    leading = lexicon.words("leading_abbreviations")
    dates = lexicon.words("month_abbreviations") | lexicon.words("weekday_abbreviations")
    other = lexicon.words("abbreviations") | {w.lower() for w in dates}
    return leading, frozenset(other), lexicon.words("sentence_openers")


@cache
def _number_abbreviation() -> re.Pattern[str]:
    """An abbreviation that stands before a number ("No.", "Art."), at the end of a span."""
    from . import lexicon

    words = sorted(lexicon.words("number_abbreviations"))
    return re.compile(rf"(?i:\b(?:{'|'.join(map(re.escape, words))})\.)$")


BULLET = re.compile(r"(?:--|[-–—•*·▪►])[ \t]+|\d{1,3}[.)][ \t]+")
ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.){2,}|\b[A-Za-z]{1,5}\.")
END_MARK = re.compile(r"[.?!]")
ALNUM = re.compile(r"[^\W_]")


# The plain word that ends a Punkt context, and the stand-in for its shape.
_PLAIN_NEXT = re.compile(r"(?<=\s)(?:[A-Z][a-z]*|[a-z]+)$")
# The plain word that opens a Punkt context, right before its candidate mark ("countries. The"),
# and its stand-in when it is no abbreviation (see Tokenizer).
_PLAIN_PREV = re.compile(r"[A-Za-z]{2,}(?=[.?!]\s)")
PLAIN_PREV_STAND_IN = "xx"


def _next_shape(m: re.Match[str]) -> str:
    return "Aa" if m.group()[0].isupper() else "aa"


#: Break decisions remembered per context ("word. Next"); bounds the memo's memory.
MEMO_SIZE = 50_000
MEMO_CONTEXT = 100


@cache
def _punkt():
    from .imports import submodule

    # NLTK's package __init__ loads SciPy and scikit-learn (over a second); Punkt needs a tenth of that
    punkt = submodule("nltk.tokenize.punkt")
    PunktParameters, PunktSentenceTokenizer = punkt.PunktParameters, punkt.PunktSentenceTokenizer

    # NLTK 3.10.4 bounds each regex call by wall-clock time; under load that would
    # make the same input split differently. Punkt's own patterns are fixed and
    # linear, so determinism wins: no timeout (the TimeoutError guard below stays
    # for NLTK versions that ignore this setting). Earlier versions have no bound.
    redos = getattr(punkt, "redos", None)
    if redos is not None:
        redos.DEFAULT_TIMEOUT = None

    class Tokenizer(PunktSentenceTokenizer):
        """Punkt that remembers its answer for each candidate context.

        Deciding one candidate break costs Punkt tens of microseconds, and the
        answer depends only on the context string and the fixed parameters.
        Repetitive input (numbered lists, "U.S." again and again, hostile
        filler) repeats contexts, and then costs a dictionary look-up.

        A context is the word before the candidate and the token after it
        ("countries. The"). With parameters that hold only abbreviations (no
        collocations, sentence starters or orthographic statistics, checked
        below), Punkt reads nothing of a plain word after the candidate but
        whether it starts with a capital, so "countries. The" and
        "countries. We" get one entry: the answer for "countries. Aa".
        Of a word of two or more ASCII letters before the mark, Punkt reads
        only whether it is an abbreviation in lower case (not an initial, a
        number or an ellipsis, and it has no hyphen), so every such word
        that is no abbreviation gets one entry too: "countries. Aa" and
        "Morocco. Aa" are both "xx. Aa".
        """

        def __init__(self, params, lang_vars):
            if params.collocations or params.sent_starters or params.ortho_context:
                raise ValueError("the memo assumes parameters with abbreviations only")
            if PLAIN_PREV_STAND_IN in params.abbrev_types:
                raise ValueError("the stand-in for a plain word must be no abbreviation")
            super().__init__(params, lang_vars=lang_vars)
            self._memo: dict[str, bool] = {}
            self._abbreviations = params.abbrev_types

        def text_contains_sentbreak(self, text: str) -> bool:
            nxt = _PLAIN_NEXT.search(text)  # (what sub(_next_shape, text, count=1) replaces)
            key = text if nxt is None else text[:nxt.start()] + _next_shape(nxt) + text[nxt.end():]
            prev = _PLAIN_PREV.match(key)
            if prev is not None and prev.group().lower() not in self._abbreviations:
                key = PLAIN_PREV_STAND_IN + key[prev.end():]
            found = self._memo.get(key)
            if found is None:
                found = super().text_contains_sentbreak(key)
                if len(key) <= MEMO_CONTEXT and len(self._memo) < MEMO_SIZE:
                    self._memo[key] = found
            return found

        def span_tokenize(self, text: str, realign_boundaries: bool = True) -> list[tuple[int, int]]:
            """NLTK's ``span_tokenize`` with its four chained generators (candidate contexts,
            slices, pairs of slices, realigned slices) written as one loop: the same spans, with
            a third of the Python calls per candidate. Each step keeps NLTK's own quirks, noted."""
            if not realign_boundaries:
                return list(super().span_tokenize(text, realign_boundaries))
            contains = self.text_contains_sentbreak
            cuts: list[tuple[int, int]] = []  # _slices_from_text, before the realignment
            last_break = 0
            prev: re.Match[str] | None = None
            prev_start = prev_stop = 0  # the word before ``prev``
            spaces_only = _OTHER_ASCII_SPACE.search(text) is None
            for match in self._lang_vars.period_context_re().finditer(text):
                at = match.start()
                # _get_last_whitespace_index of text[prev_stop:at]: ASCII whitespace only, and a
                # space at that slice's first character counts as none
                space = text.rfind(" ", prev_stop, at) if spaces_only else _last_ascii_space(text, prev_stop, at)
                start = space + 1 if space > prev_stop else prev_start
                if prev is not None and prev_stop <= start:
                    last_break = _cut(text, prev, prev_start, prev_stop, last_break, contains, cuts)
                prev, prev_start, prev_stop = match, start, at
            if prev is not None:
                last_break = _cut(text, prev, prev_start, prev_stop, last_break, contains, cuts)
            cuts.append((last_break, len(text.rstrip())))
            # _realign_boundaries: closing punctuation after a break goes with the sentence before it
            realign_re = self._lang_vars.re_boundary_realignment
            out: list[tuple[int, int]] = []
            realign = 0
            last = len(cuts) - 1
            for i, (a, b) in enumerate(cuts):
                a += realign
                if i == last:
                    if a < b:
                        out.append((a, b))
                    break
                c, d = cuts[i + 1]
                m = realign_re.match(text, c, d)
                if m:
                    out.append((a, c + len(m.group().rstrip())))
                    realign = m.end() - c
                else:
                    realign = 0
                    if a < b:
                        out.append((a, b))
            return out

    class LanguageVars(punkt.PunktLanguageVars):
        """Punkt's English patterns, compiled by the standard ``re`` engine.

        NLTK compiles them with the ``regex`` engine inside a timeout wrapper,
        which costs a Python call per match; with the timeout off (above) the
        wrapper guards nothing. The pattern texts are NLTK's own.
        """

        re_boundary_realignment = re.compile(punkt.PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

        @cache
        def _word_tokenizer_re(self):
            return re.compile(self._word_tokenize_fmt % {
                "NonWord": self._re_non_word_chars, "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start}, re.UNICODE | re.VERBOSE)

        @cache
        def period_context_re(self):
            return re.compile(self._period_context_fmt % {
                "NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE)

    leading, other, _ = _word_lists()
    params = PunktParameters()
    params.abbrev_types = set(leading | other)
    return Tokenizer(params, LanguageVars())


# The characters of Python's ``string.whitespace`` but the space.
_OTHER_ASCII_SPACE = re.compile(r"[\n\t\r\x0b\x0c]")


def _last_ascii_space(text: str, lo: int, hi: int) -> int:
    """Where the last of Python's ``string.whitespace`` stands in ``text[lo:hi]``; -1 if none does."""
    i = text.rfind(" ", lo, hi)
    for ch in "\n\t\r\x0b\x0c":
        j = text.rfind(ch, max(i + 1, lo), hi)
        if j > i:
            i = j
    return i


def _cut(text: str, match: re.Match[str], start: int, stop: int, last_break: int, contains,
         cuts: list[tuple[int, int]]) -> int:
    """Punkt's ``_slices_from_text`` for one candidate (the word before it is ``text[start:stop]``):
    a break there ends a slice in ``cuts``; returns where the next slice starts."""
    if contains(text[start:stop] + match.group() + match.group("after_tok")):
        cuts.append((last_break, match.end()))
        return match.start("next_tok") if match.group("next_tok") else match.end()
    return last_break


def prepare() -> None:
    """Import and set up Punkt now rather than at first use."""
    _punkt()


def paragraphs(text: str) -> list[Paragraph]:
    """One paragraph per non-blank line (the loader joins hard-wrapped lines).

    A paragraph's span excludes surrounding whitespace.
    """
    out: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            continue
        start = m.start() + lead
        out.append(Paragraph(index=len(out), start=start, end=start + len(body),
                             bullet=bool(BULLET.match(body))))
    return out


def content_start(text: str, para: Paragraph) -> int:
    """Offset where a paragraph's words begin, past a bullet marker."""
    m = BULLET.match(text, para.start, para.end)
    return m.end() if m and m.end() < para.end else para.start


_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]*)\b")
# A cut needs a period followed, inside the sentence, by spaces and a capital.
_CUT_CANDIDATE = re.compile(r"\.\s+[A-Z]")


def _split_after_abbrev(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a Punkt sentence where a non-title abbreviation ends a sentence."""
    if _CUT_CANDIDATE.search(text, start, end) is None:
        return [(start, end)]  # no period with a capital after it: the usual case
    leading, other, openers = _word_lists()
    cuts = []
    for m in ABBREV_END.finditer(text, start, end):
        word = m.group().lower().rstrip(".")
        if word in leading or (word not in other and "." not in word):
            continue
        nxt = _NEXT_WORD.match(text, m.end(), min(end, m.end() + 40))
        if nxt and nxt.group(1) in openers:
            cuts.append(m.end())
    if not cuts:
        return [(start, end)]
    spans, prev = [], start
    for cut in cuts:
        spans.append((prev, cut))
        nxt = cut
        while nxt < end and text[nxt].isspace():
            nxt += 1
        prev = nxt
    spans.append((prev, end))
    return [(a, b) for a, b in spans if b > a]


# A sentence end with no space after it, as scraped text glues them: "on Tuesday.During the talks".
# A word of two or more lower-case letters or digits (not an initial, not "U.S."), the mark, an
# optional closing quote, and a capitalised word.
GLUED_END = re.compile(r"[.!?]+[\"”’]?(?=[A-Z][a-z])")
_GLUED_WORD = re.compile(r"[a-z0-9]{2}")
# What no sentence begins with: a word in lower case (but not a brand's "iPhone"), or a closing
# bracket or a comma (Punkt's cut in "(R-Ky.), who").
_LOWER_START = re.compile(r"[\s\"“‘'(\[]*[a-z](?![a-z]*[A-Z])|[)\],;]")
# Initials that end a span: "Rep. G.K." before "Butterfield".
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


# The same, found by the mark alone (a pattern that begins with a literal is searched far quicker).
_GLUED_MARKS = tuple(re.compile(rf"\{mark}(?=[\"”’]?[A-Z][a-z])") for mark in ".!?")


def _glued_ends(text: str) -> list[int]:
    """Where a sentence end is glued to the next sentence's first word, in the whole text."""
    return sorted(m.start() for mark in _GLUED_MARKS for m in mark.finditer(text)
                  if m.start() >= 2 and _GLUED_WORD.match(text, m.start() - 2))


def _glued_pieces(text: str, start: int, end: int, glued: list[int]) -> list[tuple[int, int]]:
    """The paragraph cut where a sentence end is glued to the next sentence's first word
    (``glued``: :func:`_glued_ends` of the text)."""
    k = bisect_left(glued, start)
    if k == len(glued) or glued[k] >= end:
        return [(start, end)]  # the usual case
    pieces, prev = [], start
    for at in glued[k:]:
        if at >= end:
            break
        m = GLUED_END.match(text, at, end)
        if m is None or at - start < 2:
            continue
        cut = m.end()
        if text[cut - 1] == '"' and text.count('"', start, cut - 1) % 2 == 0:
            cut -= 1  # a straight quote that opens the next sentence: 'said no."It is done."'
        pieces.append((prev, cut))
        prev = cut
    pieces.append((prev, end))
    return pieces


def _goes_on(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether span ``b`` continues span ``a``: Punkt ended ``a`` at a period that ends no sentence.

    The next words begin in lower case ("(D-Mont.) said", '"Why?" he asked'), a number follows an
    abbreviation that stands before one ("No. 5"), or ``a`` ends in initials that are not an
    abbreviation of their own and a name follows ("G.K. Butterfield").
    """
    first = text[b[0]]
    if first.isdigit():
        return _number_abbreviation().search(text, a[0], a[1]) is not None  # "No. 5"
    if not first.isupper():
        return _LOWER_START.match(text, b[0], b[1]) is not None
    if text[a[1] - 1] != "." or not text[a[1] - 2].isupper():
        return False
    last = text.rfind(" ", a[0], a[1]) + 1 or a[0]
    if not _INITIALS.fullmatch(text, last, a[1]):
        return False
    _, other, openers = _word_lists()
    if text[last:a[1]].lower().rstrip(".") in other:
        return False
    nxt = _NEXT_WORD.match(text, a[1], b[1])
    return nxt is not None and nxt.start(1) == b[0] and nxt.group(1) not in openers


def sentences(text: str, paras: list[Paragraph]) -> list[Sentence]:
    tok = _punkt()
    out: list[Sentence] = []
    glued = _glued_ends(text)
    for para in paras:
        begin = content_start(text, para)
        spans: list[tuple[int, int]] = []
        for start, end in _glued_pieces(text, begin, para.end, glued):
            if END_MARK.search(text, start, end - 1) is None:
                # Punkt breaks only after . ? or ! with something after it: with none
                # before the last character the piece is one sentence. Headings,
                # list items and one-line paragraphs skip Punkt's per-call overhead.
                spans.append((start, end))
                continue
            try:
                found = [(start + a, start + b) for a, b in tok.span_tokenize(text[start:end])]
            except TimeoutError:
                # NLTK stops a regular expression that runs for seconds (its ReDoS
                # guard); a paragraph Punkt cannot split stays one sentence.
                found = [(start, end)]
            for span in found:
                for piece in _split_after_abbrev(text, *span):
                    if spans and spans[-1][1] != start and _goes_on(text, spans[-1], piece):
                        spans[-1] = (spans[-1][0], piece[1])
                    else:
                        spans.append(piece)
        for s, e in spans:
            if ALNUM.search(text, s, e):
                out.append(Sentence(paragraph=para.index, start=s, end=e))
    return out
