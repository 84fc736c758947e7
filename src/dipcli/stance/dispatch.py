"""Which of the stance matchers can answer at a token: the table :func:`.matchers.match` reads.

A row of ``matchers.MATCHERS`` may name the lower-cased tokens it can answer at (``heads``), read
from the table its first test reads: the forms of its verbs (:func:`forms_of`), its adjectives,
its nouns. It may add a cheap test of the tokens after the head (``can``) that holds wherever it
answers: a carrier's stance noun within its reach, a particle verb's first particle. A row that
names no heads is tried at every token, one without ``can`` wherever its heads stand.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .act import Act
from .tokens import Tokens
from .words import HEAD_FORMS

# A matcher: (tokens, head index, the head's lemma if it reads as the holder's verb, forced) -> act.
Find = Callable[[Tokens, int, str | None, bool], Act | None]


@dataclass(frozen=True, slots=True)
class Matcher:
    """A named way of finding an act; ``heads``: the tokens it can answer at (None: any token);
    ``can``: a test of the head's context that holds wherever it answers (None: none)."""

    name: str
    find: Find
    heads: frozenset[str] | None = None
    can: Callable[[Tokens, int], bool] | None = None


def forms_of(lemmas) -> frozenset[str]:
    """The head forms whose lemma is one of ``lemmas``: where a matcher that reads the lemma can answer."""
    return frozenset(f for f, lemma in HEAD_FORMS.items() if lemma in lemmas)


def matchers_at(table: tuple[Matcher, ...]) -> tuple[dict[str, tuple[Matcher, ...]], tuple[Matcher, ...]]:
    """The matchers of ``table`` that can answer at each token, in order, and those tried at any
    other token (the ones that name no heads)."""
    anywhere = tuple(m for m in table if m.heads is None)
    heads = set().union(*(m.heads for m in table if m.heads is not None))
    return {h: tuple(m for m in table if m.heads is None or h in m.heads) for h in heads}, anywhere
