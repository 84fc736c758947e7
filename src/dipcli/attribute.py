"""Who said each sentence: speaker discovery, cue frames, pronouns, turns and continuation.

The article is read once for the people it introduces ("Chinese President Xi
Jinping", "Prime Minister Robert Golob of the Republic of Slovenia",
transcript labels), then sentence by sentence: a sentence's speaker is the
subject of its reporting frame ("X said that …", "…, X said.", "…, said X,
adding …"), resolved against what the article has introduced so far; a
sentence without a frame inherits the speaker of the sentence before it in
the same paragraph, or is the narrator's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from . import gazetteer, lexicon
from .cues import INVERTIBLE, OPENING_PARTICIPLES, find_cues, from_letter
from .model import Article, Claim, Paragraph, Sentence
from .segment import content_start

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
_ADJ_TOKEN = rf"(?!{_TITLE_HEAD})(?:(?:[A-Z]\.){{2,}}|[A-Z][\w\-]*)"
# Names never run across a line break (paragraphs are lines).
TITLED_NAME = re.compile(
    rf"(?:(?P<adj>{_ADJ_TOKEN}(?:[ \t]+{_ADJ_TOKEN}){{0,2}})[ \t]+)?\b(?P<title>{TITLES})\b"
    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>(?:[A-Z][\w’'\-]*)(?:[ \t]+(?:of[ \t]+|the[ \t]+|and[ \t]+)*[A-Z][\w’'\-]*){{0,5}}?))?"
    rf"[ \t]+(?P<name>{_NAME_PARTICLES}[A-Z][\w’'\-]+(?:[ \t]+{NAME_TOKEN}){{0,4}})"
)
# Grouped by first letter, so the regex engine skips to candidate letters
# instead of trying a hundred alternatives everywhere; the same matches as
# \b(?:TITLES)\b.
TITLE_WORD = re.compile(from_letter(TITLES.split("|")) + r"\b")
CAP_BEFORE = re.compile(rf"(?:{_ADJ_TOKEN}[ \t]+){{1,3}}$")


# "his Finnish counterpart Elina Valtonen": a name introduced as someone's counterpart.
# Found by the word "counterpart", which the regex engine skips to; the modifiers
# before it ("Finnish") are read afterwards.
COUNTERPART = re.compile(rf"counterpart,?[ \t]+(?P<name>[A-Z][\w’'\-]+(?:[ \t]+{NAME_TOKEN}){{1,4}})")
_MODIFIERS_BEFORE = re.compile(rf"(?:{_ADJ_TOKEN}[ \t]+){{1,2}}$")
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


TURN_LABEL = re.compile(
    r"(?P<label>(?:[A-Z][A-Z.’'\-]*(?:\s+[A-Z][A-Z.’'\-]*){0,5})"
    r"|(?:[A-Z][\w.’'\-]*(?:\s+(?:of|the|de|al|bin|van|von|[A-Z][\w.’'\-]*)){0,9}))"
    r"(?:\s*\((?P<note>[^()]{1,40})\))?\s*:\s+"
)
QUESTION_LABEL = re.compile(r"Q(?::\s+|\s{2,}|\s+(?=[A-Z]))")
NOT_LABELS = frozenset(
    "note source category update date location time tags editor related contact media press "
    "photo video caption subject re fact sheet background transcript source tags note sources "
    "q&a agenda attachment attachments see also read more watch the following".split()
)
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
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
SKIPPABLE = frozenset(
    "also further once again repeatedly strongly firmly jointly fully highly warmly particularly "
    "especially specifically briefly then both all have has had will would should must can could "
    "may might shall do does did is are was were not further furthermore reportedly clearly "
    "explicitly publicly unanimously separately likewise similarly equally sincerely deeply "
    "consistently always never earlier later previously recently today yesterday".split()
)
# Collectives that mean the article's principals ("the two sides" = the two leaders' countries).
COLLECTIVE = re.compile(
    r"(?:(?:the|both|all)\s+)?(?:(?:two|three|four|both|respective)\s+)?(?:sides|leaders|presidents|"
    r"heads\s+of\s+state(?:\s+and\s+government)?|parties|countries|nations|governments|counterparts|"
    r"men|women|two)"
    r"|(?:both|the\s+two|two)\s+(?:foreign\s+|prime\s+)?ministers",  # the ministers who met, not ministers at large
    re.IGNORECASE,
)
# Any other plural subject with a determiner: "the national security advisors", "Participants".
# Plurals with an agentive ending that are not agents.
NOT_AGENTS = frozenset("others orders borders waters matters numbers letters papers towers corners barriers "
                       "layers quarters headquarters chapters registers rivers disasters dangers dollars "
                       "pillars mirrors errors factors sectors centers centres meters".split())
PLURAL_GROUP = re.compile(
    r"(?:(?i:the|both|all|several|many|some|most)\s+(?:[\w’'\-]+\s+){0,4}[a-z][\w\-]*(?:ers|ors|ants|ents|ists|ives|ials|ians|ates|ies|ions|ders)"
    r"|[A-Z][a-z]+(?:ants|ents|ers|ors|ists|ives|ials|ians|ates|ies))"
    r"|(?i:the|both)\s+(?:[\w’'\-]+\s+){0,2}?(?:team|group|delegation|panel|committee|council|commission|"
    r"working\s+group|task\s+force)",
)
DOCUMENT = re.compile(
    r"(?:the\s+|a\s+|this\s+)?(?:joint\s+)?(?:statement|declaration|communiqu[eé]|readout|document|"
    r"agreement|memorandum|resolution|treaty|plan)\b.*",
    re.IGNORECASE,
)
_DOC_WORDS = ("Statement", "Declaration", r"Communiqu[eé]", "Memorandum")
DOC_TITLE = re.compile(  # \b(?:Joint\s+)?(?:Statement|…)\b…, written to skip ahead to J, S, D, C and M
    from_letter([r"Joint\s+(?:" + "|".join(_DOC_WORDS) + ")", *_DOC_WORDS]) + r"\b"
    r"(?:\s+(?:of|on|by|between|from|for|in|to|and|the|a|an|with|[A-Z0-9][\w’'\-]*))*",
)
ROLE = re.compile(
    rf"(?:(?i:the|his|her|their|its)\s+)?(?:(?P<adj>{_ADJ_TOKEN}(?:\s+{_ADJ_TOKEN})?)\s+)?"
    r"(?P<role>PM|(?i:vice\s+president|president|prime\s+minister|premier|leader|chancellor|king|queen|emir|"
    r"side|counterpart|foreign\s+minister|head\s+of\s+state|delegation|government|authorities|"
    r"secretary\s+of\s+state|secretary-general|secretary\s+general|minister|ambassador|spokesperson|"
    r"spokesman|spokeswoman))"
    r"(?:\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<of>.+))?"
)
# Heads of state and government, whose capitalised title alone can name them ("President", "PM").
HEADS = frozenset(("president", "prime minister", "pm", "premier", "chancellor", "vice president", "king", "queen",
                   "emir"))
# Roles held by one person, who can be referred to by the office alone ("The Prime Minister").
OFFICES = HEADS - {"pm"} | {"foreign minister", "secretary of state", "secretary-general", "secretary general"}
SENTENCE_OPENERS = re.compile(
    r"(?:In|According\s+to|Under|Per)\s+(?P<doc>(?:the|a|this|their)\s+(?:joint\s+)?"
    r"(?:statement|declaration|communiqu[eé]|readout|document)|the\s+(?:Joint\s+)?"
    r"(?:Statement|Declaration|Communiqu[eé])\b[^,]{0,300})\s*,",
)
# "It was agreed …", "…, the sides reached …": at the start of a sentence or after "," or ";".
IMPERSONAL = re.compile(
    r"(?:it\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:agreed|noted|stressed|emphasi[sz]ed|decided|underlined|underscored|pointed\s+out|"
    r"reaffirmed|recognized|recognised|confirmed|stated|affirmed|highlighted)|"
    r"(?:an\s+)?agreement\s+was\s+reached|the\s+(?:sides|parties|leaders)\s+(?:reached|arrived\s+at))",
    re.IGNORECASE,
)
# Beginning with the comma or semicolon, which the engine skips to.
_IMPERSONAL_AFTER = re.compile(r"(?:,|;)\s*" + IMPERSONAL.pattern, re.IGNORECASE)


def impersonal(sent: str) -> re.Match[str] | None:
    r"""The first impersonal frame: what ``(?:^|,\s*|;\s*)IMPERSONAL`` finds in ``sent``."""
    return IMPERSONAL.match(sent) or _IMPERSONAL_AFTER.search(sent)


TRAILING = re.compile(r"\s*(?:[.!?…]+[\"”’']?\s*$|,\s*(?:adding|noting|saying|stressing|calling|"
                      r"expressing|urging|pointing|emphasi[sz]ing|underscoring|explaining|according|"
                      r"and|while|as|who|which)\b|[\"”’']?\s*$)")


@dataclass(slots=True)
class Person:
    name: str
    tokens: frozenset[str]
    country: str | None = None
    title: str | None = None
    order: int = 0
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Ref:
    """A resolved subject: who it names and how it was recognised."""

    name: str
    kind: str
    via: str
    members: list[str] = field(default_factory=list)
    document: str | None = None
    mention: str | None = None


# Patterns of the per-sentence code, compiled once (re's own cache lookup costs
# more than the match on short phrases).
_SPACES = re.compile(r"\s+")
_OF_PLACE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w’'\-]*){0,4})")
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:The|the|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|[A-Z][\w.\-]*)\s+){0,6}")
_GROUP_DET = re.compile(r"^(?:the|both|all)\s+")
_GROUP_DET_ANY_CASE = re.compile(r"^(?i:the|both|all)\s+")
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|whom|of)\b")
_DOC_DET = re.compile(r"(?i)(?:the|a|this)\s")
_AND = re.compile(r"\band\b")
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_THEIR_NOUN = re.compile(r"(?i:their|his|her|its)(?:\s+[a-z][\w\-]*)+")
_THE_CAPITAL = re.compile(r"(?i:the)\s+[A-Z][\w\-]*")
_THE = re.compile(r"^(?i:the)\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_POSSESSIVE = re.compile(r"(.+?)['’]s?$")
_CAPITALISED = re.compile(r"[A-Z][a-z’'\-]+")
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_LY_ADVERB = re.compile(r"[a-z]{3,}ly")
_FIRST_WORD = re.compile(r"\W*(\w+)")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches in a str pattern


def _first_word_of(text: str, words: list[str]) -> tuple[int, str] | None:
    """Where the first of ``words`` stands in ``text`` as a whole word, and which.

    The same answer as searching ``\b(?:w1|w2|…)\b`` with the words in that
    order (at one offset the earlier word wins), without compiling a pattern
    for every new set of names: ``str.find`` per word, and the word-boundary test
    by hand.
    """
    best_at, best = len(text) + 1, None
    for word in words:
        first, last = _is_word_char(word[0]), _is_word_char(word[-1])
        i = text.find(word)
        while 0 <= i < best_at:
            j = i + len(word)
            if (i > 0 and _is_word_char(text[i - 1])) != first and (j < len(text) and _is_word_char(text[j])) != last:
                best_at, best = i, word
                break
            i = text.find(word, i + 1)
    return (best_at, best) if best is not None else None


def _clean(s: str) -> str:
    return _SPACES.sub(" ", s).strip(" ,.;:")


#: Subject phrases whose shape is remembered (the same subjects recur across articles).
PHRASE_MEMO = 1 << 15


@lru_cache(maxsize=PHRASE_MEMO)
def _phrase_shape(phrase: str) -> tuple[str, object]:
    """What a subject phrase is by its words alone, the same in every article.

    One of ``("collective", None)`` ("the two sides"), ``("group", name)`` ("the
    national security advisors"), ``("document", None)``, ``("clause", None)`` (a comma
    but no "and": not a list) or ``("parts", parts)``: the list's items, without
    "their teams" and the like, which speak for their principals.
    """
    if COLLECTIVE.fullmatch(phrase):
        return "collective", None
    if PLURAL_GROUP.fullmatch(phrase) and not gazetteer.is_country_word(last := phrase.split()[-1]) \
            and last.lower() not in NOT_AGENTS and not _RELATIVE.search(phrase):
        return "group", _GROUP_DET_ANY_CASE.sub("", phrase)
    if DOCUMENT.fullmatch(phrase) and _DOC_DET.match(phrase) or DOC_TITLE.fullmatch(phrase):
        return "document", None
    if "," in phrase and not _AND.search(phrase):
        return "clause", None
    parts = tuple(p for p in _LIST_SEP.split(phrase) if p and not _THEIR_NOUN.fullmatch(p))
    if len(parts) > 2 and parts[0].lower() == "we":
        parts = parts[1:]  # "We, Australia, Denmark and Norway": the list is who "we" are
    return "parts", parts


@lru_cache(maxsize=PHRASE_MEMO)
def _name_shape(phrase: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The phrase read whole as a titled name ("President Xi Jinping") and as a role ("the Chinese side")."""
    return TITLED_NAME.fullmatch(phrase), ROLE.fullmatch(phrase)


