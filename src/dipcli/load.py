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
  :func:`_dedupe_tooltips`); HTML pages lose their tooltips structurally.
"""
from __future__ import annotations

import html as html_entities
import io
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from .model import Article, DipError

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

#: Extensions read when walking a folder ("" is a file without extension).
READABLE_EXTENSIONS = frozenset({
    "", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml",
    ".jsonl", ".ndjson", ".json",
})
_MARKDOWN_EXT = frozenset({".md", ".markdown"})
_HTML_EXT = frozenset({".html", ".htm", ".xhtml"})
_JSONL_EXT = frozenset({".jsonl", ".ndjson"})
_SKIPPED_PREFIXES = ("readme", "license", "licence", "changelog", "notice", "snapshot_commit")

_HEAD = 8192


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------

def default_corpus() -> Path:
    """The bundled corpus folder.

    A wheel ships it inside the package; an editable install reads the
    repository's top-level ``corpus/``.
    """
    bundled = Path(__file__).parent / "corpus"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "corpus"


def iter_articles(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                  on_error: Callable[[DipError], None]) -> Iterator[Article]:
    """Yield the articles found under ``paths``, one at a time.

    Args:
        paths: Files, folders (walked recursively) and ``-`` for stdin. Empty:
            the bundled corpus.
        max_bytes: Largest file read into memory; JSON Lines files are
            streamed, so for them the limit applies to each line.
        on_error: Called with a :class:`DipError` for each problem (missing
            path, unreadable file, bad JSON line …); loading then goes on.

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
    for source in _expand(paths, on_error):
        try:
            for article in _load_source(source, max_bytes=max_bytes, on_error=on_error):
                article.doc = _unique_doc(article.doc, used)
                yield article
        except DipError as err:
            on_error(err)


def parse_bytes(data: bytes, *, name: str, doc: str,
                on_error: Callable[[DipError], None] | None = None) -> list[Article]:
    """Detect the format of one file's content and parse it.

    Args:
        data: The raw bytes of the file.
        name: How the file is named in messages (its path); its extension is
            a hint for the format.
        doc: The document id (JSON records get ``doc:N``).
        on_error: Receives bad JSON Lines records; when ``None`` the first bad
            record raises.

    Returns:
        The articles in the file (one, except for JSON Lines / JSON arrays).

    Raises:
        DipError: Binary, undecodable, empty or text-less input.
    """
    def _raise(err: DipError) -> None:
        raise err

    ext = _extension(PurePath(name).name)
    return list(_parse_data(data, name=name, doc=doc, path=name, ext=ext,
                            on_error=on_error or _raise))


# --------------------------------------------------------------------------
# Paths
# --------------------------------------------------------------------------

@dataclass(slots=True)
class _Source:
    display: str  # how messages name it: the path as given, or "stdin"
    doc: str
    path: Path | None  # None: stdin
    ext: str

    @property
    def article_path(self) -> str:
        return "-" if self.path is None else self.display


def _extension(filename: str) -> str:
    """The lower-case extension, or "" when the name has none that looks like one."""
    dot = filename.rfind(".")
    if dot <= 0:
        return ""
    ext = filename[dot + 1:]
    if not 1 <= len(ext) <= 10 or not ext.isascii() or not ext.isalnum() or ext.isdigit():
        return ""
    return "." + ext.lower()


def _stem(filename: str) -> str:
    ext = _extension(filename)
    return filename[: len(filename) - len(ext)] if ext else filename


_SURROGATES = re.compile("[\ud800-\udfff]")


def _text_name(name: str) -> str:
    """A path as text for ids and messages: bytes that were not UTF-8 (which Python keeps
    as lone surrogates) become U+FFFD, so that every output can encode it."""
    return _SURROGATES.sub("\ufffd", name)


def _expand(paths: Sequence[str], on_error: Callable[[DipError], None]) -> Iterator[_Source]:
    for arg in paths:
        if arg == "-":
            yield _Source(display="stdin", doc="stdin", path=None, ext="")
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
                yield _Source(display=_text_name(str(full)), doc=_text_name("/".join(parts)), path=full,
                              ext=_extension(full.name))
            if not found:
                exts = " ".join(sorted(e for e in READABLE_EXTENSIONS if e))
                on_error(DipError(f"{shown}: no readable files in this folder "
                                  f"(looked for {exts} and files without extension)"))
        else:
            yield _Source(display=shown, doc=_text_name(_stem(path.name) or path.name), path=path,
                          ext=_extension(path.name))


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
            if _extension(name) not in READABLE_EXTENSIONS:
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


def _unique_doc(doc: str, used: set[str]) -> str:
    if doc not in used:
        used.add(doc)
        return doc
    n = 2
    while f"{doc}#{n}" in used:
        n += 1
    new = f"{doc}#{n}"
    used.add(new)
    return new


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------

def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _load_source(source: _Source, *, max_bytes: int,
                 on_error: Callable[[DipError], None]) -> Iterator[Article]:
    name = source.display
    if source.path is None:
        stdin = sys.stdin
        if stdin is None:
            raise DipError("-: no standard input to read")
        stream = getattr(stdin, "buffer", None)
        if stream is None:  # a text stream without bytes underneath (an embedding program's)
            stream = io.BytesIO(stdin.read(max_bytes + 1).encode("utf-8", errors="replace"))
        yield from _parse_stream(stream, source, max_bytes=max_bytes, size=None, on_error=on_error)
        return
    try:
        st = source.path.stat()
        regular = stat.S_ISREG(st.st_mode)
        size = st.st_size if regular else None
        if size is not None and size > max_bytes and source.ext not in _JSONL_EXT:
            with open(source.path, "rb") as fh:
                first = fh.readline(min(max_bytes, 1024 * 1024) + 1)
            if not _looks_like_jsonl(first, source.ext):
                raise DipError(f"{name}: file is {_mb(size)}, over the limit of {_mb(max_bytes)}")
        with open(source.path, "rb") as fh:
            yield from _parse_stream(fh, source, max_bytes=max_bytes, size=size, on_error=on_error)
    except PermissionError:
        raise DipError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise DipError(f"{name}: is a folder") from None
    except OSError as err:
        raise DipError(f"{name}: {err.strerror or err}") from None


def _looks_like_jsonl(first_line: bytes, ext: str) -> bool:
    """Is this the first line of a JSON Lines file (by extension, or a complete JSON object)?"""
    if ext in _JSONL_EXT:
        return True
    if ext == ".json":
        return False
    head = first_line.removeprefix(b"\xef\xbb\xbf").strip()
    if not head.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(head), dict)
    except ValueError:
        return False


