"""What a subject phrase means: a person, a group, a document, a pronoun's antecedent.

:func:`resolve` reads a phrase ("President Xi", "the Russian side", "they", "the
two sides", "China and Russia", "the joint statement") against a
:class:`~.cast.Scene`: what the article has introduced and who is in view.
Resolving brings the subject into view in the scene ("he" or "they" next);
the cast itself changes only when the scene is committed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import gazetteer, lexicon
from ..model import Article
from .cast import COLLECTIVE, EXPLICIT, GROUP, PERSON, PRONOUN, TITLE, Cast, Ref, Scene, title_fits
from .people import KIN_NOUNS, PERSON_NOUNS, PERSON_PLURALS, Lexis, name_words
from .reading import Reading, reading
from .sources import source_words, unnamed_source
from .names import (ADJ_TOKEN, DOC_TITLE, MONTHS, NAME_PARTICLES, NON_NAME_WORDS, ROLE_WORDS, SPACES, STOP_CAPS,
                    TITLE_WORDS, TITLE_LIST, TITLED_NAME, clean, country_in, country_surname, title_surname)

# Collectives that mean the article's principals ("the two sides" = the two leaders' countries).
# A bare "countries", "nations" or "governments" (what is left of "Those countries", "developing
# nations") means countries at large, not the article's principals: these need a determiner or a
# number ("the two countries"); a bare "leaders" or "Presidents" stays (what is left of "The two
# countries' leaders", "The Russian and Chinese Presidents").
COLLECTIVE_PHRASE = re.compile(
    r"(?!(?:parties|countries|nations|governments|men|women)\b)"
    r"(?:(?:the|both|all)\s+)?(?:(?:two|three|four|both|respective)\s+)?(?:sides|leaders|presidents|"
    r"heads\s+of\s+state(?:\s+and\s+government)?|parties|countries|nations|governments|counterparts|"
    r"men|women|two)"
    r"|(?:both|the\s+two|two)\s+(?:foreign\s+|prime\s+)?ministers",  # the ministers who met, not ministers at large
    re.IGNORECASE,
)
# Any other plural subject with a determiner: "the national security advisors", "Participants".
# Plurals with an agentive ending that are not agents.
NOT_AGENTS = lexicon.words("not_agents")
# Endings of plural agents; "-ments" names acts and their results, no agents ("the military
# agreements", "the comments"), but for the bodies "Governments", "departments", "parliaments".
_ENTS = "(?:(?<!m)|(?<=overnm)|(?<=epartm)|(?<=arliam))ents"
_AGENTIVE = f"ers|ors|ants|{_ENTS}|ists|ives|ials|ians|ates|ies|ions|ders"
_AGENTIVE_ENDING = re.compile(rf"(?:{_AGENTIVE})$")
PLURAL_GROUP = re.compile(
    rf"(?:(?i:the|both|all|several|many|some|most)\s+(?:[\w’'\-]+\s+){{0,4}}[a-z][\w\-]*(?:{_AGENTIVE})"
    rf"|[A-Z][a-z]+(?:ants|{_ENTS}|ers|ors|ists|ives|ials|ians|ates|ies))"
    r"|(?i:the|both)\s+(?:[\w’'\-]+\s+){0,2}?(?:team|group|delegation|panel|committee|council|commission|"
    r"working\s+group|task\s+force)"
    # plurals of the nouns for people and bodies that hold positions, of other endings: "Critics
    # said", "Many analysts say", "Western diplomats said" (not "X and Y": a list); and of the
    # nouns for people, with no determiner: "…, economists said", "debate moderators" (a source's
    # word, "officials", is named as a source: sources.unnamed_source)
    r"|(?:(?i:the|both|all|several|many|some|most|other|few|two|three|four|five)\s+)?(?:(?!(?i:and|or|of|for|his|her|their|its|our|my|your|"
    r"where|when|while|but|still|plus|as|if)\b)[\w’'\-]+\s+){0,2}?(?i:"
    + "|".join(sorted({w for w in lexicon.words("stance_agent_nouns") if w.endswith("s") and not w.endswith("ss")
                       and not _AGENTIVE_ENDING.search(w)} | (PERSON_PLURALS - source_words()),
                      key=lambda w: (-len(w), w))) + ")",
)
DOCUMENT_PHRASE = re.compile(
    r"(?:the\s+|a\s+|this\s+)?(?:joint\s+)?(?:statement|declaration|communiqu[eé]|readout|document|"
    r"agreement|memorandum|resolution|treaty|plan)\b.*",
    re.IGNORECASE,
)
ROLE = re.compile(
    rf"(?:(?i:the|his|her|their|its)\s+)?(?:(?P<adj>{ADJ_TOKEN}(?:\s+{ADJ_TOKEN})?)\s+)?"
    r"(?P<role>PM|(?i:vice\s+president|president|prime\s+minister|premier|leader|chancellor|king|queen|emir|"
    r"side|party|counterpart|foreign\s+minister|head\s+of\s+state|delegation|government|authorities|"
    r"secretary\s+of\s+state|secretary-general|secretary\s+general|minister|ambassador|spokesperson|"
    r"spokesman|spokeswoman|representative|delegate)|(?:[a-z]+\s+){1,2}?(?i:minister|secretary)(?!\s+(?i:of)\b)|"
    r"Chair(?:man|person|woman)?)"
    r"(?:\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<of>.+))?"
)
# Heads of state and government, whose capitalised title alone can name them ("President", "PM").
HEADS_OF_STATE = lexicon.words("heads_of_state")
# Roles held by one person, who can be referred to by the office alone ("The Prime Minister").
OFFICES = HEADS_OF_STATE - {"pm"} | lexicon.words("offices")
DELEGATE_ROLES = lexicon.words("delegate_roles")
# The roles of a meeting the role pattern reads (a delegate, the chair).
MEETING_ROLES = frozenset(("representative", "delegate", "chair", "chairman", "chairperson", "chairwoman"))

_GROUP_DET_ANY_CASE = re.compile(r"^(?i:the|both|all)\s+")
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|whom|of)\b")
_DOC_DET = re.compile(r"(?i)(?:the|a|this)\s")
_AND = re.compile(r"\band\b")
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_OWNERS = frozenset(("its", "their", "his", "her"))
_THEIR_NOUN = re.compile(r"(?i:" + "|".join(sorted(_OWNERS)) + r")(?:\s+[a-z][\w\-]*)+")
_THE_CAPITAL = re.compile(r"(?i:the)\s+[A-Z][\w\-]*")
_THE = re.compile(r"^(?i:the)\s+")
# Initials after "the": "the NAACP", "The AFL-CIO" (by themselves they may be a word in capitals,
# or a programme's: "FIMI", "COVAX").
_ACRONYM = re.compile(r"(?i:the)\s+[A-Z]{2,}(?:[-&][A-Z]{2,})*")
_POSSESSIVE_END = re.compile(r"['’]s?$")
ENTOURAGE_MODIFIERS = lexicon.words("entourage_modifiers")
# "Ruiz's campaign", "the senator’s office", "Hale's former campaign strategist", "O’Hara’s lawyer"
_OWNED = re.compile(r"(?:(?P<owner>(?:[\w.\-]+\s+){0,3}?[\w.\-]+(?:['’][\w.\-]+)?)['’]s?|(?P<pronoun>(?i:his|her)))\s+"
                    rf"(?:(?:{'|'.join(map(re.escape, sorted(ENTOURAGE_MODIFIERS)))})\s+){{0,2}}(?P<noun>[a-z]+)")
ENTOURAGE = lexicon.words("entourage_nouns")
OWN_SIDE = lexicon.words("own_side_nouns")
# "His Government", "her delegation": a speaker's own state (:func:`_own_side`)
_OWN_SIDE = re.compile(rf"(?i:({'|'.join(sorted(_OWNERS))})\s+({'|'.join(sorted(OWN_SIDE))}))")
_OWNERS_START = tuple(f"{w} " for w in _OWNERS)
# What _OWNED cannot match without: a possessive mark, "his" or "her" (tested first: most phrases have none).
_MAY_OWN = re.compile(r"['’]|(?i:his|her)")
# a name's word ("Jo-Renee", "McFaul", "O'Rourke") or initials ("Ronald R. Fieldstone")
_CAPITALISED = re.compile(r"[A-Z][a-z’']+(?:[A-Z][a-z’']+)*(?:-[A-Z]?[a-z’']+)*|(?:[A-Z]\.)+")  # "McFaul", "O'Rourke"

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
    if COLLECTIVE_PHRASE.fullmatch(phrase):
        return "collective", None
    if PLURAL_GROUP.fullmatch(phrase) and not gazetteer.is_country_word(last := phrase.split()[-1]) \
            and last.lower() not in NOT_AGENTS and not _RELATIVE.search(phrase):
        return "group", _GROUP_DET_ANY_CASE.sub("", phrase)
    if DOCUMENT_PHRASE.fullmatch(phrase) and _DOC_DET.match(phrase) or DOC_TITLE.fullmatch(phrase):
        return "document", None
    if "," in phrase and not _AND.search(phrase):
        return "clause", None
    if " and " in phrase and gazetteer.country_of(phrase) is not None:
        return "parts", (phrase,)  # one country's name: "Saint Vincent and the Grenadines"
    parts = tuple(p for p in _LIST_SEP.split(phrase) if p and not _THEIR_NOUN.fullmatch(p))
    if len(parts) > 2 and parts[0].lower() == "we":
        parts = parts[1:]  # "We, Australia, Denmark and Norway": the list is who "we" are
    return "parts", parts


@lru_cache(maxsize=PHRASE_MEMO)
def name_shape(phrase: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The phrase read whole as a titled name ("President Xi Jinping") and as a role ("the Chinese side")."""
    return TITLED_NAME.fullmatch(phrase), ROLE.fullmatch(phrase)


