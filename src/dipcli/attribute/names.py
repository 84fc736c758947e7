"""How people are named in diplomatic prose: titles, name words, and the words that are no name.

``TITLED_NAME`` reads "(Chinese) President (of the Republic of X) Xi Jinping";
:func:`name_tokens` keeps the words of a matched span that belong to the
person's name; :func:`untitled_subjects` finds a bare name that opens a
sentence and does something ("Vladimir Petrov had a telephone conversation …").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .. import gazetteer, lexicon
from ..cues import from_letter


# Word lists (data/lexicon/*.txt), read when attribution is first imported.
TITLE_LIST = lexicon.entries("titles")
TITLES = "|".join(map(re.escape, TITLE_LIST))  # in file order: a longer title before the one it starts with
TITLE_WORDS = frozenset(w.lower() for t in TITLE_LIST for w in t.replace(".", "").split()) | lexicon.words("office_words")
# Lower-case particles that can open a surname after a title: "President von der Leyen".
NAME_PARTICLES = lexicon.words("name_particles")
_NAME_PARTICLES = rf"(?:(?:{'|'.join(sorted(NAME_PARTICLES))})[ \t]+){{0,2}}"
NAME_TOKEN = rf"(?:[A-Z]\.|[A-Z][\w’'\-]*|(?:{'|'.join(sorted(NAME_PARTICLES))})\b(?:-[A-Z][\w’']*)?)"
# "(Chinese) President (of the Republic of X) Xi Jinping (of X)"
_TITLE_HEAD = rf"(?:{'|'.join(map(re.escape, lexicon.entries('title_heads')))})\b"
# A title of several words opens with a word that is no modifier before a title either: "Press"
# in "White House Press Secretary Ana Ruiz", "Attorney" in "Attorney General …", "Majority Leader".
_SEVERAL_WORDS_TITLE = from_letter([re.escape(t) for t in TITLE_LIST if " " in t]) + r"(?!\w)"
ADJ_TOKEN = rf"(?!{_TITLE_HEAD}|{_SEVERAL_WORDS_TITLE})(?:(?:[A-Z]\.){{2,}}|[A-Z][\w\-]*)"
# Names never run across a line break (paragraphs are lines).
TITLED_NAME = re.compile(
    rf"(?:(?P<adj>{ADJ_TOKEN}(?:[ \t]+{ADJ_TOKEN}){{0,2}})[ \t]+)?\b(?P<title>{TITLES})(?!\w)"
    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>(?:[A-Z][\w’'\-]*)(?:[ \t]+(?:of[ \t]+|the[ \t]+|and[ \t]+)*[A-Z][\w’'\-]*){{0,5}}?))?"
    rf"[ \t]+(?P<name>{_NAME_PARTICLES}[A-Z][\w’'\-]+(?:[ \t]+{NAME_TOKEN}){{0,4}})"
)
# Grouped by first letter, so the regex engine skips to candidate letters
# instead of trying a hundred alternatives everywhere; the same matches as
# \b(?:TITLES)(?!\w): a title may end in a full stop ("Sen.", "Mr.").
TITLE_WORD = re.compile(from_letter(TITLES.split("|")) + r"(?!\w)")
CAP_BEFORE = re.compile(rf"(?:{ADJ_TOKEN}[ \t]+){{1,3}}$")


# "his Finnish counterpart Elina Valtonen": a name introduced as someone's counterpart.
# Found by the word "counterpart", which the regex engine skips to; the modifiers
# before it ("Finnish") are read afterwards.
COUNTERPART = re.compile(rf"counterpart,?[ \t]+(?P<name>[A-Z][\w’'\-]+(?:[ \t]+{NAME_TOKEN}){{1,4}})")
MODIFIERS_BEFORE = re.compile(rf"(?:{ADJ_TOKEN}[ \t]+){{1,2}}$")
# ", President of Portugal", ", Prime Minister of Japan": a title after the name it belongs to.
TITLE_AFTER = re.compile(
    rf",[ \t]+(?:the[ \t]+)?(?P<title>{TITLES})[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?P<of>[A-Z][\w’'\-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+|and[ \t]+)*[A-Z][\w’'\-]*){0,5})"
)
# The capitalised words right before it: "Mr. KISHIDA Fumio", "H.E. Luiz Inacio Lula da Silva".
NAME_BEFORE = re.compile(rf"(?<![\w.])(?:{NAME_TOKEN}[ \t]+){{1,6}}{NAME_TOKEN}$")


# A party-and-state tag after a politician's name, as US news writes it: "(D-Mont.)", "(R-IN)",
# "D-Calif.", "(I-Vt.)", "(R)"; or the state alone in brackets, "(Fla.)".
PARTY_TAG = r"(?:[DRI]|Dem|Rep|Ind)(?:[-–](?:[A-Z]\.){1,2}|[-–][A-Z][A-Za-z]{1,12}\.?(?:[ ][A-Z][a-z]{1,12}\.?)?)?"
BRACKETED_TAG = re.compile(rf"\((?:{PARTY_TAG}|[A-Z][a-z]{{1,5}}\.|(?:[A-Z]\.){{2}})\)")


def titled_names(text: str) -> Iterator[re.Match[str]]:
    """``TITLED_NAME.finditer`` without trying the pattern at every position.

    Titles are found first; the full pattern is then anchored at the start of
    the capitalised modifiers before each title ("Chinese", "National Climate").
    """
    pos = 0
    for t in TITLE_WORD.finditer(text):
        if t.start() < pos:
            continue
        window = max(pos, t.start() - 60)
        before = CAP_BEFORE.search(text, window, t.start()) if _may_end_capitalised(text, window, t.start()) else None
        starts = [before.start()] if before else []
        starts.append(t.start())
        for start in starts:
            m = TITLED_NAME.match(text, start)
            if m and m.start("title") == t.start():
                pos = m.end()
                yield m
                break


def _may_end_capitalised(text: str, start: int, end: int) -> bool:
    """Whether :data:`CAP_BEFORE` may match in ``text[start:end]``: its last word, which opens with
    a capital A-Z, stands between the last space or tab before the spaces or tabs that end the span
    and them ("…the| President": no). (Before a line break that ends the span, ``$`` matches too:
    such a span is left to the pattern.) The pattern, tried at every position of the span, costs
    more than this test, and most titles follow a word in lower case."""
    i = end
    while i > start and text[i - 1] in " \t":
        i -= 1
    if i == end:
        return end > start and text[end - 1] == "\n"
    word = text[max(start, text.rfind(" ", start, i) + 1, text.rfind("\t", start, i) + 1):i]
    return word != word.lower()


MONTHS = lexicon.words("months")
WEEKDAYS = lexicon.words("weekdays")
# Capitalised words that are never part of a person's name ("However", "Noting"; months and days too).
STOP_CAPS = lexicon.words("capitalised_stop_words") | MONTHS | WEEKDAYS
INSTITUTION_WORDS = lexicon.words("institution_words")
# Words of a title-case headline that can follow a name: "Readout of Vice President Harris Call with …".
HEADLINE_WORDS = lexicon.words("headline_words")
# Capitalised words of institutions, places and headlines: never part of a person's name.
NON_NAME_WORDS = INSTITUTION_WORDS | HEADLINE_WORDS
# Honorifics before a name that are no part of it.
HONORIFICS = lexicon.words("honorifics")
# Generational suffixes are not part of how a person is referred to.
NAME_SUFFIXES = lexicon.words("name_suffixes")
ROLE_WORDS = lexicon.words("role_words")


# Patterns of the per-sentence code, compiled once (re's own cache lookup costs
# more than the match on short phrases).
SPACES = re.compile(r"\s+")


_POSSESSIVE = re.compile(r"(.+?)['’]s?$")


_INITIAL = re.compile(r"[A-Z]\.")


def clean(s: str) -> str:
    return SPACES.sub(" ", s).strip(" ,.;:")


def country_in(phrase: str) -> str | None:
    """The country a modifier names: "Chinese", "South Korean", "NEC" (none)."""
    found = gazetteer.country_of(phrase)
    if found:
        return found
    words = phrase.split()
    for n in (2, 1):
        for i in range(len(words) - n, -1, -1):
            found = gazetteer.country_of(" ".join(words[i:i + n]))
            if found:
                return found
    return None


# Words that open a place's or a state's name before a country's word ("South Korea", "Soviet Russia").
PLACE_MODIFIERS = lexicon.words("place_modifiers")
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")  # "Jim", "Jean-Marc" (not "Post-revolution")


def country_surname(given: str, word: str) -> bool:
    """Whether ``word``, a country's name or demonym right after the capitalised word ``given``, is
    a person's surname: "Jim Jordan", "Judith French", "Bob Dane". ``given`` reads as a given name
    (:func:`_given_name`); ``word`` is a word of letters (not "U.S.") and no plural ("Christian
    Albanians"); and the two words together name no country."""
    return gazetteer.is_country_word(word) and _given_name(given) \
        and bool(_GIVEN_NAME.fullmatch(word)) and not _plural_demonym(word) \
        and gazetteer.country_of(f"{given} {word}") is None


# Titles that are also common surnames ("Charlie King", "Rep. Steve King").
TITLE_SURNAMES = lexicon.words("title_surnames")


def title_surname(given: str, word: str) -> bool:
    """Whether ``word``, a title right after the capitalised word ``given`` and ending the name, is
    a person's surname: "Charlie King", "Angus King" (title_surnames.txt)."""
    return word in TITLE_SURNAMES and _given_name(given)


def _given_name(given: str) -> bool:
    """Whether a capitalised word before a surname that is another class's word reads as a given
    name: a word of letters that is no country's word, title, stop word, capital ("Amman Jordan"),
    participle or adverb ("Representing Malaysia") or word of a place's name ("South Korea",
    "Northern Ireland")."""
    return bool(_GIVEN_NAME.fullmatch(given)) and not given.endswith(("ing", "ly")) \
        and given not in STOP_CAPS and given not in NON_NAME_WORDS and given not in PLACE_MODIFIERS \
        and given.lower() not in TITLE_WORDS and given.lower() not in ROLE_WORDS \
        and given.lower() not in HONORIFICS and not gazetteer.is_country_word(given) \
        and gazetteer.place_country(given) is None


def _plural_demonym(word: str) -> bool:
    """Whether ``word`` is a demonym's plural: "Americans", "Danes", "Turks" (not "Wales")."""
    return word.endswith("s") and gazetteer.is_country_word(word[:-1])


def trim_title(s: str) -> str:
    s = re.sub(r"^(?:the|a|an)\s+", "", clean(s), flags=re.IGNORECASE)
    words = s.split()
    while words and words[-1].lower() in ("of", "on", "by", "between", "from", "for", "in", "to", "and", "the", "a", "an", "with"):
        words.pop()
    return " ".join(words)


def name_tokens(raw: str) -> list[str]:
    """The words of a person's name in a matched span, or [] when it is not a name."""
    toks = raw.split()
    # leading words that belong to an "of" phrase the pattern stopped early in ("Commission Jean-Claude Juncker"),
    # and honorifics ("Shri Narendra Modi", "H.E. Luiz Inacio Lula da Silva")
    while toks and (toks[0].rstrip(".") in NON_NAME_WORDS or gazetteer.is_country_word(toks[0].rstrip(".,"))
                    or toks[0].lower() in HONORIFICS):
        toks.pop(0)
    out: list[str] = []
    for i, tok in enumerate(toks):
        bare = tok if _INITIAL.fullmatch(tok) else tok.rstrip(".")
        possessive = _POSSESSIVE.match(bare)
        if possessive:
            out.append(possessive.group(1))
            break
        if bare in MONTHS and out:
            out.append(bare)  # "Theresa May"
            continue
        if len(out) == 1 and i == len(toks) - 1 and country_surname(out[0], bare):
            out.append(bare)  # "Rep. Jim Jordan": a given name makes the country's word a surname
            break
        if bare in STOP_CAPS or gazetteer.is_country_word(bare) and out:
            break
        if len(out) == 1 and i == len(toks) - 1 and title_surname(out[0], bare):
            out.append(bare)  # "Rep. Steve King": the title ends the name, after a given name
            break
        if bare.lower() in TITLE_WORDS:
            if not out:
                return []
            break  # "Nursultan Nazarbayev President of …": the name ends at the next title
        out.append(bare)
    while out and (out[-1] in STOP_CAPS and out[-1] not in MONTHS or out[-1] in NAME_SUFFIXES
                   or out[-1].lower() in ("of", "the", "and")):
        out.pop()
    if any(t in HEADLINE_WORDS for t in out[1:]):
        # "Harris Call", "Biden Meeting" in a title-case headline: the name ends before the headline word
        out = out[:next(i for i, t in enumerate(out) if t in HEADLINE_WORDS)]
    if any(t in NON_NAME_WORDS for t in out):
        # "Jewish Congress Ronald Lauder": the name follows the institution's
        out = out[max(i for i, t in enumerate(out) if t in NON_NAME_WORDS) + 1:]
    if not out or out[0] in NON_NAME_WORDS or gazetteer.is_country_word(out[0]):
        return []
    return out


# A name that opens a sentence and does something: "Vladimir Petrov had a telephone conversation …".
UNTITLED_SUBJECT = re.compile(
    r"(?:Mr\.? |Ms\.? |Mrs\.? )?(?P<name>[A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+){1,2})"
    rf" (?:also )?(?:{'|'.join(map(re.escape, lexicon.entries('subject_verbs')))})\b"
)
# What may stand right before one: a line break or a sentence's end and a space.
# Matched as part of the pattern, which then begins with literals the engine skips to.
_UNTITLED_AFTER = re.compile(r"(?:\n|\. |! |\? )" + UNTITLED_SUBJECT.pattern)


def untitled_subjects(text: str) -> Iterator[re.Match[str]]:
    """``UNTITLED_SUBJECT`` where a line or sentence begins: at the start of the text,
    after a line break, or after ". ", "! " or "? "."""
    first = UNTITLED_SUBJECT.match(text)
    if first:
        yield first
    yield from _UNTITLED_AFTER.finditer(text, first.end() if first else 0)


# "Joint Statement of …", "Declaration on …": the title of a document the article names.
_DOC_WORDS = ("Statement", "Declaration", r"Communiqu[eé]", "Memorandum")
DOC_TITLE = re.compile(  # \b(?:Joint\s+)?(?:Statement|…)\b…, written to skip ahead to J, S, D, C and M
    from_letter([r"Joint\s+(?:" + "|".join(_DOC_WORDS) + ")", *_DOC_WORDS]) + r"\b"
    r"(?:\s+(?:of|on|by|between|from|for|in|to|and|the|a|an|with|[A-Z0-9][\w’'\-]*))*",
)


# A politician's party and state after the name ("Gov. Ann Reyes (R-IN) said", "Sen. Li (D-Calif.)").
_PARTY_AFTER_NAME = re.compile(r"\s\([A-Z]{1,3}[-–][A-Z][A-Za-z.]{0,14}(?:,\s?[A-Z][A-Za-z.]{0,14})?\)(?=[\s,])")
# A country in brackets after a name, as meeting records give a delegate's: "Ana Ruiz (Peru) said".
_COUNTRY_TAG = re.compile(r"(?<=[a-z])\s\(([A-Z][^()]{1,40})\)(?=[\s,])")


def blank_tags(sent: str) -> str:
    """``sent`` with a party tag or a delegate's country in brackets after a name read as space,
    so the name stays next to its cue; the same length (offsets do not move)."""
    return _COUNTRY_TAG.sub(_blank_country, _PARTY_AFTER_NAME.sub(_blank, sent))


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _blank_country(m: re.Match[str]) -> str:
    # (not a short name defined after the country's long one: "the Republic of Chad (Chad)")
    named = m.group(1) in m.string[max(0, m.start() - 80):m.start()]
    return " " * len(m.group()) if not named and gazetteer.country_of(m.group(1)) else m.group()


def skip_space_back(sent: str, k: int) -> int:
    """The offset just after the last non-space character before ``k`` (no copying: cues can be many)."""
    while k > 0 and sent[k - 1].isspace():
        k -= 1
    return k
