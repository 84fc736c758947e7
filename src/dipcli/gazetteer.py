"""World knowledge for attribution and stance: countries, organisations, proper nouns.

The facts live in two tab-separated tables shipped with the package:

* ``data/countries.tsv``: ``name iso3 un aliases demonyms capitals seats``, one
  row per UN member or observer state plus a few other commonly named entities
  (Taiwan, Kosovo, Hong Kong, ...) and former states (Soviet Union, ...).
  ``seats`` are seat-of-government metonyms such as ``Kremlin`` or
  ``White House``.
* ``data/organizations.tsv``: ``name aliases kind``, where kind is one of
  organization, alliance, grouping, treaty, initiative, agency or region.

Multi-valued cells are ``|``-separated.  A form that names two different
things (``Congolese``) is dropped from every lookup rather than guessed.

Tables are read once, on first use, and the matcher is compiled on first use,
so importing this module is cheap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

__all__ = [
    "Entity",
    "capital_country",
    "country_of",
    "demonyms",
    "find_entities",
    "is_country_word",
]


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention found by :func:`find_entities`.

    ``kind`` is ``country``, one of the organisation kinds (``organization``,
    ``alliance``, ``grouping``, ``treaty``, ``initiative``, ``agency``) or
    ``name`` for any other proper-noun phrase (regions from the table included,
    with their canonical ``name``).
    """

    start: int
    end: int
    text: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Country:
    name: str
    iso3: str
    un: str  # member | observer | other | former
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Organization:
    name: str
    aliases: tuple[str, ...]
    kind: str


# ---------------------------------------------------------------- data tables

def _rows(filename: str) -> list[list[str]]:
    from importlib import resources  # deferred: only needed once the tables are read

    raw = (resources.files(__package__) / "data" / filename).read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip()]
    return [line.split("\t") for line in lines[1:]]  # first line is the header


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@cache
def _countries() -> tuple[_Country, ...]:
    return tuple(
        _Country(
            name=row[0],
            iso3=row[1],
            un=row[2],
            aliases=_split(row[3]),
            demonyms=_split(row[4]),
            capitals=_split(row[5]),
            seats=_split(row[6]),
        )
        for row in _rows("countries.tsv")
    )


@cache
def _organizations() -> tuple[_Organization, ...]:
    return tuple(
        _Organization(name=row[0], aliases=_split(row[1]), kind=row[2])
        for row in _rows("organizations.tsv")
    )


def _plural(demonym: str) -> str | None:
    """``Russian`` -> ``Russians``, ``Israeli`` -> ``Israelis``; none for ``Chinese`` or ``Dutch``."""
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z", ".")):
        return None
    return demonym + "s"


# Typographic variants that should not make two spellings differ.
_PUNCT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


