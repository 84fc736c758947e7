"""The batch steps of the streaming topic model (:mod:`dipcli.topics_stream`).

Each step is a plain function of one batch (and small shared values) that runs
single-threaded, so it gives the same bits in this process and on a Dask worker.
"""
from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from functools import wraps
from typing import Any

#: Hash buckets of ``HashingVectorizer``.
HASH_FEATURES = 2**20

_controller = None


def one_thread():
    """A context with one BLAS/OpenMP thread: sums come out in the same order
    on the client and on Dask workers, so results are bit-identical."""
    global _controller
    if _controller is None:
        # Listing the loaded libraries takes milliseconds: once per process,
        # after the libraries the steps use are loaded.
        from importlib import import_module

        from threadpoolctl import ThreadpoolController

        for name in ("scipy.sparse", "sklearn.decomposition", "sklearn.feature_extraction.text"):
            import_module(name)

        _controller = ThreadpoolController()
    return _controller.limit(limits=1)


def _single_threaded(fn):
    """Run the batch step ``fn`` in :func:`one_thread`."""
    @wraps(fn)
    def run(*args):
        with one_thread():
            return fn(*args)
    return run


@dataclass(slots=True)
class Batch:
    """One batch of consecutive claims, as it stays on its worker."""

    ids: list[str]
    docs: list[str]
    speakers: list[str]
    starts: Any  # bool per claim: first claim of its document in the batch
    counts: Any  # claims x HASH_FEATURES word counts (SciPy CSR, float32)
    texts: list[str] | None  # kept only when examples are wanted


def _words(doc):
    return doc


def hasher():
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=_words, n_features=HASH_FEATURES, alternate_sign=False, norm=None,
                             dtype=np.float32)


@_single_threaded
def scan(rows: list[tuple[str, str, str, str]], keep_texts: bool) -> tuple[Batch, Counter]:
    """Step 1 on a batch of ``(id, doc, speaker, text)`` rows.

    Returns:
        The batch, and ``(stem, spelling)`` occurrence counts.
    """
    import numpy as np

    from dipcli.terms import INITIAL, stop_words, tokens

    stop = stop_words()
    stems: list[list[str]] = []
    forms: Counter[tuple[str, str]] = Counter()
    for _, _, _, text in rows:
        toks = tokens(text, stop=stop)
        stems.append([t[2] for t in toks])
        forms.update((t[2], INITIAL + t[3] if i == 0 else t[3]) for i, t in enumerate(toks))
    docs = [r[1] for r in rows]
    starts = np.array([i == 0 or docs[i] != docs[i - 1] for i in range(len(docs))], dtype=bool)
    batch = Batch(ids=[r[0] for r in rows], docs=docs, speakers=[r[2] for r in rows], starts=starts,
                  counts=hasher().transform(stems).tocsr(), texts=[r[3] for r in rows] if keep_texts else None)
    return batch, forms


def unit_of(starts, chunk: int):
    """Unit number of each claim of a batch: runs of up to ``chunk`` claims of one document."""
    import numpy as np

    out = np.empty(len(starts), dtype=np.int64)
    unit, first = -1, 0
    for i, new_doc in enumerate(starts.tolist()):
        if new_doc or i - first >= chunk:
            unit += 1
            first = i
        out[i] = unit
    return out


def _sum_rows(x, rows):
    """Group x column sums of the claim rows ``x`` (SciPy CSR, float64), ``rows`` the group of each."""
    import numpy as np
    from scipy.sparse import csr_matrix

    n = int(rows[-1]) + 1 if len(rows) else 0
    agg = csr_matrix((np.ones(len(rows)), (rows, np.arange(len(rows)))), shape=(n, len(rows)))
    return (agg @ x).tocsr()


def restrict(x, keep):
    """The columns ``keep`` (sorted bucket numbers) of ``x``, renumbered 0.., as float64 CSR."""
    import numpy as np
    from scipy.sparse import csr_matrix

    pos = np.searchsorted(keep, x.indices)
    hit = pos < len(keep)
    hit[hit] = keep[pos[hit]] == x.indices[hit]
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    return csr_matrix((x.data[hit].astype(np.float64), (rows[hit], pos[hit])), shape=(x.shape[0], len(keep)))


def weigh(x, weights, method: str):
    """What the model sees: counts times term weights, rows of unit length, for NMF; counts for LDA."""
    if method == "lda":
        return x
    from dipcli.topics_model import weigh as scaled

    return scaled(x, weights)


