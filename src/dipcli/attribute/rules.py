"""The article, sentence by sentence: the rule table that decides who said each sentence.

Each rule is a function of one sentence's :class:`Context` that answers with a
:class:`Found` (who, the cue, how the speaker was recognised) or ``None``;
:data:`RULES` holds them in order and the first that answers attributes the
sentence. A rule's name is what the claim records as the rule that decided.

How one sentence is read (:func:`attribute`):

1. A scene is opened on the article's cast (:mod:`.cast`): resolving subjects
   brings people and groups into view there, not in the cast.
2. Outside a transcript turn, the sentence's reporting frames are read and
   their subjects resolved (every frame, also those the choice passes over, so
   "he" in a later frame can mean the subject of an earlier one). A cue inside
   a quotation frames nothing: it is the quoted speaker's word. The article's
   quotations (:mod:`.quotes`) are found once, before the first sentence; a
   quotation's speaker is resolved when a sentence inside it is first read,
   also when the words that attribute it come later ('"I will win. Believe
   me," Lee said.').
3. The rules are asked in order. A rule may resolve more subjects on the way,
   also when it then declines (``according_to`` resolves its source and wants a
   person; ``participle`` its opening subject): those resolutions stay in the
   scene. That is how the reading worked before the rules were a table, and
   the golden outputs depend on it; a rule placed earlier sees fewer of them.
4. A sentence attributed by a rule of :data:`FROM_CONTEXT` (its own words name
   no speaker) brings the first person it mentions into view ("he" next).
5. The scene is committed to the cast: the one place the cast changes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import gazetteer, lexicon
from ..model import Article, Claim, Paragraph, Sentence, SpeakerKind, Via
from ..cues import INVERTIBLE, all_forms, find_cues
from ..segment import content_start
from .cast import (COLLECTIVE, CONTINUATION, DOCUMENT, EXPLICIT, GROUP, PERSON, PRONOUN, TURN, Cast, Person, Ref,
                   Scene)
from .frames import PARTICIPLE_CUE, Frame, find_frames, opening_subject
from .names import clean
from .reading import reading
from .quotes import Quotations, bare_attribution, dash_tail, in_spans
from .scope import choose, narration_shaped, opening_actor, speaks_as_i, told_in_third_person
from .sources import report_said, report_source, unnamed_source
from .subjects import name_shape, own_side, read_cast, resolve
from .turns import (ANSWERER, QUESTIONER, answerer, carried_turns, find_label, label_speaker, labelled_paragraphs,
                    relayed_frame)

# "In a statement, …", "According to the joint statement, …", "Under the Joint Declaration of …, …"
SENTENCE_OPENERS = re.compile(
    r"(?:In|According\s+to|Under|Per)\s+(?P<doc>(?:the|a|this|their)\s+(?:joint\s+)?"
    r"(?:statement|declaration|communiqu[eé]|readout|document)|the\s+(?:Joint\s+)?"
    r"(?:Statement|Declaration|Communiqu[eé])\b[^,]{0,300})\s*,",
)
# The source a sentence names for itself: "According to Varga, …", "…, according to the Russian leader."
ACCORDING_LEAD = re.compile(r"(?:According\s+to|In\s+the\s+(?:opinion|view|words|estimation)\s+of)\s+"
                            r"(?P<who>[^,;:]{1,160}?)\s*,")
# (after the comma, a quotation that it ends may close: '"…," according to X.'; the match starts
# after the closing mark, outside the quotation)
ACCORDING_TAIL = re.compile(r"(?:(?<=,)|(?<=,[\"”’'])|(?<=,''))\s*according\s+to\s+(?P<who>[^,;:]{1,160}?)\s*"
                            r"(?:[.!?…]*[\"”’']?\s*$|,)")
# "In a CBS News poll released Monday, …": a report that opens the sentence (its maker, if it names one).
IN_REPORT = re.compile(r"In\s+(?P<who>(?:a|an|the|its|their)\s+[^,;:]{1,120}?)\s*,")
# "In his view, …", "In Lee's opinion, …": the holder of the view.
IN_VIEW = re.compile(r"In\s+(?P<who>his|her|their|[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}['’]s?)\s+"
                     r"(?:opinion|view|words|estimation|judgment|judgement)\s*,")
# "It was agreed …", "…, the sides reached …": at the start of a sentence or after "," or ";".
IMPERSONAL = re.compile(
    r"(?:it\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:agreed|noted|stressed|emphasi[sz]ed|decided|underlined|underscored|pointed\s+out|"
    r"reaffirmed|recognized|recognised|confirmed|stated|affirmed|highlighted)|"
    r"(?:an\s+)?agreement\s+was\s+reached|the\s+(?:sides|parties|leaders)\s+(?:reached|arrived\s+at))",
    re.IGNORECASE,
)
# Beginning with the comma or semicolon, which the engine skips to: IMPERSONAL.match(sent) or
# _IMPERSONAL_AFTER.search(sent) finds what (?:^|,\s*|;\s*)IMPERSONAL would, sooner.
_IMPERSONAL_AFTER = re.compile(r"(?:,|;)\s*" + IMPERSONAL.pattern, re.IGNORECASE)


# -- one sentence ------------------------------------------------------------------------------

@dataclass(slots=True)
class Found:
    """A rule's answer: the speaker (None for the narrator), the cue as written, and how it was recognised."""

    ref: Ref | None
    cue: str | None
    via: Via


