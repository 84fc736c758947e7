"""Corpus identities: one person, however each document names them.

Attribution names a speaker as its article does: "Joseph R. Biden" in a
proclamation, "Joe Biden" in a readout, "Biden" in a transcript. Over a corpus
these are one person, and views that count by speaker must count them once.

The evidence is gathered article by article (:class:`Evidence`: claims per name,
the mentions each name was found under, and how each name is written in the
article's running text) and only added up, so the order in which articles
arrive changes nothing. :func:`build` then decides once for the whole corpus:

1. A name is read without its titles and honorifics ("President", "Mr.",
   "H.E."), its generational suffix ("Jr.") and its dots and accents; names
   that read the same are one name ("Mr. Abdullah Abdullah", "Abdullah Abdullah").
2. Full names (a given name and a surname) join when their surnames are equal and
   their first given names agree (equal, an initial, or variants of one name:
   Joe/Joseph, Bill/William, from ``given_name_variants.txt``), and their middle
   names, where both have one, agree too; also when they hold the same words in
   another order ("Kishida Fumio") or one ends the other ("López Obrador").
   A name joins a group only if it agrees with every full name already in it.
3. A surname alone ("Biden", "von der Leyen") joins the full name it is the
   surname of, or that the corpus refers to by it (its mentions: "President Xi"
   for "Xi Jinping").
4. Where several identities would take a name, titles decide ("First Lady Biden"
   is not "President Biden"); otherwise the one with most claims takes it if it
   has at least :data:`DOMINANCE` times the claims of the next, and else the
   name stays an identity of its own: the corpus does not say who it is.

Names are walked in a fixed order (most claims first, then by name), so the same
corpus gives the same identities. Groups and documents are matched by name only.

An identity is shown under the name its people are best known by in the corpus
(the full name with most claims) in the casing most used in running text
("Jean-Pierre", not the "Jean-pierre" a capitals-only transcript label gives;
"von der Leyen"). Its id is that name as a slug, prefixed by its kind
(``person:joseph-r-biden``).

A user's aliases file (:func:`read_aliases`) names identities outright: its names
join the identity it gives, under the display name it gives, before anything
above is decided, and other names may still join them by the rules.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .cues import lowered, unpreceded
from .model import NARRATOR, Analysed, Article, Claim, DipError

PERSON = "person"
#: Claims the identity with most claims needs, against the next, to take a name both could have.
DOMINANCE = 3
#: The id of the narrator's voice.
NARRATOR_ID = NARRATOR

Key = tuple[str, str, str]  # (name as attributed, speaker kind, doc)


@dataclass(slots=True)
class Identity:
    """One speaker across the corpus.

    Attributes:
        id: ``kind:slug`` of the display name (``narrator`` for the narrator).
        name: The display name.
        kind: ``person``, ``group``, ``document`` or ``narrator``.
        names: The names it was attributed under in the documents, most claims first.
        aliases: The words that named it in sentences (``mention``), most frequent first.
        claims: Its number of claims.
    """

    id: str
    name: str
    kind: str
    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    claims: int = 0


NARRATOR_IDENTITY = Identity(id=NARRATOR_ID, name=NARRATOR, kind=NARRATOR)


# -- the words of a name -----------------------------------------------------------------------

_DOTS = re.compile(r"[.\u2024]")


def fold(word: str) -> str:
    """A word as names compare: no case, accents, dots or curly apostrophes."""
    decomposed = unicodedata.normalize("NFKD", word.replace("\u2019", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _DOTS.sub("", plain).casefold()


@cache
def _lists() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str], frozenset[str]]:
    """Titles as folded word tuples (longest first), honorifics, suffixes and particles, folded."""
    from . import lexicon

    titles = {tuple(fold(w) for w in t.split()) for t in lexicon.entries("titles")}
    return (tuple(sorted(titles, key=lambda t: (-len(t), t))),
            frozenset(fold(w) for w in lexicon.entries("honorifics")) | {"the"},
            frozenset(fold(w) for w in lexicon.entries("name_suffixes")),
            frozenset(fold(w) for w in lexicon.entries("name_particles")))


@cache
def _variants() -> dict[str, frozenset[int]]:
    """Given name -> the groups of ``given_name_variants.txt`` it belongs to."""
    from . import lexicon

    out: dict[str, set[int]] = {}
    for i, line in enumerate(lexicon.entries("given_name_variants")):
        for name in line.split():
            out.setdefault(name, set()).add(i)
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class Name:
    """A name's words as names compare, and the words to show.

    Attributes:
        tokens: Folded words without titles, honorifics or suffixes; empty when
            the name is only a title ("Mr. President").
        shown: Those words as written.
    """

    tokens: tuple[str, ...]
    shown: str

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def given(self) -> tuple[str, ...]:
        """The words before the surname that are not particles ("ursula" in "Ursula von der Leyen")."""
        particles = _lists()[3]
        return tuple(t for t in self.tokens[:-1] if t not in particles)

    @property
    def full(self) -> bool:
        return bool(self.given)


@cache
def parse_name(name: str) -> Name:
    """``name`` read as a person's name: titles, honorifics and suffixes set aside."""
    titles, honorifics, suffixes, _ = _lists()
    words = name.split()
    folded = [fold(w) for w in words]
    start, end = 0, len(words)
    while start < end:
        if folded[start] in honorifics:
            start += 1
            continue
        title = next((t for t in titles if tuple(folded[start:start + len(t)]) == t), None)
        if title is None:
            break
        start += len(title)
    while end > start and folded[end - 1].rstrip(",") in suffixes:
        end -= 1
    if end > start and words[end - 1].endswith(","):
        words[end - 1] = words[end - 1].rstrip(",")
        folded[end - 1] = folded[end - 1].rstrip(",")
    tokens = tuple(t for t in folded[start:end] if t)
    return Name(tokens=tokens, shown=" ".join(words[start:end]) if tokens else name)


