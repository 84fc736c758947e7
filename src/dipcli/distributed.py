"""Run the per-article analysis and the corpus counts on a Dask cluster.

Optional: needs ``pip install 'dipcli[dask]'``. Dask is imported inside the
functions, so the rest of dipcli neither needs nor loads it.

``scheduler="local"`` starts a :class:`distributed.LocalCluster` of two worker
processes for the run; anything else is the address of a running scheduler
(``tcp://host:8786``), whose workers must have dipcli installed. Articles are
read on the client and sent in bounded batches (the same batching and ordering
as ``--jobs``, see :mod:`dipcli.parallel`), so output is identical to a
single-process run.
"""
from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .model import Analysed, DipError

MISSING = "--scheduler needs the optional Dask extra: pip install 'dipcli[dask]'"
LOCAL_WORKERS = 2
#: How long to keep trying a scheduler address.
CONNECT_TIMEOUT = "10s"
#: Batches in flight per worker.
WINDOW_PER_WORKER = 2
#: Claims per batch for :func:`term_counts_dask`.
CLAIMS_PER_BATCH = 2000


@contextmanager
def connect(scheduler: str):
    """A Dask client for ``scheduler`` ('local' or an address), closed on exit.

    Raises:
        DipError: Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DipError(MISSING) from None
    cluster = None
    try:
        if scheduler == "local":
            with warnings.catch_warnings():
                # Without a dashboard the scheduler still serves health checks over
                # HTTP, on port 8787 when free; another port is as good.
                warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
                cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        if cluster is not None:
            cluster.close()
        raise DipError(f"cannot connect to the Dask scheduler {scheduler!r}: {err}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _window(client) -> int:
    workers = len(client.scheduler_info().get("workers", {}))
    return WINDOW_PER_WORKER * max(workers, 1)


def iter_analysed_dask(paths: Sequence[str], *, on_error: Callable[[DipError], None], scheduler: str | None = None,
                       client=None, max_bytes: int | None = None) -> Iterator[Analysed]:
    """Analysed articles from ``paths``, computed on Dask, in input order.

    Args:
        paths: As for :func:`dipcli.load.iter_articles` (empty: bundled corpus).
        scheduler: ``"local"`` for a two-process local cluster, else a
            scheduler address; connected for this call only.
        client: A connected client to use instead (see :func:`connect`).
        on_error: Receives each input problem; loading goes on.
        max_bytes: Largest file read (default: the loader's).

    Yields:
        The same records as :func:`dipcli.pipeline.iter_analysed` without a
        cache (stance and other per-claim analyses are left to the caller).

    Raises:
        DipError: Dask is missing or the scheduler cannot be reached.

    Example:
        >>> for item in iter_analysed_dask(["corpus/"], scheduler="local", on_error=print):
        ...     print(item.article.doc, len(item.claims))
    """
    from .load import DEFAULT_MAX_BYTES, iter_articles
    from .parallel import analyse_batch, ordered_batches

    if client is None:
        if scheduler is None:
            raise ValueError("iter_analysed_dask needs a scheduler or a client")
        with connect(scheduler) as client:
            yield from iter_analysed_dask(paths, on_error=on_error, client=client, max_bytes=max_bytes)
        return
    articles = iter_articles(paths, on_error=on_error, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    yield from ordered_batches(articles, submit=lambda work: client.submit(analyse_batch, work, pure=False),
                               window=_window(client))


# -- corpus counts ---------------------------------------------------------------------------

@dataclass(slots=True)
class TermCounts:
    """Word-term counts per group, the raw material of keyword scoring.

    Attributes:
        groups: group (speaker label, doc id or "all") -> term key (Snowball
            stem, as in :mod:`dipcli.terms`) -> occurrences in its claims.
        display: term key -> its most common lower-case surface form (ties:
            alphabetically first).
        claims: group -> number of claims counted.
    """

    groups: dict[str, Counter[str]]
    display: dict[str, str]
    claims: dict[str, int]

    def total(self) -> Counter[str]:
        """Counts over all groups."""
        out: Counter[str] = Counter()
        for counts in self.groups.values():
            out.update(counts)
        return out


def count_terms(rows: list[tuple[str, str]]) -> tuple[dict[str, Counter[str]], Counter[tuple[str, str]], Counter[str]]:
    """Count the word terms of ``(group, text)`` rows: the map step, run on a worker.

    Returns:
        Per-group term counts, ``(term, lower-case surface)`` counts and
        per-group row counts.
    """
    from .terms import stop_words, tokens

    stop = stop_words()
    groups: dict[str, Counter[str]] = {}
    forms: Counter[tuple[str, str]] = Counter()
    rows_per_group: Counter[str] = Counter()
    for group, text in rows:
        toks = tokens(text, stop=stop)
        counts = groups.setdefault(group, Counter())
        counts.update(t[2] for t in toks)
        forms.update((t[2], t[3].lower()) for t in toks)
        rows_per_group[group] += 1
    return groups, forms, rows_per_group


def claim_rows(items: Iterable[Analysed], *, by: str) -> Iterator[tuple[str, str]]:
    """``(group, claim text)`` for every claim; ``by`` is "speaker", "doc" or "none"."""
    from .keywords import group_of

    if by not in ("speaker", "doc", "none"):
        raise ValueError(f"by must be speaker, doc or none, not {by!r}")
    for item in items:
        for c in item.claims:
            yield group_of(c, by), c.text


class _Merge:
    """The reduce step: adds per-batch counts into one :class:`TermCounts`."""

    def __init__(self) -> None:
        self.groups: dict[str, Counter[str]] = {}
        self.forms: Counter[tuple[str, str]] = Counter()
        self.claims: Counter[str] = Counter()

    def add(self, part) -> None:
        groups, forms, claims = part
        for group, counts in groups.items():
            self.groups.setdefault(group, Counter()).update(counts)
        self.forms.update(forms)
        self.claims.update(claims)

    def result(self) -> TermCounts:
        best: dict[str, tuple[int, str]] = {}
        for (term, form), n in self.forms.items():
            cur = best.get(term)
            if cur is None or (-n, form) < (-cur[0], cur[1]):
                best[term] = (n, form)
        return TermCounts(groups={g: self.groups[g] for g in sorted(self.groups)},
                          display={t: best[t][1] for t in sorted(best)},
                          claims={g: self.claims[g] for g in sorted(self.claims)})


def term_counts(items: Iterable[Analysed], *, by: str = "speaker") -> TermCounts:
    """:func:`term_counts_dask` in this process (the reference it must equal)."""
    merge = _Merge()
    merge.add(count_terms(list(claim_rows(items, by=by))))
    return merge.result()


def term_counts_dask(items: Iterable[Analysed], client, *, by: str = "speaker") -> TermCounts:
    """Word-term counts per speaker (or doc) with the counting done on Dask workers.

    Claims are streamed to the cluster in batches of ``CLAIMS_PER_BATCH``
    with a bounded number in flight; the client adds up the partial counts, so
    memory holds only the vocabulary, never the corpus. Multiword phrases are
    not counted: finding collocations needs the whole corpus's n-gram
    statistics, which :func:`dipcli.terms.extract` computes in one process.

    Args:
        items: Analysed articles (a generator is fine).
        client: A :class:`distributed.Client` (see :func:`connect`).
        by: "speaker", "doc" or "none" (one group called "all").

    Returns:
        A :class:`TermCounts`, equal to :func:`term_counts` on the same items.
    """
    from collections import deque

    merge = _Merge()
    pending: deque = deque()
    limit = _window(client)
    batch: list[tuple[str, str]] = []
    for row in claim_rows(items, by=by):
        batch.append(row)
        if len(batch) >= CLAIMS_PER_BATCH:
            pending.append(client.submit(count_terms, batch, pure=False))
            batch = []
            while len(pending) >= limit:
                merge.add(pending.popleft().result())
    if batch:
        pending.append(client.submit(count_terms, batch, pure=False))
    while pending:
        merge.add(pending.popleft().result())
    return merge.result()
