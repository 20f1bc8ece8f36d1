"""Patterns and bounds shared by the attribution search: auxiliaries, clause words,
colon labels, the places a speaker sits next to a quotation."""

from __future__ import annotations

import re

from ..cues import TAIL_CUES

# Cue positions examined per sentence; a real sentence has one to three.
MAX_CUES = 6
# How far before a cue its subject may start, and how much of a sentence's end a tail
# attribution may occupy.
SUBJECT_WINDOW = 300
TAIL_WINDOW = 260
INTERPOSED_WINDOW = 400

# Auxiliaries and adverbs between a subject and its cue ("have been quick to stress").
_AUX_TAIL_RE = re.compile(
    r"(?:\s+(?:has|have|had|is|was|were|are|also|further|later|previously|repeatedly|"
    r"publicly|privately|again|already|then|quickly|recently|once|twice|would|will|did|does|do|rather|"
    r"now|still|himself|herself|itself|themselves|at\s+the\s+time|(?:(?:less|more)\s+than\s+)?"
    r"(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago|ago|"
    r"not|never|reportedly|separately|earlier|always|often|been|being|quick|to|too|first|"
    r"continues?|continued|appears?|appeared|seems?|seemed|"
    r"(?:is|are|was|were|has|have|had)n[’']t|"
    r"last|long|even|both|all|each|(?:on\s+|earlier\s+|late\s+)?\w+day(?:\s+(?:night|morning|evening|afternoon))?|"
    r"this\s+week|last\s+week|in\s+an?\s+(?:statement|interview|email|speech)|in\s+the\s+past|"
    r"in\s+(?:its|his|her|their)\s+(?:ruling|opinion|decision|statement|order|filing|report|letter|speech)|"
    r"(?!(?:family|ally|assembly|supply|rally|monopoly|anomaly)\b)[a-z]{2,}ly))+\s*$"
)
_LEADING_ADVERBIAL_RE = re.compile(
    r"^(?:(?:and|but|so|yet|still|also|however|meanwhile|moreover|furthermore|instead|"
    r"separately|earlier|later|now|then|today|yesterday|even|perhaps|indeed|in\s+addition)\b[\s,]*)+",
    re.IGNORECASE,
)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|be|is|are|it's|get|got)(?:\s+[a-z]+ly)?\s*$", re.IGNORECASE)
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:that|which|when|because|if|whether|while|although|though|since|as|after|before|"
    r"until|where|what|is|was|were|are|has|have|had|will|would|could|can|should|may|might|"
    r"did|does|do|said|says|it|this|there)\b"
)
# An aside between commas: ", the researchers note," / ", he said,".
_INTERPOSED_RE = re.compile(r",\s*(?P<subj>[^,_;]{1,60}?)\s+(?P<cue>[a-z]+)\s*,")
_INFINITIVE_RE = re.compile(
    r"\b(?:wants?|wanted|plans?|planned|hopes?|hoped|expects?|expected|seeks?|sought|tries|"
    r"tried|trying|going|intends?|aims?|needs?|has|have|had|together|unable|able|order)\s+to\s*$|"
    r"^\s*[A-Z][a-z]+\s+to\s*$"
)
_DETERMINER_BEFORE_RE = re.compile(
    r"(?:['’]s|\b(?:the|a|an|his|her|their|its|our|my|your|this|these|most|recent|latest|"
    r"own|more|less|very|highly|former|longtime|veteran|senior))\s+$",
    re.IGNORECASE,
)
_LAST_WORD_RE = re.compile(r"([a-z]+)\s+$")
_PLURAL_BEFORE_RE = re.compile(r"\b[A-Za-z][a-z]{2,}[^s's]s\s+$|\b(?:they|we|you|I)\s+$")
_NEXT_CAPITAL_RE = re.compile(r"\s+[A-Z]")
_TAIL_SEP_RE = re.compile(r"[,—–_]")
_COORDINATED_RE = re.compile(r"\b(?:and|but|then)\s+(?:\w+ly\s+)?$")
# What lets an "-ing" cue share the clause's subject: ", saying", "and said", "by saying".
_COMMA_OR_AND_RE = re.compile(r"(?:,|[—–]|\s-|\band|\bbut|\bthen|\bwhile|\bby|\bafter|\bbefore)\s+(?:\w+ly\s+)?$")
# 'Name, Outlet: "' at the start of a paragraph-like sentence, quotation masked.
_COLON_RE = re.compile(r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+)(?:,\s+[A-Z][^,:_]{1,40})?\s*:\s*_")
# A headline's 'Bernie Sanders: I am not much of a socialist'.
_COLON_HEAD_RE = re.compile(r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s*:\s+[A-Z‘'_]")
_NOT_COLON_NAMES = frozenset(
    """update updated note editor correction watch video photos photo breaking exclusive
    opinion analysis related read source sources q a live poll graphic chart map
    warning disclosure transcript full this that here what why how when where image images
    credit credits caption gallery podcast interview review editorial sponsored advertisement
    topics tags share summary background context question answer step tip tips price cost
    contact email phone address website location date time day week listen subscribe
    spoiler trailer recap explainer feature features""".split()
)
_TAIL_CUE_ALT = "|".join(sorted((re.escape(c) for c in TAIL_CUES), key=len, reverse=True))
_AFTER_QUOTE_RE = re.compile(
    rf"_[,—–-]?\s+(?:(?P<icue>{_TAIL_CUE_ALT})\s+(?P<isubj>[^_;:]{{2,160}}?)(?=[.!?]?$|[.;:]\s|[—–]|,?\s*_|$)|"
    rf"(?P<subj>(?:[A-Z][\w.'’-]*\s+){{0,5}}[A-Z][\w'’-]*|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|"
    rf"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[\w'’-]+(?:\s+[\w'’-]+){{0,6}}?)"
    rf"(?:,\s+(?P<appos>[^,_]{{1,160}}),)?\s+(?:(?:also|later|then|has|had|have|once|again|simply|flatly|\w+ly)\s+)?"
    rf"(?P<cue>{_TAIL_CUE_ALT})\b)"
)
_FINAL_SOURCING_RE = re.compile(
    r",\s+(?P<subj>[^,_;]{2,80}?)\s+(?P<cue>said|say|says|told\s+\w+|reported|wrote|announced|added|noted|confirmed|"
    r"explained|stressed|tweeted|argued|warned|insisted|found|finds|showed|shows|estimated|estimates|concluded)"
    r"(?:\s+(?:on\s+)?\w+day(?:\s+(?:morning|afternoon|evening|night))?|\s+in\s+an?\s+\w+)?(?:\.?$|,\s+(?:adding|saying|noting|citing|explaining)\b)"
)
# The subject opening a sentence, after an optional introductory phrase.
_CLAUSE_SUBJECT_RE = re.compile(
    r"^(?:[^,_]{0,150},\s+)?(?P<subj>(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+|[Hh]e|[Ss]he|[Tt]hey|"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'’-]+\s+){0,4}?[a-z][\w-]+)"
    r"(?:,[^,_]{1,80},)?\s+(?:(?:has|have|had|is|was|were|are|also|\w+ly)\s+)*[a-z]+"
)
# A lower-case word that is not a verb form after a lone capital: "Natural selection".
_NOUN_AFTER_RE = re.compile(r"\s+[a-z]+(?:tion|sion|ment|ness|ity|ism|ance|ence)\b")
_OPENER_RE = re.compile(r"^(?:[Aa]s|[Bb]oth|[Tt]hen)\s+(?=[A-Z])")
_SUBORDINATOR_RE = re.compile(
    r"^(?:[Aa]s|[Bb]oth|[Tt]hen|[Ww]hile|[Ww]hen|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Oo]nce|[Uu]ntil|"
    r"[Ww]hereas|[Aa]fter|[Bb]efore|[Ee]ven\s+though|[Ee]ven\s+as|[Ii]f)\s+(?=[A-Z]|(?:the|a|an)\s)"
)
# The subject of a clause opened inside the part: "... came up after Mr. Trump had said",
# "a campaign in which Donald Trump has said".
_INNER_CLAUSE_RE = re.compile(
    r"^.*\b(?:after|when|while|as|because|since|although|though|before|until|once|where|which|whom|"
    r"that|whereas|if|and|but)\s+(?=[A-Z]|(?:the|a|an)\s+[a-z])"
)
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+(?P<subj>[^,;_.—–]{2,120}(?:\.\s?[A-Z][^,;_.—–]*)*)")
# Where an "according to" source ends: a dash aside or a relative clause about it.
_SOURCE_END_RE = re.compile(r"\s+-\s|\s+(?:who|whom|that|which|whose)\s")
_MAX_SUBJECT_WORDS = 16
_DESCRIPTION_RE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+[a-z]")
# A subject a relative clause may follow: a description or a plural noun ("Residents
# who have met the mayor say"), not a clause ("The plan that ... is what ...").
_RELATIVE_HEAD_RE = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?)\s+[a-z]|(?:[Mm]any|[Ss]ome|[Mm]ost|[Tt]hose|[Oo]thers|[Pp]eople)\b|"
    r"(?:[A-Za-z][a-z-]+\s+){0,2}[A-Za-z][a-z]{2,}[^s'’\s]s\s+who\s)"
)
# A lower-case "-ed" word right after a noun reads as a finite verb; after a
# determiner, conjunction or preposition it is an adjective ("a leaked letter").
_FINITE_VERB_RE = re.compile(
    r"\b(?!(?:the|a|an|and|or|of|in|from|with|his|her|its|their|by|for|newly|recently)\b)"
    r"[a-z][\w-]*\s+[a-z]{3,}ed\b|\d"
)
_NAME_HEAD_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’-]*")
_PP_AFTER_RE = re.compile(r"\s+(?:of|from|at|for|with)\s+(?:the\s+)?[A-Z]")
_PART_SPLIT_RE = re.compile(r"[,;:—–]|\s-\s|_+")
_ARTICLE_RE = re.compile(r"^(?:the|an?)\s", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\s+(?:who|whom|whose|which|that)\s")
_WITH_RE = re.compile(r"^(?:with|as)\s+", re.IGNORECASE)
# The agent of a passive cue: "has been criticized by some of his rivals for ...".
_BY_AGENT_RE = re.compile(r"\s+by\s+(?P<agent>[^,_;.]{2,80}?)(?=\s+(?:for|over|as|because|after|on)\b|[,;.]|$)")
