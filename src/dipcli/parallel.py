"""Analyse articles in a pool of worker processes, streaming, in input order.

The parent reads articles one at a time, serves cache hits itself and sends the
rest to the workers in batches of up to a few hundred kilobytes of text, so
pickling and scheduling cost little next to the analysis. At most
``WINDOW_PER_JOB * jobs`` batches are in flight, so memory stays flat however
long the input is, and results come back in input order: the output is the same
bytes whatever ``jobs`` is.

Workers send back only paragraphs and claims, and the stance acts found in
them when the command asks for those; the parent joins them to the article it
kept, writes the cache entry and yields. The cache holds no stance acts: a
local pool's workers find them for cache hits too (the hit travels to them
already analysed), while on Dask, whose workers are other machines, cached
articles are not sent and the client finds their acts. :func:`ordered_batches`
holds that logic for any executor with ``submit`` and futures, so the Dask path
(:mod:`dipcli.distributed`) shares it.
"""
from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .model import Analysed, Article, Claim, DipError, Paragraph, Stance

#: Text per batch: large enough that pickling and scheduling cost little next to the analysis.
BATCH_CHARS = 256 * 1024
#: The first batch is smaller and each next one twice as large, up to BATCH_CHARS,
#: so the first results (and a ``| head``) come quickly.
FIRST_BATCH_CHARS = 16 * 1024
#: Articles per batch, cache hits included: bounds memory when texts are tiny.
BATCH_ARTICLES = 256
#: Batches in flight per worker: one running, one queued so a worker never waits.
WINDOW_PER_JOB = 2
WORKER_DIED = ("a worker process stopped unexpectedly (killed by the system, perhaps for lack of memory); "
               "nothing after the last result was written: rerun with fewer --jobs (now {jobs})")

#: What a worker sends back per article; the stance acts are None unless asked for.
Result = tuple[list[Paragraph], list[Claim], list[Stance] | None]


