"""A stance act as a matcher finds it: where its cue is, its polarity, how its object reads."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Polarity
from .holders import Holder


@dataclass(slots=True)
class Act:
    cue0: int       # first token of the cue
    cue1: int       # one past the last token of the cue
    polarity: Polarity
    mode: str       # np | vp | clause | urge | demand | reason | before: how to read the object
    obj: int        # first token of the object
    matcher: str = ""  # the name of the matcher that found it
    holder: Holder | None = None  # the holder, when the matcher found it (a by-agent, a source)
    before: tuple[int, int] | None = None  # mode "before": the target stands before the cue
