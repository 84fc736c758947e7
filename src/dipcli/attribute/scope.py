"""The scope of a speaker: which sentences without a frame of their own go on in the voice of
the sentence before, and which return to the narrator.

Quotations, frames with a pronoun ("He added …") and transcript turns carry a
speaker by their own rules. What is left is a sentence that names no speaker
right after one that did. It goes on in that speaker's voice ("Xi said China is
ready … As permanent members, China and Russia have natural responsibilities …")
unless its shape is the narrator's:

* it tells of the past and has no present or modal form ("Reagan went on to win
  that year", "The candidates took questions from veterans"), unless it reports in
  the passive with no agent ("Special attention was given to energy", said of the
  talks' sides);
* it gives a schedule ("Lee is scheduled to speak on Friday", "… will take place");
* it names a source of its own that no rule could make a speaker ("according to the Charter",
  "according to officials");
* it opens with a turn to other matters ("But his plans ran into trouble",
  "Meanwhile, …") or is a parenthesis ("(Mr. Lee is now the campaign chairman.)");
* it opens with another actor: a person, country or organisation that is not the
  speaker ("Kiribati is buying property …" after a sentence of Rhodes's);
* it tells of someone in the third person as it stands now or will be, a pronoun its
  subject and no reporting verb its verb ("He has surrounded himself with …", "Her
  work has focused on …", "She would be the first …"): a speaker does not call
  themselves "he". Not in the first person ("He has our full support" is the
  speaker's), nor a title ("His Majesty …"); told in the past ("He detailed the
  support …", "He was clear about …") a readout goes on reporting its speaker; with a
  verb of view ("He does not see it as …", view_verbs.txt) it gives the person's view.

Nor does a sentence go on in a news report (:func:`told_in_third_person`, with
:attr:`.quotes.Quotations.marks_speech`): an article that quotes its speakers' own sentences
and tells the rest in the third person names the source of each thing it reports, and leaves
its own words unmarked.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .. import gazetteer, lexicon
from ..model import Sentence
from ..cues import OPENING_PARTICIPLES, ascii_words
from .cast import PRONOUN
from .frames import FIRST_WORD, WORD_POS, Frame, opening_subject
from .quotes import in_spans


@cache
def _patterns() -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    schedule = re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in lexicon.entries("schedule_phrases"))
                          + r")\b", re.IGNORECASE)
    return (lexicon.words("past_forms"), lexicon.words("present_forms"), lexicon.words("narration_openers"),
            schedule)


_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
# A reporting verb in the passive with no agent ("The importance of coordination was stressed",
# "Opportunities were discussed"): the talks' sides speak on, as in "It was agreed".
_REPORTED_PASSIVE = re.compile(
    r"\b(?:was|were|been)\s+(?:\w+ly\s+)?(?:stressed|noted|underscored|underlined|emphasi[sz]ed|discussed|"
    r"expressed|confirmed|reaffirmed|welcomed|agreed|highlighted|conveyed|praised|voiced|raised|mentioned|"
    r"pointed\s+out|accepted|given|paid|reiterated|exchanged|affirmed)\b(?!\s+by\b)")
_REGULAR_PAST = re.compile(r"[a-z]{2,}ed")
_RELATIVES = frozenset("who whom whose which that".split())
_CONTRACTED = re.compile(r"[’'](?:s|re|ll|d|ve|m)$")
# A third-person subject and what follows it: "He has …", "She would …", "His work has …". A capital
# after "His"/"Her" is a title ("His Majesty the King").
_THIRD_PERSON = re.compile(r"(?:He|She|(?P<own>His|Her)(?=\s+[a-z]))\s+(?P<rest>[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){0,4})")
_BEFORE_VERB = frozenset("also now still already".split())


def narration_shaped(sent: str, quoted: list[tuple[int, int]] = ()) -> str | None:
    """Why ``sent`` is in the narrator's voice whoever spoke before it ("past", "schedule",
    "source", "turn", "parenthesis", "separator", "about"), or None. Words inside quotations are not read."""
    past_forms, present_forms, openers, schedule = _patterns()
    stripped = sent.lstrip()
    if stripped.startswith(("(", "[")):
        return "parenthesis"
    if not any(c.isalpha() for c in stripped):
        return "separator"  # a live blog's "___", a row of stars: no words of anyone's
    words = [(m.start(), m.group()) for m in WORD_POS.finditer(sent) if not in_spans(quoted, m.start())] if quoted \
        else [(m.start(), m.group()) for m in WORD_POS.finditer(sent)]
    if words and words[0][1] in openers:
        return "turn"
    m = schedule.search(sent)
    if m and not in_spans(quoted, m.start()):
        return "schedule"
    m = _ACCORDING.search(sent)
    if m and not in_spans(quoted, m.start()):
        return "source"  # it names its own source, a text or someone unnamed: "according to the Charter"
    past = present = False
    relative = False  # inside a relative clause ("those who fought"), up to the next comma
    for at, w in words:
        w = w.rstrip(".") or w
        low = w.lower()
        if low in present_forms or _CONTRACTED.search(low):
            present = True
            break
        if low in _RELATIVES:
            relative = True
        elif w in ",;:":
            relative = False
        elif not relative and (low in past_forms or _REGULAR_PAST.fullmatch(w)):
            past = True
    if past and not present and not _REPORTED_PASSIVE.search(sent):
        return "past"
    if _about_someone(stripped, words, present_forms, past_forms):
        return "about"
    return None


def _about_someone(sent: str, words: list[tuple[int, str]], present_forms: frozenset[str],
                   past_forms: frozenset[str]) -> bool:
    """Whether ``sent`` tells of someone in the third person as they are or will be: "He has
    surrounded himself …", "His work has focused on …" (the module docstring)."""
    m = _THIRD_PERSON.match(sent)
    if m is None:
        return False
    rest = m.group("rest").split()
    if m.group("own") is not None:  # "His work has …", "His new company would …", "Her family owns …"
        verb = next((w for w in rest[1:4] if w in present_forms), rest[1] if len(rest) > 1 else "")
    else:
        verb = next((w for w in rest if w not in _BEFORE_VERB and not w.endswith("ly")), "")
    if verb not in present_forms and not (verb.endswith("s") and not verb.endswith("ss") and verb not in past_forms):
        return False
    if any(w in _view_verbs() for w in rest[:4]):
        return False  # "He does not see it as …", "She puts it down to …": the person's view
    return not any(_first_person(w) for _, w in words)


