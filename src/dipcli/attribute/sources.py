"""Sources named by what they are, not by name: "the foreign ministry", "A Hong Kong government
spokesman", "a senior official", "The South Korean military", "two U.S. officials"; and the
maker a report names (:func:`report_source`: "according to a new CNN poll" -> CNN).

Wire stories attribute to them as often as to people ("BEIJING (AFP) - China will …, the
foreign ministry said"). :func:`unnamed_source` reads a subject phrase that ends with a head of
``source_heads.tsv`` after determiners, numbers, capitalised words and the modifiers of
``source_modifiers.txt``; the speaker is the phrase as written without its determiner. An
institution the phrase gives no country is the dateline's country's ("Chinese foreign ministry");
with no dateline it is the institution as written ("…, police said" -> police): the words are
still a source's, not the outlet's narration.
"""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer, lexicon
from .cast import GROUP, PERSON, TITLE, Ref, Scene
from .names import MONTHS, STOP_CAPS, WEEKDAYS, skip_space_back
from .people import PERSON_PLURALS

_DETERMINERS = frozenset("the a an one two three four five several some many other another its their".split())


@cache
def _heads() -> dict[str, str]:
    return {row["head"]: row["kind"] for row in lexicon.rows("source_heads")}


def source_words() -> frozenset[str]:
    """Every lower-case word such a phrase may hold, for the reader of subject phrases."""
    return frozenset(_heads()) | lexicon.words("source_modifiers")


_WORD = re.compile(r"[\w.’'\-]+")


# What an unnamed source knows, after the word for it: "officials familiar with the negotiations",
# "a person close to the minister", "people briefed on the talks", "sources with knowledge of the plan".
_KNOWING = re.compile(r"\s+(?:familiar\s+with|close\s+to|briefed\s+on|involved\s+in|knowledgeable\s+about|"
                      r"with\s+(?:direct\s+)?knowledge\s+of|aware\s+of)\s+(?:[\w’'\-.]+\s+){0,5}?[\w’'\-.]+\s*$")
_KNOWING_WORDS = ("familiar", "close to", "briefed on", "involved in", "knowledge", "aware of")
_KNOWERS = {"people": "group", "persons": "group", "insiders": "group", "person": "person", "someone": "person"}


# Where people work or whom they speak for, after the word for them: "a spokesman for the
# ministry", "a senior official at the State Department", "an aide to the senator".
_PLACING = ("for", "at", "in", "from", "with", "to", "of")
_PLACED = re.compile(r"\s+(?:" + "|".join(_PLACING) + r")\s+(?:[\w’'\-.]+\s+){0,4}?[\w’'\-.]+\s*$")
_INDEFINITE = frozenset(("a", "an", "one", "another"))


def knowing_source_before(sent: str, end: int) -> tuple[Ref, int] | None:
    """A source known by what it knows that ends at ``end`` ("Two officials familiar with the
    talks| said"), and where its phrase starts."""
    if not any(w in sent for w in _KNOWING_WORDS):
        return None
    base = max(0, end - 160)
    m = _KNOWING.search(sent, base, end)
    return _described_from(sent, base, m.start(), end) if m is not None else None


def placed_source_before(sent: str, end: int) -> tuple[Ref, int] | None:
    """A source described by where one works or whom one speaks for ("A spokesman for the
    ministry| said"), or one person told of for the first time ("…, a diplomat| said"), that ends
    at ``end``, and where its phrase starts: for a subject that names no one the cast knows."""
    base = max(0, end - 160)
    if not _person_head_in(sent[base:end].lower()):
        return None
    m = _PLACED.search(sent, base, end)
    nxt = m.start() if m is not None else skip_space_back(sent, end)
    if m is None and _heads().get(sent[sent.rfind(" ", 0, nxt) + 1:nxt].lower()) != "person":
        return None  # (no place after the head, and no word for one person last)
    found = _described_from(sent, base, nxt, end)
    return found if found is not None and _opens_clause(sent, found[1]) else None


# A verb in "-s" after its subject: a singular's ("says", "states"), never a plural source's.
_SINGULAR_VERB = re.compile(r"[a-z]+[^s\W]s\b")


