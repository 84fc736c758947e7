"""Streaming topics: hashed word counts, mini-batch NMF or online LDA, in one process or on Dask.

:func:`dipcli.topics.topics` holds every claim in memory: its phrases come
from n-gram statistics over the whole corpus, and NMF is fitted on the whole
unit x term matrix.  :func:`stream_topics` reads the claims once, in batches
of ``BATCH_CLAIMS`` consecutive claims, and never holds the corpus:

1. **Scan** each batch: the words of each claim as Snowball stems after the
   stop list of :mod:`dipcli.terms`, hashed into ``HASH_FEATURES`` buckets by
   scikit-learn's ``HashingVectorizer``.  Words only: multiword phrases
   ("climate finance") need collocation statistics over the whole corpus,
   which a single pass cannot have.  The batch's count matrix, claim ids and
   speakers stay where the batch ran; only the spellings of each stem come
   back, to name the buckets.
2. **Features**: units are runs of up to ``chunk`` consecutive claims of one
   document inside a batch, with ``chunk`` chosen as in :mod:`dipcli.topics`
   (one claim per unit up to 3,000 claims) but at most ``MAX_CHUNK``.  A
   bucket is kept when it occurs in at least two units (more on big corpora)
   and in at most half of them, at most ``MAX_FEATURES`` of them.  A bucket
   is shown as its most frequent word; two rare words can share a bucket
   with it.
3. **Fit**: each batch's units are weighed once and kept with the batch:
   tf-idf for NMF (sublinear tf, smooth idf over units, unit-length rows),
   counts for LDA.  The client learns from them with ``partial_fit`` on runs
   of at least ``FIT_UNITS`` consecutive units, in batch order, for
   ``EPOCHS`` passes: scikit-learn's ``MiniBatchNMF`` started from NNDSVDa
   on an evenly spaced sample of at most ``INIT_UNITS`` units, or online
   LDA.  ``k="auto"`` fits every candidate from 2 to ``min(12, n_claims //
   4)`` in the same passes and keeps the one whose top terms are most
   coherent (mean NPMI of pairs of top terms, from co-occurrence in units,
   as in :mod:`dipcli.topics`); ties go to the smaller k.  LDA, several
   times slower, compares the candidates fitted on a sample of
   ``LDA_SELECT_UNITS`` units and then streams only the chosen k, as
   :mod:`dipcli.topics` does on a big corpus.
4. **Place** every claim in the fitted topics, drop topics that are no
   claim's dominant topic and renormalise, exactly as :mod:`dipcli.topics`
   does; a claim with no kept word gets the corpus-wide topic mix.

Every step on a batch is a plain function of that batch called through
``submit(fn, *args)``: in one process :func:`run_here` calls it at once; on
Dask (:func:`topics_on_dask`) it is a task, and each batch stays on a worker
as a future between passes.  The steps run single-threaded (threadpoolctl)
in both, so both give the same bytes.

Memory: the client keeps the stems' spellings, per-bucket counts, the
models and, per claim, its id, main topic and weight.  The batches (hashed
counts, about 12 bytes per distinct word of a claim, and their units' rows;
the texts only with ``examples``) live with the workers, or in this process
without Dask: a tenth of what the analysed articles take.
"""
from __future__ import annotations

import math
import operator
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import wraps
from typing import Any

from dipcli.model import Analysed, Topic, TopicTerm
from dipcli.parallel import results_in_order
from dipcli.topics import (
    LDA_SELECT_UNITS,
    MAX_AUTO_K,
    MAX_UNITS,
    check_options,
    fit_model,
    mean_npmi,
    new_info,
    nndsvda_start,
    select_features,
    top_term_ids,
)

#: Claims per batch: fixed, so the result does not depend on the number of workers.
BATCH_CLAIMS = 2000
#: Hash buckets of ``HashingVectorizer``.
HASH_FEATURES = 2**20
#: Most consecutive claims in one unit.
MAX_CHUNK = 50
#: Units of the sample NMF starts from.
INIT_UNITS = 2000
#: Least units per ``partial_fit`` step (consecutive batches are joined to reach it).
FIT_UNITS = 512
#: Passes over the batches while fitting.
EPOCHS = {"nmf": 12, "lda": 10}
#: Weight left to NMF statistics one pass old (``MiniBatchNMF``'s default ``forget_factor``, per pass).
FORGET_PER_EPOCH = 0.7


