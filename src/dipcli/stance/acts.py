"""The stance acts of a claim: a head matched, negation applied, its target cut, a record built.

Each claim (one sentence with its speaker) is tokenised once and scanned left to right for
the tokens that can head an act; :func:`dipcli.stance.matchers.match` reads each, and a head
inside an earlier act's object is part of that object, not an act of its own.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import compress, count

from .. import lexicon
from ..cues import lowered, lowered_words
from ..model import Analysed, Claim, Mention, Polarity, Stance
from .act import Act
from .cast import Holders, Named
from .agents import voice_owner
from .holders import (NP_MAX, QUESTION_WORDS, SPEAKER, SPEAKER_PRONOUNS, Holder, agent_word, agentive, noun_word, pronoun,
                      subject_of, verb_before)
from .grammar import reported_by
from .matchers import after_manner, match, polarity_holds
from .nominal import bound_subject
from .relatives import apposed_name
from .targets import abstention, idle_commitment, main_verb, nothing_to_report, phrase, reason_follows, urged_action
from .tokens import CLAUSE_PUNCT, QUOTES, Tokens, adjectival, adverb, possessive, skip_adverbs, skip_back
from .words import (AUX, AVOIDANCE, COLLECTIVES, COUNTERING, COURTESIES, DET, EXPECTATION, FLIP_WHEN_NEGATED, FURTHERING_FORMS,
                    HEAD_FORMS, HEAD_TOKENS, INTENSITY, MODALS, MODIFIED_NOUNS, NO_ONE, NUMBER_WORDS, OFFICES, PAST_FORMS, PREP,
                    REASON_WORDS, RELATIVES, SKIP_ADVERBS, SPECULATION, SUBORDINATORS, TIME_WORDS, VERB_FORMS, VOICE_NOUNS,
                    WARNING)


# Month names, which stand for no one a pronoun refers to ("in June 2015, X cheered Y as he …").
MONTHS = frozenset(w.lower() for w in lexicon.words("months"))
# Subjects of a speech verb that do not name who says "it …": the narrator's "we", "I", "you".
PRONOUNS_NOT_SAYERS = frozenset(("we", "i", "you"))
# The speaker's own words in a subject or a cue: "two of us", "our commitment".
FIRST_PERSON = SPEAKER_PRONOUNS | frozenset(("me",))


@dataclass(frozen=True, slots=True)
class Found:
    """A stance record and the name of the matcher that found its act (see ``matchers.MATCHERS``)."""

    stance: Stance
    matcher: str


def find_acts(item: Analysed) -> list[Found]:
    """Every stance act in an analysed article, in text order, each with its matcher's name."""
    text = item.article.text
    holders = Holders(item)
    out: list[Found] = []
    for claim in item.claims:
        out.extend(claim_acts(claim, text, holders))
    out.sort(key=lambda f: (f.stance.start, f.stance.cue_start, f.stance.target_start))
    return out


# The letters beyond ASCII that the regex engine, ignoring case, takes for an ASCII letter and
# lower-casing does not turn into it (see :func:`.cues.lowered`): each to that letter.
_AS_ASCII_LETTERS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


_WORDS = re.compile(r"\w+")
_HEAD_BYTES = frozenset(h.encode("ascii") for h in HEAD_TOKENS)  # (every head is a word of ASCII letters)


def has_head(sent: str) -> bool:
    """Whether a word that can head an act stands in ``sent`` as a whole word, in any case: a
    sentence without one has no act. (Its lower-cased runs of word characters, looked up: no
    pattern over every head to compile; as bytes, unless it has a letter beyond ASCII.)"""
    words = lowered_words(sent)
    if words is not None:
        return not _HEAD_BYTES.isdisjoint(words)
    low = lowered(sent)
    if low is None:
        low = sent.translate(_AS_ASCII_LETTERS).lower()  # ("Akıncı": what a pattern ignoring case reads)
    return not HEAD_TOKENS.isdisjoint(_WORDS.findall(low))