def placed_around(scene: Scene, sent: str, subject: str, end: int, cue: str) -> tuple[Ref, int] | None:
    """The source described by where it is (:func:`placed_source_before`) when the subject read
    before ``end`` is only the place it names, after "from", "of" and the like, and no one the
    article knows ("Two senators from| Ohio said", "Officials from| China said"; but "Aides to
    Omar Haji say" is Omar Haji's). The place is a name that ends the phrase ("leaders of Israel|
    no longer feel"), and a plural source takes no verb in "-s" ("heads of the member| states
    signed": "states" is no verb there)."""
    start = sent.rfind(subject, 0, end)
    of = subject.lower().find(" of ")
    if of > 0 and _relational_before(subject, of + 4):  # the subject read whole: "Supporters of Mr. Trump"
        found = described_source(subject)
        return (found, start) if found is not None else None
    before = sent[max(0, start - 6):start].split()
    if start <= 0 or not before or before[-1].lower() not in _PLACING:
        return None
    relation = _relational_before(sent, start)
    known = scene.find_person(subject.split())  # (a word alone the cast took for a name is no one known: "Ohio")
    if known is not None and (len(known.tokens) > 1 or known.title) and not relation:
        return None
    found = placed_source_before(sent, end)
    if found is None or found[0].kind == GROUP and _SINGULAR_VERB.match(cue):
        return None
    return found if relation or _named_place(_WORD.findall(sent, start, end)) else None


def plural_before(sent: str, start: int, end: int) -> bool:
    """Whether the subject read from ``start`` to ``end`` belongs to a plural before it: someone's
    entourage ("Aides to| Ruiz say"), or people a phrase describes by where they are from or whom
    they stand with, when that phrase is a source ("Senators from| Ohio say", "Critics of| the plan
    say"; not "Do the members of| the Assembly think …?" or "the values that the defenders of|
    Ukraine want")."""
    words = sent[max(0, start - 40):start].split()
    if len(words) < 2 or words[-1].lower() not in _PLACING:
        return False
    head = words[-2].lower()
    if head.endswith("s") and head in lexicon.words("entourage_nouns") and words[-1].lower() in ("to", "of", "for"):
        return True
    return (head in PERSON_PLURALS or head in lexicon.words("relational_people")) \
        and placed_source_before(sent, end) is not None


def _relational_before(sent: str, start: int) -> bool:
    """Whether "of" and a word of ``relational_people.txt`` come right before ``start`` ("critics of|
    the bill", "supporters of| Mr. Trump"): people known by whom or what they stand with or against."""
    words = sent[max(0, start - 30):start].split()
    return len(words) >= 2 and words[-1].lower() == "of" and words[-2].lower() in lexicon.words("relational_people")


_NAME_LINKS = frozenset(("of", "the", "and", "for", "de", "&"))


def _named_place(words: list[str]) -> bool:
    """Whether ``words`` are a name, capitalised but for the words that link a name's parts, and
    end with one of its own ("the Department of Treasury", "Ohio"; not "Israel no longer")."""
    return bool(words) and words[-1][:1].isupper() and words[-1] not in MONTHS and words[-1] not in WEEKDAYS \
        and all(w[:1].isupper() or w in _NAME_LINKS for w in words)  # (not "intelligence chiefs in May")


def _opens_clause(sent: str, start: int) -> bool:
    """Whether a subject that starts at ``start`` opens the sentence or a clause: after nothing, a
    comma, quote, colon or dash, or "but" (not "his career as| a diplomat assures", "joined by
    Cabinet Secretaries and| senior officials")."""
    k = skip_space_back(sent, start)
    return k == 0 or sent[k - 1] in ",;:\"“”’'—–-(" or sent[max(0, k - 4):k].lower() == " but" \
        or sent[:k].lower() == "but"


def _described_from(sent: str, base: int, nxt: int, end: int) -> tuple[Ref, int] | None:
    """The source described by the words before ``nxt`` that a source's description may hold (at
    most five, none across punctuation) and the words from ``nxt`` to ``end``."""
    start = None
    for w in reversed(list(_WORD.finditer(sent, base, nxt))[-5:]):
        if sent[w.end():nxt].strip() or not _source_word(w.group()):
            break  # (punctuation between, or a word no source's name holds)
        start = nxt = w.start()
    found = described_source(sent[start:end]) if start is not None else None
    return (found, start) if found is not None else None


