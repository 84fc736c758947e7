"""Who is who in one article: the people it introduces, the documents it names, and who was
last in view (the pronoun state).

:class:`Cast` holds what the article has established so far. It changes in one
way only, :meth:`Cast.commit`: each step of the reading (discovering the people
at the start, a transcript label, one sentence) works on a :class:`Scene`, a
working copy that sees the cast and the step's own changes, and the step's
driver commits it when the step is done. Resolving a subject phrase
(:mod:`.subjects`) or choosing a frame never changes the cast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import gazetteer, lexicon
from ..model import Article, SpeakerKind, Via
from .people import (PERSON_NOUNS, Lexis, after_kin, coordinated_after, disambiguate, majority, occurrences, pronoun_after,
                     title_gender, title_roles, word_gender)
from .names import (COUNTERPART, DOC_TITLE, HONORIFICS, INSTITUTION_WORDS, NAME_PARTICLES, NON_NAME_WORDS, MODIFIERS_BEFORE, NAME_BEFORE,
                    TITLE_SURNAMES, STOP_CAPS, TITLE_AFTER, TITLE_WORDS, clean, country_in, country_surname, name_tokens, title_surname,
                    titled_names, trim_title, untitled_subjects)


@dataclass(slots=True)
class Person:
    name: str
    tokens: frozenset[str]
    country: str | None = None
    title: str | None = None
    order: int = 0  # where the article first names them: principals are the first two
    gender: str | None = None  # "m", "f": from titles, honorifics, role nouns and pronouns in the article
    roles: frozenset[str] = frozenset()  # what the article calls them without the name: "senator"
    mentions: tuple[int, ...] = ()  # where the article names them, in text order


@dataclass(slots=True)
class Ref:
    """A resolved subject: who it names and how it was recognised."""

    name: str
    kind: SpeakerKind
    via: Via
    members: list[str] = field(default_factory=list)
    document: str | None = None
    mention: str | None = None


# SpeakerKind's and Via's members under plain names, for the code that runs per sentence: on
# Python 3.11 reading a member off its enum class goes through EnumType's __getattr__ hook.
PERSON, GROUP, DOCUMENT = SpeakerKind.PERSON, SpeakerKind.GROUP, SpeakerKind.DOCUMENT
EXPLICIT, PRONOUN, TITLE, COLLECTIVE = Via.EXPLICIT, Via.PRONOUN, Via.TITLE, Via.COLLECTIVE
CONTINUATION, TURN = Via.CONTINUATION, Via.TURN

_OF_PLACE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w’'\-]*){0,4})")
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:The|the|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|[A-Z][\w.\-]*)\s+){0,6}")
_GROUP_DET = re.compile(r"^(?:the|both|all)\s+")
# Words before a role that say nothing of whom it means: "the former senator".
_NOT_DESCRIPTIVE = frozenset({"former", "then", "current", "new", "same", "late", "longtime", "veteran", "top"})


def _of_a_state(m: re.Match[str], words: list[str]) -> str | None:
    """The "of" phrase of a ``TITLED_NAME`` match, unless the institution words the lazy match
    left before the name carry on an institution's name, not a state's: "President of China |
    Media Group Shen Haixiong" is no officer of China's ("Minister of the Russian | Federation
    Sergey Lavrov" is Russia's)."""
    of = m.group("of")
    raw = m.group("name").split()
    left = raw[:raw.index(words[0])] if of and words[0] in raw else []
    if any(w in INSTITUTION_WORDS for w in left) and gazetteer.country_of(clean(f"{of} {' '.join(left)}")) is None:
        return None
    return of


def _surname_first(tokens: frozenset[str], at: int, p: Person) -> bool:
    """Whether of a name and a known person's, one a surname alone and the other a full name,
    the surname comes first in the text."""
    if len(tokens) == 1 and len(p.tokens) > 1:
        return at < p.order
    return len(p.tokens) == 1 and len(tokens) > 1 and p.order < at


def _other_office(title: str | None, other: str | None) -> bool:
    """Whether two titles name different offices ("President", "Dr."), not one office written
    two ways ("Sen.", "Senator"; "Minister", "Foreign Minister"); an honorific names none."""
    if title is None or other is None or title == other:
        return False
    mine, theirs = title_roles(title), title_roles(other)
    return bool(mine) and bool(theirs) and not mine & theirs


