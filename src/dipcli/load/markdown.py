"""The Markdown reader: YAML front matter for metadata, Markdown syntax removed from the body."""
from __future__ import annotations

import html as html_entities
import re
from collections.abc import Sequence
from functools import cache

from ..model import Article
from .base import Input, host
from .dates import parse_date
from .decode import clean, collapse, meta
from .paragraphs import ends_sentence, finish, has_alnum


def sniff_markdown(inp: Input) -> bool:
    """Named ``.md``, or opening with a front matter block (``---`` … ``---``)."""
    if inp.head.startswith("---") and front_matter_end(inp.text.lstrip("\ufeff").split("\n", 400)) is not None:
        return True
    return inp.ext_format == "markdown"


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


@cache
def _parser():
    from markdown_it import MarkdownIt

    # Indentation is no code block in news text (a transcript's "END 2:31 P.M." is indented 25
    # spaces); text_join off keeps escaped characters apart from plain text, so that the
    # clean-up of stray emphasis markers leaves an escaped "\*" alone; inline content is parsed
    # by _inline_lines, only where it holds inline syntax.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["code", "text_join", "inline"])


# Bullets CommonMark does not know: "• item" on its own line starts a list item all the same.
_OTHER_BULLET = re.compile(r"[•▪●◦‣∙·][ \t]+(?=\S)")
_STRAY = re.compile(r"\*+|_+|~~|`+")
_STRUCK_OPEN = re.compile(r"<(s|del|strike)\b[^>]*>\Z", re.IGNORECASE)
_BREAK = re.compile(r"<br\b", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_STRUCK = re.compile(r"<(s|del|strike)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][^>]*|![^>]*|\?[^>]*)>")


def _unstray(text: str) -> str:
    """Emphasis markers left over by sloppy Markdown ("**Note: **", a lone "*") removed; an
    underscore inside a word stays."""
    def keep(m: re.Match[str]) -> str:
        token = m.group()
        if token[0] == "_":
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if before.isalnum() and after.isalnum():
                return token
        return ""

    if not any(c in text for c in "*_~`"):
        return text
    return _STRAY.sub(keep, text)


def _skip_to(children: list, start: int, closes) -> int:
    """Index after the token that ``closes`` (a predicate) accepts, or ``start`` when none does."""
    for j in range(start + 1, len(children)):
        if closes(children[j]):
            return j + 1
    return start


# The characters where an inline rule of markdown-it can start (escape, code, strikethrough,
# emphasis, link, image, autolink, inline HTML, entity); other text is text and line breaks.
_INLINE_SYNTAX = re.compile(r"[\\`~*_\[<&]")
# A backslash escape (any ASCII punctuation) or a backslash hard break; and a line break.
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~\n]")
_PLAIN_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|\\\n|\n")


def _plain_lines(content: str) -> list[tuple[str, bool]] | None:
    """What markdown-it's inline parse gives for content whose only syntax is backslash escapes
    and line breaks (most paragraphs of news text), without running it; None for other content."""
    bare = _ESCAPE.sub("", content) if "\\" in content else content
    if _INLINE_SYNTAX.search(bare) is not None:
        return None
    lines: list[tuple[str, bool]] = []
    buf: list[str] = []
    hard = False
    pos = 0
    for m in _PLAIN_TOKEN.finditer(content):
        buf.append(content[pos:m.start()])
        pos = m.end()
        if m.group(1) is not None:
            buf.append(m.group(1))
            continue
        line = "".join(buf).lstrip(" ")
        if m.group() == "\n":  # trailing spaces go; two or more make the break a hard one
            lines.append((line.rstrip(" "), hard))
            hard = line.endswith("  ")
        else:
            lines.append((line, hard))
            hard = True
        buf = []
    buf.append(content[pos:])
    lines.append(("".join(buf).lstrip(" "), hard))
    return lines


def _inline_lines(content: str, env: dict) -> list[tuple[str, bool]]:
    """An inline token's text as lines: (text, whether a hard line break ends the line before).

    Struck-through text (``<s>…</s>``, ``~~…~~``: a transcript's correction) is dropped,
    images too; links keep their text; inline HTML tags and comments are dropped.
    """
    plain = _plain_lines(content)
    return plain if plain is not None else _parsed_lines(content, env)


