"""The HTML reader: a saved web page's article, without menus, scripts or hidden tooltips.

The body is the element marked ``itemprop="articleBody"``, else ``<article>``,
else ``<main>``, else ``<body>``, less what is hidden and the page's furniture inside it (share
bars, advertisements, related stories: page_furniture.txt); the metadata comes from ``<meta>`` tags
(Open Graph, ``article:published_time``), ``<time>`` and the canonical link.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Article, DipError
from .base import Input, host
from .dates import parse_date
from .decode import meta, one_line
from .maintext import Block, main_text
from .paragraphs import finish


_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section)\b",
                         re.IGNORECASE)


def _html_head(head: str) -> str:
    """``head`` past an XML declaration and leading comments."""
    if head.startswith("<?xml"):
        end = head.find(">")
        head = head[end + 1:].lstrip() if end >= 0 else ""
    while head.startswith("<!--"):
        end = head.find("-->")
        head = head[end + 3:].lstrip() if end >= 0 else ""
    return head


def sniff_html(inp: Input) -> bool:
    """Named ``.html`` and starting with a tag, or starting with a tag only pages start with."""
    head = inp.head
    return inp.ext_format == "html" and head.startswith("<") or _HTML_START.match(_html_head(head)) is not None


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-]{2,40})""", re.IGNORECASE)


def declared_charset(data: bytes, ext_format: str | None) -> str | None:
    """The encoding a page declares in a ``<meta>`` tag of its first 4 KB (tried when UTF-8 fails)."""
    if ext_format != "html" and data.lstrip()[:1] != b"<":
        return None
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                        "form", "iframe", "svg", "math", "button", "select", "textarea", "input",
                        "object", "embed", "canvas", "audio", "video", "head", "title", "meta",
                        "link", "base", "dialog", "menu", "map"})
_HIDDEN_CLASSES = frozenset({"hidden", "tooltip", "read__tooltip", "masha-ignore", "sr-only",
                             "visually-hidden", "visuallyhidden", "screen-reader-text", "d-none",
                             "is-hidden", "u-hidden", "hide", "invisible", "element-invisible",
                             "sr-only-focusable", "a11y-hidden", "offscreen"})
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd",
                         "dt", "div", "section", "article", "main", "ul", "ol", "dl", "table",
                         "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "address", "hr",
                         "details", "summary", "center", "fieldset", "legend", "caption", "body",
                         "html", "hgroup", "picture"})
_CELL_TAGS = frozenset({"td", "th"})
_LEAD_CLASSES = frozenset({"read__lead", "article__lead", "article-lead", "standfirst"})


def _classes(el) -> set[str]:
    value = el.get("class")
    return set(value.split()) if value else set()


_NAME_PARTS = re.compile(r"[^a-z]+")


def _is_furniture(el) -> bool:
    """``el``'s class or id names page furniture (page_furniture.txt): a share bar, an
    advertisement, related stories."""
    names = " ".join(filter(None, (el.get("class"), el.get("id"))))
    return bool(names) and not _furniture().isdisjoint(_NAME_PARTS.split(names.lower()))


@cache
def _furniture() -> frozenset[str]:
    return lexicon.words("page_furniture")


def _is_hidden(el) -> bool:
    tag = el.tag
    if not isinstance(tag, str) or tag.lower() in _DROP_TAGS:
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.get("style")
    if style:
        squeezed = "".join(style.lower().split())
        if "display:none" in squeezed or "visibility:hidden" in squeezed:
            return True
    for token in _classes(el):
        lower = token.lower()
        if lower in _HIDDEN_CLASSES or lower.startswith(("tooltip_", "tooltip-", "tooltip__")) \
                or lower.endswith("__tooltip"):
            return True
    return _is_furniture(el)