def _given_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    variants = _variants()
    return bool(variants.get(a, frozenset()) & variants.get(b, frozenset()))


def _ends(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short):] == short


def full_names_agree(a: Name, b: Name) -> bool:
    """Whether two full names can be one person's (rule 2 of the module doc)."""
    if a.tokens == b.tokens or sorted(a.tokens) == sorted(b.tokens):
        return True
    if (_ends(a.tokens, b.tokens) and a.full) or (_ends(b.tokens, a.tokens) and b.full):
        return True
    if a.surname != b.surname:
        return False
    ga, gb = a.given, b.given
    if not _given_agree(ga[0], gb[0]):
        return False
    return not (ga[1:] and gb[1:] and not _given_agree(ga[1], gb[1]))


# -- evidence ----------------------------------------------------------------------------------

def _form_key(text: str) -> str:
    return " ".join(text.split()).casefold()


class Evidence:
    """What identities are decided from, added up article by article (any order gives the same sums).

    A surname said alone is decided per document ("Biden" may be the president in one
    readout and the first lady in another), so the evidence is kept per document.

    Attributes:
        claims: Claims per ``(name, kind, doc)``.
        mentions: Per ``(name, kind, doc)``, how often each mention named it.
        forms: Per person name as shown (case-folded), how often each written form
            of it occurs in the articles' titles and text.
        contexts: Per surname said alone and document ``(folded words, doc)``, the
            capitalised words around it in running text ("President Joe Biden" around
            "Biden"): ``(number of words before it, the folded words with it)`` and their counts.
        titles: Per person name and document ``(folded words, doc)``, the titles written
            right before it in running text ("First Lady" before "Grace Okafor"), and their counts.
    """

    __slots__ = ("claims", "mentions", "forms", "contexts", "titles")

    def __init__(self) -> None:
        self.claims: Counter[Key] = Counter()
        self.mentions: dict[Key, Counter[str]] = {}
        self.forms: dict[str, Counter[str]] = {}
        self.contexts: dict[tuple[tuple[str, ...], str], Counter[tuple[int, tuple[str, ...]]]] = {}
        self.titles: dict[tuple[tuple[str, ...], str], Counter[tuple[str, ...]]] = {}

    def add(self, item: Analysed) -> None:
        """Count ``item``'s claims and read how its people's names are written in it."""
        people: set[str] = set()
        for c in item.claims:
            if c.speaker is None:
                continue
            key = (c.speaker, str(c.speaker_kind), c.doc)
            self.claims[key] += 1
            if c.mention:
                self.mentions.setdefault(key, Counter())[c.mention] += 1
            if key[1] == PERSON:
                people.add(c.speaker)
        if people:
            self._read_text(item.article, people)

    def _read_text(self, article: Article, people: set[str]) -> None:
        names = {parse_name(p) for p in people}
        shown = sorted({n.shown for n in names}, key=lambda s: (-len(s), s))
        words = {_form_key(n.shown): n for n in names if n.tokens}
        plain = all(s.isascii() for s in shown)  # then read in the text in lower case, case minded (cues.lowered)
        pattern = r"(?:" + "|".join(r"\s+".join(map(re.escape, s.split())) for s in shown) + r")(?!\w)"
        lower = re.compile(pattern.lower()) if plain else None
        doc = article.doc
        for text in (article.title or "", article.text):
            low = lowered(text) if plain else None
            for m in unpreceded(re.compile(pattern, re.IGNORECASE), text) if low is None else unpreceded(lower, low):
                form = " ".join(text[m.start():m.end()].split())
                key = _form_key(form)
                self.forms.setdefault(key, Counter())[form] += 1
                name = words.get(key)
                if name is None:
                    continue
                before = _run(text[max(0, m.start() - 60):m.start()], before=True)
                for title in _titles_of(" ".join(before)):
                    self.titles.setdefault((name.tokens, doc), Counter())[title] += 1
                if not name.full:
                    around = before + name.tokens + _run(text[m.end():m.end() + 60], before=False)
                    if len(around) > len(name.tokens):
                        self.contexts.setdefault((name.tokens, doc), Counter())[(len(before), around)] += 1

    def update(self, other: Evidence) -> None:
        """Add ``other``'s counts to these."""
        self.claims.update(other.claims)
        for mine, theirs in ((self.mentions, other.mentions), (self.forms, other.forms),
                             (self.contexts, other.contexts), (self.titles, other.titles)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)