def _parse_stream(stream: io.BufferedIOBase, source: _Source, *, max_bytes: int, size: int | None,
                  on_error: Callable[[DipError], None]) -> Iterator[Article]:
    """Stream JSON Lines record by record; read anything else whole (at most ``max_bytes``)."""
    name = source.display
    if source.ext in _JSONL_EXT:
        lines = _bounded_lines(stream, max_bytes=max_bytes, start=1, name=name, on_error=on_error)
        first = next(lines, b"")
        _check_binary(first[:_HEAD], name)
        yield from _iter_jsonl(chain([first], lines), name=name, doc=source.doc,
                               path=source.article_path, on_error=on_error)
        return
    # At most 1 MB of first line, as _load_source reads: an endless stream without
    # newlines (/dev/zero, a binary pipe) is refused after it, not after max_bytes.
    first = stream.readline(min(max_bytes, 1024 * 1024) + 1)
    if len(first) <= max_bytes and _looks_like_jsonl(first, source.ext):
        _check_binary(first[:_HEAD], name)
        lines = _bounded_lines(stream, max_bytes=max_bytes, start=2, name=name, on_error=on_error)
        yield from _iter_jsonl(chain([first], lines), name=name, doc=source.doc,
                               path=source.article_path, on_error=on_error)
        return
    if len(first) >= _HEAD:
        _check_binary(first[:_HEAD], name)
    data = first + stream.read(max_bytes + 1 - len(first)) if len(first) <= max_bytes else first
    if len(data) > max_bytes:
        what = f"file is {_mb(size)}, over" if size is not None else "input is over"
        raise DipError(f"{name}: {what} the limit of {_mb(max_bytes)}")
    yield from _parse_data(data, name=name, doc=source.doc, path=source.article_path,
                           ext=source.ext, on_error=on_error)


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
            on_error(DipError(f"{name}:{lineno}: line is over the limit of {_mb(max_bytes)}; skipped"))
            line = b"\n"
        yield line
        lineno += 1


# --------------------------------------------------------------------------
# Decoding and normalisation
# --------------------------------------------------------------------------

# Signatures of common non-text files; True: the signature could also start a text, so a NUL
# byte must confirm it.
_MAGIC = (
    (b"%PDF-", "PDF", False), (b"PK\x03\x04", "ZIP/Office", False), (b"\x89PNG", "PNG", False),
    (b"GIF8", "GIF", False), (b"\xff\xd8\xff", "JPEG", False), (b"\x1f\x8b", "gzip", False),
    (b"7z\xbc\xaf", "7-Zip", False), (b"\xd0\xcf\x11\xe0", "OLE/Office", False),
    (b"\x7fELF", "executable", False), (b"\xfd7zXZ", "xz", False), (b"BZh", "bzip2", True),
    (b"MZ", "executable", True), (b"Rar!", "RAR", True), (b"RIFF", "RIFF", True),
    (b"SQLite format", "SQLite", True),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _check_binary(head: bytes, name: str) -> None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return
    for magic, kind, needs_nul in _MAGIC:
        if head.startswith(magic) and (not needs_nul or b"\x00" in head):
            raise DipError(f"{name}: binary file ({kind}), not text")
    if b"\x00" in head:
        raise DipError(f"{name}: binary file (contains NUL bytes), not text")
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls > 0.1 * len(head):
            raise DipError(f"{name}: binary file (mostly control bytes), not text")


def _decode(data: bytes, name: str, *, declared: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise DipError(f"{name}: starts with a {encoding} byte-order mark but is not "
                               f"valid {encoding}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    text = _mostly_utf8(data)
    if text is not None:
        return text
    text = _detect_encoding(data)
    if text is None:
        raise DipError(f"{name}: not UTF-8 and the encoding could not be detected "
                       "(convert the file to UTF-8)")
    return text


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a damaged file), decoded with U+FFFD for them."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    if bad <= 0 or good < 20 * bad:
        return None
    return text


def _detect_encoding(data: bytes) -> str | None:
    """Ask charset-normalizer; accept only an answer it cannot be talked out of.

    Several single-byte code pages often fit the same bytes equally well (a
    French text is as "clean" in cp1250 as in cp1252). When the best-fitting
    candidates decode to different texts, the one whose non-ASCII characters
    are all letters wins; if that still leaves a tie we refuse.
    """
    import charset_normalizer

    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None or best.chaos > 0.1:
        return None
    tied = [m for m in results if m.chaos <= best.chaos + 0.01]
    decoded: dict[str, str] = {}
    for match in tied:
        try:
            decoded[match.encoding] = data.decode(match.encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    if not decoded:
        return None
    texts = set(decoded.values())
    if len(texts) == 1:
        return texts.pop()

    def letter_share(text: str) -> float:
        high = [ch for ch in text if ord(ch) > 127]
        return sum(ch.isalpha() for ch in high) / len(high) if high else 1.0

    scores = {enc: letter_share(text) for enc, text in decoded.items()}
    top = max(scores.values())
    winners = {decoded[enc] for enc, score in scores.items() if score == top}
    return winners.pop() if len(winners) == 1 else None


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0x20):
        table[cp] = None
    table[ord("\t")] = " "
    table[ord("\n")] = "\n"
    table[0x0B] = "\n"
    table[0x0C] = "\n"
    table[0x0D] = "\n"
    for cp in range(0x7F, 0xA0):
        table[cp] = None
    table[0x85] = "\n"
    for cp in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)):
        table[cp] = " "
    for cp in (0xAD, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062,
               0x2063, 0x2064, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x2070)):
        table[cp] = None
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    # Lone surrogates ("\\ud800" in JSON) cannot be written as UTF-8: every output would fail.
    for cp in range(0xD800, 0xE000):
        table[cp] = "\ufffd"
    return table


_TABLE = _build_table()
_REPLACEMENTS = {chr(cp): value or "" for cp, value in _TABLE.items() if cp != ord("\n")}
_NEEDS_CLEAN = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_REPLACEMENTS)) + "]")