def claim_acts(claim: Claim, text: str, holders: Holders) -> Iterator[Found]:
    """The stance acts of one claim, left to right."""
    sent = text[claim.start:claim.end]
    if not has_head(sent):
        return  # (no word that can head an act: no tokens to make)
    tk = Tokens(sent)
    last: tuple[Holder, Named] | None = None  # the holder of the act before, for coordinated verbs
    candidates = compress(count(), map(HEAD_TOKENS.__contains__, tk.low))  # (the indexes of the heads, in C)
    i = 0
    for c in candidates:
        if c < i:
            continue  # inside an earlier act's object: part of it
        i = c
        act = match(tk, i)
        if act is None or not polarity_holds(tk, act) or avoided(tk, act.cue0) or describes_noun(tk, act) \
                or speculated(tk, act) or _race(tk, act):
            i = act.cue1 if act else i + 1
            continue
        found = _holder(tk, act, claim, last)
        if found is None:
            i += 1  # nobody holds it: an act inside it may have a holder ("came to show her support")
            continue
        holder, refused = found
        if refused:
            if act.polarity != Polarity.SUPPORT or HEAD_FORMS.get(tk.low[act.cue0]) not in FLIP_WHEN_NEGATED:
                i = act.cue1
                continue
            act.polarity = Polarity.OPPOSE  # "refused to endorse X": as "did not endorse X"
        if holder.via == "pronoun" and act.matcher == "nominal" and not (claim.speaker_kind == "group"
                                                                         and tk.low[holder.start] == "their"):
            holder = bound_subject(tk, holder) or holder  # "the senator withdrew his support for X": the senator
        if holder.via == "pronoun" and claim.speaker_kind not in ("person", "group", "document"):
            holder = _antecedent(tk, holder) or holder  # "Kaine … when he attacked Trump"
        if not holder.named or claim.speaker and _mention_of_speaker(tk, holder, claim):
            named = holders.speaker(claim)
        else:
            named = holders.name(sent[tk.start[holder.start]:tk.end[holder.end - 1]], claim)
        if named is None:
            i = act.cue1
            continue
        if holder.named and claim.speaker and (named.name == claim.speaker or claim.speaker in named.members):
            named = holders.speaker(claim)  # the speaker's own name, country or side: the speaker
        last = (holder, named)
        if act.mode == "before":
            t0, t1 = act.before
            if nothing_to_report(tk, t0, t1):
                i = act.cue1
                continue
            record = _record(claim, sent, tk, act.polarity, act.cue0, act.cue1, t0, t1, holder, named, holders)
            if act.matcher != "verdict" or _names_someone(tk, t0, t1, record):
                yield Found(record, act.matcher)  # a verdict on "History" or "Impunity" is no one's position
            i = max(act.cue1, act.obj)
            continue
        record = _object_act(claim, sent, tk, act, holder, named, holders)
        if record is None:
            i = act.cue1
            continue
        stance, natural, matcher, reason = record
        yield Found(stance, matcher)
        if reason is not None:
            inner = _reason_act(claim, sent, tk, reason, holders)
            if inner is not None:
                yield inner
        i = max(natural, act.cue1)


def speculated(tk: Tokens, act: Act) -> bool:
    """Is the act's verb a guess, right after "could", "might" or "may" and not negated ("Trump could
    embrace X", "she might back the bill", "the move could alienate his backers"; not "we could not
    support the draft", "Theresa May backed X", nor a question that takes the act as given: "asked
    how Ohio senators could support X")?"""
    j = skip_back(tk, act.cue0)
    if act.matcher == "object" and tk.get(j) in ("will", "would") and tk.get(j - 1) not in ("i", "we") \
            and _expected(tk, j):
        return True
    return act.matcher in ("object", "experiencer") and tk.get(j) in SPECULATION and not tk.cap(j) \
        and not any(tk.low[k] in ("how", "why") for k in range(max(0, j - 5), j))


def _expected(tk: Tokens, j: int) -> bool:
    """Is the "will" or "would" at j in a clause that a word of hope or expectation governs ("We hope
    that all countries will support X", "confident that Member States will endorse X"; not "believes
    in that mandate and will support X", nor across a comma: "If X believes …, then I would urge Y")?"""
    for k in range(j - 1, max(-1, j - 12), -1):
        if tk.low[k] in CLAUSE_PUNCT or tk.low[k] == ",":
            return False
        if tk.low[k] in EXPECTATION:
            return tk.get(k + 1) not in PREP and tk.get(k + 1) != "to"
    return False


def _race(tk: Tokens, act: Act) -> bool:
    """Is the act a run for office ("campaigning for president", "ran for governor"): no one supported?
    Not when the office only describes whom ("campaign for Senate and House candidates")."""
    k = act.obj + (tk.get(act.obj) == "the")
    nxt = tk.get(k + 1)
    return HEAD_FORMS.get(tk.low[act.cue0]) in ("campaign", "run") and tk.get(k) in OFFICES \
        and nxt not in ("and", "or") and not (nxt.isalpha() and (nxt.endswith("s") or tk.cap(k + 1)))


def avoided(tk: Tokens, c: int) -> bool:
    """Is the -ing cue at c governed by a verb of keeping out ("avoids condemning X", "refrained
    from criticizing X", "avoided directly attacking X")? Its holder takes no position on X."""
    if not tk.low[c].endswith("ing"):
        return False
    j = c - 1
    while j >= 0 and adverb(tk.low[j]):
        j -= 1
    if tk.get(j) == "from":
        j -= 1
    return j >= 0 and VERB_FORMS.get(tk.low[j], tk.low[j]) in AVOIDANCE