# Members read once for the code that runs per sentence: on Python 3.11 reading a member off its
# enum class goes through EnumType's __getattr__ hook, which costs more than what it is read for.
_NARRATOR_KIND, _NO_VIA = SpeakerKind.NARRATOR, Via.NONE
_NO_MENTION = frozenset((Via.CONTINUATION, Via.NONE))  # routes whose claim quotes no words naming the speaker
_NARRATOR = Found(None, None, Via.NONE)  # the narrator rule's answer, the same for every sentence


class Context:
    """What the rules know of one sentence: its text, the scene, the paragraph so far, the article."""

    __slots__ = ("sent", "scene", "prev", "before", "turn", "doc_speaker", "in_doc", "frame", "quoted",
                 "group", "quotes", "index", "introduced", "last_in_paragraph", "reported", "asking", "_mention")

    def __init__(self, sent: str, scene: Scene, prev: Claim | None, turn: Ref | None,
                 doc_speaker: Ref | None, in_doc: bool, *, quoted: list[tuple[int, int]] = (),
                 group: int | None = None, quotes: QuoteSpeakers | None = None,
                 before: tuple[Claim, str] | None = None, index: int = -1,
                 introduced: Found | None = None, last_in_paragraph: bool = False, reported: bool = False,
                 asking: bool = False):
        self.sent = sent
        self.asking = asking  # the sentence is in a turn that asks (its paragraph ends in a question)
        self.reported = reported  # the article reports in the third person what others say (news)
        self.introduced = introduced  # who the paragraph before introduced with a colon ("Limbaugh added:")
        self.last_in_paragraph = last_in_paragraph
        self.index = index  # the sentence's place in the article
        self.scene = scene
        self.prev = prev  # the claim before, in the same paragraph
        self.before = before  # the claim before in the article (any paragraph), and its rule
        self.turn = turn  # the transcript turn the sentence is in
        self.doc_speaker = doc_speaker  # the article's speaker: its author, or the one its title names
        self.in_doc = in_doc  # the article is a joint statement
        self.quoted = quoted  # the sentence's quoted spans (relative offsets)
        self.group = group  # the quotation that holds most of the sentence
        self.quotes = quotes
        self.frame: Frame | None = None
        if turn is None:  # before any rule is asked, whichever answers (module docstring, step 2)
            frames = find_frames(sent, scene, in_doc=in_doc, quoted=quoted)
            if frames:
                self.frame = choose(frames, sent)
        self._mention: tuple[Person, bool] | None | bool = False

    def unquoted(self, m: re.Match[str] | None) -> re.Match[str] | None:
        """``m`` unless it starts inside a quotation (a quoted speaker's words frame nothing)."""
        return m if m is not None and not in_spans(self.quoted, m.start()) else None

    def mention(self) -> tuple[Person, bool] | None:
        """The first person the sentence names, and whether the name opens it."""
        if self._mention is False:
            self._mention = self.scene.first_mention(self.sent)
        return self._mention


def relayed(ctx: Context) -> Found | None:
    """Inside a transcript turn, a statement the turn's speaker relays from someone the sentence
    names is that person's (:func:`.turns.relayed_frame` says which): the claim is theirs,
    relayed (rule ``relayed``); the turn's speaker is the one the claims around it have."""
    if ctx.turn is None:
        return None
    frame = relayed_frame(ctx.sent, ctx.scene, ctx.turn, in_doc=ctx.in_doc, quoted=ctx.quoted, asking=ctx.asking)
    if frame is not None:
        return Found(frame.ref, frame.cue, frame.ref.via)
    return _relay_goes_on(ctx)


def _relay_goes_on(ctx: Context) -> Found | None:
    """ "He said …" right after a relayed sentence of the same turn, the pronoun fitting the one
    relayed ("Foreign Minister Zhao noted that … He said China is ready …"): still relayed."""
    prev, before = ctx.prev, ctx.before
    if prev is None or before is None or before[0] is not prev or before[1] != "relayed" \
            or ctx.sent.rstrip().endswith("?"):
        return None
    report = _pronoun_report(ctx.sent)
    if report is None:
        return None
    pronoun, cue = report
    person = ctx.scene.pronoun(pronoun.lower())
    if person is None or person.name != prev.speaker:
        return None
    ref = Ref(prev.speaker, prev.speaker_kind, PRONOUN, list(prev.members), prev.document, pronoun)
    return Found(ref, cue, PRONOUN)


