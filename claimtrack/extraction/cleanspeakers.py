"""What a clean speaker is: a noun phrase, never a function word or a clause fragment."""

from __future__ import annotations

import re
from typing import Protocol


class _Named(Protocol):
    name: str | None


# Words that cannot start or make up a clean speaker.
_BAD_FIRST = frozenset(
    """as when while if because after before since although though both moments this that
    these those but and or so yet then now here there where how why what which who whom
    whose also even only just meanwhile however earlier later today yesterday in on at
    for with by from of to than like until unless once not no every whether despite
    during instead perhaps still already it its amid among amongst asked following given
    including unlike compared currently recently additionally finally ultimately unable
    able monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    we'll we're we've we'd let's let please due similar""".split()
)
_BAD_LAST = frozenset("by or and of to for with from here there the a an in on at as who whom whose which that".split())
_BARE_WORDS = frozenset("the a an mr mrs ms dr sen rep gen he she they it we i you one his him her their them".split())
# A verb opening a phrase makes it a clause ("joined the court's ...", "Did Donald Trump").
_VERB_FIRST = frozenset("did does do is are was were would could should says said made used maybe had has have".split())
_VERB_OPENING_RE = re.compile(r"^[a-z]+(?:ed|ed\s+(?:to|for|the|a|an|it|and|with|by|in|on)\b)\s")
_CLAUSE_INSIDE = frozenset(
    """is was were are has have had will would could can should did does do been being
    said says told that which when because if whether ago yesterday tonight earlier
    later he she they we i you don't doesn't didn't won't can't isn't aren't wasn't
    weren't""".split()
)


_WHEN_WORDS = frozenset("last next this early late earlier later past".split())
_TIME_UNITS = frozenset(
    "week month year night morning evening afternoon weekend summer winter spring fall autumn".split()
)
_STOPS_AFTER_VERB = frozenset("to for the a an it and with by in on his her their its".split())


def clean_speaker(sp: _Named) -> bool:
    """A speaker must be a noun phrase: no function word, clause fragment or quotation."""
    name = sp.name or ""
    if not name.strip() or any(ch in name for ch in '"“”_') or len(name) > 90:
        return False
    toks = [t.strip(".,;:").lower().replace("’", "'") for t in name.split()]
    toks = [t for t in toks if t]
    if not toks or len(toks) > 12:
        return False
    if len(toks) == 1 and (toks[0] in _BARE_WORDS or toks[0] in _BAD_FIRST):
        return False
    if toks[0] in _BAD_FIRST or toks[0] in _VERB_FIRST:
        return False
    if len(toks) > 1 and name[:1].islower() and _VERB_OPENING_RE.match(name) and toks[1] in _STOPS_AFTER_VERB:
        return False
    # "X's office" is built from a remembered name, so "'s" inside is fine.
    if len(toks) > 1 and toks[-1] in _BAD_LAST and not (toks[-2] == "of" and toks[-1] in ("whom", "which")):
        return False  # "concerns and feedback here or by": a phrase cut off mid-way
    if len(toks) == 2 and toks[0] in _WHEN_WORDS and toks[1] in _TIME_UNITS:
        return False  # "Last month", "This week": when, not who
    return not any(t in _CLAUSE_INSIDE for t in toks[1:])
