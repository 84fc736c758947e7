"""Reporting frames: a cue ("said", "expressed hope") and its subject, before or after it.

"X said that …", "…, X said.", "…, said X, adding …", "X, for his part, stressed …",
"Morales accepted the invitation and said …". :func:`find_frames` finds every
frame of a sentence with its subject resolved; :func:`.scope.choose` picks the one
that attributes the sentence.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import gazetteer, lexicon
from ..cues import INVERTIBLE, base_forms, conditional, find_cues, lemmas, opening_cue_lowered, unanswered
from .cast import COLLECTIVE, EXPLICIT, GROUP, PERSON, Ref, Scene
from .people import KIN_NOUNS, PERSON_NOUNS, after_kin, bare_plural, phrase_head, title_apposition
from .subjects import ENTOURAGE, ENTOURAGE_MODIFIERS, PHRASE_MEMO, opener_for_pronoun, relative, resolve
from .names import BRACKETED_TAG, MONTHS, NAME_PARTICLES, PARTY_TAG, ROLE_WORDS, STOP_CAPS, TITLE_WORDS, WEEKDAYS, blank_tags, clean, \
    skip_space_back, title_surname
from .quotes import in_spans
from .sources import (knowing_source_before, placed_around, placed_source_before, plural_before, source_after, source_words,
                      subject_report_maker)

# Word lists (data/lexicon/*.txt)
PRONOUNS = lexicon.words("pronouns")
# Adverbs, auxiliaries and quantifiers between a subject and its cue ("China also urged").
SKIPPABLE = lexicon.words("between_subject_and_verb")
# Words in -ly that are not adverbs, so they can end a subject ("the family said").
LY_NOUNS = lexicon.words("ly_nouns")
PASSIVE_AUX = lexicon.words("be_forms")
# Times that stand between a subject and its cue ("China on Tuesday urged"), and the words before them.
TIME_WORDS = frozenset(w.lower() for w in MONTHS | WEEKDAYS) | lexicon.words("time_words")
TIME_LEADS = lexicon.words("time_leads")
# What a subject phrase before its cue is made of: capitalised words and these.
_PHRASE_WORDS = lexicon.words("subject_words") | ROLE_WORDS | PRONOUNS | NAME_PARTICLES | PERSON_NOUNS | ENTOURAGE | ENTOURAGE_MODIFIERS | source_words()
# Before a subject, these make it an object: "between both countries". The prepositions stance
# reads, with a documented difference kept from before they were shared: attribution also counts
# "to" and leaves out these.
_PREPOSITIONS = lexicon.words("prepositions") - frozenset(
    "across after amid around before behind beyond concerning despite during including regarding upon within "
    "without".split()) | {"to"}
_DETERMINERS = lexicon.words("determiners")
# What a subject after an inverted cue is made of: capitalised words and these ("…, said the head of …").
RIGHT_WORDS = lexicon.words("inverted_subject_words")
# Words before a title or a name that are no part of it: "said former Secretary of State X".
TITLE_MODIFIERS = lexicon.words("title_modifiers")
# Forms that end like a past or third person but are a base form or a noun more often than not.
_NOT_PAST = lexicon.words("not_finite_forms")
# What outlets and institutions publish ("a new CNN poll shows"), and the verbs that report only
# after one of them or before "that".
REPORT_NOUNS = lexicon.words("report_nouns")
REPORT_ONLY = lexicon.words("report_only_verbs")
# Nouns of an apposition after a name ("Hope Hicks, a campaign spokeswoman, said").
_APPOSITION_NOUNS = lexicon.words("apposition_nouns") | source_words()

# What follows a trailing attribution ("…, X said." / "…, said X, adding …"): the sentence's
# end, a participle or a clause. (Not stance's TRAILING, a set of words a target does not end in.)
# An adjunct of time, place or medium may come first: "…, the ministry said on Tuesday.",
# "…, Lee told reporters in Accra.", "…, Lee said in a statement."; not a clause after "that" ("X
# said yesterday that …" reports what follows).
ATTRIBUTION_END = re.compile(r"(?:\s+(?:on|in|at|during|after|before|to|from|via|through|last|this|late|early|"
                             r"earlier|later|yesterday|today|tonight|[A-Z][a-z]+day|reporters|journalists)\b"
                             r"(?:(?!that\b)[^.!?;:\"“”,]){0,80}?)?"
                             r"\s*(?:[.!?…]+[\"”’']?\s*$|,\s*(?:adding|noting|saying|stressing|calling|"
                             r"expressing|urging|pointing|emphasi[sz]ing|underscoring|explaining|according|"
                             r"and|while|as|who|which)\b|[\"”’']?\s*$)")


# "…, Lanskoy told reporters on Wednesday.", "…, she told the BBC.": "tell" ends an attribution too,
# its hearer (up to five words, no "that") before what ATTRIBUTION_END accepts.
_HEARER_END = re.compile(r"\s+(?:(?!that\b)[\w.'’&\-]+\s+){0,4}?(?!that\b)[\w.'’&\-]+" + ATTRIBUTION_END.pattern)


def _ends_attribution(sent: str, cue: re.Match[str], head_invertible: bool) -> bool:
    """Whether the cue and what follows it end the sentence's attribution ("…, Xi said on Monday.")."""
    if head_invertible:
        return ATTRIBUTION_END.match(sent, cue.end()) is not None
    return lemmas().get(cue.group().split()[0]) == "tell" and _HEARER_END.match(sent, cue.end()) is not None


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# A cue in -ing after a form of "be" is progressive, not passive: "Lee is demanding …".
_PROGRESSIVE = re.compile(r"[a-z]+ing\b")
_LY_ADVERB = re.compile(r"[a-z]{3,}ly")
FIRST_WORD = re.compile(r"\W*(\w+)")