def _clean(text: str) -> str:
    """CRLF/CR -> LF; odd spaces -> space; zero-width and control characters removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _NEEDS_CLEAN.search(text) is None:
        return text
    return _NEEDS_CLEAN.sub(lambda m: _REPLACEMENTS[m.group()], text)


def _collapse(text: str) -> str:
    """Stripped, every whitespace run one space (for text that is already cleaned)."""
    if "  " in text or "\n" in text:
        return " ".join(text.split())
    return text.strip()


def _one_line(text: str) -> str:
    """Cleaned, stripped, every whitespace run turned into one space."""
    return _collapse(_clean(text))


def _meta(value: object) -> str | None:
    """A metadata value as a clean one-line string, or None."""
    if value is None or isinstance(value, (dict, list, tuple, set, bool)):
        return None
    text = _one_line(str(value))
    return text or None


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_WEEKDAYS = frozenset({"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
                       "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
                       "sunday"})
_TIME_WORDS = frozenset({"am", "pm", "a", "p", "m", "utc", "gmt", "z", "t", "est", "edt", "cst",
                         "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet", "cest", "msk", "bjt",
                         "jst", "kst", "ist", "at", "updated", "published", "posted"})
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_NUM_DATE = re.compile(r"(\d{1,4})([./])(\d{1,2})\2(\d{1,4})(?![\d])")
_CJK_DATE = re.compile(r"(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_DATE_TOKENS = re.compile(r"[^\W\d_]+|\d+")


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value: object, *, strict: bool = False) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from a date-like value, else None.

    Reads ``2023-03-22`` (with any time after it), ``22.03.2023``,
    ``23 Mar., 2023``, ``March 22, 2023`` (optionally after a weekday) and
    ``2023年3月23日``. With ``strict`` the whole string must be a date (plus an
    optional time), which is how header lines are recognised.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    s = value.strip()[:80]
    if not s:
        return None
    for pattern in (_ISO_DATE, _CJK_DATE):
        m = pattern.match(s)
        if m:
            if strict and not _only_time(s[m.end():]):
                return None
            return _ymd(int(m[1]), int(m[2]), int(m[3]))
    m = _NUM_DATE.match(s)
    if m:
        if strict and not _only_time(s[m.end():]):
            return None
        a, sep, b, c = int(m[1]), m[2], int(m[3]), int(m[4])
        if len(m[1]) == 4:
            return _ymd(a, b, c)
        if len(m[4]) != 4:
            return None
        if sep == "." or a > 12:
            return _ymd(c, b, a)
        if b > 12:
            return _ymd(c, a, b)
        return None  # 03/04/2023: month first or day first? Refuse to guess.
    tokens = _DATE_TOKENS.findall(s)
    while tokens and tokens[0].lower() in _WEEKDAYS:
        tokens = tokens[1:]
    if len(tokens) < 3:
        return None
    t0, t1, t2 = tokens[:3]
    result = None
    if t0.isdigit() and t1.lower() in _MONTHS and t2.isdigit() and len(t2) == 4:
        result = _ymd(int(t2), _MONTHS[t1.lower()], int(t0))
    elif t0.lower() in _MONTHS and t1.isdigit() and t2.isdigit() and len(t2) == 4:
        result = _ymd(int(t2), _MONTHS[t0.lower()], int(t1))
    if result and strict:
        rest = tokens[3:]
        if len(rest) > 6 or any(not t.isdigit() and t.lower() not in _TIME_WORDS for t in rest):
            return None
    return result


def _only_time(rest: str) -> bool:
    return all(t.isdigit() or t.lower() in _TIME_WORDS for t in _DATE_TOKENS.findall(rest)) \
        and len(rest) <= 40


# --------------------------------------------------------------------------
# Format detection and dispatch
# --------------------------------------------------------------------------

def _parse_data(data: bytes, *, name: str, doc: str, path: str, ext: str,
                on_error: Callable[[DipError], None]) -> Iterator[Article]:
    if not data:
        raise DipError(f"{name}: empty file")
    _check_binary(data[:_HEAD], name)
    newline = data.find(b"\n", 0, 1 << 20)
    first = data[:newline + 1] if newline >= 0 else data[:1 << 20]
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and _looks_like_jsonl(first, ext):
        lines = iter(io.BytesIO(data))
        yield from _iter_jsonl(lines, name=name, doc=doc, path=path, on_error=on_error)
        return
    declared = None
    if ext in _HTML_EXT or data.lstrip()[:1] == b"<":
        m = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-]{2,40})""",
                      data[:4096], re.IGNORECASE)
        declared = m.group(1).decode("ascii") if m else None
    text = _clean(_decode(data, name, declared=declared))
    if not text.strip():
        raise DipError(f"{name}: contains only whitespace" if text else f"{name}: empty file")
    kind = _detect(text, ext)
    if kind == "json":
        try:
            value = json.loads(text)
        except (ValueError, RecursionError) as err:
            if _looks_like_jsonl(text.lstrip().split("\n", 1)[0].encode("utf-8"), ""):
                lines = (line.encode("utf-8") for line in text.split("\n"))
                yield from _iter_jsonl(lines, name=name, doc=doc, path=path, on_error=on_error)
                return
            if ext == ".json":
                detail = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
                where = f" at line {err.lineno}, column {err.colno}" \
                    if isinstance(err, json.JSONDecodeError) else ""
                raise DipError(f"{name}: invalid JSON ({detail}{where})") from None
            kind = "text"  # "[Editor's note] …" is a text that happens to start with a bracket
        else:
            yield from _json_articles(value, name=name, doc=doc, path=path, on_error=on_error)
            return
    if kind == "html":
        yield _parse_html(text, name=name, doc=doc, path=path)
    elif kind == "markdown":
        yield _parse_markdown(text, name=name, doc=doc, path=path)
    else:
        yield _parse_text(text, name=name, doc=doc, path=path)


_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section)\b",
                         re.IGNORECASE)


def _html_head(head: str) -> str:
    """``head`` past an XML declaration and leading comments."""
    if head.startswith("<?xml"):
        end = head.find(">")
        head = head[end + 1:].lstrip() if end >= 0 else ""
    while head.startswith("<!--"):
        end = head.find("-->")
        head = head[end + 3:].lstrip() if end >= 0 else ""
    return head


def _detect(text: str, ext: str) -> str:
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")) and ext not in _MARKDOWN_EXT | _HTML_EXT:
        return "json"
    if ext in _HTML_EXT and head.startswith("<") or _HTML_START.match(_html_head(head)):
        return "html"
    if head.startswith("---") and _front_matter_end(text.lstrip("\ufeff").split("\n", 400)) is not None:
        return "markdown"
    if ext in _MARKDOWN_EXT:
        return "markdown"
    return "text"


def _finish(paras: Iterable[str], *, name: str) -> str:
    """Paragraphs (already cleaned) on one line; empty ones and closing marks dropped; joined."""
    out = []
    for para in paras:
        para = _collapse(para)
        if para and _has_alnum(para):
            out.append(para)
    while out and _is_end_mark(out[-1]):
        out.pop()
    if out:
        last = out[-1]
        for mark in (" ###", " # # #"):
            if last.endswith(mark):
                out[-1] = last[: -len(mark)].rstrip()
    if not out:
        raise DipError(f"{name}: no article text found")
    return "\n\n".join(out)


_ALNUM = re.compile(r"[^\W_]")


def _has_alnum(text: str) -> bool:
    return _ALNUM.search(text) is not None


_END_TIME = re.compile(r"END\s+\d{1,2}[:.]\d{2}(?:\s+[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?")


def _is_end_mark(para: str) -> bool:
    """A closing mark: "-30-", "ENDS", a transcript's "END 9:03 A.M. EDT"."""
    squeezed = para.replace(" ", "").strip("-–—").lower()
    return squeezed in {"30", "end", "ends", "xxx"} or _END_TIME.fullmatch(para) is not None


# --------------------------------------------------------------------------
# Lines -> paragraphs (plain text and JSON records)
# --------------------------------------------------------------------------

# En and em dashes are left out: a wrapped line often starts with "— and then …".
_LIST_ITEM = re.compile(r"(?:--|[-•*·▪►−‣◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\S")
_TERMINAL = ".!?:;…。！？"
_CLOSERS = "\"'”’»)]"
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "de", "del", "della",
                         "du", "des", "da", "di", "do", "dos", "la", "le", "van", "von", "der",
                         "den", "al", "bin", "ibn", "&"})


def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip(_CLOSERS)
    return bool(s) and s[-1] in _TERMINAL


def _first_word(line: str) -> str:
    words = line.split(None, 1)
    return words[0] if words else ""


