"""The Markdown reader: YAML front matter for metadata, Markdown syntax removed from the body."""
from __future__ import annotations

import html as html_entities
import re
from collections.abc import Sequence

from ..model import Article
from .base import Input, host
from .dates import parse_date
from .decode import clean, collapse, meta
from .paragraphs import ends_sentence, finish, has_alnum


def sniff(inp: Input) -> bool:
    """Named ``.md``, or opening with a front matter block (``---`` … ``---``)."""
    if inp.head.startswith("---") and front_matter_end(inp.text.lstrip("\ufeff").split("\n", 400)) is not None:
        return True
    return inp.ext_format == "markdown"


_MD_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_BULLET_CHARS = frozenset("-*+•▪●◦‣∙·")
_MD_BULLET = re.compile(r"\s{0,12}([-*+•▪●◦‣∙·])[ \t]+(?=\S)")
_MD_ORDERED = re.compile(r"\s{0,12}(\d{1,9}[.)])[ \t]+(?=\S)")
_MD_FENCE = re.compile(r" {0,3}(```|~~~)")
_MD_STRUCK = re.compile(r"<(s|del|strike)\b[^<>]{0,200}>[^<]{0,500}</\1\s*>", re.IGNORECASE)
# Link texts may hold escapes, but never a bracket, escaped or not: a scan that starts at one
# "[" then stops at the next, which keeps the whole pass linear.
_MD_IMAGE = re.compile(r"!\[(?:[^\[\]\\\n]|\\[^\[\]\n]){0,500}\]"
                       r"\([^()\s]{0,2000}(?:\s+\"[^\"]{0,200}\")?\)")
_MD_LINK = re.compile(r"\[((?:[^\[\]\\]|\\[^\[\]]){0,1000})\]"
                      r"(?:\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}"
                      r"(?:\s+\"[^\"]{0,200}\")?\)|\[[^\[\]]{0,100}\])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]{1,2000})>")
_MD_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]{0,20}(?:\s[^<>]{0,4000})?/?>")
_MD_INLINE = re.compile(r"\\([!-/:-@\[-`{-~])|\*+|_+|~~|`+")


