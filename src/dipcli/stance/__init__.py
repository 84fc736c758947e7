"""Stance: who supports or opposes what, read off the stance phrases of attributed claims.

Each claim (one sentence with its speaker) is tokenised once and scanned left to
right for stance heads:

* verbs that take an object: "condemned", "welcomes", "firmly opposes";
* verbs with a particle: "call for", "warn against", "stand ready to", "abide by";
* a reporting verb carrying a stance noun: "expressed serious concern about",
  "reaffirmed the United States' ironclad commitment to", "underscored the
  importance of", "strong dissatisfaction with and firm opposition to";
* predicate adjectives: "is deeply concerned about", "are firmly against";
* a copula negated by contrast: "are not the kind of alliance …, but …".

A head counts only where it reads as a verb with a subject of its own: not as a
noun ("continued support", "amid calls for"), not in the passive, not in a
relative clause or a circumstance ("a deal that will support jobs", "as they
defend their country"), not as part of a name ("Build Back Better"). Its object
is cut from the text that follows at a clause boundary (punctuation, a relative
pronoun, a conjoined verb, a new finite verb) and at ``targets.MAX_WORDS`` words, unless
a proper name runs on; a truncated object is cut back to its last preposition.

Where things are:

* ``words``: every word list, read from ``data/lexicon`` (the cue families are
  ``stance_verbs.tsv``, ``stance_particles.tsv``, ``stance_nouns.tsv`` and
  ``stance_adjectives.tsv``);
* ``tokens``: the tokenizer and what a token is (a name, an adverb, a new verb);
* ``grammar``: whether a head is the holder's verb, has a subject, is negated;
* ``matchers``: the ordered table of named matchers, one per way an act is found;
* ``targets``: the target phrase after a cue;
* ``holders``: who holds an act, read off the sentence (subject, by-agent, possessor, …);
* ``nominal``: a stance noun and its holder without a carrying verb ("her support for X", "the
  criticism of X by Y");
* ``cast``: what a holder phrase names, through attribution's cast;
* ``acts``: a claim's acts, from matched head to record;
* ``matrix``: the holder x target view and the holder -> entity pairs.

Decisions:

* Holder: the agent of the stance predicate (``holders``), named through attribution's
  cast; the claim's speaker when the sentence names no other agent, says "we"/"I", names
  the speaker's own side, or states an obligation ("the two sides should oppose X"). Every
  record keeps the claim's ``speaker``/``speaker_kind`` too. A narrator claim yields a
  stance only where the sentence names who holds it: the narration then reports someone's
  position ("Duckworth has slammed Kirk": Duckworth).
* Negation before a head ("do not support", "will never accept") turns an
  approving verb into ``oppose`` and the cue starts at the negation; any other
  negated head is dropped. ``accept``/``recognise``/``tolerate`` count only negated.
* "demand/urge/call on X to … refrain from Y" is ``oppose`` Y; any other demand
  is ``support`` of what is demanded ("call for stopping Z" supports the stopping).
* "urged/called on X to do Y": the target is the action asked for, "do Y".
* "appreciates/commends/praises X for Y": the target is X; Y is the reason, and an act in it is
  X's ("praised X for supporting Y": X supports Y; "accused X of opposing Y").
* A participle that names its agent is the agent's act on the noun before it: "a resolution
  backed by France", "the Khans, criticised sharply by Y" (not "neither understood nor supported
  by Y", "much appreciated by Y").
* "alleged that X …", "lamented that X …": a position against what the clause says happened.
* "Y, whom X endorsed": X's act on Y; "the remarks prompted X to accuse Y": X's act (the verbs
  that move someone to act are ``stance_causatives.txt``); "Y vetoed the bill, drawing fire from
  X": X opposes Y; so does "Y's remark about taxes prompted an attack from X" (the whole subject) and
  "Y, which drew fire from X" (the antecedent of a relative clause).
* "Let us uphold X" is the speaker's, as "we" is.
* "Y said X had failed to act", '"X is failing," Y said': a named agent's failure of a duty in
  someone's words is their verdict against it (not "failed to win", nor in the narration).
* "called X reckless", "described X as a hero": a label with a word of praise or blame is a
  position on X (``stance_labelling.tsv``, ``stance_evaluative.tsv``); so is a verdict in
  someone's words on a named subject ('"X is a disgrace," Y said').
* "agreed to / committed to / stand ready to / look forward to" followed by a
  stance verb is one act: "agreed to firmly uphold" -> the object of uphold.
* A stance verb inside another act's object ("raised concerns about China's
  support for Russia") is part of that object, not an act of its own.
* Thanks and congratulations are support of what they are for, with the one thanked:
  "thanked X for Y" -> "X for Y". A host's welcome ("welcomed X to Washington") and a
  promise to "remain in close contact" are read but not reported.

Every look-around is bounded (``tokens.LOOK``, ``targets.SCAN_LIMIT`` tokens), so the work is
linear in the length of the text.
"""
from __future__ import annotations

from ..model import Analysed, Stance
from .matrix import stance_matrix, stance_pairs

__all__ = ["find_stances", "stance_matrix", "stance_pairs"]


def find_stances(item: Analysed) -> list[Stance]:
    """Every stance act in an analysed article, in text order.

    Args:
        item: An article after segmentation and attribution.

    Returns:
        One ``Stance`` per act: the holder and how it was found, ``support`` or ``oppose``,
        the cue and the target as written with their offsets into ``item.article.text``,
        the grading word if the text grades the act, and the canonical names of the
        entities inside the target.

    Example:
        >>> [(s.polarity, s.cue, s.target) for s in find_stances(analyse(article))]
        [('oppose', 'strongly condemned', 'the missile launches by North Korea')]
    """
    from .acts import find_acts  # the word lists are read here, on first use

    return [found.stance for found in find_acts(item)]
