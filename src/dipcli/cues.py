"""The lexicon of reporting cues: verbs and phrases that introduce what someone said.

Inflected forms are generated from lemmas so the lexicon stays one list; the
multiword cues (``expressed hope``, ``pointed out``, ``called for``) carry
their object or particle so the cue reads as written.
"""
from __future__ import annotations

import re
from functools import cache

# Verbs that report speech, position or agreement on their own.
SIMPLE = """
say tell add note stress emphasize emphasise underscore underline reiterate reaffirm affirm
highlight state declare announce explain remark observe assert insist argue warn urge
welcome commend appreciate praise thank congratulate condemn denounce criticize criticise
oppose reject support agree discuss acknowledge recognize recognise convey propose suggest
hope believe recall confirm assure pledge vow promise demand hail laud voice request invite
encourage reassure mention indicate outline describe deplore regret caution contend reply
respond answer ask inform brief claim allege admit concede deny decide resolve
advocate favor favour endorse back applaud salute reckon consider maintain reveal disclose
predict comment clarify coordinate consult wish review express update reinforce renew
offer celebrate explore assess concur raise share direct instruct task accuse blame dismiss refute protest lament mourn emphasise
slam decry rebuke censure lambast lambaste castigate assail repudiate
""".split()

# Irregular or consonant-doubling forms the suffix rules would get wrong.
IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "regret": ("regret", "regrets", "regretted", "regretting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "commit": ("commit", "commits", "committed", "committing"),
    "stand": ("stand", "stands", "stood", "standing"),
    "speak": ("speak", "speaks", "spoke", "speaking"),
    "make": ("make", "makes", "made", "making"),
    "focus": ("focus", "focuses", "focused", "focusing"),
    "refer": ("refer", "refers", "referred", "referring"),
    "slam": ("slam", "slams", "slammed", "slamming"),
}

# Cues that need a particle or an object to report speech.
PHRASAL = [
    (("point",), r"out"),
    (("call",), r"(?:for|on|upon)"),
    (("quote",), r"as\s+(?:saying|telling)"),
    (("look",), r"forward\s+to"),
    (("stand",), r"ready"),
    (("share",), r"(?:(?:the|their|his|her|its|a|our|an)\s+)?(?:\w+\s+)?(?:view|views|position|positions|concern|concerns|"
                 r"belief|assessment|assessments|understanding|opinion|hope|greetings|wishes|condolences|"
                 r"perspective|perspectives|thoughts|priorities|outlook|vision|experience|experiences|"
                 r"appreciation|commitment|interest|goal|goals|desire)"),
    (("exchange",), r"(?:views|opinions|greetings|ideas|perspectives|assessments)"),
    (("commit",), r"to"),
    (("refer",), r"to"),
    (("spell",), r"out"),
    (("speak",), r"(?:of|about|highly|out|in\s+favou?r\s+of|against)"),
    (("touch",), r"(?:on|upon)"),
    (("make",), r"(?:it\s+)?clear"),
    (("focus",), r"on"),
    (("talk",), r"(?:about|of)"),
    (("take",), r"note"),
    (("reach",), r"(?:a\s+|an\s+)?(?:consensus|agreement|understanding)"),
]
# express/raise/voice + a noun: the noun is part of the cue ("expressed hope").
OBJECT_VERBS = ("express", "raise", "reaffirm", "reiterate", "voice", "convey", "extend", "offer", "renew")
# Adjectival reports: "The President is grateful to …", "Both sides are committed to …".
ADJECTIVAL_HEADS = ("is", "are", "was", "were", "remains", "remain", "remained", "stands", "stand", "stood")
ADJECTIVAL = (r"(?:" + "|".join(ADJECTIVAL_HEADS) + r")\s+(?:\w+ly\s+)?"
              r"(?:grateful|pleased|confident|concerned|committed|ready|determined|convinced|prepared|"
              r"satisfied|disappointed|deeply\s+concerned|opposed|supportive|hopeful|optimistic|alarmed)\b")
OBJECT_NOUNS = (
    r"hope|hopes|concern|concerns|support|appreciation|gratitude|condolences|satisfaction|"
    r"confidence|readiness|willingness|regret|interest|opposition|solidarity|sympathy|thanks|"
    r"commitment|determination|desire|wish|wishes|congratulations|belief|views|view|objection|"
    r"objections|dissatisfaction|disappointment|alarm|worry|worries|doubts|position|"
    r"questions|issues|the\s+issue|the\s+question|the\s+matter"
)


def forms(lemma: str) -> tuple[str, ...]:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


VERB = "{verb}"  # where a branch's pattern takes the verb form


@cache
def _cue_parts() -> tuple[tuple[frozenset[str], str], ...]:
    """The cue alternation's branches in order: the words a branch starts with, and its pattern."""
    obj_forms = frozenset(f for lemma in OBJECT_VERBS for f in forms(lemma))
    parts = [(frozenset(ADJECTIVAL_HEADS), ADJECTIVAL),
             (obj_forms, VERB + rf"\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{OBJECT_NOUNS})\b")]
    for lemmas, tail in PHRASAL:
        verb_forms = frozenset(f for lemma in lemmas for f in forms(lemma))
        parts.append((verb_forms, VERB + rf"\s+(?:\w+ly\s+)?{tail}\b"))
    parts.append((frozenset(f for lemma in SIMPLE for f in forms(lemma)), VERB + r"\b"))
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


def _trie_pattern(words) -> str:
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


@cache
def head_regex() -> re.Pattern[str]:
    """Whole lower-case words that can start a cue."""
    return re.compile(r"\b(?:" + _trie_pattern(cue_heads()) + r")\b")


def prepare() -> None:
    """Compile every cue pattern now rather than at first use."""
    head_regex()
    for branches in set(_branches_of().values()):
        _cue_regex(branches)


def find_cues(sent: str):
    """Cue matches in a sentence, left to right, without overlaps.

    Patterns are only tried where a word that can start a cue stands, and then
    only those for that word (:func:`_cue_regex`). A word that is a cue by itself
    and starts no longer one ("said") is its own match.
    """
    branches_of = _branches_of()
    word_only = (len(_cue_parts()) - 1,)
    pos = 0
    for w in head_regex().finditer(sent):
        if w.start() < pos:
            continue
        branches = branches_of[w.group()]
        m = w if branches == word_only else _cue_regex(branches).match(sent, w.start())
        if m:
            pos = m.end()
            yield m


# Cues a trailing or inverted attribution uses: "…, Xi said." / "…, said the statement".
INVERTIBLE = frozenset(
    f for lemma in "say add note stress emphasize emphasise underscore state declare explain "
    "remark observe insist argue warn tell reply respond announce".split() for f in forms(lemma)
) | {"pointed out"}
# Participles that open a sentence before its subject: "Noting …, X said".
OPENING_PARTICIPLES = frozenset(
    f for lemma in SIMPLE + ["point", "call", "express", "stand", "look", "recall", "describe"]
    for f in forms(lemma) if f.endswith("ing")
)