def _is_abbreviation(form: str) -> bool:
    """Short all-capital forms (``US``, ``U.S.``, ``DPRK``) are matched case-sensitively."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def _country_forms(country: _Country) -> list[tuple[str, bool]]:
    """Every way to name ``country``, each with whether it is a bare demonym."""
    forms: list[tuple[str, bool]] = [(country.name, False)]
    forms += [(alias, False) for alias in country.aliases]
    names = {form for form, _ in forms}
    for demonym in country.demonyms:
        forms.append((demonym, demonym not in names))
        plural = _plural(demonym)
        if plural:
            forms.append((plural, False))  # "the Russians" is a noun, always a mention
    return forms


@dataclass(frozen=True, slots=True)
class _Index:
    exact: dict[str, str]  # form -> canonical, unambiguous forms only
    folded: dict[str, str]  # casefolded form -> canonical, abbreviations excluded
    known_exact: frozenset[str]  # every form, ambiguous ones included
    known_folded: frozenset[str]


def _build_index(pairs: list[tuple[str, str]]) -> _Index:
    exact: dict[str, set[str]] = {}
    folded: dict[str, set[str]] = {}
    for form, name in pairs:
        form = form.translate(_PUNCT)
        exact.setdefault(form, set()).add(name)
        if not _is_abbreviation(form):
            folded.setdefault(form.casefold(), set()).add(name)
    return _Index(
        exact={f: next(iter(n)) for f, n in exact.items() if len(n) == 1},
        folded={f: next(iter(n)) for f, n in folded.items() if len(n) == 1},
        known_exact=frozenset(exact),
        known_folded=frozenset(folded),
    )


@cache
def _country_index() -> _Index:
    pairs = [(form, c.name) for c in _countries() for form, _ in _country_forms(c)]
    return _build_index(pairs)


@cache
def _capital_index() -> _Index:
    pairs = [(place, c.name) for c in _countries() for place in c.capitals + c.seats]
    return _build_index(pairs)


def prepare() -> None:
    """Build the look-up tables and the entity matcher now rather than at first use."""
    _country_index()
    _capital_index()
    _matcher()
    _word_lists()


# -------------------------------------------------------------- phrase lookup

#: Phrases whose answers each look-up function remembers (attribution asks about
#: the same subjects again and again: "the two sides", "the Chinese president").
LOOKUP_MEMO = 1 << 15

_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = "\"'“”‘’,;:!?"


def _candidates(phrase: str) -> list[str]:
    """The phrase as given, then without a leading article or trailing possessive."""
    text = _SPACES.sub(" ", phrase.translate(_PUNCT)).strip().strip(_EDGE_PUNCT).strip()
    out = [text]
    if text.endswith("'s"):
        out.append(text[:-2])
    elif text.endswith("'") and not text.endswith("''"):
        out.append(text[:-1])
    if text.endswith(".") and not text.endswith(".."):
        out.append(text[:-1])  # "China." but "U.S." is tried as it is first
    for form in list(out):
        if form[:4].lower() == "the ":
            out.append(form[4:])
    return [form for form in out if form]


def _lookup(index: _Index, phrase: str) -> str | None:
    candidates = _candidates(phrase)
    for form in candidates:
        if form in index.exact:
            return index.exact[form]
    for form in candidates:
        hit = index.folded.get(form.casefold())  # abbreviations are not in ``folded``
        if hit is not None:
            return hit
    return None


@lru_cache(maxsize=LOOKUP_MEMO)
def country_of(phrase: str) -> str | None:
    """Return the canonical country a name, alias, demonym or abbreviation refers to.

    Case is ignored except for short all-capital abbreviations, so ``"US"``
    matches and ``"us"`` does not.  A leading "the" and a trailing possessive
    are ignored.  Forms shared by two countries (``"Congolese"``) give None.

    Args:
        phrase: For example ``"the Russian Federation"``, ``"Chinese"`` or ``"U.S."``.

    Returns:
        The canonical name (``"Russia"``, ``"China"``, ``"United States"``) or None.

    Example:
        >>> country_of("People's Republic of China")
        'China'
    """
    return _lookup(_country_index(), phrase)


@lru_cache(maxsize=LOOKUP_MEMO)
def capital_country(word: str) -> str | None:
    """Return the country whose capital or seat of government ``word`` names.

    Seats are metonyms used for governments, such as ``Kremlin``,
    ``White House`` or ``Downing Street``.

    Example:
        >>> capital_country("Beijing")
        'China'
    """
    return _lookup(_capital_index(), word)


def place_country(phrase: str) -> str | None:
    """The country ``phrase`` names, or whose capital or seat it names ("Seoul" -> South Korea)."""
    return country_of(phrase) or capital_country(phrase)


def filed_at(place: str, text: str) -> bool:
    """Whether ``place`` (in title case) before a colon that opens a story is where it was filed
    ("ISLAMABAD: …"): a country or a capital the gazetteer knows, or a place ``text`` writes after
    "in", "at" or "from" ("… arrived in Karachi"); not "UPDATE:" or a speaker's label."""
    return place_country(place) is not None or re.search(rf"\b(?:in|at|from)\s+{re.escape(place)}\b", text) is not None


def demonyms(country: str) -> tuple[str, ...]:
    """Return the demonyms and adjectives of a country, in table order.

    ``country`` may be any form :func:`country_of` accepts; unknown gives ``()``.

    Example:
        >>> demonyms("China")
        ('Chinese',)
    """
    name = country_of(country)
    for row in _countries():
        if row.name == name:
            return row.demonyms
    return ()


@lru_cache(maxsize=LOOKUP_MEMO)
def is_country_word(word: str) -> bool:
    """Tell whether ``word`` is a name, alias or demonym of some country.

    Unlike :func:`country_of` this is also true for forms shared by two
    countries, such as ``"Congolese"``.
    """
    index = _country_index()
    for form in _candidates(word):
        if form in index.known_exact:
            return True
        if form.casefold() in index.known_folded:
            return True
    return False


# ------------------------------------------------------------- entity finding

# Flags stored with each table entry: how much context a match needs.
_PLAIN, _DEMONYM, _SHOUTABLE = 0, 1, 2
_AMBIGUOUS = object()


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    kind: str
    flag: int


