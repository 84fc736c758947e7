"""The per-article core: one article in, its paragraphs and attributed claims out."""
from __future__ import annotations

from .model import Analysed, Article


def analyse(article: Article) -> Analysed:
    """Segment ``article`` into paragraphs and sentences and attribute each sentence (a claim)."""
    from . import attribute, segment

    paras = segment.paragraphs(article.text)
    sents = segment.sentences(article.text, paras)
    claims = attribute.attribute(article, paras, sents)
    return Analysed(article=article, paragraphs=paras, claims=claims)


def prepare() -> None:
    """Load what the analysis otherwise loads at first use: Punkt, the cue patterns,
    the gazetteer's tables (a neural pipeline's model load, in effect; about 0.15 s).

    For long-lived processes (pool workers, benchmarks); a command on one
    article is quicker without it, loading only what that article needs.
    """
    from . import cues, gazetteer, segment

    segment.prepare()
    cues.prepare()
    gazetteer.prepare()
    analyse(Article(doc="warm-up", path="", format="text", title=None, date=None, source=None, place=None,
                    category=None, url=None,
                    text="The minister said talks were useful. She added that more would follow."))