def _run(chunk: str, *, before: bool) -> tuple[str, ...]:
    """The capitalised words (and name particles) right next to a name, up to four, folded;
    punctuation ends the run ("Thank you, Biden" has none before "Biden")."""
    particles = _lists()[3]
    if not chunk or not (chunk[-1] if before else chunk[0]).isspace():
        return ()
    words = chunk.split()
    out: list[str] = []
    for w in (reversed(words) if before else words):
        if len(out) == 4:
            break
        bare = w.rstrip(",;:)\"\u201d'\u2019") if not before else w
        if before and bare != bare.rstrip(",;:)\"\u201d"):
            break  # "you, Biden"
        bare = bare.lstrip("(\"\u201c")
        if not bare or not (bare[0].isupper() or fold(bare) in particles):
            break
        out.append(fold(bare))
        if not before and bare != w:
            break  # "Biden, Joe": the comma ends it
    return tuple(out[::-1]) if before else tuple(out)


def gather(items: Iterable[Analysed]) -> Evidence:
    """The evidence of ``items`` (read once)."""
    ev = Evidence()
    for item in items:
        ev.add(item)
    return ev


# -- deciding ----------------------------------------------------------------------------------

class _Entry:
    """The names that read the same (rule 1), with their counts; a surname alone, per document."""

    __slots__ = ("name", "kind", "keys", "claims", "titles", "refs", "contexts", "first")

    def __init__(self, name: Name, kind: str):
        self.name = name
        self.kind = kind
        self.keys: list[Key] = []
        self.claims = 0
        self.titles: set[tuple[str, ...]] = set()  # titles its mentions and running text give it
        self.refs: set[str] = set()  # one-word names its mentions use ("xi" for "President Xi")
        self.contexts: set[tuple[int, tuple[str, ...]]] = set()  # a surname's words around it (Evidence)
        self.first = ""  # its first key, for a fixed order

    def add(self, key: Key, evidence: Evidence) -> None:
        self.keys.append(key)
        self.claims += evidence.claims[key]
        self.first = min(self.first, key[0] + "\0" + key[2]) if self.first else key[0] + "\0" + key[2]
        for mention in evidence.mentions.get(key, ()):
            self.titles |= _titles_of(mention)
            ref = parse_name(mention).tokens
            if len(ref) == 1:
                self.refs.add(ref[0])
        if self.kind == PERSON and self.name.tokens:
            self.titles.update(evidence.titles.get((self.name.tokens, key[2]), ()))
            if not self.name.full:
                self.contexts.update(evidence.contexts.get((self.name.tokens, key[2]), ()))


