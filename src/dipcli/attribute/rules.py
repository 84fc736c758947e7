"""The article, sentence by sentence: which frame, source or context attributes each sentence."""
from __future__ import annotations

import re

from ..model import Article, Claim, Paragraph, Sentence
from ..segment import content_start
from .cast import Cast, Ref, name_shape
from .frames import PARTICIPLE_CUE, choose, find_frames, opening_subject
from .names import clean
from .turns import turn_label


SENTENCE_OPENERS = re.compile(
    r"(?:In|According\s+to|Under|Per)\s+(?P<doc>(?:the|a|this|their)\s+(?:joint\s+)?"
    r"(?:statement|declaration|communiqu[eé]|readout|document)|the\s+(?:Joint\s+)?"
    r"(?:Statement|Declaration|Communiqu[eé])\b[^,]{0,300})\s*,",
)
# "It was agreed …", "…, the sides reached …": at the start of a sentence or after "," or ";".
IMPERSONAL = re.compile(
    r"(?:it\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:agreed|noted|stressed|emphasi[sz]ed|decided|underlined|underscored|pointed\s+out|"
    r"reaffirmed|recognized|recognised|confirmed|stated|affirmed|highlighted)|"
    r"(?:an\s+)?agreement\s+was\s+reached|the\s+(?:sides|parties|leaders)\s+(?:reached|arrived\s+at))",
    re.IGNORECASE,
)
# Beginning with the comma or semicolon, which the engine skips to.
_IMPERSONAL_AFTER = re.compile(r"(?:,|;)\s*" + IMPERSONAL.pattern, re.IGNORECASE)


def impersonal(sent: str) -> re.Match[str] | None:
    r"""The first impersonal frame: what ``(?:^|,\s*|;\s*)IMPERSONAL`` finds in ``sent``."""
    return IMPERSONAL.match(sent) or _IMPERSONAL_AFTER.search(sent)


# -- the article ------------------------------------------------------------------------------

CONFIDENCE = {"explicit": 0.95, "turn": 0.95, "collective": 0.9, "pronoun": 0.85, "title": 0.85,
              "continuation": 0.75, "none": 0.6}


def attribute(article: Article, paras: list[Paragraph], sents: list[Sentence]) -> list[Claim]:
    text = article.text
    cast = Cast(article)
    cast.scan(text)
    doc_speaker = _whole_document_speaker(article, cast)
    in_doc = doc_speaker is not None and doc_speaker.kind == "document"
    if in_doc:
        cast.last_doc = doc_speaker.name
    by_para: dict[int, list[Sentence]] = {}
    for s in sents:
        by_para.setdefault(s.paragraph, []).append(s)
    claims: list[Claim] = []
    turn: Ref | None = None
    for para in paras:
        ps = by_para.get(para.index, [])
        if not ps:
            continue
        label = turn_label(text, content_start(text, para), para.end, cast, in_transcript=turn is not None)
        if label:
            turn, label_end = label
        prev: Claim | None = None
        for s in ps:
            start = s.start
            if label and start < label_end:
                start = label_end
                if start >= s.end:
                    continue
            sent = text[start:s.end]
            cast.pos = start
            claim = _attribute_sentence(article.doc, len(claims), para.index, start, s.end, sent,
                                        cast, prev, turn, doc_speaker, in_doc)
            claims.append(claim)
            prev = claim
    return claims


def _make(doc, n, para, start, end, sent, ref: Ref | None, cue, via) -> Claim:
    if ref is None:
        return Claim(doc=doc, id=f"{doc}:{n}", paragraph=para, start=start, end=end, text=sent,
                     speaker=None, speaker_kind="narrator", members=[], document=None, cue=cue,
                     via="none", confidence=CONFIDENCE["none"])
    return Claim(doc=doc, id=f"{doc}:{n}", paragraph=para, start=start, end=end, text=sent,
                 speaker=ref.name, speaker_kind=ref.kind, members=list(ref.members),
                 document=ref.document, cue=cue, via=via, confidence=CONFIDENCE[via],
                 mention=ref.mention if via not in ("continuation", "none") else None)


# The source a sentence names for itself: "According to Varga, …", "…, according to the Russian leader."
ACCORDING_LEAD = re.compile(r"According\s+to\s+(?P<who>[^,;:]{1,80}?)\s*,")
ACCORDING_TAIL = re.compile(r",\s*according\s+to\s+(?P<who>[^,;:]{1,80}?)\s*[.!?…]*[\"”’']?\s*$")


