"""Who speaks in a whole document, from outside it: a table of file -> speaker, or a file-name pattern.

A document may name its own speaker (Markdown front matter ``speaker:``, a JSON
Lines ``speaker`` field: :attr:`dipcli.model.Article.author`). Analysts often keep
that elsewhere, in a spreadsheet of who spoke when; :class:`Authors` gives each
article whose document names no speaker the one a table or a pattern names:

* a table (``--authors FILE``: CSV, TSV or XLSX) with a header row. The speaker
  column is the first whose header is ``speaker``, ``author`` or ``name``, else
  the first that contains "speak", "author" or "name" ("Name of Person
  Speaking"). A row belongs to the article whose file it names, in a column
  headed ``file``, ``filename``, ``path``, ``doc`` or ``id`` (compared without
  folder and extension); without such a column, to the article whose file name
  is made of the row's own values ("AFG_74_2019.txt" for the row Year 2019,
  Session 74, ISO Code AFG): every ``_``/``-``/space-separated part of the name
  is one of the row's cells. A name that two rows would fit is left alone.
* a pattern (``--author-pattern REGEX``), searched in the file name without its
  extension: its group named ``speaker``, else its first group, else the whole
  match is the speaker, with ``_`` read as a space.

Honorifics and titles before the name ("Mr.", "H.E.") are dropped, as the
corpus identities drop them (:func:`dipcli.identities.parse_name`).

XLSX is read with the standard library (``zipfile`` and ``xml.etree``): a
workbook is a zip of XML parts, and the few cells a speakers table holds do not
call for a spreadsheet library as a dependency. The first worksheet is read;
its size is bounded before anything is parsed.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath

from .model import Article, DipError

#: The most a table (or one worksheet, unpacked) may take.
MAX_TABLE_BYTES = 64 * 1024 * 1024
_KEY_HEADERS = ("file", "filename", "file name", "path", "doc", "document", "id")
_NAME_HEADERS = ("speaker", "author", "name")
_PARTS = re.compile(r"[_\-\s.]+")


def _cell(value: str) -> str:
    """A cell as keys compare it: trimmed, no case, "79.0" as "79"."""
    v = " ".join(value.split()).casefold()
    if re.fullmatch(r"-?\d+\.0+", v):
        v = v.split(".", 1)[0]
    return v


def _stem(value: str) -> str:
    name = PureWindowsPath(PurePosixPath(value.strip()).name).name
    return name.rsplit(".", 1)[0] if "." in name else name


def _person(raw: str) -> str | None:
    from .identities import parse_name

    text = " ".join(raw.split())
    if not text:
        return None
    shown = parse_name(text).shown
    return shown or text


class Authors:
    """The speakers a table and a pattern give to articles (see the module doc).

    Args:
        table: Path of a CSV, TSV or XLSX table, or None.
        pattern: A regular expression for file names, or None.

    Raises:
        DipError: the table cannot be read or has no speaker column; the pattern is not valid.
    """

    def __init__(self, *, table: str | None = None, pattern: str | None = None):
        self.by_name: dict[str, str | None] = {}  # file stem, folded -> speaker (None: two rows fit)
        self.rows: list[tuple[frozenset[str], str]] = []
        self.index: dict[str, list[int]] = {}
        self.pattern = None
        if pattern:
            try:
                self.pattern = re.compile(pattern)
            except re.error as err:
                raise DipError(f"--author-pattern: not a valid regular expression ({err})") from None
        if table:
            self._read(table)

    def _read(self, path: str) -> None:
        rows = read_table(path)
        header_at = next((i for i, r in enumerate(rows) if sum(1 for c in r if c.strip()) >= 2), None)
        if header_at is None:
            raise DipError(f"{path}: no header row (a row naming at least two columns)")
        header = [" ".join(h.split()).casefold() for h in rows[header_at]]
        name_col = next((i for i, h in enumerate(header) if h in _NAME_HEADERS), None)
        if name_col is None:
            name_col = next((i for word in ("speak", "author", "name") for i, h in enumerate(header) if word in h),
                            None)
        if name_col is None:
            raise DipError(f"{path}: no column names the speaker (a header speaker, author or name)")
        key_col = next((i for i, h in enumerate(header) if h in _KEY_HEADERS and i != name_col), None)
        for row in rows[header_at + 1:]:
            if name_col >= len(row):
                continue
            speaker = _person(row[name_col])
            if speaker is None:
                continue
            if key_col is not None:
                if key_col < len(row) and row[key_col].strip():
                    key = _cell(_stem(row[key_col]))
                    self.by_name[key] = speaker if self.by_name.get(key, speaker) == speaker else None
                continue
            values = frozenset(_cell(c) for i, c in enumerate(row) if i != name_col and c.strip())
            if not values:
                continue
            self.rows.append((values, speaker))
            for v in values:
                self.index.setdefault(v, []).append(len(self.rows) - 1)

    def speaker(self, doc: str, path: str) -> str | None:
        """The speaker the table or the pattern gives the article ``doc`` read from ``path``."""
        stem = _stem(path) if path and path != "-" else doc.split(":", 1)[0]
        found = self._from_table(stem)
        if found is None and self.pattern is not None:
            m = self.pattern.search(stem)
            if m:
                value = m.groupdict().get("speaker") or (m.group(1) if m.re.groups else m.group())
                found = _person((value or "").replace("_", " "))
        return found

    def _from_table(self, stem: str) -> str | None:
        key = _cell(stem)
        if key in self.by_name:
            return self.by_name[key]
        if not self.rows:
            return None
        parts = [p for p in (_cell(x) for x in _PARTS.split(stem)) if p]
        if not parts:
            return None
        candidates = min((self.index.get(p, []) for p in parts), key=len)
        fits = {self.rows[i][1] for i in candidates if all(p in self.rows[i][0] for p in parts)}
        return fits.pop() if len(fits) == 1 else None

    def apply(self, article: Article) -> Article:
        """``article`` with the speaker the table or pattern gives it, unless it names its own."""
        if article.author is not None:
            return article
        found = self.speaker(article.doc, article.path)
        return replace(article, author=found) if found else article


# -- reading tables ------------------------------------------------------------------------------

def read_table(path: str) -> list[list[str]]:
    """The rows of a CSV, TSV or XLSX file as lists of strings (XLSX: its first worksheet).

    Raises:
        DipError: missing, too large, or not a table in that format.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as err:
        raise DipError(f"cannot read {path}: {err.strerror or err}") from None
    if size > MAX_TABLE_BYTES:
        raise DipError(f"{path}: {size / 1e6:.0f} MB is too large for a table of speakers")
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_rows(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = p.read_text(encoding="cp1252")
    except OSError as err:
        raise DipError(f"cannot read {path}: {err.strerror or err}") from None
    delimiter = "\t" if p.suffix.lower() == ".tsv" or "\t" in text.split("\n", 1)[0] else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _xlsx_rows(path: Path) -> list[list[str]]:
    import zipfile
    import xml.etree.ElementTree as ET

    def part(zf: zipfile.ZipFile, name: str) -> bytes:
        info = zf.getinfo(name)
        if info.file_size > MAX_TABLE_BYTES:
            raise DipError(f"{path}: {name} unpacks to {info.file_size / 1e6:.0f} MB, too large for a table")
        return zf.read(info)

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            sheet = _first_sheet(zf, part, names)
            strings: list[str] = []
            if "xl/sharedStrings.xml" in names:
                for si in ET.fromstring(part(zf, "xl/sharedStrings.xml")).iterfind("m:si", _NS):
                    # a string is its <t>, or the <t> of each of its rich-text runs
                    strings.append("".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t")))
            root = ET.fromstring(part(zf, sheet))
    except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError) as err:
        raise DipError(f"{path}: not a readable XLSX workbook ({err})") from None
    rows: list[list[str]] = []
    for row in root.iterfind("m:sheetData/m:row", _NS):
        cells: dict[int, str] = {}
        for c in row.iterfind("m:c", _NS):
            col = _column(c.get("r", "")) if c.get("r") else len(cells)
            kind = c.get("t")
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter(f"{{{_NS['m']}}}t"))
            else:
                v = c.find("m:v", _NS)
                value = v.text or "" if v is not None else ""
                if kind == "s" and value.isdigit() and int(value) < len(strings):
                    value = strings[int(value)]
            cells[col] = value
        if cells:
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)])
    return rows


def _first_sheet(zf, part, names: set[str]) -> str:
    """The path of the workbook's first worksheet, through the workbook's relationships."""
    import xml.etree.ElementTree as ET

    book = ET.fromstring(part(zf, "xl/workbook.xml"))
    first = book.find("m:sheets/m:sheet", _NS)
    if first is not None and "xl/_rels/workbook.xml.rels" in names:
        rid = first.get(_REL)
        rels = ET.fromstring(part(zf, "xl/_rels/workbook.xml.rels"))
        for rel in rels:
            if rel.get("Id") == rid:
                target = rel.get("Target", "").lstrip("/")
                return target if target.startswith("xl/") else f"xl/{target}"
    return "xl/worksheets/sheet1.xml"


def _column(ref: str) -> int:
    """ "C7" -> 2."""
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + (ord(ch.upper()) - 64)
    return max(n - 1, 0)