@lru_cache(maxsize=PHRASE_MEMO)
def _organisation(phrase: str) -> str | None:
    """The canonical name when the phrase is one organisation, alliance or grouping ("the G7")."""
    bare = _THE.sub("", phrase)
    found = gazetteer.find_entities(bare)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(bare) and \
            found[0].kind in ("organization", "alliance", "grouping", "agency"):
        return found[0].name
    return None


_AUX = lexicon.words("auxiliaries")
_MODALS = lexicon.words("modals")


def _asks(phrase: str) -> bool:
    """Whether the phrase opens with an auxiliary, as a question does ("Do the critics| think …?",
    "Will the members| agree?"); a modal before a capitalised word may be a name ("Will Smith"), and
    "May" a month ("on 16 May the Swedish Government decided")."""
    first, _, rest = phrase.partition(" ")
    return first[:1].isupper() and first.lower() in _AUX and first not in MONTHS and rest[:1].isalpha() \
        and (first.lower() not in _MODALS or not rest[:1].isupper())


#: Subjects that name no one outside a joint statement (where "we" is its authors): a speech's
#: "I" and "we", "it" (:func:`_resolve_exact`); no shorter part, office or source either.
NO_ONE = frozenset(("I", "We", "we", "It", "it"))


def resolve(scene: Scene, phrase: str, *, in_doc: bool = False) -> Ref | None:
    """Interpret a subject phrase; try shorter suffixes when the whole does not resolve.

    The answer's ``mention`` is the part of the phrase that resolved. Each attempt
    may bring someone into view in ``scene``, whether or not the whole resolves.
    """
    if phrase in NO_ONE and not (in_doc and scene.last_doc and phrase.lower() == "we"):
        return None  # (what the steps below answer for these, sooner: a third of the subjects in speeches)
    if _asks(phrase):
        return None
    side = _OWN_SIDE.fullmatch(phrase) if phrase.lower().startswith(_OWNERS_START) else None
    if side is not None:  # "His Government": no shorter part ("Government") is meant
        ref = _own_side(scene, side.group(1).lower(), side.group(2).lower(), opens=phrase[0].isupper())
        if ref is not None:
            ref.mention = phrase
        return ref
    tokens = phrase.split()
    kin = _kin_full_name(tokens)
    if kin:  # "His son Hunter Biden"
        return relative(scene, kin)
    office: tuple[str, str, str] | None = None  # "the Japanese prime minister": what a shorter part may not contradict
    for i in range(len(tokens)):
        if not tokens[i][0].isalnum():
            continue
        sub = " ".join(tokens[i:]).replace(" ,", ",").replace(" ;", ";")  # "Xi , Putin" -> "Xi, Putin"
        if i and tokens[i - 1].lower() in _OWNERS and COLLECTIVE_PHRASE.fullmatch(sub):
            break  # "its leaders", "their governments": someone's, not the article's principals
        # the phrase is this one word, after "But" or the like: "But Warren said" (not "the State of Maine")
        alone = i == len(tokens) - 1 and (i == 0 or tokens[i - 1] == "," or all(t in STOP_CAPS for t in tokens[:i]))
        ref = _resolve_exact(scene, sub, in_doc=in_doc, alone=alone)
        if ref is not None and office is not None and not _holds(scene, ref, office):
            break  # "minister" alone would be the foreign minister, no Japanese prime minister
        if ref is not None:
            ref.mention = sub
            return ref
        if office is None:
            office = _national_office(sub)
    found = unnamed_source(scene, phrase)
    if found is None and " , " in phrase:
        # "… between the two countries, officials said": the source is what follows the comma
        found = unnamed_source(scene, phrase.rsplit(" , ", 1)[1])
    if found is None and office is not None:
        found = Ref(office[0], PERSON, TITLE, [office[0]], mention=office[0])
    return found