class Cast:
    """The people, groups and documents one article introduces, and who was last in view."""

    def __init__(self, article: Article):
        self.people: list[Person] = []
        self.doc_mentions: list[tuple[int, str]] = []  # (offset, title) in text order
        self.pos = 0  # offset of the sentence being attributed
        self._text: str | None = None
        self._mention_tokens: list[str] = []  # name words 'notice' looks for, longest first
        self._mention_people = -1
        self._lower_seen: dict[str, bool] = {}  # word -> written in lower case in the text
        self.last_person: Person | None = None
        self.last_group: Ref | None = None
        self.last_doc: str | None = None
        self.outlet = article.source
        for m in titled_names(article.title or ""):
            self._introduce(m)

    # -- discovery -------------------------------------------------------------------------
    def scan(self, text: str) -> None:
        self._text = text
        self._lower_seen.clear()
        for m in titled_names(text):
            self._introduce(m)
        for m in untitled_subjects(text):
            words = m.group("name").split()
            if any(w in STOP_CAPS or w.lower() in TITLE_WORDS or w in INSTITUTION_WORDS
                   or gazetteer.is_country_word(w) for w in words) or self._common_words(words):
                continue
            self.add_person(" ".join(words), alias=m.group("name"), at=m.start("name"))
        for m in TITLE_AFTER.finditer(text):
            self._introduce_before_title(m)
        for m in COUNTERPART.finditer(text):
            tokens = _name_tokens(m.group("name"))
            if len(tokens) >= 2:
                adj = _MODIFIERS_BEFORE.search(text, max(0, m.start() - 40), m.start())
                country = _country_in(adj.group().strip()) if adj else None
                self.add_person(" ".join(tokens), country=country, alias=_clean(m.group("name")),
                                at=m.start("name"))
        for m in DOC_TITLE.finditer(text):
            doc = _trim_title(m.group())
            if len(doc.split()) >= 4:
                self.doc_mentions.append((m.start(), doc))

    def _introduce(self, m: re.Match[str]) -> Person | None:
        name_tokens = _name_tokens(m.group("name"))
        if not name_tokens:
            return None
        country = None
        for part in (m.group("adj"), m.group("of")):
            if part:
                country = country or _country_in(_clean(part))
        if m.group("of") and country is None:
            # the lazy "of" stopped early: "President of South | Ossetia Anatoly Bibilov"
            for k in range(1, len(name_tokens)):
                found = gazetteer.country_of(_clean(m.group("of")) + " " + " ".join(name_tokens[:k]))
                if found:
                    country, name_tokens = found, name_tokens[k:]
                    break
            else:
                if len(name_tokens) > 2:
                    # a place the gazetteer does not know ("South Ossetia"): a name is two words
                    name_tokens = name_tokens[-2:]
        name = " ".join(name_tokens)
        # "Prime Minister Robert Golob of the Republic of Slovenia"
        tail = m.string[m.end():m.end() + 80]
        after = _OF_PLACE_AFTER.match(tail)
        if not country and after:
            country = gazetteer.country_of(_clean(after.group(1)))
        return self.add_person(name, country=country, title=m.group("title"), alias=_clean(m.group()),
                               at=m.start() if m.string is self._text else 10**9)

    def _introduce_before_title(self, m: re.Match[str]) -> None:
        """ "H.E. Maria Costa, President of Portugal": the name before a country's title set off by a comma."""
        country = gazetteer.country_of(_clean(m.group("of")))
        if country is None:
            return  # "…, President of Howard University": officials of everything else are too many to guess
        text = m.string
        before = NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if before is None:
            return
        words = before.group().split()
        while words and (words[0].lower() in HONORIFICS or words[0].rstrip(".").lower() in TITLE_WORDS):
            words.pop(0)
        # a family name in capitals ("KISHIDA Fumio") is written as elsewhere in the text
        tokens = [t.capitalize() if t.isupper() and len(t) > 2 else t for t in _name_tokens(" ".join(words))]
        if not 2 <= len(tokens) <= 5:
            return
        self.add_person(" ".join(tokens), country=country, title=m.group("title"), alias=_clean(before.group()),
                        at=before.start())

    def add_person(self, name: str, *, country: str | None = None, title: str | None = None,
                   alias: str | None = None, at: int | None = None) -> Person:
        tokens = frozenset(name.split())
        for p in self.people:
            if tokens <= p.tokens or p.tokens <= tokens:
                if len(tokens) > len(p.tokens):
                    p.name, p.tokens = name, tokens
                p.country = p.country or country
                p.title = p.title or title
                p.order = min(p.order, self.pos if at is None else at)
                if alias and alias not in p.aliases:
                    p.aliases.append(alias)
                return p
        person = Person(name=name, tokens=tokens, country=country, title=title, order=self.pos if at is None else at,
                        aliases=[alias] if alias else [])
        self.people.append(person)
        return person

    @property
    def documents(self) -> list[str]:
        """Every statement title the article names, once each, in order."""
        return list(dict.fromkeys(doc for _, doc in self.doc_mentions))

    def notice(self, sent: str) -> Person | None:
        """Salience for pronouns: the first person a frameless sentence mentions becomes 'he'/'she'.

        Returns that person when the mention opens the sentence (it is the subject).
        """
        if len(self.people) != self._mention_people:
            self._mention_tokens = sorted({t for p in self.people for t in p.tokens if len(t) > 2 and t[0].isupper()},
                                          key=lambda t: (-len(t), t))
            self._mention_people = len(self.people)
        found = _first_word_of(sent, self._mention_tokens)
        if found is None:
            return None
        at, word = found
        person = next(p for p in self.people if word in p.tokens)
        self.last_person = person
        opening = sent[:at]
        if _SUBJECT_LEAD.fullmatch(opening):
            return person
        return None

    # -- resolution ------------------------------------------------------------------------
    def person_ref(self, p: Person, via: str, alias: str) -> Ref:
        if alias and alias not in p.aliases:
            p.aliases.append(alias)
        self.last_person = p
        return Ref(p.name, "person", via, [p.name])

    def principals(self) -> list[Person]:
        """The first two people of different countries: whom 'the two sides' means."""
        chosen: list[Person] = []
        for p in sorted(self.people, key=lambda q: q.order):
            if all(p.country != q.country or p.country is None for q in chosen):
                chosen.append(p)
            if len(chosen) == 2:
                break
        return chosen if len(chosen) == 2 else self.people[:2]

    def group_name(self, members: list[Person]) -> str:
        members = sorted(members, key=lambda p: p.order)
        if members and all(p.country for p in members) and len({p.country for p in members}) == len(members):
            return " and ".join(p.country for p in members)
        return " and ".join(p.name for p in members)

    def collective(self, phrase: str, members: list[Person] | None = None) -> Ref:
        members = members if members is not None else self.principals()
        name = self.group_name(members) if len(members) >= 2 else _GROUP_DET.sub("", phrase.lower())
        ref = Ref(name, "group", "collective", [p.name for p in members])
        self.last_group = ref
        return ref

    def find_person(self, tokens: list[str]) -> Person | None:
        words = [t for t in tokens if t.lower() not in TITLE_WORDS and t not in STOP_CAPS]
        if not words:
            return None
        want = frozenset(words)
        for p in self.people:
            if want <= p.tokens:
                return p
        for probe in (words[-1:], words[:1]) if len(words) > 1 else (words,):
            low = probe[0].lower()
            hits = [p for p in self.people if low in {t.lower() for t in p.tokens}]
            if len(hits) == 1 or hits and len(words) == 1:
                return hits[0]
        return None

    def _common_words(self, words: list[str]) -> bool:
        """Capitalised words the article also writes in lower case ("Climate Change") are no name."""
        text = self._text or ""
        return all(self._lower_in_text(w.lower(), text) for w in words)

    def _lower_in_text(self, word: str, text: str) -> bool:
        found = self._lower_seen.get(word)
        if found is None:
            found = self._lower_seen[word] = re.search(rf"(?<![\w.] )\b{re.escape(word)}\b", text) is not None
        return found

    def by_country(self, country: str, title: str | None = None) -> Person | None:
        found = [p for p in self.people if p.country == country]
        if not found:
            # "the Russian President" when the article never said whose country is whose:
            # the one principal without a country is the only candidate.
            unknown = [p for p in self.principals() if p.country is None]
            if len(unknown) == 1:
                unknown[0].country = country
                found = unknown
        if title:
            titled = [p for p in found if p.title and p.title.lower() == title.lower()]
            found = titled or found
        return found[0] if found else None

    def resolve(self, phrase: str, *, in_doc: bool = False) -> Ref | None:
        """Interpret a subject phrase; try shorter suffixes when the whole does not resolve."""
        tokens = phrase.split()
        for i in range(len(tokens)):
            if not tokens[i][0].isalnum():
                continue
            sub = " ".join(tokens[i:]).replace(" ,", ",").replace(" ;", ";")  # "Xi , Putin" -> "Xi, Putin"
            ref = self._resolve_exact(sub, in_doc=in_doc)
            if ref is not None:
                ref.mention = sub
                return ref
        return None

    def _resolve_exact(self, phrase: str, *, in_doc: bool) -> Ref | None:
        low = phrase.lower()
        if low in ("he", "she", "his", "her"):
            if self.last_person is None:
                return None
            return Ref(self.last_person.name, "person", "pronoun", [self.last_person.name])
        if low == "they":
            if self.last_group is not None:
                g = self.last_group
                return Ref(g.name, g.kind, "pronoun", list(g.members), g.document)
            if len(self.principals()) == 2:
                ref = self.collective("they")
                ref.via = "pronoun"
                return ref
            return None
        if low == "we" and in_doc and self.last_doc:
            return self.document_ref(self.last_doc, via="pronoun")
        if low in ("it", "we", "i", "you"):
            return None
        kind, value = _phrase_shape(phrase)
        if kind == "collective":
            return self.collective(phrase)
        if kind == "group":
            ref = Ref(value, "group", "collective")
            self.last_group = ref
            return ref
        if kind == "document":
            return self.document_ref(self.named_document(phrase), via="explicit")
        if kind == "clause":
            return None  # "In Moscow, Putin": not a list; a shorter suffix will do
        parts = list(value)
        if len(parts) == 1 and parts[0] != phrase:
            return self._resolve_exact(parts[0], in_doc=in_doc)
        if 2 <= len(parts) <= 8:
            refs = [self._resolve_single(p) for p in parts]
            if any(refs) and not all(refs) and len(parts) == 2 and \
                    all(r or _THE_CAPITAL.fullmatch(p) for r, p in zip(refs, parts)):
                # "the President and the Speaker": keep who is known, name the rest as written
                known = [r for r in refs if r]
                names = [r.name if r else _THE.sub("the ", p) for r, p in zip(refs, parts)]
                ref = Ref(" and ".join(names), "group", "collective", [m for r in known for m in (r.members or [r.name])])
                self.last_group = ref
                return ref
            if all(refs):
                members = []
                for r in refs:
                    for m in r.members or [r.name]:
                        if m not in members:
                            members.append(m)
                people = [p for name in members for p in self.people if p.name == name]
                countries = [r.name for r in refs if r.kind == "group" and not r.members]
                if len(people) == len(members) and len(people) >= 2:
                    ref = Ref(self.group_name(people), "group", "collective", members)
                else:
                    ref = Ref(" and ".join(r.name for r in refs), "group", "collective",
                              [m for m in members if m not in countries])
                self.last_group = ref
                return ref
        return self._resolve_single(phrase)

    def _resolve_single(self, phrase: str) -> Ref | None:
        low = phrase.lower()
        if low in ("he", "she") and self.last_person:
            return Ref(self.last_person.name, "person", "pronoun", [self.last_person.name])
        tokens = phrase.split()
        m2, m = _name_shape(phrase)
        if m2:
            p = self._introduce(m2)
            if p:
                return self.person_ref(p, "explicit", phrase)
        if m and (phrase[0].islower() or low.startswith(("the ", "his ", "her ", "their "))
                  or m.group("adj") or m.group("of")):
            return self._resolve_role(m, phrase)
        p = self.find_person(tokens)
        if p:
            return self.person_ref(p, "explicit", phrase)
        country = gazetteer.country_of(phrase) or (gazetteer.capital_country(phrase) if len(tokens) == 1 else None)
        if country:
            members = [q.name for q in self.people if q.country == country]
            return Ref(country, "group", "explicit", members)
        if m and phrase[0].isupper() and m.group("role").lower() in HEADS:
            return self._resolve_role(m, phrase)
        words = [_POSSESSIVE_END.sub("", t) for t in tokens if t not in STOP_CAPS]
        org = _organisation(phrase)
        if org:
            return Ref(org, "group", "explicit")
        if words and any(w in INSTITUTION_WORDS for w in words) and all(w[0].isupper() or w in ("of", "the", "and", "for") for w in words):
            return Ref(" ".join(words), "group", "explicit")
        if 1 <= len(words) <= 3 and all(_CAPITALISED.fullmatch(w) for w in words) \
                and not any(w.lower() in TITLE_WORDS or w.lower() in ROLE_WORDS or w in INSTITUTION_WORDS
                            for w in words) \
                and not gazetteer.is_country_word(words[-1]) and len(words) >= 2 \
                and not self._common_words(words):
            p = self.add_person(" ".join(words), alias=phrase)
            return self.person_ref(p, "explicit", phrase)
        return None

    def _resolve_role(self, m: re.Match[str], phrase: str) -> Ref | None:
        role = _SPACES.sub(" ", m.group("role").lower())
        role = "prime minister" if role == "pm" else role
        country = None
        if m.group("adj"):
            country = _country_in(m.group("adj"))
            if country is None:
                return None
        if m.group("of"):
            country = country or gazetteer.country_of(_clean(m.group("of")))
            if country is None:
                return None
        if role in ("side", "delegation", "government", "authorities"):
            if not country:
                return None
            people = [p for p in self.people if p.country == country]
            if role == "side" and len(people) == 1:
                # in a leaders' readout "the Russian side" speaks for the one Russian leader present
                return self.person_ref(people[0], "title", phrase)
            return Ref(country, "group", "title", [p.name for p in people])
        if role == "counterpart":
            if country:
                p = self.by_country(country)
            else:
                others = [p for p in self.principals() if p is not self.last_person]
                p = others[0] if others else None
            return self.person_ref(p, "title", phrase) if p else None
        title = {"leader": None, "head of state": None}.get(role, role)
        if country:
            p = self.by_country(country, title)
            return self.person_ref(p, "title", phrase) if p else None
        titled = [p for p in self.people if p.title and title and p.title.lower() == title] or \
            [p for p in self.people if p.title and title and p.title.lower().endswith(" " + title)]
        if titled:
            return self.person_ref(titled[0], "title", phrase)
        written = m.group("role")
        if title in OFFICES and written[0].isupper() and phrase.lower().startswith("the ") and not m.group("adj"):
            # "The Prime Minister reiterated …" in a readout that never names its own leader: the office
            # speaks (not added to the cast, so "the two leaders" still means the people it names)
            office = _SPACES.sub(" ", written)
            return Ref(office, "person", "title", [office])
        return None

    def named_document(self, phrase: str) -> str:
        title = _trim_title(phrase)
        m = DOC_TITLE.match(title)
        if m and m.group() == title and len(title.split()) >= 4:
            for doc in self.documents:
                if doc.startswith(title) or title.startswith(doc):
                    return doc
            return title
        before = [doc for off, doc in self.doc_mentions if off < self.pos]
        if before:
            return before[-1]
        return self.last_doc or (self.documents[0] if self.documents else "the joint statement")

    def document_ref(self, title: str, *, via: str) -> Ref:
        self.last_doc = title
        members = [p.name for p in self.principals()]
        ref = Ref(title, "document", via, members, document=title)
        self.last_group = ref
        return ref