def _label_end(line: str) -> int:
    """If ``line`` starts with a speaker label ("Name:", "PRESIDENT X:"), the colon's index, else -1."""
    colon = line.find(":", 0, 120)
    if colon <= 0 or colon + 1 < len(line) and not line[colon + 1].isspace():
        return -1
    words = line[:colon].split()
    if not 1 <= len(words) <= 12 or not words[0][:1].isupper():
        return -1
    depth = 0
    for word in words:
        depth += word.count("(") - word.count(")")
        if depth > 0 or word.startswith("(") or word.endswith(")"):
            continue
        if word[:1].isupper() or word.lower() in _CONNECTORS or "-" in word:
            if any(c in word for c in ",;!?\"“”") or (word.endswith(".") and len(word) > 4):
                return -1
            continue
        return -1
    return colon


def _is_name_words(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 8 and all(
        (w[:1].isupper() or w.lower() in _CONNECTORS) and w[-1:].isalnum() for w in words)


def _join_decision(a: str, b: str, *, wrapped: bool, width: int, loose: bool) -> bool:
    """Should line ``b`` continue the paragraph that line ``a`` ends?"""
    if not _has_alnum(a) or not _has_alnum(b) or _LIST_ITEM.match(b):
        return False
    if _label_end(b) >= 0:
        return _is_name_words(a)
    if a.endswith(":") and _label_end(a) == len(a) - 1:
        return True
    if b[:1].islower():
        return True
    if loose:
        return not _ends_sentence(a) and not a.endswith(":")
    if not wrapped:
        return False
    if len(a) > width * 1.25:
        return False
    fits = len(a) + 1 + len(_first_word(b)) <= width
    if _ends_sentence(a):
        return not fits
    if a[-1:].isalnum():
        return len(a) >= width * 0.5 or not fits
    return not fits


def _is_wrapped(blocks: list[list[str]]) -> tuple[bool, int]:
    """Is this hard-wrapped text (most lines ≈ one width)? Also returns that width."""
    inner = sorted(len(line) for block in blocks for line in block[:-1])
    if len(inner) < 3:
        return False, 0
    width = inner[int(0.9 * (len(inner) - 1))]
    share_short = sum(1 for n in inner if n <= 110) / len(inner)
    share_full = sum(1 for n in inner if n >= 0.6 * width) / len(inner)
    return (width <= 110 and share_short >= 0.8 and share_full >= 0.6), width


def _lines_to_paragraphs(lines: Sequence[str], *, loose: bool = False) -> list[str]:
    """Group non-blank lines into paragraphs (blank lines always end one)."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        line = _collapse(raw)
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    wrapped, width = (False, 0) if loose else _is_wrapped(blocks)
    # Each paragraph stays a list of lines until the end, so that gluing block after block
    # onto one paragraph ("a\n\nb\n\nc …") costs linear, not quadratic, time.
    paras: list[list[str]] = []
    alnum: list[bool] = []
    for block in blocks:
        # A blank line inside a sentence (a page break in the source) does not end a paragraph.
        glue = bool(paras) and block[0][:1].islower() and alnum[-1] \
            and not _ends_sentence(paras[-1][-1]) and not _LIST_ITEM.match(block[0])
        if glue:
            buf, has = paras.pop(), alnum.pop()
            buf.append(block[0])
        else:
            buf, has = [block[0]], False
        has = has or _has_alnum(block[0])
        for prev, line in zip(block, block[1:]):
            if _join_decision(prev, line, wrapped=wrapped, width=width, loose=loose):
                buf.append(line)
                has = has or _has_alnum(line)
            else:
                paras.append(buf)
                alnum.append(has)
                buf, has = [line], _has_alnum(line)
        paras.append(buf)
        alnum.append(has)
    return [" ".join(p) for p in paras]


# --------------------------------------------------------------------------
# Names doubled by tooltips ("Angela Merkel Merkel AngelaFederal Chancellor of Germany")
# --------------------------------------------------------------------------

_GLUE = re.compile(r"[^\W\d_](?=[A-Z][a-z])")
_GLUE_FAST = re.compile(r"[a-z][A-Z][a-z]")
_DOUBLED = re.compile(r"(?<!\S)((?:[a-z]{1,3}-)?[A-Z]\S*) \1(?!\S)")
# "and", "in", "at" are left out: "President of Belarus and Nursultan Nazarbayev", "… of
# Germany in Berlin" are far more common in running text than titles like "Minister of
# Industry and Trade".
_DESC_CONNECTORS = frozenset({"of", "for", "to", "de", "del", "du", "des", "da", "di"})
_TRAILING_MARKS = frozenset({",", ".", ";", ":", ")", "]", "!", "?", "’s", "'s"})


def _fold(word: str) -> str:
    word = word.strip(",.;:()\"'“”’")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "der", "den", "de", "du", "da",
                             "dos", "la", "le", "di", "del"})


def _is_name_token(token: str) -> bool:
    """A word that can be part of a person's name: capitalised, "al-Assad", or a particle."""
    if not token or not token[0].isalpha() or not token[-1].isalpha():
        return False
    if token[0].isupper() or token in _NAME_PARTICLES:
        return True
    head, _, tail = token.partition("-")
    return bool(tail) and tail[:1].isupper() and len(head) <= 3


def _description_end(text: str, start: int) -> int:
    """End of a title such as "President of the Republic of Cyprus" starting at ``start``."""
    pos = start
    end = start
    pending_connector = False
    n = len(text)
    while pos < n:
        space = text.find(" ", pos)
        stop = n if space < 0 else space
        token = text[pos:stop]
        bare = token.rstrip(",.;:)]!?")
        if token[:1].isupper() or (token[:1].isdigit() and end > start):
            end = pos + len(bare)
            pending_connector = False
            if bare != token:
                break
        elif token.lower() in _DESC_CONNECTORS and not pending_connector:
            pending_connector = True
        elif token.lower() == "the" and pending_connector:
            pass
        else:
            break
        if space < 0:
            break
        pos = space + 1
    return end


def _dedupe_tooltips(text: str) -> tuple[str, int]:
    """Remove tooltip text glued into a sentence after a linked name.

    A page's hidden tooltip repeats the linked name (often surname first) and
    adds a job title glued to the last name word: "Mr Trotsenko Trotsenko
    RomanPresident of OAO United Shipbuilding Corporation briefed …". The rule
    fires only when a lower-case letter is glued to a capital ("RomanPresident")
    and the name right before the glue repeats the preceding name (same words,
    or surname first); or, without glue, when a two-to-four-word name is
    followed by its surname-first rotation ("Nicolas Sarkozy Sarkozy Nicolas").
    Returns the new text and how many repeats were removed.
    """
    fired = 0
    if _GLUE_FAST.search(text):
        out: list[str] = []
        cursor = 0
        for m in _GLUE.finditer(text):
            glue = m.end()
            if glue < cursor or not text[m.start()].islower() \
                    or text.rfind(" ", max(cursor, glue - 40), glue) < 0:
                continue
            span = _glued_title_span(text, glue, floor=cursor)
            if span is None:
                continue
            t_start, d_end = span
            out.append(text[cursor:t_start].rstrip(" "))
            cursor = d_end
            # The tooltip ended with a space: "… of Azerbaijan ." becomes "… Aliyev."
            if text.startswith(" ", cursor) and (text[cursor + 1:cursor + 2] in _TRAILING_MARKS
                                                 or text.startswith(("’s", "'s"), cursor + 1)):
                cursor += 1
            fired += 1
        if fired:
            out.append(text[cursor:])
            text = "".join(out)
    if _DOUBLED.search(text):
        text, n = _dedupe_rotations(text)
        fired += n
    return text, fired


def _tokens_before(text: str, end: int, floor: int, limit: int) -> list[tuple[int, str]]:
    """Up to ``limit`` whitespace-separated tokens ending at ``end`` (start offset, token)."""
    tokens: list[tuple[int, str]] = []
    pos = end
    floor = max(floor, end - 60 * limit)  # names are short: never look far back
    while len(tokens) < limit and pos > floor:
        space = text.rfind(" ", floor, pos)
        begin = space + 1 if space >= 0 else floor
        tokens.append((begin, text[begin:pos]))
        if space < 0:
            break
        pos = space
    tokens.reverse()
    return tokens


def _glued_title_span(text: str, glue: int, *, floor: int) -> tuple[int, int] | None:
    """Where the tooltip's repeated name starts and its glued job title ends, if this is one.

    The repeated name T ends at the glue. It must repeat the name just before
    it (A): the same words ("Xi Jinping Xi Jinping…"), the same words surname
    first ("Angela Merkel Merkel Angela…", "Alexander Van der Bellen Van der
    Bellen Alexander…"), or, failing those, start with A's last words ("Mr
    Trotsenko Trotsenko Roman…"; the longest such overlap wins).
    """
    tokens = _tokens_before(text, glue, floor, 13)
    words = [_fold(tok) for _, tok in tokens]
    names = [_is_name_token(tok) for _, tok in tokens]
    best: tuple[int, int] | None = None  # (overlap, tlen) for the fallback
    for tlen in range(1, min(6, len(words) - 1) + 1):
        title, before = words[-tlen:], words[:-tlen]
        if not all(names[-tlen:]) or not names[-tlen - 1] or not tokens[-tlen][1][:1].isalpha():
            continue
        if not any(tok[:1].isupper() for _, tok in tokens[-tlen:]):
            continue
        anchor = before[-tlen:]
        if len(anchor) == tlen and all(names[-2 * tlen:-tlen]) and (
                title == anchor or any(title == anchor[-j:] + anchor[:-j] for j in range(1, tlen))):
            return tokens[-tlen][0], _description_end(text, glue)
        for j in range(min(tlen - 1, len(before)), 0, -1):
            if title[:j] == before[-j:] and all(names[-tlen - j:-tlen]):
                if best is None or j > best[0]:
                    best = (j, tlen)
                break
    if best is None:
        return None
    return tokens[-best[1]][0], _description_end(text, glue)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "mister", "madam", "dr", "sir"})