def source_after(scene: Scene, sent: str, start: int) -> tuple[Ref, int] | None:
    """A source described, not named, after an inverted cue ("…, said a senior official", "…,
    said two people familiar with the talks", "…, said officials"), and where its phrase ends: the
    words up to the next punctuation."""
    m = _PHRASE_AFTER.match(sent, start)
    if m is None or m.group(1).lower() not in _DETERMINERS and m.group(1) not in _heads():
        return None
    found = described_source(m.group()) or unnamed_source(scene, m.group().strip())
    return (found, m.end()) if found is not None else None


_PHRASE_AFTER = re.compile(r"\s*([\w’'\-]+)(?:\s+[A-Z]\.|\s+[\w’'\-]+){0,11}")


def described_source(phrase: str) -> Ref | None:
    """The source a phrase describes by what it knows, by where it works, or as one person told of
    for the first time ("a diplomat"); None for anything else. (Sources of every other shape are
    :func:`unnamed_source`'s.)"""
    if " " in phrase and any(w in phrase for w in _KNOWING_WORDS):
        found = _knowing(phrase)
        if found is not None:
            return found
    placed = _PLACED.search(phrase)
    where = _WORD.findall(phrase, placed.start() + 1) if placed is not None else []
    words = _WORD.findall(phrase[:placed.start()] if placed is not None else phrase)
    relation = placed is not None and where[0] == "of" and bool(words) \
        and words[-1].lower() in lexicon.words("relational_people")  # ("critics of the bill")
    if placed is not None and not (_a_place(where[1:], relation) and (where[0] != "of" or relation
                                                                     or _named_place(where[1:]))):
        return None  # (what follows "of" is a name: "residents of Aleppo", not "one diplomat of the treatment")
    indefinite = bool(words) and words[0].lower() in _INDEFINITE
    while words and (words[0].lower() in _DETERMINERS or words[0] in STOP_CAPS):
        words.pop(0)
    kind = _heads().get(words[-1].lower()) if words and all(_source_word(w) for w in words) else None
    if kind is None and placed is not None and words and (relation or words[-1].lower() in PERSON_PLURALS
                                                           and _named_place(_WORD.findall(phrase, placed.start() + 1)[1:])):
        kind = "people"  # "Residents of Aleppo", "senators from Ohio" (not "heads of the six member| states")
    if kind not in ("person", "people") or placed is None and not (indefinite and kind == "person"):
        return None  # ("the official said": someone told of before, whom the phrase alone does not name)
    name = " ".join(words[:-1] + [words[-1].lower()] + (phrase[placed.start():].split() if placed else []))
    return Ref(name, PERSON if kind == "person" else GROUP, TITLE, [], mention=phrase.strip())


def _a_place(words: list[str], relation: bool = False) -> bool:
    """Whether the words after "for", "at", "in", "from", "with" or "to" name where a source works or
    whom it speaks for ("the ministry", "Goldman Sachs", "the local town hall"): a determiner or a
    capitalised word first, no verb, auxiliary or pronoun ("aides to Haji| say he", "a spokesman for
    Santorum’s campaign| didn’t"), no function word last ("officials in more than a dozen"). What
    people stand with or against (``relation``: "supporters of the plan") may hold a verb's form."""
    from ..cues import lemmas

    if not words or not (words[0][:1].isupper() or words[0].lower() in lexicon.words("determiners")):
        return False
    closed = _closed_words()
    if any(w.lower() in closed or not relation and w.lower() in lemmas() for w in words[1:]):
        return False
    last = words[-1].lower()
    return not (last in lexicon.words("determiners") or last in lexicon.words("prepositions") or last.isdigit()
                or last in lexicon.words("time_words") or last in ("time", "moment"))  # ("officials at the time")


@cache
def _closed_words() -> frozenset[str]:
    """Words that no place or body's name holds: pronouns, relative words, auxiliaries, modals and
    the adverbs between a subject and its verb ("activists from Europe| who were planning")."""
    return frozenset().union(*(lexicon.words(name) for name in (
        "pronouns", "relative_words", "auxiliaries", "modals", "be_forms", "between_subject_and_verb")))


