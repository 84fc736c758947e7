"""Writing results: JSON, JSON Lines and CSV stream record by record; tables go through Rich.

Only this module writes results to stdout. Text from articles is untrusted:
control characters and ANSI escapes are stripped before a table is printed,
Rich markup in it is escaped, and CSV cells that a spreadsheet would read as
a formula are prefixed with an apostrophe.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import orjson

from .model import DipError

# Escape sequences (CSI, OSC), C0 and C1 control characters, and lone surrogates,
# which no UTF-8 stream can carry.
CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
                     r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
LINE_BREAK = re.compile(r"[\t\n\x85\u2028\u2029]+")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_dict(record: Any) -> dict[str, Any]:
    """A record as a dict in field order, nested records and containers converted too.

    Equal to ``dataclasses.asdict`` for our records, at a fifth of its cost
    (which deep-copies every value): a million claims are written in seconds.
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {name: _plain(getattr(record, name)) for name in _names(type(record))}
    return record


@functools.cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return as_dict(value)
    return value


def safe_text(s: Any) -> str:
    """Untrusted text made safe for a terminal: no escapes, no control characters, markup escaped."""
    from rich.markup import escape

    return escape(CONTROL.sub("", "" if s is None else str(s)))


def one_line(s: Any) -> str:
    """A message for stderr: no escapes or control characters, and on one line.

    File names and article text can hold anything; a message about them must
    neither drive the terminal nor look like several messages.
    """
    text = LINE_BREAK.sub(" ", "" if s is None else str(s))
    return CONTROL.sub("", text).strip()


