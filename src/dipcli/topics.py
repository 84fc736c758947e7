"""Topics: NMF on TF-IDF (default) or LDA on counts, over claims.

Units are claims.  A corpus with more than ``MAX_UNITS`` claims is fitted on
chunks of consecutive claims of one document (so a 100,000-sentence corpus
fits in seconds), and every claim is then placed in the fitted topics on its
own.  Features are the words and phrases of :mod:`dipcli.terms`, kept when
they occur in at least two units (more on big corpora) and in at most half of
them, at most ``MAX_FEATURES`` of them.

``k="auto"`` fits every k from 2 to ``min(12, n_claims // 4)`` and keeps the
one whose topics are most coherent: the mean NPMI (normalised pointwise
mutual information) of pairs of each topic's top terms, from how often they
share a unit.  Ties go to the smaller k.  (LDA on a big corpus compares the
candidates on a sample of units; see ``LDA_SELECT_UNITS``.)

A topic that is no claim's dominant topic is dropped, and the remaining
weights are renormalised, so every topic has claims and every claim is in
exactly one topic.  A claim with no feature term at all gets the corpus-wide
topic mix (and so the largest topic).  Topics are numbered from 1 in order of
their share of the corpus.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from dipcli.model import Analysed, DipError, Topic, TopicTerm

METHODS = ("nmf", "lda")
MAX_UNITS = 3000
MAX_FEATURES = 5000
MAX_AUTO_K = 12
# LDA is several times slower than NMF: above this many units it is fitted
# online, and k="auto" compares candidates fitted on an evenly spaced sample
# of LDA_SELECT_UNITS units before fitting the chosen k on all of them.
LDA_BATCH_UNITS = 1000
LDA_SELECT_UNITS = 300


def check_options(k, method: str, top_terms: int) -> None:
    if method not in METHODS:
        raise DipError(f"unknown topic method {method!r}; use one of: {', '.join(METHODS)}")
    if k != "auto" and not (isinstance(k, int) and not isinstance(k, bool) and k >= 1):
        raise DipError(f"k must be 'auto' or a whole number of at least 1, not {k!r}")
    if top_terms < 1:
        raise DipError(f"top_terms must be at least 1, not {top_terms}")


def _units(claims, max_units: int):
    """Rows of the unit x claim aggregation: one claim per unit, or chunks of
    consecutive claims of the same document when there are too many."""
    size = max(1, math.ceil(len(claims) / max_units))
    rows: list[int] = []
    unit = -1
    start = 0
    for i, c in enumerate(claims):
        if i == 0 or c.doc != claims[i - 1].doc or (i - start) >= size:
            unit += 1
            start = i
        rows.append(unit)
    return rows, size


def top_term_ids(weights, keys: list[str], n: int) -> list[int]:
    """The n heaviest terms of a topic, a phrase taking the place of its own
    words ("Ukraine crisis" instead of "Ukraine" and "crisis"), and no phrase
    that merely continues one already picked."""
    import numpy as np

    from dipcli.terms import contains, overlaps

    picked: list[int] = []
    for t in np.argsort(-weights, kind="stable").tolist():
        if weights[t] <= 0 or len(picked) >= n:
            break
        inside = [p for p in picked if contains(keys[t], keys[p])]
        if any(contains(keys[p], keys[t]) or overlaps(keys[p], keys[t]) for p in picked):
            continue
        if inside:
            picked = [p for p in picked if p not in inside]
        picked.append(t)
    return picked


def _npmi(binary, tops: list[list[int]]) -> float:
    """Mean NPMI of each topic's top terms, from document co-occurrence in
    ``binary`` (a units x terms 0/1 CSC matrix)."""
    columns = sorted({j for top in tops for j in top})
    sub = binary[:, columns]
    where = {j: i for i, j in enumerate(columns)}
    return mean_npmi((sub.T @ sub).toarray(), binary.shape[0], [[where[j] for j in top] for top in tops])


def mean_npmi(co, n: int, tops: list[list[int]]) -> float:
    """Mean NPMI (normalised pointwise mutual information) over the pairs of
    each topic's top terms.

    Args:
        co: co-occurrence counts: ``co[i, j]`` units holding terms i and j,
            ``co[i, i]`` units holding i.
        n: number of units.
        tops: each topic's top terms, as indices of ``co``.

    Returns:
        The mean over topics of the mean over their pairs; -1 when no topic
        has two terms.
    """
    scores = []
    for top in tops:
        if len(top) < 2:
            continue
        vals = []
        for a in range(len(top)):
            for b in range(a + 1, len(top)):
                pab = co[top[a], top[b]] / n
                if pab == 0:
                    vals.append(-1.0)
                elif pab >= 1:
                    vals.append(1.0)
                else:
                    pa, pb = co[top[a], top[a]] / n, co[top[b], top[b]] / n
                    vals.append(math.log(pab / (pa * pb)) / -math.log(pab))
        scores.append(sum(vals) / len(vals))
    return sum(scores) / len(scores) if scores else -1.0


def select_features(df, n_units: int):
    """The terms to model, by document frequency ``df`` over ``n_units`` units:
    in at least ``min_df`` units (2, more on big corpora) and at most half of
    them, the ``MAX_FEATURES`` most common; sorted term ids."""
    import numpy as np

    min_df = 2 if n_units < 1000 else max(2, n_units // 500)
    keep = np.flatnonzero((df >= min_df) & (df <= max(min_df, n_units // 2)))
    if len(keep) < 2:
        keep = np.flatnonzero(df > 0)
    if len(keep) > MAX_FEATURES:
        keep = np.sort(keep[np.argsort(-df[keep], kind="stable")[:MAX_FEATURES]])
    return keep


def nndsvda_start(svd, x_mean: float, k: int):
    """NNDSVDa starting point (Boutsidis & Gallopoulos 2008) for k topics from
    a truncated SVD shared by every candidate k, so the SVD runs once."""
    import numpy as np

    u, s, vt = svd
    w = np.zeros((u.shape[0], k))
    h = np.zeros((k, vt.shape[1]))
    w[:, 0] = math.sqrt(s[0]) * np.abs(u[:, 0])
    h[0, :] = math.sqrt(s[0]) * np.abs(vt[0, :])
    for j in range(1, k):
        x, y = u[:, j], vt[j, :]
        xp, xn, yp, yn = np.maximum(x, 0), np.maximum(-x, 0), np.maximum(y, 0), np.maximum(-y, 0)
        pos = np.linalg.norm(xp) * np.linalg.norm(yp)
        neg = np.linalg.norm(xn) * np.linalg.norm(yn)
        a, b, sigma = (xp, yp, pos) if pos > neg else (xn, yn, neg)
        if sigma > 0:
            scale = math.sqrt(s[j] * sigma)
            w[:, j] = scale * a / np.linalg.norm(a)
            h[j, :] = scale * b / np.linalg.norm(b)
    w[w < 1e-6] = 0
    h[h < 1e-6] = 0
    w[w == 0] = x_mean
    h[h == 0] = x_mean
    return w, h


def fit_model(method: str, k: int, x_units, random_state: int, svd=None):
    import warnings

    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        # NMF's update can take the square root of a rounding-error negative on
        # degenerate data (one sentence repeated); the result is cleaned below.
        warnings.simplefilter("ignore", RuntimeWarning)
        if method == "nmf":
            model = NMF(n_components=k, init="custom", max_iter=400, random_state=random_state)
            w0, h0 = nndsvda_start(svd, float(x_units.mean()), k)
            w = model.fit_transform(x_units, W=w0, H=h0)
        elif x_units.shape[0] > LDA_BATCH_UNITS:
            # Online variational Bayes: a few passes over mini-batches instead
            # of 20 full passes; the mini-batches are taken in order.
            model = LatentDirichletAllocation(
                n_components=k, learning_method="online", batch_size=256, max_iter=5, random_state=random_state
            )
            w = model.fit_transform(x_units)
        else:
            model = LatentDirichletAllocation(
                n_components=k, learning_method="batch", max_iter=10, random_state=random_state
            )
            w = model.fit_transform(x_units)
    import numpy as np

    if not np.isfinite(w).all() or not np.isfinite(model.components_).all():
        w = np.nan_to_num(w, nan=0.0, posinf=0.0, neginf=0.0)
        model.components_ = np.nan_to_num(model.components_, nan=0.0, posinf=0.0, neginf=0.0)
    return model, w


def new_info(k: int | str, method: str, n_claims: int) -> dict:
    """The ``info`` dict of a topic run before fitting (keys as :func:`topics` documents)."""
    return {"k": 0, "requested": k, "method": method, "measure": "npmi", "scores": [], "claims": n_claims,
            "units": 0, "chunk": 1, "vocabulary": 0, "dropped": 0, "warnings": []}


def topics(
    items: Iterable[Analysed],
    *,
    k: int | str = "auto",
    method: str = "nmf",
    top_terms: int = 8,
    progress: Callable[[str], None] | None = None,
    random_state: int = 0,
) -> tuple[list[Topic], dict]:
    """Find the topics of the claims, and who talks about which.

    Args:
        items: Analysed articles.
        k: Number of topics, or ``"auto"`` to choose by coherence.
        method: ``nmf`` (NMF on TF-IDF) or ``lda`` (LDA on counts).
        top_terms: Terms listed per topic.
        progress: Called with a short message at each stage of a long run.
        random_state: Seed of the model; the same input always gives the same
            topics.

    Returns:
        The topics, largest share first, and an ``info`` dict: ``k`` (used),
        ``requested``, ``method``, ``measure`` (``npmi``), ``scores`` (a list
        of ``{"k", "score"}``, one per candidate, or the chosen k's alone),
        ``claims``, ``units``, ``chunk`` (claims per unit), ``vocabulary``,
        ``dropped`` (empty topics removed), ``warnings``, and for LDA on a
        big corpus ``selection_units`` (the sample k was chosen on).

    Raises:
        DipError: on an unknown method, a bad k or top_terms < 1.

    Example:
        >>> found, info = topics(analysed, k="auto")
    """
    check_options(k, method, top_terms)
    say = progress or (lambda message: None)
    claims = [c for item in items for c in item.claims]
    info = new_info(k, method, len(claims))
    if not claims:
        info["warnings"].append("no claims to find topics in")
        return [], info

    import numpy as np
    from scipy.sparse import csr_matrix

    from dipcli.keywords import group_of
    from dipcli.terms import extract

    say(f"topics: extracting terms from {len(claims)} claims")
    terms = extract([c.text for c in claims])
    x_claims = terms.matrix()
    rows, chunk = _units(claims, MAX_UNITS)
    n_units = rows[-1] + 1
    agg = csr_matrix((np.ones(len(claims)), (rows, np.arange(len(claims)))), shape=(n_units, len(claims)))
    x_units = (agg @ x_claims).tocsr()
    info["units"], info["chunk"] = n_units, chunk

    keep = select_features(np.bincount(x_units.indices, minlength=x_units.shape[1]), n_units)
    keys = [terms.keys[t] for t in keep]
    x_units, x_claims = x_units[:, keep], x_claims[:, keep]
    info["vocabulary"] = len(keep)
    say(f"topics: {n_units} units (up to {chunk} consecutive claim{'s' if chunk != 1 else ''} each), {len(keep)} terms")
    if len(keep) == 0:
        info["warnings"].append("no terms to model: the claims hold only stop words or numbers")
        return [], info

    if method == "nmf":
        from sklearn.feature_extraction.text import TfidfTransformer

        tfidf = TfidfTransformer(sublinear_tf=True).fit(x_units)
        fit_units, fit_claims = tfidf.transform(x_units), tfidf.transform(x_claims)
    else:
        fit_units, fit_claims = x_units, x_claims
    binary = (x_units > 0).astype(np.float64).tocsc()

    # identical units add no rank: more topics than distinct units cannot be fitted
    distinct = len({(fit_units.indices[a:b].tobytes(), fit_units.data[a:b].tobytes())
                    for a, b in zip(fit_units.indptr[:-1], fit_units.indptr[1:])})
    limit = max(1, min(n_units, len(keep), distinct))
    if k == "auto":
        candidates = list(range(2, min(MAX_AUTO_K, len(claims) // 4, limit) + 1)) or [1]
    else:
        if k > limit:
            info["warnings"].append(f"asked for {k} topics but the data supports at most {limit}; using {limit}")
        candidates = [min(k, limit)]

    svd = None
    if method == "nmf":
        from sklearn.utils.extmath import randomized_svd

        svd = randomized_svd(fit_units, max(candidates), random_state=random_state)
    sample = None
    if method == "lda" and len(candidates) > 1 and n_units > LDA_SELECT_UNITS:
        sample = np.unique(np.linspace(0, n_units - 1, LDA_SELECT_UNITS).round().astype(np.int64))
        info["selection_units"] = len(sample)
    best = None
    for i, kk in enumerate(candidates, 1):
        say(f"topics: fitting {method} with k={kk} ({i}/{len(candidates)})")
        model, w_units = fit_model(method, kk, fit_units if sample is None else fit_units[sample], random_state, svd)
        h = model.components_
        score = _npmi(binary, [top_term_ids(h[t], keys, top_terms) for t in range(kk)]) if kk > 1 else 0.0
        info["scores"].append({"k": kk, "score": round(score, 6)})
        if best is None or score > best[0] + 1e-12:
            best = (score, kk, model, w_units)
    _, k_used, model, w_units = best
    info["k"] = k_used
    if len(candidates) > 1:
        say(f"topics: chose k={k_used} (mean NPMI {best[0]:.3f})")
    if sample is not None:
        say(f"topics: fitting {method} with k={k_used} on all {n_units} units")
        model, w_units = fit_model(method, k_used, fit_units, random_state)

    if chunk == 1:
        w = np.asarray(w_units, dtype=np.float64)
    else:
        say(f"topics: placing {len(claims)} claims")
        w = np.asarray(model.transform(fit_claims), dtype=np.float64)
    h = np.asarray(model.components_, dtype=np.float64)
    empty = np.asarray(x_claims.sum(axis=1)).ravel() == 0
    w[empty] = 0
    sums = w.sum(axis=1, keepdims=True)
    has = sums.ravel() > 0
    w[has] /= sums[has]
    mean = w[has].mean(axis=0) if has.any() else np.full(k_used, 1.0 / k_used)
    w[~has] = mean

    # Drop topics nobody is dominant in, then renormalise.
    alive = np.arange(k_used)
    while True:
        dominant = np.argmax(w, axis=1)
        used = np.bincount(dominant, minlength=len(alive)) > 0
        if used.all():
            break
        info["dropped"] += int((~used).sum())
        w, h, alive = w[:, used], h[used], alive[used]
        w /= w.sum(axis=1, keepdims=True)
    if info["dropped"]:
        info["warnings"].append(f"dropped {info['dropped']} topic(s) that were no claim's main topic")

    speakers = [group_of(c, "speaker") for c in claims]
    names = sorted(set(speakers))
    speaker_rows = {s: [] for s in names}
    for i, s in enumerate(speakers):
        speaker_rows[s].append(i)
    speaker_mix = {s: w[idx].mean(axis=0) for s, idx in speaker_rows.items()}
    share = w.mean(axis=0)

    found = []
    for t in range(w.shape[1]):
        weights = h[t] / h[t].sum() if h[t].sum() > 0 else h[t]
        top = top_term_ids(weights, keys, top_terms)
        top.sort(key=lambda j: (-weights[j], keys[j]))
        shown = [terms.show(int(keep[j])) for j in top]
        members = np.flatnonzero(dominant == t)
        members = members[np.lexsort((members, -w[members, t]))]
        found.append(
            Topic(
                topic=0,
                label=" / ".join(shown[:3]),
                terms=[TopicTerm(term=s, weight=round(float(weights[j]), 6)) for s, j in zip(shown, top)],
                share=round(float(share[t]), 6),
                speakers={s: round(float(speaker_mix[s][t]), 6) for s in names},
                claims=[claims[i].id for i in members.tolist()],
            )
        )
    found.sort(key=lambda tp: (-tp.share, tp.label))
    for number, tp in enumerate(found, 1):
        tp.topic = number
    return found, info