def _first_word_of(text: str, words: list[str]) -> tuple[int, str] | None:
    r"""Where the first of ``words`` stands in ``text`` as a whole word, and which.

    The same answer as searching ``\b(?:w1|w2|…)\b`` with the words in that
    order (at one offset the earlier word wins), without compiling a pattern
    for every new set of names: ``str.find`` per word, and the word-boundary test
    by hand (a word character is what ``\w`` matches: alphanumeric or "_").
    """
    best_at, best = len(text) + 1, None
    for word in words:
        i = text.find(word)
        if not 0 <= i < best_at:
            continue  # (most words of most sentences: not there)
        first = word[0].isalnum() or word[0] == "_"
        last = word[-1].isalnum() or word[-1] == "_"
        while 0 <= i < best_at:
            j = i + len(word)
            if (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")) != first \
                    and (j < len(text) and (text[j].isalnum() or text[j] == "_")) != last:
                best_at, best = i, word
                break
            i = text.find(word, i + 1)
    return (best_at, best) if best is not None else None


# Lower-case words inside a name's phrase that are no role: "Secretary of State", "Putin on Nevsky Square".
_JOINING = lexicon.words("prepositions") | lexicon.words("determiners") | {"of", "to"}


def _role_between(words: list[str]) -> bool:
    """Whether a lower-case word (a role noun) stands after a phrase's first word and before
    its last: "Trump campaign manager Corey Lewandowski" names Lewandowski, not Trump. Not in a
    phrase that joins several ("physicist Stephen Hawking and billionaire Yuri Milner")."""
    if "and" in words or "or" in words or any(w.endswith(",") for w in words):
        return False
    return words[-1][:1].isupper() and any(
        w.isalpha() and w.islower() and w not in NAME_PARTICLES and w not in _JOINING for w in words[1:-1])


class Cast:
    """The people and documents one article has introduced so far, and who was last in view.

    Changed only by :meth:`commit`; every other method reads.
    """

    def __init__(self, article: Article):
        self.text = article.text
        self.title = article.title or ""
        self.place = article.place or ""  # the dateline's place, when the article has one
        self.people: list[Person] = []
        self.doc_mentions: list[tuple[int, str]] = []  # (offset, title) in text order
        self.pos = 0  # offset of the last sentence attributed
        self.last_person: Person | None = None
        self.last_group: Ref | None = None
        self.last_doc: str | None = None
        self._open: Scene | None = None
        # Memos of facts that follow from the text and the people alone
        self._lower_seen: dict[str, bool] = {}  # word -> written in lower case in the text
        self._mention_tokens: list[str] = []  # name words a sentence's first mention is looked for by, longest first
        self._mention_people = -1
        self.lexis = Lexis(article.text)
        self.placed = False
        self.reading = None  # how the text is read and names spelled back (.reading.Reading), for stance's holders

    @classmethod
    def discovered(cls, article: Article) -> Cast:
        """A cast of ``article`` with everyone its title and text introduce (:meth:`Scene.discover`)
        committed: where attribution starts, and stance's holders (:func:`.subjects.holder_cast`).

        What discovery establishes depends on the text, the title and the place alone, and
        the stance command reads every article twice, for its claims and for the holders
        of its acts: the last article's discovery is kept (one, so memory stays bounded) and
        taken over when the same text is asked for again, instead of read twice.
        """
        global _last_discovery
        cast = cls(article)
        kept = _last_discovery
        if kept is not None and kept[0] is cast.text and kept[1] == (cast.title, cast.place):
            cast.lexis, cast._lower_seen = kept[2], kept[3]  # (memos of facts of the text alone)
            people, docs, cast.placed, cast.last_person, last_group, cast.last_doc = kept[4]
            cast.people, cast.doc_mentions, cast.last_group = list(people), list(docs), _copied(last_group)
            return cast
        scene = cast.scene()
        scene.discover()
        cast.commit(scene)
        _last_discovery = (cast.text, (cast.title, cast.place), cast.lexis, cast._lower_seen,
                           (tuple(cast.people), tuple(cast.doc_mentions), cast.placed, cast.last_person,
                            _copied(cast.last_group), cast.last_doc))
        return cast

    def scene(self, pos: int | None = None) -> Scene:
        """A working copy for one step of the reading: a sentence at ``pos``, a label (the last position)."""
        if self._open is not None:
            raise RuntimeError("a scene is open: commit it first")
        self._open = Scene(self, self.pos if pos is None else pos)
        return self._open

    def commit(self, scene: Scene) -> None:
        """The one place the cast changes: take over what ``scene`` established."""
        if scene is not self._open:
            raise RuntimeError("not the open scene of this cast")
        self._open = None
        self.people = scene.people
        self.pos = scene.pos
        self.placed = scene.placed
        self.last_person, self.last_group, self.last_doc = scene.last_person, scene.last_group, scene.last_doc

    @property
    def documents(self) -> list[str]:
        """Every statement title the article names, once each, in order."""
        return list(dict.fromkeys(doc for _, doc in self.doc_mentions))

    def known_name(self, word: str) -> bool:
        """Whether ``word`` is a name word of someone the article has introduced."""
        return any(word in p.tokens for p in self.people)

    def common_words(self, words: list[str]) -> bool:
        """Capitalised words the article also writes in lower case ("Climate Change") are no name."""
        return all(self._written_in_lower_case(w.lower()) for w in words)

    def _written_in_lower_case(self, word: str) -> bool:
        found = self._lower_seen.get(word)
        if found is None:
            # (most such words are not in the text in lower case at all: no pattern to make)
            found = self._lower_seen[word] = written_in_lower_case(self.text, word)
        return found


# Where a word the text writes in lower case may start, and end: not after a word and a space.
_LOWER_START = re.compile(r"(?<![\w.] )\b")
_WORD_END = re.compile(r"\b")


def written_in_lower_case(text: str, word: str) -> bool:
    r"""Whether ``re.search(rf"(?<![\w.] )\b{re.escape(word)}\b", text)`` finds ``word``: the
    text's occurrences of it, found by ``str.find``, each tested where it stands (a pattern that
    opens with a look-behind is tried at every position of the text)."""
    i = text.find(word)
    while i >= 0:
        if _LOWER_START.match(text, i) is not None and _WORD_END.match(text, i + len(word)) is not None:
            return True
        i = text.find(word, i + 1)
    return False


# The last article's discovery (:meth:`Cast.discovered`): its text (kept, so that an identity test
# cannot match another text), title and place, memos, and the state discovery committed.
_last_discovery: tuple | None = None


def _copied(ref: Ref | None) -> Ref | None:
    return None if ref is None else replace(ref, members=list(ref.members))


class Scene:
    """One step's working copy of a :class:`Cast`: reads see the cast and this step's changes.

    ``people`` is the cast's own list until the step adds or changes someone;
    then it is a copy, and a changed person is a new :class:`Person`, so nothing
    the cast holds changes before :meth:`Cast.commit`.
    """

    __slots__ = ("cast", "pos", "people", "last_person", "last_group", "last_doc", "placed", "_own")

    def __init__(self, cast: Cast, pos: int):
        self.cast = cast
        self.pos = pos
        self.people = cast.people
        self.last_person, self.last_group, self.last_doc = cast.last_person, cast.last_group, cast.last_doc
        self.placed = cast.placed  # where the article names each person has been read (:meth:`place`)
        self._own = False

    # -- changes -------------------------------------------------------------------------------
    def add_person(self, name: str, *, country: str | None = None, title: str | None = None,
                   at: int | None = None, gender: str | None = None, roles: frozenset[str] = frozenset()) -> Person:
        """The person ``name`` names: someone already known whose name words include or are
        included in it (completed with what this mention adds), or someone new.

        Of several who share the words ("Clinton"), the first whose gender does not contradict
        ``gender``; no one whose gender contradicts it ("Mrs. Clinton" is not Mr. Clinton), nor
        one the article gives another office when it named the surname alone first ("Dr. Jill
        Biden" further down is not "President Biden"; "Sen. Kaine" is "Senator Tim Kaine"; "Dr.
        Gordon" after "Advisor Phil Gordon" is him).
        """
        tokens = frozenset(name.split())
        order = self.pos if at is None else at
        if title is not None:
            gender = gender or title_gender(title)
            roles = roles | title_roles(title)
        for i, p in enumerate(self.people):
            if (tokens <= p.tokens or p.tokens <= tokens) and not (gender and p.gender and gender != p.gender) \
                    and not (_surname_first(tokens, order, p) and _other_office(title, p.title)) \
                    and not self._opens_other_name(name, title, p) and not self._kin_of(tokens, title, order, p):
                longer = len(tokens) > len(p.tokens)
                return self._update(i, replace(p, name=name if longer else p.name, tokens=tokens if longer else p.tokens,
                                               country=p.country or country, title=p.title or title,
                                               order=min(p.order, order), gender=p.gender or gender,
                                               roles=p.roles | roles))
        person = Person(name=name, tokens=tokens, country=country, title=title, order=order, gender=gender,
                        roles=roles)
        self._writable().append(person)
        return person

    def _opens_other_name(self, name: str, title: str | None, p: Person) -> bool:
        """Whether of ``name`` and ``p`` one is a titled surname alone ("Senator Warren") and the other
        a longer name that opens with it and whose last word the article writes alone ("Warren
        Buffett", where "Buffett said"): two different people. "King Salman" and "Salman bin
        Abdulaziz Al Saud", "President Lula" and "Lula da Silva", "Mr. Xi" and "Xi Jinping" are one."""
        if len(p.tokens) == 1 and p.title is not None and " " in name:
            short, words = p.name, name.split()
        elif " " not in name and title is not None and len(p.tokens) > 1:
            short, words = name, p.name.split()
        else:
            return False
        return words[0] == short != words[-1] and self.cast.lexis.last_word_alone(words)

    def _kin_of(self, tokens: frozenset[str], title: str | None, order: int, p: Person) -> bool:
        """Whether of the two one is a titled surname alone ("President Biden") and the other a full
        name the article introduces as someone's kin ("my son Beau Biden", "his wife, Jill Biden"):
        two people."""
        if len(tokens) == 1 and title is not None and len(p.tokens) > 1:
            return after_kin(self.cast.text, p.order)
        if len(p.tokens) == 1 and p.title is not None and len(tokens) > 1:
            return after_kin(self.cast.text, order)
        return False

    def _current(self, p: Person) -> Person:
        """``p`` as this scene now holds them (:meth:`place` may have replaced them)."""
        return next((q for q in self.people if q.name == p.name), p)

    def _writable(self) -> list[Person]:
        if not self._own:
            self.people = list(self.people)
            self._own = True
        return self.people

    def _update(self, i: int, new: Person) -> Person:
        old = self.people[i]
        if new == old:
            return old
        self._writable()[i] = new
        if self.last_person is old:
            self.last_person = new
        return new

    def person_ref(self, p: Person, via: Via) -> Ref:
        """``p`` as a subject; they come into view ("he", "she" next)."""
        self.last_person = p
        return Ref(p.name, PERSON, via, [p.name])

    def group_ref(self, ref: Ref) -> Ref:
        """A group as the subject; it comes into view ("they" next)."""
        self.last_group = ref
        return ref

    def collective(self, phrase: str, members: list[Person] | None = None) -> Ref:
        """A group of people (the principals unless given); it comes into view ("they" next)."""
        members = members if members is not None else self.principals()
        name = self.group_name(members) if len(members) >= 2 else _GROUP_DET.sub("", phrase.lower())
        return self.group_ref(Ref(name, GROUP, COLLECTIVE, [p.name for p in members]))

    def document_ref(self, title: str, *, via: Via) -> Ref:
        """A statement as the speaker; it comes into view ("we" in it, "they" next)."""
        self.last_doc = title
        members = [p.name for p in self.principals()]
        return self.group_ref(Ref(title, DOCUMENT, via, members, document=title))

    def by_country(self, country: str, title: str | None = None, *, assume: bool = True) -> Person | None:
        """The person of ``country`` (with ``title`` when several are); ``assume``: else the one
        principal whose country the article never said, if the title fits them."""
        found = [p for p in self.people if p.country == country]
        if not found and assume:
            # "the Russian President" when the article never said whose country is whose:
            # the one principal without a country is the only candidate, and now has one, when
            # the title fits them ("the Japanese prime minister" is no foreign minister's, "the
            # representative of France" no Under-Secretary-General's).
            unknown = [p for p in self.principals() if p.country is None]
            if len(unknown) == 1 and (not title or not unknown[0].title or title_fits(unknown[0].title, title)):
                i = next(i for i, p in enumerate(self.people) if p is unknown[0])
                found = [self._update(i, replace(unknown[0], country=country))]
        if title:
            titled = [p for p in found if p.title and p.title.lower() == title.lower()]
            found = titled or found
        return found[0] if found else None

    # -- reading -------------------------------------------------------------------------------
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

    def find_person(self, tokens: list[str]) -> Person | None:
        gender = word_gender(tokens[0]) if tokens and tokens[0][0].isupper() else None  # "Mrs. Clinton"
        words = [t for t in tokens if t.lower() not in TITLE_WORDS and t not in STOP_CAPS]
        if not words and len(tokens) == 1 and tokens[0] in TITLE_SURNAMES:
            words = tokens  # "King said": Steve King, if the article names him
        if not words:
            return None
        want = frozenset(words)
        hits = [p for p in self.people if want <= p.tokens]
        if len(words) == 1 and len(tokens) > 1 and words != tokens:
            # "President Biden" is not the "son Beau Biden" the article names
            hits = [p for p in hits if len(p.tokens) == 1 or not after_kin(self.cast.text, p.order)]
        if len(hits) > 1 and len(words) == 1:
            # "Warren" of "Senator Warren" and "Warren Buffett": whom it is the surname of
            hits = [p for p in hits if self._surname_is(p, words[0])] or hits
            # "Biden" of "President Joe Biden" and "his son Hunter Biden": not the relative
            hits = [p for p in hits if len(p.tokens) == 1 or not self.cast.lexis.kin_named(p.name.split())] or hits
        if hits:
            return self._likeliest(hits, gender)
        for probe in (words[-1:], words[:1]) if len(words) > 1 else (words,):
            if probe is not words and probe == words[:1] and _role_between(words):
                break  # "Trump campaign manager Corey Lewandowski": the name after the role
            low = probe[0].lower()
            hits = [p for p in self.people if low in _lowered(p.tokens)]
            if len(hits) == 1 or hits and len(words) == 1:
                return self._likeliest(hits, gender)
        return None

    def _surname_is(self, p: Person, word: str) -> bool:
        """Whether ``word`` is ``p``'s surname: the last word of their name, or the first of a name
        written family name first ("Xi" of "Xi Jinping")."""
        words = p.name.split()
        return words[-1] == word or words[0] == word and len(words) > 1 and self.cast.lexis.family_name_first(words)

    def _likeliest(self, people: list[Person], gender: str | None) -> Person | None:
        """Of several people a name fits: those of ``gender`` (when known), then the one the
        article named last before this sentence, else the first."""
        if gender:
            people = [p for p in people if p.gender in (None, gender)]
            people = [p for p in people if p.gender == gender] or people
            if not people:
                return None
        if len(people) > 1:
            self.place()
            people = [self._current(p) for p in people]
            recent = [(max((at for at in p.mentions if at < self.pos), default=-1), -k) for k, p in enumerate(people)]
            best = max(range(len(people)), key=lambda k: recent[k])
            if recent[best][0] >= 0:
                return people[best]
        return people[0]

    def by_role(self, role: str, modifiers: str = "") -> Person | None:
        """Whom the article called ``role`` ("the senator", "the Democratic nominee"): the person
        in view if the role is theirs, else the one of that role named last. Modifiers must
        fit when several hold the role ("the Indiana governor")."""
        holders = [p for p in self.people if any(r == role or r.endswith(" " + role) for r in p.roles)]
        if not holders and role in PERSON_NOUNS:
            # whom the article called so by name, though no sentence made them a subject yet
            before = [m for m in self.cast.lexis.called(role) if m.start < self.pos]
            if before:
                mention = before[-1]
                gender, roles = self.cast.lexis.describe(mention.words)
                return self.add_person(" ".join(mention.words), gender=gender, roles=roles | {role},
                                       at=mention.start)
        if not holders:
            return None
        words = [w for w in modifiers.lower().split() if w not in _NOT_DESCRIPTIVE]
        if words and len(holders) > 1:
            fitting = [p for p in holders if any(all(w in r.split() for w in words) for r in p.roles)]
            holders = fitting or holders
        if self.last_person is not None and any(p is self.last_person for p in holders):
            return self.last_person
        return self._likeliest(holders, None)

    def pronoun(self, word: str) -> Person | None:
        """Whom "he" or "she" means: the person last in view when their gender allows it, else
        the person of that gender (or of none known) the article named last."""
        gender = "f" if word in ("she", "her", "hers") else "m"
        if self.last_person is None:
            return None
        self.place()
        last = self.last_person
        if last.gender in (None, gender):
            return last
        fitting = [p for p in self.people if p.gender in (None, gender)]
        return self._likeliest([p for p in fitting if p.gender == gender] or fitting, None) if fitting else None

    def first_mention(self, sent: str) -> tuple[Person, bool] | None:
        """The first person ``sent`` mentions by name, and whether the mention opens it (is its subject)."""
        cast, people = self.cast, self.people
        if len(people) != cast._mention_people:  # the name words, longest first, renewed when the number of people changes
            cast._mention_tokens = sorted({t for p in people for t in p.tokens if len(t) > 2 and t[0].isupper()},
                                          key=lambda t: (-len(t), t))
            cast._mention_people = len(people)
        found = _first_word_of(sent, cast._mention_tokens)
        if found is None:
            return None
        at, word = found
        person = next(p for p in people if word in p.tokens)
        return person, _SUBJECT_LEAD.fullmatch(sent[:at]) is not None

    def named_document(self, phrase: str) -> str:
        """The statement a phrase ("the joint statement", "the Joint Statement of …") means."""
        title = trim_title(phrase)
        m = DOC_TITLE.match(title)
        if m and m.group() == title and len(title.split()) >= 4:
            for doc in self.cast.documents:
                if doc.startswith(title) or title.startswith(doc):
                    return doc
            return title
        before = [doc for off, doc in self.cast.doc_mentions if off < self.pos]
        if before:
            return before[-1]
        documents = self.cast.documents
        return self.last_doc or (documents[0] if documents else "the joint statement")

    # -- discovery -------------------------------------------------------------------------------
    def introduce(self, m: re.Match[str], *, at: int | None = None) -> Person | None:
        """The person a ``TITLED_NAME`` match names, with the country its title or "of" gives.

        ``at``: where the article names them; by default the match's offset when it was
        found in the text, else after everything (a subject phrase, the title).
        """
        words = name_tokens(m.group("name"))
        if not words:
            return None
        country = None
        for part in (m.group("adj"), _of_a_state(m, words)):
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
        if len(words) == 1 and at is None and m.string is not self.cast.text:
            # "Mrs. Clinton" in a sentence: the full name the article writes, if it fits the title
            full = self.cast.lexis.full_name(words[0])
            gender = title_gender(m.group("title"))
            if full and not (gender and self.cast.lexis.describe(full)[0] not in (None, gender)) \
                    and not self.cast.lexis.kin_named(full):  # "President Biden" is not "my son Beau Biden"
                words = list(full)
        name = " ".join(words)
        # "Prime Minister Robert Golob of the Republic of Slovenia"
        tail = m.string[m.end():m.end() + 80]
        after = _OF_PLACE_AFTER.match(tail)
        if not country and after:
            country = gazetteer.country_of(clean(after.group(1)))
        if at is None:
            at = m.start() if m.string is self.cast.text else 10**9
        roles = frozenset()
        adj = [w for w in clean(m.group("adj") or "").split() if len(w) > 1 and w not in STOP_CAPS]
        if adj:  # "Indiana Gov. Mike Pence": also "the Indiana governor"
            roles = frozenset(f"{' '.join(adj).lower()} {r}" for r in title_roles(m.group("title")))
        return self.add_person(name, country=country, title=m.group("title"), at=at, roles=roles)

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
        self.add_person(" ".join(tokens), country=country, title=m.group("title"), at=before.start())

    def discover(self) -> None:
        """Everyone the title and the text introduce, before any sentence is read."""
        cast, text = self.cast, self.cast.text
        for m in titled_names(cast.title):
            self.introduce(m, at=10**9)
        first_line = text.find("\n") % (len(text) + 1)  # (the whole text when it is one line)
        headline: bool | None = None  # whether the first line is in title case: read once, when first asked
        for m in titled_names(text):
            if m.start() < first_line and headline is None:
                headline = cast.lexis.title_case(0, first_line)
            if m.start() < first_line and headline \
                    and not any(cast.lexis.named_elsewhere(w) for w in name_tokens(m.group("name"))[-1:]):
                continue  # "Retired General Reveals …": in a title-case headline, a capital tells nothing
            self.introduce(m)
            if m.group("title")[-1] == ".":
                for more in coordinated_after(text, m, cast.lexis):  # "Sens. Jo Park and Tom Hale"
                    self.add_person(" ".join(more.words), title=m.group("title"), at=more.start)
        for m in untitled_subjects(text):
            words = m.group("name").split()
            surname = len(words) == 2 and (country_surname(*words) or title_surname(*words))
            if any(w in STOP_CAPS or (w.lower() in TITLE_WORDS or gazetteer.is_country_word(w)) and not surname
                   or w in NON_NAME_WORDS for w in words) or cast.common_words(words):
                continue
            if cast.lexis.loose_first(words):
                words.pop(0)  # "Rival Hillary Clinton had …": "Rival" is capitalised only where sentences begin
            self.add_person(" ".join(words), at=m.start("name"))
        for m in TITLE_AFTER.finditer(text):
            self._introduce_before_title(m)
        for m in COUNTERPART.finditer(text):
            tokens = name_tokens(m.group("name"))
            if len(tokens) >= 2:
                adj = MODIFIERS_BEFORE.search(text, max(0, m.start() - 40), m.start())
                country = country_in(adj.group().strip()) if adj else None
                self.add_person(" ".join(tokens), country=country, at=m.start("name"))
        for m in DOC_TITLE.finditer(text):
            doc = trim_title(m.group())
            if len(doc.split()) >= 4:
                cast.doc_mentions.append((m.start(), doc))

    def new_person(self, words: list[str] | tuple[str, ...]) -> Person:
        """Someone a sentence names as its subject, with the gender and roles the article gives
        them where it names them (:func:`.people.describe`)."""
        gender, roles = self.cast.lexis.describe(words)
        return self.add_person(" ".join(words), gender=gender, roles=roles)

    def place(self) -> None:
        """Where the article names each person, and the gender the pronouns after lone mentions
        give: read once, when a pronoun or a shared name first needs it."""
        if self.placed:
            return
        self.placed = True
        text = self.cast.text
        owners: dict[str, list[int]] = {}
        for i, p in enumerate(self.people):
            for t in p.tokens:
                if len(t) > 1 and t[0].isupper() and t.lower() not in TITLE_WORDS:
                    owners.setdefault(t, []).append(i)
        if not owners:
            return
        hits: list[tuple[int, int, int]] = []  # (start, end, person)
        last_at: dict[int, int] = {}
        covered = -1
        for start, word in occurrences(text, owners):
            if start < covered:
                continue  # inside a longer word found at the same place
            end = covered = start + len(word)
            who = owners[word]
            if len(who) > 1:
                who = disambiguate(text, start, who, self.people, hits, last_at)
            if len(who) != 1:
                continue
            i = who[0]
            if hits and hits[-1][2] == i and text[hits[-1][1]:start].strip() in ("", "."):
                hits[-1] = (hits[-1][0], end, i)  # the next word of the same name
                continue
            hits.append((start, end, i))
            last_at[i] = start
        votes: dict[int, list[str]] = {}
        for k, (start, end, i) in enumerate(hits):
            limit = hits[k + 1][0] if k + 1 < len(hits) else len(text)
            vote = pronoun_after(text, end, limit)
            if vote:
                votes.setdefault(i, []).append(vote)
        for i, p in enumerate(self.people):
            mentions = tuple(start for start, _, j in hits if j == i)
            gender = p.gender or majority(votes.get(i, []))
            if mentions != p.mentions or gender != p.gender:
                self._update(i, replace(p, mentions=mentions, gender=gender))


@lru_cache(maxsize=1 << 12)
def _lowered(tokens: frozenset[str]) -> frozenset[str]:
    """A person's name words in lower case (the same people are looked up sentence after sentence)."""
    return frozenset(t.lower() for t in tokens)


def title_fits(held: str, called: str) -> bool:
    """Whether a person with the title ``held`` ("Foreign Minister", "President of Russia") may be
    the one ``called`` so ("minister", "foreign minister", "president"; not "prime minister")."""
    words = held.lower().replace(".", "").split()
    if all(w in HONORIFICS or w in _ADDRESS_WORDS for w in words):
        return True  # "Mr", "Madam": a form of address, not a title the call can contradict
    return f" {called.lower()} " in f" {' '.join(words)} "


_ADDRESS_WORDS = lexicon.words("salutation_words") | {"dr"}
