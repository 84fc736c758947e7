"""Collocations: which bigrams and trigrams are phrases, from counts of a whole corpus or of its batches.

:func:`dipcli.terms.extract` finds the phrases of texts held in memory with
:func:`find_phrases`; for a corpus in batches, :func:`dipcli.terms.ngram_counts`
counts each batch, :class:`NgramTotals` adds the counts up and decides the same
phrases (:func:`_collocations` is the one decision both make).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Marks a stop word among phrase items.
STOP_MARK = "\x00"


def ngram_codes(items, joined, n: int, base: int):
    """Integer code of the n-gram starting at each position, and whether it
    lies inside one run."""
    import numpy as np

    length = max(len(items) - n + 1, 0)
    codes = np.zeros(length, dtype=np.int64)
    ok = np.ones(length, dtype=bool)
    for o in range(n):
        codes = codes * base + items[o : o + length]
        if o:
            ok &= joined[o : o + length]
    return codes, ok


def _lookup(codes, counts, wanted):
    """Counts of the ``wanted`` codes in sorted ``codes`` (0 where absent)."""
    import numpy as np

    if len(codes) == 0:
        return np.zeros(len(wanted), dtype=np.int64)
    pos = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
    return np.where(codes[pos] == wanted, counts[pos], 0)


def _guarded(measure):
    """NLTK's likelihood ratio, scoring 0 where its contingency table is impossible.

    A word that pairs with itself ("minister minister minister") is counted once
    per token but twice per pair, which leaves a negative cell and a log of a
    negative number; such an n-gram is no collocation.
    """
    def score(*args):
        try:
            return measure(*args)
        except (ValueError, ZeroDivisionError):
            return 0.0
    return score


def check_base(base: int) -> None:
    if base**3 >= 2**62:
        raise ValueError("vocabulary too large for phrase detection")


def joined_counts(items, joined, n: int, base: int):
    """Sorted codes of the n-grams that lie inside one run, and their counts."""
    import numpy as np

    codes, ok = ngram_codes(items, joined, n, base)
    return np.unique(codes[ok], return_counts=True)


def find_phrases(items, joined, vocab: list[str], is_stop, *, min_count: int, min_score: float):
    """Collocations among the tokens of a corpus (see :func:`_collocations`).

    Args:
        items: item id per token (a stem, or a stop word's lowercase form).
        joined: per token, whether it continues the previous token's run.
        vocab: item id -> item.
        is_stop: per item id, whether it is a stop word.
        min_count: minimum number of occurrences.
        min_score: minimum log-likelihood ratio G².

    Returns:
        Sorted arrays of the accepted bigram and trigram codes.
    """
    import numpy as np

    base = len(vocab)
    return _collocations(vocab, is_stop, np.bincount(items, minlength=base), *joined_counts(items, joined, 2, base),
                         *joined_counts(items, joined, 3, base), min_count=min_count, min_score=min_score)


def _collocations(vocab: list[str], is_stop, word_counts, b_codes, b_counts, t_codes, t_counts, *,
                  min_count: int, min_score: float):
    """Bigram and trigram collocations from corpus counts, scored by NLTK's likelihood ratio.

    The one decision both :func:`extract` and :class:`NgramTotals` make, so
    they accept the same phrases.

    Args:
        vocab: item id -> item.
        is_stop: per item id, whether it is a stop word (never at an edge; a
            stop word may sit inside a trigram, as in "rule of law").
        word_counts: occurrences per item id.
        b_codes, b_counts: sorted codes (``first * len(vocab) + last``) of the
            bigrams inside one run, and their counts.
        t_codes, t_counts: the same for trigrams.
        min_count: minimum number of occurrences.
        min_score: minimum log-likelihood ratio G².

    Returns:
        Sorted arrays of the accepted bigram and trigram codes.  A bigram whose
        every occurrence is inside one accepted trigram ("UN Security" in "UN
        Security Council") is left out.
    """
    import numpy as np

    from .imports import submodule

    # NLTK's collocation module alone: the whole package would add scikit-learn (0.4 s), and
    # SciPy's statistics (1 s) serve only the Fisher test, which G² does not use.
    nc = submodule("nltk.collocations", without=("scipy.stats",))
    BigramAssocMeasures, BigramCollocationFinder = nc.BigramAssocMeasures, nc.BigramCollocationFinder
    TrigramAssocMeasures, TrigramCollocationFinder = nc.TrigramAssocMeasures, nc.TrigramCollocationFinder
    FreqDist = nc.FreqDist  # the class the finders were imported with

    # NLTK's finders count n-grams in Python, which takes minutes on a 15 MB
    # corpus; here NumPy counts integer codes and the finders get the counts
    # their likelihood-ratio scores read.
    base = len(vocab)

    def fd(pairs) -> FreqDist:
        dist = FreqDist()
        dict.update(dist, pairs)  # skips FreqDist's slow per-item __setitem__
        return dist

    word_fd = fd((vocab[i], int(c)) for i, c in enumerate(word_counts.tolist()) if c)

    first, last = b_codes // base, b_codes % base
    keep = (b_counts >= min_count) & ~is_stop[first] & ~is_stop[last]
    finder = BigramCollocationFinder(
        word_fd,
        fd(((vocab[a], vocab[b]), n) for a, b, n in zip(first[keep].tolist(), last[keep].tolist(), b_counts[keep].tolist())),
    )
    index = {(vocab[a], vocab[b]): c for a, b, c in zip(first[keep].tolist(), last[keep].tolist(), b_codes[keep].tolist())}
    bigrams = sorted(index[g] for g in finder.above_score(_guarded(BigramAssocMeasures.likelihood_ratio), min_score))

    first, middle, last = t_codes // (base * base), (t_codes // base) % base, t_codes % base
    # "w1 _ w3" counts, as TrigramCollocationFinder.from_words keeps them.
    wild_codes, inverse = np.unique(first * base + last, return_inverse=True)
    wild_counts = np.bincount(inverse, weights=t_counts).astype(np.int64)
    keep = (t_counts >= min_count) & ~is_stop[first] & ~is_stop[last]
    first, middle, last, kept_counts, kept_codes = first[keep], middle[keep], last[keep], t_counts[keep], t_codes[keep]
    sub_fd = fd(
        ((vocab[a], vocab[b]), int(n))
        for x, y in ((first, middle), (middle, last))
        for a, b, n in zip(x.tolist(), y.tolist(), _lookup(b_codes, b_counts, x * base + y).tolist())
    )
    wild_fd = fd(
        ((vocab[a], vocab[b]), int(n))
        for a, b, n in zip(first.tolist(), last.tolist(), _lookup(wild_codes, wild_counts, first * base + last).tolist())
    )
    tri = [(vocab[a], vocab[b], vocab[c]) for a, b, c in zip(first.tolist(), middle.tolist(), last.tolist())]
    finder3 = TrigramCollocationFinder(word_fd, sub_fd, wild_fd, fd(zip(tri, kept_counts.tolist())))
    index3 = dict(zip(tri, kept_codes.tolist()))
    trigrams = np.array(
        sorted(index3[g] for g in finder3.above_score(_guarded(TrigramAssocMeasures.likelihood_ratio), min_score)),
        dtype=np.int64,
    )
    bigrams = np.array(bigrams, dtype=np.int64)

    tri_counts = _lookup(t_codes, t_counts, trigrams)
    bi_counts = _lookup(b_codes, b_counts, bigrams)
    covered = set()
    for sub in (trigrams // base, trigrams % (base * base)):
        same = _lookup(bigrams, bi_counts, sub) == tri_counts
        covered.update(sub[same].tolist())
    if covered:
        bigrams = bigrams[~np.isin(bigrams, np.array(sorted(covered), dtype=np.int64))]
    return bigrams, trigrams


# -- collocations over batches of texts --------------------------------------------------------

@dataclass(slots=True)
class NgramCounts:
    """What collocations are found from, counted in one batch of texts.

    Attributes:
        vocab: the items that occur (see :func:`_items`); an item's id is
            its index here.
        words: occurrences per item id (NumPy int64).
        bigrams: item ids of each bigram inside one run, shape (k, 2).
        bigram_counts: occurrences of each bigram.
        trigrams: the same for trigrams, shape (k, 3).
        trigram_counts: occurrences of each trigram.
    """

    vocab: list[str]
    words: Any
    bigrams: Any
    bigram_counts: Any
    trigrams: Any
    trigram_counts: Any


def ids_of(codes, n: int, base: int):
    """The item ids of n-gram codes, shape (len(codes), n)."""
    import numpy as np

    return np.stack([(codes // base**k) % base for k in range(n - 1, -1, -1)], axis=1).astype(np.int64).reshape(-1, n)


def codes_of(ids, base: int):
    """The codes of n-grams given by item ids (shape (k, n))."""
    import numpy as np

    codes = np.zeros(len(ids), dtype=np.int64)
    for k in range(ids.shape[1]):
        codes = codes * base + ids[:, k]
    return codes


def _sum_by_code(codes, counts):
    """Sorted distinct codes and the sum of their counts."""
    import numpy as np

    if not len(codes):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.argsort(codes, kind="stable")
    codes, counts = codes[order], counts[order]
    starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    return codes[starts], np.add.reduceat(counts, starts)


@dataclass(slots=True)
class Phrases:
    """The phrases :meth:`NgramTotals.collocations` accepted, as item ids.

    Attributes:
        items: the items the phrases are made of (see :func:`_items`).
        bigrams: item ids of each two-word phrase, shape (k, 2).
        trigrams: item ids of each three-word phrase, shape (k, 3).
    """

    items: list[str]
    bigrams: Any
    trigrams: Any

    def keys(self) -> list[str]:
        """The term keys of the phrases, sorted."""
        return sorted(
            " ".join(self.items[i].lstrip(STOP_MARK) for i in row)
            for ids in (self.bigrams, self.trigrams) for row in ids.tolist()
        )


class NgramTotals:
    """Adds up the :class:`NgramCounts` of batches, then finds the phrases of
    the whole corpus.

    Phrases never cross a text, so the counts of batches of texts add up to
    the counts of all the texts, and :meth:`collocations` accepts exactly the
    phrases :func:`extract` would accept over all of them at once.

    Example:
        >>> totals = NgramTotals()
        >>> for batch in batches:
        ...     totals.add(ngram_counts(batch))
        >>> phrases = totals.collocations()
    """

    #: n-gram rows kept before they are summed up: bounds memory.
    COMPACT_ROWS = 4_000_000

    def __init__(self) -> None:
        self._id: dict[str, int] = {}
        self._words = None  # occurrences per item id (NumPy int64)
        self._grams: dict[int, list] = {2: [], 3: []}
        self._rows = {2: 0, 3: 0}

    def add(self, part: NgramCounts) -> None:
        """Add the counts of one batch."""
        import numpy as np

        remap = np.fromiter((self._id.setdefault(w, len(self._id)) for w in part.vocab), dtype=np.int64,
                            count=len(part.vocab))
        if self._words is None or len(self._words) < len(self._id):
            grown = np.zeros(len(self._id), dtype=np.int64)
            if self._words is not None:
                grown[: len(self._words)] = self._words
            self._words = grown
        self._words[remap] += part.words  # an item occurs once in a batch's vocab
        for n, ids, counts in ((2, part.bigrams, part.bigram_counts), (3, part.trigrams, part.trigram_counts)):
            self._grams[n].append((remap[ids], counts))
            self._rows[n] += len(counts)
            if self._rows[n] > self.COMPACT_ROWS:
                base = len(self._id)
                codes, counts = self._summed(n, base)
                self._grams[n] = [(ids_of(codes, n, base), counts)]
                self._rows[n] = len(counts)

    def _summed(self, n: int, base: int):
        import numpy as np

        check_base(base)
        parts = self._grams[n]
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        codes = np.concatenate([codes_of(ids, base) for ids, _ in parts])
        return _sum_by_code(codes, np.concatenate([counts for _, counts in parts]))

    def collocations(self, *, min_count: int = 2, min_score: float = 10.83) -> Phrases:
        """The phrases of all the texts counted, as :func:`extract` finds them.

        Args:
            min_count: Minimum occurrences of a phrase over all texts.
            min_score: Minimum likelihood ratio of a phrase.

        Returns:
            :class:`Phrases`, to pass to :func:`extract_with_phrases`.
        """
        import numpy as np

        vocab = list(self._id)
        base = len(vocab)
        if not base:
            none = np.zeros(0, dtype=np.int64)
            return Phrases(items=[], bigrams=none.reshape(0, 2), trigrams=none.reshape(0, 3))
        is_stop = np.array([w.startswith(STOP_MARK) for w in vocab], dtype=bool)
        bigrams, trigrams = _collocations(vocab, is_stop, self._words, *self._summed(2, base), *self._summed(3, base),
                                          min_count=min_count, min_score=min_score)
        bigrams, trigrams = ids_of(bigrams, 2, base), ids_of(trigrams, 3, base)
        used = np.unique(np.concatenate([bigrams.ravel(), trigrams.ravel()]))
        new_id = np.zeros(base, dtype=np.int64)
        new_id[used] = np.arange(len(used), dtype=np.int64)
        return Phrases(items=[vocab[i] for i in used.tolist()], bigrams=new_id[bigrams], trigrams=new_id[trigrams])
