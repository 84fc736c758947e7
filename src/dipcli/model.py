"""The records every stage passes on: plain dataclasses, serialised with ``asdict``.

Offsets are 0-based, end-exclusive character offsets into ``Article.text``.
Field order is the output order; renaming or removing a field is a breaking change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DipError(Exception):
    """A problem the user can fix (bad path, unreadable file, empty text).

    ``str(err)`` is the one-line message shown on stderr.
    """


class SpeakerKind(StrEnum):
    """What a claim's speaker is (``speaker_kind``)."""

    PERSON = "person"
    GROUP = "group"  # countries, delegations, "the two sides", organisations
    DOCUMENT = "document"  # a joint statement or declaration
    NARRATOR = "narrator"  # the outlet's own voice: ``speaker`` is null


class Via(StrEnum):
    """How a claim's speaker was recognised (``via``)."""

    EXPLICIT = "explicit"  # named: "Ferreira said", "the joint statement"
    PRONOUN = "pronoun"  # "he", "they", "we" in a statement
    TITLE = "title"  # by title or role: "the Brazilian president", "his counterpart"
    CONTINUATION = "continuation"  # the speaker of the sentence before, in the same paragraph
    COLLECTIVE = "collective"  # a group: "the two sides", "China and Russia", "it was agreed"
    TURN = "turn"  # a transcript label ("PRESIDENT XI:") or the article's author ("Statement from …")
    NONE = "none"  # no speaker: the narrator


#: The outlet's own voice: its label in records (speaker_kind, --speaker filters, roll-ups keyed by speaker)
NARRATOR = SpeakerKind.NARRATOR.value
#: and in tables, set apart from a speaker who could be called so.
NARRATOR_CELL = f"({NARRATOR})"


@dataclass(slots=True)
class Article:
    doc: str
    path: str
    format: str  # text | markdown | html | jsonl
    title: str | None
    date: str | None  # ISO 8601 (YYYY-MM-DD) when it could be read
    source: str | None
    place: str | None
    category: str | None
    url: str | None
    text: str  # the body all offsets refer to; paragraphs separated by blank lines
    author: str | None = None  # who speaks in the whole document (front matter speaker:, --authors)


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    bullet: bool = False


@dataclass(slots=True)
class Sentence:
    paragraph: int
    start: int
    end: int


@dataclass(slots=True)
class Claim:
    doc: str
    id: str
    paragraph: int
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_kind: SpeakerKind
    members: list[str] = field(default_factory=list)
    document: str | None = None
    cue: str | None = None
    via: Via = Via.NONE
    confidence: float = 0.0
    mention: str | None = None  # the words that name the speaker in this sentence, when it does
    rule: str | None = None  # the attribution rule that decided (attribute/rules.py RULES), e.g. reporting_frame
    speaker_id: str | None = None  # the corpus identity's id (dipcli.identities), when computed
    identity: str | None = None  # the corpus identity's display name; None for the narrator


@dataclass(slots=True)
class Speaker:
    name: str
    kind: str
    aliases: list[str]
    claims: int
    share: float
    cues: list[str]
    members: list[str] = field(default_factory=list)
    id: str | None = None  # the corpus identity's id (dipcli.identities); "narrator" for the narrator
    names: list[str] = field(default_factory=list)  # the names it was attributed under, most claims first
    docs: int = 0  # the documents it speaks in


class Polarity(StrEnum):
    """The direction of a stance act; its value is what the JSON, CSV and table output show."""

    SUPPORT = "support"
    OPPOSE = "oppose"


@dataclass(slots=True)
class Mention:
    """An entity a stance target is about: who or what, and where the text names it."""

    name: str   # canonical: "United States" for "U.S.", the full name for a surname
    kind: str   # person | country | organization | alliance | grouping | treaty | initiative | agency | name
    start: int
    end: int
    text: str   # as written: text[start:end]