def csv_cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))
    if isinstance(value, str):
        value = _encodable(value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def _encodable(s: str) -> str:
    """``s`` with lone surrogates (undecodable file-name bytes, "\\ud800" in JSON) as U+FFFD."""
    return s if s.isascii() else SURROGATE.sub("\ufffd", s)


def _json_default(o: Any) -> Any:
    # One level at a time: the encoder walks lists and dicts itself and comes
    # back here for every nested record.
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return {name: getattr(o, name) for name in _names(type(o))}
    raise TypeError(f"not serialisable: {type(o).__name__}")


# Keys that are not strings (counts by year) are written as strings, as json does.
_ORJSON_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """``obj`` (records, dicts, lists) as JSON text; non-ASCII kept, lone surrogates replaced.

    One line, compact (no spaces after separators), written by orjson: four times
    the speed of the standard library's encoder, which made JSON writing an
    eighth of what ``claims`` costs. ``indent`` pretty-prints with ``json``.
    """
    if indent is None:
        try:
            return orjson.dumps(obj, default=_json_default, option=_ORJSON_OPTIONS).decode()
        except orjson.JSONEncodeError:
            # A lone surrogate is no UTF-8: the record is written with U+FFFD instead
            # (anything else that cannot be encoded fails again, as it should).
            return orjson.dumps(_without_surrogates(obj), default=_json_default, option=_ORJSON_OPTIONS).decode()
    return _encodable(json.dumps(obj, ensure_ascii=False, indent=indent, default=_json_default))


def _without_surrogates(obj: Any) -> Any:
    """``obj`` as plain containers, with lone surrogates in its strings as U+FFFD."""
    obj = as_dict(obj)
    if isinstance(obj, str):
        return _encodable(obj)
    if isinstance(obj, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_without_surrogates(v) for v in obj]
    return obj


def write_records(records: Iterable[Any], fmt: str, *, fields: list[str] | None = None,
                  out: TextIO | None = None) -> int:
    """Stream records in a machine format; returns how many were written."""
    out = out or sys.stdout
    n = 0
    if fmt == "json":
        out.write("[")
        for rec in records:
            out.write(",\n" if n else "\n")
            out.write(dumps(rec))
            n += 1
        out.write("\n]\n" if n else "]\n")
    elif fmt == "jsonl":
        for rec in records:
            out.write(dumps(rec) + "\n")
            n += 1
    elif fmt == "csv":
        writer = None
        if fields is not None:
            writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
        for rec in records:
            row = as_dict(rec)
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n", extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: csv_cell(v) for k, v in row.items()})
            n += 1
    else:
        raise ValueError(f"unknown format {fmt!r}")
    out.flush()
    return n


def write_object(obj: Any, *, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(dumps(obj, indent=2) + "\n")
    out.flush()


def check_output_path(output: str) -> None:
    """Refuse, before any work, an output path that cannot be written: a folder, or a file in
    a folder that does not exist. ``-`` is standard output."""
    import os

    if output == "-":
        return
    if os.path.isdir(output):
        raise DipError(f"cannot write {output}: it is a folder")
    folder = os.path.dirname(output) or "."
    if not os.path.isdir(folder):
        raise DipError(f"cannot write {output}: no folder {folder}")


def write_document(text: str, output: str) -> int:
    """A whole document (the report page) to the file ``output``, or to stdout for ``-``;
    returns the number of bytes written."""
    data = text.encode("utf-8", errors="replace")
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return len(data)
    try:
        with open(output, "wb") as f:
            f.write(data)
    except OSError as err:
        raise DipError(f"cannot write {output}: {err.strerror or err}") from None
    return len(data)


def stdout_console():
    from rich.console import Console

    # emoji=False: ":flag_for_ghana:" in an article stays text.
    return Console(highlight=False, soft_wrap=False, emoji=False)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False)


def print_table(title: str | None, columns: list[tuple[str, dict]], rows: Iterable[list[Any]],
                *, console=None, caption: str | None = None) -> int:
    """A Rich table; cells are escaped unless they are rich ``Text`` objects built by us."""
    from rich.table import Table
    from rich.text import Text

    console = console or stdout_console()
    # Titles and headers hold user input too (a query, a speaker's name): Rich would read
    # "[/x]" in them as markup and fail.
    table = Table(title=None if title is None else safe_text(title),
                  caption=None if caption is None else safe_text(caption), show_lines=False, expand=False)
    for name, opts in columns:
        table.add_column(safe_text(name), **opts)
    n = 0
    for row in rows:
        table.add_row(*[c if isinstance(c, Text) else safe_text(c) for c in row])
        n += 1
    if n:
        console.print(table)
    return n



#: Rows a table shows when no --limit is given: a terminal is no place for a hundred thousand rows.
TABLE_LIMIT = 500


def take(records: Iterable[Any], limit: int) -> tuple[list[Any], int]:
    """The first ``limit`` records (all for 0) and how many more there were (the rest is read and counted)."""
    it = iter(records)
    if limit <= 0:
        return list(it), 0
    head = list(itertools.islice(it, limit))
    return head, sum(1 for _ in it)


def emit(records: Iterable[Any], fmt: str, *, fields: list[str] | None = None,
         table: Callable[[list[Any]], int] | None = None, empty_note: str | None = "no results",
         limit: int | None = None, noun: str = "records", quiet: bool = False) -> int:
    """Write records in ``fmt``; tables are built from the materialised list.

    Args:
        empty_note: Printed on stderr instead of an empty table (nothing when it is None).
        limit: At most this many records (0: all). Tables default to
            :data:`TABLE_LIMIT`; machine formats to all. When records are left out,
            a line on stderr says how many and how to get them.
        noun: What the records are, for that line ("claims").
        quiet: No note on stderr (--quiet).
    """
    if fmt == "table":
        items, more = take(records, TABLE_LIMIT if limit is None else limit)
        if not items:
            if empty_note is not None and not quiet:
                stderr_console().print(f"[dim]{safe_text(empty_note)}[/dim]")
            return 0
        assert table is not None
        n = table(items)
    else:
        if limit:
            records, more = take(records, limit)
        n = write_records(records, fmt, fields=fields)
        if not limit:
            return n
    if more and not quiet:
        how = "--limit 0 shows them all" + (", --format jsonl streams them" if fmt == "table" else "")
        stderr_console().print(f"[dim]{more:,} more {safe_text(noun)} not shown ({how})[/dim]", highlight=False)
    return n


def field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]

