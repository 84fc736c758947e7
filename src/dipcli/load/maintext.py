"""The main text of a web page that does not mark its article (no ``articleBody``, ``<article>``
or ``<main>``): menus, footers and link lists left out.

With the ``html`` extra installed (``pip install 'dipcli[html]'``), trafilatura finds it; without
it, a built-in heuristic in the manner of Readability: every paragraph of some length that is
not mostly link text scores for the element holding it (and half for that element's parent);
the best-scoring element, weighed by how little of its text is links, is the article. Kept are
its paragraphs that are not mostly links, and beside it the paragraphs of a sibling that scores
nearly as well or that read as sentences (a lead above the body). A page where no paragraph
votes keeps only its sentences, and a main text without one sentence is none: dates, places
and "Share" buttons are no article.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: Paragraphs shorter than this (characters) do not vote for their container.
MIN_VOTE = 25
#: A paragraph with more of its characters in links than this is navigation.
MAX_LINK_DENSITY = 0.5


@dataclass(slots=True, eq=False)
class Block:
    """One paragraph of a page as the HTML reader walks it.

    Attributes:
        text: The paragraph on one line.
        chars: Its characters before whitespace was collapsed.
        link_chars: How many of those were inside links.
        owner: The innermost block element that holds it.
    """

    text: str
    chars: int
    link_chars: int
    owner: object

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def extract(root) -> list[str] | None:
    """trafilatura's paragraphs for the page ``root`` (hidden elements already removed), or
    None when the ``html`` extra is not installed or it finds nothing."""
    try:
        import trafilatura
    except ImportError:
        return None
    from copy import deepcopy

    # No date, metadata or deduplication pass: only the text, the same for the same page.
    found = trafilatura.extract(deepcopy(root), output_format="txt", favor_precision=True,
                                include_comments=False, include_tables=True, deduplicate=False,
                                with_metadata=False)
    if not found:
        return None
    return [line for line in found.split("\n") if line.strip()]


_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\Z")


def main_text(root, blocks: Callable[[], list[Block]]) -> list[str]:
    """The paragraphs of the page ``root``'s main text: :func:`extract`'s when it finds them,
    else those :func:`select` keeps of ``blocks()`` (the page body's paragraphs)."""
    found = extract(root)
    if found is not None:
        return found
    return [block.text for block in select(blocks())]


def select(blocks: list[Block]) -> list[Block]:
    """The blocks of the page's main text, in page order (see the module's docstring)."""
    # Elements are keys as themselves: lxml keeps one proxy per node while a reference lives.
    score: dict[object, float] = {}
    for block in blocks:
        if len(block.text) < MIN_VOTE or block.link_density > MAX_LINK_DENSITY:
            continue
        points = 1 + block.text.count(",") + min(len(block.text) // 100, 3)
        parent = block.owner.getparent()
        grandparent = parent.getparent() if parent is not None else None
        for holder, share in ((parent, 1.0), (grandparent, 0.5)):
            if holder is not None:
                score[holder] = score.get(holder, 0.0) + points * share
    if not score:  # no paragraph of any length: a short note is its sentences; a bare page, nothing
        return [b for b in blocks if b.link_chars == 0 and _SENTENCE_END.search(b.text) is not None]

    # Characters and link characters under each element, for its link density; and the first
    # block under it, so that a tie goes to the element met first in the page.
    chars: dict[object, int] = {}
    links: dict[object, int] = {}
    first: dict[object, int] = {}
    lineage: list[list[object]] = []
    for i, block in enumerate(blocks):
        line = list(_self_and_ancestors(block.owner))
        lineage.append(line)
        for el in line:
            chars[el] = chars.get(el, 0) + block.chars
            links[el] = links.get(el, 0) + block.link_chars
            first.setdefault(el, i)

    def weighed(el) -> float:
        return score.get(el, 0.0) * (1 - links.get(el, 0) / chars[el]) if chars.get(el) else 0.0

    top = max(score, key=lambda el: (weighed(el), -first.get(el, 0)))
    parent = top.getparent()
    siblings = set(parent) if parent is not None else set()
    enough = max(10.0, 0.2 * weighed(top))
    kept = []
    for block, line in zip(blocks, lineage):
        if block.link_density > MAX_LINK_DENSITY:
            continue
        if top in line:
            kept.append(block)
            continue
        sibling = next((el for el in line if el in siblings), None)
        if sibling is not None and (weighed(sibling) >= enough or _reads_as_sentence(block)):
            kept.append(block)
    if not any(_SENTENCE_END.search(block.text) for block in kept):
        return []  # dates, places and "Last updated" lines: no article
    return kept


def _reads_as_sentence(block: Block) -> bool:
    text = block.text
    if len(text) > 80:
        return block.link_density < 0.25
    return block.link_chars == 0 and len(text.split()) >= 4 and _SENTENCE_END.search(text) is not None


def _self_and_ancestors(el):
    while el is not None:
        yield el
        el = el.getparent()
