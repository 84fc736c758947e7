"""Keyword in context: every place a term occurs in the claims, with the text around it.

A single word matches its inflections (the Snowball stem: ``sanction`` finds
"sanctions"); a phrase matches the same words in a row, separated only by
whitespace (or a possessive: "China's position" for ``china position``).
Case never matters.  Offsets point into the article text.
"""
from __future__ import annotations

from collections.abc import Iterable

from .model import Analysed, DipError, KwicHit, speaker_matches

_LINE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})



def _consecutive(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    if gap[:2] in ("'s", "\u2019s", "'S", "\u2019S"):
        gap = gap[2:]
    return gap.isspace()


def _left(text: str, start: int, window: int) -> str:
    """Up to ``window`` characters before ``start``, cut back to a word boundary unless that
    would drop the word next to the match (then the word stays, cut)."""
    a = max(0, start - window)
    if 0 < a < start and text[a - 1].isalnum() and text[a].isalnum():
        cut = next((i for i in range(a, start) if text[i].isspace()), None)
        if cut is not None and text[cut + 1:start].strip():
            a = cut + 1
    return text[a:start].translate(_LINE).lstrip()


def _right(text: str, end: int, window: int) -> str:
    """Up to ``window`` characters after ``end``, cut back to a word boundary unless that
    would drop the word next to the match."""
    b = min(len(text), end + window)
    if end < b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
        cut = next((i for i in range(b - 1, end - 1, -1) if text[i].isspace()), None)
        if cut is not None and text[end:cut].strip():
            b = cut
    return text[end:b].translate(_LINE).rstrip()


def kwic(
    items: Iterable[Analysed],
    term: str,
    *,
    window: int = 40,
    speaker: str | None = None,
) -> list[KwicHit]:
    """Find a word or phrase in the claims and show it in context.

    Args:
        items: Analysed articles.
        term: A word (inflections match) or phrase (consecutive words).
        window: Characters of context on each side, cut back to a word
            boundary unless that would leave no word next to the match.
        speaker: Only claims whose speaker matches, case-insensitively: the
            whole name or any of its words (``putin`` matches "Vladimir
            Putin"); ``narrator`` for the outlet's own voice.

    Returns:
        Hits in input order (article, then offset).  ``start``/``end`` are
        offsets into the article text and ``match == text[start:end]``;
        ``left``/``right`` have line breaks replaced by spaces.

    Raises:
        DipError: when the term has no words or the window is negative.

    Example:
        >>> kwic(analysed, "sanctions", speaker="putin")
    """
    from dipcli.terms import tokens

    query = [t[2] for t in tokens(term)]
    if not query:
        raise DipError(f"nothing to search for: {term!r} has no words")
    if window < 0:
        raise DipError(f"window must be 0 or more, not {window}")
    n = len(query)
    # A cheap filter before tokenising a claim: a word with this stem
    # contains the stem without its last letter (Snowball only rewrites the
    # final letter, "hoping" -> "hope"), except for a few short irregular
    # stems ("dying" -> "die"), which are not filtered on.
    longest = max(query, key=len)
    probe = longest[:-1] if len(longest) >= 4 else None


    hits: list[KwicHit] = []
    seen: set[tuple[str, int, int]] = set()
    for item in items:
        text = item.article.text
        for claim in sorted(item.claims, key=lambda c: (c.start, c.end, c.id)):
            if speaker and not speaker_matches(claim.speaker, speaker):
                continue
            span = text[claim.start : claim.end]
            if probe is not None and probe not in span.lower().replace("\u2019", "'"):
                continue
            toks = tokens(span)
            for j in range(len(toks) - n + 1):
                if toks[j][2] != query[0]:
                    continue
                if any(
                    toks[j + o][2] != query[o] or not _consecutive(span, toks[j + o - 1][1], toks[j + o][0])
                    for o in range(1, n)
                ):
                    continue
                start = claim.start + toks[j][0]
                end = claim.start + toks[j + n - 1][1]
                key = (claim.doc, start, end)
                if key in seen:
                    continue
                seen.add(key)
                hits.append(
                    KwicHit(
                        doc=claim.doc,
                        claim=claim.id,
                        speaker=claim.speaker,
                        start=start,
                        end=end,
                        left=_left(text, start, window),
                        match=text[start:end],
                        right=_right(text, end, window),
                    )
                )
    return hits
