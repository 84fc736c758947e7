"""Keyword counting in batches of claims: the two passes that :func:`dipcli.distributed.count_groups_dask`
runs on Dask workers and :func:`count_groups_batched` runs in this process.

Pass 1 counts, per batch, what collocations are found from; the totals decide
the phrases. Pass 2 counts words and those phrases per group, per batch; the
parts are added up. Phrases never cross a claim, so the sums are exactly what
:func:`dipcli.keywords.count_groups` counts over all claims at once, in a
fraction of its memory: only the claims' texts are held between the passes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import Analysed

if TYPE_CHECKING:
    from .keywords import GroupCounts
    from .terms import Phrases

#: Claims per batch: fixed, so the counts do not depend on who counts them.
CLAIMS_PER_BATCH = 5000


@dataclass(slots=True)
class Claims:
    """A batch of claims, kept on the cluster between the passes of :func:`count_groups_dask`."""

    groups: list[str]
    texts: list[str]

    @classmethod
    def of(cls, rows: list[tuple[str, str]]) -> Claims:
        return cls(groups=[g for g, _ in rows], texts=[t for _, t in rows])


@dataclass(slots=True)
class GroupTerms:
    """Term counts per group in one batch of claims: the map step's result of the second pass.

    Attributes:
        keys: the batch's term keys; ``term`` indexes them.
        groups: the batch's group labels; ``group`` indexes them.
        group, term, count: occurrences of each (group, term) pair (NumPy arrays).
        claim_df: per term, the claims of the batch containing it (only when asked for).
        forms: how the terms are written (:attr:`dipcli.terms.Terms.forms`).
    """

    keys: list[str]
    groups: list[str]
    group: Any
    term: Any
    count: Any
    claim_df: Any
    forms: dict


def ngrams(batch: Claims):
    """First pass, on a worker: what the collocations are found from."""
    from .terms import ngram_counts

    return ngram_counts(batch.texts)


def group_terms(batch: Claims, phrases: Phrases, claim_df: bool) -> GroupTerms:
    """Second pass, on a worker: count words and the accepted phrases per group."""
    import numpy as np

    from .terms import extract_with_phrases

    terms = extract_with_phrases(batch.texts, phrases)
    groups = sorted(set(batch.groups))
    index = {g: i for i, g in enumerate(groups)}
    claim_group = np.array([index[g] for g in batch.groups], dtype=np.int64)
    n_terms = max(len(terms.keys), 1)
    codes, count = np.unique(claim_group[terms.doc] * n_terms + terms.term, return_counts=True)
    df = None
    if claim_df:
        df = np.bincount(np.unique(terms.doc * n_terms + terms.term) % n_terms, minlength=len(terms.keys))
    return GroupTerms(keys=terms.keys, groups=groups, group=codes // n_terms, term=codes % n_terms, count=count,
                       claim_df=df, forms=terms.forms)


def claim_rows(items: Iterable[Analysed], *, by: str) -> Iterator[tuple[str, str]]:
    """``(group, claim text)`` for every claim."""
    from .keywords import group_of

    for item in items:
        for c in item.claims:
            yield group_of(c, by), c.text


class Merge:
    """The reduce step of the second pass: adds up :class:`GroupTerms` into one
    :class:`dipcli.keywords.GroupCounts`."""

    def __init__(self, groups: list[str], sizes: list[int], claim_df: bool) -> None:
        import numpy as np

        self.groups = groups
        self.sizes = sizes
        self.group_index = {g: i for i, g in enumerate(groups)}
        self.key_id: dict[str, int] = {}
        self.cells: list[tuple] = []
        self.claim_df = np.zeros(0, dtype=np.int64) if claim_df else None
        self.forms: dict = {}

    def add(self, part: GroupTerms) -> None:
        import numpy as np

        from .terms import add_forms

        remap = np.fromiter((self.key_id.setdefault(k, len(self.key_id)) for k in part.keys), dtype=np.int64,
                            count=len(part.keys))
        groups = np.array([self.group_index[g] for g in part.groups], dtype=np.int64)
        self.cells.append((groups[part.group], remap[part.term], part.count))
        if self.claim_df is not None:
            grow = len(self.key_id) - len(self.claim_df)
            if grow:
                self.claim_df = np.concatenate([self.claim_df, np.zeros(grow, dtype=np.int64)])
            self.claim_df[remap] += part.claim_df
        add_forms(self.forms, part.forms)

    def result(self) -> GroupCounts:
        import numpy as np
        from scipy.sparse import csr_matrix

        from .keywords import GroupCounts
        from .terms import TermForms

        keys = sorted(self.key_id)
        new_id = np.empty(len(keys), dtype=np.int64)
        new_id[[self.key_id[k] for k in keys]] = np.arange(len(keys), dtype=np.int64)
        group = np.concatenate([c[0] for c in self.cells]) if self.cells else np.zeros(0, dtype=np.int64)
        term = np.concatenate([new_id[c[1]] for c in self.cells]) if self.cells else np.zeros(0, dtype=np.int64)
        count = np.concatenate([c[2] for c in self.cells]) if self.cells else np.zeros(0, dtype=np.int64)
        counts = csr_matrix((count.astype(np.float64), (group, term)), shape=(len(self.groups), len(keys)))
        counts.sum_duplicates()
        claim_df = None
        if self.claim_df is not None:
            claim_df = np.zeros(len(keys), dtype=np.int64)
            claim_df[new_id] = self.claim_df
        return GroupCounts(groups=self.groups, sizes=self.sizes, keys=keys, counts=counts,
                           shown=TermForms(keys=keys, forms=self.forms), claim_df=claim_df)




def count_groups_batched(items: Iterable[Analysed], *, by: str = "speaker",
                         batch_claims: int = CLAIMS_PER_BATCH) -> GroupCounts:
    """:func:`dipcli.keywords.count_groups` in batches of claims, in this process: the same counts,
    holding only the claims' texts between the two passes, not every claim's terms at once.

    Args:
        items: Analysed articles (a generator is fine: it is read once).
        by: "speaker", "doc" or "none".
        batch_claims: Claims per batch.
    """
    from .keywords import GroupCounts, check_by
    from .terms import NgramTotals

    check_by(by)
    batches: list[Claims] = []
    sizes: Counter[str] = Counter()
    totals = NgramTotals()
    rows: list[tuple[str, str]] = []
    for row in claim_rows(items, by=by):
        sizes[row[0]] += 1
        rows.append(row)
        if len(rows) >= batch_claims:
            batches.append(Claims.of(rows))
            totals.add(ngrams(batches[-1]))
            rows = []
    if rows:
        batches.append(Claims.of(rows))
        totals.add(ngrams(batches[-1]))
    if not sizes:
        return GroupCounts(groups=[], sizes=[], keys=[], counts=None, shown=None)
    groups = sorted(sizes)
    merge = Merge(groups, [sizes[g] for g in groups], claim_df=len(groups) == 1)
    phrases = totals.collocations()
    for batch in batches:
        merge.add(group_terms(batch, phrases, len(groups) == 1))
    return merge.result()
