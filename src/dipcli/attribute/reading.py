"""The text as attribution reads it: a letter with an accent is read as its base letter
("François Bayrou" as "Francois Bayrou"), because the patterns that find names and subjects are
written for the plain Latin letters; and a name in capitals that opens a paragraph of a meeting
record is read in title case ("VASSILY NEBENZIA (Russian Federation) said"). One character stands
for one, so every offset holds; the names attribution finds are given back as the text writes
them (:attr:`Reading.unfold`), and a claim's text is the text's own.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from collections.abc import Callable, Iterator

from .. import gazetteer
from ..model import Article, Claim
from .people import role_head

# Letters that decompose into no base letter of their own but are read as one.
_UNDECOMPOSED = str.maketrans("øØłŁđĐıħ", "oOlLdDih")
_WORD = re.compile(r"[\w’'\-]+")


def _same(s: str) -> str:
    return s


@dataclass(frozen=True)
class Reading:
    """An article as attribution reads it, and the way between its spellings and the text's."""

    article: Article  # the article with its text and title folded (the original when nothing is)
    fold: Callable[[str], str]  # a phrase of the text as the reading spells it
    unfold: Callable[[str], str]  # a name of the reading as the text spells it
    # the people a meeting record names in capitals: where, the name in title case, their country
    names: tuple[tuple[int, str, str | None], ...] = ()

    @property
    def folded(self) -> bool:
        return self.fold is not _same

    def spelled(self, claim: Claim, text: str) -> Claim:
        """``claim`` with the words of the text it was read from and its names as they are written."""
        unfold = self.unfold
        return replace(claim, text=text[claim.start:claim.end], speaker=claim.speaker and unfold(claim.speaker),
                       members=[unfold(m) for m in claim.members], document=claim.document and unfold(claim.document),
                       mention=claim.mention and unfold(claim.mention))


_last: tuple[Article, Reading] | None = None


def reading(article: Article) -> Reading:
    """The reading of ``article``; the same object for the same article asked twice in a row
    (claims, then the holders of its stance acts), so that its cast is discovered once."""
    global _last
    if _last is not None and _last[0] is article:
        return _last[1]
    found = _read(article)
    _last = (article, found)
    return found


def _read(article: Article) -> Reading:
    title = article.title or ""
    if article.text.isascii() and title.isascii():
        return _named_in_capitals(Reading(article, _same, _same))
    table = _table(article.text + title)
    if not table:
        return _named_in_capitals(Reading(article, _same, _same))
    letters = re.compile("[" + "".join(map(chr, sorted(table))) + "]")
    spelled: dict[str, str] = {}
    kept: dict[str, list[tuple[int, str]]] = {"text": [], "title": []}  # words that stay as written, where
    for name, source in (("text", article.text), ("title", title)):
        for start, word in _words_with(letters, source):
            folded = word.translate(table)
            if len(folded) <= 2 or gazetteer.is_country_word(folded) and not gazetteer.is_country_word(word):
                kept[name].append((start, word))  # "Tô" is not "to", "Volker Türk" no Turk
            else:
                spelled.setdefault(folded.lower(), word)
    text = _folded(article.text, table, kept["text"], letters)
    if len(text) != len(article.text):  # (cannot happen: one character for one)
        return Reading(article, _same, _same)

    def respell(m: re.Match[str]) -> str:
        word = m.group()
        written = spelled.get(word.lower())
        if written is None or len(written) != len(word):
            return word
        # in the case the name is given in: "ŠIMONYTĖ" read in a label, "Šimonytė" named
        return "".join(w.upper() if c.isupper() else w.lower() for w, c in zip(written, word))

    def unfold(name: str) -> str:
        return _WORD.sub(respell, name) if name else name

    def fold(phrase: str) -> str:
        return phrase.translate(table)

    folded = replace(article, text=text, title=_folded(article.title, table, kept["title"], letters) if article.title
                     else article.title)
    return _named_in_capitals(Reading(folded, fold, unfold))


