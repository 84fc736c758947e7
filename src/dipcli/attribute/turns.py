"""Transcript turns: a label that opens a paragraph ("PRESIDENT XI:", "Q:") names who speaks
until the next label.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import gazetteer, lexicon
from ..model import Paragraph
from ..segment import content_start
from .cast import EXPLICIT, GROUP, PERSON, TITLE, TURN, Cast, Ref, Scene
from .frames import ADJECTIVAL_CUE, Frame, find_frames
from .scope import choose
from .subjects import name_shape, resolve
from .people import PERSON_NOUNS
from .names import HONORIFICS, NAME_PARTICLES, NON_NAME_WORDS, ROLE_WORDS, STOP_CAPS, TITLE_WORD, TITLE_WORDS, TITLES, clean


TURN_LABEL = re.compile(
    r"(?P<label>(?:[A-Z][A-Z.’'\-]*(?:\s+[A-Z][A-Z.’'\-]*){0,5})"
    r"|(?:[A-Z][\w.’'\-]*(?:\s+(?:of|the|de|al|bin|van|von|[A-Z][\w.’'\-]*)){0,9}))"
    # a role or outlet after the name: "BECKY ANDERSON, CNN HOST:", "Ravi Das, Official Spokesperson:",
    # "ANA RUIZ, Former U.S. Ambassador to NATO:", "TOM HALE (RET.), CNN MILITARY ANALYST:",
    # "SEN. ANA RUIZ (D), OREGON:"
    r"(?:(?P<tag>\s+\([A-Z][\w.\-]{0,9}\))?,\s+(?P<role>[A-Z][\w.’'\-]*(?:\s+(?:of|the|for|to|at|and|[A-Z][\w.’'\-]*)){0,8}))?"
    # a note or two in brackets: "Mr. Ruiz (Peru) (spoke in Spanish):"
    # (a note's colon may touch the words said in scraped pages: "Ana Ruiz (retranslated):President …")
    r"(?:\s*\((?P<note>[^()]{1,40})\))?(?:\s*\([^()]{1,40}\))?\s*:(?:\s+|(?<=\):)(?=[A-Z]))"
)
# "Q: …", "Q    …" (a transcript's wide gap, one space once a loader has collapsed it) before a
# capital, a note in brackets or a dash or dots that take up an interrupted question ("Q — the weekend.")
QUESTION_LABEL = re.compile(r"Q(?::\s+|\s{2,}|\s+(?=[A-Z(—–…]|-|\.\.\.))")
# A broadcast transcript's tag glued to what the speaker says: "Lee Jae Myung / PresidentThat's …",
# "Ana Ruiz / Foreign Minister We will …": the name, then title words up to the words said.
SLASH_LABEL = re.compile(r"(?P<name>[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,4})[ \t]*/[ \t]*(?P<rest>[A-Z])")
# Salutations ("Mr. President:", "Excellencies,") and list or heading labels ("**5. Bolster
# Global Alliances:**", "- **One People**: …") name no speaker.
SALUTATION_WORDS = lexicon.words("salutation_words")
_NUMBERED = re.compile(r"(?:\*\*|__)?\s*(?:\d+|[IVXLC]+|[A-Za-z])[.)]\s")
# What follows a heading's colon: a subtitle in title case, not a sentence ("Youth Empowerment:
# Investing in the Future").
_TITLE_CASE_LINE = re.compile(r"(?:(?:[A-Z][\w’'\-]*|of|the|and|in|for|to|on|a|an|with|by|at)[ \t,:–—-]*)+")
# A quotation mark that opens a paragraph of a transcript quoted as a whole (each paragraph opens
# with one, as English quotes several paragraphs).
_OPENING_QUOTES = frozenset('"“‘«„')
def _quoted_turn(text: str, start: int, end: int) -> bool:
    """Whether a quoted paragraph opens like a turn: a label of up to three words, a colon and
    words in lower case ('"WALLACE: Let's start …'), not a motto in capitals ('"LEAVING NO ONE
    BEHIND: ACTING TOGETHER …')."""
    colon = text.find(":", start, min(end, start + 40))
    return colon > start and len(text[start:colon].split()) <= 3 \
        and any(c.islower() for c in text[colon:min(end, colon + 80)])


# A title anywhere in a label ("Foreign Minister Wang Yi", "President of Russia Vladimir Putin").
_TITLE_IN = re.compile(rf"\b(?:{TITLES})\b")
# Words before a colon that name no speaker ("Source:", "Read more:").
NOT_LABELS = lexicon.words("not_turn_labels")
# A label's turn does not open with a quotation mark.
_OPENING_QUOTES = "\"“‘'"
# Labels of whoever asks ("Q:", "Moderator:").
QUESTIONER_LABELS = lexicon.words("questioner_labels")
QUESTIONER = "Questioner"  # the speaker of "Q:", "Question:" and the like
# Labels of whoever answers ("Answer:", and "A:" once turns have begun): the briefing's speaker.
ANSWER_LABELS = frozenset(("answer", "response"))
ANSWERER = Ref("Answerer", PERSON, TURN, [])


# -- turns ------------------------------------------------------------------------------------

def find_label(text: str, start: int, end: int, cast: Cast, *,
               in_transcript: bool = False, bullet: bool = False) -> tuple[Ref | str, int] | None:
    """A transcript turn's label at the start of a paragraph ('PRESIDENT XI:', 'President of Russia
    Vladimir Putin:', 'Q:'), and where it ends.

    The speaker when the label names no one in particular (a questioner), else the
    label as a name, for :func:`label_speaker`. Once turns have begun
    (``in_transcript``), one capitalised word is a label too: a questioner's outlet
    ("Bloomberg:") between a spokesperson's answers, unless the text also writes it
    in lower case ("Bridges:", "Labor:" are headings).
    """
    if start + 1 < end and text[start] in _OPENING_QUOTES and text[start + 1].isupper() \
            and _quoted_turn(text, start + 1, end):
        start += 1  # a transcript quoted paragraph by paragraph: '"PENCE: Well, look, …'
    q = QUESTION_LABEL.match(text, start, end)
    if q:
        return Ref(QUESTIONER, PERSON, TURN, []), q.end()
    stop = min(end, start + 160)
    if text.find("/", start, stop) >= 0:
        slash = _slash_label(text, start, stop, in_transcript)
        if slash is not None:
            return slash
    if text.find(":", start, stop) < 0:
        return None  # every other label ends in a colon: most paragraphs need no pattern at all
    if bullet or text.startswith(("**", "__"), start) or _NUMBERED.match(text, start, stop):
        return None  # "- One People: …", "**5. Bolster Global Alliances:**": a list item or a heading
    m = TURN_LABEL.match(text, start, stop)
    if not m or m.end() >= end or text[m.end()] in _OPENING_QUOTES:
        return None  # (a headline before a quotation: "Ana Ruiz Grills Bank CEO: ‘Resign’")
    label = clean(m.group("label"))
    role = m.group("role")
    if role and _role_then_name(label, role):
        label, role = clean(role), None  # "Official Spokesperson, Shri Arun Mehta:": the name after its role
    if role and not (m.group("tag") or _names_a_role(label, role)):  # (after a tag, a place: "(R), OHIO")
        return None  # "WELCOME, IAN:", "Madam President, Excellencies:": no name and role
    if _salutation(label) or _heading(text, m.end(), end, label, cast) or _shouted_heading(text, m.end(), end):
        return None
    if " " not in label and len(re.findall(r"[A-Z]", label)) >= 3:
        # labels glued together by a scraper: "PresidentofPalestineMahmoudAbbas"
        label = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", label)
        label = re.sub(r"\b([A-Z][a-z]+?)(of|the)(?= )", r"\1 \2", label)
    low = label.lower()
    if re.search(r"[a-z][A-Z]", label) and re.split(r"(?<=[a-z])(?=[A-Z])", label)[-1].lower() in NOT_LABELS:
        return None  # a byline glued to its date: "Staff CorrespondentPublished: 09 Sep 2026"
    if (low in NOT_LABELS or low.split()[0] in NOT_LABELS) and not _presiding(label):
        return None
    if low in QUESTIONER_LABELS:
        return Ref(QUESTIONER if low.startswith("q") or low in ("audience member", "remark") else label.title(),
                   PERSON, TURN, []), m.end()
    if low in ANSWER_LABELS or (low == "a" and in_transcript):
        return ANSWERER, m.end()  # "Answer: …": whoever answers the questions (attribute() knows whom)
    words = label.split()
    if label.isupper():
        if len(words) > 6:
            return None
        pretty = _in_own_case(label)
        if not in_transcript and not role and _dateline(text, pretty):
            return None  # "ISLAMABAD: Pakistan and Iran on Tuesday agreed …": where the story was filed
    else:
        has_title = bool(_TITLE_IN.search(label))
        known = len(words) == 1 and cast.known_name(words[0])  # "Pence: …" after "Governor Mike Pence"
        if not has_title and not known and not (2 <= len(words) <= 4 and all(w[0].isupper() for w in words)) \
                and not (in_transcript and len(words) == 1 and words[0][0].isupper() and not words[0].endswith("ly")
                         and words[0] not in STOP_CAPS and not cast.common_words(words)):
            return None
        pretty = label
    return pretty, m.end()


_OUTLET_KINDS = frozenset(("organization", "agency", "alliance", "grouping"))


def _dateline(text: str, place: str) -> bool:
    """Whether a label in capitals before the first turn is a place, a news story's dateline
    ("ISLAMABAD: …", "KARACHI: …", :func:`.gazetteer.filed_at`)."""
    if len(place.split()) > 3 or _TITLE_IN.search(place) or any(w.lower() in _ROLEISH for w in place.split()):
        return False  # "PRESIDENT LEE:", a transcript's first turn
    return gazetteer.filed_at(place, text)


@lru_cache(maxsize=4096)
def _in_own_case(label: str) -> str:
    """A label written in capitals as its speaker is written: an organisation as it writes itself,
    a name word by word ("MS. JEAN-PIERRE" -> "Ms. Jean-Pierre"). A transcript repeats its few
    labels hundreds of times: each is worked out once."""
    return _outlet(label) or " ".join(w if w in ("U.S.", "U.N.") else _name_case(w, i)
                                      for i, w in enumerate(label.split()))


def _outlet(label: str) -> str | None:
    """A label in capitals that is one organisation, as the organisation writes itself: an
    abbreviation as written ("AFP:", "TASS:", "CNN:"), a name in its own case ("REUTERS:" ->
    "Reuters"), never "Afp"."""
    found = gazetteer.find_entities(label)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(label) or found[0].kind not in _OUTLET_KINDS:
        return None
    name = found[0].name
    return name if name.upper() == label else label


def _name_case(word: str, i: int) -> str:
    """A word of a label written in capitals, in a name's own case: "JEAN-PIERRE" -> "Jean-Pierre",
    "O'BRIEN" -> "O'Brien", "VON" inside a name -> "von" (but "AL" -> "Al")."""
    low = word.lower()
    if i > 0 and low in NAME_PARTICLES and low not in ("al", "el"):
        return low  # "von der Leyen", "bin Zayed"; "Al Thani" keeps its capital, as English writes it
    return re.sub(r"[^\W\d_]+", lambda p: p.group().capitalize(), low)


def _presiding(label: str) -> bool:
    """Whether a label is "The" and an office alone: a meeting record's presiding officer, whom it
    does not name ("The President:", "The Acting Chair:"; not "The Plan:", a heading)."""
    words = label.split()
    return len(words) > 1 and words[0].lower() == "the" and not gazetteer.is_country_word(words[-1]) \
        and all(w.rstrip(".").lower() in TITLE_WORDS or w.lower() in ROLE_WORDS for w in words[1:])


def _salutation(label: str) -> bool:
    """Whether a label only greets: "Mr. President", "Excellencies", "Distinguished Ladies and Gentlemen"."""
    words = [w.strip(".,").lower() for w in label.split()]
    if words[0] == "the":
        return False  # "The President:" speaks (a meeting record's presiding officer); "Mr. President:" is spoken to
    return all(w in SALUTATION_WORDS or w in TITLE_WORDS or w in ROLE_WORDS for w in words)


def _heading(text: str, after: int, end: int, label: str, cast: Cast) -> bool:
    """Whether a label is a heading: words the text also writes in lower case ("Sustainable
    Development:"), or a subtitle in title case after it ("Youth Empowerment: Investing in the Future")."""
    if label.isupper() or _TITLE_IN.search(label):
        return False
    words = [w for w in label.split() if w.lower() not in ("and", "of", "the", "for", "in", "on")]
    if len(words) >= 2 and cast.common_words(words):
        return True
    rest = text[after:end].strip()
    return len(rest.split()) >= 2 and rest[-1] not in ".!?:;,\"”’)" and _TITLE_CASE_LINE.fullmatch(rest) is not None


def _names_a_role(label: str, role: str) -> bool:
    """Whether "NAME, ROLE:" names someone and what they are: the role holds a title, role or
    person noun ("CNN HOST", "Official Spokesperson"), or is an outlet written in capitals after
    a name of two words or more ("Sidhant Sibal, WION:", a questioner and their outlet)."""
    if any(w.lower().strip(".") in _ROLEISH for w in role.split()):
        return not _salutation(label)  # "CARLA RUIZ, Former Ambassador to NATO:" too
    if label.isupper() and not role.isupper():
        return False  # a name in capitals with a role in lower case is no transcript's
    return role.isupper() and len(role.split()) <= 2 and not label.isupper() and 2 <= len(label.split()) <= 4


_GLUE = frozenset(("of", "the", "and"))
_BEFORE_NAMES = frozenset(("mr", "mrs", "ms"))


def _role_then_name(label: str, role: str) -> bool:
    """Whether "ROLE, NAME:" gives the role first: the label is role words only, a portfolio after
    "of" aside ("Official Spokesperson", "Minister of External Affairs"); what follows the comma is
    a name: after an honorific one to four capitalised words, else two to four, none of them a
    role's; and neither greets."""
    words = role.split()
    if any(w.strip(".").lower() in SALUTATION_WORDS - _GLUE for w in label.split()) \
            or any(w.strip(".").lower() in SALUTATION_WORDS - _GLUE - _BEFORE_NAMES for w in words):
        return False  # "Mr. President, Dear Joe:" greets
    role_words = label.split()
    if "of" in role_words:  # "Minister of External Affairs": the portfolio after "of"
        role_words = role_words[:role_words.index("of")]
    if words and (words[0].strip(".").lower() in _BEFORE_NAMES | {"dr"} or words[0].lower() in HONORIFICS):
        words = words[1:]  # "Mr. Ravi Das", "Dr. S. Jaishankar"
    honorific = len(words) < len(role.split())
    return bool(role_words) and all(w.lower().strip(".") in _ROLEISH or w in ("the", "for") for w in role_words) \
        and (2 if not honorific else 1) <= len(words) <= 4 \
        and all(w[0].isupper() and w.lower().strip(".") not in _ROLEISH for w in words)


def _shouted_heading(text: str, after: int, end: int) -> bool:
    """Whether what follows a label's colon is a heading in capitals ("CNN INTERNATIONAL: CONNECT
    THE WORLD"): two words or more, no letter in lower case, no end of a sentence ("MR. KIRBY: I —"
    is a turn broken off)."""
    rest = text[after:end].strip()
    if not rest or rest[-1] in ".!?—-–" or any(c.islower() for c in rest):  # (most stop at once)
        return False
    return sum(1 for w in rest.split() if sum(c.isalpha() for c in w) >= 2) >= 2


# Where a scraper glued a label's last word to the first word said: "leaderThe", "YTNThe".
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z][A-Z])(?=[A-Z][a-z])")