def turn(ctx: Context) -> Found | None:
    """Inside a transcript turn ("PRESIDENT XI: …") the label's speaker holds, but for the
    transcriber's stage directions ("(Laughter.)", "(CROSSTALK.)") and the outlet's footer ("Follow
    … on Twitter"), which are the narrator's."""
    if ctx.turn is not None:
        if _STAGE_DIRECTION.fullmatch(ctx.sent):
            return _NARRATOR
        return Found(ctx.turn, None, TURN)
    return None


# A sentence that is all one parenthesis, perhaps in a quoted transcript's quotation marks; the
# outlet's footer after a transcript ("Follow Pam Ode on Twitter @pamode."); a meeting record's
# note of its hours ("The meeting rose at 11.50 a.m.").
_STAGE_DIRECTION = re.compile(r"\s*[\"“]?(?:\([^()]{1,60}\)|Follow\s[^.]{1,120}?\son\s(?:Twitter|X|Facebook|Instagram)\b.*"
                              r"|The\s+meeting\s+(?:rose|began|ended|was\s+(?:called\s+to\s+order|suspended|resumed|adjourned))"
                              r"\s+at\s[^()]{1,40})[.\s\"”]*")


def quotation(ctx: Context) -> Found | None:
    """A sentence that lies mostly inside a quotation is the quotation's speaker's, wherever
    the words that attribute it stand (before it, after it, a dash and a name, the next
    paragraph); a bare quotation right after an attributed sentence goes on in its voice."""
    if ctx.group is None or ctx.quotes is None:
        prev = ctx.prev  # "― Karen Bobadilla" after the quotation it attributes, a sentence of its own
        if prev is not None and prev.rule == "quotation" and prev.speaker is not None and dash_tail(ctx.sent):
            return Found(Ref(prev.speaker, prev.speaker_kind, EXPLICIT, list(prev.members), prev.document), "―", EXPLICIT)
        return None
    return ctx.quotes.speaker(ctx)


#: Rules whose answer a bare quotation after the sentence may go on with.
ATTRIBUTING = ("relayed", "turn", "quotation", "according_to", "reporting_frame", "participle")
class QuoteSpeakers:
    """Who speaks each quotation of an article: found once per quotation, when a sentence
    inside it is first read, from the words its :meth:`~.quotes.Quotations.sites` point to."""

    def __init__(self, text: str, paras: list[Paragraph], sents: list[Sentence], in_doc: bool):
        self.text = text
        self.sents = sents
        self.in_doc = in_doc
        self.quotations = Quotations(text, paras, sents)
        self._found: dict[int, tuple[Found, int] | None] = {}  # also a speaker inherited from before
        self._sites: dict[int, tuple[Found, int] | None] = {}  # what the quotation's own sites give

    def quoted(self, start: int, end: int, scene: Scene) -> list[tuple[int, int]]:
        """The spans of ``[start, end)`` (relative to ``start``) inside quotations whose words
        attribute them to a speaker: a cue there is that speaker's word and frames nothing. A
        quotation nothing attributes keeps its words' frames ("Russia is ready …" in a message
        quoted without its sender)."""
        return [(a, b) for a, b, group in self.quotations.parts_in(start, end)
                if self._attributed(group, scene) is not None]

    def _attributed(self, group: int, scene: Scene) -> tuple[Found, int] | None:
        if group not in self._sites:
            self._sites[group] = self._resolve(group, scene)
        return self._sites[group]

    def speaker(self, ctx: Context) -> Found | None:
        group = ctx.group
        if group not in self._found:
            self._found[group] = self._attributed(group, ctx.scene) or self._inherit(ctx)
        found = self._found[group]
        if found is None:
            return None
        answer, at = found
        ref = answer.ref
        mention = ref.mention if at == ctx.index else None  # only the sentence that names the speaker names them
        return Found(Ref(ref.name, ref.kind, ref.via, list(ref.members), ref.document, mention),
                     answer.cue, answer.via)

    def _resolve(self, group: int, scene: Scene) -> tuple[Found, int] | None:
        text = self.text
        for site in self.quotations.sites(group):
            s = self.sents[site.sent]
            if site.kind == "dash":
                ref = _author(scene, site.name or "")
                if ref is not None:
                    return Found(ref, "―", ref.via), site.sent
                continue
            sent = text[s.start:s.end]
            frames = [f for f in find_frames(sent, scene, in_doc=self.in_doc,
                                             quoted=self.quotations.spans_in(s.start, s.end))
                      if site.lo <= s.start + f.at < site.hi]
            if site.kind == "next":
                frames = [f for f in frames if bare_attribution(sent, f.at, f.cue)]
            if frames:
                frame = frames[-1] if site.kind in ("before", "colon") else frames[0]
                return Found(frame.ref, frame.cue, frame.ref.via), site.sent
            if site.kind in ("before", "colon"):
                found = introducer(text[site.lo:site.hi], scene, in_doc=self.in_doc)
                if found is not None:
                    return found, site.sent
        return None

    def heading(self, group: int) -> bool:
        """Whether the quotation is a paragraph of its own in title case ("'All Bets Are Off.'"): a
        heading, not words anyone goes on saying."""
        parts = self.quotations.parts(group)
        if len(parts) != 1:
            return False
        q = parts[0]
        words = re.findall(r"[A-Za-z][\w’'\-]*", self.text[q.start:q.end])
        long = [w for w in words if len(w) > 3]
        return bool(long) and all(w[0].isupper() for w in long) and self.quotations.fills_paragraph(q)

    @staticmethod
    def _inherit(ctx: Context) -> tuple[Found, int] | None:
        """A quotation nothing attributes, right after a sentence something does, goes on in its voice."""
        if ctx.before is None:
            return None
        claim, rule = ctx.before
        if claim.speaker is None or rule not in ATTRIBUTING or ctx.quotes.heading(ctx.group):
            return None
        ref = Ref(claim.speaker, claim.speaker_kind, CONTINUATION, list(claim.members), claim.document)
        return Found(ref, None, CONTINUATION), -1