@lru_cache(maxsize=PHRASE_MEMO)
def _organisation(phrase: str) -> str | None:
    """The canonical name when the phrase is one organisation, alliance or grouping ("the G7")."""
    bare = _THE.sub("", phrase)
    found = gazetteer.find_entities(bare)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(bare) and \
            found[0].kind in ("organization", "alliance", "grouping", "agency"):
        return found[0].name
    return None


def _country_in(phrase: str) -> str | None:
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


def _trim_title(s: str) -> str:
    s = re.sub(r"^(?:the|a|an)\s+", "", _clean(s), flags=re.IGNORECASE)
    words = s.split()
    while words and words[-1].lower() in ("of", "on", "by", "between", "from", "for", "in", "to", "and", "the", "a", "an", "with"):
        words.pop()
    return " ".join(words)


MONTHS = lexicon.words("months")


def _name_tokens(raw: str) -> list[str]:
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


# -- sentence frames ---------------------------------------------------------------------------

@dataclass(slots=True)
class Frame:
    ref: Ref
    cue: str
    trailing: bool    # "…, X said." / "…, said X, adding …"
    after_comma: bool  # the subject follows a comma (after an opening clause)


# Words in -ly that are not adverbs, so they can end a subject ("the family said").
LY_NOUNS = frozenset("family assembly ally supply reply rally anomaly monopoly bully belly".split())
PASSIVE_AUX = frozenset("is are was were be been being".split())
# Cues after "is"/"was" whose subject is still the speaker: "X is committed to", "X was quoted as saying".
ADJECTIVAL_CUE = re.compile(r"(?:committed|concerned|determined|convinced|pleased|confident|ready|prepared|"
                            r"grateful|satisfied|interested|encouraged|disappointed|alarmed|worried|opposed|"
                            r"quoted\s+as)\b")
