"""Quotations as spans of the article: where each opens and closes, and where the words that
attribute it stand.

A quotation is found from its marks alone, in every style news and diplomatic
prose use: straight and curly double quotes, doubled apostrophes (''…''),
guillemets («…»), low-high quotes („…“), and single quotes (‘…’, '…') where they
cannot be apostrophes. Whether a mark opens or closes is read from what stands
beside it (a space or the paragraph's start before and a word after opens: a
scraper's ”Mr. Trump opens a quotation too); the glyph decides only when its
neighbours do not.

A quotation that runs on into the next paragraph (the paragraph ends with the
quotation open and the next one begins with a mark that opens) is one group:
every part belongs to the same speaker. A quotation that never closes ends
with its paragraph, and is marked as not closed; attribution
(:class:`Quotations`) reads its words like any others, as it does a group that
runs on over more than :data:`MAX_PARAGRAPHS` paragraphs (a speech whose source
opens every paragraph with a quotation mark).

:func:`sites` lists, for each group, where the words that attribute it may
stand, in the order they are tried: after its last closing mark in the same
sentence ('"…," Trump said.'), a dash and a name after it ('“…” ― Karen
Bobadilla'), before its first opening mark in the same sentence ('Lee said: "…'),
a sentence before it that ends with a colon ('Lee wrote on Facebook:'), and a
short sentence that opens the next paragraph ('Lee wrote.').
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from ..model import Paragraph, Sentence

# Double marks (two apostrophes as one) and single ones. The pattern opens with the set of every
# mark, so that the engine skips to where one stands (an alternation of a literal and two sets
# makes it try every position: eight times slower over a speech).
_MARK = re.compile(r"[\"“”„‟«»‘’'](?:(?<=')')?")
# The same but for a single mark between two word characters ("Russia’s", "don't"), which can
# neither open nor close (:func:`_context`): most single marks, not matched.
_QUOTE_MARK = re.compile(r"[\"“”„‟«»‘’'](?:(?<=')'|(?<=[\"“”„‟«»])|(?<!\w[‘’'])|(?!\w))")
_DOUBLE_OPENERS = "“„‟«"
_DOUBLE_CLOSERS = "”»"
_FIXED = "«»„"
_SINGLE = "‘’'"
# What may stand before a mark that opens (besides a space or the paragraph's start) and after
# one that closes (besides a space or the paragraph's end).
_BEFORE_OPENING = "([{—–-/:“\"‘'„«"
_AFTER_CLOSING = ".,;:!?)]}—–-…―”\"’'»"
# Single quotes only pair across this many characters; they quote a phrase, not paragraphs.
SINGLE_SPAN = 300
# A dash and a name after a closing mark: '“…” ― Karen Bobadilla', '"…" -- John Smith, a farmer'.
DASH_NAME = re.compile(r"[ \t]*(?:[―—–]|--?)[ \t]*(?P<name>[A-Z][\w’'.\-]*(?:[ \t]+(?:[A-Z][\w’'.\-]*|de|da|van|von|bin|al|del|la|le)){0,4})")


def dash_tail(sent: str) -> bool:
    """Whether a sentence is only a dash and a name ("― Karen Bobadilla"): the words that attribute
    the quotation before it, split from it as a sentence of their own."""
    m = DASH_NAME.match(sent)
    return m is not None and not sent[m.end():].strip(" \t.")


# What may follow the cue of a short sentence that attributes the quotation before it ("Lee wrote
# in a post on Monday.", "Lee told reporters."): the sentence's end, or an adjunct.
_ADJUNCT_AFTER_CUE = re.compile(
    r"\s*(?:[.!?,;:]|$|(?:in|on|at|during|to|of|about|after|before|via|from|for|while|with|last|this|"
    r"yesterday|today|tonight|earlier|later|then|again|reporters|journalists|[A-Z][a-z]+day)\b)")
_NOT_SAID = frozenset(("not", "never", "n't", "didn't", "didn’t", "declined", "refused"))
# A reporter's credit at a story's end ("Costa reported from Washington."): no one's quotation.
_CREDIT = re.compile(r"reported\s+from\b")


def bare_attribution(sent: str, at: int, cue: str) -> bool:
    """Whether a sentence whose reporting cue stands at ``at`` only attributes: its subject and
    cue, and an adjunct at most ("Lee wrote in a post.", "wrote Lee."), not "But Lee says other
    changes are needed.", nor "Haroun did not speak to reporters." (what no one said attributes
    nothing), nor a reporter's credit ("Costa reported from Washington.")."""
    if at == 0:
        return True  # "Wrote Lee, …": the inverted cue opens it
    before = sent[:at].split()
    if len(before) > 6 or before[0].lower() in ("but", "and", "yet", "so", "or") or before[-1].lower() in _NOT_SAID \
            or _CREDIT.match(sent, at):
        return False
    return _ADJUNCT_AFTER_CUE.match(sent, at + len(cue)) is not None