_controller = None


def _one_thread():
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
    """Run the batch step ``fn`` in :func:`_one_thread`."""
    @wraps(fn)
    def run(*args):
        with _one_thread():
            return fn(*args)
    return run


class _Done:
    """A result computed at once: what :func:`run_here` returns."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


def run_here(fn: Callable, *args) -> _Done:
    """The one-process ``submit``: calls ``fn`` now, unwrapping earlier results
    the way Dask unwraps futures passed as arguments."""
    return _Done(fn(*(a.value if isinstance(a, _Done) else a for a in args)))


def _value(x):
    """Puts ``x`` where the batches are, once, for many steps to share."""
    return x


@dataclass(slots=True)
class _Batch:
    """One batch of consecutive claims, as it stays on its worker."""

    ids: list[str]
    speakers: list[str]
    starts: Any  # bool per claim: first claim of its document in the batch
    counts: Any  # claims x HASH_FEATURES word counts (SciPy CSR, float32)
    texts: list[str] | None  # kept only when examples are wanted


def _words(doc):
    return doc


def _hasher():
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=_words, n_features=HASH_FEATURES, alternate_sign=False, norm=None,
                             dtype=np.float32)


@_single_threaded
def scan(rows: list[tuple[str, str, str, str]], keep_texts: bool) -> tuple[_Batch, Counter]:
    """Step 1 on a batch of ``(id, doc, speaker, text)`` rows.

    Returns:
        The batch, and ``(stem, spelling)`` occurrence counts.
    """
    import numpy as np

    from dipcli.terms import stop_words, tokens

    stop = stop_words()
    stems: list[list[str]] = []
    forms: Counter[tuple[str, str]] = Counter()
    for _, _, _, text in rows:
        toks = tokens(text, stop=stop)
        stems.append([t[2] for t in toks])
        forms.update((t[2], t[3]) for t in toks)
    docs = [r[1] for r in rows]
    starts = np.array([i == 0 or docs[i] != docs[i - 1] for i in range(len(docs))], dtype=bool)
    batch = _Batch(ids=[r[0] for r in rows], speakers=[r[2] for r in rows], starts=starts,
                   counts=_hasher().transform(stems).tocsr(), texts=[r[3] for r in rows] if keep_texts else None)
    return batch, forms


def _unit_of(starts, chunk: int):
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


def _sum_units(x, starts, chunk: int):
    """Unit x column sums of the claim rows ``x`` (SciPy CSR, float64)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    rows = _unit_of(starts, chunk)
    n = int(rows[-1]) + 1 if len(rows) else 0
    agg = csr_matrix((np.ones(len(rows)), (rows, np.arange(len(rows)))), shape=(n, len(rows)))
    return (agg @ x).tocsr()


def _restrict(x, keep):
    """The columns ``keep`` (sorted bucket numbers) of ``x``, renumbered 0.., as float64 CSR."""
    import numpy as np
    from scipy.sparse import csr_matrix

    pos = np.searchsorted(keep, x.indices)
    hit = pos < len(keep)
    hit[hit] = keep[pos[hit]] == x.indices[hit]
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    return csr_matrix((x.data[hit].astype(np.float64), (rows[hit], pos[hit])), shape=(x.shape[0], len(keep)))


def _weigh(x, idf, method: str):
    """What the model sees: tf-idf rows (sublinear tf, unit length) for NMF, counts for LDA."""
    if method == "lda":
        return x
    import numpy as np
    from sklearn.preprocessing import normalize

    np.log(x.data, out=x.data)
    x.data += 1
    x.data *= idf[x.indices]
    return normalize(x, copy=False)


@_single_threaded
def unit_df(batch: _Batch, chunk: int):
    """Step 2: number of units, and the units each bucket occurs in (buckets, counts)."""
    import numpy as np

    units = _sum_units(batch.counts, batch.starts, chunk)
    buckets, df = np.unique(units.indices, return_counts=True)
    return units.shape[0], buckets, df


@_single_threaded
def unit_rows(batch: _Batch, chunk: int, features, method: str):
    """Step 3: the batch's units as the model sees them, kept with the batch for every pass."""
    keep, idf = features
    return _weigh(_sum_units(_restrict(batch.counts, keep), batch.starts, chunk), idf, method)


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


