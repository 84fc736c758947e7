"""Turn user paths into :class:`~dipcli.model.Article` records.

Inputs are files, folders (walked recursively in sorted order) and ``-`` for
stdin. The format of each file is read from its content (the extension is only
a hint): plain-text news articles, Markdown with YAML front matter, saved HTML
pages, and JSON Lines / JSON records. Every problem becomes a one-line
:class:`~dipcli.model.DipError` passed to ``on_error``; loading goes on with
the next file (or the next JSON Lines record).

``Article.text`` is what every later offset refers to, so it is normalised the
same way for every format: body paragraphs, each stripped and on one line with
single spaces, joined by a blank line. Titles, header lines and footers are
metadata, not body; datelines and "-- " bullet markers stay in the body.

Choices worth knowing:

* Dates are ISO ``YYYY-MM-DD`` or None (an unreadable date is dropped, and so
  is an ambiguous one such as ``03/04/2023``).
* ``max_bytes`` bounds what is held in memory: a whole file, or for JSON Lines
  (which are streamed) one line.
* Markdown struck-through text (``<s>…</s>``, a transcript's correction) is
  dropped; the bracketed correction after it is kept.
* Names doubled by hidden tooltips in JSON Lines exports are removed (see
  :mod:`.tooltips`); HTML pages lose their tooltips structurally.

Where things are: :mod:`.sources` finds and opens inputs; :mod:`.formats`
holds the reader table (one row per format) and decides which reader reads
an input; :mod:`.text`, :mod:`.markdown`, :mod:`.html` and :mod:`.records`
are the readers; :mod:`.decode`, :mod:`.paragraphs`, :mod:`.dates` and
:mod:`.tooltips` are what they share.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath

from ..model import Article, DipError
from .dates import parse_date
from .formats import READABLE_EXTENSIONS, READERS, read_data
from .sources import expand, extension, load_source, unique_doc

__all__ = ["DEFAULT_MAX_BYTES", "READABLE_EXTENSIONS", "READERS", "default_corpus", "iter_articles",
           "parse_bytes", "parse_date"]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def default_corpus() -> Path:
    """The bundled corpus folder.

    A wheel ships it inside the package; an editable install reads the
    repository's top-level ``corpus/``.
    """
    bundled = Path(__file__).parents[1] / "corpus"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[3] / "corpus"


def iter_articles(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                  on_error: Callable[[DipError], None], encoding: str | None = None,
                  on_warning: Callable[[str], None] | None = None, url_cache: bool = True) -> Iterator[Article]:
    """Yield the articles found under ``paths``, one at a time.

    Args:
        paths: Files, folders (walked recursively), ``-`` for stdin and http(s)
            URLs. Empty: the bundled corpus.
        max_bytes: Largest file read into memory; JSON Lines files are
            streamed, so for them the limit applies to each line.
        on_error: Called with a :class:`DipError` for each problem (missing
            path, unreadable file, bad JSON line …); loading then goes on.
        encoding: Read every input in this encoding (a name Python's codecs
            know) instead of detecting it.
        on_warning: Called with a one-line note that does not stop loading (a
            file read in a guessed encoding); default: a Python ``UserWarning``.
        url_cache: Read fetched URLs from the cache directory and keep them
            there (False: fetch every URL and keep nothing).

    Yields:
        Articles in input order; ``doc`` ids are unique (a repeated id gets a
        ``#2``, ``#3`` … suffix).

    Example:
        >>> errors = []
        >>> docs = [a.doc for a in iter_articles([], on_error=errors.append)]
    """
    if not paths:
        paths = [str(default_corpus())]
    used: set[str] = set()
    for source in expand(paths, on_error):
        try:
            for article in load_source(source, max_bytes=max_bytes, on_error=on_error, encoding=encoding,
                                       on_warning=on_warning or _warn, url_cache=url_cache):
                article.doc = unique_doc(article.doc, used)
                yield article
        except DipError as err:
            on_error(err)


def parse_bytes(data: bytes, *, name: str, doc: str, on_error: Callable[[DipError], None] | None = None,
                encoding: str | None = None, on_warning: Callable[[str], None] | None = None) -> list[Article]:
    """Detect the format of one file's content and parse it.

    Args:
        data: The raw bytes of the file.
        name: How the file is named in messages (its path); its extension is
            a hint for the format.
        doc: The document id (JSON records get ``doc:N``).
        on_error: Receives bad JSON Lines records; when ``None`` the first bad
            record raises.
        encoding, on_warning: As for :func:`iter_articles`.

    Returns:
        The articles in the file (one, except for JSON Lines / JSON arrays).

    Raises:
        DipError: Binary, undecodable, empty or text-less input.
    """
    def _raise(err: DipError) -> None:
        raise err

    ext = extension(PurePath(name).name)
    return list(read_data(data, name=name, doc=doc, path=name, ext=ext, on_error=on_error or _raise,
                          encoding=encoding, on_warning=on_warning or _warn))


def _warn(message: str) -> None:
    warnings.warn(message, UserWarning, stacklevel=3)
