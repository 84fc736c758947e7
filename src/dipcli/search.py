"""``who-said``: rank claims by relevance to a query (Okapi BM25 over stemmed words, phrase bonus)."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .model import Analysed, Claim, speaker_matches
from .terms import tokens

K1, B = 1.2, 0.75
PHRASE_BONUS = 1.5


@dataclass(slots=True)
class Hit:
    claim: Claim
    score: float
    spans: list[tuple[int, int]]  # matched words, offsets into the article text


@cache
def search_stop_words() -> frozenset[str]:
    """scikit-learn's English stop list, read from its source file without importing sklearn.

    Importing the package costs about a second, which a search that should
    answer in a quarter of one cannot pay.
    """
    import ast
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    source = Path(list(spec.submodule_search_locations)[0], "feature_extraction", "_stop_words.py")
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "frozenset" and node.args:
            return frozenset(ast.literal_eval(node.args[0]))
    return frozenset()


def parse_query(query: str) -> tuple[list[str], list[list[str]]]:
    """Stems of the query's content words, and the stem sequences of its quoted phrases."""
    stop = search_stop_words()
    phrases = [[t[2] for t in tokens(p, stop=stop)] for p in re.findall(r'"([^"]+)"', query)]
    words = [t[2] for t in tokens(query, stop=stop)]
    if not words:  # a query of stop words only still means something ("we")
        words = [t[2] for t in tokens(query)]
    if not phrases and len(words) > 1:
        phrases = [words]
    return list(dict.fromkeys(words)), [p for p in phrases if len(p) > 1]


def search(items: list[Analysed], query: str, *, speaker: str | Callable[[Claim], bool] | None = None,
           top: int = 10) -> list[Hit]:
    """The ``top`` claims (0: all) that best match ``query``; ``speaker`` keeps only the claims
    of a speaker (a name for :func:`dipcli.model.speaker_matches`, or a test of the claim)."""
    terms, phrases = parse_query(query)
    if not terms:
        return []
    stop = search_stop_words()
    keep = speaker if callable(speaker) else (lambda c: not speaker or speaker_matches(c.speaker, speaker))
    docs = []
    for item in items:
        text = item.article.text
        for c in item.claims:
            if not keep(c):
                continue
            toks = tokens(text[c.start:c.end], stop=stop)
            docs.append((c, toks))
    if not docs:
        return []
    n = len(docs)
    avgdl = sum(len(t) for _, t in docs) / n or 1.0
    df: Counter[str] = Counter()
    for _, toks in docs:
        df.update({t[2] for t in toks} & set(terms))
    idf = {t: math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in terms}
    hits = []
    for c, toks in docs:
        stems = [t[2] for t in toks]
        tf = Counter(s for s in stems if s in idf)
        if not tf:
            continue
        dl = len(stems)
        score = sum(idf[t] * tf[t] * (K1 + 1) / (tf[t] + K1 * (1 - B + B * dl / avgdl)) for t in tf)
        for phrase in phrases:
            if _has_run(stems, phrase):
                score += PHRASE_BONUS * sum(idf.get(t, 0.0) for t in phrase)
        spans = [(c.start + s, c.start + e) for s, e, st, _ in toks if st in idf]
        hits.append(Hit(c, round(score, 4), spans))
    hits.sort(key=lambda h: (-h.score, h.claim.doc, h.claim.start))
    return hits[:top] if top > 0 else hits


def _has_run(stems: list[str], phrase: list[str]) -> bool:
    k = len(phrase)
    return any(stems[i:i + k] == phrase for i in range(len(stems) - k + 1))

