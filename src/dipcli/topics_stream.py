"""Streaming topics: hashed word counts, mini-batch NMF or online LDA, in one process or on Dask.

:func:`dipcli.topics.topics` holds every claim in memory: its phrases come
from n-gram statistics over the whole corpus, and NMF is fitted on the whole
unit x term matrix.  :func:`stream_topics` reads the claims once, in batches
of ``BATCH_CLAIMS`` consecutive claims, and never holds the corpus:

1. **Scan** each batch: the words of each claim as Snowball stems after the
   stop list of :mod:`dipcli.terms`, hashed into ``HASH_FEATURES`` buckets by
   scikit-learn's ``HashingVectorizer``.  Words only: multiword phrases
   ("climate finance") need collocation statistics over the whole corpus,
   which a single pass cannot have.  The batch's count matrix, claim ids,
   articles and speakers stay where the batch ran; only the spellings of each
   stem come back, to name the buckets.
2. **Features**: units are runs of up to ``run_length`` consecutive claims of
   one document inside a batch, as in :mod:`dipcli.topics_model`.  A bucket is
   kept when it occurs in at least two units (more on big corpora) and in at
   most half of them, at most ``MAX_FEATURES`` of them, and weighted as in
   :mod:`dipcli.topics_model` (residual IDF over articles; an article split
   by a batch boundary counts as two).  A bucket is shown as its most frequent
   word; two rare words can share a bucket with it.
3. **Fit**: each batch's units are weighed once and kept with the batch.  The
   client learns from them with ``partial_fit`` on runs of at least
   ``FIT_UNITS`` consecutive units, in batch order, for ``EPOCHS`` passes:
   scikit-learn's ``MiniBatchNMF`` started from NNDSVDa on an evenly spaced
   sample of at most ``INIT_UNITS`` units, or online LDA.  ``k="auto"`` fits
   every candidate of the k range in the same passes and keeps the most
   coherent, as :mod:`dipcli.topics_model` decides.  LDA, several times
   slower, compares the candidates fitted on a sample of ``LDA_SELECT_UNITS``
   units and then streams only the chosen k.
4. **Place** every claim in the fitted topics, drop topics that are no
   claim's main topic, and tally topics, articles and speakers as
   :mod:`dipcli.topics_records` defines them; a claim with no kept word is
   unassigned.

Every step on a batch (:mod:`dipcli.topics_batches`) is a plain function of
that batch called through ``submit(fn, *args)``: in one process
:func:`run_here` calls it at once; on Dask (:func:`topics_on_dask`) it is a
task, and each batch stays on a worker as a future between passes.  The steps
run single-threaded (threadpoolctl) in both, so both give the same bytes.

Memory: the client keeps the stems' spellings, per-bucket counts, the
models and, per claim, its id, main topic and weight.  The batches (hashed
counts, about 12 bytes per distinct word of a claim, and their units' rows;
the texts only with ``examples``) live with the workers, or in this process
without Dask: a tenth of what the analysed articles take.
"""
from __future__ import annotations

import operator
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dipcli.model import Analysed
from dipcli.parallel import results_in_order
from dipcli.topics_batches import (
    HASH_FEATURES,
    cooccurrence,
    explained_counts,
    hasher,
    mix,
    one_thread,
    prepare,
    scan,
    settle,
    unit_df,
    unit_rows,
    used_topics,
)
from dipcli.topics_model import (
    K_RANGE,
    LDA_SELECT_UNITS,
    candidate,
    check_options,
    explained,
    fit_model,
    new_info,
    nndsvda_start,
    npmi_per_topic,
    run_length,
    scored_terms,
    select_features,
    settle_k,
    term_weights,
)
from dipcli.topics_records import Tally, TopicRun, assemble