def _slash_label(text: str, start: int, stop: int, in_transcript: bool = False) -> tuple[str, int] | None:
    """ "Lee Jae Myung / PresidentThat's so bad.": the name as the label, and where the words said
    begin, after the title words (the last may be glued to the first word said). Once turns have
    begun, a title the word lists do not hold too, up to where it is glued to the words said."""
    m = SLASH_LABEL.match(text, start, stop)
    if m is None:
        return None
    at = m.start("rest")
    title_words = 0
    for w in re.finditer(r"[A-Za-z][\w’'\-]*", text[at:stop]):
        word = w.group()
        glued = re.match(r"([A-Z]?[a-z]+)(?=[A-Z])", word)
        if word.lower() in TITLE_WORDS or word.lower() in ROLE_WORDS or word.lower() in ("of", "the"):
            title_words += 1
            continue
        if glued and (glued.group(1).lower() in TITLE_WORDS or glued.group(1).lower() in ROLE_WORDS):
            return clean(m.group("name")), at + w.start() + glued.end()
        break
    if title_words == 0 and in_transcript and text[m.start("rest") - 2:m.start("rest")].strip(" \t") == "/" \
            and text[m.end("name")].isspace():
        # a title the word lists do not hold, glued to the words said: "Ana Ruiz / Opposition floor
        # leaderThe president talks …", "Reporter Tom Hale / YTNThe president plans …" (a photo's
        # credit is written without spaces, "REUTERS/Ana RuizProtesters …", or opens the article,
        # "Tom Hale-USA TODAY Sports / ReutersProtesters …")
        glue = _GLUED.search(text, at, min(stop, at + 60))
        if glue is not None and not re.search(r"[.,;:!?\"“”]", text[at:glue.start()]):
            return clean(m.group("name")), glue.start()
    if title_words == 0:
        return None
    # "Ana Ruiz / Foreign Minister We will …": the words said begin after the last title word
    words = list(re.finditer(r"\S+", text[at:stop]))
    said = at + words[title_words].start() if title_words < len(words) else stop
    return clean(m.group("name")), said