@dataclass(slots=True, frozen=True)
class Quotation:
    start: int  # the opening mark (or the paragraph's start when a run-on part has none)
    end: int  # just after the closing mark (or the paragraph's end when it never closes)
    closed: bool
    group: int  # quotations that run on across paragraphs share the index of the first


def _context(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether the mark at ``text[i:j]`` can open and whether it can close, from its neighbours."""
    before = text[i - 1] if i > lo else " "
    after = text[j] if j < hi else " "
    space_before = before.isspace() or before in _BEFORE_OPENING
    space_after = after.isspace() or after in _AFTER_CLOSING
    can_open = space_before and not after.isspace()
    can_close = space_after and not before.isspace()
    return can_open, can_close


def _opens(mark: str, can_open: bool, can_close: bool, is_open: bool) -> bool:
    """Whether a double mark opens: guillemets and low quotes by their glyph (French sets them
    off with spaces), other marks by their neighbours, else by their glyph, else by what is open."""
    if mark in _FIXED:
        return mark in _DOUBLE_OPENERS
    if can_open != can_close:
        return can_open
    if mark in _DOUBLE_OPENERS:
        return True
    if mark in _DOUBLE_CLOSERS:
        return False
    return not is_open


def find_quotations(text: str, paras: list[Paragraph]) -> list[Quotation]:
    """Every quotation of the article, in text order (run-on parts one per paragraph)."""
    out: list[Quotation] = []
    carried: int | None = None  # the group a quotation left open at the last paragraph's end belongs to
    for n, para in enumerate(paras):
        lo, hi = para.start, para.end
        open_at: int | None = None
        group: int | None = None
        singles: list[tuple[int, int, bool, bool]] = []
        double_spans: list[tuple[int, int]] = []
        first = True
        # (a paragraph glued to a word before it: the word is not the mark's neighbour here)
        marks = _QUOTE_MARK if lo == 0 or not (text[lo - 1].isalnum() or text[lo - 1] == "_") else _MARK
        for m in marks.finditer(text, lo, hi):
            mark = m.group()
            i, j = m.start(), m.end()
            can_open, can_close = _context(text, i, j, lo, hi)
            if mark in _SINGLE:
                singles.append((i, j, can_open, can_close))
                continue
            opens = _opens(mark, can_open, can_close, open_at is not None)
            if open_at is None:
                if opens:
                    open_at = i
                    group = carried if first and carried is not None else len(out)
                first = False
                continue
            if opens:
                # an opening mark while one is open: the first never closed
                end = _trim_end(text, open_at, i)
                out.append(Quotation(open_at, end, False, group))
                double_spans.append((open_at, end))
                open_at, group = i, len(out)
                continue
            out.append(Quotation(open_at, j, True, group))
            double_spans.append((open_at, j))
            open_at = None
        carried = None
        if open_at is not None:
            out.append(Quotation(open_at, hi, False, group))
            double_spans.append((open_at, hi))
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            if nxt is not None and _opens_paragraph(text, nxt):
                carried = group
        out.extend(_single_quotations(text, singles, double_spans, len(out)))
    out.sort(key=lambda q: q.start)
    return _renumber(out)


def _renumber(quotes: list[Quotation]) -> list[Quotation]:
    """Groups numbered by the position of their first part in text order."""
    first: dict[int, int] = {}
    out = []
    for q in quotes:
        g = first.setdefault(q.group, len(first))
        out.append(Quotation(q.start, q.end, q.closed, g))
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _opens_paragraph(text: str, para: Paragraph) -> bool:
    """Whether a paragraph begins with a double mark that opens."""
    m = _MARK.match(text, para.start, para.end)
    if m is None or m.group() in _SINGLE:
        return False
    can_open, can_close = _context(text, m.start(), m.end(), para.start, para.end)
    return _opens(m.group(), can_open, can_close, False)


def _single_quotations(text: str, singles: list[tuple[int, int, bool, bool]],
                       doubles: list[tuple[int, int]], base: int) -> list[Quotation]:
    """Single-quoted phrases outside double quotations: a mark that can only open ("‘" or "'"
    after a space, before a word) and the first later mark that can only close, in a phrase
    of at least two words. Anything else is taken for an apostrophe."""
    out: list[Quotation] = []
    k = 0
    while k < len(singles):
        i, j, can_open, can_close = singles[k]
        if not can_open or can_close or text[i] == "’" or _inside(doubles, i):
            k += 1
            continue
        for m in range(k + 1, len(singles)):
            ci, cj, c_open, c_close = singles[m]
            if ci - j > SINGLE_SPAN:
                break
            if c_close and not c_open and text[ci] != "‘":
                if " " in text[j:ci].strip() and not _inside(doubles, ci):
                    out.append(Quotation(i, cj, True, base + len(out)))
                k = m
                break
        k += 1
    return out


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


#: Most paragraphs a quotation runs on over: more is a text set in quotation marks by its
#: source (a speech whose every paragraph opens with one), not a quotation.
MAX_PARAGRAPHS = 8
#: A quotation of this many words is someone's sentence, not a quoted term ("so-called
#: "peace dividend"") or a title; an article with this many of them quotes its speakers.
QUOTED_SENTENCE = 6
QUOTING_ARTICLE = 3


def _attributable(quotes: list[Quotation]) -> list[Quotation]:
    """The quotations a speaker can be found for: a group that closes, over a few paragraphs at
    most. One that never closes is a stray mark, or a text its source set in quotation marks:
    its words are read like any others."""
    parts: dict[int, list[Quotation]] = {}
    for q in quotes:
        parts.setdefault(q.group, []).append(q)
    keep = {g for g, ps in parts.items() if ps[-1].closed and len(ps) <= MAX_PARAGRAPHS}
    return [q for q in quotes if q.group in keep]


# -- where a quotation stands among the sentences ------------------------------------------------

@dataclass(slots=True, frozen=True)
class Site:
    """Where words that may attribute a quotation group stand: cues of sentence ``sent`` between
    ``lo`` and ``hi`` (absolute offsets); for a dash, the name written after it."""

    kind: str  # after | dash | before | colon | next
    sent: int
    lo: int
    hi: int
    name: str | None = None


class Quotations:
    """The article's quotations, and what each sentence has to do with them."""

    def __init__(self, text: str, paras: list[Paragraph], sents: list[Sentence]):
        self.text = text
        self.quotes = _attributable(find_quotations(text, paras))
        self.starts = [q.start for q in self.quotes]
        self.sents = sents
        self._sent_starts = [s.start for s in sents]
        self.paras = paras
        self._para_starts = [p.start for p in paras]
        self._parts: dict[int, list[Quotation]] = {}
        for q in self.quotes:
            self._parts.setdefault(q.group, []).append(q)

    @cached_property
    def marks_speech(self) -> bool:
        """Whether the article sets its speakers' own sentences in quotation marks, as news
        reports do: at least :data:`QUOTING_ARTICLE` quotations of :data:`QUOTED_SENTENCE` words
        or more (a quoted term or title is shorter). Such an article names the source of each
        thing it reports; a sentence it leaves unmarked is its own."""
        sentences = 0
        for parts in self._parts.values():
            words = sum(len(self.text[q.start:q.end].split()) for q in parts)
            sentences += words >= QUOTED_SENTENCE
            if sentences >= QUOTING_ARTICLE:
                return True
        return False

    def spans_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quoted spans overlapping ``[start, end)``, relative to ``start`` and clipped to it."""
        return [(a, b) for a, b, _ in self.parts_in(start, end)]

    def parts_in(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(a, b, group)`` for each quotation overlapping ``[start, end)``, with ``a``, ``b``
        relative to ``start`` and clipped to it, in text order."""
        out = []
        k = bisect.bisect_left(self.starts, end) - 1
        # quotations do not overlap: walking back, the first that ends before ``start`` is the last to look at
        while k >= 0 and self.quotes[k].end > start:
            q = self.quotes[k]
            out.append((max(q.start, start) - start, min(q.end, end) - start, q.group))
            k -= 1
        out.reverse()
        return out

    def mostly_inside(self, start: int, end: int) -> int | None:
        """The group of the quotation that holds at least half of ``[start, end)``'s non-space
        characters, or None."""
        parts = self.parts_in(start, end)
        if not parts:
            return None  # most sentences: nothing quoted, nothing to count
        total = _solid(self.text[start:end])
        if not total:
            return None
        best, best_n = None, 0
        for a, b, group in parts:
            n = _solid(self.text[start + a:start + b])
            if n > best_n:
                best_n, best = n, group
        return best if best_n * 2 >= total else None

    def fills_paragraph(self, q: Quotation) -> bool:
        """Whether nothing but punctuation stands beside ``q`` in its paragraph."""
        para = self.paras[bisect.bisect_right(self._para_starts, q.start) - 1]
        return not (self.text[para.start:q.start] + self.text[q.end:para.end]).strip(" .,;:!?")

    def parts(self, group: int) -> list[Quotation]:
        """The parts of a quotation group, one per paragraph, in text order."""
        return self._parts[group]

    def _sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def sites(self, group: int) -> list[Site]:
        """Where the words attributing ``group`` may stand, in the order they are tried."""
        parts = self.parts(group)
        first, last = parts[0], parts[-1]
        text, sents = self.text, self.sents
        out: list[Site] = []
        if last.closed:
            k = self._sentence_at(last.end - 1)
            s = sents[k]
            if last.end < s.end:
                dash = DASH_NAME.match(text, last.end, s.end)
                if dash and _ends_after_name(text, dash.end(), s.end):
                    out.append(Site("dash", k, dash.start("name"), dash.end(), dash.group("name")))
                else:
                    out.append(Site("after", k, last.end, s.end))
            elif k + 1 < len(sents):
                nk = sents[k + 1]
                dash = DASH_NAME.match(text, nk.start, nk.end)
                if dash and text[last.end:nk.start].strip() == "" and _ends_after_name(text, dash.end(), nk.end):
                    out.append(Site("dash", k + 1, dash.start("name"), dash.end(), dash.group("name")))
        k = self._sentence_at(first.start)
        s = sents[k]
        if text[s.start:first.start].strip():
            out.append(Site("before", k, s.start, first.start))
        elif k > 0 and text[sents[k - 1].start:sents[k - 1].end].rstrip().endswith(":"):
            out.append(Site("colon", k - 1, sents[k - 1].start, sents[k - 1].end))
        if last.closed:
            k = self._sentence_at(last.end - 1)
            s = sents[k]
            if not text[last.end:s.end].strip(" \t.,") and k + 1 < len(sents) \
                    and sents[k + 1].paragraph != s.paragraph:
                nxt = sents[k + 1]
                if len(text[nxt.start:nxt.end].split()) <= 12 and not self.spans_in(nxt.start, nxt.end):
                    out.append(Site("next", k + 1, nxt.start, nxt.end))
        return out


def _ends_after_name(text: str, at: int, end: int) -> bool:
    """Whether nothing but an apposition, a handle or a date follows a dash's name: the name
    is the quotation's author, not the subject of a new clause."""
    rest = text[at:end].strip()
    return not rest or rest[0] in ",.(@" or rest.startswith("(")


def _solid(s: str) -> int:
    """How many characters of ``s`` are not white space."""
    return len(s) - sum(map(len, _SPACE_RUNS.findall(s)))


_SPACE_RUNS = re.compile(r"\s+")


def in_spans(spans: list[tuple[int, int]], i: int) -> bool:
    """Whether offset ``i`` lies in one of ``spans`` (a sentence's quoted spans: sorted, not
    overlapping)."""
    k = bisect.bisect_right(spans, (i, _AFTER_ALL)) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


_AFTER_ALL = float("inf")
