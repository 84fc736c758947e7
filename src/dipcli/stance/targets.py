"""The target of a stance act: the object phrase cut from the text after its cue.

The object is cut at a clause boundary (punctuation, a relative pronoun, a conjoined verb,
a new finite verb) and at ``MAX_WORDS`` words, unless a proper name runs on; a truncated
object is cut back to its last preposition. Every look-ahead is bounded (``SCAN_LIMIT``).
"""
from __future__ import annotations

from .tokens import (CLAUSE_PUNCT, DASHES, QUOTES, Tokens, adjectival, adverb, country_word, finite_past,
                     is_verb_at, possessive, skip_adverbs)
from .words import (ABSTAIN, ADJECTIVE_LIKE, ATTRIBUTING, AUX, CEASING, COMMITTING_FORMS, CONTACT_WORDS, CUT_PREPS, DET,
                    EMPTY_TARGETS, FURTHERING_FORMS, HEAD_FORMS, KEEP_VERBS, LEADING_ABBREVIATIONS, NAME_LINKS,
                    OBJECT_VERBS, PARTICLE_VERBS, PAST_FORMS, PREP, REFLEXIVES, RELATIVES, SKIP_ADVERBS, SUBORDINATORS,
                    TARGET_TRAILING, VERB_FORMS)

MAX_WORDS = 12      # words in a target before it is cut
MAX_NAME_RUN = 10   # extra tokens a proper name may run past MAX_WORDS
SCAN_LIMIT = 80     # tokens looked at after a head for its object


def _adjective_list(tk: Tokens, j: int, start: int, words: int) -> bool:
    """Is the comma at j between two adjectives ("an objective, impartial and professional …")?"""
    before, after = tk.get(j - 1), tk.get(j + 1)
    if after in ("and", "or"):
        after = tk.get(j + 2)
        if not adjectival(after):
            return False
    if not after.replace("-", "").isalpha() or tk.cap(j + 1) or after in RELATIVES \
            or after in SUBORDINATORS or after in DET or after in PREP \
            or after in VERB_FORMS and after not in ADJECTIVE_LIKE:
        return False
    return (words <= 2 and tk.get(start) in DET) or adjectival(before) \
        or before.endswith("ed") and adjectival(after)


def _attribution_follows(tk: Tokens, j: int) -> bool:
    """After a comma at j: does the sentence end in who said it ("…, according to X.",
    "…, a ministry spokesperson said.")? That is no part of the object."""
    if tk.get(j + 1) == "according" and tk.get(j + 2) == "to":
        return True
    for k in range(j + 1, min(tk.n, j + 12)):
        if tk.low[k] in CLAUSE_PUNCT or tk.low[k] == ",":
            return False
        if tk.low[k] in ATTRIBUTING:
            rest = tk.low[k + 1:]
            return all(r in CLAUSE_PUNCT or r in QUOTES for r in rest)
    return False


def _list_continues(tk: Tokens, j: int) -> bool:
    """After a comma at j: does a list of names go on ("X, the Y Initiative, and Z")?"""
    k = j + 1
    if tk.get(k) in ("and", "or"):
        k += 1
    if tk.get(k) in ("the", "a", "an"):
        k += 1
    if not tk.name(k):
        return False
    first = k
    while (tk.name(k) or tk.get(k) in ("of", "for", "on", "and", "the") and tk.name(k + 1)) \
            and k < first + MAX_WORDS:
        k += 1
    if tk.get(k) in VERB_FORMS or tk.get(k) in AUX or adverb(tk.get(k)):
        # "…, President Biden expressed": the subject of a new clause, not a list item;
        # but "… and the Global Civilization Initiative China has put forward" is one
        return k - 2 > first and tk.name(k - 2) and country_word(tk.raw(k - 1))
    return True


def _name_goes_on(tk: Tokens, k: int) -> bool:
    """Is token k part of a title ("Position on the Political Settlement")?"""
    return tk.name(k) or tk.get(k) in NAME_LINKS and (tk.name(k + 1) or tk.get(k + 1) == "the" and tk.name(k + 2))


