"""Paragraphs from lines: hard-wrapped lines joined, list items and speaker labels kept apart,
and the finished body (one paragraph a line, blank lines between) every reader returns."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import DipError
from .decode import collapse

def finish(paras: Iterable[str], *, name: str) -> str:
    """Paragraphs (already cleaned) on one line; empty ones and closing marks dropped; joined."""
    out = []
    for para in paras:
        para = collapse(para)
        if para and has_alnum(para):
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


def has_alnum(text: str) -> bool:
    return _ALNUM.search(text) is not None


_END_TIME = re.compile(r"END\s+\d{1,2}[:.]\d{2}(?:\s+[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?")


def _is_end_mark(para: str) -> bool:
    """A closing mark: "-30-", "ENDS", a transcript's "END 9:03 A.M. EDT"."""
    squeezed = para.replace(" ", "").strip("-–—").lower()
    return squeezed in {"30", "end", "ends", "xxx"} or _END_TIME.fullmatch(para) is not None


# En and em dashes are left out: a wrapped line often starts with "— and then …".
LIST_ITEM = re.compile(r"(?:--|[-•*·▪►−‣◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\S")
_TERMINAL = ".!?:;…。！？"
_CLOSERS = "\"'”’»)]"
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "de", "del", "della",
                         "du", "des", "da", "di", "do", "dos", "la", "le", "van", "von", "der",
                         "den", "al", "bin", "ibn", "&"})


def ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip(_CLOSERS)
    return bool(s) and s[-1] in _TERMINAL


def _first_word(line: str) -> str:
    words = line.split(None, 1)
    return words[0] if words else ""


def label_end(line: str) -> int:
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
    if not has_alnum(a) or not has_alnum(b) or LIST_ITEM.match(b):
        return False
    if label_end(b) >= 0:
        return _is_name_words(a)
    if a.endswith(":") and label_end(a) == len(a) - 1:
        return True
    if b[:1].islower():
        return True
    if loose:
        return not ends_sentence(a) and not a.endswith(":")
    if not wrapped:
        return False
    if len(a) > width * 1.25:
        return False
    fits = len(a) + 1 + len(_first_word(b)) <= width
    if ends_sentence(a):
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


def lines_to_paragraphs(lines: Sequence[str], *, loose: bool = False) -> list[str]:
    """Group non-blank lines into paragraphs (blank lines always end one)."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        line = collapse(raw)
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
            and not ends_sentence(paras[-1][-1]) and not LIST_ITEM.match(block[0])
        if glue:
            buf, has = paras.pop(), alnum.pop()
            buf.append(block[0])
        else:
            buf, has = [block[0]], False
        has = has or has_alnum(block[0])
        for prev, line in zip(block, block[1:]):
            if _join_decision(prev, line, wrapped=wrapped, width=width, loose=loose):
                buf.append(line)
                has = has or has_alnum(line)
            else:
                paras.append(buf)
                alnum.append(has)
                buf, has = [line], has_alnum(line)
        paras.append(buf)
        alnum.append(has)
    return [" ".join(p) for p in paras]