def describes_noun(tk: Tokens, act: Act) -> bool:
    """Is the act's cue a single -ing word that describes the noun of what is said after it, not a verb
    ("cited disparaging remarks Trump had made", "insulting comments", "openness to opposing viewpoints")?"""
    nxt = tk.get(act.cue1)
    if not (act.cue1 == act.cue0 + 1 and tk.low[act.cue0].endswith("ing") and act.mode != "before"
            and (nxt in MODIFIED_NOUNS or nxt in VOICE_NOUNS)):
        return False
    j = act.cue0 - 1
    while j >= 0 and adverb(tk.low[j]):
        j -= 1
    before = tk.get(j)  # not a noun the -ing word follows: "a statement on Saturday condemning comments"
    return before in DET or before in PREP or before in (",", "and", "its", "their", "his", "her", "our") \
        or adjectival(before) or before.endswith("ed") and not tk.cap(j)


def _names_someone(tk: Tokens, t0: int, t1: int, record: Stance) -> bool:
    """Is a verdict's subject someone: a person, country or organisation it is about ("Brandt" known
    to the cast, "Russia's actions"), a name inside it that does not open the sentence ("The
    Munroes") or an owner that does ("Biden's remarks")? "History" or "Impunity" opening a sentence
    are not."""
    if any(m.kind != "name" for m in record.about):
        return True
    opener = (t0 == 0 or tk.get(t0 - 1) in QUOTES) and not possessive(tk, t0)  # ("Biden's remarks were …")
    return any(tk.name(k) and tk.is_word(k) for k in range(t0 + 1 if opener else t0, t1))


def _antecedent(tk: Tokens, pronoun: Holder) -> Holder | None:
    """A pronoun's antecedent in the narration's own sentence: the first name before it that opens
    a noun phrase ("Kaine found his footing when he attacked …")."""
    from .holders import abbreviation, noun_phrase_ending

    k = 0
    while k < pronoun.start:
        if tk.name(k) and tk.low[k] not in QUESTION_WORDS and not adverb(tk.low[k]) and tk.low[k] not in MONTHS \
                and (tk.get(k + 1) != "," or k == 0 and pronoun.start > 2 and tk.low[pronoun.start] in ("he", "she")
                     and tk.low[k] not in TIME_WORDS and tk.low[k] not in SKIP_ADVERBS) \
                and tk.low[k] not in PREP and tk.low[k] not in SUBORDINATORS:
            if tk.low[k] in NUMBER_WORDS:
                return None  # "Two years ago, he …", "Thousands of X … his attacks": left to the cast
            # not "Apparently,", "After …"; a name and a comma only opening the sentence ("Trump, on the
            # other hand, said he …"), not "In Colombia, he …" or an address ("Council, we …")
            e = k
            while e + 1 < pronoun.start and (tk.cap(e + 1) and tk.is_word(e + 1)
                                             or tk.get(e + 1) == "." and abbreviation(tk, e) and tk.name(e + 2)):
                e += 2 if tk.get(e + 1) == "." else 1  # "Mrs. Clinton"
            if _modifier(tk, k, e):
                k = e + 1  # "California lawmakers' decision to tap Holder …": the lawmakers', no name's
                continue
            if noun_phrase_ending(tk, e) is not None and agentive(tk, k, e + 1):
                return Holder(k, e + 1, "pronoun", pronoun.refused)
            return None
        k += 1
    return None


def _modifier(tk: Tokens, k: int, e: int) -> bool:
    """Is the name [k, e] no noun phrase of its own: a modifier of the noun after it ("California
    lawmakers", "Senate Republicans' plan"), or a participle opening the sentence ("Straying from X, …")?"""
    nxt = tk.get(e + 1).rstrip("'’")
    if k == 0 and e == 0 and tk.low[0].endswith("ing") and tk.get(1).isalpha() and not tk.cap(1):
        return True
    return nxt.isalpha() and not tk.cap(e + 1) and noun_word(nxt) and not possessive(tk, e) \
        and agent_word(nxt)


