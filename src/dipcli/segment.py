"""Paragraphs and sentences with offsets into ``Article.text``.

Sentences come from NLTK's Punkt tokenizer, used untrained (no downloaded
model): its parameters get a list of abbreviations instead. Untrained Punkt
has no orthographic statistics, so an abbreviation that ends a sentence
("… in Washington, D.C. The President …") is split afterwards when the next
word is one that commonly opens a sentence.
"""
from __future__ import annotations

import re
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


BULLET = re.compile(r"(?:--|[-–—•*·▪►])[ \t]+|\d{1,3}[.)][ \t]+")
ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.){2,}|\b[A-Za-z]{1,5}\.")
END_MARK = re.compile(r"[.?!]")
ALNUM = re.compile(r"[^\W_]")


# The plain word that ends a Punkt context, and the stand-in for its shape.
_PLAIN_NEXT = re.compile(r"(?<=\s)(?:[A-Z][a-z]*|[a-z]+)$")


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
        """

        def __init__(self, params, lang_vars):
            if params.collocations or params.sent_starters or params.ortho_context:
                raise ValueError("the memo assumes parameters with abbreviations only")
            super().__init__(params, lang_vars=lang_vars)
            self._memo: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            key = _PLAIN_NEXT.sub(_next_shape, text, count=1)
            found = self._memo.get(key)
            if found is None:
                found = super().text_contains_sentbreak(key)
                if len(key) <= MEMO_CONTEXT and len(self._memo) < MEMO_SIZE:
                    self._memo[key] = found
            return found

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


def sentences(text: str, paras: list[Paragraph]) -> list[Sentence]:
    tok = _punkt()
    out: list[Sentence] = []
    for para in paras:
        begin = content_start(text, para)
        if END_MARK.search(text, begin, para.end - 1) is None:
            # Punkt breaks only after . ? or ! with something after it: with none
            # before the last character the paragraph is one sentence. Headings,
            # list items and one-line paragraphs skip Punkt's per-call overhead.
            spans = [(0, para.end - begin)]
        else:
            try:
                spans = list(tok.span_tokenize(text[begin:para.end]))
            except TimeoutError:
                # NLTK stops a regular expression that runs for seconds (its ReDoS
                # guard); a paragraph Punkt cannot split stays one sentence.
                spans = [(0, para.end - begin)]
        for a, b in spans:
            for s, e in _split_after_abbrev(text, begin + a, begin + b):
                if ALNUM.search(text, s, e):
                    out.append(Sentence(paragraph=para.index, start=s, end=e))
    return out
