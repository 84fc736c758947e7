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
pronoun, a conjoined verb, a new finite verb) and at ``MAX_WORDS`` words, unless
a proper name runs on; a truncated object is cut back to its last preposition.

Decisions:

* Holder: every record copies ``speaker``/``speaker_kind`` from its claim, so a
  statement's, a group's and a person's positions all count. A narrator claim
  yields a stance only when the stance verb has an actor subject written right
  before it (a name, "the sides", "they"): the narration then reports someone's
  position, and the record keeps the narrator's label.
* Negation before a head ("do not support", "will never accept") turns an
  approving verb into ``oppose`` and the cue starts at the negation; any other
  negated head is dropped. ``accept``/``recognise``/``tolerate`` count only negated.
* "demand/urge/call on X to … refrain from Y" is ``oppose`` Y; any other demand
  is ``support`` of what is demanded ("call for stopping Z" supports the stopping).
* "urged/called on X to do Y": the target is the action asked for, "do Y".
* "appreciates/commends/praises X for Y": the target is X; Y is the reason.
* "agreed to / committed to / stand ready to / look forward to" followed by a
  stance verb is one act: "agreed to firmly uphold" -> the object of uphold.
* A stance verb inside another act's object ("raised concerns about China's
  support for Russia") is part of that object, not an act of its own.
* Courtesies are read but not reported: "thanked X for …", "congratulated X on …",
  "welcomed X to Washington"; so is a promise to "remain in close contact".

Every look-around is bounded (``LOOK``, ``SCAN_LIMIT`` tokens), so the work is
linear in the length of the text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .cues import forms
from .model import NARRATOR, Analysed, Claim, Polarity, Stance

SUPPORT, OPPOSE = Polarity.SUPPORT, Polarity.OPPOSE
MAX_WORDS = 12      # words in a target before it is cut
MAX_NAME_RUN = 10   # extra tokens a proper name may run past MAX_WORDS
SCAN_LIMIT = 80     # tokens looked at after a head for its object
LOOK = 8            # tokens looked at around a head for its subject, adverbs and particles

# Abbreviations with dots ("U.S."), decimals ("1.2"), words with inner apostrophes,
# hyphens and slashes, dash runs, then any other single character.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)+|\w+(?:[’'\-/]\w+)*|--+|[^\w\s]")


def _lex(words: str) -> frozenset[str]:
    return frozenset(words.split())


# -- the lexicon -----------------------------------------------------------------------------

EXTRA_FORMS = {
    "uphold": ("upheld",), "stand": ("stood",), "give": ("gave", "given"), "lend": ("lent",),
    "show": ("shown",), "hold": ("held",), "make": ("made",), "take": ("took", "taken"),
    "bring": ("brought",), "seek": ("sought",), "build": ("built",), "set": ("set",),
    "meet": ("met",), "lead": ("led",), "keep": ("kept",), "become": ("became",),
    "come": ("came",), "go": ("went", "gone"), "get": ("got", "gotten"), "send": ("sent",),
    "leave": ("left",), "begin": ("began", "begun"), "run": ("ran",), "put": ("put",),
    "fight": ("fought",), "say": ("said",), "tell": ("told",), "abide": ("abode",),
    "speak": ("spoke", "spoken"), "write": ("wrote", "written"), "think": ("thought",),
    "find": ("found",), "hear": ("heard",), "see": ("saw", "seen"), "know": ("knew", "known"),
    "win": ("won",), "grow": ("grew", "grown"), "buy": ("bought",), "pay": ("paid",),
    "draw": ("drew", "drawn"), "choose": ("chose", "chosen"),
    # consonant doubling
    "slam": ("slammed", "slamming"), "permit": ("permitted", "permitting"), "stop": ("stopped", "stopping"),
    "plan": ("planned", "planning"), "step": ("stepped", "stepping"),
}


def _forms(lemmas) -> dict[str, str]:
    """Inflected form -> lemma."""
    out: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for f in forms(lemma) + EXTRA_FORMS.get(lemma, ()):
            out.setdefault(f, lemma)
    return out


# Verbs whose direct object is the target.
OBJECT_VERBS = {
    **dict.fromkeys(
        "support welcome endorse back uphold encourage promote advocate champion favor favour defend "
        "safeguard appreciate commend praise hail applaud laud thank congratulate urge demand hope".split(),
        SUPPORT),
    **dict.fromkeys("oppose reject condemn denounce deplore criticize criticise decry protest slam rebuke "
                    "censure lambast lambaste castigate assail refute repudiate accuse blame".split(), OPPOSE),
}
# Verbs that count only when negated: "will never accept" -> oppose.
NEGATED_ONLY = _lex("accept recognize recognise tolerate condone allow permit approve")
# Negated, these turn into opposition; any other negated head is dropped.
FLIP_WHEN_NEGATED = _lex("support endorse back welcome favor favour accept recognize recognise "
                         "tolerate condone allow permit approve agree")
# "X for Y": the target is X, Y the reason ("on Y" too after congratulate).
REASON_VERBS = _lex("thank congratulate appreciate commend praise hail applaud laud condemn criticize "
                    "criticise denounce accuse blame")
REASON_WORDS = {"congratulate": ("for", "on"), "accuse": ("of",)}
# Read (so that "thanked X for standing with Y" is no stance on Y) but not reported.
COURTESIES = _lex("thank congratulate")
# Verbs whose object is someone asked to act: "urged Iran to return to …" -> the action.
URGING = _lex("urge encourage")