def _person_head_in(low: str) -> bool:
    """Whether a word for one or more people a source may be stands in ``low`` between spaces (a
    cheap test: in the phrases read here such a word is followed by a space or ends the phrase)."""
    words = low.split()
    return not _people_heads().isdisjoint(words) or not PERSON_PLURALS.isdisjoint(words)


@cache
def _people_heads() -> frozenset[str]:
    return frozenset(h for h, kind in _heads().items() if kind != "group") | lexicon.words("relational_people")


def _source_word(w: str) -> bool:
    """Whether a source's description may hold the word: no auxiliary ("Do the critics| think …?"
    describes no one; "May" the month may stand before one: "on 22 May, the Yemenis")."""
    low = w.lower()
    if low in lexicon.words("auxiliaries") and w not in MONTHS:
        return False
    return w[:1].isupper() or low in _DETERMINERS or low in _heads() or low in _KNOWERS or low in PERSON_PLURALS \
        or low in lexicon.words("source_modifiers") or low in lexicon.words("relational_people")


def _knowing(phrase: str) -> Ref | None:
    """The source a phrase names by the word for it and what it knows, or None."""
    m = _KNOWING.search(phrase)
    words = _WORD.findall(phrase[:m.start()]) if m is not None else []
    while words and (words[0].lower() in _DETERMINERS or words[0] in STOP_CAPS):  # ("But a source …")
        words.pop(0)
    if not words or not all(_source_word(w) for w in words):
        return None
    head = words[-1].lower()
    kind = _KNOWERS.get(head) or _heads().get(head)
    if kind is None:
        return None
    name = " ".join(words[:-1] + [head] + phrase[m.start():].split())
    return Ref(name, PERSON if kind == "person" else GROUP, TITLE, [], mention=phrase.strip())


def unnamed_source(scene: Scene, phrase: str) -> Ref | None:
    """The source ``phrase`` names by what it is, or None."""
    if " " in phrase and any(w in phrase for w in _KNOWING_WORDS):
        found = _knowing(phrase)
        if found is not None:
            return found
    words = _WORD.findall(phrase)
    if not words or words[-1].lower() not in _heads():
        return None
    kind = _heads()[words[-1].lower()]
    modifiers = lexicon.words("source_modifiers")
    body = list(words)
    while body and body[0].lower() in _DETERMINERS:
        body.pop(0)
    if not body:
        return None
    for w in body[:-1]:
        if not (w[:1].isupper() or w.lower() in modifiers or w.lower() in _heads()):
            return None  # "the talks with officials": not a source's name
    capitalised = [w for w in body[:-1] if w[:1].isupper()]
    if body[-1][:1].isupper():
        body[-1] = body[-1].lower()  # "Officials said …" opens a sentence
    name = " ".join(body)
    qualified = bool(capitalised)
    if not capitalised and kind != "person" and not body[-1].endswith("s"):  # (not "officials")
        country = _dateline_country(scene)
        if country:
            adjective = (gazetteer.demonyms(country) or (country,))[0]
            name, qualified = f"{adjective} {name}", True
    plural = kind == "people" or name.endswith("s") and not name.endswith("ss")
    if len(body) == 1 and not qualified and not plural and (kind == "person" or words[0].lower() != "the"):
        return None  # "the official said": someone told of before; "government" alone may be a phrase cut short
    return Ref(name, PERSON if kind == "person" else GROUP, TITLE, [], mention=phrase)


def _dateline_country(scene: Scene) -> str | None:
    place = scene.cast.place
    if not place:
        return None
    return gazetteer.country_of(place) or gazetteer.capital_country(place.split(",")[0].strip())


# -- the maker of a report: "according to a new CNN poll" ------------------------------------------

