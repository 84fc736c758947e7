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


TITLES = (
    "President|Vice President|Prime Minister|Deputy Prime Minister|First Deputy Prime Minister|Premier|"
    "Vice Premier|Chancellor|Vice Chancellor|Foreign Minister|Defence Minister|Defense Minister|"
    "Minister|Secretary of State|Secretary-General|Secretary General|Secretary|Deputy Secretary|"
    "Under Secretary|King|Queen|Emir|Amir|Crown Prince|Prince|Princess|Sultan|Sheikh|Chairman|"
    "Chairwoman|Chairperson|Chair|General Secretary|Ambassador|Spokesperson|Spokesman|Spokeswoman|"
    "First Lady|Second Gentleman|Senator|Governor|Mayor|Director|National Security Advisor|"
    "National Security Adviser|Special Envoy|Envoy|Commissioner|Pope|Supreme Leader|State Councilor|"
    "State Councillor|Speaker|Leader|Head|Chief Executive|Chief|Admiral|General|Marshal|Colonel|"
    "Grand Duke|Governor-General|Taoiseach|Tánaiste|Advisor|Adviser|Administrator|Coordinator|"
    "Representative|Counselor|Counsellor|Co-Chair|Attorney General|Press Secretary|Assistant Secretary|"
    "Prosecutor General|Mr|Mr\\.|Mrs|Mrs\\.|Ms|Ms\\.|Dr|Dr\\.|Madam|Lord|Lady|Sir"
)
TITLE_WORDS = frozenset(
    w.lower() for t in TITLES.replace("\\.", "").split("|") for w in t.split()
) | {"deputy", "first", "foreign", "vice", "state", "affairs", "ministry", "security", "national"}
# Lower-case particles that can open a surname after a title: "President von der Leyen".
NAME_PARTICLES = frozenset("von van de da der den del della di du dos das al el bin ibn le la".split())
_NAME_PARTICLES = rf"(?:(?:{'|'.join(sorted(NAME_PARTICLES))})[ \t]+){{0,2}}"
NAME_TOKEN = r"(?:[A-Z]\.|[A-Z][\w’'\-]*|(?:al|bin|ibn|de|da|van|von|der|le|la|el)\b(?:-[A-Z][\w’']*)?)"
# "(Chinese) President (of the Republic of X) Xi Jinping (of X)"
_TITLE_HEAD = (r"(?:Prime|Vice|Deputy|First|Foreign|Crown|Secretary|State|National|Special|Supreme|Under|"
               r"General|Chief|Grand|Defen[cs]e|President|Minister|Premier|Chancellor|King|Queen)\b")
ADJ_TOKEN = rf"(?!{_TITLE_HEAD})(?:(?:[A-Z]\.){{2,}}|[A-Z][\w\-]*)"
# Names never run across a line break (paragraphs are lines).
TITLED_NAME = re.compile(
    rf"(?:(?P<adj>{ADJ_TOKEN}(?:[ \t]+{ADJ_TOKEN}){{0,2}})[ \t]+)?\b(?P<title>{TITLES})\b"
    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>(?:[A-Z][\w’'\-]*)(?:[ \t]+(?:of[ \t]+|the[ \t]+|and[ \t]+)*[A-Z][\w’'\-]*){{0,5}}?))?"
    rf"[ \t]+(?P<name>{_NAME_PARTICLES}[A-Z][\w’'\-]+(?:[ \t]+{NAME_TOKEN}){{0,4}})"
)
# Grouped by first letter, so the regex engine skips to candidate letters
# instead of trying a hundred alternatives everywhere; the same matches as
# \b(?:TITLES)\b.
TITLE_WORD = re.compile(from_letter(TITLES.split("|")) + r"\b")
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
        before = CAP_BEFORE.search(text, window, t.start())
        starts = [before.start()] if before else []
        starts.append(t.start())
        for start in starts:
            m = TITLED_NAME.match(text, start)
            if m and m.start("title") == t.start():
                pos = m.end()
                yield m
                break


