"""On-disk cache of analysed articles, keyed by content, dipcli version and code fingerprint.

Entries are gzip-compressed JSON (never pickle: a cache file is data, not code)
written atomically (temporary file, then rename), one file per article under a
folder per *generation* (dipcli version, entry schema and code fingerprint):
``ROOT/GENERATION/ab/abcdef….json.gz``. An entry holds the paragraphs and the
claims without their text, which is the article's own (``text[start:end]``).
An entry that fails to decompress or parse, was written by another version,
has other fields or value types than the records, or whose offsets do not fit
its text is ignored and rebuilt.

The cache stays bounded: a hit marks its entry as used (its modification time),
and after a run has written a twentieth of the bound the least recently used
entries go until the whole cache is under the bound (``DIPCLI_CACHE_MAX_SIZE``,
default 500 MB). Other generations' folders go once unused for an hour (they
are never read again, but another dipcli version may be running beside this one).
Only files and folders named as the cache names them are ever removed.
"""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import math
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from . import __version__
from .files import write_atomically
from .model import Analysed, Article, Claim, DipError, Paragraph, SpeakerKind, Via

SCHEMA = 2
DEFAULT_MAX_SIZE = 500 * 1024 * 1024
#: A generation folder unused for this long is removed (seconds).
STALE_AFTER = 3600
#: gzip level: 1 is three times level 6's speed for 2 % more bytes on claims.
LEVEL = 1

_ENTRY = re.compile(r"[0-9a-f]{64}\.json(\.gz)?")
_SHARD = re.compile(r"[0-9a-f]{2}")
_GENERATION = re.compile(r"g-[0-9A-Za-z.+_-]+-[0-9]+-[0-9a-f]{16}")
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", re.I)


def cache_dir() -> Path:
    env = os.environ.get("DIPCLI_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dipcli", appauthor=False))


def parse_size(text: str) -> int:
    """``"500M"``, ``"2 GB"``, ``"1.5g"``, ``"1000000"`` -> bytes (K, M, G, T are powers of 1024)."""
    m = _SIZE.fullmatch(text)
    if not m:
        raise DipError(f"not a size: {text!r} (use bytes or a number with K, M or G, such as 500M)")
    return int(float(m.group(1)) * 1024 ** " kmgt".index((m.group(2) or " ").lower()))


def max_size() -> int:
    """The bound on the cache's size, from ``DIPCLI_CACHE_MAX_SIZE`` (0 turns the cache off)."""
    env = os.environ.get("DIPCLI_CACHE_MAX_SIZE")
    if env is None or not env.strip():
        return DEFAULT_MAX_SIZE
    try:
        return parse_size(env)
    except DipError as err:
        raise DipError(f"DIPCLI_CACHE_MAX_SIZE: {err}") from None


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


def generation() -> str:
    """This dipcli's folder in the cache: version, entry schema and code fingerprint."""
    return f"g-{__version__}-{SCHEMA}-{code_fingerprint()}"