def _odd_quotes(tk: Tokens, start: int, end: int) -> bool:
    quotes = sum(1 for k in range(start, end)
                 if tk.low[k] in QUOTES and not (tk.low[k] in ("'", "’") and tk.cap(k - 1)))
    return quotes % 2 == 1


def phrase(tk: Tokens, i: int, mode: str) -> tuple[int, int, int]:
    """(start, end, natural end) token indices of the object starting at i.

    ``end`` is cut at ``MAX_WORDS`` words (unless a name runs on); ``natural end`` is
    where the object's clause ends, so that acts inside it can be skipped.
    """
    n = min(tk.n, i + SCAN_LIMIT)
    start = i + 1 if mode == "clause" and tk.get(i) == "that" else i
    clause = mode in ("clause", "demand")   # a clause may hold verbs of its own
    j, words, cut = start, 0, None
    while j < n:
        t = tk.low[j]
        if t == "." and j > start and tk.get(j - 1) in LEADING_ABBREVIATIONS and tk.cap(j + 1):
            j += 1  # "Mrs. Clinton", "Sen. Cassidy": the abbreviation's dot, not the clause's end
            continue
        if t in CLAUSE_PUNCT or t in (")", "[", "]"):
            break
        if t == "(":
            # a short parenthesis inside the phrase: "the Democratic People's Republic of Korea (DPRK)"
            close = next((k for k in range(j + 1, min(n, j + 9)) if tk.low[k] == ")"), None)
            if close is None or j == start:
                break
            j = close + 1
            continue
        if t in DASHES:
            # a name in apposition is kept: "the trilateral security partnership -- AUKUS"
            k = j + 1
            while tk.name(k) and k - j <= 4:
                k += 1
            if k > j + 1 and words + (k - j - 1) <= MAX_WORDS + 2:
                j = k
            break
        if t == ",":
            if _attribution_follows(tk, j):
                break  # "…, according to EU officials." / "…, a State Department spokesperson said."
            if _adjective_list(tk, j, start, words) or _list_continues(tk, j):
                j += 1
                continue
            break
        if j > start:
            if t in ("and", "or", "but", "nor"):
                if t == "but" or is_verb_at(tk, j + 1) or tk.get(j + 1) == "that" or tk.get(j + 1) in SUBORDINATORS \
                        or not clause and tk.get(j + 1) == "to" and (
                            tk.get(j + 2) in VERB_FORMS or tk.get(j + 2) in HEAD_FORMS or tk.get(j + 2) in FURTHERING_FORMS):
                    break
            elif t == "that" and (tk.get(j - 1) in VERB_FORMS or tk.get(j - 1).endswith("ing")):
                pass  # "ensuring that …": a complement, not a relative clause
            elif t in ("that", "which", "who") and words <= 2 and not clause and tk.get(j - 1) not in DET:
                clause = True  # "actions that escalate tensions": a bare noun needs its clause
            elif t in RELATIVES or t in SUBORDINATORS or t == "as" and tk.get(j - 1) != "such":
                break
            elif not clause and (t in AUX or finite_past(tk, j)):
                if j - 2 >= start and tk.name(j - 2) and country_word(tk.raw(j - 1)):
                    j -= 1  # "the … Initiative China has put forward": China opens a new clause
                break
        if tk.is_word(j):
            words += 1
            if words > MAX_WORDS and cut is None:
                cut = j
        j += 1
    natural = end = j
    if cut is not None:
        end = cut
        before = cut - 1
        while before > start and tk.get(before) in NAME_LINKS:
            before -= 1
        if tk.name(before) and _name_goes_on(tk, cut):
            while end < natural and end - cut < MAX_NAME_RUN and _name_goes_on(tk, end):
                end += 1
        else:
            back = next((k for k in range(cut - 1, start + 3, -1) if tk.low[k] in CUT_PREPS), None)
            if back is not None:
                end = back
    while end > start and (tk.low[end - 1] in TARGET_TRAILING
                           or tk.low[end - 1] in QUOTES and _odd_quotes(tk, start, end)):
        end -= 1
    while start < end and tk.low[start] in QUOTES and _odd_quotes(tk, start, end):
        start += 1
    return start, end, max(natural, end)