def _dedupe_rotations(text: str) -> tuple[str, int]:
    """Unglued repeats: "Nicolas Sarkozy Sarkozy Nicolas", "Mr Nazarbayev Nazarbayev Nursultan"."""
    words = text.split(" ")
    folded = [_fold(w) for w in words]
    out: list[str] = []
    fired = 0
    i = 0
    n = len(words)
    while i < n:
        skip = 0
        if i and folded[i] and folded[i] == folded[i - 1] and words[i - 1][-1:].isalpha():
            for k in (2, 3, 4):
                if i - k < 0 or i + k > n:
                    break
                anchor, title = folded[i - k:i], folded[i:i + k]
                if title == [anchor[-1], *anchor[:-1]] and all(
                        _is_name_token(w) for w in words[i - k:i + k]):
                    skip = k
                    break
            if not skip and i >= 2 and folded[i - 2] in _HONORIFICS and _is_name_token(words[i]):
                k = 1
                while k < 4 and i + k < n and words[i + k][:1].isupper() \
                        and _is_name_token(words[i + k]):
                    k += 1
                if k > 1 and (i + k == n or not words[i + k][:1].isupper()):
                    skip = k
        if skip:
            fired += 1
            i += skip
            if i < n and words[i] in _TRAILING_MARKS and out:
                out[-1] += words[i]
                i += 1
            continue
        out.append(words[i])
        i += 1
    return (" ".join(out), fired) if fired else (text, 0)


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------

_META_KEYS = {
    "source": "source", "from": "source", "来源": "source", "date": "date", "published": "date",
    "posted": "date", "updated": "date", "time": "date", "发布时间": "date", "日期": "date",
    "hits": None, "views": None, "clicks": None, "editor": None, "editors": None, "author": None,
    "authors": None, "by": None, "writer": None, "reporter": None, "comments": None,
    "责任编辑": None, "编辑": None, "作者": None,
}
_FOOTER_KEYS = {"category": "category", "categories": "category", "section": "category",
                "tags": None, "tag": None, "keywords": None, "editor": None, "editors": None,
                "source": "source", "related": None}
_KEY_VALUE = re.compile(r"\[?\s*([^\W\d_][^\W\d_ ]{0,19}(?: [^\W\d_]{1,12})?)\s*[:：]"
                        r"\s*(.{0,200}?)\s*\]?$")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,4})"
    r"(?:, (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=,))?"
    r"(?:,? (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
    r"(?:\.? ?\((?P<outlet>[^()]{1,40})\))?"
    r"(?:\.? ?/(?P<slash>[A-Za-z][\w .\-]{0,30})/\.?)?"
    r"(?P<sep> ?(?:--|—|–|-) |(?<=/\.) |(?<=/) )"
)


_META_SPLIT = re.compile(r"\s*[|｜]\s*|\s{3,}")


def _field_meta(field: str) -> tuple[str, str | None] | None:
    """Recognise one header field as ("date" | "source" | "other", value), else None."""
    iso = parse_date(field, strict=True)
    if iso:
        return "date", iso
    m = _KEY_VALUE.match(field)
    if m:
        key = m[1].strip().lower()
        if key in _META_KEYS:
            role, value = _META_KEYS[key], m[2].strip()
            if role == "date":
                return "date", parse_date(value)
            return role or "other", value or None
    if field.lower().startswith("by ") and len(field.split()) <= 6:
        return "other", None
    return None


def _parse_meta_line(line: str) -> dict[str, str] | None:
    """A header line such as "23 Mar., 2023  |  Source:新华网  |  Hits:1615" as {role: value}.

    None when any field of the line is not a date, a byline or a known "Key: value".
    """
    if not line or len(line) > 240:
        return None
    fields = [f.strip() for f in _META_SPLIT.split(line.strip()) if f.strip()]
    if not fields or len(fields) > 8:
        return None
    found: dict[str, str] = {}
    for field in fields:
        got = _field_meta(field)
        if got is None:
            return None
        role, value = got
        if role in ("date", "source") and value:
            found.setdefault(role, value)
    return found


# Words that open a salutation ("Mr President,", "Your Excellencies") rather than a headline.
_VOCATIVES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "madam", "madame", "mdm", "mister",
                        "dear", "your", "excellency", "excellencies", "ladies", "distinguished",
                        "honourable", "honorable", "esteemed", "respected", "friends",
                        "colleagues", "hon.", "h.e.", "his", "her"})


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 200:
        return False
    if line.rstrip().endswith((".", ",", ";", ":", "!", "–", "—", "-")) or _LIST_ITEM.match(line):
        return False
    if line.count(",") >= 2 or words[0].lower().strip(",") in _VOCATIVES:
        return False
    return _has_alnum(line) and _DATELINE.match(line) is None


