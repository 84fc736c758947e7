"""Who holds a stance act: the agent of its predicate, read off the sentence around the cue.

The holder is found in this order (the first that answers):

* ``by-agent``: a passive names its agent after ``by`` ("was praised by the mayor");
* ``source``: a stance received names its source ("drew criticism from the mayor");
* ``possessive``: a stance noun names its holder before it ("the mayor's criticism of X");
* ``relative``: the verb is in a relative clause and its antecedent is an agent
  ("the mayor, who opposed the plan");
* ``subject``: the verb's subject, found past adverbs, auxiliaries, negation, time phrases,
  an aside between commas ("the mayor, a former judge, has long opposed"), and the verbs
  that govern an infinitive ("the mayor refused to endorse X");
* ``speaker``: no agent in the sentence, "we"/"I", the speaker's own side, or a subject
  under an obligation the speaker states ("the two sides should oppose X"): the claim's
  speaker holds the act.

A pronoun subject ("he", "they") is resolved by :mod:`dipcli.stance.cast`; the via is then
``pronoun``. The answer is a token span (or none for the speaker) and its via; what the span
names is decided by the caller.
"""
from __future__ import annotations

from dataclasses import dataclass

from .tokens import CLAUSE_PUNCT, Tokens, adjectival, adverb, negation, possessive
from .words import (ACTORS, ADJECTIVES, AGENT_NOUNS, CAUSATIVES, NOT_AGENTS, AUX, BE, DET, INTENT, MODALS, NEGATORS, OBLIGATION, OBLIGATION_VERBS,
                    PAST_FORMS, PERSON_WORDS, PREP, REFUSAL, RELATIVES, RELUCTANCE, SKIP_ADVERBS, SUBORDINATORS, TIME_WORDS, VERB_FORMS,
                    VOICE_NOUNS)

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
QUESTION_WORDS = frozenset({"why", "what", "how", "who", "where", "when", "which", "whether"})
SPEAKER_PRONOUNS = frozenset({"we", "i", "us", "our", "my"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my"})
# Where a holder speaks, between it and its verb: "X in a statement praised Y", "X on Twitter slammed Y".
_MEDIA = frozenset(("statement", "statements", "interview", "interviews", "twitter", "facebook", "television",
                    "radio", "conference", "briefing", "hearing", "post", "posts"))
_OPENING_QUOTES = frozenset(("“", "‘", '"', "'"))
NP_MAX = 9       # tokens in a holder's noun phrase
ASIDE_MAX = 30   # tokens in an aside between commas


@dataclass(frozen=True, slots=True)
class Holder:
    """A holder found in the sentence: tokens [start, end) and how; ``start`` is -1 for the speaker."""

    start: int
    end: int
    via: str
    refused: bool = False  # "refused to endorse": the governing verb negates the act

    @property
    def named(self) -> bool:
        return self.start >= 0


SPEAKER = Holder(-1, -1, "speaker")


def _skippable(tk: Tokens, j: int) -> bool:
    t = tk.get(j)
    return t in NEGATORS or t.endswith(("n't", "n’t")) or t in SKIP_ADVERBS or t in TIME_WORDS \
        or t == "longer" and tk.get(j - 1) == "no" or adverb(t) and not (
        j > 0 and tk.name(j)) or (t in AUX or t in MODALS and t != "to") and not (j > 0 and tk.cap(j) and tk.name(j - 1))
    # capitalised inside the sentence, a word in -ly or a modal is a name's: "Bill O’Reilly", "George Will"


def back_to_subject(tk: Tokens, i: int) -> tuple[int, bool, bool]:
    """From the cue at i, the index of the last token before the subject's end, skipping what
    stands between a subject and its verb; and whether an obligation ("should", "must", "need to")
    or a refusal ("refused to", "declined to") governs the verb."""
    j = i - 1
    obliged = refused = False
    for _ in range(3 * NP_MAX):
        if j < 0:
            break
        t = tk.low[j]
        if _skippable(tk, j):
            obliged = obliged or t in OBLIGATION
            j -= 1
            continue
        if t in _OPENING_QUOTES and j > 0 and (pronoun(tk.low[j - 1]) in PRONOUNS or agentive(tk, j - 1, j)
                                               or tk.low[j - 1] in BE and tk.low[i] in ADJECTIVES):
            j -= 1  # a quoted verb: 'it “strongly supports” X', 'the council "condemns" X'
            continue
        if t in ("on", "last", "this", "earlier", "late") and tk.get(j + 1) in TIME_WORDS \
                or t == "in" and tk.get(j + 1).isdigit() \
                or t.isdigit() and len(t) == 4 and tk.get(j - 1) == "in" \
                or t in ("and", ",") and adverb(tk.get(j + 1)) and adverb(tk.get(j - 1)):
            j -= 1  # "on Thursday", "in 2011", "intensely and publicly"
            continue
        if t in VOICE_NOUNS or t in _MEDIA:
            g = j - 1
            while g > j - 4 and g > 0 and (tk.low[g] in DET or tk.low[g] in ("press", "news", "televised")
                                           or adjectival(tk.low[g]) or adverb(tk.low[g])):
                g -= 1  # "in a brief statement", "at a press conference"
            if tk.low[g] in ("in", "on", "at", "via") and g > 0:
                j = g - 1  # "X in a statement praised Y", "X on Twitter slammed Y": X
                continue
        if j == i - 1 and tk.low[i].endswith("ing") and (t in INTENT or t in VERB_FORMS) and not tk.cap(j):
            j -= 1  # "continue promoting", "stopped supporting": the governing verb's subject
            continue
        if t == "to":
            # an infinitive: its governing verb ("wants to", "refused to", "need to") and that verb's subject
            g = j - 1
            while g >= 0 and (adverb(tk.low[g]) or tk.low[g] in SKIP_ADVERBS):
                g -= 1
            gov = tk.get(g)
            if tk.get(g - 1) in DET or tk.get(g - 2) in DET and tk.get(g - 1).isalpha() and not tk.cap(g - 1):
                break  # "a radio show to praise X": a noun, not a governing verb
            if gov in INTENT or gov in REFUSAL or gov in OBLIGATION_VERBS or gov in VERB_FORMS \
                    or gov.endswith("ed") and not tk.cap(g):
                obliged = obliged or gov in OBLIGATION_VERBS
                refused = refused or gov in REFUSAL or _negated_intent(tk, g)
                j = g - 1
                continue
            break
        break
    return j, obliged, refused


def _negated_intent(tk: Tokens, g: int) -> bool:
    """Is the verb at g, which governs an infinitive, negated so that the infinitive's act is too ("wasn't
    going to back X", "did not want to support X", "is not ready to support X")? Not a verb of need ("do not
    need to agree on everything") nor one that is itself negative ("has not hesitated to criticize X")."""
    return tk.low[g] not in OBLIGATION_VERBS and tk.low[g] not in RELUCTANCE and negation(tk, g) is not None


def pronoun(t: str) -> str:
    """A pronoun without its contracted verb ("i’m" -> "i", "we've" -> "we"), else the token."""
    for sep in ("'", "’"):
        if sep in t:
            base = t.split(sep, 1)[0]
            return base if base in PRONOUNS else t
    return t


def noun_phrase_ending(tk: Tokens, j: int) -> int | None:
    """The first token of the noun phrase that ends at token j, or None if j ends none."""
    t = tk.get(j)
    if not t:
        return None
    if pronoun(t) in PRONOUNS:
        return j
    if not (tk.is_word(j) and (_name_word(tk, j) or j == 0 and tk.cap(j) and tk.raw(j) not in ("The", "A", "An")
                               and t not in SKIP_ADVERBS and t not in TIME_WORDS and t not in QUESTION_WORDS
                               or noun_word(t) or possessive(tk, j) or _noun_after_owner(tk, j)
                               or _agent_noun(t) and (tk.get(j - 1) in DET or tk.cap(j - 1) or possessive(tk, j - 1)
                                                      or noun_word(tk.get(j - 1)) and tk.get(j - 2) in DET))):
        # a people word that is also a verb's form after a determiner or a name: "the Fox host", "the radio host"
        return None
    if t == "." and abbreviation(tk, j - 1):
        return None
    k = j
    while k > j - NP_MAX and k > 0:
        p = tk.low[k - 1]
        if _name_word(tk, k - 1) and p not in SUBORDINATORS and p not in RELATIVES:
            k -= 1
        elif p == "." and abbreviation(tk, k - 2) and tk.cap(k):
            k -= 2  # "Sen. Cassidy", "Mr. Trump"
        elif p == "the" and tk.get(k - 2) in ("of", "on", "for", "and", "de") and tk.cap(k - 3) and k - 1 < j:
            k -= 2  # "Focus on the Family", "Bank of the West"
        elif p in DET:
            k -= 1
            break
        elif p in ("of", "and", "&", "for", "the", "de", "on") and tk.cap(k - 2) and k - 1 < j:
            k -= 1
        elif p in ("'", "’") and tk.cap(k - 2):
            k -= 1  # "the Smiths' lawyer"
        elif noun_word(p) and tk.is_word(k - 1) or _verb_as_noun(tk, k - 1):
            k -= 1  # "the state capitol": a verb's form after a determiner is a noun
        else:
            break
    if tk.get(k - 1) in ("from", "of", "at") and tk.name(k) and tk.name(k - 2) and k - 1 < j:
        before = noun_phrase_ending(tk, k - 2)
        if before is not None and tk.name(before):
            k = before  # "James Dobson from Focus on the Family", "Senator Smith of Ohio"
    if tk.get(k - 1) == "and" and k - 1 < j:
        # "the Vice President and the state legislators": a coordinated subject
        before = noun_phrase_ending(tk, k - 2) if tk.get(k - 2) not in ("and", ",") else None
        if before is not None and agentive(tk, before, k - 1) and agentive(tk, k, j + 1):
            return before
    if k > 0 and tk.raw(k - 1) in ("The", "A", "An") and k - 1 == 0:
        return k - 1  # "The White House", "The mayor": the article opens the phrase
    return k


def _noun_after_owner(tk: Tokens, j: int) -> bool:
    """Is token j a verb's form read as a noun after its owner ("Trump's remarks", "their support")?"""
    return tk.low[j] in VERB_FORMS and tk.low[j].isalpha() and (tk.get(j - 1) in POSSESSIVE_PRONOUNS or possessive(tk, j - 1))


def abbreviation(tk: Tokens, k: int) -> bool:
    """Is token k a short capitalised abbreviation before a dot ("Sen", "Mr", "Gov")?"""
    return tk.cap(k) and tk.is_word(k) and len(tk.low[k]) <= 4 and tk.low[k].isalpha() and tk.get(k + 1) == "."


def main_subject(tk: Tokens, limit: int) -> Holder | None:
    """The subject that opens the sentence, when it is an agent and a verb follows it: the holder
    of a participle or gerund that hangs on the main clause ("X spoke on Monday, criticising Y",
    "X won by attacking Y")."""
    k = 0
    if tk.get(0) in ("but", "and", "yet", "still", "so", "meanwhile", "however", "now", "also"):
        k = 1 if tk.get(1) != "," else 2
    if tk.get(k) in PREP or tk.get(k) in SUBORDINATORS or adverb(tk.get(k)) or tk.get(k) in TIME_WORDS:
        k = next((c + 1 for c in range(k, min(limit, k + 14)) if tk.low[c] == ","), -1)  # "Yesterday, X …"
        if k < 0:
            return None
    e = k
    while e < limit and e - k < NP_MAX and (_name_word(tk, e) or tk.get(e) in DET and e == k
                                             or tk.get(e) == "." and abbreviation(tk, e - 1)
                                             or tk.get(e) in ("of", "the") and tk.cap(e + 1) and e > k
                                             or tk.get(e) == "and" and e > k and (tk.cap(e + 1) or tk.get(e + 1) in DET)
                                             or noun_word(tk.get(e)) and (e == k or not _name_word(tk, e - 1))):
        e += 1
    if e == k or not agentive(tk, k, e) or tk.low[k] == "there":
        return None  # "There is nothing left but to …": no subject
    nxt = e
    while nxt < limit and _skippable(tk, nxt):
        nxt += 1
    t = tk.get(nxt)
    if t == "," or t in VERB_FORMS or t in PAST_FORMS or t.endswith(("ed", "s")) and not tk.cap(nxt) \
            or t.endswith("ing") and not tk.cap(nxt) and any(tk.low[b] in BE for b in range(e, nxt)):
        return Holder(k, e, "subject")  # "X is challenging Y, accusing him of …": a progressive too
    return None


def _name_word(tk: Tokens, k: int) -> bool:
    """A capitalised word that can be part of a name: not "Today", "Thus", "Why" opening the sentence."""
    return tk.name(k) and tk.is_word(k) and tk.low[k] not in SKIP_ADVERBS and tk.low[k] not in TIME_WORDS \
        and tk.low[k] not in QUESTION_WORDS


def clause_subject(tk: Tokens, j: int) -> Holder | None:
    """The subject of the finite verb nearest before j, when an agent ("after he used a radio show
    to praise X": he); else the sentence's opening subject."""
    for v in range(j - 1, max(-1, j - 20), -1):
        t = tk.low[v]
        if t in CLAUSE_PUNCT:
            break
        if (t in VERB_FORMS and t != VERB_FORMS[t] or t.endswith("ed") or t in PAST_FORMS and t not in AUX
                or t in AUX and pronoun(tk.get(v - 1)) in PRONOUNS and tk.get(v - 1) != "it") \
                and not tk.cap(v) and tk.get(v - 1) not in DET and not possessive(tk, v - 1):
            # an auxiliary is the finite verb after a pronoun: "I would like to thank X", "we have to support X"
            if is_passive(tk, v) is not None:
                return None  # "X is awarded to Y for promoting Z": not X's doing
            j2, _, _ = back_to_subject(tk, v)
            j2 = _skip_parenthesis(tk, j2)
            if tk.get(j2) == ",":
                k = aside_start(tk, j2)
                if k is not None and noun_phrase_ending(tk, j2 - 1) == k + 1 and tk.cap(j2 - 1) \
                        and _description_before(tk, k):
                    return Holder(k + 1, j2, "subject")  # "The owner of X, Y Inc., filed a suit, accusing Z": Y Inc.
                j2 = k - 1 if k is not None else j2
            s0 = noun_phrase_ending(tk, j2)
            if s0 is not None and tk.get(s0 - 1) == "including":
                continue  # "X signed a statement with groups, including some financed by Y, supporting Z": X
            if s0 is not None and agentive(tk, s0, j2 + 1):
                return Holder(s0, j2 + 1, "pronoun" if s0 == j2 and pronoun(tk.low[j2]) in PRONOUNS else "subject")
            break
    return main_subject(tk, j)


def noun_word(t: str) -> bool:
    """A lower-case word that can stand inside a subject noun phrase ("leading presidential candidates")."""
    return t.isalpha() and t not in VERB_FORMS and t not in PAST_FORMS and t not in PREP and t not in AUX and t not in MODALS \
        and t not in RELATIVES and t not in SUBORDINATORS and t not in NEGATORS and t not in PRONOUNS \
        and t not in ("and", "or", "but", "nor", "as", "than", "not", "so", "then") and not adverb(t) \
        and not (t.endswith("ed") and len(t) > 4 and t not in ("red", "bed")) and t not in SKIP_ADVERBS \
        and t not in QUESTION_WORDS


def agentive(tk: Tokens, s0: int, s1: int) -> bool:
    """Can the phrase [s0, s1) hold a position: a name, a pronoun, a people or office word?"""
    head = tk.low[s1 - 1]
    if s1 - s0 > 2 and "and" in tk.low[s0 + 1:s1 - 1]:
        a = tk.low.index("and", s0 + 1, s1 - 1)
        if tk.cap(a - 1) and tk.is_word(a - 1):
            return True  # "Planned Parenthood and the abortion industry": a name among the conjuncts
    if s1 - s0 == 1 and pronoun(head) in PRONOUNS:
        return pronoun(head) != "it"
    if head in DET:
        return False
    if tk.cap(s1 - 1):
        return True  # a name: "the mayor of Lyon", "Smith", "the Smiths'"
    return agent_word(head)


def agent_word(head: str) -> bool:
    """Is the lower-case word a people, office or body word that can hold a position ("critics",
    "union", "unions", "statement")?"""
    head = head.rstrip("'’")
    for ending in ("'s", "’s"):
        head = head.removesuffix(ending)
    return head in ACTORS or head in VOICE_NOUNS or _agent_noun(head) \
        or head.endswith("s") and any(_agent_noun(one) for one in _singulars(head)) \
        or head.endswith(("ers", "ors", "ists", "ians", "tor", "sor", "ist", "ian")) and len(head) > 5 \
        and head not in NOT_AGENTS


def _agent_noun(head: str) -> bool:
    """A word for people or a body ("union", "sheriff"), whose plural is one too; not what a holder
    speaks through ("essays", "statements denouncing X" are their writer's)."""
    return head in PERSON_WORDS or head in AGENT_NOUNS


def _singulars(plural: str) -> tuple[str, ...]:
    """What a plural may be the plural of ("unions" -> "union", "churches" -> "church", "bodies" -> "body"),
    so that the plural of an agent noun is one too."""
    if plural.endswith("ies"):
        return (plural[:-3] + "y",)
    return (plural[:-1], plural[:-2]) if plural.endswith("es") else (plural[:-1],)


def aside_start(tk: Tokens, j: int) -> int | None:
    """At a comma j just before the verb: where the aside it closes opens (the comma before it),
    when the words between read as an aside and a noun phrase stands before it ("X, who took
    office in May, …", "X, a former judge, …", "X, 79, …", "X, national director of Y, …")."""
    found = None
    for k in range(j - 1, max(-1, j - ASIDE_MAX), -1):
        t = tk.low[k]
        if t == "." and abbreviation(tk, k - 1):
            continue  # "Nicholas B. Dirks", "Sen. Smith": an abbreviation's dot
        if t in CLAUSE_PUNCT or t in ('"', "“", "”"):
            break
        if t == ",":
            first = tk.get(k + 1)
            if k + 1 >= j or first in ("and", "but", "or") or first in SUBORDINATORS:
                break
            if found is None and tk.cap(j - 1) and noun_phrase_ending(tk, j - 1) == k + 1 and not tk.cap(k - 1):
                return k  # the aside is a name: "her colleague, Karl Rove, …"
            e = _skip_parenthesis(tk, k - 1)  # "Rep. X (R-Va.), like Y, …"
            s0 = noun_phrase_ending(tk, e)
            if s0 is not None and agentive(tk, s0, e + 1):
                found = k  # the earliest such comma: "X, a woman from Huntsville, Texas, had come …"
                if s0 == 0 or tk.get(s0 - 1) in (",", "that") or tk.get(s0 - 1) in SUBORDINATORS:
                    break
    return found


def _skip_parenthesis(tk: Tokens, j: int) -> int:
    """Before a closing parenthesis at j, the token before its opening one ("Sen. X ( R-Ky. ) said")."""
    if tk.get(j) != ")":
        return j
    for k in range(j - 1, max(-1, j - 12), -1):
        if tk.low[k] == "(":
            return k - 1
    return j


def subject_of(tk: Tokens, i: int) -> tuple[Holder | None, bool, bool]:
    """The subject of the verb at i as a holder (``subject``, ``pronoun`` or ``relative``), or
    None; whether the speaker states it as an obligation (the speaker then holds it); and whether
    the verb is coordinated with one before it ("… and criticised Z"), whose holder it shares."""
    j, obliged, refused = back_to_subject(tk, i)
    if j < 0 and tk.low[i].endswith("ing"):
        return _after_opening_clause(tk, i), obliged, False  # "Taking aim at X, the mayor said …": the mayor
    if tk.get(j) == "to":
        s0 = noun_phrase_ending(tk, j - 1)
        if s0 is not None and tk.low[s0] in CAUSATIVES:
            s0 += 1  # "prompting Democrats": the participle is no part of the noun phrase
        if s0 is not None and s0 < j and tk.get(s0 - 1) in CAUSATIVES and agentive(tk, s0, j):
            return Holder(s0, j, "pronoun" if s0 == j - 1 and pronoun(tk.low[s0]) in PRONOUNS else "subject",
                          refused), obliged, False  # "the remarks prompted Democrats to accuse him": Democrats
        return clause_subject(tk, j), obliged, True  # "X spoke with Y to reaffirm Z", "a plan to support Z"
    j = _skip_parenthesis(tk, j)
    if tk.get(j) in ("and", "but", "or"):
        # "X questioned Y and accused Z of …": the subject of the verb before
        for v in range(j - 1, max(-1, j - 15), -1):
            t = tk.low[v]
            if t in CLAUSE_PUNCT or t in RELATIVES or t in SUBORDINATORS:
                break
            if tk.get(v + 1) == "by" and is_passive(tk, v) is None and not tk.get(v + 2).endswith("ing"):
                continue  # "persons held by the parties": a participle with its agent, no finite verb
            if t.endswith("ing") and tk.get(v - 1) in VOICE_NOUNS \
                    or t.endswith("ed") and possessive(tk, v - 1) and not tk.low[i].endswith("ing"):
                continue  # "pointed to X's updated comments expressing Y and dismissed Z": no finite verb
            if (t in VERB_FORMS and t != VERB_FORMS[t] or t.endswith("ed") or t in PAST_FORMS and t not in AUX
                    and t not in BE) and not tk.cap(v) and tk.get(v - 1) != "to":
                first, obl, _ = subject_of(tk, v)
                if first is not None and agentive(tk, first.start, first.end):
                    return first, obliged or obl, True
                break
        return main_subject(tk, j), obliged, True
    if tk.low[i].endswith("ing") and tk.get(j) in ("for", "of"):
        controller = _object_before(tk, j)
        if controller is not None:
            return controller, obliged, False  # "praised X for backing Y", "accused X of attacking Y": X
    if tk.low[i].endswith("ing") and (tk.get(j) in VOICE_NOUNS or tk.get(j) in ("statement", "statements")) and j == i - 1:
        author = _voice_author(tk, j)
        if author is not None:
            return author, obliged, False  # "she says Trump's early-morning tweets accusing Y are lies": Trump
        s0 = noun_phrase_ending(tk, j)
        if s0 is not None and verb_before(tk, s0):
            owner = clause_subject(tk, s0)
            if owner is not None:
                return owner, obliged, True  # "X filed a lawsuit accusing Y": X
    if tk.low[i].endswith("ing") and j == i - 1 and tk.is_word(j) and not tk.cap(j) and pronoun(tk.low[j]) not in PRONOUNS \
            and not tk.low[j].endswith("ing"):
        s0 = noun_phrase_ending(tk, j)
        if s0 is not None and not agentive(tk, s0, j + 1):
            owner = clause_subject(tk, s0)
            if owner is not None and owner.end <= s0:
                return owner, obliged, True  # "X spent millions attacking Y", "X gave a speech praising Y": X
    if tk.low[i].endswith("ing") and (tk.get(j) == "," or tk.get(j) in PREP and tk.get(j) != "without"):
        if tk.get(j) in PREP and tk.get(j - 1).endswith("ed"):
            return None, obliged, False  # "those suspected of supporting X": not the clause's subject
        return clause_subject(tk, j), obliged, True  # "X spoke on Monday, criticising Y", "by attacking Y"
    if tk.get(j) == ",":
        k = aside_start(tk, j)
        if k is None:
            if tk.low[i].endswith("ed"):
                return main_subject(tk, j), obliged, True  # "X fired back, accused Y of …"
            return None, obliged, False
        aside = noun_phrase_ending(tk, j - 1)
        if aside == k + 1 and tk.cap(j - 1) and _description_before(tk, k):
            return Holder(k + 1, j, "subject", refused), obliged, False  # "her colleague, Karl Rove, praised"
        j = _skip_parenthesis(tk, k - 1)
    t = tk.get(j)
    if t in ("who", "that", "which") and j > 0:
        a = j - 1 if tk.get(j - 1) != "," else j - 2
        s0 = noun_phrase_ending(tk, a)
        voice = tk.get(a) in VOICE_NOUNS or tk.get(a) in ("statement", "statements")
        owner = clause_subject(tk, s0) if s0 is not None and voice and verb_before(tk, s0) else None
        if owner is not None:
            return owner, obliged, True  # "X wrote a report that accused Y", "X issued a statement, which …": X
        if t == "which" and (voice or not tk.cap(a) and not agent_word(tk.low[a])):
            return None, obliged, False  # "the union, which backs Y": the union; not "a statement, which …" alone
        if s0 is not None and agentive(tk, s0, a + 1):
            return Holder(s0, a + 1, "relative", refused), obliged, False
        return None, obliged, False
    s0 = noun_phrase_ending(tk, j)
    if s0 is None:
        return None, obliged, False
    before = tk.get(s0 - 1)
    if before == "with" and tk.low[i].endswith("ing") and agentive(tk, s0, j + 1):
        return Holder(s0, j + 1, "subject", refused), obliged, False  # "with some groups accusing X": the groups
    if before in ("in", "from", "at") and tk.cap(s0) and s0 - 1 > 0:
        # "lawmakers in California have criticized X": the subject before its place
        p0 = noun_phrase_ending(tk, s0 - 2)
        if p0 is not None and agentive(tk, p0, s0 - 1) and (p0 == 0 or tk.get(p0 - 1) in (",", "that")
                                                             or tk.get(p0 - 1) in SUBORDINATORS):
            return Holder(p0, s0 - 1, "subject", refused), obliged, False
    if before in _PLACE_PREPS and s0 > 1 and not (j == i - 1 and tk.low[i].endswith("ing")):
        # not "companies from countries endorsing X": the place's own participle
        p0 = _before_place(tk, s0 - 1)
        if p0 is not None:
            return Holder(p0[0], p0[1], "subject", refused), obliged, False
    if before in ("in", "at") and j == i - 1 and tk.low[i].endswith("ing") and tk.cap(s0) and s0 > 1:
        # "X started running commercials in New York criticizing Y": the commercials' owner, not the city
        p0 = noun_phrase_ending(tk, s0 - 2)
        if p0 is not None and not tk.cap(s0 - 2) and verb_before(tk, p0):
            if agentive(tk, p0, s0 - 1) and tk.low[s0 - 2] not in VOICE_NOUNS:
                return Holder(p0, s0 - 1, "subject", refused), obliged, False  # "met protesters in Ohio backing X"
            owner = clause_subject(tk, p0)
            if owner is not None and owner.end <= p0:
                return owner, obliged, True
    if before == "as" and s0 > 1:
        p0 = noun_phrase_ending(tk, s0 - 2)  # "Trump as a candidate repeatedly accused X": Trump
        if p0 is not None and tk.name(s0 - 2) and agentive(tk, p0, s0 - 1) \
                and (p0 == 0 or tk.get(p0 - 1) in (",", "that") or tk.get(p0 - 1) in SUBORDINATORS):
            return Holder(p0, s0 - 1, "subject", refused), obliged, False
    if before == "than" and tk.get(s0 - 2) in ("more", "fewer", "less"):
        before = ""  # "more than a dozen recipients have endorsed X"
        s0 = s0 - 2 if tk.get(s0 - 3) not in DET else s0 - 3
    if before in PREP and before not in ("of", "that") and not tk.cap(s0 - 1) \
            and not (s0 == j and tk.low[j] in ("he", "she", "they", "we", "i")) and not _clause_after(tk, s0, j, i):
        return None, obliged, False  # "support for the mayor": no subject; "after she accused X": she
    via = "pronoun" if s0 == j and pronoun(tk.low[j]) in PRONOUNS else "subject"
    if tk.get(s0 - 1) == "," and "and" in tk.low[s0 + 1:j]:
        s0 = _list_start(tk, s0)  # "A, B and other speakers attacked X": the whole list
    return Holder(s0, j + 1, via, refused), obliged, False


def _clause_after(tk: Tokens, s0: int, j: int, i: int) -> bool:
    """Is the agent [s0, j] after "after" or "before" the subject of the finite verb at i, which opens
    a clause ("a day after President Trump accused X", "before the union endorsed X"), not the object
    of a preposition ("support for the mayor", "after years attacking X")? Not before a copula: "before
    the declaration was against the law" says what it is, not what it holds."""
    finite = not tk.low[i].endswith("ing") or any(tk.low[k] in AUX for k in range(j + 1, i))
    copula = any(tk.low[k] in BE for k in range(j + 1, i))  # "before the declaration was against the law"
    return tk.get(s0 - 1) in ("after", "before") and finite and not copula and agentive(tk, s0, j + 1)


def _list_start(tk: Tokens, s0: int) -> int:
    """Where a list of names opens whose last items the subject at s0 coordinates ("Anna Berg, the
    singer Tom Hale and other speakers"): back over ", item" while each item is a name of two words or
    more, with no abbreviation's dot, that opens the sentence or follows a comma ("In Paris, …",
    "To Secure the Tools …, X and Y", "Yesterday, …", an address "Mr. President, …" are no items)."""
    k = s0
    while tk.get(k - 1) == ",":
        p = noun_phrase_ending(tk, k - 2)
        if p is None or k - 1 - p < 2 or not tk.cap(k - 2) or not agentive(tk, p, k - 1) or "." in tk.low[p:k - 1] \
                or p > 0 and tk.get(p - 1) not in (",", '"', "“"):
            break
        k = p
    return k


# Prepositions of a place that may stand between a subject and its verb: "a pastor outside the capitol".
_PLACE_PREPS = frozenset(("in", "at", "from", "outside", "inside", "near", "across", "around"))


def _before_place(tk: Tokens, p: int) -> tuple[int, int] | None:
    """At a preposition of place p after the subject's words: the agent that opens the clause before
    where it is ("A pastor outside the state capitol criticized X", "The rabbi leading the lighting
    outside the White House ripped into X", "a pastor speaking at a vigil in Lyon"): its span, or None."""
    for _ in range(4):
        e = p - 1
        if _participle(tk, e):
            e -= 1  # "a pastor speaking at a vigil": the participle hangs on the subject
        n0 = noun_phrase_ending(tk, e)
        if n0 is None and tk.get(e - 1) in DET and tk.is_word(e):
            n0 = e - 1  # "at the meeting", "at the hearing"
        if n0 is None:
            return None
        if tk.get(n0 - 1) in _PLACE_PREPS:
            p = n0 - 1  # "at a vigil outside the capitol"
            continue
        if e == p - 1 and _participle(tk, n0 - 1):
            e = n0 - 2  # "the rabbi leading the lighting outside": the participle's object before the place
            n0 = noun_phrase_ending(tk, e)
            if n0 is None:
                return None
        if tk.low[n0] in SUBORDINATORS or tk.low[n0] in PREP or tk.low[n0] in QUESTION_WORDS \
                or e == 0 and not _opening_agent(tk.low[0]) or tk.low[e] in VOICE_NOUNS and tk.get(p) == "from":
            return None  # "While at the same time embracing X", "Efforts at the UN level", "A report from X"
        if agentive(tk, n0, e + 1) and (n0 == 0 or tk.get(n0 - 1) in (",", "that")
                                        or tk.get(n0 - 1) in SUBORDINATORS):
            return n0, e + 1
        return None
    return None


def _verb_as_noun(tk: Tokens, k: int) -> bool:
    """Is token k a verb's form used as a noun between a determiner and a noun ("the state police",
    "a support group")?"""
    t = tk.get(k)
    return tk.get(k - 1) in DET and t in VERB_FORMS and not t.endswith(("ed", "ing")) and t not in AUX \
        and t not in MODALS and t not in BE and t not in PREP and noun_word(tk.get(k + 1)) and tk.is_word(k + 1) \
        and not tk.cap(k + 1)  # not "a sign Adelson is …"


def _opening_agent(t: str) -> bool:
    """Can the word that opens the sentence, capitalised for that alone perhaps, be an agent by itself:
    a people word ("Protesters"), or a name that reads as none of a plural, a verb's form or a
    quantifier ("Obama"; not "Efforts", "Standing", "Many", "Others")?"""
    return t not in _QUANTIFIERS and (agent_word(t) or not t.endswith(("s", "ing")) and t not in VERB_FORMS
                                      and t not in PAST_FORMS)


_QUANTIFIERS = frozenset(("many", "some", "most", "few", "several", "all", "both", "each", "either", "neither",
                          "none", "one", "any", "much", "more", "less", "others"))


def _participle(tk: Tokens, k: int) -> bool:
    """Is token k a participle in -ing after a noun ("a pastor speaking", not "the meeting")?"""
    t = tk.get(k)
    return k > 0 and t.endswith("ing") and len(t) > 4 and tk.is_word(k) and not tk.cap(k) \
        and tk.get(k - 1) not in DET and not possessive(tk, k - 1)


def _description_before(tk: Tokens, k: int) -> bool:
    """Does a description end before the comma at k, so that the name after it names whom it
    describes ("her colleague, Karl Rove,", "The governor of Texas, Greg Abbott,"), not a name
    in a list ("Clinton, Sanders, …")?"""
    e = k - 1
    while e >= 0 and tk.cap(e):
        e -= 1
    return e == k - 1 and e >= 0 or e > 0 and tk.low[e] in ("of", "for") and not tk.cap(e - 1)


def _after_opening_clause(tk: Tokens, i: int) -> Holder | None:
    """The subject after a participle clause that opens the sentence ("Criticizing X, the mayor
    said …"), when it is an agent and a verb follows it."""
    c = next((k for k in range(i + 1, min(tk.n, i + 25)) if tk.low[k] == ","), None)
    if c is None:
        return None
    h = noun_phrase_after(tk, c + 1, "subject")
    if h is None or any(tk.low[k] in AUX for k in range(h.start, h.end)):
        return None  # not "RESPECTING THE RIGHTS …, ARE"
    v = h.end
    while v < tk.n and _skippable(tk, v):
        v += 1
    t = tk.get(v)
    verb = t in VERB_FORMS or t in PAST_FORMS or (t.endswith(("ed", "s")) and not t.endswith("ss")) or tk.get(v - 1) in AUX
    return h if verb and not tk.cap(v) else None


def verb_before(tk: Tokens, s0: int) -> bool:
    """Is the word before a noun phrase at s0 a verb, so that the phrase is its object?"""
    v = s0 - 1
    while v >= 0 and (adverb(tk.low[v]) or tk.low[v] in SKIP_ADVERBS):
        v -= 1
    t = tk.get(v)
    return bool(t) and t.isalpha() and not tk.cap(v) and t not in PREP and t not in DET and t not in BE \
        and t not in AUX and (t in VERB_FORMS or t in PAST_FORMS or t.endswith(("ed", "ing"))
                              or t.endswith("s") and not t.endswith("ss"))


def _object_before(tk: Tokens, j: int) -> Holder | None:
    """Before "for"/"of" at j and a gerund: the object of the verb before it, who does what the
    gerund says ("praised the mayor for backing Y", "accused Kerry of attacking Y"): its holder."""
    s0 = noun_phrase_ending(tk, j - 1)
    if s0 is None or not agentive(tk, s0, j) or not verb_before(tk, s0):
        return None
    if s0 == j - 1 and pronoun(tk.low[s0]) in PRONOUNS:
        return None  # "accused him of …": the pronoun's antecedent is not read here
    return Holder(s0, j, "object")




def _voice_author(tk: Tokens, j: int) -> Holder | None:
    """The name whose possessive owns the voice noun at j, with at most two modifiers between
    ("Trump's tweets", "Trump's early-morning tweets", "the senator's latest statement"): the author."""
    k = j - 1
    while k >= j - 2 and k >= 0 and tk.is_word(k) and not tk.cap(k) and not possessive(tk, k) \
            and tk.low[k] not in DET and tk.low[k] not in PREP:
        k -= 1  # "early-morning", "latest"
    if k < 0 or not possessive(tk, k) or not (tk.cap(k) or agent_word(tk.low[k][:-2])):
        return None
    s0 = noun_phrase_ending(tk, k)
    if s0 is None:
        return None
    while s0 < k and tk.low[s0] in DET:
        s0 += 1
    return Holder(s0, k + 1, "subject") if agentive(tk, s0, k + 1) else None




def noun_phrase_after(tk: Tokens, k: int, via: str) -> Holder | None:
    """The agentive noun phrase that starts at k ("the mayor of Lyon", "dozens of women"), if any."""
    e = k
    while e < tk.n and e - k < NP_MAX:
        t = tk.low[e]
        if t == "." and e > k and abbreviation(tk, e - 1) and tk.name(e + 1):
            e += 1  # "Ms. Friedan", "Sen. Lee": the title's dot
            continue
        if tk.cap(e) and tk.is_word(e) and t != "i" or t in DET and e == k or possessive(tk, e) \
                or t in ("of", "and", "&", "the", "de") and e > k and tk.cap(e + 1) \
                or noun_word(t) and not (e > k and tk.cap(e - 1) and not t.endswith("s")
                                          and not (tk.name(e + 1) and tk.is_word(e + 1))) \
                or t in ("'", "’") and e > k and tk.low[e - 1].endswith("s") and noun_word(tk.get(e + 1)) \
                or e > k and _verb_as_noun(tk, e):
            e += 1  # "Tidal owner Jay Z"; "several farmers' groups"; "the state police union": a verb's form as a noun
            continue
        m = e
        while m < tk.n and m - k < NP_MAX and noun_word(tk.low[m]) and not tk.cap(m):
            m += 1
        if m > e and m < tk.n and tk.name(m) and tk.is_word(m) and m - k < NP_MAX:
            e = m  # "Republican presidential candidate Donald Trump": the words of a title before a name
            continue
        break
    while e > k and tk.low[e - 1] in DET | {"of", "and", "the"}:
        e -= 1
    if e > k and agentive(tk, k, e):
        return Holder(k, e, via)
    return None




def is_passive(tk: Tokens, i: int) -> int | None:
    """Is the verb at i a passive participle ("was praised", "has been accused")? The index of
    its auxiliary ("was"), or None."""
    t = tk.low[i]
    if t.endswith(("ing", "s")) and not t.endswith("ss"):
        return None
    j = i - 1
    while j >= 0 and i - j <= 4 and (adverb(tk.low[j]) or tk.low[j] in SKIP_ADVERBS or tk.low[j] in NEGATORS):
        j -= 1
    if tk.get(j) in BE or tk.get(j) in ("get", "gets", "got", "getting"):
        if tk.get(j) in ("'s", "’s"):
            return None
        return j
    if tk.get(j).endswith(("n't", "n’t")) and tk.get(j)[:-3] in BE:
        return j  # "wasn't welcomed by", "aren't supported": the negation is the verb's
    return None