#: Claims per batch: fixed, so the result does not depend on the number of workers.
BATCH_CLAIMS = 2000
#: Units of the sample NMF starts from.
INIT_UNITS = 2000
#: Least units per ``partial_fit`` step (consecutive batches are joined to reach it).
FIT_UNITS = 512
#: Passes over the batches while fitting.
EPOCHS = {"nmf": 12, "lda": 10}
#: Weight left to NMF statistics one pass old (``MiniBatchNMF``'s default ``forget_factor``, per pass).
FORGET_PER_EPOCH = 0.7


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


def _claim_rows(items: Iterable[Analysed], titles: dict) -> Iterator[list[tuple[str, str, str, str]]]:
    """``(id, doc, speaker label, text)`` of every claim, in lists of ``BATCH_CLAIMS``; each
    article's title goes in ``titles``."""
    from dipcli.keywords import group_of

    rows: list[tuple[str, str, str, str]] = []
    for item in items:
        titles[item.article.doc] = item.article.title
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

    from dipcli.terms import INITIAL, show_form

    by_stem: dict[str, dict[str, Counter[str]]] = {}
    for (st, spelling), n in forms.items():
        low = spelling.lower().replace("\u2019", "'").lstrip(INITIAL)
        by_stem.setdefault(st, {}).setdefault(low, Counter())[spelling] += n
    stems = sorted(by_stem)
    buckets = hasher().transform([[s] for s in stems]).indices if stems else np.zeros(0, dtype=np.int64)
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

    def explained(self, models) -> list[int]:
        """For each model, the units it explains, summed over batches."""
        fitted = self.submit(_value, models)
        total = [0] * len(models)
        for part in results_in_order(self.submit, self.window, explained_counts, ((u, fitted) for u in self.units)):
            total = [a + b for a, b in zip(total, part)]
        return total

    def cooccurrence(self, columns):
        """Units x units co-occurrence counts of the feature ``columns``, summed over batches."""
        import numpy as np

        co = np.zeros((len(columns), len(columns)))
        for part in results_in_order(self.submit, self.window, cooccurrence, ((u, columns) for u in self.units)):
            co += part
        return co


def _choose(passes: _Passes, candidates: list[int], models: list, n_units: int, info: dict, k_range, say,
            x_sample=None):
    """The most coherent candidate (see :func:`dipcli.topics_model.choose`), its model and its
    topics' coherence; every candidate's scores go in ``info``.  Models fitted on ``x_sample``
    are judged on how many of its units they explain, the others on all units."""
    import numpy as np

    if x_sample is not None:
        counts = [explained(x_sample, m.transform(x_sample), m.components_) for m in models]
        n_explained = x_sample.shape[0]
    else:
        counts, n_explained = passes.explained(models), n_units

    tops = [scored_terms(model.components_) for model in models]
    columns = np.array(sorted({j for per_k in tops for top in per_k for j in top}), dtype=np.int64)
    co = passes.cooccurrence(columns)
    where = {j: i for i, j in enumerate(columns.tolist())}
    per_topic = {}
    for kk, per_k in zip(candidates, tops):
        per_topic[kk] = npmi_per_topic(co, n_units, [[where[j] for j in top] for top in per_k])
    for kk, count in zip(candidates, counts):
        info["candidates"].append(candidate(kk, per_topic[kk], count, n_explained))
    k_used = settle_k(info, k_range, say)
    return k_used, models[candidates.index(k_used)], per_topic[k_used]


