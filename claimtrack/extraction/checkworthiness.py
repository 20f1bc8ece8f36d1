"""Check-worthiness: a small, transparent feature-weighted score in 0..1.

score = sigmoid(BIAS + sum(weight * feature)). Every feature is a yes/no test on the
claim; the weights were set by hand so that specific, attributed, numeric statements
about events rank above opinion, speculation, background and boilerplate.
"""

from __future__ import annotations

import math
import re

from .model import ExtractedClaim

BIAS = -0.5
WEIGHTS = {
    # A number is the single best sign of something a fact-checker can verify.
    "has_quantity": 1.3,
    # Several numbers: comparisons and totals, often the heart of a claim.
    "many_quantities": 0.3,
    # Named people, places, bodies: a claim about someone specific can be checked.
    "named_entity": 0.5,
    # Someone on the record said it: checkable both for accuracy and for attribution.
    "attributed": 0.4,
    # Direct quotation: exact words that can be verified against a record.
    "quoted": 0.2,
    # Concrete, completed events ("voted", "killed", "announced", "sent").
    "event_verb": 0.5,
    # Dates and times anchor a statement to a checkable moment.
    "time_anchor": 0.3,
    # Superlatives and records ("largest", "first", "record") are classic check targets.
    "superlative": 0.4,
    # Modal and hedged speculation ("could", "might", "likely") cannot be checked yet.
    "speculation": -0.7,
    # Value judgements ("should", "disgraceful", "I think") are opinion, not fact.
    "opinion": -1.0,
    # Reporter-voice first person is almost always commentary.
    "first_person": -0.5,
    # Very short sentences rarely carry a complete, checkable assertion.
    "short": -0.9,
    # Long sentences are usually background with several weak assertions.
    "long": -0.3,
    # Scene-setting and context ("in recent days", "has become a source of debate").
    "background": -0.5,
    # Press-release boilerplate ("is a leading provider", "forward-looking statements").
    "boilerplate": -2.0,
    # A statement already counted earlier in the article.
    "repeat": -0.8,
}

# Word lists are matched against the claim's lower-cased word set (one tokenisation per
# claim keeps scoring cheap); phrases of several words are matched as substrings.
_EVENT_WORDS = frozenset(
    """killed voted announced sent sending arrested signed passed approved rejected launched
    attacked struck withdrew withdrawn deployed fired died elected won lost raised cut
    increased decreased rose fell doubled tripled banned ordered seized captured released
    charged convicted sentenced resigned appointed paid spent invaded protested gained
    asked denied confirmed leaked moved moving hired""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today january
    february march april june july august september october november december jan feb aug
    sep sept oct nov dec""".split()
)
_SUPERLATIVE_WORDS = frozenset(
    """largest biggest highest lowest smallest first record most least fastest deadliest
    worst best only never doubled tripled half""".split()
)
_SPECULATION_WORDS = frozenset("could might may possibly perhaps likely unlikely would probably potentially if".split())
_SPECULATION_PHRASES = ("expected to", "appears to", "appear to", "seems to", "seem to")
_OPINION_WORDS = frozenset(
    """should must ought shameful disgraceful outrageous wonderful terrible great brilliant
    absurd ridiculous clearly obviously unacceptable deserve deserves sadly fortunately
    unfortunately""".split()
)
_OPINION_PHRASES = (
    "i think",
    "we think",
    "i believe",
    "we believe",
    "in my view",
    "need to",
    "needs to",
    "i don't think",
    "i don’t think",
)
_BACKGROUND_PHRASES = (
    "has become",
    "have become",
    "for years",
    "long been",
    "in recent days",
    "in recent weeks",
    "in recent months",
    "in recent years",
    "source of debate",
    "fact of life",
    "remains unclear",
    "it is clear",
    "it is not clear",
)
_BOILERPLATE_PHRASES = (
    "is a leading",
    "leading provider",
    "forward-looking statement",
    "for more information",
    "visit www",
    "visit http",
    "headquartered in",
    "all rights reserved",
    "subscribe",
    "sign up",
    "click here",
    "terms of use",
    "terms of service",
    "privacy policy",
)
_FIRST_PERSON = frozenset({"I", "we", "We", "my", "My", "our", "Our", "us"})
_NAMED_RE = re.compile(r"(?<=[\s(\"“])(?:[A-Z][a-z]+|[A-Z]\.(?:[A-Z]\.)+|[A-Z]{2,})")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_WORD_RE = re.compile(r"[\w’']+")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_LAST_PERIOD_RE = re.compile(r"\blast\s+(?:week|month|year)\b")


def features(claim: ExtractedClaim) -> dict[str, bool]:
    """The yes/no features of one claim (see WEIGHTS for what each means)."""
    text = claim.text
    low = text.lower()
    words = set(_LOWER_WORD_RE.findall(low))
    n_words = len(text.split())
    reporter_text = text if claim.quote is None else text.replace(claim.quote, " ")
    return {
        "has_quantity": bool(claim.quantities),
        "many_quantities": len(claim.quantities) >= 2,
        "named_entity": bool(_NAMED_RE.search(" " + text)),
        "attributed": claim.speaker is not None,
        "quoted": claim.kind == "quote",
        "event_verb": not words.isdisjoint(_EVENT_WORDS),
        "time_anchor": not words.isdisjoint(_TIME_WORDS)
        or bool(_YEAR_RE.search(text))
        or bool(_LAST_PERIOD_RE.search(low)),
        "superlative": not words.isdisjoint(_SUPERLATIVE_WORDS),
        "speculation": not words.isdisjoint(_SPECULATION_WORDS) or any(p in low for p in _SPECULATION_PHRASES),
        "opinion": not words.isdisjoint(_OPINION_WORDS) or any(p in low for p in _OPINION_PHRASES),
        "first_person": claim.speaker is None and not _FIRST_PERSON.isdisjoint(_WORD_RE.findall(reporter_text)),
        "short": n_words < 8,
        "long": n_words > 60,
        "background": any(p in low for p in _BACKGROUND_PHRASES),
        "boilerplate": any(p in low for p in _BOILERPLATE_PHRASES),
        "repeat": claim.repeat_of is not None,
    }


def score(claim: ExtractedClaim) -> float:
    """Check-worthiness in 0..1, rounded to three places."""
    total = BIAS + sum(WEIGHTS[name] for name, on in features(claim).items() if on)
    return round(1.0 / (1.0 + math.exp(-total)), 3)
