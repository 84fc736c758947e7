"""Word lists shipped as data: one file per concept under ``data/lexicon/``, read on first use.

A list file (``NAME.txt``) holds one entry per line; ``#`` starts a comment,
blank lines are skipped, entries keep their case and inner spaces. A table file
(``NAME.tsv``) holds tab-separated rows with a header line naming the columns.
Each file is read once per process; importing this module reads nothing, so
``dipcli --help`` pays nothing for it.

Every module that needs a word list asks here by name, so a concept has one
copy that a linguist can review in a diff. The parse cache's key covers these
files (:func:`dipcli.cache.code_fingerprint`).
"""
from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["entries", "rows", "words"]


def _read(name: str) -> str:
    return resources.files("dipcli").joinpath("data", "lexicon", name).read_text(encoding="utf-8")


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``data/lexicon/NAME.txt`` in file order (comments and blanks dropped)."""
    out = []
    for line in _read(f"{name}.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``data/lexicon/NAME.txt`` as a set."""
    return frozenset(entries(name))


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/lexicon/NAME.tsv`` as dicts keyed by the header's column names."""
    lines = [line for line in _read(f"{name}.tsv").splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return tuple(dict(zip(header, line.split("\t"))) for line in lines[1:])