# "According to Limbaugh, “…", "Caddell continued: “…"": words that introduce a quotation or a
# block of quoted text without a reporting verb of the lexicon.
_INTRO_ACCORDING = re.compile(r".*\b[Aa]ccording\s+to\s+(?P<who>[^,;:“\"]{1,80}?)\s*[,:]\s*$")
_INTRO_COLON = re.compile(r"\s*(?P<who>(?:[A-Z][\w.’'\-]*\s+){1,3})(?:[a-z][\w’'\-]*\s+){0,2}[a-z][\w’'\-]*\s*:\s*$")


def introducer(before: str, scene: Scene, *, in_doc: bool = False) -> Found | None:
    """Who the words before a quotation name as its speaker when no reporting frame does:
    "According to Limbaugh, " or a short "<name> <verb>:" ("Caddell continued:", "Lee wrote back:")."""
    m = _INTRO_ACCORDING.match(before) or _INTRO_COLON.fullmatch(before)
    if m is None:
        return None
    ref = resolve(scene, clean(m.group("who")), in_doc=in_doc)
    if ref is None or not (ref.kind == PERSON or ref.kind == GROUP and gazetteer.country_of(ref.name)):
        return None  # "Meeting participants included:" names no one
    return Found(ref, "according to" if "ccording" in m.group() else ":", ref.via)


def _author(scene: Scene, name: str) -> Ref | None:
    """The person a dash names after a quotation ("― Karen Bobadilla", "-- Sen. Ann Reyes")."""
    name = clean(name)
    ref = resolve(scene, name)
    if ref is not None:
        return ref
    words = [w for w in name.split() if w[:1].isupper()]
    if not 1 <= len(words) <= 4:
        return None
    person = scene.find_person(words) or scene.add_person(" ".join(words))
    return scene.person_ref(person, EXPLICIT)


def block_quotation(ctx: Context) -> Found | None:
    """A paragraph after one that ends by introducing someone's words with a colon ("Limbaugh
    added:", "The President said:") is those words, quoted as a block without quotation marks."""
    if ctx.introduced is None:
        return None
    ref = ctx.introduced.ref
    return Found(Ref(ref.name, ref.kind, ref.via, list(ref.members), ref.document), ctx.introduced.cue,
                 ctx.introduced.via)


def statement_opener(ctx: Context) -> Found | None:
    """ "In a statement, …", "According to the joint statement, …": the document speaks, unless a
    person's frame attributes the sentence or the statement is the framing group's own."""
    opener = SENTENCE_OPENERS.match(ctx.sent)
    if opener is None:
        return None
    frame = ctx.frame
    # "In a statement, the Japanese Foreign Ministry said …": a statement of the named group's own
    own_statement = frame is not None and frame.ref.kind == GROUP and frame.ref.via == EXPLICIT \
        and opener.group("doc").lower().startswith(("a ", "this "))
    if own_statement or not (frame is None
                             or frame.ref.kind in (GROUP, DOCUMENT) and not frame.trailing):
        return None
    ref = ctx.scene.document_ref(ctx.scene.named_document(opener.group("doc")), via=EXPLICIT)
    return Found(ref, frame.cue if frame else None, EXPLICIT)


#: The longest "according to" phrase read as a person's (longer ones describe a text).
_PERSON_SOURCE = 80


