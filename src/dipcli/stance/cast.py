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
        if low in ("he", "she", "his", "her", "him"):
            if claim.speaker_kind == "person" and claim.speaker:
                return self.speaker(claim)
            return self._recent_person(claim.start) or self.last_person or \
                (self.speaker(claim) if claim.speaker else None)
        if low in ("they", "their", "them", "its", "it"):
            if claim.speaker_kind in ("group", "document") and claim.speaker:
                return self.speaker(claim)
            return self.last_group or (self.speaker(claim) if claim.speaker else None)
        bare = _POSSESSIVE.sub("", phrase.strip())
        from ..attribute.subjects import resolve_holder

        ref = resolve_holder(self._scene(), bare)
        if ref is not None:
            named = Named(ref.name, str(ref.kind), tuple(ref.members) or (ref.name,))
        else:
            written = _HONORIFIC.sub("", _LEAD.sub("", bare)).strip()
            if not written:
                return None
            words = written.split()
            person = 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not written.endswith("s")
            named = Named(written, "person" if person else "group", (written,))
        self._seen(named)
        return named

    def _recent_person(self, offset: int) -> Named | None:
        """The person of the cast the text names last before ``offset``."""
        text = self.item.article.text
        best, at = None, -1
        for person in self._scene().people:
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
        from ..attribute.subjects import resolve_holder

        ref = resolve_holder(self._scene(), _POSSESSIVE.sub("", text))
        if ref is None or ref.kind != "person":
            return None
        return Named(ref.name, "person", (ref.name,))