def _holder(tk: Tokens, act: Act, claim: Claim, last: tuple[Holder, Named] | None) -> tuple[Holder, bool] | None:
    """Who holds the act, and whether a governing verb refuses it ("refused to endorse"); None
    when nobody does (the narration describes a position nobody in the sentence holds)."""
    if act.holder is not None:
        return _apposed(tk, act.holder), False
    if act.mode == "before" and act.matcher == "passive":
        # "must be respected", "will be upheld": the speaker's norm or pledge; "X is accused": nobody's
        modal = any(tk.low[k] in MODALS and tk.low[k] != "to" for k in range(act.cue0, act.cue1))
        return (SPEAKER, False) if modal else None
    subject, obliged, coordinated = subject_of(tk, act.cue0)
    subject = _apposed(tk, subject) if subject is not None else None
    if subject is not None and subject.via != "relative":
        none = _no_one(tk, subject)
        if none is None:
            return None  # "Nobody can blame these families", "Neither Smith nor Jones backed it"
        if none:
            subject = replace(subject, refused=True)  # "None of the senators backed the bill": as "did not back"
    if subject is None:
        if coordinated and last is not None:
            return last[0], False  # "X praised Y and criticised Z"
        return (SPEAKER, False) if claim.speaker else None
    if tk.low[-1:] == ["?"] and subject.via != "relative" and (tk.low[subject.start] in AUX or tk.get(
            subject.start - 1) in AUX and tk.get(subject.start - 1) != "to"):
        return None  # "Will the President support the bill?": a question, no one's position
    if obliged and claim.speaker:
        return SPEAKER, subject.refused
    first = pronoun(tk.low[subject.start])
    if claim.speaker and _mention_of_speaker(tk, subject, claim):
        return Holder(subject.start, subject.end, "speaker" if subject.via == "pronoun" else subject.via,
                      subject.refused), subject.refused  # the words that name the speaker
    if claim.speaker and subject.end - subject.start <= 3 and tk.low[subject.end - 1] in COLLECTIVES:
        return SPEAKER, subject.refused  # "the two sides", "both leaders" in a group's claim
    if subject.end - subject.start == 1 and first in SPEAKER_PRONOUNS or tk.low[subject.start] in ("my", "our") \
            or tk.low[subject.start] == "let" and tk.get(subject.start + 1) in ("us", "’s", "'s"):
        return SPEAKER, subject.refused  # "we", "I", "let us": the speaker, or the text's own voice (a speech)
    if first == "you" and subject.end - subject.start == 1:
        return None  # "You touted the deal": the one addressed, whom the sentence does not name, not the speaker
    if tk.low[subject.start] == "one" and subject.end - subject.start == 1 and tk.get(subject.end) in MODALS:
        return (SPEAKER, subject.refused) if claim.speaker else None  # '"One would have hoped for X," Y said'
    if not claim.speaker and subject.end - subject.start == 1 and pronoun(tk.low[subject.start]) == "it":
        sayer = _sayer(tk, subject.start)
        return (sayer, subject.refused) if sayer is not None else None
    if not agentive(tk, subject.start, subject.end):
        # "it" is the speaker's own ("the ministry said it welcomed X"); a phrase of its own is not
        # ("Kay's findings do not support X", "the rapper accused him", Orbán said): no one's that we can name
        return (SPEAKER, subject.refused) if claim.speaker and _stands_for_speaker(tk, subject, act) else None
    return voice_owner(tk, subject), subject.refused


def _no_one(tk: Tokens, h: Holder) -> bool | None:
    """Whether a subject is a group that did not do what the verb says ("none of the senators",
    "neither of them": True), names no one ("Nobody", "no senator") or only the last of those who did
    not ("Neither Smith nor Jones": None), or is someone (False)."""
    if tk.low[h.start] in NO_ONE and not any(tk.cap(k) and not tk.cap(k - 1) for k in range(h.start + 2, h.end)):
        return True if tk.get(h.start + 1) == "of" else None  # (not "no wonder Donald Trump", a name after it)
    if tk.get(h.start - 1) == "nor":
        return None
    j = h.start - 1
    while j > 0 and tk.low[j] in DET:
        j -= 1  # "none of the senators"
    return tk.get(j) == "of" and tk.get(j - 1) in NO_ONE


def _apposed(tk: Tokens, h: Holder) -> Holder:
    """A relative clause's holder, or the name its description stands beside ("Maria Lopez, the
    activist who accused X": Maria Lopez; ``relatives.apposed_name``)."""
    if h.via != "relative":
        return h
    n0, n1 = apposed_name(tk, h.start, h.end) or (h.start, h.end)
    return Holder(n0, n1, "relative", h.refused)


def _stands_for_speaker(tk: Tokens, subject: Holder, act: Act) -> bool:
    """Can a subject that is no agent leave the act to the claim's speaker? Yes for "it" ("the
    council said it supports X"), the first person in or just before the subject or in the cue ("two
    of us agreed", "we are democracies committed to X", "these challenges underscore our commitment
    to X", "our joint work on X and Y supports Z"), a phrase that is a verb's object before an
    adjective or participle ("took a stand against X", "has maintained a policy committed to X": the
    verb's subject is not read here), and a single word that is a verb's form or no plural noun
    (mostly a word misread as the subject: "very much looking forward", "it stands ready"), or words
    after an auxiliary (misread too: "China has all along abided by X"); and a contrast ("X is not
    A but B") is the speaker's whatever its subject. No for a
    noun phrase of its own ("the rapper accused him", "Kay's findings do not support X", "cities can sue X")."""
    words = tk.low[subject.start:subject.end]
    near = tk.low[max(0, subject.start - 2):subject.start] + words + tk.low[act.cue0:act.cue1]
    if any(pronoun(w) in FIRST_PERSON for w in near) or _our_phrase(tk, subject.start):
        return True
    if act.matcher == "contrast" or tk.get(subject.start - 1) in AUX:
        return True  # "X relations are not an alliance, but …": the speaker's; "China has all along abided by X"
    if (act.matcher == "adjective" or act.matcher == "particle" and tk.low[act.cue0].endswith("ed")) \
            and verb_before(tk, subject.start):
        return True  # "took a stand against X", "maintained a policy committed to X"
    if len(words) > 1:
        return False
    w = words[0]
    return pronoun(w) == "it" or w in VERB_FORMS or w in HEAD_FORMS or not (w.endswith("s") and len(w) > 3 and w.isalpha())