# -- sentence frames ---------------------------------------------------------------------------

@dataclass(slots=True)
class Frame:
    ref: Ref
    cue: str
    trailing: bool    # "…, X said." / "…, said X, adding …"
    after_comma: bool  # the subject follows a comma (after an opening clause)
    at: int = 0  # where the cue starts in the sentence


# Cues after "is"/"was" whose subject is still the speaker: "X is committed to", "X was quoted as saying".
# (report_adjectives.txt also has words no cue starts with, "hopeful": harmless here.)
ADJECTIVAL_CUE = re.compile(
    "(?:" + "|".join(w.replace(" ", r"\s+") for w in (*lexicon.entries("report_adjectives"), *lexicon.entries("passive_cues")))
    + r")\b")
WORD_POS = re.compile(r"[\w’'\-.]+|[^\w\s]")
_PLURAL_ENDINGS = tuple("ers ors ants ents ists ives ials ians ates ies ions ders".split())
PLURAL_LEFT = re.compile(r"(?:^|(?<=[\s,;:(]))((?i:the|both|all)\s+(?:[\w’'\-]+\s+){0,4}?[a-z][\w\-]*"
                         rf"(?:{'|'.join(_PLURAL_ENDINGS)}))$")
# What the searched span must end with for PLURAL_LEFT to match ($ also matches before a final line break).
_PLURAL_TAILS = _PLURAL_ENDINGS + tuple(e + "\n" for e in _PLURAL_ENDINGS)


#: How far before a cue a subject phrase may begin.
LEFT_WINDOW = 200


_NAME_BEFORE = re.compile(r"(?<![.!?:\"“] )\b[A-Z][a-z]+ $")
# Words between an auxiliary and its verb: "was not invited", "has never said", "was also told".
_NOT_AUXILIARY = frozenset("not never also still even just already".split())