@_single_threaded
def mix(batch: _Batch, features, method: str, model):
    """Step 4: each claim's topic weights, rows summing to 1, zero for a claim without kept words."""
    import numpy as np

    keep, idf = features
    x = _weigh(_restrict(batch.counts, keep), idf, method)
    if x.nnz == 0:
        return np.zeros((x.shape[0], model.n_components), dtype=np.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        w = np.nan_to_num(np.asarray(model.transform(x), dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    w[x.getnnz(axis=1) == 0] = 0
    sums = w.sum(axis=1, keepdims=True)
    has = sums.ravel() > 0
    w[has] /= sums[has]
    return w


@_single_threaded
def mix_sum(w):
    """Sum of the weights of the claims that have any, and how many there are."""
    has = w.sum(axis=1) > 0
    return w[has].sum(axis=0), int(has.sum())


def _filled(w, mean):
    out = w.copy()
    out[out.sum(axis=1) <= 0] = mean
    return out


@_single_threaded
def used_topics(w, mean):
    """How many claims of the batch have each topic as their main one."""
    import numpy as np

    return np.bincount(np.argmax(_filled(w, mean), axis=1), minlength=w.shape[1])


@_single_threaded
def settle(batch: _Batch, w, mean, alive) -> dict:
    """The batch's share of the final figures, on the topics ``alive``.

    Returns:
        ``dominant`` and ``weight`` per claim, claim ``ids``, per-speaker
        weight sums and claim counts, the weight sum over all claims, and
        per main topic its heaviest claim (weight, text) when texts were kept.
    """
    import numpy as np

    w = _filled(w, mean)[:, alive]
    w /= w.sum(axis=1, keepdims=True)
    dominant = np.argmax(w, axis=1)
    weight = w[np.arange(len(dominant)), dominant]
    speakers: dict[str, list[int]] = {}
    for i, name in enumerate(batch.speakers):
        speakers.setdefault(name, []).append(i)
    examples = {}
    if batch.texts is not None:
        for t in np.unique(dominant).tolist():
            members = np.flatnonzero(dominant == t)
            best = int(members[np.argmax(weight[members])])
            examples[t] = (float(weight[best]), batch.texts[best])
    return {
        "dominant": dominant,
        "weight": weight,
        "ids": batch.ids,
        "speaker_sums": {s: w[idx].sum(axis=0) for s, idx in speakers.items()},
        "speaker_claims": {s: len(idx) for s, idx in speakers.items()},
        "total": w.sum(axis=0),
        "examples": examples,
    }


def _runs(parts: Iterable, least: int) -> Iterator:
    """Consecutive matrices stacked into runs of at least ``least`` rows (the last may be shorter)."""
    from scipy.sparse import vstack

    held, rows = [], 0
    for x in parts:
        if x.shape[0] == 0:
            continue
        held.append(x)
        rows += x.shape[0]
        if rows >= least:
            yield vstack(held, format="csr")
            held, rows = [], 0
    if held:
        yield vstack(held, format="csr")


def _steps(sizes: list[int], least: int) -> int:
    """How many runs :func:`_runs` makes of parts with ``sizes`` rows."""
    steps, rows = 0, 0
    for n in sizes:
        rows += n
        if n and rows >= least:
            steps, rows = steps + 1, 0
    return steps + (rows > 0)


def _claim_rows(items: Iterable[Analysed]) -> Iterator[list[tuple[str, str, str, str]]]:
    """``(id, doc, speaker label, text)`` of every claim, in lists of ``BATCH_CLAIMS``."""
    from dipcli.keywords import group_of

    rows: list[tuple[str, str, str, str]] = []
    for item in items:
        for c in item.claims:
            rows.append((c.id, c.doc, group_of(c, "speaker"), c.text))
            if len(rows) >= BATCH_CLAIMS:
                yield rows
                rows = []
    if rows:
        yield rows


def _labels(forms: Counter, keep) -> tuple[list[str], list[str]]:
    """Per kept bucket: the stem of its most frequent word, and how to show that word."""
    import numpy as np

    from dipcli.terms import show_form

    by_stem: dict[str, dict[str, Counter[str]]] = {}
    for (st, spelling), n in forms.items():
        low = spelling.lower().replace("\u2019", "'")
        by_stem.setdefault(st, {}).setdefault(low, Counter())[spelling] += n
    stems = sorted(by_stem)
    buckets = _hasher().transform([[s] for s in stems]).indices if stems else np.zeros(0, dtype=np.int64)
    pos = np.searchsorted(keep, buckets)
    best: dict[int, tuple[int, str]] = {}
    for st, b, p in zip(stems, buckets.tolist(), pos.tolist()):
        if p < len(keep) and keep[p] == b:
            total = sum(sum(c.values()) for c in by_stem[st].values())
            cur = best.get(p)
            if cur is None or total > cur[0]:  # stems are sorted: ties keep the first
                best[p] = (total, st)
    keys, shown = [], []
    for p in range(len(keep)):
        st = best[p][1]
        keys.append(st)
        shown.append(show_form(by_stem[st]))
    return keys, shown


def _models(method: str, candidates: list[int], *, n_units: int, steps: int, random_state: int) -> list:
    from sklearn.decomposition import LatentDirichletAllocation, MiniBatchNMF

    if method == "nmf":
        # partial_fit forgets forget_factor of the past per step; spread
        # MiniBatchNMF's default over the steps of one pass.
        forget = FORGET_PER_EPOCH ** (1 / max(steps, 1))
        # Ten multiplicative updates of the units' weights per step instead of
        # 30: half the time, the same topics on the UN General Debate corpus.
        return [MiniBatchNMF(n_components=k, init="custom", batch_size=2**31 - 1, forget_factor=forget,
                             fresh_restarts_max_iter=10, random_state=random_state) for k in candidates]
    return [LatentDirichletAllocation(n_components=k, learning_method="online", total_samples=n_units,
                                      random_state=random_state) for k in candidates]


def _spaced(n: int, most: int):
    """At most ``most`` evenly spaced positions out of ``n``."""
    import numpy as np

    return np.unique(np.linspace(0, n - 1, min(most, n)).round().astype(np.int64))


@dataclass(slots=True)
class _Passes:
    """The batches' units where they are kept (one handle per batch), and the passes over them."""

    submit: Callable
    window: int
    units: list
    method: str

    def fit(self, candidates: list[int], *, n_units: int, unit_counts: list[int], random_state: int, say,
            x_sample=None) -> list:
        """Fitted models, one per candidate k, all learning in the same passes.

        NMF starts from NNDSVDa on ``x_sample`` (one SVD for every k)."""
        import numpy as np

        models = _models(self.method, candidates, n_units=n_units, steps=_steps(unit_counts, FIT_UNITS),
                         random_state=random_state)
        starts = {}
        if self.method == "nmf":
            from sklearn.utils.extmath import randomized_svd

            svd = randomized_svd(x_sample, max(candidates), random_state=random_state)
            starts = {kk: nndsvda_start(svd, float(x_sample.mean()), kk)[1] for kk in candidates}
        label = f"k={candidates[0]}" if len(candidates) == 1 else f"k={candidates[0]}..{candidates[-1]}"
        epochs = EPOCHS[self.method]
        with warnings.catch_warnings():
            # as in dipcli.topics: a rounding-error negative on degenerate data, cleaned below
            warnings.simplefilter("ignore", RuntimeWarning)
            for epoch in range(1, epochs + 1):
                say(f"topics: fitting {self.method} with {label} (pass {epoch}/{epochs})")
                for x in _runs((u.result() for u in self.units), FIT_UNITS):
                    for kk, model in zip(candidates, models):
                        if kk in starts and not hasattr(model, "components_"):
                            w0 = np.full((x.shape[0], kk), 1.0)  # partial_fit solves W itself
                            model.partial_fit(x, W=w0, H=starts[kk].copy())
                        else:
                            model.partial_fit(x)
        for model in models:
            model.components_ = np.nan_to_num(model.components_, nan=0.0, posinf=0.0, neginf=0.0)
        return models

    def cooccurrence(self, columns):
        """Units x units co-occurrence counts of the feature ``columns``, summed over batches."""
        import numpy as np

        co = np.zeros((len(columns), len(columns)))
        for part in results_in_order(self.submit, self.window, cooccurrence, ((u, columns) for u in self.units)):
            co += part
        return co


def _choose(passes: _Passes, candidates: list[int], models: list, keys: list[str], top_terms: int, n_units: int,
            info: dict, say) -> tuple[int, Any]:
    """The candidate whose top terms are most coherent (ties: the smaller k); scores go in ``info``."""
    import numpy as np

    tops = [[top_term_ids(model.components_[t], keys, top_terms) for t in range(kk)] for kk, model in zip(candidates, models)]
    columns = np.array(sorted({j for per_k in tops for top in per_k for j in top}), dtype=np.int64)
    co = passes.cooccurrence(columns) if max(candidates) > 1 else None
    where = {j: i for i, j in enumerate(columns.tolist())}
    best = None
    for kk, model, per_k in zip(candidates, models, tops):
        score = mean_npmi(co, n_units, [[where[j] for j in top] for top in per_k]) if kk > 1 else 0.0
        info["scores"].append({"k": kk, "score": round(score, 6)})
        if best is None or score > best[0] + 1e-12:
            best = (score, kk, model)
    if len(candidates) > 1:
        say(f"topics: chose k={best[1]} (mean NPMI {best[0]:.3f})")
    return best[1], best[2]


def stream_topics(
    items: Iterable[Analysed],
    *,
    k: int | str = "auto",
    method: str = "nmf",
    top_terms: int = 8,
    progress: Callable[[str], None] | None = None,
    random_state: int = 0,
    submit: Callable | None = None,
    window: int = 2,
    examples: bool = False,
) -> tuple[list[Topic], dict]:
    """Find the topics of a stream of claims without holding the corpus in memory.

    Args:
        items: Analysed articles; a generator is read once, batch by batch.
        k: Number of topics, or ``"auto"`` to choose by coherence.
        method: ``nmf`` (mini-batch NMF on tf-idf) or ``lda`` (online LDA on counts).
        top_terms: Terms listed per topic.
        progress: Called with a short message at each stage.
        random_state: Seed of the model; the same input always gives the same topics.
        submit: ``submit(fn, *args)`` returning an object with ``.result()``;
            arguments may be earlier such objects.  Default :func:`run_here`
            (this process); see :func:`topics_on_dask`.
        window: Batches in flight while reading.
        examples: Keep the claim texts to return each topic's heaviest claim.

    Returns:
        The topics, largest share first, as :func:`dipcli.topics.topics`
        gives them (terms are words, never phrases), and an ``info`` dict
        with the same keys (``k``, ``requested``, ``method``, ``measure``,
        ``scores``, ``claims``, ``units``, ``chunk``, ``vocabulary``,
        ``dropped``, ``warnings``, and ``selection_units`` when LDA chose k
        on a sample) plus ``streaming`` (true), ``phrases`` (false),
        ``batches``, ``batch_claims`` and ``epochs``; with ``examples``, also
        ``examples``: claim id -> text of each topic's first claim.

    Raises:
        DipError: on an unknown method, a bad k or top_terms < 1.

    Example:
        >>> found, info = stream_topics(iter_analysed(["corpus/"], on_error=print), k="auto")
    """
    check_options(k, method, top_terms)
    say = progress or (lambda message: None)
    submit = submit or run_here
    info = new_info(k, method, 0)
    info.update({"streaming": True, "phrases": False, "batches": 0, "batch_claims": BATCH_CLAIMS,
                 "epochs": EPOCHS[method]})
    if examples:
        info["examples"] = {}
    with _one_thread():
        found = _stream(items, info, k=k, method=method, top_terms=top_terms, say=say, random_state=random_state,
                        submit=submit, window=window, examples=examples)
    return found, info


def _read(items: Iterable[Analysed], submit, window: int, examples: bool) -> tuple[list, Counter, int]:
    """Step 1 over the stream: the batch handles, the stems' spellings and the number of claims."""
    batches: list = []
    sizes: list[int] = []

    def scanned() -> Iterator[tuple]:
        for rows in _claim_rows(items):
            batch_and_forms = submit(scan, rows, examples)
            batches.append(submit(operator.getitem, batch_and_forms, 0))
            sizes.append(len(rows))
            yield batch_and_forms, 1

    forms: Counter[tuple[str, str]] = Counter()
    for part in results_in_order(submit, window, operator.getitem, scanned()):
        forms.update(part)
    n_claims = sum(sizes)
    return batches, forms, n_claims


def _stream(items, info: dict, *, k, method: str, top_terms: int, say, random_state: int, submit, window: int,
            examples: bool) -> list[Topic]:
    import numpy as np

    say(f"topics: reading claims in batches of {BATCH_CLAIMS} (streaming {method}, words only)")
    batches, forms, n_claims = _read(items, submit, window, examples)
    info["claims"], info["batches"] = n_claims, len(batches)
    if not n_claims:
        info["warnings"].append("no claims to find topics in")
        return []

    # 2. features
    chunk = min(MAX_CHUNK, max(1, math.ceil(n_claims / MAX_UNITS)))
    df = np.zeros(HASH_FEATURES, dtype=np.int64)
    unit_counts = []
    for n, buckets, counts in results_in_order(submit, window, unit_df, ((b, chunk) for b in batches)):
        unit_counts.append(n)
        df[buckets] += counts
    n_units = sum(unit_counts)
    keep = select_features(df, n_units)
    info["units"], info["chunk"], info["vocabulary"] = n_units, chunk, len(keep)
    say(f"topics: {n_claims} claims in {len(batches)} batches, {n_units} units "
        f"(up to {chunk} consecutive claim{'s' if chunk != 1 else ''} each), {len(keep)} terms")
    if len(keep) == 0:
        info["warnings"].append("no terms to model: the claims hold only stop words or numbers")
        return []
    idf = np.log((1 + n_units) / (1 + df[keep])) + 1
    del df
    keys, shown = _labels(forms, keep)
    del forms
    features = submit(_value, (keep, idf))

    # Distinct units bound k (identical units add no rank).  NMF starts from a
    # sample of units; LDA compares the candidate ks on a smaller one.
    sample = np.zeros(0, dtype=np.int64)
    if method == "nmf":
        sample = _spaced(n_units, INIT_UNITS)
    elif k == "auto" and n_units > LDA_SELECT_UNITS:
        sample = _spaced(n_units, LDA_SELECT_UNITS)
    offsets = np.concatenate(([0], np.cumsum(unit_counts)))
    local = [sample[(sample >= a) & (sample < b)] - a for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]
    units = [submit(unit_rows, b, chunk, features, method) for b in batches]
    prints, sampled = [], []
    for p, rows in results_in_order(submit, window, prepare, zip(units, local)):
        prints.append(p)
        if rows is not None:
            sampled.append(rows)
    distinct = len(np.unique(np.concatenate(prints)))
    limit = max(1, min(n_units, len(keep), distinct, INIT_UNITS))  # NMF's SVD needs k <= the sample's rows
    if k == "auto":
        candidates = list(range(2, min(MAX_AUTO_K, n_claims // 4, limit) + 1)) or [1]
    else:
        if k > limit:
            info["warnings"].append(f"asked for {k} topics but the data supports at most {limit}; using {limit}")
        candidates = [min(k, limit)]
    x_sample = None
    if sampled:
        from scipy.sparse import vstack

        x_sample = vstack(sampled, format="csr")

    # 3. fit, and choose k by coherence
    passes = _Passes(submit=submit, window=window, units=units, method=method)
    fit = dict(n_units=n_units, unit_counts=unit_counts, random_state=random_state, say=say)
    if method == "lda" and len(candidates) > 1 and x_sample is not None:
        info["selection_units"] = x_sample.shape[0]
        say(f"topics: comparing lda with k={candidates[0]}..{candidates[-1]} on {x_sample.shape[0]} units")
        models = [fit_model("lda", kk, x_sample, random_state)[0] for kk in candidates]
        k_used, _ = _choose(passes, candidates, models, keys, top_terms, n_units, info, say)
        model = passes.fit([k_used], **fit)[0]
    else:
        models = passes.fit(candidates, x_sample=x_sample, **fit)
        k_used, model = _choose(passes, candidates, models, keys, top_terms, n_units, info, say)
    del x_sample, sampled, passes, units, models
    info["k"] = k_used

    say(f"topics: placing {n_claims} claims")
    return _place(model, batches, features, submit=submit, window=window, method=method, n_claims=n_claims,
                  keys=keys, shown=shown, top_terms=top_terms, info=info)


def _place(model, batches: list, features, *, submit, window: int, method: str, n_claims: int, keys: list[str],
           shown: list[str], top_terms: int, info: dict) -> list[Topic]:
    """Step 4: every claim's topic mix, the topics nobody is mainly about dropped, and the records."""
    import numpy as np

    k = model.n_components
    fitted = submit(_value, model)
    weights = [submit(mix, b, features, method, fitted) for b in batches]
    total, with_terms = np.zeros(k), 0
    for part_sum, n in results_in_order(submit, window, mix_sum, ((w,) for w in weights)):
        total += part_sum
        with_terms += n
    mean = total / with_terms if with_terms else np.full(k, 1.0 / k)
    used = np.zeros(k, dtype=np.int64)
    for part in results_in_order(submit, window, used_topics, ((w, mean) for w in weights)):
        used += part
    alive = np.flatnonzero(used > 0)
    info["dropped"] = k - len(alive)
    if info["dropped"]:
        info["warnings"].append(f"dropped {info['dropped']} topic(s) that were no claim's main topic")

    dominant, weight, ids = [], [], []
    speaker_sums: dict[str, Any] = {}
    speaker_claims: Counter[str] = Counter()
    share = np.zeros(len(alive))
    best_claim: dict[int, tuple[float, str]] = {}
    for part in results_in_order(submit, window, settle, ((b, w, mean, alive) for b, w in zip(batches, weights))):
        for t, (wt, text) in part["examples"].items():
            if t not in best_claim or wt > best_claim[t][0]:  # ties: the earlier claim, as in the claim order
                best_claim[t] = (wt, text)
        dominant.append(part["dominant"])
        weight.append(part["weight"])
        ids.extend(part["ids"])
        for s, v in part["speaker_sums"].items():
            speaker_sums[s] = speaker_sums[s] + v if s in speaker_sums else v
        speaker_claims.update(part["speaker_claims"])
        share += part["total"]
    dominant_all, weight_all = np.concatenate(dominant), np.concatenate(weight)
    share /= n_claims
    names = sorted(speaker_claims)
    speaker_mix = {s: speaker_sums[s] / speaker_claims[s] for s in names}

    h = np.asarray(model.components_, dtype=np.float64)[alive]
    found = []
    for t in range(len(alive)):
        row = h[t] / h[t].sum() if h[t].sum() > 0 else h[t]
        top = top_term_ids(row, keys, top_terms)
        top.sort(key=lambda j: (-row[j], keys[j]))
        words = [shown[j] for j in top]
        members = np.flatnonzero(dominant_all == t)
        members = members[np.lexsort((members, -weight_all[members]))]
        claim_ids = [ids[i] for i in members.tolist()]
        if t in best_claim:
            info["examples"][claim_ids[0]] = best_claim[t][1]
        found.append(
            Topic(
                topic=0,
                label=" / ".join(words[:3]),
                terms=[TopicTerm(term=w, weight=round(float(row[j]), 6)) for w, j in zip(words, top)],
                share=round(float(share[t]), 6),
                speakers={s: round(float(speaker_mix[s][t]), 6) for s in names},
                claims=claim_ids,
            )
        )
    found.sort(key=lambda tp: (-tp.share, tp.label))
    for number, tp in enumerate(found, 1):
        tp.topic = number
    return found


def topics_on_dask(items: Iterable[Analysed], client, **options) -> tuple[list[Topic], dict]:
    """:func:`stream_topics` with the batch steps on a Dask cluster.

    Batches are sent to the workers as they are read (a few in flight per
    worker) and stay there between passes; the client fits the model from
    their units and gathers only each claim's main topic and its weight.  The records equal those of
    :func:`stream_topics` in one process.

    Args:
        items: Analysed articles (a generator is fine).
        client: A :class:`distributed.Client` (see :func:`dipcli.distributed.connect`).
        **options: The keyword arguments of :func:`stream_topics` other than
            ``submit`` and ``window``.
    """
    from dipcli.distributed import batches_in_flight

    def submit(fn, *args):
        return client.submit(fn, *args, pure=False)

    return stream_topics(items, submit=submit, window=batches_in_flight(client), **options)
