"""Who said each sentence: speaker discovery, cue frames, pronouns, turns and continuation.

The article is read once for the people it introduces ("Chinese President Xi
Jinping", "Prime Minister Robert Golob of the Republic of Slovenia",
transcript labels), then sentence by sentence: a sentence's speaker is the
subject of its reporting frame ("X said that …", "…, X said.", "…, said X,
adding …"), resolved against what the article has introduced so far; a
sentence without a frame inherits the speaker of the sentence before it in
the same paragraph, or is the narrator's.

Where things are:

* ``names``: titles, name words and the capitalised words that are no name;
* ``cast``: who is who in one article (people, documents) and who was last in
  view, for pronouns; changed only by committing a step's scene;
* ``subjects``: what a subject phrase means (a person, a group, a pronoun's antecedent);
* ``frames``: reporting frames, a cue and its subject;
* ``quotes``: quotations as spans, and where the words that attribute each stand;
* ``scope``: which sentences without a frame go on in the voice before them;
* ``turns``: transcript turn labels;
* ``rules``: the rule table, and the article sentence by sentence.
"""
from __future__ import annotations

from .rules import RULES, attribute

__all__ = ["RULES", "attribute"]
