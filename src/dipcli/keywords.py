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

Counting is apart from scoring: :func:`count_groups` counts the terms of each
group in this process, :func:`dipcli.distributed.count_groups_dask` counts the
same on a Dask cluster, and :func:`rank_counts` scores either.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dipcli.model import Analysed, Claim, DipError, Keyword

BY = ("speaker", "doc", "none")
_NAME_WORD = re.compile(r"[^\W\d_]+")
METHODS = ("logodds", "tfidf", "frequency")


def group_of(claim: Claim, by: str) -> str:
    """The group label of a claim.

    Args:
        claim: A claim.
        by: ``speaker`` (the speaker's corpus identity when the claim has one,
            else its name; ``narrator`` for the outlet's own voice), ``doc`` (the
            document id) or ``none`` (``all``).
    """
    if by == "speaker":
        from .model import speaker_label

        return claim.identity or speaker_label(claim)  # the corpus identity, when the claims were labelled
    if by == "doc":
        return claim.doc
    return "all"


def _check(by: str, method: str, top: int) -> None:
    check_by(by)
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


@dataclass(slots=True)
class GroupCounts:
    """What keyword scoring reads: how often each term occurs in each group of claims.

    :func:`count_groups` builds it in this process;
    :func:`dipcli.distributed.count_groups_dask` builds the same on a Dask
    cluster.

    Attributes:
        groups: the group labels, sorted.
        sizes: claims per group, in ``groups`` order.
        keys: the term keys, sorted; a term's id is its index here.
        counts: groups x terms occurrence counts (SciPy CSR of float64, no
            stored zeros).
        shown: displays a term id through its ``show(term)`` method (a
            :class:`dipcli.terms.Terms` or :class:`dipcli.terms.TermForms`).
        claim_df: with exactly one group, per term id the number of claims
            containing the term (NumPy array), for the tf-idf over claims;
            otherwise None.
    """

    groups: list[str]
    sizes: list[int]
    keys: list[str]
    counts: Any
    shown: Any
    claim_df: Any = None


def check_by(by: str) -> None:
    """Raise :class:`DipError` unless ``by`` is one of :data:`BY`."""
    if by not in BY:
        raise DipError(f"unknown grouping {by!r}; use one of: {', '.join(BY)}")