def stream_topics(
    items: Iterable[Analysed],
    *,
    k: int | str = "auto",
    method: str = "nmf",
    top_terms: int = 8,
    k_range: tuple[int, int] = K_RANGE,
    random_state: int = 0,
    speakers: int = 5,
    min_claims: int = 3,
    progress: Callable[[str], None] | None = None,
    submit: Callable | None = None,
    window: int = 2,
    examples: bool = False,
) -> TopicRun:
    """Find the topics of a stream of claims without holding the corpus in memory.

    Args:
        items: Analysed articles; a generator is read once, batch by batch.
        k, method, top_terms, k_range, random_state, speakers, min_claims:
            As :func:`dipcli.topics.topics` (``nmf`` is mini-batch NMF, ``lda``
            online LDA).
        progress: Called with a short message at each stage.
        submit: ``submit(fn, *args)`` returning an object with ``.result()``;
            arguments may be earlier such objects.  Default :func:`run_here`
            (this process); see :func:`topics_on_dask`.
        window: Batches in flight while reading.
        examples: Keep the claim texts to return each topic's heaviest claim.

    Returns:
        A :class:`dipcli.topics_records.TopicRun` as :func:`dipcli.topics.topics`
        gives it (terms are words, never phrases); the model description also
        has ``batches``, ``batch_claims`` and ``epochs``, and with ``examples``
        ``examples``: claim id -> text of each topic's first claim.

    Raises:
        DipError: on an unknown method, a bad k, k range or top_terms < 1.

    Example:
        >>> run = stream_topics(iter_analysed(["corpus/"], on_error=print), k="auto")
    """
    check_options(k, method, top_terms, k_range)
    say = progress or (lambda message: None)
    submit = submit or run_here
    info = new_info(k, method, 0, seed=random_state, k_range=k_range)
    info.update({"streaming": True, "phrases": False, "batches": 0, "batch_claims": BATCH_CLAIMS,
                 "epochs": EPOCHS[method]})
    if examples:
        info["examples"] = {}
    with one_thread():
        return _stream(items, info, k=k, method=method, top_terms=top_terms, k_range=k_range, say=say,
                       random_state=random_state, submit=submit, window=window, examples=examples,
                       shown_speakers=speakers, min_claims=min_claims)


def _read(items: Iterable[Analysed], submit, window: int, examples: bool) -> tuple[list, Counter, int, dict]:
    """Step 1 over the stream: the batch handles, the stems' spellings, the number of claims and
    the articles' titles."""
    batches: list = []
    sizes: list[int] = []
    titles: dict[str, str | None] = {}

    def scanned() -> Iterator[tuple]:
        for rows in _claim_rows(items, titles):
            batch_and_forms = submit(scan, rows, examples)
            batches.append(submit(operator.getitem, batch_and_forms, 0))
            sizes.append(len(rows))
            yield batch_and_forms, 1

    forms: Counter[tuple[str, str]] = Counter()
    for part in results_in_order(submit, window, operator.getitem, scanned()):
        forms.update(part)
    n_claims = sum(sizes)
    return batches, forms, n_claims, titles