def _left_subject(sent: str, cue_start: int) -> tuple[str, int] | None:
    """The subject phrase right before a cue: names, role words, pronouns; stops at punctuation.

    Returns the phrase and whether it follows a comma or quote (a subject after an opening clause).
    The words are read right to left, one at a time, by tokenizing the reversed
    window (a word is a maximal run of word characters, the same runs in either
    direction): a subject is a few words, and the walk stops at the first word
    that cannot belong to it. Only the window is copied, so many cues in one long
    sentence cost constant time each.
    """
    base = max(0, cue_start - LEFT_WINDOW)
    size = cue_start  # offsets in the reversed window count back from the cue
    words = WORD_POS.finditer(sent[base:cue_start][::-1])
    first_skipped = None
    timed = False  # the word to the right was a time word: "on" and "last" before it are skipped too
    skipped_time = False
    m = next(words, None)
    while m is not None:  # adverbs, auxiliaries and times between subject and cue ("China on Tuesday urged")
        tok = m.group()[::-1]
        low = tok.lower()
        if tok == ")":
            # a party tag after the name: "Sen. Jon Tester (D-Mont.) said"
            close = size - m.end()
            tag = BRACKETED_TAG.fullmatch(sent, sent.rfind("(", base, close), close + 1)
            if tag is None:
                break
            while m is not None and m.group() != "(":
                m = next(words, None)
        elif low in TIME_WORDS or tok.isdigit() and len(tok) <= 2:
            timed = skipped_time = True
        elif timed and low in TIME_LEADS:
            timed = False
        elif not (low in SKIPPABLE or _LY_ADVERB.fullmatch(tok) and tok not in LY_NOUNS) \
                or low in _BASE_FORM_AUX and tok.istitle() and _NAME_BEFORE.search(sent, 0, size - m.end()):
            break  # (a capitalised "Will" or "May" after a name is the name's: "George Will said")
        if first_skipped is None and low not in _NOT_AUXILIARY and not _LY_ADVERB.fullmatch(tok):
            first_skipped = low  # the auxiliary next to the cue: "was not invited", "was also told"
        m = next(words, None)
    if first_skipped in PASSIVE_AUX and not ADJECTIVAL_CUE.match(sent, cue_start) \
            and not _PROGRESSIVE.match(sent, cue_start):
        return None  # "X was discussed": X is what was discussed, not who spoke ("X is demanding" did)
    if m is not None and m.group()[::-1].lower() in REPORT_NOUNS:
        # "A new CNN poll shows …": the poll's maker, when capitalised words name one ("The
        # statement declares" keeps its subject); a capitalised noun ends a name but after an
        # acronym ("The Institute for Fiscal Studies said", "The IPCC Report stated")
        maker = next(words, None)
        tok = maker.group()[::-1] if maker is not None else ""
        if tok[:1].isupper() and tok.lower() not in _DETERMINERS and tok not in STOP_CAPS \
                and (m.group()[-1].islower() or tok.isupper() or m.group()[::-1] in ("Poll", "Polls")):
            m = maker
        elif maker is not None:
            words = itertools.chain([maker], words)
    end = size - m.start() if m is not None else cue_start
    phrase: list[tuple[int, str]] = []
    while m is not None:
        tok = m.group()[::-1]
        if not (tok[0].isupper() or tok.lower() in _PHRASE_WORDS):
            if phrase or not tok.isalpha() or not tok.islower() or tok in _NOT_OWNED or tok in KIN_NOUNS \
                    or not _finite_form(sent, cue_start):
                break
            # "Ivana Trump's brief said", "Clinton's campaign said": the possessor speaks
            m = _possessor(words, tok)
            if m is None:
                break
            owner = _POSSESSIVE_S.sub("", m.group()[::-1])
            phrase.append((size - m.end(), owner))
            m = next(words, None)
            continue
        if tok in WEEKDAYS and phrase:
            break  # "… on Tuesday, officials said": a time ends the subject before it
        if tok[0].isupper() and _POSSESSIVE_S.search(tok) and phrase and all(t.islower() for _, t in phrase) \
                and phrase[0][1] not in _OWNED_PEOPLE and _finite_form(sent, cue_start):
            # "Adeyemi's staff said" with "staff" read as a source word: the possessor speaks (an
            # entourage noun, "Ruiz's campaign", is the owner's entourage: subjects.py)
            phrase = [(size - m.end(), _POSSESSIVE_S.sub("", tok))]
            m = next(words, None)
            continue
        phrase.append((size - m.end(), tok))
        if len(phrase) > 25:
            return None
        m = next(words, None)
    phrase.reverse()
    if phrase and m is not None and m.group()[::-1] in _PLACE_PREPOSITIONS and phrase[0][1][:1].isupper():
        # a place after "in", "at" or "from" is no subject: "… in Belem, Brazilian diplomats said"
        # speaks as the diplomats; "Critics in Seoul said" not as South Korea ("We in Ghana are
        # committed" is Ghana's, the speaker's)
        comma = next((i for i, (_, t) in enumerate(phrase) if t == ","), None)
        before = next(words, None)
        if comma is not None:
            phrase = phrase[comma + 1:]
        elif (before is None or before.group()[::-1].lower() not in ("we", "us")) \
                and gazetteer.place_country(" ".join(t for _, t in phrase)) is not None:
            return None
    if phrase and phrase[0][1] == "of" and m is not None and m.group()[::-1].lower().rstrip("s") in _SHARES:
        return None  # "72 percent of Democrats said", "a majority of Republicans support": a poll's finding
    if phrase and phrase[0][1] in ("of", "for") and m is not None and m.group()[::-1][:1].islower() \
            and len(phrase) <= 4 and not any(t == "," or t.lower().rstrip(".") in TITLE_WORDS for _, t in phrase):
        return None  # "Russia's annexation of Crimea renewed": the head before "of" is the subject
    while phrase and phrase[0][1].lower() in ("of", "and", "on", "for", "'s", "’s", ","):
        phrase.pop(0)
    if len(phrase) > 2 and phrase[-1][1] == "," and any(t == "," for _, t in phrase[1:-1]):
        phrase.pop()  # the comma that closes an apposition: "Azerbaijan's foreign minister, Jeyhun Bayramov, said"
    if phrase and phrase[-1][1].lower() in ("the", "of", "and", "his", "her", "their", "its"):
        phrase = []
    if skipped_time and phrase:
        # "the earthquake that struck Syria on 6 February added": after a lower-case word, Syria is
        # an object; "China on Tuesday urged" opens its clause
        before = WORD_POS.findall(sent, max(0, phrase[0][0] - 40), phrase[0][0])
        if before and before[-1][:1].islower():
            return None
    if not phrase:
        plural = PLURAL_LEFT.search(sent, base, end) if sent.endswith(_PLURAL_TAILS, base, end) else None
        plural = plural or bare_plural(sent, base, end)  # "…, economists said"
        if not plural:
            return None
        phrase = [(plural.start(1), plural.group(1))]
    k = skip_space_back(sent, phrase[0][0])
    if _after_quote(sent, k):
        return " ".join(t for _, t in phrase), 2
    after_comma = k > 0 and (sent[k - 1] in ",\"”’'—" or sent[max(0, k - 2):k] == "--")
    return " ".join(t for _, t in phrase), int(after_comma)


_PLACE_PREPOSITIONS = frozenset(("in", "at", "from", "near", "outside", "inside"))
_SHARES = frozenset(("percent", "majority", "minority", "share", "proportion", "plurality", "number", "fraction"))

_POSSESSIVE_S = re.compile(r"(?:['’]s|s['’])$")
# Words between a possessive and a cue that make the cue no verb of the possessor's
# ("the Administration's commitment to support …").
_NOT_OWNED = _PREPOSITIONS | _DETERMINERS | frozenset("to that which who whom and or not".split())
_OWNED_PEOPLE = ENTOURAGE | KIN_NOUNS  # "Ruiz's campaign", "Okafor's father": not the owner speaking