def relative(scene: Scene, name: list[str]) -> Ref:
    """The person a full name written after a noun of kinship names ("His son Hunter Biden", "the
    president's wife, Jill Biden"): someone of that very name, whom a shared surname does not make
    the Biden named before."""
    named = frozenset(name)
    ref = scene.person_ref(next((p for p in scene.people if named <= p.tokens), None) or scene.new_person(name),
                           EXPLICIT)
    ref.mention = " ".join(name)
    return ref


def _kin_full_name(tokens: list[str]) -> list[str]:
    """The full name (two to four capitalised words) that ends a phrase right after a noun of
    kinship ("His son Hunter Biden", "her husband, Bruce Mann"), in no list; empty if there is none."""
    j = len(tokens)
    while j and _CAPITALISED.fullmatch(tokens[j - 1]):
        j -= 1
    k = j - 2 if j > 1 and tokens[j - 1] == "," else j - 1  # "His son , Hunter Biden"
    if k >= 0 and 2 <= len(tokens) - j <= 4 and tokens[k].rstrip(",").lower() in KIN_NOUNS \
            and not {"and", "or"} & set(tokens[:k]):  # (not "Mark Zuckerberg and his wife Priscilla Chan")
        return tokens[j:]
    return []


def _holds(scene: Scene, ref: Ref, office: tuple[str, str, str]) -> bool:
    """Whether the person ``ref`` names may hold ``office`` (a country's office, as
    :func:`_national_office` reads it): their title fits its title, their country its country."""
    if ref.kind != PERSON:
        return False  # "the President of Chile" says more than "Chile", "Foreign Affairs of Ghana" too
    person = next((p for p in scene.people if p.name == ref.name), None)
    if person is None:
        return True
    _, title, country = office
    return (not person.title or title_fits(person.title, title)) and person.country in (None, country)


