"""On-disk cache of analysed articles, keyed by content and dipcli version.

Entries are JSON (never pickle: a cache file is data, not code) written
atomically (temporary file, then rename). An entry that fails to parse, was
written by another version, has other fields or value types than the records,
or whose offsets do not fit its text is ignored and rebuilt.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from pathlib import Path

from . import __version__
from .model import Analysed, Article, Claim, DipError, Paragraph

SCHEMA = 1


def cache_dir() -> Path:
    env = os.environ.get("DIPCLI_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dipcli", appauthor=False))


@cache
def code_fingerprint() -> str:
    """A digest of the package's own code and data: a changed analyser never reads old entries."""
    return tree_fingerprint(Path(__file__).parent)


def tree_fingerprint(root: Path) -> str:
    """A digest of the code (``.py``) and data (``.tsv``, ``.txt``) files under ``root``."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".tsv", ".txt") and p.is_file()):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def article_key(article: Article) -> str:
    h = hashlib.sha256()
    h.update(f"{__version__}\0{SCHEMA}\0{code_fingerprint()}\0".encode())
    for value in (article.doc, article.path, article.format, article.title, article.date, article.source,
                  article.place, article.category, article.url, article.text):
        h.update((value or "").encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class Cache:
    def __init__(self, root: Path | None):
        self.root = root

    @classmethod
    def open(cls, *, on_error: Callable[[DipError], None] | None = None) -> "Cache":
        root = cache_dir()
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError:
            # An unwritable cache is not the user's input problem: run without one.
            return cls(None)
        return cls(root)

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Analysed | None:
        if self.root is None:
            return None
        key = article_key(article)
        try:
            raw = self._path(key).read_bytes().decode("utf-8", "surrogatepass")
            return _decode(json.loads(raw), article, key)
        except (OSError, ValueError, RecursionError):
            # Missing, unreadable, truncated or garbled: the caller analyses again and rewrites it.
            return None

    def put(self, item: Analysed) -> None:
        if self.root is None:
            return
        key = article_key(item.article)
        path = self._path(key)
        data = {"schema": SCHEMA, "version": __version__, "key": key,
                "paragraphs": [asdict(p) for p in item.paragraphs],
                "claims": [asdict(c) for c in item.claims]}
        # surrogatepass: a lone surrogate that reached a record must not make the run fail.
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return


def _fields(cls) -> dict[str, tuple[type, ...]]:
    """Field name -> the JSON types its value may have (None allowed where the record allows it)."""
    kinds = {"int": (int,), "str": (str,), "bool": (bool,), "float": (float, int),
             "str | None": (str, type(None)), "list[str]": (list,)}
    return {f.name: kinds.get(str(f.type), (object,)) for f in dataclasses.fields(cls)}


_PARAGRAPH = _fields(Paragraph)
_CLAIM = _fields(Claim)


def _record(raw: object, cls, fields: dict[str, tuple[type, ...]]):
    """``cls(**raw)`` when raw has exactly the record's fields with values of the right types."""
    if not isinstance(raw, dict) or raw.keys() != fields.keys():
        raise ValueError("wrong fields")
    for name, kinds in fields.items():
        value = raw[name]
        # bool is an int to isinstance; neither is a valid offset or text here.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise ValueError(f"{name}: wrong type")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{name}: not finite")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ValueError(f"{name}: wrong item type")
    return cls(**raw)


def _decode(data: object, article: Article, key: str) -> Analysed | None:
    """The cached entry for ``article``, or None when it is not exactly a valid one."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or data.get("version") != __version__ \
            or data.get("key") != key:
        return None
    paras_raw, claims_raw = data.get("paragraphs"), data.get("claims")
    if not isinstance(paras_raw, list) or not isinstance(claims_raw, list):
        return None
    from .segment import paragraphs

    text = article.text
    paras = [_record(p, Paragraph, _PARAGRAPH) for p in paras_raw]
    claims = [_record(c, Claim, _CLAIM) for c in claims_raw]
    # Paragraphs cost a linear scan to recompute: cheaper than trusting them.
    if paras != paragraphs(text):
        return None
    for c in claims:
        if c.doc != article.doc or not 0 <= c.paragraph < len(paras):
            return None
        para = paras[c.paragraph]
        if not (para.start <= c.start <= c.end <= para.end) or text[c.start:c.end] != c.text:
            return None
    return Analysed(article=article, paragraphs=paras, claims=claims)