# A title that names who answers the questions: an interview's guest ("…: an interview with Foreign
# Minister Lena Varga", "Interview: Ana Ruiz", "Q&A with the Mayor of Lima"), a press conference's or
# briefing's holder ("Press Conference by Foreign Minister X", "Spokesperson X's Regular Press
# Conference"); not "Telephone conversation with …", a call.
_EVENT = r"(?:interview|q&a|press\s+conference|news\s+conference|(?:press|media)\s+briefing|briefing)"
_WHO = r"(?P<who>[A-Z][^:;,|()\u2013\u2014]{2,80}?)"
_ANSWERER_TITLE = re.compile(rf"(?:\b(?i:{_EVENT})\s+(?:with|by|of)\s+|^(?i:interview|q&a)\s*:\s*){_WHO}"
                             r"\s*(?:[:;,|()\u2013\u2014]|\s-\s|\s(?i:on|in|at)\s|$)")
_ANSWERER_OWNS = re.compile(rf"^{_WHO}['’]s\s+(?:[A-Z][a-z]+\s+){{0,2}}(?i:{_EVENT})\b")


def answerer(scene: Scene, title: str | None) -> Ref | None:
    """The one person a title names as answering the questions: who answers unnamed "A:" turns."""
    m = _ANSWERER_TITLE.search(title or "") or _ANSWERER_OWNS.match(title or "")
    if m is None or re.search(r"\band\b|&", m.group("who")):
        return None  # "Press conference of Presidents Xi and Putin": two who answer
    ref = label_speaker(scene, m.group("who").strip())
    return ref if ref is not None and ref.kind == PERSON else None


