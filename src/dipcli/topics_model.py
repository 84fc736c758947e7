"""What both topic paths share: units, term weights, fitting, coherence and the choice of k.

**Units.**  A model is fitted on *units*: runs of up to ``run_length`` consecutive
claims of one article.  Single sentences are too short for word co-occurrence
to say much, so on a corpus of at least ``2 * MIN_UNITS`` claims a unit grows to
a passage of up to ``MAX_RUN`` claims (a short article is one unit), as long as
there are at least ``MIN_UNITS`` of them; a small corpus (one article, say) is
fitted on its claims one by one.  Above ``MAX_UNITS`` claims a unit is never
shorter than it takes to stay under ``MAX_UNITS`` units.  Every claim is then
placed in the fitted topics on its own.

**Weights** (NMF).  Raw term counts times each term's *residual IDF* over the
articles (Church & Gale 1995): the IDF a term has, minus the IDF it would have
if its occurrences fell on articles at random (Poisson).  Subject words are
bursty (many occurrences in few articles) and keep a high weight; words spread
evenly over the corpus ("including", "new") score low whatever their
frequency, and do not make topics of their own.  With fewer
than ``RIDF_MIN_ARTICLES`` articles there is no spread to measure, and the
weight is the plain IDF over units.  Rows are scaled to unit length.  LDA is
fitted on the counts.

**Choosing k** (``--k auto``).  Every k of the range is fitted, and each
topic's coherence is the mean NPMI (normalised pointwise mutual information)
of the pairs of its ``COHERENCE_TERMS`` heaviest terms, from how often they
share a unit.  Coherence alone does not see a subject the model leaves out
(two pure topics out of four subjects are as coherent as four), so the
share of units each k *explains* (reconstruction cosine of at least
``EXPLAINED_COSINE``) is watched too: where one more topic explains at least
``EXPLAINED_JUMP`` more of the units (relatively), a whole subject was missing,
and no smaller k competes.  Of the rest, the k whose topics are most coherent
on average wins.  The
number of terms is fixed, so the choice never depends on how many terms are
shown.  A k whose mean lies within one standard error (over its topics) of the
winner's is *within noise*: the choice is reported as marginal, as is a choice
at either end of the range.
"""
from __future__ import annotations

import math
from typing import Any

from dipcli.model import DipError

METHODS = ("nmf", "lda")
MAX_UNITS = 3000
MIN_UNITS = 100
MAX_RUN = 100
MAX_FEATURES = 5000
RIDF_MIN_ARTICLES = 20
#: Top terms per topic that coherence (and so the choice of k) is computed on.
COHERENCE_TERMS = 10
#: A unit is explained by a model when its reconstruction has at least this cosine with it;
#: a k below a step to the next k that explains EXPLAINED_JUMP more of the units (relatively)
#: leaves a subject out, and does not compete.
EXPLAINED_COSINE = 0.2
EXPLAINED_JUMP = 0.1
K_RANGE = (2, 15)
# LDA is several times slower than NMF: above this many units it is fitted
# online, and k="auto" compares candidates fitted on an evenly spaced sample
# of LDA_SELECT_UNITS units before fitting the chosen k on all of them.
LDA_BATCH_UNITS = 1000
LDA_SELECT_UNITS = 300


def check_options(k, method: str, top_terms: int, k_range=K_RANGE) -> None:
    if method not in METHODS:
        raise DipError(f"unknown topic method {method!r}; use one of: {', '.join(METHODS)}")
    if k != "auto" and not (isinstance(k, int) and not isinstance(k, bool) and k >= 1):
        raise DipError(f"k must be 'auto' or a whole number of at least 1, not {k!r}")
    if top_terms < 1:
        raise DipError(f"top_terms must be at least 1, not {top_terms}")
    lo, hi = k_range
    if not (isinstance(lo, int) and isinstance(hi, int) and 2 <= lo <= hi):
        raise DipError(f"the k range must be two whole numbers LO:HI with 2 <= LO <= HI, not {lo}:{hi}")