def _resolve_exact(scene: Scene, phrase: str, *, in_doc: bool, alone: bool = False) -> Ref | None:
    low = phrase.lower()
    if low in ("he", "she", "his", "her"):
        person = scene.pronoun(low)
        if person is None:
            return None
        return scene.person_ref(person, PRONOUN)
    if low == "they":
        if scene.last_group is not None:
            g = scene.last_group
            return Ref(g.name, g.kind, PRONOUN, list(g.members), g.document)
        if len(scene.principals()) == 2:
            ref = scene.collective("they")
            ref.via = PRONOUN
            return ref
        return None
    if low == "we" and in_doc and scene.last_doc:
        return scene.document_ref(scene.last_doc, via=PRONOUN)
    if low in ("it", "we", "i", "you"):
        return None
    kind, value = _phrase_shape(phrase)
    if kind == "collective":
        return scene.collective(phrase)
    if kind == "group" and not (phrase[0].isupper() and " " not in phrase and scene.find_person([phrase])):
        # (not "Sanders", a person's name that ends like "Participants")
        return scene.group_ref(Ref(value, GROUP, COLLECTIVE))
    if kind == "document":
        return scene.document_ref(scene.named_document(phrase), via=EXPLICIT)
    if kind == "clause":
        return None  # "In Moscow, Putin": not a list; a shorter suffix will do
    parts = list(value)
    if len(parts) == 1 and parts[0] != phrase:
        return _resolve_exact(scene, parts[0], in_doc=in_doc)
    if 2 <= len(parts) <= 8:
        refs = [_resolve_single(scene, p, alone=True) or _plural_group(p) for p in parts]
        if any(refs) and not all(refs) and len(parts) == 2 and \
                all(r or _THE_CAPITAL.fullmatch(p) for r, p in zip(refs, parts)):
            # "the President and the Speaker": keep who is known, name the rest as written
            known = [r for r in refs if r]
            names = [r.name if r else _THE.sub("the ", p) for r, p in zip(refs, parts)]
            return scene.group_ref(Ref(" and ".join(names), GROUP, COLLECTIVE,
                                       [m for r in known for m in (r.members or [r.name])]))
        if all(refs):
            members = []
            for r in refs:
                for m in r.members or [r.name]:
                    if m not in members:
                        members.append(m)
            people = [p for name in members for p in scene.people if p.name == name]
            countries = [r.name for r in refs if r.kind == GROUP and not r.members]
            if len(people) == len(members) and len(people) >= 2:
                ref = Ref(scene.group_name(people), GROUP, COLLECTIVE, members)
            else:
                ref = Ref(" and ".join(r.name for r in refs), GROUP, COLLECTIVE,
                          [m for m in members if m not in countries])
            return scene.group_ref(ref)
    return _resolve_single(scene, phrase, alone=alone)