#: An article is told in the third person when at most this share of its sentences has a word
#: of the first person outside quotation marks.
FIRST_PERSON_SHARE = 0.2


def told_in_third_person(text: str, sents: list[Sentence], quoted: Callable[[int, int], list[tuple[int, int]]]) -> bool:
    """Whether the article tells in the third person what others say: few of its sentences have
    a word of the first person ("we", "my") outside the quotations ``quoted(start, end)`` gives.
    A report of news does; a speech or a statement speaks for itself ("We welcome …")."""
    limit = FIRST_PERSON_SHARE * len(sents)
    found = 0
    for s in sents:
        spans = quoted(s.start, s.end)
        if any(_first_person(m.group()) and not in_spans(spans, m.start())
               for m in WORD_POS.finditer(text[s.start:s.end])):
            found += 1
            if found > limit:
                return False
    return True


@cache
def _view_verbs() -> frozenset[str]:
    verbs = lexicon.words("view_verbs")
    return verbs | {v + "s" for v in verbs}


def _first_person(word: str) -> bool:
    """Whether a word of the sentence is one of the first person ("we", "My"; not "US")."""
    return word.lower() in _first_person_words() and word != "US"


@cache
def _first_person_words() -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.rows("first_person"))


def opening_actor(sent: str) -> tuple[str, str] | None:
    """The actor a sentence opens with, when it names one outright: ("country", name) for a
    country or its capital, ("organization", name) for an organisation the gazetteer knows, or
    ("name", words) for other capitalised words (a person, read against the cast by the caller)."""
    subject = opening_subject(sent, len(sent))
    if not subject:
        return None
    words = [w for w in subject.split() if w.lower() not in ("the", "of", "and")]
    if not words:
        return None
    phrase = " ".join(words)
    country = gazetteer.country_of(phrase) or (gazetteer.capital_country(phrase) if len(words) == 1 else None)
    if country:
        return "country", country
    found = gazetteer.find_entities(phrase)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase) and \
            found[0].kind in ("organization", "alliance", "grouping", "agency"):
        return "organization", found[0].name
    return "name", phrase


# -- the main frame of a sentence ------------------------------------------------------------

_CLAUSE_OPENERS = lexicon.words("clause_openers")
# Words that open a subordinate clause: a cue inside one is not the sentence's main frame
# ("So when Patriot signaled …, Barrett said, …"). Not "as": "As Lee said, …" attributes.
_SUBORDINATORS = frozenset("when whenever while whilst if because although though after before since unless "
                           "whereas until once".split())
# Those that are no adverb as well ("has once again", "said before" are main clauses).
_NEAR_SUBORDINATORS = _SUBORDINATORS - {"once", "before", "after", "since"}
_CLAUSE_BOUNDARY = re.compile(r"[,;:—(\"“”]|--")
_ANY_SUBORDINATOR = re.compile(r"\b(?i:" + "|".join(sorted(_SUBORDINATORS | {"as"})) + r")\b")