def start_method() -> str:
    """'fork' on Linux (workers inherit the parent's imports); 'spawn' elsewhere, where fork is unsafe."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def warm_up() -> None:
    """Worker initialiser: Punkt, the patterns and tables (:func:`dipcli.core.prepare`) before the first article.

    Also leaves Ctrl-C to the parent, which stops the pool and exits with 130;
    otherwise every worker would print its own traceback.
    """
    from .core import prepare

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    prepare()


def analyse_batch(articles: list[Article | Analysed], *, stances: bool = False) -> list[Result]:
    """Paragraphs, claims and, with ``stances``, stance acts of each article
    (the article itself stays with the caller); of an article already analysed
    (a cache hit), its stance acts only."""
    from .core import analyse

    if stances:
        from .stance import find_stances
    out = []
    for article in articles:
        if isinstance(article, Analysed):
            out.append(([], [], find_stances(article)))
            continue
        item = analyse(article)
        out.append((item.paragraphs, item.claims, find_stances(item) if stances else None))
    return out


class _Batch:
    """Consecutive input entries: a cached :class:`Analysed` or an :class:`Article` still to analyse."""

    __slots__ = ("entries", "chars", "future", "hits_sent")

    def __init__(self) -> None:
        self.entries: list[Analysed | Article] = []
        self.chars = 0
        self.future: Any = None
        self.hits_sent = False

    def ready(self) -> bool:
        return self.future is None or self.future.done()

    def results(self, cache, stances: bool) -> Iterator[Analysed | tuple[Analysed, list[Stance]]]:
        if stances:
            from .stance import find_stances
        done = iter(self.future.result()) if self.future is not None else iter(())
        for entry in self.entries:
            if isinstance(entry, Analysed):
                if not stances:
                    yield entry
                elif self.hits_sent:
                    yield entry, next(done)[2]
                else:  # the cache keeps no stance acts: find them here
                    yield entry, find_stances(entry)
                continue
            paragraphs, claims, found = next(done)
            item = Analysed(article=entry, paragraphs=paragraphs, claims=claims)
            if cache is not None:
                cache.put(item)
            yield (item, found) if stances else item


def ordered_batches(articles: Iterable[Article], *, submit: Callable[[list[Article], bool], Any], window: int,
                    cache=None, stances: bool = False,
                    send_hits: bool = False) -> Iterator[Analysed | tuple[Analysed, list[Stance]]]:
    """Send batches of articles to ``submit`` and yield the analysed articles in input order.

    Args:
        articles: Read lazily; at most ``window`` batches are held at once.
        submit: ``submit(articles, stances)`` starts :func:`analyse_batch` on
            them and returns a future (``done()``, ``result()``): concurrent.futures or Dask.
        window: Most batches in flight.
        cache: Optional ``get(article)`` / ``put(item)``; hits are yielded in
            place without being submitted.
        stances: Yield ``(item, stance acts)`` pairs instead of items; the
            workers find the acts, the caller only those of cache hits.
        send_hits: With ``stances``, send cache hits to the workers too, for
            their acts (a local pool: the hit is already in memory here).
    """
    pending: deque[_Batch] = deque()
    batch = _Batch()
    target = min(FIRST_BATCH_CHARS, BATCH_CHARS)
    for article in articles:
        hit = cache.get(article) if cache is not None else None
        if hit is not None:
            batch.entries.append(hit)
            if stances and send_hits:
                batch.chars += len(hit.article.text) // 4  # finding acts costs about a quarter of analysing
        else:
            batch.entries.append(article)
            batch.chars += len(article.text)
        if batch.chars >= target or len(batch.entries) >= BATCH_ARTICLES:
            _start(batch, submit, stances, send_hits)
            pending.append(batch)
            batch = _Batch()
            target = min(2 * target, BATCH_CHARS)
            # Yield what is ready at the head; block only when the window is full.
            while pending and (len(pending) >= window or pending[0].ready()):
                yield from pending.popleft().results(cache, stances)
    if batch.entries:
        _start(batch, submit, stances, send_hits)
        pending.append(batch)
    while pending:
        yield from pending.popleft().results(cache, stances)


def results_in_order(submit: Callable, window: int, fn: Callable, calls: Iterable[tuple]) -> Iterator:
    """``fn(*args)`` for each ``args`` of ``calls``, through ``submit(fn, *args)``
    (a future with ``result()``), yielded in order with at most ``window`` in
    flight; ``calls`` is read lazily, one ahead of the results."""
    pending: deque = deque()
    for args in calls:
        pending.append(submit(fn, *args))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _start(batch: _Batch, submit: Callable[[list[Article], bool], Any], stances: bool, send_hits: bool) -> None:
    batch.hits_sent = stances and send_hits
    work = batch.entries if batch.hits_sent else [e for e in batch.entries if isinstance(e, Article)]
    if work:
        batch.future = submit(work, stances)


def analyse_parallel(articles: Iterator[Article], *, jobs: int, cache,
                     stances: bool = False) -> Iterator[Analysed | tuple[Analysed, list[Stance]]]:
    """Analyse ``articles`` in ``jobs`` worker processes.

    Args:
        articles: Any iterator of articles; read lazily, never all at once.
        jobs: Number of worker processes (1 or more).
        cache: A :class:`dipcli.cache.Cache` (or anything with ``get(article)``
            and ``put(item)``), or None. Hits are not analysed again.
        stances: Also find each article's stance acts, on the workers
            (cache hits' too).

    Yields:
        One :class:`Analysed` per article, in input order, equal to what
        :func:`dipcli.core.analyse` gives for it; with ``stances``, a pair
        of it and what :func:`dipcli.stance.find_stances` gives for it.

    Raises:
        ValueError: ``jobs`` is less than 1.
        DipError: a worker process died (killed for lack of memory, say).

    Example:
        >>> for item in analyse_parallel(iter_articles(["corpus/"], on_error=print), jobs=2, cache=None):
        ...     print(item.article.doc, len(item.claims))
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    pool = _Pool(jobs)
    finished = False
    try:
        yield from ordered_batches(articles, submit=pool.submit, window=WINDOW_PER_JOB * jobs, cache=cache,
                                   stances=stances, send_hits=True)
        finished = True
    except BrokenProcessPool:
        raise DipError(WORKER_DIED.format(jobs=jobs)) from None
    finally:
        pool.close(wait=finished)


class _Pool:
    """A process pool started on the first submit, so a run served from the cache starts no process."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, work: list[Article], stances: bool):
        if self.executor is None:
            self.executor = self._start()
        return self.executor.submit(analyse_batch, work, stances=stances)

    def _start(self) -> ProcessPoolExecutor:
        method = start_method()
        if method == "fork":
            # Prepare once here: forked workers share the loaded modules and
            # tables instead of each building its own.
            from .core import prepare

            prepare()
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context(method),
                                   initializer=warm_up)

    def close(self, *, wait: bool) -> None:
        if self.executor is None:
            return
        if wait:
            self.executor.shutdown(wait=True)
        else:
            # Interrupted, failed, or the consumer stopped early: drop queued
            # work and end the workers rather than wait for running batches.
            _stop(self.executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor has no public way to end running workers; its
    # ``_processes`` table (pid -> Process) has been stable since CPython 3.2.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