def _title_case(place: str) -> str:
    if not place.isupper():
        return place
    words = place.lower().split()
    small = {"of", "the", "de", "la", "el", "and", "du", "des", "da", "do"}
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _parse_dateline(para: str) -> tuple[str | None, str | None]:
    """(place, outlet) from a dateline such as "MOSCOW, March 22 (Xinhua) --"."""
    m = _DATELINE.match(para[:160])
    if not m:
        return None, None
    place = m["place"].rstrip(".")
    outlet = m["outlet"] or m["slash"]
    if sum(c.isalpha() for c in place) < 3:
        return None, None
    if not (m["date"] or outlet) and m["sep"].strip() not in ("—", "--"):
        return None, None  # "NATO - the alliance …" is no dateline; "WASHINGTON — …" is
    if outlet and (outlet.isdigit() or parse_date(outlet)):
        outlet = None
    region = f", {m['region']}" if m["region"] else ""
    return _title_case(place) + region, outlet.strip() if outlet else None


_MD_EMPHASIS = re.compile(r"\*[^\s*][^*\n]{0,200}\*(?![\w*])")


def _markdownish(text: str) -> bool:
    """Plain text written in Markdown (emphasis, headings, quotes) though not named .md."""
    head = text[:65536]
    hits = head.count("**") // 2 + head.count("\n#") + head.count("\n>") + head.count("](http")
    if hits < 2 and "*" in head:
        for _ in _MD_EMPHASIS.finditer(head):
            hits += 1
            if hits >= 2:
                break
    return hits >= 2


def _md_paragraph(para: str) -> str:
    """One paragraph of Markdown-ish plain text without its Markdown syntax."""
    m = _MD_HEADING.match(para)
    if m:
        para = para[m.end():].rstrip().rstrip("#")
    while para.startswith(">"):
        para = para[1:].lstrip()
    m = _MD_BULLET.match(para)
    if m:
        para = "- " + para[m.end():]
    return _md_inline(para)


def _parse_text(text: str, *, name: str, doc: str, path: str) -> Article:
    markdownish = _markdownish(text)
    lines = text.split("\n")
    n = len(lines)
    title = day = source = category = None

    def next_nonblank(i: int) -> int:
        while i < n and not lines[i].strip():
            i += 1
        return i

    start = next_nonblank(0)
    first = " ".join(lines[start].split()) if start < n else ""
    if markdownish:
        first = " ".join(_md_paragraph(first).split())
    after = next_nonblank(start + 1)
    if after < n:
        meta = _parse_meta_line(first)
        if meta is not None:
            day, source = meta.get("date"), meta.get("source")
            start = after
        elif _looks_like_title(first) and _label_end(first) < 0:
            meta = _parse_meta_line(" ".join(lines[after].split()))
            following = lines[after].strip()
            if meta is not None or (after > start + 1 and not following[:1].islower()
                                    and not following.endswith((";", ","))):
                title = first
                start = after
                if meta is not None:
                    day, source = meta.get("date"), meta.get("source")
                    start = next_nonblank(after + 1)

    end = n
    while True:
        last = end - 1
        while last >= start and not lines[last].strip():
            last -= 1
        if last <= start:
            break
        m = _KEY_VALUE.match(" ".join(lines[last].split())) if len(lines[last]) <= 300 else None
        if not m or m[1].strip().lower() not in _FOOTER_KEYS:
            break
        role = _FOOTER_KEYS[m[1].strip().lower()]
        value = m[2].strip() or None
        if role == "category" and category is None:
            category = value
        elif role == "source" and source is None:
            source = value
        end = last

    paras = _lines_to_paragraphs(lines[start:end])
    if markdownish:
        paras = [_md_paragraph(p) for p in paras]
    place = None
    if paras:
        place, outlet = _parse_dateline(paras[0])
        if source is None:
            source = outlet
    body = _finish(paras, name=name)
    return Article(doc=doc, path=path, format="text", title=_meta(title), date=day,
                   source=_meta(source), place=_meta(place), category=_meta(category), url=None,
                   text=body)


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------

_MD_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_BULLET_CHARS = frozenset("-*+•▪●◦‣∙·")
_MD_BULLET = re.compile(r"\s{0,12}([-*+•▪●◦‣∙·])[ \t]+(?=\S)")
_MD_ORDERED = re.compile(r"\s{0,12}(\d{1,9}[.)])[ \t]+(?=\S)")
_MD_FENCE = re.compile(r" {0,3}(```|~~~)")
_MD_STRUCK = re.compile(r"<(s|del|strike)\b[^<>]{0,200}>[^<]{0,500}</\1\s*>", re.IGNORECASE)
# Link texts may hold escapes, but never a bracket, escaped or not: a scan that starts at one
# "[" then stops at the next, which keeps the whole pass linear.
_MD_IMAGE = re.compile(r"!\[(?:[^\[\]\\\n]|\\[^\[\]\n]){0,500}\]"
                       r"\([^()\s]{0,2000}(?:\s+\"[^\"]{0,200}\")?\)")
_MD_LINK = re.compile(r"\[((?:[^\[\]\\]|\\[^\[\]]){0,1000})\]"
                      r"(?:\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}"
                      r"(?:\s+\"[^\"]{0,200}\")?\)|\[[^\[\]]{0,100}\])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]{1,2000})>")
_MD_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]{0,20}(?:\s[^<>]{0,4000})?/?>")
_MD_INLINE = re.compile(r"\\([!-/:-@\[-`{-~])|\*+|_+|~~|`+")


