"""Articles for tests: hand-built analysed ones for tests that exercise one analysis without the
attribution rules, and plain ones with each sentence's speaker and rule for tests of attribution."""
from __future__ import annotations

from dipcli.model import Analysed, Article, Claim, Stance

# Two people a news sentence can name, introduced the way a wire story does.
NEWS = ("Senator Tamsin Okafor of Ohio and Governor Elias Brandt of Vermont clashed on Monday over the "
        "freight rail bill. ")


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


def stance_acts(text: str) -> list[Stance]:
    """The stance acts of a plain article made of ``text``, each checked to point at its own words:
    the cue, the target, the holder (when it is in the text) and every entity it is about."""
    from dipcli.core import analyse
    from dipcli.stance import find_stances

    found = find_stances(analyse(plain_article(text)))
    for s in found:
        assert text[s.cue_start:s.cue_end] == s.cue and text[s.target_start:s.target_end] == s.target
        if s.holder_start is not None:
            assert text[s.holder_start:s.holder_end].strip()
        for m in s.about:
            assert text[m.start:m.end] == m.text
    return found


def one_act(text: str) -> Stance:
    """The one stance act of ``text``; fails, listing them, when there are none or several."""
    found = stance_acts(text)
    assert len(found) == 1, [(s.holder, s.cue, s.target) for s in found]
    return found[0]