def _plural_group(phrase: str) -> Ref | None:
    """A list's item that is a plural group ("Democrats" in "Democrats and Republicans")."""
    kind, value = _phrase_shape(phrase)
    return Ref(value, GROUP, COLLECTIVE) if kind == "group" else None


def _named_party(m: re.Match[str]) -> bool:
    """Whether a role phrase is a party's proper name: "Party" written with a capital after a
    capitalised word that names no country ("the Green Party", "the Labour Party"; not "the
    Chinese party", the Chinese side of a readout)."""
    adj = m.group("adj")
    return m.group("role") == "Party" and bool(adj) and adj[:1].isupper() and country_in(adj) is None


def _resolve_single(scene: Scene, phrase: str, *, alone: bool = False) -> Ref | None:
    """One subject: a titled name, someone known, a place, a role, an organisation; or someone
    new: a name of two words or more, or (``alone``: the whole phrase) a name word by itself."""
    low = phrase.lower()
    if low in ("he", "she", "her") and scene.pronoun(low):
        return scene.person_ref(scene.pronoun(low), PRONOUN)
    tokens = phrase.split()
    owned = _OWNED.fullmatch(phrase) if _MAY_OWN.search(phrase) else None
    if owned and owned.group("noun").lower() in ENTOURAGE:
        # "Ruiz's campaign", "the senator's lawyer": they speak for the owner
        owner = _resolve_single(scene, owned.group("owner") or owned.group("pronoun").lower().replace("his", "he"),
                                alone=True)
        noun = SPACES.sub(" ", owned.group("noun").lower())
        if owner is not None and owner.kind == PERSON:
            kind = PERSON if noun in PERSON_NOUNS else GROUP
            return Ref(f"{owner.name}’s {noun}", kind, owner.via, [owner.name])
        if owner is not None and noun.removesuffix("s") in DELEGATE_ROLES and gazetteer.country_of(owner.name):
            return _delegation(scene, owner.name)  # "Chad's representative said": Chad's delegation
        return None
    if owned and owned.group("noun").lower() in KIN_NOUNS:
        return None  # "Dan Okafor's father": someone else, whom the article does not name here
    m2, m = name_shape(phrase)
    if m and len(tokens) == 2 and title_surname(*tokens):
        m = None  # "Charlie King": a name, no king
    if m2:
        p = scene.introduce(m2)
        if p:
            return scene.person_ref(p, EXPLICIT)
    if m and (phrase[0].islower() or low.startswith(("the ", "his ", "her ", "their "))
              or m.group("adj") or m.group("of")) and not _office_of_a_body(m):
        ref = _resolve_role(scene, m, phrase) or _by_role(scene, phrase)
        if ref is None and _named_party(m):  # a party's own name: "the Green Party"
            return Ref(_LEADING_ARTICLE.sub("", SPACES.sub(" ", phrase.strip())), GROUP, EXPLICIT)
        return ref
    ref = _by_role(scene, phrase)
    if ref is not None:
        return ref
    p = scene.find_person(tokens)
    if p:
        if len(p.tokens) == 1 and len(tokens) > 1:
            # "APNSA Jake Sullivan" for Mr. Sullivan: the fuller name completes the person; so does
            # "Xi Jinping" for Mr. Xi, a family name first, when no name the article writes ends in it
            name = name_words(phrase, scene.cast.lexis)
            if len(p.tokens) < len(name) <= 4 and p.tokens < frozenset(name) \
                    and (name[-1] in p.tokens or name[0] in p.tokens and scene.cast.lexis.family_name_first(name)):
                p = scene.add_person(" ".join(name))
        return scene.person_ref(p, EXPLICIT)
    country = gazetteer.country_of(phrase) or (gazetteer.capital_country(phrase) if len(tokens) == 1 else None)
    if country:
        members = [q.name for q in scene.people if q.country == country]
        return Ref(country, GROUP, EXPLICIT, members)
    if m and phrase[0].isupper() and m.group("role").lower() in HEADS_OF_STATE:
        return _resolve_role(scene, m, phrase)
    words = [_POSSESSIVE_END.sub("", t) for t in tokens if t not in STOP_CAPS]
    while scene.cast.lexis.loose_first(words):
        words.pop(0)  # "Rival Hillary Clinton" opening a sentence: "Rival" is no name's word
    if words and words[0] in ("of", "and", "for"):
        return None  # ("Minister of Foreign Affairs of Ghana" without "Minister": no name)
    org = _organisation(phrase)
    if org:
        return Ref(org, GROUP, EXPLICIT)
    if _ACRONYM.fullmatch(phrase):  # "the NAACP said", "The AFL-CIO said": a body known by its initials
        return Ref(_THE.sub("", phrase), GROUP, EXPLICIT)
    if words and any(w in NON_NAME_WORDS for w in words) and all(w[0].isupper() or w in ("of", "the", "and", "for") for w in words):
        # (without its article, as when it opens the sentence: "…, the Transport Department said")
        return Ref(" ".join(words[1:] if words[0] == "the" and len(words) > 1 else words), GROUP, EXPLICIT)
    if 1 <= len(words) <= 4 and _CAPITALISED.fullmatch(words[0]) and _CAPITALISED.fullmatch(words[-1]) \
            and all(_CAPITALISED.fullmatch(w) or w in NAME_PARTICLES for w in words) \
            and not any((w.lower() in TITLE_WORDS or w.lower() in ROLE_WORDS or w in NON_NAME_WORDS)
                        and not (len(words) == 2 and w is words[1] and title_surname(*words)) for w in words) \
            and (not gazetteer.is_country_word(words[-1]) or len(words) == 2 and country_surname(*words)) \
            and len(words) >= 2 \
            and not scene.cast.common_words(words) \
            and not any(_POSSESSIVE_END.search(t) for t in tokens[:-1]) \
            and scene.cast.lexis.name_word(words[0]):
        if tokens[0] in ("The", "the"):
            return Ref(" ".join(words), GROUP, EXPLICIT)  # "The Daily Ledger said": no one's name takes "the"
        return scene.person_ref(scene.new_person(words), EXPLICIT)
    lexis = scene.cast.lexis
    if alone and len(tokens) == 1 and not _POSSESSIVE_END.search(phrase) and lexis.name_word(phrase):
        # "Warren said": a word the article never writes in lower case, that it gives a first name
        # ("Jo Warren"), a role ("Warren, a Denver lawyer"), or makes the subject of a speech verb
        # inside a sentence ("…, Warren said"); the person is whom the article names in full with it
        full = lexis.full_name(phrase)
        if full or lexis.describe(tokens)[1] or lexis.speaks(phrase) and (lexis.surname(phrase) or _lone_name(phrase)):
            return scene.person_ref(scene.new_person(full or (phrase,)), EXPLICIT)
    return None


