"""The lexicon of reporting cues: verbs and phrases that introduce what someone said.

The words live in ``data/lexicon/reporting_verbs.tsv`` (each verb, what must
follow it, whether it inverts or opens a sentence), ``verb_forms.tsv``,
``cue_objects.txt``, ``report_copulas.txt`` and ``report_adjectives.txt``; they are
read, and the patterns built, at first use. Inflected forms are generated from
lemmas so the lexicon stays one list; the multiword cues (``expressed hope``,
``pointed out``, ``called for``) carry their object or particle so the cue reads
as written.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from . import lexicon



@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    """Irregular or consonant-doubling forms the suffix rules would get wrong."""
    return {r["verb"]: (r["verb"], r["third_person"], r["past"], r["ing_form"]) for r in lexicon.rows("verb_forms")}


@cache
def _participles() -> dict[str, str]:
    return {r["verb"]: r["past_participle"] for r in lexicon.rows("verb_forms")}


def _pattern(words) -> str:
    """An alternation of ``words`` (regular expressions) in their order; a space stands for any whitespace."""
    return "|".join(w.replace(" ", r"\s+") for w in words)


def forms(lemma: str) -> tuple[str, ...]:
    """The base, third-person, past and -ing forms of a verb."""
    irregular = _irregular().get(lemma)
    if irregular is not None:
        return irregular
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def all_forms(lemma: str) -> tuple[str, ...]:
    """:func:`forms` and, when it differs from the past, the past participle ("has written")."""
    base = forms(lemma)
    participle = _participles().get(lemma)
    return base + (participle,) if participle and participle != base[2] else base


VERB = "{verb}"  # where a branch's pattern takes the verb form


@cache
def _cue_parts() -> tuple[tuple[frozenset[str], str], ...]:
    """The cue alternation's branches in order: the words a branch starts with, and its pattern.

    First the adjectival reports ("is committed to"), then the verbs with an object
    ("expressed hope"), then each verb with what must follow it, in file order, and
    last every verb that reports on its own.
    """
    object_verbs, phrases, simple = [], [], []
    for row in lexicon.rows("reporting_verbs"):
        verb, then = row["verb"], row["then"]
        if then == "{object}":
            object_verbs.append(verb)
        elif then != "-":
            phrases.append((verb, then))
        else:
            simple.append(verb)
    adjectival = (rf"(?:{_pattern(lexicon.entries('report_copulas'))})\s+(?:\w+ly\s+)?"
                  rf"(?:{_pattern(lexicon.entries('report_adjectives'))})\b")
    objects = _pattern(lexicon.entries("cue_objects"))
    parts = [(lexicon.words("report_copulas"), adjectival),
             (frozenset(f for lemma in object_verbs for f in all_forms(lemma)),
              # (not the first word of a compound: "raised interest rates")
              VERB + rf"\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{objects})\b(?!\s+rates?\b)")]
    for verb, then in phrases:
        parts.append((frozenset(all_forms(verb)), VERB + rf"\s+(?:\w+ly\s+)?(?:{_pattern([then])})\b"))
    parts.append((frozenset(f for lemma in simple for f in all_forms(lemma)), VERB + r"\b"))
    return tuple(parts)


@cache
def _branches_of() -> dict[str, tuple[int, ...]]:
    """For each word a cue can start with, the branches of :func:`_cue_parts` that start with it."""
    out: dict[str, list[int]] = {}
    for i, (heads, _) in enumerate(_cue_parts()):
        for head in heads:
            out.setdefault(head, []).append(i)
    return {head: tuple(found) for head, found in out.items()}


def cue_heads() -> frozenset[str]:
    """Every word a cue can start with."""
    return frozenset(_branches_of())


@cache
def _cue_regex(branches: tuple[int, ...]) -> re.Pattern[str]:
    """The cue patterns of these branches, in lexicon order (the first that matches wins).

    The verb slot takes every head with exactly these branches. A cue starts at a
    whole lower-case word and a verb form is followed by a space or a word
    boundary, so at that word only the form equal to it can match: the answer is
    that of the whole lexicon's alternation, after trying a few branches instead
    of a thousand. Heads that share branches share a pattern (a few dozen in all).
    """
    parts = _cue_parts()
    heads = sorted((h for h, b in _branches_of().items() if b == branches), key=lambda w: (-len(w), w))
    verb = "(?:" + "|".join(map(re.escape, heads)) + ")"
    # ADJECTIVAL has no verb slot: it is kept whole. Case-sensitive: cue verbs are
    # lower case in running text ("States" is not "states").
    return re.compile("(?:" + "|".join(parts[i][1].replace(VERB, verb) for i in branches) + ")")


def from_letter(alternatives) -> str:
    r"""``\b(?:a1|a2|…)`` for alternatives that each begin with a letter, written so
    the regex engine can skip ahead to those letters.

    CPython's engine scans quickly for a pattern whose first item is a literal
    or a branch of literals; a leading ``\b`` or look-ahead makes it try the
    whole pattern at every position. So the alternatives are grouped by their
    first letter, in their order (at one position the first that matches still
    wins), and the word boundary is checked after that letter: ``(?<!\w\w)``
    there holds exactly when ``\b`` held before it.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if not alt[:1].isalpha():
            raise ValueError(f"alternative does not begin with a letter: {alt!r}")
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(rf"{letter}(?<!\w\w)(?:{'|'.join(rests)})" for letter, rests in groups.items()) + ")"


