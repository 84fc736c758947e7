"""From paths to analysed articles: load, segment, attribute; and the per-speaker roll-up."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from .model import Analysed, Article, Claim, DipError, Speaker, Stance


def analyse(article: Article) -> Analysed:
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


def iter_analysed(paths: Sequence[str], *, on_error: Callable[[DipError], None], use_cache: bool = True,
                  jobs: int = 1, max_bytes: int | None = None,
                  stances: bool = False) -> Iterator[Analysed | tuple[Analysed, list[Stance]]]:
    """Analysed articles in input order, one at a time (memory stays flat).

    With ``stances``, ``(item, its stance acts)`` pairs: with ``jobs`` above 1
    the worker that analyses an article also finds its acts.
    """
    from .load import DEFAULT_MAX_BYTES, iter_articles

    articles = iter_articles(paths, on_error=on_error, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    if use_cache:
        from .cache import Cache

        cache = Cache.open(on_error=on_error)
    else:
        cache = None
    if jobs > 1:
        from .parallel import analyse_parallel

        yield from analyse_parallel(articles, jobs=jobs, cache=cache, stances=stances)
        return
    for article in articles:
        item = cache.get(article) if cache else None
        if item is None:
            item = analyse(article)
            if cache:
                cache.put(item)
        if stances:
            from .stance import find_stances

            yield item, find_stances(item)
        else:
            yield item


def speaker_matches(name: str | None, wanted: str) -> bool:
    """The --speaker filter: case-insensitive, the whole name or every word of ``wanted`` in it.

    ``putin`` matches "Vladimir Putin"; ``narrator`` matches the outlet's own voice.
    """
    import re

    label = (name if name is not None else "narrator").lower()
    want = wanted.lower().strip()
    if want == label:
        return True
    words = set(re.findall(r"\w+", label))
    return all(w in words for w in re.findall(r"\w+", want))


def speaker_label(claim: Claim) -> str:
    return claim.speaker if claim.speaker is not None else "narrator"


def speakers(items: Iterable[Analysed]) -> list[Speaker]:
    """Each speaker with kind, the forms it was referred to by, claim counts and cues."""
    from .terms import stem

    count: Counter[tuple[str, str]] = Counter()
    cues: dict[tuple[str, str], Counter[str]] = {}
    cue_forms: dict[str, str] = {}  # "expressed serious concern" and "express serious concerns" are one cue
    aliases: dict[tuple[str, str], list[str]] = {}
    members: dict[tuple[str, str], list[str]] = {}
    total = 0
    for item in items:
        for c in item.claims:
            key = (speaker_label(c), c.speaker_kind)
            total += 1
            count[key] += 1
            if c.cue:
                form = c.cue.lower()
                lemma = " ".join(stem(w) for w in form.split())
                cues.setdefault(key, Counter())[cue_forms.setdefault(lemma, form)] += 1
            seen = members.setdefault(key, [])
            for m in c.members:
                if m not in seen:
                    seen.append(m)
            alias = c.mention
            if alias:
                lst = aliases.setdefault(key, [])
                if alias not in lst:
                    lst.append(alias)
    out = []
    for key, n in count.items():
        name, kind = key
        out.append(Speaker(name=name, kind=kind, aliases=aliases.get(key, []), claims=n,
                           share=round(n / total, 4) if total else 0.0,
                           cues=[c for c, _ in sorted(cues.get(key, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))],
                           members=members.get(key, [])))
    out.sort(key=lambda s: (-s.claims, s.name, s.kind))
    return out