# The maker of what a source is: "a new CNN poll" -> CNN, "the report of the World Bank" -> World Bank.
_REPORT_NAME = re.compile(
    r"(?:(?:a|an|the|this|that|their|its)\s+)?(?:(?:new|recent|latest|last|first|second|annual|internal|"
    r"preliminary|final|\w+ly|\d{4})\s+)*(?P<name>[A-Z][\w.&’'/\-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)*"
    r"[A-Z][\w.&’'/\-]*){0,6}?)(?:['’]s)?\s+(?P<noun>[a-z]+)"
    r"|(?:(?:a|an|the|this|that)\s+)?(?:\w+\s+){0,2}?(?P<noun2>[a-z]+)\s+(?:of|by|from)\s+(?:the\s+)?"
    r"(?P<name2>[A-Z][\w.&’'/\-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+|on\s+)*[A-Z][\w.&’'/\-]*){0,6})")
# What may follow the report noun of a source: "a CNN poll released Monday", "a Post analysis of
# campaign filings", "exit polls conducted for the networks" (lower-case words, names after "by"/"for").
_REPORT_TAIL = re.compile(r"(?:\s+(?:of|from|by|for|on|in|at|released|conducted|published|taken|commissioned|"
                          r"obtained|out|last|this|early|recent|[a-z]+day|[A-Z][\w.&’'/\-]*|[a-z]+))+")
# Capitalised words that name a text, not who wrote it: "according to the Charter".
_NOT_SOURCES = frozenset("Charter Agreement Agreements Convention Treaty Resolution Resolutions Constitution Act Law "
                         "Declaration Plan Agenda Goals Programme Program Bible Koran Quran Accord Accords Protocol "
                         "Statute Code Article".split())


@cache
def _report_nouns() -> frozenset[str]:
    return lexicon.words("report_nouns")


def report_source(who: str, *, whole: bool = False) -> str | None:
    """The outlet or institution a source phrase names: "the New York Times", "a new CNN poll",
    "a report by the Congressional Budget Office", "a CNN poll released Monday", "an article in
    Politico", "exit polls conducted by Edison Research"; None for a text ("the Charter"), unnamed
    sources ("officials", "people familiar with the talks") and the like. With ``whole``, only
    a phrase that is all a report's (:data:`_REPORT_NAME`, then :data:`_REPORT_TAIL`) names one:
    a sentence's subject ("A CNN poll released Monday found …"), where a clause may come first."""
    m = _REPORT_NAME.fullmatch(who)
    if m is None:  # "a CNN poll released Monday": the report noun, then words about the report
        m = _REPORT_NAME.match(who)
        if m is not None and (_REPORT_TAIL.fullmatch(who, m.end()) is None
                              or (m.group("noun") or m.group("noun2")) not in _report_nouns()):
            m = None
    if m is not None:
        name, noun = (m.group("name"), m.group("noun")) if m.group("name") else (m.group("name2"), m.group("noun2"))
        if noun not in _report_nouns():
            return None if whole else _maker(who)  # "data available from the FBI"
    elif whole:
        return None
    else:
        bare = _ARTICLE_AND_DESCRIPTION.sub("", who)
        if not re.fullmatch(r"[A-Z][\w.&’'/\-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+|on\s+)*[A-Z][\w.&’'/\-]*){0,6}", bare):
            return _maker(who)
        name = bare
    if not name or name.split()[-1] in _NOT_SOURCES or name.split()[0] in _NOT_SOURCES | _NOT_MAKERS:
        return None
    return name


# The article before a source's name, and one lower-case word between them that describes the
# institution: "the conservative Tax Foundation", "the nonpartisan Congressional Budget Office"
# (not a preposition, nor a plural: "the experts at Brookings" names no outlet).
_ARTICLE_AND_DESCRIPTION = re.compile(r"^(?:the|a|an)\s+(?:(?!(?:of|at|in|for|by|from|on|to|with|and)\s)[a-z][\w\-]*(?<!s)\s+)?(?=[A-Z])")