_WORD_CHAR = re.compile(r"\w")


def unpreceded(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""What ``(?<!\w)`` before ``pattern`` finds by ``finditer``: its matches that no word
    character precedes, each searched for from where the last one ended. Without the look-behind a
    pattern that opens with letters lets the engine skip to them instead of starting a match at
    every position; a match right after a word character is set aside and the search goes on from
    the next position, where the look-behind would have let the engine go on."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start and _WORD_CHAR.match(text, start - 1):
            pos = start + 1
        else:
            yield m
            pos = max(m.end(), start + 1)


def lowered(text: str) -> str | None:
    """``text`` in lower case, for a pattern whose letters are lower-case ASCII: read there with
    case minded, it finds what it finds in ``text`` ignoring case, at the same offsets (and twice
    as fast). Lower-casing keeps whether a character is a word character or a space, and every
    character's length but "İ"'s; the other characters the engine takes for an ASCII letter when
    ignoring case and lower-casing does not turn into one are "ı" and "ſ". None for a text
    with one of the three: read it ignoring case."""
    return None if "İ" in text or "ı" in text or "ſ" in text else text.lower()


# Each ASCII byte: a capital to its lower case, a word character (``\w``) as it is, any other to a space.
_ASCII_WORDS = bytes((c | 0x20 if 65 <= c <= 90 else c) if re.match(r"\w", chr(c)) else 32 for c in range(128)) \
    + bytes(range(128, 256))
# The same with capitals kept: where an ASCII text has a character that is no word character, a space.
_ASCII_SPACED = bytes(c if re.match(r"\w", chr(c)) else 32 for c in range(128)) + bytes(range(128, 256))


def ascii_words(text: str) -> list[bytes] | None:
    r"""The runs of word characters of an ASCII ``text`` as written, as bytes: what
    ``re.findall(r"\w+", text)`` finds, encoded. None for a text with a character beyond ASCII."""
    return text.encode("ascii").translate(_ASCII_SPACED).split() if text.isascii() else None


# A word character beyond ASCII: a letter with an accent, "ß", "İ" …
_OTHER_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def lowered_words(text: str) -> list[bytes] | None:
    r"""The runs of word characters of a ``text`` without word characters beyond ASCII, in lower
    case and as bytes: what ``re.findall(r"\w+", text.lower())`` finds, encoded, a few times faster
    (one byte table turns every character that is no word character into a space, and the rest is
    a split; any other character, "’" or "—", is none either, and lower-casing keeps it one).
    None for a text with a word character beyond ASCII ("é", "İ")."""
    if not text.isascii():
        if _OTHER_WORD_CHAR.search(text) is not None:
            return None
        return text.encode("ascii", "replace").translate(_ASCII_WORDS).split()  # (each such character a "?")
    return text.encode("ascii").translate(_ASCII_WORDS).split()


def trie_pattern(words) -> str:
    """An alternation over ``words`` shaped as a prefix tree ("sa(?:id|y(?:s|ing)?)"): the
    engine reads each letter once instead of trying every word in turn."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _head_trie() -> str:
    heads = cue_heads()
    odd = sorted(h for h in heads if not re.fullmatch(r"\w+", h))
    if odd:
        raise ValueError(f"cue heads must be words: {odd[:5]}")
    return trie_pattern(heads)


@cache
def _head_scan() -> re.Pattern[str]:
    r"""The word that opens a text when it can start a cue (group 1): with :func:`_ascii_hits`
    in an ASCII text and :func:`_head_scan_any` in any other, what :func:`find_cues` looks for a
    cue's first word with.

    Together they find every whole word that can start a cue, what ``\b(?:heads)\b``
    finds (a head is a whole run of word characters, so ``\b`` before it holds exactly
    where nothing or a character that is no word character stands before it), faster.
    """
    return re.compile("(" + _head_trie() + r")\b")


@cache
def _ascii_heads() -> frozenset[bytes]:
    """Every word of ASCII letters a cue can start with, as bytes."""
    return frozenset(_head_patterns()[1])


def _ascii_hits(spaced: bytes) -> list[tuple[int, bytes]]:
    r"""In an ASCII text read where every character that is no word character is a space
    (:data:`_ASCII_SPACED`), each word that can start a cue after such a character: where it
    stands and which, in text order (what ``rb" (heads)\b"`` finds). The text's words are looked
    up in a set, and only the heads among them looked for again: most sentences hold one or two,
    and a scan tries the pattern at every space. (Bytes read ``\w`` as ASCII does, which is what
    a text pattern reads in an ASCII text; a head beyond ASCII stands in no ASCII text.)"""
    present = _ascii_heads().intersection(spaced.split())
    hits: list[tuple[int, bytes]] = []
    end = len(spaced)
    for head in present:
        size = len(head)
        i = spaced.find(head, 1)
        while i >= 0:
            if spaced[i - 1] == 32 and (i + size == end or spaced[i + size] == 32):  # (32: a space)
                hits.append((i, head))
            i = spaced.find(head, i + 1)
    if len(present) > 1:
        hits.sort()
    return hits


@cache
def _head_scan_any() -> re.Pattern[str]:
    r"""The word after a character that is no word character (group 1), in any text: a
    pattern that opens with a set of characters, which the engine skips to. Compiled on
    the first text beyond ASCII (:func:`prepare` compiles it ahead, for long-lived workers)."""
    return re.compile(r"\W(" + _head_trie() + r")\b")


def prepare() -> None:
    """Compile every cue pattern now rather than at first use."""
    _head_scan()
    _head_scan_any()
    for branches in set(_branches_of().values()):
        _cue_regex(branches)
    _head_patterns()
    _opening_cue_first()


@cache
def _head_patterns() -> tuple[dict[str, re.Pattern[str]], dict[bytes, re.Pattern[str]]]:
    """For each word a cue can start with, the pattern :func:`find_cues` tries where it stands
    (:func:`_cue_regex` of its branches; a word that is a cue by itself and starts no longer
    one, the word), looked up by the word; the second table by the word as ASCII bytes."""
    word_only = (len(_cue_parts()) - 1,)
    by_head = {head: _WORD if branches == word_only else _cue_regex(branches)
               for head, branches in _branches_of().items()}
    return by_head, {head.encode("ascii"): rx for head, rx in by_head.items() if head.isascii()}


def find_cues(sent: str) -> list[re.Match[str]]:
    """Cue matches in a sentence, left to right, without overlaps, none inside a hyphenated word.

    Patterns are only tried where a word that can start a cue stands, and then
    only those for that word (:func:`_cue_regex`). A word that is a cue by itself
    and starts no longer one ("said") is its own match.
    """
    by_head, by_ascii_head = _head_patterns()
    found: list[re.Match[str]] = []
    pos = 0
    first = _head_scan().match(sent)
    if first is not None:
        m = by_head[first.group(1)].match(sent)
        if m:
            pos = m.end()
            found.append(m)
    if sent.isascii():  # (the same offsets: one byte a character)
        hits, patterns = _ascii_hits(sent.encode("ascii").translate(_ASCII_SPACED)), by_ascii_head
    else:
        hits, patterns = [(w.start(1), w.group(1)) for w in _head_scan_any().finditer(sent)], by_head
    for start, head in hits:
        if start < pos or sent[start - 1] == "-" and start > 1 and sent[start - 2].isalnum():
            continue  # (a word's second half is no cue: "a Security Council-backed resolution", "self-described")
        m = patterns[head].match(sent, start)
        if m:
            pos = m.end()
            found.append(m)
    return found


# An answer not given: "did not respond to requests for comment", "has not yet replied".
# Verbs of answering: "did not respond", "has not yet replied", "never returned calls".
_ANSWER_VERBS = ("respond", "reply", "answer", "return")
_NO_ANSWER = re.compile(r"(?:\bnot|n[’']t|\bnever)(?:\s+(?:yet|immediately|directly))?\s+(?:"
                        + "|".join(_ANSWER_VERBS) + r")\b")


def unanswered(sent: str, cue_start: int) -> bool:
    """Whether the cue at ``cue_start`` tells of an answer not given: no one's words."""
    lo = max(0, cue_start - 30)
    window = sent[lo:cue_start + 8]
    if not any(verb in window for verb in _ANSWER_VERBS):
        return False  # (the pattern's verb stands in its window; the pattern opens with \b, tried everywhere)
    m = _NO_ANSWER.search(sent, lo, cue_start + 8)
    return m is not None and m.end() > cue_start


# A clause of condition that opens the sentence, up to its comma: "If Ghana says no, …".
_CONDITION = re.compile(r"(?:If|Unless|Should)\s[^,;:\"“”]*")


def conditional(sent: str, cue_start: int) -> bool:
    """Whether the cue at ``cue_start`` stands in a clause of condition that opens the sentence
    and a main clause follows ("If the United States wants peace, it should …", "Unless Russia
    agrees, the plan fails"): a case supposed, no one's words. (Not "If confirmed, Carson said".)"""
    m = _CONDITION.match(sent)
    return m is not None and cue_start < m.end() < len(sent) and sent[m.end()] == ","


_WORD = re.compile(r"\w+")  # a cue that is one word: the whole word, which is a head (_head_scan)


@cache
def invertible() -> frozenset[str]:
    """Cues a trailing or inverted attribution uses: "…, Xi said." / "…, said the statement"
    (every form of a verb that inverts, and "pointed out")."""
    out = set()
    for row in lexicon.rows("reporting_verbs"):
        if row["inverts"] == "yes":
            out.update(all_forms(row["verb"]))
        elif row["inverts"] == "past":
            if not re.fullmatch(r"[a-z |]+", row["then"]):
                raise ValueError(f"reporting_verbs.tsv: 'past' inverts phrases of plain words only: {row}")
            out.update(f"{forms(row['verb'])[2]} {then}" for then in row["then"].split("|"))
    return frozenset(out)


@cache
def lemmas() -> dict[str, str]:
    """Every form of a reporting verb -> its base form."""
    out: dict[str, str] = {}
    for row in lexicon.rows("reporting_verbs"):
        for form in all_forms(row["verb"]):
            out.setdefault(form, row["verb"])
    return out


@cache
def base_forms() -> frozenset[str]:
    """The base form of every reporting verb ("say", "support"): after a singular subject it is
    no verb ("the Tulsa protest", "Republican support")."""
    return frozenset(row["verb"] for row in lexicon.rows("reporting_verbs"))


@cache
def opening_participles() -> frozenset[str]:
    """Participles that open a sentence before its subject: "Noting …, X said"."""
    return frozenset(forms(row["verb"])[3] for row in lexicon.rows("reporting_verbs") if row["opens"] == "yes")


@cache
def opening_cues() -> frozenset[str]:
    """Cues that may open a sentence before their subject: the third-person and past forms of a
    verb that inverts ("Said", "Says", "Wrote"); a base form that opens a sentence is a noun or an
    imperative ("State Senator …"), a participle an adjective or a name ("Sung Yeon …")."""
    return frozenset(w for w in invertible() if w in lemmas() and w in forms(lemmas()[w])[1:3])


@cache
def _opening_cue_first() -> re.Pattern[str]:
    r"""The first word (group 1) of a text when it may be one of :func:`opening_cues` in some case:
    what ``\W*(\w+)`` finds there when that word, lower-cased, is one (a pattern ignoring case finds
    each such word, and a few more, which the test after it sets aside), tried once instead of
    reading every sentence's first word."""
    words = sorted(opening_cues())
    if not all(re.fullmatch(r"[a-z]+", w) for w in words):
        raise ValueError(f"opening cues must be words of letters a-z: {words[:5]}")
    return re.compile(r"\W*((?i:" + trie_pattern(words) + r"))(?!\w)")  # (a plain alternation: 3 times slower)


def opening_cue_lowered(sent: str) -> str:
    """``sent`` with its first letter in lower case when its first word is a cue that comes
    before its subject ("Said Ellis: …", "Wrote Lee, …"), so the cue is found; the same length."""
    first = _opening_cue_first().match(sent)
    if first is None or not first.group(1)[:1].isupper() or first.group(1).lower() not in opening_cues():
        return sent
    i = first.start(1)
    return sent[:i] + sent[i].lower() + sent[i + 1:]


def __getattr__(name: str):
    # INVERTIBLE and OPENING_PARTICIPLES are read from the lexicon when first asked for
    if name == "INVERTIBLE":
        return invertible()
    if name == "OPENING_PARTICIPLES":
        return opening_participles()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
