"""The claim as a fact-check reviews it: the assertion without its attribution.

"Transportation director Maria Gomez said around 12,000 vehicles use the bridge daily"
is reviewed as "Around 12,000 vehicles use the bridge daily"; the speaker travels
separately (ClaimReview itemReviewed.author). A proposal only: people edit it.
"""

from __future__ import annotations

import re

# "according to X, REST" / "REST, according to X."
_ACCORDING_LEAD = re.compile(r"^\s*according to [^,]{1,120},\s*(?P<rest>.+)$", re.I | re.S)
_ACCORDING_TAIL = re.compile(r"^(?P<rest>.+?),?\s+according to [^,]{1,120}[.!?]?\s*$", re.I | re.S)
_THAT = re.compile(r"^(?:that|:)\s+", re.I)
_QUOTES = "\"“”‘’'"
MAX_LEAD_WORDS = 14  # an attribution before the cue is a name and a title, not a clause


def _sentence(text: str) -> str:
    text = text.strip().strip(_QUOTES).strip().rstrip(",;:").strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _names(speaker: str | None, part: str) -> bool:
    """Whether `part` of the sentence names the speaker: their last name will do, however
    it is spelt ("Abdul-Mahdi", "Abdul Mahdi")."""
    if not speaker:
        return True
    wanted = _words(speaker)
    return not wanted or wanted[-1] in _words(part)


def _cue_pattern(cue: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in cue.split())
    return re.compile(rf"\b{words}\b", re.I)


def propose(text: str, *, speaker: str | None = None, cue: str | None = None, quote: str | None = None) -> str:
    """The claim without who said it; the text unchanged (tidied) when no attribution is found."""
    text = (text or "").strip()
    if not text:
        return ""
    if quote and len(quote.split()) >= 3:
        return _sentence(quote)
    for pattern in (_ACCORDING_LEAD, _ACCORDING_TAIL):
        found = pattern.match(text)
        if found:
            return _sentence(found.group("rest"))
    if cue and cue.lower() != "according to":
        lead = _strip_lead(text, cue, speaker)
        if lead is not None:
            return lead
        tail = _strip_tail(text, cue, speaker)
        if tail is not None:
            return tail
    return _sentence(text)


def _strip_lead(text: str, cue: str, speaker: str | None) -> str | None:
    """ "<title> <speaker> <cue> [that] REST" -> REST."""
    for found in _cue_pattern(cue).finditer(text):
        before = text[: found.start()]
        if not before.strip() or len(before.split()) > MAX_LEAD_WORDS or "," in before.strip().rstrip(","):
            continue
        if not _names(speaker, before):
            continue
        rest = _THAT.sub("", text[found.end() :].lstrip(" ,"))
        if len(rest.split()) >= 3:
            return _sentence(rest)
    return None


def _strip_tail(text: str, cue: str, speaker: str | None) -> str | None:
    """ "REST, <speaker> <cue>." or "REST, <cue> <speaker>." -> REST."""
    cut = text.rfind(",")
    if cut <= 0:
        return None
    tail = text[cut + 1 :]
    if len(tail.split()) > MAX_LEAD_WORDS or not _cue_pattern(cue).search(tail):
        return None
    if not _names(speaker, tail):
        return None
    rest = text[:cut]
    return _sentence(rest) if len(rest.split()) >= 3 else None