def article_key(article: Article) -> str:
    h = hashlib.sha256()
    h.update(f"{__version__}\0{SCHEMA}\0{code_fingerprint()}\0".encode())
    for value in (article.doc, article.path, article.format, article.title, article.date, article.source,
                  article.place, article.category, article.url, article.text, article.author):
        h.update((value or "").encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


@dataclass(slots=True)
class Entry:
    path: Path
    size: int
    used: float  # last use: the modification time, set again on every hit
    current: bool  # of this dipcli's generation


def entries(root: Path) -> Iterator[Entry]:
    """Every cache entry under ``root``: generation folders and the flat layout of SCHEMA 1."""
    if not root.is_dir():
        return
    mine = generation()
    for top in _scandir(root):
        if top.is_dir(follow_symlinks=False) and _GENERATION.fullmatch(top.name):
            for shard in _scandir(Path(top.path)):
                if shard.is_dir(follow_symlinks=False) and _SHARD.fullmatch(shard.name):
                    yield from _entries_in(Path(shard.path), current=top.name == mine)
        elif top.is_dir(follow_symlinks=False) and _SHARD.fullmatch(top.name):
            yield from _entries_in(Path(top.path), current=False)


def _scandir(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError:
        return []


def _entries_in(shard: Path, *, current: bool) -> Iterator[Entry]:
    for f in _scandir(shard):
        if _ENTRY.fullmatch(f.name) and f.is_file(follow_symlinks=False):
            try:
                st = f.stat(follow_symlinks=False)
            except OSError:
                continue
            yield Entry(Path(f.path), st.st_size, st.st_mtime, current)


def _remove(paths: Iterator[Path] | list[Path]) -> tuple[int, int]:
    """Remove entry files, then the shard and generation folders left empty; (count, bytes)."""
    n = size = 0
    folders: set[Path] = set()
    for path in paths:
        try:
            size += path.stat().st_size
            path.unlink()
            n += 1
            folders.add(path.parent)
        except OSError:
            continue
    for folder in sorted(folders | {f.parent for f in folders}, key=lambda p: -len(p.parts)):
        if _SHARD.fullmatch(folder.name) or _GENERATION.fullmatch(folder.name):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                pass
    return n, size


def clear(root: Path | None = None) -> tuple[int, int]:
    """Remove every entry (all generations); returns (entries, bytes) removed."""
    return _remove([e.path for e in entries(root or cache_dir())])


def trim(root: Path, bound: int) -> tuple[int, int]:
    """Remove the least recently used entries until the cache is under ``bound`` bytes
    (to nine tenths of it, so the next runs do not trim again at once)."""
    found = list(entries(root))
    total = sum(e.size for e in found)
    if total <= bound:
        return 0, 0
    doomed, goal = [], total - bound * 9 // 10
    for e in sorted(found, key=lambda e: (e.current, e.used, e.path.name)):
        if goal <= 0:
            break
        doomed.append(e.path)
        goal -= e.size
    return _remove(doomed)


def prune_stale(root: Path, *, now: float | None = None) -> tuple[int, int]:
    """Remove other generations (and the old flat layout) unused for ``STALE_AFTER`` seconds."""
    now = time.time() if now is None else now
    mine = generation()
    doomed: list[Path] = []
    for top in _scandir(root):
        if top.name == mine or not top.is_dir(follow_symlinks=False):
            continue
        if not (_GENERATION.fullmatch(top.name) or _SHARD.fullmatch(top.name)):
            continue  # not ours: the cache folder may be shared with other files
        try:
            if now - top.stat(follow_symlinks=False).st_mtime < STALE_AFTER:
                continue
        except OSError:
            continue
        doomed.append(Path(top.path))
    removed = _remove([e.path for folder in doomed for e in _all_in(folder)])
    for folder in doomed:  # what is left empty: shards, then the generation folder
        for shard in _scandir(folder):
            if _SHARD.fullmatch(shard.name):
                try:
                    os.rmdir(shard.path)
                except OSError:
                    pass
        try:
            folder.rmdir()
        except OSError:
            pass
    return removed


def _all_in(folder: Path) -> Iterator[Entry]:
    """The entries of a generation folder or of an old flat-layout shard."""
    if _SHARD.fullmatch(folder.name):
        yield from _entries_in(folder, current=False)
        return
    for shard in _scandir(folder):
        if shard.is_dir(follow_symlinks=False) and _SHARD.fullmatch(shard.name):
            yield from _entries_in(Path(shard.path), current=False)


def info(root: Path | None = None) -> dict:
    """Where the cache is, how many entries (this generation's and others'), their size, the bound."""
    root = root or cache_dir()
    current = stale = current_bytes = stale_bytes = 0
    for e in entries(root):
        if e.current:
            current += 1
            current_bytes += e.size
        else:
            stale += 1
            stale_bytes += e.size
    return {"path": str(root), "generation": generation(), "entries": current, "bytes": current_bytes,
            "stale_entries": stale, "stale_bytes": stale_bytes, "max_bytes": max_size()}


class Cache:
    def __init__(self, root: Path | None, *, bound: int = DEFAULT_MAX_SIZE):
        self.root = root  # the generation folder; None: no cache
        self.bound = bound
        self._written = 0

    @classmethod
    def open(cls, *, on_error: Callable[[DipError], None] | None = None) -> "Cache":
        bound = max_size()
        if bound == 0:
            return cls(None, bound=0)
        top = cache_dir()
        root = top / generation()
        try:
            root.mkdir(parents=True, exist_ok=True)
            os.utime(root)  # this generation is in use: it is not pruned as stale
        except OSError:
            # An unwritable cache is not the user's input problem: run without one.
            return cls(None)
        prune_stale(top)
        return cls(root, bound=bound)

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json.gz"

    def get(self, article: Article) -> Analysed | None:
        if self.root is None:
            return None
        key = article_key(article)
        path = self._path(key)
        try:
            raw = gzip.decompress(path.read_bytes()).decode("utf-8", "surrogatepass")
            item = _decode(json.loads(raw), article, key)
        except (OSError, ValueError, EOFError, RecursionError, gzip.BadGzipFile):
            # Missing, unreadable, truncated or garbled: the caller analyses again and rewrites it.
            return None
        if item is not None:
            try:
                os.utime(path)  # last use, for the least-recently-used bound
            except OSError:
                pass
        return item

    def put(self, item: Analysed) -> None:
        if self.root is None:
            return
        key = article_key(item.article)
        path = self._path(key)
        data = {"schema": SCHEMA, "version": __version__, "key": key,
                "paragraphs": [asdict(p) for p in item.paragraphs],
                "claims": [_without_text(c) for c in item.claims]}
        # surrogatepass: a lone surrogate that reached a record must not make the run fail.
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        payload = gzip.compress(payload, compresslevel=LEVEL, mtime=0)
        if not write_atomically(path, payload, suffix=".json.gz"):
            return
        self._written += len(payload)
        if self._written * 20 >= self.bound:
            self._written = 0
            trim(self.root.parent, self.bound)


def _without_text(claim: Claim) -> dict:
    d = asdict(claim)
    del d["text"]
    return d


# Fields whose value is one of a set of words: the JSON string must be one of them.
_ENUMS = {"SpeakerKind": SpeakerKind, "Via": Via}


def _fields(cls, *, without: tuple[str, ...] = ()) -> dict[str, tuple[type, ...]]:
    """Field name -> the JSON types its value may have (None allowed where the record allows it)."""
    kinds = {"int": (int,), "str": (str,), "bool": (bool,), "float": (float, int),
             "str | None": (str, type(None)), "list[str]": (list,)} | {name: (str,) for name in _ENUMS}
    return {f.name: kinds.get(str(f.type), (object,)) for f in dataclasses.fields(cls) if f.name not in without}


_PARAGRAPH = _fields(Paragraph)
_CLAIM = _fields(Claim, without=("text",))
_CLAIM_ENUMS = {f.name: _ENUMS[f.type] for f in dataclasses.fields(Claim) if f.type in _ENUMS}


def _check(raw: object, fields: dict[str, tuple[type, ...]]) -> dict:
    """``raw`` when it has exactly the record's fields with values of the right types."""
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
    return raw


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
    paras = [Paragraph(**_check(p, _PARAGRAPH)) for p in paras_raw]
    # Paragraphs cost a linear scan to recompute: cheaper than trusting them.
    if paras != paragraphs(text):
        return None
    claims = []
    for raw in claims_raw:
        c = _check(raw, _CLAIM)
        if c["doc"] != article.doc or not 0 <= c["paragraph"] < len(paras):
            return None
        para = paras[c["paragraph"]]
        if not para.start <= c["start"] <= c["end"] <= para.end:
            return None
        for name, enum in _CLAIM_ENUMS.items():
            c[name] = enum(c[name])  # ValueError when it is none of them
        claims.append(Claim(text=text[c["start"]:c["end"]], **c))
    return Analysed(article=article, paragraphs=paras, claims=claims)