# Verbs with a particle: lemma -> ((particle words), polarity, mode).
PARTICLE_VERBS: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]] = {
    "call": ((("for",), SUPPORT, "np"), (("on",), SUPPORT, "urge"), (("upon",), SUPPORT, "urge")),
    "object": ((("to",), OPPOSE, "np"),),
    "warn": ((("against",), OPPOSE, "np"),),
    "caution": ((("against",), OPPOSE, "np"),),
    "stand": ((("ready", "to"), SUPPORT, "vp"), (("in", "solidarity", "with"), SUPPORT, "np"),
              (("firm", "for"), SUPPORT, "np"), (("firm", "on"), SUPPORT, "np"),
              (("up", "for"), SUPPORT, "np"), (("up", "against"), OPPOSE, "np"),
              (("with",), SUPPORT, "np"), (("by",), SUPPORT, "np"), (("behind",), SUPPORT, "np"),
              (("against",), OPPOSE, "np")),
    "abide": ((("by",), SUPPORT, "np"),),
    "adhere": ((("to",), SUPPORT, "np"),),
    "look": ((("forward", "to"), SUPPORT, "np"),),
    "push": ((("for",), SUPPORT, "np"), (("back", "against"), OPPOSE, "np")),
    "speak": ((("out", "against"), OPPOSE, "np"), (("out", "for"), SUPPORT, "np"),
              (("up", "for"), SUPPORT, "np"), (("in", "support", "of"), SUPPORT, "np"),
              (("in", "favour", "of"), SUPPORT, "np"), (("in", "favor", "of"), SUPPORT, "np"),
              (("out", "in", "favour", "of"), SUPPORT, "np"), (("out", "in", "favor", "of"), SUPPORT, "np"),
              (("against",), OPPOSE, "np")),
    "insist": ((("on",), SUPPORT, "np"),),
    "agree": ((("to",), SUPPORT, "vp"), (("on",), SUPPORT, "np")),
    "commit": ((("to",), SUPPORT, "np"), (("themselves", "to"), SUPPORT, "np"),
               (("itself", "to"), SUPPORT, "np")),
    "pledge": ((("to",), SUPPORT, "vp"),),
    "vow": ((("to",), SUPPORT, "vp"),),
    "advocate": ((("for",), SUPPORT, "np"),),
    "protest": ((("against",), OPPOSE, "np"),),
    "argue": ((("for",), SUPPORT, "np"), (("against",), OPPOSE, "np")),
    "vote": ((("for",), SUPPORT, "np"), (("against",), OPPOSE, "np")),
    "work": ((("toward",), SUPPORT, "np"), (("towards",), SUPPORT, "np")),
    "rally": ((("behind",), SUPPORT, "np"),),
    "hope": ((("for",), SUPPORT, "np"),),
}

# Reporting verbs that carry a stance noun: "expressed serious concern about", "reaffirmed support for".
CARRIERS = _lex(
    "express raise voice reaffirm reiterate affirm renew underscore underline stress emphasize "
    "emphasise highlight confirm convey extend offer pledge provide give lend share declare register "
    "note recognize recognise acknowledge demonstrate show signal state discuss lodge"
)
# Carriers that take only nouns of importance ("discussed the need for", "noted the importance of"):
# "acknowledged X's disappointment" is X's position, not the speaker's.
WEAK_CARRIERS = _lex("discuss acknowledge recognize recognise note")
IMPORTANCE = _lex("importance need necessity value significance centrality")
# Stance nouns -> polarity and the words that may introduce their object.
STANCE_NOUNS: dict[str, tuple[str, frozenset[str]]] = {}
for _nouns, _pol, _preps in (
    ("support backing", SUPPORT, "for to"),
    ("solidarity", SUPPORT, "with"),
    ("appreciation gratitude thanks", SUPPORT, "for of to"),
    ("satisfaction", SUPPORT, "with at over"),
    ("commitment commitments dedication", SUPPORT, "to"),
    ("readiness willingness determination resolve", SUPPORT, "to"),
    ("interest", SUPPORT, "in"),
    ("hope hopes", SUPPORT, "that for"),
    ("endorsement approval", SUPPORT, "of for"),
    ("importance need necessity value significance centrality", SUPPORT, "of for to"),
    ("concern concerns worry worries alarm dismay disappointment dissatisfaction displeasure "
     "indignation outrage reservations misgivings", OPPOSE, "about over regarding at with on that by"),
    ("regret", OPPOSE, "about over regarding at"),
    ("opposition objection objections rejection condemnation criticism disapproval", OPPOSE, "to of"),
    ("protest protests representations complaint complaints", OPPOSE, "against over with to about"),
):
    for _n in _nouns.split():
        STANCE_NOUNS[_n] = (_pol, _lex(_preps))
# Nouns whose object after "to" is a verb phrase, not a noun phrase.
VERBAL_NOUNS = _lex("readiness willingness determination resolve need necessity hope hopes")
# Nouns whose object after "to" is someone thanked or backed: "support to Iraq in its fight".
RECIPIENT_NOUNS = _lex("appreciation gratitude thanks support")

# Predicate adjectives after a form of "be" or "remain": adjective -> polarity, particles, mode.
ADJECTIVES: dict[str, tuple[str, frozenset[str], str]] = {}
for _adjs, _pol, _preps, _mode in (
    ("concerned worried alarmed troubled disturbed dismayed disappointed", OPPOSE,
     "about over by at with regarding that", "np"),
    ("opposed", OPPOSE, "to", "np"),
    ("against", OPPOSE, "", "np"),
    ("critical", OPPOSE, "of", "np"),
    ("committed dedicated", SUPPORT, "to", "np"),
    ("ready willing prepared determined", SUPPORT, "to", "vp"),
    ("supportive appreciative", SUPPORT, "of", "np"),
    ("grateful thankful", SUPPORT, "for", "np"),
):
    for _a in _adjs.split():
        ADJECTIVES[_a] = (_pol, _lex(_preps), _mode)

# Grading words: in the cue, an adverb just before it, or "in the strongest terms" after it.
INTENSITY = _lex(
    "serious seriously grave gravely deep deeply deepest strong strongly strongest firm firmly "
    "resolute resolutely unwavering steadfast steadfastly ironclad unequivocal unequivocally full "
    "fully vigorous vigorously sincere sincerely great greatly profound profoundly utmost "
    "categorical categorically absolute absolutely unshakable unshakeable staunch staunchly "
    "strenuously wholeheartedly highly high highest extreme extremely keen keenly enormous "
    "tremendous paramount critical vital crucial unreserved unreservedly warm warmly heartfelt "
    "growing increasingly"
)
# "Refrain from Y" turns a demand into opposition to Y.
ABSTAIN = _lex("refrain desist abstain")
# "agreed to remain in close contact": procedural, not a position.
KEEP_VERBS = _lex("remain stay keep maintain continue")
CONTACT_WORDS = _lex("contact contacts touch communication communications coordination coordinated "
                     "consultation consultations engaged informed")

