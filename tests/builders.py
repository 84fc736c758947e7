"""Hand-built analysed articles for tests that exercise one analysis without the attribution rules."""
from __future__ import annotations

from dipcli.model import Analysed, Article, Claim


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
