"""What every reader is given (:class:`Input`) and the small helpers readers share."""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from ..model import DipError
from .decode import clean, decode

#: How far a reader looks for the first line (JSON Lines) before reading on.
FIRST_LINE = 1 << 20


class Input:
    """One input (a file, stdin, one response): its bytes, how it is named, and its text.

    Attributes:
        data: The raw bytes.
        name: How messages name it (the path as given, or "stdin").
        doc: The document id of its article (records get ``doc:N``).
        path: ``Article.path``: the path as given, or "-" for stdin.
        ext: Its extension, lower case with the dot ("" for none): a hint only.
        ext_format: The format whose row in the reader table lists ``ext``, or None.
        charset: The encoding the input declares for itself (an HTML ``<meta charset>``), if any.
        encoding: The encoding the user gave (``--encoding``): the only one tried.
        on_error: Receives problems with one record of a multi-record input; loading goes on.
        on_warning: Receives one-line notes that do not stop loading (an encoding guessed).
    """

    __slots__ = ("data", "name", "doc", "path", "ext", "ext_format", "charset", "encoding", "on_error",
                 "on_warning", "_first", "_text")

    def __init__(self, data: bytes, *, name: str, doc: str, path: str, ext: str, ext_format: str | None,
                 charset: str | None, on_error: Callable[[DipError], None], encoding: str | None = None,
                 on_warning: Callable[[str], None] | None = None, first_line: bytes | None = None):
        self.data = data
        self.name = name
        self.doc = doc
        self.path = path
        self.ext = ext
        self.ext_format = ext_format
        self.charset = charset
        self.on_error = on_error
        self.encoding = encoding
        self.on_warning = on_warning
        self._first = first_line
        self._text: str | None = None

    @property
    def first_line(self) -> bytes:
        """The first line with its newline (at most :data:`FIRST_LINE` bytes, unless the line
        was read before the rest and given as ``first_line``)."""
        if self._first is not None:
            return self._first
        newline = self.data.find(b"\n", 0, FIRST_LINE)
        return self.data[:newline + 1] if newline >= 0 else self.data[:FIRST_LINE]

    @property
    def text(self) -> str:
        """The content decoded (see :func:`~dipcli.load.decode.decode`) and cleaned; a guessed
        encoding is reported to ``on_warning``.

        Raises:
            DipError: Undecodable, or nothing but whitespace.
        """
        if self._text is None:
            text, guessed = decode(self.data, self.name, declared=self.charset, forced=self.encoding)
            if guessed and self.on_warning is not None:
                self.on_warning(f"{self.name}: not UTF-8 and no encoding detected; read as {guessed}")
            text = clean(text)
            if not text.strip():
                raise DipError(f"{self.name}: contains only whitespace" if text else f"{self.name}: empty file")
            self._text = text
        return self._text

    @property
    def head(self) -> str:
        """The start of :attr:`text` without leading blanks: what content sniffers look at."""
        return self.text[:4096].lstrip("\ufeff \t\r\n")


def mb(n: int) -> str:
    """A size for messages: "1.5 MB", or "200 bytes" below a megabyte."""
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def host(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (a page's source when it names none), or None."""
    if not url:
        return None
    try:
        name = urlsplit(url).hostname
    except ValueError:
        return None
    if not name:
        return None
    return name[4:] if name.startswith("www.") else name