def label_speaker(scene: Scene, pretty: str) -> Ref | None:
    """Who a label names ("President Kwame Mensah", "Senior Administration Official")."""
    words = set(pretty.split())
    known = [p for p in scene.people if p.tokens <= words]
    if known and len(words) > 4 and not _TITLE_IN.search(pretty):
        # a headline "Elizabeth Warren Hammers Wells Fargo CEO: …": the person the article knows,
        # not the words of the headline around their name
        person = max(known, key=lambda p: len(p.tokens))
        return Ref(person.name, PERSON, TURN, [person.name])
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
            return Ref(pretty, PERSON, TURN, [pretty]) if _presiding(pretty) else None
        if not name or len(name) > 4:
            # a role rather than a name ("SENIOR ADMINISTRATION OFFICIAL"): the label is the speaker
            return Ref(pretty, PERSON, TURN, [pretty])
        found = scene.find_person(name)
        person = found or scene.add_person(" ".join(name))
        ref = scene.person_ref(person, TURN)
    return Ref(ref.name, ref.kind, TURN, ref.members)


# -- statements relayed inside a turn ---------------------------------------------------------

def relayed_frame(sent: str, scene: Scene, turn: Ref, *, in_doc: bool,
                  quoted: list[tuple[int, int]] = (), asking: bool = False) -> Frame | None:
    """Inside a transcript turn, a statement the turn's speaker relays from someone the sentence
    names ("Foreign Minister Zhao Ming noted that …", "The President has made clear …", a
    questioner's "The Japanese prime minister said yesterday that …") is that person's: Only a person named or titled as the subject that opens the sentence, or after the
    words relayed ("…, the minister said."), takes it: not a pronoun ("I said", "we believe", "he
    told me" stay the turn's), not a question ("Did the President say …?"), not a clause inside the
    speaker's own ("I've heard what the Prime Minister said", "as Ana said moments ago"), not a
    prediction ("the President will warn …"), not the turn's speaker among the subjects ("President
    Lee and I agreed …"), not a passive ("X was invited …"), not a name spoken to ("Well, Chancellor,
    welcome back."); a name only when the article gave it a title or a country."""
    if sent.rstrip().endswith("?"):
        return None
    if not _names_someone(sent) or \
            _PRONOUN_OPENER.match(sent, _RELAY_LEAD.match(sent).end()) and not _SETS_OFF.search(sent):
        return None  # "I think we said …": the turn's speaker's own sentence (and no frames read)
    frames = find_frames(sent, scene, in_doc=in_doc, quoted=quoted)
    frame = choose(frames, sent) if frames else None
    if frame is None:
        return None
    ref = frame.ref
    if ref.via not in (EXPLICIT, TITLE) or ref.name == turn.name or ref.name in turn.members or not ref.mention:
        return None
    # an organisation, a country's side or an office no one the article names holds relays what it
    # said at a time ("The State Department said yesterday …", "The Lebanese prime minister said");
    # not what it holds or has always said ("China firmly opposes …" in its spokesperson's turn)
    office = ref.kind == GROUP or ref.via == TITLE and not any(p.name == ref.name for p in scene.people)
    if office and not _told_at_a_time(frame.cue) or ref.kind not in (PERSON, GROUP):
        return None
    at = sent.find(ref.mention)
    if at < 0:
        return None
    if frame.trailing:
        if at < frame.at:
            return None
    elif not _RELAY_LEAD.fullmatch(sent, 0, at) or _RELAY_MODAL.search(sent, at + len(ref.mention), frame.at) \
            or _FIRST_PERSON.search(sent, at, frame.at) or _VOCATIVE.fullmatch(sent, at + len(ref.mention), frame.at):
        return None  # "President Lee and I agreed …" is the turn's speaker's too
    if ref.via == TITLE and not office and (_other_country(sent, scene, ref) or not _one_holder(scene, ref)):
        return None
    if ref.via == EXPLICIT and ref.kind == PERSON and not (name_shape(ref.mention)[0] or _known_person(scene, ref)):
        return None  # "Power Machines plans to …": capitalised words the article never gave a title or country
    if _RELAY_PASSIVE.search(sent, 0, frame.at) and not ADJECTIVAL_CUE.match(sent, frame.at):
        return None  # "X was not invited to …"
    if office and (_RELAY_PERFECT.search(sent, 0, frame.at) or _NOT_A_NAME.search(ref.mention)
                   or ref.via == EXPLICIT and ref.mention.startswith(("A ", "An ")) or ref.kind == GROUP and (
            not frame.trailing and "," in sent[at:frame.at]
            or not asking and ref.via == EXPLICIT and gazetteer.country_of(ref.name)
            and not sent.startswith(("'s ", "’s "), at + len(ref.mention)))):  # ("Ukraine's foreign ministry said")
        return None  # nor "The Initiative, as noted at its launch, …"; "Peru" only in a question ("the Peruvian side" too);
        # nor a phrase no name opens or a possessor ("As the DOJ filing said", "A CBO report found", "CEA’s analysis")
    return frame


