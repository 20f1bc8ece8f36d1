"""Attribution cues: the verbs and phrases through which news reports who says what.

Reporting goes far beyond "said": speech ("told reporters"), writing ("tweeted"),
findings ("the audit found"), stance and cognition ("warned", "believes", "wants"),
evaluation ("praised", "slammed"). Each base verb is listed once and inflected here, so
"argue" gives argue/argues/argued/arguing. Event verbs ("killed", "dumped", "led") are
deliberately absent: their subjects did something, they did not say something.
"""

from __future__ import annotations

import re

# Irregular forms: base -> (third person, past, participle).
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing"),
    "think": ("thinks", "thought", "thinking"),
    "see": ("sees", "saw", "seeing"),
    "know": ("knows", "knew", "knowing"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "foresee": ("foresees", "foresaw", "foreseeing"),
    "speak": ("speaks", "spoke", "speaking"),
    "hold": ("holds", "held", "holding"),
    "feel": ("feels", "felt", "feeling"),
    "swear": ("swears", "swore", "swearing"),
    "put": ("puts", "put", "putting"),
    "lay": ("lays", "laid", "laying"),
    "read": ("reads", "read", "reading"),
    "teach": ("teaches", "taught", "teaching"),
    "have": ("has", "had", "having"),
    "go": ("goes", "went", "going"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taking"),
    "give": ("gives", "gave", "giving"),
    "bring": ("brings", "brought", "bringing"),
    "hit": ("hits", "hit", "hitting"),
    "cast": ("casts", "cast", "casting"),
    "set": ("sets", "set", "setting"),
    "understand": ("understands", "understood", "understanding"),
    "mean": ("means", "meant", "meaning"),
    "seek": ("seeks", "sought", "seeking"),
    "bet": ("bets", "bet", "betting"),
    "lead": ("leads", "led", "leading"),
}
# Verbs whose final consonant doubles ("admit" -> "admitted").
_DOUBLING = frozenset("admit regret commit plan quip stop refer prefer jab slam rebut spar".split())

# Speaking and writing.
SPEECH = """say tell add state explain reply respond continue remark quip speak exclaim
shout whisper testify answer""".split()
WRITING = "write tweet post blog text email".split()
# Claims, reports, findings, stance and cognition, evaluation.
PREDICATES_ALL = """ask comment chastise laud liken compare promote castigate berate assail
contradict mock document announce deny warn stress claim insist confirm argue note acknowledge admit
assert declare report reveal disclose estimate predict forecast suggest maintain contend
allege accuse urge describe vow pledge promise concede repeat reiterate counter conclude
find show believe emphasize emphasise threaten project caution complain boast recall
indicate call point agree disagree criticize criticise praise defend blame charge
dismiss reject question doubt fear hope expect want wish plan propose recommend demand
insist observe mention cite reckon guess worry predict calculate figure estimate assess
rate rank judge count measure survey find determine establish discover learn hear
see think know feel understand suspect speculate imagine assume presume conclude reason
inform notify advise assure reassure remind warn alert brief caution counsel
acknowledge affirm attest aver avow certify concur confess contest dispute disagree
refute rebut deny decry condemn denounce slam blast attack lambaste mock ridicule
deride scoff chide scold rebuke fault tout trumpet hail applaud commend celebrate thank
welcome endorse back support oppose object protest lament regret bemoan mourn grieve
apologize apologise joke tease laugh muse wonder ponder marvel hint imply signal
telegraph intimate insinuate contend proclaim pronounce announce unveil release publish
issue circulate broadcast air unveil pledge swear guarantee commit offer volunteer
predict prophesy foresee envision describe characterize characterise portray depict
label brand dub term name cast frame paint highlight underscore underline spotlight
emphasize detail outline sketch summarize summarise list enumerate specify clarify
elaborate recount relate narrate retell recall remember reminisce recollect cite quote
reference invoke echo parrot repeat reaffirm restate insist persist press push lobby
plead beg implore appeal petition request demand require order instruct direct command
caution urge encourage invite challenge dare defy vow threaten swear bet gamble
seek aim intend mean propose suggest recommend advocate champion favor favour prefer
rule decide resolve determine judge hold find conclude declare order sentence
acknowledge recognize recognise admit confess concede grant allow accept
discuss voice express articulate chant retweet interject brag gush rave opine vent fume
grumble sneer retort deem perceive anticipate relish savage excoriate disparage demonize
demonise belittle bash skewer lampoon taunt needle jab spar
""".split()
# Intentions and protests the outlet reports as facts ("Iraq wants ...", "crowds protested").
_NOT_SPEECH = frozenset("wish mean protest allow accept grant seek aim intend".split())
PREDICATES = [w for w in PREDICATES_ALL if w not in _NOT_SPEECH]
# Forms that are nouns or adjectives far more often than cue verbs.
_NOT_CUES = frozenset(
    """calls call points point figure figures counts count rates rate ranks rank lists list
    backs back names name frames frame paints paint terms term airs air issues issue
    means mean sets set puts put leads lead leading texts text posts post hits hit
    details detail reports report releases release plans plan
    fears fear doubts doubt wishes wish orders order requests request demands demand
    surveys survey judges judge counsel blogs blog emails email quotes quote
    petitions petition protests protest applauds laughs grants question questions
    offers offer challenges challenge appeals appeal rules rule brands brand labels label
    finding findings showing reading meaning hearing feeling understanding holding
    setting casting having going making taking giving bringing thinking knowing seeing
    measures measure reasons reason counter held holds attack attacks welcome ordered ordering directed directing commanded
    commanding cast casts voices needle needles jabs bashes vents""".split()
)


def inflect(base: str) -> tuple[str, ...]:
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    if base in _DOUBLING:
        return base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    if base.endswith("e"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base, base + "es", base + "ed", base + "ing"
    return base, base + "s", base + "ed", base + "ing"


def _forms(bases: list[str]) -> frozenset:
    return frozenset(f for b in bases for f in inflect(b))


SPEECH_FORMS = _forms(SPEECH + WRITING)
# Base forms, which are also nouns ("advocate", "claim"): a capital after them means a name
# follows, as in "Rider advocate Tom Lindqvist".
BARE_FORMS = frozenset(PREDICATES) - frozenset(SPEECH + WRITING)
CUE_FORMS = (SPEECH_FORMS | _forms(PREDICATES)) - _NOT_CUES
# Verbs of finding: their subject is evidence ("Recent polling shows ...").
FINDING_FORMS = _forms("show find suggest indicate reveal conclude estimate project predict confirm".split())
# Uninflected verbs: after a singular noun they are nouns ("the so-called idle state").
BASE_FORMS = frozenset(SPEECH + WRITING + PREDICATES_ALL)
# Speech bases that are nouns unless a plural or a pronoun is their subject.
NOUNISH_BASES = frozenset("remark state reply answer email text post blog tweet quip shout whisper respond".split())
# "-ing" forms that make a finite cue after "is/are/was" ("is telling reporters").
PROGRESSIVE_CUES = frozenset(
    """saying telling writing tweeting posting claiming arguing insisting warning urging demanding
    promising vowing pledging declaring accusing criticizing criticising blaming denying
    questioning predicting suggesting asking announcing explaining stressing touting boasting
    complaining threatening alleging charging calling promoting attacking slamming blasting pressing
    lobbying pleading defending praising mocking comparing describing dismissing rejecting
    refusing offering hoping planning expecting""".split()
)
# Cues that state or commit to something, as speech does: their subject stays the speaker
# inside a subordinate clause ("after Webb vowed to ...", "when she accused ...").
COMMITTING = _forms(
    """promise vow pledge urge warn accuse blame criticize criticise praise claim insist argue
    deny threaten demand propose suggest announce declare predict acknowledge admit concede
    allege complain boast contend assert""".split()
)
# Deliberation is a cue only in a progressive ("is considering a run"); ", considering
# the cost," is the outlet's aside.
PROGRESSIVE_ONLY = frozenset("considering weighing mulling contemplating".split())
# Cues whose object is a listener, so "..., told Reuters" never names the speaker.
LISTENER_CUES = frozenset("tell tells told telling".split())
# Cues that also follow their speaker at the end ('"...," said Wu.', '..., Wu wrote.').
TAIL_CUES = SPEECH_FORMS | frozenset(
    """noted argued insisted warned stressed recalled conceded acknowledged declared
    observed claimed explained added continued asked replied countered cautioned joked
    quipped boasted complained argues notes insists warns adds explains writes recalls
    concluded concludes predicted predicts estimated estimates reported reports
    announced says said tweeted posted""".split()
)
# Speech verbs that assert content; "continued", "spoke" also report an event.
ASSERTING = (SPEECH_FORMS | TAIL_CUES) - _forms(["continue", "speak"])
# Words that turn a following "to"-phrase into a cue: "declined to comment".
_MULTI = (
    r"pointed\s+out|points\s+out|made\s+(?:it\s+)?clear|makes\s+(?:it\s+)?clear|"
    r"declined\s+to\s+(?:comment|say|discuss|elaborate)|refused\s+to\s+(?:comment|say)|"
    r"called\s+(?:for|on)|calls\s+(?:for|on)|calling\s+(?:for|on)|"
    r"went\s+on\s+to\s+say|goes\s+on\s+to\s+say|took\s+issue\s+with|"
    r"is\s+expected\s+to|are\s+expected\s+to|expressed\s+(?:concern|doubt|hope|confidence)|"
    r"(?:talk|spok|spoke|speak|rail|lash|laid|lay|spell|weigh|vot|push|fir|hit|took|take|mad|make)"
    r"(?:s|ed|e|ing)?\s+(?:about|against|out|in|back|aim\s+at|for|the\s+(?:case|point|argument))|"
    r"(?:made|makes|making)\s+no\s+secret|(?:go|goes|went|gone|going)\s+after|"
    r"(?:is|are|was|were|been|remains?|remained)\s+(?:\w+ly\s+)?(?:afraid|worried|concerned|confident|convinced|skeptical|"
    r"sceptical|optimistic|pessimistic|hopeful|adamant|eager|critical\s+of|opposed\s+to|"
    r"unconvinced|unsure|uncertain)|(?:declined|refused|declines|refuses)\s+to\s+(?:\w+)|"
    # Intentions with their infinitive: "plans to", "has sought to", "would like to".
    r"(?:plans?|planned|planning|seeks?|sought|seeking|intends?|intended|intending)\s+to|"
    r"(?:would|[’']d)\s+like\s+to|"
    # Deliberation in progress: "is considering a run", "are weighing a bid".
    r"considering|weighing|mulling|contemplating|"
    # Attacks phrased with a particle: "ripped into", "took a shot at", "fired back".
    r"(?:rip|ripp|tear|tore|lit|light|lay|laid|snap|snapp|shot|shoot|hit|fire|fir|lash)(?:s|ed|e|ing)?\s+"
    r"(?:into|back\s+at|out\s+at)|"
    r"(?:took|take|takes|taking|taken)\s+(?:a\s+|another\s+|repeated\s+)?(?:\w+\s+)?"
    r"(?:shot|swipe|jab|dig|potshot|aim)s?\s+at|"
    # Stance held as a role: "is a fierce critic of", "has long been an opponent of".
    r"(?:is|are|was|were|been|remains?|remained|became|become)\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:critic|opponent|supporter|proponent|advocate|champion|skeptic|sceptic|defender|foe|backer)s?\s+of|"
    # Speech named by what it touches on or relies on.
    r"(?:spoke|speaks|speak|speaking|talked|talks|talking)\s+of|(?:touch|touched|touches|touching)\s+(?:on|upon)|"
    r"(?:open|opened|opens|opening)\s+up\s+about|(?:count|counted|counts|counting|bank|banked|banks|banking)\s+on|"
    r"(?:raise|raised|raises|raising)\s+(?:\w+\s+)?(?:concerns?|questions?|doubts?|objections?|alarms?)|"
    r"(?:put|puts|putting)\s+it(?=\s*[,:;.]|\s+(?:this|that|bluntly|simply|mildly|plainly|succinctly|best|another)\b)"
)
MULTI_RE = re.compile(rf"\b(?:{_MULTI})\b")
# Verb forms that are plural nouns as often ("his calls", "reports of fliers"): a cue only
# right after a name, a pronoun or a plural subject ("Rivera calls the plan a fraud",
# "The Daily Ledger reports", "Critics call it").
NAME_VERBS = frozenset("calls call reports report".split())
_NAME_BEFORE_RE = re.compile(
    r"\b(?P<prev>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|(?!(?:His|Her|Their|Its|The|This|That|Our|My|Your)\b)[A-Z][\w.-]*[a-z.])\s+$"
)
WORD_RE = re.compile(r"[A-Za-z][a-z’'-]*")
# The first two letters of every word that opens a phrase of ``_MULTI``.
_MULTI_HEADS = frozenset(
    """po ma de re ca we go to is ar ex ta sp ra la vo pu fi hi mu co wa be pl se in wo
    ri te li sn sh ba op ai so""".split()
)


def cue_positions(masked: str, start: int = 0, end: int | None = None):
    """(start, end, cue) of every cue word or phrase in ``masked[start:end]``, in order.

    One pass over the words plus one over the multi-word phrases: linear in the text.
    """
    if end is None:
        end = len(masked)
    for m in WORD_RE.finditer(masked, start, end):
        word = m.group(0)
        # A phrase is tried only at a word that can open one, so "said said ..." costs
        # one set lookup a word.
        if word[:2] in _MULTI_HEADS:
            multi = MULTI_RE.match(masked, m.start(), end)
            if multi is not None:
                yield multi.start(), multi.end(), multi.group(0)
                continue
        if word in CUE_FORMS:
            yield m.start(), m.end(), word
        elif word in NAME_VERBS and _name_before(masked, m.start(), word):
            yield m.start(), m.end(), word
        elif word == "according" and masked.startswith(" to", m.end()):
            yield m.start(), m.end() + 3, "according to"


def _name_before(masked: str, at: int, word: str) -> bool:
    m = _NAME_BEFORE_RE.search(masked, max(0, at - 40), at)
    if m is None:
        return False
    prev = m.group("prev").lower()
    if prev in ("he", "she"):
        return word.endswith("s")
    if prev in ("they", "we"):
        return not word.endswith("s")
    # "Rivera calls", "Critics call": a base form agrees with a plural only.
    return word.endswith("s") or prev.endswith("s")
