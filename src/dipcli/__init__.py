"""dipcli: who said what, with what stance, on which topics, in diplomatic texts.

The Python API (:mod:`dipcli.api`), loaded on first use so that ``import dipcli``
(which the command line does too) stays cheap:

- :func:`analyse` one text, :func:`load` files and folders -> analysed articles
  (:class:`Analysed`: ``.article``, ``.paragraphs``, ``.claims``);
- :func:`claims`, :func:`list_speakers`, :func:`find_stances`, :func:`stance_matrix`,
  :func:`find_keywords`, :func:`find_topics`, :func:`find_kwic`, :func:`who_said` over them;
- :func:`find_identities`: who is who across the articles (one person's names are one identity);
- :func:`to_records`: any of those results as plain dicts (``pandas.DataFrame(to_records(...))``).

Example:
    >>> import dipcli
    >>> doc = dipcli.analyse("Foreign Minister Ana Lindqvist said the talks were useful.")
    >>> doc.claims[0].speaker
    'Ana Lindqvist'
"""
from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_API = ("analyse", "load", "claims", "list_speakers", "find_stances", "stance_matrix", "find_keywords",
        "find_topics", "find_kwic", "who_said", "find_identities", "to_records")
_MODEL = ("Analysed", "Article", "Claim", "Speaker", "Stance", "Keyword", "Topic", "TopicTerm", "KwicHit",
          "Paragraph", "DipError")
__all__ = ["__version__", *_API, *_MODEL]

if TYPE_CHECKING:
    from .api import (analyse, claims, find_identities, find_keywords, find_kwic, find_stances, find_topics,
                      list_speakers, load, stance_matrix, to_records, who_said)
    from .model import (Analysed, Article, Claim, DipError, Keyword, KwicHit, Paragraph, Speaker, Stance,
                        Topic, TopicTerm)


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    if name in _MODEL:
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'dipcli' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package, whose ``load`` stays the API function when the ``dipcli.load`` module is
    imported (the import system would otherwise set the attribute to the module)."""

    def __setattr__(self, name: str, value) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return  # the module is sys.modules["dipcli." + name], for "from dipcli.load import ..."
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
