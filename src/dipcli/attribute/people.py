"""The article's people as the article itself shows them: no list of real people.

Titles name people before any sentence is read ("Sen. Tom Hale", "Mr. Hale": see
:data:`~.names.TITLED_NAME`; "Sens. Jo Park and Tom Hale": :func:`coordinated_after`).
Anyone else becomes a person when a sentence makes them the subject of a reporting
verb ("Hale said", "Tom Hale, a Denver lawyer, said"). What the article writes
around their name then tells the rest, read for them alone rather than for every
capitalised word of the text:

* the full name it writes ("Jo Park" for "Park said"): :meth:`Lexis.full_name`;
* their gender and roles (:func:`describe`): an honorific ("Mr. Hale"), a role noun
  before the name ("spokeswoman Ana Ruiz", "campaign manager Tom Hale"), one set off by
  commas ("the state's campaign chairman, Tom Hale,"), an apposition after it ("Tom
  Hale, a Denver lawyer,");
* the gender its pronouns give, "Hale said she …", "… Hale. She …" (:func:`pronoun_after`).

"The spokeswoman" finds whom the article called so (:func:`called`).

A word is a name's only if the article never writes it in lower case and it is no
function word, title, role noun, place or institution word (:class:`Lexis`): that
keeps "Rival", "Everything" and "Speech" out of names.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import gazetteer, lexicon
from ..cues import INVERTIBLE
from .names import (BRACKETED_TAG, HONORIFICS, INSTITUTION_WORDS, MONTHS, NAME_PARTICLES, NAME_SUFFIXES,
                    NON_NAME_WORDS, ROLE_WORDS, SPACES, STOP_CAPS, TITLE_WORDS)

# Word lists (data/lexicon/*)
PERSON_NOUNS = lexicon.words("person_nouns")
# Their plurals, regular ("economists", "secretaries") and in -men ("spokesmen", "congressmen").
PERSON_PLURALS = frozenset(n[:-3] + "men" if n.endswith("man") else n[:-1] + "ies" if n.endswith("y") and n[-2] not in "aeiou"
                           else n[:-2] + "ves" if n.endswith("fe") else n + "es" if n.endswith(("s", "sh", "ch", "x"))
                           else n + "s" for n in PERSON_NOUNS)
_NAME_STOP = lexicon.words("name_stop_words")
_GENDER_WORDS = {row["word"]: row["gender"] for row in lexicon.rows("gendered_words")}
_TITLE_ROWS = {row["title"]: row for row in lexicon.rows("title_roles")}
# A plural of a noun for people in lower case alone after a comma, colon, semicolon, bracket or
# dash, or opening the text: "…, economists said" (not "took questions from veterans invited …").
_BARE_PLURAL = re.compile(r"(?:^|[,;:(—–]\s*)([a-z]+)\s*$")


def bare_plural(sent: str, start: int, end: int) -> re.Match[str] | None:
    """The plural of a noun for people that stands alone in ``sent[start:end]`` at its end, where
    a subject may open: its word is group 1."""
    m = _BARE_PLURAL.search(sent, start, end)
    return m if m is not None and m.group(1) in PERSON_PLURALS else None


def phrase_head(phrase: str) -> str:
    """The head of a subject phrase, in lower case: a plural for people before "of" ("Critics of
    Ana Ruiz", "families of the victims"; not "Simon Harris of Ireland"), else its last word."""
    before = phrase.split(" of ", 1)[0].split()
    head = before[-1].lower() if before else ""
    return head if " of " in phrase and (head in PERSON_PLURALS or head in lexicon.words("relational_people")) \
        else phrase.split()[-1].lower()


@lru_cache(maxsize=1024)
def title_roles(title: str) -> frozenset[str]:
    """What the article may call the holder of ``title`` afterwards: "Sen." -> senator, lawmaker."""
    title = SPACES.sub(" ", title)
    row = _TITLE_ROWS.get(title)
    if row is not None:
        return frozenset(r for r in row["roles"].split("|") if r != "-")
    low = title.lower().rstrip(".")
    words = low.split(" of ")[0].split()
    if len(words) > 1 and words[0] in _SUBORDINATE:
        return frozenset({low})  # "the president" is not the vice president
    return frozenset({low, words[-1]})  # "Foreign Minister": also "the minister"


_SUBORDINATE = frozenset({"vice", "deputy", "under", "assistant", "lieutenant", "acting", "first", "second"})


@lru_cache(maxsize=1024)
def title_gender(title: str) -> str | None:
    row = _TITLE_ROWS.get(SPACES.sub(" ", title))
    return row["gender"] if row is not None and row["gender"] != "-" else None


def word_gender(word: str) -> str | None:
    """The gender a word gives the person it names: "spokeswoman", "Mr." -> f, m."""
    return _GENDER_WORDS.get(word.lower().rstrip("."))


class Lexis:
    """What one article's own writing says about its words: which it also writes in lower case."""

    def __init__(self, text: str):
        self.text = text
        self._lower: dict[str, bool] = {}
        self._inside: dict[str, bool] = {}
        self._names: dict[str, bool] = {}
        self._full: dict[str, tuple[str, ...] | None] = {}
        self._described: dict[tuple[str, ...], tuple[str | None, frozenset[str]]] = {}
        self._called: dict[str, list[Mention]] = {}
        self._headlines: dict[int, bool] = {}
        self._speaks: dict[str, bool] = {}
        self._opens: dict[str, bool] = {}

    def describe(self, words: tuple[str, ...] | list[str]) -> tuple[str | None, frozenset[str]]:
        """:func:`describe` in this article, remembered."""
        key = tuple(words)
        if key not in self._described:
            self._described[key] = describe(self.text, key)
        return self._described[key]

    def called(self, role: str) -> list[Mention]:
        """:func:`called` in this article, remembered."""
        if role not in self._called:
            self._called[role] = called(self.text, role, self)
        return self._called[role]

    def written_lower(self, word: str) -> bool:
        """Whether the article writes ``word`` in lower case as a word of its own ("rival")."""
        low = word.lower()
        found = self._lower.get(low)
        if found is None:
            found = self._lower[low] = any(True for _ in _as_words(self.text, low))
        return found

    def full_name(self, word: str) -> tuple[str, ...] | None:
        """The fullest name the article writes ending in ``word`` ("Jo Park" for "Park"), if any."""
        if word not in self._full:
            self._full[word] = self._full_name(word)
        return self._full[word]

    def _full_name(self, word: str) -> tuple[str, ...] | None:
        """(Of "Jo Park" and "Jo R. Park" the longer; none when the article names two people so,
        "Jo Park" and "Al Park", or when it first writes the word without a first name: news names
        a person in full where it first names them, and "Dr. Jill Biden" further down a text that
        began with "President Biden" is someone else.)"""
        best: tuple[str, ...] | None = None
        first = True
        for i, j in _as_words(self.text, word):
            if self.headline(i):
                continue
            before = _RUN_BEFORE.search(self.text, max(0, i - 60), i)
            words = list(name_words(before.group() + word, self)) if before is not None else []
            joined = _word_before(self.text, before.start()) if before is not None else None
            if len(words) > 2 and joined is not None and joined[0] in _JOINING:
                # "Advisor for Cyber and Emerging Technology Anne Neuberger": the run ends a title
                # phrase; the name is its last two words (and initials)
                while len(words) > 2 and not _INITIAL.fullmatch(words[-2]):
                    words.pop(0)
            if not (2 <= len(words) <= 4 and words[-1] == word):
                if first and not (before is None and self.short_title(i)):
                    return None  # (a headline names people by surname alone: "Trump still ducks on taxes")
                continue
            first = False
            if best is not None and words[0] != best[0]:
                return None
            if best is None or len(words) > len(best):
                best = tuple(words)
        return best

    def family_name_first(self, name: tuple[str, ...] | list[str]) -> bool:
        """Whether a name is written family name first ("Xi Jinping", "Moon Jae-in"): the article
        writes no name that ends in its first word, never writes its other words in lower case, and
        writes them only after the first, in its own case or in capitals ("KISHIDA Fumio"). "Warren
        Buffett", "Trump Tower" are no one's full name when "Buffett said" or "the tower" stand elsewhere."""
        if self.full_name(name[0]) is not None or any(self.written_lower(w.lower()) for w in name[1:]):
            return False
        count = self.text.count
        return count(name[1]) == count(f"{name[0]} {name[1]}") + count(f"{name[0].upper()} {name[1]}")

    def last_word_alone(self, name: list[str]) -> bool:
        """Whether the article writes the last word of a name in lower case ("the tower" of "Trump
        Tower") or makes it by itself the subject of a speech verb, as a surname ("Buffett said" of
        "Warren Buffett"; not "Lula da Silva said", nor "Fumio, thank you" in a transcript)."""
        last, before = name[-1], name[-2]
        if self.written_lower(last):
            return True
        text = self.text
        return any(_speech_subject(text, i, j) and not _ends_before(text, i, before) for i, j in _as_words(text, last))

    def kin_named(self, name: tuple[str, ...] | list[str]) -> bool:
        """Whether the article writes ``name`` right after a noun of kinship ("my son Beau Biden")."""
        full = " ".join(name)
        return any(after_kin(self.text, i) for i, _ in _as_words(self.text, full))

    def headline(self, at: int) -> bool:
        """Whether the line at ``at`` is written in title case ("Obama Speech Gets Applause"),
        where capitals tell nothing of names."""
        start = self.text.rfind("\n", 0, at) + 1
        found = self._headlines.get(start)
        if found is None:
            end = self.text.find("\n", at)
            words = _LONG_WORD.findall(self.text, start, end if end >= 0 else len(self.text))
            found = self._headlines[start] = len(words) >= 3 and \
                sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        return found

    def short_title(self, at: int) -> bool:
        """Whether ``at`` lies in the text's first line, a short one (a headline's length, 16 words
        at most) that more text follows."""
        end = self.text.find("\n")
        return 0 <= at < end and self.text[end:].strip() != "" and len(self.text[:end].split()) <= 16

    def speaks(self, word: str) -> bool:
        """Whether the article makes ``word`` by itself the subject of a speech verb somewhere:
        "Park said", "Park, 56, told", "…, said Park." (not "said Park would": the reported clause's subject)."""
        found = self._speaks.get(word)
        if found is None:
            text = self.text
            found = self._speaks[word] = any(_speech_subject(text, i, j) for i, j in _as_words(text, word))
        return found

    def opens_only(self, word: str) -> bool:
        """Whether the article capitalises ``word`` only where a sentence or a title-case line
        begins ("Rival Hillary Clinton …", "Everything Trump …"): then it is no name's word."""
        found = self._opens.get(word)
        if found is None:
            text = self.text
            found = self._opens[word] = not any(
                not _sentence_initial(text, i) and not self.headline(i) for i, _ in _as_words(text, word))
        return found

    def title_case(self, start: int, end: int) -> bool:
        """Whether every word of three letters or more from ``start`` to ``end`` is capitalised,
        but for articles, conjunctions and short prepositions ("Rival Gets the Nod")."""
        words = [w for w in _WORD3.findall(self.text, start, end) if w not in _HEADLINE_LOWER]
        return len(words) >= 3 and all(w[0].isupper() for w in words)

    def named_elsewhere(self, word: str) -> bool:
        """Whether ``word`` stands somewhere outside the title-case lines (:meth:`headline`)."""
        return any(not self.headline(i) for i, _ in _as_words(self.text, word))

    def loose_first(self, words: list[str] | tuple[str, ...]) -> bool:
        """Whether the first of three or more capitalised words is no name's: one the article
        capitalises only where sentences begin ("Rival Ana Ruiz"), unless an initial follows it
        ("Marc H. Borel")."""
        return len(words) > 2 and not _INITIAL.fullmatch(words[1]) and self.opens_only(words[0])

    def _inside_sentence(self, word: str) -> bool:
        """Whether ``word`` stands inside a sentence: after a word in lower case, a comma or a
        quotation that ends in one."""
        found = self._inside.get(word)
        if found is None:
            text = self.text
            found = self._inside[word] = any(
                i >= 2 and text[i - 1] == " " and (text[i - 2].islower() or text[i - 2] in ",;"
                                                   or i >= 3 and text[i - 2] in "”’\"'" and text[i - 3] in ",?!'")
                for i, _ in _as_words(text, word))  # ("…," Ana said)
        return found

    def surname(self, word: str) -> bool:
        """Whether a lone capitalised word is a name in this article: a name word ("Warren") that
        it also capitalises inside a sentence, not only at a sentence's start ("Police said")."""
        if not self.name_word(word) or _INITIAL.fullmatch(word):
            return False
        return self._inside_sentence(word)

    def name_word(self, word: str) -> bool:
        """Whether ``word`` can be part of a person's name in this article."""
        found = self._names.get(word)
        if found is None:
            found = self._names[word] = self._name_word(word)
        return found

    def _name_word(self, word: str) -> bool:
        if word.lower() in HONORIFICS:
            return False  # "H.E.", "Shri"
        if _INITIAL.fullmatch(word):
            return True
        if not word[:1].isupper() or len(word) < 2 or not any(c.islower() for c in word) \
                or _PLURAL_ABBREVIATION.fullmatch(word) or word.rstrip(".") in NAME_SUFFIXES:
            return False
        low = word.lower()
        if word in STOP_CAPS or word in _NAME_STOP or word in NON_NAME_WORDS or word in MONTHS \
                or low in TITLE_WORDS or low in PERSON_NOUNS or low in ROLE_WORDS:
            return False
        if "-" in word and any(gazetteer.is_country_word(part) for part in word.split("-")):
            return False  # "Russian-Chinese"
        return not gazetteer.is_country_word(word) and not self.written_lower(word)


# The finite speech verbs (said, told, added, says …): those of reporting_verbs.tsv that can
# come before their subject ("…, said Park"), in the past or with -s.
_SPEECH = sorted(f for f in INVERTIBLE if " " not in f and (f.endswith("ed") or f in ("said", "told", "says", "tells", "adds")))
_SPEECH_AFTER = re.compile(rf"(?:,[^,.]{{1,80}},)?[ ]+(?:also[ ]+)?(?:{'|'.join(_SPEECH)})\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told)[ ]+$")


def _speech_subject(text: str, i: int, j: int) -> bool:
    """Whether the word at [i, j) is by itself the subject of a speech verb: "Park said", "Park, 56,
    told", "…, said Park." (not "said Park would")."""
    return _SPEECH_AFTER.match(text, j) is not None \
        or _SPEECH_BEFORE.search(text, max(0, i - 12), i) is not None and text[j:j + 1] in ".,;"


def _ends_before(text: str, i: int, word: str) -> bool:
    """Whether ``word`` ends the text before ``i``, spaces aside ("da" before "Silva")."""
    k = i
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return text.endswith(word, 0, k)


def _as_words(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` stands in ``text`` as a word of its own (not inside "trumpet"; "Park's" counts)."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "’'-_")) and \
                (j == len(text) or not (text[j].isalnum() or text[j] in "-_")):
            yield i, j
        i = text.find(word, j)


_POSSESSIVE_END = re.compile(r"['’]s?$")
# Words that join the run after them to a title or name before: "for Cyber and Emerging Technology"
_JOINING = frozenset({"and", "of", "for", "the", "on", "to", "&"})
# Plural abbreviations, no one's name: "CEOs", "NSAs"
_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,}s")
_LONG_WORD = re.compile(r"[A-Za-z][\w’'\-]{3,}")  # a word of four letters or more, not "of" or "the"
_INITIAL = re.compile(r"(?:[A-Z]\.)+")
_WORD3 = re.compile(r"[A-Za-z][\w’'\-]{2,}")  # a word of three letters or more
# Words a title-case headline may leave in lower case
_HEADLINE_LOWER = frozenset("and the for but nor yet from into onto with over upon".split())

# A run of capitalised words, initials and particles that may be a name: "Ronald R. Fieldstone",
# "G.K. Butterfield", "Beto O'Rourke", "Jean-Marc Ayrault", "Maria dos Santos".
# (Words without a lower-case letter, "FBI", are left to :meth:`Lexis.name_word`: a simpler
# pattern is quicker, and texts have many capitalised words.)
_WORD = r"(?:[A-Z]\.(?:[ ]?[A-Z]\.)*|[A-Z][\w’'\-]*)"
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES)) + ")"
NAME_RUN = rf"{_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_WORD})*"
# The capitalised words right before a word: "Jo " before "Park".
_RUN_BEFORE = re.compile(rf"(?<![\w’'\-.])(?:{_WORD}[ ](?:{_PARTICLE}[ ])?)+$")
_NOUNS = "|".join(sorted(PERSON_NOUNS, key=len, reverse=True))

# "Tom Hale, 56, …", "Tom Hale, a Denver lawyer who …", "Tom Hale, the company's chief executive,"
_APPOSITION_AFTER = re.compile(
    rf",[ ]+(?:(?P<age>\d{{1,3}})(?:,|[ ]+and\b)|(?:a|an|the|his|her|their|its|"
    rf"[A-Z][\w’'\-]*['’]s)[ ]+(?:[\w’'\-.]+[ ]+){{0,5}}?(?P<noun>{_NOUNS})\b)")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name the article shows to be a person's."""

    start: int
    words: tuple[str, ...]


_MODIFIERS = re.compile(r"(?:[\w’'\-.]+[ ]){1,3}$")


def described(text: str, at: int, role: str) -> frozenset[str]:
    """A role noun at ``at`` and, with the words before it, the fuller description:
    "nominee", "republican presidential nominee" (for "the Republican nominee")."""
    before = _MODIFIERS.search(text, max(0, at - 40), at)
    if before is None:
        return frozenset({role})
    return frozenset({role, f"{before.group().lower()}{role}"})


def name_words(run: str, lexis: Lexis) -> tuple[str, ...]:
    """The words of a run that are a name's: leading and trailing words that are no name's
    ("Rival", "Speech") are cut (a word the article capitalises only where sentences begin, when two
    words are left: "Rival Ana Ruiz", not "Ana Ruiz"); a run with an inner word that is no name's is none."""
    words = run.split()
    for k, w in enumerate(words):
        bare = _POSSESSIVE_END.sub("", w)
        if bare != w:  # "Ava Reyes's film": the name ends at the possessive
            words = words[:k] + [bare]
            break
    while words and (not lexis.name_word(words[0]) or lexis.loose_first(words)):
        words.pop(0)
    while words and not lexis.name_word(words[-1]):
        words.pop()
    if any(not (lexis.name_word(w) or w in NAME_PARTICLES) for w in words):
        return ()
    if words and (words[-1] in INSTITUTION_WORDS or _INITIAL.fullmatch(words[-1])):
        return ()
    return tuple(words)


#: How many places of a name :func:`describe` reads (a long transcript names its speaker often).
DESCRIBE_MAX = 40


def describe(text: str, words: tuple[str, ...] | list[str]) -> tuple[str | None, frozenset[str]]:
    """The gender and roles the article gives the person ``words`` names, where it names them:
    "Mr. Hale", "spokeswoman Ana Ruiz", "the state's campaign chairman, Tom Hale,", "Tom Hale,
    a Denver lawyer,". The gender is the one most of these agree on."""
    genders: list[str] = []
    roles: set[str] = set()
    last = words[-1]
    for n, (i, j) in enumerate(_as_words(text, last)):
        if n == DESCRIBE_MAX:
            break
        honorific = _HONORIFIC_BEFORE.search(text, max(0, i - 6), i)
        if honorific:
            genders.append(word_gender(honorific.group("h")) or "")
        run = _RUN_BEFORE.search(text, max(0, i - 60), i)
        start = run.start() if run else i
        noun = _word_before(text, start)
        if noun is not None:
            word, at = noun
            low = word.rstrip(",").lower()
            if low in PERSON_NOUNS and (word[0].islower() or _sentence_initial(text, at)) \
                    and (not word.endswith(",") or text.startswith(",", j)):
                genders.append(word_gender(low) or "")
                roles |= described(text, at, low)
        appos = _APPOSITION_AFTER.match(text, j)
        if appos and appos.group("noun"):
            noun = appos.group("noun").lower()
            genders.append(word_gender(noun) or "")
            roles.add(noun)
    return majority([g for g in genders if g]), frozenset(roles)


def called(text: str, role: str, lexis: Lexis) -> list[Mention]:
    """The people the article calls ``role`` by name ("spokeswoman Ana Ruiz", "Tom Hale, a Denver
    lawyer,", "the chairman, Tom Hale,"), for "the spokeswoman" when no one known holds it."""
    found = []
    for i, j in _as_words(text, role):
        after = _NAME_AFTER.match(text, j)
        if after:  # "spokeswoman Ana Ruiz", "chairman, Tom Hale,"
            words = name_words(after.group("name"), lexis)
            if words and (len(words) >= 2 or after.group("comma")):
                found.append(Mention(after.start("name"), words))
            continue
        appos = _APPOSITION_BEFORE.search(text, max(0, i - 80), i)
        if appos:  # "Tom Hale, a Denver lawyer"
            run = _RUN_ENDING.search(text, max(0, appos.start() - 60), appos.start())
            words = name_words(run.group(), lexis) if run else ()
            if words:
                found.append(Mention(run.start(), words))
    return found


# "Ana Ruiz" after a role noun, or ", Tom Hale," after one and a comma
_NAME_AFTER = re.compile(rf"(?:[ ]|(?P<comma>,[ ]))(?P<name>{NAME_RUN})(?(comma),)")
# ", a Denver " before a role noun: the apposition of the name before it
_APPOSITION_BEFORE = re.compile(r",[ ](?:an?|the|his|her|their|its|[A-Z][\w’'\-]*['’]s)[ ](?:[\w’'\-.]+[ ]){0,5}$")
# a name that ends where the search ends
_RUN_ENDING = re.compile(rf"(?<![\w’'\-.]){NAME_RUN}$")


# Nouns of kinship: a full name right after one is a relative's ("my son Beau Biden", "his wife,
# Jill Biden"), someone else than the titled person of that surname ("President Biden").
KIN_NOUNS = lexicon.words("kin_nouns")


def after_kin(text: str, at: int) -> bool:
    """Whether a noun of kinship stands right before ``at`` ("son Beau Biden", "wife, Jill Biden")."""
    if not 0 < at <= len(text):
        return False
    before = text[max(0, at - 20):at].rstrip(" ,").rsplit(None, 1)
    return bool(before) and before[-1].lower() in KIN_NOUNS


def _word_before(text: str, at: int) -> tuple[str, int] | None:
    """The word that ends right before ``at`` and a space (its comma kept), and where it starts."""
    if at < 2 or text[at - 1] != " ":
        return None
    left = text.rfind(" ", max(0, at - 40), at - 1) + 1
    return text[left:at - 1], left


def _sentence_initial(text: str, at: int) -> bool:
    k = at
    while k > 0 and text[k - 1] in " \t\"“‘'(":
        k -= 1
    return k == 0 or text[k - 1] in ".!?\n"


_MORE = re.compile(rf"(?:,[ ]+|,?[ ]+and[ ]+)(?P<name>{NAME_RUN})")
_PLURAL_TITLE = re.compile(r"(?:Sens|Reps|Govs|Senators|Representatives|Governors|Messrs)\.?")


def coordinated_after(text: str, m: re.Match[str], lexis: Lexis) -> Iterator[Mention]:
    """The further names a plural title governs: "Sens. Jo Park (D-Ore.) and Tom Hale"."""
    if not _PLURAL_TITLE.fullmatch(m.group("title")):
        return
    end = m.end()
    while True:
        tag = BRACKETED_TAG.match(text, end + 1) if text.startswith(" (", end) else None
        if tag:
            end = tag.end()
        more = _MORE.match(text, end)
        if more is None:
            return
        words = name_words(more.group("name"), lexis)
        if not words:
            return
        yield Mention(more.start("name"), words)
        end = more.end()


# -- where the article names each person -----------------------------------------------------------

def occurrences(text: str, words) -> list[tuple[int, str]]:
    """Where each of ``words`` stands in ``text`` as a word of its own, in text order."""
    found = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "’'-_")) and \
                    (j == len(text) or not (text[j].isalnum() or text[j] in "’-_")) and text[j:j + 2] not in ("'t", "'d"):
                found.append((i, word))
            i = text.find(word, j)
    found.sort(key=lambda f: (f[0], -len(f[1])))
    return found


_HONORIFIC_BEFORE = re.compile(r"\b(?P<h>Mr|Mrs|Ms|Miss)\.?[ ]+$")


def disambiguate(text: str, at: int, who: list[int], people, hits, last_at: dict[int, int]) -> list[int]:
    """Which of several people a shared name word at ``at`` means ("Clinton"): the one whose other
    name word stands right before it, whose gender an honorific gives, else the one last named."""
    if hits and hits[-1][2] in who and text[hits[-1][1]:at].strip() == "":
        return [hits[-1][2]]
    honorific = _HONORIFIC_BEFORE.search(text, max(0, at - 6), at)
    if honorific:
        gender = word_gender(honorific.group("h"))
        fitting = [i for i in who if people[i].gender == gender]
        if len(fitting) == 1:
            return fitting
        who = [i for i in who if people[i].gender != ("f" if gender == "m" else "m")] or who
    seen = [i for i in who if i in last_at]
    if seen:
        return [max(seen, key=lambda i: last_at[i])]
    return who


# -- gender from pronouns --------------------------------------------------------------------------

_PRONOUN_AFTER = re.compile(r"(?:[ \t]+\w+){0,2}?[ \t]+(?:said|says|told|added|wrote|argued|insisted|noted)"
                            r"(?:[ \t]+that)?[ \t]+(?P<p>he|she)\b")
_NEXT_SUBJECT = re.compile(r"[^.!?\n]{0,300}?[.!?][\"”’']?[ \t]+(?P<p>He|She)\b")
_PRONOUN_GENDER = {"he": "m", "she": "f"}


def pronoun_after(text: str, end: int, limit: int) -> str | None:
    """The gender of the pronoun that takes up a name ending at ``end`` before anyone else is
    named (at ``limit``): "Hale said she …", "… Hale. She …"."""
    m = _PRONOUN_AFTER.match(text, end, limit) or _NEXT_SUBJECT.match(text, end, limit)
    return _PRONOUN_GENDER[m.group("p").lower()] if m else None


def majority(votes: list[str]) -> str | None:
    """The gender most pronouns give, when they agree three to one or better."""
    m, f = votes.count("m"), votes.count("f")
    if m > 3 * f:
        return "m"
    if f > 3 * m:
        return "f"
    return None


def title_apposition(aside: str) -> bool:
    """Whether an aside is a title in capitals, as meeting records and company news set one after
    a name: "Assistant Secretary-General for Africa", "Chief Executive of Acme", "Special
    Representative and Head of the Office …", "Russia's Permanent Representative". Each title
    ends in a word that names a role (not "First of all", not "President Biden")."""
    m = _TITLES_IN_CAPITALS.fullmatch(aside)
    return m is not None and all(role_head(t.split()[-1]) for t in m.group("titles").split(" and "))


def role_head(word: str) -> bool:
    """Whether ``word`` names a role: "Representative", "Secretary-General", "Under-Secretary-General"
    (a role after a prefix)."""
    low = word.lower()
    while low not in ROLE_HEADS and "-" in low:
        low = low.split("-", 1)[1]
    return low in ROLE_HEADS


_CAPITAL_WORD = r"[A-Z][\w’'\-]*"
_TITLES_IN_CAPITALS = re.compile(
    rf"(?P<titles>(?:{_CAPITAL_WORD}\s+){{0,3}}?{_CAPITAL_WORD}(?:\s+and\s+(?:{_CAPITAL_WORD}\s+){{0,3}}?{_CAPITAL_WORD})?)"
    r"(?:\s+(?:of|for|to|at|in|on|with)\s+\S.*)?")
# The words a title ends with: person nouns and the words of titles, not the words of offices
# ("Foreign", "First", "National") nor abbreviations.
ROLE_HEADS = frozenset(w for w in PERSON_NOUNS | TITLE_WORDS if len(w) > 3 and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", w)) \
    - lexicon.words("office_words")