def _parsed_lines(content: str, env: dict) -> list[tuple[str, bool]]:
    """:func:`_inline_lines` by markdown-it's inline parser (``env``: the document's link
    references)."""
    md = _parser()
    children: list = []
    md.inline.parse(content, md, env, children)
    lines: list[tuple[list[str], bool]] = [([], False)]
    i = 0
    n = len(children)
    while i < n:
        tok = children[i]
        kind = tok.type
        if kind == "text":
            lines[-1][0].append(_unstray(tok.content))
        elif kind in ("text_special", "code_inline"):
            lines[-1][0].append(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            lines.append(([], kind == "hardbreak"))
        elif kind == "s_open":
            i = _skip_to(children, i, lambda t: t.type == "s_close")
            continue
        elif kind == "html_inline":
            m = _STRUCK_OPEN.match(tok.content)
            if m:
                close = re.compile(rf"</{m[1]}\s*>\Z", re.IGNORECASE)
                after = _skip_to(children, i, lambda t: t.type == "html_inline" and close.match(t.content))
                if after > i:
                    i = after
                    continue
            elif _BREAK.match(tok.content):
                lines[-1][0].append(" ")
        i += 1
    return [("".join(parts), hard) for parts, hard in lines]


def _html_text(html: str) -> str:
    """The words of a block of raw HTML: comments, struck-through text and tags removed."""
    html = _HTML_COMMENT.sub("", html)
    html = _HTML_STRUCK.sub("", html)
    html = _BREAK.sub(" <br", html)
    return html_entities.unescape(_HTML_TAG.sub("", html))


def _paragraphs(lines: list[tuple[str, bool]], prefix: str) -> list[str]:
    """Lines of one Markdown paragraph as paragraphs of the article.

    A hard line break ends a paragraph unless the next line goes on in lower case (a
    transcript's speaker turns are often one hard-broken paragraph); a line opening with a
    bullet CommonMark does not know starts a list item. ``prefix`` marks a list item.
    """
    paras: list[list[str]] = []
    for text, hard in lines:
        line = text.strip()
        if not line:
            continue
        bullet = _OTHER_BULLET.match(line)
        if bullet:
            paras.append(["- " + line[bullet.end():]])
        elif not paras or hard and not line[:1].islower():
            paras.append([line])
        else:
            paras[-1].append(line)
    joined = [" ".join(parts) for parts in paras]
    if joined and prefix:
        joined[0] = prefix + joined[0]
    return joined


def _blocks(tokens: list, env: dict) -> list[tuple[str, int]]:
    """(paragraph, heading level or 0) from markdown-it's tokens, in document order.

    A list item's first paragraph starts with its marker ("- ", "2. "); a table row is one
    paragraph, its cells separated by spaces; every non-blank line of fenced code is one.
    Reference-link definitions, comments and thematic breaks leave nothing.
    """
    out: list[tuple[str, int]] = []
    prefix = ""
    level = 0
    row: list[str] | None = None
    for tok in tokens:
        kind = tok.type
        if kind == "list_item_open":
            prefix = f"{tok.info}{tok.markup} " if tok.info else "- "
        elif kind == "list_item_close":
            marker = prefix.strip()
            if marker[:1].isdigit():
                # An empty numbered item is the last line of a hard-wrapped sentence inside a
                # list ("… launched in June" / "2023."): its marker is text.
                if out and not out[-1][1] and not ends_sentence(out[-1][0]):
                    out[-1] = (f"{out[-1][0]} {marker}", 0)
                else:
                    out.append((marker, 0))
            prefix = ""
        elif kind == "heading_open":
            level = int(tok.tag[1:])
        elif kind == "heading_close":
            level = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            out.append((" ".join(cell for cell in row if cell), 0))
            row = None
        elif kind == "inline":
            lines = _inline_lines(tok.content, env)
            if row is not None:
                row.append(" ".join(text.strip() for text, _ in lines))
            elif level:
                out.append((" ".join(text.strip() for text, _ in lines), level))
            else:
                out.extend((para, 0) for para in _paragraphs(lines, prefix))
                prefix = ""
        elif kind == "fence":
            out.extend((line, 0) for line in tok.content.split("\n") if line.strip())
        elif kind == "html_block":
            out.append((_html_text(tok.content), 0))
    return out


# A line that could open a block other than a paragraph: a heading ("#" to "######" and a
# space), a quotation, HTML, a fence, a setext underline, a bullet or numbered list item (its
# marker and a space, a tab or the line's end), a thematic break of "*", "-" or "_"; a table's pipe
# and what markdown-it normalises (carriage returns, NUL) anywhere, tested apart; "[" can open a
# link reference definition only in text with "]:". Searched from a line break before the text:
# a pattern that opens with a plain character lets the engine skip from one line break to the
# next instead of trying every position.
_BLOCK_SYNTAX = re.compile(
    r"\n[ \t]*(?:#{1,6}(?=[ \t\n]|\Z)|[><]|```|~~~|=+[ \t]*(?=\n|\Z)|[*+-](?=[ \t\n]|\Z)"
    r"|\d{1,9}[.)](?=[ \t\n]|\Z)|([*_-])(?:[ \t]*\1)*[ \t]*(?=\n|\Z))")
_LINK_REFERENCE = re.compile(r"\n[ \t]*\[")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
# What markdown-it trims off a paragraph: JavaScript's trim without U+FEFF (the Unicode space
# separators, tab, line breaks, vertical tab and form feed). Older markdown-it-py releases used
# Python's strip(), which also takes U+001C-U+001F and U+0085: a paragraph that opens or ends
# with one of those is left to markdown-it.
_TRIM = " \t\n\v\f\r\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
        "\u2028\u2029\u202f\u205f\u3000"


def _plain_blocks(text: str) -> list[str] | None:
    """The paragraphs markdown-it's block parse finds in text whose every line is a paragraph's
    (lines of spaces and tabs apart), without running it; None for other text."""
    if "|" in text or "\r" in text or "\0" in text:
        return None
    lines = "\n" + text
    if _BLOCK_SYNTAX.search(lines) is not None or "]:" in text and _LINK_REFERENCE.search(lines):
        return None
    out: list[str] = []
    for raw in _BLANK_LINES.split(text):
        content = raw.strip(_TRIM)
        if not content:
            continue
        if content[0].isspace() or content[-1].isspace():
            return None
        out.append(content)
    return out


def _parse(text: str) -> list[tuple[str, int]]:
    env: dict = {}
    plain = _plain_blocks(text)
    if plain is not None:
        return [(para, 0) for content in plain for para in _paragraphs(_inline_lines(content, env), "")]
    return _blocks(_parser().parse(text, env), env)


def plain_paragraph(para: str) -> str:
    """One paragraph of Markdown-ish plain text without its Markdown syntax."""
    return " ".join(text for text, _ in _parse(para))


def read_markdown(inp: Input) -> list[Article]:
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
    for src, level in _parse("\n".join(lines)):
        para = collapse(clean(src))
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
                    url=url, text=body, author=meta(_first_of(front, "speaker")))]
