"""The plain-text reader: news articles, readouts and speeches as they are saved from the web.

A title line, a header line ("23 Mar., 2023 | Source: Xinhua"), a footer
("Category: …") are metadata; a dateline ("MOSCOW, March 22 (Xinhua) --")
stays in the body and gives the place. Hard-wrapped lines are joined
(:mod:`.paragraphs`); Markdown syntax in a text not named ``.md`` is removed.
"""
from __future__ import annotations

import re

from ..model import Article
from .base import Input
from .dates import parse_date
from .decode import meta
from .markdown import plain_paragraph
from .paragraphs import LIST_ITEM, finish, has_alnum, label_end, lines_to_paragraphs


def sniff_text(inp: Input) -> bool:
    """Anything that decodes is text: the last row of the table."""
    return True


_META_KEYS = {
    "source": "source", "from": "source", "来源": "source", "date": "date", "published": "date",
    "posted": "date", "updated": "date", "time": "date", "发布时间": "date", "日期": "date",
    "hits": None, "views": None, "clicks": None, "editor": None, "editors": None, "author": None,
    "authors": None, "by": None, "writer": None, "reporter": None, "comments": None,
    "责任编辑": None, "编辑": None, "作者": None,
}
_FOOTER_KEYS = {"category": "category", "categories": "category", "section": "category",
                "tags": None, "tag": None, "keywords": None, "editor": None, "editors": None,
                "source": "source", "related": None}
_KEY_VALUE = re.compile(r"\[?\s*([^\W\d_][^\W\d_ ]{0,19}(?: [^\W\d_]{1,12})?)\s*[:：]"
                        r"\s*(.{0,200}?)\s*\]?$")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,4})"
    r"(?:, (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=,))?"
    r"(?:,? (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
    r"(?:\.? ?\((?P<outlet>[^()]{1,40})\))?"
    r"(?:\.? ?/(?P<slash>[A-Za-z][\w .\-]{0,30})/\.?)?"
    r"(?P<sep> ?(?:--|—|–|-) |(?<=/\.) |(?<=/) )"
)


# A rubric before a headline ("Opinion: Europe must …", "Analysis | …"), and those of opinion pieces.
_OPINION_WORDS = "opinion|op-ed|commentary|viewpoint|perspective"
_RUBRIC = re.compile(rf"(?i:{_OPINION_WORDS}|analysis|editorial|explainer)\s*[:|]\s")
_OPINION = re.compile(rf"(?i:{_OPINION_WORDS})\s*[:|]\s")
_META_SPLIT = re.compile(r"\s*[|｜]\s*|\s{3,}")


def _field_meta(field: str) -> tuple[str, str | None] | None:
    """Recognise one header field as ("date" | "source" | "other", value), else None."""
    iso = parse_date(field, strict=True)
    if iso:
        return "date", iso
    m = _KEY_VALUE.match(field)
    if m:
        key = m[1].strip().lower()
        if key in _META_KEYS:
            role, value = _META_KEYS[key], m[2].strip()
            if role == "date":
                return "date", parse_date(value)
            return role or "other", value or None
    if field.lower().startswith("by ") and len(field.split()) <= 6:
        return "byline", field[3:].split(",")[0].strip() or None
    return None


def _parse_meta_line(line: str) -> dict[str, str] | None:
    """A header line such as "23 Mar., 2023  |  Source:新华网  |  Hits:1615" as {role: value}.

    None when any field of the line is not a date, a byline or a known "Key: value".
    """
    if not line or len(line) > 240:
        return None
    fields = [f.strip() for f in _META_SPLIT.split(line.strip()) if f.strip()]
    if not fields or len(fields) > 8:
        return None
    found: dict[str, str] = {}
    for field in fields:
        got = _field_meta(field)
        if got is None:
            return None
        role, value = got
        if role in ("date", "source", "byline") and value:
            found.setdefault(role, value)
    return found


# Words that open a salutation ("Mr President,", "Your Excellencies") rather than a headline.
_VOCATIVES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "madam", "madame", "mdm", "mister",
                        "dear", "your", "excellency", "excellencies", "ladies", "distinguished",
                        "honourable", "honorable", "esteemed", "respected", "friends",
                        "colleagues", "hon.", "h.e.", "his", "her"})


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 200:
        return False
    if line.rstrip().endswith((".", ",", ";", ":", "!", "–", "—", "-")) or LIST_ITEM.match(line):
        return False
    if line.count(",") >= 2 or words[0].lower().strip(",") in _VOCATIVES:
        return False
    return has_alnum(line) and _DATELINE.match(line) is None


def _title_case(place: str) -> str:
    if not place.isupper():
        return place
    words = place.lower().split()
    small = {"of", "the", "de", "la", "el", "and", "du", "des", "da", "do"}
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


