"""Transcript turns: a label that opens a paragraph ("PRESIDENT XI:", "Q:") names who speaks
until the next label.
"""
from __future__ import annotations

import re

from .. import gazetteer, lexicon
from .cast import PERSON, TURN, Cast, Ref, Scene
from .subjects import resolve
from .names import NON_NAME_WORDS, ROLE_WORDS, STOP_CAPS, TITLE_WORDS, TITLES, clean


TURN_LABEL = re.compile(
    r"(?P<label>(?:[A-Z][A-Z.’'\-]*(?:\s+[A-Z][A-Z.’'\-]*){0,5})"
    r"|(?:[A-Z][\w.’'\-]*(?:\s+(?:of|the|de|al|bin|van|von|[A-Z][\w.’'\-]*)){0,9}))"
    r"(?:\s*\((?P<note>[^()]{1,40})\))?\s*:\s+"
)
QUESTION_LABEL = re.compile(r"Q(?::\s+|\s{2,}|\s+(?=[A-Z]))")
# Words before a colon that name no speaker ("Source:", "Read more:").
NOT_LABELS = lexicon.words("not_turn_labels")
# A label's turn does not open with a quotation mark.
_OPENING_QUOTES = "\"“‘'"
# Labels of whoever asks ("Q:", "Moderator:").
QUESTIONER_LABELS = lexicon.words("questioner_labels")


# -- turns ------------------------------------------------------------------------------------

def find_label(text: str, start: int, end: int, cast: Cast, *,
               in_transcript: bool = False) -> tuple[Ref | str, int] | None:
    """A transcript turn's label at the start of a paragraph ('PRESIDENT XI:', 'President of Russia
    Vladimir Putin:', 'Q:'), and where it ends.

    The speaker when the label names no one in particular (a questioner), else the
    label as a name, for :func:`label_speaker`. Once turns have begun
    (``in_transcript``), one capitalised word is a label too: a questioner's outlet
    ("Bloomberg:") between a spokesperson's answers, unless the text also writes it
    in lower case ("Bridges:", "Labor:" are headings).
    """
    q = QUESTION_LABEL.match(text, start, end)
    if q:
        return Ref("Questioner", PERSON, TURN, []), q.end()
    stop = min(end, start + 160)
    if text.find(":", start, stop) < 0:
        return None  # every label ends in a colon: most paragraphs need no pattern at all
    m = TURN_LABEL.match(text, start, stop)
    if not m or m.end() >= end or text[m.end()] in _OPENING_QUOTES:
        return None  # (a headline before a quotation: "Ana Ruiz Grills Bank CEO: ‘Resign’")
    label = clean(m.group("label"))
    if " " not in label and len(re.findall(r"[A-Z]", label)) >= 3:
        # labels glued together by a scraper: "PresidentofPalestineMahmoudAbbas"
        label = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", label)
        label = re.sub(r"\b([A-Z][a-z]+?)(of|the)(?= )", r"\1 \2", label)
    low = label.lower()
    if low in NOT_LABELS or low.split()[0] in NOT_LABELS:
        return None
    if low in QUESTIONER_LABELS:
        return Ref("Questioner" if low.startswith("q") or low in ("audience member", "remark") else label.title(),
                   PERSON, TURN, []), m.end()
    words = label.split()
    if label.isupper():
        if len(words) > 6:
            return None
        pretty = " ".join(w if w in ("U.S.", "U.N.") else w.capitalize() for w in words)
    else:
        has_title = bool(re.search(rf"\b(?:{TITLES})\b", label))
        if not has_title and not (2 <= len(words) <= 4 and all(w[0].isupper() for w in words)) \
                and not (in_transcript and len(words) == 1 and words[0][0].isupper() and not words[0].endswith("ly")
                         and words[0] not in STOP_CAPS and not cast.common_words(words)):
            return None
        pretty = label
    return pretty, m.end()


def label_speaker(scene: Scene, pretty: str) -> Ref | None:
    """Who a label names ("President Kwame Mensah", "Senior Administration Official")."""
    ref = resolve(scene, pretty)
    if ref is None or ref.kind != PERSON or ref.mention != pretty and len(ref.mention.split()) == 1 \
            and not scene.find_person([ref.mention]):
        # The name is what follows the last title, institution or place word:
        # "President of China Media Group Shen Haixiong", "Jewish Congress Ronald Lauder".
        words = pretty.split()
        cut = max((i for i, w in enumerate(words)
                   if w.rstrip(".").lower() in TITLE_WORDS or w.lower() in ROLE_WORDS or w in NON_NAME_WORDS
                   or w.lower() in ("of", "the", "and") or gazetteer.is_country_word(w)), default=-1)
        name = words[cut + 1:]
        if pretty.lower().startswith("the ") and not name:
            return None
        if not name or len(name) > 4:
            # a role rather than a name ("SENIOR ADMINISTRATION OFFICIAL"): the label is the speaker
            return Ref(pretty, PERSON, TURN, [pretty])
        found = scene.find_person(name)
        person = found or scene.add_person(" ".join(name))
        ref = scene.person_ref(person, TURN)
    return Ref(ref.name, ref.kind, TURN, ref.members)