# Nouns of groups and bodies, which open a sentence capitalised ("Critics said", "Police said").
_GROUP_NOUNS = lexicon.words("stance_agent_nouns") | lexicon.words("institution_words")


def _lone_name(word: str) -> bool:
    """Whether a capitalised word that the article writes only where a sentence opens, as the
    subject of a speech verb, is a person's name ("Bongiorno said …", a first mention by surname):
    not a plural ("Critics", "Prosecutors said"), a noun of a group or body ("Police said") nor
    an adverb or a participle ("Simply stated", "Having said that")."""
    low = word.lower()
    return not (low.endswith("s") and not low.endswith("ss")) and not low.endswith(("ly", "ing")) \
        and low not in _GROUP_NOUNS


def own_side(phrase: str) -> bool:
    """Whether ``phrase`` is what a speaker calls their own state: "His Government", "her delegation"."""
    return phrase.lower().startswith(_OWNERS_START) and _OWN_SIDE.fullmatch(phrase) is not None


def _own_side(scene: Scene, owner: str, noun: str, *, opens: bool) -> Ref | None:
    """ "His Government", "her delegation": the state of whom the pronoun means, their country
    when the article gives one; when not and the phrase opens the sentence (``opens``; inside it,
    the phrase may be no subject: "growth in her administration are …"), "Macron’s government",
    and for "his country" or "her delegation" the person, who speaks of it.
    "its"/"their": the group last in view when it is a country. None when the pronoun means no
    one in view: a meeting record's delegate who spoke before, whose voice goes on
    (:func:`.rules.continuation`)."""
    if owner in ("his", "her"):
        person = scene.pronoun("he" if owner == "his" else "she")
        if person is None:
            return None
        if person.country:
            return Ref(person.country, GROUP, PRONOUN, [q.name for q in scene.people if q.country == person.country])
        if not opens:
            return None
        if noun in ("government", "administration"):
            return Ref(f"{person.name}’s {noun}", GROUP, PRONOUN, [person.name])
        return scene.person_ref(person, PRONOUN)  # "His country was ready …": what he says of it
    group = scene.last_group
    if group is not None and gazetteer.country_of(group.name) == group.name:
        return Ref(group.name, group.kind, PRONOUN, list(group.members), group.document)
    return None