def front_matter_end(lines: Sequence[str]) -> int | None:
    """Index of the line closing a front matter block opened by ``---`` on line 0."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, min(len(lines), 400)):
        if lines[i].rstrip() in ("---", "..."):
            return i
    return None


def _lenient_front_matter(lines: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        key = key.strip()
        if sep and key and " " not in key and not line.startswith((" ", "\t", "-")):
            found.setdefault(key.lower(), value.strip().strip("'\""))
    return found


def _read_front_matter(lines: Sequence[str]) -> dict | None:
    import yaml

    block = "\n".join(lines)
    if len(block) > 256 * 1024:
        return _lenient_front_matter(lines) or None
    # The C loader (when PyYAML was built with libyaml) is safe_load's twin, ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(block, Loader=loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        # Broken YAML, or a value its constructors reject ("date: 2021-02-30").
        return _lenient_front_matter(lines) or None
    except RecursionError:
        return None
    if isinstance(data, dict):
        return {str(k).lower(): v for k, v in data.items()}
    return None


def _first_of(fields: dict, *keys: str) -> object:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, list) and value:
            value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
        if value not in (None, "", []):
            return value
    return None


def _md_inline(text: str) -> str:
    """Markdown inline syntax removed: escapes, emphasis, links, inline HTML."""
    if "<" in text:
        text = _MD_STRUCK.sub("", text)
        text = _MD_AUTOLINK.sub(r"\1", text)
    if "[" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
    if "<" in text:
        text = _MD_TAG.sub(lambda m: " " if m.group()[1:3].lower() == "br" else "", text)

    def inline(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1)
        token = m.group(0)
        if token[0] == "_":
            before = m.string[m.start() - 1] if m.start() else " "
            after = m.string[m.end()] if m.end() < len(m.string) else " "
            if before.isalnum() and after.isalnum():
                return token
        return ""

    if any(c in text for c in "\\*_~`"):
        text = _MD_INLINE.sub(inline, text)
    if "&" in text:
        text = clean(html_entities.unescape(text))
    return text


def plain_paragraph(para: str) -> str:
    """One paragraph of Markdown-ish plain text without its Markdown syntax."""
    m = _MD_HEADING.match(para)
    if m:
        para = para[m.end():].rstrip().rstrip("#")
    while para.startswith(">"):
        para = para[1:].lstrip()
    m = _MD_BULLET.match(para)
    if m:
        para = "- " + para[m.end():]
    return _md_inline(para)


def _markdown_blocks(lines: Sequence[str]) -> list[tuple[str, int]]:
    """(paragraph source, heading level or 0), hard-wrapped lines joined."""
    paras: list[tuple[str, int]] = []
    buf: list[str] = []
    hard_break = False
    in_code = False
    quoted = False

    def flush() -> None:
        if buf:
            paras.append((" ".join(buf), 0))
            buf.clear()

    for line in lines:
        stripped = line.strip()
        first = stripped[:1]
        if first in ("`", "~") and _MD_FENCE.match(line):
            flush()
            in_code = not in_code
            continue
        if in_code:
            if stripped:  # escaped, so that the inline pass leaves code as it is
                escaped = stripped.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
                paras.append((escaped, 0))
            continue
        if not stripped:
            flush()
            hard_break = False
            continue
        is_quote = first == ">"
        if is_quote:
            stripped = stripped.lstrip("> ")
            if not stripped:
                flush()
                continue
            first = stripped[:1]
        if is_quote != quoted:
            flush()
            quoted = is_quote
        if first == "#" and not is_quote:
            m = _MD_HEADING.match(stripped)
            if m:
                flush()
                paras.append((stripped[m.end():].rstrip().rstrip("#").rstrip(), len(m[1])))
                hard_break = False
                continue
        if first in ("=", "-", "*", "_"):
            chars = set(stripped)
            if chars <= {"=", "-"} and len(stripped) >= 2 and buf:
                heading = " ".join(buf)
                buf.clear()
                paras.append((heading, 1 if first == "=" else 2))
                continue
            if chars <= {"*", "-", "_", " "} and stripped.count(first) >= 3:
                flush()
                continue
        bullet = _MD_BULLET.match(stripped) if first in _BULLET_CHARS else None
        if bullet:
            flush()
            buf.append("- " + stripped[bullet.end():])
        elif first.isdigit() and _MD_ORDERED.match(stripped):
            flush()
            buf.append(stripped)
        else:
            if buf and hard_break and not first.islower():
                flush()
            buf.append(stripped)
        if line.endswith("\\") and not line.endswith("\\\\"):
            hard_break = True
            buf[-1] = buf[-1][:-1].rstrip()
        else:
            hard_break = line.endswith("  ")
    flush()
    return paras


def read(inp: Input) -> list[Article]:
    """One article from Markdown: front matter is metadata, a first level-1 heading the title."""
    text, name, doc, path = inp.text, inp.name, inp.doc, inp.path
    lines = text.lstrip("\ufeff").split("\n")
    front: dict = {}
    end = front_matter_end(lines)
    if end is not None:
        front = _read_front_matter(lines[1:end]) or {}
        lines = lines[end + 1:]
    # (lines, heading level, has a letter or digit): lines are joined at the end, so that
    # gluing many blocks onto one paragraph stays linear.
    blocks: list[tuple[list[str], int, bool]] = []
    for src, level in _markdown_blocks(lines):
        para = collapse(_md_inline(src))
        if not para:
            continue
        last = blocks[-1] if blocks else None
        # A blank line inside a sentence (a converter's artefact) does not end a paragraph.
        if last is not None and not level and not last[1] and para[:1].islower() \
                and last[2] and not ends_sentence(last[0][-1]):
            last[0].append(para)
        else:
            blocks.append(([para], level, has_alnum(para)))
    paras = [(" ".join(parts), level) for parts, level, _ in blocks]
    title = meta(_first_of(front, "title", "headline"))
    if title is None:
        first = next(((p, lvl) for p, lvl in paras if has_alnum(p)), None)
        if first is not None and first[1] == 1:
            title = meta(first[0])
            paras.remove(first)
    url = meta(_first_of(front, "source_url", "url", "link", "canonical_url", "permalink"))
    day = None
    for key in ("date", "published", "published_time", "pubdate", "created", "modified_time"):
        if key in front:
            day = parse_date(front[key])
            if day:
                break
    source = meta(_first_of(front, "source", "publisher", "site", "outlet")) or host(url)
    body = finish((p for p, _ in paras), name=name)
    return [Article(doc=doc, path=path, format="markdown", title=title, date=day, source=source,
                    place=meta(_first_of(front, "place", "location", "dateline")),
                    category=meta(_first_of(front, "category", "categories", "section", "tags")),
                    url=url, text=body)]