def _our_phrase(tk: Tokens, k: int) -> bool:
    """Does "our" or "my" open the phrase whose last words were read as the subject at k, within
    its clause ("Our joint implementation of the price cap for crude oil and petroleum products supports X")?"""
    for j in range(k - 1, max(-1, k - NP_MAX * 2), -1):
        t = tk.low[j]
        if t in CLAUSE_PUNCT or t == "," or t in SUBORDINATORS or t in RELATIVES:
            return False
        if t in ("our", "my"):
            return True
    return False


def _sayer(tk: Tokens, p: int) -> Holder | None:
    """Who says the clause "it" at p opens, when attribution named no speaker: the speech verb's
    subject, if an agent ("the council said in a statement it supports X": the council)."""
    v = reported_by(tk, p)
    if v is None:
        return None
    subject, _, _ = subject_of(tk, v)
    if subject is None or not subject.named or not agentive(tk, subject.start, subject.end) \
            or pronoun(tk.low[subject.start]) in PRONOUNS_NOT_SAYERS or tk.low[subject.end - 1] in VOICE_NOUNS:
        # "the report said it supports X": a document's "it" is itself
        return None
    return voice_owner(tk, subject)


def _mention_of_speaker(tk: Tokens, subject: Holder, claim: Claim) -> bool:
    """Are the subject's words those that name the claim's speaker in this sentence?"""
    if not claim.mention:
        return False
    words = " ".join(tk.low[subject.start:subject.end])
    mention = " ".join(Tokens(claim.mention).low)
    return words == mention or words in mention or mention in words


def _reason_act(claim: Claim, sent: str, tk: Tokens, reason: tuple[int, int, int], holders: Holders) -> Found | None:
    """The act inside a reason, held by the one praised or blamed: "accused X of undermining Y" -> X
    opposes Y; "praised X for supporting Y" -> X supports Y. ``reason``: the object's tokens and
    the reason word's index."""
    t0, t1, k = reason
    g = skip_adverbs(tk, k + 1)
    if not tk.low[g].endswith("ing") or not agentive(tk, t0, t1) or pronoun(tk.low[t0]) in ("it", "them", "they"):
        return None
    inner = match(tk, g, forced=True)
    if inner is None or inner.mode not in ("np", "vp", "reason") or inner.holder is not None \
            or not polarity_holds(tk, inner):
        return None
    r0, r1, _ = phrase(tk, skip_adverbs(tk, inner.obj), "np" if inner.mode == "reason" else inner.mode)
    if inner.mode == "reason":  # "skewered X for attacking Y over Z": Y, the one X attacked
        r1 = _reason_word(tk, inner.cue0, r0, r1) or r1
    if nothing_to_report(tk, r0, r1):
        return None
    named = holders.name(sent[tk.start[t0]:tk.end[t1 - 1]], claim)
    if named is None:
        return None
    holder = Holder(t0, t1, "object")
    return Found(_record(claim, sent, tk, inner.polarity, inner.cue0, inner.cue1, r0, r1, holder, named, holders),
                 inner.matcher)