def according_to(ctx: Context) -> Found | None:
    """ "According to Varga, …", "…, according to the Russian leader.", "In his view, …": that
    person says so; "according to the New York Times", "according to a new Gallup poll": the
    outlet or institution does. A text ("according to the Charter") speaks for no one.
    """
    sent = ctx.sent
    if "ccording to" not in sent and not sent.startswith("In "):
        return None
    m = ctx.unquoted(ACCORDING_LEAD.match(sent) or ACCORDING_TAIL.search(sent) or IN_VIEW.match(sent))
    if m is None:
        report = ctx.unquoted(IN_REPORT.match(sent))  # "In a CBS News poll released Monday, she led …"
        maker = report_source(report.group("who"), whole=True) if report is not None else None
        return _source_said(ctx, maker, "in") if maker is not None and ctx.frame is None else None
    who = re.sub(r"['’]s?$", "", m.group("who"))
    cue = "according to" if "ccording" in m.group() else clean(m.group()).rsplit(" ", 1)[-1]
    titled, role = name_shape(who)
    # someone with a title or role, or known by name (not in a long description of a text: "the
    # declaration signed on 22 December 2020 before His Majesty King …")
    if who.lower() in ("he", "she", "his", "her") or len(who) <= _PERSON_SOURCE and (
            titled or role or ctx.scene.find_person(who.split())):
        ref = resolve(ctx.scene, who, in_doc=ctx.in_doc)
        if ref is not None and ref.kind == PERSON:
            return Found(ref, cue, ref.via)
    if who.lower() == "their":
        ref = resolve(ctx.scene, "they", in_doc=ctx.in_doc)
        return Found(ref, cue, ref.via) if ref is not None else None
    source = report_source(who)
    unnamed = unnamed_source(ctx.scene, who) if source is None else None  # "a Turkish official", "the ministry"
    if source is None and unnamed is None or ctx.frame is not None and ctx.frame.ref.kind == PERSON \
            and ctx.frame.cue in INVERTIBLE:
        return None  # ('"…," Lee said, according to a pool report': Lee's words, which the report carries)
    return Found(unnamed, cue, unnamed.via) if unnamed is not None else _source_said(ctx, source, cue)


def _source_said(ctx: Context, source: str, cue: str) -> Found:
    """An outlet or institution named as a sentence's source: known to the cast, else a group."""
    ref = resolve(ctx.scene, source, in_doc=ctx.in_doc)
    if ref is None or ref.kind == DOCUMENT:
        ref = ctx.scene.group_ref(Ref(source, GROUP, EXPLICIT))
    return Found(ref, cue, ref.via)


def reporting_frame(ctx: Context) -> Found | None:
    """ "X said …", "…, X said.", "…, said X": the subject of the chosen reporting frame."""
    if ctx.frame is None:
        return None
    ref = ctx.frame.ref
    doc_speaker = ctx.doc_speaker
    if ctx.in_doc and doc_speaker is not None and ref.kind == GROUP and ref.via in (COLLECTIVE, PRONOUN):
        # in a joint statement, "the two sides" and "we" are the statement's authors
        ref = Ref(doc_speaker.name, doc_speaker.kind, ref.via, list(doc_speaker.members),
                  doc_speaker.document, ref.mention)
    via = ref.via
    if ref.kind == GROUP and via == EXPLICIT and ref.members and " and " in ref.name:
        via = COLLECTIVE
    if ref.kind == GROUP:
        ctx.scene.group_ref(ref)
    return Found(ref, ctx.frame.cue, via)


def introduction(ctx: Context) -> Found | None:
    """A short sentence that ends its paragraph with a colon and names who speaks next: "Caddell
    continued:", "Lee wrote back:"."""
    if not ctx.last_in_paragraph or not ctx.sent.rstrip().endswith(":") or ctx.turn is not None:
        return None
    return introducer(ctx.sent, ctx.scene, in_doc=ctx.in_doc)


def participle(ctx: Context) -> Found | None:
    """ "President Biden reinforced …, noting that …": the opening subject of a participle's clause."""
    m = ctx.unquoted(PARTICIPLE_CUE.search(ctx.sent))
    if m is None:
        return None
    opening = opening_subject(ctx.sent, m.start())
    ref = resolve(ctx.scene, opening, in_doc=ctx.in_doc) if opening else None
    if ref is None:
        return None
    return Found(ref, m.group(1), ref.via)


def impersonal(ctx: Context) -> Found | None:
    """ "It was agreed …", "The sides reached …": the principals together (in a joint statement, its authors)."""
    m = ctx.unquoted(IMPERSONAL.match(ctx.sent) or _IMPERSONAL_AFTER.search(ctx.sent))
    if m is None:
        return None
    ref = ctx.scene.collective("the sides")
    if ctx.in_doc and ctx.doc_speaker is not None:
        ref = ctx.doc_speaker
    return Found(ref, clean(m.group()), COLLECTIVE)


def _first_person_words() -> re.Pattern[str]:
    words = {row["word"] for row in lexicon.rows("first_person")}
    forms = sorted({w.capitalize() if w == "i" else w for w in words}
                   | {w.capitalize() for w in words if w not in ("i", "us")}, key=lambda w: (-len(w), w))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")