class _Cluster:
    __slots__ = ("entries", "claims", "pinned", "order", "fulls")

    def __init__(self, pinned: str | None = None, order: int = 0):
        self.entries: list[_Entry] = []
        self.claims = 0
        self.pinned = pinned
        self.order = order  # when it was made: candidates are weighed in this order
        self.fulls: dict[Name, None] = {}  # its entries' full names, each once

    def add(self, entry: _Entry) -> None:
        self.entries.append(entry)
        self.claims += entry.claims
        if entry.name.full:
            self.fulls[entry.name] = None

    def titles(self) -> set[tuple[str, ...]]:
        return set().union(*(e.titles for e in self.entries)) if self.entries else set()

    def takes_full(self, name: Name) -> bool:
        return bool(self.fulls) and all(full_names_agree(name, f) for f in self.fulls)

    def takes_surname(self, entry: _Entry) -> int:
        """0: it cannot; 1: a full name here has that surname, or is called by it; 2: the
        running text also writes the full name around it ("President Joe Biden")."""
        tokens = entry.name.tokens
        level = 0
        for e in self.entries:
            if e.name.full:
                if any(_covers(e.name.tokens, ctx, len(tokens)) for ctx in entry.contexts):
                    return 2
                if e.name.surname == entry.name.surname or len(tokens) == 1 and tokens[0] in e.refs:
                    level = 1
            elif e.name.tokens == tokens:  # the same surname, in another document
                level = 1
        return level


def _covers(full: tuple[str, ...], context: tuple[int, tuple[str, ...]], size: int) -> bool:
    """Whether the words ``full`` stand in ``context`` around the surname it was read for
    ("Joe Biden" in "President Joe Biden" for "Biden"; not "Joe Biden" in "Joe Biden President Marcos")."""
    at, words = context
    n = len(full)
    return any(words[i:i + n] == full for i in range(max(0, at + size - n), min(at, len(words) - n) + 1))


@cache
def _titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The titles of :func:`_lists` grouped by their first word, each group longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for t in _lists()[0]:
        out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def _titles_of(mention: str) -> set[tuple[str, ...]]:
    by_first = _titles_by_first_word()
    words = tuple(fold(w) for w in mention.split())
    found = set()
    i = 0
    while i < len(words):
        t = next((t for t in by_first.get(words[i], ()) if words[i:i + len(t)] == t), None)
        if t is None:
            i += 1
        else:
            found.add(t)
            i += len(t)
    return found


def _choose(candidates: list[_Cluster], entry: _Entry) -> _Cluster | None:
    """Rule 4: the one cluster to take ``entry``, or None when the corpus does not say."""
    if len(candidates) > 1 and entry.titles:
        titled = [c for c in candidates if c.titles() & entry.titles]
        if titled:
            candidates = titled
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda c: -c.claims)
    if ranked[0].claims >= DOMINANCE * ranked[1].claims:
        return ranked[0]
    return None