@dataclass(frozen=True, slots=True)
class _Words:
    """The word lists of :func:`find_entities` (data/lexicon), read at first use."""

    stop: frozenset[str]  # capitalised words that split runs and are never entities
    months: frozenset[str]  # kept inside runs ("Theresa May"), but a lone month or a date is no name
    lone_noise: frozenset[str]  # no name when alone ("in Northern Israel", "in English")
    connectors: frozenset[str]  # lower-case words allowed between two capitalised words of one name
    possessive_heads: frozenset[str]  # words after which "'s" stays inside a name (People's Liberation Army)
    abbreviations: frozenset[str]  # whose full stop does not end a name (St. Petersburg, Gen. Gerasimov)


@cache
def _word_lists() -> _Words:
    from . import lexicon

    days = lexicon.words("weekdays") | (lexicon.words("weekday_abbreviations") - {"Sat", "Sun"})  # Sun Weidong
    particles = lexicon.words("name_particles")
    return _Words(
        stop=lexicon.words("name_stop_words") | days,
        months=lexicon.words("months") | lexicon.words("month_abbreviations"),
        lone_noise=lexicon.words("not_names_alone"),
        connectors=frozenset(("of", "for", "on", "and", "the")) | particles,
        possessive_heads=lexicon.words("possessive_name_words"),
        abbreviations=lexicon.words("name_abbreviations"),
    )


# Adverbs opening a sentence ("Unfortunately", "Originally") are no names either.
_ADVERB_ENDINGS = ("ally", "ously", "ively", "fully", "ately", "edly", "ingly", "ntly", "arly",
                   "ctly", "stly", "ssly", "nkly")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_INLINE_GAP = re.compile(r"[^\S\n]*(?:\n[^\S\n]*)?")  # whitespace holding at most one line break
_STEP = re.compile(r"([^\S\n]*(?:\n[^\S\n]*)?)(\w+|[^\w\s])")  # gap, then one token
_NEXT_WORD = re.compile(r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+|-)\w")
# After a demonym: one space and a capitalised word ("… Syrian Dialogue Congress").
_NEXT_CAPITAL = re.compile(r" [A-Z]")
_NEXT_CAPS = re.compile(r"[^\w\n]{0,3}(\w+)")
_PREV_CAPS = re.compile(r"(\w+)[^\w\n]{0,3}$")
_DIGIT_HEAD = re.compile(r"\d")


