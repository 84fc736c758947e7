"""Runs that need the whole corpus before their first record: corpus identities.

Identities (:mod:`dipcli.identities`) are decided from every article, so a record
can name its speaker's identity only once all articles have been read.
:class:`Corpus` reads the articles once for the evidence, keeping them while
their text stays under a bound; a corpus that fits is then labelled from memory,
a larger one is read again and labelled as it streams, as often as a view needs
it: from the parse cache the first reading filled (loading the files and
decoding the entries: about what a run with a warm cache costs), or analysed
again with ``--no-cache``. Memory stays bounded either way (up to
:data:`KEEP_CHARS` of text and what was built from it), and the output is the
same bytes whichever way was taken.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .identities import Evidence, Registry, build
from .model import Analysed

#: Text kept in memory between the readings (characters): about 10 bytes of memory per character.
KEEP_CHARS = 20_000_000


class Corpus:
    """A corpus read once for its identities, then read again as often as a view needs.

    Args:
        read: ``read(first)`` gives the articles in input order; the first reading
            (``first=True``) gives ``(article, stance acts)`` pairs with ``pairs``; it is
            called again with ``first=False`` when the articles were not kept.
        aliases: The user's aliases (:func:`dipcli.identities.read_aliases`).
        keep_chars: Text to keep in memory at most (default :data:`KEEP_CHARS`).
        rereadable: False when the input cannot be read twice (standard input): all is kept.
        pairs: The first reading brings each article's stance acts: they go to ``on_entry``.
        on_entry: Called with every entry of the first reading (an article, or a pair).

    Attributes:
        registry: The corpus's identities (:class:`dipcli.identities.Registry`).
        kept: Whether the articles stayed in memory after the first pass.
        chars: The corpus's text, in characters.
    """

    def __init__(self, read: Callable[[bool], Iterable], *, aliases: list[tuple[str, list[str]]] | None = None,
                 keep_chars: int | None = None, rereadable: bool = True, pairs: bool = False,
                 on_entry: Callable[[object], None] | None = None):
        self._read = read
        if keep_chars is None:
            keep_chars = KEEP_CHARS
        evidence = Evidence()
        kept: list[Analysed] | None = []
        chars = 0
        for entry in read(True):
            item = entry[0] if pairs else entry
            evidence.add(item)
            if on_entry is not None:
                on_entry(entry)
            chars += len(item.article.text)
            if kept is not None:
                kept.append(item)
                if rereadable and chars > keep_chars:
                    kept = None
        self.registry: Registry = build(evidence, aliases=aliases)
        self._kept = kept
        self.kept = kept is not None
        self.chars = chars

    def items(self) -> Iterator[Analysed]:
        """The articles, every claim labelled with its identity."""
        registry = self.registry
        for item in self._kept if self._kept is not None else self._read(False):
            for c in item.claims:
                registry.label(c)
            yield item


def tap(items: Iterable, evidence: Evidence, *, pairs: bool = False) -> Iterator:
    """``items`` unchanged, each article added to ``evidence`` on its way (``pairs``: items are
    ``(article, acts)`` pairs)."""
    for entry in items:
        evidence.add(entry[0] if pairs else entry)
        yield entry


def speaker_filter(wanted: str | None, registry: Registry) -> Callable[[object], bool]:
    """The ``--speaker`` test for claims, stance acts and hits: ``wanted`` matches the name the
    record was attributed under or any name of its identity (:func:`dipcli.model.speaker_matches`),
    so "Joe Biden" finds "Biden" and "Joseph R. Biden" when they are one identity."""
    from .model import speaker_matches

    if not wanted:
        return lambda record: True
    decided: dict[tuple, bool] = {}

    def keep(record) -> bool:
        key = (record.speaker, str(getattr(record, "speaker_kind", "")), record.doc)
        found = decided.get(key)
        if found is None:
            if record.speaker is None:
                found = speaker_matches(None, wanted)
            else:
                ident = registry.of(record.speaker, getattr(record, "speaker_kind", None), record.doc)
                found = any(speaker_matches(n, wanted) for n in (record.speaker, ident.name, *ident.names))
            decided[key] = found
        return found

    return keep


def identity_or_narrator(record) -> str:
    """A labelled record's speaker for the roll-ups: its identity's name, ``narrator`` for the narrator."""
    from .model import NARRATOR

    return record.identity or (record.speaker if record.speaker is not None else NARRATOR)


def holder_identity(act, registry: Registry | None = None) -> str:
    """A labelled stance act's holder for the matrix: the identity of its speaker when the holder
    is the speaker (most acts), else with ``registry`` the identity of the holder's name (in
    its article: "Putin" there may be "Vladimir Putin"), else the holder as named; ``narrator``
    for the narrator."""
    from .model import NARRATOR

    if act.holder is None:
        return NARRATOR
    if act.identity and act.holder == act.speaker:
        return act.identity
    if registry is None:
        return act.holder
    return registry.of(act.holder, act.holder_kind, act.doc).name


def holders_of(registry: Registry | None) -> Callable[[object], str]:
    """:func:`holder_identity` with ``registry``, for :func:`dipcli.stance.stance_matrix`."""
    return lambda act: holder_identity(act, registry)


def identified(records: Iterable, items_evidence: Evidence, *, aliases: list[tuple[str, list[str]]] | None = None,
               speaker: str | None = None,
               or_also: Callable[[object], bool] | None = None) -> tuple[list, Registry]:
    """``records`` (stance acts, KWIC hits) labelled with the identities the evidence decides,
    and with ``speaker``, only those of a speaker (:func:`speaker_filter`) or, with ``or_also``,
    those it accepts (a stance act's holder); and the identities (the registry)."""
    registry = build(items_evidence, aliases=aliases)
    out = []
    wanted = speaker_filter(speaker, registry)
    for record in records:
        registry.label(record)
        if wanted(record) or (speaker and or_also is not None and or_also(record)):
            out.append(record)
    return out, registry