FIRST_PERSON = _first_person_words()  # "I", "my", "We", "our", …; not "US"
# Quoted words, whose first person is the quoted speaker's: “…” or "…" (to the end of the sentence
# when it does not close), and the end of a quotation opened in an earlier sentence (…”).
QUOTED = re.compile(r"\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)|^[^\u201c\u201d]*\u201d")


def first_person(ctx: Context) -> Found | None:
    """In a document a person speaks as a whole (its author: ``Article.author``, or "Statement
    from …"), a sentence in the first person that no reporting frame gives to another is the
    author's, also after a sentence reported of someone else ("Diallo said … . I agree with him.").
    The first person of quoted words does not count: they are someone else's."""
    doc_speaker = ctx.doc_speaker
    if doc_speaker is None or doc_speaker.kind != PERSON:
        return None
    if FIRST_PERSON.search(ctx.sent) is None or FIRST_PERSON.search(QUOTED.sub(" ", ctx.sent)) is None:
        return None
    return Found(doc_speaker, None, doc_speaker.via)


def continuation(ctx: Context) -> Found | None:
    """A sentence that names no one else goes on in the voice of the sentence before it in the
    paragraph, unless its shape is the narrator's (:mod:`.scope`): the past, a schedule, a turn
    to other matters, another actor, someone told of in the third person; nor after a
    sentence that names its source last ("…, according to the IMF.")."""
    prev = ctx.prev
    if prev is None or prev.speaker is None:
        return None
    if prev.rule == "according_to" and (ACCORDING_TAIL.search(prev.text) or prev.speaker_kind == GROUP):
        return None  # "…, according to the IMF.", "According to the FAO report, …": it vouches for that sentence only
    if prev.rule == "reporting_frame" and report_said(prev.text, prev.cue):
        return None  # "A new CNN poll shows …": the poll says no more than that
    if prev.cue in _LABELLING:
        return None  # "Ruiz called the plan “a disgrace”": a name given, not words that go on
    it = _IT_REPORTS.match(ctx.sent) if prev.speaker_kind == GROUP and not prev.members \
        and prev.via in (EXPLICIT, Via.TITLE) else None  # (not "the two sides")
    if it is not None and it.group(1) in INVERTIBLE:  # "UNHCR said on Friday … It said it needed …"
        return Found(Ref(prev.speaker, GROUP, PRONOUN, [], prev.document, "It"), it.group(1), PRONOUN)
    if ctx.reported and not _delegate_goes_on(ctx, prev):
        return None  # a news report quotes its speakers and names the source of each thing it reports
    if prev.via in (COLLECTIVE, PRONOUN) and not prev.members and not gazetteer.is_country_word(prev.speaker.split()[-1]) \
            and FIRST_PERSON.search(QUOTED.sub(" ", ctx.sent)):
        return None  # a speech's own "we" after what unnamed others hold ("Experts estimate … We must …")
    if speaks_as_i(QUOTED.sub(" ", ctx.sent)):
        return None  # a speech's own "I" after what it reports of others ("Kim Jong Un stated … I am convinced …")
    mention = ctx.mention()
    if mention is not None and mention[1] and mention[0].name not in prev.members:
        return None  # another person opens it: "Mr Tanaka welcomed …"
    shape = narration_shaped(ctx.sent, ctx.quoted)
    if shape == "about" and prev.speaker_kind == GROUP and prev.speaker in ctx.sent:
        shape = None  # a state speaks of itself by name: "He can count on the support of Cabo Verde."
    if (shape or _another_actor(ctx, prev)) and not _delegate_goes_on(ctx, prev):
        return None
    return Found(Ref(prev.speaker, prev.speaker_kind, CONTINUATION, list(prev.members), prev.document),
                 None, CONTINUATION)


# "It said …", "It also added …" after an institution's or a country's sentence: it goes on reporting.
_IT_REPORTS = re.compile(r"It\s+(?:also\s+|further\s+)?([a-z]+)\b")
_LABELLING = frozenset(form for verb in ("call", "dub", "label") for form in all_forms(verb))


def _delegate_goes_on(ctx: Context, prev: Claim) -> bool:
    """A meeting record's "He called for …", "However, she added, …" or "His delegation voted …"
    right after a country's delegate spoke ("The representative of Ghana said …"): the pronoun is
    the delegate, whom the cast knows as their country, so no frame of its own named them."""
    return prev.speaker_kind == GROUP and ctx.frame is None \
        and (_pronoun_report(ctx.sent) is not None or _own_side_opens(ctx.sent))


def _own_side_opens(sent: str) -> bool:
    """Whether a sentence opens "His delegation …", "Her Government …": a delegate speaks of
    their own state (:func:`.subjects.own_side`)."""
    words = sent.split(maxsplit=2)
    return len(words) > 1 and words[0] in ("His", "Her") and own_side(f"{words[0]} {words[1]}")


