"""Speakers found beside the content rather than before a cue: colon labels, next to a
closing quotation, sentence-final sourcing and tails (", said Wu." / ", Wu said.")."""

from __future__ import annotations

from ..cues import LISTENER_CUES, NOUNISH_BASES, TAIL_CUES, WORD_RE
from ..speakers import ORGANIZATION, PERSON, Memory, Speaker, classify, clean_speaker
from .patterns import (
    _AFTER_QUOTE_RE,
    _COLON_HEAD_RE,
    _COLON_RE,
    _DETERMINER_BEFORE_RE,
    _FINAL_SOURCING_RE,
    _NOT_COLON_NAMES,
    _PASSIVE_BEFORE_RE,
    _PLURAL_BEFORE_RE,
    _TAIL_SEP_RE,
    TAIL_WINDOW,
)
from .subjects import _inverted, _looks_named, _trim_subject, speaker_for


def _next_to_quote(masked: str, memory: Memory) -> tuple[Speaker, str] | None:
    """'"...," said Harvey, who ...' and '"...," Harvey said, adding ...': the speaker
    right after a closing quotation, however long the sentence runs on."""
    for m in _AFTER_QUOTE_RE.finditer(masked):
        if m.group("icue") in LISTENER_CUES or (m.group("icue") or "").endswith("ing"):
            continue  # '"...," told Reuters' names the listener; '"...," saying ...' no one
        if m.group("icue"):
            sp = _inverted(m.group("isubj"), memory)
            cue = m.group("icue")
        else:
            appos = m.group("appos")
            if appos and _looks_named(appos) and 2 <= len(appos.split()) <= 4:
                sp = classify(appos, memory)  # 'his wife, Gabriela Lazar, wrote'
            else:
                sp = speaker_for(_trim_subject(m.group("subj")), m.group("cue"), memory)
            cue = m.group("cue")
        if sp is not None and clean_speaker(sp):
            return sp, cue
    return None


def _final_sourcing(masked: str, memory: Memory) -> tuple[Speaker, str] | None:
    """', people familiar with the session said.' ending a sentence sources all of it."""
    m = _FINAL_SOURCING_RE.search(masked[-TAIL_WINDOW:])
    if m is None:
        return None
    sp = speaker_for(_trim_subject(m.group("subj")), m.group("cue").split()[0], memory)
    return (sp, m.group("cue")) if sp is not None and clean_speaker(sp) else None


def _colon_speaker(masked: str, memory: Memory) -> Speaker | None:
    """'Harlan Pierce, Daily Ledger: "..."' and 'Name: "..."' outside transcripts; and
    a headline's 'Bernie Sanders: Taxes must rise'."""
    m = _COLON_RE.match(masked)
    if not m:
        m = _COLON_HEAD_RE.match(masked)
        if not m or m.group("name").split()[0].lower() in _NOT_COLON_NAMES:
            return None
        name = m.group("name")
        label = name.isupper() and len(name) >= 3 and " " not in name  # a transcript's "WALLACE:"
        sp = classify(name.title() if label else name, memory)
        if sp is None or not sp.name:
            return None
        # A lone surname needs the article to know it, a transcript label, or a headline
        # after it ("Pence: Flowers Won't Be at Debate").
        known = " " in sp.name or memory.entry(sp.name) is not None or label or _headline_after(masked, m.end("name"))
        return sp if known and sp.kind in (PERSON, ORGANIZATION) and clean_speaker(sp) else None
    sp = classify(m.group("name"), memory)
    if sp is None or sp.kind not in (PERSON, ORGANIZATION) or not clean_speaker(sp):
        return None
    return sp


def _headline_after(masked: str, at: int) -> bool:
    words = masked[at : at + 80].lstrip(" :").split()[:6]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 4


def _tail(tail: str, memory: Memory) -> tuple[Speaker, str] | None:
    """'..., Wu said on Monday.' or '..., said Maria Ortiz, a fellow at ...' at the end."""
    seps = [m.start() for m in _TAIL_SEP_RE.finditer(tail)]
    for k, sep in enumerate(reversed(seps)):
        if k >= 4:
            break
        seg = tail[sep + 1 :]
        if "_" in seg:
            continue
        words = list(WORD_RE.finditer(seg))
        if not words:
            continue
        first = words[0].group(0)
        if first in TAIL_CUES and first not in LISTENER_CUES and not first.endswith("ing"):
            # ", said Wu" names its speaker; ", adding maps of ..." has an object there.
            sp = _inverted(seg[words[0].end() :].strip(" .!"), memory)
            if sp and clean_speaker(sp):
                return sp, first
            continue
        for w in words[1:10]:
            cue = w.group(0)
            if cue in TAIL_CUES:
                if len(seg) - w.end() > 60 or _DETERMINER_BEFORE_RE.search(seg, max(0, w.start() - 12), w.start()):
                    break  # "paste in their email": a noun
                if cue in NOUNISH_BASES and not _PLURAL_BEFORE_RE.search(seg, max(0, w.start() - 30), w.start()):
                    break
                if _PASSIVE_BEFORE_RE.search(seg[max(0, w.start() - 32) : w.start()]):
                    break  # "the staff were asked to leave": passive, nobody speaks
                sp = speaker_for(_trim_subject(seg[: w.start()]), cue, memory)
                if sp and clean_speaker(sp):
                    return sp, cue
                break
    return None