STOP_CAPS = frozenset(
    "The A An In On At As But And However Meanwhile Both Then Also After Before During When While "
    "Today Yesterday Tomorrow This That These Those There Here His Her Its Their Our My Your It "
    "Last Next Earlier Later Since Following Under Through With Without For From By To Of If "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Noting According Moreover Furthermore "
    "Additionally Finally First Second Third Overall Separately Likewise Similarly Still Yet So "
    "Besides Further Indeed Instead Thus Therefore He She They We I You Together Meanwhile Yesterday "
    "Although Though Because Whereas Unless Until Once Whether Where Why How What Who Which Let".split()
)
# Capitalised words of institutions and places, never part of a person's name.
INSTITUTION_WORDS = frozenset(
    "Republic Federation Kingdom States Union Council Ministry Government Assembly Committee Commission "
    "Nations Party Organization Organisation Department Office House Court Bank Fund Agency Forum Summit "
    "Initiative Administration Parliament Congress Senate Cabinet Secretariat Embassy Mission "
    "Federal Democratic People's Islamic Arab Socialist United Emirates Confederation Principality "
    "Sultanate Commonwealth Territory Province Region City Army Navy Forces Corporation Company Group "
    "Institute University Foundation Center Centre Association Authority Service Bureau Board "
    "Team Health Framework Plan Program Programme Act Law Policy Strategy Partnership Agreement Security "
    "Affairs Development Relations Cooperation Economy Energy Trade Defense Defence Response Safety "
    "Communities Network Project System Alliance Coalition Movement Front Guard Police Tribunal".split()
)
# Words of a title-case headline that can follow a name: "Readout of Vice President Harris Call with …".
HEADLINE_WORDS = frozenset(
    "Call Calls Meeting Meetings Visit Remarks Statement Readout Trip Travel Conversation Talks Summit "
    "Conference Session Declaration Communique Press Briefing Dinner Reception Ceremony".split()
)
INSTITUTION_WORDS = INSTITUTION_WORDS | HEADLINE_WORDS
# Honorifics before a name that are no part of it.
HONORIFICS = frozenset("shri sri smt shrimati h.e. his her excellency hon. honourable honorable".split())
# Generational suffixes are not part of how a person is referred to.
NAME_SUFFIXES = frozenset({"Jr", "Sr", "Jnr", "Snr", "MP"})
ROLE_WORDS = frozenset(
    "president presidents leader leaders side sides counterpart counterparts premier chancellor "
    "king queen emir minister ministers prime secretary spokesperson spokesman spokeswoman ambassador "
    "envoy delegation delegations party parties participants country countries nation nations "
    "government governments heads head state states two three four both all officials official "
    "statement declaration communique communiqué readout document vice first lady chairman chair "
    "general foreign ministry other men women sultan prince crown deputy team teams".split()
)


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


def trim_title(s: str) -> str:
    s = re.sub(r"^(?:the|a|an)\s+", "", clean(s), flags=re.IGNORECASE)
    words = s.split()
    while words and words[-1].lower() in ("of", "on", "by", "between", "from", "for", "in", "to", "and", "the", "a", "an", "with"):
        words.pop()
    return " ".join(words)


MONTHS = lexicon.words("months")


def name_tokens(raw: str) -> list[str]:
    """The words of a person's name in a matched span, or [] when it is not a name."""
    toks = raw.split()
    # leading words that belong to an "of" phrase the pattern stopped early in ("Commission Jean-Claude Juncker"),
    # and honorifics ("Shri Narendra Modi", "H.E. Luiz Inacio Lula da Silva")
    while toks and (toks[0].rstrip(".") in INSTITUTION_WORDS or gazetteer.is_country_word(toks[0].rstrip(".,"))
                    or toks[0].lower() in HONORIFICS):
        toks.pop(0)
    out: list[str] = []
    for tok in toks:
        bare = tok if _INITIAL.fullmatch(tok) else tok.rstrip(".")
        possessive = _POSSESSIVE.match(bare)
        if possessive:
            out.append(possessive.group(1))
            break
        if bare in MONTHS and out:
            out.append(bare)  # "Theresa May"
            continue
        if bare in STOP_CAPS or gazetteer.is_country_word(bare) and out:
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
    if any(t in INSTITUTION_WORDS for t in out):
        # "Jewish Congress Ronald Lauder": the name follows the institution's
        out = out[max(i for i, t in enumerate(out) if t in INSTITUTION_WORDS) + 1:]
    if not out or out[0] in INSTITUTION_WORDS or gazetteer.is_country_word(out[0]):
        return []
    return out


# A name that opens a sentence and does something: "Vladimir Petrov had a telephone conversation …".
UNTITLED_SUBJECT = re.compile(
    r"(?:Mr\.? |Ms\.? |Mrs\.? )?(?P<name>[A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+){1,2})"
    r" (?:also )?(?:had|held|met|spoke|said|says|sent|received|made|visited|called|took|gave|signed|"
    r"attended|hosted|welcomed|thanked|congratulated|discussed|opened|chaired|addressed|noted|stressed|"
    r"emphasi[sz]ed|expressed|underlined|pointed|told|agreed|informed|reaffirmed|telephoned)\b"
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
