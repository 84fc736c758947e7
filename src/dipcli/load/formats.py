"""The reader table: which reader reads an input, decided here and nowhere else.

Each row names a format, the file extensions that hint at it, how its content
is recognised (``sniff``) and the function that reads it. Rows are tried in
order: the first whose ``sniff`` accepts the input reads it, and a ``read``
that returns None (not this format after all) hands the input on to the next
row. An extension is a hint the sniffers weigh, never a verdict on its own.

A new format is one reader (a ``sniff`` and a ``read`` function) and one row.
Binary content is refused by the ``binary`` row; a reader of a binary format
(PDF, DOCX) looks at ``Input.data`` and goes above that row. The rows below it
see the input as text (``Input.text``: decoded and cleaned).
"""
from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from ..model import Article, DipError
from .html import declared_charset, read_html, sniff_html
from .markdown import read_markdown, sniff_markdown
from .records import read_json, read_jsonl, read_lines, sniff_json, sniff_jsonl
from .text import read_text, sniff_text
from .base import FIRST_LINE, Input, mb
from .decode import HEAD, binary_kind, refuse_binary


@dataclass(frozen=True, slots=True)
class Reader:
    """One row of the reader table.

    Attributes:
        name: The format's name.
        extensions: File extensions (lower case, with the dot; "" for none) that hint at
            the format; a folder walk reads the files whose extension a row lists.
        sniff: Does this input look like the format? Sees the extension's format
            (``Input.ext_format``) and the content.
        read: The input's articles, or None to hand the input on to the next row.
        lines: For a format read record by record, the function that reads an
            iterable of lines: such input is streamed, never held whole in memory.
        charset: The encoding the content declares for itself, if it can (tried
            when the bytes are not UTF-8).
    """

    name: str
    extensions: frozenset[str]
    sniff: Callable[[Input], bool]
    read: Callable[[Input], Iterable[Article] | None]
    lines: Callable[..., Iterator[Article]] | None = None
    charset: Callable[[bytes, str | None], str | None] | None = None


def _is_binary(inp: Input) -> bool:
    return binary_kind(inp.data[:HEAD]) is not None


def _refuse(inp: Input) -> None:
    refuse_binary(inp.data[:HEAD], inp.name)


READERS: tuple[Reader, ...] = (
    Reader("binary", frozenset(), _is_binary, _refuse),
    Reader("jsonl", frozenset({".jsonl", ".ndjson"}), sniff_jsonl, read_jsonl, lines=read_lines),
    Reader("json", frozenset({".json"}), sniff_json, read_json),
    Reader("html", frozenset({".html", ".htm", ".xhtml"}), sniff_html, read_html, charset=declared_charset),
    Reader("markdown", frozenset({".md", ".markdown"}), sniff_markdown, read_markdown),
    Reader("text", frozenset({"", ".txt", ".text"}), sniff_text, read_text),
)

#: Extensions read when walking a folder ("" is a file without extension).
READABLE_EXTENSIONS = frozenset(ext for reader in READERS for ext in reader.extensions)

_FORMAT_OF = {ext: reader.name for reader in READERS for ext in reader.extensions}


def read_data(data: bytes, *, name: str, doc: str, path: str, ext: str, on_error: Callable[[DipError], None],
              encoding: str | None = None, on_warning: Callable[[str], None] | None = None,
              charset: str | None = None) -> Iterator[Article]:
    """The articles in one input held in memory, read by the first row that takes it.

    Args:
        data: The input's bytes.
        name: How messages name the input.
        doc: The document id (records of a multi-record input get ``doc:N``).
        path: ``Article.path``.
        ext: The input's extension ("" for none): a hint.
        on_error: Receives problems with single records; loading goes on.
        encoding: Read the input in this encoding only (else it is detected).
        on_warning: Receives one-line notes that do not stop loading (an encoding guessed).
        charset: The encoding the input came labelled with (an HTTP ``Content-Type``); else
            the one its content declares, if any, is tried when the bytes are not UTF-8.

    Raises:
        DipError: Empty, binary, undecodable or text-less input.
    """
    if not data:
        raise DipError(f"{name}: empty file")
    fmt = _FORMAT_OF.get(ext)
    for reader in READERS:
        if charset:
            break
        if reader.charset is not None:
            charset = reader.charset(data, fmt)
    inp = Input(data, name=name, doc=doc, path=path, ext=ext, ext_format=fmt, charset=charset, on_error=on_error,
                encoding=encoding, on_warning=on_warning)
    for reader in READERS:  # the last row takes any text
        if reader.sniff(inp):
            articles = reader.read(inp)
            if articles is not None:
                yield from articles
                return