def _told_at_a_time(cue: str | None) -> bool:
    """Whether a cue is in the past tense ("said", "called", "announced"): a statement made once."""
    word = cue.split()[0].lower() if cue else ""
    return word.endswith("ed") or word in PAST_FORMS


def _names_someone(sent: str) -> bool:
    """Whether a sentence names anyone a relay could be from: a capitalised word that is not a
    sentence's stop word ("We", "It", "I"), or a title or role ("the minister", "the senator")."""
    for m in _WORD.finditer(sent):
        word = m.group()
        if word[0].isupper():
            if word not in STOP_CAPS and word not in _I_FORMS:
                return True
        elif word in _ROLEISH:
            return True
    return False


_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_I_FORMS = frozenset(("I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d"))
_ROLEISH = TITLE_WORDS | ROLE_WORDS | PERSON_NOUNS
PAST_FORMS = lexicon.words("past_forms")


def _known_person(scene: Scene, ref: Ref) -> bool:
    """Whether the article named ``ref`` before this sentence, with a title or a country."""
    return any(p.name == ref.name and (p.title or p.country) for p in scene.cast.people)


def _one_holder(scene: Scene, ref: Ref) -> bool:
    """Whether ``ref`` is the only person of the article with their title: in a briefing that has
    named several presidents, "the President" is not surely any one of them."""
    person = next((p for p in scene.people if p.name == ref.name), None)
    if person is None or not person.title:
        return False
    title = person.title.lower()
    return not any(p is not person and p.title and p.title.lower() == title for p in scene.people)