WORD_POS = re.compile(r"[\w’'\-.]+|[^\w\s]")
_PLURAL_ENDINGS = tuple("ers ors ants ents ists ives ials ians ates ies ions ders".split())
PLURAL_LEFT = re.compile(r"(?:^|(?<=[\s,;:(]))((?i:the|both|all)\s+(?:[\w’'\-]+\s+){0,4}?[a-z][\w\-]*"
                         rf"(?:{'|'.join(_PLURAL_ENDINGS)}))$")
# What the searched span must end with for PLURAL_LEFT to match ($ also matches before a final line break).
_PLURAL_TAILS = _PLURAL_ENDINGS + tuple(e + "\n" for e in _PLURAL_ENDINGS)


def _skip_space_back(sent: str, k: int) -> int:
    """The offset just after the last non-space character before ``k`` (no copying: cues can be many)."""
    while k > 0 and sent[k - 1].isspace():
        k -= 1
    return k


# Times that stand between a subject and its cue ("China on Tuesday urged"), and the words before them.
TIME_WORDS = frozenset(m.lower() for m in MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month weekend morning afternoon evening "
    "night tonight".split())
TIME_LEADS = frozenset("on in last this next early late".split())
#: How far before a cue a subject phrase may begin.
LEFT_WINDOW = 200
_PHRASE_WORDS = frozenset(("of", "the", "and", "on", "for", "'s", "’s", ",", "his", "her", "their", "its")) \
    | ROLE_WORDS | frozenset(PRONOUNS) | NAME_PARTICLES


