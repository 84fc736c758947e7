"""Articles for tests: hand-built analysed ones for tests that exercise one analysis without the
attribution rules, and plain ones with each sentence's speaker and rule for tests of attribution."""
from __future__ import annotations

from dipcli.model import Analysed, Article, Claim


def plain_article(text: str, *, title: str | None = None, place: str | None = None) -> Article:
    """A plain-text article made of ``text``."""
    return Article(doc="t", path="t.txt", format="text", title=title, date=None, source=None, place=place,
                   category=None, url=None, text=text)


def explained(text: str, *, title: str | None = None, place: str | None = None) -> dict[str, tuple[str | None, str]]:
    """Each sentence's text -> (speaker, the attribution rule that decided it)."""
    from dipcli.core import analyse

    return {claim.text: (claim.speaker, claim.rule)
            for claim in analyse(plain_article(text, title=title, place=place)).claims}


def analysed(doc: str, claims: list[tuple[str | None, str]]) -> Analysed:
    """An article made of the given (speaker, sentence) claims, one paragraph each."""
    text, made = "", []
    for i, (speaker, sentence) in enumerate(claims):
        if text:
            text += "\n\n"
        start = len(text)
        text += sentence
        made.append(Claim(doc=doc, id=f"{doc}:{i}", paragraph=i, start=start, end=len(text), text=sentence,
                          speaker=speaker, speaker_kind="narrator" if speaker is None else "person"))
    article = Article(doc=doc, path=f"{doc}.txt", format="text", title=None, date=None, source=None,
                      place=None, category=None, url=None, text=text)
    return Analysed(article=article, paragraphs=[], claims=made)