def _delegation(scene: Scene, country: str) -> Ref:
    """A meeting record's delegate of ``country`` whom the article does not name ("the French
    representative said"): the delegation speaks for its country, and "he" or "she" next is the
    delegate, not a person named before."""
    scene.last_person = None
    return Ref(country, GROUP, TITLE, [q.name for q in scene.people if q.country == country])


def _by_role(scene: Scene, phrase: str) -> Ref | None:
    called = _BY_ROLE.fullmatch(phrase)
    if called is None:
        return None
    role, adj = SPACES.sub(" ", called.group("role").lower()), called.group("adj")
    words = adj.split()
    if words and f"{words[-1].lower()} {role}" in _TITLES_LOWER:
        # "the Japanese prime minister": the role is "prime minister", no foreign minister's
        role, adj = f"{words[-1].lower()} {role}", " ".join(words[:-1])
    p = scene.by_role(role, adj)
    return scene.person_ref(p, TITLE) if p is not None else None


_TITLES_LOWER = frozenset(t.lower() for t in TITLE_LIST)
_LEADING_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")


# "the senator", "the Indiana governor", "the former secretary of state": whom the article called so
_BY_ROLE = re.compile(r"(?i:the|this|that)\s+(?P<adj>(?:[\w’'\-.]+\s+){0,3}?)"
                      r"(?P<role>[a-z][a-z\-]*(?:\s+(?:of\s+state|general|governor|justice|member))?)")


def _national_office(phrase: str) -> tuple[str, str, str] | None:
    """ "The Swedish defence minister said", "the President of Brazil said" where no one the text
    names holds that office (the last resort of :func:`resolve`): the office speaks, as written
    (not added to the cast: a name may come later). Only a country's office: the words before the
    title, or after its "of", name the country. Returns the office as written, its title and country."""
    m = ROLE.fullmatch(phrase) if "," not in phrase else None  # (not "I, as the President of Peru,")
    if m is None:
        return None
    role = SPACES.sub(" ", m.group("role").lower())
    if not (role in _TITLES_LOWER or role.split()[-1] in TITLE_WORDS) or role in DELEGATE_ROLES:
        return None
    adj, of = m.group("adj"), m.group("of")
    if bool(adj) == bool(of):
        return None  # a country before the title or after it, one of the two
    # (and only a country: "the American Lilly King" is a name, not an office)
    country = gazetteer.country_of(clean(adj or of))
    if country is None and of and " of " in of and of[0].isupper():
        country = gazetteer.country_of(clean(of.rsplit(" of ", 1)[1]))  # "Minister of Foreign Affairs of Ghana"
    if country is None:
        return None
    return _LEADING_ARTICLE.sub("", SPACES.sub(" ", phrase.strip())), role, country


def _office_of_a_body(m: re.Match[str]) -> bool:
    """Whether a role of a meeting is held in a body, not a country ("Chairman of the State Affairs
    Commission", "the Chair of the Alliance of Small Island States"): read as a name, as before."""
    return bool(m.group("of")) and m.group("role").lower() in MEETING_ROLES \
        and gazetteer.country_of(clean(m.group("of"))) is None