def _upper_class() -> str:
    """A character class of every upper- and title-case letter in the Basic Multilingual Plane."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        char = chr(code)
        if char.isupper() or char.istitle():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = [
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    ]
    return "[" + "".join(parts) + "]"


@dataclass(frozen=True, slots=True)
class _Matcher:
    words: re.Pattern[str]  # capitalised words and the few lower-case table starts
    root: dict[str, dict]  # first token (exact) -> trie node
    root_upper: dict[str, dict]  # FIRST TOKEN IN CAPITALS -> trie node
    depth: int


def _table_entries() -> list[tuple[str, _Entry]]:
    entries: list[tuple[str, _Entry]] = []
    for country in _countries():
        for form, bare in _country_forms(country):
            flag = _DEMONYM if bare else _PLAIN
            if flag == _PLAIN and _is_abbreviation(form) and "." not in form:
                flag = _SHOUTABLE
            entries.append((form, _Entry(country.name, "country", flag)))
    for org in _organizations():
        kind = "name" if org.kind == "region" else org.kind
        for form in (org.name, *org.aliases):
            flag = _SHOUTABLE if _is_abbreviation(form) and "." not in form else _PLAIN
            entries.append((form, _Entry(org.name, kind, flag)))
    return entries


def _tokens(form: str) -> list[str]:
    """Trie keys for ``form``: the first token as written, the rest casefolded.

    A key starts with a space when whitespace precedes its token, so "U.S."
    and "U. S." are different paths.
    """
    keys: list[str] = []
    end = 0
    for match in _TOKEN.finditer(form.translate(_PUNCT)):
        token = match.group()
        if keys:
            token = token.casefold()
            if match.start() > end:
                token = " " + token
        keys.append(token)
        end = match.end()
    return keys


@cache
def _matcher() -> _Matcher:
    root: dict[str, dict] = {}
    depth = 0
    for form, entry in _table_entries():
        if form.startswith("The ") and form[4:5].isupper():
            continue  # "The Gambia" is found as "Gambia"; keeps "The" off the hot path
        keys = _tokens(form)
        depth = max(depth, len(keys))
        node = root
        for key in keys:
            node = node.setdefault(key, {})
        old = node.get("")
        if old is None or old == entry:
            node[""] = entry
        elif isinstance(old, _Entry) and old.name == entry.name and old.kind == entry.kind:
            node[""] = _Entry(entry.name, entry.kind, min(old.flag, entry.flag))
        else:
            node[""] = _AMBIGUOUS
    root_upper: dict[str, dict] = {}
    for first in sorted(root):
        if not first.isupper():
            root_upper.setdefault(first.upper(), root[first])
    specials = sorted(
        (re.escape(first) for first in root if not first[0].isupper()), key=lambda s: (-len(s), s)
    )
    # group 1: a capitalised word with its "'an" / "-19" tails, group 2: its first token,
    # group 3: a lower-case or numeric first token of a table form ("al-Qaeda", "2030 Agenda")
    pattern = rf"(?<!\w)(?:(({_upper_class()}\w*)(?:['’](?![sS](?!\w))\w+|-\d\w*)*)"
    if specials:
        pattern += rf"|({'|'.join(specials)})(?!\w)"
    pattern += ")"
    return _Matcher(words=re.compile(pattern), root=root, root_upper=root_upper, depth=depth)


def _walk(node: dict, text: str, pos: int, depth: int) -> tuple[object, int] | None:
    """Longest table form continuing from trie ``node`` at ``pos``: (entry, end), or None."""
    best = (node[""], pos) if "" in node else None
    step = _STEP.match
    for _ in range(depth):
        match = step(text, pos)
        if match is None:
            break
        token = match.group(2)
        key = token.casefold() if len(token) > 1 else token.translate(_PUNCT).casefold()
        if match.start(2) > pos:
            key = " " + key
        node = node.get(key)
        if node is None:
            break
        pos = match.end()
        if "" in node:
            best = (node[""], pos)
    return best


def _shouting(m: _Matcher, text: str, start: int, end: int) -> bool:
    """True when a short abbreviation sits between two capitalised ordinary words (LET US GO)."""
    before = _PREV_CAPS.search(text, max(0, start - 12), start)
    after = _NEXT_CAPS.match(text, end)
    if before is None or after is None:
        return False
    return all(
        len(word) > 1 and word.isalpha() and word.isupper() and word not in m.root
        for word in (before.group(1), after.group(1))
    )


def _gap_joins(gap: str, last_word: str, and_ok: bool, w: _Words) -> tuple[bool, bool, bool]:
    """Whether ``gap`` may sit inside a name after ``last_word``.

    Also tells whether the gap holds "of"/"for"/"on" and whether it holds "and".
    """
    if not gap:
        return False, False, False
    if gap.isspace():
        return gap.count("\n") <= 1, False, False
    gap = gap.translate(_PUNCT)
    if gap == "-":
        return True, False, False
    if gap in ("'s ", "' "):
        return last_word in w.possessive_heads, False, False
    if gap in (". ", "."):
        return len(last_word) == 1 or last_word in w.abbreviations, False, False
    if gap.count("\n") > 1 or not gap[0].isspace():
        return False, False, False
    parts = gap.split()
    if not parts or len(parts) > 3:
        return False, False, False
    glued = not gap[-1].isspace()  # "al-Assad", "d'Estaing"
    if glued and not parts[-1].endswith(("-", "'")):
        return False, False, False
    words = [p[:-1] if glued and i == len(parts) - 1 else p for i, p in enumerate(parts)]
    if words[0] == "the" or any(word not in w.connectors for word in words):
        return False, False, False
    has_and = "and" in words
    if has_and and not and_ok:
        return False, False, False
    return True, any(word in ("of", "for", "on") for word in words), has_and


def _is_stop(word: str, stop: frozenset[str]) -> bool:
    """A stop word in capitals or with a typographic apostrophe, or a sentence adverb."""
    if word.isupper():
        return len(word) > 1 and word.capitalize() in stop
    if "\u2019" in word:
        return word.replace("\u2019", "'") in stop
    return len(word) >= 7 and word.endswith(_ADVERB_ENDINGS) and word.isalpha()


def _flush(run: list[tuple[int, int]], text: str, out: list[Entity], w: _Words) -> None:
    """Emit the pending run of capitalised words as a ``name`` entity, without dates."""
    if text[run[0][0]:run[0][1]] in w.months and (len(run) == 1 or _digit_after(text, run[0][1])):
        del run[0]  # "March 22", "May"
    if len(run) > 1 and text[run[-1][0]:run[-1][1]] in w.months and _digit_after(text, run[-1][1]):
        del run[-1]  # "... Xi Jinping March 5"
    if len(run) == 1 and text[run[0][0]:run[0][1]] in w.lone_noise:
        del run[0]
    if run:
        start, end = run[0][0], run[-1][1]
        phrase = text[start:end]
        name = _SPACES.sub(" ", phrase) if len(run) > 1 else phrase
        out.append(Entity(start, end, phrase, name, "name"))
        run.clear()


def _digit_after(text: str, end: int) -> bool:
    return _DIGIT_HEAD.match(text, _INLINE_GAP.match(text, end).end()) is not None


def find_entities(text: str) -> list[Entity]:
    """Find countries, organisations and other proper-noun phrases in ``text``.

    * Table forms (country names and aliases, organisations, treaties,
      initiatives, regions) win, longest first, left to right.  The first word
      must be written as in the table or in capitals; later words may differ
      in case ("Paris Climate Agreement").  A leading "The" is not part of a
      country ("The Gambia" gives "Gambia").
    * A demonym (``Chinese``, ``Russian``) counts as a mention of its country
      only when it modifies something, i.e. a word follows: ``Chinese side``,
      ``Russian President``, ``Sino-Russian``.  A bare demonym ("spoke in
      Chinese.") is no entity at all.  Plurals (``the Russians``) always count.
    * Short capital abbreviations (``US``, ``UN``) are ignored between two
      capitalised ordinary words ("LET US GO").
    * Any other run of capitalised words is a ``name`` entity.  Inside a run
      are allowed: "of", "for", "on", name particles (de, von, al-), hyphens,
      initials ("John F. Kennedy"), "and" once the run holds "of"/"for"/"on"
      ("Ministry of Commerce and Industry"), "the" after another connector,
      and "'s" after words such as People.  Function words, forms of address,
      sentence-opening adverbs and day names ("The", "In", "Mr", "Finally",
      "Monday") split runs and are never entities; a lone month or a date
      ("May", "March 22") is none either.

    Args:
        text: Any text; offsets index into it.

    Returns:
        Non-overlapping entities sorted by start, with ``text[e.start:e.end] == e.text``.

    Example:
        >>> [(e.text, e.name) for e in find_entities("The U.S. and the PRC met.")]
        [('U.S.', 'United States'), ('PRC', 'China')]
    """
    m = _matcher()
    root, root_upper, depth = m.root, m.root_upper, m.depth
    w = _word_lists()
    stop = w.stop
    out: list[Entity] = []
    run: list[tuple[int, int]] = []  # the pending capitalised words of one name
    # "and" joins a run once, soon after "of"/"for"/"on": "Ministry of Commerce and Industry"
    # but not "Secretary of State Antony Blinken and Foreign Minister ...".
    since_of = -1  # words since the run's last "of"/"for"/"on"; -1 before any
    and_used = False
    covered = 0  # end of the last table match
    for word in m.words.finditer(text):
        start = word.start()
        if start < covered:
            continue
        first = word.group(2) or word.group(3)
        node = root.get(first)
        if node is None and len(first) > 1 and first.isupper():
            node = root_upper.get(first)
        if node is not None:
            hit = _walk(node, text, start + len(first), depth)
            if hit is not None:
                entry, end = hit
                if entry.flag == _DEMONYM and run and start - run[-1][1] == 1 and text[start - 1] == " " \
                        and _NEXT_CAPITAL.match(text, end):
                    hit = None  # "the National Syrian Dialogue Congress": a demonym inside a longer name
            if hit is not None:
                if entry is _AMBIGUOUS or (
                    entry.flag == _DEMONYM and _NEXT_WORD.match(text, end) is None
                ):
                    if run:  # a bare or ambiguous country word is no name either
                        _flush(run, text, out, w)
                    covered = end
                    continue
                if entry.flag != _SHOUTABLE or not _shouting(m, text, start, end):
                    if run:
                        _flush(run, text, out, w)
                    out.append(Entity(start, end, text[start:end], entry.name, entry.kind))
                    covered = end
                    continue
        whole = word.group(1)
        if whole is None:
            continue  # a lower-case table start ("al-") that matched nothing
        if whole in stop or _is_stop(whole, stop):
            if run:
                _flush(run, text, out, w)
            continue
        if run:
            last_start, last_end = run[-1]
            if start - last_end == 1 and text[last_end] == " ":
                joins = True
            elif start - last_end <= 24:
                and_ok = 0 <= since_of <= 2 and not and_used
                joins, has_of, has_and = _gap_joins(
                    text[last_end:start], text[last_start:last_end], and_ok, w
                )
                if joins and has_of:
                    since_of = 0
                and_used = and_used or (joins and has_and)
            else:
                joins = False
            if not joins:
                _flush(run, text, out, w)  # run is not empty here
        if not run:
            since_of, and_used = -1, False
        elif since_of >= 0:
            since_of += 1
        run.append((start, word.end()))
    if run:
        _flush(run, text, out, w)
    return out
