"""Terms shared by keywords, topics, KWIC and search: stemmed words and collocations.

A *term* is either a word, keyed by its Snowball stem (``sanction`` for
"sanction" and "sanctions"), or a multiword phrase found as a collocation,
keyed by the space-joined keys of its words (``global secur initi``, with a
stop word inside kept as written: ``rule of law``).  Each term is shown in its
most common surface form, capitalised the way most of its occurrences are
(``Global Security Initiative``, ``Ukraine crisis``, ``serious concern``).

:func:`extract` finds the phrases of texts held in memory.  For a corpus in
batches (on a cluster), :func:`ngram_counts` counts each batch,
:class:`NgramTotals` adds the counts up and decides the same phrases, and
:func:`extract_with_phrases` gives each batch's terms.

NumPy is imported inside the functions that need it, and NLTK's collocation
module and scikit-learn's stop-word list without their packages
(:func:`dipcli.imports.submodule`): `keywords` loads neither package whole.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .terms_phrases import (
    STOP_MARK,
    NgramCounts,
    NgramTotals,
    Phrases,
    check_base,
    codes_of,
    find_phrases,
    ids_of,
    joined_counts,
    ngram_codes,
)

# A word is a run of letters/digits, optionally joined to more runs by a hyphen
# or apostrophe ("people-to-people", "China-Russia", "don't").  A joiner must be
# followed by a word character, which the run before it cannot contain: one way
# to match, linear time.  Splitting on it (one capture group) gives gap, word,
# gap, word, ..., gap, and the gaps tell whether only whitespace lies between
# two words.
_SPLIT = re.compile(r"([^\W_]+(?:[-\u2010\u2011'\u2019][^\W_]+)*)")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s+")

# scikit-learn's list (the Glasgow list) holds a few words that carry content
# in diplomatic prose ("serious concern", "national interests", "the
# international system", "a bill", "open fire"); they stay terms.
_NOT_STOP = frozenset({"bill", "fire", "interest", "serious", "system"})

# Reporting verbs: every claim has one, so they would rank for whoever is
# quoted most.  Only inflections that are not also common nouns ("note",
# "points", "states", "remarks" stay terms).
_REPORTING = frozenset(
    """
    say says said saying tell tells told telling noted noting stressed stressing
    stresses added adding adds pointed pointing expressed expressing expresses
    emphasized emphasizing emphasizes emphasised emphasising emphasises
    underscored underscoring underscores underlined underlining underlines
    reiterated reiterating reiterates stated stating remarked remarking
    mentioned mentioning explained explaining called calling calls according
    """.split()
)

# Honorifics and glue that every diplomatic genre shares ("the two sides").
_FILLER = frozenset("also mr ms mrs dr sir let sides".split())

_CONTRACTIONS = frozenset(
    [f"{p}'{s}" for p in "i we you they he she it that there who what".split() for s in ("m", "re", "ve", "ll", "d")]
    + [f"{a}n't" for a in "do does did is are was were wo would should could have has had ca need must".split()]
)

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")

# Stems and per-spelling facts are cached: a corpus has far fewer distinct
# spellings than tokens.  The caches are cleared when they grow past a limit.
_CACHE_LIMIT = 1_000_000
_stem_cache: dict[str, str] = {}
_stemmer = None
# surface -> (characters to cut from the end, lowercase form, stem); a
# numbers-only token maps to _DROP.
_surface_cache: dict[str, tuple[int, str, str]] = {}
_DROP = (0, "", "")

# Marks a stop word among phrase items (see :mod:`dipcli.terms_phrases`).
_STOP_MARK = STOP_MARK


def stop_words() -> frozenset[str]:
    """The stop list used by the analyses (lowercase surface forms).

    scikit-learn's ``ENGLISH_STOP_WORDS`` minus a few content words, plus
    reporting verbs and their inflections, honorifics, contractions and single
    letters.

    Returns:
        A frozenset to pass as ``stop`` to :func:`tokens` and :func:`extract`.
    """
    from .imports import submodule

    # the list alone: importing scikit-learn's package would cost 0.8 s
    ENGLISH_STOP_WORDS = submodule("sklearn.feature_extraction._stop_words").ENGLISH_STOP_WORDS
    return frozenset((ENGLISH_STOP_WORDS - _NOT_STOP) | _REPORTING | _FILLER | _CONTRACTIONS | _LETTERS)


def stem(word: str) -> str:
    """Snowball (English) stem of a lowercase word, cached."""
    cached = _stem_cache.get(word)
    if cached is None:
        global _stemmer
        if _stemmer is None:
            import snowballstemmer

            _stemmer = snowballstemmer.stemmer("english")
        if len(_stem_cache) > _CACHE_LIMIT:
            _stem_cache.clear()
        cached = _stem_cache[word] = _stemmer.stemWord(word)
    return cached


def _surface_info(surface: str) -> tuple[int, str, str]:
    cut = 0
    if len(surface) > 2 and surface[-2] in "'\u2019" and surface[-1] in "sS":
        cut = 2
        surface = surface[:-2]
    if not (surface[0].isalpha() or _LETTER.search(surface)):
        return _DROP
    lower = surface.lower().replace("\u2019", "'")
    return cut, lower, stem(lower)


def _info(surface: str) -> tuple[int, str, str]:
    info = _surface_cache.get(surface)
    if info is None:
        if len(_surface_cache) > _CACHE_LIMIT:
            _surface_cache.clear()
        info = _surface_cache[surface] = _surface_info(surface)
    return info


def _scan(text: str) -> list[tuple[int, int, str, str, str, bool]]:
    """Every word token as ``(start, end, lower, surface, stem, joined)``.

    Numbers-only tokens are dropped; a possessive ``'s`` is cut off ("China's"
    -> "China"); apostrophes are normalised to ``'`` in ``lower``.  ``joined``
    is true when only whitespace separates the token from the previous one (no
    punctuation, no dropped number, no possessive): phrases never cross a
    token that is not joined.  :func:`_scan_corpus` is the vectorised twin.
    """
    pieces = _SPLIT.split(text)
    out = []
    pos = len(pieces[0])
    can_join = False
    for i in range(1, len(pieces), 2):
        surface = pieces[i]
        start = pos
        pos += len(surface) + len(pieces[i + 1])
        cut, lower, st = _info(surface)
        if not lower:
            can_join = False
            continue
        joined = can_join and pieces[i - 1].isspace()
        out.append((start, start + len(surface) - cut, lower, surface[: len(surface) - cut], st, joined))
        can_join = not cut
    return out


def _is_acronym(surface: str) -> bool:
    return len(surface) > 1 and surface.isupper() and surface.isalpha()


def _stop_flags(scanned: list[tuple], stop: frozenset[str]) -> list[bool]:
    """Which tokens are stop words.  An all-capitals acronym that spells a stop
    word ("US", "UN") is a term, unless a neighbour is in capitals too (a
    shouted heading or a transcript label)."""
    flags = [t[2] in stop for t in scanned]
    last = len(scanned) - 1
    for i, flag in enumerate(flags):
        if flag and _is_acronym(scanned[i][3]):
            shouting = (i > 0 and _is_acronym(scanned[i - 1][3])) or (i < last and _is_acronym(scanned[i + 1][3]))
            flags[i] = shouting
    return flags


def tokens(text: str, *, stop: frozenset[str] = frozenset()) -> list[tuple[int, int, str, str]]:
    """Word tokens of ``text`` with offsets, stems and surface forms.

    Cheap enough for a search engine: one linear regex pass, cached stems, no
    heavy imports.

    Args:
        text: Any text.
        stop: Lowercase words to leave out (see :func:`stop_words`).

    Returns:
        ``(start, end, stem, surface)`` per token in text order, where
        ``surface == text[start:end]``.  Numbers-only tokens are dropped and a
        possessive "'s" is not part of the token.

    Example:
        >>> tokens("New sanctions on China's banks.", stop=frozenset({"on"}))
        [(0, 3, 'new', 'New'), (4, 13, 'sanction', 'sanctions'), (17, 22, 'china', 'China'), (25, 30, 'bank', 'banks')]
    """
    scanned = _scan(text)
    if not stop:
        return [(t[0], t[1], t[4], t[3]) for t in scanned]
    flags = _stop_flags(scanned, stop)
    return [(t[0], t[1], t[4], t[3]) for t, is_stop in zip(scanned, flags) if not is_stop]


def parts(key: str) -> tuple[str, ...]:
    """The word keys a term key is made of (one for a word)."""
    return tuple(key.split(" "))


def contains(outer: str, inner: str) -> bool:
    """Whether term ``inner`` occurs as consecutive words inside term ``outer``."""
    o, i = parts(outer), parts(inner)
    n = len(i)
    return n < len(o) and any(o[j : j + n] == i for j in range(len(o) - n + 1))


def overlaps(a: str, b: str) -> bool:
    """Whether two phrases chain into one longer expression: the end of one
    is the start of the other ("small island developing" and "island
    developing States")."""
    x, y = parts(a), parts(b)
    if len(x) < 2 or len(y) < 2:
        return False
    for first, second in ((x, y), (y, x)):
        for n in range(1, min(len(first), len(second))):
            if first[-n:] == second[:n]:
                return True
    return False


@dataclass(slots=True)
class Terms:
    """Term occurrences in a sequence of texts, as parallel arrays.

    Attributes:
        keys: the term keys, sorted; a term's id is its index here.
        doc: per occurrence, the index of its text (NumPy array).
        term: per occurrence, the term id (a phrase and its words are both
            counted).
        n_docs: number of texts.
        forms: term key -> lowercase form -> original spellings with counts;
            :meth:`show` picks from them.
    """

    keys: list[str]
    doc: Any
    term: Any
    n_docs: int
    forms: dict[str, dict[str, Counter[str]]]
    _shown: dict[int, str] = field(default_factory=dict)

    def show(self, term: int) -> str:
        """How to display a term: its most common form, capitalised the way
        a majority of its occurrences are."""
        out = self._shown.get(term)
        if out is None:
            out = self._shown[term] = show_form(self.forms[self.keys[term]])
        return out

    def counts(self):
        """Occurrences of every term over all texts (NumPy array by term id)."""
        import numpy as np

        return np.bincount(self.term, minlength=len(self.keys))

    def matrix(self):
        """Texts x terms count matrix (SciPy CSR)."""
        import numpy as np
        from scipy.sparse import csr_matrix

        ones = np.ones(len(self.term), dtype=np.float64)
        m = csr_matrix((ones, (self.doc, self.term)), shape=(self.n_docs, len(self.keys)))
        m.sum_duplicates()
        return m


@dataclass(slots=True)
class TermForms:
    """How terms are written, without their occurrences: what a display needs.

    Attributes:
        keys: the term keys; a term's id is its index here.
        forms: as :attr:`Terms.forms`.
    """

    keys: list[str]
    forms: dict[str, dict[str, Counter[str]]]
    _shown: dict[int, str] = field(default_factory=dict)

    def show(self, term: int) -> str:
        """As :meth:`Terms.show`."""
        out = self._shown.get(term)
        if out is None:
            out = self._shown[term] = show_form(self.forms[self.keys[term]])
        return out


# Marks a spelling seen only at the start of a text (a claim: a sentence), where any word is capitalised.
INITIAL = "\x03"


def show_form(lows: dict[str, Counter[str]]) -> str:
    """How to display a term from its spellings (lowercase form -> spellings with counts):
    the most common form, capitalised the way a majority of its occurrences in running text
    are.  Spellings at the start of a sentence (marked with :data:`INITIAL`) count only for a
    term never seen elsewhere."""
    inner = {lo: Counter({s: n for s, n in c.items() if not s.startswith(INITIAL)}) for lo, c in lows.items()}
    inner = {lo: c for lo, c in inner.items() if c}
    if not inner:
        inner = {lo: Counter({s[len(INITIAL):]: n for s, n in c.items()}) for lo, c in lows.items()}
    low = _pick_form(Counter({lo: sum(c.values()) for lo, c in inner.items()}))
    return _pick_case(low, inner[low])


def _pick_form(forms: Counter[str]) -> str:
    """Most common form; ties to the alphabetically first."""
    return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _pick_case(lower: str, cased: Counter[str]) -> str:
    """Capitalise each word as a majority of the occurrences do, else lowercase.

    ``cased`` holds the original spellings of ``lower`` (same words, same
    spaces), so "China-Russia Economic" once and "China-Russia economic" once
    give "China-Russia economic".  All-capitals spellings only count when
    most occurrences use them.
    """
    words = []
    for i, low_word in enumerate(lower.split(" ")):
        votes: Counter[str] = Counter()
        for form, n in cased.items():
            votes[form.split(" ")[i]] += n
        # Capitals throughout are a heading or dateline unless most
        # occurrences use them ("MOSCOW, March 22" next to "in Moscow", but
        # "COVID-19").
        shouted = sum(n for w, n in votes.items() if w.isupper())
        if 2 * shouted <= sum(votes.values()) and shouted < sum(votes.values()):
            votes = Counter({w: n for w, n in votes.items() if not w.isupper()})
        best, n = min(votes.items(), key=lambda kv: (-kv[1], kv[0] != low_word, kv[0]))
        words.append(best if 2 * n > sum(votes.values()) else low_word)
    return " ".join(words)


@dataclass(slots=True)
class _Corpus:
    """All tokens of all texts, as NumPy arrays (see :func:`_scan_corpus`)."""

    text: str  # the texts joined by _JOIN
    doc: Any  # text index per token
    start: Any  # offset in ``text``
    end: Any
    surface: Any  # surface id per token
    joined: Any  # bool: only whitespace since the previous token of the run
    stop: Any  # bool
    surfaces: list[str]  # surface id -> spelling (possessive cut off)
    lowers: list[str]
    stems: list[str]


# Between texts: a gap with a non-space character, so no phrase crosses it.
_JOIN = "\n\x02\n"


def _scan_corpus(texts: Sequence[str], stop: frozenset[str]) -> _Corpus:
    """:func:`_scan` and :func:`_stop_flags` over many texts at once.

    Splitting one joined string and looking spellings up in a dict keeps the
    per-token work in C; a 15 MB corpus takes seconds instead of a minute.
    """
    import numpy as np

    text = _JOIN.join(texts)
    pieces = _SPLIT.split(text)
    words = pieces[1::2]
    gaps = pieces[0::2]
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    piece_start = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    start = piece_start[1::2]
    text_start = np.concatenate(([0], np.cumsum([len(t) + len(_JOIN) for t in texts])[:-1])).astype(np.int64)

    spellings = sorted(set(words))
    sid = {w: i for i, w in enumerate(spellings)}
    raw = np.fromiter(map(sid.__getitem__, words), dtype=np.int64, count=len(words))
    infos = [_info(w) for w in spellings]
    cut = np.array([c for c, _, _ in infos], dtype=np.int64)
    drop = np.array([not low for _, low, _ in infos], dtype=bool)
    joined = np.fromiter((g.isspace() for g in gaps[:-1]), dtype=bool, count=len(words))
    if len(words):
        joined[1:] &= ~drop[raw[:-1]] & (cut[raw[:-1]] == 0)

    keep = ~drop[raw]
    raw, start, joined = raw[keep], start[keep], joined[keep]
    lengths_of = np.array([len(w) for w in spellings], dtype=np.int64)
    end = start + lengths_of[raw] - cut[raw]
    doc = np.searchsorted(text_start, start, side="right") - 1

    lowers = [low for _, low, _ in infos]
    in_stop = np.array([low in stop for low in lowers], dtype=bool)
    acronym = np.array([_is_acronym(w[: len(w) - c]) for w, (c, _, _) in zip(spellings, infos)], dtype=bool)
    flags = in_stop[raw]
    acr = acronym[raw]
    near = np.zeros(len(raw), dtype=bool)
    if len(raw) > 1:
        same = doc[1:] == doc[:-1]
        near[1:] |= acr[:-1] & same
        near[:-1] |= acr[1:] & same
    flags &= ~acr | near
    return _Corpus(
        text=text,
        doc=doc,
        start=start,
        end=end,
        surface=raw,
        joined=joined,
        stop=flags,
        surfaces=[w[: len(w) - c] for w, (c, _, _) in zip(spellings, infos)],
        lowers=lowers,
        stems=[st for _, _, st in infos],
    )


def _add_form(forms: dict[str, dict[str, Counter[str]]], key: str, lower: str, spelling: str, n: int) -> None:
    lows = forms.get(key)
    if lows is None:
        lows = forms[key] = {}
    spellings = lows.get(lower)
    if spellings is None:
        spellings = lows[lower] = Counter()
    spellings[spelling] += n


def add_forms(forms: dict[str, dict[str, Counter[str]]], more: dict[str, dict[str, Counter[str]]]) -> None:
    """Add the spellings in ``more`` (a :attr:`Terms.forms`) to ``forms``, in place."""
    for key, lows in more.items():
        for lower, spellings in lows.items():
            for spelling, n in spellings.items():
                _add_form(forms, key, lower, spelling, n)


def _items(c: _Corpus):
    """Phrase items per token: a stem for a content word, the marked lowercase
    form for a stop word (so "rule of law" and "rule in law" differ).

    Returns:
        Item id per token, item id -> item, item -> item id, and per item id
        whether it is a stop word.
    """
    import numpy as np

    item_names: list[str] = []
    item_id: dict[str, int] = {}

    def intern(name: str) -> int:
        if name not in item_id:
            item_id[name] = len(item_names)
            item_names.append(name)
        return item_id[name]

    stem_item = np.array([intern(st) for st in c.stems], dtype=np.int64)
    stop_item = np.array([intern(_STOP_MARK + low) for low in c.lowers], dtype=np.int64)
    items = np.where(c.stop, stop_item[c.surface], stem_item[c.surface])
    is_stop = np.array([n.startswith(_STOP_MARK) for n in item_names], dtype=bool)
    return items, item_names, item_id, is_stop


def _scan_items(texts: Sequence[str], stop: frozenset[str] | None):
    """The scanned corpus (:func:`_scan_corpus`, with :func:`stop_words` when
    ``stop`` is None) and its phrase items (:func:`_items`)."""
    c = _scan_corpus(texts, stop_words() if stop is None else stop)
    return (c, *_items(c))


def extract(
    texts: Sequence[str],
    *,
    stop: frozenset[str] | None = None,
    phrases: bool = True,
    min_count: int = 2,
    min_score: float = 10.83,
) -> Terms:
    """Words and phrases of each text.

    Phrases are bigrams and trigrams that occur at least ``min_count`` times,
    do not begin or end with a stop word, never cross punctuation (so never a
    sentence or claim boundary), and pass NLTK's likelihood-ratio test
    (``min_score`` 10.83 is the chi-squared critical value for p = 0.001, one
    degree of freedom).  A bigram that only ever occurs inside one trigram
    ("UN Security" in "UN Security Council") is dropped.

    Args:
        texts: The units (claims, usually).
        stop: Stop list; :func:`stop_words` when None.
        phrases: Whether to add collocations as terms.
        min_count: Minimum occurrences of a phrase over all texts.
        min_score: Minimum likelihood ratio of a phrase.

    Returns:
        A :class:`Terms`.
    """
    c, items, item_names, item_id, is_stop = _scan_items(texts, stop)
    found = None
    if phrases and len(items):
        check_base(len(item_names))
        found = find_phrases(items, c.joined, item_names, is_stop, min_count=min_count, min_score=min_score)
    return _occurrences(c, items, item_names, item_id, found, n_docs=len(texts))


def extract_with_phrases(texts: Sequence[str], phrases: Phrases, *, stop: frozenset[str] | None = None) -> Terms:
    """Words of each text and the given phrases, found elsewhere.

    With the phrases :meth:`NgramTotals.collocations` found over a corpus,
    this gives for any part of the corpus the occurrences :func:`extract`
    gives for that part of the whole (phrases never cross a text).

    Args:
        texts: The units (claims, usually).
        phrases: From :meth:`NgramTotals.collocations`.
        stop: Stop list; :func:`stop_words` when None.

    Returns:
        A :class:`Terms`.

    Example:
        >>> extract_with_phrases(batch, totals.collocations()).keys
    """
    import numpy as np

    c, items, item_names, item_id, _ = _scan_items(texts, stop)
    found = None
    if len(items):
        base = len(item_names)
        check_base(base)
        local = np.array([item_id.get(w, -1) for w in phrases.items], dtype=np.int64)
        found = []
        for ids in (phrases.bigrams, phrases.trigrams):
            ids = local[ids]
            # a phrase with an item these texts lack does not occur in them
            found.append(np.sort(codes_of(ids[(ids >= 0).all(axis=1)], base)))
    return _occurrences(c, items, item_names, item_id, found, n_docs=len(texts))


def _occurrences(c: _Corpus, items, item_names: list[str], item_id: dict[str, int], found, *, n_docs: int) -> Terms:
    """The :class:`Terms` of a scanned corpus: its words, and the occurrences
    of the ``found`` bigram and trigram codes (None: no phrases)."""
    import numpy as np

    occ_doc = [c.doc[~c.stop]]
    occ_key: list[Any] = [items[~c.stop]]  # item ids for words, negative for phrases
    forms: dict[str, dict[str, Counter[str]]] = {}
    initial = np.ones(len(c.doc), dtype=bool)
    initial[1:] = c.doc[1:] != c.doc[:-1]
    for at_start, mark in ((False, ""), (True, INITIAL)):
        word_n = np.bincount(c.surface[~c.stop & (initial == at_start)], minlength=len(c.surfaces))
        for s in np.flatnonzero(word_n).tolist():
            _add_form(forms, c.stems[s], c.lowers[s], mark + c.surfaces[s], int(word_n[s]))

    phrase_keys: list[str] = []
    if found is not None:
        base = len(item_names)
        for n, wanted in zip((2, 3), found):
            codes, ok = ngram_codes(items, c.joined, n, base)
            at = np.flatnonzero(ok & np.isin(codes, wanted))
            codes = codes[at]
            uniq, inverse = np.unique(codes, return_inverse=True)
            offset = len(phrase_keys)
            for code in uniq.tolist():
                ids = [(code // base**k) % base for k in range(n - 1, -1, -1)]
                phrase_keys.append(" ".join(item_names[i].lstrip(_STOP_MARK) for i in ids))
            occ_doc.append(c.doc[at])
            occ_key.append(-(offset + inverse.reshape(-1) + 1))
            spans = Counter(
                (int(k), c.text[s:e], first) for k, s, e, first in
                zip(inverse.tolist(), c.start[at].tolist(), c.end[at + n - 1].tolist(), initial[at].tolist())
            )
            for (k, span, first), m in spans.items():
                span = _SPACE.sub(" ", span)
                _add_form(forms, phrase_keys[offset + k], span.lower().replace("\u2019", "'"),
                          INITIAL + span if first else span, m)

    word_keys = sorted({item_names[i] for i in np.unique(occ_key[0]).tolist()})
    keys = sorted(set(word_keys) | set(phrase_keys))
    term_id = {k: i for i, k in enumerate(keys)}
    item_to_term = np.full(len(item_names), -1, dtype=np.int64)
    for k in word_keys:
        item_to_term[item_id[k]] = term_id[k]
    phrase_to_term = np.array([term_id[k] for k in phrase_keys], dtype=np.int64)
    terms = [item_to_term[occ_key[0]]] + [phrase_to_term[-o - 1] for o in occ_key[1:]]
    doc = np.concatenate(occ_doc) if occ_doc else np.zeros(0, dtype=np.int64)
    term = np.concatenate(terms) if terms else np.zeros(0, dtype=np.int64)
    order = np.lexsort((term, doc))
    return Terms(keys=keys, doc=doc[order], term=term[order], n_docs=n_docs, forms=forms)


def ngram_counts(texts: Sequence[str], *, stop: frozenset[str] | None = None) -> NgramCounts:
    """Count the items, bigrams and trigrams :func:`extract` scores phrases by.

    The map step of finding phrases over a corpus in batches: add the counts
    of every batch with :class:`NgramTotals`.

    Args:
        texts: A batch of units (claims, usually).
        stop: Stop list; :func:`stop_words` when None.

    Returns:
        A :class:`NgramCounts`.
    """
    import numpy as np

    c, items, item_names, _, _ = _scan_items(texts, stop)
    if not len(items):
        none = np.zeros(0, dtype=np.int64)
        return NgramCounts([], none, none.reshape(0, 2), none, none.reshape(0, 3), none)
    base = len(item_names)
    check_base(base)
    words = np.bincount(items, minlength=base)
    used = np.flatnonzero(words)
    new_id = np.full(base, -1, dtype=np.int64)
    new_id[used] = np.arange(len(used), dtype=np.int64)
    grams = []
    for n in (2, 3):
        codes, counts = joined_counts(items, c.joined, n, base)
        grams += [new_id[ids_of(codes, n, base)], counts.astype(np.int64)]
    return NgramCounts([item_names[i] for i in used.tolist()], words[used].astype(np.int64), *grams)


__all__ = ["NgramCounts", "NgramTotals", "Phrases", "Terms", "TermForms", "add_forms", "contains", "extract",
           "extract_with_phrases", "ngram_counts", "overlaps", "parts", "show_form", "stem", "stop_words", "tokens"]
