"""Topics: NMF on weighted term counts (default) or LDA on counts, over the claims held in memory.

The model is fitted on units of consecutive claims of one article and every
claim is then placed in it on its own (units, weights and the choice of k:
:mod:`dipcli.topics_model`).  Features are the words and phrases of
:mod:`dipcli.terms`, kept when they occur in at least two units (more on big
corpora) and in at most half of them, at most ``MAX_FEATURES`` of them.

A claim with no modelled term is *unassigned*: it is counted, never put in a
topic.  A topic that is no claim's main topic is dropped and the remaining
weights renormalised.  Topics are numbered from 1 in order of ``share``.
The records are built by :mod:`dipcli.topics_records`, which the streaming
path shares.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from dipcli.model import Analysed
from dipcli.topics_model import (
    COHERENCE_TERMS,
    K_RANGE,
    LDA_SELECT_UNITS,
    candidate,
    check_options,
    coherence_of,
    explained,
    fit_model,
    new_info,
    run_length,
    scored_terms,
    select_features,
    settle_k,
    svd_for,
    term_weights,
    unit_rows,
    weigh,
)
from dipcli.topics_records import TopicRun, Tally, assemble


def topics(
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
) -> TopicRun:
    """Find the topics of the claims, each article's topic mix, and who talks about which.

    Args:
        items: Analysed articles.
        k: Number of topics, or ``"auto"`` to choose it by coherence within ``k_range``.
        method: ``nmf`` (NMF on weighted counts) or ``lda`` (LDA on counts).
        top_terms: Terms listed per topic (display only: the model and the
            choice of k do not depend on it).
        k_range: Smallest and largest k tried by ``"auto"``.
        random_state: Seed of the model; the same input and seed always give
            the same topics.
        speakers: Speakers listed per topic, most prevalent first (0: all).
        min_claims: Speakers with fewer claims that have a topic mix are not listed.
        progress: Called with a short message at each stage of a long run.

    Returns:
        A :class:`TopicRun`: the topics (largest share first), the model
        description (the README's ``--by model`` record) and one record per article.

    Raises:
        DipError: on an unknown method, a bad k, k range or top_terms < 1.

    Example:
        >>> run = topics(analysed, k="auto")
        >>> run.model["k"], [t.label for t in run.topics]
    """
    check_options(k, method, top_terms, k_range)
    say = progress or (lambda message: None)
    items = list(items)
    claims = [c for item in items for c in item.claims]
    info = new_info(k, method, len(claims), seed=random_state, k_range=k_range)
    info["articles"] = len(items)
    if not claims:
        info["warnings"].append("no claims to find topics in")
        return TopicRun([], info, [])

    import numpy as np
    from scipy.sparse import csr_matrix

    from dipcli.terms import extract

    say(f"topics: extracting terms from {len(claims)} claims")
    terms = extract([c.text for c in claims])
    x_claims = terms.matrix()
    size = run_length(len(claims))
    rows = np.array(unit_rows([c.doc for c in claims], size), dtype=np.int64)
    n_units = int(rows[-1]) + 1
    agg = csr_matrix((np.ones(len(claims)), (rows, np.arange(len(claims)))), shape=(n_units, len(claims)))
    x_units = (agg @ x_claims).tocsr()
    info.update(units=n_units, run_length=size, unit="claim" if size == 1 else "run")

    keep = select_features(np.bincount(x_units.indices, minlength=x_units.shape[1]), n_units)
    keys = [terms.keys[t] for t in keep]
    x_units, x_claims = x_units[:, keep], x_claims[:, keep]
    info["vocabulary"] = len(keep)
    say(f"topics: {n_units} units (up to {size} consecutive claim{'s' if size != 1 else ''} of one article), "
        f"{len(keep)} terms")
    if len(keep) == 0:
        info["warnings"].append("no terms to model: the claims hold only stop words or numbers")
        return TopicRun([], info, [])

    if method == "nmf":
        doc_index = {d: i for i, d in enumerate(dict.fromkeys(c.doc for c in claims))}
        by_article = csr_matrix((np.ones(len(claims)), ([doc_index[c.doc] for c in claims], np.arange(len(claims)))),
                                shape=(len(doc_index), len(claims)))
        x_articles = (by_article @ x_claims).tocsr()
        weights, info["weighting"] = term_weights(
            np.bincount(x_articles.indices, minlength=len(keep)), np.asarray(x_articles.sum(axis=0)).ravel(),
            len(doc_index), np.bincount(x_units.indices, minlength=len(keep)), n_units)
        fit_units, fit_claims = weigh(x_units, weights), weigh(x_claims, weights)
    else:
        info["weighting"] = "counts"
        fit_units, fit_claims = x_units, x_claims
    binary = (x_units > 0).astype(np.float64).tocsc()

    # identical units add no rank: more topics than distinct units cannot be fitted
    distinct = len({(fit_units.indices[a:b].tobytes(), fit_units.data[a:b].tobytes())
                    for a, b in zip(fit_units.indptr[:-1], fit_units.indptr[1:])})
    limit = max(1, min(n_units, len(keep), distinct))
    if k == "auto":
        # at least four claims a topic on average, as a reader would need to see one
        lo, hi = k_range
        top = min(hi, limit, max(lo, len(claims) // 4))
        candidates = list(range(lo, top + 1)) if top >= lo else [max(1, min(lo, limit))]
        if hi > top:
            info["warnings"].append(f"{len(claims)} claims support at most {top} topics: tried k={lo}..{top}")
    else:
        if k > limit:
            info["warnings"].append(f"asked for {k} topics but the data supports at most {limit}; using {limit}")
        candidates = [min(k, limit)]

    svd = svd_for(fit_units, max(candidates), random_state) if method == "nmf" else None
    sample = None
    if method == "lda" and len(candidates) > 1 and n_units > LDA_SELECT_UNITS:
        sample = np.unique(np.linspace(0, n_units - 1, LDA_SELECT_UNITS).round().astype(np.int64))
        info["selection_units"] = len(sample)
    fitted = {}
    for i, kk in enumerate(candidates, 1):
        say(f"topics: fitting {method} with k={kk} ({i}/{len(candidates)})")
        model, w_units = fit_model(method, kk, fit_units if sample is None else fit_units[sample], random_state, svd)
        per_topic = coherence_of(binary, scored_terms(model.components_))
        x_fit = fit_units if sample is None else fit_units[sample]
        info["candidates"].append(candidate(kk, per_topic, explained(x_fit, w_units, model.components_),
                                            x_fit.shape[0]))
        fitted[kk] = (model, w_units, per_topic)
    k_used = settle_k(info, k_range, say)
    model, w_units, per_topic = fitted[k_used]
    info["k"] = k_used
    if sample is not None:
        say(f"topics: fitting {method} with k={k_used} on all {n_units} units")
        model, w_units = fit_model(method, k_used, fit_units, random_state)
        per_topic = coherence_of(binary, scored_terms(model.components_))

    if size == 1:
        w = np.asarray(w_units, dtype=np.float64)
    else:
        say(f"topics: placing {len(claims)} claims")
        w = np.asarray(model.transform(fit_claims), dtype=np.float64)
    w = np.nan_to_num(w, nan=0.0, posinf=0.0, neginf=0.0)
    w[np.diff(x_claims.indptr) == 0] = 0
    h = np.asarray(model.components_, dtype=np.float64)
    tally = Tally.from_weights(w, claims, w_units, rows)
    return assemble(tally, h, keys=keys, show=lambda j: terms.show(int(keep[j])), coherence=per_topic, info=info,
                    top_terms=top_terms, speakers=speakers, min_claims=min_claims,
                    titles={item.article.doc: item.article.title for item in items})


__all__ = ["COHERENCE_TERMS", "K_RANGE", "TopicRun", "topics"]