def _finite_form(sent: str, cue_start: int) -> bool:
    """Whether the cue at ``cue_start`` opens with a past or third-person form ("said", "says"),
    which a noun phrase can be the subject of; not a base form or an -ing form, which after
    "the United States’ continued" is a noun ("backing")."""
    first = FIRST_WORD.match(sent, cue_start)
    head = first.group(1) if first else ""
    lemma = lemmas().get(head)
    return lemma is not None and head != lemma and not head.endswith("ing")


def _possessor(words, first: str) -> re.Match[str] | None:
    """After a lower-case word before a cue (read right to left), at most one more, then a
    capitalised possessive ("Trump's", "the Democrats’"): that word's match, else None."""
    for _ in range(2):
        m = next(words, None)
        if m is None:
            return None
        tok = m.group()[::-1]
        if tok[:1].isupper() and _POSSESSIVE_S.search(tok):
            return m
        if not (tok.isalpha() and tok.islower()):
            return None
    return None


# Marks that close a quotation ('' closes with its second apostrophe).
CLOSING_QUOTES = "\"”’'»"


def _after_quote(sent: str, k: int) -> bool:
    """Whether a quotation closes right before ``k``: '"We are ready," ', '… calm.” ', "… ready,'' "."""
    return k > 1 and sent[k - 1] in CLOSING_QUOTES and sent[k - 2] in ",.?!…"


#: Longest aside between a subject and its cue (Xinhua's "Xi, also general secretary of …, said").
ASIDE_CHARS = 200
_PERSON_NOUNS = "|".join(sorted(PERSON_NOUNS, key=len, reverse=True))
# How an aside set off by commas between a subject and its cue opens: a
# discourse phrase ("for his part", "in turn"), "also" before a second title,
# a relative "who", a participle ("speaking alongside Scholz", "during the
# talks") or an age. Not "which" (things), not a whole clause ("all Bhutanese
# have embraced …").
ASIDE = re.compile(
    r"(?:also|for\s+(?:his|her|their|its|our|my)\s+part|on\s+(?:his|her|their|its)\s+part|"
    r"in\s+(?:(?:his|her|their|its)\s+)?turn|in\s+particular|in\s+(?:response|reply|return)|however|meanwhile|"
    rf"too|though|on\s+behalf\s+of|who|which|while|(?:Democrat|Republican|Independent)\s+(?:of|from)\s|of\s+(?=[A-Z])\w+|[A-Z][a-z]{{0,4}}(?=\.$)|[a-z]+ing|[0-9]{{1,3}}|{PARTY_TAG}(?![\w-])|"
    r"(?:in|at|during|after|before|on|with|through|via)\s+(?:an?|the|his|her|their|its)\s+\w+|"
    r"(?:when|if|once|after|as|though|unless)\s+(?:[a-z]+ed|told|shown|given)\b|"  # "…'s office, when contacted by Reuters, said"
    # an apposition that names a role: "Tom Hale, a Denver lawyer, said", "Ana Ruiz, director of …, said"
    rf"(?:(?:an?|the|his|her|their|its|[A-Z][\w’'\-]*['’]s)\s+)?(?:[\w’'\-.]+\s+){{0,5}}?(?:{_PERSON_NOUNS})(?:\s|$))\b"
)


# (not "X responded by using …": an answer's manner, after a verb that takes no object)
_PASSIVE_BY = re.compile(r"\s+by\b(?!(?:(?<=responded by)|(?<=replied by))\s+[a-z]+ing\b)")


def _after_preposition(sent: str, end: int, phrase: str) -> bool:
    """Whether the words ``phrase`` (ending at ``end``) are an object, not a subject: they
    follow a preposition or a participle ("between our two countries", "advancing the Agenda").

    When the phrase holds a title, the name starts at the title ("the North Caucasus Mr
    Putin"), and that is where the words before are read.
    """
    words = phrase.split(" ")
    # A title starts a name inside a longer run of capitals: "in the North Caucasus Mr Putin"
    titled = [j for j, w in enumerate(words) if w[:1].isupper() and w.lower().rstrip(".") in TITLE_WORDS
              and not (j and title_surname(words[j - 1], w))]  # (not "Charlie King")
    start = titled[-1] if titled else 0
    while start > 0 and start - 1 in titled:
        start -= 1
    tokens = WORD_POS.findall(sent, max(0, end - LEFT_WINDOW - 40), end)
    i = len(tokens) - (len(words) - start) - 1
    while i >= 0 and tokens[i].lower() in _DETERMINERS:
        i -= 1
    if i < 0:
        return False
    word = tokens[i]
    return word.lower() in _PREPOSITIONS or word.islower() and len(word) > 4 and word.endswith(("ing", "ed"))


def _adverbs_back(sent: str, k: int) -> int:
    """Where the adverbs that end at ``k`` begin ("also", "forcefully"): ``k`` when there are none."""
    while k > 1 and sent[k - 1].islower():
        space = sent.rfind(" ", max(0, k - 30), k)
        if space < 0:
            return k
        word = sent[space + 1:k]
        if not (word in SKIPPABLE or _LY_ADVERB.fullmatch(word) and word not in LY_NOUNS):
            return k
        k = skip_space_back(sent, space + 1)
    return k


