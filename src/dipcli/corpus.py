"""Runs that need the whole corpus before their first record: corpus identities.

Identities (:mod:`dipcli.identities`) are decided from every article, so a record
can name its speaker's identity only once all articles have been read.
:class:`Corpus` reads the articles once for the evidence and keeps what it built
for the views: in memory while the text stays under :data:`KEEP_CHARS`, the rest
set aside in a private temporary file (pickled and compressed, about 1.1 bytes a
character; up to :data:`SPILL_CHARS` of text), read back in order as often as a
view needs it: no article is analysed twice. Only a corpus larger still is read
again: from the parse cache the first reading filled, or analysed again with
``--no-cache``. Memory stays bounded either way (up to :data:`KEEP_CHARS` of text
and what was built from it), and the output is the same bytes whichever way was
taken.
"""
from __future__ import annotations

import pickle
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator

from .identities import Evidence, Registry, build
from .model import Analysed

#: Text kept in memory between the readings (characters): about 10 bytes of memory per character.
KEEP_CHARS = 20_000_000
#: Text set aside on disk beyond that (characters): a larger corpus is read again instead.
SPILL_CHARS = 1_000_000_000


class _Spill:
    """Analysed articles set aside in an unnamed temporary file (gone when closed or at exit),
    each pickled and compressed, read back in the order they were added. Only this process
    writes and reads it: it holds its own objects, never anything from outside."""

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="dipcli-corpus-")
        self.chars = 0

    def add(self, item: Analysed) -> None:
        blob = zlib.compress(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._file.write(len(blob).to_bytes(8, "little") + blob)
        self.chars += len(item.article.text)

    def __iter__(self) -> Iterator[Analysed]:
        f, pos = self._file, 0
        f.flush()
        while True:  # each reading keeps its own place: two may be under way at once
            f.seek(pos)
            head = f.read(8)
            if len(head) < 8:
                return
            size = int.from_bytes(head, "little")
            blob = f.read(size)
            pos += 8 + size
            yield pickle.loads(zlib.decompress(blob))  # noqa: S301 - written by this process above

    def close(self) -> None:
        self._file.close()


class Corpus:
    """A corpus read once for its identities, then read again as often as a view needs.

    Args:
        read: ``read(first)`` gives the articles in input order; the first reading
            (``first=True``) gives ``(article, stance acts)`` pairs with ``pairs``; it is
            called again with ``first=False`` when the articles were not kept.
        aliases: The user's aliases (:func:`dipcli.identities.read_aliases`).
        keep_chars: Text to keep in memory at most (default :data:`KEEP_CHARS`).
        spill_chars: Text to set aside on disk beyond that, at most (default :data:`SPILL_CHARS`).
        rereadable: False when the input cannot be read twice (standard input): all is kept.
        pairs: The first reading brings each article's stance acts: they go to ``on_entry``.
        on_entry: Called with every entry of the first reading (an article, or a pair).

    Attributes:
        registry: The corpus's identities (:class:`dipcli.identities.Registry`).
        chars: The corpus's text, in characters.
    """

    def __init__(self, read: Callable[[bool], Iterable], *, aliases: list[tuple[str, list[str]]] | None = None,
                 keep_chars: int | None = None, rereadable: bool = True, pairs: bool = False,
                 on_entry: Callable[[object], None] | None = None, spill_chars: int | None = None):
        self._read = read
        if keep_chars is None:
            keep_chars = KEEP_CHARS
        if spill_chars is None:
            spill_chars = SPILL_CHARS
        evidence = Evidence()
        kept: list[Analysed] | None = []
        spill: _Spill | None = None
        chars = 0
        for entry in read(True):
            item = entry[0] if pairs else entry
            evidence.add(item)
            if on_entry is not None:
                on_entry(entry)
            chars += len(item.article.text)
            if kept is None:
                continue
            if not rereadable or chars <= keep_chars:
                kept.append(item)
                continue
            try:
                if spill is None and spill_chars > 0:
                    spill = _Spill()
                if spill is not None and spill.chars + len(item.article.text) <= spill_chars:
                    spill.add(item)
                    continue
            except OSError:  # no room for it: the corpus is read again instead
                pass
            kept = None
            if spill is not None:
                spill.close()
                spill = None
        self.registry: Registry = build(evidence, aliases=aliases)
        self._kept = kept
        self._spill = spill
        self.chars = chars

    @property
    def kept(self) -> bool:
        """Whether every article stayed in memory after the first reading."""
        return self._kept is not None and self._spill is None

    @property
    def spilled(self) -> bool:
        """Whether some were set aside on disk (the rest in memory)."""
        return self._spill is not None

    def items(self) -> Iterator[Analysed]:
        """The articles, every claim labelled with its identity."""
        registry = self.registry
        for item in self._stored():
            for c in item.claims:
                registry.label(c)
            yield item

    def _stored(self) -> Iterator[Analysed]:
        if self._kept is None:
            yield from self._read(False)
            return
        yield from self._kept
        if self._spill is not None:
            yield from self._spill


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