@_single_threaded
def unit_df(batch: Batch, chunk: int):
    """Step 2: the batch's number of units and article pieces, and per bucket (buckets, counts):
    units it occurs in, article pieces it occurs in, and occurrences."""
    import numpy as np

    units = _sum_rows(batch.counts, unit_of(batch.starts, chunk))
    pieces = _sum_rows(batch.counts, np.cumsum(batch.starts) - 1)
    buckets, df = np.unique(units.indices, return_counts=True)
    a_buckets, a_df = np.unique(pieces.indices, return_counts=True)
    cf = np.asarray(batch.counts.sum(axis=0)).ravel()
    occurring = np.flatnonzero(cf)
    return units.shape[0], pieces.shape[0], (buckets, df), (a_buckets, a_df), (occurring, cf[occurring])


@_single_threaded
def unit_rows(batch: Batch, chunk: int, features, method: str):
    """Step 3: the batch's units as the model sees them, kept with the batch for every pass."""
    keep, weights = features
    return weigh(_sum_rows(restrict(batch.counts, keep), unit_of(batch.starts, chunk)), weights, method)


@_single_threaded
def prepare(units, sample):
    """Fingerprints of the batch's units (to count distinct units), and the units at positions ``sample``."""
    import hashlib

    import numpy as np

    prints = np.array([int.from_bytes(hashlib.blake2b(units.indices[a:b].tobytes() + units.data[a:b].tobytes(),
                                                      digest_size=8).digest(), "little")
                       for a, b in zip(units.indptr[:-1].tolist(), units.indptr[1:].tolist())], dtype=np.uint64)
    return prints, units[sample] if len(sample) else None


@_single_threaded
def cooccurrence(units, columns):
    """Units x units co-occurrence counts of the feature ``columns`` (dense)."""
    import numpy as np

    present = (units[:, columns] > 0).astype(np.float64)
    return (present.T @ present).toarray()


def _transform(model, x):
    import numpy as np

    if x.nnz == 0:
        return np.zeros((x.shape[0], model.n_components), dtype=np.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        w = np.nan_to_num(np.asarray(model.transform(x), dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    w[x.getnnz(axis=1) == 0] = 0
    return w


@_single_threaded
def mix(batch: Batch, features, method: str, model):
    """Step 4: each claim's topic weights, rows summing to 1, zero for a claim without kept words."""
    keep, weights = features
    w = _transform(model, weigh(restrict(batch.counts, keep), weights, method))
    sums = w.sum(axis=1, keepdims=True)
    has = sums.ravel() > 0
    w[has] /= sums[has]
    return w


@_single_threaded
def used_topics(w):
    """How many claims of the batch have each topic as their main one (claims with a mix only)."""
    import numpy as np

    has = w.sum(axis=1) > 0
    return np.bincount(np.argmax(w[has], axis=1), minlength=w.shape[1])


@_single_threaded
def settle(batch: Batch, w, units, chunk: int, model, alive):
    """The batch's share of the final figures, on the topics ``alive``.

    Returns:
        The batch's :class:`dipcli.topics_records.Tally`, and per main topic its
        heaviest claim (weight, text) when texts were kept.
    """
    import numpy as np

    from dipcli.topics_records import Tally

    w = w[:, alive]
    sums = w.sum(axis=1, keepdims=True)
    has = sums.ravel() > 0
    w[has] /= sums[has]
    tally = Tally(alive=alive)
    tally.add(w, batch.ids, batch.docs, batch.speakers)
    rows = unit_of(batch.starts, chunk)
    first = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else np.zeros(0, dtype=np.int64)
    tally.add_units(_transform(model, units), [batch.docs[i] for i in first.tolist()],
                    np.diff(np.r_[first, len(rows)]))
    examples = {}
    if batch.texts is not None:
        for t in np.unique(tally.dominant[tally.dominant >= 0]).tolist():
            members = np.flatnonzero(tally.dominant == t)
            best = int(members[np.argmax(tally.weight[members])])
            examples[t] = (float(tally.weight[best]), batch.texts[best])
    return tally, examples


@_single_threaded
def explained_counts(units, models) -> list[int]:
    """For each model, how many of the batch's units it explains (:func:`dipcli.topics_model.explained`)."""
    from dipcli.topics_model import explained

    return [explained(units, _transform(m, units), m.components_) if units.shape[0] else 0 for m in models]