def _aside_before(sent: str, k: int) -> int | None:
    """The offset of the opening comma of an aside that ends with the comma before ``k``
    (where a cue's preceding words end), if there is one.

    "Mr Hu, for his part, said …": the subject stands before the aside, and the
    comma before the cue does not make it an inverted "…, said X".
    """
    lo = max(0, k - 1 - ASIDE_CHARS)
    opening = k - 1
    for _ in range(3):  # "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said"
        opening = sent.rfind(",", lo, opening)
        if opening <= 0:
            return None
        aside = sent[opening + 1:k - 1].strip()
        if any(ch in aside for ch in ';:"“”()'):
            return None
        if ASIDE.match(aside) or _apposition(aside):
            return opening
    return None


def _apposition(aside: str) -> bool:
    """Whether an aside says what the person before it is: "a campaign spokeswoman", "an adviser
    to the campaign", "the Republican attorney general of Oklahoma"."""
    words = WORD_POS.findall(aside)
    if words and words[0][0].isupper() and words[0] != "The":
        return title_apposition(aside)
    if not words or words[0].lower() not in ("a", "an", "the"):
        return False
    if words[0] != "the" and len(words) in (2, 4) and words[1][:1].isupper() and words[1].isalpha() \
            and (len(words) == 2 or words[2] in ("from", "of") and words[3][:1].isupper()):
        return True  # a party or a people: "a Republican", "a Democrat from Ohio", "an Estonian"
    for w in words[1:7]:
        low = w.lower()
        if low in ("of", "to", "for", "at", "in", "with", "who", "which", "that"):
            return False
        if low in _APPOSITION_NOUNS or low in TITLE_WORDS or low in ROLE_WORDS:
            return True
    # a short description of words alone: "a moderate Republican", "a self-described centrist"
    return words[0] in ("a", "an") and len(words) <= 4 and all(w.replace("-", "").isalpha() for w in words)


# Words that describe the person a name after them names, up to a role noun: "9/11 widow ",
# "Republican strategist ", "campaign manager ".
_DESCRIBED_NAME = re.compile(rf"\s+(?:[\w/’'\-]+\s+){{0,3}}?(?:{_PERSON_NOUNS})\s+(?=[A-Z][a-z])")


def _right_subject(sent: str, cue_end: int) -> tuple[str, int] | None:
    """The subject after an inverted cue: "…, said Xi, adding …".

    Token by token up to the next punctuation (a regex over optional
    separators would backtrack exponentially on long runs of words).
    """
    words: list[str] = []
    end = cue_end
    described = _DESCRIBED_NAME.match(sent, cue_end)
    if described:  # "…, said 9/11 widow Ana Ruiz", "…, said Republican strategist Tom Hale"
        cue_end = described.end()
    for m in WORD_POS.finditer(sent, cue_end, min(len(sent), cue_end + 400)):
        tok = m.group()
        if not (tok[0].isalnum() or tok[0] in "’'"):
            break
        # (not after "Rep." or "Mr.": "…, said Rep. Jo Park")
        stop = tok.endswith(".") and not _INITIALS.fullmatch(tok) and tok[:-1].lower() not in TITLE_WORDS
        word = tok.rstrip(".") if stop else tok
        if not (word[:1].isupper() or word.lower() in RIGHT_WORDS or word.lower() in ROLE_WORDS
                or not words and word in TITLE_MODIFIERS):
            break
        if word == "for" and len(words) > 1 and all(w[0].isupper() and w.lower() not in TITLE_WORDS for w in words):
            break  # "…, wrote Tom Hale for the Harlow Times": whom he writes for is no part of the name
        if words or word not in TITLE_MODIFIERS:  # "…, said former Secretary of State Ana Lund"
            words.append(word)
        end = m.start() + len(word)
        if stop or len(words) > 40:
            break
    if not words or not (words[0][0].isupper() or words[0].lower() in ("the", "his", "her", "he", "she", "they")):
        return None
    if len(words) == 1 and (words[0].lower() in ("he", "she", "they") and not ATTRIBUTION_END.match(sent, end)
                            or words[0].lower() in ("the", "his", "her")):
        return None  # "…, said he would": the pronoun is the reported clause's subject; "said his members …"
    return " ".join(words), end


@lru_cache(maxsize=PHRASE_MEMO)
def _cue_words(found: str) -> tuple[str, bool, bool, bool]:
    """A cue as written, cleaned; whether its first word can end a sentence's
    attribution ("…, Xi said."); whether it can come before its subject ("…, said Xi");
    whether it is a finite verb (not "adding", "noting"), which an aside can separate from its subject."""
    cue = clean(found)
    head = cue.split()[0]
    head_invertible = head.lower() in INVERTIBLE
    return cue, head_invertible, head_invertible or cue.lower() in INVERTIBLE, not head.endswith("ing")


# Words between a subject and a base form that keep it a verb: "Lee will support", "they do not say".
_BASE_FORM_AUX = frozenset("will would can could should must may might shall do does did to not n't never "
                           "cannot also".split()) | frozenset(w for w in SKIPPABLE if w.endswith(("n't", "n’t")))
# Plural subjects that do not end in -s.
_IRREGULAR_PLURALS = frozenset("people men women children police staff media i you we they".split())
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s*$")