# -- function words --------------------------------------------------------------------------

DET = _lex("the a an this these those its their his her our my your any all some each every such "
           "no another both either neither whose")
PREP = _lex("of for with amid despite in on at from by into over under about against between among "
            "through during without within upon via across toward towards around after before "
            "regarding concerning including than like per beyond behind")
# Prepositions a truncated target may be cut back to.
CUT_PREPS = _lex("from into in on at with by for during since over through under between among "
                 "toward towards against after before across within without amid despite including")
MODALS = _lex("will would shall should must can could may might do does did to 'll ’ll cannot")
AUX = _lex("is are was were be been being am has have had will would shall should must can could may "
           "might do does did cannot")
BE = _lex("is are was were be been being am remain remains remained remaining stay stays stayed "
          "'re ’re 's ’s")
SUBJECT_PRONOUNS = _lex("they we i you he she")
RELATIVES = _lex("who which whom whose that where whereby")
NEGATORS = _lex("not never n't cannot no nor neither")
SUBORDINATORS = _lex("while because since although though if unless whereas when so whether "
                     "whilst until lest once")
# Adverbs and particles that may sit between a subject and its verb.
SKIP_ADVERBS = _lex("also further once again repeatedly consistently always still then today "
                    "together jointly both all likewise similarly equally too each thus therefore "
                    "indeed even already now again yet only")
NOT_ADVERBS = _lex("only italy supply family reply apply rally ally early july")
# Subjects that make a narrator's sentence someone's position.
ACTORS = _lex(
    "sides side leaders leader presidents president countries country nations nation states "
    "parties party governments government ministers minister allies partners members delegations "
    "delegation both all administration people statement declaration communique communiqué "
    "readout document two three four participants counterparts counterpart chancellor premier "
    "spokesperson spokesman spokeswoman ministry union organization council group alliance bloc"
)
PERSON_WORDS = _lex("president prime minister king queen chancellor counterpart guests guest delegation "
                    "leaders leader premier emir")
# Words after which "to" + a stance verb states an intention, not a purpose ("$100 million to support").
INTENT = _lex(
    "continue continues continued continuing agree agreed agrees commit commits committed pledge "
    "pledged pledges vow vowed vows ready willing prepared determined resolved need needs needed want "
    "wants wanted intend intends intended plan plans planned decide decided decides seek seeks sought "
    "aim aims aimed strive strives strove efforts effort commitment commitments readiness willingness "
    "determination responsibility responsibilities how ways way will would able going promised "
    "promise promises hope hopes hoped wish wishes wished important necessary essential crucial "
    "vital imperative urged urge urges called call calls encouraged encourage encourages"
)
# Words that look like verbs or nouns but are adjectives in this register ("a free and open …").
ADJECTIVE_LIKE = _lex("free open secure safe fair just clean clear close stable strong peaceful "
                      "complete direct lasting sustainable durable prosperous democratic resilient "
                      "inclusive independent sovereign transparent impartial objective")
ADJECTIVE_ENDINGS = ("ble", "ful", "ive", "al", "ous", "ic", "ent", "ant", "ary", "less", "ish")
NOUNS_LIKE_ADJECTIVES = _lex(
    "proposal approval potential rival arrival official material criminal terminal capital principal "
    "signal individual perspective objective initiative representative incentive detective executive "
    "collective agent president resident student government agreement development environment "
    "investment management parliament commitment settlement statement treatment element equipment "
    "engagement movement department requirement announcement assessment enforcement achievement "
    "payment employment instrument document incident content continent event consent talent patent "
    "accident percent constituent plant grant migrant applicant participant assistant descendant "
    "merchant tenant library secretary military anniversary summary boundary itinerary beneficiary "
    "dignitary emissary adversary diary republic traffic public topic logic music clinic mechanic arabic"
)
REFLEXIVES = _lex("itself themselves himself herself ourselves yourself myself")
# Targets made only of these words say nothing on their own.
EMPTY_TARGETS = _lex("you him her them us me it this that these those all personally everyone everything "
                     "yourself himself herself themselves ourselves so one both")
CLAUSE_PUNCT = frozenset(";:.!?…")
DASHES = frozenset({"--", "—", "–", "---"})
QUOTES = frozenset("\"“”‘’'«»")
NAME_LINKS = _lex("of on for and the de in")
TRAILING = _lex("and or the a an of to for in on with by as that , - such but")
# Words that open a sentence and are capitalised for that reason alone.
CAP_STOP = frozenset(
    "The A An In On At As But And However Meanwhile Both Then Also After Before During When While "
    "This That These Those There Here It Its Their His Her Our We They He She I You To For With "
    "By From Of Under Since Following According If Moreover Furthermore Additionally Finally "
    "Last Next Today Yesterday Noting Regarding Despite Amid".split()
)

# Verbs whose forms mark a new verb phrase ("… and stressed that …") or a finite verb.
COMMON_VERBS = _lex(
    "make take work ensure continue maintain strengthen deepen expand enhance boost facilitate "
    "realize realise inject bring build seek play provide hold help develop advance pursue address "
    "reach meet visit sign cooperate coordinate respond step cement consolidate increase reduce "
    "improve implement launch establish create open set keep remain become serve lead join protect "
    "prevent avoid resolve settle stop end cease halt refrain withdraw deliver invest host attend "
    "travel return review exchange explore identify commit agree pledge vow plan intend aim strive "
    "look call go come give get put send share show leave begin start conduct carry abide adhere "
    "respect preserve restore say tell add note stress emphasize emphasise underscore underline "
    "reiterate reaffirm affirm highlight state declare announce explain remark observe assert "
    "insist argue warn thank congratulate discuss acknowledge recognize recognise convey propose "
    "suggest believe recall confirm assure invite reassure mention indicate outline describe "
    "express raise voice decide conclude welcome support oppose condemn reject endorse uphold "
    "encourage promote urge demand hope appreciate commend praise criticize criticise denounce "
    "deplore protest accept tolerate allow request ask inform brief pay hail push speak vote fight "
    "desist abstain stay write think find hear see know win grow buy draw choose slam rebuke lodge accuse blame"
)
VERB_FORMS = _forms(COMMON_VERBS)
# Heads: form -> lemma ("given the …" and "provided that …" are not verbs here).
HEADS = {f: lemma for f, lemma in _forms(set(OBJECT_VERBS) | set(PARTICLE_VERBS) | CARRIERS | NEGATED_ONLY).items()
         if f not in ("given", "provided")}