def _strip_hidden(root) -> None:
    doomed = [el for el in root.iter() if el is not root and _is_hidden(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _html_blocks(root) -> list[Block]:
    """The paragraphs under ``root`` as blocks: text, how much of it is link text, owner."""
    from lxml import etree

    blocks: list[Block] = []
    buf: list[str] = []
    open_blocks = [root]  # the block elements around the walk's position
    owner = root
    chars = link_chars = 0
    in_link = 0

    def add(text: str) -> None:
        nonlocal owner, chars, link_chars
        if not buf:
            owner = open_blocks[-1]
        buf.append(text)
        chars += len(text)
        if in_link:
            link_chars += len(text)

    def flush() -> None:
        nonlocal chars, link_chars
        if buf:
            para = one_line("".join(buf))
            if para:
                blocks.append(Block(text=para, chars=chars, link_chars=link_chars, owner=owner))
            buf.clear()
            chars = link_chars = 0

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                flush()
                if tag != "br" and el is not root:
                    open_blocks.append(el)
            elif tag in _CELL_TAGS:
                add(" ")
            if tag == "a":
                in_link += 1
            if el.text and tag:
                add(el.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
                if el is not root:
                    open_blocks.pop()
            elif tag in _CELL_TAGS:
                add(" ")
            if tag == "a":
                in_link -= 1
            if el is not root and el.tail:
                add(el.tail)
    flush()
    return blocks


def _html_paragraphs(root) -> list[str]:
    return [block.text for block in _html_blocks(root)]


def _xpath_first(root, query: str):
    found = root.xpath(query)
    return found[0] if found else None


def _itemprop(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@itemprop), ' '), ' {name} ')"


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def read_html(inp: Input) -> list[Article]:
    """One article from an HTML page: the article element's text, metadata from the head."""
    text, name, doc, path = inp.text, inp.name, inp.doc, inp.path
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.LxmlError, ValueError) as err:
        detail = one_line(str(err)) or "empty document"
        raise DipError(f"{name}: could not parse the HTML ({detail})") from None

    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in metas:
            metas[key] = content

    # A <script> or <template> marked as the body holds code or markup, not the article.
    def shown(query: str):
        return next((el for el in root.xpath(query)
                     if isinstance(el.tag, str) and el.tag.lower() not in _DROP_TAGS), None)

    body = shown(f"//*[{_itemprop('articleBody')}]")
    for query in ("//article", "//main"):
        if body is None:
            body = shown(query)
    marked = body is not None  # else the page's main text is told from its menus by maintext
    if body is None:
        body = shown("//body")
    if body is None:
        body = root
    article = body if body.tag == "article" else next(body.iterancestors("article"), None)

    # The lead ("standfirst") sits beside the body inside the article; it is the first paragraph.
    lead = None
    if article is not None:
        above_body = list(body.iterancestors())
        for cand in article.iter():
            if cand is body or not isinstance(cand.tag, str) or cand.tag == "meta":
                continue
            if "description" in (cand.get("itemprop") or "").split() or _classes(cand) & _LEAD_CLASSES:
                if any(cand is a for a in above_body) or any(a is body for a in cand.iterancestors()):
                    continue
                lead = cand
                break

    site = meta(metas.get("og:site_name") or metas.get("application-name"))
    title = meta(metas.get("og:title"))
    if title and site:
        for sep in (" • ", " | ", " - ", " – ", " — "):
            if title.endswith(sep + site) and len(title) > len(sep + site):
                title = title[: -len(sep + site)]
    if title is None:
        scope = article if article is not None else root
        h1 = _xpath_first(scope, ".//h1")
        if h1 is not None:
            title = meta(h1.text_content())
    if title is None:
        node = _xpath_first(root, "//title")
        if node is not None:
            title = meta(node.text_content())
            for sep in (" • ", " | ", " · ", " ‹ ", " « "):
                if title and sep in title:
                    title = title.rsplit(sep, 1)[0].strip() or title
                    break

    day = parse_date(metas.get("article:published_time"))
    if day is None:
        for query in (f"//time[{_itemprop('datePublished')}]", f"//*[{_itemprop('datePublished')}]",
                      "//time[@datetime]"):
            for el in root.xpath(query):
                day = parse_date(el.get("datetime") or el.get("content") or el.text_content())
                if day:
                    break
            if day:
                break
    if day is None:
        for key in ("date", "dc.date", "dcterms.date", "pubdate", "publish-date", "dc.date.issued"):
            day = parse_date(metas.get(key))
            if day:
                break

    place_el = _xpath_first(root, f"//*[{_has_class('p-location')} or {_has_class('read__place')}]")
    place = meta(place_el.text_content()) if place_el is not None else None
    url = meta(metas.get("og:url"))
    if url is None:
        link = _xpath_first(root, "//link[@rel='canonical'][@href]")
        url = meta(link.get("href")) if link is not None else None
    source = site or host(url)

    paras: list[str] = []
    if lead is not None:
        _strip_hidden(lead)
        paras.extend(_html_paragraphs(lead))
    _strip_hidden(body)
    if marked:
        body_paras = _html_paragraphs(body)
    else:
        body_paras = main_text(root, lambda: _html_blocks(body))
    if paras and body_paras and body_paras[0] == paras[-1]:
        body_paras = body_paras[1:]
    if title and body_paras and body_paras[0] == title and lead is None:
        body_paras = body_paras[1:]
    paras.extend(body_paras)
    try:
        text_body = finish(paras, name=name)
    except DipError:
        # libxml2 drops what lies more than 2048 elements deep; say so rather than "no text".
        if any("Excessive depth" in entry.message for entry in parser.error_log):
            raise DipError(f"{name}: HTML nested more than 2048 elements deep; "
                           "no article text found within that depth") from None
        raise
    return [Article(doc=doc, path=path, format="html", title=title, date=day, source=source,
                    place=place, category=meta(metas.get("article:section")), url=url,
                    text=text_body)]