def _object_act(claim: Claim, sent: str, tk: Tokens, act: Act, holder: Holder, named: Named,
                holders: Holders) -> tuple[Stance, int, str, tuple[int, int, int] | None] | None:
    """An act whose target follows its cue: the object read by the act's mode."""
    cue0, polarity, mode = act.cue0, act.polarity, act.mode
    obj = skip_adverbs(tk, act.obj)
    if tk.get(obj) == "by":
        return None  # "the steps called upon by the parties": a passive
    asked = None  # the one asked to act: "urged X to …"
    if mode == "urge":
        action = urged_action(tk, obj)
        if action is None and HEAD_FORMS.get(tk.low[act.cue0]) == "call" and _someone_at(tk, obj) \
                and not any(t in ("to", "for", ":") for t in tk.low[obj:]):  # not "call on X: …", "… for its support"
            return None  # "called on the Prime Minister at his residence", "I'll call on you": a visit, the floor given
        asked = (obj, action - 1) if action is not None else None
        obj, mode = (action, "vp") if action is not None else (obj, "np")
        if action is not None and tk.get(action - 2) == "not":
            polarity = Polarity.OPPOSE  # "urged Chinese people not to rush to judgment": against the action
            asked = (asked[0], action - 2)
    # "agreed to firmly uphold X", "urged Russia to condemn Y": the inner verb's act
    inner = match(tk, obj, forced=True) if polarity == Polarity.SUPPORT and mode in ("vp", "np") else None
    if inner is not None and inner.mode != "before" and polarity_holds(tk, inner):
        if obj != skip_adverbs(tk, act.cue1):
            cue0 = inner.cue0  # the urged party stands between: the cue is the inner verb's
        act, polarity, mode, obj, asked = inner, inner.polarity, inner.mode, skip_adverbs(tk, inner.obj), None
        if mode == "urge":
            action = urged_action(tk, obj)
            obj, mode = (action, "vp") if action is not None else (obj, "np")
    elif mode == "vp" and polarity == Polarity.SUPPORT and idle_commitment(tk, cue0, act.cue1, obj):
        return None  # "pledged to cap emissions", "was prepared to go further"
    if polarity == Polarity.SUPPORT and mode in ("vp", "np") and FURTHERING_FORMS.get(tk.get(obj)) in COUNTERING:
        # "committed to countering Russian aggression", "determined to prevent X from Y", "to fight
        # against X": against what the action works on (not "to fight for X")
        nxt = obj + 1 + (tk.get(obj + 1) == "against")
        if tk.get(nxt) not in PREP and tk.get(nxt) not in ("and", "or", "to") and tk.is_word(nxt):
            polarity, obj, mode, act.cue1 = Polarity.OPPOSE, nxt, "np", nxt  # the cue ends with the verb
    urged = None  # the one asked to stop ("urged X to stop Y", "demanded that X stop Y"); not "urged X to return"
    if mode in ("demand", "vp"):
        abstain = abstention(tk, obj)
        if abstain is not None:
            if mode == "demand":  # "demanded that X stop Y": X, before the verb of stopping
                asked = (obj, abstain - 2 if tk.low[abstain - 1] == "from" else abstain - 1)
            urged = asked if asked is not None and asked[0] < asked[1] else None
            polarity, obj, mode = Polarity.OPPOSE, abstain, "np"
        elif mode == "demand":
            mode = "clause"
    t0, t1, natural = phrase(tk, obj, "np" if mode == "reason" else mode)
    if (holder.via == "relative" or act.matcher == "nominal") and mode != "clause":
        # "groups that endorsed him say …": him; "American criticism of Turkey grew": Turkey (a stance
        # noun with no verb before it is the clause's subject: a past form after its object is the verb)
        subject = act.matcher == "nominal" and not any(
            t in AUX or t in VERB_FORMS or t in PAST_FORMS for t in tk.low[:act.cue0])
        cut = main_verb(tk, t0, t1, subject)
        if cut < t1 or holder.via == "relative":
            t1 = natural = cut
    if holder.named and t0 < holder.start < t1:  # "Criticizing the budget, the senators voted …": the budget
        t1 = holder.start
        while t1 > t0 and tk.low[t1 - 1] in (",", "and"):
            t1 -= 1
    why_at = None  # where a reason begins: "accused X of …"
    if mode == "reason":
        # "appreciates China for …": the target ends where the reason begins; thanks and
        # congratulations are support of what they are for ("thanked X for Y": Y)
        k = _reason_word(tk, act.cue0, t0, t1)
        if k is not None:
            t1 = why_at = k
        while t1 > t0 and tk.low[t1 - 1] in (",", "and"):
            t1 -= 1
    if nothing_to_report(tk, t0, t1):
        return None
    reason = (t0, t1, why_at) if why_at is not None else None  # the one praised or blamed, and the reason word
    if act.matcher == "carrier" and mode == "reason" and _reason_next(tk, t1):
        natural = max(natural, _reason_end(tk, t1))  # "thanks to X, …, for his efforts to promote Y": X's, no act
    if urged is None and act.cue1 - act.cue0 > 2 and HEAD_FORMS.get(tk.low[act.cue0]) in WARNING:
        urged = (act.cue0 + 1, act.cue1 - 1)  # "warned Iran against attacking Israel": about Iran as well
    record = _record(claim, sent, tk, polarity, cue0, act.cue1, t0, t1, holder, named, holders, urged)
    return record, natural, act.matcher, reason


def _reason_word(tk: Tokens, cue: int, t0: int, t1: int) -> int | None:
    """Where the reason begins in the object t0..t1 of the verb at ``cue`` ("praised X for Y": "for",
    "accused X of Y": "of"), or None; thanks and congratulations keep what they are for ("thanked
    Brazil for standing with Ukraine": the whole is the target)."""
    lemma = HEAD_FORMS.get(tk.low[cue])
    if lemma in COURTESIES:
        return None
    why = REASON_WORDS.get(lemma, ("for",))
    return next((k for k in range(t0 + 1, t1) if tk.low[k] in why and reason_follows(tk, k + 1)), None)


