"""Keywords: the terms that set one group of claims (a speaker, a document) apart.

Methods:

* ``logodds`` (default): weighted log-odds ratio with an informative Dirichlet
  prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), each group against
  the rest of the corpus.  The prior is the pooled corpus itself: the
  pseudo-count of term w is its corpus count, so alpha_0 equals the corpus
  size N.  With that prior the estimate for a group is pulled towards the
  corpus rate, rare terms cannot win on a single occurrence, and the log-odds
  delta is positive exactly when the term's rate in the group is higher than
  in the rest.  Terms are ranked by the z-score (delta over its standard
  error), as the paper recommends: ranking by delta alone favours terms seen
  once.  Only terms with z > 0 are listed.
* ``tfidf``: each group is one document; tf is the raw count, idf the smoothed
  ``ln((1 + G) / (1 + df)) + 1`` over the G groups, scores L2-normalised per
  group (scikit-learn's TfidfVectorizer defaults).
* ``frequency``: raw counts.

With a single group (``by="none"``, or every claim in one group) there is
nothing to compare against, so ``logodds`` and ``tfidf`` both rank the terms
by tf-idf with the claims as documents (count x idf over claims) and say so in
a warning.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from dipcli.model import Analysed, Claim, DipError, Keyword

BY = ("speaker", "doc", "none")
_NAME_WORD = re.compile(r"[^\W\d_]+")
METHODS = ("logodds", "tfidf", "frequency")


def group_of(claim: Claim, by: str) -> str:
    """The group label of a claim.

    Args:
        claim: A claim.
        by: ``speaker`` (the speaker, ``narrator`` for the outlet's own
            voice), ``doc`` (the document id) or ``none`` (``all``).
    """
    if by == "speaker":
        from .pipeline import speaker_label

        return speaker_label(claim)
    if by == "doc":
        return claim.doc
    return "all"


def _check(by: str, method: str, top: int) -> None:
    if by not in BY:
        raise DipError(f"unknown grouping {by!r}; use one of: {', '.join(BY)}")
    if method not in METHODS:
        raise DipError(f"unknown keyword method {method!r}; use one of: {', '.join(METHODS)}")
    if top < 1:
        raise DipError(f"top must be at least 1, not {top}")


def _redundant(candidates: list[int], keys: list[str], row) -> set[int]:
    """Terms that add nothing next to a phrase containing them: every one of
    their occurrences in this group is inside that phrase ("Ukraine" when it
    only occurs in "Ukraine crisis"); and of two phrases that chain into one
    longer name with the same count ("Joao Manuel Goncalves" and "Manuel
    Goncalves Lourenco"), the lower-ranked one.  ``candidates`` is in rank
    order."""
    from dipcli.terms import overlaps, parts

    index = {keys[t]: t for t in candidates}
    out = set()
    phrases = [t for t in candidates if " " in keys[t]]
    for i, t in enumerate(phrases):
        if any(row[u] == row[t] and overlaps(keys[u], keys[t]) for u in phrases[:i] if u not in out):
            out.add(t)
    for t in candidates:
        words = parts(keys[t])
        if len(words) < 2:
            continue
        for size in range(1, len(words)):
            for j in range(len(words) - size + 1):
                sub = index.get(" ".join(words[j : j + size]))
                if sub is not None and row[sub] == row[t]:
                    out.add(sub)
    return out


SMALL_NAMED = 5  # small-sample warnings named one by one before they are summed up


def keywords(
    items: Iterable[Analysed],
    *,
    by: str = "speaker",
    top: int = 10,
    method: str = "logodds",
    min_claims: int = 5,
) -> tuple[list[Keyword], list[str]]:
    """Rank the terms of each group of claims.

    Args:
        items: Analysed articles.
        by: ``speaker``, ``doc`` or ``none``.
        top: Keywords per group.
        method: ``logodds``, ``tfidf`` or ``frequency`` (see the module doc).
        min_claims: Groups with fewer claims are still listed, with a warning.

    Returns:
        The keywords, ordered by group name, then rank (z for ``logodds``,
        score otherwise, highest first), then term; and warning messages for
        stderr.

    Raises:
        DipError: on an unknown ``by`` or ``method``, or ``top`` < 1.

    Example:
        >>> records, warnings = keywords(analysed, by="speaker", top=5)
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    from dipcli.terms import extract, parts, stem, stop_words

    _check(by, method, top)
    claims = [c for item in items for c in item.claims]
    warnings: list[str] = []
    if not claims:
        return [], ["no claims to rank keywords in"]

    labels = [group_of(c, by) for c in claims]
    groups = sorted(set(labels))
    group_index = {g: i for i, g in enumerate(groups)}
    sizes = {g: 0 for g in groups}
    for g in labels:
        sizes[g] += 1
    small = [g for g in groups if sizes[g] < min_claims] if by != "none" else []
    for g in small[:SMALL_NAMED]:
        warnings.append(
            f"{g}: only {sizes[g]} claim{'s' if sizes[g] != 1 else ''} (fewer than {min_claims}); "
            "a small sample, so its keywords are unreliable"
        )
    if len(small) > SMALL_NAMED:
        # a corpus of speeches has hundreds of minor speakers: one line, not hundreds
        warnings.append(f"{len(small) - SMALL_NAMED} more groups have fewer than {min_claims} claims; "
                        "their keywords are unreliable too")

    stop = stop_words()
    terms = extract([c.text for c in claims], stop=stop)
    n_terms = len(terms.keys)
    if n_terms == 0:
        return [], warnings + ["no terms to rank: the claims hold only stop words or numbers"]
    claim_group = np.array([group_index[g] for g in labels], dtype=np.int64)
    counts = csr_matrix(
        (np.ones(len(terms.term)), (claim_group[terms.doc], terms.term)), shape=(len(groups), n_terms)
    )
    counts.sum_duplicates()
    total = np.asarray(counts.sum(axis=0)).ravel()
    n_all = total.sum()

    method_used = method
    if len(groups) == 1 and method != "frequency":
        if method == "logodds":
            warnings.append(
                f"logodds needs at least two groups to compare; ranked the single group {groups[0]!r} "
                "by tf-idf over its claims instead"
            )
        method_used = "claim-tfidf"
        df = np.bincount(np.unique(terms.doc * n_terms + terms.term) % n_terms, minlength=n_terms)
        idf = np.log((1 + len(claims)) / (1 + df)) + 1
    elif method == "tfidf":
        df = np.bincount(counts.indices, minlength=n_terms)
        idf = np.log((1 + len(groups)) / (1 + df)) + 1

    containing: dict[str, list[int]] = {}
    if by == "speaker":
        for t, key in enumerate(terms.keys):
            for w in set(parts(key)):
                containing.setdefault(w, []).append(t)

    def own_name(group: str):
        """Terms with a word of the speaker's name: claims name their speaker
        ("..., Putin said"), which says nothing about what they said."""
        mask = np.zeros(n_terms, dtype=bool)
        for w in {stem(w.lower()) for w in _NAME_WORD.findall(group) if w.lower() not in stop}:
            mask[containing.get(w, [])] = True
        return mask

    records: list[Keyword] = []
    for gi, group in enumerate(groups):
        row = counts.getrow(gi).toarray().ravel()
        rest = total - row
        z = None
        if method_used == "logodds":
            # Prior: alpha_w = corpus count of w (alpha_0 = N).
            alpha = total
            n_i = row.sum()
            n_j = n_all - n_i
            delta = np.zeros(n_terms)
            z = np.zeros(n_terms)
            at = np.flatnonzero(row)
            y_i, y_j, a_w = row[at], rest[at], alpha[at]
            # a term that is the whole of a side's mass has no odds: leave it out rather than divide by 0
            den_i, den_j = n_i + n_all - y_i - a_w, n_j + n_all - y_j - a_w
            fine = (den_i > 0) & (den_j > 0)
            at, y_i, y_j, a_w, den_i, den_j = at[fine], y_i[fine], y_j[fine], a_w[fine], den_i[fine], den_j[fine]
            delta[at] = np.log((y_i + a_w) / den_i) - np.log((y_j + a_w) / den_j)
            z[at] = delta[at] / np.sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w))
            ok = (row > 0) & (z > 0)
            rank, score = z, delta
        elif method_used == "frequency":
            ok = row > 0
            rank = score = row.astype(float)
        else:
            weighted = row * idf
            if method_used == "tfidf":
                weighted = weighted / max(float(np.sqrt((weighted**2).sum())), 1e-300)
            ok = row > 0
            rank = score = weighted
        if by == "speaker":
            ok &= ~own_name(group)
        for t in _pick(np.flatnonzero(ok), rank, row, terms, top):
            records.append(
                Keyword(
                    group=group,
                    term=terms.show(t),
                    score=round(float(score[t]), 6),
                    z=round(float(z[t]), 6) if z is not None else None,
                    count=int(row[t]),
                    count_rest=int(rest[t]),
                )
            )
    return records, warnings


def _pick(candidates, rank, row, terms, top: int) -> list[int]:
    """The ``top`` best candidates by rank (ties by displayed term, then key),
    leaving out terms made redundant by a phrase among the leading ones."""
    import numpy as np

    if len(candidates) == 0:
        return []
    order = candidates[np.argsort(-rank[candidates], kind="stable")]
    window = top * 3 + 10
    while True:
        # Take whole ties at the cut so the tie-break below sees them all.
        cut = min(window, len(order))
        while cut < len(order) and rank[order[cut]] == rank[order[cut - 1]]:
            cut += 1
        chosen = sorted(order[:cut].tolist(), key=lambda t: (-float(rank[t]), terms.show(t).lower(), terms.show(t), terms.keys[t]))
        drop = _redundant(chosen, terms.keys, row)
        picked = [t for t in chosen if t not in drop]
        if len(picked) >= top or cut == len(order):
            return picked[:top]
        window *= 2