def parse_k_range(text: str) -> tuple[int, int]:
    """``"2:20"`` -> ``(2, 20)``; a DipError on anything else."""
    lo, sep, hi = text.partition(":")
    try:
        out = (int(lo), int(hi)) if sep else (int(lo), int(lo))
    except ValueError:
        raise DipError(f"the k range must look like 2:20, not {text!r}") from None
    check_options("auto", "nmf", 1, out)
    return out


def run_length(n_claims: int) -> int:
    """Most consecutive claims of one article in a unit (see the module docstring)."""
    return max(1, math.ceil(n_claims / MAX_UNITS), min(MAX_RUN, n_claims // MIN_UNITS))


def unit_rows(docs: list[str], size: int) -> list[int]:
    """Unit number of each claim, given each claim's article id, in claim order."""
    rows: list[int] = []
    unit, start = -1, 0
    for i, d in enumerate(docs):
        if i == 0 or d != docs[i - 1] or (i - start) >= size:
            unit += 1
            start = i
        rows.append(unit)
    return rows


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


def term_weights(article_df, article_cf, n_articles: int, unit_df, n_units: int):
    """Per-term weights (see the module docstring) and the name of the scheme.

    Args:
        article_df: articles each term occurs in.
        article_cf: occurrences of each term.
        n_articles: number of articles.
        unit_df: units each term occurs in.
        n_units: number of units.

    Returns:
        ``(weights, "ridf")`` or ``(weights, "idf")``.
    """
    import numpy as np

    if n_articles >= RIDF_MIN_ARTICLES:
        df = np.maximum(np.asarray(article_df, dtype=np.float64), 1)
        cf = np.asarray(article_cf, dtype=np.float64)
        ridf = -np.log(df / n_articles) + np.log(-np.expm1(-cf / n_articles))
        ridf = np.maximum(ridf, 0)
        if (ridf > 0).sum() >= 2:
            return ridf, "ridf"
    return np.log((1 + n_units) / (1 + np.asarray(unit_df, dtype=np.float64))) + 1, "idf"


def weigh(counts, weights):
    """Counts times term weights, rows scaled to unit length (SciPy CSR)."""
    from sklearn.preprocessing import normalize

    return normalize(counts.multiply(weights).tocsr())


def top_term_ids(weights, keys: list[str], n: int) -> list[int]:
    """The n heaviest terms of a topic, heaviest first (ties by key): a phrase takes the place of its own
    words ("Ukraine crisis" instead of "Ukraine" and "crisis"), whether it is picked itself
    or all its words are, none a stop word ("prime" and "minister" become "Prime
    Minister"), and no phrase
    that merely continues one already picked."""
    import numpy as np

    from dipcli.terms import contains, overlaps, parts, stop_words

    stop = stop_words()
    single = {k: i for i, k in enumerate(keys) if " " not in k}
    phrases_of: dict[int, list[int]] = {}
    for i, k in enumerate(keys):
        if " " in k:
            for word in parts(k):
                if word in single:
                    phrases_of.setdefault(single[word], []).append(i)
    picked: list[int] = []
    rank: dict[int, float] = {}  # a phrase standing for its words ranks as its heaviest word
    for t in np.argsort(-weights, kind="stable").tolist():
        if weights[t] <= 0 or len(picked) >= n:
            break
        if t in picked:
            continue
        inside = [p for p in picked if contains(keys[t], keys[p])]
        if any(contains(keys[p], keys[t]) or overlaps(keys[p], keys[t]) for p in picked):
            continue
        if inside:
            picked = [p for p in picked if p not in inside]
            picked.append(t)
            continue
        picked.append(t)
        words = {keys[p] for p in picked}
        for ph in phrases_of.get(t, []):
            mine = parts(keys[ph])
            if ph not in picked and len(set(mine)) == len(mine) and not stop.intersection(mine) and \
                    all(w in words for w in mine) and \
                    not any(contains(keys[p], keys[ph]) or overlaps(keys[p], keys[ph]) for p in picked
                            if " " in keys[p]):
                gone = [p for p in picked if keys[p] in mine]
                rank[ph] = max(rank.get(p, weights[p]) for p in gone)
                picked = [p for p in picked if p not in gone]
                picked.append(ph)
                break
    return sorted(picked, key=lambda p: (-rank.get(p, weights[p]), keys[p]))


def scored_terms(h, n: int = COHERENCE_TERMS) -> list[list[int]]:
    """Each topic's ``n`` heaviest terms by weight alone: what coherence is computed on."""
    import numpy as np

    return [[j for j in np.argsort(-row, kind="stable")[:n].tolist() if row[j] > 0] for row in h]


def npmi_per_topic(co, n: int, tops: list[list[int]]) -> list[float]:
    """Mean NPMI over the pairs of each topic's terms.

    Args:
        co: co-occurrence counts: ``co[i, j]`` units holding terms i and j,
            ``co[i, i]`` units holding i.
        n: number of units.
        tops: each topic's terms, as indices of ``co``.

    Returns:
        One value per topic, in [-1, 1]; 0 for a topic with fewer than two terms.
    """
    out = []
    for top in tops:
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
        out.append(sum(vals) / len(vals) if vals else 0.0)
    return out


def coherence_of(binary, tops: list[list[int]]) -> list[float]:
    """Per-topic NPMI of ``tops`` from ``binary``, a units x terms 0/1 CSC matrix."""
    columns = sorted({j for top in tops for j in top})
    if not columns:
        return [0.0 for _ in tops]
    sub = binary[:, columns]
    where = {j: i for i, j in enumerate(columns)}
    return npmi_per_topic((sub.T @ sub).toarray(), binary.shape[0], [[where[j] for j in top] for top in tops])


def explained(x, w, h) -> int:
    """How many rows of ``x`` the model ``w @ h`` explains: a row is explained when its
    reconstruction points the same way (cosine at least ``EXPLAINED_COSINE``)."""
    import numpy as np
    from scipy.sparse import issparse

    w = np.asarray(w, dtype=np.float64)
    h = np.asarray(h, dtype=np.float64)
    dot = (np.asarray(x @ h.T) * w).sum(axis=1)
    r_norm = np.sqrt(np.maximum(((w @ (h @ h.T)) * w).sum(axis=1), 0))
    x_norm = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel() if issparse(x) else (x * x).sum(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        cos = np.where((r_norm > 0) & (x_norm > 0), dot / (r_norm * x_norm), 0.0)
    return int((cos >= EXPLAINED_COSINE).sum())


def candidate(k: int, per_topic: list[float], explained_units: int = 0, n_units: int = 0) -> dict[str, Any]:
    """One k tried: mean coherence of its topics, its standard error, and the units it explains."""
    mean = sum(per_topic) / len(per_topic) if per_topic else 0.0
    if len(per_topic) > 1:
        var = sum((v - mean) ** 2 for v in per_topic) / (len(per_topic) - 1)
        se = math.sqrt(var / len(per_topic))
    else:
        se = 0.0
    return {"k": k, "coherence": round(mean, 6), "se": round(se, 6),
            "explained": round(explained_units / n_units, 6) if n_units else 1.0,
            "competes": True, "chosen": False, "within_noise": False}


def settle_k(info: dict[str, Any], k_range: tuple[int, int], say) -> int:
    """The k of the run from the candidates in ``info`` (every k fitted and scored): the most
    coherent of several (:func:`choose`), else the one; sets ``reason`` and the warnings."""
    candidates = info["candidates"]
    if len(candidates) > 1:
        k_used, info["reason"], warnings = choose(candidates, k_range)
        info["warnings"].extend(warnings)
        say(f"topics: chose k={k_used} of {len(candidates)} tried")
        return k_used
    k_used = candidates[0]["k"]
    candidates[0]["chosen"] = True
    info["reason"] = f"k={k_used} was asked for" if info["requested"] != "auto" \
        else f"k={k_used} is the only k the data allows"
    return k_used


def choose(candidates: list[dict[str, Any]], k_range: tuple[int, int]) -> tuple[int, str, list[str]]:
    """The most coherent candidate (ties: the smaller k); marks it and those within noise of it.

    Returns:
        The chosen k, the reason in words, and warnings (edge of the range, within noise).
    """
    ordered = sorted(candidates, key=lambda c: c["k"])
    first = 0
    for i in range(len(ordered) - 1):
        if ordered[i + 1]["k"] == ordered[i]["k"] + 1 and \
                ordered[i + 1]["explained"] >= ordered[i]["explained"] * (1 + EXPLAINED_JUMP):
            first = i + 1
    fit = ordered[first:]
    for c in ordered[:first]:
        c["competes"] = False
    best = max(fit, key=lambda c: (c["coherence"], -c["k"]))
    best["chosen"] = True
    floor = best["coherence"] - best["se"]
    close = []
    for c in fit:
        if c is not best and c["coherence"] >= floor:
            c["within_noise"] = True
            close.append(c["k"])
    runner = max((c for c in fit if c is not best), key=lambda c: (c["coherence"], -c["k"]), default=None)
    reason = f"k={best['k']} has the most coherent topics (mean NPMI of {COHERENCE_TERMS} top terms " \
             f"{best['coherence']:.3f} \u00b1 {best['se']:.3f})"
    if runner is not None:
        reason += f"; next best k={runner['k']} ({runner['coherence']:.3f})"
    left = sorted(c["k"] for c in candidates if c not in fit)
    if left:
        reason += f"; k={', '.join(map(str, left))} left out: k={left[-1] + 1} explains at least " \
                  f"{EXPLAINED_JUMP:.0%} more of the units than k={left[-1]}, so a subject was missing"
    warnings = []
    tried = [c["k"] for c in candidates]
    if len(tried) > 1 and best["k"] in (min(tried), max(tried)):
        side = "top" if best["k"] == max(tried) else "bottom"
        warnings.append(f"k={best['k']} is at the {side} of the range tried ({min(tried)}:{max(tried)}); "
                        f"a wider --k-range may find a better k")
    if close:
        warnings.append(f"the choice is within noise: k={', '.join(map(str, close))} "
                        f"score{'s' if len(close) > 1 else ''} within one standard error of k={best['k']}")
    return best["k"], reason, warnings


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
    """One fitted model and the units' topic weights (NaN-free)."""
    import warnings

    import numpy as np
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
    if not np.isfinite(w).all() or not np.isfinite(model.components_).all():
        w = np.nan_to_num(w, nan=0.0, posinf=0.0, neginf=0.0)
        model.components_ = np.nan_to_num(model.components_, nan=0.0, posinf=0.0, neginf=0.0)
    return model, w


def svd_for(x, k_max: int, random_state: int):
    """The truncated SVD NNDSVDa starts every candidate k from (``random_state`` seeds it)."""
    from sklearn.utils.extmath import randomized_svd

    return randomized_svd(x, k_max, random_state=random_state)


def new_info(k, method: str, n_claims: int, *, seed: int, k_range: tuple[int, int]) -> dict[str, Any]:
    """The model description of a topic run before fitting (keys as the README's ``--by model``)."""
    return {"k": 0, "requested": k, "method": method, "seed": seed, "k_range": list(k_range),
            "selection": "coherence" if k == "auto" else "fixed", "reason": None, "coherence": None,
            "coherence_terms": COHERENCE_TERMS, "claims": n_claims, "assigned": 0, "unassigned": 0,
            "articles": 0, "unit": "claim", "units": 0, "run_length": 1, "weighting": None, "vocabulary": 0,
            "phrases": True, "streaming": False, "dropped": 0, "candidates": [], "warnings": []}