def _noun_reading(sent: str, cue_start: int, cue_end: int, k: int, cue: str, phrase: str) -> bool:
    """Whether the cue is a noun rather than the verb of the subject before it: after an
    adjective that follows a preposition ("22% of Democratic claims"), before a finite verb
    ("Health worries have dogged"), after a possessive ("Trump's comments"), or a base form after
    a singular subject with no auxiliary between ("the Tulsa protest remained", "Republican
    support for it")."""
    head = cue.split()[0]
    if _plural_noun(cue) and ("," not in phrase and _after_preposition(sent, k, phrase)
                              or _VERB_AFTER_NOUN.match(sent, cue_end)):
        return True
    if _POSSESSIVE_BEFORE.search(sent, max(0, cue_start - 40), cue_start):
        return True
    if head in base_forms():
        last = phrase_head(phrase)
        plural = last.endswith("s") or last in _IRREGULAR_PLURALS or " and " in phrase or "," in phrase \
            or plural_before(sent, max(0, sent.rfind(phrase, 0, cue_start)), k)
        if not plural and not any(w in _BASE_FORM_AUX for w in _words_between(sent, cue_start)):
            return True
    return False


_THAT_AFTER = re.compile(r"\s+that\b")


def _reports(sent: str, cue_start: int, cue_end: int) -> bool:
    """Whether a verb of report_only_verbs.txt reports: a report noun before it ("the study
    found") or "that" after it ("Lee found that …")."""
    return bool(_THAT_AFTER.match(sent, cue_end)) or _report_noun_before(sent, cue_start)


def _report_noun_before(sent: str, cue_start: int) -> bool:
    """Whether a report noun is the cue's subject ("the new poll shows", "the study also found")."""
    before = _words_between(sent, cue_start)
    words = WORD_POS.findall(sent, max(0, cue_start - 80), cue_start)
    k = len(words) - len(before) - 1
    return k >= 0 and words[k].lower() in REPORT_NOUNS


def _words_between(sent: str, cue_start: int) -> list[str]:
    """The words right before a cue that stand between it and its subject (adverbs, auxiliaries:
    "will also", "did not"), lower-cased, nearest first."""
    out = []
    for tok in reversed(WORD_POS.findall(sent, max(0, cue_start - 60), cue_start)):
        low = tok.lower()
        if low in SKIPPABLE or low in _BASE_FORM_AUX or _LY_ADVERB.fullmatch(tok):
            out.append(low)
            continue
        break
    return out


def _plural_noun(cue: str) -> bool:
    """Whether a cue can be read as a plural noun ("claims", "reports", "worries"; not "says")."""
    head = cue.split()[0]
    return head.endswith("s") and not head.endswith("ss") and head != "says"


# A finite verb right after a cue in -s makes the cue a plural noun: "Health worries have dogged …".
_VERB_AFTER_NOUN = re.compile(r"\s+(?:have|are|were|will|would|could|can|may|might|must|should|did|do)\b")