def _reason_next(tk: Tokens, k: int) -> bool:
    """Does "for" follow token k in its clause before any "and" or "but": the reason of thanks or support
    given to someone ("thanks to X, His Excellency Y, for his efforts to promote Z"; not "support to X and
    condemn the attack for its brutality")?"""
    for e in range(k, _clause_end(tk, k)):
        if tk.low[e] in ("and", "but"):
            return False
        if tk.low[e] == "for":
            return True
    return False


def _clause_end(tk: Tokens, k: int) -> int:
    """The index of the clause punctuation that ends the clause token k stands in, or the sentence's end."""
    return next((e for e in range(k, tk.n) if tk.low[e] in CLAUSE_PUNCT), tk.n)


def _reason_end(tk: Tokens, k: int) -> int:
    """Where the reason after token k ends: at the end of its clause, or at an "and" that opens a new verb
    or clause ("for its efforts and recognizing X", ", and I renew my support", "for her work and to
    commend X"); not at one that joins nouns, another one thanked or the reason's own verbs ("efforts and
    dedication", "and to Secretary-General Guterres for …", "for serving X and upholding Y")."""
    end = _clause_end(tk, k)
    for e in range(k, end):
        if tk.low[e] != "and":
            continue
        n = skip_adverbs(tk, e + 1)
        w = tk.get(n)
        if w == "to":
            n, w = n + 1, tk.get(n + 1)
            if w not in HEAD_FORMS and w not in VERB_FORMS:
                continue  # "and to Secretary-General Guterres for his efforts"
        ing = w.endswith("ing") and len(w) > 4
        if ing and any(tk.low[g].endswith("ing") and len(tk.low[g]) > 4 for g in range(k, e)):
            continue  # "for his efforts aimed at serving X and upholding Y": the reason goes on
        if w in HEAD_FORMS or w in VERB_FORMS or w in ("that", "i", "we", "he", "she", "they", "it") \
                or not tk.cap(n) and (ing or w.endswith("ed") and len(w) > 4):
            return e
    return end


def _someone_at(tk: Tokens, k: int) -> bool:
    """Does the noun phrase at k name someone: a pronoun, a name or title, a word for people ("you",
    "the Prime Minister", "folks"; not "an impartial investigation into the Nord Stream blasts")?"""
    while tk.get(k) in DET:
        k += 1
    t = tk.get(k)
    return pronoun(t) in SPEAKER_PRONOUNS | {"you", "him", "her", "them"} or tk.cap(k) or agent_word(t)


def _record(claim: Claim, sent: str, tk: Tokens, polarity: Polarity, cue0: int, cue1: int,
            t0: int, t1: int, holder: Holder, named: Named, holders: Holders,
            urged: tuple[int, int] | None = None) -> Stance:
    """The stance record of an act; ``urged``: the tokens of one asked to stop what the target says,
    whom the act is about as well ("urged Japan to stop dumping Y": Japan, and what Y names)."""
    base = claim.start
    target = sent[tk.start[t0]:tk.end[t1 - 1]]
    # "its" opening the target is a country's or a body's other than the holder only when a person or
    # nobody named holds the act ("Macron … defending its territory"; not "Saudi Arabia … defend its territory")
    about = _about(sent, tk, t0, t1, base, holders, named.name, its=named.name is None or named.kind == "person")
    if polarity == Polarity.SUPPORT:  # "cooperate on challenges posed by China": not support of China
        about = [m for m in about if not _CAUSED_BY.search(sent, max(0, m.start - base - 40), m.start - base)]
    if urged is not None:
        about = sorted(_about(sent, tk, *urged, base, holders, named.name) + about, key=lambda m: m.start)
    return Stance(
        doc=claim.doc, claim=claim.id, speaker=claim.speaker, speaker_kind=claim.speaker_kind,
        holder=named.name, holder_kind=named.kind, holder_via=holder.via, members=list(named.members),
        polarity=polarity, cue=sent[tk.start[cue0]:tk.end[cue1 - 1]],
        intensity=_intensity(tk, cue0, cue1), target=target,
        entities=list(dict.fromkeys(m.name for m in about)), about=about,
        start=claim.start, end=claim.end, text=sent,
        cue_start=base + tk.start[cue0], cue_end=base + tk.end[cue1 - 1],
        target_start=base + tk.start[t0], target_end=base + tk.end[t1 - 1],
        holder_start=base + tk.start[holder.start] if holder.named else None,
        holder_end=base + tk.end[holder.end - 1] if holder.named else None,
    )