def urged_action(tk: Tokens, i: int) -> int | None:
    """In "urged Iran to return to …", the index of "return": the action asked for."""
    for k in range(i, min(tk.n, i + 10)):
        t, nxt = tk.low[k], tk.get(k + 1)
        if t == "to" and k > i and nxt.replace("-", "").isalpha() and not tk.cap(k + 1) and nxt not in DET \
                and (nxt in VERB_FORMS or not nxt.endswith(("tion", "ment", "ness", "ity"))):
            return k + 1
        if t in CLAUSE_PUNCT or t == "," or t in RELATIVES or t in VERB_FORMS and k > i and not tk.cap(k) \
                or t in ("and", "or") and is_verb_at(tk, k + 1):
            return None
    return None


def abstention(tk: Tokens, i: int) -> int | None:
    """In a demanded action, the object of "refrain from" (or "desist from"), or the -ing form or the
    noun phrase after "stop" or "cease" ("stop attacking Y", "stop its infringing activities"; "quit
    the race" leaves it), if there is one."""
    for k in range(i, min(tk.n - 1, i + 40)):
        t = tk.low[k]
        if t in CLAUSE_PUNCT or t in RELATIVES and t != "that":
            return None
        if VERB_FORMS.get(t, t) in ABSTAIN and tk.low[k + 1] == "from":
            return k + 2
        nxt = tk.low[k + 1]
        if VERB_FORMS.get(t, t) in CEASING and (nxt.endswith("ing") and len(nxt) > 4
                                                or nxt in DET and nxt not in ("no", "either", "neither", "whose")
                                                and VERB_FORMS.get(t, t) != "quit") \
                and not any(tk.low[m] in VERB_FORMS and tk.low[m] != "please" or tk.low[m] in ("and", ",")
                            for m in range(i, k)):
            return k + 1  # "called on X to stop attacking Y", "demanded that X stop using Y"; not a second action
    return None


def reason_follows(tk: Tokens, k: int) -> bool:
    """After "for": a reason ("for its help", "for hosting", "for the invitation")."""
    t = tk.get(k)
    return t.endswith("ing") or t in ("its", "their", "his", "her", "our", "your", "the", "a", "an") \
        or adverb(t) and tk.get(k + 1).endswith("ing") or tk.get(k - 1) == "of"


def nothing_to_report(tk: Tokens, t0: int, t1: int) -> bool:
    """No target, or one that says nothing: "you", "itself", "as …", "remain in close contact"."""
    if t1 <= t0 or all(tk.low[k] in EMPTY_TARGETS or not any(ch.isalpha() for ch in tk.low[k])
                       for k in range(t0, t1)):
        return True
    first = tk.low[t0]
    if first in SUBORDINATORS or first in ("as", "which", "who", "whom") or first in REFLEXIVES:
        return True
    return VERB_FORMS.get(first) in KEEP_VERBS and any(
        tk.low[k] in CONTACT_WORDS for k in range(t0 + 1, min(t1, t0 + 5)))


def idle_commitment(tk: Tokens, cue0: int, cue1: int, verb: int) -> bool:
    """Does a cue of commitment or readiness ("pledged to", "was prepared to", "stands ready to") take
    an action that favours no object, so that it is no stance: "pledged to cap emissions", "prepared
    to go further", "agreed to put together a plan"? Not "agreed to deepen the partnership", "ready to
    continue working with X". ``verb``: the infinitive's first word."""
    if not any(tk.low[k] in COMMITTING_FORMS for k in range(cue0, cue1)):
        return False
    while tk.get(verb) in SKIP_ADVERBS or adverb(tk.get(verb)):
        verb += 1  # "stands ready to further enhance X", "agreed to jointly promote X"
    if not _bare_verb(tk, verb):
        return False  # "agreed to the deal", "agreed to talks": a noun phrase, the thing agreed to
    lemma = FURTHERING_FORMS.get(tk.get(verb))
    if lemma == "continue":  # "continue to work with X", "continue working with X"; "continue the dialogue"
        nxt = skip_adverbs(tk, verb + 1)
        if tk.get(nxt) == "to" or tk.get(nxt).endswith("ing"):
            nxt = skip_adverbs(tk, nxt + 1) if tk.get(nxt) == "to" else nxt
            lemma = FURTHERING_FORMS.get(tk.get(nxt)) or _stance_verb(tk.get(nxt))
    return lemma is None