# The dateline of South Asian dailies: "ISLAMABAD: Pakistan and Iran on Tuesday agreed …".
_COLON_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z'’\-]{3,}(?: [A-Z][A-Z'’\-]+){0,2}):[ \t]+(?=[A-Z])")


def _parse_dateline(para: str, body: str = "") -> tuple[str | None, str | None]:
    """(place, outlet) from a dateline such as "MOSCOW, March 22 (Xinhua) --", or "ISLAMABAD: …"
    when the place is a capital or country the gazetteer knows or the article writes it after
    "in", "at" or "from" (not "UPDATE:", "EXCLUSIVE:")."""
    m = _DATELINE.match(para[:160])
    if not m:
        c = _COLON_DATELINE.match(para[:60])
        if c is None:
            return None, None
        from .. import gazetteer  # (the gazetteer's tables are read only when a colon dateline is tried)
        place = _title_case(c["place"])
        if not gazetteer.filed_at(place, body):
            return None, None
        return place, None
    place = m["place"].rstrip(".")
    outlet = m["outlet"] or m["slash"]
    if sum(c.isalpha() for c in place) < 3:
        return None, None
    if not (m["date"] or outlet) and m["sep"].strip() not in ("—", "--"):
        return None, None  # "NATO - the alliance …" is no dateline; "WASHINGTON — …" is
    if outlet and (outlet.isdigit() or parse_date(outlet)):
        outlet = None
    region = f", {m['region']}" if m["region"] else ""
    return _title_case(place) + region, outlet.strip() if outlet else None


_MD_EMPHASIS = re.compile(r"\*[^\s*][^*\n]{0,200}\*(?![\w*])")


def _markdownish(text: str) -> bool:
    """Plain text written in Markdown (emphasis, headings, quotes) though not named .md."""
    head = text[:65536]
    hits = head.count("**") // 2 + head.count("\n#") + head.count("\n>") + head.count("](http")
    if hits < 2 and "*" in head:
        for _ in _MD_EMPHASIS.finditer(head):
            hits += 1
            if hits >= 2:
                break
    return hits >= 2


def read_text(inp: Input) -> list[Article]:
    """One article from plain text: header lines and footer are metadata, the rest is body."""
    text, name, doc, path = inp.text, inp.name, inp.doc, inp.path
    markdownish = _markdownish(text)
    lines = text.split("\n")
    n = len(lines)
    title = day = source = category = author = None

    def next_nonblank(i: int) -> int:
        while i < n and not lines[i].strip():
            i += 1
        return i

    start = next_nonblank(0)
    first = " ".join(lines[start].split()) if start < n else ""
    if markdownish:
        first = " ".join(plain_paragraph(first).split())
    after = next_nonblank(start + 1)
    if after < n:
        header = _parse_meta_line(first)
        if header is not None:
            day, source = header.get("date"), header.get("source")
            start = after
        elif _looks_like_title(first) and (label_end(first) < 0 or _RUBRIC.match(first)):
            header = _parse_meta_line(" ".join(lines[after].split()))
            following = lines[after].strip()
            if header is not None or (after > start + 1 and not following[:1].islower()
                                      and not following.endswith((";", ","))):
                title = first
                start = after
                if header is not None:
                    day, source = header.get("date"), header.get("source")
                    start = next_nonblank(after + 1)
                    if _OPINION.match(title):  # an opinion piece is its byline's author's words
                        author = header.get("byline")

    end = n
    while True:
        last = end - 1
        while last >= start and not lines[last].strip():
            last -= 1
        if last <= start:
            break
        m = _KEY_VALUE.match(" ".join(lines[last].split())) if len(lines[last]) <= 300 else None
        if not m or m[1].strip().lower() not in _FOOTER_KEYS:
            break
        role = _FOOTER_KEYS[m[1].strip().lower()]
        value = m[2].strip() or None
        if role == "category" and category is None:
            category = value
        elif role == "source" and source is None:
            source = value
        end = last

    paras = lines_to_paragraphs(lines[start:end])
    if markdownish:
        paras = [plain_paragraph(p) for p in paras]
    place = None
    outlet = None
    joined = "\n".join(paras) if any(":" in p[:60] for p in paras[:5]) else ""
    for para in paras[:5]:  # after a byline, a slug or bullets ("By Ana Ruiz", "* Leaders meet …"), not further
        place, outlet = _parse_dateline(para, joined)
        if place is not None or len(para.split()) >= 15:
            break
    if source is None:
        source = outlet
    body = finish(paras, name=name)
    return [Article(doc=doc, path=path, format="text", title=meta(title), date=day,
                    source=meta(source), place=meta(place), category=meta(category), url=None,
                    text=body, author=meta(author))]