# A capital or a seat stands for its government ("Beijing's actions", "the Kremlin's", "Moscow may
# be advising") when what follows makes it an actor: a possessive or a verb. Not a place ("a summit
# in Brussels", "the Minsk process", "Doha next Thursday").
_GOVERNMENT = re.compile(r"[’']s?\b|\s+(?:is|are|was|were|has|have|had|will|would|may|might|can|could|should|must|does|did)\b")
# After a capital that opens the target, what makes it the act's object by itself, its government:
# "accused Moscow of …", "protested to Beijing over …" (not "the Paris accord", "Jerusalem to be …").
_OBJECT_END = re.compile(r"\s*$|,|\s+(?:and|or|over|for|of|on|in|after|about|amid|as|with)\b")
# The agent of a harm, not what a supporting act supports: "the threat posed by X", "damage caused by X".
_CAUSED_BY = re.compile(r"\b(?:posed|caused)\s+by\s+(?:the\s+)?$")
_PLACE_BEFORE = re.compile(r"\b(?i:in|at|from|to|into|near|outside|across|through|around|via|toward|towards|of)\s+(?:the\s+)?$")


def _about(sent: str, tk: Tokens, t0: int, t1: int, base: int, holders: Holders, holder: str | None,
           its: bool = False) -> list[Mention]:
    """The entities a target names, with their offsets in the article: countries and organisations
    by the gazetteer's canonical names (a capital or a seat of government by its country where it
    acts or is the object itself, as a holder is: "Beijing" -> China), people by the cast's
    ("Duckworth" -> "Tammy Duckworth"), and the person a pronoun in it stands for ("his plan": the
    person named last before it, not the holder)."""
    from ..gazetteer import capital_country, find_entities

    start = tk.start[t0]
    target = sent[start:tk.end[t1 - 1]]
    out = []
    for e in find_entities(target):
        name, kind = e.name, e.kind
        if kind == "name":
            person = holders.entity(e.text)
            country = capital_country(e.text) if person is None and (
                _GOVERNMENT.match(target, e.end) and (target[e.end:e.end + 1] in "’'" or not _PLACE_BEFORE.search(
                    target, 0, e.start)) or e.start == 0 and _OBJECT_END.match(target, e.end)) else None
            name, kind = (person.name, "person") if person is not None else (country, "country") if country \
                else (name, "name")
        out.append(Mention(name=name, kind=kind, start=base + start + e.start, end=base + start + e.end, text=e.text))
    for k in range(t0, t1):
        if tk.low[k] in ("his", "him", "her") and not (tk.low[k] == "her" and tk.get(k + 1) in ("own",)) \
                or tk.low[k] in ("he", "she") and k == t0 == t1 - 1:  # a passive's subject: "she was accused by X"
            person = _person_before(sent, tk.start[k], holders, holder)
            if person is not None:
                out.append(Mention(name=person, kind="person", start=base + tk.start[k], end=base + tk.end[k],
                                   text=tk.raw(k)))
        elif (pronoun(tk.low[k]) in ("them", "they") or its and tk.low[k] == "its") and k == t0 and not out:
            # the object itself ("their" is mostly the holder's own: "continue their talks"); "its
            # economic data": a country's or an organisation's, not any name's
            group = _group_before(sent, tk.start[k], holder)
            if group is not None and (tk.low[k] != "its" or group[1] != "name"):
                out.append(Mention(name=group[0], kind=group[1], start=base + tk.start[k], end=base + tk.end[k],
                                   text=tk.raw(k)))
    out.sort(key=lambda m: m.start)
    return out


def _group_before(sent: str, at: int, holder: str | None) -> tuple[str, str] | None:
    """The group "they" or "them" at ``at`` (a target's first word) stands for: the last one the
    sentence names before it that is not the holder (a plural name, a country, an organisation, a party)."""
    from ..gazetteer import find_entities

    for e in reversed(find_entities(sent[:at])):
        if holder is not None and (e.name == holder or e.text in holder or holder in e.name):
            continue
        if e.kind != "name" or e.text.endswith("s") and not e.text.endswith(("'s", "’s")):
            return e.name, e.kind
    return None


def _person_before(sent: str, at: int, holders: Holders, holder: str | None) -> str | None:
    """The person a pronoun at ``at`` stands for: the last one the sentence names before it who is not
    the holder, else the cast's person named last before the sentence."""
    from ..gazetteer import find_entities

    for e in reversed(find_entities(sent[:at])):
        if e.kind == "name":
            person = holders.entity(e.text)
            if person is not None and person.name != holder:
                return person.name
            if person is None and holders.could_be_person(e.text) and (holder is None or e.text not in holder):
                return e.text  # "Romney …, Democrats accused him": a name the cast does not know, as written
    return None


def _intensity(tk: Tokens, cue0: int, cue1: int) -> str | None:
    """The grading word of an act: in its cue, an adverb just before it, or "in the strongest terms"."""
    for k in range(max(0, cue0 - 2), cue1):
        if tk.low[k] in INTENSITY and (k >= cue0 or adverb(tk.low[k])):
            return tk.low[k]
    for k in range(cue1, after_manner(tk, cue1)):
        if tk.low[k] in INTENSITY:
            return tk.low[k]
    return None