# What may stand before a relayed subject that opens its sentence: "And", "So", "Today, ", "the".
_RELAY_LEAD = re.compile(r"(?:(?:and|so|but|well|now|also|again|today|yesterday|earlier|and\s+today)\s*,?\s+)*"
                         r"(?:the\s+)?", re.IGNORECASE)
# A sentence that opens with one of these has no relayed subject where a relay's subject opens the
# sentence; only one set off by a comma or a quotation mark can follow ("I agree, the minister said"),
# the quotation closed by two apostrophes too.
_PRONOUN_OPENER = re.compile(r"(?:I|we|you|they|it|he|she|that|this|there|what|these|those)\b(?![\w\-])",
                             re.IGNORECASE)
_SETS_OFF = re.compile(r"[,\"“”]|''")
# Between the subject and its cue: the turn's speaker or listener among the subjects ("X and I",
# "You and X").
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|me|myself|you|You)\b")
# Between the subject and its cue: a comma alone, the name of the one spoken to ("Well,
# Chancellor, welcome back.").
_VOCATIVE = re.compile(r"\s*,\s*")
# Right before the cue: a perfect ("has said", "have long called"), a statement that holds, or a
# form of "be" ("are worried", "is committed"), a state; or a negation ("has not disclosed").
_RELAY_PERFECT = re.compile(r"\b(?:has|have|had|is|are|am|was|were|be|been|not|n[’']t)\s+"
                            r"(?:\w+ly\s+|long\s+|always\s+|also\s+|not\s+)?\Z")
