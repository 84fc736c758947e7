"""Who is who in one article: the people it introduces, the groups and documents it names,
and who was last in view (the pronoun state).

:class:`Cast` is discovered once per article (:meth:`Cast.scan`), then asked,
sentence by sentence, what a subject phrase means (:meth:`Cast.resolve`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import gazetteer
from ..cues import from_letter
from ..model import Article
from .names import (ADJ_TOKEN, COUNTERPART, HONORIFICS, INSTITUTION_WORDS, MODIFIERS_BEFORE, NAME_BEFORE,
                    ROLE_WORDS, SPACES, STOP_CAPS, TITLE_AFTER, TITLE_WORDS, TITLED_NAME, clean, country_in,
                    name_tokens, titled_names, trim_title, untitled_subjects)


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


_CAPITALISED = re.compile(r"[A-Z][a-z’'\-]+")


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
def name_shape(phrase: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The phrase read whole as a titled name ("President Xi Jinping") and as a role ("the Chinese side")."""
    return TITLED_NAME.fullmatch(phrase), ROLE.fullmatch(phrase)


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
    rf"(?:(?i:the|his|her|their|its)\s+)?(?:(?P<adj>{ADJ_TOKEN}(?:\s+{ADJ_TOKEN})?)\s+)?"
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
            tokens = name_tokens(m.group("name"))
            if len(tokens) >= 2:
                adj = MODIFIERS_BEFORE.search(text, max(0, m.start() - 40), m.start())
                country = country_in(adj.group().strip()) if adj else None
                self.add_person(" ".join(tokens), country=country, alias=clean(m.group("name")),
                                at=m.start("name"))
        for m in DOC_TITLE.finditer(text):
            doc = trim_title(m.group())
            if len(doc.split()) >= 4:
                self.doc_mentions.append((m.start(), doc))

    def _introduce(self, m: re.Match[str]) -> Person | None:
        words = name_tokens(m.group("name"))
        if not words:
            return None
        country = None
        for part in (m.group("adj"), m.group("of")):
            if part:
                country = country or country_in(clean(part))
        if m.group("of") and country is None:
            # the lazy "of" stopped early: "President of South | Ossetia Anatoly Bibilov"
            for k in range(1, len(words)):
                found = gazetteer.country_of(clean(m.group("of")) + " " + " ".join(words[:k]))
                if found:
                    country, words = found, words[k:]
                    break
            else:
                if len(words) > 2:
                    # a place the gazetteer does not know ("South Ossetia"): a name is two words
                    words = words[-2:]
        name = " ".join(words)
        # "Prime Minister Robert Golob of the Republic of Slovenia"
        tail = m.string[m.end():m.end() + 80]
        after = _OF_PLACE_AFTER.match(tail)
        if not country and after:
            country = gazetteer.country_of(clean(after.group(1)))
        return self.add_person(name, country=country, title=m.group("title"), alias=clean(m.group()),
                               at=m.start() if m.string is self._text else 10**9)

    def _introduce_before_title(self, m: re.Match[str]) -> None:
        """ "H.E. Maria Costa, President of Portugal": the name before a country's title set off by a comma."""
        country = gazetteer.country_of(clean(m.group("of")))
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
        tokens = [t.capitalize() if t.isupper() and len(t) > 2 else t for t in name_tokens(" ".join(words))]
        if not 2 <= len(tokens) <= 5:
            return
        self.add_person(" ".join(tokens), country=country, title=m.group("title"), alias=clean(before.group()),
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
        m2, m = name_shape(phrase)
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
        role = SPACES.sub(" ", m.group("role").lower())
        role = "prime minister" if role == "pm" else role
        country = None
        if m.group("adj"):
            country = country_in(m.group("adj"))
            if country is None:
                return None
        if m.group("of"):
            country = country or gazetteer.country_of(clean(m.group("of")))
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
            office = SPACES.sub(" ", written)
            return Ref(office, "person", "title", [office])
        return None

    def named_document(self, phrase: str) -> str:
        title = trim_title(phrase)
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