def _stance_verb(word: str) -> str | None:
    """The lemma of a stance verb with an object ("continue supporting X", "continue to stand with X")."""
    lemma = HEAD_FORMS.get(word)
    return lemma if lemma in OBJECT_VERBS or lemma in PARTICLE_VERBS else None


def _bare_verb(tk: Tokens, k: int) -> bool:
    """Can token k open a verb phrase after "to": a lower-case word, not a determiner, a possessive, a
    number, a plural ("talks") or a word with a noun's suffix ("negotiations", "a settlement")?"""
    t = tk.get(k)
    return t.replace("-", "").isalpha() and not tk.cap(k) and t not in DET and not possessive(tk, k) \
        and (t in VERB_FORMS or not (t.endswith("s") and not t.endswith(("ss", "us"))
                                     or t.endswith(("tion", "ment", "ness", "ity", "ance", "ence"))))


def main_verb(tk: Tokens, t0: int, t1: int, subject: bool = False) -> int:
    """In the object [t0, t1) of a verb inside a relative clause, where the main clause's verb begins
    ("organisations that have endorsed him say …", "a gunman who denounced the bloodshed in Syria
    killed the ambassador", "those who denounce activism now count …"), else t1; ``subject``: the
    object is in the sentence's subject, so a past form after it is that verb even with no object
    ("Trump's attacks on Clinton continued")."""
    for k in range(t0 + 1, t1):
        if tk.low[k] in RELATIVES or tk.low[k] in SUBORDINATORS or tk.low[k] == "that":
            return t1  # "the claim that the election was stolen": the verbs after are the inner clause's
        e = k - 1
        while e > t0 and (tk.low[e] in SKIP_ADVERBS or adverb(tk.low[e])):
            e -= 1  # "now count", "nonetheless backed": an adverb opens the main verb
        if _finite_after_noun(tk, e, k, subject):
            return e + 1 if e < k - 1 else k
    return t1


def _finite_after_noun(tk: Tokens, e: int, k: int, subject: bool = False) -> bool:
    """Does token k, after a noun phrase ending at e, read as a finite verb: an auxiliary, a negated
    one ("weren't"), a past form with its object after it ("killed the ambassador"), or a present form
    after an object pronoun ("endorsed him say"), a plural or a name ("activists say that", "backed Smith
    say the") or an adverb ("now count")?"""
    last, t, nxt = tk.low[e], tk.low[k], tk.get(k + 1)
    if not (last.isalpha() or last in QUOTES) or last in DET or last in PREP or last in AUX or last in RELATIVES \
            or last in SUBORDINATORS or last in ("and", "or", "to", "not") or possessive(tk, e) \
            or tk.cap(k) or not t.replace("’", "'").replace("'", "").isalpha():
        return False
    if t in AUX or t.endswith(("n't", "n’t")):
        return True
    opens = nxt in DET or possessive(tk, k + 1) or tk.name(k + 1) or nxt.isdigit() or nxt in ("over", "out", "plenty")
    if (t in PAST_FORMS or t.endswith("ed") and len(t) > 4) and (opens or subject and nxt != "by"):
        return True
    lemma = VERB_FORMS.get(t)
    return lemma is not None and t in (lemma, lemma + "s") and (
        e < k - 1 or last in _OBJECT_PRONOUNS
        or (last.endswith("s") or tk.cap(e)) and (opens or nxt in ("that", "they", "he", "she", "we")))


_OBJECT_PRONOUNS = frozenset(("him", "her", "them", "us", "me"))