# A name as a source writes it: capitalised words, with "of", "and", "the", "on" and "for" inside
# ("Bureau of Labor Statistics", "Centers for Disease Control"; not "Edison Research for the …").
_NAME_RUN = r"[A-Z][\w.&’'/\-]*(?:\s+(?:of\s+|for\s+(?!the\b)|and\s+|the\s+|on\s+)*[A-Z][\w.&’'/\-]*){0,6}"
# The maker right before a report noun, with its possessive and up to two modifiers between
# ("Kantar Media’s political ad tracker", "the RealClearPolitics polling average"); and right after
# it, past up to four lower-case words, a preposition and "the" ("data available from the FBI",
# "exit polls conducted by Edison Research"; not "a report on Ukraine").
_MAKER_BEFORE = re.compile(rf"(?<![\w.&’'/\-])(?P<name>{_NAME_RUN})(?:['’]s)?\s+"
                           rf"(?P<modifiers>(?:(?!(?:a|an|the|this|that|its|their)\s)[a-z][\w\-]*\s+){{0,2}})\Z")
# What may stand before such a maker in the phrase: nothing, a determiner, a year. Not a word of a
# title ("The State of Food Security and Nutrition in the World report").
_BEFORE_MAKER = re.compile(r"(?:(?:the|a|an|this|that|its|their|his|her|new|latest|recent|\d{4})\s+)*\Z", re.IGNORECASE)
# A possessor in the phrase: "the World Meteorological Organization’s most recent … report".
_POSSESSOR = re.compile(rf"(?<![\w.&’'/\-])(?P<name>{_NAME_RUN})['’]s?\s")
_MAKER_AFTER = re.compile(rf"\s+(?:[a-z][\w\-]*\s+){{0,4}}?(?:by|from|of|at)\s+(?:[Tt]he\s+)?(?P<name>{_NAME_RUN})")


def _maker(who: str) -> str | None:
    """Who made the report that a longer source phrase names by its first report noun: a possessor
    before it (:data:`_POSSESSOR`), else a name right before it (:data:`_MAKER_BEFORE`), else one
    after it (:data:`_MAKER_AFTER`); None for a phrase without one ("officials in Kyiv")."""
    nouns = _report_nouns()
    noun = next((w for w in re.finditer(r"\b[a-z]+\b", who) if w.group() in nouns), None)
    if noun is None:
        return None
    m = _POSSESSOR.search(who, 0, noun.start())
    if m is None:
        m = _MAKER_BEFORE.search(who, 0, noun.start())
        if m is not None and not _BEFORE_MAKER.match(who, 0, m.start()):
            return None
    if m is None:
        m = _MAKER_AFTER.match(who, noun.end())
    if m is None:
        return None
    name = re.sub(r"['’]s?$", "", m.group("name"))
    words = name.split()
    if words[0] in _NOT_SOURCES or words[-1] in _NOT_SOURCES or words[0] in _NOT_MAKERS:
        return None
    country = gazetteer.country_of(name) if len(words) == 1 and m.re is _MAKER_BEFORE and m.group("modifiers") else None
    if country is not None and country != name:
        return f"{name} {m.group('modifiers').strip()}"  # "French media reports": French media, not France
    return name


# Capitalised words that open no maker's name: months and days ("figures from March").
_NOT_MAKERS = MONTHS | WEEKDAYS


def subject_report_maker(subject: str, not_last: frozenset[str]) -> str | None:
    """The maker of a report that is all of a sentence's subject ``subject``: "A Des Moines
    Register/Bloomberg Politics poll released Saturday" (found …), "The poll by the Public Policy
    Institute of California" (showed …). None where the subject's last word is one of ``not_last``
    (no noun phrase ends with it: "a poll by Gallup which"), or where the maker would be a capital
    that only opens the sentence ("Exit polls from …")."""
    words = _PHRASE_WORD.findall(subject)
    if not words or len(subject) > 160 or words[-1].lower() in not_last \
            or not any(w.lower() in _report_nouns() for w in words):
        return None
    if words[0] in ("A", "An", "The"):
        subject = subject[0].lower() + subject[1:]
    maker = report_source(subject, whole=True)
    if maker is None or maker == words[0] and not any(c.isupper() for c in maker[1:]):
        return None
    return maker


def report_said(text: str, cue: str | None) -> bool:
    """Whether a report is the subject of a claim's cue ("A new CNN poll shows", "The IPCC's report
    says"): a report noun among the words before the cue."""
    at = text.find(cue) if cue else -1
    return at > 0 and any(w.lower() in _report_nouns() for w in _PHRASE_WORD.findall(text, 0, at))


_PHRASE_WORD = re.compile(r"[\w.’'\-]+")