def count_groups(items: Iterable[Analysed], *, by: str = "speaker") -> GroupCounts:
    """Count the terms (words and collocations) of each group of claims, in this process.

    Args:
        items: Analysed articles.
        by: ``speaker``, ``doc`` or ``none``.

    Returns:
        A :class:`GroupCounts` (no groups when there are no claims).

    Raises:
        DipError: on an unknown ``by``.

    Example:
        >>> counts = count_groups(analysed, by="doc")
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    from dipcli.terms import extract, stop_words

    check_by(by)
    claims = [c for item in items for c in item.claims]
    if not claims:
        return GroupCounts(groups=[], sizes=[], keys=[], counts=None, shown=None)
    labels = [group_of(c, by) for c in claims]
    groups = sorted(set(labels))
    group_index = {g: i for i, g in enumerate(groups)}
    claim_group = np.array([group_index[g] for g in labels], dtype=np.int64)
    terms = extract([c.text for c in claims], stop=stop_words())
    n_terms = len(terms.keys)
    counts = csr_matrix(
        (np.ones(len(terms.term)), (claim_group[terms.doc], terms.term)), shape=(len(groups), n_terms)
    )
    counts.sum_duplicates()
    claim_df = None
    if len(groups) == 1:
        claim_df = np.bincount(np.unique(terms.doc * n_terms + terms.term) % max(n_terms, 1), minlength=n_terms)
    return GroupCounts(groups=groups, sizes=np.bincount(claim_group, minlength=len(groups)).tolist(),
                       keys=terms.keys, counts=counts, shown=terms, claim_df=claim_df)


def keywords(
    items: Iterable[Analysed],
    *,
    by: str = "speaker",
    top: int = 10,
    method: str = "logodds",
    min_claims: int = 5,
) -> tuple[list[Keyword], list[str]]:
    """Rank the terms of each group of claims.

    :func:`count_groups`, then :func:`rank_counts`.

    Args:
        items: Analysed articles.
        by: ``speaker``, ``doc`` or ``none``.
        top: Keywords per group.
        method: ``logodds``, ``tfidf`` or ``frequency`` (see the module doc).
        min_claims: Groups with fewer claims are still listed, with a warning.

    Returns:
        The keywords, ordered by group size (most claims first, then name), then rank (z for ``logodds``,
        score otherwise, highest first), then term; and warning messages for
        stderr.

    Raises:
        DipError: on an unknown ``by`` or ``method``, or ``top`` < 1.

    Example:
        >>> records, warnings = keywords(analysed, by="speaker", top=5)
    """
    _check(by, method, top)
    return rank_counts(count_groups(items, by=by), by=by, top=top, method=method, min_claims=min_claims)


def rank_counts(
    counts: GroupCounts,
    *,
    by: str = "speaker",
    top: int = 10,
    method: str = "logodds",
    min_claims: int = 5,
    max_groups: int = 0,
    min_size: int = 1,
) -> tuple[list[Keyword], list[str]]:
    """Score and pick the keywords of each group from its term counts.

    Args:
        counts: From :func:`count_groups` or
            :func:`dipcli.distributed.count_groups_dask`, with the same ``by``.
        by: ``speaker``, ``doc`` or ``none``: with ``speaker``, terms with a
            word of the group's name are left out.
        top: Keywords per group.
        method: ``logodds``, ``tfidf`` or ``frequency`` (see the module doc).
        min_claims: Groups with fewer claims are still listed, with a warning.
        max_groups: Only the largest groups, this many (0: all).
        min_size: Only groups with at least this many claims (the others are still
            the "rest" each listed group is compared with).

    Returns:
        As :func:`keywords`.

    Raises:
        DipError: on an unknown ``by`` or ``method``, or ``top`` < 1.

    Example:
        >>> records, warnings = rank_counts(count_groups(analysed, by="doc"), by="doc", top=5)
    """
    import numpy as np

    from dipcli.terms import parts, stem, stop_words

    _check(by, method, top)
    warnings: list[str] = []
    if not counts.groups:
        return [], ["no claims to rank keywords in"]

    groups = counts.groups
    sizes = dict(zip(groups, counts.sizes))
    # largest groups first: a corpus's main voices before its one-claim speakers
    listed = [g for g in sorted(groups, key=lambda g: (-sizes[g], g)) if sizes[g] >= min_size]
    if max_groups:
        listed = listed[:max_groups]
    small = [g for g in listed if sizes[g] < min_claims] if by != "none" else []
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
    terms = counts.shown
    keys = counts.keys
    n_terms = len(keys)
    if n_terms == 0:
        return [], warnings + ["no terms to rank: the claims hold only stop words or numbers"]
    matrix = counts.counts
    total = np.asarray(matrix.sum(axis=0)).ravel()
    n_all = total.sum()

    method_used = method
    if len(groups) == 1 and method != "frequency":
        if method == "logodds":
            warnings.append(
                f"logodds needs at least two groups to compare; ranked the single group {groups[0]!r} "
                "by tf-idf over its claims instead"
            )
        method_used = "claim-tfidf"
        idf = np.log((1 + sum(counts.sizes)) / (1 + counts.claim_df)) + 1
    elif method == "tfidf":
        df = np.bincount(matrix.indices, minlength=n_terms)
        idf = np.log((1 + len(groups)) / (1 + df)) + 1

    containing: dict[str, list[int]] = {}
    if by == "speaker":
        for t, key in enumerate(keys):
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
    index = {g: i for i, g in enumerate(groups)}
    for group in listed:
        gi = index[group]
        row = matrix.getrow(gi).toarray().ravel()
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
        for t in _pick(np.flatnonzero(ok), rank, row, terms, keys, top):
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


def _pick(candidates, rank, row, terms, keys: list[str], top: int) -> list[int]:
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
        chosen = sorted(order[:cut].tolist(), key=lambda t: (-float(rank[t]), terms.show(t).lower(), terms.show(t), keys[t]))
        drop = _redundant(chosen, keys, row)
        picked = [t for t in chosen if t not in drop]
        if len(picked) >= top or cut == len(order):
            return picked[:top]
        window *= 2