def _left_subject(sent: str, cue_start: int) -> tuple[str, int] | None:
    """The subject phrase right before a cue: names, role words, pronouns; stops at punctuation.

    Returns the phrase and whether it follows a comma or quote (a subject after an opening clause).
    The words are read right to left, one at a time, by tokenizing the reversed
    window (a word is a maximal run of word characters, the same runs in either
    direction): a subject is a few words, and the walk stops at the first word
    that cannot belong to it. Only the window is copied, so many cues in one long
    sentence cost constant time each.
    """
    base = max(0, cue_start - LEFT_WINDOW)
    size = cue_start  # offsets in the reversed window count back from the cue
    words = WORD_POS.finditer(sent[base:cue_start][::-1])
    first_skipped = None
    timed = False  # the word to the right was a time word: "on" and "last" before it are skipped too
    skipped_time = False
    m = next(words, None)
    while m is not None:  # adverbs, auxiliaries and times between subject and cue ("China on Tuesday urged")
        tok = m.group()[::-1]
        low = tok.lower()
        if low in TIME_WORDS or tok.isdigit() and len(tok) <= 2:
            timed = skipped_time = True
        elif timed and low in TIME_LEADS:
            timed = False
        elif not (low in SKIPPABLE or _LY_ADVERB.fullmatch(tok) and tok not in LY_NOUNS):
            break
        if first_skipped is None:
            first_skipped = tok.lower()
        m = next(words, None)
    if first_skipped in PASSIVE_AUX and not ADJECTIVAL_CUE.match(sent, cue_start):
        return None  # "X was discussed": X is what was discussed, not who spoke
    end = size - m.start() if m is not None else cue_start
    phrase: list[tuple[int, str]] = []
    while m is not None:
        tok = m.group()[::-1]
        if not (tok[0].isupper() or tok.lower() in _PHRASE_WORDS):
            break
        phrase.append((size - m.end(), tok))
        if len(phrase) > 25:
            return None
        m = next(words, None)
    phrase.reverse()
    while phrase and phrase[0][1].lower() in ("of", "and", "on", "for", "'s", "’s", ","):
        phrase.pop(0)
    if len(phrase) > 2 and phrase[-1][1] == "," and any(t == "," for _, t in phrase[1:-1]):
        phrase.pop()  # the comma that closes an apposition: "Azerbaijan's foreign minister, Jeyhun Bayramov, said"
    if phrase and phrase[-1][1].lower() in ("the", "of", "and", "his", "her", "their", "its"):
        phrase = []
    if skipped_time and phrase:
        # "the earthquake that struck Syria on 6 February added": after a lower-case word, Syria is
        # an object; "China on Tuesday urged" opens its clause
        before = WORD_POS.findall(sent, max(0, phrase[0][0] - 40), phrase[0][0])
        if before and before[-1][:1].islower():
            return None
    if not phrase:
        plural = PLURAL_LEFT.search(sent, base, end) if sent.endswith(_PLURAL_TAILS, base, end) else None
        if not plural:
            return None
        phrase = [(plural.start(1), plural.group(1))]
    k = _skip_space_back(sent, phrase[0][0])
    if _after_quote(sent, k):
        return " ".join(t for _, t in phrase), 2
    after_comma = k > 0 and (sent[k - 1] in ",\"”—" or sent[max(0, k - 2):k] == "--")
    return " ".join(t for _, t in phrase), int(after_comma)