def line_reader(ext: str, first_line: bytes | None = None) -> Reader | None:
    """The row that reads this input line by line, judged from its extension and, when
    given, its first line; None: the input is read whole."""
    fmt = _FORMAT_OF.get(ext)
    for reader in READERS:
        if reader.lines is None:
            continue
        if reader.name == fmt:
            return reader
        if first_line is not None:
            probe = Input(first_line, name="", doc="", path="", ext=ext, ext_format=fmt, charset=None,
                          on_error=_never, first_line=first_line)
            if reader.sniff(probe):
                return reader
    return None


def _never(err: DipError) -> None:
    raise err


def read_stream(stream: io.BufferedIOBase, *, name: str, doc: str, path: str, ext: str, max_bytes: int,
                size: int | None, on_error: Callable[[DipError], None], encoding: str | None = None,
                on_warning: Callable[[str], None] | None = None) -> Iterator[Article]:
    """The articles in one stream: record by record for a line format, else read whole
    (at most ``max_bytes``) and handed to :func:`read_data`.

    Args:
        stream: The open input.
        size: Its size when known (a regular file), for the message when it is too large.
        max_bytes: Largest input held in memory; for a line format, the largest line.
        name, doc, path, ext, on_error, encoding, on_warning: As for :func:`read_data`.
    """
    reader = line_reader(ext)
    if reader is not None:
        lines = _bounded_lines(stream, max_bytes=max_bytes, start=1, name=name, on_error=on_error)
        first = next(lines, b"")
        refuse_binary(first[:HEAD], name)
        yield from reader.lines(chain([first], lines), name=name, doc=doc, path=path, on_error=on_error,
                                encoding=encoding)
        return
    # At most 1 MB of first line: an endless stream without newlines (/dev/zero, a binary
    # pipe) is refused after it, not after max_bytes.
    first = stream.readline(min(max_bytes, FIRST_LINE) + 1)
    reader = line_reader(ext, first) if len(first) <= max_bytes else None
    if reader is not None:
        refuse_binary(first[:HEAD], name)
        lines = _bounded_lines(stream, max_bytes=max_bytes, start=2, name=name, on_error=on_error)
        yield from reader.lines(chain([first], lines), name=name, doc=doc, path=path, on_error=on_error,
                                encoding=encoding)
        return
    if len(first) >= HEAD:
        refuse_binary(first[:HEAD], name)
    data = first + stream.read(max_bytes + 1 - len(first)) if len(first) <= max_bytes else first
    if len(data) > max_bytes:
        what = f"file is {mb(size)}, over" if size is not None else "input is over"
        raise DipError(f"{name}: {what} the limit of {mb(max_bytes)}")
    yield from read_data(data, name=name, doc=doc, path=path, ext=ext, on_error=on_error, encoding=encoding,
                         on_warning=on_warning)


def _bounded_lines(stream: io.BufferedIOBase, *, max_bytes: int, start: int, name: str,
                   on_error: Callable[[DipError], None]) -> Iterator[bytes]:
    """Lines of ``stream``; a line over ``max_bytes`` is reported, skipped and yielded empty."""
    lineno = start
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            on_error(DipError(f"{name}:{lineno}: line is over the limit of {mb(max_bytes)}; skipped"))
            line = b"\n"
        yield line
        lineno += 1
