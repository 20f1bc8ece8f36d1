"""Repeated statements within one article (a dek restating a body sentence).

Two claims are the same statement when their normalised words overlap strongly
(rapidfuzz token-set ratio), their numbers agree and their speakers do not differ.
Candidate pairs come from an inverted index of content words so long articles stay
near-linear; identical texts are caught by a hash first.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from .claimants import same_claimant
from .model import ExtractedClaim

MIN_RATIO = 85.0
MIN_SHARED_WORDS = 5
# Tokens this common in the article say nothing about sameness.
_MAX_POSTINGS = 40
_NORM_DROP_RE = re.compile(r"[^\w\s]")
_STOP = frozenset(
    """the a an and or of to in on at for from by with that this it its is was were are be
    been has have had said says say also he she they his her their as but not""".split()
)


def normalise(text: str) -> str:
    text = text.casefold().replace("u.s.", "us").replace("’", "'")
    text = _NORM_DROP_RE.sub(" ", text)
    return " ".join(text.split())


def mark_repeats(claims: list[ExtractedClaim]) -> None:
    """Set ``repeat_of`` on each claim that restates an earlier one (in place)."""
    seen_exact: dict[str, int] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    norms: list[str] = []
    for i, claim in enumerate(claims):
        norm = normalise(claim.text)
        norms.append(norm)
        if norm in seen_exact:
            claim.repeat_of = seen_exact[norm]
            continue
        seen_exact[norm] = i
        words = {w for w in norm.split() if w not in _STOP and len(w) > 2}
        counts: dict[int, int] = defaultdict(int)
        for w in words:
            for j in postings.get(w, ()):
                counts[j] += 1
        best, best_score = None, 0.0
        for j, shared in counts.items():
            if shared < MIN_SHARED_WORDS:
                continue
            other = claims[j]
            if not _compatible(claim, other):
                continue
            ratio = fuzz.token_set_ratio(norm, norms[j])
            if ratio >= MIN_RATIO and ratio > best_score:
                best, best_score = j, ratio
        if best is not None:
            # Point at the first occurrence, not at an intermediate repeat.
            claim.repeat_of = claims[best].repeat_of if claims[best].repeat_of is not None else best
            continue
        for w in words:
            lst = postings[w]
            if len(lst) < _MAX_POSTINGS:
                lst.append(i)


def _compatible(a: ExtractedClaim, b: ExtractedClaim) -> bool:
    if a.speaker and b.speaker and not same_claimant(a.speaker, b.speaker):
        return False
    va = {q.value for q in a.quantities}
    vb = {q.value for q in b.quantities}
    if va and vb and not (va <= vb or vb <= va):
        return False
    short, long_ = sorted((len(a.text), len(b.text)))
    return short >= 0.4 * long_
