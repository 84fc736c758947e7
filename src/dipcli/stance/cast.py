"""What a holder phrase names: the same cast as attribution (names, surnames, titles, pronouns).

:class:`Holders` reads one article's holder phrases in text order. It asks the attribution
package's cast (built on first need, once per article) for names, titles and roles; pronouns
take the person or group last in view, which is the claim's speaker in reported speech ("X said
he opposed …") and otherwise the holder named last. A phrase the cast does not know is named as
written, without its determiner, honorifics and possessive ending.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import NARRATOR, Analysed, Claim

_LEAD = re.compile(r"^(?:(?:the|a|an|some|many|several|other|both|all)\s+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LIST = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_FROM = re.compile(r"\s+(?:from|at)\s+")
# Rules whose sentence is its speaker's own words, where "he" or "she" is never the speaker: a
# transcript's turn, a whole document in one voice (a speech).
_OWN_WORDS = frozenset(("turn", "whole_document"))
_HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Prof|Rev|St)\.?\s+)+")


@dataclass(frozen=True, slots=True)
class Named:
    """Who a holder phrase names."""

    name: str | None  # None: the narration's own voice
    kind: str  # person | group | document | narrator
    members: tuple[str, ...]


class Holders:
    """The holders of one article's acts, resolved in text order."""

    def __init__(self, item: Analysed):
        self.item = item
        self._cast = None
        self.last_person: Named | None = None
        self.last_group: Named | None = None
        self._entities: dict[str, Named | None] = {}
        self._people: dict[str, str] | None = None

    def _scene(self):
        if self._cast is None:
            from ..attribute.subjects import holder_cast

            self._cast = holder_cast(self.item.article)
        return self._cast

    def speaker(self, claim: Claim) -> Named:
        """The claim's speaker as a holder (it comes into view for pronouns); the narration's
        own voice ("we" in a speech nobody introduces) is the narrator."""
        if claim.speaker is None:
            return Named(None, NARRATOR, ())
        named = Named(claim.speaker, claim.speaker_kind, tuple(claim.members) or (claim.speaker,))
        self._seen(named)
        return named

    def name(self, phrase: str, claim: Claim) -> Named | None:
        """What ``phrase`` (a subject, an agent, a possessor) names in this claim, or None."""
        from .holders import pronoun

        low = pronoun(phrase.lower())
        if low in ("we", "i", "our", "my", "us", "me"):
            return self.speaker(claim)  # the speaker's own voice (the narrator's in a speech)
        if low in ("he", "she", "his", "her", "him"):
            if claim.rule in _OWN_WORDS:
                return None  # in a transcript's turn or a speech "he" is someone else, often one the text never names
            gender = "f" if low in ("she", "her") else "m"
            if claim.speaker_kind == "person" and claim.speaker and self._gender(claim.speaker) in (None, gender):
                return self.speaker(claim)
            if claim.speaker_kind == "person" and claim.speaker:
                # "Trump says Clinton is lying about her support for X": not the speaker, whom "her" does not fit
                return self._recent_person(claim.start, gender)
            return self._recent_person(claim.start) or self.last_person or \
                (self.speaker(claim) if claim.speaker else None)
        if low in ("they", "their", "them", "its", "it"):
            if claim.speaker_kind in ("group", "document") and claim.speaker:
                return self.speaker(claim)
            if claim.speaker_kind == "person":
                return self.last_group  # one person is not "they": "officials here say they condemn X"
            return self.last_group or (self.speaker(claim) if claim.speaker else None)
        from ..attribute.subjects import own_side, resolve_holder

        if claim.speaker_kind == "group" and claim.speaker and own_side(phrase.strip()):
            return self.speaker(claim)  # "His delegation will vote against …" after a country's delegate
        bare = _POSSESSIVE.sub("", phrase.strip())
        items = _LIST.split(bare) if ", " in bare and " and " in bare else []
        if len(items) > 2 and all(item[:1].isupper() or " " in item for item in items):
            # "Anna Berg, the singer Tom Hale and other speakers": each item named, all of them hold
            parts = [self.name(item, claim) for item in items]
            members = tuple(dict.fromkeys(m for part in parts if part is not None for m in part.members))
            if members:
                named = Named(" and ".join(members), "group", members)
                self._seen(named)
                return named
        head = _FROM.split(bare, 1)[0]
        if head != bare and head[:1].isupper():
            bare = head  # "Reverend James Dobson from Focus on the Family": the person
        if claim.speaker_kind != "person" and self._cast is None:
            country = _country(bare)  # a country in the narration: no cast needed to name it
            if country is not None:
                named = Named(country, "group", (country,))
                self._seen(named)
                return named
        ref = resolve_holder(self._scene(), bare)
        mention = getattr(ref, "mention", None) or ""
        if ref is not None and not ref.members and mention != bare and mention.islower() \
                and any(w[:1].isupper() and w.lower() not in ("the", "a", "an") for w in bare[:-len(mention)].split()):
            ref = None  # "North Carolina Republican leaders" says more than "leaders": named as written
        if ref is not None:
            name = ref.name if ref.kind == "document" else _LEAD.sub("", ref.name)
            named = Named(name, str(ref.kind), tuple(ref.members) or (name,))
        else:
            written = _HONORIFIC.sub("", _LEAD.sub("", bare)).strip()
            if not written:
                return None
            words = written.split()
            person = 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not written.endswith("s")
            named = Named(written, "person" if person else "group", (written,))
        self._seen(named)
        return named

    def _gender(self, name: str) -> str | None:
        """The gender the cast knows of the person named ``name`` ("m", "f"), if any."""
        return next((p.gender for p in self._scene().people if p.name == name), None)

    def _recent_person(self, offset: int, gender: str | None = None) -> Named | None:
        """The person of the cast the text names last before ``offset`` (of ``gender``, when given,
        one whose gender is not known otherwise)."""
        text = self.item.article.text
        best, at = None, -1
        for person in self._scene().people:
            if gender is not None and person.gender not in (None, gender):
                continue
            for token in person.tokens:
                k = text.rfind(token, max(0, offset - 3000), offset)
                if k > at and len(token) > 2:
                    best, at = person, k
        return Named(best.name, "person", (best.name,)) if best is not None else None

    def _seen(self, named: Named) -> None:
        if named.kind == "person":
            self.last_person = named
        else:
            self.last_group = named

    def entity(self, text: str) -> Named | None:
        """What a capitalised name in a target names in the cast: a person by name or surname."""
        if text in self._entities:
            return self._entities[text]
        bare = _POSSESSIVE.sub("", text)
        if _not_a_person(bare):
            named = None  # "Assembly", "Council": an institution's word, no one's name
        elif self._cast is not None or " " not in bare and self._named_in_full(bare) \
                or bare.split()[0].rstrip(".").lower() in _titles():  # "Duckworth", "Governor Elias Brandt"
            from ..attribute.subjects import resolve_holder

            ref = resolve_holder(self._scene(), bare)
            named = Named(ref.name, "person", (ref.name,)) if ref is not None and ref.kind == "person" else None
        else:
            # the article's cast is not needed for holders here: the people who speak in it will do
            full = self._speakers().get(bare.split()[-1]) if bare else None
            named = Named(full, "person", (full,)) if full is not None and set(bare.split()) <= set(full.split()) \
                else None
        self._entities[text] = named
        return named

    @staticmethod
    def could_be_person(text: str) -> bool:
        """Can a capitalised name the cast does not know be a person's ("Romney", "Alec Baldwin")?"""
        words = text.split()
        return 1 <= len(words) <= 3 and not _not_a_person(text) and _country(text) is None \
            and all(w[:1].isupper() and w[1:].replace("-", "").replace("’", "").replace("'", "").isalpha()
                    and not w[1:].isupper() for w in words) \
            and not any(w.lower() in _titles() for w in words) \
            and not words[-1].endswith(("ans", "ats", "ists", "ites", "ers"))  # "Republicans": a group

    def _named_in_full(self, word: str) -> bool:
        """Does the text write ``word`` after another capitalised word ("Tammy Duckworth"), so that
        the cast may know a fuller name for it?"""
        return named_after_capital(self.item.article.text, word)

    def _speakers(self) -> dict[str, str]:
        """Surname -> full name of the people the article's claims are attributed to."""
        if self._people is None:
            self._people = {}
            for claim in self.item.claims:
                for name in ([claim.speaker] if claim.speaker_kind == "person" else []) + claim.members:
                    if name and " " in name:
                        self._people.setdefault(name.split()[-1], name)
        return self._people


