"""From paths to analysed articles, streamed: loading, the parse cache, and the choice of one
process or a pool (:mod:`dipcli.parallel`); the per-article work is :mod:`dipcli.core`."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from .core import analyse
from .model import Analysed, Article, DipError, Stance


def iter_analysed(paths: Sequence[str], *, on_error: Callable[[DipError], None], use_cache: bool = True,
                  jobs: int = 1, max_bytes: int | None = None, stances: bool = False, encoding: str | None = None,
                  on_warning: Callable[[str], None] | None = None,
                  authors: Callable[[Article], Article] | None = None,
                  ) -> Iterator[Analysed | tuple[Analysed, list[Stance]]]:
    """Analysed articles in input order, one at a time (memory stays flat).

    With ``stances``, ``(item, its stance acts)`` pairs: with ``jobs`` above 1
    the worker that analyses an article also finds its acts. ``max_bytes``, ``encoding`` and
    ``on_warning`` are passed to :func:`dipcli.load.iter_articles`; ``use_cache`` covers
    fetched URLs too. ``authors`` gives each article its speaker before it is analysed
    (:meth:`dipcli.authors.Authors.apply`).
    """
    from .load import DEFAULT_MAX_BYTES, iter_articles

    articles = iter_articles(paths, on_error=on_error, max_bytes=max_bytes or DEFAULT_MAX_BYTES, encoding=encoding,
                             on_warning=on_warning, url_cache=use_cache)
    if authors is not None:
        articles = map(authors, articles)
    if use_cache:
        from .cache import Cache

        cache = Cache.open(on_error=on_error)
    else:
        cache = None
    if jobs > 1:
        from .parallel import analyse_parallel

        yield from analyse_parallel(articles, jobs=jobs, cache=cache, stances=stances)
        return
    for article in articles:
        item = cache.get(article) if cache else None
        if item is None:
            item = analyse(article)
            if cache:
                cache.put(item)
        if stances:
            from .stance import find_stances

            yield item, find_stances(item)
        else:
            yield item
