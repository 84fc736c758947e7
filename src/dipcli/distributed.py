"""Run the per-article analysis and the corpus counts on a Dask cluster.

Optional: needs ``pip install 'dipcli[dask]'``. Dask is imported inside the
functions, so the rest of dipcli neither needs nor loads it.

``scheduler="local"`` starts a :class:`distributed.LocalCluster` of two worker
processes for the run; anything else is the address of a running scheduler
(``tcp://host:8786``), whose workers must have dipcli installed. Articles are
read on the client and sent in bounded batches (the same batching and ordering
as ``--jobs``, see :mod:`dipcli.parallel`); the workers segment, attribute and,
when asked, find the stance acts, and output is identical to a single-process
run. The term counts keywords are scored from are map-reduced over batches of
claims (:func:`count_groups_dask`), again equal to one process.
"""
from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .model import Analysed, Article, DipError, Stance

if TYPE_CHECKING:
    from .keywords import GroupCounts

MISSING = "--scheduler needs the optional Dask extra: pip install 'dipcli[dask]'"
LOCAL_WORKERS = 2
#: How long to keep trying a scheduler address.
CONNECT_TIMEOUT = "10s"
#: Batches in flight per worker.
WINDOW_PER_WORKER = 2
#: Claims per batch for :func:`count_groups_dask`.
CLAIMS_PER_BATCH = 5000


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
                                       host="127.0.0.1", dashboard_address=None, silence_logs=logging.CRITICAL)
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


def batches_in_flight(client) -> int:
    """How many batches to keep submitted at once: ``WINDOW_PER_WORKER`` per worker."""
    workers = len(client.scheduler_info().get("workers", {}))
    return WINDOW_PER_WORKER * max(workers, 1)


def iter_analysed_dask(paths: Sequence[str], *, on_error: Callable[[DipError], None], scheduler: str | None = None,
                       client=None, max_bytes: int | None = None, stances: bool = False,
                       use_cache: bool = False, encoding: str | None = None,
                       on_warning: Callable[[str], None] | None = None,
                       authors: Callable[[Article], Article] | None = None,
                       ) -> Iterator[Analysed | tuple[Analysed, list[Stance]]]:
    """Analysed articles from ``paths``, computed on Dask, in input order.

    Args:
        paths: As for :func:`dipcli.load.iter_articles` (empty: bundled corpus).
        scheduler: ``"local"`` for a two-process local cluster, else a
            scheduler address; connected for this call only.
        client: A connected client to use instead (see :func:`connect`).
        on_error: Receives each input problem; loading goes on.
        max_bytes: Largest file read (default: the loader's).
        stances: Also find each article's stance acts, on the workers.
        use_cache: Serve articles from this machine's parse cache and put the
            cluster's results in it (:class:`dipcli.cache.Cache`); the workers
            never touch it, so they need no shared disk.
        encoding, on_warning: As for :func:`dipcli.load.iter_articles`.
        authors: Gives each article its speaker before the analysis (as in
            :func:`dipcli.pipeline.iter_analysed`).

    Yields:
        The same records as :func:`dipcli.pipeline.iter_analysed`: analysed
        articles, or with ``stances`` ``(item, stance acts)`` pairs.

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
            yield from iter_analysed_dask(paths, on_error=on_error, client=client, max_bytes=max_bytes,
                                          stances=stances, use_cache=use_cache, encoding=encoding,
                                          on_warning=on_warning, authors=authors)
        return
    articles = iter_articles(paths, on_error=on_error, max_bytes=max_bytes or DEFAULT_MAX_BYTES, encoding=encoding,
                             on_warning=on_warning, url_cache=use_cache)
    if authors is not None:
        articles = map(authors, articles)
    cache = None
    if use_cache:
        from .cache import Cache

        cache = Cache.open(on_error=on_error)

    def submit(work, asked):
        return client.submit(analyse_batch, work, stances=asked, pure=False)

    yield from ordered_batches(articles, submit=submit, window=batches_in_flight(client), cache=cache,
                               stances=stances)


# -- keyword counts ----------------------------------------------------------------------------

def count_groups_dask(items: Iterable[Analysed], client, *, by: str = "speaker") -> GroupCounts:
    """:func:`dipcli.keywords.count_groups` with the counting done on Dask workers.

    Claims go to the cluster in batches of ``CLAIMS_PER_BATCH`` and stay there,
    so the client never holds the corpus. Pass 1 counts, per batch, the items,
    bigrams and trigrams collocations are found from; the client adds them up
    and decides the phrases (:class:`dipcli.terms.NgramTotals`). Pass 2 counts
    words and those phrases per group, with their spellings; the client adds
    those up. Phrases never cross a claim, so the sums are exactly the counts of
    one process, and so are the keywords scored from them.

    Args:
        items: Analysed articles (a generator is fine: it is read once).
        client: A :class:`distributed.Client` (see :func:`connect`).
        by: "speaker", "doc" or "none" (one group called "all").

    Returns:
        A :class:`dipcli.keywords.GroupCounts`, equal to ``count_groups`` on the
        same items; score it with :func:`dipcli.keywords.rank_counts`.

    Raises:
        DipError: on an unknown ``by``.

    Example:
        >>> with connect("local") as client:
        ...     counts = count_groups_dask(iter_analysed_dask(paths, client=client, on_error=print), client)
    """
    from .keyword_batches import Claims, Merge, claim_rows, group_terms, ngrams
    from .keywords import GroupCounts, check_by
    from .parallel import results_in_order
    from .terms import NgramTotals

    check_by(by)
    limit = batches_in_flight(client)
    batches: list = []  # futures of Claims: the texts stay on the workers between the passes
    sizes: Counter[str] = Counter()

    def submit(fn, *args):
        return client.submit(fn, *args, pure=False)

    def scattered() -> Iterator[tuple]:
        rows: list[tuple[str, str]] = []
        for row in claim_rows(items, by=by):
            sizes[row[0]] += 1
            rows.append(row)
            if len(rows) >= CLAIMS_PER_BATCH:
                batches.append(client.scatter(Claims.of(rows), hash=False))
                yield (batches[-1],)
                rows = []
        if rows:
            batches.append(client.scatter(Claims.of(rows), hash=False))
            yield (batches[-1],)

    try:
        totals = NgramTotals()
        for part in results_in_order(submit, limit, ngrams, scattered()):
            totals.add(part)
        if not sizes:
            return GroupCounts(groups=[], sizes=[], keys=[], counts=None, shown=None)

        groups = sorted(sizes)
        merge = Merge(groups, [sizes[g] for g in groups], claim_df=len(groups) == 1)
        [phrases] = client.scatter([totals.collocations()], broadcast=True, hash=False)
        for part in results_in_order(submit, limit, group_terms,
                                     ((batch, phrases, len(groups) == 1) for batch in batches)):
            merge.add(part)
        return merge.result()
    finally:
        if batches:
            client.cancel(batches)
