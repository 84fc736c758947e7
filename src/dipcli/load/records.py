"""The JSON readers: JSON Lines (one article a line, streamed) and JSON (one record or an array).

A record is an object with the text in ``text`` (or ``body``, ``content``),
and optionally ``title``, ``date``, ``url``, ``source``, ``place``,
``category`` and ``lead``. Its lines are joined loosely (an exporter's line
breaks are not paragraphs) and names doubled by tooltips are removed.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator

from ..model import Article, DipError
from .base import Input, host
from .dates import parse_date
from .decode import clean, meta
from .paragraphs import finish, lines_to_paragraphs
from .tooltips import dedupe_tooltips


def starts_records(first_line: bytes, ext_format: str | None) -> bool:
    """Is this the first line of a JSON Lines input (by its extension, or a complete JSON object)?"""
    if ext_format == "jsonl":
        return True
    if ext_format == "json":
        return False
    head = first_line.removeprefix(b"\xef\xbb\xbf").strip()
    if not head.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(head), dict)
    except ValueError:
        return False


def sniff_jsonl(inp: Input) -> bool:
    """Named ``.jsonl``, or a first line that is a JSON object."""
    # A UTF-16 file cannot be split into lines as bytes: the JSON reader decodes it whole first.
    return not inp.data.startswith((b"\xff\xfe", b"\xfe\xff")) and starts_records(inp.first_line, inp.ext_format)


def read_jsonl(inp: Input) -> Iterator[Article]:
    """One article per line of an input held in memory (see :func:`read_lines`)."""
    return read_lines(iter(io.BytesIO(inp.data)), name=inp.name, doc=inp.doc, path=inp.path, on_error=inp.on_error,
                      encoding=inp.encoding)


def sniff_json(inp: Input) -> bool:
    """Starting with ``{`` or ``[``, unless named as Markdown or HTML."""
    return inp.head.startswith(("{", "[")) and inp.ext_format not in ("markdown", "html")


def read_json(inp: Input) -> Iterator[Article] | None:
    """The records of a JSON document; JSON Lines that were not recognised by their first line
    (a UTF-16 file) are read line by line; None (not JSON after all) for a text that merely
    starts with a bracket ("[Editor's note] …"), unless it is named ``.json``."""
    text, name = inp.text, inp.name
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as err:
        if starts_records(text.lstrip().split("\n", 1)[0].encode("utf-8"), None):
            lines = (line.encode("utf-8") for line in text.split("\n"))
            return read_lines(lines, name=name, doc=inp.doc, path=inp.path, on_error=inp.on_error)
        if inp.ext_format == "json":
            detail = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
            where = f" at line {err.lineno}, column {err.colno}" \
                if isinstance(err, json.JSONDecodeError) else ""
            raise DipError(f"{name}: invalid JSON ({detail}{where})") from None
        return None
    return _json_articles(value, name=name, doc=inp.doc, path=inp.path, on_error=inp.on_error)


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
        paras.extend(lines_to_paragraphs(clean(lead).split("\n"), loose=True))
    paras.extend(lines_to_paragraphs(clean(raw).split("\n"), loose=True))
    paras = [dedupe_tooltips(p)[0] for p in paras]
    if paras and len(paras) > 1 and paras[0] == paras[1]:
        paras.pop(0)
    try:
        body = finish(paras, name=where)
    except DipError:
        raise DipError(f"{where}: empty text") from None
    url = meta(record.get("url") or record.get("link"))
    return Article(
        doc=doc, path=path, format="jsonl", title=meta(record.get("title")),
        date=parse_date(record.get("date") or record.get("published")),
        source=meta(record.get("source")) or host(url), place=meta(record.get("place")),
        category=meta(record.get("category")), url=url, text=body, author=meta(record.get("speaker")))


def read_lines(lines: Iterable[bytes], *, name: str, doc: str, path: str, on_error: Callable[[DipError], None],
               encoding: str | None = None) -> Iterator[Article]:
    """One article per JSON Lines record (``doc:LINE``); bad records go to ``on_error``. Records
    are UTF-8 (JSON's own encoding) unless another ``encoding`` is given."""
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
                line = raw.decode(encoding or "utf-8")
            except UnicodeDecodeError:
                raise DipError(f"{where}: not valid {encoding or 'UTF-8'}") from None
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