def _after_quote(sent: str, k: int) -> bool:
    """Whether a quotation closes right before ``k``: '"We are ready," ' or '… calm.” '."""
    return k > 1 and sent[k - 1] in "\"”" and sent[k - 2] in ",.?!…"


#: Longest aside between a subject and its cue (Xinhua's "Xi, also general secretary of …, said").
ASIDE_CHARS = 160
# How an aside set off by commas between a subject and its cue opens: a
# discourse phrase ("for his part", "in turn"), "also" before a second title,
# a relative "who", a participle ("speaking alongside Scholz", "during the
# talks") or an age. Not "which" (things), not a whole clause ("all Bhutanese
# have embraced …").
ASIDE = re.compile(
    r"(?:also|for\s+(?:his|her|their|its|our|my)\s+part|on\s+(?:his|her|their|its)\s+part|"
    r"in\s+(?:(?:his|her|their|its)\s+)?turn|in\s+particular|in\s+(?:response|reply|return)|however|meanwhile|"
    r"too|though|on\s+behalf\s+of|who|while|[a-z]+ing|[0-9]{1,3}|"
    r"(?:in|at|during|after|before|on|with|through|via)\s+(?:an?|the|his|her|their|its)\s+\w+)\b"
)


_PASSIVE_BY = re.compile(r"\s+by\b")
_PREPOSITIONS = frozenset("of with between by from to for on in at about against among into over under through "
                          "toward towards via per like than".split())
_DETERMINERS = frozenset("the a an our their his her its my your this these those".split())


def _after_preposition(sent: str, end: int, phrase: str) -> bool:
    """Whether the words ``phrase`` (ending at ``end``) are an object, not a subject: they
    follow a preposition or a participle ("between our two countries", "advancing the Agenda").

    When the phrase holds a title, the name starts at the title ("the North Caucasus Mr
    Putin"), and that is where the words before are read.
    """
    words = phrase.split(" ")
    # A title starts a name inside a longer run of capitals: "in the North Caucasus Mr Putin"
    titled = [j for j, w in enumerate(words) if w[:1].isupper() and w.lower().rstrip(".") in TITLE_WORDS]
    start = titled[-1] if titled else 0
    while start > 0 and start - 1 in titled:
        start -= 1
    tokens = WORD_POS.findall(sent, max(0, end - LEFT_WINDOW - 40), end)
    i = len(tokens) - (len(words) - start) - 1
    while i >= 0 and tokens[i].lower() in _DETERMINERS:
        i -= 1
    if i < 0:
        return False
    word = tokens[i]
    return word.lower() in _PREPOSITIONS or word.islower() and len(word) > 4 and word.endswith(("ing", "ed"))


def _aside_before(sent: str, k: int) -> int | None:
    """The offset of the opening comma of an aside that ends with the comma before ``k``
    (where a cue's preceding words end), if there is one.

    "Mr Hu, for his part, said …": the subject stands before the aside, and the
    comma before the cue does not make it an inverted "…, said X".
    """
    opening = sent.rfind(",", max(0, k - 1 - ASIDE_CHARS), k - 1)
    if opening <= 0:
        return None
    aside = sent[opening + 1:k - 1].strip()
    if not ASIDE.match(aside) or any(ch in aside for ch in ';:"“”()'):
        return None
    return opening


RIGHT_WORDS = frozenset("of the and on for in to between his her he she they".split())


def _right_subject(sent: str, cue_end: int) -> tuple[str, int] | None:
    """The subject after an inverted cue: "…, said Xi, adding …".

    Token by token up to the next punctuation (a regex over optional
    separators would backtrack exponentially on long runs of words).
    """
    words: list[str] = []
    end = cue_end
    for m in WORD_POS.finditer(sent, cue_end, min(len(sent), cue_end + 400)):
        tok = m.group()
        if not (tok[0].isalnum() or tok[0] in "’'"):
            break
        stop = tok.endswith(".") and not _INITIALS.fullmatch(tok)
        word = tok.rstrip(".") if stop else tok
        if not (word[:1].isupper() or word.lower() in RIGHT_WORDS or word.lower() in ROLE_WORDS):
            break
        words.append(word)
        end = m.start() + len(word)
        if stop or len(words) > 40:
            break
    if not words or not (words[0][0].isupper() or words[0].lower() in ("the", "his", "her", "he", "she", "they")):
        return None
    return " ".join(words), end


@lru_cache(maxsize=PHRASE_MEMO)
def _cue_words(found: str) -> tuple[str, bool, bool, bool]:
    """A cue as written, cleaned; whether its first word can end a sentence's
    attribution ("…, Xi said."); whether it can come before its subject ("…, said Xi");
    whether it is a finite verb (not "adding", "noting"), which an aside can separate from its subject."""
    cue = _clean(found)
    head = cue.split()[0]
    head_invertible = head.lower() in INVERTIBLE
    return cue, head_invertible, head_invertible or cue.lower() in INVERTIBLE, not head.endswith("ing")


def find_frames(sent: str, cast: Cast, *, in_doc: bool) -> list[Frame]:
    frames = []
    for m in find_cues(sent):
        cue, head_invertible, invertible, finite = _cue_words(m.group())
        k = _skip_space_back(sent, m.start())
        aside = _aside_before(sent, k) if finite and k > 1 and sent[k - 1] == "," else None
        if aside is not None and not _PASSIVE_BY.match(sent, m.end()):
            # "Xi, also general secretary of …, said China is ready …": the subject is Xi
            left = _left_subject(sent, aside)
            if left and _after_preposition(sent, aside, left[0]):
                left = None  # "the friendship between our two countries, dating back to 1779, affirms"
            ref = cast.resolve(left[0], in_doc=in_doc) if left else None
            if ref is not None:
                trailing = head_invertible and bool(TRAILING.match(sent, m.end())) and bool(left[1])
                frames.append(Frame(ref, cue, trailing, bool(left[1])))
                continue
        at_start = k == 0
        if at_start or sent[k - 1] in ",\"”":
            # inverted: "…, said Xi" (only for plain reporting verbs)
            if invertible:
                right = _right_subject(sent, m.end())
                if right:
                    ref = cast.resolve(right[0], in_doc=in_doc)
                    if ref:
                        # '"…," said X at a briefing': a quotation's attribution, whatever follows X
                        trailing = bool(TRAILING.match(sent, right[1])) or _after_quote(sent, k)
                        frames.append(Frame(ref, cue, trailing and not at_start, True))
                        continue
        if not finite and k > 0 and sent[k - 1] == ",":
            continue  # "…, adding that": the subject is the clause's, not the words before the comma
        left = _left_subject(sent, m.start())
        if not left:
            if finite:
                ref = _second_verb_subject(sent, k, m.end(), cue, cast, in_doc=in_doc)
                if ref is not None:
                    frames.append(Frame(ref, cue, False, False))
            continue
        ref = cast.resolve(left[0], in_doc=in_doc)
        if ref is None:
            continue
        after_comma = bool(left[1]) or ref.mention != left[0].replace(" ,", ",")
        # '"…," X told reporters': the quotation is X's, whatever follows the cue
        trailing = head_invertible and (bool(TRAILING.match(sent, m.end())) or left[1] == 2) and after_comma
        frames.append(Frame(ref, cue, trailing, after_comma))
    return frames


