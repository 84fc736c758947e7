"""Records that combine stages for output: article rows and search hits."""
from __future__ import annotations

from typing import Any

from .model import Analysed


def article_record(item: Analysed, *, with_text: bool = False) -> dict[str, Any]:
    a = item.article
    rec: dict[str, Any] = {
        "doc": a.doc, "path": a.path, "format": a.format, "title": a.title, "date": a.date,
        "source": a.source, "place": a.place, "category": a.category, "url": a.url, "author": a.author,
        "chars": len(a.text), "words": len(a.text.split()), "paragraphs": len(item.paragraphs),
        "claims": len(item.claims),
        "speakers": len({c.speaker for c in item.claims if c.speaker is not None}),
    }
    if with_text:
        rec["text"] = a.text
    return rec


def hit_record(hit) -> dict[str, Any]:
    from dataclasses import asdict

    rec = asdict(hit.claim)
    rec["score"] = hit.score
    return rec