def _pronoun_report(sent: str) -> tuple[str, str] | None:
    """A sentence that opens "He" or "She", perhaps an adverb, then a reporting cue ("He added
    …", "She strongly urged …"): the pronoun and the cue."""
    m = _PRONOUN_CUE.match(sent)
    if m is None:
        return None
    cue = next((c for c in find_cues(sent[:m.end() + 40]) if c.start() == m.end()), None)
    return (m.group("pronoun").capitalize(), cue.group()) if cue is not None else None


# "He", "She", perhaps after a short opening phrase and its comma ("However, she", "In that
# regard, he"), perhaps an adverb ("strongly", "also"): where the cue of a pronoun-led report starts.
_PRONOUN_CUE = re.compile(r"\s*(?:(?P<opening>[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,5},\s+))?"
                          r"(?P<pronoun>(?(opening)[Hh]e|He)|(?(opening)[Ss]he|She))\s+"
                          r"(?:(?:[a-z]+ly|also|further|then|again|later)\s+)?")


def _another_actor(ctx: Context, prev: Claim) -> bool:
    """Whether the sentence opens with a country or organisation that is not the speaker's
    ("Kiribati is buying property …" after a sentence of an American official's)."""
    actor = opening_actor(ctx.sent)
    if actor is None or actor[0] == "name":
        return False
    kind, name = actor
    if name == prev.speaker or name in prev.members:
        return False
    if kind == "country":
        countries = {p.country for p in ctx.scene.people if p.name in prev.members or p.name == prev.speaker}
        return name not in countries
    return True


def whole_document(ctx: Context) -> Found | None:
    """An article with an author (``Article.author``), or one titled as a joint statement or
    "Statement from …", speaks as that author or statement: its sentences that no rule before
    attributes (first-person text, no reporting frame) are the author's."""
    if ctx.doc_speaker is None:
        return None
    return Found(ctx.doc_speaker, None, ctx.doc_speaker.via)


def narrator(ctx: Context) -> Found:
    """Everything else is the outlet's own voice."""
    return _NARRATOR


#: Rules that find the speaker in the sentence's own words or its transcript turn.
FROM_THE_SENTENCE = (relayed, turn, quotation, block_quotation, statement_opener, according_to, reporting_frame,
                     introduction, participle)
#: Rules for a sentence that names no speaker: the first person it mentions comes into view.
FROM_CONTEXT = (impersonal, first_person, continuation, whole_document, narrator)
#: Every rule in the order they are asked; the first that answers attributes the sentence.
RULES = FROM_THE_SENTENCE + FROM_CONTEXT


# -- the article ------------------------------------------------------------------------------

#: A rough prior for each route (the ``confidence`` field).
CONFIDENCE = {Via.EXPLICIT: 0.95, Via.TURN: 0.95, Via.COLLECTIVE: 0.9, Via.PRONOUN: 0.85, Via.TITLE: 0.85,
              Via.CONTINUATION: 0.75, Via.NONE: 0.6}