def _stream(items, info: dict, *, k, method: str, top_terms: int, k_range, say, random_state: int, submit,
            window: int, examples: bool, shown_speakers: int, min_claims: int) -> TopicRun:
    import numpy as np

    say(f"topics: reading claims in batches of {BATCH_CLAIMS} (streaming {method}, words only)")
    batches, forms, n_claims, titles = _read(items, submit, window, examples)
    info["claims"], info["batches"], info["articles"] = n_claims, len(batches), len(titles)
    if not n_claims:
        info["warnings"].append("no claims to find topics in")
        return TopicRun([], info, [])

    # 2. features
    chunk = run_length(n_claims)
    df = np.zeros(HASH_FEATURES, dtype=np.int64)
    article_df = np.zeros(HASH_FEATURES, dtype=np.int64)
    cf = np.zeros(HASH_FEATURES, dtype=np.float64)
    unit_counts, pieces = [], 0
    for n, n_pieces, (b, c), (ab, ac), (cb, cc) in results_in_order(submit, window, unit_df,
                                                                    ((b, chunk) for b in batches)):
        unit_counts.append(n)
        pieces += n_pieces
        df[b] += c
        article_df[ab] += ac
        cf[cb] += cc
    n_units = sum(unit_counts)
    keep = select_features(df, n_units)
    info.update(units=n_units, run_length=chunk, unit="claim" if chunk == 1 else "run", vocabulary=len(keep))
    say(f"topics: {n_claims} claims in {len(batches)} batches, {n_units} units "
        f"(up to {chunk} consecutive claim{'s' if chunk != 1 else ''} of one article), {len(keep)} terms")
    if len(keep) == 0:
        info["warnings"].append("no terms to model: the claims hold only stop words or numbers")
        return TopicRun([], info, [])
    weights, weighting = term_weights(article_df[keep], cf[keep], pieces, df[keep], n_units)
    info["weighting"] = weighting if method == "nmf" else "counts"
    del df, article_df, cf
    keys, shown = _labels(forms, keep)
    del forms
    features = submit(_value, (keep, weights))

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
        # at least four claims a topic on average, as a reader would need to see one
        lo, hi = k_range
        top = min(hi, limit, max(lo, n_claims // 4))
        candidates = list(range(lo, top + 1)) if top >= lo else [max(1, min(lo, limit))]
        if hi > top:
            info["warnings"].append(f"{n_claims} claims support at most {top} topics: tried k={lo}..{top}")
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
        k_used, _, _ = _choose(passes, candidates, models, n_units, info, k_range, say, x_sample=x_sample)
        model = passes.fit([k_used], **fit)[0]
        per_topic = _coherence(passes, model, n_units)
    else:
        models = passes.fit(candidates, x_sample=x_sample, **fit)
        k_used, model, per_topic = _choose(passes, candidates, models, n_units, info, k_range, say)
    del x_sample, sampled, models
    info["k"] = k_used

    say(f"topics: placing {n_claims} claims")
    tally, best_claim = _place(model, batches, units, features, chunk, submit=submit, window=window, method=method)
    del passes, units
    found, info, documents = assemble(tally, model.components_, keys=keys, show=shown.__getitem__,
                                      coherence=per_topic, info=info, top_terms=top_terms, speakers=shown_speakers,
                                      min_claims=min_claims, titles=titles)
    if examples:
        by_first = {tp.claims[0]: tp for tp in found if tp.claims}
        for claim_id, text in best_claim.items():
            if claim_id in by_first:
                info["examples"][claim_id] = text
    return TopicRun(found, info, documents)


def _coherence(passes: _Passes, model, n_units: int) -> list[float]:
    import numpy as np

    tops = scored_terms(model.components_)
    columns = np.array(sorted({j for top in tops for j in top}), dtype=np.int64)
    where = {j: i for i, j in enumerate(columns.tolist())}
    return npmi_per_topic(passes.cooccurrence(columns), n_units, [[where[j] for j in top] for top in tops])


def _place(model, batches: list, units: list, features, chunk: int, *, submit, window: int, method: str):
    """Step 4: every claim's topic mix, the topics nobody is mainly about dropped, tallied.

    Returns:
        The :class:`Tally`, and claim id -> text of each topic's heaviest claim (texts kept only).
    """
    import numpy as np

    k = model.n_components
    fitted = submit(_value, model)
    weights = [submit(mix, b, features, method, fitted) for b in batches]
    used = np.zeros(k, dtype=np.int64)
    for part in results_in_order(submit, window, used_topics, ((w,) for w in weights)):
        used += part
    alive = np.flatnonzero(used > 0)
    if not len(alive):
        alive = np.arange(k)
    tally = Tally(alive=alive)
    best: dict[int, tuple[float, int, str]] = {}
    for part, examples in results_in_order(submit, window, settle,
                                           ((b, w, u, chunk, fitted, alive) for b, w, u in zip(batches, weights, units))):
        offset = len(tally.ids)
        for t, (wt, text) in examples.items():
            if t not in best or wt > best[t][0]:  # ties: the earlier claim, as in the claim order
                position = offset + int(np.flatnonzero((part.dominant == t) & (part.weight == wt))[0])
                best[t] = (wt, position, text)
        tally.merge(part)
    return tally, {tally.ids[position]: text for _, position, text in best.values()}


def topics_on_dask(items: Iterable[Analysed], client, **options) -> TopicRun:
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
