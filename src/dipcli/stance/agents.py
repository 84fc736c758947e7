"""Holders named around their cue rather than as its subject: the agent of a passive's "by"
phrase ("was praised by the mayor"), the possessor of a stance noun ("the mayor's criticism of X",
"her support"), and the owner of what a holder speaks through ("Joyce Banda's office")."""
from __future__ import annotations

from .holders import (POSSESSIVE_PRONOUNS, PRONOUNS, Holder, agentive, noun_phrase_after, noun_phrase_ending,
                      noun_word, pronoun)
from .tokens import CLAUSE_PUNCT, Tokens, adverb, country_word, possessive
from .words import DET, MONTHS, PREP, RELATIVES, SKIP_ADVERBS, SUBORDINATORS, VOICE_NOUNS


def voice_owner(tk: Tokens, h: Holder) -> Holder:
    """A holder phrase that ends in what its owner speaks through ("a 2015 Human Rights Watch report",
    "Joyce Banda's office"): the owner's words, when a name or a possessive stands before it."""
    if not h.named or h.end - h.start < 2 or tk.low[h.end - 1] not in VOICE_NOUNS:
        return h
    e = h.end - 1
    if not (tk.cap(e - 1) or possessive(tk, e - 1)):
        return h
    s = h.start
    while s < e - 1 and (tk.low[s] in DET or tk.low[s].isdigit()):
        s += 1
    return Holder(s, e, h.via, h.refused)


def by_agent(tk: Tokens, i: int, limit: int = 14) -> Holder | None:
    """After a passive verb at i: the agent of its "by" phrase ("was accused of fraud by the mayor")."""
    for k in range(i + 1, min(tk.n, i + limit)):
        t = tk.low[k]
        if t in CLAUSE_PUNCT or t in RELATIVES or t in SUBORDINATORS or t in ("and", "but"):
            return None
        if t == "by":
            agent = noun_phrase_after(tk, k + 1, "by-agent")
            return _with_list(tk, agent) if agent is not None else None
    return None


def _with_list(tk: Tokens, agent: Holder) -> Holder:
    """A by-agent that opens a list of names, with the rest of the list ("by France, Germany and
    Britain", "by Spain, Italy, and Greece"); the list must end in "and" before its last name, else
    the comma ends the agent ("praised by France, Germany said")."""
    e = agent.end
    while tk.get(e) == "," and e + 1 < tk.n:
        k = e + 1 + (tk.get(e + 1) == "and")
        item = noun_phrase_after(tk, k, agent.via) if tk.cap(k) else None
        if item is None or not tk.cap(item.end - 1):
            return agent
        e = item.end
        if tk.get(k - 1) == "and" or "and" in tk.low[item.start:item.end]:
            return Holder(agent.start, e, agent.via)  # the list's last item
    return agent


def possessor(tk: Tokens, i: int) -> Holder | None:
    """Before a stance noun at i: the one whose stance it is ("the mayor's criticism", "her support")."""
    k = i - 1
    while k >= 0 and i - k <= 3 and (tk.low[k].isalpha() and (adverb(tk.low[k]) or tk.low[k] in SKIP_ADVERBS
                                                              or noun_word(tk.low[k]))
                                     and (not tk.cap(k) or tk.low[k] in MONTHS) and tk.low[k] not in DET):
        k -= 1  # "her sharp criticism", "the mayor's repeated public criticism", "its early September endorsement"
    if k < 0:
        return None
    t = tk.low[k]
    if t in POSSESSIVE_PRONOUNS:
        return Holder(k, k + 1, "pronoun")
    if tk.name(k) and not possessive(tk, k) and tk.get(k - 1) not in PREP \
            and (k > 0 or tk.raw(k).isupper() or country_word(tk.raw(k))):
        s0 = noun_phrase_ending(tk, k)  # "GOP criticism of X", "U.S. support for Israel"
        if s0 is not None and tk.low[s0] in POSSESSIVE_PRONOUNS:
            return Holder(s0, s0 + 1, "pronoun")  # "his Twitter tirade against X": his
        return Holder(s0 if s0 is not None else k, k + 1, "possessive")
    if possessive(tk, k):
        end = k + 1
        if t in ("'", "’"):
            k -= 1
        s0 = noun_phrase_ending(tk, k)
        while s0 is not None and s0 < k and pronoun(tk.get(s0 - 1)) in PRONOUNS and not tk.cap(s0):
            s0 += 1  # "he views Trump's attacks": Trump, not 'views Trump'
        if s0 is not None and agentive(tk, s0, k + 1):
            return Holder(s0, end, "possessive")
    return None
