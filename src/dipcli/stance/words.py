"""The stance word lists, and the lookups built from them."""
from __future__ import annotations

from ..cues import forms
from ..model import Polarity

SUPPORT, OPPOSE = Polarity.SUPPORT, Polarity.OPPOSE


def _lex(words: str) -> frozenset[str]:
    return frozenset(words.split())


# -- cue families --------------------------------------------------------------------------------

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
NAME_LINKS = _lex("of on for and the de in")
TARGET_TRAILING = _lex("and or the a an of to for in on with by as that , - such but")
# Words that open a sentence and are capitalised for that reason alone.
CAPITALISED_OPENERS = frozenset(
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
HEAD_FORMS = {f: lemma for f, lemma in _forms(set(OBJECT_VERBS) | set(PARTICLE_VERBS) | CARRIERS | NEGATED_ONLY).items()
              if f not in ("given", "provided")}
# Heads that are also everyday nouns or adverbs: they need a verbal context.
AMBIGUOUS = _lex(
    "support back call hope demand protest praise welcome advocate champion favor favour object "
    "stand look push work vote rally offer pledge share note state show voice raise stress "
    "highlight signal register express defend salute hail thank congratulate slam lodge blame"
)

# Verbs that close a sentence with its source ("…, officials said."), and "according". Not
# cues.INVERTIBLE: its "states" is also the noun that ends "… across the United States."
ATTRIBUTING = frozenset("said says told added noted stressed according".split())