_NAME_CHAR = re.compile(r"[\w’'.\-]")
_SPACE = re.compile(r"\s")
_WORD_END = re.compile(r"\b")


def named_after_capital(text: str, word: str) -> bool:
    r"""Whether ``re.search(rf"[A-Z][\w’'.\-]*\s+{re.escape(word)}\b", text)`` finds one, read from
    each occurrence of ``word`` back (the pattern is tried at every capital of the text): spaces
    before it, and before them a run of name characters that holds a capital. (The run cannot hold
    a space, so the spaces are all those before the word, and the capital any letter of the run.)"""
    i = text.find(word)
    while i >= 0:
        if _WORD_END.match(text, i + len(word)) is not None:
            k = i
            while k > 0 and _SPACE.match(text, k - 1):
                k -= 1
            r = k
            while r > 0 and _NAME_CHAR.match(text, r - 1):
                r -= 1
            if k < i and any("A" <= c <= "Z" for c in text[r:k]):
                return True
        i = text.find(word, i + 1)
    return False


def _not_a_person(name: str) -> bool:
    from ..attribute.names import NON_NAME_WORDS, STOP_CAPS

    return any(w in NON_NAME_WORDS or w in STOP_CAPS for w in name.split())


def _titles() -> frozenset[str]:
    from ..attribute.names import TITLE_WORDS

    return TITLE_WORDS


def _country(phrase: str) -> str | None:
    from ..gazetteer import country_of

    return country_of(_LEAD.sub("", phrase))
