"""Where inputs come from: paths expanded (folders walked, stdin), files opened and size-checked.

Which reader reads what is decided in :mod:`.formats`; this module only finds
the inputs, names them (messages, ``doc`` ids) and opens them.
"""
from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, DipError
from .base import FIRST_LINE, mb
from .fetch import doc_id, fetch, is_url
from .formats import READABLE_EXTENSIONS, line_reader, read_data, read_stream

_SKIPPED_PREFIXES = ("readme", "license", "licence", "changelog", "notice", "snapshot_commit")


@dataclass(slots=True)
class Source:
    display: str  # how messages name it: the path or URL as given, or "stdin"
    doc: str
    path: Path | None  # None: stdin or a URL
    ext: str
    url: str | None = None

    @property
    def article_path(self) -> str:
        if self.url is not None:
            return self.url
        return "-" if self.path is None else self.display


def extension(filename: str) -> str:
    """The lower-case extension, or "" when the name has none that looks like one."""
    dot = filename.rfind(".")
    if dot <= 0:
        return ""
    ext = filename[dot + 1:]
    if not 1 <= len(ext) <= 10 or not ext.isascii() or not ext.isalnum() or ext.isdigit():
        return ""
    return "." + ext.lower()


def _stem(filename: str) -> str:
    ext = extension(filename)
    return filename[: len(filename) - len(ext)] if ext else filename


_SURROGATES = re.compile("[\ud800-\udfff]")


def _text_name(name: str) -> str:
    """A path as text for ids and messages: bytes that were not UTF-8 (which Python keeps
    as lone surrogates) become U+FFFD, so that every output can encode it."""
    return _SURROGATES.sub("\ufffd", name)


def expand(paths: Sequence[str], on_error: Callable[[DipError], None]) -> Iterator[Source]:
    """The sources named by ``paths``: files, every readable file of a folder, stdin for ``-``."""
    for arg in paths:
        if arg == "-":
            yield Source(display="stdin", doc="stdin", path=None, ext="")
            continue
        if is_url(arg):
            shown = _text_name(arg)
            yield Source(display=shown, doc=_text_name(doc_id(arg)), path=None, ext="", url=arg)
            continue
        path = Path(arg)
        shown = _text_name(arg)
        try:
            st = path.stat()
        except FileNotFoundError:
            on_error(DipError(f"{shown}: no such file or directory"))
            continue
        except PermissionError:
            on_error(DipError(f"{shown}: permission denied"))
            continue
        except OSError as err:
            on_error(DipError(f"{shown}: {err.strerror or err}"))
            continue
        except ValueError:
            printable = shown.replace("\0", "\\0")
            on_error(DipError(f"{printable}: not a valid path (contains a NUL character)"))
            continue
        if stat.S_ISDIR(st.st_mode):
            found = False
            for rel in _walk(path, on_error):
                found = True
                parts = rel.split("/")
                parts[-1] = _stem(parts[-1])
                full = path.joinpath(*rel.split("/"))
                yield Source(display=_text_name(str(full)), doc=_text_name("/".join(parts)), path=full,
                              ext=extension(full.name))
            if not found:
                exts = " ".join(sorted(e for e in READABLE_EXTENSIONS if e))
                on_error(DipError(f"{shown}: no readable files in this folder "
                                  f"(looked for {exts} and files without extension)"))
        else:
            yield Source(display=shown, doc=_text_name(_stem(path.name) or path.name), path=path,
                          ext=extension(path.name))


def _walk(root: Path, on_error: Callable[[DipError], None]) -> Iterator[str]:
    """Readable files under ``root`` as relative posix paths, in sorted tree order."""
    seen_dirs: set[tuple[int, int]] = set()

    def visit(folder: Path, prefix: str) -> Iterator[str]:
        try:
            st = folder.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen_dirs:  # a symlink loop
                return
            seen_dirs.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            on_error(DipError(f"{_text_name(str(folder))}: {err.strerror or err}"))
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(Path(entry.path), f"{prefix}{name}/")
                continue
            if name.lower().startswith(_SKIPPED_PREFIXES):
                continue
            if extension(name) not in READABLE_EXTENSIONS:
                continue
            try:
                special = not stat.S_ISREG(entry.stat().st_mode)
            except OSError:
                special = False  # a broken link: reading it reports the error
            if special:
                # Reading a named pipe would wait forever, a device could be endless.
                on_error(DipError(f"{_text_name(entry.path)}: not a regular file (a pipe, socket "
                                  "or device), skipped"))
                continue
            yield prefix + name

    yield from visit(root, "")


def unique_doc(doc: str, used: set[str]) -> str:
    if doc not in used:
        used.add(doc)
        return doc
    n = 2
    while f"{doc}#{n}" in used:
        n += 1
    new = f"{doc}#{n}"
    used.add(new)
    return new


def load_source(source: Source, *, max_bytes: int, on_error: Callable[[DipError], None],
                encoding: str | None = None, on_warning: Callable[[str], None] | None = None,
                url_cache: bool = True) -> Iterator[Article]:
    """The articles of one source: a file larger than ``max_bytes`` is refused before it is
    read, unless a line format streams it; stdin is read as bytes; a URL is fetched (see
    :mod:`.fetch`; ``url_cache`` False: not from the cache, nor into it)."""
    name = source.display
    if source.url is not None:
        response = fetch(source.url, max_bytes=max_bytes, use_cache=url_cache)
        for article in read_data(response.body, name=name, doc=source.doc, path=source.article_path,
                                 ext=response.ext, on_error=on_error, encoding=encoding, on_warning=on_warning,
                                 charset=response.charset):
            if article.url is None:
                article.url = response.url
            yield article
        return
    if source.path is None:
        stdin = sys.stdin
        if stdin is None:
            raise DipError("-: no standard input to read")
        stream = getattr(stdin, "buffer", None)
        if stream is None:  # a text stream without bytes underneath (an embedding program's)
            stream = io.BytesIO(stdin.read(max_bytes + 1).encode("utf-8", errors="replace"))
        yield from read_stream(stream, name=name, doc=source.doc, path=source.article_path, ext=source.ext,
                               max_bytes=max_bytes, size=None, on_error=on_error, encoding=encoding,
                               on_warning=on_warning)
        return
    try:
        st = source.path.stat()
        regular = stat.S_ISREG(st.st_mode)
        size = st.st_size if regular else None
        if size is not None and size > max_bytes and line_reader(source.ext) is None:
            with open(source.path, "rb") as fh:
                first = fh.readline(min(max_bytes, FIRST_LINE) + 1)
            if line_reader(source.ext, first) is None:
                raise DipError(f"{name}: file is {mb(size)}, over the limit of {mb(max_bytes)}")
        with open(source.path, "rb") as fh:
            yield from read_stream(fh, name=name, doc=source.doc, path=source.article_path, ext=source.ext,
                                   max_bytes=max_bytes, size=size, on_error=on_error, encoding=encoding,
                                   on_warning=on_warning)
    except PermissionError:
        raise DipError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise DipError(f"{name}: is a folder") from None
    except OSError as err:
        raise DipError(f"{name}: {err.strerror or err}") from None
