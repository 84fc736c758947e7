"""Bytes to clean text: binary content refused, encodings decoded, odd characters normalised.

``clean`` is what makes offsets stable across formats: every reader's text
goes through it (CRLF and CR to LF, odd spaces to a space, zero-width and
control characters removed), and ``collapse`` puts a paragraph on one line.
"""
from __future__ import annotations

import re

from ..model import DipError

#: How much of an input the binary check looks at.
HEAD = 8192

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


def binary_kind(head: bytes) -> str | None:
    """What kind of non-text file ``head`` (an input's first bytes) starts, or None for text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return None
    for magic, kind, needs_nul in _MAGIC:
        if head.startswith(magic) and (not needs_nul or b"\x00" in head):
            return kind
    if b"\x00" in head:
        return "contains NUL bytes"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls > 0.1 * len(head):
            return "mostly control bytes"
    return None


def refuse_binary(head: bytes, name: str) -> None:
    """Raise the one-line error for binary content (``head``: the input's first bytes)."""
    kind = binary_kind(head)
    if kind is not None:
        raise DipError(f"{name}: binary file ({kind}), not text")


#: The encoding of the last resort (see :func:`decode`).
FALLBACK = "Windows-1252"


def decode(data: bytes, name: str, *, declared: str | None = None,
           forced: str | None = None) -> tuple[str, str | None]:
    """Text from bytes, and the encoding it was read in when that was a guess of the last resort.

    In order: the ``forced`` encoding alone when given; else the byte-order mark; UTF-8; the
    encoding the content ``declared``; UTF-8 with a few broken bytes; what the detector
    (charset-normalizer) is sure of; and last Windows-1252 (Latin-1 for the five bytes it
    leaves undefined) when that gives a text whose letters are mostly ASCII: an English text
    with a curly apostrophe as its only non-ASCII byte is one the detector cannot decide.

    Raises:
        DipError: Not text in the forced encoding, a broken byte-order mark, or no encoding.
    """
    if forced:
        try:
            return data.decode(forced), None
        except UnicodeDecodeError as err:
            raise DipError(f"{name}: not valid {forced} (byte 0x{data[err.start]:02x} at offset "
                           f"{err.start})") from None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), None
            except UnicodeDecodeError:
                raise DipError(f"{name}: starts with a {encoding} byte-order mark but is not "
                               f"valid {encoding}") from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass
    text = _mostly_utf8(data)
    if text is None:
        text = _detect_encoding(data)
    if text is not None:
        return text, None
    text = _windows_1252(data)
    if text is None:
        raise DipError(f"{name}: not UTF-8 and the encoding could not be detected "
                       "(convert the file to UTF-8, or name its encoding)")
    return text, FALLBACK


# Bytes Windows-1252 leaves undefined, as surrogateescape decodes them.
_UNDEFINED_1252 = re.compile("[\udc81\udc8d\udc8f\udc90\udc9d]")


def _windows_1252(data: bytes) -> str | None:
    """``data`` as Windows-1252 (Latin-1 for its undefined bytes), or None when most letters
    of the result are not ASCII (noise, or a script this cannot be)."""
    text = _UNDEFINED_1252.sub(lambda m: chr(ord(m.group()) - 0xDC00),
                               data.decode("cp1252", errors="surrogateescape"))
    letters = [ch for ch in text if ch.isalpha()]
    if 2 * sum(ch.isascii() for ch in letters) < len(letters):
        return None
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


def clean(text: str) -> str:
    """CRLF/CR -> LF; odd spaces -> space; zero-width and control characters removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _NEEDS_CLEAN.search(text) is None:
        return text
    return _NEEDS_CLEAN.sub(lambda m: _REPLACEMENTS[m.group()], text)


def collapse(text: str) -> str:
    """Stripped, every whitespace run one space (for text that is already cleaned)."""
    if "  " in text or "\n" in text:
        return " ".join(text.split())
    return text.strip()


def one_line(text: str) -> str:
    """Cleaned, stripped, every whitespace run turned into one space."""
    return collapse(clean(text))


def meta(value: object) -> str | None:
    """A metadata value as a clean one-line string, or None."""
    if value is None or isinstance(value, (dict, list, tuple, set, bool)):
        return None
    text = one_line(str(value))
    return text or None