class _Clusters:
    """The clusters being built, indexed by the words of their names."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self.by_word: dict[str, dict[int, _Cluster]] = {}

    def new(self, pinned: str | None = None) -> _Cluster:
        cluster = _Cluster(pinned, len(self.all))
        self.all.append(cluster)
        return cluster

    def put(self, cluster: _Cluster, entry: _Entry) -> None:
        cluster.add(entry)
        particles = _lists()[3]  # "al", "de": words too common to find a name by
        for word in (set(entry.name.tokens) | entry.refs) - particles:
            self.by_word.setdefault(word, {})[cluster.order] = cluster

    def sharing(self, words: Iterable[str]) -> list[_Cluster]:
        """The clusters with a name that shares a word (not a particle) with ``words``, in the order
        they were made."""
        found: dict[int, _Cluster] = {}
        for w in words:
            found.update(self.by_word.get(w, {}))
        return [found[k] for k in sorted(found)]


def build(evidence: Evidence, *, aliases: list[tuple[str, list[str]]] | None = None) -> Registry:
    """Decide the corpus's identities from ``evidence`` (see the module doc).

    Args:
        evidence: What :class:`Evidence` gathered over the whole corpus.
        aliases: ``(display name, [names])`` pairs from :func:`read_aliases`; each
            name joins that identity before anything else is decided.

    Returns:
        A :class:`Registry`.
    """
    entries: dict[tuple, _Entry] = {}
    for key in sorted(evidence.claims):
        raw, kind, doc = key
        name = parse_name(raw) if kind == PERSON else Name(tokens=(), shown=raw)
        if not name.tokens:
            ident: tuple = (kind, None, " ".join(fold(w) for w in raw.split()))
        elif name.full:
            ident = (kind, name.tokens)
        else:
            ident = (kind, name.tokens, doc)  # a surname alone: decided per document
        entry = entries.get(ident)
        if entry is None:
            entry = entries[ident] = _Entry(name, kind)
        entry.add(key, evidence)
    order = sorted(entries.values(), key=lambda e: (-e.claims, e.first, e.kind))

    clusters = _Clusters()
    placed: set[int] = set()
    for display, names in aliases or []:
        cluster = clusters.new(pinned=display)
        wanted = {_form_key(n) for n in names} | {_form_key(display)}
        wanted_tokens = {parse_name(n).tokens for n in names} | {parse_name(display).tokens}
        wanted_tokens.discard(())
        for e in order:
            if id(e) not in placed and (any(_form_key(k[0]) in wanted for k in e.keys)
                                        or e.kind == PERSON and e.name.tokens in wanted_tokens):
                clusters.put(cluster, e)
                placed.add(id(e))

    people = [e for e in order if e.kind == PERSON and e.name.tokens and id(e) not in placed]
    for e in people:  # full names first
        if e.name.full:
            candidates = [c for c in clusters.sharing(e.name.tokens) if c.takes_full(e.name)]
            chosen = _choose(candidates, e) or clusters.new()
            clusters.put(chosen, e)
    alone: dict[tuple[str, ...], _Cluster] = {}
    for e in people:  # then surnames alone, document by document
        if e.name.full:
            continue
        levels = [(c, c.takes_surname(e)) for c in clusters.sharing(e.name.tokens[-1:])]
        best = max((level for _, level in levels), default=0)
        chosen = _choose([c for c, level in levels if level == best], e) if best else None
        if chosen is None:
            chosen = alone.get(e.name.tokens) or clusters.new()
            alone.setdefault(e.name.tokens, chosen)
        clusters.put(chosen, e)
    for e in order:
        if e.kind != PERSON or not e.name.tokens:
            if id(e) not in placed:
                clusters.put(clusters.new(), e)
    return Registry([_identity(c, evidence) for c in clusters.all if c.entries], evidence.claims)


def _identity(cluster: _Cluster, evidence: Evidence) -> tuple[Identity, list[Key]]:
    names: Counter[str] = Counter()
    aliases: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    keys = [k for e in cluster.entries for k in e.keys]
    for key in keys:
        names[key[0]] += evidence.claims[key]
        kinds[key[1]] += evidence.claims[key]
        aliases.update(evidence.mentions.get(key, Counter()))
    kind = min(kinds, key=lambda k: (-kinds[k], k))
    if cluster.pinned is not None:
        display = cluster.pinned
    else:
        best = min(cluster.entries, key=lambda e: (not e.name.full, -e.claims, -len(e.name.tokens), e.first))
        raw = min({k[0] for k in best.keys}, key=lambda n: (-names[n], n))
        display = _cased(parse_name(raw).shown, evidence) if kind == PERSON else raw
    ranked_names = [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]
    ranked_aliases = [a for a, _ in sorted(aliases.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Identity(id="", name=display, kind=kind, names=ranked_names, aliases=ranked_aliases,
                    claims=cluster.claims), keys


def _cased(shown: str, evidence: Evidence) -> str:
    """``shown`` in the casing its running-text forms use most (capitals-only forms do not count)."""
    particles = _lists()[3]
    forms = evidence.forms.get(_form_key(shown))
    if not forms:
        return shown

    def fits(form: str) -> bool:
        """Not in capitals only, and every word capitalised but the particles ("von der Leyen")."""
        return any(ch.islower() for ch in form) and all(w[:1].isupper() or fold(w) in particles
                                                        for w in form.split())

    usable = [(n, f) for f, n in forms.items() if fits(f)]
    if not usable:
        return shown
    return min(usable, key=lambda nf: (-nf[0], nf[1]))[1]


# -- the registry ------------------------------------------------------------------------------

def slug(text: str) -> str:
    """``text`` as an id: ASCII letters and digits joined by hyphens, at most 60 characters."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    out = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"
    if len(out) > 60:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:6]
        out = out[:53].rstrip("-") + "-" + digest
    return out