def _subordinate(sent: str, at: int, cue_end: int) -> bool:
    """Whether the cue at ``at`` stands in a subordinate clause: a subordinator opens the stretch
    after the last comma (or other clause boundary) before it, or stands among the four words
    before it ("… the people of Ukraine as they defend …"). "As" only when the clause goes on
    after the cue: "As Lee said, …" attributes."""
    window = max(0, at - 200)
    if not _ANY_SUBORDINATOR.search(sent, window, at):
        return False  # (most cues: none of the words looked at below can be one)
    start = None if window else 0
    for b in _CLAUSE_BOUNDARY.finditer(sent, window, at):
        start = b.end()
    opening = [w.group().lower() for _, w in zip(range(3), WORD_POS.finditer(sent, start, at))] \
        if start is not None else []
    near = [w.lower() for w in WORD_POS.findall(sent, max(0, at - 60), at)[-4:]]
    if any(w in _SUBORDINATORS for w in opening) or any(w in _NEAR_SUBORDINATORS for w in near):
        return True
    return "as" in opening + near and not _CLAUSE_END.match(sent, cue_end)


def _wished(sent: str, at: int) -> bool:
    """Whether the cue at ``at`` stands in a that-clause of hope or belief, whose subject does not
    speak: "We hope that Russia and China will support the resolution"."""
    start = max(0, at - 160)
    return sent.find("that", start, at) >= 0 and _WISH_THAT.search(sent, start, at) is not None


# (the words in any case, "that" in lower case: the test above looks for it)
_WISH_THAT = re.compile(r"\b(?i:" + "|".join(sorted(lexicon.words("expectation_words"))) + r")\s+that\s+[^,;:.!?]*$")
_CLAUSE_END = re.compile(r"[\w\s]{0,24}?[,;:—]")


def choose(frames: list[Frame], sent: str) -> Frame | None:
    frames = [f for f in frames if not _wished(sent, f.at)]
    if not frames:
        return None
    for f in frames:
        if f.trailing:
            return f
    # (the clause test is the costly one: it is only made for frames whose answer turns on it)
    first_word = FIRST_WORD.match(sent)
    opener = first_word.group(1).lower() if first_word else ""
    if opener in OPENING_PARTICIPLES or opener in _CLAUSE_OPENERS:
        for f in frames:
            if f.after_comma and not _subordinate(sent, f.at, f.at + len(f.cue)):
                return f
    for f in frames:
        if not _subordinate(sent, f.at, f.at + len(f.cue)):
            return f
    # every frame in a subordinate clause ("… as China and Russia support the government"):
    # the first that names its subject; a pronoun there means someone the main clause names
    # ("… the people of Ukraine as they defend …")
    return next((f for f in frames if f.ref.via != PRONOUN), None)


def _first_singular_forms() -> str:
    """The words of the first person singular of ``first_person.tsv`` that are no everyday noun, as
    written and capitalised ("my", "My", "me", "myself"; not "mine"), as one alternation."""
    forms = sorted({form for row in lexicon.rows("first_person")
                    if row["number"] == "singular" and row["word"] != "i" and "noun" not in row["flags"].split()
                    for form in (row["word"], row["word"].capitalize())}, key=lambda w: (-len(w), w))
    return "|".join(forms)


_SINGULAR_FORMS = _first_singular_forms()
# "I" before a word in lower case (not "World War I veterans", "Phase I"), or a singular word.
_FIRST_SINGULAR = re.compile(r"(\S*)\s+I(?= [a-z])|^I(?= [a-z])|\b(?:" + _SINGULAR_FORMS + r")\b")
# The last alternative of _FIRST_SINGULAR alone, and the words it finds (each a whole run of word characters).
_FIRST_SINGULAR_OBJECT = re.compile(r"\b(?:" + _SINGULAR_FORMS + r")\b")
_FIRST_SINGULAR_WORDS = frozenset(w.encode() for w in _SINGULAR_FORMS.split("|"))


def speaks_as_i(sent: str) -> bool:
    """Whether ``sent`` has a word of the first person singular, someone speaking of themselves;
    an "I" after a capitalised word within the sentence numbers it ("War I"), unless a comma
    ends that word ("Finally, I")."""
    if "I " not in sent:  # no "I" before a word: only a singular word ("my", "me", …) can be found, and any is one
        words = ascii_words(sent)
        return _FIRST_SINGULAR_OBJECT.search(sent) is not None if words is None \
            else not _FIRST_SINGULAR_WORDS.isdisjoint(words)
    return any(not (m.group(1) or "")[:1].isupper() or m.start(1) == 0 or m.group(1)[-1] in ",;:"
               for m in _FIRST_SINGULAR.finditer(sent))