def _according_to(sent: str, cast: Cast, *, in_doc: bool) -> Ref | None:
    """The person a sentence says it is reporting, or None.

    Only people: "according to the World Bank" in a speech cites a source, and
    the speech goes on in the speaker's voice.
    """
    if "ccording to" not in sent:
        return None
    m = ACCORDING_LEAD.match(sent) or ACCORDING_TAIL.search(sent)
    if m is None:
        return None
    who = m.group("who")
    titled, role = name_shape(who)
    # someone with a title or role, or known by name: capitalised words alone
    # ("the Gulf Initiative", "West Asia") are no one
    if not (titled or role or who.lower() in ("he", "she") or cast.find_person(who.split())):
        return None
    ref = cast.resolve(who, in_doc=in_doc)
    return ref if ref is not None and ref.kind == "person" else None


def _attribute_sentence(doc, n, para, start, end, sent, cast: Cast, prev: Claim | None,
                        turn: Ref | None, doc_speaker: Ref | None, in_doc: bool) -> Claim:
    if turn is not None:
        return _make(doc, n, para, start, end, sent, turn, None, "turn")
    opener = SENTENCE_OPENERS.match(sent)
    frames = find_frames(sent, cast, in_doc=in_doc)
    frame = choose(frames, sent)
    # "In a statement, the Japanese Foreign Ministry said …": a statement of the named group's own
    own_statement = frame is not None and frame.ref.kind == "group" and frame.ref.via == "explicit" \
        and opener is not None and opener.group("doc").lower().startswith(("a ", "this "))
    if opener and not own_statement and (frame is None or frame.ref.kind in ("group", "document") and not frame.trailing):
        ref = cast.document_ref(cast.named_document(opener.group("doc")), via="explicit")
        cue = frame.cue if frame else None
        return _make(doc, n, para, start, end, sent, ref, cue, "explicit")
    source = _according_to(sent, cast, in_doc=in_doc)
    if source is not None:
        # "According to Varga, developing countries should coordinate …": Varga says so
        return _make(doc, n, para, start, end, sent, source, "according to", source.via)
    if frame is not None:
        ref = frame.ref
        if in_doc and doc_speaker is not None and ref.kind == "group" and ref.via in ("collective", "pronoun"):
            # in a joint statement, "the two sides" and "we" are the statement's authors
            ref = Ref(doc_speaker.name, doc_speaker.kind, ref.via, list(doc_speaker.members),
                      doc_speaker.document, ref.mention)
        via = ref.via
        if ref.kind == "group" and via == "explicit" and ref.members and " and " in ref.name:
            via = "collective"
        if ref.kind == "group":
            cast.last_group = ref
        return _make(doc, n, para, start, end, sent, ref, frame.cue, via)
    participle = PARTICIPLE_CUE.search(sent)
    if participle:
        opening = opening_subject(sent, participle.start())
        ref = cast.resolve(opening, in_doc=in_doc) if opening else None
        if ref is not None:
            return _make(doc, n, para, start, end, sent, ref, participle.group(1), ref.via)
    subject = cast.notice(sent)
    imp = impersonal(sent)
    if imp:
        ref = cast.collective("the sides")
        if in_doc and doc_speaker is not None:
            ref = doc_speaker
        return _make(doc, n, para, start, end, sent, ref, clean(imp.group()), "collective")
    if prev is not None and prev.speaker is not None and (subject is None or subject.name in prev.members):
        ref = Ref(prev.speaker, prev.speaker_kind, "continuation", list(prev.members), prev.document)
        return _make(doc, n, para, start, end, sent, ref, None, "continuation")
    if doc_speaker is not None:
        return _make(doc, n, para, start, end, sent, doc_speaker, None, doc_speaker.via)
    return _make(doc, n, para, start, end, sent, None, None, "none")


# Title-case words then "Joint Statement"/"Declaration": "Russia-China Joint Statement", not "… signed the … Declaration"
WHOLE_DOC = re.compile(r"^(?:(?:U\.S\.|[A-Z][\w\-]+|[A-Z][\w\-]+[,:])[\s\-–]+)*(?:(?i:joint)\s+(?i:statement|declaration|"
                       r"communiqu[eé]|press\s+statement)|Declaration|Communiqu[eé])\b")
SINGLE_AUTHOR = re.compile(r"^(?:Statement|Remarks|Message|Address|Op-Ed|Letter|Proclamation)\s+(?:from|by|of)\s+(?P<who>.+?)(?:\s+(?:on|at|to|in|regarding|before|after|for|during)\s|$)")


def _whole_document_speaker(article: Article, cast: Cast) -> Ref | None:
    """Titles that make the whole text one speaker's: joint statements, 'Statement from …'."""
    title = clean(article.title or "")
    if not title:
        return None
    if WHOLE_DOC.search(title) and not title.lower().startswith(("readout", "remarks", "fact sheet")):
        members = [p.name for p in cast.principals()]
        return Ref(title, "document", "collective", members, document=title)
    m = SINGLE_AUTHOR.match(title)
    if m:
        ref = cast.resolve(clean(m.group("who")))
        if ref is not None and ref.kind == "person" and " and " not in m.group("who"):
            return Ref(ref.name, "person", "turn", ref.members)
    return None