PARTICIPLE_CUE = re.compile(
    r",\s+(?:and\s+)?(?:also\s+)?(noting|adding|stressing|saying|emphasi[sz]ing|underscoring|highlighting|"
    r"calling\s+(?:for|on)|urging|expressing\s+\w+|reiterating|welcoming|pointing\s+out|recalling|"
    r"reaffirming|underlining|voicing\s+\w+|warning|insisting)\b")


# Forms that end like a past or third person but are a base form or a noun more often than not.
_NOT_PAST = frozenset("needs interests concerns hopes wishes views thanks regards supports calls talks claims tasks "
                      "states pledges demands shared coordinated renewed informed encouraged reinforced recognized "
                      "recognised appreciated concerned committed united".split())
_AND_BEFORE = re.compile(r"\band(?:\s+(?:also|then|further|later|again))?$")


def _second_verb_subject(sent: str, k: int, cue_end: int, cue: str, cast: Cast, *, in_doc: bool) -> Ref | None:
    """The subject of a verb that follows "and" (its words end at ``k``): the one that opens the
    sentence ("Morales accepted the invitation and said …"), for people, countries and collectives."""
    head = cue.split()[0].lower()
    if not head.endswith(("ed", "s", "id", "ld", "ke", "ote")) or head in _NOT_PAST \
            or not _AND_BEFORE.search(sent, max(0, k - 20), k) or _PASSIVE_BY.match(sent, cue_end):
        return None
    opening = _opening_subject(sent, k)
    if not opening or opening.split()[0].lower().endswith("ing") or opening.lower() in ("two", "three", "four"):
        return None
    ref = cast.resolve(opening, in_doc=in_doc)
    # not "Development" or "the Summit"
    if ref is not None and (ref.kind == "person" or ref.via == "collective"
                            or ref.kind == "group" and gazetteer.country_of(ref.name)):
        return ref
    return None


def _opening_subject(sent: str, limit: int) -> str | None:
    """The subject that opens a sentence ("President Biden reinforced …, noting that …")."""
    words = []
    for m in WORD_POS.finditer(sent, 0, min(limit, 200)):
        tok = m.group()
        if tok[0].isupper() or tok.lower() in ("of", "the", "and") or tok.lower() in ROLE_WORDS:
            words.append(tok)
            continue
        break
    while words and words[-1].lower() in ("of", "the", "and"):
        words.pop()
    return " ".join(words) or None


def choose(frames: list[Frame], sent: str) -> Frame | None:
    if len(frames) < 2:
        return frames[0] if frames else None
    trailing = [f for f in frames if f.trailing]
    if trailing:
        return trailing[0]
    first_word = _FIRST_WORD.match(sent)
    opener = first_word.group(1).lower() if first_word else ""
    if opener in OPENING_PARTICIPLES or opener in ("since", "as", "while", "although", "though", "when",
                                                    "after", "before", "despite", "amid", "if", "given",
                                                    "with", "during", "following", "on", "in", "last",
                                                    "no", "to", "for", "regarding", "speaking"):
        later = [f for f in frames if f.after_comma]
        if later:
            return later[0]
    return frames[0]


# -- turns ------------------------------------------------------------------------------------

def turn_label(text: str, start: int, end: int, cast: Cast, *, in_transcript: bool = False) -> tuple[Ref, int] | None:
    """A transcript turn at the start of a paragraph: 'PRESIDENT XI:', 'President of Russia Vladimir Putin:'.

    Once turns have begun (``in_transcript``), one capitalised word is a label too:
    a questioner's outlet ("Bloomberg:") between a spokesperson's answers, unless
    the text also writes it in lower case ("Bridges:", "Labor:" are headings).
    """
    q = QUESTION_LABEL.match(text, start, end)
    if q:
        return Ref("Questioner", "person", "turn", []), q.end()
    stop = min(end, start + 160)
    if text.find(":", start, stop) < 0:
        return None  # every label ends in a colon: most paragraphs need no pattern at all
    m = TURN_LABEL.match(text, start, stop)
    if not m or m.end() >= end:
        return None
    label = _clean(m.group("label"))
    if " " not in label and len(re.findall(r"[A-Z]", label)) >= 3:
        # labels glued together by a scraper: "PresidentofPalestineMahmoudAbbas"
        label = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", label)
        label = re.sub(r"\b([A-Z][a-z]+?)(of|the)(?= )", r"\1 \2", label)
    low = label.lower()
    if low in NOT_LABELS or low.split()[0] in NOT_LABELS:
        return None
    if low in ("q", "question", "questioner", "audience member", "participant", "moderator", "remark", "reply"):
        return Ref("Questioner" if low.startswith("q") or low in ("audience member", "remark") else label.title(),
                   "person", "turn", []), m.end()
    words = label.split()
    if label.isupper():
        if len(words) > 6:
            return None
        pretty = " ".join(w if w in ("U.S.", "U.N.") else w.capitalize() for w in words)
    else:
        has_title = bool(re.search(rf"\b(?:{TITLES})\b", label))
        if not has_title and not (2 <= len(words) <= 4 and all(w[0].isupper() for w in words)) \
                and not (in_transcript and len(words) == 1 and words[0][0].isupper() and not words[0].endswith("ly")
                         and words[0] not in STOP_CAPS and not cast._common_words(words)):
            return None
        pretty = label
    ref = cast.resolve(pretty)
    if ref is None or ref.kind != "person" or ref.mention != pretty and len(ref.mention.split()) == 1 \
            and not cast.find_person([ref.mention]):
        # The name is what follows the last title, institution or place word:
        # "President of China Media Group Shen Haixiong", "Jewish Congress Ronald Lauder".
        words = pretty.split()
        cut = max((i for i, w in enumerate(words)
                   if w.rstrip(".").lower() in TITLE_WORDS or w.lower() in ROLE_WORDS or w in INSTITUTION_WORDS
                   or w.lower() in ("of", "the", "and") or gazetteer.is_country_word(w)), default=-1)
        name = words[cut + 1:]
        if low.startswith("the ") and not name:
            return None
        if not name or len(name) > 4:
            # a role rather than a name ("SENIOR ADMINISTRATION OFFICIAL"): the label is the speaker
            return Ref(pretty, "person", "turn", [pretty]), m.end()
        found = cast.find_person(name)
        person = found or cast.add_person(" ".join(name), alias=label)
        ref = cast.person_ref(person, "turn", label)
    return Ref(ref.name, ref.kind, "turn", ref.members), m.end()


# -- the article ------------------------------------------------------------------------------

CONFIDENCE = {"explicit": 0.95, "turn": 0.95, "collective": 0.9, "pronoun": 0.85, "title": 0.85,
              "continuation": 0.75, "none": 0.6}