# A name in capitals that opens a paragraph, before a country in brackets or a title set off by a
# comma, as meeting records print a speaker's: "VASSILY NEBENZIA (Russian Federation) said",
# "MARTHA POBEE, Assistant Secretary-General for Africa, said".
_CAPITALS_NAME = re.compile(r"(?m)^[ \t]*((?:[A-Z][A-Z'’\-]+[ \t]+|[A-Z]\.[ \t]*){1,4}[A-Z][A-Z'’\-]+)"
                            r"(?=[ \t]*(?:\(([^()\n]{2,60})\)|,[ \t]+([A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+)?)))")
# The same after a line break, which the engine skips to (``^`` has it try every position).
_CAPITALS_NAME_AFTER_BREAK = re.compile("\n" + _CAPITALS_NAME.pattern[len("(?m)^"):])


def capitals_names(text: str) -> Iterator[re.Match[str]]:
    """What ``_CAPITALS_NAME.finditer(text)`` finds, by its groups: a match opening the text,
    then each after a line break (a match ends before the next line break, so none is passed over)."""
    first = _CAPITALS_NAME.match(text)
    if first is not None:
        yield first
    yield from _CAPITALS_NAME_AFTER_BREAK.finditer(text)
_NOT_IN_NAMES = frozenset(("THE", "OF", "AND", "FOR", "ON", "IN", "TO", "BY", "AT"))


def _named_in_capitals(read: Reading) -> Reading:
    """``read`` with each name in capitals that opens a paragraph, as meeting records print them,
    read in title case ("Vassily Nebenzia"); not a dateline ("NEW YORK, June 3", "MOSCOW (AP)")."""
    text = read.article.text
    pieces, last, names = [], 0, []
    for m in capitals_names(text):
        run, bracket, after = m.group(1), m.group(2), m.group(3)
        titled = _title_case_run(run)
        cased = " ".join(titled.split())
        if any(w in _NOT_IN_NAMES for w in run.split()) or gazetteer.place_country(cased) \
                or (bracket is not None and not gazetteer.country_of(bracket)) \
                or (after is not None and not any(role_head(w) for w in after.split())):
            continue
        pieces += [text[last:m.start(1)], titled]
        last = m.end(1)
        names.append((m.start(1), cased, gazetteer.country_of(bracket) if bracket else None))
    if not pieces:
        return read
    pieces.append(text[last:])
    return Reading(replace(read.article, text="".join(pieces)), read.fold, read.unfold, tuple(names))


def _title_case(word: str) -> str:
    return "".join(p[:1] + p[1:].lower() for p in re.split(r"([\-'’])", word))


def _title_case_run(run: str) -> str:
    """``run`` in title case, its spaces as they are (the same length)."""
    return re.sub(r"[^\s]+", lambda m: _title_case(m.group()), run)


def _folded(text: str, table: dict[int, str], kept: list[tuple[int, str]], letters: re.Pattern[str]) -> str:
    """``text`` with ``table``'s letters folded but in the words ``kept`` (where each starts, and the word).
    (``letters``: the class of the table's letters. Only they are replaced, where ``str.translate``
    would look every character of the text up in the table.)"""
    folded = letters.sub(lambda m: table[ord(m.group())], text)
    if not kept:
        return folded
    pieces, last = [], 0
    for start, word in kept:
        pieces += [folded[last:start], word]
        last = start + len(word)
    pieces.append(folded[last:])
    return "".join(pieces)


def _words_with(letters: re.Pattern[str], text: str) -> Iterator[tuple[int, str]]:
    """Each word of ``text`` that holds one of ``letters``, and where it starts (the letters are
    looked for first: a class of letters is scanned for far quicker than a word around one)."""
    end = 0
    for m in letters.finditer(text):
        if m.start() < end:
            continue  # (a word already given)
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'-_"):
            start -= 1
        word = _WORD.match(text, start)
        end = word.end()
        yield start, word.group()


def _table(text: str) -> dict[int, str]:
    """Each letter of ``text`` with an accent -> its base letter (one character: "é" -> "e")."""
    table = {}
    for ch in set(_OTHER_THAN_ASCII.findall(text)):
        if not ch.isalpha():
            continue
        base = unicodedata.normalize("NFKD", ch)[0].translate(_UNDECOMPOSED)
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[ord(ch)] = base
    return table


# A character that is not ASCII, but for the punctuation most texts write ("’", "“", "—"):
# found by a scan, not read character by character.
_OTHER_THAN_ASCII = re.compile(r"[^\x00-\x7f‘’“”–—…\u00a0]")
