"""On-disk cache of analysed articles, keyed by content and dipcli version.

Entries are JSON (never pickle: a cache file is data, not code) written
atomically (temporary file, then rename). An entry that fails to parse, was
written by another version, or whose offsets do not fit its text is ignored
and rebuilt.
"""
from __future__ import annotations

import hashlib
import json
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
    h = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".tsv") and p.is_file()):
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
            raw = self._path(key).read_text(encoding="utf-8")
            data = json.loads(raw)
            return _decode(data, article, key)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, item: Analysed) -> None:
        if self.root is None:
            return
        key = article_key(item.article)
        path = self._path(key)
        data = {"schema": SCHEMA, "version": __version__, "key": key,
                "paragraphs": [asdict(p) for p in item.paragraphs],
                "claims": [asdict(c) for c in item.claims]}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return


def _decode(data: dict, article: Article, key: str) -> Analysed | None:
    if data.get("schema") != SCHEMA or data.get("version") != __version__ or data.get("key") != key:
        return None
    text = article.text
    paras = [Paragraph(**p) for p in data["paragraphs"]]
    claims = [Claim(**c) for c in data["claims"]]
    for p in paras:
        if not (0 <= p.start <= p.end <= len(text)):
            return None
    for c in claims:
        if not (0 <= c.start <= c.end <= len(text)) or text[c.start:c.end] != c.text or c.doc != article.doc:
            return None
    return Analysed(article=article, paragraphs=paras, claims=claims)