def _front_matter_end(lines: Sequence[str]) -> int | None:
    """Index of the line closing a front matter block opened by ``---`` on line 0."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, min(len(lines), 400)):
        if lines[i].rstrip() in ("---", "..."):
            return i
    return None


def _lenient_front_matter(lines: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        key = key.strip()
        if sep and key and " " not in key and not line.startswith((" ", "\t", "-")):
            found.setdefault(key.lower(), value.strip().strip("'\""))
    return found


def _read_front_matter(lines: Sequence[str]) -> dict | None:
    import yaml

    block = "\n".join(lines)
    if len(block) > 256 * 1024:
        return _lenient_front_matter(lines) or None
    # The C loader (when PyYAML was built with libyaml) is safe_load's twin, ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(block, Loader=loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        # Broken YAML, or a value its constructors reject ("date: 2021-02-30").
        return _lenient_front_matter(lines) or None
    except RecursionError:
        return None
    if isinstance(data, dict):
        return {str(k).lower(): v for k, v in data.items()}
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _first_of(meta: dict, *keys: str) -> object:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list) and value:
            value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
        if value not in (None, "", []):
            return value
    return None


def _md_inline(text: str) -> str:
    """Markdown inline syntax removed: escapes, emphasis, links, inline HTML."""
    if "<" in text:
        text = _MD_STRUCK.sub("", text)
        text = _MD_AUTOLINK.sub(r"\1", text)
    if "[" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
    if "<" in text:
        text = _MD_TAG.sub(lambda m: " " if m.group()[1:3].lower() == "br" else "", text)

    def inline(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1)
        token = m.group(0)
        if token[0] == "_":
            before = m.string[m.start() - 1] if m.start() else " "
            after = m.string[m.end()] if m.end() < len(m.string) else " "
            if before.isalnum() and after.isalnum():
                return token
        return ""

    if any(c in text for c in "\\*_~`"):
        text = _MD_INLINE.sub(inline, text)
    if "&" in text:
        text = _clean(html_entities.unescape(text))
    return text


def _markdown_blocks(lines: Sequence[str]) -> list[tuple[str, int]]:
    """(paragraph source, heading level or 0), hard-wrapped lines joined."""
    paras: list[tuple[str, int]] = []
    buf: list[str] = []
    hard_break = False
    in_code = False
    quoted = False

    def flush() -> None:
        if buf:
            paras.append((" ".join(buf), 0))
            buf.clear()

    for line in lines:
        stripped = line.strip()
        first = stripped[:1]
        if first in ("`", "~") and _MD_FENCE.match(line):
            flush()
            in_code = not in_code
            continue
        if in_code:
            if stripped:  # escaped, so that the inline pass leaves code as it is
                escaped = stripped.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
                paras.append((escaped, 0))
            continue
        if not stripped:
            flush()
            hard_break = False
            continue
        is_quote = first == ">"
        if is_quote:
            stripped = stripped.lstrip("> ")
            if not stripped:
                flush()
                continue
            first = stripped[:1]
        if is_quote != quoted:
            flush()
            quoted = is_quote
        if first == "#" and not is_quote:
            m = _MD_HEADING.match(stripped)
            if m:
                flush()
                paras.append((stripped[m.end():].rstrip().rstrip("#").rstrip(), len(m[1])))
                hard_break = False
                continue
        if first in ("=", "-", "*", "_"):
            chars = set(stripped)
            if chars <= {"=", "-"} and len(stripped) >= 2 and buf:
                heading = " ".join(buf)
                buf.clear()
                paras.append((heading, 1 if first == "=" else 2))
                continue
            if chars <= {"*", "-", "_", " "} and stripped.count(first) >= 3:
                flush()
                continue
        bullet = _MD_BULLET.match(stripped) if first in _BULLET_CHARS else None
        if bullet:
            flush()
            buf.append("- " + stripped[bullet.end():])
        elif first.isdigit() and _MD_ORDERED.match(stripped):
            flush()
            buf.append(stripped)
        else:
            if buf and hard_break and not first.islower():
                flush()
            buf.append(stripped)
        if line.endswith("\\") and not line.endswith("\\\\"):
            hard_break = True
            buf[-1] = buf[-1][:-1].rstrip()
        else:
            hard_break = line.endswith("  ")
    flush()
    return paras


def _parse_markdown(text: str, *, name: str, doc: str, path: str) -> Article:
    lines = text.lstrip("\ufeff").split("\n")
    meta: dict = {}
    end = _front_matter_end(lines)
    if end is not None:
        meta = _read_front_matter(lines[1:end]) or {}
        lines = lines[end + 1:]
    # (lines, heading level, has a letter or digit): lines are joined at the end, so that
    # gluing many blocks onto one paragraph stays linear.
    blocks: list[tuple[list[str], int, bool]] = []
    for src, level in _markdown_blocks(lines):
        para = _collapse(_md_inline(src))
        if not para:
            continue
        last = blocks[-1] if blocks else None
        # A blank line inside a sentence (a converter's artefact) does not end a paragraph.
        if last is not None and not level and not last[1] and para[:1].islower() \
                and last[2] and not _ends_sentence(last[0][-1]):
            last[0].append(para)
        else:
            blocks.append(([para], level, _has_alnum(para)))
    paras = [(" ".join(parts), level) for parts, level, _ in blocks]
    title = _meta(_first_of(meta, "title", "headline"))
    if title is None:
        first = next(((p, lvl) for p, lvl in paras if _has_alnum(p)), None)
        if first is not None and first[1] == 1:
            title = _meta(first[0])
            paras.remove(first)
    url = _meta(_first_of(meta, "source_url", "url", "link", "canonical_url", "permalink"))
    day = None
    for key in ("date", "published", "published_time", "pubdate", "created", "modified_time"):
        if key in meta:
            day = parse_date(meta[key])
            if day:
                break
    source = _meta(_first_of(meta, "source", "publisher", "site", "outlet")) or _host(url)
    body = _finish((p for p, _ in paras), name=name)
    return Article(doc=doc, path=path, format="markdown", title=title, date=day, source=source,
                   place=_meta(_first_of(meta, "place", "location", "dateline")),
                   category=_meta(_first_of(meta, "category", "categories", "section", "tags")),
                   url=url, text=body)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                        "form", "iframe", "svg", "math", "button", "select", "textarea", "input",
                        "object", "embed", "canvas", "audio", "video", "head", "title", "meta",
                        "link", "base", "dialog", "menu", "map"})
_HIDDEN_CLASSES = frozenset({"hidden", "tooltip", "read__tooltip", "masha-ignore", "sr-only",
                             "visually-hidden", "visuallyhidden", "screen-reader-text", "d-none",
                             "is-hidden", "u-hidden", "hide", "invisible", "element-invisible",
                             "sr-only-focusable", "a11y-hidden", "offscreen"})
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd",
                         "dt", "div", "section", "article", "main", "ul", "ol", "dl", "table",
                         "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "address", "hr",
                         "details", "summary", "center", "fieldset", "legend", "caption", "body",
                         "html", "hgroup", "picture"})
_CELL_TAGS = frozenset({"td", "th"})
_LEAD_CLASSES = frozenset({"read__lead", "article__lead", "article-lead", "standfirst"})


def _classes(el) -> set[str]:
    value = el.get("class")
    return set(value.split()) if value else set()


def _is_hidden(el) -> bool:
    tag = el.tag
    if not isinstance(tag, str) or tag.lower() in _DROP_TAGS:
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.get("style")
    if style:
        squeezed = "".join(style.lower().split())
        if "display:none" in squeezed or "visibility:hidden" in squeezed:
            return True
    for token in _classes(el):
        lower = token.lower()
        if lower in _HIDDEN_CLASSES or lower.startswith(("tooltip_", "tooltip-", "tooltip__")) \
                or lower.endswith("__tooltip"):
            return True
    return False


def _strip_hidden(root) -> None:
    doomed = [el for el in root.iter() if el is not root and _is_hidden(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _html_paragraphs(root) -> list[str]:
    from lxml import etree

    paras: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            para = _one_line("".join(buf))
            if para:
                paras.append(para)
            buf.clear()

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                flush()
            elif tag in _CELL_TAGS:
                buf.append(" ")
            if el.text and tag:
                buf.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
            elif tag in _CELL_TAGS:
                buf.append(" ")
            if el is not root and el.tail:
                buf.append(el.tail)
    flush()
    return paras


def _xpath_first(root, query: str):
    found = root.xpath(query)
    return found[0] if found else None


def _itemprop(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@itemprop), ' '), ' {name} ')"


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _parse_html(text: str, *, name: str, doc: str, path: str) -> Article:
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.LxmlError, ValueError) as err:
        detail = _one_line(str(err)) or "empty document"
        raise DipError(f"{name}: could not parse the HTML ({detail})") from None

    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in metas:
            metas[key] = content

    # A <script> or <template> marked as the body holds code or markup, not the article.
    def shown(query: str):
        return next((el for el in root.xpath(query)
                     if isinstance(el.tag, str) and el.tag.lower() not in _DROP_TAGS), None)

    body = shown(f"//*[{_itemprop('articleBody')}]")
    for query in ("//article", "//main", "//body"):
        if body is None:
            body = shown(query)
    if body is None:
        body = root
    article = body if body.tag == "article" else next(body.iterancestors("article"), None)

    # The lead ("standfirst") sits beside the body inside the article; it is the first paragraph.
    lead = None
    if article is not None:
        above_body = list(body.iterancestors())
        for cand in article.iter():
            if cand is body or not isinstance(cand.tag, str) or cand.tag == "meta":
                continue
            if "description" in (cand.get("itemprop") or "").split() or _classes(cand) & _LEAD_CLASSES:
                if any(cand is a for a in above_body) or any(a is body for a in cand.iterancestors()):
                    continue
                lead = cand
                break

    site = _meta(metas.get("og:site_name") or metas.get("application-name"))
    title = _meta(metas.get("og:title"))
    if title and site:
        for sep in (" • ", " | ", " - ", " – ", " — "):
            if title.endswith(sep + site) and len(title) > len(sep + site):
                title = title[: -len(sep + site)]
    if title is None:
        scope = article if article is not None else root
        h1 = _xpath_first(scope, ".//h1")
        if h1 is not None:
            title = _meta(h1.text_content())
    if title is None:
        node = _xpath_first(root, "//title")
        if node is not None:
            title = _meta(node.text_content())
            for sep in (" • ", " | ", " · ", " ‹ ", " « "):
                if title and sep in title:
                    title = title.rsplit(sep, 1)[0].strip() or title
                    break

    day = parse_date(metas.get("article:published_time"))
    if day is None:
        for query in (f"//time[{_itemprop('datePublished')}]", f"//*[{_itemprop('datePublished')}]",
                      "//time[@datetime]"):
            for el in root.xpath(query):
                day = parse_date(el.get("datetime") or el.get("content") or el.text_content())
                if day:
                    break
            if day:
                break
    if day is None:
        for key in ("date", "dc.date", "dcterms.date", "pubdate", "publish-date", "dc.date.issued"):
            day = parse_date(metas.get(key))
            if day:
                break

    place_el = _xpath_first(root, f"//*[{_has_class('p-location')} or {_has_class('read__place')}]")
    place = _meta(place_el.text_content()) if place_el is not None else None
    url = _meta(metas.get("og:url"))
    if url is None:
        link = _xpath_first(root, "//link[@rel='canonical'][@href]")
        url = _meta(link.get("href")) if link is not None else None
    source = site or _host(url)

    paras: list[str] = []
    if lead is not None:
        _strip_hidden(lead)
        paras.extend(_html_paragraphs(lead))
    _strip_hidden(body)
    body_paras = _html_paragraphs(body)
    if paras and body_paras and body_paras[0] == paras[-1]:
        body_paras = body_paras[1:]
    if title and body_paras and body_paras[0] == title and lead is None:
        body_paras = body_paras[1:]
    paras.extend(body_paras)
    try:
        text_body = _finish(paras, name=name)
    except DipError:
        # libxml2 drops what lies more than 2048 elements deep; say so rather than "no text".
        if any("Excessive depth" in entry.message for entry in parser.error_log):
            raise DipError(f"{name}: HTML nested more than 2048 elements deep; "
                           "no article text found within that depth") from None
        raise
    return Article(doc=doc, path=path, format="html", title=title, date=day, source=source,
                   place=place, category=_meta(metas.get("article:section")), url=url,
                   text=text_body)


# --------------------------------------------------------------------------
# JSON Lines and JSON
# --------------------------------------------------------------------------

_TEXT_KEYS = ("text", "body", "content")


def _record_article(record: object, *, where: str, doc: str, path: str) -> Article:
    """One JSON object -> Article; ``where`` names it in messages ("file:line")."""
    if not isinstance(record, dict):
        raise DipError(f"{where}: expected a JSON object, got {type(record).__name__}")
    raw = next((record[k] for k in _TEXT_KEYS if k in record), None)
    if raw is None:
        raise DipError(f"{where}: no \"text\" field")
    if not isinstance(raw, str):
        raise DipError(f"{where}: \"text\" is not a string")
    paras: list[str] = []
    lead = record.get("lead")
    if isinstance(lead, str) and lead.strip():
        paras.extend(_lines_to_paragraphs(_clean(lead).split("\n"), loose=True))
    paras.extend(_lines_to_paragraphs(_clean(raw).split("\n"), loose=True))
    paras = [_dedupe_tooltips(p)[0] for p in paras]
    if paras and len(paras) > 1 and paras[0] == paras[1]:
        paras.pop(0)
    try:
        body = _finish(paras, name=where)
    except DipError:
        raise DipError(f"{where}: empty text") from None
    url = _meta(record.get("url") or record.get("link"))
    return Article(
        doc=doc, path=path, format="jsonl", title=_meta(record.get("title")),
        date=parse_date(record.get("date") or record.get("published")),
        source=_meta(record.get("source")) or _host(url), place=_meta(record.get("place")),
        category=_meta(record.get("category")), url=url, text=body)


def _iter_jsonl(lines: Iterable[bytes], *, name: str, doc: str, path: str,
                on_error: Callable[[DipError], None]) -> Iterator[Article]:
    """One article per JSON Lines record (``doc:LINE``); bad records go to ``on_error``."""
    seen = False
    for lineno, raw in enumerate(lines, start=1):
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        seen = True
        where = f"{name}:{lineno}"
        try:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise DipError(f"{where}: not valid UTF-8") from None
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise DipError(f"{where}: invalid JSON ({err.msg} at column {err.colno})") from None
            except RecursionError:
                raise DipError(f"{where}: invalid JSON (nested too deeply)") from None
            yield _record_article(record, where=where, doc=f"{doc}:{lineno}", path=path)
        except DipError as err:
            on_error(err)
    if not seen:
        raise DipError(f"{name}: contains only whitespace")


def _json_articles(value: object, *, name: str, doc: str, path: str,
                   on_error: Callable[[DipError], None]) -> Iterator[Article]:
    """A JSON document: one record object, or an array of them (``doc:1``, ``doc:2`` …)."""
    if isinstance(value, dict):
        yield _record_article(value, where=name, doc=doc, path=path)
        return
    if not isinstance(value, list):
        raise DipError(f"{name}: expected a JSON object or an array of objects")
    if not value:
        raise DipError(f"{name}: empty JSON array")
    for index, record in enumerate(value, start=1):
        try:
            yield _record_article(record, where=f"{name}[{index}]", doc=f"{doc}:{index}", path=path)
        except DipError as err:
            on_error(err)
