"""The Python API: load or analyse texts, then claims, speakers, stance, keywords, topics, KWIC.

Everything here is re-exported by the package (``dipcli.analyse``, ``dipcli.load``, …),
lazily, so ``import dipcli`` stays cheap. The names are not those of the package's
modules (``find_stances``, not ``stance``), so ``from dipcli import stance`` still
gives the module; ``dipcli.load`` is the function (the module is ``dipcli.load``
in ``sys.modules``, for ``from dipcli.load import …``). Results are the records the command line
writes (dataclasses from :mod:`dipcli.model`); :func:`to_records` turns any of them
into plain dicts, which ``pandas.DataFrame(records(...))`` takes as they are.
Offsets are 0-based, end-exclusive character offsets into ``article.text``.

Example:
    >>> import dipcli
    >>> doc = dipcli.analyse("Foreign Minister Ana Lindqvist said the talks were useful.", title="Talks")
    >>> doc.claims[0].speaker
    'Ana Lindqvist'
    >>> docs = dipcli.load("corpus/")
    >>> rows = dipcli.to_records(dipcli.find_stances(docs))
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from os import PathLike
from typing import Any

from .model import Analysed, Claim, DipError, Keyword, KwicHit, Speaker, Stance, Topic

Items = Iterable[Analysed] | Analysed


def analyse(text: str, *, doc: str = "text", title: str | None = None, date: str | None = None,
            source: str | None = None, place: str | None = None, category: str | None = None,
            url: str | None = None) -> Analysed:
    """Segment one text into sentences and attribute each (a claim) to its speaker.

    The text is read as the command line reads a file: plain text (hard-wrapped
    lines joined, a dateline read), Markdown with front matter or HTML. Metadata
    given here overrides what was found in the text.

    Args:
        text: The article.
        doc: The article's id in the records.
        title: Title. date: Publication date (ISO 8601 where it can be read).
        source: Outlet. place: Dateline place. category: Section. url: Address.

    Returns:
        The analysed article: ``.article`` (its ``.text`` is what offsets refer
        to), ``.paragraphs`` and ``.claims``.

    Raises:
        DipError: empty or text-less input, or input holding several articles
            (JSON Lines: use :func:`load`).

    Example:
        >>> analyse("President Amara Okafor said Ghana supports the plan.").claims[0].speaker
        'Amara Okafor'
    """
    from .core import analyse as analyse_article
    from .load import parse_bytes

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    found = parse_bytes(text.encode("utf-8", "surrogatepass"), name=doc, doc=doc)
    if len(found) != 1:
        raise DipError(f"{doc}: {len(found)} articles in one text; use dipcli.load for JSON Lines")
    [article] = found
    from dataclasses import replace

    given = {"title": title, "date": date, "source": source, "place": place, "category": category, "url": url}
    article = replace(article, **{k: v for k, v in given.items() if v is not None})
    item = analyse_article(article)
    find_identities(item)
    return item


def load(*paths: str | PathLike[str], cache: bool = True, jobs: int = 1,
         on_error: Callable[[DipError], None] | None = None) -> list[Analysed]:
    """Read files or folders (recursively) and analyse every article in them.

    Args:
        paths: Files and folders; none: the bundled corpus.
        cache: Read and write the parse cache (as the command line does).
        jobs: Worker processes (same results whatever the number).
        on_error: Called with each input that cannot be read; by default the
            first one raises.

    Returns:
        The analysed articles, in input order.

    Raises:
        DipError: an input that cannot be read (unless ``on_error`` is given).

    Example:
        >>> docs = load("readouts/", "statement.md")
    """
    from .pipeline import iter_analysed

    def raise_it(err: DipError) -> None:
        raise err

    docs = list(iter_analysed([str(p) for p in paths], on_error=on_error or raise_it, use_cache=cache, jobs=jobs))
    find_identities(docs)
    return docs


def _items(items: Items) -> list[Analysed]:
    return [items] if isinstance(items, Analysed) else list(items)


def find_identities(items: Items, *, aliases: str | PathLike[str] | None = None):
    """The corpus identities of the articles (one person's names across them are one identity),
    each claim labelled with its identity's ``speaker_id`` and ``identity``, as the command
    line labels them.

    Args:
        items: Analysed articles (or one): the corpus the identities are decided over.
        aliases: A TSV or YAML file of who is who (see ``--aliases``).

    Returns:
        A :class:`dipcli.identities.Registry`: ``.identities`` (most claims first) and
        ``.of(name, kind, doc)``.
    """
    from .identities import read_aliases, registry_of

    docs = _items(items)
    registry = registry_of(docs, aliases=read_aliases(str(aliases)) if aliases is not None else None)
    for item in docs:
        for c in item.claims:
            registry.label(c)
    return registry


def claims(items: Items, *, speaker: str | None = None) -> list[Claim]:
    """Every claim of the articles, in order, labelled with its corpus identity; with ``speaker``,
    only that speaker's (case-insensitive, the whole name or every word of it, of the name in
    the document or of any name of its identity: ``"okafor"``; ``"narrator"``)."""
    from .corpus import speaker_filter

    docs = _items(items)
    wanted = speaker_filter(speaker, find_identities(docs))
    return [c for item in docs for c in item.claims if wanted(c)]


def list_speakers(items: Items) -> list[Speaker]:
    """Each speaker (a corpus identity): kind, other names and aliases, number and share of claims, cues used."""
    from .speakers import speakers as roll_up

    docs = _items(items)
    return roll_up(docs, registry=find_identities(docs))


def find_stances(items: Items, *, speaker: str | None = None, target: str | None = None) -> list[Stance]:
    """Stance acts (who supports or opposes what), in text order.

    Args:
        items: Analysed articles (or one).
        speaker: Only acts of this speaker (as in :func:`claims`).

    Example:
        >>> rows = to_records(find_stances(docs, target="sanctions"))
        target: Only acts whose target or entities contain this text (any case).
    """
    from .corpus import speaker_filter
    from .stance import find_stances

    docs = _items(items)
    registry = find_identities(docs)
    who = speaker_filter(speaker, registry)
    wanted = target.lower() if target else None
    out = []
    for item in docs:
        for st in find_stances(item):
            registry.label(st)
            if who(st) and (wanted is None or wanted in st.target.lower()
                            or any(wanted in e.lower() for e in st.entities)):
                out.append(st)
    return out


def stance_matrix(acts: Sequence[Stance], *, by: str = "target") -> list[dict[str, Any]]:
    """Support and oppose counts per holder (its speaker's corpus identity when the holder is the
    speaker and the acts were labelled with one) and ``target`` (or ``entity``), as plain dicts."""
    from .corpus import holder_identity
    from .stance import stance_matrix as matrix

    if by not in ("target", "entity"):
        raise ValueError(f"by must be 'target' or 'entity', not {by!r}")
    return matrix(list(acts), by=by, holder_of=holder_identity)


def find_keywords(items: Items, *, by: str = "speaker", top: int = 10, method: str = "logodds") -> list[Keyword]:
    """The terms that set each speaker (``by="doc"``: document; ``"none"``: the whole corpus) apart.

    ``method``: ``logodds`` (weighted log-odds with an informative Dirichlet prior,
    with z-scores), ``tfidf`` or ``frequency``. Groups with few claims are kept;
    a warning (:mod:`warnings`) says which.
    """
    import warnings

    from .keywords import keywords as rank

    docs = _items(items)
    if by == "speaker":
        find_identities(docs)
    rows, notes = rank(docs, by=by, top=top, method=method)
    for note in notes:
        warnings.warn(note, stacklevel=2)
    return rows


def find_topics(items: Items, *, k: int | str = "auto", method: str = "nmf", top_terms: int = 8,
                k_range: tuple[int, int] = (2, 15), random_state: int = 0, speakers: int = 5,
                min_claims: int = 3) -> list[Topic]:
    """Topics over the claims (NMF on weighted counts, or ``method="lda"``), each with its terms,
    shares, coherence and most prevalent speakers; ``k="auto"`` picks the number in ``k_range``
    by coherence (``dipcli topics --by model`` tells why)."""
    from .topics import topics as fit

    found, _, _ = fit(_items(items), k=k, method=method, top_terms=top_terms, k_range=k_range,
                      random_state=random_state, speakers=speakers, min_claims=min_claims)
    return found


def find_kwic(items: Items, term: str, *, window: int = 40, speaker: str | None = None) -> list[KwicHit]:
    """Every occurrence of a word (its inflections too) or phrase, with context on each side."""
    from .corpus import speaker_filter
    from .kwic import kwic as find

    docs = _items(items)
    registry = find_identities(docs)
    hits = find(docs, term, window=window)
    for h in hits:
        registry.label(h)
    wanted = speaker_filter(speaker, registry)
    return [h for h in hits if wanted(h)]


def who_said(items: Items, query: str, *, speaker: str | None = None, top: int = 10) -> list[dict[str, Any]]:
    """Claims ranked by relevance to words or a "quoted phrase" (BM25), as records with a ``score``."""
    from .records import hit_record
    from .search import search

    from .corpus import speaker_filter

    docs = _items(items)
    registry = find_identities(docs)
    return [hit_record(h) for h in search(docs, query, speaker=speaker_filter(speaker, registry) if speaker else None,
                                          top=top)]


def to_records(rows: Iterable[Any] | Analysed) -> list[dict[str, Any]]:
    """Plain dicts (field order kept, nested records as dicts) for pandas, JSON or CSV.

    An analysed article (or a list of them) gives its claims.

    Example:
        >>> import pandas as pd
        >>> pd.DataFrame(to_records(find_stances(docs)))
    """
    from .render import as_dict

    if isinstance(rows, Analysed):
        rows = rows.claims
    out = []
    for row in rows:
        if isinstance(row, Analysed):
            out.extend(as_dict(c) for c in row.claims)
        else:
            out.append(as_dict(row))
    return out