# Right before the cue: a passive ("was invited"), unless the cue is an adjective ("is committed to").
# An office's or institution's phrase that is no one's name: opened by "As", or a possessor.
_NOT_A_NAME = re.compile(r"^As\s|['’]s?$")
_RELAY_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:not\s+)?\Z")
# Between the subject and its cue: a prediction or a possibility, not a statement.
_RELAY_MODAL = re.compile(r"\b(?:will|would|may|might|could|should|can|won’t|won't|wouldn’t|wouldn't)\b")


def _other_country(sent: str, scene: Scene, ref: Ref) -> bool:
    """Whether the title that named ``ref`` follows another country's word within three words
    ("The Japanese prime minister" is not the article's foreign minister, whose title ends in
    "minister" too)."""
    at = sent.find(ref.mention) if ref.mention else -1
    words = sent[:at].split() if at > 0 else []
    if not words:
        return False
    person = next((p for p in scene.people if p.name == ref.name), None)
    for word in words[-3:]:
        country = gazetteer.country_of(word) if word[:1].isupper() else None
        if country is not None and (person is None or person.country != country):
            return True
    return False


# -- which paragraphs a label opens, and how far its turn runs ---------------------------------

def labelled_paragraphs(text: str, paras: list[Paragraph], cast: Cast) -> dict[int, bool]:
    """The paragraphs that open with a turn label, read as the article is read (once one is found,
    one capitalised word is a label too), and whether the label is in a transcript's own format:
    written in capitals ("MS. PSAKI:", "PRESIDENT XI:"), with a title ("President of Russia Dmitry
    Medvedev:") or a questioner's "Q", but not before a headline in the first paragraph."""
    found: dict[int, bool] = {}
    for para in paras:
        start = content_start(text, para)
        label = find_label(text, start, para.end, cast, in_transcript=bool(found), bullet=para.bullet)
        if label is not None:
            head = text[start:label[1]].rstrip(" \t:")
            found[para.index] = (isinstance(label[0], Ref) or head.isupper() or TITLE_WORD.search(head) is not None) \
                and not (para.index == 0 and _headline(text[label[1]:para.end]))
    return found


# A line in title case: every word capitalised but the short ones English writes in lower case.
_TITLE_CASE = re.compile(r"(?:(?:[A-Z0-9][\w’'\-]*|of|the|and|in|for|to|on|a|an|with|by|at|as|is|vs\.?)[ \t,:–—-]*)+")


def _headline(rest: str) -> bool:
    """Whether what follows a first paragraph's label is a headline in title case ("KICKER: Voters
    Will Decide The Race Between Two Visions."): the label is the outlet's kicker, not a turn."""
    rest = rest.strip().rstrip(".!?")
    return len(rest.split()) >= 3 and _TITLE_CASE.fullmatch(rest) is not None


def carried_turns(labelled: dict[int, bool]) -> set[int]:
    """The labelled paragraphs whose turn goes on until the next label. A label in the first
    paragraph is a headline ("Pence: Gennifer Flowers Won't Be at Debate") unless the second
    paragraph opens with a label too or it is in a transcript's own format: it holds for its own
    paragraph only. Every other label holds until the next."""
    return {i for i, own_format in labelled.items() if i > 0 or own_format or 1 in labelled}