def attribute(article: Article, paras: list[Paragraph], sents: list[Sentence]) -> list[Claim]:
    """Each sentence as a claim with its speaker and the rule that decided (``Claim.rule``)."""
    read = reading(article)
    text = read.article.text
    cast = read_cast(read)
    scene = cast.scene()
    doc_speaker = _whole_document_speaker(read.article, scene)
    in_doc = doc_speaker is not None and doc_speaker.kind == DOCUMENT
    if in_doc:
        scene.last_doc = doc_speaker.name
    guest = answerer(scene, read.article.title)
    cast.commit(scene)
    by_para: dict[int, list[tuple[int, Sentence]]] = {}
    for i, s in enumerate(sents):
        by_para.setdefault(s.paragraph, []).append((i, s))
    quotes = QuoteSpeakers(text, paras, sents, in_doc)
    quotations = quotes.quotations
    reported = quotations.marks_speech and told_in_third_person(text, sents, quotations.spans_in)
    claims: list[Claim] = []
    before: tuple[Claim, str] | None = None
    turn: Ref | None = None
    carried = carried_turns(labelled_paragraphs(text, paras, cast))
    carrying = False
    answering = guest  # the last turn of someone who answers questions
    introduced: Found | None = None  # who the last paragraph introduced with a colon
    block: Found | None = None
    for para in paras:
        ps = by_para.get(para.index, [])
        if not ps:
            continue
        if introduced is not None and block is not None and block is introduced and not para.bullet:
            introduced = None  # a block runs on over the list items that open it, not further
        block = introduced
        label_end = -1
        if not carrying:
            turn = None  # a lone label ("Pence: Gennifer Flowers Won't Be at Debate") holds for its paragraph only
        label = find_label(text, content_start(text, para), para.end, cast, in_transcript=turn is not None,
                           bullet=para.bullet)
        if label is not None:
            speaker, end = label
            if isinstance(speaker, str):
                scene = cast.scene()
                speaker = label_speaker(scene, speaker)
                cast.commit(scene)
            elif speaker is ANSWERER:  # "Answer: …": the briefing's speaker, else the last who answered
                speaker = doc_speaker if doc_speaker is not None and doc_speaker.kind == PERSON \
                    else answering or ANSWERER
            if speaker is not None:
                turn, label_end = speaker, end
                carrying = para.index in carried
                if speaker is not ANSWERER and speaker.name != QUESTIONER \
                        and not text[para.start:para.end].rstrip().endswith("?"):
                    answering = speaker  # (not who asks: an outlet's label asks a question)
        asking = turn is not None and text[para.start:para.end].rstrip().endswith("?")
        prev: Claim | None = None
        for index, s in ps:
            start = s.start
            if start < label_end:
                start = label_end
                if start >= s.end:
                    continue
            sent = text[start:s.end]
            scene = cast.scene(start)
            inside = quotations.quotes and quotations.parts_in(start, s.end)  # (most sentences: no quotation)
            quoted = quotes.quoted(start, s.end, scene) if inside else []
            group = quotations.mostly_inside(start, s.end) if inside else None
            last = index == ps[-1][0]
            ctx = Context(sent, scene, prev, turn, doc_speaker, in_doc, quoted=quoted, group=group, quotes=quotes,
                          before=before, index=index, introduced=block, last_in_paragraph=last, reported=reported,
                          asking=asking)
            for rule in RULES:  # the narrator answers every sentence that reaches it
                found = rule(ctx)
                if found is not None:
                    break
            if rule in FROM_CONTEXT:
                mention = ctx.mention()
                if mention is not None:
                    scene.last_person = mention[0]
            cast.commit(scene)
            name = rule.__name__
            if last and found.ref is not None and sent.rstrip().endswith(":") and turn is None \
                    and name in ("reporting_frame", "according_to", "introduction"):
                introduced = found
            elif last and block is not None and (name != "block_quotation" or not para.bullet):
                introduced = None
            prev = _make(article.doc, len(claims), para.index, start, s.end, sent, found, name)
            claims.append(prev)
            before = (prev, name)
    if read.article is not article:  # the text's own words and spelling of names
        claims = [read.spelled(c, article.text) for c in claims]
    return claims


def _make(doc: str, n: int, para: int, start: int, end: int, sent: str, found: Found, rule: str) -> Claim:
    ref, via = found.ref, found.via
    if ref is None:
        return Claim(doc=doc, id=f"{doc}:{n}", paragraph=para, start=start, end=end, text=sent,
                     speaker=None, speaker_kind=_NARRATOR_KIND, members=[], document=None, cue=found.cue,
                     via=_NO_VIA, confidence=CONFIDENCE[_NO_VIA], rule=rule)
    return Claim(doc=doc, id=f"{doc}:{n}", paragraph=para, start=start, end=end, text=sent,
                 speaker=ref.name, speaker_kind=ref.kind, members=list(ref.members),
                 document=ref.document, cue=found.cue, via=via, confidence=CONFIDENCE[via],
                 mention=ref.mention if via not in _NO_MENTION else None, rule=rule)


# Title-case words then "Joint Statement"/"Declaration": "Russia-China Joint Statement", not "… signed the … Declaration"
WHOLE_DOC = re.compile(r"^(?:(?:U\.S\.|[A-Z][\w\-]+|[A-Z][\w\-]+[,:])[\s\-–]+)*(?:(?i:joint)\s+(?i:statement|declaration|"
                       r"communiqu[eé]|press\s+statement)|Declaration|Communiqu[eé])\b")
SINGLE_AUTHOR = re.compile(r"^(?:Statement|Remarks|Message|Address|Op-Ed|Letter|Proclamation)\s+(?:from|by|of)\s+(?P<who>.+?)(?:\s+(?:on|at|to|in|regarding|before|after|for|during)\s|$)")


def _whole_document_speaker(article: Article, scene: Scene) -> Ref | None:
    """Who speaks in the whole text: the article's author when it has one (front matter
    ``speaker:``, a JSON Lines ``speaker`` field, ``--authors``, ``--author-pattern``), else the
    one its title names: joint statements, 'Statement from …'."""
    author = clean(article.author or "")
    if author:
        return Ref(author, PERSON, TURN, [author])
    title = clean(article.title or "")
    if not title:
        return None
    if WHOLE_DOC.search(title) and not title.lower().startswith(("readout", "remarks", "fact sheet")):
        members = [p.name for p in scene.principals()]
        return Ref(title, DOCUMENT, COLLECTIVE, members, document=title)
    m = SINGLE_AUTHOR.match(title)
    if m:
        ref = resolve(scene, clean(m.group("who")))
        if ref is not None and ref.kind == PERSON and " and " not in m.group("who"):
            return Ref(ref.name, PERSON, TURN, ref.members)
    return None