def attribute(article: Article, paras: list[Paragraph], sents: list[Sentence]) -> list[Claim]:
    text = article.text
    cast = Cast(article)
    cast.scan(text)
    doc_speaker = _whole_document_speaker(article, cast)
    in_doc = doc_speaker is not None and doc_speaker.kind == "document"
    if in_doc:
        cast.last_doc = doc_speaker.name
    by_para: dict[int, list[Sentence]] = {}
    for s in sents:
        by_para.setdefault(s.paragraph, []).append(s)
    claims: list[Claim] = []
    turn: Ref | None = None
    for para in paras:
        ps = by_para.get(para.index, [])
        if not ps:
            continue
        label = turn_label(text, content_start(text, para), para.end, cast, in_transcript=turn is not None)
        if label:
            turn, label_end = label
        prev: Claim | None = None
        for s in ps:
            start = s.start
            if label and start < label_end:
                start = label_end
                if start >= s.end:
                    continue
            sent = text[start:s.end]
            cast.pos = start
            claim = _attribute_sentence(article.doc, len(claims), para.index, start, s.end, sent,
                                        cast, prev, turn, doc_speaker, in_doc)
            claims.append(claim)
            prev = claim
    return claims


def _make(doc, n, para, start, end, sent, ref: Ref | None, cue, via) -> Claim:
    if ref is None:
        return Claim(doc=doc, id=f"{doc}:{n}", paragraph=para, start=start, end=end, text=sent,
                     speaker=None, speaker_kind="narrator", members=[], document=None, cue=cue,
                     via="none", confidence=CONFIDENCE["none"])
    return Claim(doc=doc, id=f"{doc}:{n}", paragraph=para, start=start, end=end, text=sent,
                 speaker=ref.name, speaker_kind=ref.kind, members=list(ref.members),
                 document=ref.document, cue=cue, via=via, confidence=CONFIDENCE[via],
                 mention=ref.mention if via not in ("continuation", "none") else None)


# The source a sentence names for itself: "According to Varga, …", "…, according to the Russian leader."
ACCORDING_LEAD = re.compile(r"According\s+to\s+(?P<who>[^,;:]{1,80}?)\s*,")
ACCORDING_TAIL = re.compile(r",\s*according\s+to\s+(?P<who>[^,;:]{1,80}?)\s*[.!?…]*[\"”’']?\s*$")


def _according_to(sent: str, cast: Cast, *, in_doc: bool) -> Ref | None:
    """The person a sentence says it is reporting, or None.

    Only people: "according to the World Bank" in a speech cites a source, and
    the speech goes on in the speaker's voice.
    """
    if "ccording to" not in sent:
        return None
    m = ACCORDING_LEAD.match(sent) or ACCORDING_TAIL.search(sent)
    if m is None:
        return None
    who = m.group("who")
    titled, role = _name_shape(who)
    # someone with a title or role, or known by name: capitalised words alone
    # ("the Gulf Initiative", "West Asia") are no one
    if not (titled or role or who.lower() in ("he", "she") or cast.find_person(who.split())):
        return None
    ref = cast.resolve(who, in_doc=in_doc)
    return ref if ref is not None and ref.kind == "person" else None


def _attribute_sentence(doc, n, para, start, end, sent, cast: Cast, prev: Claim | None,
                        turn: Ref | None, doc_speaker: Ref | None, in_doc: bool) -> Claim:
    if turn is not None:
        return _make(doc, n, para, start, end, sent, turn, None, "turn")
    opener = SENTENCE_OPENERS.match(sent)
    frames = find_frames(sent, cast, in_doc=in_doc)
    frame = choose(frames, sent)
    # "In a statement, the Japanese Foreign Ministry said …": a statement of the named group's own
    own_statement = frame is not None and frame.ref.kind == "group" and frame.ref.via == "explicit" \
        and opener is not None and opener.group("doc").lower().startswith(("a ", "this "))
    if opener and not own_statement and (frame is None or frame.ref.kind in ("group", "document") and not frame.trailing):
        ref = cast.document_ref(cast.named_document(opener.group("doc")), via="explicit")
        cue = frame.cue if frame else None
        return _make(doc, n, para, start, end, sent, ref, cue, "explicit")
    source = _according_to(sent, cast, in_doc=in_doc)
    if source is not None:
        # "According to Varga, developing countries should coordinate …": Varga says so
        return _make(doc, n, para, start, end, sent, source, "according to", source.via)
    if frame is not None:
        ref = frame.ref
        if in_doc and doc_speaker is not None and ref.kind == "group" and ref.via in ("collective", "pronoun"):
            # in a joint statement, "the two sides" and "we" are the statement's authors
            ref = Ref(doc_speaker.name, doc_speaker.kind, ref.via, list(doc_speaker.members),
                      doc_speaker.document, ref.mention)
        via = ref.via
        if ref.kind == "group" and via == "explicit" and ref.members and " and " in ref.name:
            via = "collective"
        if ref.kind == "group":
            cast.last_group = ref
        return _make(doc, n, para, start, end, sent, ref, frame.cue, via)
    participle = PARTICIPLE_CUE.search(sent)
    if participle:
        opening = _opening_subject(sent, participle.start())
        ref = cast.resolve(opening, in_doc=in_doc) if opening else None
        if ref is not None:
            return _make(doc, n, para, start, end, sent, ref, participle.group(1), ref.via)
    subject = cast.notice(sent)
    imp = impersonal(sent)
    if imp:
        ref = cast.collective("the sides")
        if in_doc and doc_speaker is not None:
            ref = doc_speaker
        return _make(doc, n, para, start, end, sent, ref, _clean(imp.group()), "collective")
    if prev is not None and prev.speaker is not None and (subject is None or subject.name in prev.members):
        ref = Ref(prev.speaker, prev.speaker_kind, "continuation", list(prev.members), prev.document)
        return _make(doc, n, para, start, end, sent, ref, None, "continuation")
    if doc_speaker is not None:
        return _make(doc, n, para, start, end, sent, doc_speaker, None, doc_speaker.via)
    return _make(doc, n, para, start, end, sent, None, None, "none")


# Title-case words then "Joint Statement"/"Declaration": "Russia-China Joint Statement", not "… signed the … Declaration"
WHOLE_DOC = re.compile(r"^(?:(?:U\.S\.|[A-Z][\w\-]+|[A-Z][\w\-]+[,:])[\s\-–]+)*(?:(?i:joint)\s+(?i:statement|declaration|"
                       r"communiqu[eé]|press\s+statement)|Declaration|Communiqu[eé])\b")
SINGLE_AUTHOR = re.compile(r"^(?:Statement|Remarks|Message|Address|Op-Ed|Letter|Proclamation)\s+(?:from|by|of)\s+(?P<who>.+?)(?:\s+(?:on|at|to|in|regarding|before|after|for|during)\s|$)")


def _whole_document_speaker(article: Article, cast: Cast) -> Ref | None:
    """Titles that make the whole text one speaker's: joint statements, 'Statement from …'."""
    title = _clean(article.title or "")
    if not title:
        return None
    if WHOLE_DOC.search(title) and not title.lower().startswith(("readout", "remarks", "fact sheet")):
        members = [p.name for p in cast.principals()]
        return Ref(title, "document", "collective", members, document=title)
    m = SINGLE_AUTHOR.match(title)
    if m:
        ref = cast.resolve(_clean(m.group("who")))
        if ref is not None and ref.kind == "person" and " and " not in m.group("who"):
            return Ref(ref.name, "person", "turn", ref.members)
    return None