def _resolve_role(scene: Scene, m: re.Match[str], phrase: str) -> Ref | None:
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
    if role in ("side", "party", "delegation", "government", "authorities"):
        if not country:
            return None
        people = [p for p in scene.people if p.country == country]
        if role in ("side", "party") and len(people) == 1:
            # in a leaders' readout "the Russian side" speaks for the one Russian leader present
            return scene.person_ref(people[0], TITLE)
        return Ref(country, GROUP, TITLE, [p.name for p in people])
    if role == "counterpart":
        if country:
            p = scene.by_country(country)
        else:
            others = [p for p in scene.principals() if p is not scene.last_person]
            p = others[0] if others else None
        return scene.person_ref(p, TITLE) if p else None
    title = {"leader": None, "head of state": None}.get(role, role)
    if country:
        # (a meeting's delegate is nobody the article named before: "the representative of France"
        # is not the Under-Secretary-General who opened the meeting)
        p = scene.by_country(country, title, assume=role not in DELEGATE_ROLES)
        if p is None and role in DELEGATE_ROLES:
            return _delegation(scene, country)
        return scene.person_ref(p, TITLE) if p else None
    titled = [p for p in scene.people if p.title and title and p.title.lower() == title] or \
        [p for p in scene.people if p.title and title and p.title.lower().endswith(" " + title)]
    if titled:
        return scene.person_ref(titled[0], TITLE)
    written = m.group("role")
    if title in OFFICES and written[0].isupper() and phrase.lower().startswith("the ") and not m.group("adj"):
        # "The Prime Minister reiterated …" in a readout that never names its own leader: the office
        # speaks (not added to the cast, so "the two leaders" still means the people it names)
        office = SPACES.sub(" ", written)
        return Ref(office, PERSON, TITLE, [office])
    return None


# -- for stance: holders named through the same cast ------------------------------------------

def holder_cast(article: Article) -> Cast:
    """The cast discovery finds in ``article`` (people by title and name, statements), for naming
    the holders of stance acts; private to the caller, which resolves phrases in it. The cast
    reads the text as attribution does (:mod:`.reading`)."""
    return read_cast(reading(article))


def read_cast(read: Reading) -> Cast:
    """The cast of an article as attribution reads it: whom discovery finds, and the people a
    meeting record names in capitals, whole ("Leonardo Santos Simão", not "Santos Simão" after a
    first word seen only where a sentence opens) and with their country when it gives one."""
    cast = Cast.discovered(read.article)
    if read.names:
        scene = cast.scene()
        for at, name, country in read.names:
            scene.add_person(name, country=country, at=at)
        cast.commit(scene)
    cast.reading = read
    return cast


def resolve_holder(cast: Cast, phrase: str) -> Ref | None:
    """What a holder phrase ("Sen. Duckworth", "the Chinese side", "China and Russia") names in
    ``cast``: a person by name, surname, title or role, a group, a country, an organisation.
    Whom it names comes into view in ``cast`` ("he", "they" next), as in attribution."""
    read = cast.reading
    folded = read is not None and read.folded
    scene = cast.scene()
    ref = resolve(scene, read.fold(phrase) if folded else phrase)
    cast.commit(scene)
    if ref is not None and folded:
        ref = Ref(read.unfold(ref.name), ref.kind, ref.via, [read.unfold(m) for m in ref.members],
                  ref.document and read.unfold(ref.document), ref.mention and read.unfold(ref.mention))
    return ref


def opener_for_pronoun(scene: Scene, sent: str, phrase: str, cue_start: int) -> Ref | None:
    """Whom "he" or "she" means when the sentence opens with a person and names no one else
    before it: "Gen. Tom Hale is speaking out about the problems he sees and why he believes …"."""
    low = phrase.lower()
    if low not in ("he", "she"):
        return None
    at = sent.rfind(phrase, 0, cue_start)
    named = scene.first_mention(sent[:at]) if at > 0 else None
    if named is None or not named[1]:
        return None
    person, head = named[0], sent[:at]
    if person.gender not in (None, "f" if low == "she" else "m") or any(
            q is not person and any(len(t) > 2 and t in head for t in q.tokens) for q in scene.people):
        return None
    ref = scene.person_ref(person, PRONOUN)
    ref.mention = phrase
    return ref
