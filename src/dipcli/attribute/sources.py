"""Sources named by what they are, not by name: "the foreign ministry", "A Hong Kong government
spokesman", "a senior official", "The South Korean military", "two U.S. officials".

Wire stories attribute to them as often as to people ("BEIJING (AFP) - China will …, the
foreign ministry said"). :func:`unnamed_source` reads a subject phrase that ends with a head of
``source_heads.tsv`` after determiners, numbers, capitalised words and the modifiers of
``source_modifiers.txt``; the speaker is the phrase as written without its determiner. An
institution the phrase gives no country is the dateline's country's ("Chinese foreign ministry").
"""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer, lexicon
from .cast import GROUP, PERSON, TITLE, Ref, Scene

_DETERMINERS = frozenset("the a an one two three four five several some many other another its their".split())


@cache
def _heads() -> dict[str, str]:
    return {row["head"]: row["kind"] for row in lexicon.rows("source_heads")}


def source_words() -> frozenset[str]:
    """Every lower-case word such a phrase may hold, for the reader of subject phrases."""
    return frozenset(_heads()) | lexicon.words("source_modifiers")


_WORD = re.compile(r"[\w.’'\-]+")


def unnamed_source(scene: Scene, phrase: str) -> Ref | None:
    """The source ``phrase`` names by what it is, or None."""
    words = _WORD.findall(phrase)
    if not words or words[-1].lower() not in _heads():
        return None
    kind = _heads()[words[-1].lower()]
    modifiers = lexicon.words("source_modifiers")
    body = list(words)
    while body and body[0].lower() in _DETERMINERS:
        body.pop(0)
    if not body:
        return None
    for w in body[:-1]:
        if not (w[:1].isupper() or w.lower() in modifiers or w.lower() in _heads()):
            return None  # "the talks with officials": not a source's name
    capitalised = [w for w in body[:-1] if w[:1].isupper()]
    if body[-1][:1].isupper():
        body[-1] = body[-1].lower()  # "Officials said …" opens a sentence
    name = " ".join(body)
    qualified = bool(capitalised)
    if not capitalised and kind == "group" and not body[-1].endswith("s"):
        country = _dateline_country(scene)
        if country:
            adjective = (gazetteer.demonyms(country) or (country,))[0]
            name, qualified = f"{adjective} {name}", True
    if len(body) == 1 and not qualified:
        return None  # "officials said", "the government said" with no place: too vague to be anyone's
    return Ref(name, PERSON if kind == "person" else GROUP, TITLE, [], mention=phrase)


def _dateline_country(scene: Scene) -> str | None:
    place = scene.cast.place
    if not place:
        return None
    return gazetteer.country_of(place) or gazetteer.capital_country(place.split(",")[0].strip())