# Heads that are also everyday nouns or adverbs: they need a verbal context.
AMBIGUOUS = _lex(
    "support back call hope demand protest praise welcome advocate champion favor favour object "
    "stand look push work vote rally offer pledge share note state show voice raise stress "
    "highlight signal register express defend salute hail thank congratulate slam lodge blame"
)


# -- tokens ----------------------------------------------------------------------------------

class _Tokens:
    """One sentence's tokens: lower-cased text and offsets into the sentence."""

    __slots__ = ("sent", "low", "start", "end", "n")

    def __init__(self, sent: str):
        self.sent = sent
        self.start: list[int] = []
        self.end: list[int] = []
        for m in TOKEN.finditer(sent):
            self.start.append(m.start())
            self.end.append(m.end())
        low = sent.lower()
        if len(low) == len(sent):
            self.low = [low[a:b] for a, b in zip(self.start, self.end)]
        else:  # a few characters change length when lower-cased
            self.low = [sent[a:b].lower() for a, b in zip(self.start, self.end)]
        self.n = len(self.start)

    def raw(self, i: int) -> str:
        return self.sent[self.start[i]:self.end[i]]

    def get(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.sent[self.start[i]].isalnum()

    def cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.sent[self.start[i]].isupper()

    def name(self, i: int) -> bool:
        """A capitalised word that is not capitalised just for opening the sentence."""
        return self.cap(i) and self.raw(i) not in CAP_STOP


def _possessive(tk: _Tokens, i: int) -> bool:
    t = tk.get(i)
    return t.endswith(("'s", "’s")) or (t in ("'", "’") and tk.cap(i - 1))


def _adverb(t: str) -> bool:
    return t.endswith("ly") and len(t) > 4 and t not in NOT_ADVERBS


def _adjectival(word: str) -> bool:
    return word in ADJECTIVE_LIKE or word.endswith(ADJECTIVE_ENDINGS) and word not in NOUNS_LIKE_ADJECTIVES


def _skip_back(tk: _Tokens, i: int, extra: frozenset[str] = frozenset()) -> int:
    """The first token before i that is not an adverb (or in ``extra``), within ``LOOK`` tokens."""
    j = i - 1
    while j >= 0 and j > i - LOOK and (tk.low[j] in SKIP_ADVERBS or _adverb(tk.low[j]) or tk.low[j] in extra):
        j -= 1
    return j


def _skip_adverbs(tk: _Tokens, i: int) -> int:
    """The first token from i on that is not an -ly adverb, within ``LOOK`` tokens."""
    end = i + LOOK
    while _adverb(tk.get(i)) and i < end:
        i += 1
    return i


def _country_word(word: str) -> bool:
    from .gazetteer import country_of

    return country_of(word) is not None


def _is_verb_at(tk: _Tokens, i: int) -> bool:
    """Does token i open a new verb phrase or clause (after "and", "or")?"""
    t = tk.get(i)
    if not t:
        return False
    if t in AUX or t in SUBJECT_PRONOUNS:
        return True  # "… and they discussed …"
    if t in ADJECTIVE_LIKE:
        return False
    if _adverb(t) and tk.get(i + 1) in VERB_FORMS:
        i, t = i + 1, tk.get(i + 1)
    lemma = VERB_FORMS.get(t)
    if lemma in HEADS and lemma not in AMBIGUOUS and lemma not in CARRIERS:
        return True  # "… and promote cooperation": a stance verb that is never a noun
    nxt = tk.get(i + 1)
    object_follows = (nxt in DET or nxt in ("that", "to", "for", "with", "up", "out", "forward", "ready")
                      or _possessive(tk, i + 1) or tk.name(i + 1) or _adverb(nxt))
    if lemma is not None:
        if t != lemma and not t.endswith(("s", "ing")):
            return True  # a past form: "stressed", "made"
        return object_follows
    return t.endswith("ed") and object_follows


def _finite_past(tk: _Tokens, j: int) -> bool:
    """A past form opening a new clause ("… the plan Japan announced the …"), not "a shared future"."""
    t = tk.low[j]
    if t not in VERB_FORMS or t == VERB_FORMS[t] or t.endswith(("s", "ing")):
        return False
    prev, nxt = tk.get(j - 1), tk.get(j + 1)
    if prev in DET or prev in PREP or _possessive(tk, j - 1):
        return False
    return nxt in DET or nxt == "that" or _possessive(tk, j + 1) or tk.name(j + 1)


# -- who holds the verb ----------------------------------------------------------------------

def _verbal(tk: _Tokens, i: int, lemma: str) -> bool:
    """Is token i (a head form) a verb the sentence's holder uses, not a noun, a passive, another's verb?"""
    t = tk.low[i]
    imm = tk.get(i - 1)
    if imm in DET or _possessive(tk, i - 1):
        return False
    ing = t.endswith("ing") and t != lemma
    if imm in PREP and not ing:
        return False
    if _someone_else(tk, i):
        return False
    p = _skip_back(tk, i, NEGATORS)
    prev = tk.get(p)
    if t not in (lemma, lemma + "s", lemma + "es") and not ing:
        return prev not in BE  # a past form; after "was", "been": the passive
    if ing:
        return True
    if prev == "to" or prev in ("and", "or") and tk.get(_skip_back(tk, p)) in VERB_FORMS \
            and tk.get(_skip_back(tk, _skip_back(tk, p))) == "to":
        # an infinitive states the holder's intention only after "continue to", "efforts to", a name …
        k = p if prev == "to" else _skip_back(tk, _skip_back(tk, p))
        before = _skip_back(tk, k)
        return tk.get(before) in INTENT or tk.name(before) or lemma in CARRIERS
    if lemma not in AMBIGUOUS and not (t == lemma + "s" and tk.get(i + 1) in PREP):
        return True
    # "support", "calls", "hope": a verb after a subject, a modal, a negation
    if prev in MODALS or prev in SUBJECT_PRONOUNS or prev in NEGATORS or prev.endswith(("n't", "n’t")):
        return True
    if p >= 0 and tk.name(p) or prev in ACTORS:
        return True
    if prev.endswith("s") and prev.isalpha() and len(prev) > 3 and prev not in PREP:
        return True  # a plural subject: "the delegations support"
    if prev in ("and", "or", ","):
        nxt = tk.get(i + 1)
        return nxt in DET or _possessive(tk, i + 1) or tk.name(i + 1) or nxt.endswith("ing") \
            or lemma in PARTICLE_VERBS
    return False


def _someone_else(tk: _Tokens, i: int) -> bool:
    """Is the verb at i someone else's, described rather than stated?

    "a deal that will support jobs", "those who support", "as they defend their country",
    "it needs to defend itself": a relative clause, a circumstance, or "it" as the subject.
    """
    p = _skip_back(tk, i, NEGATORS | MODALS | AUX | INTENT)
    subj = tk.get(p)
    if subj in RELATIVES:
        return True
    if subj == "it" and tk.get(p - 1) not in ("and", ","):
        return True
    return subj in SUBJECT_PRONOUNS and (tk.get(p - 1) in SUBORDINATORS or tk.get(p - 1) == "as")


def _has_subject(tk: _Tokens, i: int) -> bool:
    """A narrator's sentence states a position only when an actor is the verb's subject."""
    p = _skip_back(tk, i, NEGATORS | MODALS | AUX | INTENT)
    prev = tk.get(p)
    return (p >= 0 and tk.name(p)) or prev in ACTORS or prev in SUBJECT_PRONOUNS


def _negation(tk: _Tokens, i: int) -> int | None:
    """Where the negation of the verb at i begins ("does not", "will never", "cannot"), if negated."""
    j = i - 1
    for _ in range(4):
        if j < 0:
            return None
        t = tk.low[j]
        if t in NEGATORS or t.endswith(("n't", "n’t")):
            if t == "not" and tk.get(j + 1) == "only" or t == "no" and tk.get(j + 1) != "longer":
                return None
            return j - 1 if tk.get(j - 1) in AUX and t in ("not", "never") else j
        if not (t in MODALS or t in AUX or t in SKIP_ADVERBS or _adverb(t) or t == "longer"):
            return None
        j -= 1
    return None


# -- heads -----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Act:
    cue0: int       # first token of the cue
    cue1: int       # one past the last token of the cue
    polarity: str
    mode: str       # np | vp | clause | urge | demand | reason: how to read the object
    obj: int        # first token of the object


def _match(tk: _Tokens, i: int, *, forced: bool = False) -> _Act | None:
    """The stance act headed by token i, or None.

    ``forced``: the token is known to be a verb (the action in "agreed to uphold", the second
    verb of "condemned and rejected"), so its context is not checked and it is not coordinated.
    """
    if i >= tk.n:
        return None
    t = tk.low[i]
    if tk.cap(i) and i > 0 and tk.is_word(i - 1):
        return None  # part of a name: "Build Back Better", "the Support Group"
    if t in ADJECTIVES:
        act = _match_adjective(tk, i)
        if act:
            return act
    if t == "not":
        return _match_contrast(tk, i)
    lemma = HEADS.get(t)
    if lemma is None or not (forced or _verbal(tk, i, lemma)):
        return None
    if lemma in PARTICLE_VERBS:
        for seq, pol, mode in PARTICLE_VERBS[lemma]:
            j = _particles(tk, i + 1, seq)
            if j is not None:
                return _Act(i, j, pol, mode, j)
    if lemma in CARRIERS:
        act = _match_carrier(tk, i)
        if act:
            return act
    if lemma in NEGATED_ONLY:
        return _Act(i, i + 1, OPPOSE, "np", i + 1) if _negation(tk, i) is not None else None
    if lemma not in OBJECT_VERBS:
        return None
    pol = OBJECT_VERBS[lemma]
    obj = _after_manner(tk, i + 1)
    nxt = tk.get(obj)
    if lemma in ("hope", "demand", "urge") and nxt == "that":
        return _Act(i, i + 2, pol, "clause" if lemma == "hope" else "demand", i + 2)
    if lemma == "hope":
        return _Act(i, i + 2, pol, "vp", i + 2) if nxt == "to" else None
    if lemma == "welcome" and _hospitality(tk, obj) or lemma == "thank" and nxt == "you":
        return None
    if lemma == "back" and not (nxt in DET or _possessive(tk, obj) or tk.name(obj)
                                or tk.get(_skip_back(tk, i, NEGATORS)) in MODALS | AUX | NEGATORS):
        return None  # "back then", "came back home"
    if nxt in PREP or nxt == "to":
        return None  # "support for", "back in 2014", "champion with": no object
    if nxt in ("and", "or") and not forced:
        # "condemned and expressed concern about X": one act over the shared object
        other = _match(tk, _skip_adverbs(tk, obj + 1), forced=True)
        if other is None or other.polarity != pol:
            return None
        return _Act(i, other.cue1, pol, other.mode, other.obj)
    if not tk.is_word(obj) and nxt not in QUOTES:
        return None
    mode = "urge" if lemma in URGING else "reason" if lemma in REASON_VERBS else "np"
    return _Act(i, i + 1, pol, mode, obj)


def _particles(tk: _Tokens, i: int, seq: tuple[str, ...]) -> int | None:
    """Index after the particle words starting at i (adverbs may come before any of them), or None."""
    j = i
    for word in seq:
        while _adverb(tk.get(j)) and tk.get(j) != word and j < i + LOOK:
            j += 1
        if tk.get(j) != word:
            return None
        j += 1
    return j


def _after_manner(tk: _Tokens, i: int) -> int:
    """Skip "in the strongest (possible) terms" / "in no uncertain terms" right after a verb."""
    if tk.get(i) != "in":
        return i
    for k in range(i + 1, min(tk.n, i + 5)):
        if tk.low[k] == "terms":
            return k + 1 if tk.get(k + 1) != "of" else i
        if not tk.low[k].isalpha():
            return i
    return i


def _hospitality(tk: _Tokens, i: int) -> bool:
    """'welcomed Prime Minister X to the White House': a host's greeting, not a position."""
    if not (tk.name(i) or tk.get(i) == "you"
            or tk.get(i) in ("the", "his", "her", "their") and tk.get(i + 1) in ACTORS | PERSON_WORDS):
        return False
    for k in range(i + 1, min(tk.n, i + 10)):
        t = tk.low[k]
        if t in ("to", "in", "at") and (tk.name(k + 1)
                                        or tk.get(k + 1) in ("the", "his", "her") and tk.name(k + 2)):
            return True
        if t in ("back", "again") and tk.get(k + 1) == "to":
            return True
        if not (tk.name(k) or t in ("of", "the", "and", "his", "her", "counterpart", "delegation", "'", "’")
                or _possessive(tk, k)):
            return False
    return False


def _match_carrier(tk: _Tokens, i: int) -> _Act | None:
    """'expressed serious concern about', "reaffirmed the United States' commitment to"."""
    j = i + 1
    for _ in range(7):
        t = tk.get(j)
        if t in STANCE_NOUNS:
            if HEADS[tk.low[i]] in WEAK_CARRIERS and t not in IMPORTANCE:
                return None
            pol, preps = STANCE_NOUNS[t]
            nxt = tk.get(j + 1)
            if nxt == "of" and t in RECIPIENT_NOUNS:
                # "the support of the United States for X": the holder named, then the object
                k = next((k for k in range(j + 2, min(tk.n, j + 10))
                          if not tk.is_word(k) or tk.low[k] == "for"), None)
                if k is not None and tk.low[k] == "for":
                    return _Act(i, k + 1, pol, "np", k + 1)
            if nxt not in preps:
                return None
            if tk.get(j + 2) == "and":
                # "strong dissatisfaction with and firm opposition to X": one act over the shared object
                k = j + 3
                while k < j + 6 and tk.get(k).isalpha() and tk.get(k) not in STANCE_NOUNS \
                        and tk.get(k) not in PREP:
                    k += 1
                other = STANCE_NOUNS.get(tk.get(k))
                if other and other[0] == pol and tk.get(k + 1) in other[1]:
                    j, t, nxt = k, tk.get(k), tk.get(k + 1)
            mode = "np"
            if nxt == "to" and t in VERBAL_NOUNS:
                mode = "vp"
            elif nxt == "that":
                mode = "clause"
            elif nxt == "to" and t in RECIPIENT_NOUNS:
                mode = "reason"
            return _Act(i, j + 2, pol, mode, j + 2)
        # between the verb and its noun: "the", "its", "the United States'", "serious", "U.S."
        if not (t in DET or _possessive(tk, j) or tk.cap(j) or t in ("'", "’", "and")
                or (t.isalpha() and t not in PREP and t not in AUX and t not in RELATIVES
                    and t not in VERB_FORMS and t not in SUBORDINATORS and t != "to")):
            return None
        j += 1
    return None


def _match_adjective(tk: _Tokens, i: int) -> _Act | None:
    """'is deeply concerned about', 'remain committed to', 'are firmly against'."""
    pol, preps, mode = ADJECTIVES[tk.low[i]]
    p = _skip_back(tk, i, NEGATORS)
    if tk.get(p) not in BE and tk.get(p) not in ("stand", "stands"):
        return None
    if _negation(tk, i) is not None:
        return None
    if not preps:
        nxt = tk.get(i + 1)
        if not (nxt in DET or tk.name(i + 1) or _possessive(tk, i + 1) or nxt.endswith("ing")):
            return None
        return _Act(i, i + 1, pol, mode, i + 1)
    j = _skip_adverbs(tk, i + 1)
    if tk.get(j) not in preps:
        return None
    return _Act(i, j + 1, pol, "clause" if tk.get(j) == "that" else mode, j + 1)


def _match_contrast(tk: _Tokens, i: int) -> _Act | None:
    """'relations are not the kind of alliance of the Cold War, but …': a framing rejected."""
    nxt = tk.get(i + 1)
    if tk.get(i - 1) not in BE or nxt in ("only", "just", "merely", "simply", "least", "yet"):
        return None
    if not (nxt in DET or nxt.isalpha() and _adjectival(nxt)):
        return None
    for k in range(i + 2, min(tk.n, i + 40)):
        if tk.low[k] == "but":
            return _Act(i - 1, i + 1, OPPOSE, "np", i + 1)
        if tk.low[k] in CLAUSE_PUNCT:
            return None
    return None


def _polarity_holds(tk: _Tokens, act: _Act) -> bool:
    """Apply negation: "do not support" turns to opposition, "did not condemn" drops the act.

    A negated act's cue starts at the negation, so that it reads as written.
    """
    neg = _negation(tk, act.cue0)
    if neg is None:
        return True
    lemma = HEADS.get(tk.low[act.cue0])
    if lemma in NEGATED_ONLY and act.cue1 - act.cue0 == 1 \
            or act.polarity == SUPPORT and lemma in FLIP_WHEN_NEGATED:
        act.polarity = OPPOSE
        act.cue0 = neg
        return True
    return False


# -- targets ---------------------------------------------------------------------------------

def _adjective_list(tk: _Tokens, j: int, start: int, words: int) -> bool:
    """Is the comma at j between two adjectives ("an objective, impartial and professional …")?"""
    before, after = tk.get(j - 1), tk.get(j + 1)
    if after in ("and", "or"):
        after = tk.get(j + 2)
        if not _adjectival(after):
            return False
    if not after.replace("-", "").isalpha() or tk.cap(j + 1) or after in RELATIVES \
            or after in SUBORDINATORS or after in DET or after in PREP \
            or after in VERB_FORMS and after not in ADJECTIVE_LIKE:
        return False
    return (words <= 2 and tk.get(start) in DET) or _adjectival(before) \
        or before.endswith("ed") and _adjectival(after)


# Verbs that close a sentence with its source ("…, officials said."), and "according". Not
# cues.INVERTIBLE: its "states" is also the noun that ends "… across the United States."
_ATTRIBUTING = frozenset("said says told added noted stressed according".split())


def _attribution_follows(tk: _Tokens, j: int) -> bool:
    """After a comma at j: does the sentence end in who said it ("…, according to X.",
    "…, a ministry spokesperson said.")? That is no part of the object."""
    if tk.get(j + 1) == "according" and tk.get(j + 2) == "to":
        return True
    for k in range(j + 1, min(tk.n, j + 12)):
        if tk.low[k] in CLAUSE_PUNCT or tk.low[k] == ",":
            return False
        if tk.low[k] in _ATTRIBUTING:
            rest = tk.low[k + 1:]
            return all(r in CLAUSE_PUNCT or r in QUOTES for r in rest)
    return False


def _list_continues(tk: _Tokens, j: int) -> bool:
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
    if tk.get(k) in VERB_FORMS or tk.get(k) in AUX or _adverb(tk.get(k)):
        # "…, President Biden expressed": the subject of a new clause, not a list item;
        # but "… and the Global Civilization Initiative China has put forward" is one
        return k - 2 > first and tk.name(k - 2) and _country_word(tk.raw(k - 1))
    return True


def _name_goes_on(tk: _Tokens, k: int) -> bool:
    """Is token k part of a title ("Position on the Political Settlement")?"""
    return tk.name(k) or tk.get(k) in NAME_LINKS and (tk.name(k + 1) or tk.get(k + 1) == "the" and tk.name(k + 2))


def _odd_quotes(tk: _Tokens, start: int, end: int) -> bool:
    quotes = sum(1 for k in range(start, end)
                 if tk.low[k] in QUOTES and not (tk.low[k] in ("'", "’") and tk.cap(k - 1)))
    return quotes % 2 == 1


def _phrase(tk: _Tokens, i: int, mode: str) -> tuple[int, int, int]:
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
                if t == "but" or _is_verb_at(tk, j + 1) \
                        or not clause and tk.get(j + 1) == "to" and tk.get(j + 2) in VERB_FORMS:
                    break
            elif t == "that" and (tk.get(j - 1) in VERB_FORMS or tk.get(j - 1).endswith("ing")):
                pass  # "ensuring that …": a complement, not a relative clause
            elif t in ("that", "which", "who") and words <= 2 and not clause and tk.get(j - 1) not in DET:
                clause = True  # "actions that escalate tensions": a bare noun needs its clause
            elif t in RELATIVES or t in SUBORDINATORS or t == "as" and tk.get(j - 1) != "such":
                break
            elif not clause and (t in AUX or _finite_past(tk, j)):
                if j - 2 >= start and tk.name(j - 2) and _country_word(tk.raw(j - 1)):
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
    while end > start and (tk.low[end - 1] in TRAILING
                           or tk.low[end - 1] in QUOTES and _odd_quotes(tk, start, end)):
        end -= 1
    while start < end and tk.low[start] in QUOTES and _odd_quotes(tk, start, end):
        start += 1
    return start, end, max(natural, end)


def _urged_action(tk: _Tokens, i: int) -> int | None:
    """In "urged Iran to return to …", the index of "return": the action asked for."""
    for k in range(i, min(tk.n, i + 10)):
        t, nxt = tk.low[k], tk.get(k + 1)
        if t == "to" and k > i and nxt.replace("-", "").isalpha() and not tk.cap(k + 1) and nxt not in DET \
                and (nxt in VERB_FORMS or not nxt.endswith(("tion", "ment", "ness", "ity"))):
            return k + 1
        if t in CLAUSE_PUNCT or t == "," or t in RELATIVES or t in VERB_FORMS and k > i \
                or t in ("and", "or") and _is_verb_at(tk, k + 1):
            return None
    return None


def _abstention(tk: _Tokens, i: int) -> int | None:
    """In a demanded action, the object of "refrain from" (or "desist from"), if there is one."""
    for k in range(i, min(tk.n - 1, i + 40)):
        t = tk.low[k]
        if t in CLAUSE_PUNCT or t in RELATIVES and t != "that":
            return None
        if VERB_FORMS.get(t, t) in ABSTAIN and tk.low[k + 1] == "from":
            return k + 2
    return None


def _reason_follows(tk: _Tokens, k: int) -> bool:
    """After "for": a reason ("for its help", "for hosting", "for the invitation")."""
    t = tk.get(k)
    return t.endswith("ing") or t in ("its", "their", "his", "her", "our", "your", "the", "a", "an") \
        or _adverb(t) and tk.get(k + 1).endswith("ing") or tk.get(k - 1) == "of"


def _nothing_to_report(tk: _Tokens, t0: int, t1: int) -> bool:
    """No target, or one that says nothing: "you", "itself", "as …", "remain in close contact"."""
    if t1 <= t0 or all(tk.low[k] in EMPTY_TARGETS or not any(ch.isalpha() for ch in tk.low[k])
                       for k in range(t0, t1)):
        return True
    first = tk.low[t0]
    if first in SUBORDINATORS or first in ("as", "which", "who", "whom") or first in REFLEXIVES:
        return True
    return VERB_FORMS.get(first) in KEEP_VERBS and any(
        tk.low[k] in CONTACT_WORDS for k in range(t0 + 1, min(t1, t0 + 5)))


def _intensity(tk: _Tokens, cue0: int, cue1: int) -> str | None:
    for k in range(max(0, cue0 - 2), cue1):
        if tk.low[k] in INTENSITY and (k >= cue0 or _adverb(tk.low[k])):
            return tk.low[k]
    for k in range(cue1, _after_manner(tk, cue1)):
        if tk.low[k] in INTENSITY:
            return tk.low[k]
    return None


# -- claims ----------------------------------------------------------------------------------

def _claim_stances(claim: Claim, text: str) -> Iterator[Stance]:
    sent = text[claim.start:claim.end]
    tk = _Tokens(sent)
    found_any = False
    candidates = [k for k, t in enumerate(tk.low) if t in HEADS or t in ADJECTIVES or t == "not"]
    i = 0
    for c in candidates:
        if c < i:
            continue  # inside an earlier act's object: part of it
        i = c
        act = _match(tk, i)
        if act is None or not _polarity_holds(tk, act):
            i = act.cue1 if act else i + 1
            continue
        if claim.speaker is None and not found_any and not _has_subject(tk, act.cue0):
            i += 1
            continue
        cue0, polarity, mode = act.cue0, act.polarity, act.mode
        obj = _skip_adverbs(tk, act.obj)
        if tk.get(obj) == "by":
            i = act.cue1  # "the steps called upon by the parties": a passive
            continue
        if mode == "urge":
            action = _urged_action(tk, obj)
            obj, mode = (action, "vp") if action is not None else (obj, "np")
        # "agreed to firmly uphold X", "urged Russia to condemn Y": the inner verb's act
        inner = _match(tk, obj, forced=True) if polarity == SUPPORT and mode in ("vp", "np") else None
        if inner is not None and _polarity_holds(tk, inner):
            if obj != _skip_adverbs(tk, act.cue1):
                cue0 = inner.cue0  # the urged party stands between: the cue is the inner verb's
            act, polarity, mode, obj = inner, inner.polarity, inner.mode, _skip_adverbs(tk, inner.obj)
            if mode == "urge":
                action = _urged_action(tk, obj)
                obj, mode = (action, "vp") if action is not None else (obj, "np")
        if mode in ("demand", "vp"):
            abstain = _abstention(tk, obj)
            if abstain is not None:
                polarity, obj, mode = OPPOSE, abstain, "np"
            elif mode == "demand":
                mode = "clause"
        t0, t1, natural = _phrase(tk, obj, "np" if mode == "reason" else mode)
        if mode == "reason":
            # "appreciates China for …": the target ends where the reason begins
            why = REASON_WORDS.get(HEADS.get(tk.low[act.cue0]), ("for",))
            t1 = next((k for k in range(t0 + 1, t1) if tk.low[k] in why and _reason_follows(tk, k + 1)), t1)
            while t1 > t0 and tk.low[t1 - 1] in (",", "and"):
                t1 -= 1
        if _nothing_to_report(tk, t0, t1):
            i = act.cue1
            continue
        found_any = True
        if HEADS.get(tk.low[act.cue0]) not in COURTESIES:
            yield _record(claim, sent, tk, polarity, cue0, act.cue1, t0, t1)
        i = max(natural, act.cue1)


def _record(claim: Claim, sent: str, tk: _Tokens, polarity: str, cue0: int, cue1: int,
            t0: int, t1: int) -> Stance:
    base = claim.start
    target = sent[tk.start[t0]:tk.end[t1 - 1]]
    return Stance(
        doc=claim.doc, claim=claim.id, speaker=claim.speaker, speaker_kind=claim.speaker_kind,
        polarity=polarity, cue=sent[tk.start[cue0]:tk.end[cue1 - 1]],
        intensity=_intensity(tk, cue0, cue1), target=target, entities=_entities(target),
        start=claim.start, end=claim.end, text=sent,
        cue_start=base + tk.start[cue0], cue_end=base + tk.end[cue1 - 1],
        target_start=base + tk.start[t0], target_end=base + tk.end[t1 - 1],
    )


def _entities(target: str) -> list[str]:
    from .gazetteer import find_entities

    return list(dict.fromkeys(e.name for e in find_entities(target)))


# -- public ----------------------------------------------------------------------------------

def find_stances(item: Analysed) -> list[Stance]:
    """Every stance act in an analysed article, in text order.

    Args:
        item: An article after segmentation and attribution.

    Returns:
        One ``Stance`` per act: the holder (the claim's speaker), ``support`` or ``oppose``,
        the cue and the target as written with their offsets into ``item.article.text``,
        the grading word if the text grades the act, and the canonical names of the
        entities inside the target.

    Example:
        >>> [(s.polarity, s.cue, s.target) for s in find_stances(analyse(article))]
        [('oppose', 'strongly condemned', 'the missile launches by North Korea')]
    """
    text = item.article.text
    out: list[Stance] = []
    for claim in item.claims:
        out.extend(_claim_stances(claim, text))
    out.sort(key=lambda s: (s.start, s.cue_start, s.target_start))
    return out


def stance_matrix(stances: Sequence[Stance], *, by: str = "target") -> list[dict]:
    """The speaker x target (or speaker x entity) view: support and oppose counts per pair.

    Args:
        stances: Stance records, from one article or many.
        by: ``"target"`` keys on the target phrase (compared case- and space-insensitively,
            shown as first written); ``"entity"`` keys on each canonical entity in a target.

    Returns:
        Rows ``{"speaker", by, "support", "oppose", "net", "cell"}``; ``cell`` reads ``+2``,
        ``−1`` or ``+1/−1``. Speakers come in order of their number of counted stances, then
        by name; a speaker's rows by number of stances, then by key. The narrator is
        ``model.NARRATOR`` ("narrator").

    Raises:
        ValueError: ``by`` is neither "target" nor "entity".
    """
    if by not in ("target", "entity"):
        raise ValueError(f"by must be 'target' or 'entity', not {by!r}")
    counts: dict[tuple[str, str], list[int]] = {}
    shown: dict[tuple[str, str], str] = {}
    totals: dict[str, int] = {}
    for s in stances:
        who = s.speaker if s.speaker is not None else NARRATOR
        keys = [s.target] if by == "target" else list(dict.fromkeys(s.entities))
        for key in keys:
            label = " ".join(key.split())
            pair = (who, label.casefold())
            shown.setdefault(pair, label)
            counts.setdefault(pair, [0, 0])[0 if s.polarity == SUPPORT else 1] += 1
            totals[who] = totals.get(who, 0) + 1
    rows = []
    order = sorted(counts.items(), key=lambda kv: (-totals[kv[0][0]], kv[0][0], -sum(kv[1]), kv[0][1]))
    for (who, norm), (sup, opp) in order:
        cell = f"+{sup}/−{opp}" if sup and opp else f"+{sup}" if sup else f"−{opp}"
        rows.append({"speaker": who, by: shown[(who, norm)], "support": sup, "oppose": opp,
                     "net": sup - opp, "cell": cell})
    return rows