@dataclass(slots=True)
class Stance:
    doc: str
    claim: str
    speaker: str | None  # the claim's speaker (who said the sentence), None for the narration
    speaker_kind: str
    holder: str | None  # whose position it is: the stance predicate's agent, else the speaker (None: narrator)
    holder_kind: str  # person | group | document | narrator
    holder_via: str  # speaker | subject | pronoun | relative | by-agent | possessive | source
    members: list[str]  # the parties the position belongs to: the holder, or a group's members
    polarity: Polarity
    cue: str
    intensity: str | None
    target: str
    entities: list[str]
    about: list[Mention]
    start: int
    end: int
    text: str
    cue_start: int
    cue_end: int
    target_start: int
    target_end: int
    holder_start: int | None  # the words naming the holder, when the sentence names it
    holder_end: int | None
    speaker_id: str | None = None
    identity: str | None = None


@dataclass(slots=True, repr=False)
class Analysed:
    """One article after segmentation and attribution: what the cache stores."""

    article: Article
    paragraphs: list[Paragraph]
    claims: list[Claim]

    def __repr__(self) -> str:
        """The article's id and title, then one line per claim: offsets, speaker, the text's start."""
        head = f"<Analysed {self.article.doc!r}"
        if self.article.title:
            head += f" {_clip(self.article.title, 60)!r}"
        head += f": {len(self.claims)} claim{'s' if len(self.claims) != 1 else ''}"
        shown = self.claims[:REPR_CLAIMS]
        lines = [f"  {c.start}-{c.end} {c.speaker or NARRATOR_CELL} [{c.via}]: {_clip(c.text, 70)}" for c in shown]
        if len(self.claims) > len(shown):
            lines.append(f"  … {len(self.claims) - len(shown)} more")
        return "\n".join([head + (">" if not lines else "")] + lines + ([">"] if lines else []))


#: Claims an analysed article's repr lists.
REPR_CLAIMS = 20


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "\u2026"


@dataclass(slots=True)
class SourceCount:
    source: str
    articles: int


@dataclass(slots=True)
class CorpusTotals:
    """A folder summary's totals (``summary`` over several articles)."""

    articles: int
    claims: int
    words: int
    first_date: str | None
    last_date: str | None
    speakers: int
    narration_share: float
    stance_acts: int
    sources: list[SourceCount] = field(default_factory=list)


@dataclass(slots=True)
class Keyword:
    group: str
    term: str
    score: float
    z: float | None
    count: int
    count_rest: int


@dataclass(slots=True)
class TopicTerm:
    term: str
    weight: float


@dataclass(slots=True)
class TopicSpeaker:
    speaker: str
    share: float  # mean weight of the topic over the speaker's claims that have a topic mix
    claims: int  # the speaker's claims whose main topic this is
    of: int  # the speaker's claims that have a topic mix


@dataclass(slots=True)
class Topic:
    topic: int
    label: str
    terms: list[TopicTerm]
    share: float  # mean weight over the claims that have a topic mix; sums to 1 over topics
    claim_share: float  # fraction of all claims whose main topic this is
    n_claims: int  # claims whose main topic this is
    docs: int  # articles whose dominant topic this is
    coherence: float  # mean NPMI of the pairs of its top terms
    speakers: list[TopicSpeaker]
    claims: list[str]


@dataclass(slots=True)
class TopicWeight:
    topic: int
    weight: float


@dataclass(slots=True)
class TopicDoc:
    doc: str
    title: str | None
    claims: int
    assigned: int  # claims that have a topic mix
    dominant: int | None
    weight: float | None
    mix: list[TopicWeight]


@dataclass(slots=True)
class KwicHit:
    doc: str
    claim: str
    speaker: str | None
    start: int
    end: int
    left: str
    match: str
    right: str
    speaker_id: str | None = None
    identity: str | None = None


# -- speaker labels -------------------------------------------------------------------------

def speaker_matches(name: str | None, wanted: str) -> bool:
    """The --speaker filter: case-insensitive, the whole name or every word of ``wanted`` in it.

    ``putin`` matches "Vladimir Putin"; ``narrator`` matches the outlet's own voice.
    """
    import re

    label = (name if name is not None else NARRATOR).lower()
    want = wanted.lower().strip()
    if want == label:
        return True
    words = set(re.findall(r"\w+", label))
    return all(w in words for w in re.findall(r"\w+", want))


def speaker_label(claim: Claim) -> str:
    """The claim's speaker, or the narrator's label for the outlet's own voice."""
    return claim.speaker if claim.speaker is not None else NARRATOR