class Registry:
    """The corpus's identities and the way from an attributed name to its identity.

    Attributes:
        identities: Most claims first, then by name.
    """

    def __init__(self, found: list[tuple[Identity, list[Key]]], claims: Counter[Key] | None = None):
        found.sort(key=lambda ik: (-ik[0].claims, ik[0].name, ik[0].kind))
        used: set[str] = set()
        for ident, _ in found:
            base = f"{ident.kind}:{slug(ident.name)}"
            ident.id, n = base, 1
            while ident.id in used:
                n += 1
                ident.id = f"{base}-{n}"
            used.add(ident.id)
        self.identities = [ident for ident, _ in found]
        self._by_doc: dict[Key, Identity] = {}
        totals: Counter[tuple[str, str, str]] = Counter()  # (name, kind, identity id) -> claims
        for ident, keys in found:
            for key in keys:
                self._by_doc[key] = ident
                totals[(key[0], key[1], ident.id)] += (claims or {}).get(key, 0)
        # without its document, a name is the identity most of its claims belong to
        best: dict[tuple[str, str], tuple[int, str]] = {}
        for (name, kind, ident_id), n in sorted(totals.items()):
            if (name, kind) not in best or n > best[(name, kind)][0]:
                best[(name, kind)] = (n, ident_id)
        by_id = {i.id: i for i in self.identities}
        self._by_name: dict[tuple[str, str], Identity] = {pair: by_id[i] for pair, (_, i) in best.items()}

    def of(self, name: str | None, kind: str | None = None, doc: str | None = None) -> Identity:
        """The identity of a speaker attributed as ``name`` in document ``doc`` (``None``: the
        narrator); without ``doc``, the identity most of that name's claims belong to; without
        ``kind``, a person's first, then a group's, then a document's."""
        if name is None:
            return NARRATOR_IDENTITY
        kinds = (str(kind),) if kind is not None else (PERSON, "group", "document")
        for k in kinds:
            found = self._by_doc.get((name, k, doc)) if doc is not None else None
            if found is None:
                found = self._by_name.get((name, k))
            if found is not None:
                return found
        kind = kinds[0]
        found = Identity(id=f"{kind}:{slug(name)}", name=name, kind=kind, names=[name])
        self._by_name[(name, kind)] = found  # a name the evidence never saw: an identity of its own
        return found

    def label(self, record: Claim | object) -> None:
        """Fill a claim's, stance act's or hit's ``speaker_id`` and ``identity`` (None for the narrator)."""
        ident = self.of(record.speaker, getattr(record, "speaker_kind", None), record.doc)
        record.speaker_id = ident.id
        record.identity = None if ident is NARRATOR_IDENTITY else ident.name


def registry_of(items: Iterable[Analysed], *, aliases: list[tuple[str, list[str]]] | None = None,
                label: bool = False) -> Registry:
    """The identities of ``items``; with ``label``, each of their claims labelled with its identity."""
    items = list(items) if label else items
    registry = build(gather(items), aliases=aliases)
    if label:
        for item in items:
            for c in item.claims:
                registry.label(c)
    return registry


# -- the user's aliases ------------------------------------------------------------------------

def read_aliases(path: str) -> list[tuple[str, list[str]]]:
    """A user's aliases file: who is who, as ``(display name, [names])``.

    Two formats, told apart by the extension:

    * TSV (any other extension): one identity a line, its display name then the
      names it goes by, separated by tabs; ``#`` starts a comment line.
    * YAML (``.yaml``, ``.yml``): a mapping of display name to a name or a list of names.

    Raises:
        DipError: the file cannot be read or is not in either format.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise DipError(f"cannot read aliases file {path}: {getattr(err, 'strerror', None) or err}") from None
    out: list[tuple[str, list[str]]] = []
    if p.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            raise DipError(f"{path}: not valid YAML ({' '.join(str(err).split())[:120]})") from None
        if data is None:
            return []
        if not isinstance(data, dict):
            raise DipError(f"{path}: expected a mapping of display name to names")
        for display, names in data.items():
            if isinstance(names, str):
                names = [names]
            if names is None:
                names = []
            if not isinstance(display, str) or not isinstance(names, list) \
                    or not all(isinstance(n, str) for n in names):
                raise DipError(f"{path}: {display!r}: expected a name or a list of names")
            out.append((" ".join(display.split()), [" ".join(n.split()) for n in names if n.strip()]))
        return out
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [" ".join(c.split()) for c in line.split("\t")]
        cells = [c for c in cells if c]
        if not cells:
            continue
        if len(cells) == 1 and "\t" not in line and "  " in line.strip():
            raise DipError(f"{path}:{lineno}: separate the names with tabs")
        out.append((cells[0], cells[1:]))
    return out