def find_frames(sent: str, scene: Scene, *, in_doc: bool, quoted: list[tuple[int, int]] = ()) -> list[Frame]:
    """Every reporting frame of ``sent`` with its subject resolved; a cue inside a quotation
    (``quoted``: spans of the sentence) is the quoted speaker's word, and frames nothing."""
    frames = []
    if "(" in sent:
        sent = blank_tags(sent)
    for m in find_cues(opening_cue_lowered(sent)):
        if quoted and in_spans(quoted, m.start()):
            continue
        if lemmas().get(m.group().split()[0]) in REPORT_ONLY and not _reports(sent, m.start(), m.end()):
            # "The poll by the Public Policy Institute of California showed X leading": a report's maker
            ref = _report_maker(sent, m.start(), scene)
            if ref is not None:
                frames.append(Frame(ref, _cue_words(m.group())[0], False, False, m.start()))
            continue
        if _PASSIVE_BY.match(sent, m.end()) and m.group().endswith("ed") or unanswered(sent, m.start()) \
                or conditional(sent, m.start()):
            continue  # a participle, its agent after "by" ("coordinated by the UNDP"); no words of X's: "X did not respond", "If X says no, …"
        k = skip_space_back(sent, m.start())
        if sent[sent.rfind(" ", 0, k) + 1:k] in _NO_SUBJECT_BEFORE:
            continue  # "in order to support", "the challenges": no branch below frames it
        cue, head_invertible, invertible, finite = _cue_words(m.group())
        finite = finite or sent[sent.rfind(" ", 0, k) + 1:k] in PASSIVE_AUX  # "X, …, is demanding"
        before_adverbs = _adverbs_back(sent, k)  # "Hale, the group's director, forcefully told"
        aside = _aside_before(sent, before_adverbs) if finite and before_adverbs > 1 and sent[before_adverbs - 1] == "," \
            else None
        for _ in range(2):  # "Tom Hale, president of the union, which represents welders, said"
            outer = _aside_before(sent, aside + 1) if aside is not None else None
            if outer is None:
                break
            aside = outer
        if aside is not None and not _PASSIVE_BY.match(sent, m.end()) \
                and (PASSIVE_AUX.isdisjoint(sent[before_adverbs:k].lower().split())  # (not "X, …, was denied")
                     or ADJECTIVAL_CUE.match(sent, m.start()) or _PROGRESSIVE.match(sent, m.start())):
            # "Xi, also general secretary of …, said China is ready …": the subject is Xi
            left = _left_subject(sent, aside)
            if left and _after_preposition(sent, aside, left[0]):
                left = None  # "the friendship between our two countries, dating back to 1779, affirms"
            ref = resolve(scene, left[0], in_doc=in_doc) if left else None
            if ref is not None:
                trailing = _ends_attribution(sent, m, head_invertible) and bool(left[1])
                frames.append(Frame(ref, cue, trailing, bool(left[1]), m.start()))
                continue
        at_start = k == 0
        if at_start or sent[k - 1] in ",\"”'’" or sent[k - 1] == "“" and sent[k - 2:k - 1] in (",", "."):
            # (''…,'' said X: two apostrophes close a quotation too; scraped text closes with “)
            # inverted: "…, said Xi" (only for plain reporting verbs)
            if invertible:
                right = _right_subject(sent, m.end())
                right = (resolve(scene, right[0], in_doc=in_doc), right[1]) if right else None
                if right is None or right[0] is None:  # "…, said a senior official", "…, said two people familiar with …"
                    right = source_after(scene, sent, m.end())
                if right:
                    # '"…," said X at a briefing': a quotation's attribution, whatever follows X
                    trailing = bool(ATTRIBUTION_END.match(sent, right[1])) or _after_quote(sent, k)
                    frames.append(Frame(right[0], cue, trailing and not at_start, True, m.start()))
                    continue
        if k > 0 and sent[k - 1] == ",":
            # "A lawyer for the outlets, David Schulz, said": the name set off after a role
            named = _ROLE_THEN_NAME.search(sent, max(0, k - 200), k)
            ref = None if named is None else relative(scene, named.group("name").split()) if after_kin(
                sent, named.start("name")) else resolve(scene, named.group("name"), in_doc=in_doc)
            if ref is not None and ref.kind == PERSON:
                frames.append(Frame(ref, cue, False, True, m.start()))
                continue
        if not finite and k > 0 and sent[k - 1] == ",":
            continue  # "…, adding that": the subject is the clause's, not the words before the comma
        known = knowing_source_before(sent, k)  # "Two officials familiar with the talks said"
        if known is not None:
            frames = [f for f in frames if not known[1] <= f.at < k]  # ("sources briefed on the plan said")
            frames.append(_described_frame(sent, m, known, cue, head_invertible))
            continue
        left = _left_subject(sent, m.start())
        if left and _noun_reading(sent, m.start(), m.end(), k, cue, left[0]):
            continue
        if not left:
            ref = _second_verb_subject(sent, k, m.end(), cue, scene, in_doc=in_doc) if finite else None
        else:
            ref = opener_for_pronoun(scene, sent, left[0], m.start()) or resolve(scene, left[0], in_doc=in_doc)
            if ref is not None and finite and (placed := placed_around(scene, sent, left[0], before_adverbs, cue)):
                frames.append(_described_frame(sent, m, placed, cue, head_invertible))
                continue  # "Two senators from Ohio said": the senators, not Ohio
        if ref is None and left and left[0][:1].isupper() and _report_noun_before(sent, m.start()) \
                and any(w.lower() not in _DETERMINERS and w.lower() not in PRONOUNS and w not in STOP_CAPS
                        for w in left[0].split()):
            # "A new Ipsos poll shows …": whoever made the poll, known or not
            maker = left[0].split(" ", 1)[1] if left[0].split()[0].lower() in _DETERMINERS else left[0]
            ref = scene.group_ref(Ref(maker, GROUP, EXPLICIT, mention=left[0]))  # (not "The Gallup")
        if ref is None or not left:
            # no one named: the maker of a report that opens the sentence, or a source described by
            # where it works ("A spokesman for the ministry said", "A diplomat in Brussels said")
            ref = ref or _report_maker(sent, m.start(), scene, aside)
            placed = placed_source_before(sent, before_adverbs) if ref is None and finite else None
            if ref is not None or placed is not None:
                frames.append(Frame(ref, cue, False, False, m.start()) if ref is not None
                              else _described_frame(sent, m, placed, cue, head_invertible))
            continue
        after_comma = bool(left[1]) or ref.mention != left[0].replace(" ,", ",")
        # '"…," X told reporters': the quotation is X's, whatever follows the cue
        trailing = (_ends_attribution(sent, m, head_invertible) or head_invertible and left[1] == 2) and after_comma
        frames.append(Frame(ref, cue, trailing, after_comma, m.start()))
    return frames


def _described_frame(sent: str, cue: re.Match[str], found: tuple[Ref, int], word: str, head_invertible: bool) -> Frame:
    """The frame of a source a phrase describes, not names (``found``: the source and where its
    phrase starts), set off by a comma or quote when it ends the sentence ("…, a diplomat said")."""
    after = found[1] > 0 and sent[skip_space_back(sent, found[1]) - 1] in ",\"”’'"
    return Frame(found[0], word, _ends_attribution(sent, cue, head_invertible) and after, after, cue.start())


def _report_maker(sent: str, cue_start: int, scene: Scene, aside: int | None = None) -> Ref | None:
    """The maker of a report that opens the sentence as the subject of a verb of report
    (report_only_verbs.txt, "say"; ``aside``: where an aside after the subject opens), as
    :func:`.sources.subject_report_maker` reads it; not through a passive ("… was cited")."""
    if lemmas().get(FIRST_WORD.match(sent, cue_start).group(1)) not in _MAKERS_VERBS \
            or any(w in PASSIVE_AUX for w in _words_between(sent, cue_start)):
        return None
    end = aside if aside is not None else _adverbs_back(sent, skip_space_back(sent, cue_start))
    maker = subject_report_maker(sent[:end].rstrip(" ,"), _NOT_OWNED)
    return scene.group_ref(Ref(maker, GROUP, EXPLICIT, mention=maker)) if maker else None


_MAKERS_VERBS = REPORT_ONLY | {"say"}


_ROLE_THEN_NAME = re.compile(
    rf"(?:^|\s)(?:[Aa]n?|[Tt]he|[A-Z][\w’'\-]*['’]s)\s+(?:[\w’'\-.]+\s+){{0,3}}?(?:{_PERSON_NOUNS})\b[^,]{{0,80}},"
    rf"\s+(?P<name>[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){{1,3}}),$")


PARTICIPLE_CUE = re.compile(
    r",\s+(?:and\s+)?(?:also\s+)?(noting|adding|stressing|saying|emphasi[sz]ing|underscoring|highlighting|"
    r"calling\s+(?:for|on)|urging|expressing\s+\w+|reiterating|welcoming|pointing\s+out|recalling|"
    r"reaffirming|underlining|voicing\s+\w+|warning|insisting)\b")


_AND_BEFORE = re.compile(r"\b(?:and|but)(?:\s+(?:also|then|further|later|again))?$")
# Words that, right before a cue, leave every branch of find_frames nothing to frame ("to support",
# "a call", "which states"): no subject word, no word skipped on the way to one, none a possessor's
# noun may follow, no report noun or plural a subject ends with, nothing _AND_BEFORE ends with.
_NO_SUBJECT_BEFORE = frozenset(
    w for w in _NOT_OWNED
    if w.isalpha() and w.islower() and w not in _PHRASE_WORDS and w not in SKIPPABLE and w not in TIME_WORDS
    and w not in REPORT_NOUNS and not w.endswith(_PLURAL_ENDINGS) and not _LY_ADVERB.fullmatch(w)
    and w not in ("and", "also", "then", "further", "later", "again"))


_NO_OPENERS = frozenset(("two", "three", "four", "his", "her", "its", "their", "our", "my", "your"))


def _second_verb_subject(sent: str, k: int, cue_end: int, cue: str, scene: Scene, *, in_doc: bool) -> Ref | None:
    """The subject of a verb that follows "and" or "but" (its words end at ``k``): the one that opens
    the sentence ("Morales accepted the invitation and said …", "Ruiz did not respond to the charge,
    but said …"), for people, countries and collectives."""
    head = cue.split()[0].lower()
    conjunction = _AND_BEFORE.search(sent, max(0, k - 20), k)
    if not head.endswith(("ed", "s", "id", "ld", "ke", "ote")) or head in _NOT_PAST or not conjunction \
            or _PASSIVE_BY.match(sent, cue_end) or conjunction.group().startswith("but") and head.endswith("s"):
        return None  # (after "but" a plural noun opens a clause of its own: "…, but challenges remain")
    opening = opening_subject(sent, k)
    if opening and _POSSESSIVE_S.search(opening) and _entourage_after(sent, opening):
        opening = _POSSESSIVE_S.sub("", opening)  # "Mr. Trump’s transition team … and defended …": his
    if not opening or opening.split()[0].lower().endswith("ing") or opening.lower() in _NO_OPENERS \
            or _POSSESSIVE_S.search(opening):
        return None  # ("Two years ago", "His ex-wife agreed", "Donald Trump’s wife, Melania, …")
    ref = resolve(scene, opening, in_doc=in_doc)
    # not "Development" or "the Summit"
    if ref is not None and (ref.kind == PERSON or ref.via == COLLECTIVE
                            or ref.kind == GROUP and gazetteer.country_of(ref.name)):
        return ref
    return None


def _entourage_after(sent: str, opening: str) -> bool:
    """Whether an entourage noun stands among the three words after a possessive opening ("Ruiz's
    campaign", "Mr. Trump’s transition team"): the owner speaks, as for a subject (subjects.py)."""
    return any(w.lower() in ENTOURAGE for w in WORD_POS.findall(sent, len(opening), len(opening) + 60)[:3])


def opening_subject(sent: str, limit: int) -> str | None:
    """The subject that opens a sentence ("President Biden reinforced …, noting that …")."""
    words = []
    for m in WORD_POS.finditer(sent, 0, min(limit, 200)):
        tok = m.group()
        if tok[0].isupper() or tok.lower() in ("of", "the", "and") or tok.lower() in ROLE_WORDS:
            words.append(tok)
            continue
        break
    while words and words[-1].lower() in ("of", "the", "and"):
        words.pop()
    return " ".join(words) or None
